"""The pinned Qt binding keeps Python's reference counts: a day of signals must not kill the app.

PySide6 6.12.0 on Python 3.11 dropped a reference to ``True`` on every signal
emitted from Python and one to ``None`` on every Qt call returning nothing;
after a few thousand of either the interpreter aborts ("deallocating True or
False"), a desk within an hour of the doors opening.  Run in a fresh
interpreter, since the failure is an abort, not an exception.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Probe(QObject):
        changed = Signal()

    app = QCoreApplication([])
    probe = Probe()
    none, true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50_000):
        probe.changed.emit()
        probe.setObjectName("desk")
    print(sys.getrefcount(None) - none, sys.getrefcount(True) - true)
    """
)


def test_signals_and_calls_leave_the_reference_counts_of_none_and_true_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    none_delta, true_delta = (int(v) for v in done.stdout.split())
    assert abs(none_delta) < 100 and abs(true_delta) < 100, done.stdout
