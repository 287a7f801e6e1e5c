"""The plain values the voting services hand out: rules, rounds, sheets, results."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Protocol, TypeVar

from smartdialog.core.errors import DomainError

# A count on one poster above this is a typing mistake, not a result.
MAX_PAPER_DOTS: Final = 1000
MAX_DOTS_PER_PARTICIPANT: Final = 100
TIE_RULES: Final = ("shared", "runoff")


class _Ranked(Protocol):
    @property
    def rank(self) -> int: ...


_R = TypeVar("_R", bound=_Ranked)


def top_with_ties(ranking: Sequence[_R], n: int) -> list[_R]:
    """The first ``n`` places of a ranking, and every idea tied with the last of them.

    Ranks are shared (1, 1, 3): an idea whose rank is within ``n`` is in, so
    four ideas tied at rank 15 of a top 15 are all in, never one of them.
    Every top-N view (wall, minutes, command line) cuts with this.
    """
    return [item for item in ranking if item.rank <= n]


@dataclass(frozen=True)
class FieldRule:
    """A field of action open in a round, with its optional dot budget."""

    field_id: uuid.UUID
    name: str
    colour: str
    position: int
    budget: int | None


@dataclass(frozen=True)
class RoundRules:
    """The rules of a round, as printed in the minutes."""

    dots_per_participant: int
    max_dots_per_idea: int
    hide_tally: bool
    allow_change: bool
    require_checkin: bool
    tie_rule: str
    fields: tuple[FieldRule, ...]

    def cap_of(self, field_id: uuid.UUID) -> int:
        """How many dots one voter may place in a field (its budget, else all of them)."""
        for rule in self.fields:
            if rule.field_id == field_id:
                return rule.budget or self.dots_per_participant
        return 0


@dataclass(frozen=True)
class RoundInfo:
    id: uuid.UUID
    number: int
    title: str
    status: str  # "draft", "open", "closed"
    rules: RoundRules
    opened_at: datetime | None
    closed_at: datetime | None
    runoff_of_id: uuid.UUID | None
    runoff_of_number: int | None
    idea_count: int
    ballots_cast: int
    tally_sha256: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"


@dataclass(frozen=True)
class MergedIdea:
    """An idea of the round that was merged into another one; its dots count for that one."""

    idea_id: uuid.UUID
    text: str
    device_dots: int
    paper_dots: int


@dataclass(frozen=True)
class IdeaResult:
    """One idea's place in a ranking (per field or overall: ``rank`` is within that list)."""

    idea_id: uuid.UUID
    text: str
    field_id: uuid.UUID
    field_name: str
    device_dots: int
    paper_dots: int
    total: int
    voters: int  # distinct participants with a device dot on it (merged ideas included)
    rank: int  # shared for ties: 1, 1, 3
    tied: bool  # another idea of the same list has the same total (and it is above 0)
    merged_from: tuple[MergedIdea, ...] = ()
    hidden: bool = False


@dataclass(frozen=True)
class FieldResult:
    field_id: uuid.UUID
    name: str
    colour: str
    budget: int | None
    ideas: tuple[IdeaResult, ...]
    device_dots: int
    paper_dots: int

    @property
    def total(self) -> int:
        return self.device_dots + self.paper_dots


@dataclass(frozen=True)
class Turnout:
    ballots_cast: int
    eligible: int  # participants checked in (when the round closed, for a closed round)
    dots_used: int  # device dots
    dots_available: int  # eligible × dots per participant
    paper_dots: int

    @property
    def ballot_share(self) -> float:
        return self.ballots_cast / self.eligible if self.eligible else 0.0

    @property
    def dot_share(self) -> float:
        return self.dots_used / self.dots_available if self.dots_available else 0.0


@dataclass(frozen=True)
class RoundResults:
    round: RoundInfo
    fields: tuple[FieldResult, ...]
    overall: tuple[IdeaResult, ...]
    turnout: Turnout
    tally_sha256: str  # "" while the round is not closed
    # For a closed round: does the stored tally still match the dots in the database?
    tally_intact: bool | None

    @property
    def tied_groups(self) -> tuple[tuple[IdeaResult, ...], ...]:
        """Ideas sharing a rank in the overall ranking, best rank first."""
        groups: dict[int, list[IdeaResult]] = defaultdict(list)
        for idea in self.overall:
            if idea.tied:
                groups[idea.rank].append(idea)
        return tuple(tuple(groups[rank]) for rank in sorted(groups))


@dataclass(frozen=True)
class PaperTallyInfo:
    idea_id: uuid.UUID
    dots: int
    note: str
    updated_at: datetime


@dataclass(frozen=True)
class SheetIdea:
    idea_id: uuid.UUID
    text: str


@dataclass(frozen=True)
class SheetField:
    field_id: uuid.UUID
    name: str
    colour: str
    cap: int
    budget: int | None
    ideas: tuple[SheetIdea, ...]


@dataclass(frozen=True)
class BallotSheet:
    """What a voting station shows: the round's frozen ideas, by field."""

    round: RoundInfo
    fields: tuple[SheetField, ...]

    def field_of(self) -> dict[uuid.UUID, uuid.UUID]:
        return {idea.idea_id: f.field_id for f in self.fields for idea in f.ideas}

    def shuffled_for(self, participant_id: uuid.UUID) -> BallotSheet:
        """The same sheet with each field's ideas in this voter's own order.

        Seeded by round and voter, so that scanning again shows the same order
        and no idea profits from always standing first.
        """
        rng = random.Random(f"{self.round.id}:{participant_id}")
        fields = []
        for f in self.fields:
            ideas = list(f.ideas)
            rng.shuffle(ideas)
            fields.append(SheetField(f.field_id, f.name, f.colour, f.cap, f.budget, tuple(ideas)))
        return BallotSheet(self.round, tuple(fields))


@dataclass(frozen=True)
class Voter:
    """A participant standing at a station after a scan, with their last confirmed ballot."""

    participant_id: uuid.UUID
    ticket_number: int
    first_name: str
    round_id: uuid.UUID
    dots: Mapping[uuid.UUID, int]  # idea -> dots, as last confirmed
    revision: int  # 0: no ballot yet
    may_change: bool  # False when the rules forbid changing a cast ballot


@dataclass(frozen=True)
class BadgeScan:
    """The outcome of a scan at a voting station: the voter, or the problem to show."""

    voter: Voter | None
    problem: DomainError | None
    reason: str  # "" when fine; else the ticket's rejection reason or "refused"


@dataclass(frozen=True)
class CastBallot:
    ballot_id: uuid.UUID
    revision: int
    dots: int
    changed: bool  # an earlier ballot was replaced
