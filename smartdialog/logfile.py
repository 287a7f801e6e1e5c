"""The log file in the user's data folder, shared by the app and the command line."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from smartdialog import APP_NAME, ORG_NAME


def data_dir() -> Path:
    """The user's data folder for smartdialog (log file, crash traces)."""
    # Set here too, so that the command line (which has no application object) finds the same folder.
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORG_NAME)
    if not QCoreApplication.applicationName():
        QCoreApplication.setApplicationName(APP_NAME)
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_file() -> Path:
    return data_dir() / "smartdialog.log"


MAX_BYTES = 2_000_000
KEEP = 3


class _LogFileHandler(logging.FileHandler):
    """Appends to the log file; marks the handler as ours so it is installed once."""


def _rotate(path: Path) -> None:
    """Keep the last few logs (smartdialog.log.1 … .3) once the current one is large.

    Done once at start-up rather than by logging.handlers, whose import costs
    more start-up time than the whole rotation ever will.
    """
    if not path.exists() or path.stat().st_size < MAX_BYTES:
        return
    for n in range(KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def log_to_file(level: int = logging.INFO) -> Path:
    """Send log records to the log file (once per process); returns its path."""
    path = log_file()
    root = logging.getLogger()
    if not any(isinstance(h, _LogFileHandler) for h in root.handlers):
        with contextlib.suppress(OSError):  # another process holds it (Windows): next time
            _rotate(path)
        handler = _LogFileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(level)
    return path
