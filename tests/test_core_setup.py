"""Event setup through the services: no Qt involved."""

from __future__ import annotations

import pytest

from smartdialog.core.db import Database, open_database
from smartdialog.core.errors import DomainError
from smartdialog.core.services import audit, setup

from .conftest import TEST_DEVICE


def test_new_event_has_the_resolutions_fields(db: Database) -> None:
    with db.read() as s:
        names = [f.name for f in setup.list_fields(s)]
    assert names == [name for name, _ in setup.DEFAULT_FIELDS]


def test_rename_add_reorder_recolour_survive_reopening(db: Database) -> None:
    with db.uow() as s:
        fields = setup.list_fields(s)
        setup.update_field(s, fields[0].id, name="Mobilität und Verkehr")
        culture = setup.add_field(s, "Kultur und Freizeit", colour="#AA00FF")
        setup.move_field(s, culture.id, -10)
        setup.update_field(s, fields[1].id, colour="#123456")
        setup.add_station(s, "Tisch 1", field_id=culture.id, facilitators="Anna Müller")
    path = db.path
    db.close()
    reopened = open_database(path, TEST_DEVICE)
    try:
        with reopened.read() as s:
            fields = setup.list_fields(s)
            stations = setup.list_stations(s)
    finally:
        reopened.close()
    assert fields[0].name == "Kultur und Freizeit"
    assert fields[0].colour == "#aa00ff"
    assert fields[1].name == "Mobilität und Verkehr"
    assert fields[2].colour == "#123456"
    assert len(fields) == 8
    assert [(st.name, st.field_id, st.facilitators) for st in stations] == [
        ("Tisch 1", fields[0].id, "Anna Müller")
    ]


@pytest.mark.parametrize(
    ("name", "refusal"),
    [
        ("", "Enter a name for the field"),
        ("   ", "Enter a name for the field"),
        ("mobilität", "named “mobilität” exists already"),
    ],
)
def test_field_names_must_be_given_and_unique(db: Database, name: str, refusal: str) -> None:
    with pytest.raises(DomainError, match=refusal), db.uow() as s:
        setup.add_field(s, name)


def test_bad_colour_is_refused(db: Database) -> None:
    with db.uow() as s:
        field = setup.list_fields(s)[0]
    with pytest.raises(DomainError, match="not a colour"), db.uow() as s:
        setup.update_field(s, field.id, colour="red")


def test_every_change_is_in_the_audit_feed(db: Database) -> None:
    with db.read() as s:
        before = audit.latest_seq(s)
    with db.uow() as s:
        setup.add_station(s, "Tisch 9")
    with db.read() as s:
        changes = audit.changes_since(s, before)
    assert [c.action for c in changes] == ["station.added"]
    assert changes[0].device_id == TEST_DEVICE.id


def test_failed_unit_of_work_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(DomainError, match="named “tisch a” exists already"), db.uow() as s:
        setup.add_station(s, "Tisch A")
        setup.add_station(s, "tisch a")
    with db.read() as s:
        assert setup.list_stations(s) == []


def test_event_details_are_validated(db: Database) -> None:
    with pytest.raises(DomainError, match="Enter a title"), db.uow() as s:
        setup.update_event(s, title="  ")
    with db.uow() as s:
        info = setup.update_event(s, venue="  Rathaus,\n Festsaal ")
    assert info.venue == "Rathaus, Festsaal"
