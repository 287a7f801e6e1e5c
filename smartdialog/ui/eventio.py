"""Opening and creating events for the window.

The main window imports this module on its first open, after it is on screen:
it pulls in SQLAlchemy and the models, the largest part of start-up time.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from smartdialog.core.db import Database, create_database, open_database
from smartdialog.core.services import setup
from smartdialog.core.targets import DeviceIdentity, is_url
from smartdialog.ui import eventlock


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


def event_title(db: Database) -> str:
    with db.read() as s:
        return setup.get_event(s).title
