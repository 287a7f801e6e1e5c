"""Data protection (DSGVO): remove all personal data after the event; tell one person what is stored.

``anonymise`` keeps every anonymous result: the participants stay as rows
(with source, check-ins, ballots and dots), so that counts, turnout and
tallies remain exactly as they were.  District and organisation stay only
where at least the event's minimum group size share them, the same rule the
minutes follow; the rest is cleared, so no small group can point to anyone.
What goes is everything that names or reaches a person: names, e-mail,
postcode, registration numbers, consents, the link from an idea to its
author, what was typed at the desk, free-text reasons that may name someone,
and the facilitators' names.  On SQLite the file is then vacuumed, so that
the old values do not linger in free pages of the event file.

``person_report`` collects everything stored about one participant, for a
request under Art. 15 DSGVO.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Update, func, select, update
from sqlalchemy.orm import Session

from smartdialog.core.clock import now
from smartdialog.core.db import Database
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.core.models import (
    AuditEntry,
    BadgePrint,
    Ballot,
    CheckIn,
    Dot,
    Idea,
    Participant,
    RoundIdea,
    ScanLog,
    Station,
    VotingRound,
)
from smartdialog.core.services import audit, setup
from smartdialog.core.services.export import replacing_file


@dataclass(frozen=True)
class AnonymisationReport:
    participants: int  # rows made anonymous (they stay, for the counts)
    authors_unlinked: int
    scans_cleared: int
    facilitators_cleared: int
    at: datetime


def anonymise(db: Database) -> AnonymisationReport:
    """Remove all personal data of the event, keep the anonymous results; then compact the file."""
    with db.uow() as s:
        report = anonymise_session(s)
    if db.is_sqlite:
        # Overwritten values stay in the file's free pages until it is rebuilt.
        # Outside any transaction (VACUUM refuses to run in one): the raw driver connection.
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()
    return report


def _changed(s: Session, statement: Update) -> int:
    """Run an UPDATE and say how many rows it changed."""
    result = cast(CursorResult[Any], s.execute(statement))
    return int(result.rowcount)


def anonymise_session(s: Session) -> AnonymisationReport:
    """The removal itself, in one transaction (``anonymise`` also compacts the file)."""
    event = setup.current_event(s)
    if event.minutes_status != "final":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Mark the minutes final first: once the personal data is removed, small groups "
                "of districts and organisations can no longer be told apart.",
            )
        )
    at = now()
    people = select(Participant.id).where(Participant.event_id == event.id)
    authors = _changed(
        s,
        update(Idea)
        .where(Idea.event_id == event.id, Idea.author_id.is_not(None))
        .values(author_id=None),
    )
    scans = _changed(s, update(ScanLog).where(ScanLog.raw != "").values(raw=""))
    s.execute(
        update(CheckIn)
        .where(CheckIn.participant_id.in_(people))
        .values(annulled_by="", annul_reason="")
    )
    facilitators = _changed(
        s,
        update(Station)
        .where(Station.event_id == event.id, Station.facilitators != "")
        .values(facilitators=""),
    )
    s.execute(update(AuditEntry).where(AuditEntry.object_type == "participant").values(summary=""))
    for column in (Participant.district, Participant.organisation):
        small = (
            select(column)
            .where(Participant.event_id == event.id)
            .group_by(column)
            .having(func.count() < event.min_group_size)
        )
        s.execute(
            update(Participant)
            .where(Participant.event_id == event.id, column.in_(small))
            .values({column: ""})
        )
    count = _changed(
        s,
        update(Participant)
        .where(Participant.event_id == event.id)
        .values(
            first_name="",
            last_name="",
            email="",
            postcode="",
            external_ref="",
            search_key="",
            consent_data_at=None,
            consent_photos_at=None,
            consent_contact_at=None,
            consent_attribution_at=None,
            anonymised_at=func.coalesce(Participant.anonymised_at, at),
        ),
    )
    audit.record(s, "privacy.anonymised", "event", event.id, f"{count} participants")
    return AnonymisationReport(count, authors, scans, facilitators, at)


# -- what is stored about one person ------------------------------------------------------


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def find_by_ticket(s: Session, ticket_number: int) -> uuid.UUID:
    event = setup.current_event(s)
    found = s.scalar(
        select(Participant.id).where(
            Participant.event_id == event.id, Participant.ticket_number == ticket_number
        )
    )
    if found is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no participant with ticket number {number}."),
            number=ticket_number,
        )
    return found


def person_report(s: Session, participant_id: uuid.UUID) -> dict[str, Any]:
    """Everything the event stores about one participant, in plain words for the person."""
    p = s.get(Participant, participant_id)
    if p is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This participant no longer exists."))
    event = setup.get_event(s)
    rounds = {
        r.id: r.number
        for r in s.scalars(select(VotingRound).where(VotingRound.event_id == p.event_id))
    }
    frozen = {
        (row.round_id, row.idea_id): row.text
        for row in s.execute(
            select(RoundIdea.round_id, RoundIdea.idea_id, RoundIdea.text).where(
                RoundIdea.round_id.in_(rounds)
            )
        )
    }
    dots: dict[tuple[uuid.UUID, uuid.UUID], int] = {}
    for round_id, idea_id in s.execute(
        select(Dot.round_id, Dot.idea_id).where(Dot.participant_id == p.id)
    ):
        dots[(round_id, idea_id)] = dots.get((round_id, idea_id), 0) + 1
    return {
        "event": {
            "title": event.title,
            "organiser": event.organiser,
            "starts_at": _when(event.starts_at),
        },
        "participant": {
            "ticket_number": p.ticket_number,
            "first_name": p.first_name,
            "last_name": p.last_name,
            "email": p.email,
            "organisation": p.organisation,
            "postcode": p.postcode,
            "district": p.district,
            "registered_as": {"preregistered": "pre-registration", "walkin": "walk-in"}.get(
                p.source, p.source
            ),
            "registration_reference": p.external_ref,
            "registered_at": _when(p.created_at),
            "anonymised_at": _when(p.anonymised_at),
        },
        "consents": {
            "data_processing": _when(p.consent_data_at),
            "photos": _when(p.consent_photos_at),
            "follow_up_contact": _when(p.consent_contact_at),
            "named_as_author": _when(p.consent_attribution_at),
        },
        "check_ins": [
            {
                "at": _when(c.at),
                "desk": c.desk,
                "annulled_at": _when(c.annulled_at),
                "annul_reason": c.annul_reason,
            }
            for c in s.scalars(
                select(CheckIn).where(CheckIn.participant_id == p.id).order_by(CheckIn.at)
            )
        ],
        "scans": [
            {"at": _when(x.at), "desk": x.desk, "verdict": x.verdict, "reason": x.reason}
            for x in s.scalars(
                select(ScanLog).where(ScanLog.participant_id == p.id).order_by(ScanLog.at)
            )
        ],
        "badges_printed": [
            {"at": _when(b.at), "layout": b.layout, "reprint": b.reprint}
            for b in s.scalars(
                select(BadgePrint).where(BadgePrint.participant_id == p.id).order_by(BadgePrint.at)
            )
        ],
        "ideas_as_author": [
            {"text": i.text, "created_at": _when(i.created_at), "status": i.status}
            for i in s.scalars(select(Idea).where(Idea.author_id == p.id).order_by(Idea.created_at))
        ],
        "ballots": [
            {
                "round": rounds.get(b.round_id),
                "submitted_at": _when(b.submitted_at),
                "station": b.station,
                "dots": [
                    {"idea": frozen.get((b.round_id, idea_id), ""), "dots": n}
                    for (round_id, idea_id), n in sorted(
                        dots.items(), key=lambda kv: frozen.get(kv[0], "")
                    )
                    if round_id == b.round_id
                ],
            }
            for b in s.scalars(select(Ballot).where(Ballot.participant_id == p.id))
        ],
    }


def export_person(db: Database, participant_id: uuid.UUID, target: str | os.PathLike[str]) -> Path:
    """Write ``person_report`` as JSON (UTF-8, readable) to ``target``."""
    with db.read() as s:
        report = person_report(s, participant_id)
    path = Path(target).expanduser()
    with replacing_file(path) as tmp:
        tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
