"""Ideas: captured at the tables, cleaned up by facilitators, shown on the live wall.

Every action is a function over a session that records itself in the audit
log (the change feed other laptops follow) and, where an idea changes, in the
idea's own history (``IdeaRevision``).  Each action has an inverse that is a
service too, so that the GUI's undo stack never writes SQL of its own:

    capture  <->  withdraw          edit    <->  edit (old values)
    hide     <->  unhide            merge   <->  unmerge
    set_tags / set_cluster          are their own inverse

Changes to an idea carry the version the facilitator saw (``expected_version``):
when another laptop changed the idea in between, ``ConflictError`` says so and
the caller keeps the user's text.  The row's version column (SQLAlchemy's
``version_id_col``) closes the remaining gap between reading and writing.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Uuid, bindparam, func, insert, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, ConflictError, DomainError, NotFoundError
from smartdialog.core.models import (
    Dot,
    FieldOfAction,
    Idea,
    IdeaRevision,
    IdeaTag,
    PaperTally,
    Participant,
    RoundIdea,
    Station,
    Topic,
    VotingRound,
)
from smartdialog.core.services import audit
from smartdialog.core.text import clean_line, fold

# Long enough for a paragraph somebody dictates, short enough for a card on the wall.
TEXT_LIMIT = 1000
TAG_LIMIT = 60
CLUSTER_LIMIT = 120
REASON_LIMIT = 500
STATUSES = ("active", "merged", "hidden")

_UNSET: Any = object()


@dataclass(frozen=True)
class IdeaInfo:
    """One idea as views and the command line see it (no session attached)."""

    id: uuid.UUID
    text: str
    field_id: uuid.UUID
    topic_id: uuid.UUID | None
    station_id: uuid.UUID | None
    author_id: uuid.UUID | None
    # Only filled while the author's consent to be named stands.
    author_name: str
    status: str
    merged_into_id: uuid.UUID | None
    hidden_reason: str
    cluster: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    version: int
    device_id: uuid.UUID

    @property
    def is_active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class RevisionInfo:
    kind: str
    text: str
    detail: str
    at: datetime
    device_id: uuid.UUID


@dataclass(frozen=True)
class AuthorChoice:
    """A participant who consented to be named as an idea's author."""

    id: uuid.UUID
    name: str
    ticket_number: int


# -- text ---------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """An idea's text: one paragraph, trimmed, in Unicode's composed form.

    Unlike ``clean_line`` this keeps format characters: the zero-width joiner
    inside emoji sequences and the direction marks of right-to-left text.
    """
    text = unicodedata.normalize("NFC", text)
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return " ".join(kept.split())


def check_text(text: str) -> str:
    """The cleaned text, or a DomainError that says what is wrong (nothing is cut off)."""
    cleaned = clean_text(text)
    if not cleaned:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The idea is empty. Type what was said, then press Enter.")
        )
    if len(cleaned) > TEXT_LIMIT:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The idea has {length} characters; at most {limit} fit on a card. "
                "Shorten it or split it into several ideas. Your text is still there.",
            ),
            length=len(cleaned),
            limit=TEXT_LIMIT,
        )
    return cleaned


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without '#', blanks and duplicates (ignoring case), in the order given."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        cleaned = clean_line(tag, limit=TAG_LIMIT).lstrip("#").strip()
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
    return tuple(out)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed into one field: separated by commas (or semicolons)."""
    return clean_tags(text.replace(";", ",").split(","))


def search_key(idea: IdeaInfo) -> str:
    return fold(" ".join((idea.text, idea.cluster, idea.author_name, *idea.tags)))


def matches(idea: IdeaInfo, query: str) -> bool:
    """Whether every word of ``query`` occurs in the idea, its tags, cluster or author.

    Folded like names at the desk: "strasse" finds "Straße", "OEPNV" finds "ÖPNV".
    """
    words = fold(query).split()
    if not words:
        return True
    key = search_key(idea)
    return all(w in key for w in words)


# -- reading ------------------------------------------------------------------------------


def _infos(s: Session, rows: Sequence[Idea]) -> list[IdeaInfo]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    tags: dict[uuid.UUID, list[str]] = {}
    authors: dict[uuid.UUID, str] = {}
    # Chunks keep the IN lists within every backend's parameter limit.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for idea_id, tag in s.execute(
            select(IdeaTag.idea_id, IdeaTag.tag)
            .where(IdeaTag.idea_id.in_(chunk))
            .order_by(IdeaTag.created_at, IdeaTag.tag)
        ):
            tags.setdefault(idea_id, []).append(tag)
    author_ids = {r.author_id for r in rows if r.author_id is not None}
    if author_ids:
        for p in s.scalars(
            select(Participant).where(
                Participant.id.in_(author_ids), Participant.consent_attribution_at.is_not(None)
            )
        ):
            authors[p.id] = " ".join(x for x in (p.first_name, p.last_name) if x)
    return [
        IdeaInfo(
            id=r.id,
            text=r.text,
            field_id=r.field_id,
            topic_id=r.topic_id,
            station_id=r.station_id,
            author_id=r.author_id,
            author_name=authors.get(r.author_id, "") if r.author_id else "",
            status=r.status,
            merged_into_id=r.merged_into_id,
            hidden_reason=r.hidden_reason,
            cluster=r.cluster,
            tags=tuple(tags.get(r.id, ())),
            created_at=r.created_at,
            updated_at=r.updated_at,
            version=r.version,
            device_id=r.device_id,
        )
        for r in rows
    ]


def _info(s: Session, idea: Idea) -> IdeaInfo:
    return _infos(s, [idea])[0]


def list_ideas(
    s: Session,
    *,
    field_id: uuid.UUID | None = None,
    station_id: uuid.UUID | None = None,
    statuses: Iterable[str] = ("active",),
    query: str = "",
) -> list[IdeaInfo]:
    """Ideas newest first, optionally of one field or table, with a forgiving text search."""
    wanted = tuple(statuses)
    stmt = select(Idea).where(Idea.status.in_(wanted)).order_by(Idea.created_at.desc(), Idea.id)
    if field_id is not None:
        stmt = stmt.where(Idea.field_id == field_id)
    if station_id is not None:
        stmt = stmt.where(Idea.station_id == station_id)
    infos = _infos(s, list(s.scalars(stmt)))
    return [i for i in infos if matches(i, query)] if query.strip() else infos


def ideas_by_id(s: Session, ids: Iterable[uuid.UUID]) -> list[IdeaInfo]:
    """The current state of the given ideas (those that still exist), for refreshing views."""
    wanted = list(dict.fromkeys(ids))
    rows: list[Idea] = []
    for start in range(0, len(wanted), 500):
        rows.extend(s.scalars(select(Idea).where(Idea.id.in_(wanted[start : start + 500]))))
    return _infos(s, rows)


def get_idea(s: Session, idea_id: uuid.UUID) -> IdeaInfo:
    return _info(s, _idea(s, idea_id))


def history(s: Session, idea_id: uuid.UUID) -> list[RevisionInfo]:
    """What happened to an idea, oldest first: created, edited, hidden, merged, …"""
    rows = s.scalars(
        select(IdeaRevision)
        .where(IdeaRevision.idea_id == idea_id)
        .order_by(IdeaRevision.created_at)
    )
    return [RevisionInfo(r.kind, r.text, r.detail, r.created_at, r.device_id) for r in rows]


def merged_sources(s: Session, target_id: uuid.UUID) -> list[uuid.UUID]:
    """Every idea merged into ``target_id``, directly or through a chain (for counting dots)."""
    found: list[uuid.UUID] = []
    frontier = [target_id]
    while frontier:
        children = list(s.scalars(select(Idea.id).where(Idea.merged_into_id.in_(frontier))))
        children = [c for c in children if c not in found and c != target_id]
        found.extend(children)
        frontier = children
    return found


def final_target(s: Session, idea_id: uuid.UUID) -> uuid.UUID:
    """The idea that ``idea_id`` ends up in after following its merges."""
    seen = {idea_id}
    current = idea_id
    while True:
        nxt = s.scalar(select(Idea.merged_into_id).where(Idea.id == current))
        if nxt is None or nxt in seen:
            return current
        seen.add(nxt)
        current = nxt


def count_by_field(s: Session) -> dict[uuid.UUID, int]:
    """Active ideas per field of action."""
    rows = s.execute(
        select(Idea.field_id, func.count()).where(Idea.status == "active").group_by(Idea.field_id)
    )
    return {field_id: int(n) for field_id, n in rows}


def consenting_authors(s: Session, query: str = "", limit: int = 50) -> list[AuthorChoice]:
    """Participants who agreed to be named as authors, found by forgiving name search."""
    stmt = (
        select(Participant)
        .where(Participant.consent_attribution_at.is_not(None), Participant.anonymised_at.is_(None))
        .order_by(Participant.last_name, Participant.first_name)
    )
    for word in fold(query).split():
        stmt = stmt.where(
            or_(
                Participant.search_key.contains(word, autoescape=True),
                Participant.ticket_number == _int_or(word),
            )
        )
    return [
        AuthorChoice(p.id, " ".join(x for x in (p.first_name, p.last_name) if x), p.ticket_number)
        for p in s.scalars(stmt.limit(limit))
    ]


def _int_or(word: str) -> int:
    return int(word) if word.isdigit() and len(word) < 9 else -1


# -- lookups that explain themselves --------------------------------------------------------


def _idea(s: Session, idea_id: uuid.UUID) -> Idea:
    idea = s.get(Idea, idea_id)
    if idea is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This idea no longer exists. It may have been withdrawn on another laptop.",
            )
        )
    return idea


def _field(s: Session, field_id: uuid.UUID) -> FieldOfAction:
    field = s.get(FieldOfAction, field_id)
    if field is None or field.archived:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This field of action no longer exists. It may have been removed on another laptop.",
            )
        )
    return field


def _topic(s: Session, topic_id: uuid.UUID | None, field_id: uuid.UUID) -> uuid.UUID | None:
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


def _station(s: Session, station_id: uuid.UUID | None) -> uuid.UUID | None:
    if station_id is None:
        return None
    if s.get(Station, station_id) is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This table no longer exists."))
    return station_id


def _author(s: Session, author_id: uuid.UUID | None) -> uuid.UUID | None:
    if author_id is None:
        return None
    person = s.get(Participant, author_id)
    if person is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This participant no longer exists."))
    if person.consent_attribution_at is None or person.anonymised_at is not None:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} has not agreed to be named as the author of ideas. Save the idea without a name.",
            ),
            name=person.display_name or str(person.ticket_number),
        )
    return person.id


def _check_version(idea: Idea, expected_version: int | None) -> None:
    if expected_version is not None and idea.version != expected_version:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Somebody changed this idea in the meantime; it now reads: “{text}”. "
                "Nothing was saved. Look at the idea again and repeat your change.",
            ),
            text=_short(idea.text),
            current_version=idea.version,
        )


def _check_not_being_voted_on(s: Session, *idea_ids: uuid.UUID) -> None:
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


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _flush(s: Session, idea: Idea) -> None:
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


def _revise(s: Session, idea: Idea, kind: str, text: str = "", detail: str = "") -> None:
    s.add(IdeaRevision(idea_id=idea.id, kind=kind, text=text, detail=detail))


# -- actions ------------------------------------------------------------------------------


def capture(
    s: Session,
    text: str,
    *,
    field_id: uuid.UUID,
    station_id: uuid.UUID | None = None,
    topic_id: uuid.UUID | None = None,
    author_id: uuid.UUID | None = None,
    idea_id: uuid.UUID | None = None,
) -> IdeaInfo:
    """Save a new idea as typed at a table.  ``idea_id`` lets an undone capture come back as itself.

    The hot path of the tables: one query checks field, question and table
    together; the idea and its first history row are two plain inserts.
    """
    cleaned = check_text(text)
    event_id = _check_capture_context(s, field_id, topic_id, station_id)
    author = _author(s, author_id)
    device_id = audit.session_device(s).id
    stamp = now()
    new_id = idea_id or uuid.uuid4()
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
            "id": uuid.uuid4(),
            "device_id": device_id,
            "created_at": stamp,
            "idea_id": new_id,
            "kind": "created",
            "text": cleaned,
            "detail": "",
        },
    )
    audit.record(s, "idea.captured", "idea", new_id, _short(cleaned, 200))
    author_name = ""
    if author is not None:
        person = s.get(Participant, author)
        author_name = (
            " ".join(x for x in (person.first_name, person.last_name) if x) if person else ""
        )
    # The row's state is known: the answer is built without reading it back.
    return IdeaInfo(
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
        _field(s, field_id)  # raises the clear error
        raise AssertionError("unreachable")
    if topic_id is not None and row.topic_field_id != field_id:
        _topic(s, topic_id, field_id)  # says whether it is gone or of another field
    if station_id is not None and row.station_id is None:
        _station(s, station_id)
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
    idea = _idea(s, idea_id)
    _check_version(idea, expected_version)
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
    audit.record(s, "idea.withdrawn", "idea", idea.id, _short(idea.text, 200))
    s.delete(idea)
    s.flush()


def edit(
    s: Session,
    idea_id: uuid.UUID,
    *,
    expected_version: int | None,
    text: str | None = None,
    field_id: uuid.UUID | None = None,
    topic_id: uuid.UUID | None = _UNSET,
    author_id: uuid.UUID | None = _UNSET,
) -> IdeaInfo:
    """Correct an idea: its text, field, guiding question or author."""
    idea = _idea(s, idea_id)
    _check_version(idea, expected_version)
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
            _revise(s, idea, "edited", cleaned, detail=idea.text)
            idea.text = cleaned
            changed.append("text")
    if field_id is not None and field_id != idea.field_id:
        idea.field_id = _field(s, field_id).id
        changed.append("field")
        if topic_id is _UNSET and idea.topic_id is not None:
            topic_id = None  # the old question belongs to the old field
    if topic_id is not _UNSET and topic_id != idea.topic_id:
        idea.topic_id = _topic(s, topic_id, idea.field_id)
        changed.append("topic")
    if author_id is not _UNSET and author_id != idea.author_id:
        idea.author_id = _author(s, author_id)
        changed.append("author")
    if changed:
        idea.updated_at = now()
        if "text" not in changed:
            _revise(s, idea, "moved", idea.text, detail=", ".join(changed))
        audit.record(
            s, "idea.edited", "idea", idea.id, f"{', '.join(changed)}: {_short(idea.text, 200)}"
        )
        _flush(s, idea)
    return _info(s, idea)


def hide(
    s: Session, idea_id: uuid.UUID, reason: str, *, expected_version: int | None = None
) -> IdeaInfo:
    """Take an idea off the wall and out of voting, with the reason (it stays in the record)."""
    idea = _idea(s, idea_id)
    _check_version(idea, expected_version)
    cleaned = clean_line(reason, limit=REASON_LIMIT)
    if not cleaned:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Give a reason for hiding the idea, for example “off topic” or “duplicate”.",
            )
        )
    if idea.status == "merged":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "This idea was merged into another one and is not shown anyway."
            )
        )
    if idea.status == "hidden":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This idea is hidden already."))
    _check_not_being_voted_on(s, idea.id)
    idea.status = "hidden"
    idea.hidden_reason = cleaned
    idea.updated_at = now()
    _revise(s, idea, "hidden", idea.text, detail=cleaned)
    audit.record(s, "idea.hidden", "idea", idea.id, cleaned)
    _flush(s, idea)
    return _info(s, idea)


def unhide(s: Session, idea_id: uuid.UUID, *, expected_version: int | None = None) -> IdeaInfo:
    idea = _idea(s, idea_id)
    _check_version(idea, expected_version)
    if idea.status != "hidden":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This idea is not hidden."))
    idea.status = "active"
    idea.hidden_reason = ""
    idea.updated_at = now()
    _revise(s, idea, "unhidden", idea.text)
    audit.record(s, "idea.unhidden", "idea", idea.id, _short(idea.text, 200))
    _flush(s, idea)
    return _info(s, idea)


def set_tags(
    s: Session, idea_id: uuid.UUID, tags: Iterable[str], *, expected_version: int | None = None
) -> IdeaInfo:
    """Replace an idea's tags (the undo is the same call with the old tags)."""
    idea = _idea(s, idea_id)
    _check_version(idea, expected_version)
    wanted = clean_tags(tags)
    current = {t.tag: t for t in s.scalars(select(IdeaTag).where(IdeaTag.idea_id == idea.id))}
    if tuple(current) == wanted:
        return _info(s, idea)
    for tag, row in current.items():
        if tag not in wanted:
            s.delete(row)
    s.flush()
    for tag in wanted:
        if tag not in current:
            s.add(IdeaTag(idea_id=idea.id, tag=tag))
    idea.updated_at = now()
    _revise(s, idea, "tagged", idea.text, detail=", ".join(wanted))
    audit.record(s, "idea.tagged", "idea", idea.id, ", ".join(wanted))
    _flush(s, idea)
    return _info(s, idea)


def set_cluster(
    s: Session, idea_id: uuid.UUID, cluster: str, *, expected_version: int | None = None
) -> IdeaInfo:
    """Put an idea into a cluster (a named group of related ideas), or none with ""."""
    idea = _idea(s, idea_id)
    _check_version(idea, expected_version)
    cleaned = clean_line(cluster, limit=CLUSTER_LIMIT)
    if cleaned == idea.cluster:
        return _info(s, idea)
    idea.cluster = cleaned
    idea.updated_at = now()
    _revise(s, idea, "clustered", idea.text, detail=cleaned)
    audit.record(s, "idea.clustered", "idea", idea.id, cleaned)
    _flush(s, idea)
    return _info(s, idea)


def clusters(s: Session, field_id: uuid.UUID | None = None) -> list[str]:
    """The cluster names in use, for offering them again."""
    stmt = select(Idea.cluster).where(Idea.cluster != "").distinct().order_by(Idea.cluster)
    if field_id is not None:
        stmt = stmt.where(Idea.field_id == field_id)
    return list(s.scalars(stmt))


def merge(
    s: Session,
    source_id: uuid.UUID,
    target_id: uuid.UUID,
    *,
    expected_version: int | None = None,
    text: str | None = None,
) -> IdeaInfo:
    """Merge a duplicate (``source``) into ``target``; returns the target.

    ``text`` is the wording that survives (the moderator's choice: either
    text, or a better one); None keeps the target's.  Both texts stay in the
    history; the source stays in the record as "merged into", and its dots
    count for the target in every tally.  ``unmerge`` restores both texts.
    """
    wording = None if text is None else check_text(text)
    if source_id == target_id:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "An idea cannot be merged into itself. Pick another idea.")
        )
    source = _idea(s, source_id)
    target = _idea(s, target_id)
    _check_version(source, expected_version)
    if source.status == "merged":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "This idea has been merged into another one already.")
        )
    if source.status == "hidden":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "This idea is hidden. Show it again before merging it.")
        )
    if target.status == "hidden":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The idea to merge into is hidden. Show it again first, or pick another one.",
            )
        )
    if target.status == "merged":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The idea to merge into was itself merged into another one. Merge into that one instead.",
            )
        )
    _check_not_being_voted_on(s, source.id, target.id)
    source.status = "merged"
    source.merged_into_id = target.id
    stamp = now()
    source.updated_at = stamp
    target.updated_at = stamp
    _revise(s, source, "merged-into", source.text, detail=str(target.id))
    _revise(s, target, "merged", source.text, detail=str(source.id))
    if wording is not None and wording != target.text:
        reworded = {"merged": str(source.id), "before": target.text}
        _revise(s, target, REWORDED, wording, detail=json.dumps(reworded, ensure_ascii=False))
        target.text = wording
    audit.record(s, "idea.merged", "idea", source.id, f"→ {target.id}: {_short(source.text, 200)}")
    audit.record(s, "idea.merge-target", "idea", target.id, _short(target.text, 200))
    _flush(s, source)
    return _info(s, target)


# The revision a merge writes when it changes the surviving idea's wording.
REWORDED = "reworded"


def _restore_wording(s: Session, target: Idea, source_id: uuid.UUID) -> None:
    """Undoing a merge gives the target back the text it had, unless it was edited since."""
    for revision in s.scalars(
        select(IdeaRevision)
        .where(IdeaRevision.idea_id == target.id, IdeaRevision.kind == REWORDED)
        .order_by(IdeaRevision.created_at.desc())
    ):
        detail = json.loads(revision.detail or "{}")
        if detail.get("merged") != str(source_id):
            continue
        if target.text == revision.text:
            _revise(s, target, "edited", detail["before"], detail=target.text)
            target.text = detail["before"]
        return


def merge_support(s: Session, idea_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How well supported each idea is: its dots (device and paper) and the duplicates merged in."""
    support: dict[uuid.UUID, int] = {}
    for idea_id in idea_ids:
        family = [idea_id, *merged_sources(s, idea_id)]
        dots = s.scalar(select(func.count()).select_from(Dot).where(Dot.idea_id.in_(family))) or 0
        paper = (
            s.scalar(
                select(func.coalesce(func.sum(PaperTally.dots), 0)).where(
                    PaperTally.idea_id.in_(family)
                )
            )
            or 0
        )
        support[idea_id] = int(dots) + int(paper) + len(family) - 1
    return support


def unmerge(s: Session, source_id: uuid.UUID, *, expected_version: int | None = None) -> IdeaInfo:
    """Separate a merged idea from its target again (the undo of ``merge``); returns the source."""
    source = _idea(s, source_id)
    _check_version(source, expected_version)
    if source.status != "merged" or source.merged_into_id is None:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This idea is not merged into another one."))
    target = s.get(Idea, source.merged_into_id)
    source.status = "active"
    source.merged_into_id = None
    stamp = now()
    source.updated_at = stamp
    _revise(s, source, "unmerged", source.text, detail=str(target.id) if target else "")
    if target is not None:
        target.updated_at = stamp
        _revise(s, target, "unmerged", source.text, detail=str(source.id))
        _restore_wording(s, target, source.id)
        audit.record(s, "idea.merge-target", "idea", target.id, _short(target.text, 200))
    audit.record(s, "idea.unmerged", "idea", source.id, _short(source.text, 200))
    _flush(s, source)
    return _info(s, source)
