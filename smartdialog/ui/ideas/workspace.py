"""The Ideen page: a facilitator types what citizens say, cleans it up, merges duplicates.

Quick entry never makes anyone wait: Enter checks the text at once (empty,
too long: said right there, the text stays in the field), clears the field
for the next idea and saves in the background, one idea after another in the
order typed.  Should a save fail, the text comes back.  Every other action is
a service call, pushed onto a QUndoStack whose undo is a service call too.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core.changes import IDEAS_READ_ANEW, Action
from smartdialog.core.db import Database
from smartdialog.core.errors import QT_TRANSLATE_NOOP, ConflictError, DomainError
from smartdialog.core.services import ideas, setup
from smartdialog.core.services.audit import Change
from smartdialog.core.services.ideas import IdeaInfo, RevisionInfo
from smartdialog.core.writekey import WriteKey
from smartdialog.ui import ops
from smartdialog.ui.ideas import commands
from smartdialog.ui.ideas.context import IdeaContext
from smartdialog.ui.ideas.dialogs import EditDialog, HistoryDialog, MergeDialog
from smartdialog.ui.ideas.model import IdeasModel
from smartdialog.ui.messages import translate_error
from smartdialog.ui.ops import Progress, Task
from smartdialog.ui.workspace import Workspace

log = logging.getLogger("smartdialog.ideas")

# Changes after which the page reads everything anew.
_RELOAD = IDEAS_READ_ANEW
# Changes after which the list of authors is read anew.
_AUTHOR_ACTIONS = frozenset({Action.PARTICIPANT_WALKIN, Action.PARTICIPANTS_IMPORTED})
# A paste longer than this would be cut by the line edit itself; ours says so instead.
ENTRY_MAX_LENGTH = 1_000_000
SAVED_MESSAGE_MS = 4000


class _UndoPassThrough(QObject):
    """Lets Ctrl+Z reach the page's undo when a text field has nothing of its own to undo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable():
                return True  # not accepted: the shortcut goes to the page's undo action
            if key_event.matches(QKeySequence.StandardKey.Redo) and not watched.isRedoAvailable():
                return True
        return False


class IdeasWorkspace(Workspace):
    """Capture and clean up the ideas of one table.

    Every read and write goes through ``ops``: reads answer on a reader thread (a newer
    read wins over an older, slower one), the page's own changes run on the writer
    thread, and while one is on its way the actions that would change ideas again wait
    (a second Enter, Ctrl+Z pressed twice: nothing is done twice).
    """

    # Everything was read anew and is shown (a new event, a reload).
    loaded = Signal()
    # A change made on this page was answered (saved or refused).
    answered = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generation = 0  # of full reads: an older answer is not shown
        self._authors_generation = 0
        self._refresh_serial = 0
        self._refresh_latest: dict[uuid.UUID, int] = {}  # idea -> serial of its newest read
        self._writing = 0  # the page's own changes on their way (not captures)
        self._waiting = False  # nothing shown yet, the first read on its way
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.model = IdeasModel(self)
        # Saves run one after another, in the order typed, on the writer thread.
        self._pending: set[Task[IdeaInfo]] = set()
        self._unsaved: list[str] = []
        self.versions: dict[uuid.UUID, int] = {}
        self.merge_dialog: MergeDialog | None = None
        # The message says what is wrong with the text in the entry field.
        self._entry_error = False
        self._build()

    # -- building the page ------------------------------------------------------------------

    def _build(self) -> None:
        self.context = IdeaContext(self.settings)
        self.context.changed.connect(self._filter_changed)

        self.entry = QLineEdit()
        self.entry.setMaxLength(ENTRY_MAX_LENGTH)
        self.entry.setPlaceholderText(self.tr("Type the idea and press Enter"))
        self.entry.setAccessibleName(self.tr("Idea"))
        font = QFont(self.entry.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.entry.setFont(font)
        self.entry.setMinimumHeight(self.entry.sizeHint().height() + 8)
        self.entry.returnPressed.connect(self.capture_entry)
        self.entry.textChanged.connect(self._entry_changed)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.capture_entry)
        self.counter = QLabel()
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.counter)
        entry_row.addWidget(self.save_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Put the unsaved text back"))
        self.restore_button.clicked.connect(self._restore_unsaved)
        self.restore_button.hide()
        # The line's height is kept whether it says something or not, so that the
        # list below never moves under the mouse when a message comes or goes.
        message_bar = QWidget()
        message_row = QHBoxLayout(message_bar)
        message_row.setContentsMargins(0, 0, 0, 0)
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.restore_button)
        lines = 2 * self.message.fontMetrics().lineSpacing() + 4
        message_bar.setFixedHeight(max(lines, self.restore_button.sizeHint().height()))
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message.clear())

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the ideas (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the ideas"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.whole_event = QCheckBox(self.tr("All tables"))
        self.whole_event.toggled.connect(self._filter_changed)
        self.show_hidden = QCheckBox(self.tr("Show hidden and merged"))
        self.show_hidden.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.search, 1)
        filter_row.addWidget(self.count_label)
        filter_row.addWidget(self.whole_event)
        filter_row.addWidget(self.show_hidden)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Ideas"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(IdeasModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in (
            (IdeasModel.TIME, 60),
            (IdeasModel.FIELD, 170),
            (IdeasModel.TOPIC, 280),
            (IdeasModel.TAGS, 130),
            (IdeasModel.CLUSTER, 130),
            (IdeasModel.STATUS, 170),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_count)

        self._build_actions()
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.edit_action,
            self.hide_action,
            self.unhide_action,
            self.tags_action,
            self.cluster_action,
            self.merge_action,
            self.history_action,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

        layout = QVBoxLayout(self)
        layout.addWidget(self.context)
        layout.addLayout(entry_row)
        layout.addWidget(message_bar)
        layout.addSpacing(6)
        layout.addLayout(filter_row)
        layout.addWidget(toolbar)
        layout.addWidget(self.table, 1)

        self._undo_filter = _UndoPassThrough(self)
        self.entry.installEventFilter(self._undo_filter)
        self.search.installEventFilter(self._undo_filter)
        self.context.author_edit.installEventFilter(self._undo_filter)
        self._update_actions()
        self._entry_changed("")

    def _build_actions(self) -> None:
        def action(
            text: str,
            slot: Callable[[], object],
            *keys: QKeySequence | QKeySequence.StandardKey | str,
        ) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(lambda _checked=False: slot())
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
            return act

        # Not the stack's own actions: these also wait while a step is on its way.
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.triggered.connect(self._undo)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.triggered.connect(self._redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for act in (self.undo_action, self.redo_action):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
        for signal in (
            self.undo_stack.canUndoChanged,
            self.undo_stack.canRedoChanged,
            self.undo_stack.undoTextChanged,
            self.undo_stack.redoTextChanged,
        ):
            signal.connect(self._update_undo)
        self.edit_action = action(self.tr("Edit…"), self.edit_selected, "F2")
        self.hide_action = action(
            self.tr("Hide…"), self.hide_selected, QKeySequence.StandardKey.Delete
        )
        self.unhide_action = action(self.tr("Show again"), self.unhide_selected)
        self.tags_action = action(self.tr("Tags…"), self.tag_selected, "Ctrl+T")
        self.cluster_action = action(self.tr("Cluster…"), self.cluster_selected, "Ctrl+K")
        self.merge_action = action(self.tr("Merge…"), self.merge_selected, "Ctrl+M")
        self.history_action = action(self.tr("History"), self.show_history, "Ctrl+H")
        action(self.tr("Search"), self._focus_search, QKeySequence.StandardKey.Find)
        # The Delete key belongs to the text fields while one has the focus.
        self.hide_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.hide_action)

    # -- Workspace -----------------------------------------------------------------------

    def set_database(self, db: Database | None) -> None:
        ops.wait_for_writes()
        self.undo_stack.clear()
        self.versions.clear()
        self._refresh_latest.clear()
        super().set_database(db)

    def activated(self) -> None:
        self.entry.setFocus()

    def reload(self) -> None:
        self._generation += 1
        self._authors_generation += 1
        if self.db is None:
            self.model.set_lookups([], {})
            self.model.set_ideas([])
            self.context.set_choices([], [], [])
            return
        generation = self._generation
        if self.model.rowCount() == 0:
            self._waiting = True
            self.count_label.setText(self.tr("Loading …"))

        def read(s: Session) -> tuple[Any, ...]:
            return (
                setup.list_fields(s),
                setup.list_topics(s),
                setup.list_stations(s),
                ideas.consenting_authors(s, limit=100_000),
                ideas.list_ideas(s, statuses=ideas.STATUSES),
            )

        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._loaded(generation, *answer)
        ).failure(lambda sentence: self._read_failed(generation, sentence)).run()

    def _loaded(
        self,
        generation: int,
        fields: Any,
        topics: Any,
        stations: Any,
        authors: Any,
        rows: list[IdeaInfo],
    ) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        self._waiting = False
        self.context.set_authors(authors)
        self.model.set_lookups(fields, {t.id: t.question for t in topics})
        self.model.set_ideas(rows)
        self.context.set_choices(fields, topics, stations)
        self._update_count()
        self.loaded.emit()

    def _read_failed(self, generation: int, sentence: str) -> None:
        if generation == self._generation:
            self._waiting = False
            self._update_count()
            self._say(sentence, error=True)

    # An idea captured here is in the table as soon as it is saved.
    OWN_ACTIONS = frozenset({Action.IDEA_CAPTURED})

    def on_changes(self, changes: list[Change]) -> None:
        changes = self.news(changes)
        if self.db is None or not changes:
            return
        if any(c.action in _RELOAD for c in changes):
            self.reload()
            return
        if any(c.action in _AUTHOR_ACTIONS for c in changes):
            self._reload_authors()
        touched = [
            c.object_id for c in changes if c.object_type == "idea" and c.object_id is not None
        ]
        if touched:
            self.refresh(touched)

    # -- CommandContext (for the undo commands) ---------------------------------------------

    def refresh(self, ids: list[uuid.UUID]) -> None:
        """Show the current state of these ideas (read in the background)."""
        if self.db is None or not ids:
            return
        self._refresh_serial += 1
        serial, generation = self._refresh_serial, self._generation
        for idea_id in ids:
            self._refresh_latest[idea_id] = serial
        ops.QueryOp(self, self.db, lambda s: ideas.ideas_by_id(s, ids)).success(
            lambda current: self._refreshed(generation, serial, ids, current)
        ).failure(lambda sentence: self._say(sentence, error=True)).run()

    def _refreshed(
        self, generation: int, serial: int, ids: list[uuid.UUID], current: list[IdeaInfo]
    ) -> None:
        if generation != self._generation:
            return  # a full read started since then shows everything
        # Only what no newer read of the same idea has been asked for.
        mine = {i for i in ids if self._refresh_latest.get(i) == serial}
        for idea_id in mine:
            del self._refresh_latest[idea_id]
        self.show_current([i for i in current if i.id in mine], mine)

    def show_current(self, current: list[IdeaInfo], ids: set[uuid.UUID] | list[uuid.UUID]) -> None:
        """Show these ideas as read; those of ``ids`` not among them are gone."""
        self.model.apply(current, gone=set(ids) - {i.id for i in current})
        self._update_actions()

    def _apply_own(self, info: IdeaInfo) -> None:
        """Show the result of this laptop's own action and remember its version for undo."""
        self._refresh_latest.pop(info.id, None)  # a read asked for before it is older
        self.model.apply([info])
        self.versions[info.id] = info.version

    def report(self, exc: Exception) -> None:
        self._say(translate_error(exc), error=True)

    def say_error(self, sentence: str) -> None:
        self._say(sentence, error=True)

    def run_step(
        self,
        work: Callable[[Session], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """One change of this page on the writer thread; the actions wait until it is answered."""
        assert self.db is not None
        self._begin_write()

        def success(result: Any) -> None:
            self._end_write()
            done(result)
            self.answered.emit()

        def failure(sentence: str) -> None:
            self._end_write()
            failed(sentence)
            self.answered.emit()

        ops.CollectionOp(self, self.db, work).success(success).failure(failure).run()

    def _begin_write(self) -> None:
        self._writing += 1
        self._update_actions()

    def _end_write(self) -> None:
        self._writing -= 1
        self._update_actions()

    def writing(self) -> bool:
        """A change of this page is on its way (its actions wait)."""
        return self._writing > 0

    def _undo(self) -> None:
        if not self._writing:
            self.undo_stack.undo()

    def _redo(self) -> None:
        if not self._writing:
            self.undo_stack.redo()

    def _update_undo(self, *_args: Any) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo() and not self._writing)
        self.redo_action.setEnabled(stack.canRedo() and not self._writing)
        # The toolbar keeps its short words; what a step would undo is its tooltip.
        undo_text, redo_text = stack.undoText(), stack.redoText()
        self.undo_action.setToolTip(
            self.tr("Undo %1").replace("%1", undo_text) if undo_text else self.tr("Undo")
        )
        self.redo_action.setToolTip(
            self.tr("Redo %1").replace("%1", redo_text) if redo_text else self.tr("Redo")
        )

    # -- who may be named --------------------------------------------------------------------

    def _reload_authors(self) -> None:
        if self.db is None:
            return
        self._authors_generation += 1
        generation = self._authors_generation

        def show(authors: Any) -> None:
            if generation == self._authors_generation:
                self.context.set_authors(authors)

        ops.QueryOp(self, self.db, lambda s: ideas.consenting_authors(s, limit=100_000)).success(
            show
        ).failure(lambda sentence: self._say(sentence, error=True)).run()

    # -- quick entry ---------------------------------------------------------------------------

    def _entry_changed(self, text: str) -> None:
        if self._entry_error and len(ideas.clean_text(text)) <= ideas.TEXT_LIMIT:
            # Cleared, shortened or undone: what the error said is no longer so.
            self._entry_error = False
            self.message.clear()
        length = len(text)
        if length > ideas.TEXT_LIMIT * 0.8:
            self.counter.setText(f"{length} / {ideas.TEXT_LIMIT}")
            self.counter.setStyleSheet(
                "color: #b00020; font-weight: bold;" if length > ideas.TEXT_LIMIT else ""
            )
            self.counter.show()
        else:
            self.counter.hide()

    def capture_entry(self) -> None:
        """Enter: check, clear the field for the next idea, save in the background."""
        if self.db is None:
            return
        text = self.entry.text()
        field_id = self.context.field_id()
        try:
            cleaned = ideas.check_text(text)
            if field_id is None:
                raise DomainError(QT_TRANSLATE_NOOP("errors", "Choose the field of action first."))
            author_id = self.context.author_id()
        except DomainError as exc:
            self._say(translate_error(exc), error=True)
            # An error about the text itself goes once the text is fine (or gone).
            self._entry_error = len(ideas.clean_text(text)) > ideas.TEXT_LIMIT
            return
        station = self.context.station()
        topic_id = self.context.topic_id()
        # setText (not clear) also empties the field's own undo history: Ctrl+Z then
        # undoes the capture itself.
        self.entry.setText("")
        self.context.author_edit.setText("")
        typed = text
        station_id = station.id if station else None
        # Chosen once, outside the write: made again on the local copy after the host
        # saved it but its answer was lost, the capture is the same idea (core.writekey).
        key = WriteKey()

        def capture(s: Session) -> IdeaInfo:
            return ideas.capture(
                s,
                cleaned,
                field_id=field_id,
                station_id=station_id,
                topic_id=topic_id,
                author_id=author_id,
                key=key,
            )

        task: Task[IdeaInfo] = (
            ops.CollectionOp(self, self.db, capture)
            .success(lambda info: self._captured(task, info))
            .failure(lambda sentence: self._capture_failed(task, sentence, typed))
            .run()
        )
        self._pending.add(task)

    def _captured(self, task: Task[IdeaInfo], info: IdeaInfo) -> None:
        self._pending.discard(task)
        self._apply_own(info)
        self.undo_stack.push(commands.captured(self, info))
        self.answered.emit()
        self._say(
            self.tr("Saved: %1").replace(
                "%1", info.text if len(info.text) < 80 else info.text[:79] + "…"
            )
        )
        self.status_message.emit(self.tr("Idea saved"))

    def _capture_failed(self, task: Task[IdeaInfo], sentence: str, typed: str) -> None:
        self._pending.discard(task)
        if not self.entry.text():
            self.entry.setText(typed)
        else:
            self._unsaved.append(typed)
            self.restore_button.show()
        self._say(sentence + " " + self.tr("The text was not lost."), error=True)
        self.answered.emit()

    def _restore_unsaved(self) -> None:
        if self._unsaved:
            text = self._unsaved.pop(0)
            current = self.entry.text()
            self.entry.setText(f"{current} {text}".strip() if current else text)
        self.restore_button.setVisible(bool(self._unsaved))
        self.entry.setFocus()

    def wait_for_saves(self, msecs: int = -1) -> bool:
        """Block until the ideas typed so far are saved (closing the event, tests)."""
        return ops.wait_for_writes(msecs)

    def _say(self, text: str, *, error: bool = False) -> None:
        self._entry_error = False
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(
            "color: #b00020; font-weight: bold;" if error else "color: #1b5e20;"
        )
        if error:
            self._message_timer.stop()
        else:
            self._message_timer.start(SAVED_MESSAGE_MS)

    # -- the list ------------------------------------------------------------------------------

    def _filter_changed(self, *_args: Any) -> None:
        station = self.context.station()
        whole = self.whole_event.isChecked()
        field_id = self.context.field_id()
        self.model.set_filter(
            station_id=None if whole or station is None else station.id,
            field_id=None if whole or station is not None else field_id,
            show_all_statuses=self.show_hidden.isChecked(),
            query=self.search.text(),
        )
        # The field column tells something only when ideas of several fields are listed.
        self.table.setColumnHidden(
            IdeasModel.FIELD, not whole and station is not None and station.field_id is not None
        )

    def _update_count(self, *_args: Any) -> None:
        if self.model.rowCount() == 0 and self._waiting:
            return  # "Loading …" stays until the ideas are there
        # Singular and plural as two strings: German and English need no more forms.
        n = self.model.rowCount()
        text = (
            self.tr("1 idea listed") if n == 1 else self.tr("%1 ideas listed").replace("%1", str(n))
        )
        self.count_label.setText(text)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ideas(self) -> list[IdeaInfo]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.idea_at(r) for r in rows]

    def select_idea(self, idea_id: uuid.UUID) -> bool:
        row = self.model.row_of_id(idea_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_actions(self, *_args: Any) -> None:
        self._update_undo()
        # While a change is on its way, nothing that would change ideas again is offered.
        chosen = self.selected_ideas() if self.table.selectionModel() and not self._writing else []
        one = len(chosen) == 1
        active = [i for i in chosen if i.status == "active"]
        self.edit_action.setEnabled(one and chosen[0].status != "merged")
        self.hide_action.setEnabled(bool(active))
        self.unhide_action.setEnabled(any(i.status == "hidden" for i in chosen))
        self.tags_action.setEnabled(one and chosen[0].status != "merged")
        self.cluster_action.setEnabled(bool(chosen))
        self.merge_action.setEnabled(len(active) in (1, 2) and len(chosen) == len(active))
        self.history_action.setEnabled(one)

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for action in (
            self.edit_action,
            self.hide_action,
            self.unhide_action,
            self.tags_action,
            self.cluster_action,
            self.merge_action,
            self.history_action,
        ):
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # -- actions -------------------------------------------------------------------------------

    def _run(
        self, work: Callable[[Session], Any], done: Callable[[Any], None] | None = None
    ) -> bool:
        """One change in its own unit of work on the writer thread; errors are said in the page.

        False when nothing was started (no event, or another change still on its way).
        """
        if self.db is None or self._writing:
            return False
        self.run_step(work, done or (lambda _result: None), self.say_error)
        return True

    def edit_idea(
        self,
        before: IdeaInfo,
        text: str,
        field_id: uuid.UUID | None = None,
        topic_id: uuid.UUID | None = None,
        *,
        on_saved: Callable[[IdeaInfo], None] | None = None,
        on_refused: Callable[[str, IdeaInfo | None], None] | None = None,
    ) -> bool:
        """Save an edit in the background.

        ``on_saved(after)`` when saved; ``on_refused(sentence, fresh)`` when not, with
        what another laptop saved meanwhile (``fresh``) when that was the reason.
        """

        db = self.db
        if db is None or self._writing:
            return False

        def job(_progress: Progress) -> IdeaInfo:
            with db.uow() as s:
                return ideas.edit(
                    s,
                    before.id,
                    expected_version=before.version,
                    text=text,
                    field_id=field_id or before.field_id,
                    topic_id=topic_id,
                )

        def done(after: IdeaInfo) -> None:
            self._end_write()
            self._apply_own(after)
            if after.version != before.version:
                self.undo_stack.push(commands.edited(self, before, after))
            if on_saved is not None:
                on_saved(after)
            self.answered.emit()

        def failed(exc: Exception) -> None:
            self._end_write()
            sentence = translate_error(exc)
            if isinstance(exc, ConflictError):
                # Show what the other laptop saved before saying so.
                ops.QueryOp(self, db, lambda s: ideas.ideas_by_id(s, [before.id])).success(
                    lambda fresh: self._conflicted(fresh, sentence, on_refused)
                ).failure(self.say_error).run()
            elif on_refused is not None:
                on_refused(sentence, None)
            else:
                self.say_error(sentence)
            self.answered.emit()

        # The exception itself is needed here (a conflict is answered differently),
        # so this one write takes ops.start_write rather than CollectionOp.
        self._begin_write()
        ops.start_write(job, on_done=done, on_error=failed, parent=self)
        return True

    def _conflicted(
        self,
        fresh: list[IdeaInfo],
        sentence: str,
        on_refused: Callable[[str, IdeaInfo | None], None] | None,
    ) -> None:
        self.show_current(fresh, [i.id for i in fresh])
        if on_refused is not None:
            on_refused(sentence, fresh[0] if fresh else None)
        else:
            self.say_error(sentence)

    def edit_selected(self) -> None:
        chosen = self.selected_ideas()
        if len(chosen) == 1 and self.db is not None and not self._writing:
            EditDialog(
                chosen[0], self.context.fields, self.context.topics, self.save_from_dialog, self
            ).exec()

    def save_from_dialog(self, dialog: EditDialog) -> None:
        """The edit dialog's Save: the dialog closes when saved, else shows why and stays open."""
        text, field_id, topic_id = dialog.values()

        def saved(after: IdeaInfo) -> None:
            self._say(self.tr("Saved: %1").replace("%1", after.text[:79]))
            dialog.saved()

        def refused(sentence: str, fresh: IdeaInfo | None) -> None:
            if fresh is None:
                dialog.refused(sentence)
                return
            # Show what the other laptop saved; the next Save replaces it knowingly.
            dialog.idea = fresh
            dialog.refused(
                sentence
                + "\n"
                + self.tr(
                    "Your text is still here: press Save again to replace the other change with it."
                )
            )

        if not self.edit_idea(
            dialog.idea, text, field_id, topic_id, on_saved=saved, on_refused=refused
        ):
            dialog.refused(self.tr("Another change is still being saved. Try again."))

    def hide_selected(self, reason: str | None = None) -> None:
        chosen = [i for i in self.selected_ideas() if i.status == "active"]
        if not chosen or self._writing:
            return
        if reason is None:
            reasons = [
                self.tr("off topic"),
                self.tr("duplicate"),
                self.tr("contains personal data"),
                self.tr("offensive"),
                self.tr("typed by mistake"),
            ]
            reason, ok = QInputDialog.getItem(
                self,
                self.tr("Hide idea"),
                self.tr("Why is it hidden? (It stays in the record.)"),
                reasons,
                0,
                True,
            )
            if not ok:
                return
        why = reason or ""

        def work(s: Session) -> list[IdeaInfo]:
            # All or none: one unit of work.
            return [ideas.hide(s, i.id, why, expected_version=i.version) for i in chosen]

        def done(afters: list[IdeaInfo]) -> None:
            # One step per idea on the undo stack: an empty macro would be an undo that does nothing.
            for after in afters:
                self._apply_own(after)
                self.undo_stack.push(commands.hidden(self, after))

        self._run(work, done)

    def unhide_selected(self) -> None:
        chosen = [i for i in self.selected_ideas() if i.status == "hidden"]
        if not chosen:
            return

        def work(s: Session) -> list[IdeaInfo]:
            return [ideas.unhide(s, i.id, expected_version=i.version) for i in chosen]

        def done(afters: list[IdeaInfo]) -> None:
            for before, after in zip(chosen, afters, strict=True):
                self._apply_own(after)
                self.undo_stack.push(commands.unhidden(self, before, after))

        self._run(work, done)

    def tag_selected(self, text: str | None = None) -> None:
        chosen = self.selected_ideas()
        if len(chosen) != 1 or self._writing:
            return
        idea = chosen[0]
        if text is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Tags"),
                self.tr("Tags, separated by commas:"),
                QLineEdit.EchoMode.Normal,
                ", ".join(idea.tags),
            )
            if not ok:
                return
        tags = ideas.parse_tags(text or "")

        def done(after: IdeaInfo) -> None:
            if after.version != idea.version:
                self._apply_own(after)
                self.undo_stack.push(commands.tagged(self, idea, after))

        self._run(lambda s: ideas.set_tags(s, idea.id, tags, expected_version=idea.version), done)

    def cluster_selected(self, name: str | None = None) -> None:
        chosen = self.selected_ideas()
        if not chosen or self.db is None or self._writing:
            return
        if name is not None:
            self._cluster(chosen, name)
            return
        # The clusters known so far come first; the question is asked when they are here.
        ops.QueryOp(self, self.db, ideas.clusters).success(
            lambda known: self._ask_cluster(chosen, known)
        ).failure(self.say_error).run()

    def _ask_cluster(self, chosen: list[IdeaInfo], known: list[str]) -> None:
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Cluster"),
            self.tr("Cluster (empty for none):"),
            known,
            max(0, known.index(chosen[0].cluster)) if chosen[0].cluster in known else -1,
            True,
        )
        if ok:
            self._cluster(chosen, name)

    def _cluster(self, chosen: list[IdeaInfo], name: str) -> None:
        def work(s: Session) -> list[IdeaInfo]:
            return [
                ideas.set_cluster(s, i.id, name or "", expected_version=i.version) for i in chosen
            ]

        def done(afters: list[IdeaInfo]) -> None:
            for before, after in zip(chosen, afters, strict=True):
                if after.version != before.version:
                    self._apply_own(after)
                    self.undo_stack.push(commands.clustered(self, before, after))

        self._run(work, done)

    def merge_selected(
        self, target_id: uuid.UUID | None = None, text: str | None = None
    ) -> MergeDialog | None:
        """Merge the selected duplicate into another idea, with the wording that survives.

        With two ideas selected, the newer is merged into the older; with one,
        the dialog also asks for the idea to merge into.  Without ``text`` the
        dialog (returned; it merges when accepted) asks which wording survives.
        """
        chosen = self.selected_ideas()
        if len(chosen) == 2 and target_id is None:
            older, newer = sorted(chosen, key=lambda i: i.created_at)
            source, target_id = newer, older.id
        elif len(chosen) == 1:
            source = chosen[0]
        else:
            return None
        if text is not None and target_id is not None:
            self._merge(source, target_id, text)
            return None
        if self.db is None:
            return None
        target = self.model.idea(target_id) if target_id is not None else None
        dialog = MergeDialog(
            source,
            [i for i in self.model.all_ideas() if i.is_active],
            self,
            target=target,
            support=self._merge_support,
        )
        dialog.accepted.connect(lambda: self._merge_chosen(dialog))
        dialog.finished.connect(lambda _code: self._merge_dialog_closed(dialog))
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _merge_support(
        self, ids: list[uuid.UUID], answer: Callable[[dict[uuid.UUID, int]], None]
    ) -> None:
        """Ask for the support of these ideas; ``answer`` gets it when read."""
        if self.db is None:
            return
        # The suggestion is a help, not a must: a failure is said, the dialog carries on.
        ops.QueryOp(self, self.db, lambda s: ideas.merge_support(s, ids)).success(answer).failure(
            self.say_error
        ).run()

    def _merge_chosen(self, dialog: MergeDialog) -> None:
        target_id = dialog.target_id()
        if target_id is not None:
            self._merge(dialog.source, target_id, dialog.wording_text())

    def _merge_dialog_closed(self, dialog: MergeDialog) -> None:
        if self.merge_dialog is dialog:
            self.merge_dialog = None
        dialog.deleteLater()

    def _merge(self, source: IdeaInfo, target: uuid.UUID, text: str) -> None:
        touched = [source.id, target]

        def work(s: Session) -> tuple[IdeaInfo, list[IdeaInfo]]:
            result = ideas.merge(s, source.id, target, expected_version=source.version, text=text)
            return result, ideas.ideas_by_id(s, touched)

        def done(answer: tuple[IdeaInfo, list[IdeaInfo]]) -> None:
            result, current = answer
            for info in current:
                self._refresh_latest.pop(info.id, None)
                self.versions[info.id] = info.version
            self.show_current(current, touched)
            after = self.model.idea(source.id)
            if after is not None:
                self.undo_stack.push(commands.merged(self, after, target, result.text))
            self._say(self.tr("Merged into: %1").replace("%1", result.text[:79]))
            self.select_idea(target)

        self._run(work, done)

    def show_history(self) -> None:
        chosen = self.selected_ideas()
        if len(chosen) != 1 or self.db is None:
            return
        idea = chosen[0]

        def show(revisions: list[RevisionInfo]) -> None:
            dialog = HistoryDialog(idea, revisions, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        ops.QueryOp(self, self.db, lambda s: ideas.history(s, idea.id)).success(show).failure(
            self.say_error
        ).run()
