"""Run slow work off the GUI thread and hand the result (or the error) back to it."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("smartdialog.worker")
T = TypeVar("T")


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Progress:
    """Handed to the work function to report (done, total)."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals

    def __call__(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)


class Task(QRunnable, Generic[T]):
    """One piece of work for the thread pool.

    ``fn(progress, *args)`` runs in a worker thread; ``finished`` carries its
    return value and ``failed`` the exception, both delivered in the GUI thread
    (queued connections across threads).  Keep a reference until it finished.
    """

    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self._fn = fn
        self._args = args

    def run(self) -> None:
        try:
            result = self._fn(self.progress, *self._args)
        except Exception as exc:  # handed to the GUI thread, which decides what the user sees
            log.warning("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[Task[Any]] = set()


def start(
    fn: Callable[..., T],
    *args: Any,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Task[T]:
    """Start ``fn(progress, *args)`` on the global thread pool."""
    task: Task[T] = Task(fn, *args)
    _running.add(task)
    task.signals.finished.connect(lambda _r: _running.discard(task))
    task.signals.failed.connect(lambda _e: _running.discard(task))
    if on_done is not None:
        task.signals.finished.connect(on_done)
    if on_error is not None:
        task.signals.failed.connect(on_error)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task
