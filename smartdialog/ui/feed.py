"""The change feed: polls the audit log so that every view follows writes from other laptops."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from smartdialog.core.db import Database
from smartdialog.core.errors import StorageError
from smartdialog.core.services import audit

log = logging.getLogger("smartdialog.feed")

POLL_MS = 500


class ChangeFeed(QObject):
    """Emits ``changed`` with the new audit entries, within about a second of a write anywhere.

    A poll is one indexed query for entries after the last seen sequence number,
    cheap enough to run twice a second on every laptop.  ``connection_lost``
    and ``connection_restored`` tell the window when a shared database stops
    answering (a pulled network cable) and comes back.
    """

    changed = Signal(list)
    connection_lost = Signal(str)
    connection_restored = Signal()
    # Emitted (from any thread) after a write on this laptop: poll at once, so
    # that this laptop's own pages and projector follow without waiting.
    poke = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._seq = 0
        self._lost = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._soon = QTimer(self)  # coalesces a burst of pokes into one poll
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.poll)
        self.poke.connect(self._soon.start, Qt.ConnectionType.QueuedConnection)

    def set_database(self, db: Database | None) -> None:
        if self._db is not None and self.poke.emit in self._db.on_commit:
            self._db.on_commit.remove(self.poke.emit)
        self._db = db
        self._lost = False
        if db is None:
            self._timer.stop()
            return
        with db.read() as s:
            self._seq = audit.latest_seq(s)
        db.on_commit.append(self.poke.emit)
        self._timer.start()

    def poll(self) -> None:
        """Fetch what is new now (also called right after a local write, for speed)."""
        if self._db is None:
            return
        try:
            with self._db.read() as s:
                changes = audit.changes_since(s, self._seq)
        except (SQLAlchemyError, StorageError) as exc:
            if not self._lost:
                self._lost = True
                log.warning("change feed lost its database: %s", exc)
                self.connection_lost.emit(str(getattr(exc, "orig", exc)))
            return
        if self._lost:
            self._lost = False
            self.connection_restored.emit()
        if changes:
            self._seq = changes[-1].seq
            self.changed.emit(changes)
