"""The Dokumentation page: the parts a person writes, the chapter list, draft or final, exports.

Texts are saved as they are typed (a moment after the last key, and when
another part is chosen): there is no Save button to forget.  The exports and
data protection are a panel of their own (smartdialog.ui.minutes.exports).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core import clock
from smartdialog.core.changes import SETUP, WHOLESALE, group
from smartdialog.core.db import Database
from smartdialog.core.services import minutes
from smartdialog.core.services.minutes import SectionInfo
from smartdialog.ui import ops
from smartdialog.ui.minutes.exports import ExportPanel
from smartdialog.ui.workspace import Workspace

log = logging.getLogger("smartdialog.minutes")

SAVE_DELAY_MS = 700
# Changes that alter what the page shows (its sections, chapters, the counts of ideas and
# rounds); ballots and paper counts change only the document, read when it is exported.
_FOLLOWS = group("minutes.") | group("idea.") | SETUP | group("round.") | WHOLESALE


class MinutesWorkspace(Workspace):
    """The Dokumentation page of the main window."""

    section_saved = Signal(str)
    # Everything was read anew and is shown.
    loaded = Signal()
    # A change of this page (a text, the state) was answered, saved or refused.
    answered = Signal()

    FOLLOWS = _FOLLOWS

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._sections: list[SectionInfo] = []
        self._current: str | None = None
        self._final = False
        self._loading = False
        self._dirty = False  # the editor holds text not stored yet
        self._generation = 0  # of reads: an older answer is not shown
        self._changing_state = False  # "Mark as final" or "Reopen" on its way
        self._state_known = False  # draft or final: read yet?
        self._resetting = False
        # Texts on their way to the database: a read started before one of them is
        # stored may hold the older words, and is not shown (it is read again).
        self._saves_in_flight = 0
        self._save_serial = 0
        self._read_again = False
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
        self.section_title.setWordWrap(True)  # long titles in large text: wrap, do not widen
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
        self.saved_label.setWordWrap(True)
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

        self.exports = ExportPanel(self.settings, self.save_now)
        self.exports.status_message.connect(self.status_message)
        right.addWidget(self.exports)

        splitter.addWidget(right_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- the event ---------------------------------------------------------------------------

    def set_database(self, db: Database | None) -> None:
        self.save_now()
        ops.wait_for_writes()  # the last words reach the event being closed
        self._current = None
        self._state_known = False
        self.exports.set_database(db)
        super().set_database(db)
        self._update_enabled()

    def reload(self) -> None:
        self._generation += 1
        if self.db is None:
            self._sections = []
            self.section_list.clear()
            self.chapter_list.clear()
            self._show_section(None)
            self.status_label.setText(self.tr("No event is open."))
            self.summary_label.clear()
            return
        generation, serial = self._generation, self._save_serial
        if self._saves_in_flight:
            self._read_again = True  # once the texts are stored
            return
        if not self._sections:
            self.status_label.setText(self.tr("Loading …"))

        def read(s: Session) -> tuple[Any, ...]:
            return (
                minutes.list_sections(s),
                minutes.state(s),
                minutes.chapters(s),
                minutes.overview(s),
            )

        # Shown in words when it fails; the page keeps what it showed.
        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._loaded(generation, serial, *answer)
        ).failure(self.status_message.emit).run()

    def _loaded(
        self,
        generation: int,
        serial: int,
        sections: list[SectionInfo],
        state: minutes.MinutesState,
        chapters: Any,
        summary: minutes.Overview,
    ) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        if serial != self._save_serial or self._saves_in_flight:
            # A text was saved meanwhile: this answer may hold the older words.
            self._read_again = True
            if not self._saves_in_flight:
                self._reread()
            return
        self._final = state.final
        self._state_known = True
        self.exports.set_final(state.final)
        self._show_state(state)
        self._show_chapters([(c.label, c.level) for c in chapters])
        self.summary_label.setText(self._summary_text(summary))
        self._sections = sections
        self._fill_section_list()
        self._update_enabled()
        self.loaded.emit()

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
        self.saved_label.setText(self.tr("Saving …"))
        self._saves_in_flight += 1
        self._save_serial += 1
        # On the writer thread, in the order typed: a later text is saved after an earlier one.
        ops.CollectionOp(self, self.db, lambda s: minutes.save_section(s, key, body)).success(
            lambda saved: self._saved(key, saved)
        ).failure(lambda sentence: self._not_saved(key, sentence)).run()

    def _save_answered(self) -> None:
        self._saves_in_flight -= 1
        if not self._saves_in_flight and self._read_again:
            self._reread()

    def _reread(self) -> None:
        self._read_again = False
        self.reload()

    def _saved(self, key: str, saved: SectionInfo) -> None:
        self._replace_section(saved)
        if key == self._current and not self._dirty:
            self.saved_label.setText(self.tr("Saved."))
        self._update_enabled()
        self.section_saved.emit(key)
        self._save_answered()
        self.answered.emit()

    def _not_saved(self, key: str, sentence: str) -> None:
        if key == self._current:
            # Keep the words on screen; the next key or part switch tries again.
            self._dirty = True
            self.saved_label.setText(sentence)
        else:
            self.status_message.emit(sentence)
        self._save_answered()
        self.answered.emit()

    def reset_current(self) -> None:
        if self.db is None or self._current is None or self._resetting:
            return
        self._save_timer.stop()
        self._dirty = False
        key = self._current
        self._resetting = True
        self._update_enabled()
        ops.CollectionOp(self, self.db, lambda s: minutes.reset_section(s, key)).success(
            lambda section: self._was_reset(key, section)
        ).failure(self._reset_refused).run()

    def _was_reset(self, key: str, section: SectionInfo) -> None:
        self._resetting = False
        self._replace_section(section)
        if key == self._current:
            self._show_section(section)
        self._update_enabled()
        self.answered.emit()

    def _reset_refused(self, sentence: str) -> None:
        self._resetting = False
        self.saved_label.setText(sentence)
        self._update_enabled()
        self.answered.emit()

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
        if self.db is None or self._changing_state:
            return  # a second click while the first is on its way does not undo it
        self.save_now()
        final = self._final
        self._changing_state = True
        self._update_enabled()
        ops.CollectionOp(
            self, self.db, lambda s: minutes.reopen_draft(s) if final else minutes.mark_final(s)
        ).success(self._state_changed).failure(self._state_refused).run()

    def _state_changed(self, state: minutes.MinutesState) -> None:
        self._changing_state = False
        self._final = state.final
        self.exports.set_final(state.final)
        self._show_state(state)
        self._update_enabled()
        self.answered.emit()

    def _state_refused(self, sentence: str) -> None:
        self._changing_state = False
        self.status_message.emit(sentence)
        self._update_enabled()
        self.answered.emit()

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

    def _update_enabled(self) -> None:
        has_db = self.db is not None
        editable = has_db and not self._final and self._current is not None
        self.editor.setReadOnly(not editable)
        current = next((x for x in self._sections if x.key == self._current), None)
        self.reset_button.setEnabled(
            editable and current is not None and not current.is_default and not self._resetting
        )
        # Until the state is read, the button would not know which way it turns.
        self.final_button.setEnabled(has_db and self._state_known and not self._changing_state)
