"""Run every benchmarks/bench_*.py and print one table (python -m benchmarks [NAME ...])."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.harness import Measurement

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:,.2f} {unit}".strip()


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = argv or sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    rows: list[tuple[str, Measurement]] = []
    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        with tempfile.TemporaryDirectory(prefix=f"sd-bench-{name}-") as work:
            print(f"… {name}", file=sys.stderr, flush=True)
            rows.extend((name, m) for m in module.measure(Path(work)))
    header = ("area", "benchmark", "figure", "baseline", "ratio", "goal")
    table = [
        (
            area,
            m.name,
            _fmt(m.value, m.unit),
            f"{_fmt(m.baseline, m.unit)} ({m.baseline_name})" if m.baseline is not None else "—",
            f"{m.ratio:.2f}x" if m.ratio is not None else "—",
            m.goal,
        )
        for area, m in rows
    ]
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *table]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
