"""How ideas are counted: one rule for the wall, the minutes' chart, headings and Eckdaten.

Each active idea counts once.  A duplicate merged into another idea is not
counted again: it lives on in the idea it was merged into (its survivor), and
is reported there as "darin zusammengeführt".  Hidden ideas are not counted
among the contributions; they are reported separately.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

# What the minutes say about it (chapter "Methode"), in the words of the rule above.
RULE_TEXT = (
    "Gezählt wird jeder Beitrag, der im Ergebnis steht, genau einmal. Doppelte Beiträge, die "
    "mit einem anderen zusammengeführt wurden, zählen in diesem mit und werden dort als "
    "„zusammengeführt“ genannt; ausgeblendete Beiträge werden nicht mitgezählt, sondern "
    "gesondert ausgewiesen. Dieselbe Zählung gilt auf der Projektionswand, in der Grafik, in "
    "den Eckdaten und in den Kapiteln zu den Handlungsfeldern."
)

COUNTED = "active"
MERGED = "merged"
HIDDEN = "hidden"


def is_counted(status: str) -> bool:
    """Whether an idea of this status is one of the contributions counted and shown."""
    return status == COUNTED


@dataclass(frozen=True)
class IdeaCount:
    counted: int = 0  # active ideas: what every number in the wall and the minutes means
    merged: int = 0  # duplicates merged into the counted ideas (in their survivor's field)
    hidden: int = 0  # hidden ideas, reported apart

    def __add__(self, other: IdeaCount) -> IdeaCount:
        return IdeaCount(
            self.counted + other.counted, self.merged + other.merged, self.hidden + other.hidden
        )


@dataclass(frozen=True)
class Countable:
    id: uuid.UUID
    field_id: uuid.UUID
    status: str
    merged_into: uuid.UUID | None = None


def count_ideas(ideas: Iterable[Countable]) -> dict[uuid.UUID, IdeaCount]:
    """The count per field of action, by the rule of this module."""
    rows = {i.id: i for i in ideas}
    counted: dict[uuid.UUID, int] = {}
    merged: dict[uuid.UUID, int] = {}
    hidden: dict[uuid.UUID, int] = {}
    for idea in rows.values():
        if is_counted(idea.status):
            counted[idea.field_id] = counted.get(idea.field_id, 0) + 1
        elif idea.status == MERGED:
            field = _survivor(idea, rows.get).field_id
            merged[field] = merged.get(field, 0) + 1
        elif idea.status == HIDDEN:
            hidden[idea.field_id] = hidden.get(idea.field_id, 0) + 1
    fields = counted.keys() | merged.keys() | hidden.keys()
    return {f: IdeaCount(counted.get(f, 0), merged.get(f, 0), hidden.get(f, 0)) for f in fields}


def total(counts: Mapping[uuid.UUID, IdeaCount]) -> IdeaCount:
    result = IdeaCount()
    for count in counts.values():
        result += count
    return result


def _survivor(idea: Countable, lookup: Callable[[uuid.UUID], Countable | None]) -> Countable:
    """The idea a merged one lives on in (following merges of merges; never loops)."""
    seen = {idea.id}
    current = idea
    while current.status == MERGED and current.merged_into is not None:
        target = lookup(current.merged_into)
        if target is None or target.id in seen:
            break
        seen.add(target.id)
        current = target
    return current
