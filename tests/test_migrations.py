"""Event files of every released schema open in this version, with their data intact.

tests/fixtures/event-schema-NNNN.sdevent is a small demo event written by the
version that introduced schema NNNN (`smartdialog demo FILE --participants 40
--ideas 30 --votes --seed 7`). Add one for every new migration; never change
an existing one.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smartdialog.core import db as db_module
from smartdialog.core.db import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    create_database,
    make_engine,
    open_database,
    schema_revision,
    upgrade,
)
from smartdialog.core.models import Ballot, CheckIn, Dot, Idea, Participant
from smartdialog.core.services import audit, setup, voting

from .conftest import TEST_DEVICE

FIXTURES = Path(__file__).parent / "fixtures"


def test_there_is_a_fixture_for_every_schema() -> None:
    assert sorted(
        p.stem.removeprefix("event-schema-") for p in FIXTURES.glob("event-schema-*.sdevent")
    ) == sorted(KNOWN_REVISIONS)


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_an_event_of_an_older_schema_opens_with_its_data(revision: str, tmp_path: Path) -> None:
    path = tmp_path / f"alt-{revision}.sdevent"
    shutil.copy(FIXTURES / f"event-schema-{revision}.sdevent", path)
    db = open_database(path, TEST_DEVICE)
    try:
        assert schema_revision(db.engine) == HEAD_REVISION
        with db.read() as s:
            event = setup.get_event(s)
            assert event.title == "Bürgerdialog Smart City Münster"
            assert event.council_reference == "V/0164/2018"
            # 0002: the event's clock; every event before it was held in Münster.
            assert event.time_zone == "Europe/Berlin"
            assert len(setup.list_fields(s)) == 7
            assert s.scalar(select(func.count()).select_from(Participant)) == 40
            assert s.scalar(select(func.count()).select_from(Idea)) == 30
            assert s.scalar(select(func.count()).select_from(CheckIn)) == 32
            rounds = voting.list_rounds(s)
            assert [r.status for r in rounds] == ["closed"]
            results = voting.round_results(s, rounds[0].id)
            assert results.tally_sha256 and results.tally_intact
            # 0003: ballots of closed rounds name no voter; the audit log is one chain.
            people = set(s.scalars(select(Participant.id)))
            assert not people & set(s.scalars(select(Ballot.participant_id)))
            assert not people & set(s.scalars(select(Dot.participant_id)))
            assert audit.verify_chain(s).intact
    finally:
        db.close()
    if revision != HEAD_REVISION:
        assert (tmp_path / f"alt-{revision}.vor-update-{revision}.sdevent").exists(), (
            "a copy is kept before upgrading"
        )


def _schema(path: Path) -> list[tuple[str, str, list[str]]]:
    """Every table, index and trigger with the lines of its SQL, in any order.

    Alembic's batch mode may list a copied table's constraints in another order from one
    run to the next: the same schema.
    """
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master")
        return sorted(
            (kind, name, sorted(line.strip(" \t,") for line in sql.splitlines()))
            for kind, name, sql in rows
        )


def test_a_new_event_is_the_schema_the_migrations_give(tmp_path: Path) -> None:
    # Only the first new event of a process runs the migrations; the others copy it.
    for name in ("erste", "zweite"):
        create_database(tmp_path / f"{name}.sdevent", TEST_DEVICE).close()
    migrated = tmp_path / "migriert.sdevent"
    engine = make_engine(migrated)
    upgrade(engine)
    engine.dispose()
    assert _schema(tmp_path / "zweite.sdevent") == _schema(migrated)
    db = open_database(tmp_path / "zweite.sdevent", TEST_DEVICE)
    try:
        assert schema_revision(db.engine) == HEAD_REVISION
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Participant)) == 0
    finally:
        db.close()


def test_an_empty_event_is_copied_only_when_the_migrations_wrote_no_row(tmp_path: Path) -> None:
    path = tmp_path / "gesät.sdevent"
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0005')")
        conn.execute("CREATE TABLE secrets (value TEXT)")
        conn.execute("INSERT INTO secrets VALUES ('für jede Veranstaltung neu')")
    with pytest.raises(RuntimeError, match=r"wrote rows into a new event: \['secrets'\]"):
        db_module._bytes_of_an_empty_event(path)
