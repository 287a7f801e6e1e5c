"""Several laptops on one event: a scan through PostgreSQL over loopback, and a change seen elsewhere.

- scan → verdict: the desk's unit of work (check-in, scan log, audit entry, commit)
  against a PostgreSQL server on this machine over TCP, as a ratio to the same on an
  event file;
- a change on one laptop visible on another: two open databases (two laptops) with a
  change feed each; a walk-in registered on the first, the time until the second's feed
  delivers it.  The feed polls every ``POLL_MS``: the goal is p99 under a second.  The
  baseline is the same on an event file opened twice.

The PostgreSQL server is the one the tests use (``SMARTDIALOG_TEST_PG``, by default
127.0.0.1:5432, database ``test``, trust); a database of its own is made and dropped.
"""

from __future__ import annotations

import os
import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from benchmarks.harness import Measurement, median, percentile, timings_ms, wait_until
from smartdialog.core.db import (
    Database,
    DeviceIdentity,
    create_database,
    make_engine,
    open_database,
)
from smartdialog.core.services import checkin, registration, setup, tickets
from smartdialog.core.services.registration import WalkIn

DESK = DeviceIdentity(uuid.UUID(int=96), "Empfang 1", "desk")
OTHER = DeviceIdentity(uuid.UUID(int=97), "Beamer", "wall")
PG_ADMIN_URL = os.environ.get(
    "SMARTDIALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SCANS = 300
CHANGES = 60


@contextmanager
def _pg_database() -> Iterator[str]:
    admin = make_engine(PG_ADMIN_URL)
    name = f"sd_bench_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _event(target: str | Path, people: int) -> tuple[Database, list[str]]:
    db = create_database(target, DESK)
    with db.uow() as s:
        setup.create_event(s, "Bürgerdialog", code="4713")
        added = [registration.register_walk_in(s, WalkIn(f"G{i}", "Netz")) for i in range(people)]
        payloads = [tickets.payload_for(s, p.ticket_number) for p in added]
    return db, payloads


def _scans(db: Database, payloads: list[str]) -> list[float]:
    queue = iter(payloads)

    def one() -> None:
        with db.uow() as s:
            verdict = checkin.scan(s, next(queue), "Empfang 1").verdict
        assert verdict == checkin.WELCOME

    return timings_ms(one, repeat=SCANS, warmup=5)


def _seen_elsewhere(target: str) -> list[float]:
    """Milliseconds from a commit on one laptop to the other laptop's feed delivering it."""
    from PySide6.QtWidgets import QApplication

    from smartdialog.ui import ops
    from smartdialog.ui.feed import ChangeFeed

    app = QApplication.instance() or QApplication([])
    here = open_database(target, DESK)
    there = open_database(target, OTHER)
    feed = ChangeFeed()
    feed.set_database(there)
    arrived: dict[uuid.UUID, float] = {}
    feed.changed.connect(
        lambda changes: arrived.update(
            {c.object_id: time.perf_counter() for c in changes if c.object_id is not None}
        )
    )
    rng = random.Random(7)

    latencies = []
    try:
        for i in range(CHANGES):
            # At a random moment of the other laptop's polling cycle.
            pause = time.perf_counter() + rng.uniform(0, 0.5)
            wait_until(_reached(pause), "the moment in the other laptop's polling cycle")
            with here.uow() as s:
                person = registration.register_walk_in(
                    s, WalkIn(f"Neu{i}", "Drüben")
                ).participant_id
            written = time.perf_counter()
            wait_until(_member(person, arrived), "the change through the other laptop's feed")
            latencies.append((arrived[person] - written) * 1000)
    finally:
        feed.set_database(None)
        ops.reader_pool().waitForDone()
        app.processEvents()
        feed.deleteLater()
        here.close()
        there.close()
    return latencies


def _reached(moment: float) -> Callable[[], bool]:
    return lambda: time.perf_counter() >= moment


def _member(key: uuid.UUID, found: dict[uuid.UUID, float]) -> Callable[[], bool]:
    return lambda: key in found


def measure(workdir: Path) -> list[Measurement]:
    file_db, file_payloads = _event(workdir / "laptops.sdevent", SCANS + 10)
    try:
        on_file = _scans(file_db, file_payloads)
    finally:
        file_db.close()
    file_seen = _seen_elsewhere(str(workdir / "laptops.sdevent"))
    with _pg_database() as url:
        pg_db, pg_payloads = _event(url, SCANS + 10)
        try:
            on_pg = _scans(pg_db, pg_payloads)
        finally:
            pg_db.close()
        pg_seen = _seen_elsewhere(url)
    return [
        Measurement(
            "scan → verdict median, PostgreSQL over loopback",
            median(on_pg),
            "ms",
            median(on_file),
            "event file",
        ),
        Measurement(
            "scan → verdict p99, PostgreSQL over loopback",
            percentile(on_pg, 99),
            "ms",
            percentile(on_file, 99),
            "event file",
        ),
        Measurement(
            "a change on one laptop seen on another, median (PostgreSQL)",
            median(pg_seen),
            "ms",
            median(file_seen),
            "event file",
        ),
        Measurement(
            "a change on one laptop seen on another, p99 (PostgreSQL)",
            percentile(pg_seen, 99),
            "ms",
            percentile(file_seen, 99),
            "event file",
            "< 1000 ms",
        ),
    ]
