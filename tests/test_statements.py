"""Statements per action with every page open: a venue network pays for each round trip.

Counted: every statement sent, BEGIN included (a round trip on PostgreSQL as well, where
the driver sends it itself), on SQLite and on PostgreSQL.  Before the pages stopped
re-reading their own echoed changes and hidden pages stopped reading on every change, a
scan cost 30 and a captured idea 32; before the writes were made lean and the feed handed
a laptop's own entries to its pages without a poll, a scan cost 14, a captured idea 11
and a confirmed ballot 23.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from smartdialog.core.db import Database
from smartdialog.core.services import checkin, registration, setup, tickets, voting
from smartdialog.core.services.registration import WalkIn
from smartdialog.ui import ops
from smartdialog.ui.desk import DeskWorkspace
from smartdialog.ui.ideas import IdeasWorkspace
from smartdialog.ui.mainwindow import WORKSPACES, MainWindow
from smartdialog.ui.voting.station import VotingStation
from smartdialog.ui.wall import WallWorkspace
from tests.conftest import TEST_DEVICE
from tests.test_voting_service import add_ideas


class Statements:
    def __init__(self, db: Database) -> None:
        self.engine = db.engine
        self.sql: list[str] = []
        self._lock = threading.Lock()
        self.closed = False
        event.listen(self.engine, "before_cursor_execute", self._before)
        # SQLite's BEGIN passes before_cursor_execute; PostgreSQL's driver sends its own.
        self._driver_begins = self.engine.dialect.name != "sqlite"
        event.listen(self.engine, "begin", self._begin)

    def _before(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.closed:
            return
        with self._lock:
            self.sql.append(" ".join(statement.split())[:110])

    def _begin(self, _conn: Any) -> None:
        if self._driver_begins and not self.closed:
            with self._lock:
                self.sql.append("BEGIN (sent by the driver)")

    def close(self) -> None:
        # Not event.remove: another thread may be running a statement, and SQLAlchemy's
        # listener list must not change under it.  The engine is the test's own.
        self.closed = True


@pytest.fixture(params=["sqlite", "postgresql"])
def event_db(request: pytest.FixtureRequest) -> Database:
    """The event, as a file or on a PostgreSQL server."""
    database = request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
    assert isinstance(database, Database)
    return database


@pytest.fixture
def guests(event_db: Database) -> list[str]:
    with event_db.uow() as s:
        people = [registration.register_walk_in(s, WalkIn(f"Gast{i}", "Zähl")) for i in range(3)]
        return [tickets.payload_for(s, p.ticket_number) for p in people]


@pytest.fixture
def target(event_db: Database, guests: list[str]) -> str:
    """The event's path or URL, closed so that a window can open it, with a table."""
    with event_db.uow() as s:
        setup.add_station(s, "Tisch 1 – Mobilität", field_id=setup.list_fields(s)[0].id)
    event_db.close()
    return str(event_db.path) if event_db.path else event_db.engine.url.render_as_string(False)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, target: str) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_event(target)
    for spec in WORKSPACES:  # every page open, as on a laptop used all day
        w.show_workspace(spec.key)
    _settle(qtbot, w)
    yield w
    ops.wait_for_writes()


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    """Until the feed has echoed every write and every page has read what it reads."""
    feed = window.feed
    for _ in range(2):  # a write, the feed's poll after it, the reads the poll starts
        qtbot.waitUntil(lambda: not ops.busy() and not feed._soon.isActive())
        QCoreApplication.processEvents()


def _count(qtbot: QtBot, window: MainWindow, action: Any) -> list[str]:
    assert window.db is not None
    window.feed._timer.stop()  # only the polls the action itself causes
    statements = Statements(window.db)
    try:
        action()
        _settle(qtbot, window)
    finally:
        statements.close()
    return statements.sql


def test_a_scan_costs_few_statements(qtbot: QtBot, window: MainWindow, guests: list[str]) -> None:
    desk = window.show_workspace("desk")
    assert isinstance(desk, DeskWorkspace)

    def scan() -> None:
        with qtbot.waitSignal(desk.answered):
            desk.handle_scan(guests[0])

    sql = _count(qtbot, window, scan)
    print(f"\nscan: {len(sql)} statements", *sql, sep="\n  ")
    # On PostgreSQL, where each is a round trip on the venue network: BEGIN, the check-in
    # (which finds the holder, refuses a second check-in, logs the scan and takes the
    # audit chain's lock in one statement) and the audit entry (which reads the previous
    # hash itself).  On an event file, which has no network, the scan log is a statement
    # of its own: SQLite cannot write two tables in one.  The desk shows its own check-in
    # in its counters and list without reading them again, and the feed hands the entry
    # over without a poll.
    assert len(sql) <= (3 if window.db.engine.dialect.name == "postgresql" else 4), "\n".join(sql)
    shown = (desk.count_present.text(), [r.check_in_id for r in desk.recent.rows()])
    with qtbot.waitSignal(desk.live_refreshed):
        desk.refresh_live()
    assert (desk.count_present.text(), [r.check_in_id for r in desk.recent.rows()]) == shown
    assert shown[0] == "1"


def test_a_captured_idea_costs_few_statements(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_workspace("ideas")
    assert isinstance(page, IdeasWorkspace)
    page.context.station_combo.setCurrentIndex(1)
    _settle(qtbot, window)

    def capture() -> None:
        page.entry.setText("Mehr Bänke am Aasee")
        page.capture_entry()
        qtbot.waitUntil(lambda: not ops.busy())

    sql = _count(qtbot, window, capture)
    print(f"\ncapture: {len(sql)} statements", *sql, sep="\n  ")
    # BEGIN, the check of field, question and table, the idea, its first history row, the
    # audit entry (which reads the previous hash itself); on PostgreSQL the audit chain's
    # lock.  The feed hands the entry to the pages with the idea as written: the wall
    # shows it without reading it back.
    assert len(sql) <= 6, "\n".join(sql)
    wall = window.workspace("wall")
    assert isinstance(wall, WallWorkspace)
    assert [i.text for i in wall.state.all_ideas()] == ["Mehr Bänke am Aasee"]


def test_a_confirmed_ballot_costs_few_statements(
    qtbot: QtBot, window: MainWindow, guests: list[str]
) -> None:
    db = window.db
    assert db is not None
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Glasfaser"]})
    with db.uow() as s:
        fields = [f.id for f in setup.list_fields(s)]
        info = voting.create_round(
            s, "Priorisierung", dots_per_participant=5, max_dots_per_idea=2, field_ids=fields[:2]
        )
        voting.start_round(s, info.id)
        checkin.scan(s, guests[0], "Empfang 1")
    station = VotingStation(db, station_name="Abstimmung 1", thanks_ms=60_000, idle_ms=60_000)
    qtbot.addWidget(station)
    station.show()
    qtbot.waitUntil(lambda: "Priorisierung" in station.round_title.text())
    station.scan(guests[0])
    qtbot.waitUntil(lambda: station.page == "ballot")
    for idea in ("Radwege", "Radwege", "Busse", "Busse", "Glasfaser"):
        station.add_dot(found[idea])
    station.show_check()
    _settle(qtbot, window)

    def confirm() -> None:
        with qtbot.waitSignal(station.page_changed, check_params_cb=lambda p: p == "thanks"):
            station.confirm()

    sql = _count(qtbot, window, confirm)
    print(f"\nballot: {len(sql)} statements", *sql, sep="\n  ")
    with db.read() as s:
        results = voting.round_results(s, info.id)
    assert (results.turnout.ballots_cast, results.turnout.dots_used) == (1, 5)
    # BEGIN, the round, its ideas on the ballot with their fields' rules, the voter (checked
    # in?), the ballot, its dots, the audit entry; on PostgreSQL the audit chain's lock.
    # No page reads anything after it (the Dokumentation page shows nothing of ballots).
    assert len(sql) <= 8, "\n".join(sql)


def test_a_hidden_page_reads_anew_when_shown_not_at_each_change(
    qtbot: QtBot, window: MainWindow, guests: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = window.show_workspace("desk")
    assert isinstance(desk, DeskWorkspace)
    voting = window.workspace("voting")
    assert not voting.isVisible()
    reloads: list[int] = []
    original = type(voting).reload
    monkeypatch.setattr(voting, "reload", lambda: (reloads.append(1), original(voting)))
    for payload in guests:
        with qtbot.waitSignal(desk.answered):
            desk.handle_scan(payload)
        _settle(qtbot, window)
    assert reloads == []  # three check-ins, and the hidden page read nothing
    window.show_workspace("voting")
    assert reloads == [1]  # shown: it reads once what it missed


def test_a_desk_does_not_read_its_own_check_in_again(
    qtbot: QtBot, window: MainWindow, guests: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = window.show_workspace("desk")
    assert isinstance(desk, DeskWorkspace)
    reloads: list[int] = []
    monkeypatch.setattr(desk, "reload", lambda: reloads.append(1))
    echoed: list[str] = []
    window.feed.changed.connect(lambda changes: echoed.extend(c.action for c in changes))
    with qtbot.waitSignal(desk.answered):
        desk.handle_scan(guests[0])
    _settle(qtbot, window)
    assert "checkin.created" in echoed  # the feed did echo it ...
    assert reloads == []  # ... and the desk, which showed it already, read nothing again
