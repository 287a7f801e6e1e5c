"""One smartdialog per event file on a laptop: a lock file beside the event.

Two copies of the app on the same file would each keep their own view and
their own backups of it; the second one is told that the event is already
open, and where.  The lock (``<event>.lock``, Qt's QLockFile) holds the
process id, so that a lock left by a crash is taken over at once.  A folder
that does not allow the lock file (read-only, a share without locks) does not
stop the event from opening: the lock is a courtesy, SQLite guards the data.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile

from smartdialog.core.errors import QT_TRANSLATE_NOOP, EventFileError

log = logging.getLogger("smartdialog.eventlock")


class EventAlreadyOpen(EventFileError):
    """Another smartdialog on this laptop has the event open."""


def lock_path(event: Path) -> Path:
    return event.with_name(event.name + ".lock")


def acquire(event: str | os.PathLike[str]) -> QLockFile | None:
    """Lock ``event`` for this process; None where no lock can be kept.

    Raises EventAlreadyOpen when another running smartdialog holds it.
    """
    path = Path(event).resolve()
    lock = QLockFile(str(lock_path(path)))
    # Only a lock whose process is gone counts as stale: an event stays open for hours.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    holder = lock.getLockInfo() if lock.error() == QLockFile.LockError.LockFailedError else None
    pid = holder[0] if isinstance(holder, tuple) and holder else 0
    # Held only when a running process says so in it: something else at that place (a
    # folder, a file of another program) cannot be taken, but does not hold the event.
    if pid:
        log.info("%s is open in process %s", path.name, pid)
        raise EventAlreadyOpen(
            QT_TRANSLATE_NOOP(
                "errors",
                "The event {name} is already open in smartdialog on this laptop. Switch to "
                "that window (taskbar) and work there; a second window on the same event "
                "would show outdated data.",
            ),
            name=path.name,
        )
    log.warning("no lock file beside %s (%s); opening it anyway", path.name, lock.error().name)
    return None
