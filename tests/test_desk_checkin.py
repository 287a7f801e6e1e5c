"""Check-in through the services: verdicts, the scan log, annulments, and two desks racing."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import AuditEntry, CheckIn, ScanLog
from smartdialog.core.services import checkin, registration, tickets
from smartdialog.core.services.registration import Consents, WalkIn

DESK_1 = DeviceIdentity(uuid.UUID(int=11), "Empfang 1", "desk")
DESK_2 = DeviceIdentity(uuid.UUID(int=12), "Empfang 2", "desk")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on an event file and on a shared PostgreSQL event."""
    fixture = "db" if request.param == "sqlite" else "pg_db"
    database: Database = request.getfixturevalue(fixture)
    return database


def _person(db: Database, first: str = "Jürgen", last: str = "Müller") -> registration.PersonRow:
    with db.uow() as s:
        person = registration.register_walk_in(s, WalkIn(first, last, consents=Consents()))
    return person


def _payload(db: Database, number: int) -> str:
    with db.read() as s:
        return tickets.payload_for(s, number)


def test_first_scan_welcomes_second_says_when_and_where(any_db: Database) -> None:
    db = any_db
    person = _person(db)
    payload = _payload(db, person.ticket_number)
    with db.uow() as s:
        first = checkin.scan(s, payload + "\r\n", "Empfang 2")
    with db.uow() as s:
        second = checkin.scan(s, payload, "Empfang 1")
    assert first.verdict == checkin.WELCOME
    assert first.holder is not None and first.holder.display_name == "Müller, Jürgen"
    assert second.verdict == checkin.ALREADY
    assert second.desk == "Empfang 2"
    assert second.at == first.at
    assert second.check_in_id == first.check_in_id


def test_every_scan_is_logged_with_its_verdict_and_reason(any_db: Database) -> None:
    db = any_db
    person = _person(db)
    payload = _payload(db, person.ticket_number)
    with db.uow() as s:
        for raw in (payload, payload, "garbage!", payload[:12], "9999" + payload[4:]):
            checkin.scan(s, raw, "Empfang 1")
    with db.read() as s:
        log = [
            (r.verdict, r.reason)
            for r in s.scalars(select(ScanLog).order_by(ScanLog.at, ScanLog.raw))
        ]
    assert sorted(log) == sorted(
        [
            ("welcome", ""),
            ("already", ""),
            ("rejected", "garbled"),
            ("rejected", "truncated"),
            ("rejected", "foreign"),
        ]
    )


def test_a_rejected_scan_is_answered_not_raised(any_db: Database) -> None:
    db = any_db
    with db.uow() as s:
        result = checkin.scan(s, "x" * 5000, "Empfang 1")
    assert result.verdict == checkin.REJECTED
    assert result.reason == tickets.TicketRejected.GARBLED
    with db.read() as s:
        raw = s.scalar(select(ScanLog.raw))
    assert raw is not None and len(raw) == checkin.RAW_LIMIT


def test_annul_keeps_the_record_and_allows_a_new_check_in(any_db: Database) -> None:
    db = any_db
    person = _person(db)
    with db.uow() as s:
        first = checkin.check_in_participant(s, person.participant_id, "Empfang 1")
    with pytest.raises(DomainError, match="why"), db.uow() as s:
        checkin.annul(s, first.check_in_id, "   ", "Anna")
    with db.uow() as s:
        annulled = checkin.annul(s, first.check_in_id, "Falsche Person", "Anna")
    assert annulled.annulled_at is not None and annulled.annul_reason == "Falsche Person"
    with pytest.raises(DomainError, match="already"), db.uow() as s:
        checkin.annul(s, first.check_in_id, "noch einmal", "Anna")
    with db.uow() as s:
        again = checkin.check_in_participant(s, person.participant_id, "Empfang 2")
    assert again.verdict == checkin.WELCOME
    with db.read() as s:
        rows = s.scalar(select(func.count()).select_from(CheckIn))
        recent = checkin.recent(s)
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert rows == 2
    assert [r.annulled_at is None for r in recent] == [True, False]
    assert actions.count("checkin.created") == 2 and "checkin.annulled" in actions


def test_counters_follow_check_ins_and_walk_ins(any_db: Database) -> None:
    db = any_db
    a = _person(db, "Anna", "Kaya")
    _person(db, "Ole", "Weiß")
    with db.read() as s:
        assert checkin.counters(s) == checkin.Counters(0, 0, 2, 0)
    with db.uow() as s:
        checkin.check_in_participant(s, a.participant_id, "Empfang 1")
    with db.read() as s:
        assert checkin.counters(s) == checkin.Counters(0, 1, 2, 1)


def test_losing_the_race_at_the_index_answers_already(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk's own check passes, the database's unique index still refuses the second check-in."""
    person = _person(db)
    with db.uow() as s:
        checkin.check_in_participant(s, person.participant_id, "Empfang 2")
    real_active = checkin._active
    calls: list[int] = []

    def blind_first(s: Any, participant_id: uuid.UUID) -> Any:
        calls.append(1)
        return None if len(calls) == 1 else real_active(s, participant_id)

    monkeypatch.setattr(checkin, "_active", blind_first)
    with db.uow() as s:
        result = checkin.scan(s, _payload(db, person.ticket_number), "Empfang 1")
    assert result.verdict == checkin.ALREADY and result.desk == "Empfang 2"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 1
        assert s.scalar(select(func.count()).select_from(ScanLog)) == 1


def _scan_at_once(
    desk: Database,
    payload: str,
    barrier: threading.Barrier,
    verdicts: list[str],
    errors: list[BaseException],
) -> None:
    try:
        barrier.wait(timeout=10)
        with desk.uow() as s:
            verdicts.append(checkin.scan(s, payload, desk.device.name).verdict)
    except BaseException as exc:  # reported by the main thread
        errors.append(exc)


def _race(url: str | Any, payload: str, rounds: int = 5) -> None:
    """Two desks (own engines, own devices) scan the same ticket at the same moment, several times."""
    desks = [open_database(url, DESK_1), open_database(url, DESK_2)]
    try:
        for _ in range(rounds):
            barrier = threading.Barrier(2)
            verdicts: list[str] = []
            errors: list[BaseException] = []
            threads = [
                threading.Thread(target=_scan_at_once, args=(d, payload, barrier, verdicts, errors))
                for d in desks
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=30)
            assert not errors, errors
            assert sorted(verdicts) == ["already", "welcome"]
            with desks[0].uow() as s:
                active = s.scalars(select(CheckIn.id).where(CheckIn.annulled_at.is_(None))).all()
                assert len(active) == 1
                checkin.annul(s, active[0], "Test der Gleichzeitigkeit", "Test")
    finally:
        for d in desks:
            d.close()


def test_two_desks_at_once_on_sqlite(db: Database) -> None:
    person = _person(db)
    payload = _payload(db, person.ticket_number)
    assert db.path is not None
    _race(db.path, payload)


@pytest.mark.postgres
def test_two_desks_at_once_on_postgresql(pg_db: Database, pg_url: str) -> None:
    person = _person(pg_db)
    payload = _payload(pg_db, person.ticket_number)
    _race(pg_url, payload)


@pytest.mark.postgres
def test_losing_the_race_at_the_index_on_postgresql(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    test_losing_the_race_at_the_index_answers_already(pg_db, monkeypatch)


@pytest.fixture
def two_walk_in_desks(db: Database) -> Iterator[list[Database]]:
    assert db.path is not None
    desks = [open_database(db.path, DESK_1), open_database(db.path, DESK_2)]
    yield desks
    for d in desks:
        d.close()


def test_walk_ins_at_two_desks_get_distinct_ticket_numbers(
    two_walk_in_desks: list[Database],
) -> None:
    numbers: list[int] = []
    barrier = threading.Barrier(2)

    def register(desk: Database, first: str) -> None:
        barrier.wait(timeout=10)
        for i in range(10):
            with desk.uow() as s:
                numbers.append(
                    registration.register_walk_in(s, WalkIn(first, f"Gast {i}")).ticket_number
                )

    threads = [
        threading.Thread(target=register, args=(d, d.device.name)) for d in two_walk_in_desks
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(numbers) == list(range(1, 21))
