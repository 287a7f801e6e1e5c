"""The live wall's state: what it shows (the moderator's choice) and the ideas it shows.

One ``WallState`` feeds every view of the wall: the projector window and the
preview in the Live-Wand page.  It follows the audit feed incrementally: a new
idea typed on any laptop costs one query for that idea, not a reload of all.
Every read runs through ``ops`` on a reader thread; the wall keeps showing what it
has until the answer is there, and an answer older than one already shown is
dropped (a slow projector laptop never steps back in time).
"""

from __future__ import annotations

import bisect
import enum
import logging
import time
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from smartdialog.core.changes import IDEAS_READ_ANEW, Action
from smartdialog.core.db import Database
from smartdialog.core.errors import NotFoundError
from smartdialog.core.services import counting, ideas, setup
from smartdialog.core.services.audit import Change
from smartdialog.core.services.ideas import IdeaInfo
from smartdialog.core.services.setup import EventInfo, FieldInfo
from smartdialog.ui import ops
from smartdialog.ui.wall.results import ResultsProvider, WallResults

log = logging.getLogger("smartdialog.wall")

# How long a new idea stays highlighted on the wall, fading out.
HIGHLIGHT_SECONDS = 8.0
# Changes after which the wall reads everything anew (fields renamed, recoloured, …).
_RELOAD = IDEAS_READ_ANEW


class WallMode(enum.Enum):
    ALL_FIELDS = "all"
    ONE_FIELD = "field"
    SPOTLIGHT = "spotlight"
    IDLE = "idle"
    RESULTS = "results"


# The moderator's keys for the modes, on the Live-Wand page and in the projector window.
MODE_KEYS: dict[WallMode, str] = {
    WallMode.ALL_FIELDS: "F5",
    WallMode.ONE_FIELD: "F6",
    WallMode.SPOTLIGHT: "F7",
    WallMode.IDLE: "F8",
    WallMode.RESULTS: "F9",
}


class WallState(QObject):
    """Ideas per field, newest first, and the moderator's choices."""

    # Something visible changed: views repaint.
    changed = Signal()
    # Ideas arrived that should be highlighted (their ids).
    arrived = Signal(list)
    # A read was answered and is shown (everything anew, changed ideas, or the results).
    loaded = Signal()
    # A read failed: the user's sentence (the wall keeps what it shows).
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.event_info: EventInfo | None = None
        self.fields: list[FieldInfo] = []
        self.topics: dict[uuid.UUID, str] = {}
        self._ideas: dict[uuid.UUID, IdeaInfo] = {}
        # The same ideas by their key's id text, so that painting needs no UUID parsing.
        self._by_key: dict[str, IdeaInfo] = {}
        # Per field: (negated creation time, id) ascending = newest first; kept sorted.
        self._order: dict[uuid.UUID, list[tuple[float, str]]] = {}
        self._arrivals: dict[uuid.UUID, float] = {}
        self.mode = WallMode.ALL_FIELDS
        self.field_id: uuid.UUID | None = None
        self.spotlight_id: uuid.UUID | None = None
        self.scale = 1.0
        self._results_provider: ResultsProvider | None = None
        self.results: WallResults | None = None
        self._generation = 0  # of full reads
        self._reloading = False
        self._serial = 0
        self._latest: dict[uuid.UUID, int] = {}  # idea -> serial of its newest read
        # Changed while a full read was on its way: read once that is shown.
        self._deferred: set[uuid.UUID] = set()
        self._deferred_new: set[uuid.UUID] = set()
        self._results_busy = False
        self._results_again = False

    # -- data ----------------------------------------------------------------------------

    def set_database(self, db: Database | None) -> None:
        self.db = db
        self.reload()

    def reload(self) -> None:
        """Read everything anew (a new event, or fields changed), in the background."""
        self._generation += 1
        self._latest.clear()
        if self.db is None:
            self._reloading = False
            self._deferred.clear()
            self._deferred_new.clear()
            self._show_all(None, [], {}, [])
            return
        generation = self._generation
        self._reloading = True

        def read(s: Session) -> tuple[Any, ...]:
            try:
                event_info: EventInfo | None = setup.get_event(s)
            except NotFoundError:
                event_info = None
            return (
                event_info,
                setup.list_fields(s),
                {t.id: t.question for t in setup.list_topics(s)},
                ideas.list_ideas(s),
            )

        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._loaded(generation, *answer)
        ).failure(lambda sentence: self._read_failed(generation, sentence)).run()

    def _loaded(self, generation: int, *answer: Any) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        self._reloading = False
        self._show_all(*answer)
        if self._deferred:
            touched, new = list(self._deferred), set(self._deferred_new)
            self._deferred.clear()
            self._deferred_new.clear()
            self._read_ideas(touched, new)
        self.loaded.emit()

    def _read_failed(self, generation: int, sentence: str) -> None:
        if generation == self._generation:
            self._reloading = False
            self.failed.emit(sentence)

    def _show_all(
        self,
        event_info: EventInfo | None,
        fields: list[FieldInfo],
        topics: dict[uuid.UUID, str],
        rows: list[IdeaInfo],
    ) -> None:
        self._ideas.clear()
        self._by_key.clear()
        self._order.clear()
        self._arrivals.clear()
        self.event_info, self.fields, self.topics = event_info, fields, topics
        for info in rows:
            if counting.is_counted(info.status):
                self._put(info)
        if self.field_id not in {f.id for f in self.fields}:
            self.field_id = self.fields[0].id if self.fields else None
        if self.spotlight_id is not None and self.spotlight_id not in self._ideas:
            self.spotlight_id = None
        self._refresh_results()
        self.changed.emit()

    def on_changes(self, changes: list[Change]) -> None:
        """Follow the audit feed: fetch only the ideas that changed."""
        if self.db is None or not changes:
            return
        if any(c.action in _RELOAD for c in changes):
            self.reload()
            return
        touched = [
            c.object_id for c in changes if c.object_type == "idea" and c.object_id is not None
        ]
        new = {
            c.object_id
            for c in changes
            if c.action == Action.IDEA_CAPTURED and c.object_id is not None
        }
        # What this laptop wrote comes with the feed as it is (a capture): not read back.
        known = {
            c.object_id: c.known
            for c in changes
            if isinstance(c.known, IdeaInfo) and c.object_id in new and c.object_id is not None
        }
        if known:
            self.apply(known.values(), new=known.keys())
        touched = [t for t in touched if t not in known]
        if touched:
            if self._reloading:
                # The full read may have been made before these changes: read them after it.
                self._deferred.update(touched)
                self._deferred_new.update(new)
            else:
                self._read_ideas(touched, new)
        if self.mode is WallMode.RESULTS:
            self._refresh_results()

    def _read_ideas(self, touched: list[uuid.UUID], new: set[uuid.UUID]) -> None:
        assert self.db is not None
        self._serial += 1
        serial, generation = self._serial, self._generation
        for idea_id in touched:
            self._latest[idea_id] = serial
        ops.QueryOp(self, self.db, lambda s: ideas.ideas_by_id(s, touched)).success(
            lambda current: self._ideas_read(generation, serial, touched, new, current)
        ).failure(self.failed.emit).run()

    def _ideas_read(
        self,
        generation: int,
        serial: int,
        touched: list[uuid.UUID],
        new: set[uuid.UUID],
        current: list[IdeaInfo],
    ) -> None:
        if generation != self._generation:
            # A full read started since shows these ideas; the new ones still light up.
            self._deferred_new.update(new)
            return
        # Only what no newer read of the same idea has been asked for.
        mine = {i for i in touched if self._latest.get(i) == serial}
        for idea_id in mine:
            del self._latest[idea_id]
        self.apply(
            [i for i in current if i.id in mine],
            gone=mine - {i.id for i in current},
            new=new & mine,
        )
        self.loaded.emit()

    def apply(
        self,
        infos: Iterable[IdeaInfo],
        *,
        gone: Iterable[uuid.UUID] = (),
        new: Iterable[uuid.UUID] = (),
    ) -> None:
        """Put changed ideas in place; ``new`` ones are highlighted as they arrive."""
        stamp = time.monotonic()
        for idea_id in gone:
            self._drop(idea_id)
        fresh = set(new)
        arrived = []
        for info in infos:
            self._drop(info.id)
            if counting.is_counted(info.status):
                self._put(info)
                if info.id in fresh:
                    self._arrivals[info.id] = stamp
                    arrived.append(info.id)
        if self.spotlight_id is not None and self.spotlight_id not in self._ideas:
            self.spotlight_id = None
        self.changed.emit()
        if arrived:
            self.arrived.emit(arrived)

    def _put(self, info: IdeaInfo) -> None:
        self._ideas[info.id] = info
        self._by_key[str(info.id)] = info
        bisect.insort(
            self._order.setdefault(info.field_id, []), (-info.created_at.timestamp(), str(info.id))
        )

    def _drop(self, idea_id: uuid.UUID) -> None:
        old = self._ideas.pop(idea_id, None)
        if old is None:
            return
        del self._by_key[str(idea_id)]
        order = self._order.get(old.field_id, [])
        key = (-old.created_at.timestamp(), str(old.id))
        index = bisect.bisect_left(order, key)
        if index < len(order) and order[index] == key:
            del order[index]
        self._arrivals.pop(idea_id, None)

    # -- what views read -----------------------------------------------------------------

    def ideas_of(self, field_id: uuid.UUID) -> list[IdeaInfo]:
        """The field's active ideas, newest first."""
        return list(self.iter_ideas(field_id))

    def iter_ideas(self, field_id: uuid.UUID) -> Iterator[IdeaInfo]:
        """The field's active ideas, newest first, one at a time (painting stops when full)."""
        by_key = self._by_key
        return (by_key[key] for _, key in self._order.get(field_id, []))

    def count(self, field_id: uuid.UUID | None = None) -> int:
        """The ideas shown, counted as the minutes count them (core.services.counting)."""
        if field_id is None:
            return len(self._ideas)
        return len(self._order.get(field_id, []))

    def idea(self, idea_id: uuid.UUID | None) -> IdeaInfo | None:
        return None if idea_id is None else self._ideas.get(idea_id)

    def all_ideas(self) -> list[IdeaInfo]:
        """Every active idea, newest first."""
        return sorted(self._ideas.values(), key=lambda i: i.created_at, reverse=True)

    def field(self, field_id: uuid.UUID | None) -> FieldInfo | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def highlight(self, idea_id: uuid.UUID, at: float | None = None) -> float:
        """How strongly to highlight an idea now: 1 when it just arrived, fading to 0."""
        arrived = self._arrivals.get(idea_id)
        if arrived is None:
            return 0.0
        age = (time.monotonic() if at is None else at) - arrived
        if age >= HIGHLIGHT_SECONDS:
            del self._arrivals[idea_id]
            return 0.0
        return 1.0 - age / HIGHLIGHT_SECONDS

    def highlighting(self) -> bool:
        now = time.monotonic()
        return any(now - t < HIGHLIGHT_SECONDS for t in self._arrivals.values())

    # -- the moderator's choices ---------------------------------------------------------

    def set_mode(self, mode: WallMode) -> None:
        if mode is not self.mode:
            self.mode = mode
            if mode is WallMode.RESULTS:
                self._refresh_results()
            self.changed.emit()

    def set_field(self, field_id: uuid.UUID | None) -> None:
        if field_id != self.field_id:
            self.field_id = field_id
            self.changed.emit()

    def set_spotlight(self, idea_id: uuid.UUID | None) -> None:
        if idea_id != self.spotlight_id:
            self.spotlight_id = idea_id
            self.changed.emit()

    def set_scale(self, scale: float) -> None:
        scale = max(0.5, min(2.5, scale))
        if abs(scale - self.scale) > 1e-6:
            self.scale = scale
            self.changed.emit()

    def set_results_provider(self, provider: ResultsProvider | None) -> None:
        """Where turnout and results come from; without one the wall says there is no vote yet."""
        self._results_provider = provider
        self._refresh_results()
        self.changed.emit()

    def _refresh_results(self) -> None:
        """Ask the provider for the results in the background (one question at a time)."""
        provider = self._results_provider
        if provider is None or self.db is None:
            self.results = None
            return
        if self._results_busy:
            self._results_again = True
            return
        self._results_busy, self._results_again = True, False
        # On a reader thread like every read (the provider opens its own session).
        ops.QueryOp(self, self.db, lambda _s: provider()).success(self._results_read).failure(
            self._results_failed
        ).run()

    def _results_read(self, results: WallResults | None) -> None:
        self._results_busy = False
        if self._results_again:
            self._refresh_results()
            return
        self.results = results
        self.changed.emit()
        self.loaded.emit()

    def _results_failed(self, sentence: str) -> None:
        # The projector keeps running whatever the provider does.
        self._results_busy = False
        log.error("the results provider failed: %s", sentence)
        self.results = None
        self.changed.emit()
        if self._results_again:
            self._refresh_results()
