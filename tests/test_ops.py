"""The operations layer: database work off the GUI thread, in order, answered by signal."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings, Qt, QTimer
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
        self._closed = False
        event.listen(self.engine, "before_cursor_execute", self._before)

    def _before(self, *_args: Any) -> None:
        if self._closed:
            return
        self.threads.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread() and self.delay_s:
            time.sleep(self.delay_s)  # a venue network: every round trip takes this long

    def on_gui_thread(self) -> int:
        return self.threads.count(threading.main_thread().name)

    def __enter__(self) -> StatementLog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        # Not event.remove: another thread may be running a statement, and SQLAlchemy's
        # listener list must not change under it ("deque mutated during iteration").
        # The engine is the test's own and goes with it.
        self._closed = True


class Heartbeat:
    """A 10 ms timer in the GUI thread; the longest gap between its beats is the worst stall.

    Measured in wall time (``max_gap``, ms) and in the GUI thread's own CPU time
    (``max_cpu_ms``): the work the event loop did in one go, whatever else the machine did.
    """

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.last, self.last_cpu = 0, 0.0
        self.max_gap, self.max_cpu_ms = 0, 0.0

    def start(self) -> None:
        self.clock.start()
        self.last, self.last_cpu = 0, time.thread_time()
        self.max_gap, self.max_cpu_ms = 0, 0.0
        self.timer.start()

    def _beat(self) -> None:
        now, cpu = self.clock.elapsed(), time.thread_time()
        self.max_gap = max(self.max_gap, now - self.last)
        self.max_cpu_ms = max(self.max_cpu_ms, (cpu - self.last_cpu) * 1000)
        self.last, self.last_cpu = now, cpu

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
    with StatementLog(desk_db, DELAY_S / 2) as statements:
        desk.input.setText("Nachname1")
        desk.run_search()
        desk.input.setText("Nachname2")
        with qtbot.waitSignal(desk.search.searched, timeout=10000):
            desk.run_search()
        ops.reader_pool().waitForDone()
        QCoreApplication.processEvents()  # the first answer, were it shown, arrives now
    names = [r.full_name for r in desk.search.people.rows()]
    assert names == ["Gast2 Nachname2"]
    assert statements.on_gui_thread() == 0


def test_scan_verdict_uses_the_service(desk_db: Database) -> None:
    # The desk shows what the service decides (a guard for the test above).
    payload = _payloads(desk_db)[0]
    with desk_db.uow() as s:
        assert checkin.scan(s, payload, "Empfang 9").verdict == checkin.WELCOME


def test_the_change_feed_polls_off_the_gui_thread(
    qtbot: QtBot, db: Database, desk_db: Database
) -> None:
    from smartdialog.ui.feed import ChangeFeed

    feed = ChangeFeed()
    with qtbot.waitSignal(feed.following):
        feed.set_database(db)
    statements = StatementLog(db, DELAY_S)
    try:
        # A write on another laptop: the feed polls for it.
        with qtbot.waitSignal(feed.changed, timeout=10000) as arrived, desk_db.uow() as s:
            registration.register_walk_in(s, WalkIn("Neu", "Angekommen"))
    finally:
        feed.set_database(None)
        statements.close()
    assert [c.action for c in arrived.args[0]] == ["participant.walkin"]
    assert statements.threads and statements.on_gui_thread() == 0


def test_the_change_feed_shows_this_laptops_own_write_without_reading_it(
    qtbot: QtBot, db: Database
) -> None:
    from smartdialog.ui.feed import ChangeFeed

    feed = ChangeFeed()
    with qtbot.waitSignal(feed.following):
        feed.set_database(db)
    statements = StatementLog(db)
    try:
        with qtbot.waitSignal(feed.changed, timeout=10000) as arrived:
            with db.uow() as s:
                person = registration.register_walk_in(s, WalkIn("Neu", "Angekommen"))
            statements.threads.clear()  # the write above ran here, in the test
        assert [c.action for c in arrived.args[0]] == ["participant.walkin"]
        assert arrived.args[0][0].object_id == person.participant_id
        assert statements.threads == []  # handed over by the write, not read back
        # The next poll reads the log and does not show the same entry twice.
        again: list[Any] = []
        feed.changed.connect(again.append)
        feed.poll()
        qtbot.waitUntil(lambda: statements.threads != [] and not feed._polling)
        assert again == []
    finally:
        feed.set_database(None)
        statements.close()


# -- every other desk action on a slow network ---------------------------------------------------


SAMPLE = Path(__file__).parent / "fixtures" / "anmeldungen-formular.csv"


def _pdf_printer(path: Path) -> Any:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _count(db: Database, last_name: str) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).where(Participant.last_name == last_name)) or 0


def _walk_in(qtbot: QtBot, desk: DeskWorkspace, first: str, last: str) -> Any:
    dialog = desk.open_walk_in()
    assert dialog is not None
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.consent_data.setChecked(True)
    return dialog


def test_walk_in_annul_badge_tickets_and_import_send_nothing_from_the_gui_thread(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database, tmp_path: Path, record_property: Any
) -> None:
    desk.jobs.choose_printer = lambda _drawing: _pdf_printer(tmp_path / "badge.pdf")  # type: ignore[method-assign]
    statements = StatementLog(desk_db, DELAY_S / 5)
    heartbeat = Heartbeat()
    heartbeat.start()
    try:
        # A walk-in: registered, checked in and their badge printed, all from Enter.
        dialog = _walk_in(qtbot, desk, "Neu", "Angekommen")
        with qtbot.waitSignal(desk.jobs.badge_printed, timeout=20_000):
            qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
        assert desk.result.state == feedback.WELCOME
        # F8: the check-in just made is found, the reason given, the check-in annulled.
        desk.annul_action.trigger()  # F8
        qtbot.waitUntil(lambda: desk.annul_dialog is not None, timeout=10_000)
        annul = desk.annul_dialog
        assert annul is not None
        annul.reason.setCurrentText("Falsche Person")
        with qtbot.waitSignal(desk.answered, timeout=20_000) as answered:
            qtbot.keyClick(annul.reason, Qt.Key.Key_Return)
        assert answered.args == [feedback.INFO] and "annulliert" in desk.result.headline.text()
        # F4: the badge once more (a reprint).
        with qtbot.waitSignal(desk.jobs.badge_printed, timeout=20_000):
            desk.badge_action.trigger()  # F4
        # Every ticket as a PDF.
        with qtbot.waitSignal(desk.jobs.tickets_written, timeout=60_000):
            desk.jobs.write_tickets(tmp_path / "tickets.pdf", "a4")
        # An import: the preview, then the import itself.
        importing = desk.open_import(SAMPLE)
        assert importing is not None
        with qtbot.waitSignal(importing.planned, timeout=60_000):
            pass
        qtbot.waitUntil(importing.import_button.isEnabled)
        qtbot.mouseClick(importing.import_button, Qt.MouseButton.LeftButton)
        assert not importing.import_button.isEnabled()  # pressed once, imported once
        qtbot.waitUntil(lambda: importing.report is not None, timeout=60_000)
        assert importing.report is not None and importing.report.imported == 40
        importing.accept()
        qtbot.waitUntil(lambda: desk.count_registered.text() == "40", timeout=20_000)
    finally:
        max_gap = heartbeat.stop()
        statements.close()
    record_property("desk_actions_max_gui_gap_ms", max_gap)
    print(f"longest GUI stall, desk actions, {DELAY_S * 200:.0f} ms per statement: {max_gap} ms")
    assert statements.threads and statements.on_gui_thread() == 0
    assert _count(desk_db, "Angekommen") == 1


def test_enter_pressed_twice_registers_one_walk_in(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    dialog = _walk_in(qtbot, desk, "Doppelt", "Gedrückt")
    dialog.print_badge.setChecked(False)
    with (
        StatementLog(desk_db, DELAY_S) as statements,
        qtbot.waitSignal(desk.answered, timeout=20_000),
    ):
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
        # The registration is on its way: a second Enter (or any accept) waits for it.
        assert dialog.saving() and not dialog.register_button.isEnabled()
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
        dialog.accept()
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Escape)
    assert desk.result.state == feedback.WELCOME
    assert _count(desk_db, "Gedrückt") == 1
    assert statements.on_gui_thread() == 0


def test_a_busy_database_keeps_the_walk_in_typed_and_says_what_to_do(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartdialog.core.errors import DatabaseBusy

    real_register = registration.register_walk_in

    def busy(*_args: Any, **_kwargs: Any) -> Any:
        raise DatabaseBusy(
            QT_TRANSLATE_NOOP(
                "errors", "Another laptop is writing right now. Try again in a moment."
            )
        )

    monkeypatch.setattr(registration, "register_walk_in", busy)
    dialog = _walk_in(qtbot, desk, "Geduldig", "Wartend")
    dialog.print_badge.setChecked(False)
    dialog.email.setText("geduldig@example.net")
    with qtbot.waitSignal(dialog.failed, timeout=20_000):
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.saving()
    assert (dialog.first_name.text(), dialog.last_name.text(), dialog.email.text()) == (
        "Geduldig",
        "Wartend",
        "geduldig@example.net",
    )
    assert dialog.consent_data.isChecked()
    said = dialog.error.text()
    assert "Ein anderer Laptop schreibt gerade" in said and "Enter" in said
    assert dialog.register_button.isEnabled()
    assert _count(desk_db, "Wartend") == 0
    # The database is free again: Enter registers what is still typed.
    monkeypatch.setattr(registration, "register_walk_in", real_register)
    with qtbot.waitSignal(desk.answered, timeout=20_000):
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
    assert _count(desk_db, "Wartend") == 1


def test_f8_pressed_twice_annuls_once(qtbot: QtBot, desk: DeskWorkspace, desk_db: Database) -> None:
    with qtbot.waitSignal(desk.answered, timeout=10_000):
        desk.input.scanned.emit(_payloads(desk_db)[0])
    with StatementLog(desk_db, DELAY_S) as statements:
        desk.annul_action.trigger()  # F8
        desk.annul_action.trigger()  # F8
        assert desk.annulling() and not desk.annul_action.isEnabled()
        qtbot.waitUntil(lambda: desk.annul_dialog is not None, timeout=10_000)
        annul = desk.annul_dialog
        assert annul is not None
        annul.reason.setCurrentText("Falsche Person")
        with qtbot.waitSignal(desk.answered, timeout=20_000) as answered:
            qtbot.keyClick(annul.reason, Qt.Key.Key_Return)
            desk.annul_action.trigger()  # F8  # while the write is on its way
            assert desk.annul_dialog is None
        ops.reader_pool().waitForDone(10_000)
        QCoreApplication.processEvents()
    assert answered.args == [feedback.INFO] and desk.annul_dialog is None
    with desk_db.read() as s:
        assert s.scalar(select(func.count()).where(CheckIn.annulled_at.is_not(None))) == 1
    assert statements.on_gui_thread() == 0


def test_f4_pressed_twice_prints_one_badge(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database, tmp_path: Path
) -> None:
    from smartdialog.core.models import BadgePrint

    printed: list[object] = []

    def printer(_drawing: Any) -> Any:
        printed.append(_drawing)
        return _pdf_printer(tmp_path / f"badge{len(printed)}.pdf")

    desk.jobs.choose_printer = printer  # type: ignore[method-assign]
    with qtbot.waitSignal(desk.answered, timeout=10_000):
        desk.input.scanned.emit(_payloads(desk_db)[0])
    with StatementLog(desk_db, DELAY_S) as statements:
        with qtbot.waitSignal(desk.jobs.badge_printed, timeout=20_000):
            desk.badge_action.trigger()  # F4
            desk.badge_action.trigger()  # F4
        ops.wait_for_writes(10_000)
        QCoreApplication.processEvents()
    assert len(printed) == 1 and desk.jobs.badges_in_flight() == 0
    with desk_db.read() as s:
        assert s.scalar(select(func.count()).select_from(BadgePrint)) == 1
    assert statements.on_gui_thread() == 0
