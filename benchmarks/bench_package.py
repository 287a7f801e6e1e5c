"""The packaged app's start to the desk on the demo event, against the same from the source tree.

Both are started the same way — a new process, on the same Qt platform, in the
same empty home whose settings open the desk — and timed from exec to the desk
shown with the event (``SMARTDIALOG_EXIT_AFTER=ready``).  Needs ``make package``
first (dist/smartdialog/); without it there is no figure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import Measurement, median
from smartdialog.core.demo import write_demo

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "smartdialog" / "smartdialog"
RUNS = 5


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(workdir: Path) -> list[Measurement]:
    if not FROZEN.exists():
        print("no packaged app (run `make package` first): skipped", file=sys.stderr)
        return []
    event = workdir / "demo.sdevent"
    write_demo(event, participants=500, ideas=300)
    config = workdir / "config" / "smartdialog"
    config.mkdir(parents=True)
    (config / "smartdialog.ini").write_text("[window]\nworkspace=desk\n", encoding="utf-8")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(workdir / "config")
    env["XDG_DATA_HOME"] = str(workdir / "data")
    env["SMARTDIALOG_EXIT_AFTER"] = "ready"
    source = [sys.executable, "-m", "smartdialog", str(event)]
    frozen = [str(FROZEN), str(event)]
    for cmd in (source, frozen):  # warm the file cache
        _time(cmd, env)
    from_source, packaged = [], []
    for _ in range(RUNS):
        from_source.append(_time(source, env))
        packaged.append(_time(frozen, env))
    return [
        Measurement(
            f"packaged app: start to the desk on the demo event (median of {RUNS})",
            median(packaged) * 1000,
            "ms",
            median(from_source) * 1000,
            "the same from the source tree",
        )
    ]
