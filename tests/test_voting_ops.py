"""The Abstimmung page and the voting station on a slow network: nothing on the GUI thread.

A statement recorder notes the thread of every SQL statement (and makes each one
slow) while the page is used as a moderator would: a round created in its dialog,
opened, counted on paper, closed, its hash checked; and a voter at the station.
A second press while a write is on its way must not write twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.models import Ballot, PaperTally, Participant
from smartdialog.core.services import setup, tickets, verification, voting
from smartdialog.ui import ops
from smartdialog.ui.voting import VotingStation, VotingWorkspace
from smartdialog.ui.voting.models import PaperModel

from .test_ops import Heartbeat, StatementLog
from .test_voting_service import add_ideas, add_people, cast

STATION = DeviceIdentity(uuid.UUID(int=41), "Abstimmung 1", "station")

# A round trip slow enough that a second press comes while the first one's statements are
# on their way, and a statement on the GUI thread would be seen.  The 100 ms are
# measured where the stall itself is the subject (tests.test_stall, tests.test_ops); here
# what counts is the thread each statement is sent from, and 30 ms keep the file short.
DELAY_S = 0.03


@pytest.fixture
def hall(db: Database) -> Iterator[Database]:
    add_people(db, 3)
    add_ideas(db, {0: ["Radwege", "Busse"], 1: ["Coworking"]})
    with db.uow() as s:
        setup.set_admin_pin(s, "2468")
    yield db
    assert ops.reader_pool().waitForDone(20_000) and ops.wait_for_writes(20_000)
    assert QThreadPool.globalInstance().waitForDone(20_000)


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question the page asks is answered "Yes"; the questions, in order."""
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def _page(qtbot: QtBot, db: Database) -> VotingWorkspace:
    page = VotingWorkspace()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    with qtbot.waitSignal(page.rounds_shown, timeout=10_000):
        page.set_database(db)
    return page


def _act(qtbot: QtBot, page: VotingWorkspace, button: Any) -> None:
    """Press an action's button; wait for its answer and the fresh list of rounds."""
    with qtbot.waitSignal(page.action_done, timeout=20_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.rounds_shown, timeout=20_000):
        page.reload()


def test_the_moderator_runs_a_round_without_a_statement_on_the_gui_thread(
    qtbot: QtBot, hall: Database, voting_errors: list[str], yes: list[str], record_property: Any
) -> None:
    statements = StatementLog(hall, DELAY_S / 5)
    heartbeat = Heartbeat()
    heartbeat.start()
    # Ballots come from a station on another laptop: its statements are not this page's.
    other = open_database(hall.path, STATION) if hall.path else hall
    try:
        page = _page(qtbot, hall)
        assert "Noch keine Abstimmungsrunde" in page.heading.text()

        # A round, made in its dialog (the ballot preview is read as the moderator chooses).
        page.new_round()
        qtbot.waitUntil(lambda: page.round_dialog is not None, timeout=10_000)
        dialog = page.round_dialog
        assert dialog is not None
        dialog.title.setText("Priorisierung")
        dialog.hide_tally.setChecked(False)
        for _field, check, _budget in dialog._field_rows[2:]:
            check.setChecked(False)  # the fields with ideas only
        qtbot.waitUntil(lambda: "Karten" in dialog.preview_label.text(), timeout=10_000)
        with qtbot.waitSignal(page.action_done, timeout=20_000):
            dialog.accept()
        qtbot.waitUntil(lambda: page.round_list.count() == 1, timeout=10_000)
        info = page.current_round()
        assert info is not None and info.title == "Priorisierung" and info.status == "draft"

        _act(qtbot, page, page.open_button)
        info = page.current_round()
        assert info is not None and info.is_open
        qtbot.waitUntil(lambda: page.paper_model.rowCount() == 3, timeout=10_000)

        # Paper counts typed into the sheet.
        model = page.paper_model
        with qtbot.waitSignal(page.paper_saved, timeout=10_000):
            model.setData(model.index(0, PaperModel.DOTS), 4)
        assert model.index(0, PaperModel.DOTS).data() == "4"

        with other.read() as s:
            people = s.scalars(select(Participant.id).order_by(Participant.ticket_number)).all()
        cast(other, info.id, people[0], {model.rows()[1].idea_id: 2})

        # Closing: the ballots cast are read, the moderator says yes, the round is closed.
        _act(qtbot, page, page.close_button)
        closed = page.current_round()
        assert closed is not None and closed.is_closed and "1 Stimmzettel" in yes[0]
        qtbot.waitUntil(lambda: closed.tally_sha256 in page.results_panel.hash_label.text())

        # The hash written down on the day, checked.
        page.verify_interactive()
        check = page.verify_dialog
        check.written.setText(verification.hash_groups(closed.tally_sha256))
        with qtbot.waitSignal(check.checked, timeout=10_000) as verdict:
            check.check()
        assert verdict.args == [True]
        check.close()
        # The page's last reads end before the statement log stops counting: they are
        # counted too.
        qtbot.waitUntil(lambda: not ops.busy(), timeout=20_000)
    finally:
        max_gap = heartbeat.stop()
        statements.close()
        if other is not hall:
            other.close()
    record_property("voting_max_gui_gap_ms", max_gap)
    print(
        f"longest GUI stall, voting page, {DELAY_S * 1000 / 5:.0f} ms per statement: {max_gap} ms"
    )
    assert voting_errors == []
    assert statements.threads, "the page sent no statement"
    assert statements.on_gui_thread() == 0
    with hall.read() as s:
        assert s.scalar(select(PaperTally.dots)) == 4


def test_a_double_click_on_close_round_closes_it_once(
    qtbot: QtBot, hall: Database, voting_errors: list[str], yes: list[str]
) -> None:
    with hall.uow() as s:
        voting.start_round(s, voting.create_round(s, "Priorisierung").id)
    page = _page(qtbot, hall)
    qtbot.waitUntil(lambda: page.close_button.isEnabled())
    with (
        StatementLog(hall, DELAY_S) as statements,
        qtbot.waitSignal(page.action_done, timeout=20_000),
    ):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
        # The second click (and a shortcut's call) come while the first is on its way.
        assert not page.close_button.isEnabled() and page.busy()
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
        page.close_round()
    assert len(yes) == 1 and voting_errors == []
    assert not page.close_button.isEnabled()  # the round is closed: nothing left to close
    with hall.read() as s:
        assert [r.status for r in voting.list_rounds(s)] == ["closed"]
    assert statements.on_gui_thread() == 0


def test_a_double_click_on_new_round_opens_one_dialog(qtbot: QtBot, hall: Database) -> None:
    page = _page(qtbot, hall)
    with StatementLog(hall, DELAY_S) as statements:
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        page.new_round()
        qtbot.waitUntil(lambda: page.round_dialog is not None, timeout=10_000)
        dialog = page.round_dialog
        assert dialog is not None
        ops.reader_pool().waitForDone(10_000)
        with qtbot.waitSignal(page.action_done, timeout=20_000):
            dialog.accept()
    with hall.read() as s:
        assert len(voting.list_rounds(s)) == 1
    assert statements.on_gui_thread() == 0


def test_a_later_read_of_the_rounds_is_not_overwritten_by_an_earlier_one(
    qtbot: QtBot, hall: Database
) -> None:
    page = _page(qtbot, hall)
    with StatementLog(hall, DELAY_S / 2) as statements:
        page.reload()  # sees no round
        with hall.uow() as s:
            voting.create_round(s, "Später")
        statements.threads.clear()  # the write above ran here, in the test
        with qtbot.waitSignal(page.rounds_shown, timeout=10_000):
            page.reload()
        ops.reader_pool().waitForDone(10_000)
        QCoreApplication.processEvents()  # the earlier answer, were it shown, arrives now
    assert page.round_list.count() == 1
    assert statements.on_gui_thread() == 0


# -- the station ----------------------------------------------------------------------------------


@pytest.fixture
def open_round(hall: Database) -> voting.RoundInfo:
    with hall.uow() as s:
        return voting.start_round(s, voting.create_round(s, "Priorisierung").id)


def _station(qtbot: QtBot, db: Database) -> VotingStation:
    station = VotingStation(db, station_name="Abstimmung 1", thanks_ms=60_000)
    qtbot.addWidget(station)
    station.resize(1366, 768)
    station.show()
    qtbot.waitExposed(station)
    qtbot.waitUntil(lambda: "Priorisierung" in station.round_title.text(), timeout=10_000)
    return station


def _badge(db: Database) -> str:
    with db.read() as s:
        return tickets.payload_for(s, 1)


def _to_check_page(qtbot: QtBot, station: VotingStation, badge: str) -> None:
    qtbot.keyClicks(station.scan_input, badge)
    qtbot.keyClick(station.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: station.page == "ballot", timeout=10_000)
    qtbot.mouseClick(station.cards()[0].plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(station.next_button, Qt.MouseButton.LeftButton)
    assert station.page == "check"


def test_a_voter_at_the_station_sends_nothing_from_the_gui_thread(
    qtbot: QtBot, hall: Database, open_round: voting.RoundInfo
) -> None:
    badge = _badge(hall)
    with StatementLog(hall, DELAY_S / 5) as statements:
        station = _station(qtbot, hall)
        _to_check_page(qtbot, station, badge)
        with qtbot.waitSignal(station.page_changed, timeout=10_000):
            qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
        assert station.page == "thanks"
        # The team leaves the station with the PIN: a wrong one first.
        station._locked = True
        qtbot.mouseClick(station.admin_button, Qt.MouseButton.LeftButton)
        pad = station.pin_dialog
        assert pad is not None
        qtbot.keyClicks(pad.pin, "1111")
        qtbot.keyClick(pad.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: pad.message.text() == "Falsche PIN.", timeout=10_000)
        with qtbot.waitSignal(station.unlocked, timeout=10_000):
            qtbot.keyClicks(pad.pin, "2468")
            qtbot.keyClick(pad.pin, Qt.Key.Key_Return)
    assert statements.threads and statements.on_gui_thread() == 0


def test_a_double_tap_on_cast_counts_one_ballot(
    qtbot: QtBot, hall: Database, open_round: voting.RoundInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = _station(qtbot, hall)
    _to_check_page(qtbot, station, _badge(hall))
    real_cast = voting.cast_ballot
    casts: list[object] = []

    def counted(*args: Any, **kwargs: Any) -> voting.CastBallot:
        casts.append(args)
        return real_cast(*args, **kwargs)

    monkeypatch.setattr(voting, "cast_ballot", counted)
    with StatementLog(hall, DELAY_S) as statements:
        with qtbot.waitSignal(station.page_changed, timeout=10_000):
            qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
            assert not station.confirm_button.isEnabled()
            qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
            station.confirm()
        ops.wait_for_writes(10_000)
    assert station.page == "thanks" and len(casts) == 1
    with hall.read() as s:
        assert s.scalar(select(func.count()).select_from(Ballot)) == 1
    assert statements.on_gui_thread() == 0


def test_a_double_enter_on_the_pin_checks_it_once(
    qtbot: QtBot, hall: Database, open_round: voting.RoundInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = _station(qtbot, hall)
    station._locked = True
    checks: list[str] = []
    real_check = setup.check_admin_pin

    def counted(s: Any, pin: str) -> bool:
        checks.append(pin)
        return real_check(s, pin)

    monkeypatch.setattr(setup, "check_admin_pin", counted)
    qtbot.mouseClick(station.admin_button, Qt.MouseButton.LeftButton)
    pad = station.pin_dialog
    assert pad is not None
    qtbot.keyClicks(pad.pin, "1111")
    with StatementLog(hall, DELAY_S):
        qtbot.keyClick(pad.pin, Qt.Key.Key_Return)
        qtbot.keyClick(pad.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: pad.message.text() == "Falsche PIN.", timeout=10_000)
    # One wrong PIN counted, not two: the lockout needs five real tries.
    assert checks == ["1111"] and station._pin_failures == 1
    station._locked = False


# -- the wall's results ---------------------------------------------------------------------------


def test_the_walls_results_can_be_read_off_the_gui_thread(
    qtbot: QtBot, hall: Database, open_round: voting.RoundInfo
) -> None:
    from smartdialog.ui.voting import read_wall_results, results_provider

    provide = results_provider(lambda: hall)
    statements = StatementLog(hall, DELAY_S / 5)
    answers: list[Any] = []
    try:
        # As the wall may ask: from a reader thread, by the provider or inside its own read.
        ops.start(lambda _progress: provide(), on_done=answers.append)
        ops.QueryOp(None, hall, read_wall_results).success(answers.append).run()
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    finally:
        statements.close()
    assert all(a is not None and a.title == "Runde 1 – Priorisierung" for a in answers)
    assert answers[0].eligible == answers[1].eligible == 3
    assert statements.threads and statements.on_gui_thread() == 0
