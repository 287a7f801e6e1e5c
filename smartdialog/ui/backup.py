"""Backups from the window: on demand, every few minutes to a chosen folder, checkpoint when idle.

All file work runs in the worker pool (ui.worker); the GUI thread only starts
it and shows the result.  The core does the work (core.backup), so the
command line makes the same backups.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core import backup
from smartdialog.ui import worker
from smartdialog.ui.messages import translate_error

if TYPE_CHECKING:
    from smartdialog.core.db import Database

log = logging.getLogger("smartdialog.ui.backup")

DEFAULT_INTERVAL_MIN = 5
DEFAULT_KEEP = 12
# After this long without a write, what the -wal holds is copied into the event file.
IDLE_MS = 30_000


def _positive(value: object, default: int) -> int:
    """A whole number of at least 1 from a settings file a person may have edited."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(1, number)


class BackupSettings:
    """The automatic backup's preferences (QSettings, per laptop)."""

    def __init__(self, settings: QSettings) -> None:
        self._s = settings

    @property
    def enabled(self) -> bool:
        return bool(self._s.value("backup/enabled", False, type=bool))

    @property
    def folder(self) -> str:
        return str(self._s.value("backup/folder", "") or "")

    @property
    def interval_minutes(self) -> int:
        return _positive(self._s.value("backup/interval_minutes", DEFAULT_INTERVAL_MIN), 1)

    @property
    def keep(self) -> int:
        return _positive(self._s.value("backup/keep", DEFAULT_KEEP), DEFAULT_KEEP)

    def store(self, *, enabled: bool, folder: str, interval_minutes: int, keep: int) -> None:
        self._s.setValue("backup/enabled", enabled)
        self._s.setValue("backup/folder", folder)
        self._s.setValue("backup/interval_minutes", interval_minutes)
        self._s.setValue("backup/keep", keep)


class BackupController(QObject):
    """Keeps the open event file backed up and checkpointed, never in the GUI thread."""

    saved = Signal(object)  # core.backup.BackupResult of an automatic backup
    failed = Signal(str)  # the user's sentence for a failed automatic backup
    checkpointed = Signal()
    _wrote = Signal()  # emitted from whichever thread committed

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = BackupSettings(settings)
        self.path: Path | None = None
        self.failing = False
        self._auto: worker.Task[Any] | None = None
        self._checkpoint: worker.Task[Any] | None = None
        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(self.backup_automatically)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_MS)
        self.idle_timer.timeout.connect(self.checkpoint_now)
        self._wrote.connect(self.idle_timer.start)

    def set_database(self, db: Database | None) -> None:
        self.path = db.path if db is not None and db.is_sqlite else None
        if db is not None and self.path is not None:
            db.on_commit.append(self._wrote.emit)
        self.failing = False
        self.apply_settings()

    def apply_settings(self) -> None:
        if self.path is not None and self.settings.enabled and self.settings.folder:
            self.auto_timer.start(self.settings.interval_minutes * 60_000)
        else:
            self.auto_timer.stop()
        if self.path is None:
            self.idle_timer.stop()

    def backup_to(
        self,
        target: Path,
        on_done: Any,
        on_error: Any,
    ) -> worker.Task[Any] | None:
        """A backup copy of the open event to ``target``, in the worker pool."""
        if self.path is None:
            return None
        return worker.start(_backup_to, self.path, target, on_done=on_done, on_error=on_error)

    def backup_automatically(self) -> None:
        if self.path is None or not self.settings.folder or self._auto is not None:
            return
        self._auto = worker.start(
            _automatic,
            self.path,
            Path(self.settings.folder),
            self.settings.keep,
            on_done=self._auto_done,
            on_error=self._auto_failed,
        )

    def _auto_done(self, result: backup.BackupResult) -> None:
        self._auto = None
        self.failing = False
        self.saved.emit(result)

    def _auto_failed(self, exc: Exception) -> None:
        self._auto = None
        self.failing = True
        self.failed.emit(translate_error(exc))

    def checkpoint_now(self) -> None:
        if self.path is None or self._checkpoint is not None:
            return
        self._checkpoint = worker.start(
            _checkpoint, self.path, on_done=self._checkpoint_done, on_error=self._checkpoint_failed
        )

    def _checkpoint_done(self, _result: object) -> None:
        self._checkpoint = None
        self.checkpointed.emit()

    def _checkpoint_failed(self, exc: Exception) -> None:
        # Nothing for the user to do: the next idle moment tries again.
        self._checkpoint = None
        log.info("checkpoint skipped: %s", exc)


def _backup_to(_progress: worker.Progress, source: Path, target: Path) -> backup.BackupResult:
    return backup.backup_file(source, target)


def _automatic(
    _progress: worker.Progress, source: Path, folder: Path, keep: int
) -> backup.BackupResult:
    return backup.automatic_backup(source, folder, keep=keep)


def _checkpoint(_progress: worker.Progress, source: Path) -> tuple[int, int, int]:
    return backup.checkpoint(source)


class AutoBackupDialog(QDialog):
    """Where and how often the open event is backed up automatically."""

    def __init__(self, settings: BackupSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Automatic backups"))
        self._settings = settings

        intro = QLabel(
            self.tr(
                "smartdialog saves a complete copy of the open event every few minutes. "
                "Choose a folder on another drive, for example a USB stick: if this laptop "
                "fails, the copies are still there. Each copy carries the time in its name; "
                "the newest ones are kept."
            )
        )
        intro.setWordWrap(True)

        self.enabled = QCheckBox(self.tr("Save backups automatically"))
        self.enabled.setChecked(settings.enabled)
        self.folder = QLineEdit(settings.folder)
        self.folder.setPlaceholderText(self.tr("for example the USB stick"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.interval = QSpinBox()
        self.interval.setRange(1, 120)
        self.interval.setPrefix(self.tr("every "))
        self.interval.setSuffix(self.tr(" minutes"))
        self.interval.setValue(settings.interval_minutes)
        self.keep = QSpinBox()
        self.keep.setRange(1, 500)
        self.keep.setSuffix(self.tr(" copies"))
        self.keep.setValue(settings.keep)
        for spin in (self.interval, self.keep):
            spin.setFixedWidth(180)

        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("How often:"), self.interval)
        form.addRow(self.tr("Keep the newest:"), self.keep)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _choose_folder(self) -> None:
        start = self.folder.text() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), start)
        if folder:
            self.folder.setText(folder)
            self.enabled.setChecked(True)

    def accept(self) -> None:
        self._settings.store(
            enabled=self.enabled.isChecked() and bool(self.folder.text().strip()),
            folder=self.folder.text().strip(),
            interval_minutes=self.interval.value(),
            keep=self.keep.value(),
        )
        super().accept()
