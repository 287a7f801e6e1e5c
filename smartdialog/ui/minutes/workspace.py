"""The Dokumentation page: the parts a person writes, the chapter list, draft or final, exports.

Texts are saved as they are typed (a moment after the last key, and when
another part is chosen): there is no Save button to forget.  The PDF and the
data exports run in a worker thread with a progress bar; a target that
cannot be written is said in words beside the buttons, not in a traceback.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core import clock
from smartdialog.core.db import Database
from smartdialog.core.services import export, minutes, privacy, setup
from smartdialog.core.services.minutes import SectionInfo
from smartdialog.ui import worker
from smartdialog.ui.messages import translate_error
from smartdialog.ui.workspace import Workspace

log = logging.getLogger("smartdialog.minutes")

SAVE_DELAY_MS = 700
# Changes that alter what the document would show.
_RELEVANT = (
    "minutes.",
    "idea.",
    "field.",
    "station.",
    "topic.",
    "event.",
    "round.",
    "vote",
    "ballot",
    "demo.",
)


def _settings() -> QSettings:
    from smartdialog.ui.app import settings

    return settings()


def _file_name(title: str, suffix: str) -> str:
    cleaned = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip().replace(" ", "-")
    return f"Dokumentation-{cleaned or 'Veranstaltung'}{suffix}"


class MinutesWorkspace(Workspace):
    """The Dokumentation page of the main window."""

    # Emitted when an export is written (its path or folder) or failed (the user's sentence).
    exported = Signal(object)
    export_failed = Signal(str)
    section_saved = Signal(str)

    RELEVANT_ACTIONS = _RELEVANT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections: list[SectionInfo] = []
        self._current: str | None = None
        self._final = False
        self._loading = False
        self._dirty = False  # the editor holds text not stored yet
        self._task: worker.Task[Any] | None = None
        self._last_output: Path | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._build()
        self._update_enabled()

    # -- building the page ------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)

        texts_box = QGroupBox(self.tr("Texts you write"))
        left = QVBoxLayout(texts_box)
        self.section_list = QListWidget()
        self.section_list.setAccessibleName(self.tr("Parts of the minutes"))
        self.section_list.currentRowChanged.connect(self._section_chosen)
        left.addWidget(self.section_list, 2)
        self.section_title = QLabel()
        font = self.section_title.font()
        font.setBold(True)
        self.section_title.setFont(font)
        left.addWidget(self.section_title)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Text of the chosen part"))
        self.editor.textChanged.connect(self._text_changed)
        left.addWidget(self.editor, 5)
        hint = QLabel(
            self.tr(
                "Saved as you type. An empty line starts a new paragraph, a line starting with "
                "“- ” becomes a bullet point; in the programme, separate time and item with a tab."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        left.addWidget(hint)
        row = QHBoxLayout()
        self.saved_label = QLabel()
        row.addWidget(self.saved_label, 1)
        self.reset_button = QPushButton(self.tr("Use the suggested text"))
        self.reset_button.clicked.connect(self.reset_current)
        row.addWidget(self.reset_button)
        left.addLayout(row)
        splitter.addWidget(texts_box)

        right_panel = QWidget()
        right = QVBoxLayout(right_panel)
        right.setContentsMargins(0, 0, 0, 0)

        status_box = QGroupBox(self.tr("Status"))
        status = QVBoxLayout(status_box)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        status.addWidget(self.status_label)
        self.final_button = QPushButton()
        self.final_button.clicked.connect(self.toggle_final)
        status.addWidget(self.final_button)
        right.addWidget(status_box)

        contents_box = QGroupBox(self.tr("Chapters of the document"))
        contents = QVBoxLayout(contents_box)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        contents.addWidget(self.summary_label)
        self.chapter_list = QListWidget()
        self.chapter_list.setAccessibleName(self.tr("Chapters of the document"))
        self.chapter_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        contents.addWidget(self.chapter_list)
        right.addWidget(contents_box, 1)

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
        right.addWidget(export_box)

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
        right.addWidget(privacy_box)

        splitter.addWidget(right_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def title(self) -> str:
        return self.tr("Minutes")

    def icon_name(self) -> str:
        return "SP_FileDialogDetailedView"

    # -- the event ---------------------------------------------------------------------------

    def set_database(self, db: Database | None) -> None:
        self.save_now()
        self._current = None
        self.result_label.clear()
        self.open_button.hide()
        super().set_database(db)
        self._update_enabled()

    def reload(self) -> None:
        if self.db is None:
            self._sections = []
            self.section_list.clear()
            self.chapter_list.clear()
            self._show_section(None)
            self.status_label.setText(self.tr("No event is open."))
            self.summary_label.clear()
            return
        try:
            with self.db.read() as s:
                sections = minutes.list_sections(s)
                state = minutes.state(s)
                chapters = minutes.chapters(s)
                summary = minutes.overview(s)
        except Exception as exc:  # shown in words; the log has the details
            self.status_message.emit(translate_error(exc))
            return
        self._final = state.final
        self._show_state(state)
        self._show_chapters([(c.label, c.level) for c in chapters])
        self.summary_label.setText(self._summary_text(summary))
        self._sections = sections
        self._fill_section_list()
        self._update_enabled()

    def activated(self) -> None:
        self.editor.setFocus()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.save_now()
        super().hideEvent(event)

    # -- the parts a person writes ---------------------------------------------------------------

    def section_title_for(self, section: SectionInfo) -> str:
        titles = {
            "occasion": self.tr("Occasion and aim"),
            "programme": self.tr("Programme"),
            "next_steps": self.tr("Next steps"),
            "privacy": self.tr("Data protection note"),
        }
        if section.kind == "field":
            return self.tr("Summary: {field}").format(field=section.field_name)
        return titles.get(section.kind, section.key)

    def _fill_section_list(self) -> None:
        keep = self._current
        self._loading = True
        try:
            self.section_list.clear()
            for section in self._sections:
                label = self.section_title_for(section)
                if section.is_default:
                    label = self.tr("{title} (suggested text)").format(title=label)
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, section.key)
                self.section_list.addItem(item)
            keys = [x.key for x in self._sections]
            row = keys.index(keep) if keep in keys else (0 if keys else -1)
            self.section_list.setCurrentRow(row)
        finally:
            self._loading = False
        self._show_section(
            self._sections[row] if row >= 0 else None,
            keep_edits=keep is not None and row >= 0 and keys[row] == keep,
        )

    def _section_chosen(self, row: int) -> None:
        if self._loading:
            return
        self.save_now()
        self._show_section(self._sections[row] if 0 <= row < len(self._sections) else None)

    def _show_section(self, section: SectionInfo | None, *, keep_edits: bool = False) -> None:
        if keep_edits and self._dirty:
            # Somebody is typing here: a refresh from elsewhere must not take their words away.
            return
        self._loading = True
        try:
            self._current = section.key if section else None
            self.section_title.setText(self.section_title_for(section) if section else "")
            if self.editor.toPlainText() != (section.body if section else ""):
                self.editor.setPlainText(section.body if section else "")
            self.saved_label.setText(
                ""
                if section is None
                else self.tr("Suggested text – edit it as you like.")
                if section.is_default
                else self.tr("Saved.")
            )
        finally:
            self._loading = False
        self._update_enabled()

    def current_key(self) -> str | None:
        return self._current

    def choose_section(self, key: str) -> None:
        keys = [x.key for x in self._sections]
        self.section_list.setCurrentRow(keys.index(key))

    def _text_changed(self) -> None:
        if self._loading or self._current is None:
            return
        self.saved_label.setText(self.tr("Not saved yet …"))
        self._dirty = True
        self._save_timer.start()

    def save_now(self) -> None:
        """Store the text being edited now (the timer does it a moment after the last key)."""
        self._save_timer.stop()
        if not self._dirty or self.db is None or self._current is None:
            return
        self._dirty = False
        key, body = self._current, self.editor.toPlainText()
        try:
            with self.db.uow() as s:
                saved = minutes.save_section(s, key, body)
        except Exception as exc:  # shown in words; the log has the details
            self._dirty = True  # keep the words on screen; the next key or part switch tries again
            self.saved_label.setText(translate_error(exc))
            return
        self._replace_section(saved)
        self.saved_label.setText(self.tr("Saved."))
        self._update_enabled()
        self.section_saved.emit(key)

    def reset_current(self) -> None:
        if self.db is None or self._current is None:
            return
        self._save_timer.stop()
        self._dirty = False
        try:
            with self.db.uow() as s:
                section = minutes.reset_section(s, self._current)
        except Exception as exc:  # shown in words; the log has the details
            self.saved_label.setText(translate_error(exc))
            return
        self._replace_section(section)
        self._show_section(section)

    def _replace_section(self, section: SectionInfo) -> None:
        self._sections = [section if x.key == section.key else x for x in self._sections]
        row = next(i for i, x in enumerate(self._sections) if x.key == section.key)
        item = self.section_list.item(row)
        label = self.section_title_for(section)
        item.setText(
            self.tr("{title} (suggested text)").format(title=label) if section.is_default else label
        )

    # -- draft and final -------------------------------------------------------------------------

    def _show_state(self, state: minutes.MinutesState) -> None:
        if state.final:
            when = (
                clock.local(state.finalised_at).strftime("%d.%m.%Y %H:%M")
                if state.finalised_at
                else ""
            )
            self.status_label.setText(
                self.tr("Final since {when}. The texts are locked.").format(when=when)
            )
            self.final_button.setText(self.tr("Reopen as draft"))
        else:
            self.status_label.setText(self.tr("Draft: every page of the PDF is marked “ENTWURF”."))
            self.final_button.setText(self.tr("Mark as final"))

    def toggle_final(self) -> None:
        if self.db is None:
            return
        self.save_now()
        try:
            with self.db.uow() as s:
                state = minutes.reopen_draft(s) if self._final else minutes.mark_final(s)
        except Exception as exc:  # shown in words; the log has the details
            self.status_message.emit(translate_error(exc))
            return
        self._final = state.final
        self._show_state(state)
        self._update_enabled()

    def is_final(self) -> bool:
        return self._final

    # -- the chapter preview ---------------------------------------------------------------------

    def _show_chapters(self, chapters: list[tuple[str, int]]) -> None:
        self.chapter_list.clear()
        for label, level in chapters:
            item = QListWidgetItem(("      " * level) + label)
            if level == 0:
                font = QFont(self.chapter_list.font())
                font.setBold(True)
                item.setFont(font)
            self.chapter_list.addItem(item)

    def chapter_labels(self) -> list[str]:
        return [self.chapter_list.item(i).text().strip() for i in range(self.chapter_list.count())]

    def _summary_text(self, summary: minutes.Overview) -> str:
        # Two strings rather than Qt's %n plurals: the translation check reads only plain texts.
        count = self.locale().toString(summary.ideas)
        ideas = (
            self.tr("1 idea")
            if summary.ideas == 1
            else self.tr("{count} ideas").format(count=count)
        )
        if summary.rounds == 0:
            vote = self.tr("no vote yet: the voting chapters will say that no vote took place")
        elif summary.rounds == 1:
            vote = self.tr("1 voting round")
        else:
            vote = self.tr("{count} voting rounds").format(count=summary.rounds)
        return self.tr("{ideas}, {vote}.").format(ideas=ideas, vote=vote)

    # -- exports ---------------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(_settings().value("minutes/folder", str(Path.home())))

    def choose_pdf_target(self) -> None:
        if self.db is None:
            return
        with self.db.read() as s:
            title = setup.get_event(s).title
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the minutes as PDF"),
            str(Path(self._folder()) / _file_name(title, ".pdf")),
            self.tr("PDF documents (*.pdf)"),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            _settings().setValue("minutes/folder", str(Path(path).parent))
            self.export_pdf_to(Path(path))

    def choose_data_target(self, fmt: str) -> None:
        if self.db is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the export"), self._folder()
        )
        if folder:
            _settings().setValue("minutes/folder", folder)
            self.export_data_to(Path(folder), fmt)

    def export_pdf_to(self, path: Path) -> worker.Task[Any] | None:
        """Write the PDF in a worker thread; ``exported`` or ``export_failed`` tells how it went."""
        if self.db is None or self._task is not None:
            return None
        self.save_now()
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

    def export_person_to(self, ticket_number: int, path: Path) -> bool:
        """Write what is stored about the holder of ``ticket_number``; says in the page how it went."""
        if self.db is None:
            return False
        try:
            with self.db.read() as s:
                participant_id = privacy.find_by_ticket(s, ticket_number)
            written = privacy.export_person(self.db, participant_id, path)
        except Exception as exc:  # shown in words; the log has the details
            self._export_failed(exc)
            return False
        self._last_output = written
        text = self.tr("The data of ticket {number} is in {path}.").format(
            number=ticket_number, path=written
        )
        self.result_label.setStyleSheet("")
        self.result_label.setText(text)
        self.open_button.show()
        self.exported.emit(written)
        return True

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
        self.save_now()
        return self._start(_anonymise, self.db)

    def open_last_output(self) -> None:
        if self._last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_output)))

    def result_text(self) -> str:
        return self.result_label.text()

    def _update_enabled(self) -> None:
        has_db = self.db is not None
        busy = self._task is not None
        editable = has_db and not self._final and self._current is not None
        self.editor.setReadOnly(not editable)
        current = next((x for x in self._sections if x.key == self._current), None)
        self.reset_button.setEnabled(editable and current is not None and not current.is_default)
        self.final_button.setEnabled(has_db)
        for button in (self.pdf_button, self.csv_button, self.json_button, self.person_button):
            button.setEnabled(has_db and not busy)
        # Removing personal data only once the minutes are final (the service says why, too).
        self.anonymise_button.setEnabled(has_db and not busy and self._final)


def _with_progress(fn: Any) -> Any:
    """Adapt a service taking ``progress=`` last to the worker's ``fn(progress, *args)``."""

    def run(progress: worker.Progress, *args: Any) -> Any:
        return fn(*args, progress=progress)

    return run


def _anonymise(db: Database, progress: Any = None) -> privacy.AnonymisationReport:
    return privacy.anonymise(db)


def _export_data(
    db: Database, folder: Path, fmt: str, delimiter: str, progress: Any = None
) -> export.ExportFiles:
    return export.export(db, folder, fmt, delimiter=delimiter, progress=progress)
