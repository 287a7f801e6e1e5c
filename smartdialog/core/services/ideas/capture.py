"""Capturing an idea at a table, withdrawing it again, and editing it."""

from __future__ import annotations

import uuid

from sqlalchemy import Uuid, bindparam, func, insert, select
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.models import (
    Dot,
    FieldOfAction,
    Idea,
    IdeaRevision,
    PaperTally,
    Participant,
    RoundIdea,
    Station,
    Topic,
)
from smartdialog.core.services import audit
from smartdialog.core.services.ideas.queries import info_of
from smartdialog.core.services.ideas.records import (
    UNSET,
    author_of,
    check_version,
    field_row,
    flush,
    idea_row,
    revise,
    short,
    station_of,
    topic_in,
)
from smartdialog.core.services.ideas.values import (
    IdeaInfo,
)
from smartdialog.core.services.ideas.wording import check_text
from smartdialog.core.writekey import WriteKey


def capture(
    s: Session,
    text: str,
    *,
    field_id: uuid.UUID,
    station_id: uuid.UUID | None = None,
    topic_id: uuid.UUID | None = None,
    author_id: uuid.UUID | None = None,
    idea_id: uuid.UUID | None = None,
    key: WriteKey | None = None,
) -> IdeaInfo:
    """Save a new idea as typed at a table.  ``idea_id`` lets an undone capture come back as itself.

    ``key`` (chosen once by the table, before the capture is first written) gives the
    idea (unless ``idea_id``), its first history row and its audit entry their ids and
    time: the same capture written again on the laptop's local copy is the same rows.

    The hot path of the tables: one query checks field, question and table
    together; the idea and its first history row are two plain inserts.
    """
    cleaned = check_text(text)
    event_id = _check_capture_context(s, field_id, topic_id, station_id)
    author = author_of(s, author_id)
    device_id = audit.session_device(s).id
    key = key or WriteKey()
    stamp = key.at
    new_id = idea_id or key.id
    # Core inserts: the unit of work's bookkeeping for two new rows costs more
    # than the statements themselves.  Same transaction as the audit entry.
    conn = s.connection()
    conn.execute(
        _INSERT_IDEA,
        {
            "id": new_id,
            "device_id": device_id,
            "created_at": stamp,
            "updated_at": stamp,
            "event_id": event_id,
            "text": cleaned,
            "field_id": field_id,
            "topic_id": topic_id,
            "station_id": station_id,
            "author_id": author,
            "status": "active",
            "version": 1,
        },
    )
    conn.execute(
        _INSERT_REVISION,
        {
            "id": key.id_for("revision"),
            "device_id": device_id,
            "created_at": stamp,
            "idea_id": new_id,
            "kind": "created",
            "text": cleaned,
            "detail": "",
        },
    )
    author_name = ""
    if author is not None:
        person = s.get(Participant, author)
        author_name = (
            " ".join(x for x in (person.first_name, person.last_name) if x) if person else ""
        )
    # The row's state is known: the answer is built without reading it back, and this
    # laptop's pages (the wall) take it from the change feed as it is.
    info = IdeaInfo(
        new_id,
        cleaned,
        field_id,
        topic_id,
        station_id,
        author,
        author_name,
        "active",
        None,
        "",
        "",
        (),
        stamp,
        stamp,
        1,
        device_id,
    )
    audit.record(
        s,
        Action.IDEA_CAPTURED,
        "idea",
        new_id,
        short(cleaned, 200),
        known=info,
        entry_id=key.id_for("audit"),
    )
    return info


_INSERT_IDEA = insert(Idea)
_INSERT_REVISION = insert(IdeaRevision)


def _check_capture_context(
    s: Session, field_id: uuid.UUID, topic_id: uuid.UUID | None, station_id: uuid.UUID | None
) -> uuid.UUID:
    """The field's event, after checking field, guiding question and table in one query."""
    row = (
        s.connection()
        .execute(
            _CAPTURE_CONTEXT, {"field_id": field_id, "topic_id": topic_id, "station_id": station_id}
        )
        .first()
    )
    if row is None or row.archived:
        field_row(s, field_id)  # raises the clear error
        raise AssertionError("unreachable")
    if topic_id is not None and row.topic_field_id != field_id:
        topic_in(s, topic_id, field_id)  # says whether it is gone or of another field
    if station_id is not None and row.station_id is None:
        station_of(s, station_id)
    event_id: uuid.UUID = row.event_id
    return event_id


# Built once: constructing a statement costs more than running it on this path.
_CAPTURE_CONTEXT = select(
    FieldOfAction.event_id,
    FieldOfAction.archived,
    select(Topic.field_id)
    .where(Topic.id == bindparam("topic_id", type_=Uuid))
    .scalar_subquery()
    .label("topic_field_id"),
    select(Station.id)
    .where(Station.id == bindparam("station_id", type_=Uuid))
    .scalar_subquery()
    .label("station_id"),
).where(FieldOfAction.id == bindparam("field_id", type_=Uuid))


def withdraw(s: Session, idea_id: uuid.UUID, *, expected_version: int | None = None) -> None:
    """Take back an idea captured by mistake (the undo of ``capture``).

    Only an idea nobody has built on yet: once it was merged with others or is
    part of a vote, it can only be hidden, so that the record stays whole.
    """
    idea = idea_row(s, idea_id)
    check_version(idea, expected_version)
    used = (
        s.scalar(select(func.count()).select_from(Idea).where(Idea.merged_into_id == idea.id))
        or idea.status == "merged"
        or s.scalar(select(func.count()).select_from(Dot).where(Dot.idea_id == idea.id))
        or s.scalar(
            select(func.count()).select_from(PaperTally).where(PaperTally.idea_id == idea.id)
        )
        or s.scalar(select(func.count()).select_from(RoundIdea).where(RoundIdea.idea_id == idea.id))
    )
    if used:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This idea has been merged or voted on and can no longer be taken back. Hide it instead.",
            )
        )
    audit.record(s, Action.IDEA_WITHDRAWN, "idea", idea.id, short(idea.text, 200))
    s.delete(idea)
    s.flush()


def edit(
    s: Session,
    idea_id: uuid.UUID,
    *,
    expected_version: int | None,
    text: str | None = None,
    field_id: uuid.UUID | None = None,
    topic_id: uuid.UUID | None = UNSET,
    author_id: uuid.UUID | None = UNSET,
) -> IdeaInfo:
    """Correct an idea: its text, field, guiding question or author."""
    idea = idea_row(s, idea_id)
    check_version(idea, expected_version)
    if idea.status == "merged":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This idea was merged into another one. Edit that one, or undo the merge first.",
            )
        )
    changed: list[str] = []
    if text is not None:
        cleaned = check_text(text)
        if cleaned != idea.text:
            revise(s, idea, "edited", cleaned, detail=idea.text)
            idea.text = cleaned
            changed.append("text")
    if field_id is not None and field_id != idea.field_id:
        idea.field_id = field_row(s, field_id).id
        changed.append("field")
        if topic_id is UNSET and idea.topic_id is not None:
            topic_id = None  # the old question belongs to the old field
    if topic_id is not UNSET and topic_id != idea.topic_id:
        idea.topic_id = topic_in(s, topic_id, idea.field_id)
        changed.append("topic")
    if author_id is not UNSET and author_id != idea.author_id:
        idea.author_id = author_of(s, author_id)
        changed.append("author")
    if changed:
        idea.updated_at = now()
        if "text" not in changed:
            revise(s, idea, "moved", idea.text, detail=", ".join(changed))
        audit.record(
            s, Action.IDEA_EDITED, "idea", idea.id, f"{', '.join(changed)}: {short(idea.text, 200)}"
        )
        flush(s, idea)
    return info_of(s, idea)
