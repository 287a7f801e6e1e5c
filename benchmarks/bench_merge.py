"""Merging three laptops' files of a whole event (500 participants, 300 ideas, 400 ballots).

The baseline copies the same rows with raw sqlite3 (ATTACH + INSERT OR IGNORE …
SELECT, no rules at all) in the same run, so the ratio says what the rules cost.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from pathlib import Path

from benchmarks.harness import Measurement, median
from smartdialog.core.models import Base
from smartdialog.core.services.merge import merge_into, rehearsal
from smartdialog.core.services.merge.engine import BOOKKEEPING

REPEAT = 3


def _raw_copy(target: Path, sources: tuple[Path, ...]) -> None:
    tables = [t.name for t in Base.metadata.sorted_tables if t.name not in BOOKKEEPING]
    with contextlib.closing(sqlite3.connect(target, isolation_level=None)) as con:
        con.execute("BEGIN IMMEDIATE")
        for n, source in enumerate(sources):
            con.execute(f"ATTACH DATABASE ? AS src{n}", (str(source),))
        for n in range(len(sources)):
            for name in tables:
                con.execute(f'INSERT OR IGNORE INTO main."{name}" SELECT * FROM src{n}."{name}"')
        con.execute("COMMIT")


def measure(workdir: Path) -> list[Measurement]:
    event = rehearsal.play(workdir / "laptops", participants=500, ideas_count=300, ballots=400)
    merged, raw, again = [], [], []
    for n in range(REPEAT):
        target = workdir / f"merged-{n}.sdevent"
        shutil.copyfile(event.organiser, target)
        baseline = workdir / f"raw-{n}.sdevent"
        shutil.copyfile(event.organiser, baseline)
        start = time.perf_counter()
        _raw_copy(baseline, event.laptops)
        raw.append(time.perf_counter() - start)
        start = time.perf_counter()
        merge_into(target, event.laptops, device=rehearsal.ORGANISER)
        merged.append(time.perf_counter() - start)
        start = time.perf_counter()
        merge_into(target, event.laptops, device=rehearsal.ORGANISER)
        again.append(time.perf_counter() - start)
    return [
        Measurement(
            f"merge 3 laptops ({event.participants} people, {event.ideas} ideas, "
            f"{event.ballots} ballots)",
            median(merged),
            "s",
            baseline=median(raw),
            baseline_name="raw sqlite3 ATTACH + INSERT SELECT",
            goal="< 5 s",
        ),
        Measurement(
            "merge the same 3 files again (nothing new)",
            median(again),
            "s",
            baseline=median(raw),
            baseline_name="raw sqlite3 ATTACH + INSERT SELECT",
            goal="< 5 s",
        ),
    ]
