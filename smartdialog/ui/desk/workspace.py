"""The registration desk ("Empfang"): scan, find by name, register walk-ins, print badges.

Built for a queue: the clerk never needs the mouse.  The scan field keeps the
focus; Enter checks in the highlighted search result, the arrow keys move the
highlight, F2 registers a walk-in, F4 prints a badge, F8 annuls a check-in,
Escape clears.  Every answer appears large, in colour, with a sound, and the
panel returns to "ready" by itself.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core.changes import WHOLESALE, Action, group
from smartdialog.core.db import Database
from smartdialog.core.services import checkin, registration, tickets
from smartdialog.core.services.audit import Change
from smartdialog.core.services.badges import local_time
from smartdialog.core.services.checkin import ScanResult
from smartdialog.core.services.registration import PersonRow
from smartdialog.core.writekey import WriteKey
from smartdialog.ui import ops
from smartdialog.ui.desk import feedback
from smartdialog.ui.desk.dialogs import AnnulDialog, WalkInDialog
from smartdialog.ui.desk.feedback import ResultPanel, Sounds
from smartdialog.ui.desk.framescan import CameraScanner
from smartdialog.ui.desk.importdialog import ImportDialog
from smartdialog.ui.desk.jobs import PrintJobs
from smartdialog.ui.desk.models import FailedScansModel, RecentModel, rejection_text
from smartdialog.ui.desk.options import DeskOptions
from smartdialog.ui.desk.search import PeopleSearch, desk_table
from smartdialog.ui.flow import flow_row
from smartdialog.ui.messages import translate_error
from smartdialog.ui.scaninput import ScanInput
from smartdialog.ui.workspace import Workspace

log = logging.getLogger("smartdialog.desk")

RECENT_ROWS = 12
FAILED_ROWS = 50
# Actions that may add, rename or remove participants (the search keys follow them);
# the ideas and voting workspaces write far more often and touch no name.
_NAME_ACTIONS = frozenset({Action.PARTICIPANT_WALKIN}) | WHOLESALE
_FOLLOWS = group("checkin.") | group("badge.") | group("event.") | _NAME_ACTIONS


def _may_change_names(change: Change) -> bool:
    return change.action in _NAME_ACTIONS


class FailedScans(QWidget):
    """The refused scans of every desk (newest first), so that a pattern gets noticed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FailedScansModel()
        self.view = desk_table(self.model)
        self.view.setAccessibleName(self.tr("Failed scans"))
        header = self.view.horizontalHeader()
        for column in (FailedScansModel.TIME, FailedScansModel.DESK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The reason is read in full; what was read may be long (a wrong barcode) and takes
        # the rest (the whole of it in the tooltip).  Normal type: this is not read from afar.
        header.setSectionResizeMode(
            FailedScansModel.REASON, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(FailedScansModel.READ, QHeaderView.ResizeMode.Stretch)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFont(self.font())
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.caption = QLabel(self.tr("Failed scans (all desks)"))
        self.caption.setObjectName("deskCaption")
        self.caption.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)


class DeskWorkspace(Workspace):
    """The desk page of the main window."""

    # Emitted after every answer the desk gives (for tests and the status bar).
    answered = Signal(str)
    # Emitted when the counters and lists show a fresh read.
    live_refreshed = Signal()

    FOLLOWS = _FOLLOWS
    # Check-ins made here are shown (and the lists read) when the desk answers.
    OWN_ACTIONS = group("checkin.")

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sounds = Sounds()
        self.index = registration.SearchIndex()
        self.settings = settings
        self.last_person: uuid.UUID | None = None
        self.walk_in_dialog: WalkInDialog | None = None
        self.annul_dialog: AnnulDialog | None = None
        self._live_generation = 0
        self._live_reading = False
        self._counts: checkin.Counters | None = None
        self._scans_in_flight = 0
        self._annulling = False
        self.options = DeskOptions(settings, self.sounds)
        self.options.camera_requested.connect(self.open_camera)
        self._camera_scanner: CameraScanner | None = None
        self.camera_window: QWidget | None = None
        self.jobs = PrintJobs(self, settings, self.options)
        self.jobs.status_message.connect(self.status_message)
        self._build()

    # -- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        self.input = ScanInput()
        self.input.setObjectName("deskInput")
        self.input.setPlaceholderText(self.tr("Scan a ticket or type a name …"))
        self.input.setAccessibleName(self.tr("Scan or name"))
        self.input.scanned.connect(self.handle_scan)
        self.search = PeopleSearch(self.input.text)
        self.search.chosen.connect(self.check_in_selected)
        self.input.search_changed.connect(self.search.search_later)
        self.input.submitted.connect(self.check_in_selected)
        self.input.navigate.connect(self.search.navigate)
        self.input.cleared.connect(self.search.clear)

        self.result = ResultPanel()
        self.result.reset.connect(self.input.setFocus)

        self.recent = RecentModel()
        self.recent_view = desk_table(self.recent)
        self.recent_view.setAccessibleName(self.tr("Latest check-ins (all desks)"))
        recent_header = self.recent_view.horizontalHeader()
        recent_header.setSectionResizeMode(RecentModel.NAME, QHeaderView.ResizeMode.Stretch)
        recent_header.setSectionResizeMode(
            RecentModel.TIME, QHeaderView.ResizeMode.ResizeToContents
        )
        recent_header.setSectionResizeMode(
            RecentModel.DESK, QHeaderView.ResizeMode.ResizeToContents
        )

        self.count_registered = self._counter()
        self.count_present = self._counter()
        self.count_walk_ins = self._counter()
        counters = QGridLayout()
        for column, (label, value) in enumerate(
            (
                (self.tr("Registered"), self.count_registered),
                (self.tr("Present"), self.count_present),
                (self.tr("Walk-ins"), self.count_walk_ins),
            )
        ):
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counters.addWidget(value, 0, column)
            counters.addWidget(caption, 1, column)

        self.walk_in_action = self._action(self.tr("Walk-in …"), "F2", self.open_walk_in)
        self.badge_action = self._action(self.tr("Print badge"), "F4", self.print_badge)
        self.annul_action = self._action(self.tr("Annul check-in …"), "F8", self.open_annul)
        self.import_action = self._action(
            self.tr("Import registrations …"), "Ctrl+I", self.choose_import
        )
        self.tickets_action = self._action(
            self.tr("Tickets as PDF …"), "Ctrl+T", self.choose_tickets
        )
        # A row that wraps: with larger text it takes two lines, not a wider window.
        buttons = flow_row(
            *(
                self._button(action)
                for action in (
                    self.walk_in_action,
                    self.badge_action,
                    self.annul_action,
                    self.import_action,
                    self.tickets_action,
                )
            ),
            self.options,
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.result)
        left_layout.addWidget(self.search, 1)
        right = QFrame()
        right.setObjectName("deskSide")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(counters)
        recent_caption = QLabel(self.tr("Latest check-ins (all desks)"))
        recent_caption.setObjectName("deskCaption")
        right_layout.addWidget(recent_caption)
        right_layout.addWidget(self.recent_view, 1)
        self.failed_scans = FailedScans()
        right_layout.addWidget(self.failed_scans, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        # Nothing else on the page takes the focus (tables and buttons are NoFocus),
        # so the scanner always types into the scan field.
        self.setFocusProxy(self.input)
        self._update_enabled()

    def _counter(self) -> QLabel:
        label = QLabel("–")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        label.setFont(font)
        return label

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if shortcut:
            # The key is on the button, so that clerks learn it by looking.
            action.setIconText(f"{action.text()}  ({shortcut})")
        return button

    # -- Workspace ------------------------------------------------------------------------------

    def desk_name(self) -> str:
        return self.db.device.name if self.db is not None else ""

    def set_database(self, db: Database | None) -> None:
        self.search.set_database(db)
        self.last_person = None
        self.input.clear()
        self.jobs.db = db
        super().set_database(db)
        self._update_enabled()

    def switch_database(self, db: Database) -> None:
        typed = self.input.text()
        self.set_database(db)
        self.input.setText(typed)

    def reload(self) -> None:
        self.refresh_live()
        if self.input.text():
            self.run_search()

    def on_changes(self, changes: list[Change]) -> None:
        if any(_may_change_names(c) for c in changes):
            self.search.index.invalidate()
        super().on_changes(changes)

    def activated(self) -> None:
        self.input.setFocus()

    def _update_enabled(self) -> None:
        has_db = self.db is not None
        for widget in (self.input, self.search.view):
            widget.setEnabled(has_db)
        for action in (
            self.walk_in_action,
            self.badge_action,
            self.annul_action,
            self.import_action,
            self.tickets_action,
        ):
            action.setEnabled(has_db)
        self.annul_action.setEnabled(has_db and not self._annulling)
        if has_db:
            self.result.set_ready_text(
                self.tr("Ready – {desk}").format(desk=self.desk_name()),
                self.tr("Scan a ticket or type a name."),
            )
        else:
            self.result.set_ready_text(
                self.tr("No event open"), self.tr("Open an event to check people in.")
            )

    def refresh_live(self) -> None:
        """Counters and the latest check-ins (cheap; runs after every change)."""
        if self.db is None:
            self._live_generation += 1
            for label in (self.count_registered, self.count_present, self.count_walk_ins):
                label.setText("–")
            self.recent.set_rows([])
            self.failed_scans.model.set_rows([])
            return
        self._live_generation += 1
        self._live_reading = True
        generation = self._live_generation

        def read(s: Session) -> tuple[Any, Any, Any]:
            return (
                checkin.counters(s),
                checkin.recent(s, RECENT_ROWS),
                checkin.refused_scans(s, FAILED_ROWS),
            )

        # A lost network share: say so, keep the desk usable.
        ops.QueryOp(self, self.db, read).success(
            lambda rows: self._show_live(generation, *rows)
        ).failure(self.status_message.emit).run()

    def _show_live(self, generation: int, counts: Any, recent: Any, failed: Any) -> None:
        if generation != self._live_generation:
            return  # a newer refresh is on its way
        self._live_reading = False
        self._counts = counts
        locale = self.locale()
        self.count_registered.setText(locale.toString(counts.registered))
        self.count_present.setText(locale.toString(counts.present))
        self.count_walk_ins.setText(locale.toString(counts.walk_ins))
        self.recent.set_rows(recent)
        self.failed_scans.model.set_rows(failed)
        self.live_refreshed.emit()

    def _show_own(self, result: ScanResult) -> None:
        """Counters and lists after this desk's own check-in or refused scan, without a read.

        While a read is under way, which may or may not have seen the write, read anew.
        """
        counts, holder = self._counts, result.holder
        if self._live_reading or counts is None:
            self.refresh_live()
        elif result.verdict == checkin.WELCOME and holder is not None:
            assert result.check_in_id is not None and result.at is not None
            walk_in = holder.source == "walkin"
            self._counts = counts = dataclasses.replace(
                counts,
                present=counts.present + 1,
                walk_ins_present=counts.walk_ins_present + walk_in,
            )
            self.count_present.setText(self.locale().toString(counts.present))
            row = checkin.RecentCheckIn(
                result.check_in_id,
                holder.participant_id,
                holder.ticket_number,
                holder.display_name,
                holder.organisation,
                result.at,
                result.desk,
                None,
                "",
            )
            self.recent.set_rows([row, *self.recent.rows()][:RECENT_ROWS])
        elif result.refused is not None:
            rows = [result.refused, *self.failed_scans.model.rows()]
            self.failed_scans.model.set_rows(rows[:FAILED_ROWS])

    # -- scanning ------------------------------------------------------------------------------

    def handle_scan(self, raw: str) -> None:
        if self.db is None:
            return
        self.search.clear()
        desk, typed = self.desk_name(), self.input.last_typed
        # Chosen once, outside the write: made again on the local copy after the host
        # saved it but its answer was lost, the scan is the same check-in (core.writekey).
        key = WriteKey()
        # On the writer thread: the field takes the next scan at once, and the
        # verdicts come back in the order scanned.
        self._scans_in_flight += 1
        ops.CollectionOp(
            self, self.db, lambda s: checkin.scan(s, raw, desk, typed=typed, key=key)
        ).success(self._scan_answered).failure(self._scan_failed).run()

    def _scan_answered(self, result: ScanResult) -> None:
        self._scans_in_flight -= 1
        self.show_result(result)

    def _scan_failed(self, sentence: str) -> None:
        self._scans_in_flight -= 1
        self._show(feedback.REJECTED, self.tr("Not saved"), sentence)

    def scans_in_flight(self) -> int:
        """Scans sent to the database and not answered yet."""
        return self._scans_in_flight

    def show_result(self, result: ScanResult) -> None:
        holder = result.holder
        # Ticket numbers only: the log file holds no names.
        log.info(
            "%s: %s", result.verdict, holder.ticket_number if holder is not None else result.reason
        )
        if result.verdict == checkin.WELCOME and holder is not None:
            self.last_person = holder.participant_id
            details = [
                holder.organisation,
                self.tr("Ticket {number}").format(number=holder.ticket_number),
            ]
            if holder.source == "walkin":
                details.append(self.tr("walk-in"))
            self._show(
                feedback.WELCOME,
                self.tr("Welcome, {name}!").format(name=holder.full_name),
                " · ".join(d for d in details if d),
            )
            self._show_own(result)
            if self.options.badge_at_check_in():
                self.print_badge(holder.participant_id)
        elif result.verdict == checkin.ALREADY and holder is not None:
            self.last_person = holder.participant_id
            assert result.at is not None
            self._show(
                feedback.ALREADY,
                self.tr("{name} is already checked in").format(name=holder.full_name),
                self.tr("since {time} at {desk}").format(
                    time=self._time(result.at), desk=result.desk or "?"
                ),
            )
        else:
            problem = result.problem
            self._show_own(result)  # the list of failed scans
            self._show(
                feedback.REJECTED,
                self._rejection_headline(problem.reason if problem else ""),
                translate_error(problem) if problem else "",
            )

    def _rejection_headline(self, reason: str) -> str:
        return rejection_text(reason)

    def _time(self, at: Any) -> str:
        return local_time(at).strftime("%H:%M")

    def _show(self, state: str, headline: str, detail: str) -> None:
        self.result.show_verdict(state, headline, detail)
        self.sounds.play(state)
        self.status_message.emit(f"{headline} – {detail}" if detail else headline)
        self.answered.emit(state)
        self.input.setFocus()

    # -- the camera ----------------------------------------------------------------------------

    def camera_scanner(self) -> CameraScanner:
        """The camera's decoder: what it reads takes the hand scanner's way."""
        if self._camera_scanner is None:
            self._camera_scanner = CameraScanner(self)
            self._camera_scanner.scanned.connect(self.handle_scan)
            self._camera_scanner.several.connect(self._several_codes)
        return self._camera_scanner

    def open_camera(self) -> QWidget:
        from smartdialog.ui.desk.camera import CameraWindow

        if self.camera_window is None:
            self.camera_window = CameraWindow(self.settings, self.camera_scanner(), self)
        if self.camera_window.isVisible():
            self.camera_window.raise_()  # asked again: bring it up from behind the desk
        else:
            self.camera_window.show()
        self.input.setFocus()
        return self.camera_window

    def _several_codes(self, count: int) -> None:
        if self.db is None:
            return
        self._show(
            feedback.INFO,
            self.tr("Two codes in view"),
            self.tr("Hold up one ticket at a time; keep the other out of the camera's view."),
        )

    # -- finding people by name -----------------------------------------------------------------

    def run_search(self) -> None:
        self.search.run()

    def selected_person(self) -> PersonRow | None:
        return self.search.selected()

    def check_in_selected(self) -> None:
        if self.search.is_pending():
            # Enter came before the search ran: search first, check in what it finds.
            self.search.searched.connect(
                self._check_in_found, Qt.ConnectionType.SingleShotConnection
            )
            self.search.run()
            return
        self._check_in_found()

    def _check_in_found(self) -> None:
        person = self.selected_person()
        if self.db is None or person is None:
            return
        desk, participant_id, key = self.desk_name(), person.participant_id, WriteKey()
        ops.CollectionOp(
            self, self.db, lambda s: checkin.check_in_participant(s, participant_id, desk, key=key)
        ).success(self._checked_in_found).failure(
            lambda sentence: self._show(feedback.REJECTED, self.tr("Not checked in"), sentence)
        ).run()

    def _checked_in_found(self, result: ScanResult) -> None:
        self.input.clear()
        self.search.clear()
        self.show_result(result)

    # -- walk-ins ------------------------------------------------------------------------------

    def open_walk_in(self) -> WalkInDialog | None:
        if self.db is None:
            return None
        text = self.input.text().strip()
        name = "" if tickets.looks_like_payload(text) else text
        dialog = WalkInDialog(self.db, self, name=name)
        dialog.finished.connect(lambda code: self._walk_in_finished(dialog, code))
        self.walk_in_dialog = dialog
        dialog.open()
        return dialog

    def _walk_in_finished(self, dialog: WalkInDialog, code: int) -> None:
        self.search.index.invalidate()
        self.walk_in_dialog = None
        dialog.deleteLater()
        self.input.setFocus()
        if code != WalkInDialog.DialogCode.Accepted or self.db is None:
            return
        self.input.clear()
        self.search.clear()
        person = dialog.use_existing or dialog.person
        if person is None:
            return
        badge = (
            dialog.use_existing is None
            and dialog.print_badge.isChecked()
            and not self.options.badge_at_check_in()
        )
        if dialog.use_existing is not None or dialog.check_in.isChecked():
            desk, participant_id, key = self.desk_name(), person.participant_id, WriteKey()

            def checked_in(result: ScanResult) -> None:
                self.show_result(result)
                self.refresh_live()
                if badge:
                    self.print_badge(participant_id)

            ops.CollectionOp(
                self,
                self.db,
                lambda s: checkin.check_in_participant(s, participant_id, desk, key=key),
            ).success(checked_in).failure(
                lambda sentence: self._show(feedback.REJECTED, self.tr("Not checked in"), sentence)
            ).run()
            return
        self.last_person = person.participant_id
        self._show(
            feedback.INFO,
            self.tr("{name} is registered").format(name=person.full_name),
            self.tr("Ticket {number} – not checked in yet").format(number=person.ticket_number),
        )
        self.refresh_live()
        if badge:
            self.print_badge(person.participant_id)

    # -- annulling -----------------------------------------------------------------------------
    #
    # F8 is one piece of work until its write is answered (finding the check-in, the
    # reason, the write): pressed again meanwhile, it does nothing.

    def annulling(self) -> bool:
        return self._annulling

    def _set_annulling(self, annulling: bool) -> None:
        self._annulling = annulling
        self.annul_action.setEnabled(self.db is not None and not annulling)

    def open_annul(self) -> None:
        """Which check-in F8 annuls: the highlighted person's, else this desk's latest."""
        if self.db is None or self._annulling:
            return
        person = self.selected_person()
        selected = self.recent_view.currentIndex()
        entry = self.recent.row_at(selected.row()) if selected.isValid() else None
        chosen = (
            (entry.check_in_id, entry.display_name)
            if entry is not None and entry.annulled_at is None
            else None
        )
        desk = self.desk_name()

        def find(s: Session) -> tuple[uuid.UUID, str] | None:
            if person is not None:
                active = checkin.active_check_in(s, person.participant_id)
                if active is not None:
                    return active[0], person.full_name
            if chosen is not None:
                return chosen
            for recent in checkin.recent(s, 50):
                if recent.annulled_at is None and recent.desk == desk:
                    return recent.check_in_id, recent.display_name
            return None

        self._set_annulling(True)
        ops.QueryOp(self, self.db, find).success(self._annul_target_found).failure(
            self._annul_failed
        ).run()

    def _annul_failed(self, sentence: str) -> None:
        self._set_annulling(False)
        self._show(feedback.REJECTED, self.tr("Not annulled"), sentence)

    def _annul_target_found(self, target: tuple[uuid.UUID, str] | None) -> None:
        if target is None:
            self._set_annulling(False)
            self._show(
                feedback.INFO,
                self.tr("Nothing to annul"),
                self.tr("Find the person by name first."),
            )
            return
        check_in_id, who = target
        dialog = AnnulDialog(who, self)
        dialog.finished.connect(lambda code: self._annul_finished(dialog, check_in_id, who, code))
        self.annul_dialog = dialog
        dialog.open()

    def _annul_finished(
        self, dialog: AnnulDialog, check_in_id: uuid.UUID, who: str, code: int
    ) -> None:
        self.annul_dialog = None
        dialog.deleteLater()
        self.input.setFocus()
        if code != AnnulDialog.DialogCode.Accepted or self.db is None:
            self._set_annulling(False)
            return
        reason, desk = dialog.reason_text(), self.desk_name()

        def annulled(_result: object) -> None:
            self._set_annulling(False)
            self.input.clear()
            self.search.people.set_rows([])
            self._show(
                feedback.INFO, self.tr("Check-in of {name} annulled").format(name=who), reason
            )
            self.refresh_live()

        ops.CollectionOp(
            self, self.db, lambda s: checkin.annul(s, check_in_id, reason, desk)
        ).success(annulled).failure(self._annul_failed).run()

    # -- badges and tickets --------------------------------------------------------------------

    def print_badge(self, participant_id: uuid.UUID | None = None) -> bool:
        """Print the badge of the given person, the highlighted one, or the last one checked in."""
        if self.db is None:
            return False
        if participant_id is None:
            person = self.selected_person()
            participant_id = person.participant_id if person else self.last_person
        if participant_id is None:
            self._show(
                feedback.INFO, self.tr("Whose badge?"), self.tr("Scan or find the person first.")
            )
            return False
        printed = self.jobs.print_badge(participant_id)
        self.input.setFocus()
        return printed

    def choose_tickets(self) -> None:
        self.jobs.choose_tickets()
        self.input.setFocus()

    # -- import and tickets --------------------------------------------------------------------

    def choose_import(self) -> None:
        if self.db is None:
            return
        start = str(self.settings.value("desk/import_folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import registrations"),
            start,
            self.tr("Registrations (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if path:
            self.settings.setValue("desk/import_folder", str(Path(path).parent))
            self.open_import(Path(path))
        self.input.setFocus()

    def open_import(self, path: Path) -> ImportDialog | None:
        if self.db is None:
            return None
        dialog = ImportDialog(self.db, path, self)
        dialog.finished.connect(lambda _code: self._import_finished(dialog))
        dialog.open()
        return dialog

    def _import_finished(self, dialog: ImportDialog) -> None:
        self.search.index.invalidate()
        dialog.deleteLater()
        self.reload()
        self.input.setFocus()
