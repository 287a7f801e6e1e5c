"""The projector's window: the wall full screen on the second display."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from smartdialog.ui.wall.state import MODE_KEYS, WallState
from smartdialog.ui.wall.view import WallView

_MODE_FOR_KEY = {key: mode for mode, key in MODE_KEYS.items()}


def projector_screen() -> tuple[QScreen | None, bool]:
    """The screen for the wall and whether it is a second one (not the laptop's own)."""
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not primary]
    return (others[0], True) if others else (primary, False)


class ProjectorWindow(QWidget):
    """A top-level window that shows the wall; full screen when a second screen exists.

    Keys (for the moderator at the projector laptop): F11 toggles full screen,
    Escape leaves it, + and - change the font size for the room, F5 to F9
    switch the mode as on the Live-Wand page.
    """

    closed = Signal()

    def __init__(self, state: WallState, parent: QWidget | None = None) -> None:
        # A window of its own even with a parent, so it closes with the main window.
        super().__init__(parent, Qt.WindowType.Window)
        self.state = state
        self.setWindowTitle(self.tr("Live wall"))
        self.view = WallView(state, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screen_added)

    def present(self) -> None:
        """Show on the projector: full screen on the second screen, else a window here."""
        screen, second = projector_screen()
        if screen is not None:
            self.setScreen(screen)
            geometry = screen.availableGeometry()
            if second:
                self.setGeometry(screen.geometry())
                self.showFullScreen()
            else:
                self.resize(
                    min(1280, geometry.width() * 2 // 3), min(720, geometry.height() * 2 // 3)
                )
                self.move(geometry.center() - self.rect().center())
                self.showNormal()
        else:
            self.show()
        # Headless platforms (tests, a CI box) have no window stack to raise in.
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            self.raise_()

    def _screen_added(self, _screen: QScreen) -> None:
        # The projector was plugged in while the wall was already showing: move there.
        if self.isVisible() and not self.isFullScreen():
            self.present()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_F11 or event.matches(QKeySequence.StandardKey.FullScreen):
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.state.set_scale(self.state.scale + 0.1)
        elif key == Qt.Key.Key_Minus:
            self.state.set_scale(self.state.scale - 0.1)
        elif (mode := _MODE_FOR_KEY.get(QKeySequence(key).toString())) is not None:
            self.state.set_mode(mode)
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
