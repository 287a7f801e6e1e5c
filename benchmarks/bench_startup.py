"""Cold start to a shown main window on the demo event, against a bare PySide6 window.

Both are started the same way: a new Python process on the same Qt platform,
timed from exec to exit.  Two figures: the main window on screen (the app is
there), and the demo event open in its workspace (the app is ready to use).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import Measurement, median
from smartdialog.core.demo import write_demo

RUNS = 7

# Both end the same way once their window is up (os._exit after the pending
# events), so that neither pays for the interpreter's teardown: it is start-up
# that is measured.
BARE = """
import os
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def end():
    QCoreApplication.processEvents()
    os._exit(0)
QTimer.singleShot(0, end)
app.exec()
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(workdir: Path) -> list[Measurement]:
    event = workdir / "demo.sdevent"
    write_demo(event, participants=500, ideas=300)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(workdir / "config")
    env["XDG_DATA_HOME"] = str(workdir / "data")
    bare_cmd = [sys.executable, "-c", BARE]
    app_cmd = [sys.executable, "-m", "smartdialog", str(event)]
    shown_env = {**env, "SMARTDIALOG_EXIT_AFTER": "shown"}
    ready_env = {**env, "SMARTDIALOG_EXIT_AFTER": "ready"}
    # Warm the file cache, then alternate so that noise hits all alike.
    for cmd, e in ((bare_cmd, env), (app_cmd, shown_env), (app_cmd, ready_env)):
        _time(cmd, e)
    bare, shown, ready = [], [], []
    for _ in range(RUNS):
        bare.append(_time(bare_cmd, env))
        shown.append(_time(app_cmd, shown_env))
        ready.append(_time(app_cmd, ready_env))
    baseline = median(bare) * 1000
    return [
        Measurement(
            f"start-up: main window on screen (median of {RUNS})",
            median(shown) * 1000,
            "ms",
            baseline,
            "bare PySide6 window",
            "≤ 1.5x",
        ),
        Measurement(
            f"start-up: demo event (500 participants, 300 ideas) open and shown (median of {RUNS})",
            median(ready) * 1000,
            "ms",
            baseline,
            "bare PySide6 window",
        ),
    ]
