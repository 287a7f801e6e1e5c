"""What the live wall shows in its results mode, fed by the voting package.

The wall does not know how votes are counted.  The main window makes the wall
with a ``ResultsProvider`` from smartdialog.ui.voting.wall: a callable that
returns the current ``WallResults`` (or None while there is no round yet).  The wall calls it when the moderator
switches to results and again after every change in the audit feed, so the
provider should be a quick read.  Plain data, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RankedIdea:
    rank: int  # shared ranks for ties: 1, 2, 2, 4
    text: str
    field_name: str
    colour: str  # "#rrggbb", the field's colour
    dots: int
    tied: bool = False  # shares its rank with another idea


@dataclass(frozen=True)
class WallResults:
    title: str  # the round, e.g. "Runde 1 – Priorisierung"
    voters: int  # participants who voted
    eligible: int  # participants who could (checked in)
    dots_used: int
    dots_available: int
    ranking: tuple[RankedIdea, ...] = ()
    # While a round with hidden tallies is open, only the turnout is shown.
    tally_hidden: bool = False
    closed: bool = False
    # A closed round's tally hash, shown in groups of four so the room can write it down.
    tally_sha256: str = ""


ResultsProvider = Callable[[], WallResults | None]
