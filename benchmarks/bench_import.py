"""Hostile and honest XLSX files: how fast a bomb is refused, how fast an export is read.

The bombs are the shapes of an adversarial test run (tests/xlsx_bombs.py): 0.8 MB
with 20 million shared strings, 0.4 MB holding one 400 MB string, under a
megabyte with 5 million rows.  Goal: each refused within a second.  The honest
file (10,000 registrations) is read by our streaming reader and, as the
baseline, by openpyxl in read-only mode.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from benchmarks.harness import Measurement, median, timings_ms
from smartdialog.core.errors import DomainError
from smartdialog.core.services import importer
from tests import xlsx_bombs

PEOPLE = 10_000


def _refusal(path: Path) -> tuple[float, float]:
    """Seconds until the refusal and the peak of Python's allocations (MB) on the way."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        importer.read_table(path)
    except DomainError:
        pass
    else:
        raise AssertionError(f"{path.name} was read")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return elapsed, peak


def measure(workdir: Path) -> list[Measurement]:
    out: list[Measurement] = []
    bombs = {
        "20 million shared strings": xlsx_bombs.many_shared_strings,
        "one 400 MB string": xlsx_bombs.one_huge_string,
        "5 million rows": xlsx_bombs.many_rows,
        "150,000 rows, no dimension, stored": lambda p: xlsx_bombs.many_rows(
            p, rows=150_000, declare=False, stored=True
        ),
    }
    for name, make in bombs.items():
        path = make(workdir / "bomb.xlsx")
        elapsed, peak = _refusal(path)
        size = path.stat().st_size / 1024 / 1024
        out.append(
            Measurement(
                f"refuse {name} ({size:.2f} MB file)", elapsed * 1000, "ms", goal="< 1000 ms"
            )
        )
        out.append(Measurement(f"peak memory refusing {name}", peak, "MB", goal="< 8 MB"))

    rows = [
        ["Anmeldenummer", "Vorname", "Nachname", "E-Mail", "PLZ", "Einwilligung Datenverarbeitung"]
    ]
    rows += [
        [f"R-{i}", f"Vorname{i}", f"Nachname{i % 500}", f"p{i}@example.org", "48143", "Ja"]
        for i in range(PEOPLE)
    ]
    honest = xlsx_bombs.table_xlsx(workdir / "anmeldungen.xlsx", rows)

    def ours() -> None:
        importer.read_table(honest)

    def openpyxl_read_only() -> None:
        from openpyxl import load_workbook

        book = load_workbook(honest, read_only=True)
        for _ in book.worksheets[0].iter_rows(values_only=True):
            pass
        book.close()

    baseline = median(timings_ms(openpyxl_read_only, repeat=3, warmup=1))
    out.append(
        Measurement(
            f"read {PEOPLE:,} registrations from XLSX",
            median(timings_ms(ours, repeat=3, warmup=1)),
            "ms",
            baseline,
            "openpyxl read-only",
            "≤ 1.5x",
        )
    )
    return out
