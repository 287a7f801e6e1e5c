"""Backups of an event file that hold everything, and the checkpoint when the app is idle.

A plain copy of an open event file misses what is still in its -wal file (a
copy taken in the middle of the check-in rush had 724 of 800 check-ins).
SQLite's online backup copies one consistent snapshot of the database, the
-wal included, while other laptops keep writing; the copy is written under a
temporary name and moved into place only when it is complete and checked.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from smartdialog.core.errors import (
    QT_TRANSLATE_NOOP,
    EnvironmentProblem,
    missing_event_file,
)

log = logging.getLogger("smartdialog.backup")

__all__ = [
    "BackupError",
    "BackupResult",
    "automatic_backup",
    "automatic_backups",
    "backup_file",
    "checkpoint",
]

# Sorts by time as text: the newest automatic backup is the last name.
STAMP_FORMAT = "%Y-%m-%d_%H-%M-%S"
AUTOMATIC_MARK = ".sicherung-"
BUSY_TIMEOUT_S = 5.0


class BackupError(EnvironmentProblem):
    """A backup could not be written; the event itself is untouched."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int


def backup_file(source: Path, target: Path) -> BackupResult:
    """Write a complete, checked copy of the event file ``source`` to ``target``."""
    source, target = Path(source), Path(target)
    folder = target.parent
    if not source.is_file():
        raise missing_event_file(str(source))
    if not folder.is_dir():
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup could not be saved: the folder {folder} cannot be found. If it is on "
                "a USB stick, plug the stick in again or choose another folder. Nothing was "
                "lost: the event itself is saved as before.",
            ),
            folder=str(folder),
        )
    if target.exists() and target.resolve() == source.resolve():
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A backup cannot replace the event file itself. Choose another name or folder.",
            )
        )
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=folder)
        os.close(fd)
        tmp = Path(name)
        with (
            contextlib.closing(_connect_existing(source)) as src,
            contextlib.closing(sqlite3.connect(tmp)) as dst,
        ):
            # One step: the whole database as of one moment, whatever else is written meanwhile.
            src.backup(dst, pages=-1)
            verdict = dst.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                raise sqlite3.DatabaseError(f"backup failed its check: {verdict}")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        tmp = None
        _sync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        raise _backup_failed(folder, exc) from exc
    finally:
        if tmp is not None:
            for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
    size = target.stat().st_size
    log.info("backup of %s written to %s (%d bytes)", source.name, target, size)
    return BackupResult(target, size)


def _connect_existing(path: Path) -> sqlite3.Connection:
    # mode=rw: a file that vanished is an error, not a new empty database.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows has no directory handles to sync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _backup_failed(folder: Path, exc: BaseException) -> BackupError:
    log.warning("backup into %s failed: %s", folder, exc)
    full = (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)) or (
        isinstance(exc, sqlite3.Error)
        and (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == sqlite3.SQLITE_FULL
    )
    if full:
        return BackupError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup could not be saved: the drive with the folder {folder} is full. "
                "Free some space there or choose another folder. Nothing was lost: the event "
                "itself is saved as before.",
            ),
            folder=str(folder),
        )
    if isinstance(exc, OSError) and not folder.is_dir():
        return BackupError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup could not be saved: the folder {folder} cannot be found. If it is on "
                "a USB stick, plug the stick in again or choose another folder. Nothing was "
                "lost: the event itself is saved as before.",
            ),
            folder=str(folder),
        )
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The backup could not be saved in {folder}: {reason}. Choose another folder. Nothing "
            "was lost: the event itself is saved as before.",
        ),
        folder=str(folder),
        reason=reason,
    )


def automatic_backups(source: Path, folder: Path) -> list[Path]:
    """The automatic backups of ``source`` in ``folder``, oldest first."""
    source = Path(source)
    pattern = f"{source.stem}{AUTOMATIC_MARK}*{source.suffix}"
    prefix = len(f"{source.stem}{AUTOMATIC_MARK}")

    def when(path: Path) -> tuple[str, int]:
        # "2026-11-30_10-20-00" or, for a second one in the same second, "…-00_2".
        stamp = path.name[prefix : len(path.name) - len(source.suffix)]
        base, _, n = stamp[:19], stamp[19:20], stamp[20:]
        return base, int(n) if n.isdigit() else 1

    return sorted((p for p in Path(folder).glob(pattern) if p.is_file()), key=when)


def automatic_backup(
    source: Path, folder: Path, *, keep: int, when: datetime | None = None
) -> BackupResult:
    """A backup with the time in its name; only the newest ``keep`` of them are kept."""
    source, folder = Path(source), Path(folder)
    stamp = (when or datetime.now()).strftime(STAMP_FORMAT)
    target = folder / f"{source.stem}{AUTOMATIC_MARK}{stamp}{source.suffix}"
    n = 1
    while target.exists():  # two backups within one second
        n += 1
        # "_2" sorts after the "." of the first name, so a folder listed by name is in order.
        target = folder / f"{source.stem}{AUTOMATIC_MARK}{stamp}_{n}{source.suffix}"
    result = backup_file(source, target)
    for old in automatic_backups(source, folder)[: -max(keep, 1)]:
        with contextlib.suppress(OSError):
            old.unlink()
    return result


def checkpoint(source: Path) -> tuple[int, int, int]:
    """Copy what the -wal holds into the event file, without waiting for anyone.

    Returns SQLite's answer: (busy, frames in the -wal, frames copied).
    """
    with contextlib.closing(_connect_existing(source)) as conn:
        row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    busy, frames, copied = (int(v) for v in row)
    return busy, frames, copied
