"""The default sentences of the minutes, read as a German editor reads them."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from smartdialog.core.db import Database
from smartdialog.core.minutes import texts
from smartdialog.core.services import minutes, setup
from smartdialog.core.services.setup import EventInfo

from .test_minutes_document import pdf_pages

MUENSTER = EventInfo(
    id=uuid.uuid4(),
    title="Bürgerdialog Smart City Münster",
    starts_at=datetime(2026, 11, 28, 9, tzinfo=UTC),
    ends_at=datetime(2026, 11, 28, 15, tzinfo=UTC),
    venue="Rathaus Münster",
    organiser="Stadt Münster, Amt für Digitalisierung",
    council_reference="V/0164/2018",
    moderation="",
    guiding_question="",
    code="1234",
    default_dots_per_participant=5,
    default_max_dots_per_idea=2,
    min_group_size=5,
    minutes_status="draft",
    time_zone="Europe/Berlin",
)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_occasion_names_the_event_once_and_the_organiser_with_article() -> None:
    text = flat(texts.occasion(MUENSTER))
    assert "Bürgerdialog „Bürgerdialog" not in text, "a doubled word"
    assert "hat Stadt Münster" not in text, "a missing article"
    assert (
        "Mit dem „Bürgerdialog Smart City Münster“ hat die Veranstalterin – Stadt Münster, "
        "Amt für Digitalisierung – diesen Auftrag umgesetzt." in text
    )
    assert "Mit dem Beschluss zur Vorlage V/0164/2018 hat der Rat" in text
    assert "Ideen eingebracht und diese anschließend gemeinsam gewichtet" in text


def test_another_kind_of_event_and_no_organiser() -> None:
    event = dataclasses.replace(
        MUENSTER, title="Zukunftswerkstatt Digitales Münster", organiser="", council_reference=""
    )
    text = flat(texts.occasion(event))
    assert "Mit der Veranstaltung „Zukunftswerkstatt Digitales Münster“ hat die " in text
    assert "hat die Stadtverwaltung diesen Auftrag umgesetzt." in text
    assert text.startswith("Der Rat hat die Verwaltung beauftragt,")


def test_privacy_and_next_steps_read_as_german() -> None:
    privacy = flat(texts.privacy(MUENSTER))
    assert "verarbeitet die Veranstalterin – Stadt Münster, Amt für Digitalisierung – " in privacy
    assert "nur für Gruppen, die so groß sind, dass niemand erkennbar ist" in privacy
    assert "verarbeitet Stadt" not in privacy
    steps = flat(texts.next_steps(MUENSTER))
    assert "legt sie dem Rat als Grundlage für die weitere Ausarbeitung der Strategie vor" in steps
    assert "Rat (Vorlage" not in steps


@pytest.mark.parametrize("organiser", ["Stadt Münster, Amt für Digitalisierung", ""])
def test_no_default_sentence_lacks_an_article(organiser: str) -> None:
    event = dataclasses.replace(MUENSTER, organiser=organiser)
    field = setup.FieldInfo(uuid.uuid4(), "Mobilität", "", "#000000", 0)
    for body in texts.defaults(event, [field]).values():
        text = flat(body)
        for verb in ("hat", "verarbeitet", "erteilt"):
            assert f"{verb} Stadt" not in text and f"{verb} Veranstalterin" not in text


def test_the_document_says_why_the_order_is_what_it_is(db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "ohne-abstimmung.pdf"
    minutes.export_pdf(db, pdf)
    text = flat("\n".join(pdf_pages(pdf)))
    # Without a vote, nothing is "ordered by the dots of the prioritisation".
    assert "geordnet nach den Punkten" not in text
    assert (
        "die Zahl der Beiträge und die Beiträge selbst. Es fand keine Abstimmung statt. "
        "Sie stehen daher in der Reihenfolge, in der sie eingebracht wurden." in text
    )
    assert "kleinere Gruppen sind zusammengefasst oder, wenn auch zusammen zu klein, " in text
