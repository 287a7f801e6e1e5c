"""Reading ideas: lists, one idea, its history, merges, counts, and authors to choose from."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from smartdialog.core.models import (
    Idea,
    IdeaRevision,
    IdeaTag,
    Participant,
)
from smartdialog.core.services import registration
from smartdialog.core.services.ideas.records import idea_row
from smartdialog.core.services.ideas.values import AuthorChoice, IdeaInfo, RevisionInfo
from smartdialog.core.services.ideas.wording import matches
from smartdialog.core.text import fold


def infos_of(s: Session, rows: Sequence[Idea]) -> list[IdeaInfo]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    tags: dict[uuid.UUID, list[str]] = {}
    # Chunks keep the IN lists within every backend's parameter limit.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for idea_id, tag in s.execute(
            select(IdeaTag.idea_id, IdeaTag.tag)
            .where(IdeaTag.idea_id.in_(chunk))
            .order_by(IdeaTag.created_at, IdeaTag.tag)
        ):
            tags.setdefault(idea_id, []).append(tag)
    authors = registration.author_names(s, (r.author_id for r in rows if r.author_id is not None))
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


def info_of(s: Session, idea: Idea) -> IdeaInfo:
    return infos_of(s, [idea])[0]


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
    infos = infos_of(s, list(s.scalars(stmt)))
    return [i for i in infos if matches(i, query)] if query.strip() else infos


def ideas_by_id(s: Session, ids: Iterable[uuid.UUID]) -> list[IdeaInfo]:
    """The current state of the given ideas (those that still exist), for refreshing views."""
    wanted = list(dict.fromkeys(ids))
    rows: list[Idea] = []
    for start in range(0, len(wanted), 500):
        rows.extend(s.scalars(select(Idea).where(Idea.id.in_(wanted[start : start + 500]))))
    return infos_of(s, rows)


def get_idea(s: Session, idea_id: uuid.UUID) -> IdeaInfo:
    return info_of(s, idea_row(s, idea_id))


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
        .where(registration.may_be_named())
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
        AuthorChoice(p.id, registration.author_name(p.first_name, p.last_name), p.ticket_number)
        for p in s.scalars(stmt.limit(limit))
    ]


def _int_or(word: str) -> int:
    return int(word) if word.isdigit() and len(word) < 9 else -1
