"""Statements per action with every page open: a venue network pays for each round trip.

Counted: every statement sent, BEGIN included (a round trip on PostgreSQL as well).
Before the pages stopped re-reading their own echoed changes and hidden pages stopped
reading on every change, a scan cost 30 and a captured idea 32.  The bounds below are
today's counts; the issue's goals (a scan 3, an idea 6) need the write itself cheaper.
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
from smartdialog.core.services import registration, tickets
from smartdialog.core.services.registration import WalkIn
from smartdialog.ui import ops
from smartdialog.ui.desk import DeskWorkspace
from smartdialog.ui.ideas import IdeasWorkspace
from smartdialog.ui.mainwindow import WORKSPACES, MainWindow
from tests.conftest import TEST_DEVICE


class Statements:
    def __init__(self, db: Database) -> None:
        self.engine = db.engine
        self.sql: list[str] = []
        self._lock = threading.Lock()
        event.listen(self.engine, "before_cursor_execute", self._before)

    def _before(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        with self._lock:
            self.sql.append(" ".join(statement.split())[:110])

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)


@pytest.fixture
def guests(db: Database) -> list[str]:
    with db.uow() as s:
        people = [registration.register_walk_in(s, WalkIn(f"Gast{i}", "Zähl")) for i in range(3)]
        return [tickets.payload_for(s, p.ticket_number) for p in people]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, guests: list[str], db_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_event(db_path)
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
    # The check-in (8 with BEGIN and the audit chain's previous hash), the desk's counters
    # and lists (4), the feed's poll (2). The goal is 3: see the closing note.
    assert len(sql) <= 14, "\n".join(sql)


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
    # The capture (6 with BEGIN and the audit chain's previous hash), the feed's poll (2),
    # the wall's read of the new idea (3). The goal is 6: see the closing note.
    assert len(sql) <= 11, "\n".join(sql)


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
