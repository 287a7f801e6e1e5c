"""A joined laptop's local copy and its way back into the shared event, without Qt.

The shared event is a real PostgreSQL database (conftest's per-test copy);
the laptop's copy is an SQLite file in its data folder (core.hosting.offline).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.db import (
    Database,
    DeviceIdentity,
    create_database,
    make_engine,
    open_database,
)
from smartdialog.core.errors import ConnectionLost
from smartdialog.core.hosting import offline, transfer
from smartdialog.core.models import (
    AuditEntry,
    Ballot,
    CheckIn,
    Dot,
    Idea,
    IdeaRevision,
    Participant,
    ScanLog,
)
from smartdialog.core.services import checkin, ideas, merge, registration, setup, tickets, voting
from smartdialog.core.services.registration import WalkIn
from smartdialog.core.writekey import WriteKey
from tests.conftest import _admin_execute, _pg_url
from tests.tcpproxy import TcpProxy

LAPTOP = DeviceIdentity(uuid.UUID(int=41), "Empfang 2", "desk")
HOST_DESK = DeviceIdentity(uuid.UUID(int=42), "Empfang 1", "desk")


@pytest.fixture
def host(pg_url: str) -> Iterator[Database]:
    """The shared event, with six people registered."""
    database = open_database(pg_url, HOST_DESK)
    with database.uow() as s:
        for n in range(6):
            registration.register_walk_in(s, WalkIn(f"Person{n}", "Muster"))
    yield database
    database.close()


def _people(db: Database) -> list[uuid.UUID]:
    with db.read() as s:
        return list(s.scalars(select(Participant.id).order_by(Participant.ticket_number)))


def _active(db: Database) -> dict[uuid.UUID, int]:
    with db.read() as s:
        rows = s.execute(
            select(CheckIn.participant_id, func.count())
            .where(CheckIn.annulled_at.is_(None))
            .group_by(CheckIn.participant_id)
        )
        return {pid: n for pid, n in rows}


def _check_in(db: Database, pid: uuid.UUID) -> None:
    with db.uow() as s:
        checkin.check_in_participant(s, pid, db.device.name)


def test_the_copy_holds_every_row_of_the_host_and_no_password(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    info = offline.refresh(pg_url, tmp_path)
    copy = make_engine(info.path(tmp_path))
    try:
        assert transfer.same_rows(host.engine, copy) == []
    finally:
        copy.dispose()
    assert info.host == offline.shown_url(pg_url)
    assert offline.find_copy(tmp_path, pg_url) == info
    # Nothing but the copy, its description and the empty template is left in the folder.
    assert sorted(p.name for p in info.path(tmp_path).parent.iterdir()) == [
        offline.META,
        info.file,
    ]


def test_a_new_copy_replaces_the_old_one(host: Database, pg_url: str, tmp_path: Path) -> None:
    first = offline.refresh(pg_url, tmp_path)
    _check_in(host, _people(host)[0])
    second = offline.refresh(pg_url, tmp_path)
    assert second.file != first.file
    assert not first.path(tmp_path).exists()
    copy = offline.open_copy(tmp_path, second.event_id, LAPTOP)
    try:
        assert _active(copy) == {_people(host)[0]: 1}
    finally:
        copy.close()


def test_work_offline_then_merge_back_brings_every_entry_once(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    info = offline.refresh(pg_url, tmp_path)
    people = _people(host)
    local = offline.open_copy(tmp_path, info.event_id, LAPTOP)
    try:
        for pid in people[:3]:
            _check_in(local, pid)
    finally:
        local.close()
    # Meanwhile at the host: one person of the laptop's three, and one other.
    _check_in(host, people[2])
    _check_in(host, people[4])

    report = offline.merge_back(info.path(tmp_path), info.event_id, pg_url, LAPTOP)

    assert _active(host) == {pid: 1 for pid in (*people[:3], people[4])}
    assert offline.entries_brought(report) == 3  # one log entry per check-in made here
    assert offline.needs_deciding(report)  # people[2] checked in at both: the rule decided
    again = offline.merge_back(info.path(tmp_path), info.event_id, pg_url, LAPTOP)
    assert offline.entries_brought(again) == 0
    assert not offline.needs_deciding(again)
    assert _active(host) == {pid: 1 for pid in (*people[:3], people[4])}


def test_a_copy_worked_on_is_merged_back_before_it_is_replaced(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    info = offline.refresh(pg_url, tmp_path)
    pid = _people(host)[5]
    local = offline.open_copy(tmp_path, info.event_id, LAPTOP)
    _check_in(local, pid)
    local.close()
    assert offline.copy_info(tmp_path, info.event_id).worked_offline  # type: ignore[union-attr]

    fresh = offline.refresh(pg_url, tmp_path, device=LAPTOP)

    assert _active(host) == {pid: 1}
    assert not fresh.worked_offline


@pytest.fixture
def other_event_url() -> Iterator[str]:
    """Another event on a server of its own: the host laptop opened a different one."""
    name = f"sd_test_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        url = _pg_url(name)
        database = create_database(url, HOST_DESK)
        with database.uow() as s:
            setup.create_event(s, "Zukunftswerkstatt")
        database.close()
        yield url
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_host_with_another_event_is_refused(
    host: Database, pg_url: str, other_event_url: str, tmp_path: Path
) -> None:
    info = offline.refresh(pg_url, tmp_path)
    local = offline.open_copy(tmp_path, info.event_id, LAPTOP)
    _check_in(local, _people(host)[0])
    local.close()

    with pytest.raises(
        offline.OfflineError, match=r"now with another event \(“Zukunftswerkstatt”\)"
    ):
        offline.merge_back(info.path(tmp_path), info.event_id, other_event_url, LAPTOP)
    other = open_database(other_event_url, HOST_DESK)
    try:
        assert _active(other) == {}
        assert _people(other) == []
    finally:
        other.close()


def test_a_missing_copy_is_said(tmp_path: Path) -> None:
    with pytest.raises(offline.OfflineError, match="no local copy of the shared event"):
        offline.open_copy(tmp_path, str(uuid.uuid4()), LAPTOP)


def test_a_damaged_copy_is_said(host: Database, pg_url: str, tmp_path: Path) -> None:
    info = offline.refresh(pg_url, tmp_path)
    info.path(tmp_path).write_bytes(b"\0" * 4096)
    with pytest.raises(offline.OfflineError, match="local copy of the shared event is damaged"):
        offline.open_copy(tmp_path, info.event_id, LAPTOP)


def _small_disk(path: Path) -> Engine:
    """The copy's engine on a disk that is full after a few pages (SQLite's own SQLITE_FULL)."""
    engine = make_engine(path)

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: object, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 1}")  # type: ignore[attr-defined]

    return engine


def _grow(host: Database) -> None:
    """More rows than a page or two of the empty template's free space holds."""
    with host.uow() as s:
        for n in range(50):
            registration.register_walk_in(s, WalkIn(f"Gast{n}", "Lang" * 20, organisation="x" * 80))


def test_a_full_disk_keeps_the_previous_copy_whole(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    before = offline.refresh(pg_url, tmp_path)
    _grow(host)

    with pytest.raises(
        offline.OfflineError, match=r"disk of this laptop is full.*copy from \d\d:\d\d is kept"
    ):
        offline.refresh(pg_url, tmp_path, make_copy_engine=_small_disk)

    assert offline.copy_info(tmp_path, before.event_id) == before
    assert sorted(p.name for p in before.path(tmp_path).parent.iterdir()) == [
        offline.META,
        before.file,
    ]
    copy = offline.open_copy(tmp_path, before.event_id, LAPTOP)
    try:
        assert len(_people(copy)) == 6  # as copied before the new walk-ins
    finally:
        copy.close()


def test_a_full_disk_without_a_copy_says_there_is_none(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    _grow(host)
    with pytest.raises(offline.OfflineError, match="disk of this laptop is full: it has no local"):
        offline.refresh(pg_url, tmp_path, make_copy_engine=_small_disk)
    assert offline.find_copy(tmp_path, pg_url) is None


def test_a_host_that_does_not_answer_is_a_lost_connection(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    with TcpProxy(5432) as proxy:
        url = make_engine(pg_url).url.set(port=proxy.port).render_as_string(hide_password=False)
        assert offline.probe(url)[1] == "Bürgerdialog Smart City Münster"
        proxy.cut()
        with pytest.raises(ConnectionLost, match="does not answer"):
            offline.probe(url)
        with pytest.raises(ConnectionLost, match="does not answer"):
            offline.refresh(url, tmp_path)
        assert offline.find_copy(tmp_path, url) is None


def test_a_check_in_this_laptop_made_twice_is_not_put_before_the_moderator(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    """The host saved a scan but its answer was lost with the connection: the laptop made it
    again on its copy.  The merge keeps one; nobody has to look at it."""
    info = offline.refresh(pg_url, tmp_path)
    pid = _people(host)[1]
    laptop_at_host = open_database(pg_url, LAPTOP)
    try:
        _check_in(laptop_at_host, pid)  # committed, never acknowledged
    finally:
        laptop_at_host.close()
    local = offline.open_copy(tmp_path, info.event_id, LAPTOP)
    _check_in(local, pid)  # the retry
    local.close()

    report = offline.merge_back(info.path(tmp_path), info.event_id, pg_url, LAPTOP)

    assert [f.kind for f in report.conflicts] == ["checkin_duplicate"]
    assert not offline.needs_deciding(report)
    assert _active(host) == {pid: 1}


# -- a write retried on the copy after its answer was lost ----------------------------------
#
# The host saved the write, but its answer was lost with the cable; the laptop made the write
# once more on its copy (ui/ops.failover).  The write's key, chosen once before it was first
# tried, makes the retry create the very same rows: the merge back adds nothing.


def _written_at_host_then_on_the_copy(
    pg_url: str, tmp_path: Path, write: Callable[[Session], object]
) -> merge.MergeReport:
    info = offline.refresh(pg_url, tmp_path)
    laptop_at_host = open_database(pg_url, LAPTOP)
    try:
        with laptop_at_host.uow() as s:
            write(s)  # committed, never acknowledged
    finally:
        laptop_at_host.close()
    local = offline.open_copy(tmp_path, info.event_id, LAPTOP)
    try:
        with local.uow() as s:
            write(s)  # the retry, with the same key
    finally:
        local.close()
    return offline.merge_back(info.path(tmp_path), info.event_id, pg_url, LAPTOP)


def _brought(report: merge.MergeReport) -> dict[str, int]:
    """What the merge added to or changed in the shared event, the laptop's own row aside."""
    return {
        table: n
        for source in report.sources
        for table, n in (*source.new_rows.items(), *source.changed_rows.items())
        if table != "devices"
    }


@pytest.mark.parametrize("how", ["scan", "by name"])
def test_a_check_in_retried_on_the_copy_is_in_the_shared_event_once(
    host: Database, pg_url: str, tmp_path: Path, how: str
) -> None:
    pid = _people(host)[1]
    with host.read() as s:
        payload = tickets.payload_for(s, 2)
    key = WriteKey()

    def write(s: Session) -> object:
        if how == "scan":
            result = checkin.scan(s, payload, LAPTOP.name, key=key)
        else:
            result = checkin.check_in_participant(s, pid, LAPTOP.name, key=key)
        assert result.verdict == checkin.WELCOME
        return result

    report = _written_at_host_then_on_the_copy(pg_url, tmp_path, write)

    assert report.conflicts == ()
    assert _brought(report) == {}
    assert offline.entries_brought(report) == 0
    with host.read() as s:
        rows = s.execute(
            select(CheckIn.id, CheckIn.annulled_at).where(CheckIn.participant_id == pid)
        )
        assert [tuple(r) for r in rows] == [(key.id, None)]
        logged = s.scalar(select(func.count()).where(ScanLog.participant_id == pid))
        assert logged == (1 if how == "scan" else 0)
        entries = s.scalar(
            select(func.count()).where(
                AuditEntry.action == Action.CHECKIN_CREATED, AuditEntry.object_id == pid
            )
        )
        assert entries == 1


def test_an_idea_retried_on_the_copy_is_in_the_shared_event_once(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    with host.read() as s:
        field_id = setup.list_fields(s)[0].id
    key = WriteKey()

    def write(s: Session) -> object:
        return ideas.capture(s, "Mehr Bänke am Aasee", field_id=field_id, key=key)

    report = _written_at_host_then_on_the_copy(pg_url, tmp_path, write)

    assert report.conflicts == ()
    assert _brought(report) == {}
    with host.read() as s:
        assert list(s.scalars(select(Idea.id).where(Idea.text == "Mehr Bänke am Aasee"))) == [
            key.id
        ]
        assert s.scalar(select(func.count()).where(IdeaRevision.idea_id == key.id)) == 1
        assert s.scalar(select(func.count()).where(AuditEntry.object_id == key.id)) == 1


def test_a_ballot_retried_on_the_copy_is_in_the_shared_event_once(
    host: Database, pg_url: str, tmp_path: Path
) -> None:
    voter = _people(host)[3]
    with host.uow() as s:
        field_id = setup.list_fields(s)[0].id
        chosen = ideas.capture(s, "Radweg an der Promenade", field_id=field_id).id
        ideas.capture(s, "Mehr Bänke am Aasee", field_id=field_id)
        round_id = voting.create_round(s, "Priorisierung", field_ids=[field_id]).id
        voting.start_round(s, round_id)
        checkin.check_in_participant(s, voter, HOST_DESK.name)
    key = WriteKey()

    def write(s: Session) -> object:
        return voting.cast_ballot(
            s, round_id, voter, {chosen: 2}, expected_revision=0, station="Station 1", key=key
        )

    report = _written_at_host_then_on_the_copy(pg_url, tmp_path, write)

    assert report.conflicts == ()
    assert report.open_cases == 0
    assert _brought(report) == {}
    with host.read() as s:
        assert list(s.scalars(select(Ballot.id).where(Ballot.participant_id == voter))) == [key.id]
        assert s.scalar(select(func.count()).where(Dot.participant_id == voter)) == 2


@pytest.mark.parametrize("allow_change", [True, False])
def test_a_confirm_tried_again_at_the_host_that_saved_it_is_answered_as_saved(
    host: Database, allow_change: bool
) -> None:
    """The station's "try again" after a lost answer goes to the host that saved the ballot:
    the same key is this voter's own ballot, not another station's (no ConflictError)."""
    voter = _people(host)[3]
    with host.uow() as s:
        field_id = setup.list_fields(s)[0].id
        chosen = ideas.capture(s, "Radweg an der Promenade", field_id=field_id).id
        round_id = voting.create_round(
            s, "Priorisierung", field_ids=[field_id], allow_change=allow_change
        ).id
        voting.start_round(s, round_id)
        checkin.check_in_participant(s, voter, HOST_DESK.name)
    station = open_database(host.url, LAPTOP)
    ballots = ((0, {chosen: 1}), (1, {chosen: 2}))  # a first ballot, a change
    try:
        for expected, dots in ballots if allow_change else ballots[:1]:
            key = WriteKey()
            answers = []
            for _attempt in range(2):
                with station.uow() as s:
                    answers.append(
                        voting.cast_ballot(
                            s, round_id, voter, dots, expected_revision=expected, key=key
                        )
                    )
            assert answers[0] == answers[1]
            assert answers[0].revision == expected + 1
        with station.read() as s:
            assert s.scalar(select(func.count()).where(Dot.participant_id == voter)) == (
                2 if allow_change else 1
            )
            assert s.scalar(select(func.count()).where(Ballot.participant_id == voter)) == 1
    finally:
        station.close()


def test_a_scan_tried_again_where_it_was_saved_is_welcomed_as_saved(host: Database) -> None:
    pid = _people(host)[2]
    with host.read() as s:
        payload = tickets.payload_for(s, 3)
    key = WriteKey()
    answers = []
    for _attempt in range(2):
        with host.uow() as s:
            answers.append(checkin.scan(s, payload, HOST_DESK.name, key=key))
    assert [a.verdict for a in answers] == [checkin.WELCOME, checkin.WELCOME]
    assert answers[1].check_in_id == answers[0].check_in_id == key.id
    with host.read() as s:
        assert s.scalar(select(func.count()).where(ScanLog.participant_id == pid)) == 1
        assert s.scalar(select(func.count()).where(CheckIn.participant_id == pid)) == 1
    # Another scan of the same ticket (another key) is "already checked in", as ever.
    with host.uow() as s:
        assert checkin.scan(s, payload, HOST_DESK.name).verdict == checkin.ALREADY
