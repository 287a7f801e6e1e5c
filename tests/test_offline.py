"""A joined laptop's local copy and its way back into the shared event, without Qt.

The shared event is a real PostgreSQL database (conftest's per-test copy);
the laptop's copy is an SQLite file in its data folder (core.hosting.offline).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select

from smartdialog.core.db import (
    Database,
    DeviceIdentity,
    create_database,
    make_engine,
    open_database,
)
from smartdialog.core.errors import ConnectionLost
from smartdialog.core.hosting import offline, transfer
from smartdialog.core.models import CheckIn, Participant
from smartdialog.core.services import checkin, registration, setup
from smartdialog.core.services.registration import WalkIn
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
