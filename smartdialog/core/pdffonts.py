"""The fonts embedded in every PDF smartdialog writes (tickets, badges, minutes).

DejaVu Sans covers wide Latin (Vietnamese, Polish, Turkish), Greek and
Cyrillic, so that "Łukasz Öztürk-Nguyễn" prints as written.  Licence:
resources/fonts/LICENSE-DejaVu.txt.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from smartdialog.paths import resource

REGULAR = "SDSans"
BOLD = "SDSans-Bold"
ITALIC = "SDSans-Italic"
BOLD_ITALIC = "SDSans-BoldItalic"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


@cache
def register() -> str:
    """Register the family with reportlab once; returns the regular font's name."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR
