"""Moderating ideas: hiding one (with a reason) and merging duplicates, each with its inverse."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.models import Dot, Idea, IdeaRevision, PaperTally
from smartdialog.core.services import audit
from smartdialog.core.services.ideas.queries import info_of, merged_sources
from smartdialog.core.services.ideas.records import (
    check_not_being_voted_on,
    check_version,
    flush,
    idea_row,
    revise,
    short,
)
from smartdialog.core.services.ideas.values import REASON_LIMIT, IdeaInfo
from smartdialog.core.services.ideas.wording import check_text
from smartdialog.core.text import clean_line


def hide(
    s: Session, idea_id: uuid.UUID, reason: str, *, expected_version: int | None = None
) -> IdeaInfo:
    """Take an idea off the wall and out of voting, with the reason (it stays in the record)."""
    idea = idea_row(s, idea_id)
    check_version(idea, expected_version)
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
    check_not_being_voted_on(s, idea.id)
    idea.status = "hidden"
    idea.hidden_reason = cleaned
    idea.updated_at = now()
    revise(s, idea, "hidden", idea.text, detail=cleaned)
    audit.record(s, Action.IDEA_HIDDEN, "idea", idea.id, cleaned)
    flush(s, idea)
    return info_of(s, idea)


def unhide(s: Session, idea_id: uuid.UUID, *, expected_version: int | None = None) -> IdeaInfo:
    idea = idea_row(s, idea_id)
    check_version(idea, expected_version)
    if idea.status != "hidden":
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This idea is not hidden."))
    idea.status = "active"
    idea.hidden_reason = ""
    idea.updated_at = now()
    revise(s, idea, "unhidden", idea.text)
    audit.record(s, Action.IDEA_UNHIDDEN, "idea", idea.id, short(idea.text, 200))
    flush(s, idea)
    return info_of(s, idea)


# The revision a merge writes when it changes the surviving idea's wording.
REWORDED = "reworded"


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
    source = idea_row(s, source_id)
    target = idea_row(s, target_id)
    check_version(source, expected_version)
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
    check_not_being_voted_on(s, source.id, target.id)
    source.status = "merged"
    source.merged_into_id = target.id
    stamp = now()
    source.updated_at = stamp
    target.updated_at = stamp
    revise(s, source, "merged-into", source.text, detail=str(target.id))
    revise(s, target, "merged", source.text, detail=str(source.id))
    if wording is not None and wording != target.text:
        reworded = {"merged": str(source.id), "before": target.text}
        revise(s, target, REWORDED, wording, detail=json.dumps(reworded, ensure_ascii=False))
        target.text = wording
    audit.record(
        s, Action.IDEA_MERGED, "idea", source.id, f"→ {target.id}: {short(source.text, 200)}"
    )
    audit.record(s, Action.IDEA_MERGE_TARGET, "idea", target.id, short(target.text, 200))
    flush(s, source)
    return info_of(s, target)


def unmerge(s: Session, source_id: uuid.UUID, *, expected_version: int | None = None) -> IdeaInfo:
    """Separate a merged idea from its target again (the undo of ``merge``); returns the source."""
    source = idea_row(s, source_id)
    check_version(source, expected_version)
    if source.status != "merged" or source.merged_into_id is None:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This idea is not merged into another one."))
    target = s.get(Idea, source.merged_into_id)
    source.status = "active"
    source.merged_into_id = None
    stamp = now()
    source.updated_at = stamp
    revise(s, source, "unmerged", source.text, detail=str(target.id) if target else "")
    if target is not None:
        target.updated_at = stamp
        revise(s, target, "unmerged", source.text, detail=str(source.id))
        _restore_wording(s, target, source.id)
        audit.record(s, Action.IDEA_MERGE_TARGET, "idea", target.id, short(target.text, 200))
    audit.record(s, Action.IDEA_UNMERGED, "idea", source.id, short(source.text, 200))
    flush(s, source)
    return info_of(s, source)


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
            revise(s, target, "edited", detail["before"], detail=target.text)
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
