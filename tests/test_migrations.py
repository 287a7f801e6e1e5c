"""Event files of every released schema open in this version, with their data intact.

tests/fixtures/event-schema-NNNN.sdevent is a small demo event written by the
version that introduced schema NNNN (`smartdialog demo FILE --participants 40
--ideas 30 --votes --seed 7`). Add one for every new migration; never change
an existing one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smartdialog.core.db import HEAD_REVISION, KNOWN_REVISIONS, open_database, schema_revision
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
