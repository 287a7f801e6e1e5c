"""What the user is told when something goes wrong: a sentence in their language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from smartdialog.core.errors import SmartDialogError

log = logging.getLogger("smartdialog.ui")


def translate_error(exc: BaseException) -> str:
    """The user's sentence for an exception; unknown ones are logged with their traceback."""
    # Imported here: this module is loaded before the window shows, SQLAlchemy after.
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    if isinstance(exc, SmartDialogError):
        text = QCoreApplication.translate(exc.context, exc.message)
        return text.format(**exc.params) if exc.params else text
    if isinstance(exc, OperationalError):
        detail = str(exc.orig).lower()
        if "disk" in detail and "full" in detail:
            return QCoreApplication.translate(
                "errors",
                "The disk is full; the last change was not saved. Free some space (or plug in "
                "a USB stick and save a copy there), then try again.",
            )
        if "readonly" in detail or "read-only" in detail:
            return QCoreApplication.translate(
                "errors",
                "The event file cannot be written to any more. Check that the drive is still connected.",
            )
        if "locked" in detail or "busy" in detail:
            return QCoreApplication.translate(
                "errors", "Another laptop is writing right now. Try again in a moment."
            )
        return QCoreApplication.translate(
            "errors",
            "The database does not answer. Check the network cable or the drive, then try again.",
        )
    if isinstance(exc, SQLAlchemyError | OSError):
        log.error("storage failed", exc_info=exc)
        return QCoreApplication.translate(
            "errors",
            "The change could not be saved. Check the drive or the network, then try again.",
        )
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "errors", "Something went wrong that should not. It has been written to the log file."
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("errors", "smartdialog"), translate_error(exc)
    )
