"""What a round votes on: its shortlist, chosen by the moderator before the round opens.

People do not dot-vote over every raw note (DESIGN 5a).  A draft round's
shortlist is its list of frozen ideas (``RoundIdea``) written before it opens:

``clusters``  one card per cluster of each field, worded as the cluster's name
              and standing on the cluster's best supported idea (its dots go to
              that idea, and with it into the minutes' numbering);
``selected``  the ideas ticked in the Ideen list;
``top:N``     the N best supported active ideas of each field.

"Supported" is what the event already knows before any dot of this round:
each duplicate merged into an idea (another table said the same) counts 2,
each of its dots in the last closed round 1; ties go to the idea noted first.

A draft round without a shortlist still votes on every active idea, as it
always did.  When the round opens, the shortlist is checked once more: an
idea merged since it was chosen is replaced by the idea it was merged into,
one hidden since is dropped (``shortlist_changes`` tells the moderator
before), and a field left without any card keeps the round closed.
"""

from __future__ import annotations

import math
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.core.models import Dot, FieldOfAction, Idea, PaperTally, RoundIdea, VotingRound
from smartdialog.core.services import audit
from smartdialog.core.services.voting.records import round_row, round_rules
from smartdialog.core.services.voting.values import FieldRule, RoundRules

SHORTLIST_MODES: Final = ("all", "clusters", "selected", "top")
# A voter can overview about five cards per field (DESIGN 5a).
DEFAULT_TOP: Final = 5
MAX_TOP: Final = 50
# The station lays out each field as a heading tile and its cards, two to a
# row; at 1366×768 seven such rows fit on one screen.
CARD_COLUMNS: Final = 2
ROWS_PER_SCREEN: Final = 7


@dataclass(frozen=True)
class ShortlistCard:
    idea_id: uuid.UUID
    field_id: uuid.UUID
    text: str
    support: int


@dataclass(frozen=True)
class PreviewField:
    field_id: uuid.UUID
    name: str
    colour: str
    budget: int | None
    cards: tuple[ShortlistCard, ...]


@dataclass(frozen=True)
class ShortlistChange:
    """Something that happens to the shortlist when the round opens."""

    kind: str  # "merged": replaced by its survivor; "hidden": dropped; "edited": new wording
    idea_id: uuid.UUID
    text: str
    survivor_id: uuid.UUID | None = None
    survivor_text: str = ""


@dataclass(frozen=True)
class BallotPreview:
    """A round's ballot as a voter will see it, with what keeps it from opening."""

    shortlisted: bool  # False: every active idea of the round's fields
    fields: tuple[PreviewField, ...]
    changes: tuple[ShortlistChange, ...]
    problems: tuple[DomainError, ...]

    @property
    def cards(self) -> int:
        return sum(len(f.cards) for f in self.fields)

    @property
    def screens(self) -> int:
        return ballot_screens([len(f.cards) for f in self.fields])


def ballot_screens(cards_per_field: Sequence[int]) -> int:
    """About how many screens a ballot fills at 1366×768 (each field: a heading tile, its cards)."""
    rows = sum(math.ceil((n + 1) / CARD_COLUMNS) for n in cards_per_field if n)
    return max(1, math.ceil(rows / ROWS_PER_SCREEN)) if rows else 0


def parse_mode(text: str) -> tuple[str, int | None]:
    """``clusters``, ``selected``, ``all`` or ``top:N`` as (mode, N); DomainError otherwise."""
    mode, _, count = text.strip().lower().partition(":")
    if mode == "top":
        if not count:
            return "top", DEFAULT_TOP
        if count.isdigit() and 1 <= int(count) <= MAX_TOP:
            return "top", int(count)
    elif mode in SHORTLIST_MODES and not count:
        return mode, None
    raise DomainError(
        QT_TRANSLATE_NOOP(
            "errors",
            "“{text}” is no shortlist. Write clusters, selected, all, or top:N with N from 1 to {max}.",
        ),
        text=text,
        max=MAX_TOP,
    )


def _draft(s: Session, round_id: uuid.UUID) -> VotingRound:
    r = round_row(s, round_id, lock=True)
    if r.status != "draft":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "The ideas of a round cannot change once it has been opened."
            )
        )
    if r.runoff_of_id is not None:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "A runoff votes on the tied ideas; its list is fixed.")
        )
    return r


def support(s: Session, event_id: uuid.UUID) -> Counter[uuid.UUID]:
    """How much support each idea has before this round: duplicates merged in, earlier dots."""
    score: Counter[uuid.UUID] = Counter()
    merged: dict[uuid.UUID, uuid.UUID] = {
        row.id: row.merged_into_id
        for row in s.execute(
            select(Idea.id, Idea.merged_into_id).where(
                Idea.event_id == event_id, Idea.merged_into_id.is_not(None)
            )
        )
    }

    def root(idea_id: uuid.UUID) -> uuid.UUID:
        seen = {idea_id}
        while (target := merged.get(idea_id)) is not None and target not in seen:
            idea_id = target
            seen.add(idea_id)
        return idea_id

    for idea_id in merged:
        score[root(idea_id)] += 2
    last = s.scalar(
        select(VotingRound.id)
        .where(VotingRound.event_id == event_id, VotingRound.status == "closed")
        .order_by(VotingRound.number.desc())
        .limit(1)
    )
    if last is not None:
        for idea_id, count in s.execute(
            select(Dot.idea_id, func.count()).where(Dot.round_id == last).group_by(Dot.idea_id)
        ):
            score[root(idea_id)] += count
        for idea_id, dots in s.execute(
            select(PaperTally.idea_id, PaperTally.dots).where(PaperTally.round_id == last)
        ):
            score[root(idea_id)] += dots
    return score


def _active_ideas(s: Session, event_id: uuid.UUID, rules: RoundRules) -> list[Idea]:
    fields = [f.field_id for f in rules.fields]
    return list(
        s.scalars(
            select(Idea)
            .where(Idea.event_id == event_id, Idea.status == "active", Idea.field_id.in_(fields))
            .order_by(Idea.created_at, Idea.id)
        )
    )


def candidates(
    s: Session,
    round_id: uuid.UUID,
    mode: str,
    *,
    top: int | None = None,
    idea_ids: Iterable[uuid.UUID] = (),
) -> list[ShortlistCard]:
    """The cards a shortlist of this kind would hold, in ballot order (field, then support)."""
    r = round_row(s, round_id)
    return _candidates(s, r.event_id, round_rules(s, r), mode, top=top, idea_ids=idea_ids)


def _candidates(
    s: Session,
    event_id: uuid.UUID,
    rules: RoundRules,
    mode: str,
    *,
    top: int | None,
    idea_ids: Iterable[uuid.UUID],
) -> list[ShortlistCard]:
    ideas = _active_ideas(s, event_id, rules)
    score = support(s, event_id)
    position = {f.field_id: f.position for f in rules.fields}
    order = {idea.id: index for index, idea in enumerate(ideas)}

    def best_first(idea: Idea) -> tuple[int, int, int]:
        return (position[idea.field_id], -score[idea.id], order[idea.id])

    picks: list[ShortlistCard] = []
    if mode == "all":
        picks = [ShortlistCard(i.id, i.field_id, i.text, score[i.id]) for i in ideas]
    elif mode == "selected":
        wanted = set(idea_ids)
        known = {i.id for i in ideas}
        if wanted - known:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{count} of the ticked ideas cannot go on the ballot: they are hidden, merged, "
                    "or in a field of action that is not part of the round.",
                ),
                count=len(wanted - known),
            )
        picks = [
            ShortlistCard(i.id, i.field_id, i.text, score[i.id])
            for i in sorted(ideas, key=lambda i: (position[i.field_id], order[i.id]))
            if i.id in wanted
        ]
    elif mode == "top":
        n = DEFAULT_TOP if top is None else top
        if not 1 <= n <= MAX_TOP:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "The number of ideas per field must be from 1 to {max}."
                ),
                max=MAX_TOP,
            )
        taken: Counter[uuid.UUID] = Counter()
        for idea in sorted(ideas, key=best_first):
            if taken[idea.field_id] < n:
                taken[idea.field_id] += 1
                picks.append(ShortlistCard(idea.id, idea.field_id, idea.text, score[idea.id]))
    elif mode == "clusters":
        groups: dict[tuple[uuid.UUID, str], list[Idea]] = defaultdict(list)
        for idea in sorted(ideas, key=best_first):
            if idea.cluster.strip():
                groups[(idea.field_id, idea.cluster.strip().casefold())].append(idea)
        for members in sorted(groups.values(), key=lambda m: best_first(m[0])):
            anchor = members[0]
            total = sum(score[m.id] + 1 for m in members)
            picks.append(ShortlistCard(anchor.id, anchor.field_id, anchor.cluster.strip(), total))
    else:
        raise ValueError(f"unknown shortlist mode {mode!r}")
    return picks


def _write(s: Session, r: VotingRound, picks: Sequence[ShortlistCard]) -> None:
    s.execute(delete(RoundIdea).where(RoundIdea.round_id == r.id))
    if not picks:
        return
    device = audit.session_device(s)
    stamp = now()
    s.execute(
        insert(RoundIdea),
        [
            {
                "id": uuid.uuid4(),
                "device_id": device.id,
                "created_at": stamp,
                "round_id": r.id,
                "idea_id": card.idea_id,
                "field_id": card.field_id,
                "text": card.text,
                "position": index,
            }
            for index, card in enumerate(picks)
        ],
    )
    s.flush()


def _empty() -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The shortlist would be empty: there is nothing to vote on. Cluster or tick ideas "
            "first, or choose another kind of shortlist.",
        )
    )


def set_shortlist(
    s: Session,
    round_id: uuid.UUID,
    mode: str,
    *,
    top: int | None = None,
    idea_ids: Iterable[uuid.UUID] = (),
) -> BallotPreview:
    """Put a shortlist on a draft round (``all``: no shortlist, every active idea votes)."""
    r = _draft(s, round_id)
    picks = [] if mode == "all" else candidates(s, r.id, mode, top=top, idea_ids=idea_ids)
    if mode != "all" and not picks:
        raise _empty()
    _write(s, r, picks)
    label = mode if mode != "top" else f"top:{top or DEFAULT_TOP}"
    audit.record(
        s, Action.ROUND_SHORTLIST, "round", r.id, f"{r.number}: {label}, {len(picks)} ideas"
    )
    return preview(s, r.id)


def _current_rows(s: Session, r: VotingRound) -> list[ShortlistCard]:
    return [
        ShortlistCard(row.idea_id, row.field_id, row.text, 0)
        for row in s.execute(
            select(RoundIdea.idea_id, RoundIdea.field_id, RoundIdea.text)
            .where(RoundIdea.round_id == r.id)
            .order_by(RoundIdea.position)
        )
    ]


def add_to_shortlist(s: Session, round_id: uuid.UUID, idea_id: uuid.UUID) -> BallotPreview:
    """Put one more idea on a draft round's shortlist (at the end of its field)."""
    r = _draft(s, round_id)
    rules = round_rules(s, r)
    idea = s.get(Idea, idea_id)
    if idea is None or idea.event_id != r.event_id:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "One of the ideas no longer exists."))
    if idea.status != "active":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "A hidden or merged idea cannot go on the ballot: “{text}”."
            ),
            text=idea.text[:80],
        )
    if idea.field_id not in {f.field_id for f in rules.fields}:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "“{text}” belongs to a field of action that is not part of this round.",
            ),
            text=idea.text[:80],
        )
    rows = _current_rows(s, r)  # none yet: this idea starts a shortlist
    if any(c.idea_id == idea.id for c in rows):
        return preview(s, r.id)
    position = {f.field_id: f.position for f in rules.fields}
    rows.append(ShortlistCard(idea.id, idea.field_id, idea.text, 0))
    rows.sort(key=lambda c: position[c.field_id])  # stable: the new card ends its field
    _write(s, r, rows)
    audit.record(s, Action.ROUND_SHORTLIST, "round", r.id, f"{r.number}: + {idea.text[:60]}")
    return preview(s, r.id)


def remove_from_shortlist(s: Session, round_id: uuid.UUID, idea_id: uuid.UUID) -> BallotPreview:
    """Take one idea off a draft round's shortlist (the last one stays: remove the round instead)."""
    r = _draft(s, round_id)
    rows = _current_rows(s, r)
    kept = [c for c in rows if c.idea_id != idea_id]
    if len(kept) == len(rows):
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This idea is not on the round's shortlist."))
    if not kept:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This is the last idea on the shortlist; a round needs at least one. "
                "Choose another shortlist instead.",
            )
        )
    _write(s, r, kept)
    text = next(c.text for c in rows if c.idea_id == idea_id)
    audit.record(s, Action.ROUND_SHORTLIST, "round", r.id, f"{r.number}: - {text[:60]}")
    return preview(s, r.id)


def has_shortlist(s: Session, r: VotingRound) -> bool:
    return s.scalar(select(RoundIdea.id).where(RoundIdea.round_id == r.id).limit(1)) is not None


def shortlist_changes(s: Session, r: VotingRound) -> list[ShortlistChange]:
    """What opening the round would change on its shortlist: merged ideas, hidden ones."""
    rows = s.execute(
        select(RoundIdea.idea_id, RoundIdea.text, Idea.status, Idea.merged_into_id)
        .join(Idea, Idea.id == RoundIdea.idea_id)
        .where(RoundIdea.round_id == r.id)
        .order_by(RoundIdea.position)
    ).all()
    changes: list[ShortlistChange] = []
    for row in rows:
        if row.status == "hidden":
            changes.append(ShortlistChange("hidden", row.idea_id, row.text))
        elif row.status == "merged" and row.merged_into_id is not None:
            survivor = _survivor(s, row.merged_into_id)
            if survivor is None or survivor.status != "active":
                changes.append(ShortlistChange("hidden", row.idea_id, row.text))
            else:
                changes.append(
                    ShortlistChange("merged", row.idea_id, row.text, survivor.id, survivor.text)
                )
    return changes


def _survivor(s: Session, idea_id: uuid.UUID) -> Idea | None:
    seen: set[uuid.UUID] = set()
    idea = s.get(Idea, idea_id)
    while idea is not None and idea.merged_into_id is not None and idea.id not in seen:
        seen.add(idea.id)
        idea = s.get(Idea, idea.merged_into_id)
    return idea


def apply_changes(s: Session, r: VotingRound) -> list[ShortlistChange]:
    """On opening: the survivor of a merge takes the merged idea's place; a hidden one goes."""
    changes = shortlist_changes(s, r)
    if not changes:
        return changes
    rows = _current_rows(s, r)
    on_list = {c.idea_id for c in rows}
    by_id = {c.idea_id: c for c in changes}
    kept: list[ShortlistCard] = []
    for card in rows:
        change = by_id.get(card.idea_id)
        if change is None:
            kept.append(card)
        elif change.kind == "merged" and change.survivor_id not in on_list:
            assert change.survivor_id is not None
            survivor = s.get(Idea, change.survivor_id)
            assert survivor is not None
            on_list.add(survivor.id)
            kept.append(ShortlistCard(survivor.id, survivor.field_id, survivor.text, 0))
    _write(s, r, kept)
    return changes


def preview(s: Session, round_id: uuid.UUID) -> BallotPreview:
    """The round's ballot as it stands, its length, and what would keep it from opening."""
    r = round_row(s, round_id)
    rules = round_rules(s, r)
    rows = _current_rows(s, r)
    shortlisted = bool(rows) or r.runoff_of_id is not None or r.status != "draft"
    if not shortlisted:
        rows = [
            ShortlistCard(i.id, i.field_id, i.text, 0) for i in _active_ideas(s, r.event_id, rules)
        ]
    changes = tuple(shortlist_changes(s, r)) if r.status == "draft" and rows else ()
    dropped = {c.idea_id for c in changes if c.kind == "hidden"}
    by_field: dict[uuid.UUID, list[ShortlistCard]] = defaultdict(list)
    for card in rows:
        by_field[card.field_id].append(card)
    fields = tuple(
        PreviewField(f.field_id, f.name, f.colour, f.budget, tuple(by_field[f.field_id]))
        for f in rules.fields
    )
    problems = tuple(_problems(rules, fields, dropped, shortlisted=shortlisted))
    return BallotPreview(shortlisted, fields, changes, problems)


def draft_preview(
    s: Session,
    *,
    field_ids: Sequence[uuid.UUID],
    budgets: Mapping[uuid.UUID, int | None],
    max_dots_per_idea: int,
    mode: str,
    top: int | None = None,
    idea_ids: Iterable[uuid.UUID] = (),
) -> BallotPreview:
    """The ballot a round with these rules and this shortlist would have (nothing is written).

    For the round dialog's preview, before the round exists or is changed.
    """
    fields = {f.id: f for f in s.scalars(select(FieldOfAction))}
    rules = RoundRules(
        dots_per_participant=max_dots_per_idea,
        max_dots_per_idea=max_dots_per_idea,
        hide_tally=True,
        allow_change=True,
        require_checkin=True,
        tie_rule="shared",
        fields=tuple(
            sorted(
                (
                    FieldRule(f.id, f.name, f.colour, f.position, budgets.get(f.id) or None)
                    for fid in dict.fromkeys(field_ids)
                    if (f := fields.get(fid)) is not None
                ),
                key=lambda f: (f.position, f.name),
            )
        ),
    )
    event_id = next(iter(fields.values())).event_id if fields else None
    problems: list[DomainError] = []
    cards: list[ShortlistCard] = []
    if event_id is not None and rules.fields:
        try:
            cards = _candidates(s, event_id, rules, mode, top=top, idea_ids=idea_ids)
        except DomainError as problem:
            problems.append(problem)
    by_field: dict[uuid.UUID, list[ShortlistCard]] = defaultdict(list)
    for card in cards:
        by_field[card.field_id].append(card)
    preview_fields = tuple(
        PreviewField(f.field_id, f.name, f.colour, f.budget, tuple(by_field[f.field_id]))
        for f in rules.fields
    )
    shortlisted = mode != "all"
    if not problems:
        problems = _problems(rules, preview_fields, set(), shortlisted=shortlisted)
    return BallotPreview(shortlisted, preview_fields, (), tuple(problems))


def _problems(
    rules: RoundRules,
    fields: Sequence[PreviewField],
    dropped: set[uuid.UUID],
    *,
    shortlisted: bool,
) -> list[DomainError]:
    problems: list[DomainError] = []
    counts = {f.field_id: sum(1 for c in f.cards if c.idea_id not in dropped) for f in fields}
    if not any(counts.values()):
        problems.append(
            _empty()
            if shortlisted
            else DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The round's fields of action hold no ideas yet; there is nothing to vote on.",
                )
            )
        )
        return problems
    for f in fields:
        n = counts[f.field_id]
        if n == 0 and not shortlisted:
            continue  # every active idea votes: a field still without ideas stays off the ballot
        if n == 0:
            problems.append(
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The field of action “{field}” has no card on the ballot. Put an idea of "
                        "it on the shortlist, or leave the field out of the round.",
                    ),
                    field=f.name,
                )
            )
        elif f.budget is not None and f.budget > n * rules.max_dots_per_idea:
            problems.append(
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The budget of “{field}” is {budget} dots, but its {cards} card(s) can "
                        "take only {max}. Lower the budget or put more ideas on the shortlist.",
                    ),
                    field=f.name,
                    budget=f.budget,
                    cards=n,
                    max=n * rules.max_dots_per_idea,
                )
            )
    return problems


def check_before_opening(s: Session, r: VotingRound) -> None:
    """Raise the first problem that keeps this round's ballot from opening."""
    problems = preview(s, r.id).problems
    if problems:
        raise problems[0]


__all__ = [
    "CARD_COLUMNS",
    "DEFAULT_TOP",
    "MAX_TOP",
    "ROWS_PER_SCREEN",
    "SHORTLIST_MODES",
    "BallotPreview",
    "PreviewField",
    "ShortlistCard",
    "ShortlistChange",
    "add_to_shortlist",
    "apply_changes",
    "ballot_screens",
    "candidates",
    "check_before_opening",
    "draft_preview",
    "has_shortlist",
    "parse_mode",
    "preview",
    "remove_from_shortlist",
    "set_shortlist",
    "shortlist_changes",
    "support",
]
