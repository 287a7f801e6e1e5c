"""The exports of the Dokumentation page: the PDF for the council, the data, data protection.

They run in a worker thread with a progress bar; a target that cannot be
written is said in words beside the buttons, not in a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.db import Database
from smartdialog.core.services import export, minutes, privacy, setup
from smartdialog.ui import ops, worker
from smartdialog.ui.messages import translate_error


def _file_name(title: str, suffix: str) -> str:
    cleaned = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip().replace(" ", "-")
    return f"Dokumentation-{cleaned or 'Veranstaltung'}{suffix}"


class ExportPanel(QWidget):
    """The Export and Data protection boxes beside the minutes' texts.

    ``before_export`` runs before anything is written (the page stores the
    text being typed, so that the PDF holds it).
    """

    # Emitted when an export is written (its path or folder) or failed (the user's sentence).
    exported = Signal(object)
    export_failed = Signal(str)
    status_message = Signal(str)

    def __init__(
        self,
        settings: QSettings,
        before_export: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.before_export = before_export
        self.db: Database | None = None
        self._final = False
        self._task: worker.Task[Any] | None = None
        self._last_output: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        export_box = QGroupBox(self.tr("Export"))
        form = QFormLayout(export_box)
        self.pdf_button = QPushButton(self.tr("Export PDF for the council …"))
        self.pdf_button.clicked.connect(self.choose_pdf_target)
        form.addRow(self.pdf_button)
        data_row = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Export CSV …"))
        self.csv_button.clicked.connect(lambda: self.choose_data_target("csv"))
        self.json_button = QPushButton(self.tr("Export JSON …"))
        self.json_button.clicked.connect(lambda: self.choose_data_target("json"))
        data_row.addWidget(self.csv_button)
        data_row.addWidget(self.json_button)
        form.addRow(data_row)
        self.separator = QComboBox()
        self.separator.addItem(self.tr("Semicolon (German Excel)"), ";")
        self.separator.addItem(self.tr("Comma"), ",")
        form.addRow(self.tr("CSV separator:"), self.separator)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        form.addRow(self.progress)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.result_label)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_last_output)
        self.open_button.hide()
        form.addRow(self.open_button)
        layout.addWidget(export_box)

        privacy_box = QGroupBox(self.tr("Data protection"))
        privacy_row = QHBoxLayout(privacy_box)
        self.person_button = QPushButton(self.tr("Data of one person …"))
        self.person_button.setToolTip(
            self.tr("Export everything stored about one participant (Art. 15 GDPR)")
        )
        self.person_button.clicked.connect(self.ask_person_export)
        self.anonymise_button = QPushButton(self.tr("Remove personal data …"))
        self.anonymise_button.setToolTip(
            self.tr(
                "After the event: delete names, contacts and consents for good; the anonymous results stay"
            )
        )
        self.anonymise_button.clicked.connect(self.ask_anonymise)
        privacy_row.addWidget(self.person_button)
        privacy_row.addWidget(self.anonymise_button)
        layout.addWidget(privacy_box)
        self._update_enabled()

    def set_database(self, db: Database | None) -> None:
        self.db = db
        self.result_label.clear()
        self.open_button.hide()
        self._update_enabled()

    def set_final(self, final: bool) -> None:
        """The minutes are final (personal data may go) or a draft (the PDF says so)."""
        self._final = final
        self._update_enabled()

    # -- exports ---------------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(self.settings.value("minutes/folder", str(Path.home())))

    def choose_pdf_target(self) -> None:
        if self.db is None:
            return
        # The file's suggested name comes from the event's title, read first.
        ops.QueryOp(self, self.db, lambda s: setup.get_event(s).title).success(
            self._ask_pdf_target
        ).failure(self._say_failure).run()

    def _say_failure(self, sentence: str) -> None:
        self.result_label.setStyleSheet("color: #c62828;")
        self.result_label.setText(sentence)
        self.status_message.emit(sentence)

    def _ask_pdf_target(self, title: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the minutes as PDF"),
            str(Path(self._folder()) / _file_name(title, ".pdf")),
            self.tr("PDF documents (*.pdf)"),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.settings.setValue("minutes/folder", str(Path(path).parent))
            self.export_pdf_to(Path(path))

    def choose_data_target(self, fmt: str) -> None:
        if self.db is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the export"), self._folder()
        )
        if folder:
            self.settings.setValue("minutes/folder", folder)
            self.export_data_to(Path(folder), fmt)

    def export_pdf_to(self, path: Path) -> worker.Task[Any] | None:
        """Write the PDF in a worker thread; ``exported`` or ``export_failed`` tells how it went."""
        if self.db is None or self._task is not None:
            return None
        self.before_export()
        return self._start(minutes.export_pdf, self.db, path)

    def export_data_to(self, folder: Path, fmt: str) -> worker.Task[Any] | None:
        if self.db is None or self._task is not None:
            return None
        return self._start(_export_data, self.db, folder, fmt, str(self.separator.currentData()))

    def _start(self, fn: Any, *args: Any) -> worker.Task[Any]:
        self.result_label.clear()
        self.result_label.setStyleSheet("")
        self.open_button.hide()
        self.progress.setRange(0, 0)  # busy until the first step is known
        self.progress.show()
        self._task = worker.start(
            _with_progress(fn),
            *args,
            on_done=self._export_done,
            on_error=self._export_failed,
            on_progress=self._export_progress,
        )
        self._update_enabled()
        return self._task

    def _export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _export_done(self, result: object) -> None:
        self._task = None
        self.progress.hide()
        if isinstance(result, privacy.AnonymisationReport):
            self._last_output = None
            text = self.tr("Personal data removed: {count} participants are anonymous now.").format(
                count=result.participants
            )
            check = result.check
            if check is not None and check.leftovers:
                text = self.tr(
                    "Removed personal data is still on the disk ({count} places). Repeat the "
                    "removal once the event is closed on every other laptop."
                ).format(count=len(check.leftovers))
            elif check is not None:
                text += " " + self.tr(
                    "Checked: none of the {values} removed values is left on disk."
                ).format(values=check.values_searched)
                if check.backups_with_personal_data:
                    text += " " + self.tr(
                        "{count} backups still hold personal data: {paths}"
                    ).format(
                        count=len(check.backups_with_personal_data),
                        paths=", ".join(str(p) for p in check.backups_with_personal_data),
                    )
            self.exported.emit(None)
        elif isinstance(result, minutes.ExportResult):
            self._last_output = result.path
            text = self.tr("Minutes written: {path} ({pages} pages).").format(
                path=result.path, pages=result.pages
            )
            if not self._final:
                text += " " + self.tr("It is marked as a draft until you mark the minutes final.")
            self.exported.emit(result.path)
        else:
            assert isinstance(result, export.ExportFiles)
            self._last_output = result.paths[0].parent if result.paths else None
            text = (
                self.tr("1 file written to {folder}.")
                if len(result.paths) == 1
                else self.tr("{count} files written to {folder}.")
            ).format(count=len(result.paths), folder=self._last_output)
            self.exported.emit(self._last_output)
        self.result_label.setText(text)
        self.open_button.setVisible(self._last_output is not None)
        self.status_message.emit(text)
        self._update_enabled()

    def _export_failed(self, exc: Exception) -> None:
        self._task = None
        self.progress.hide()
        message = translate_error(exc)
        self.result_label.setStyleSheet("color: #c62828;")
        self.result_label.setText(message)
        self.status_message.emit(message)
        self.export_failed.emit(message)
        self._update_enabled()

    # -- data protection -------------------------------------------------------------------------

    def ask_person_export(self) -> None:
        if self.db is None:
            return
        number, ok = QInputDialog.getInt(
            self,
            self.tr("Data of one person"),
            self.tr("Ticket number of the person:"),
            1,
            1,
            10_000_000,
        )
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the person's data"),
            str(Path(self._folder()) / f"Auskunft-Ticket-{number}.json"),
            self.tr("JSON files (*.json)"),
        )
        if path:
            self.export_person_to(number, Path(path))

    def export_person_to(self, ticket_number: int, path: Path) -> worker.Task[Any] | None:
        """Write what is stored about the holder of ``ticket_number`` in the background.

        ``exported`` (the file) or ``export_failed`` (the sentence) tells how it went; the
        page says it too.
        """
        if self.db is None or self._task is not None:
            return None
        self.result_label.clear()
        self._task = worker.start(
            _export_person,
            self.db,
            ticket_number,
            path,
            on_done=lambda written: self._person_exported(ticket_number, written),
            on_error=self._export_failed,
            parent=self,
        )
        self._update_enabled()
        return self._task

    def _person_exported(self, ticket_number: int, written: Path) -> None:
        self._task = None
        self._update_enabled()
        self._last_output = written
        text = self.tr("The data of ticket {number} is in {path}.").format(
            number=ticket_number, path=written
        )
        self.result_label.setStyleSheet("")
        self.result_label.setText(text)
        self.open_button.show()
        self.exported.emit(written)

    def ask_anonymise(self) -> None:
        if self.db is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Remove personal data"),
            self.tr(
                "All names, e-mail addresses, postcodes, consents and what was typed at the desk "
                "are deleted for good. Counts, ideas and voting results stay, and so do the "
                "minutes. Do this only after the event, once the minutes are final.\n\n"
                "Remove the personal data now?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.anonymise_now()

    def anonymise_now(self) -> worker.Task[Any] | None:
        """Remove the personal data in a worker (the event file is compacted afterwards)."""
        if self.db is None or self._task is not None:
            return None
        self.before_export()
        return self._start(_anonymise, self.db, self._backup_folders())

    def _backup_folders(self) -> list[Path]:
        """The automatic backups' folder from this laptop's settings, searched by the purge too."""
        from smartdialog.ui.backup import BackupSettings

        folder = BackupSettings(self.settings).folder
        return [Path(folder)] if folder else []

    def open_last_output(self) -> None:
        if self._last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_output)))

    def result_text(self) -> str:
        return self.result_label.text()

    def _update_enabled(self) -> None:
        has_db = self.db is not None
        busy = self._task is not None
        for button in (self.pdf_button, self.csv_button, self.json_button, self.person_button):
            button.setEnabled(has_db and not busy)
        # Removing personal data only once the minutes are final (the service says why, too).
        self.anonymise_button.setEnabled(has_db and not busy and self._final)


def _export_person(_progress: Any, db: Database, ticket_number: int, path: Path) -> Path:
    with db.read() as s:
        participant_id = privacy.find_by_ticket(s, ticket_number)
    return privacy.export_person(db, participant_id, path)


def _with_progress(fn: Any) -> Any:
    """Adapt a service taking ``progress=`` last to the worker's ``fn(progress, *args)``."""

    def run(progress: worker.Progress, *args: Any) -> Any:
        # The text typed last (saved on the writer thread just before) belongs in the export.
        ops.wait_for_writes()
        return fn(*args, progress=progress)

    return run


def _anonymise(
    db: Database, folders: list[Path], progress: Any = None
) -> privacy.AnonymisationReport:
    return privacy.anonymise(db, backup_folders=folders)


def _export_data(
    db: Database, folder: Path, fmt: str, delimiter: str, progress: Any = None
) -> export.ExportFiles:
    return export.export(db, folder, fmt, delimiter=delimiter, progress=progress)
