"""The operations layer: database work off the GUI thread, in order, answered by signal."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.models import CheckIn, Participant
from smartdialog.core.services import checkin, registration, tickets
from smartdialog.core.services.registration import WalkIn
from smartdialog.ui import ops
from smartdialog.ui.desk import DeskWorkspace, feedback

DESK = DeviceIdentity(uuid.UUID(int=31), "Empfang 1", "desk")
DELAY_S = 0.1


@pytest.fixture
def desk_db(db: Database) -> Iterator[Database]:
    with db.uow() as s:
        for i in range(6):
            registration.register_walk_in(s, WalkIn(f"Gast{i}", f"Nachname{i}"))
    assert db.path is not None
    desk = open_database(db.path, DESK)
    yield desk
    ops.wait_for_writes()
    desk.close()


def _payloads(db: Database) -> list[str]:
    with db.read() as s:
        numbers = s.scalars(select(Participant.ticket_number).order_by(Participant.ticket_number))
        return [tickets.payload_for(s, n) for n in numbers.all()]


class StatementLog:
    """Every SQL statement of an engine, with the thread that sent it; optionally slow."""

    def __init__(self, db: Database, delay_s: float = 0.0) -> None:
        self.engine = db.engine
        self.delay_s = delay_s
        self.threads: list[str] = []
        event.listen(self.engine, "before_cursor_execute", self._before)

    def _before(self, *_args: Any) -> None:
        self.threads.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread() and self.delay_s:
            time.sleep(self.delay_s)  # a venue network: every round trip takes this long

    def on_gui_thread(self) -> int:
        return self.threads.count(threading.main_thread().name)

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)


class Heartbeat:
    """A 10 ms timer in the GUI thread; the longest gap between its beats is the worst stall."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.last = 0
        self.max_gap = 0

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.elapsed()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def stop(self) -> int:
        self.timer.stop()
        return self.max_gap


# -- the layer itself ---------------------------------------------------------------------------


def test_writes_run_in_the_order_started_on_one_thread(qtbot: QtBot, db: Database) -> None:
    threads: set[str] = set()
    done: list[int] = []

    def write(number: int) -> Any:
        def fn(s: Any) -> int:
            threads.add(threading.current_thread().name)
            registration.register_walk_in(s, WalkIn(f"Person{number}", "Reihe"))
            return number

        return fn

    for number in range(8):
        ops.CollectionOp(None, db, write(number)).success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 8)
    assert done == list(range(8))
    assert len(threads) == 1 and threading.main_thread().name not in threads
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Participant.last_name == "Reihe")) == 8


def test_a_failure_arrives_as_the_users_sentence(qtbot: QtBot, db: Database) -> None:
    sentences: list[str] = []

    def refuse(_s: Any) -> None:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Choose the field of action first."))

    ops.CollectionOp(None, db, refuse).failure(sentences.append).run()
    qtbot.waitUntil(lambda: bool(sentences))
    assert sentences[0] and "Traceback" not in sentences[0]


def test_a_closed_widget_gets_no_answer_but_the_write_happens(qtbot: QtBot, db: Database) -> None:
    widget = QWidget()
    answers: list[object] = []
    gate = threading.Event()

    def write(s: Any) -> int:
        gate.wait(5)
        registration.register_walk_in(s, WalkIn("Spät", "Gekommen"))
        return 1

    ops.CollectionOp(widget, db, write).success(answers.append).run()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget))
    gate.set()
    ops.wait_for_writes()
    QCoreApplication.processEvents()  # an answer sent before the thread ended arrives now
    assert answers == []
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Participant.last_name == "Gekommen")) == 1


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_reads_run_off_the_gui_thread(qtbot: QtBot, db: Database) -> None:
    seen: list[str] = []
    ops.QueryOp(None, db, lambda s: threading.current_thread().name).success(seen.append).run()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] != threading.main_thread().name


# -- the desk on a slow network -----------------------------------------------------------------


@pytest.fixture
def desk(qtbot: QtBot, desk_db: Database, tmp_path: Path) -> DeskWorkspace:
    workspace = DeskWorkspace(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(workspace)
    workspace.sounds.enabled = False
    with qtbot.waitSignal(workspace.live_refreshed):
        workspace.set_database(desk_db)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def test_scans_on_a_slow_database_never_block_the_desk(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database, record_property: Any
) -> None:
    payloads = _payloads(desk_db)
    burst = [*payloads[:4], payloads[0], "0000000000000"]
    expected = [feedback.WELCOME] * 4 + [feedback.ALREADY, feedback.REJECTED]
    statements = StatementLog(desk_db, DELAY_S)
    heartbeat = Heartbeat()
    verdicts: list[str] = []
    desk.answered.connect(verdicts.append)
    heartbeat.start()
    try:
        for payload in burst:
            desk.input.scanned.emit(payload)
            # The field takes the next scan at once: nothing waits for the database.
            assert desk.input.isEnabled()
        assert desk.scans_in_flight() == len(burst)
        qtbot.waitUntil(lambda: len(verdicts) == len(burst), timeout=30000)
        qtbot.waitUntil(lambda: desk.count_present.text() == "4", timeout=30000)
    finally:
        max_gap = heartbeat.stop()
        statements.close()
    record_property("max_gui_gap_ms", max_gap)
    print(f"longest GUI stall with {DELAY_S * 1000:.0f} ms per statement: {max_gap} ms")
    # The verdicts come in the order scanned.
    assert verdicts == expected
    # No statement was sent from the GUI thread: it never waited for a round trip.
    assert statements.threads, "the scans sent no statement"
    assert statements.on_gui_thread() == 0
    # Generous: each statement sleeps 100 ms, so one on the GUI thread would show here too.
    assert max_gap < DELAY_S * 1000
    with desk_db.read() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 4


def test_the_latest_name_search_wins(qtbot: QtBot, desk: DeskWorkspace, desk_db: Database) -> None:
    statements = StatementLog(desk_db, DELAY_S / 2)
    try:
        desk.input.setText("Nachname1")
        desk.run_search()
        desk.input.setText("Nachname2")
        with qtbot.waitSignal(desk.search.searched, timeout=10000):
            desk.run_search()
        ops.reader_pool().waitForDone()
        QCoreApplication.processEvents()  # the first answer, were it shown, arrives now
    finally:
        statements.close()
    names = [r.full_name for r in desk.search.people.rows()]
    assert names == ["Gast2 Nachname2"]
    assert statements.on_gui_thread() == 0


def test_scan_verdict_uses_the_service(desk_db: Database) -> None:
    # The desk shows what the service decides (a guard for the test above).
    payload = _payloads(desk_db)[0]
    with desk_db.uow() as s:
        assert checkin.scan(s, payload, "Empfang 9").verdict == checkin.WELCOME


def test_the_change_feed_polls_off_the_gui_thread(qtbot: QtBot, db: Database) -> None:
    from smartdialog.ui.feed import ChangeFeed

    feed = ChangeFeed()
    with qtbot.waitSignal(feed.following):
        feed.set_database(db)
    statements = StatementLog(db, DELAY_S)
    try:
        with qtbot.waitSignal(feed.changed, timeout=10000) as arrived:
            with db.uow() as s:  # a write on this laptop pokes the feed
                registration.register_walk_in(s, WalkIn("Neu", "Angekommen"))
            statements.threads.clear()  # the write above ran here, in the test
    finally:
        feed.set_database(None)
        statements.close()
    assert any(c.action.startswith("participant") for c in arrived.args[0])
    assert statements.threads and statements.on_gui_thread() == 0
