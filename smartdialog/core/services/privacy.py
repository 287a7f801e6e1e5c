"""Data protection (DSGVO): remove all personal data after the event; tell one person what is stored.

``anonymise`` keeps every anonymous result: the participants stay as rows
(with source, check-ins, ballots and dots), so that counts, turnout and
tallies remain exactly as they were.  District and organisation stay only
where at least the event's minimum group size share them, the same rule the
minutes follow; the rest is cleared, so no small group can point to anyone.
What goes is everything that names or reaches a person: names, e-mail,
postcode, registration numbers, consents, the link from an idea to its
author, what was typed at the desk, free-text reasons that may name someone,
and the facilitators' names.  The storage is then rewritten and searched for
every removed value (see core.erasure): the purge says so when another laptop
still holds the event open, and which backups still hold personal data.

``person_report`` collects everything stored about one participant, for a
request under Art. 15 DSGVO.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Update, func, select, update
from sqlalchemy.orm import Session

from smartdialog.core import erasure
from smartdialog.core.backup import automatic_backups
from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.db import Database
from smartdialog.core.errors import (
    QT_TRANSLATE_NOOP,
    DomainError,
    EnvironmentProblem,
    NotFoundError,
)
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

log = logging.getLogger("smartdialog.privacy")


@dataclass(frozen=True)
class AnonymisationReport:
    participants: int  # rows made anonymous (they stay, for the counts)
    authors_unlinked: int
    scans_cleared: int
    facilitators_cleared: int
    at: datetime
    # What the purge found on disk afterwards (None for ``anonymise_session`` alone).
    check: erasure.PurgeCheck | None = None


# Every table the purge changes: rewritten on PostgreSQL, so no old row version stays on disk.
PURGED_TABLES = ("participants", "check_ins", "scan_log", "stations", "audit_log", "ideas")
# How long the purge waits for another laptop's read to end before it says so.
WAIT_S = 5.0


class FileInUse(EnvironmentProblem):
    """Another program or laptop holds the event open; the purge cannot be made final."""


def _in_use(shown: str, *, changed: bool) -> FileInUse:
    if changed:
        return FileInUse(
            QT_TRANSLATE_NOOP(
                "errors",
                "Another program or laptop still has the event {path} open, so the removed "
                "personal data is still on the disk. Close the event there (quit smartdialog "
                "on the other laptops) and repeat the removal.",
            ),
            path=shown,
        )
    return FileInUse(
        QT_TRANSLATE_NOOP(
            "errors",
            "Another program or laptop still has the event {path} open and is reading it, so "
            "the personal data cannot be removed from the disk for good. Nothing was changed. "
            "Close the event there (quit smartdialog on the other laptops) and repeat the "
            "removal.",
        ),
        path=shown,
    )


def anonymise(
    db: Database,
    *,
    backup_folders: Iterable[Path] = (),
    delete_backups: bool = False,
    wait_s: float | None = None,
) -> AnonymisationReport:
    """Remove all personal data of the event, keep the anonymous results; then prove it.

    The storage is rewritten (SQLite: VACUUM and an emptied -wal; PostgreSQL:
    VACUUM FULL and REINDEX), and the bytes on disk are searched for every
    removed value: the event file, its -wal, its automatic backups in
    ``backup_folders`` and beside it, and PostgreSQL's table and index files.
    Backups that still hold personal data are listed, and overwritten and
    removed only when ``delete_backups`` is true.  Raises ``FileInUse``, and
    changes nothing, when another connection is reading the event right now.
    ``wait_s`` is how long it waits for that read to end (``WAIT_S`` when not given).
    """
    if wait_s is None:
        wait_s = WAIT_S
    shown = db.display_name
    if db.is_sqlite:
        assert db.path is not None
        if not erasure.sqlite_file_to_itself(db.path, wait_s):
            raise _in_use(shown, changed=False)
    elif not erasure.pg_tables_free(db.engine, PURGED_TABLES, wait_s):
        raise _in_use(shown, changed=False)
    with db.uow() as s:
        values = personal_values(s)
        if db.is_sqlite:
            # Deleted content is overwritten in the pages it leaves, not just marked free.
            s.connection().exec_driver_sql("PRAGMA secure_delete=ON")
        report = anonymise_session(s)
    if db.is_sqlite:
        assert db.path is not None
        check = _purge_sqlite(db.path, values, backup_folders, delete_backups, wait_s)
    else:
        check = _purge_postgres(db, values, wait_s)
    if check.open_elsewhere:
        log.warning("personal data removed from the tables, but the event is still open elsewhere")
        raise _in_use(shown, changed=True)
    return dataclasses.replace(report, check=check)


def _purge_sqlite(
    path: Path,
    values: set[str],
    backup_folders: Iterable[Path],
    delete_backups: bool,
    wait_s: float,
) -> erasure.PurgeCheck:
    compaction = erasure.sqlite_rewrite(path, wait_s)
    scanner = erasure.ValueScanner(values, _encodings(erasure.sqlite_encoding(path)))
    kept = erasure.sqlite_kept_text(path)
    own, searched = erasure.search(scanner, [path, Path(f"{path}-wal")], kept)
    copies = backups_of(path, backup_folders)
    # A copy made before the purge holds the values even when the event no longer does
    # (a purge repeated after another laptop closed the event): its own are searched too.
    from_copies = set().union(*(_values_in_copy(c) for c in copies)) - values
    if from_copies:
        scanner = erasure.ValueScanner(values | from_copies, scanner.encodings)
        own, searched = erasure.search(scanner, [path, Path(f"{path}-wal")], kept)
    with_data, _ = erasure.search(scanner, copies, kept)
    dirty = tuple(Path(x.place) for x in with_data)
    deleted: list[Path] = []
    if delete_backups:
        for copy in dirty:
            erasure.wipe_file(copy)
            deleted.append(copy)
    log.info(
        "purge check: %d values searched in %d places, %d still holding some; "
        "%d of %d backups hold personal data, %d deleted",
        scanner.values,
        len(searched),
        len(own),
        len(dirty),
        len(copies),
        len(deleted),
    )
    return erasure.PurgeCheck(
        values_searched=scanner.values,
        places_searched=(*searched, *(str(c) for c in copies)),
        leftovers=own,
        backups_with_personal_data=tuple(c for c in dirty if c not in deleted),
        backups_deleted=tuple(deleted),
        open_elsewhere=not compaction.done,
    )


# A rewrite keeps row versions that a transaction somewhere on the server may still
# see; once that transaction ends, a second rewrite drops them.
PG_REWRITE_ATTEMPTS = 3


def _purge_postgres(db: Database, values: set[str], wait_s: float) -> erasure.PurgeCheck:
    scanner = erasure.ValueScanner(values)  # the server stores UTF-8 (create_database asks so)
    check = erasure.PurgeCheck(values_searched=scanner.values)
    for attempt in range(1, PG_REWRITE_ATTEMPTS + 1):
        if attempt > 1:
            time.sleep(min(1.0, wait_s))
        if not erasure.pg_rewrite(db.engine, PURGED_TABLES, wait_s):
            return erasure.PurgeCheck(open_elsewhere=True)
        where = erasure.pg_relation_files(db.engine, PURGED_TABLES)
        if where.unreadable:
            log.info("purge check skipped: %s", where.unreadable)
            return erasure.PurgeCheck(values_searched=scanner.values, not_searched=where.unreadable)
        kept = erasure.pg_kept_text(db.engine, PURGED_TABLES)
        own, searched = erasure.search(scanner, where.files, kept)
        log.info(
            "purge check %d: %d values searched in %d relation files, %d still holding some",
            attempt,
            scanner.values,
            len(searched),
            len(own),
        )
        check = erasure.PurgeCheck(
            values_searched=scanner.values, places_searched=tuple(searched), leftovers=own
        )
        if not own:
            break
    return check


def _encodings(declared: str) -> tuple[str, ...]:
    return ("utf-8",) if declared == "utf-8" else ("utf-8", declared)


def backups_of(path: Path, folders: Iterable[Path]) -> list[Path]:
    """Every copy of the event file the app made: automatic backups, copies kept before updates."""
    found: list[Path] = []
    for folder in {Path(f).expanduser().resolve() for f in folders} | {path.parent}:
        if folder.is_dir():
            found.extend(automatic_backups(path, folder))
    found.extend(sorted(path.parent.glob(f"{path.stem}.vor-update-*{path.suffix}")))
    return list(dict.fromkeys(p.resolve() for p in found if p.resolve() != path.resolve()))


_COPY_QUERIES = (
    "SELECT first_name, last_name, email, postcode, external_ref, search_key, organisation,"
    " district FROM participants",
    "SELECT annulled_by, annul_reason FROM check_ins",
    "SELECT raw FROM scan_log",
    "SELECT facilitators FROM stations",
    "SELECT summary FROM audit_log WHERE object_type = 'participant'",
)


def _values_in_copy(copy: Path) -> set[str]:
    """The personal values a backup holds (read-only: the copy is not touched)."""
    values: set[str] = set()
    try:
        with contextlib.closing(
            sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        ) as conn:
            for query in _COPY_QUERIES:
                for row in conn.execute(query):
                    values.update(v for v in row if isinstance(v, str))
    except sqlite3.Error as exc:
        log.warning("backup %s could not be read for the purge check: %s", copy.name, exc)
    values.discard("")
    return values


def personal_values(s: Session) -> set[str]:
    """Every personal value the purge removes, to search the disk for afterwards."""
    event = setup.current_event(s)
    values: set[str] = set()
    for row in s.execute(
        select(
            Participant.first_name,
            Participant.last_name,
            Participant.email,
            Participant.postcode,
            Participant.external_ref,
            Participant.search_key,
            # Those the purge keeps (groups big enough) are found in what the file keeps.
            Participant.organisation,
            Participant.district,
        ).where(Participant.event_id == event.id)
    ):
        values.update(row)
    people = select(Participant.id).where(Participant.event_id == event.id)
    for by, reason in s.execute(
        select(CheckIn.annulled_by, CheckIn.annul_reason).where(CheckIn.participant_id.in_(people))
    ):
        values.update((by, reason))
    values.update(s.scalars(select(ScanLog.raw)))
    values.update(s.scalars(select(Station.facilitators).where(Station.event_id == event.id)))
    values.update(
        s.scalars(select(AuditEntry.summary).where(AuditEntry.object_type == "participant"))
    )
    values.discard("")
    return values


def _changed(s: Session, statement: Update) -> int:
    """Run an UPDATE and say how many rows it changed."""
    result = cast(CursorResult[Any], s.execute(statement))
    return int(result.rowcount)


def anonymise_session(s: Session) -> AnonymisationReport:
    """The removal itself, in one transaction (``anonymise`` also compacts the file)."""
    from smartdialog.core.services import roles

    roles.require(s, "privacy")
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
            title="",
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
    audit.record(s, Action.PRIVACY_ANONYMISED, "event", event.id, f"{count} participants")
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
            "title": p.title,
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
