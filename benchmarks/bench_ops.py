"""The desk on a slow network: the GUI's longest stall during a burst of scans, and scan → verdict.

Every database statement sent by a worker thread is made 100 ms slower (a venue
network); the same run without the delay is the baseline.  The GUI thread is
watched by a 10 ms timer: the longest gap between two of its beats is the
longest time the desk could not take a key.
"""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event

from benchmarks.harness import Measurement, median, percentile, wait_until
from smartdialog.core.db import Database, DeviceIdentity, create_database
from smartdialog.core.services import registration, setup, tickets
from smartdialog.core.services.registration import WalkIn

DEVICE = DeviceIdentity(uuid.UUID(int=98), "Empfang 1", "desk")
DELAY_S = 0.1
BURST = 8
SEQUENTIAL = 8


def _event(path: Path, people: int) -> tuple[Database, list[str]]:
    db = create_database(path, DEVICE)
    with db.uow() as s:
        setup.create_event(s, "Bürgerdialog", code="4712")
        added = [registration.register_walk_in(s, WalkIn(f"G{i}", "Bank")) for i in range(people)]
        payloads = [tickets.payload_for(s, p.ticket_number) for p in added]
    return db, payloads


def _slow(db: Database, delay_s: float) -> Any:
    def before(*_args: Any) -> None:
        if delay_s and threading.current_thread() is not threading.main_thread():
            time.sleep(delay_s)

    event.listen(db.engine, "before_cursor_execute", before)
    return before


def _run(workdir: Path, name: str, delay_s: float) -> tuple[float, list[float]]:
    """(longest GUI stall in ms during a burst, scan → verdict times in ms one at a time)."""
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from smartdialog.ui import ops
    from smartdialog.ui.desk import DeskWorkspace

    app = QApplication.instance() or QApplication([])
    db, payloads = _event(workdir / f"{name}.sdevent", BURST + SEQUENTIAL)
    desk = DeskWorkspace(QSettings(str(workdir / f"{name}.ini"), QSettings.Format.IniFormat))
    desk.sounds.enabled = False
    desk.set_database(db)
    desk.show()
    listener = _slow(db, delay_s)
    answers: list[float] = []
    desk.answered.connect(lambda _state: answers.append(time.perf_counter()))

    clock = QElapsedTimer()
    last = [0]
    gap = [0]

    def beat() -> None:
        now = clock.elapsed()
        gap[0] = max(gap[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)

    try:
        # The first paint and the first read of the lists are not part of the burst.
        wait_until(lambda: not ops.busy(), "the first paint and reads")
        for _ in range(20):
            app.processEvents()
        clock.start()
        timer.start()
        for payload in payloads[:BURST]:
            desk.handle_scan(payload)
        wait_until(lambda: len(answers) == BURST and not ops.busy(), "the burst's answers")
        timer.stop()
        stall = float(gap[0])
        latencies = []
        for payload in payloads[BURST:]:
            answers.clear()
            start = time.perf_counter()
            desk.handle_scan(payload)
            wait_until(lambda: bool(answers), "the desk's answer")
            latencies.append((answers[0] - start) * 1000)
            wait_until(lambda: not ops.busy(), "the scan's last work")
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
        ops.wait_for_writes()
        desk.close()
        desk.deleteLater()
        app.processEvents()
        db.close()
    return stall, latencies


def measure(workdir: Path) -> list[Measurement]:
    fast_stall, fast = _run(workdir, "fast", 0.0)
    slow_stall, slow = _run(workdir, "slow", DELAY_S)
    return [
        Measurement(
            f"longest GUI stall, burst of {BURST} scans, +100 ms per statement",
            slow_stall,
            "ms",
            fast_stall,
            "no delay",
            "< 50 ms",
        ),
        Measurement(
            "scan → verdict median, +100 ms per statement",
            median(slow),
            "ms",
            median(fast),
            "no delay",
        ),
        Measurement(
            "scan → verdict p99, +100 ms per statement",
            percentile(slow, 99),
            "ms",
            percentile(fast, 99),
            "no delay",
        ),
    ]
