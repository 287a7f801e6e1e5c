"""One clock: every time a person reads is on the event's clock, whatever the laptop's zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from smartdialog.core import clock
from smartdialog.core.db import Database, open_database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import CheckIn, Participant
from smartdialog.core.services import checkin, ideas, minutes, setup

from .conftest import TEST_DEVICE
from .test_minutes_document import pdf_pages


@pytest.fixture
def laptop_on_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process runs as on a laptop set to UTC (the venue is in Münster)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _one_moment(db: Database) -> tuple[ideas.IdeaInfo, checkin.RecentCheckIn]:
    with db.uow() as s:
        field = setup.list_fields(s)[0]
        idea = ideas.capture(s, "Mehr Bänke am Aasee", field_id=field.id)
        person = Participant(
            event_id=setup.current_event(s).id, ticket_number=1, first_name="Ada", last_name="B"
        )
        s.add(person)
        s.flush()
        s.add(CheckIn(participant_id=person.id, at=idea.created_at, desk="Empfang 1"))
    with db.uow() as s:
        # The event begins at the very minute of the idea: the minutes' cover prints it.
        start = idea.created_at.replace(second=0, microsecond=0)
        setup.update_event(s, starts_at=start, ends_at=start + timedelta(hours=1))
    with db.read() as s:
        recent = checkin.recent(s)[0]
    return idea, recent


def test_a_laptop_on_utc_shows_the_event_clock_everywhere(
    db: Database, tmp_path: Path, laptop_on_utc: None, qtbot: object
) -> None:
    from smartdialog.ui.desk.models import RecentModel
    from smartdialog.ui.ideas import IdeasModel

    idea, recent = _one_moment(db)
    berlin = clock.hh_mm(idea.created_at)
    assert berlin != idea.created_at.astimezone().strftime("%H:%M"), "the laptop is on UTC"

    ideas_model = IdeasModel()
    ideas_model.set_ideas([idea])
    assert ideas_model.data(ideas_model.index(0, IdeasModel.TIME)) == berlin

    recent_model = RecentModel()
    recent_model.set_rows([recent])
    assert recent_model.data(recent_model.index(0, RecentModel.TIME)) == berlin

    pdf = tmp_path / "protokoll.pdf"
    minutes.export_pdf(db, pdf)
    assert f"{berlin} bis" in pdf_pages(pdf)[0]


def test_the_event_zone_is_a_setting_that_every_view_follows(
    db: Database, event_path: Path
) -> None:
    idea, _recent = _one_moment(db)
    berlin = clock.hh_mm(idea.created_at)
    try:
        with db.uow() as s:
            assert setup.get_event(s).time_zone == "Europe/Berlin"
            setup.update_event(s, time_zone="Europe/London")
        london = clock.hh_mm(idea.created_at)
        assert london != berlin
        db.close()
        clock.use_zone(clock.DEFAULT_ZONE)
        reopened = open_database(event_path, TEST_DEVICE)
        try:
            assert clock.zone_name() == "Europe/London", "opening the event sets its clock"
            with reopened.read() as s:
                assert s.scalar(select(CheckIn.desk)) == "Empfang 1"
        finally:
            reopened.close()
    finally:
        clock.use_zone(clock.DEFAULT_ZONE)


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "europe/berlin ", "Berlin"])
def test_an_unknown_zone_is_refused(db: Database, name: str) -> None:
    with db.uow() as s, pytest.raises(DomainError, match="time zone"):
        setup.update_event(s, time_zone=name)
    assert clock.zone_name() == "Europe/Berlin"


def test_a_naive_time_is_a_bug_not_a_local_time() -> None:
    from datetime import datetime

    with pytest.raises(ValueError):
        clock.local(datetime(2026, 11, 28, 10, 0))  # naive on purpose
