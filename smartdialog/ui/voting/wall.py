"""What the voting hands the live wall: turnout while a round is open, the ranking once closed.

The wall asks a ``ResultsProvider`` (smartdialog.ui.wall.results) for plain
``WallResults``.  ``results_provider(get_db)`` makes one that reads the open
round, else the last closed one.  While an open round hides its tally, only
the turnout leaves this module.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.services import audit, voting
from smartdialog.ui.wall.results import RankedIdea, ResultsProvider, WallResults

WALL_RANKING = 15


def wall_results(db: Database) -> WallResults | None:
    """The results for the wall, read in one session (call it off the GUI thread)."""
    with db.read() as s:
        return read_wall_results(s)


def read_wall_results(s: Session) -> WallResults | None:
    """The results for the wall within a session: for an ``ops.QueryOp`` of the wall."""
    info = voting.latest_round(s)
    if info is None:
        return None
    hidden = info.is_open and info.rules.hide_tally
    digest = ""
    if hidden:
        t = voting.turnout(s, info.id)
        ranking: tuple[RankedIdea, ...] = ()
    else:
        results = voting.round_results(s, info.id, verify=False)
        t = results.turnout
        digest = results.tally_sha256
        colours = {f.field_id: f.colour for f in info.rules.fields}
        # All ideas tied at the cut: four ideas sharing rank 15 are all on the wall.
        ranking = tuple(
            RankedIdea(
                i.rank,
                i.text,
                i.field_name,
                colours.get(i.field_id, "#607d8b"),
                i.total,
                i.tied,
            )
            for i in voting.top_with_ties(results.overall, WALL_RANKING)
            if i.total > 0
        )
    title = QCoreApplication.translate("VotingWall", "Round {number} – {title}").format(
        number=info.number, title=info.title
    )
    return WallResults(
        title=title,
        voters=t.ballots_cast,
        eligible=t.eligible,
        dots_used=t.dots_used,
        dots_available=t.dots_available,
        ranking=ranking,
        tally_hidden=hidden,
        closed=info.is_closed,
        tally_sha256=digest if info.is_closed else "",
    )


def results_provider(get_db: Callable[[], Database | None]) -> ResultsProvider:
    """A provider for ``WallWorkspace(results=…)`` that follows the open event.

    The wall asks after every change in the feed; the answer is computed again
    only when the audit log has moved on (one indexed query to know, in the same
    session).  It reads the database: the wall calls it off the GUI thread; it
    may be called from any thread.
    """
    cache: dict[str, object] = {}
    lock = threading.Lock()

    def provide() -> WallResults | None:
        db = get_db()
        if db is None:
            return None
        with lock, db.read() as s:
            key = (id(db), audit.latest_seq(s))
            if cache.get("key") != key:
                cache["key"], cache["value"] = key, read_wall_results(s)
            value = cache["value"]
        return value if isinstance(value, WallResults) else None

    return provide
