"""The rows an idea action works on, looked up with errors that explain themselves, and written back.

Changes to an idea carry the version the facilitator saw (``expected_version``):
when another laptop changed the idea in between, ``ConflictError`` says so and
the caller keeps the user's text.  The row's version column (SQLAlchemy's
``version_id_col``) closes the remaining gap between reading and writing.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from smartdialog.core.errors import QT_TRANSLATE_NOOP, ConflictError, DomainError, NotFoundError
from smartdialog.core.models import (
    FieldOfAction,
    Idea,
    IdeaRevision,
    Participant,
    RoundIdea,
    Station,
    Topic,
    VotingRound,
)
from smartdialog.core.services import registration

UNSET: Any = object()


def idea_row(s: Session, idea_id: uuid.UUID) -> Idea:
    idea = s.get(Idea, idea_id)
    if idea is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This idea no longer exists. It may have been withdrawn on another laptop.",
            )
        )
    return idea


def field_row(s: Session, field_id: uuid.UUID) -> FieldOfAction:
    field = s.get(FieldOfAction, field_id)
    if field is None or field.archived:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This field of action no longer exists. It may have been removed on another laptop.",
            )
        )
    return field


def topic_in(s: Session, topic_id: uuid.UUID | None, field_id: uuid.UUID) -> uuid.UUID | None:
    if topic_id is None:
        return None
    topic = s.get(Topic, topic_id)
    if topic is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This guiding question no longer exists."))
    if topic.field_id != field_id:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The guiding question belongs to another field of action. Pick one of this field.",
            )
        )
    return topic.id


def station_of(s: Session, station_id: uuid.UUID | None) -> uuid.UUID | None:
    if station_id is None:
        return None
    if s.get(Station, station_id) is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This table no longer exists."))
    return station_id


def author_of(s: Session, author_id: uuid.UUID | None) -> uuid.UUID | None:
    if author_id is None:
        return None
    person = s.get(Participant, author_id)
    if person is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This participant no longer exists."))
    allowed = s.scalar(
        select(Participant.id).where(Participant.id == author_id, registration.may_be_named())
    )
    if allowed is None:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} has not agreed to be named as the author of ideas. Save the idea without a name.",
            ),
            name=person.display_name or str(person.ticket_number),
        )
    return person.id


def check_version(idea: Idea, expected_version: int | None) -> None:
    if expected_version is not None and idea.version != expected_version:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Somebody changed this idea in the meantime; it now reads: “{text}”. "
                "Nothing was saved. Look at the idea again and repeat your change.",
            ),
            text=short(idea.text),
            current_version=idea.version,
        )


def check_not_being_voted_on(s: Session, *idea_ids: uuid.UUID) -> None:
    """While a round is open its list of ideas is frozen: no hiding or merging in it."""
    title = s.scalar(
        select(VotingRound.title)
        .join(RoundIdea, RoundIdea.round_id == VotingRound.id)
        .where(VotingRound.status == "open", RoundIdea.idea_id.in_(idea_ids))
        .limit(1)
    )
    if title is not None:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This idea is being voted on right now (round “{round}”). "
                "Hide or merge it after the round is closed.",
            ),
            round=title,
        )


def short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def flush(s: Session, idea: Idea) -> None:
    """Write now, so that a concurrent change shows up as a clear conflict here."""
    try:
        s.flush()
    except StaleDataError as exc:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Somebody changed this idea at the same moment. Nothing was saved. "
                "Look at the idea again and repeat your change.",
            ),
        ) from exc


def revise(s: Session, idea: Idea, kind: str, text: str = "", detail: str = "") -> None:
    s.add(IdeaRevision(idea_id=idea.id, kind=kind, text=text, detail=detail))
