"""A small harness: each benchmark module measures its figures and a baseline in the same run.

Machines are shared and noisy, so every figure that has a natural baseline
(raw sqlite3, a bare PySide6 window, a plain reportlab document) is reported
as a ratio to that baseline measured moments before.  A module
``benchmarks/bench_<area>.py`` defines ``def measure(workdir: Path) -> list[Measurement]``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    name: str
    value: float  # in ``unit``
    unit: str  # "ms", "s", "rows/s"
    baseline: float | None = None  # same unit, measured in the same run
    baseline_name: str = ""
    goal: str = ""  # e.g. "< 2 ms median", "≤ 1.5x"

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline  # type: ignore[operator]


def timings_ms(fn: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    """Wall time of ``repeat`` calls, in milliseconds each."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def wait_until(
    done: Callable[[], object], what: str, timeout_s: float = 10.0, pause_s: float = 0.001
) -> None:
    """Runs Qt's events until ``done()``, pausing ``pause_s`` between rounds (0: none).

    Pages read and write through ``ops`` on other threads, and their answers arrive as
    events: a figure ends when the page shows what it asked for, not when it asked.
    """
    from PySide6.QtCore import QCoreApplication

    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{what}: not within {timeout_s:g} s")
        QCoreApplication.processEvents()
        if pause_s:
            time.sleep(pause_s)


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]
