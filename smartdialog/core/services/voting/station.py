"""The voting station: the ballot sheet, a scanned badge, and the confirmed ballot.

A ballot is written whole
-------------------------
The station keeps the voter's choices in memory (``BallotDraft``) and writes
them in one transaction when the voter confirms (``cast_ballot``): the
voter's old dots are deleted and the new ones inserted with slots 1..n, so
the slots stay dense however often dots are removed and placed again.  A
station unplugged mid-ballot has written nothing; the voter scans again and
starts from their last confirmed ballot.  Nothing is half-counted.

A ballot carries a ``revision``.  A station confirms against the revision it
started from; when another station confirmed the same badge in between, the
second confirm is refused (``ConflictError``) instead of overwriting it.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.errors import QT_TRANSLATE_NOOP, ConflictError, DomainError, NotFoundError
from smartdialog.core.models import (
    AuditEntry,
    Ballot,
    CheckIn,
    Dot,
    FieldOfAction,
    Participant,
    RoundField,
    RoundIdea,
    VotingRound,
)
from smartdialog.core.services import audit, checkin, tickets
from smartdialog.core.services.voting.ballot import check_ballot
from smartdialog.core.services.voting.records import check_open, round_info, round_row, round_rules
from smartdialog.core.services.voting.values import (
    BadgeScan,
    BallotSheet,
    CastBallot,
    FieldRule,
    SheetField,
    SheetIdea,
    Voter,
)
from smartdialog.core.writekey import WriteKey


def ballot_sheet(s: Session, round_id: uuid.UUID) -> BallotSheet:
    r = round_row(s, round_id)
    info = round_info(s, r)
    by_field: dict[uuid.UUID, list[SheetIdea]] = defaultdict(list)
    for row in s.execute(
        select(RoundIdea.idea_id, RoundIdea.field_id, RoundIdea.text)
        .where(RoundIdea.round_id == r.id)
        .order_by(RoundIdea.position)
    ):
        by_field[row.field_id].append(SheetIdea(row.idea_id, row.text))
    fields = tuple(
        SheetField(
            rule.field_id,
            rule.name,
            rule.colour,
            info.rules.cap_of(rule.field_id),
            rule.budget,
            tuple(by_field[rule.field_id]),
        )
        for rule in info.rules.fields
        if by_field[rule.field_id]
    )
    return BallotSheet(info, fields)


def _may_vote(s: Session, r: VotingRound, participant_id: uuid.UUID) -> tuple[int, str]:
    """Ticket number and first name of a participant allowed to vote in ``r``, or DomainError."""
    # One statement for the person and whether they are checked in.
    present = (
        select(CheckIn.id)
        .where(CheckIn.participant_id == Participant.id, CheckIn.annulled_at.is_(None))
        .exists()
    )
    p = s.execute(
        select(
            Participant.ticket_number,
            Participant.first_name,
            Participant.anonymised_at,
            present.label("present"),
        ).where(Participant.id == participant_id, Participant.event_id == r.event_id)
    ).first()
    if p is None or p.anonymised_at is not None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "This badge belongs to nobody registered for this event.")
        )
    if r.require_checkin and not p.present:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Badge {number} has not been checked in at the registration desk. Please check in there first, then come back to vote.",
            ),
            number=p.ticket_number,
        )
    return p.ticket_number, p.first_name


def voter_for(s: Session, round_id: uuid.UUID, participant_id: uuid.UUID) -> Voter:
    """A participant may vote in the round: their last confirmed ballot, or DomainError why not."""
    r = round_row(s, round_id)
    check_open(r)
    ticket_number, first_name = _may_vote(s, r, participant_id)
    ballot = s.execute(
        select(Ballot.id, Ballot.revision).where(
            Ballot.round_id == r.id, Ballot.participant_id == participant_id
        )
    ).first()
    dots: dict[uuid.UUID, int] = {}
    if ballot is not None:
        dots = {
            k: v
            for k, v in s.execute(
                select(Dot.idea_id, func.count())
                .where(Dot.round_id == r.id, Dot.participant_id == participant_id)
                .group_by(Dot.idea_id)
            )
        }
    return Voter(
        participant_id=participant_id,
        ticket_number=ticket_number,
        first_name=first_name,
        round_id=r.id,
        dots=dots,
        revision=0 if ballot is None else ballot.revision,
        may_change=ballot is None or r.allow_change,
    )


def scan_badge(
    s: Session, round_id: uuid.UUID, raw: str, *, station: str = "", typed: bool = False
) -> BadgeScan:
    """A badge scanned (or its code ``typed``) at a voting station.  Every scan is logged.

    A refusal is returned, not raised, so that the caller's unit of work
    commits the log entry of a failed scan as well.
    """
    try:
        holder = tickets.resolve_ticket(s, raw, typed=typed)
    except tickets.TicketRejected as problem:
        checkin.log_scan(s, raw, station, "rejected", f"voting: {problem.reason}", None)
        return BadgeScan(None, problem, problem.reason)
    try:
        voter = voter_for(s, round_id, holder.participant_id)
    except DomainError as problem:
        checkin.log_scan(
            s, raw, station, "refused", f"voting: {problem.english()}", holder.participant_id
        )
        return BadgeScan(None, problem, "refused")
    checkin.log_scan(s, raw, station, "voting", "", holder.participant_id)
    return BadgeScan(voter, None, "")


_BALLOTS = Ballot.__table__
# Insert a ballot unless the voter has one in the round already (then no row comes back).
_FIRST_BALLOT = {
    name: dialect.insert(_BALLOTS)
    .on_conflict_do_nothing(index_elements=["round_id", "participant_id"])
    .returning(_BALLOTS.c.id)
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))
}


def _first_ballot(
    s: Session, round_id: uuid.UUID, participant_id: uuid.UUID, station: str, key: WriteKey
) -> uuid.UUID | None:
    """A new ballot's id, or None when the voter has one in this round already."""
    stamp = key.at
    row = (
        s.connection()
        .execute(
            _FIRST_BALLOT[s.get_bind().dialect.name],
            {
                "id": key.id,
                "device_id": audit.session_device(s).id,
                "created_at": stamp,
                "round_id": round_id,
                "participant_id": participant_id,
                "submitted_at": stamp,
                "station": station[:80],
                "revision": 1,
            },
        )
        .first()
    )
    return None if row is None else row.id


def cast_ballot(
    s: Session,
    round_id: uuid.UUID,
    participant_id: uuid.UUID,
    dots: Mapping[uuid.UUID, int],
    *,
    expected_revision: int,
    station: str = "",
    key: WriteKey | None = None,
) -> CastBallot:
    """Write a voter's whole ballot in this transaction, replacing their earlier one.

    ``expected_revision`` is the ``Voter.revision`` the station started from;
    if another station confirmed the same badge since, ConflictError.  ``key``
    (chosen once by the station for this confirmed ballot) gives a new ballot, its
    dots and its audit entry their ids and time: the same ballot written again on
    the laptop's local copy is the same rows (core.writekey).
    """
    key = key or WriteKey()
    # A shared lock on the round: ballots go in side by side, but not past a closing round.
    r = round_row(s, round_id, lock=True, shared=True)
    check_open(r)
    # Only the ideas of this ballot (a round may hold hundreds), with the rules of their
    # fields, in one statement.
    frozen: dict[uuid.UUID, uuid.UUID] = {}
    fields: dict[uuid.UUID, FieldRule] = {}
    for row in s.execute(
        select(
            RoundIdea.idea_id,
            RoundIdea.field_id,
            RoundField.field_id.label("in_round"),
            RoundField.budget,
            FieldOfAction.name,
            FieldOfAction.colour,
            FieldOfAction.position,
        )
        .outerjoin(
            RoundField,
            and_(
                RoundField.round_id == RoundIdea.round_id, RoundField.field_id == RoundIdea.field_id
            ),
        )
        .outerjoin(FieldOfAction, FieldOfAction.id == RoundField.field_id)
        .where(RoundIdea.round_id == r.id, RoundIdea.idea_id.in_([i for i, n in dots.items() if n]))
    ):
        frozen[row.idea_id] = row.field_id
        if row.in_round is not None:
            fields[row.field_id] = FieldRule(
                row.field_id, row.name, row.colour, row.position, row.budget
            )
    rules = round_rules(
        s, r, fields=tuple(sorted(fields.values(), key=lambda f: (f.position, f.name)))
    )
    cleaned = check_ballot(rules, frozen, dots)
    ticket_number, _first_name = _may_vote(s, r, participant_id)
    # A first ballot, the usual case, in one INSERT; a ballot there already is read.
    ballot_id = (
        _first_ballot(s, r.id, participant_id, station, key) if expected_revision == 0 else None
    )
    ballot = (
        None
        if ballot_id is not None
        else s.scalars(
            select(Ballot)
            .where(Ballot.round_id == r.id, Ballot.participant_id == participant_id)
            .with_for_update()
        ).first()
    )
    changed = ballot is not None
    if ballot_id is not None:
        pass
    elif ballot is None:
        if expected_revision != 0:
            raise _changed_elsewhere()
        ballot = Ballot(
            id=key.id,
            created_at=key.at,
            round_id=r.id,
            participant_id=participant_id,
            submitted_at=key.at,
            station=station[:80],
        )
        s.add(ballot)
        try:
            s.flush()
        except IntegrityError as exc:  # another station inserted it a moment ago
            raise _changed_elsewhere() from exc
        ballot_id = ballot.id
    else:
        if ballot.revision != expected_revision and _made_already(s, key):
            # This very confirm was saved before and its answer lost with the connection
            # (the voter tries again): answered as it was saved.
            placed = s.scalar(
                select(func.count()).where(
                    Dot.round_id == r.id, Dot.participant_id == participant_id
                )
            )
            return CastBallot(ballot.id, ballot.revision, int(placed or 0), expected_revision > 0)
        if not r.allow_change:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Ticket {number} has voted already; in this round a ballot cannot be changed.",
                ),
                number=ticket_number,
            )
        if ballot.revision != expected_revision:
            raise _changed_elsewhere()
        bumped = s.execute(
            update(Ballot)
            .where(Ballot.id == ballot.id, Ballot.revision == expected_revision)
            .values(revision=expected_revision + 1, submitted_at=key.at, station=station[:80])
            .execution_options(synchronize_session=False)
        )
        if bumped.rowcount != 1:  # type: ignore[attr-defined]
            raise _changed_elsewhere()
        s.execute(delete(Dot).where(Dot.round_id == r.id, Dot.participant_id == participant_id))
        ballot_id = ballot.id
    device = audit.session_device(s)
    rows: list[dict[str, Any]] = []
    per_field: Counter[uuid.UUID] = Counter()
    stamp = key.at
    for idea_id, count in sorted(cleaned.items()):
        field_id = frozen[idea_id]
        for idea_slot in range(1, count + 1):
            per_field[field_id] += 1
            rows.append(
                {
                    "id": key.id_for(f"dot {len(rows) + 1}"),
                    "device_id": device.id,
                    "created_at": stamp,
                    "round_id": r.id,
                    "participant_id": participant_id,
                    "idea_id": idea_id,
                    "slot": len(rows) + 1,
                    "budget": r.dots_per_participant,
                    "idea_slot": idea_slot,
                    "idea_cap": r.max_dots_per_idea,
                    "field_id": field_id,
                    "field_slot": per_field[field_id],
                    "field_cap": rules.cap_of(field_id),
                }
            )
    try:
        s.execute(insert(Dot), rows)
    except IntegrityError as exc:
        raise _changed_elsewhere() from exc
    revision = expected_revision + 1 if changed else 1
    audit.record(
        s,
        Action.BALLOT_CHANGED if changed else Action.BALLOT_CAST,
        "round",
        r.id,
        # No dot count: matched with the scan log's times it would narrow down whose ballot is whose.
        str(r.number),
        entry_id=key.id_for("audit"),
    )
    return CastBallot(ballot_id, revision, len(rows), changed)


def _made_already(s: Session, key: WriteKey) -> bool:
    """The write of ``key`` is in this database already (its audit entry is)."""
    entry = key.id_for("audit")
    return s.scalar(select(AuditEntry.seq).where(AuditEntry.id == entry)) is not None


def _changed_elsewhere() -> ConflictError:
    return ConflictError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This badge was used at another voting station at the same time. Nothing was saved here; please scan your badge again.",
        )
    )
