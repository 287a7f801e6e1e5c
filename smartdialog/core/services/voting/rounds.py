"""Voting rounds: list, create, change, open, close, and runoffs among tied ideas."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.core.models import (
    Ballot,
    Dot,
    FieldOfAction,
    Idea,
    RoundField,
    RoundIdea,
    VotingRound,
)
from smartdialog.core.services import audit, setup
from smartdialog.core.services.merge.cases import refuse_close_while_open
from smartdialog.core.services.voting import shortlist
from smartdialog.core.services.voting.records import (
    checked_in_count,
    round_info,
    round_row,
)
from smartdialog.core.services.voting.results import round_results, tally_json
from smartdialog.core.services.voting.values import MAX_DOTS_PER_PARTICIPANT, TIE_RULES, RoundInfo
from smartdialog.core.text import clean_line


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
    return [
        round_info(s, r, ideas=ideas.get(r.id, 0), ballots=ballots.get(r.id, 0)) for r in rounds
    ]


def get_round(s: Session, round_id: uuid.UUID) -> RoundInfo:
    return round_info(s, round_row(s, round_id))


def round_by_number(s: Session, number: int) -> RoundInfo:
    r = s.scalars(select(VotingRound).where(VotingRound.number == number)).first()
    if r is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no voting round {number}."), number=number
        )
    return round_info(s, r)


def current_round(s: Session) -> RoundInfo | None:
    """The open round, which voting stations take part in (at most one is open at a time)."""
    r = s.scalars(
        select(VotingRound).where(VotingRound.status == "open").order_by(VotingRound.number)
    ).first()
    return None if r is None else round_info(s, r)


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
    return None if r is None else round_info(s, r)


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
    event = setup.current_event(s)
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
    audit.record(s, Action.ROUND_CREATED, "round", r.id, f"{r.number}: {r.title}")
    return round_info(s, r)


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
    r = round_row(s, round_id, lock=True)
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
    audit.record(s, Action.ROUND_UPDATED, "round", r.id, f"{r.number}: {r.title}")
    return round_info(s, r)


def delete_round(s: Session, round_id: uuid.UUID) -> None:
    """Remove a draft round (one that was opened is part of the record and stays)."""
    r = round_row(s, round_id, lock=True)
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
    audit.record(s, Action.ROUND_DELETED, "round", r.id, f"{r.number}: {r.title}")
    s.delete(r)
    s.flush()


def start_round(s: Session, round_id: uuid.UUID) -> RoundInfo:
    """Open a draft round for voting.  Freezes its list of ideas (a runoff's was chosen already)."""
    r = round_row(s, round_id, lock=True)
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
        # A shortlist is checked as it stands (merges and hides included); no shortlist: all.
        shortlist.check_before_opening(s, r)
    if r.runoff_of_id is None and shortlist.has_shortlist(s, r):
        shortlist.apply_changes(s, r)
    elif r.runoff_of_id is None:
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
    audit.record(s, Action.ROUND_OPENED, "round", r.id, f"{r.number}: {count} ideas")
    return round_info(s, r)


def close_round(s: Session, round_id: uuid.UUID) -> RoundInfo:
    """Close an open round: no more dots; its tally is stored with its SHA-256."""
    r = round_row(s, round_id, lock=True)
    if r.status != "open":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "Only an open round can be closed.")
            if r.status == "draft"
            else QT_TRANSLATE_NOOP("errors", "This round has been closed already.")
        )
    # Merged event files may have left clashing ballots for the moderator: decided first.
    refuse_close_while_open(s, r.id)
    r.status, r.closed_at = "closed", now()
    r.eligible_at_close = checked_in_count(s, r.event_id)
    s.flush()
    _unlink_ballots(s, r)
    r.tally_json = tally_json(s, r.id)
    r.tally_sha256 = hashlib.sha256(r.tally_json.encode("utf-8")).hexdigest()
    s.flush()
    audit.record(s, Action.ROUND_CLOSED, "round", r.id, f"{r.number}: SHA-256 {r.tally_sha256}")
    return round_info(s, r)


def _unlink_ballots(s: Session, r: VotingRound) -> None:
    """Cut every ballot of a closing round from its voter: nobody can tell who voted for what.

    The ballots and their dots are written anew, in a random order, with fresh
    random ids; the voter's id becomes the ballot's own id, and the times,
    stations and revisions that could be matched against the scan log are
    replaced by the closing time.  The tally (per idea, per ballot) stays as
    it was; its hash is taken afterwards over the new ids.
    """
    ballots = s.execute(
        select(Ballot.participant_id, Ballot.device_id).where(Ballot.round_id == r.id)
    ).all()
    if not ballots:
        return
    dot_columns = (
        Dot.participant_id,
        Dot.idea_id,
        Dot.slot,
        Dot.budget,
        Dot.idea_slot,
        Dot.idea_cap,
        Dot.field_id,
        Dot.field_slot,
        Dot.field_cap,
        Dot.device_id,
    )
    dots = s.execute(select(*dot_columns).where(Dot.round_id == r.id)).all()
    if s.get_bind().dialect.name == "sqlite":
        # Freed pages are overwritten, so that the old rows are not left in the file.
        s.execute(sql_text("PRAGMA secure_delete=ON"))
    s.execute(delete(Dot).where(Dot.round_id == r.id))
    s.execute(delete(Ballot).where(Ballot.round_id == r.id))
    shuffle = random.SystemRandom().shuffle
    new_id = {voter: uuid.uuid4() for voter, _device in ballots}
    stamp = r.closed_at or now()
    ballot_rows = [
        {
            "id": new_id[voter],
            "device_id": device,
            "created_at": stamp,
            "round_id": r.id,
            "participant_id": new_id[voter],
            "submitted_at": None,
            "station": "",
            "revision": 1,
        }
        for voter, device in ballots
    ]
    shuffle(ballot_rows)
    s.execute(insert(Ballot), ballot_rows)
    names = [c.key for c in dot_columns]
    dot_rows = []
    for row in dots:
        values = dict(zip(names, row, strict=True))
        values["participant_id"] = new_id[values["participant_id"]]
        values.update(id=uuid.uuid4(), created_at=stamp, round_id=r.id)
        dot_rows.append(values)
    shuffle(dot_rows)
    if dot_rows:
        s.execute(insert(Dot), dot_rows)


def create_runoff(
    s: Session, round_id: uuid.UUID, idea_ids: Iterable[uuid.UUID] | None = None, *, title: str = ""
) -> RoundInfo:
    """A new draft round among tied ideas of a closed round (the best tied group by default).

    It keeps the rules of the round it decides, except that each voter has one dot.
    """
    source = round_row(s, round_id)
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
        s, Action.ROUND_CREATED, "round", runoff.id, f"{runoff.number}: runoff of {source.number}"
    )
    return round_info(s, runoff)
