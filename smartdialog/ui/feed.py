"""The change feed: polls the audit log so that every view follows writes from other laptops."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from smartdialog.core.db import Database
from smartdialog.core.services import audit
from smartdialog.ui import ops

log = logging.getLogger("smartdialog.feed")

POLL_MS = 500
# A shared event whose poll has had no answer for this long is taken as lost: a firewall
# that drops packets answers nothing, not even an error.
SILENCE_MS = 8000


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
    # Emitted (from any thread) after a write on this laptop that recorded nothing
    # through audit.record (a merge appends entries of its own): poll at once.
    poke = Signal()
    # Emitted (from the writing thread) with the entries a write on this laptop
    # recorded: shown at once, without reading them back.
    recorded = Signal(object, list)
    # The feed knows where to start and polls from now on.
    following = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._seq = 0
        # Entries after ``_seq`` shown already because this laptop wrote them.
        self._shown: set[int] = set()
        self._lost = False
        self._polling = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._soon = QTimer(self)  # coalesces a burst of pokes into one poll
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.poll)
        self._poll_id = 0  # of the poll on its way; an abandoned poll's late answer is ignored
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.timeout.connect(self._no_answer)
        self.poke.connect(self._soon.start, Qt.ConnectionType.QueuedConnection)
        self.recorded.connect(self._recorded_here, Qt.ConnectionType.QueuedConnection)
        self._hook: Callable[[list[audit.Change]], None] | None = None

    def set_database(self, db: Database | None, seq: int | None = None) -> None:
        """Follow ``db`` from the audit entry ``seq`` on (None: from its latest, read first)."""
        if self._db is not None and self._hook in self._db.on_recorded:
            self._db.on_recorded.remove(self._hook)
        self._db = db
        self._lost = False
        self._shown.clear()
        self._timer.stop()
        self._abandon_poll()
        if db is None:
            return
        if seq is not None:
            self._follow(db, seq)
            return
        ops.QueryOp(self, db, audit.latest_seq).success(
            lambda latest: self._follow(db, latest)
        ).failure(lambda sentence: self._start_failed(db, sentence)).run()

    def _start_failed(self, db: Database, sentence: str) -> None:
        if db is self._db:
            self._report_lost(sentence)

    def _follow(self, db: Database, seq: int) -> None:
        if db is not self._db:
            return  # another event was opened meanwhile
        self._seq = seq

        def committed(changes: list[audit.Change]) -> None:
            """After a write on this laptop (in the thread that wrote)."""
            if changes:
                self.recorded.emit(db, changes)
            else:
                self.poke.emit()

        self._hook = committed
        db.on_recorded.append(committed)
        self._timer.start()
        self.following.emit()

    def _recorded_here(self, db: Database, changes: list[audit.Change]) -> None:
        if db is not self._db:
            return  # the event was closed or another opened meanwhile
        new = [c for c in changes if c.seq > self._seq and c.seq not in self._shown]
        if new:
            self._shown.update(c.seq for c in new)
            self.changed.emit(new)

    def poll(self) -> None:
        """Fetch what is new now (also called right after a local write, for speed).

        The query runs on a reader thread; one poll at a time (a slow network does not
        pile them up), and a poke during one is answered by another right after it.
        """
        db = self._db
        if db is None:
            return
        if self._polling:
            self._again = True
            return
        self._polling, self._again = True, False
        self._poll_id += 1
        poll_id, seq = self._poll_id, self._seq
        if not db.is_sqlite:
            self._silence.start(SILENCE_MS)
        ops.QueryOp(self, db, lambda s: audit.changes_since(s, seq)).success(
            lambda changes: self._polled(db, changes, poll_id)
        ).failure(lambda sentence: self._poll_failed(db, sentence, poll_id)).run()

    def _abandon_poll(self) -> None:
        """Forget the poll on its way: its answer, whenever it comes, is not used."""
        self._poll_id += 1
        self._polling = False
        self._silence.stop()

    def _no_answer(self) -> None:
        db = self._db
        if db is None or not self._polling:
            return
        self._abandon_poll()
        self._report_lost(
            self.tr(
                "The host laptop has not answered for {seconds} seconds. Check the network; "
                "smartdialog keeps trying."
            ).format(seconds=SILENCE_MS // 1000)
        )
        # Ask again on the next tick: an answer then means the host is back.

    def _done(self) -> None:
        self._polling = False
        self._silence.stop()
        if self._again:
            self._soon.start()

    def _poll_failed(self, db: Database, sentence: str, poll_id: int) -> None:
        if poll_id != self._poll_id:
            return  # abandoned: it had no answer in time, and that was reported
        self._done()
        if db is not self._db:
            return
        self._report_lost(sentence)

    def _report_lost(self, sentence: str) -> None:
        if not self._lost:
            self._lost = True
            log.warning("change feed lost its database: %s", sentence)
            self.connection_lost.emit(sentence)

    def _polled(self, db: Database, changes: list[audit.Change], poll_id: int) -> None:
        if poll_id != self._poll_id:
            return  # abandoned; the next poll reads the same entries again
        self._done()
        if db is not self._db:
            return  # the event was closed or another opened meanwhile
        if self._lost:
            self._lost = False
            self.connection_restored.emit()
        if changes:
            self._seq = max(self._seq, changes[-1].seq)
            new = [c for c in changes if c.seq not in self._shown]
            self._shown = {seq for seq in self._shown if seq > self._seq}
            if new:
                self.changed.emit(new)
