"""The emoji font the PDFs embed, offered to Qt as well.

A venue laptop may have no emoji font (a fresh Linux, an old Windows): "🚲"
typed into an idea would show as a box on the wall and in the lists.  Qt
falls back to an application font for glyphs the interface font lacks.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFontDatabase

from smartdialog.paths import resource

log = logging.getLogger("smartdialog.ui")


@cache
def install_emoji_font() -> bool:
    """Add the shipped Noto Emoji to Qt's fonts once (needs a QGuiApplication)."""
    font_id = QFontDatabase.addApplicationFont(str(resource("fonts", "NotoEmoji-Regular.ttf")))
    if font_id < 0:
        log.info("the shipped emoji font could not be loaded")
        return False
    return True
