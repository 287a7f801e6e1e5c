"""Settings for eyes: larger text and a high-contrast theme, app-wide, plus colour arithmetic.

Both settings live in QSettings (``appearance/large_text``, ``appearance/high_contrast``),
are applied at start and at once when changed.  Widgets that draw with their own
colours or style sheets (the station, the wall) listen to ``notifier().changed``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from smartdialog.paths import resource

# 125 %: the step Windows offers too, and what fits every workspace into 1366 px.
LARGE_SCALE = 1.25
WHITE = "#ffffff"
BLACK = "#000000"
# The focus ring: thick and dark, so that it stands out against every fill we use (≥ 3:1).
FOCUS = "#000000"
# In high contrast the fills are black; the ring there is yellow.
FOCUS_HIGH_CONTRAST = "#ffd600"

# Focus always visible, for widgets whose native focus frame is thin or absent.
FOCUS_STYLE = """
QTabBar::tab:focus { text-decoration: underline; }
"""

HIGH_CONTRAST_STYLE = """
QWidget { color: #000000; }
QPushButton, QToolButton { background: #ffffff; color: #000000; border: 2px solid #000000;
    border-radius: 4px; padding: 4px 10px; }
QPushButton:hover, QToolButton:hover { background: #e6e6e6; }
QPushButton:pressed, QPushButton:checked, QToolButton:checked { background: #000000; color: #ffffff; }
QPushButton:disabled, QToolButton:disabled { color: #4d4d4d; border: 2px dashed #4d4d4d; }
QPushButton:focus, QToolButton:focus { border: 4px solid #0000c8; }
QLineEdit, QPlainTextEdit, QTextEdit {
    background: #ffffff; color: #000000; border: 2px solid #000000; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus { border: 3px solid #0000c8; }
QTabBar::tab { background: #ffffff; color: #000000; border: 2px solid #000000; padding: 6px 12px; }
QTabBar::tab:selected { background: #000000; color: #ffffff; }
QListWidget#navigation { background: #ffffff; border-right: 2px solid #000000; }
QListWidget#navigation::item { color: #000000; }
QListWidget#navigation::item:selected { background: #000000; color: #ffffff; }
QListWidget#navigation::item:hover:!selected { background: #e6e6e6; }
QListWidget#navigation::item:disabled { color: #4d4d4d; }
QToolButton#qt_toolbar_ext_button { background: transparent; border: none; padding: 0; }
"""


@dataclass(frozen=True)
class Appearance:
    large_text: bool = False
    high_contrast: bool = False


def _flag(settings: QSettings, key: str) -> bool:
    value = settings.value(key, False)
    return value is True or str(value).lower() in ("true", "1", "yes")


def load(settings: QSettings) -> Appearance:
    return Appearance(
        large_text=_flag(settings, "appearance/large_text"),
        high_contrast=_flag(settings, "appearance/high_contrast"),
    )


def save(settings: QSettings, chosen: Appearance) -> None:
    settings.setValue("appearance/large_text", chosen.large_text)
    settings.setValue("appearance/high_contrast", chosen.high_contrast)
    settings.sync()


class _Notifier(QObject):
    changed = Signal(object)  # the new Appearance


_notifier: _Notifier | None = None
_current = Appearance()


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def current() -> Appearance:
    return _current


def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor | str) -> float:
    """WCAG 2 relative luminance."""
    c = QColor(colour)
    return (
        0.2126 * _channel(c.redF()) + 0.7152 * _channel(c.greenF()) + 0.0722 * _channel(c.blueF())
    )


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2 contrast ratio, 1 … 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(colour: QColor | str) -> QColor:
    """Black or white text on ``colour``, whichever contrasts more (always ≥ 4.58:1)."""
    return QColor(WHITE if contrast(WHITE, colour) >= contrast(BLACK, colour) else BLACK)


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    black, white, blue = QColor(BLACK), QColor(WHITE), QColor("#0000c8")
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.ToolTipBase,
        QPalette.ColorRole.Light,
        QPalette.ColorRole.Midlight,
    ):
        palette.setColor(role, white)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.PlaceholderText,
        QPalette.ColorRole.Dark,
        QPalette.ColorRole.Mid,
        QPalette.ColorRole.Shadow,
    ):
        palette.setColor(role, black)
    palette.setColor(QPalette.ColorRole.Highlight, blue)
    palette.setColor(QPalette.ColorRole.HighlightedText, white)
    palette.setColor(QPalette.ColorRole.Link, blue)
    grey = QColor("#4d4d4d")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return palette


def style_sheet(chosen: Appearance) -> str:
    path = resource("styles", "app.qss")
    base = path.read_text(encoding="utf-8") if path.exists() else ""
    return base + FOCUS_STYLE + (HIGH_CONTRAST_STYLE if chosen.high_contrast else "")


def apply(app: QApplication, chosen: Appearance) -> None:
    """Make ``chosen`` the look of the whole application, now."""
    global _current
    base = app.property("smartdialogBaseFont")
    if not isinstance(base, QFont):
        base = QFont(app.font())
        app.setProperty("smartdialogBaseFont", base)
    before = app.font().pointSizeF()
    font = QFont(base)
    if chosen.large_text and base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * LARGE_SCALE)
    app.setFont(font)
    ratio = font.pointSizeF() / before if before > 0 else 1.0
    if abs(ratio - 1.0) > 1e-6:
        # Widgets that made their own font larger (headings, the verdict) keep their
        # proportion: scale what they set by the same factor.
        for widget in app.allWidgets():
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                own = QFont(widget.font())
                if own.pointSizeF() > 0:
                    own.setPointSizeF(own.pointSizeF() * ratio)
                    widget.setFont(own)
    app.setPalette(
        high_contrast_palette() if chosen.high_contrast else app.style().standardPalette()
    )
    app.setStyleSheet(style_sheet(chosen))
    _current = chosen
    notifier().changed.emit(chosen)
