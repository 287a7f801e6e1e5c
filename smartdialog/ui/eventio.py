"""Opening and creating events for the window.

The main window imports this module on its first open, after it is on screen:
it pulls in SQLAlchemy and the models, the largest part of start-up time.  It
runs ``open_for_window`` on the writer thread (ui.ops): opening a file,
migrating it and the first reads never freeze the window, and the window gets
the event whole (open, its title, its PINs, where the change feed starts) or not
at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smartdialog.core.db import Database, create_database, open_database
from smartdialog.core.services import audit, roles, setup
from smartdialog.core.targets import DeviceIdentity, is_url
from smartdialog.ui import eventlock

if TYPE_CHECKING:
    from smartdialog.ui.ops import Progress


def _locked(target: str | os.PathLike[str], opener: Callable[[], Database]) -> Database:
    """``opener()``, with ``target``'s lock held until the database is closed.

    A file already open in another smartdialog on this laptop is not opened (nor
    replaced) a second time: ``eventlock.EventAlreadyOpen``.  The lock is taken
    first, because the other process may be in the middle of a migration.  A
    server address has no lock file: the server keeps its own order.
    """
    if is_url(os.fspath(target)):
        return opener()
    lock = eventlock.acquire(target)
    try:
        db = opener()
    except BaseException:
        if lock is not None:
            lock.unlock()
        raise
    if lock is not None:
        db.on_close.append(lock.unlock)
    return db


def open_event(target: str | os.PathLike[str], device: DeviceIdentity) -> tuple[Database, str]:
    """The open database and its event's title; raises SmartDialogError with the reason."""
    db = _locked(target, lambda: open_database(target, device))
    try:
        with db.read() as s:
            return db, setup.get_event(s).title
    except BaseException:
        db.close()
        raise


def new_event(
    path: str | os.PathLike[str], title: str, device: DeviceIdentity, *, replace: bool
) -> tuple[Database, str]:
    """A new event file with the resolution's fields of action, and its title as stored."""
    db = _locked(path, lambda: create_database(path, device, replace=replace))
    try:
        with db.uow() as s:
            info = setup.create_event(s, title)
    except BaseException:
        db.close()
        raise
    return db, info.title


@dataclass(frozen=True)
class Opened:
    """An event as the window takes it: open, with what it shows first."""

    db: Database
    title: str
    access: roles.Access
    # The change feed starts after this entry of the audit log.
    seq: int


def open_for_window(
    _progress: Progress,
    target: str | os.PathLike[str],
    device: DeviceIdentity,
    new_title: str | None = None,
    replace: bool = False,
) -> Opened:
    """Open (or, with ``new_title``, create) the event and read what the window needs.

    Runs in a worker thread.  On any failure the database is closed again: nothing
    stays half open.
    """
    if new_title is None:
        db, title = open_event(target, device)
    else:
        db, title = new_event(target, new_title, device, replace=replace)
    try:
        with db.read() as s:
            return Opened(db, title, roles.access(s), audit.latest_seq(s))
    except BaseException:
        db.close()
        raise
