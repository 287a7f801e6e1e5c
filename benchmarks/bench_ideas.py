"""Ideas: capture to committed, the facilitator's Enter, and the wall's refresh with 1,000 ideas."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import Measurement, median, timings_ms, wait_until
from smartdialog.core.db import DeviceIdentity, open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.services import audit, ideas, setup

TEXT = "Radwege an der Hammer Straße durchgängig ausbauen"
WALL_IDEAS = 1000


def _raw_sqlite_insert(workdir: Path, repeat: int) -> list[float]:
    """One INSERT and COMMIT of a row like an idea, with the same pragmas, no ORM."""
    con = sqlite3.connect(workdir / "raw.sqlite", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute(
        "CREATE TABLE ideas (id BLOB PRIMARY KEY, event_id BLOB, field_id BLOB, text TEXT,"
        " status TEXT, created_at TEXT, version INTEGER)"
    )
    event_id, field_id = uuid.uuid4().bytes, uuid.uuid4().bytes

    def insert() -> None:
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT INTO ideas VALUES (?, ?, ?, ?, 'active', datetime('now'), 1)",
            (uuid.uuid4().bytes, event_id, field_id, TEXT),
        )
        con.execute("COMMIT")

    try:
        return timings_ms(insert, repeat)
    finally:
        con.close()


def measure(workdir: Path) -> list[Measurement]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from smartdialog.ui.ideas import IdeasWorkspace
    from smartdialog.ui.wall import WallState, WallView

    app = QApplication.instance() or QApplication([])
    path = workdir / "ideas.sdevent"
    write_demo(path, participants=200, ideas=WALL_IDEAS)
    table = DeviceIdentity(uuid.UUID(int=11), "Tisch 1", "table")
    other = DeviceIdentity(uuid.UUID(int=12), "Tisch 2", "table")
    db = open_database(path, table)
    elsewhere = open_database(path, other)
    out: list[Measurement] = []
    try:
        with db.read() as s:
            field = setup.list_fields(s)[0]
            station = setup.list_stations(s)[0]
            topic = setup.list_topics(s, field.id)[0]

        def capture() -> None:
            with db.uow() as s:
                ideas.capture(s, TEXT, field_id=field.id, station_id=station.id, topic_id=topic.id)

        raw = median(_raw_sqlite_insert(workdir, 300))
        out.append(
            Measurement(
                "capture to committed (service, SQLite file)",
                median(timings_ms(capture, 300)),
                "ms",
                raw,
                "raw sqlite3 INSERT+COMMIT",
                "< 5 ms median",
            )
        )

        # Pages and the wall read through ``ops`` on reader threads: each figure below
        # waits until the page or the wall shows what was read (no pause between rounds
        # of events, which would add to the figure).
        def until(done: Callable[[], object], what: str) -> None:
            wait_until(done, what, pause_s=0)

        # The facilitator's Enter: how long the GUI thread is busy before she types on.
        page = IdeasWorkspace(
            QSettings(str(workdir / "smartdialog.ini"), QSettings.Format.IniFormat)
        )
        page_loads: list[int] = []
        page.loaded.connect(lambda: page_loads.append(1))
        page.set_database(db)
        page.context.select_station(station.id)
        page.resize(1400, 800)
        page.show()
        until(lambda: page_loads, "the Ideen page's first read")

        def enter() -> None:
            page.entry.setText(TEXT)
            page.capture_entry()

        enter_ms = timings_ms(enter, 100)
        page.wait_for_saves()
        app.processEvents()
        out.append(
            Measurement(
                "Enter until the field is free again (GUI thread)",
                median(enter_ms),
                "ms",
                goal="< 5 ms median",
            )
        )

        # The wall with 1,000 ideas: a new idea from another laptop, through the feed, painted.
        state = WallState()
        wall_loads: list[int] = []
        state.loaded.connect(lambda: wall_loads.append(1))
        state.set_database(db)
        view = WallView(state)
        view.resize(1920, 1080)
        view.show()
        until(lambda: wall_loads, "the wall's first read")
        view.repaint()
        with db.read() as s:
            seq = audit.latest_seq(s)
        wall_ms: list[float] = []
        list_ms: list[float] = []
        for n in range(40):
            with elsewhere.uow() as s:
                ideas.capture(s, f"{TEXT} ({n})", field_id=field.id, station_id=station.id)
            with db.read() as s:
                changes = audit.changes_since(s, seq)
            seq = changes[-1].seq

            def refresh_wall(changes: list[audit.Change] = changes) -> None:
                before, shown = len(wall_loads), state.count()
                state.on_changes(changes)
                until(lambda: len(wall_loads) > before, "a new idea on the wall")
                assert state.count() == shown + 1, "the wall shows the new idea"
                view.repaint()

            def refresh_list(changes: list[audit.Change] = changes) -> None:
                rows = page.model.rowCount()
                page.on_changes(changes)
                until(lambda: page.model.rowCount() > rows, "a new idea in the Ideen list")

            wall_ms.extend(timings_ms(refresh_wall, 1, warmup=0))
            list_ms.extend(timings_ms(refresh_list, 1, warmup=0))

        def reload_wall() -> None:
            before = len(wall_loads)
            state.reload()
            until(lambda: len(wall_loads) > before, "the wall read anew")
            view.repaint()

        full = median(timings_ms(reload_wall, 10, warmup=1))
        out.append(
            Measurement(
                f"wall refresh after a new idea ({state.count()} ideas, 1920x1080)",
                median(wall_ms),
                "ms",
                full,
                "full reload and repaint",
                "< 50 ms",
            )
        )
        out.append(
            Measurement(
                "Ideen list refresh after a new idea from the feed",
                median(list_ms),
                "ms",
                goal="< 50 ms",
            )
        )
        view.close()
        page.close()
    finally:
        elsewhere.close()
        db.close()
    return out
