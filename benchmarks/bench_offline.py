"""A joined laptop's local copy of a whole event (500 participants, 300 ideas, 400 ballots).

The shared event is a database on the PostgreSQL server of the tests
(``SMARTDIALOG_TEST_PG``, 127.0.0.1:5432).  Measured: one refresh of the local
copy (core.hosting.offline.refresh: host → temporary file → rename), and a
merge back of a copy with a few check-ins made offline, first and again
(nothing new).  Baseline: reading the same rows from the server without
writing them anywhere (the part of a refresh no copy can avoid).
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

from sqlalchemy import select, text

from benchmarks.harness import Measurement, median
from smartdialog.core.db import DeviceIdentity, make_engine, upgrade
from smartdialog.core.hosting import offline, transfer
from smartdialog.core.models import Base, CheckIn, Participant
from smartdialog.core.services import checkin
from smartdialog.core.services.merge import merge_into, rehearsal

REPEAT = 3
ADMIN = os.environ.get("SMARTDIALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
LAPTOP = DeviceIdentity(uuid.UUID(int=77), "Empfang 9", "desk")


def _admin(sql: str) -> None:
    engine = make_engine(ADMIN)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _read_all(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                conn.execute(select(table)).fetchall()
    finally:
        engine.dispose()


def measure(workdir: Path) -> list[Measurement]:
    event = rehearsal.play(workdir / "laptops", participants=500, ideas_count=300, ballots=400)
    whole = workdir / "whole.sdevent"
    shutil.copyfile(event.organiser, whole)
    merge_into(whole, event.laptops, device=rehearsal.ORGANISER)
    name = f"sd_bench_{uuid.uuid4().hex[:10]}"
    _admin(f'CREATE DATABASE "{name}"')
    url = make_engine(ADMIN).url.set(database=name).render_as_string(hide_password=False)
    try:
        host, source = make_engine(url), make_engine(whole)
        upgrade(host)
        rows = transfer.copy_event(source, host).total
        host.dispose()
        source.dispose()
        root = workdir / "data"
        offline.refresh(url, root)  # the empty template is made once
        refresh, baseline = [], []
        for _ in range(REPEAT):
            start = time.perf_counter()
            _read_all(url)
            baseline.append(time.perf_counter() - start)
            start = time.perf_counter()
            info = offline.refresh(url, root)
            refresh.append(time.perf_counter() - start)
        local = offline.open_copy(root, info.event_id, LAPTOP)
        with local.read() as s:
            waiting = list(
                s.scalars(
                    select(Participant.id)
                    .where(Participant.id.not_in(select(CheckIn.participant_id)))
                    .limit(12)
                )
            )
        for pid in waiting:
            with local.uow() as s:
                checkin.check_in_participant(s, pid, LAPTOP.name)
        local.close()
        start = time.perf_counter()
        offline.merge_back(info.path(root), info.event_id, url, LAPTOP)
        first = time.perf_counter() - start
        start = time.perf_counter()
        offline.merge_back(info.path(root), info.event_id, url, LAPTOP)
        again = time.perf_counter() - start
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    read = median(baseline)
    return [
        Measurement(
            f"refresh the local copy ({rows} rows)",
            median(refresh),
            "s",
            baseline=read,
            baseline_name="read the same rows from the server",
        ),
        Measurement(
            f"merge back a copy with {len(waiting)} offline check-ins",
            first,
            "s",
            baseline=read,
            baseline_name="read the same rows from the server",
        ),
        Measurement(
            "merge back the same copy again (nothing new)",
            again,
            "s",
            baseline=read,
            baseline_name="read the same rows from the server",
        ),
    ]
