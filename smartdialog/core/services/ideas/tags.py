"""Tags and clusters: how facilitators group ideas."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.models import (
    Idea,
    IdeaTag,
)
from smartdialog.core.services import audit
from smartdialog.core.services.ideas.queries import info_of
from smartdialog.core.services.ideas.records import check_version, flush, idea_row, revise
from smartdialog.core.services.ideas.values import CLUSTER_LIMIT, IdeaInfo
from smartdialog.core.services.ideas.wording import clean_tags
from smartdialog.core.text import clean_line


def set_tags(
    s: Session, idea_id: uuid.UUID, tags: Iterable[str], *, expected_version: int | None = None
) -> IdeaInfo:
    """Replace an idea's tags (the undo is the same call with the old tags)."""
    idea = idea_row(s, idea_id)
    check_version(idea, expected_version)
    wanted = clean_tags(tags)
    current = {t.tag: t for t in s.scalars(select(IdeaTag).where(IdeaTag.idea_id == idea.id))}
    if tuple(current) == wanted:
        return info_of(s, idea)
    for tag, row in current.items():
        if tag not in wanted:
            s.delete(row)
    s.flush()
    for tag in wanted:
        if tag not in current:
            s.add(IdeaTag(idea_id=idea.id, tag=tag))
    idea.updated_at = now()
    revise(s, idea, "tagged", idea.text, detail=", ".join(wanted))
    audit.record(s, Action.IDEA_TAGGED, "idea", idea.id, ", ".join(wanted))
    flush(s, idea)
    return info_of(s, idea)


def set_cluster(
    s: Session, idea_id: uuid.UUID, cluster: str, *, expected_version: int | None = None
) -> IdeaInfo:
    """Put an idea into a cluster (a named group of related ideas), or none with ""."""
    idea = idea_row(s, idea_id)
    check_version(idea, expected_version)
    cleaned = clean_line(cluster, limit=CLUSTER_LIMIT)
    if cleaned == idea.cluster:
        return info_of(s, idea)
    idea.cluster = cleaned
    idea.updated_at = now()
    revise(s, idea, "clustered", idea.text, detail=cleaned)
    audit.record(s, Action.IDEA_CLUSTERED, "idea", idea.id, cleaned)
    flush(s, idea)
    return info_of(s, idea)


def clusters(s: Session, field_id: uuid.UUID | None = None) -> list[str]:
    """The cluster names in use, for offering them again."""
    stmt = select(Idea.cluster).where(Idea.cluster != "").distinct().order_by(Idea.cluster)
    if field_id is not None:
        stmt = stmt.where(Idea.field_id == field_id)
    return list(s.scalars(stmt))
