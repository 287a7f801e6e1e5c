"""The minutes for the council: the parts a person writes, draft and final, the PDF export.

The document itself is built in ``smartdialog.core.minutes``; this module is
what a user does with it.  Exporting reads one consistent snapshot of the
event and writes the PDF beside the target first, so that a failed export
never leaves half a file where the last good one was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.db import Database
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.minutes import texts
from smartdialog.core.minutes.content import MinutesContent, collect, document_fields
from smartdialog.core.minutes.document import Chapter, outline, render
from smartdialog.core.models import Idea, MinutesSection, VotingRound
from smartdialog.core.services import audit, setup
from smartdialog.core.services.export import replacing_file, snapshot_session

BODY_LIMIT = 20_000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SectionInfo:
    """One part of the minutes a person writes."""

    key: str
    kind: str  # "occasion", "programme", "field", "next_steps", "privacy"
    field_name: str  # for kind "field"
    body: str
    is_default: bool  # nobody has written it yet: the body is the generated default


@dataclass(frozen=True)
class MinutesState:
    final: bool
    finalised_at: datetime | None


@dataclass(frozen=True)
class Overview:
    """What the document will report on, in two numbers (for the workspace)."""

    ideas: int
    rounds: int  # voting rounds that were opened


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    size: int


_KINDS = {
    texts.OCCASION: "occasion",
    texts.PROGRAMME: "programme",
    texts.NEXT_STEPS: "next_steps",
    texts.PRIVACY: "privacy",
}


# -- the parts a person writes --------------------------------------------------------------


def list_sections(s: Session) -> list[SectionInfo]:
    """Every editable part in document order, with its stored text or its default."""
    event = setup.current_event(s)
    info = setup.get_event(s)
    fields = setup.list_fields(s)
    names = {texts.field_key(f.id): f.name for f in fields}
    stored = {
        m.key: m.body
        for m in s.scalars(select(MinutesSection).where(MinutesSection.event_id == event.id))
    }
    return [
        SectionInfo(
            key=key,
            kind=_KINDS.get(key, "field"),
            field_name=names.get(key, ""),
            body=stored.get(key, default),
            is_default=key not in stored,
        )
        for key, default in texts.defaults(info, fields).items()
    ]


def _section(s: Session, key: str) -> SectionInfo:
    for section in list_sections(s):
        if section.key == key:
            return section
    raise DomainError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This part of the minutes no longer exists. Its field of action may have been removed.",
        )
    )


def _check_draft(s: Session) -> None:
    if setup.current_event(s).minutes_status == "final":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The minutes are marked final and cannot be changed. Reopen them as a draft first.",
            )
        )


def save_section(s: Session, key: str, body: str) -> SectionInfo:
    """Store a part as written (the text is printed as it is, paragraphs and lists kept)."""
    _check_draft(s)
    _section(s, key)
    event = setup.current_event(s)
    cleaned = body.replace("\r\n", "\n").strip()[:BODY_LIMIT]
    row = s.scalar(
        select(MinutesSection).where(MinutesSection.event_id == event.id, MinutesSection.key == key)
    )
    if row is None:
        row = MinutesSection(event_id=event.id, key=key, body=cleaned)
        s.add(row)
    elif row.body == cleaned:
        return _section(s, key)
    else:
        row.body = cleaned
        row.updated_at = now()
    s.flush()
    audit.record(s, Action.MINUTES_SECTION_SAVED, "minutes", event.id, key)
    return _section(s, key)


def reset_section(s: Session, key: str) -> SectionInfo:
    """Go back to the generated default text."""
    _check_draft(s)
    event = setup.current_event(s)
    row = s.scalar(
        select(MinutesSection).where(MinutesSection.event_id == event.id, MinutesSection.key == key)
    )
    if row is not None:
        s.delete(row)
        s.flush()
        audit.record(s, Action.MINUTES_SECTION_RESET, "minutes", event.id, key)
    return _section(s, key)


# -- draft and final ------------------------------------------------------------------------


def state(s: Session) -> MinutesState:
    event = setup.current_event(s)
    return MinutesState(event.minutes_status == "final", event.minutes_finalised_at)


def mark_final(s: Session) -> MinutesState:
    """The minutes are done: no more "ENTWURF", dated today, parts locked."""
    from smartdialog.core.services import roles

    roles.require(s, "minutes")
    event = setup.current_event(s)
    if event.minutes_status != "final":
        event.minutes_status = "final"
        event.minutes_finalised_at = now()
        s.flush()
        audit.record(s, Action.MINUTES_FINALISED, "minutes", event.id)
    return state(s)


def reopen_draft(s: Session) -> MinutesState:
    event = setup.current_event(s)
    if event.minutes_status != "draft":
        event.minutes_status = "draft"
        event.minutes_finalised_at = None
        s.flush()
        audit.record(s, Action.MINUTES_REOPENED, "minutes", event.id)
    return state(s)


# -- the document ----------------------------------------------------------------------------


def snapshot(s: Session) -> MinutesContent:
    """Everything the document shows, read at once (and nothing personal)."""
    return collect(s)


def chapters(s: Session) -> list[Chapter]:
    """The chapters the document will have (cheap: for a preview while typing)."""
    return outline([f.name for f in document_fields(s)])


def overview(s: Session) -> Overview:
    event = setup.current_event(s)
    ideas = s.scalar(select(func.count()).select_from(Idea).where(Idea.event_id == event.id)) or 0
    rounds = s.scalar(
        select(func.count())
        .select_from(VotingRound)
        .where(VotingRound.event_id == event.id, VotingRound.status != "draft")
    )
    return Overview(ideas, rounds or 0)


def export_pdf(
    db: Database, target: str | os.PathLike[str], progress: Progress | None = None
) -> ExportResult:
    """Read the event and write its minutes to ``target``."""
    with snapshot_session(db) as s:
        content = collect(s)
    return write_pdf(content, target, progress)


def write_pdf(
    content: MinutesContent, target: str | os.PathLike[str], progress: Progress | None = None
) -> ExportResult:
    path = Path(target).expanduser()
    with replacing_file(path) as tmp:
        with tmp.open("wb") as out:
            pages = render(content, out, progress)
        size = tmp.stat().st_size
    return ExportResult(path, pages, size)
