"""The one way the GUI talks to the database: off the GUI thread, answered by signal.

``QueryOp(parent, db, read_fn)`` runs ``read_fn(session)`` inside ``db.read()`` on a
reader thread; ``CollectionOp(parent, db, write_fn)`` runs ``write_fn(session)`` inside
``db.uow()`` on the laptop's single writer thread, so that writes happen in the order
they were started (captures keep the order typed, scans the order scanned).  Both::

    QueryOp(self, db, lambda s: checkin.counters(s)).success(self.show).run()

The success callback gets the return value, the failure callback the user's sentence
(``messages.translate_error``: errors are put into words in one place).  Both are
called in the GUI thread.  When the parent widget is gone by then, nothing is
delivered; the write itself is never cancelled.

``start(fn, *args)`` runs other slow work (files, exports, a server) the same way.

A write that fails because a shared event's server stopped answering is made
once more on the laptop's local copy when ``failover`` gives one (ui/offline.py).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.errors import ConnectionLost
from smartdialog.ui.messages import translate_error

log = logging.getLogger("smartdialog.ops")
T = TypeVar("T")


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Progress:
    """Handed to background work to report (done, total)."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals

    def __call__(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)


class Task(QRunnable, Generic[T]):
    """One piece of work for a thread pool.

    ``fn(progress, *args)`` runs in a worker thread; ``signals.finished`` carries its
    return value and ``signals.failed`` the exception, both delivered in the GUI
    thread (queued connections across threads).
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
            log.warning("background work failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


# Set while the window follows a shared event (ui/offline.py): called on the writer
# thread when a write fails because the server stopped answering; returns the
# database to make the write in instead (the laptop's local copy), or None.
failover: Callable[[Database, ConnectionLost], Database | None] | None = None

# Tasks keep a Python reference until they are answered (Qt holds none).
_running: set[Task[Any]] = set()
_writer: QThreadPool | None = None
_readers: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """The laptop's one writer thread: writes run one at a time, in the order started."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
        # The thread stays: a scan need not wait for a thread to start.
        _writer.setExpiryTimeout(-1)
    return _writer


def reader_pool() -> QThreadPool:
    global _readers
    if _readers is None:
        _readers = QThreadPool()
        _readers.setMaxThreadCount(2)
    return _readers


def wait_for_writes(msecs: int = -1) -> bool:
    """Block until every write started so far is done (closing an event, quitting)."""
    return writer_pool().waitForDone(msecs)


def _launch(
    pool: QThreadPool,
    task: Task[T],
    parent: QObject | None,
    on_done: Callable[[T], None] | None,
    on_error: Callable[[Exception], None] | None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Task[T]:
    _running.add(task)

    def alive() -> bool:
        return parent is None or shiboken6.isValid(parent)

    def done(result: T) -> None:
        _running.discard(task)
        if on_done is not None and alive():
            on_done(result)

    def failed(exc: Exception) -> None:
        _running.discard(task)
        if on_error is not None and alive():
            on_error(exc)
        elif on_error is None:
            log.error("unhandled background failure: %s", translate_error(exc))

    task.signals.finished.connect(done)
    task.signals.failed.connect(failed)
    if on_progress is not None:
        task.signals.progress.connect(lambda d, t: alive() and on_progress(d, t))
    pool.start(task)
    return task


def start(
    fn: Callable[..., T],
    *args: Any,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    parent: QObject | None = None,
) -> Task[T]:
    """Run ``fn(progress, *args)`` (no database of ours inside) on the global pool."""
    return _launch(
        QThreadPool.globalInstance(), Task(fn, *args), parent, on_done, on_error, on_progress
    )


def start_write(
    fn: Callable[..., T],
    *args: Any,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    parent: QObject | None = None,
) -> Task[T]:
    """Like ``start``, but on the writer thread: for work that writes the event."""
    return _launch(writer_pool(), Task(fn, *args), parent, on_done, on_error, on_progress)


def write_here_or_on_the_copy(db: Database, write: Callable[[Database], T]) -> T:
    """``write(db)``; when the host stops answering, once more on the local copy.

    For work on the writer thread.  If the host had saved it and only its answer was
    lost, the rows are the same all the same: a page that creates rows chooses their ids
    before the write is first tried (core.writekey), and the merge back knows them.
    """
    try:
        return write(db)
    except ConnectionLost as exc:
        other = failover(db, exc) if failover is not None else None
        if other is None:
            raise
        log.warning("a write failed with the connection; it is made on the local copy")
        return write(other)


class _Op(Generic[T]):
    _write = False

    def __init__(self, parent: QObject | None, db: Database, fn: Callable[[Session], T]) -> None:
        self._parent = parent
        self._db = db
        self._fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[str], None] | None = None

    def success(self, callback: Callable[[T], None]) -> _Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[str], None]) -> _Op[T]:
        """``callback(sentence)``: what the user is told (without one, it is logged)."""
        self._failure = callback
        return self

    def _body(self, _progress: Progress) -> T:
        if self._write:
            return write_here_or_on_the_copy(self._db, self._on)
        return self._on(self._db)

    def _on(self, db: Database) -> T:
        scope = db.uow() if self._write else db.read()
        with scope as session:
            return self._fn(session)

    def run(self) -> Task[T]:
        failure = self._failure
        on_error = None if failure is None else (lambda exc: failure(translate_error(exc)))
        pool = writer_pool() if self._write else reader_pool()
        return _launch(pool, Task(self._body), self._parent, self._success, on_error)


class QueryOp(_Op[T]):
    """Read on a reader thread, inside ``db.read()``."""


class CollectionOp(_Op[T]):
    """Write on the writer thread, inside ``db.uow()`` (in the order started)."""

    _write = True


def is_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def busy() -> bool:
    """Work started through this module is still running or not yet answered."""
    return bool(_running)
