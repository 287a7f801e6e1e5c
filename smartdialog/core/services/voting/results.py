"""Counting: paper tallies, turnout, the ranked results, and the tally record with its SHA-256."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.models import (
    Ballot,
    Dot,
    Idea,
    PaperTally,
    RoundIdea,
)
from smartdialog.core.services import audit, roles
from smartdialog.core.services.voting.records import (
    eligible_for,
    field_rules,
    round_info,
    round_row,
)
from smartdialog.core.services.voting.values import (
    MAX_PAPER_DOTS,
    FieldResult,
    IdeaResult,
    MergedIdea,
    PaperTallyInfo,
    RoundResults,
    Turnout,
)
from smartdialog.core.text import clean_line


def paper_tallies(s: Session, round_id: uuid.UUID) -> dict[uuid.UUID, PaperTallyInfo]:
    return {
        t.idea_id: PaperTallyInfo(t.idea_id, t.dots, t.note, t.updated_at)
        for t in s.scalars(select(PaperTally).where(PaperTally.round_id == round_id))
    }


def set_paper_tally(
    s: Session, round_id: uuid.UUID, idea_id: uuid.UUID, dots: int, *, note: str = ""
) -> None:
    """The dots counted on a paper poster for one idea (0 removes the entry)."""
    roles.require(s, "paper")
    r = round_row(s, round_id, lock=True, shared=True)
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
        s, Action.PAPER_TALLY_SET, "round", r.id, f"{r.number}: {text[:60]}: {before} -> {dots}"
    )


def turnout(s: Session, round_id: uuid.UUID) -> Turnout:
    """Cheap figures for the wall while a round is open."""
    r = round_row(s, round_id)
    ballots = s.scalar(select(func.count()).select_from(Ballot).where(Ballot.round_id == r.id)) or 0
    used = s.scalar(select(func.count()).select_from(Dot).where(Dot.round_id == r.id)) or 0
    paper = (
        s.scalar(
            select(func.coalesce(func.sum(PaperTally.dots), 0)).where(PaperTally.round_id == r.id)
        )
        or 0
    )
    eligible = eligible_for(s, r)
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
    r = round_row(s, round_id)
    info = round_info(s, r)
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
    eligible = eligible_for(s, r)
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
    r = round_row(s, round_id)
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
            "field_budgets": {f.field_id.hex: f.budget for f in field_rules(s, r.id)},
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
    r = round_row(s, round_id)
    if r.status != "closed":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Only a closed round has a tally to verify."))
    digest = hashlib.sha256(tally_json(s, r.id).encode("utf-8")).hexdigest()
    return hmac.compare_digest(digest, r.tally_sha256)
