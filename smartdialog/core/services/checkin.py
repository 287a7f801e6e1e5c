"""Check-in at the desk: scans, check-ins by name, annulments, counters, the recent list.

Check-ins are an append-only log.  A mistaken one is annulled (when, by whom,
why) and a new check-in may follow.  The database makes a second *active*
check-in of the same person impossible (a partial unique index), so two desks
scanning the same ticket at the same moment give one welcome and one "already
checked in" — never two check-ins.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    Table,
    bindparam,
    case,
    column,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.core.models import CheckIn, Participant, ScanLog
from smartdialog.core.services import audit, tickets
from smartdialog.core.services.tickets import TicketHolder, TicketRejected
from smartdialog.core.text import clean_line, listed_name
from smartdialog.core.writekey import WriteKey

WELCOME: Final = "welcome"
ALREADY: Final = "already"
REJECTED: Final = "rejected"

RAW_LIMIT: Final = 200


@dataclass(frozen=True)
class ScanResult:
    """What the desk shows after a scan or a check-in by name.

    ``verdict`` is welcome, already or rejected.  For ``already``, ``at`` and
    ``desk`` tell when and where the active check-in was made; for
    ``rejected``, ``problem`` is the error to show (translated by the GUI).
    """

    verdict: str
    holder: TicketHolder | None = None
    check_in_id: uuid.UUID | None = None
    at: datetime | None = None
    desk: str = ""
    problem: TicketRejected | None = None
    # A refused scan as the desks' list of failed scans shows it (as logged).
    refused: RefusedScan | None = None

    @property
    def reason(self) -> str:
        return self.problem.reason if self.problem else ""


@dataclass(frozen=True)
class Counters:
    registered: int
    present: int
    walk_ins: int
    walk_ins_present: int


@dataclass(frozen=True)
class RecentCheckIn:
    check_in_id: uuid.UUID
    participant_id: uuid.UUID
    ticket_number: int
    display_name: str
    organisation: str
    at: datetime
    desk: str
    annulled_at: datetime | None
    annul_reason: str


def scan(
    s: Session, raw: str, desk: str, *, typed: bool = False, key: WriteKey | None = None
) -> ScanResult:
    """Check in the holder of a scanned (or ``typed``) ticket; every scan is logged with its verdict.

    ``key`` (chosen once by the desk, before the scan is first written) gives the
    check-in, its scan log entry and its audit entry their ids and time: the same
    scan written again on the laptop's local copy is the same rows (core.writekey).

    The welcome, the hot path of a queue at the desk, is three statements: the
    check-in, which finds the holder and refuses a second active check-in in one
    INSERT, the scan log and the audit entry (on PostgreSQL the scan log goes with the
    check-in, and the audit chain's lock takes one).  Anything else reads on to say why.
    """
    key = key or WriteKey()
    try:
        number = tickets.verified_number(s, raw, typed=typed)
        welcome = _check_in_ticket(s, number, desk, raw, key)
        if welcome is not None:
            return welcome
        result = _check_in(s, tickets.holder_of(s, number), desk, key)
    except TicketRejected as problem:
        at = key.at
        scan_id = log_scan(
            s, raw, desk, REJECTED, problem.reason, None, at=at, scan_id=key.id_for("scan")
        )
        logged = RefusedScan(at, desk[:80], _printable(raw), problem.reason[:200])
        refused = ScanResult(REJECTED, problem=problem, refused=logged)
        # In the change feed, so that every desk's list of failed scans follows.
        audit.record(
            s,
            Action.CHECKIN_REFUSED,
            "scan",
            scan_id,
            problem.reason,
            known=refused,
            entry_id=key.id_for("audit"),
        )
        return refused
    assert result.holder is not None
    scan_id = key.id_for("scan")
    if s.get(ScanLog, scan_id) is None:  # else logged when this very scan was saved before
        log_scan(
            s,
            raw,
            desk,
            result.verdict,
            "",
            result.holder.participant_id,
            at=key.at,
            scan_id=scan_id,
        )
    return result


def check_in_participant(
    s: Session, participant_id: uuid.UUID, desk: str, *, key: WriteKey | None = None
) -> ScanResult:
    """Check in a person found by name (no ticket at hand); ``key`` as for ``scan``."""
    row = s.execute(
        select(
            Participant.id,
            Participant.ticket_number,
            Participant.first_name,
            Participant.last_name,
            Participant.organisation,
            Participant.source,
            Participant.anonymised_at,
        ).where(Participant.id == participant_id)
    ).first()
    if row is None or row.anonymised_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This registration no longer exists. It may have been removed on another laptop.",
            )
        )
    holder = TicketHolder(
        row.id, row.ticket_number, row.first_name, row.last_name, row.organisation, row.source
    )
    return _check_in(s, holder, desk, key or WriteKey())


# Built once: a scan binds parameters only (statement construction would cost
# more than the database's work here).
_CHECK_INS = cast(Table, CheckIn.__table__)
_ACTIVE_QUERY = select(_CHECK_INS.c.id, _CHECK_INS.c.at, _CHECK_INS.c.desk).where(
    _CHECK_INS.c.participant_id == bindparam("participant_id"), _CHECK_INS.c.annulled_at.is_(None)
)
_INSERT_CHECK_IN = insert(_CHECK_INS)
_INSERT_SCAN = insert(cast(Table, ScanLog.__table__))
# The check-in of a ticket's holder in one statement: no row when nobody (not
# anonymised) holds the number or when the holder has an active check-in already (the
# partial unique index, which also settles two desks scanning at the same moment).  It
# answers with the holder, for the welcome.  PostgreSQL logs the scan in the same
# statement and takes the audit chain's lock in it (a round trip fewer on the venue
# network); SQLite, which cannot write two tables in one, logs it in the next.
_CHECK_IN_SQL = """
    INSERT INTO check_ins
        (id, device_id, created_at, participant_id, at, desk, annulled_by, annul_reason)
    SELECT :id, :device_id, :at, p.id, :at, :desk, '', ''
    FROM participants AS p
    WHERE p.event_id = :event_id AND p.ticket_number = :number AND p.anonymised_at IS NULL
    ON CONFLICT (participant_id) WHERE annulled_at IS NULL DO NOTHING
"""
_CHECK_IN_TICKET = {
    "sqlite": _CHECK_IN_SQL
    + """
    RETURNING participant_id,
        (SELECT h.first_name FROM participants AS h WHERE h.id = check_ins.participant_id),
        (SELECT h.last_name FROM participants AS h WHERE h.id = check_ins.participant_id),
        (SELECT h.organisation FROM participants AS h WHERE h.id = check_ins.participant_id),
        (SELECT h.source FROM participants AS h WHERE h.id = check_ins.participant_id)
    """,
    "postgresql": f"""
    WITH ci AS ({_CHECK_IN_SQL} RETURNING participant_id),
    logged AS (
        INSERT INTO scan_log
            (id, device_id, created_at, at, desk, raw, verdict, reason, participant_id)
        SELECT :scan_id, :device_id, :at, :at, :scan_desk, :raw, '{WELCOME}', '', participant_id
        FROM ci
    ),
    chain AS (SELECT {audit.PG_CHAIN_LOCK_SQL} AS locked)
    SELECT p.id, p.first_name, p.last_name, p.organisation, p.source
    FROM ci JOIN participants AS p ON p.id = ci.participant_id CROSS JOIN chain
    """,
}
_CHECK_IN_TICKET_STATEMENTS = {
    dialect: text(sql)
    .bindparams(
        bindparam("id", type_=_CHECK_INS.c.id.type),
        bindparam("device_id", type_=_CHECK_INS.c.device_id.type),
        bindparam("at", type_=_CHECK_INS.c.at.type),
        bindparam("desk", type_=_CHECK_INS.c.desk.type),
        bindparam("event_id", type_=_CHECK_INS.c.participant_id.type),
        bindparam("number", type_=Integer()),
        *(
            [
                bindparam("scan_id", type_=_CHECK_INS.c.id.type),
                bindparam("scan_desk"),
                bindparam("raw"),
            ]
            if dialect == "postgresql"
            else []
        ),
    )
    .columns(
        column("participant_id", _CHECK_INS.c.participant_id.type),
        column("first_name", String()),
        column("last_name", String()),
        column("organisation", String()),
        column("source", String()),
    )
    for dialect, sql in _CHECK_IN_TICKET.items()
}


def _check_in_ticket(
    s: Session, number: int, desk: str, raw: str, key: WriteKey
) -> ScanResult | None:
    """The welcome for ticket ``number``, scan logged, or None (read on to say why)."""
    check_in_id, at, cleaned = key.id, key.at, clean_line(desk, limit=80)
    conn = s.connection()
    dialect = conn.dialect.name
    row = conn.execute(
        _CHECK_IN_TICKET_STATEMENTS[dialect],
        {
            "id": check_in_id,
            "device_id": audit.session_device(s).id,
            "at": at,
            "desk": cleaned,
            "event_id": tickets.event_keys(s).event_id,
            "number": number,
            **(
                {"scan_id": key.id_for("scan"), "scan_desk": desk[:80], "raw": _printable(raw)}
                if dialect == "postgresql"
                else {}
            ),
        },
    ).first()
    if row is None:
        return None
    holder = TicketHolder(
        row.participant_id, number, row.first_name, row.last_name, row.organisation, row.source
    )
    if dialect == "postgresql":
        audit.chain_lock_taken(s)
    else:
        log_scan(
            s, raw, desk, WELCOME, "", holder.participant_id, at=at, scan_id=key.id_for("scan")
        )
    return _welcomed(s, holder, check_in_id, at, cleaned, key)


def _welcomed(
    s: Session, holder: TicketHolder, check_in_id: uuid.UUID, at: datetime, desk: str, key: WriteKey
) -> ScanResult:
    result = ScanResult(WELCOME, holder, check_in_id, at, desk)
    audit.record(
        s,
        Action.CHECKIN_CREATED,
        "participant",
        holder.participant_id,
        f"{holder.ticket_number} {desk}",
        known=result,
        entry_id=key.id_for("audit"),
    )
    return result


def _check_in(s: Session, holder: TicketHolder, desk: str, key: WriteKey) -> ScanResult:
    existing = _active(s, holder.participant_id)
    if existing is not None:
        return _already(holder, existing, key)
    check_in_id = key.id
    at = key.at
    desk = clean_line(desk, limit=80)
    device = audit.session_device(s)
    values = {
        "id": check_in_id,
        "device_id": device.id,
        "created_at": at,
        "participant_id": holder.participant_id,
        "at": at,
        "desk": desk,
        "annulled_by": "",
        "annul_reason": "",
    }
    try:
        if s.get_bind().dialect.name == "sqlite":
            # BEGIN IMMEDIATE holds the write lock from the check above to the
            # commit, so no other desk can come between; a failed INSERT aborts
            # only itself and leaves the transaction usable.
            s.connection().execute(_INSERT_CHECK_IN, values)
        else:
            # A savepoint, so that losing the race to another desk leaves this
            # transaction usable for reading the winner's check-in and the scan log.
            with s.begin_nested():
                s.connection().execute(_INSERT_CHECK_IN, values)
    except IntegrityError:
        existing = _active(s, holder.participant_id)
        if existing is None:  # pragma: no cover - the index fired, so a row exists
            raise
        return _already(holder, existing, key)
    return _welcomed(s, holder, check_in_id, at, desk, key)


def _already(
    holder: TicketHolder, existing: tuple[uuid.UUID, datetime, str], key: WriteKey
) -> ScanResult:
    # The check-in of this very write, saved before and its answer lost with the
    # connection (the write is tried again): the welcome it was.
    verdict = WELCOME if existing[0] == key.id else ALREADY
    return ScanResult(verdict, holder, existing[0], existing[1], existing[2])


def _active(s: Session, participant_id: uuid.UUID) -> tuple[uuid.UUID, datetime, str] | None:
    row = s.connection().execute(_ACTIVE_QUERY, {"participant_id": participant_id}).first()
    return None if row is None else (row.id, row.at, row.desk)


def log_scan(
    s: Session,
    raw: str,
    desk: str,
    verdict: str,
    reason: str,
    participant_id: uuid.UUID | None,
    *,
    at: datetime | None = None,
    scan_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Log a scan at a desk or a voting station with its verdict (the raw code made printable)."""
    at = at or now()
    scan_id = scan_id or uuid.uuid4()
    s.connection().execute(
        _INSERT_SCAN,
        {
            "id": scan_id,
            "device_id": audit.session_device(s).id,
            "created_at": at,
            "at": at,
            "desk": desk[:80],
            "raw": _printable(raw),
            "verdict": verdict,
            "reason": reason[:200],
            "participant_id": participant_id,
        },
    )
    return scan_id


def _printable(raw: str) -> str:
    return "".join(c for c in raw if c.isprintable())[:RAW_LIMIT]


def annul(s: Session, check_in_id: uuid.UUID, reason: str, by: str) -> RecentCheckIn:
    """Annul a check-in (a mistake, or the person left): it stays in the log, marked."""
    reason = clean_line(reason, limit=500)
    if not reason:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Say why the check-in is annulled."))
    check_in = s.get(CheckIn, check_in_id)
    if check_in is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This check-in no longer exists."))
    at = now()
    done = s.execute(
        update(CheckIn)
        .where(CheckIn.id == check_in_id, CheckIn.annulled_at.is_(None))
        .values(annulled_at=at, annulled_by=clean_line(by, limit=80), annul_reason=reason)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "This check-in was annulled already (perhaps at another desk)."
            )
        )
    s.expire(check_in)
    audit.record(s, Action.CHECKIN_ANNULLED, "participant", check_in.participant_id, reason)
    recent = _recent(s, 1, CheckIn.id == check_in_id)
    return recent[0]


def active_check_in(
    s: Session, participant_id: uuid.UUID
) -> tuple[uuid.UUID, datetime, str] | None:
    """The participant's active check-in (id, when, desk), if any."""
    return _active(s, participant_id)


def counters(s: Session) -> Counters:
    event_id = tickets.event_keys(s).event_id
    live = (Participant.event_id == event_id) & Participant.anonymised_at.is_(None)
    present_ids = select(CheckIn.participant_id).where(CheckIn.annulled_at.is_(None))
    present = Participant.id.in_(present_ids)
    walk_in = Participant.source == "walkin"

    def number(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    # One statement for the four numbers: the desk reads them after every check-in.
    registered, walk_ins, present, walk_ins_present = s.execute(
        select(
            number(Participant.source == "preregistered"),
            number(walk_in),
            number(present),
            number(walk_in & present),
        ).where(live)
    ).one()
    return Counters(int(registered), int(present), int(walk_ins), int(walk_ins_present))


@dataclass(frozen=True)
class RefusedScan:
    """A scan the desk refused: what was read as read (a ticket code, no personal data)."""

    at: datetime
    desk: str
    raw: str
    reason: str  # a TicketRejected reason: foreign, forged, truncated, garbled, unknown, …


def refused_scans(s: Session, limit: int | None = None) -> list[RefusedScan]:
    """The desks' refused scans, newest first."""
    stmt = (
        select(ScanLog.at, ScanLog.desk, ScanLog.raw, ScanLog.reason)
        .where(ScanLog.verdict == REJECTED)
        .order_by(ScanLog.at.desc(), ScanLog.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [RefusedScan(r.at, r.desk, r.raw, r.reason) for r in s.execute(stmt)]


def recent(s: Session, limit: int = 10) -> list[RecentCheckIn]:
    """The latest check-ins at every desk, newest first (annulled ones marked)."""
    return _recent(s, limit, True)


def _recent(s: Session, limit: int, where: object) -> list[RecentCheckIn]:
    rows = s.execute(
        select(
            CheckIn.id,
            CheckIn.participant_id,
            Participant.ticket_number,
            Participant.first_name,
            Participant.last_name,
            Participant.organisation,
            CheckIn.at,
            CheckIn.desk,
            CheckIn.annulled_at,
            CheckIn.annul_reason,
        )
        .join(Participant, Participant.id == CheckIn.participant_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(CheckIn.at.desc(), CheckIn.id)
        .limit(limit)
    )
    return [
        RecentCheckIn(
            r.id,
            r.participant_id,
            r.ticket_number,
            listed_name(r.first_name, r.last_name),
            r.organisation,
            r.at,
            r.desk,
            r.annulled_at,
            r.annul_reason,
        )
        for r in rows
    ]
