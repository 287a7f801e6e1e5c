"""The "Abstimmung" page: rounds and their rules, paper tallies, results, the voting station."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core.changes import WHOLESALE, group
from smartdialog.core.db import Database
from smartdialog.core.services import roles, setup, voting
from smartdialog.ui import ops
from smartdialog.ui.messages import translate_error
from smartdialog.ui.voting.dialogs import KEEP, PinDialog, RoundChoice, RoundDialog
from smartdialog.ui.voting.models import PaperModel, PaperRow
from smartdialog.ui.voting.results import ResultsPanel, table_look
from smartdialog.ui.voting.station import VotingStation
from smartdialog.ui.workspace import Workspace

log = logging.getLogger("smartdialog.voting")

ROUND_ROLE = Qt.ItemDataRole.UserRole
_FOLLOWS = (
    group("round.")
    | group("ballot.")
    | group("paper_tally.")
    | group("idea.")
    | group("checkin.")
    | group("event.")
    | group("field.")
    | WHOLESALE
)


class _CountDelegate(QStyledItemDelegate):
    """A spin box from 0 to the largest count a poster can hold."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:  # noqa: N802
        box = QSpinBox(parent, minimum=0, maximum=voting.MAX_PAPER_DOTS)
        box.setAccessibleName(self.tr("Dots on paper"))
        return box


class VotingWorkspace(Workspace):
    """Create, open and close rounds; enter paper tallies; read results; start a station."""

    # After every results load (for tests and anyone waiting for fresh figures).
    results_shown = Signal()
    # After the list of rounds, and a round's paper sheet, show a fresh read.
    rounds_shown = Signal()
    paper_shown = Signal()
    # A paper count was answered (saved or refused); an action on the rounds has ended.
    paper_saved = Signal()
    action_done = Signal()
    protocol_saved = Signal(str)
    station_started = Signal(object)  # VotingStation

    FOLLOWS = _FOLLOWS

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        ideas_selection: Callable[[], list[uuid.UUID]] | None = None,
    ) -> None:
        super().__init__(parent)
        # The ideas ticked in the Ideas list, for a shortlist of selected ideas.
        self.ideas_selection: Callable[[], list[uuid.UUID]] = ideas_selection or list
        self._rounds: list[voting.RoundInfo] = []
        self._results: voting.RoundResults | None = None
        self._loading = False
        self._load_again = False
        self._rounds_generation = 0
        self._paper_generation = 0
        # An action on the rounds is under way: its buttons wait for the answer.
        self._pending = False
        self._select_next: uuid.UUID | None = None
        self.station: VotingStation | None = None
        self.pin_dialog: PinDialog | None = None
        self.round_dialog: RoundDialog | None = None
        self.pin_change_dialog: QWidget | None = None
        self._paper_key: tuple[uuid.UUID, str] | None = None
        self._build()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.round_list = QListWidget()
        self.round_list.setAccessibleName(self.tr("Voting rounds"))
        self.round_list.currentItemChanged.connect(lambda *_: self._round_chosen())
        self.new_button = QPushButton(self.tr("New round …"))
        self.edit_button = QPushButton(self.tr("Rules …"))
        self.open_button = QPushButton(self.tr("Open for voting"))
        self.close_button = QPushButton(self.tr("Close round …"))
        self.runoff_button = QPushButton(self.tr("Runoff …"))
        self.delete_button = QPushButton(self.tr("Remove draft"))
        self.protocol_button = QPushButton(self.tr("Voting protocol (PDF) …"))
        self.protocol_button.setToolTip(
            self.tr("One page with the rules, the totals and the tally hash, to sign on the day")
        )
        self.protocol_button.clicked.connect(self.save_protocol)
        self.verify_button = QPushButton(self.tr("Check tally hash …"))
        self.verify_button.clicked.connect(self.verify_interactive)
        for button, slot in (
            (self.new_button, self.new_round),
            (self.edit_button, self.edit_round),
            (self.open_button, self.open_round),
            (self.close_button, self.close_round),
            (self.runoff_button, self.create_runoff),
            (self.delete_button, self.delete_round),
        ):
            button.clicked.connect(slot)
        rounds_box = QGroupBox(self.tr("Rounds"))
        rounds_layout = QVBoxLayout(rounds_box)
        rounds_layout.addWidget(self.round_list, 1)
        for row in (
            (self.new_button, self.edit_button),
            (self.open_button, self.close_button),
            (self.runoff_button, self.delete_button),
            (self.protocol_button, self.verify_button),
        ):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            rounds_layout.addLayout(line)

        self.station_button = QPushButton(self.tr("Start voting station on this laptop …"))
        self.station_button.clicked.connect(self.start_station)
        self.pin_button = QPushButton(self.tr("Set station PIN …"))
        self.pin_button.clicked.connect(self.set_pin)
        self.pin_state = QLabel()
        self.pin_state.setWordWrap(True)
        station_box = QGroupBox(self.tr("Voting station"))
        station_layout = QVBoxLayout(station_box)
        station_layout.addWidget(self.station_button)
        station_layout.addWidget(self.pin_button)
        station_layout.addWidget(self.pin_state)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(rounds_box, 1)
        left_layout.addWidget(station_box)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.turnout_label = QLabel()
        self.turnout_label.setStyleSheet("font-size: 16px;")
        self.turnout_label.setWordWrap(True)

        self.results_panel = ResultsPanel()
        self.results_panel.shown.connect(self.results_shown)

        # Paper tallies.
        self.paper_model = PaperModel(self)
        self.paper_model.count_entered.connect(self.enter_paper_count)
        self.paper_view = QTableView()
        self.paper_view.setAccessibleName(self.tr("Dots counted on paper"))
        self.paper_view.setModel(self.paper_model)
        self.paper_view.setItemDelegateForColumn(PaperModel.DOTS, _CountDelegate(self.paper_view))
        self.paper_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table_look(self.paper_view, PaperModel.IDEA)
        self.paper_hint = QLabel()
        self.paper_hint.setWordWrap(True)
        paper_tab = QWidget()
        paper_layout = QVBoxLayout(paper_tab)
        paper_layout.addWidget(self.paper_hint)
        paper_layout.addWidget(self.paper_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.results_panel, self.tr("Results"))
        self.tabs.addTab(paper_tab, self.tr("Paper tally"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.rules_label)
        right_layout.addWidget(self.turnout_label)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    # -- reading -------------------------------------------------------------------------------
    #
    # Everything is read in the background (``ops.QueryOp``).  Until an answer arrives the
    # page shows what it had; each kind of read carries a generation, so that an earlier,
    # slower answer never overwrites a later one.

    def set_database(self, db: Database | None) -> None:
        self._results = None
        self._rounds = []
        self._paper_key = None
        self._select_next = None
        super().set_database(db)
        self._update_buttons()  # "New round" needs no list of rounds

    def switch_database(self, db: Database) -> None:
        super().switch_database(db)
        if self.station is not None:  # the station started here follows the event
            self.station.switch_database(db)

    def reload(self) -> None:
        self._rounds_generation += 1
        if self.db is None:
            self._rounds = []
            self._fill_rounds()
            return
        generation = self._rounds_generation
        if not self._rounds:
            self.heading.setText(self.tr("Loading …"))

        def read(s: Session) -> tuple[list[voting.RoundInfo], bool]:
            return voting.list_rounds(s), setup.has_admin_pin(s)

        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._rounds_read(generation, *answer)
        ).failure(self.status_message.emit).run()

    def _rounds_read(self, generation: int, rounds: list[voting.RoundInfo], has_pin: bool) -> None:
        if generation != self._rounds_generation:
            return  # a newer read is on its way
        self._rounds = rounds
        self.pin_state.setText(
            self.tr("A PIN is set; the station can be unlocked only with it.")
            if has_pin
            else self.tr("No PIN yet: set one before starting a station.")
        )
        self._fill_rounds()
        self.rounds_shown.emit()

    def activated(self) -> None:
        self.round_list.setFocus()

    def current_round(self) -> voting.RoundInfo | None:
        item = self.round_list.currentItem()
        if item is None:
            return None
        wanted = item.data(ROUND_ROLE)
        return next((r for r in self._rounds if str(r.id) == wanted), None)

    def _status_text(self, info: voting.RoundInfo) -> str:
        return {"draft": self.tr("draft"), "open": self.tr("open"), "closed": self.tr("closed")}[
            info.status
        ]

    def _fill_rounds(self) -> None:
        current = self.current_round()
        wanted = str(self._select_next or (current.id if current else "")) or None
        self._select_next = None
        if wanted is None:
            chosen = next(
                (r for r in self._rounds if r.is_open), self._rounds[-1] if self._rounds else None
            )
            wanted = str(chosen.id) if chosen else None
        self.round_list.blockSignals(True)
        self.round_list.clear()
        for info in self._rounds:
            item = QListWidgetItem(
                self.tr("{number}. {title} — {status}").format(
                    number=info.number, title=info.title, status=self._status_text(info)
                )
            )
            item.setData(ROUND_ROLE, str(info.id))
            self.round_list.addItem(item)
            if str(info.id) == wanted:
                self.round_list.setCurrentItem(item)
        self.round_list.blockSignals(False)
        self._round_chosen()

    def _round_chosen(self) -> None:
        info = self.current_round()
        self._update_buttons()
        if info is None:
            self.heading.setText(self.tr("No voting round yet. Create one with “New round …”."))
            self.rules_label.clear()
            self.turnout_label.clear()
            self.results_panel.clear()
            self.paper_model.set_sheet([], editable=False)
            self._paper_key = None
            self._paper_generation += 1
            self._results = None
            return
        self.heading.setText(
            self.tr("Round {number}: {title} ({status})").format(
                number=info.number, title=info.title, status=self._status_text(info)
            )
        )
        self.rules_label.setText(self.rules_text(info.rules, info))
        self._load_paper(info)
        self._load_results()

    def rules_text(self, rules: voting.RoundRules, info: voting.RoundInfo) -> str:
        parts = [
            self.tr("%n dot(s) per participant", "", rules.dots_per_participant),
            self.tr("at most %n per idea", "", rules.max_dots_per_idea),
        ]
        budgets = [f"{f.name} ≤ {f.budget}" for f in rules.fields if f.budget is not None]
        if budgets:
            parts.append(self.tr("budgets: {budgets}").format(budgets=", ".join(budgets)))
        parts.append(
            self.tr("tally hidden until closed") if rules.hide_tally else self.tr("tally visible")
        )
        parts.append(
            self.tr("ballots can be changed")
            if rules.allow_change
            else self.tr("ballots are final")
        )
        if not rules.require_checkin:
            parts.append(self.tr("no check-in needed"))
        parts.append(
            self.tr("ties: runoff") if rules.tie_rule == "runoff" else self.tr("ties share a rank")
        )
        if info.runoff_of_number is not None:
            parts.append(self.tr("runoff of round {number}").format(number=info.runoff_of_number))
        fields = ", ".join(f.name for f in rules.fields)
        return "; ".join(parts) + "\n" + self.tr("Fields: {fields}").format(fields=fields)

    def _load_paper(self, info: voting.RoundInfo) -> None:
        self._paper_generation += 1
        if self.db is None or info.status == "draft":
            self._paper_key = None
            self.paper_model.set_sheet([], editable=False)
            self.paper_hint.setText(self.tr("Paper dots can be entered once the round is open."))
            return
        key = (info.id, info.status)
        same = key == self._paper_key
        if not same:
            # Another round (or it closed): its sheet is not the one shown, so nothing
            # may be typed into the old one meanwhile.
            self._paper_key = None
            self.paper_model.set_sheet([], editable=False)
            self.paper_hint.setText(self.tr("Loading …"))
        generation = self._paper_generation

        def read(s: Session) -> tuple[dict[uuid.UUID, Any], voting.BallotSheet | None]:
            counted = voting.paper_tallies(s, info.id)
            return counted, None if same else voting.ballot_sheet(s, info.id)

        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._paper_read(generation, key, info, *answer)
        ).failure(self.status_message.emit).run()

    def _paper_read(
        self,
        generation: int,
        key: tuple[uuid.UUID, str],
        info: voting.RoundInfo,
        counted: dict[uuid.UUID, Any],
        sheet: voting.BallotSheet | None,
    ) -> None:
        if generation != self._paper_generation:
            return
        if sheet is None:
            # Same round as shown: update the counts in place, so that a facilitator
            # typing into the sheet keeps their editor when a ballot arrives elsewhere.
            for idea_id, dots in self.paper_model.counts().items():
                new = counted[idea_id].dots if idea_id in counted else 0
                if new != dots:
                    self.paper_model.set_count(idea_id, new)
            self.paper_shown.emit()
            return
        self._paper_key = key
        rows = [
            PaperRow(
                i.idea_id,
                i.text,
                f.name,
                f.colour,
                counted[i.idea_id].dots if i.idea_id in counted else 0,
            )
            for f in sheet.fields
            for i in f.ideas
        ]
        self.paper_model.set_sheet(rows, editable=info.is_open)
        self.paper_hint.setText(
            self.tr(
                "Type the dots counted on each poster (double-click or start typing in the last column). 0 removes an entry."
            )
            if info.is_open
            else self.tr("The round is closed; its paper tally is part of the recorded result.")
        )
        self.paper_shown.emit()

    def _load_results(self) -> None:
        """Results are read in the background: a round with a thousand ballots takes a moment."""
        info = self.current_round()
        if self.db is None or info is None or info.status == "draft":
            self._results = None
            self._show_results()
            return
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        round_id = info.id
        ops.QueryOp(self, self.db, lambda s: voting.round_results(s, round_id)).success(
            self._results_loaded
        ).failure(self._results_failed).run()

    def _results_loaded(self, results: voting.RoundResults) -> None:
        self._loading = False
        if self._load_again:
            # Something changed while this was read: show the fresh figures, not these.
            self._load_again = False
            self._load_results()
            return
        current = self.current_round()
        self._results = results if current is not None and current.id == results.round.id else None
        self._show_results()

    def _results_failed(self, sentence: str) -> None:
        self._loading = False
        self._load_again = False
        self.status_message.emit(sentence)

    def _show_results(self) -> None:
        results = self._results
        if results is None:
            self.turnout_label.clear()
        else:
            t, loc = results.turnout, QLocale()
            self.turnout_label.setText(
                self.tr(
                    "Ballots: {ballots} of {eligible} present ({share}) · dots used: {used} of {available} · paper dots: {paper}"
                ).format(
                    ballots=loc.toString(t.ballots_cast),
                    eligible=loc.toString(t.eligible),
                    share=loc.toString(t.ballot_share * 100, "f", 0) + " %",
                    used=loc.toString(t.dots_used),
                    available=loc.toString(t.dots_available),
                    paper=loc.toString(t.paper_dots),
                )
            )
        self.results_panel.show_results(results)

    # -- actions -------------------------------------------------------------------------------
    #
    # An action on a round (a dialog's data read, the moderator's answer, the write) is one
    # piece of work at a time: its buttons stay disabled until the write is answered, so a
    # double click cannot close a round twice or create two rounds.

    def busy(self) -> bool:
        """An action on the rounds is under way (its buttons are disabled meanwhile)."""
        return self._pending

    def _begin(self) -> bool:
        if self._pending or self.db is None:
            return False
        self._pending = True
        self._update_buttons()
        return True

    def _end(self) -> None:
        self._pending = False
        self._update_buttons()
        self.action_done.emit()

    def _update_buttons(self) -> None:
        info = self.current_round()
        has_db = self.db is not None
        free = has_db and not self._pending
        status = info.status if info else ""
        self.new_button.setEnabled(free)
        self.edit_button.setEnabled(free and status == "draft")
        self.delete_button.setEnabled(free and status == "draft")
        self.open_button.setEnabled(free and status == "draft")
        self.close_button.setEnabled(free and status == "open")
        self.runoff_button.setEnabled(free and status == "closed")
        self.protocol_button.setEnabled(status == "closed")
        self.verify_button.setEnabled(has_db)
        self.station_button.setEnabled(free)
        self.pin_button.setEnabled(free)

    def _failed(self, title: str) -> Callable[[str], None]:
        def failed(sentence: str) -> None:
            self._end()
            warn(self, title, sentence)

        return failed

    def _write(
        self,
        action: Callable[..., Any],
        *args: Any,
        title: str,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """Run a service call on the writer thread; show the error, if any, in words.

        ``then(result)`` continues the action (and ends it with ``_end``); without it the
        action ends here.  A round that comes back is shown at once, and selected.
        """
        if self.db is None:
            self._end()
            return
        db = self.db

        def written(result: Any) -> None:
            if isinstance(result, voting.RoundInfo):
                self._remember(result)
                self._select_next = result.id
            self.reload()
            if then is None:
                self._end()
            else:
                then(result)

        ops.CollectionOp(self, db, lambda s: action(s, *args)).success(written).failure(
            self._failed(title)
        ).run()

    def _remember(self, info: voting.RoundInfo) -> None:
        """A round as a write returned it: the buttons follow it before the list is read anew."""
        self._rounds = [info if r.id == info.id else r for r in self._rounds]
        if all(r.id != info.id for r in self._rounds):
            self._rounds.append(info)
        self._fill_rounds()
        self._select(info.id)

    def _select(self, round_id: uuid.UUID) -> None:
        for row in range(self.round_list.count()):
            item = self.round_list.item(row)
            if item is not None and item.data(ROUND_ROLE) == str(round_id):
                self.round_list.setCurrentItem(item)

    def _with_round_dialog(
        self, existing: voting.RoundInfo | None, accepted: Callable[[RoundChoice], None]
    ) -> None:
        """Read what the round dialog offers, open it, and hand on the moderator's choice."""
        assert self.db is not None
        round_id = existing.id if existing else None

        def read(s: Session) -> _DialogData:
            return _DialogData(
                setup.list_fields(s),
                setup.get_event(s),
                round_id is not None and voting.preview(s, round_id).shortlisted,
            )

        title = self.tr("Edit voting round") if existing else self.tr("New voting round")
        ops.QueryOp(self, self.db, read).success(
            lambda data: self._open_round_dialog(existing, data, accepted)
        ).failure(self._failed(title)).run()

    def _open_round_dialog(
        self,
        existing: voting.RoundInfo | None,
        data: _DialogData,
        accepted: Callable[[RoundChoice], None],
    ) -> None:
        dialog = self._round_dialog(existing, data)
        self.round_dialog = dialog

        def finished(code: int) -> None:
            self.round_dialog = None
            dialog.deleteLater()
            if code == RoundDialog.DialogCode.Accepted:
                accepted(dialog.choice())
            else:
                self._end()

        dialog.finished.connect(finished)
        dialog.open()

    def _round_dialog(self, existing: voting.RoundInfo | None, data: _DialogData) -> RoundDialog:
        def preview(s: Session, c: RoundChoice) -> voting.BallotPreview:
            return voting.draft_preview(
                s,
                field_ids=c.field_ids,
                budgets=c.budgets,
                max_dots_per_idea=c.max_dots_per_idea,
                mode=c.shortlist,
                top=c.top,
                idea_ids=c.idea_ids,
            )

        return RoundDialog(
            data.fields,
            default_dots=data.event.default_dots_per_participant,
            default_per_idea=data.event.default_max_dots_per_idea,
            existing=existing,
            has_shortlist=data.shortlisted,
            selected_ideas=self.ideas_selection(),
            preview=preview,
            db=self.db,
            parent=self,
        )

    @staticmethod
    def _set_shortlist(s: Any, round_id: uuid.UUID, c: RoundChoice) -> None:
        if c.shortlist != KEEP:
            voting.set_shortlist(s, round_id, c.shortlist, top=c.top, idea_ids=c.idea_ids)

    def new_round(self) -> None:
        if self._begin():
            self._with_round_dialog(None, self._create_round)

    def _create_round(self, c: RoundChoice) -> None:
        def create(s: Any) -> voting.RoundInfo:
            info = voting.create_round(
                s,
                c.title,
                dots_per_participant=c.dots_per_participant,
                max_dots_per_idea=c.max_dots_per_idea,
                field_ids=c.field_ids,
                budgets=c.budgets,
                hide_tally=c.hide_tally,
                allow_change=c.allow_change,
                require_checkin=c.require_checkin,
                tie_rule=c.tie_rule,
            )
            self._set_shortlist(s, info.id, c)
            return voting.get_round(s, info.id)

        self._write(create, title=self.tr("New voting round"))

    def edit_round(self) -> None:
        info = self.current_round()
        if info is None or not self._begin():
            return

        def update(s: Any, c: RoundChoice) -> voting.RoundInfo:
            voting.update_round(
                s,
                info.id,
                title=c.title,
                dots_per_participant=c.dots_per_participant,
                max_dots_per_idea=c.max_dots_per_idea,
                field_ids=c.field_ids,
                budgets=c.budgets,
                hide_tally=c.hide_tally,
                allow_change=c.allow_change,
                require_checkin=c.require_checkin,
                tie_rule=c.tie_rule,
            )
            if info.runoff_of_id is None:
                self._set_shortlist(s, info.id, c)
            return voting.get_round(s, info.id)

        self._with_round_dialog(
            info, lambda c: self._write(update, c, title=self.tr("Edit voting round"))
        )

    def open_round(self) -> None:
        info = self.current_round()
        if info is None or self.db is None or not self._begin():
            return
        round_id = info.id
        ops.QueryOp(self, self.db, lambda s: voting.preview(s, round_id).changes).success(
            lambda changes: self._open_checked(round_id, changes)
        ).failure(self._failed(self.tr("Open for voting"))).run()

    def _open_checked(
        self, round_id: uuid.UUID, changes: tuple[voting.ShortlistChange, ...]
    ) -> None:
        if changes and not self._confirm_changes(changes):
            self._end()
            return
        self._write(
            voting.start_round, round_id, title=self.tr("Open for voting"), then=self._opened
        )

    def _opened(self, opened: voting.RoundInfo) -> None:
        self._end()
        self.status_message.emit(
            self.tr(
                "Round {number} is open: %n idea(s) frozen for voting.", "", opened.idea_count
            ).format(number=opened.number)
        )

    def _confirm_changes(self, changes: tuple[voting.ShortlistChange, ...]) -> bool:
        """Tell the moderator, before opening, what happened to ideas on the shortlist."""
        lines = [
            self.tr("“{text}” was merged into “{survivor}”, which takes its place.").format(
                text=c.text, survivor=c.survivor_text
            )
            if c.kind == "merged"
            else self.tr("“{text}” has been hidden and leaves the ballot.").format(text=c.text)
            for c in changes
        ]
        answer = QMessageBox.question(
            self,
            self.tr("Open for voting"),
            self.tr("Since the shortlist was chosen:")
            + "\n\n"
            + "\n".join(lines)
            + "\n\n"
            + self.tr("Open the round with these changes?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def close_round(self) -> None:
        info = self.current_round()
        if info is None or self.db is None or not self._begin():
            return
        round_id = info.id
        # The ballots cast up to this moment.
        ops.QueryOp(self, self.db, lambda s: voting.get_round(s, round_id)).success(
            self._ask_close
        ).failure(self._failed(self.tr("Close round"))).run()

    def _ask_close(self, info: voting.RoundInfo) -> None:
        if not info.is_open:
            self._remember(info)  # closed meanwhile, on another laptop
            self._end()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Close round"),
            self.tr(
                "Close round {number} “{title}” now?\n\n{ballots} ballots have been cast. Nobody can vote "
                "or enter paper dots in this round afterwards; its tally is recorded with a SHA-256 "
                "checksum."
            ).format(number=info.number, title=info.title, ballots=info.ballots_cast),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._end()
            return
        self._write(voting.close_round, info.id, title=self.tr("Close round"), then=self._closed)

    def _closed(self, closed: voting.RoundInfo) -> None:
        self.status_message.emit(
            self.tr("Round {number} is closed. SHA-256: {sha}").format(
                number=closed.number, sha=closed.tally_sha256
            )
        )
        if closed.rules.tie_rule != "runoff" or self.db is None:
            self._end()
            return
        round_id = closed.id
        ops.QueryOp(self, self.db, lambda s: voting.round_results(s, round_id).tied_groups).success(
            lambda groups: self._offer_runoff(round_id, groups)
        ).failure(self._failed(self.tr("Runoff"))).run()

    def _offer_runoff(
        self, round_id: uuid.UUID, groups: tuple[tuple[voting.IdeaResult, ...], ...]
    ) -> None:
        if not groups or groups[0][0].rank != 1:
            self._end()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Runoff"),
            self.tr(
                "The rules of this round decide ties by a runoff, and these ideas share rank 1:\n\n{ideas}\n\nCreate the runoff round now?"
            ).format(ideas="\n".join(f"• {i.text}" for i in groups[0])),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._end()
            return
        self._write(
            voting.create_runoff,
            round_id,
            [i.idea_id for i in groups[0]],
            title=self.tr("Runoff"),
        )

    def create_runoff(self) -> None:
        info = self.current_round()
        results = self._results
        if info is None or results is None or not self._begin():
            return
        groups = results.tied_groups
        if not groups:
            QMessageBox.information(
                self,
                self.tr("Runoff"),
                self.tr("No ideas share a rank in this round; no runoff is needed."),
            )
            self._end()
            return
        labels = [
            self.tr("Rank {rank}: {ideas}").format(
                rank=g[0].rank, ideas=" | ".join(i.text for i in g)
            )
            for g in groups
        ]
        label, ok = QInputDialog.getItem(
            self, self.tr("Runoff"), self.tr("Which tied ideas go to the runoff?"), labels, 0, False
        )
        if not ok:
            self._end()
            return
        group = groups[labels.index(label)]
        self._write(
            voting.create_runoff, info.id, [i.idea_id for i in group], title=self.tr("Runoff")
        )

    def delete_round(self) -> None:
        info = self.current_round()
        if info is None or not self._begin():
            return
        self._write(voting.delete_round, info.id, title=self.tr("Remove draft"))

    def enter_paper_count(self, idea_id: uuid.UUID, dots: int) -> None:
        """A count typed into the sheet: written in the order typed, shown once saved."""
        if self._paper_key is None or self.db is None:
            return
        round_id = self._paper_key[0]
        ops.CollectionOp(
            self, self.db, lambda s: voting.set_paper_tally(s, round_id, idea_id, dots)
        ).success(lambda _: self._paper_saved(round_id, idea_id, dots)).failure(
            lambda sentence: self._paper_refused(sentence)
        ).run()

    def _paper_saved(self, round_id: uuid.UUID, idea_id: uuid.UUID, dots: int) -> None:
        if self._paper_key is not None and self._paper_key[0] == round_id:
            self.paper_model.set_count(idea_id, dots)
        self._load_results()
        self.paper_saved.emit()

    def _paper_refused(self, sentence: str) -> None:
        warn(self, self.tr("Paper tally"), sentence)
        self.paper_saved.emit()

    # -- PIN and station -----------------------------------------------------------------------

    def set_pin(self) -> None:
        if self.db is None or not self._begin():
            return
        ops.QueryOp(
            self, self.db, lambda s: roles.access(s).applies or setup.has_admin_pin(s)
        ).success(self._ask_pin).failure(self._failed(self.tr("PIN of the voting stations"))).run()

    def _ask_pin(self, guarded: bool) -> None:
        self._end()
        if guarded:
            self._replace_pin()
            return
        dialog = PinDialog(self, title=self.tr("PIN of the voting stations"), confirm=True)

        def chosen(pin: str) -> None:
            if self.db is None:
                dialog.reject()
                return
            ops.CollectionOp(dialog, self.db, lambda s: setup.set_admin_pin(s, pin)).success(
                lambda _: self._pin_set(dialog)
            ).failure(dialog.refuse).run()

        dialog.pin_entered.connect(chosen)
        self.pin_dialog = dialog
        dialog.open()

    def _pin_set(self, dialog: PinDialog) -> None:
        dialog.accept()
        self.reload()

    def _replace_pin(self) -> None:
        """Replacing the station PIN needs the Verwaltung PIN (or the old PIN while none is set)."""
        if self.db is None:
            return
        ops.QueryOp(self, self.db, lambda s: roles.access(s).applies).success(
            self._open_pin_change
        ).failure(
            lambda sentence: warn(self, self.tr("PIN of the voting stations"), sentence)
        ).run()

    def _open_pin_change(self, office: bool) -> None:
        from smartdialog.ui.roles import PinChangeDialog

        db = self.db
        if db is None:
            return

        def write(s: Session, new: str, authorisation: str) -> None:
            setup.set_admin_pin(s, new, authorisation=authorisation)

        dialog = PinChangeDialog(
            self.tr("PIN of the voting stations"),
            None,
            authorisation_label=None if office else self.tr("Current station PIN"),
            parent=self,
            db=db,
            write=write,
        )
        dialog.accepted.connect(self.reload)
        self.pin_change_dialog = dialog
        dialog.open()

    def verify_interactive(self) -> None:
        from smartdialog.ui.voting.verify import VerifyDialog

        if self.db is None:
            return
        info = self.current_round()
        self.verify_dialog = VerifyDialog(self.db, info.number if info else 1, self)
        self.verify_dialog.open()

    def save_protocol(self) -> None:
        info = self.current_round()
        if self.db is None or info is None or info.status != "closed":
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the voting protocol"),
            f"Abstimmungsprotokoll-Runde-{info.number}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        from smartdialog.core.minutes.protocol import protocol_data

        round_id = info.id
        title = self.tr("Voting protocol")
        self.protocol_button.setEnabled(False)

        def failed(sentence: str) -> None:
            self._update_buttons()
            warn(self, title, sentence)

        def saved(written: str) -> None:
            self._update_buttons()
            self.status_message.emit(self.tr("Voting protocol saved: {path}").format(path=written))
            self.protocol_saved.emit(written)

        def write(data: Any) -> None:
            # The PDF is drawn off the GUI thread, from what was read.
            ops.start(
                _write_protocol,
                data,
                path,
                on_done=saved,
                on_error=lambda exc: failed(translate_error(exc)),
                parent=self,
            )

        ops.QueryOp(self, self.db, lambda s: protocol_data(s, round_id)).success(write).failure(
            failed
        ).run()

    def _station_closed(self) -> None:
        self.station = None
        self.status_message.emit(self.tr("The voting station was closed with the PIN."))

    def start_station(self) -> None:
        if self.db is None or not self._begin():
            return

        def read(s: Session) -> tuple[bool, voting.RoundInfo | None]:
            return setup.has_admin_pin(s), voting.current_round(s)

        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._start_station(*answer)
        ).failure(self._failed(self.tr("Voting station"))).run()

    def _start_station(self, has_pin: bool, current: voting.RoundInfo | None) -> None:
        self._end()
        if self.db is None:
            return
        if not has_pin:
            QMessageBox.information(
                self,
                self.tr("Voting station"),
                self.tr("Set a PIN first: the station can only be left with it."),
            )
            self.set_pin()
            return
        if current is None:
            answer = QMessageBox.question(
                self,
                self.tr("Voting station"),
                self.tr(
                    "No round is open yet. Start the station anyway? It will accept badges as soon as a round is opened."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Voting station"),
            self.tr("Name of this station (for the record):"),
            text=self.tr("Voting station 1"),
        )
        if not ok:
            return
        station = VotingStation(self.db, station_name=name.strip() or self.tr("Voting station"))
        station.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        station.unlocked.connect(self._station_closed)
        self.station = station
        station.lock()
        self.station_started.emit(station)


@dataclass(frozen=True)
class _DialogData:
    """What the round dialog offers: the fields, the event's defaults, a draft's shortlist."""

    fields: list[setup.FieldInfo]
    event: Any
    shortlisted: bool


def warn(parent: QWidget, title: str, sentence: str) -> None:
    """The user's sentence (``ops`` put it into words) in a message box."""
    QMessageBox.warning(parent, title, sentence)


def _write_protocol(_progress: Any, data: Any, path: str) -> str:
    from smartdialog.core.minutes.protocol import write_protocol

    return str(write_protocol(data, path))
