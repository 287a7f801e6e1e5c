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
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SmartDialogError):
        # Database failures arrive here as SmartDialogError too (core.db.storage_problem).
        return exc.text(QCoreApplication.translate)
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
