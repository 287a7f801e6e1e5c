"""Dot-voting: rounds and their rules, ballots, paper tallies, results.

How overspending is made impossible
-----------------------------------
Each dot is one row.  Its ``slot`` (1..dots per participant), ``idea_slot``
(1..max per idea) and ``field_slot`` (1..the field's cap) are unique per voter
and round, and the bounds themselves are copies of the round's rules held in
place by composite foreign keys.  Whatever runs in parallel, the database
cannot hold a sixth dot of a five-dot voter: there is no sixth slot number.

A ballot is written whole
-------------------------
The station keeps the voter's choices in memory (``BallotDraft``) and writes
them in one transaction when the voter confirms (``cast_ballot``): the
voter's old dots are deleted and the new ones inserted with slots 1..n, so
the slots stay dense however often dots are removed and placed again.  A
station unplugged mid-ballot has written nothing; the voter scans again and
starts from their last confirmed ballot.  Nothing is half-counted.

A ballot carries a ``revision``.  A station confirms against the revision it
started from; when another station confirmed the same badge in between, the
second confirm is refused (``ConflictError``) instead of overwriting it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import secrets
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import String, delete, func, insert, select, type_coerce, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smartdialog.core.clock import now
from smartdialog.core.db import Database
from smartdialog.core.errors import QT_TRANSLATE_NOOP, ConflictError, DomainError, NotFoundError
from smartdialog.core.models import (
    Ballot,
    CheckIn,
    Dot,
    Event,
    FieldOfAction,
    Idea,
    PaperTally,
    Participant,
    RoundField,
    RoundIdea,
    ScanLog,
    VotingRound,
)
from smartdialog.core.services import audit
from smartdialog.core.text import clean_line

# A count on one poster above this is a typing mistake, not a result.
MAX_PAPER_DOTS: Final = 1000
MAX_DOTS_PER_PARTICIPANT: Final = 100
TIE_RULES: Final = ("shared", "runoff")


# -- plain values handed out ----------------------------------------------------------


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


# -- the draft a station keeps while the voter chooses ----------------------------------


class BallotDraft:
    """A voter's choices before they confirm, checked against the round's rules.

    The station asks it what a tap may do; ``cast_ballot`` checks the same
    rules again (``check_ballot``) and the database checks them a third time.
    """

    def __init__(
        self,
        rules: RoundRules,
        field_of: Mapping[uuid.UUID, uuid.UUID],
        dots: Mapping[uuid.UUID, int] | None = None,
    ) -> None:
        self.rules = rules
        self._field_of = dict(field_of)
        self._dots: Counter[uuid.UUID] = Counter()
        for idea_id, count in (dots or {}).items():
            if idea_id in self._field_of and count > 0:
                self._dots[idea_id] = count

    @property
    def dots(self) -> dict[uuid.UUID, int]:
        return {idea: n for idea, n in self._dots.items() if n > 0}

    def on(self, idea_id: uuid.UUID) -> int:
        return self._dots[idea_id]

    @property
    def used(self) -> int:
        return sum(self._dots.values())

    @property
    def left(self) -> int:
        return self.rules.dots_per_participant - self.used

    def used_in(self, field_id: uuid.UUID) -> int:
        return sum(n for idea, n in self._dots.items() if self._field_of[idea] == field_id)

    def left_in(self, field_id: uuid.UUID) -> int:
        return min(self.left, self.rules.cap_of(field_id) - self.used_in(field_id))

    def can_add(self, idea_id: uuid.UUID) -> bool:
        field_id = self._field_of.get(idea_id)
        if field_id is None:
            return False
        return (
            self.left > 0
            and self._dots[idea_id] < self.rules.max_dots_per_idea
            and self.used_in(field_id) < self.rules.cap_of(field_id)
        )

    def add(self, idea_id: uuid.UUID) -> bool:
        if not self.can_add(idea_id):
            return False
        self._dots[idea_id] += 1
        return True

    def remove(self, idea_id: uuid.UUID) -> bool:
        if self._dots[idea_id] <= 0:
            return False
        self._dots[idea_id] -= 1
        return True

    def clear(self) -> None:
        self._dots.clear()


def check_ballot(
    rules: RoundRules, field_of: Mapping[uuid.UUID, uuid.UUID], dots: Mapping[uuid.UUID, int]
) -> dict[uuid.UUID, int]:
    """The ballot without zero entries, or DomainError when it breaks a rule."""
    cleaned: dict[uuid.UUID, int] = {}
    for idea_id, count in dots.items():
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "A dot count must be a whole number of 0 or more.")
            )
        if count == 0:
            continue
        if idea_id not in field_of:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "This idea is not part of the voting round. Scan your badge again."
                )
            )
        if count > rules.max_dots_per_idea:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "At most {max} dots per idea are allowed in this round."
                ),
                max=rules.max_dots_per_idea,
            )
        cleaned[idea_id] = count
    total = sum(cleaned.values())
    if total == 0:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Place at least one dot, or press Cancel."))
    if total > rules.dots_per_participant:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "You have {max} dots in this round, not {count}."),
            max=rules.dots_per_participant,
            count=total,
        )
    per_field: Counter[uuid.UUID] = Counter()
    for idea_id, count in cleaned.items():
        per_field[field_of[idea_id]] += count
    for rule in rules.fields:
        if rule.budget is not None and per_field[rule.field_id] > rule.budget:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "At most {max} dots may go to “{field}”."),
                max=rule.budget,
                field=rule.name,
            )
    return cleaned


# -- rounds -----------------------------------------------------------------------------


def _event(s: Session) -> Event:
    event = s.scalars(select(Event).order_by(Event.created_at).limit(1)).first()
    if event is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This file holds no event yet."))
    return event


def _round(
    s: Session, round_id: uuid.UUID, *, lock: bool = False, shared: bool = False
) -> VotingRound:
    query = select(VotingRound).where(VotingRound.id == round_id)
    if lock:
        query = query.with_for_update(read=shared)
    row = s.scalars(query).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This voting round no longer exists. It may have been removed on another laptop.",
            )
        )
    return row


def _field_rules(s: Session, round_id: uuid.UUID) -> tuple[FieldRule, ...]:
    rows = s.execute(
        select(
            FieldOfAction.id,
            FieldOfAction.name,
            FieldOfAction.colour,
            FieldOfAction.position,
            RoundField.budget,
        )
        .join(RoundField, RoundField.field_id == FieldOfAction.id)
        .where(RoundField.round_id == round_id)
        .order_by(FieldOfAction.position, FieldOfAction.name)
    )
    return tuple(FieldRule(r.id, r.name, r.colour, r.position, r.budget) for r in rows)


def _rules(s: Session, r: VotingRound) -> RoundRules:
    return RoundRules(
        dots_per_participant=r.dots_per_participant,
        max_dots_per_idea=r.max_dots_per_idea,
        hide_tally=r.hide_tally,
        allow_change=r.allow_change,
        require_checkin=r.require_checkin,
        tie_rule=r.tie_rule,
        fields=_field_rules(s, r.id),
    )


def _info(
    s: Session, r: VotingRound, *, ideas: int | None = None, ballots: int | None = None
) -> RoundInfo:
    if ideas is None:
        ideas = (
            s.scalar(select(func.count()).select_from(RoundIdea).where(RoundIdea.round_id == r.id))
            or 0
        )
    if ballots is None:
        ballots = (
            s.scalar(select(func.count()).select_from(Ballot).where(Ballot.round_id == r.id)) or 0
        )
    runoff_of_number = (
        s.scalar(select(VotingRound.number).where(VotingRound.id == r.runoff_of_id))
        if r.runoff_of_id
        else None
    )
    return RoundInfo(
        id=r.id,
        number=r.number,
        title=r.title,
        status=r.status,
        rules=_rules(s, r),
        opened_at=r.opened_at,
        closed_at=r.closed_at,
        runoff_of_id=r.runoff_of_id,
        runoff_of_number=runoff_of_number,
        idea_count=ideas,
        ballots_cast=ballots,
        tally_sha256=r.tally_sha256,
    )


def list_rounds(s: Session) -> list[RoundInfo]:
    """Every round of the event, by number."""
    ideas = {
        k: v
        for k, v in s.execute(select(RoundIdea.round_id, func.count()).group_by(RoundIdea.round_id))
    }
    ballots = {
        k: v for k, v in s.execute(select(Ballot.round_id, func.count()).group_by(Ballot.round_id))
    }
    rounds = s.scalars(select(VotingRound).order_by(VotingRound.number))
    return [_info(s, r, ideas=ideas.get(r.id, 0), ballots=ballots.get(r.id, 0)) for r in rounds]


def get_round(s: Session, round_id: uuid.UUID) -> RoundInfo:
    return _info(s, _round(s, round_id))


def round_by_number(s: Session, number: int) -> RoundInfo:
    r = s.scalars(select(VotingRound).where(VotingRound.number == number)).first()
    if r is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no voting round {number}."), number=number
        )
    return _info(s, r)


def current_round(s: Session) -> RoundInfo | None:
    """The open round, which voting stations take part in (at most one is open at a time)."""
    r = s.scalars(
        select(VotingRound).where(VotingRound.status == "open").order_by(VotingRound.number)
    ).first()
    return None if r is None else _info(s, r)


def latest_round(s: Session) -> RoundInfo | None:
    """The open round, else the last closed one: what the live wall shows."""
    current = current_round(s)
    if current is not None:
        return current
    r = s.scalars(
        select(VotingRound)
        .where(VotingRound.status == "closed")
        .order_by(VotingRound.number.desc())
        .limit(1)
    ).first()
    return None if r is None else _info(s, r)


def _check_rules(dots_per_participant: int, max_dots_per_idea: int, tie_rule: str) -> None:
    for value in (dots_per_participant, max_dots_per_idea):
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not 1 <= value <= MAX_DOTS_PER_PARTICIPANT
        ):
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "Dots must be a whole number from 1 to {max}."),
                max=MAX_DOTS_PER_PARTICIPANT,
            )
    if max_dots_per_idea > dots_per_participant:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The maximum per idea ({max}) cannot be more than the dots per participant ({dots}).",
            ),
            max=max_dots_per_idea,
            dots=dots_per_participant,
        )
    if tie_rule not in TIE_RULES:
        raise ValueError(f"unknown tie rule {tie_rule!r}")


def _set_fields(
    s: Session,
    r: VotingRound,
    field_ids: Iterable[uuid.UUID] | None,
    budgets: Mapping[uuid.UUID, int | None] | None,
) -> None:
    event_fields = {
        f.id: f
        for f in s.scalars(select(FieldOfAction).where(FieldOfAction.event_id == r.event_id))
    }
    chosen = (
        [f.id for f in sorted(event_fields.values(), key=lambda f: f.position) if not f.archived]
        if field_ids is None
        else list(dict.fromkeys(field_ids))
    )
    if not chosen:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "Choose at least one field of action for the round.")
        )
    budgets = dict(budgets or {})
    for field_id in (*chosen, *budgets):
        if field_id not in event_fields:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This field of action no longer exists. It may have been removed on another laptop.",
                )
            )
    for field_id, budget in budgets.items():
        if budget is not None and (
            not isinstance(budget, int)
            or isinstance(budget, bool)
            or not 1 <= budget <= r.dots_per_participant
        ):
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "The budget of “{field}” must be a whole number from 1 to {max}."
                ),
                field=event_fields[field_id].name,
                max=r.dots_per_participant,
            )
    s.execute(delete(RoundField).where(RoundField.round_id == r.id))
    for field_id in chosen:
        budget = budgets.get(field_id)
        s.add(
            RoundField(
                round_id=r.id,
                field_id=field_id,
                budget=budget,
                cap=budget or r.dots_per_participant,
            )
        )
    s.flush()


def create_round(
    s: Session,
    title: str = "",
    *,
    dots_per_participant: int | None = None,
    max_dots_per_idea: int | None = None,
    field_ids: Iterable[uuid.UUID] | None = None,
    budgets: Mapping[uuid.UUID, int | None] | None = None,
    hide_tally: bool = True,
    allow_change: bool = True,
    require_checkin: bool = True,
    tie_rule: str = "shared",
) -> RoundInfo:
    """A new draft round; the event's defaults fill in the dots not given."""
    event = _event(s)
    dots = (
        event.default_dots_per_participant if dots_per_participant is None else dots_per_participant
    )
    per_idea = event.default_max_dots_per_idea if max_dots_per_idea is None else max_dots_per_idea
    if max_dots_per_idea is None:
        per_idea = min(per_idea, dots)
    _check_rules(dots, per_idea, tie_rule)
    number = (s.scalar(select(func.max(VotingRound.number))) or 0) + 1
    r = VotingRound(
        event_id=event.id,
        number=number,
        title=clean_line(title, limit=200) or f"Abstimmung {number}",
        dots_per_participant=dots,
        max_dots_per_idea=per_idea,
        hide_tally=hide_tally,
        allow_change=allow_change,
        require_checkin=require_checkin,
        tie_rule=tie_rule,
        status="draft",
    )
    s.add(r)
    s.flush()
    _set_fields(s, r, field_ids, budgets)
    audit.record(s, "round.created", "round", r.id, f"{r.number}: {r.title}")
    return _info(s, r)


_UNSET: Any = object()


def update_round(
    s: Session,
    round_id: uuid.UUID,
    *,
    title: str | None = None,
    dots_per_participant: int | None = None,
    max_dots_per_idea: int | None = None,
    field_ids: Iterable[uuid.UUID] | None = None,
    budgets: Mapping[uuid.UUID, int | None] | None = _UNSET,
    hide_tally: bool | None = None,
    allow_change: bool | None = None,
    require_checkin: bool | None = None,
    tie_rule: str | None = None,
) -> RoundInfo:
    """Change a draft round's rules (an open or closed round keeps them)."""
    r = _round(s, round_id, lock=True)
    if r.status != "draft":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "The rules of a round cannot change once it has been opened."
            )
        )
    dots = r.dots_per_participant if dots_per_participant is None else dots_per_participant
    per_idea = r.max_dots_per_idea if max_dots_per_idea is None else max_dots_per_idea
    rule = r.tie_rule if tie_rule is None else tie_rule
    _check_rules(dots, per_idea, rule)
    if title is not None:
        r.title = clean_line(title, limit=200) or r.title
    r.dots_per_participant, r.max_dots_per_idea, r.tie_rule = dots, per_idea, rule
    for name, value in (
        ("hide_tally", hide_tally),
        ("allow_change", allow_change),
        ("require_checkin", require_checkin),
    ):
        if value is not None:
            setattr(r, name, bool(value))
    s.flush()
    if field_ids is not None or budgets is not _UNSET or dots_per_participant is not None:
        current = {
            rf.field_id: rf.budget
            for rf in s.scalars(select(RoundField).where(RoundField.round_id == r.id))
        }
        _set_fields(
            s,
            r,
            current if field_ids is None else field_ids,
            current if budgets is _UNSET else budgets,
        )
    audit.record(s, "round.updated", "round", r.id, f"{r.number}: {r.title}")
    return _info(s, r)


def delete_round(s: Session, round_id: uuid.UUID) -> None:
    """Remove a draft round (one that was opened is part of the record and stays)."""
    r = _round(s, round_id, lock=True)
    if r.status != "draft":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A round that has been opened is part of the record and cannot be removed.",
            )
        )
    if s.scalar(
        select(func.count()).select_from(VotingRound).where(VotingRound.runoff_of_id == r.id)
    ):
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "A runoff refers to this round; remove the runoff first.")
        )
    audit.record(s, "round.deleted", "round", r.id, f"{r.number}: {r.title}")
    s.delete(r)
    s.flush()


def start_round(s: Session, round_id: uuid.UUID) -> RoundInfo:
    """Open a draft round for voting.  Freezes its list of ideas (a runoff's was chosen already)."""
    r = _round(s, round_id, lock=True)
    if r.status != "draft":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This round has been opened already."))
    other = s.scalar(
        select(VotingRound.number).where(VotingRound.status == "open", VotingRound.id != r.id)
    )
    if other is not None:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "Round {number} is still open. Close it before opening another one."
            ),
            number=other,
        )
    if r.runoff_of_id is None:
        s.execute(delete(RoundIdea).where(RoundIdea.round_id == r.id))
        rows = s.execute(
            select(Idea.id, Idea.field_id, Idea.text)
            .join(
                RoundField, (RoundField.field_id == Idea.field_id) & (RoundField.round_id == r.id)
            )
            .join(FieldOfAction, FieldOfAction.id == Idea.field_id)
            .where(Idea.event_id == r.event_id, Idea.status == "active")
            .order_by(FieldOfAction.position, Idea.created_at, Idea.id)
        ).all()
        device = audit.session_device(s)
        if rows:
            s.execute(
                insert(RoundIdea),
                [
                    {
                        "id": uuid.uuid4(),
                        "device_id": device.id,
                        "created_at": now(),
                        "round_id": r.id,
                        "idea_id": row.id,
                        "field_id": row.field_id,
                        "text": row.text,
                        "position": position,
                    }
                    for position, row in enumerate(rows)
                ],
            )
    count = (
        s.scalar(select(func.count()).select_from(RoundIdea).where(RoundIdea.round_id == r.id)) or 0
    )
    if count == 0:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The round's fields of action hold no ideas yet; there is nothing to vote on.",
            )
        )
    r.status, r.opened_at = "open", now()
    s.flush()
    audit.record(s, "round.opened", "round", r.id, f"{r.number}: {count} ideas")
    return _info(s, r)


def close_round(s: Session, round_id: uuid.UUID) -> RoundInfo:
    """Close an open round: no more dots; its tally is stored with its SHA-256."""
    r = _round(s, round_id, lock=True)
    if r.status != "open":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "Only an open round can be closed.")
            if r.status == "draft"
            else QT_TRANSLATE_NOOP("errors", "This round has been closed already.")
        )
    r.status, r.closed_at = "closed", now()
    r.eligible_at_close = _eligible(s, r.event_id)
    s.flush()
    r.tally_json = tally_json(s, r.id)
    r.tally_sha256 = hashlib.sha256(r.tally_json.encode("utf-8")).hexdigest()
    s.flush()
    audit.record(s, "round.closed", "round", r.id, f"{r.number}: SHA-256 {r.tally_sha256}")
    return _info(s, r)


def create_runoff(
    s: Session, round_id: uuid.UUID, idea_ids: Iterable[uuid.UUID] | None = None, *, title: str = ""
) -> RoundInfo:
    """A new draft round among tied ideas of a closed round (the best tied group by default).

    It keeps the rules of the round it decides, except that each voter has one dot.
    """
    source = _round(s, round_id)
    if source.status != "closed":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "A runoff can only follow a closed round."))
    if idea_ids is None:
        groups = round_results(s, source.id).tied_groups
        if not groups:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "No ideas share a rank in this round; no runoff is needed."
                )
            )
        chosen = [i.idea_id for i in groups[0]]
    else:
        chosen = list(dict.fromkeys(idea_ids))
    if len(chosen) < 2:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "A runoff needs at least two ideas."))
    frozen = {
        row.idea_id: row
        for row in s.execute(
            select(RoundIdea.idea_id, RoundIdea.field_id, RoundIdea.text).where(
                RoundIdea.round_id == source.id
            )
        )
    }
    # A merge target outside the frozen list may be among the tied ideas: take its current form.
    missing = [i for i in chosen if i not in frozen]
    current = {
        row.id: row
        for row in s.execute(select(Idea.id, Idea.field_id, Idea.text).where(Idea.id.in_(missing)))
    }
    if set(missing) - set(current):
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "One of the ideas no longer exists."))
    picks = [
        (i, frozen[i].field_id, frozen[i].text)
        if i in frozen
        else (i, current[i].field_id, current[i].text)
        for i in chosen
    ]
    number = (s.scalar(select(func.max(VotingRound.number))) or 0) + 1
    runoff = VotingRound(
        event_id=source.event_id,
        number=number,
        title=clean_line(title, limit=200) or f"Stichwahl zu Abstimmung {source.number}",
        dots_per_participant=1,
        max_dots_per_idea=1,
        hide_tally=source.hide_tally,
        allow_change=source.allow_change,
        require_checkin=source.require_checkin,
        tie_rule="shared",
        runoff_of_id=source.id,
        status="draft",
    )
    s.add(runoff)
    s.flush()
    _set_fields(s, runoff, list(dict.fromkeys(f for _, f, _ in picks)), None)
    for position, (idea_id, field_id, text) in enumerate(picks):
        s.add(
            RoundIdea(
                round_id=runoff.id, idea_id=idea_id, field_id=field_id, text=text, position=position
            )
        )
    s.flush()
    audit.record(
        s, "round.created", "round", runoff.id, f"{runoff.number}: runoff of {source.number}"
    )
    return _info(s, runoff)


# -- the station: scan, sheet, cast -----------------------------------------------------


def ballot_sheet(s: Session, round_id: uuid.UUID) -> BallotSheet:
    r = _round(s, round_id)
    info = _info(s, r)
    by_field: dict[uuid.UUID, list[SheetIdea]] = defaultdict(list)
    for row in s.execute(
        select(RoundIdea.idea_id, RoundIdea.field_id, RoundIdea.text)
        .where(RoundIdea.round_id == r.id)
        .order_by(RoundIdea.position)
    ):
        by_field[row.field_id].append(SheetIdea(row.idea_id, row.text))
    fields = tuple(
        SheetField(
            rule.field_id,
            rule.name,
            rule.colour,
            info.rules.cap_of(rule.field_id),
            rule.budget,
            tuple(by_field[rule.field_id]),
        )
        for rule in info.rules.fields
        if by_field[rule.field_id]
    )
    return BallotSheet(info, fields)


def _log_scan(
    s: Session, station: str, raw: str, verdict: str, reason: str, participant_id: uuid.UUID | None
) -> None:
    s.add(
        ScanLog(
            desk=station[:80],
            raw=raw[:200],
            verdict=verdict,
            reason=reason[:200],
            participant_id=participant_id,
        )
    )


def _may_vote(s: Session, r: VotingRound, participant_id: uuid.UUID) -> tuple[int, str]:
    """Ticket number and first name of a participant allowed to vote in ``r``, or DomainError."""
    p = s.execute(
        select(Participant.ticket_number, Participant.first_name, Participant.anonymised_at).where(
            Participant.id == participant_id, Participant.event_id == r.event_id
        )
    ).first()
    if p is None or p.anonymised_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "This badge belongs to nobody registered for this event.")
        )
    if r.require_checkin and not _checked_in(s, participant_id):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Badge {number} has not been checked in at the registration desk. Please check in there first, then come back to vote.",
            ),
            number=p.ticket_number,
        )
    return p.ticket_number, p.first_name


def voter_for(s: Session, round_id: uuid.UUID, participant_id: uuid.UUID) -> Voter:
    """A participant may vote in the round: their last confirmed ballot, or DomainError why not."""
    r = _round(s, round_id)
    _check_open(r)
    ticket_number, first_name = _may_vote(s, r, participant_id)
    ballot = s.execute(
        select(Ballot.id, Ballot.revision).where(
            Ballot.round_id == r.id, Ballot.participant_id == participant_id
        )
    ).first()
    dots: dict[uuid.UUID, int] = {}
    if ballot is not None:
        dots = {
            k: v
            for k, v in s.execute(
                select(Dot.idea_id, func.count())
                .where(Dot.round_id == r.id, Dot.participant_id == participant_id)
                .group_by(Dot.idea_id)
            )
        }
    return Voter(
        participant_id=participant_id,
        ticket_number=ticket_number,
        first_name=first_name,
        round_id=r.id,
        dots=dots,
        revision=0 if ballot is None else ballot.revision,
        may_change=ballot is None or r.allow_change,
    )


def scan_badge(s: Session, round_id: uuid.UUID, raw: str, *, station: str = "") -> BadgeScan:
    """A badge scanned at a voting station.  Every scan is logged with its verdict.

    A refusal is returned, not raised, so that the caller's unit of work
    commits the log entry of a failed scan as well.
    """
    from smartdialog.core.services import tickets

    raw_logged = "".join(c for c in raw if c.isprintable())
    try:
        holder = tickets.resolve_ticket(s, raw)
    except tickets.TicketRejected as problem:
        _log_scan(s, station, raw_logged, "rejected", f"voting: {problem.reason}", None)
        return BadgeScan(None, problem, problem.reason)
    try:
        voter = voter_for(s, round_id, holder.participant_id)
    except DomainError as problem:
        _log_scan(
            s, station, raw_logged, "refused", f"voting: {problem.english()}", holder.participant_id
        )
        return BadgeScan(None, problem, "refused")
    _log_scan(s, station, raw_logged, "voting", "", holder.participant_id)
    return BadgeScan(voter, None, "")


def _check_open(r: VotingRound) -> None:
    if r.status == "draft":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Voting in this round has not started yet."))
    if r.status == "closed":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "Voting in this round has ended. Thank you for coming by!")
        )


def _checked_in(s: Session, participant_id: uuid.UUID) -> bool:
    return (
        s.scalar(
            select(CheckIn.id)
            .where(CheckIn.participant_id == participant_id, CheckIn.annulled_at.is_(None))
            .limit(1)
        )
        is not None
    )


def cast_ballot(
    s: Session,
    round_id: uuid.UUID,
    participant_id: uuid.UUID,
    dots: Mapping[uuid.UUID, int],
    *,
    expected_revision: int,
    station: str = "",
) -> CastBallot:
    """Write a voter's whole ballot in this transaction, replacing their earlier one.

    ``expected_revision`` is the ``Voter.revision`` the station started from;
    if another station confirmed the same badge since, ConflictError.
    """
    # A shared lock on the round: ballots go in side by side, but not past a closing round.
    r = _round(s, round_id, lock=True, shared=True)
    _check_open(r)
    rules = _rules(s, r)
    # Only the ideas of this ballot: a round may hold hundreds.
    frozen = {
        k: v
        for k, v in s.execute(
            select(RoundIdea.idea_id, RoundIdea.field_id).where(
                RoundIdea.round_id == r.id, RoundIdea.idea_id.in_([i for i, n in dots.items() if n])
            )
        )
    }
    cleaned = check_ballot(rules, frozen, dots)
    ticket_number, _first_name = _may_vote(s, r, participant_id)
    ballot = s.scalars(
        select(Ballot)
        .where(Ballot.round_id == r.id, Ballot.participant_id == participant_id)
        .with_for_update()
    ).first()
    changed = ballot is not None
    if ballot is None:
        if expected_revision != 0:
            raise _changed_elsewhere()
        ballot = Ballot(
            round_id=r.id, participant_id=participant_id, submitted_at=now(), station=station[:80]
        )
        s.add(ballot)
        try:
            s.flush()
        except IntegrityError as exc:  # another station inserted it a moment ago
            raise _changed_elsewhere() from exc
    else:
        if not r.allow_change:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Ticket {number} has voted already; in this round a ballot cannot be changed.",
                ),
                number=ticket_number,
            )
        if ballot.revision != expected_revision:
            raise _changed_elsewhere()
        bumped = s.execute(
            update(Ballot)
            .where(Ballot.id == ballot.id, Ballot.revision == expected_revision)
            .values(revision=expected_revision + 1, submitted_at=now(), station=station[:80])
            .execution_options(synchronize_session=False)
        )
        if bumped.rowcount != 1:  # type: ignore[attr-defined]
            raise _changed_elsewhere()
        s.execute(delete(Dot).where(Dot.round_id == r.id, Dot.participant_id == participant_id))
    device = audit.session_device(s)
    rows: list[dict[str, Any]] = []
    per_field: Counter[uuid.UUID] = Counter()
    stamp = now()
    for idea_id, count in sorted(cleaned.items()):
        field_id = frozen[idea_id]
        for idea_slot in range(1, count + 1):
            per_field[field_id] += 1
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "device_id": device.id,
                    "created_at": stamp,
                    "round_id": r.id,
                    "participant_id": participant_id,
                    "idea_id": idea_id,
                    "slot": len(rows) + 1,
                    "budget": r.dots_per_participant,
                    "idea_slot": idea_slot,
                    "idea_cap": r.max_dots_per_idea,
                    "field_id": field_id,
                    "field_slot": per_field[field_id],
                    "field_cap": rules.cap_of(field_id),
                }
            )
    try:
        s.execute(insert(Dot), rows)
    except IntegrityError as exc:
        raise _changed_elsewhere() from exc
    revision = expected_revision + 1 if changed else 1
    audit.record(
        s,
        "ballot.changed" if changed else "ballot.cast",
        "round",
        r.id,
        f"{r.number}: {len(rows)} dots",
    )
    return CastBallot(ballot.id, revision, len(rows), changed)


def _changed_elsewhere() -> ConflictError:
    return ConflictError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This badge was used at another voting station at the same time. Nothing was saved here; please scan your badge again.",
        )
    )


# -- paper tallies ----------------------------------------------------------------------


def paper_tallies(s: Session, round_id: uuid.UUID) -> dict[uuid.UUID, PaperTallyInfo]:
    return {
        t.idea_id: PaperTallyInfo(t.idea_id, t.dots, t.note, t.updated_at)
        for t in s.scalars(select(PaperTally).where(PaperTally.round_id == round_id))
    }


def set_paper_tally(
    s: Session, round_id: uuid.UUID, idea_id: uuid.UUID, dots: int, *, note: str = ""
) -> None:
    """The dots counted on a paper poster for one idea (0 removes the entry)."""
    r = _round(s, round_id, lock=True, shared=True)
    if r.status == "closed":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The round is closed; its tally can no longer change.")
        )
    if isinstance(dots, bool) or not isinstance(dots, int) or dots < 0:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "Enter the counted dots as a whole number of 0 or more.")
        )
    if dots > MAX_PAPER_DOTS:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{count} dots on one idea cannot be right (at most {max}). Count the poster again.",
            ),
            count=dots,
            max=MAX_PAPER_DOTS,
        )
    text = s.scalar(
        select(RoundIdea.text).where(RoundIdea.round_id == r.id, RoundIdea.idea_id == idea_id)
    )
    if text is None:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This idea is not part of the voting round."))
    row = s.scalars(
        select(PaperTally).where(PaperTally.round_id == r.id, PaperTally.idea_id == idea_id)
    ).first()
    before = row.dots if row else 0
    if dots == 0:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(
            PaperTally(round_id=r.id, idea_id=idea_id, dots=dots, note=clean_line(note, limit=500))
        )
    else:
        row.dots, row.note, row.updated_at = dots, clean_line(note, limit=500), now()
    s.flush()
    audit.record(
        s, "paper_tally.set", "round", r.id, f"{r.number}: {text[:60]}: {before} -> {dots}"
    )


# -- results ----------------------------------------------------------------------------


def _eligible_for(s: Session, r: VotingRound) -> int:
    """Checked in now; for a closed round, as many as were when it closed."""
    if r.status == "closed" and r.eligible_at_close is not None:
        return r.eligible_at_close
    return _eligible(s, r.event_id)


def _eligible(s: Session, event_id: uuid.UUID) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(CheckIn)
            .join(Participant, Participant.id == CheckIn.participant_id)
            .where(CheckIn.annulled_at.is_(None), Participant.event_id == event_id)
        )
        or 0
    )


def turnout(s: Session, round_id: uuid.UUID) -> Turnout:
    """Cheap figures for the wall while a round is open."""
    r = _round(s, round_id)
    ballots = s.scalar(select(func.count()).select_from(Ballot).where(Ballot.round_id == r.id)) or 0
    used = s.scalar(select(func.count()).select_from(Dot).where(Dot.round_id == r.id)) or 0
    paper = (
        s.scalar(
            select(func.coalesce(func.sum(PaperTally.dots), 0)).where(PaperTally.round_id == r.id)
        )
        or 0
    )
    eligible = _eligible_for(s, r)
    return Turnout(ballots, eligible, used, eligible * r.dots_per_participant, paper)


def _ranked(items: list[tuple[int, str, uuid.UUID, dict[str, Any]]]) -> tuple[IdeaResult, ...]:
    """Competition ranking (1, 1, 3): a tie shares the better rank."""
    items.sort(key=lambda item: (-item[0], item[1].casefold(), item[2]))
    totals = Counter(item[0] for item in items)
    out: list[IdeaResult] = []
    rank = 0
    previous: int | None = None
    for index, (total, _text, _id, data) in enumerate(items):
        if total != previous:
            rank, previous = index + 1, total
        out.append(IdeaResult(**data, rank=rank, tied=total > 0 and totals[total] > 1))
    return tuple(out)


def round_results(s: Session, round_id: uuid.UUID, *, verify: bool = True) -> RoundResults:
    """Per idea device and paper dots, ranked per field and overall; turnout; the rules.

    Ideas merged into another one carry their dots to it (following chains of
    merges); the target is listed even if it was not on the round's list.
    With ``verify`` (the default) a closed round's stored tally hash is checked
    against the dots (``tally_intact``); a display refreshed often may skip it.
    """
    r = _round(s, round_id)
    info = _info(s, r)
    frozen = s.execute(
        select(RoundIdea.idea_id, RoundIdea.field_id, RoundIdea.text).where(
            RoundIdea.round_id == r.id
        )
    ).all()
    device: dict[uuid.UUID, int] = {}
    distinct_voters: dict[uuid.UUID, int] = {}
    for idea_id, count, people in s.execute(
        select(Dot.idea_id, func.count(), func.count(func.distinct(Dot.participant_id)))
        .where(Dot.round_id == r.id)
        .group_by(Dot.idea_id)
    ):
        device[idea_id], distinct_voters[idea_id] = count, people
    paper = {
        k: v
        for k, v in s.execute(
            select(PaperTally.idea_id, PaperTally.dots).where(PaperTally.round_id == r.id)
        )
    }
    # Only merged ideas lead elsewhere; only hidden ones are flagged: both are few.
    merged_into = {
        k: v
        for k, v in s.execute(
            select(Idea.id, Idea.merged_into_id).where(
                Idea.event_id == r.event_id, Idea.merged_into_id.is_not(None)
            )
        )
    }
    hidden = set(
        s.scalars(select(Idea.id).where(Idea.event_id == r.event_id, Idea.status == "hidden"))
    )
    frozen_by_id = {row.idea_id: row for row in frozen}

    def root(idea_id: uuid.UUID) -> uuid.UUID:
        seen = {idea_id}
        current = idea_id
        while (target := merged_into.get(current)) is not None:
            if target in seen:  # a cycle would be a bug elsewhere; stop rather than loop
                break
            current = target
            seen.add(current)
        return current

    members: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for row in frozen:
        members[root(row.idea_id)].append(row.idea_id)
    outside = {t: t for t in members if t not in frozen_by_id}
    texts = (
        {k: v for k, v in s.execute(select(Idea.id, Idea.text).where(Idea.id.in_(list(outside))))}
        if outside
        else {}
    )
    # A voter with dots on an idea and on its duplicate counts once: ask for the pairs of merged groups only.
    voters = {target: distinct_voters.get(target, 0) for target in members}
    grouped = [i for ids in members.values() if len(ids) > 1 for i in ids]
    if grouped:
        people_of: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for idea_id, participant_id in s.execute(
            select(Dot.idea_id, Dot.participant_id)
            .where(Dot.round_id == r.id, Dot.idea_id.in_(grouped))
            .distinct()
        ):
            people_of[idea_id].add(participant_id)
        for target, ids in members.items():
            if len(ids) > 1:
                voters[target] = len(set().union(*(people_of[i] for i in ids)))

    rules = info.rules
    field_names = {f.field_id: f for f in rules.fields}
    per_field: dict[uuid.UUID, list[tuple[int, str, uuid.UUID, dict[str, Any]]]] = defaultdict(list)
    overall: list[tuple[int, str, uuid.UUID, dict[str, Any]]] = []
    for target, sources in members.items():
        anchor = frozen_by_id.get(target) or frozen_by_id[sources[0]]
        text = frozen_by_id[target].text if target in frozen_by_id else texts.get(target, "")
        merged = tuple(
            MergedIdea(i, frozen_by_id[i].text, device.get(i, 0), paper.get(i, 0))
            for i in sorted(sources, key=lambda i: frozen_by_id[i].text.casefold())
            if i != target
        )
        dev = sum(device.get(i, 0) for i in sources)
        pap = sum(paper.get(i, 0) for i in sources)
        field_rule = field_names.get(anchor.field_id)
        data = {
            "idea_id": target,
            "text": text,
            "field_id": anchor.field_id,
            "field_name": field_rule.name if field_rule else "",
            "device_dots": dev,
            "paper_dots": pap,
            "total": dev + pap,
            "voters": voters[target],
            "merged_from": merged,
            "hidden": target in hidden,
        }
        per_field[anchor.field_id].append((dev + pap, text, target, data))
        overall.append((dev + pap, text, target, data))

    fields = []
    for rule in rules.fields:
        ranked = _ranked(per_field.get(rule.field_id, []))
        fields.append(
            FieldResult(
                rule.field_id,
                rule.name,
                rule.colour,
                rule.budget,
                ranked,
                sum(i.device_dots for i in ranked),
                sum(i.paper_dots for i in ranked),
            )
        )
    ballots = info.ballots_cast
    eligible = _eligible_for(s, r)
    used = sum(device.values())
    tally = Turnout(ballots, eligible, used, eligible * r.dots_per_participant, sum(paper.values()))
    intact: bool | None = None
    if verify and r.status == "closed" and r.tally_sha256:
        digest = hashlib.sha256(tally_json(s, r.id).encode("utf-8")).hexdigest()
        intact = hmac.compare_digest(digest, r.tally_sha256)
    return RoundResults(
        round=info,
        fields=tuple(fields),
        overall=_ranked(overall),
        turnout=tally,
        tally_sha256=r.tally_sha256 if r.status == "closed" else "",
        tally_intact=intact,
    )


def _hex(column: Any) -> Any:
    """A UUID column read as its stored text, skipping the costly conversion to uuid.UUID."""
    return type_coerce(column, String)


def _key(value: object) -> str:
    """An id as 32 hex digits, whichever backend returned it (SQLite text, PostgreSQL uuid)."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def tally_json(s: Session, round_id: uuid.UUID) -> str:
    """The round's voting record as canonical JSON; its SHA-256 is what closing stores.

    Per idea (as frozen, before any merge) the device and paper dots, and per
    ballot (by its random id, no personal data) the dots it gave each idea;
    ids as 32 hex digits.  The same data gives the same bytes on every backend.
    """
    r = _round(s, round_id)
    # SQLite hands the stored hex text back as it is; PostgreSQL gives uuid objects.
    key: Callable[[Any], str] = _key if s.get_bind().dialect.name != "sqlite" else str
    ballot_of = {
        key(p): key(b)
        for p, b in s.execute(
            select(_hex(Ballot.participant_id), _hex(Ballot.id)).where(Ballot.round_id == r.id)
        )
    }
    ballots: dict[str, dict[str, int]] = defaultdict(dict)
    device: Counter[str] = Counter()
    # Grouped on the dots alone (no join): every dot sits under a ballot (foreign key).
    for participant_id, idea_id, count in s.execute(
        select(_hex(Dot.participant_id), _hex(Dot.idea_id), func.count())
        .where(Dot.round_id == r.id)
        .group_by(Dot.participant_id, Dot.idea_id)
    ):
        idea = key(idea_id)
        ballots[ballot_of[key(participant_id)]][idea] = count
        device[idea] += count
    paper = {
        _key(i): int(n)
        for i, n in s.execute(
            select(_hex(PaperTally.idea_id), PaperTally.dots).where(PaperTally.round_id == r.id)
        )
    }
    ideas = sorted(
        (
            {"idea": key, "text": text, "device": device.get(key, 0), "paper": paper.get(key, 0)}
            for key, text in (
                (_key(i), t)
                for i, t in s.execute(
                    select(_hex(RoundIdea.idea_id), RoundIdea.text).where(
                        RoundIdea.round_id == r.id
                    )
                )
            )
        ),
        key=lambda item: str(item["idea"]),
    )
    record = {
        "round": r.number,
        "title": r.title,
        "rules": {
            "dots_per_participant": r.dots_per_participant,
            "max_dots_per_idea": r.max_dots_per_idea,
            "field_budgets": {f.field_id.hex: f.budget for f in _field_rules(s, r.id)},
            "allow_change": r.allow_change,
            "require_checkin": r.require_checkin,
            "tie_rule": r.tie_rule,
        },
        "ideas": ideas,
        "ballots": ballots,
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def verify_tally(s: Session, round_id: uuid.UUID) -> bool:
    """True when a closed round's dots still give the SHA-256 stored at closing."""
    r = _round(s, round_id)
    if r.status != "closed":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Only a closed round has a tally to verify."))
    digest = hashlib.sha256(tally_json(s, r.id).encode("utf-8")).hexdigest()
    return hmac.compare_digest(digest, r.tally_sha256)


# -- the admin PIN of the locked voting station ------------------------------------------

_PIN_ITERATIONS: Final = 200_000


def _hash_pin(pin: str, salt: bytes, iterations: int = _PIN_ITERATIONS) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def set_admin_pin(s: Session, pin: str) -> None:
    """The PIN that unlocks a voting station (4 to 12 digits)."""
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise DomainError(QT_TRANSLATE_NOOP("errors", "The PIN must be 4 to 12 digits."))
    event = _event(s)
    event.admin_pin_hash = _hash_pin(pin, secrets.token_bytes(16))
    s.flush()
    audit.record(s, "event.admin_pin_set", "event", event.id)


def has_admin_pin(s: Session) -> bool:
    return bool(_event(s).admin_pin_hash)


def check_admin_pin(s: Session, pin: str) -> bool:
    stored = _event(s).admin_pin_hash
    try:
        scheme, iterations, salt, _digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    return hmac.compare_digest(_hash_pin(pin, bytes.fromhex(salt), int(iterations)), stored)


# -- the demo ---------------------------------------------------------------------------


def write_demo_round(db: Database, rng: random.Random) -> None:
    """A closed round with the ballots of most checked-in participants and some paper tallies."""
    with db.uow() as s:
        info = create_round(s, "Priorisierung der Ideen")
        info = start_round(s, info.id)
        sheet = ballot_sheet(s, info.id)
        present = list(
            s.scalars(
                select(CheckIn.participant_id)
                .where(CheckIn.annulled_at.is_(None))
                .order_by(CheckIn.at)
            )
        )
    field_of = sheet.field_of()
    # Voters favour some ideas, so that the demo's ranking looks like a real one.
    ideas = sorted(field_of)
    weights = [rng.random() ** 3 for _ in ideas]
    voters = [p for p in present if rng.random() < 0.85]
    for start in range(0, len(voters), 100):
        with db.uow() as s:
            for participant_id in voters[start : start + 100]:
                draft = BallotDraft(info.rules, field_of)
                for _ in range(40):
                    if draft.left == 0:
                        break
                    draft.add(rng.choices(ideas, weights)[0])
                if draft.used:
                    cast_ballot(
                        s,
                        info.id,
                        participant_id,
                        draft.dots,
                        expected_revision=0,
                        station=rng.choice(("Abstimmung 1", "Abstimmung 2")),
                    )
    with db.uow() as s:
        for idea_id in rng.sample(ideas, k=min(12, len(ideas))):
            set_paper_tally(s, info.id, idea_id, rng.randint(1, 9), note="Plakat")
        close_round(s, info.id)
