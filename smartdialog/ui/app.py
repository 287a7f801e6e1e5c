"""Starting the application: logging, the crash handler, translations, the main window."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from smartdialog import APP_NAME, ORG_NAME, __version__, i18n
from smartdialog.logfile import data_dir, log_file, log_to_file
from smartdialog.ui import appearance, fonts
from smartdialog.ui.mainwindow import MainWindow

log = logging.getLogger("smartdialog")

_fault_log: IO[str] | None = None


def settings() -> QSettings:
    """Preferences only (language, recent files, device name): an INI file per user."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file in the user's data folder; route Qt's own messages there too."""
    global _fault_log
    path = log_to_file(level)
    qInstallMessageHandler(_qt_message)
    if _fault_log is None:
        # A hard crash inside Qt still leaves a Python traceback behind.
        _fault_log = (data_dir() / "crash.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_log)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("smartdialog.qt").log(_QT_LEVELS.get(kind, logging.WARNING), message)
    if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        # Keep them visible on the console too (and to pytest-qt's capture).
        print(f"Qt: {message}", file=sys.stderr)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error: write it to the log and apologise briefly; the app keeps running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.critical("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
    app = QApplication.instance()
    if app is None or getattr(_excepthook, "showing", False):
        return
    _excepthook.showing = True  # type: ignore[attr-defined]
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("app", "Sorry"))
        box.setText(
            QCoreApplication.translate(
                "app",
                "Sorry, something went wrong that should not have. Everything you saved is "
                "still there. Please carry on; if it happens again, restart smartdialog.",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate("app", "Details are in the log file:\n{path}").format(
                path=log_file()
            )
        )
        box.exec()
    finally:
        _excepthook.showing = False  # type: ignore[attr-defined]


def install_crash_handler() -> None:
    sys.excepthook = _excepthook


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("smartdialog")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    chosen = i18n.preferred_language(language or str(settings().value("ui/language", "") or ""))
    i18n.install(app, chosen)
    fonts.install_emoji_font()
    appearance.apply(app, appearance.load(settings()))
    return app


def run(event: str | None = None, *, language: str | None = None) -> int:
    """Open the application (on ``event`` when given) and run until it is closed."""
    app = create_application(sys.argv[:1], language)
    setup_logging()
    install_crash_handler()
    log.info("smartdialog %s starting", __version__)

    window = MainWindow(settings())
    window.show()
    # The event opens right after the window is on screen, so that people see
    # the app at once while the database layer loads.
    # The start-up benchmark's hook ("shown", "ready"), and the packaged app's smoke test
    # ("workspaces": every workspace shown once on the event, then exit 0 — or 1 if it failed).
    exit_after = os.environ.get("SMARTDIALOG_EXIT_AFTER", "")
    if exit_after == "shown":
        QTimer.singleShot(0, _end_start_up_measurement)
    elif exit_after == "workspaces":
        QTimer.singleShot(0, lambda: _smoke_test(app, window, event))
    else:
        QTimer.singleShot(
            0, lambda: _open_first_event(window, event, measure=exit_after == "ready")
        )
    return app.exec()


def _open_first_event(window: MainWindow, event: str | None, *, measure: bool) -> None:
    if event:
        window.open_event(event)
    elif not window.hosting.offer_resume():
        window.open_last_event()
    if measure:
        QTimer.singleShot(0, _end_start_up_measurement)


def _smoke_test(app: QApplication, window: MainWindow, event: str | None) -> None:
    """Open the event, show each workspace once, and leave with 0 when all of that worked."""
    from smartdialog.ui.mainwindow import WORKSPACES

    opened = bool(event) and window.open_event(event or "")
    shown = []
    if opened:
        for spec in WORKSPACES:
            page = window.show_workspace(spec.key)
            QCoreApplication.processEvents()
            if window.stack.currentWidget() is page:
                shown.append(spec.key)
    parts = _smoke_parts()
    ok = opened and len(shown) == len(WORKSPACES) and all(parts.values())
    log.info("smoke test: event opened %s, workspaces shown %s, %s", opened, shown, parts)
    loaded = ", ".join(f"{name} {'ok' if good else 'MISSING'}" for name, good in parts.items())
    print(
        f"smoke test: {'ok' if ok else 'FAILED'} ({', '.join(shown) or 'no workspace'}; {loaded})"
    )
    window.close_event()
    app.exit(0 if ok else 1)


def _smoke_parts() -> dict[str, bool]:
    """What the desk loads only when used: the QR decoder for the camera, Qt's sound effects."""
    parts = {}
    try:
        from PySide6.QtGui import QColor, QImage, QPainter

        from smartdialog.core.services import badges
        from smartdialog.ui.desk import framescan

        matrix = badges.qr_matrix("12345678901234567890")
        image = QImage(len(matrix) + 8, len(matrix) + 8, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(x + 4, y + 4, 1, 1, QColor("black"))
        painter.end()
        image = image.scaled(image.width() * 6, image.height() * 6)
        parts["camera decoder"] = framescan.decode_qr(framescan.prepare(image)) == [
            "12345678901234567890"
        ]
    except ImportError:
        log.exception("smoke test: the camera decoder is missing")
        parts["camera decoder"] = False
    try:
        from PySide6.QtMultimedia import QSoundEffect

        parts["sound"] = QSoundEffect() is not None
    except ImportError:
        log.exception("smoke test: Qt Multimedia is missing")
        parts["sound"] = False
    return parts


def _end_start_up_measurement() -> None:
    """The start-up benchmark measures up to here: skip the interpreter's teardown."""
    QCoreApplication.processEvents()
    logging.shutdown()
    os._exit(0)
