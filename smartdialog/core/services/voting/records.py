"""Reading a round: its row, its rules and its summary, shared by the other voting modules."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.core.models import (
    Ballot,
    CheckIn,
    FieldOfAction,
    Participant,
    RoundField,
    RoundIdea,
    VotingRound,
)
from smartdialog.core.services.voting.values import FieldRule, RoundInfo, RoundRules


def round_row(
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


def field_rules(s: Session, round_id: uuid.UUID) -> tuple[FieldRule, ...]:
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


def round_rules(
    s: Session, r: VotingRound, *, fields: tuple[FieldRule, ...] | None = None
) -> RoundRules:
    """The round's rules; ``fields`` when the caller has read the field rules it needs."""
    return RoundRules(
        dots_per_participant=r.dots_per_participant,
        max_dots_per_idea=r.max_dots_per_idea,
        hide_tally=r.hide_tally,
        allow_change=r.allow_change,
        require_checkin=r.require_checkin,
        tie_rule=r.tie_rule,
        fields=field_rules(s, r.id) if fields is None else fields,
    )


def round_info(
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
        rules=round_rules(s, r),
        opened_at=r.opened_at,
        closed_at=r.closed_at,
        runoff_of_id=r.runoff_of_id,
        runoff_of_number=runoff_of_number,
        idea_count=ideas,
        ballots_cast=ballots,
        tally_sha256=r.tally_sha256,
    )


def check_open(r: VotingRound) -> None:
    if r.status == "draft":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Voting in this round has not started yet."))
    if r.status == "closed":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "Voting in this round has ended. Thank you for coming by!")
        )


def eligible_for(s: Session, r: VotingRound) -> int:
    """Checked in now; for a closed round, as many as were when it closed."""
    if r.status == "closed" and r.eligible_at_close is not None:
        return r.eligible_at_close
    return checked_in_count(s, r.event_id)


def checked_in_count(s: Session, event_id: uuid.UUID) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(CheckIn)
            .join(Participant, Participant.id == CheckIn.participant_id)
            .where(CheckIn.annulled_at.is_(None), Participant.event_id == event_id)
        )
        or 0
    )
