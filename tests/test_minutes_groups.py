"""No group below the minimum group size appears in the minutes, not even a rest row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from smartdialog.core.db import Database
from smartdialog.core.minutes.content import Group, fold_small
from smartdialog.core.models import CheckIn, Participant
from smartdialog.core.services import minutes, setup

from .test_minutes_document import pdf_pages


def _present(db: Database, people: list[tuple[str, str]]) -> None:
    """Participants (organisation, district), all checked in."""
    with db.uow() as s:
        event_id = setup.current_event(s).id
        for n, (organisation, district) in enumerate(people, start=1):
            s.add(
                Participant(
                    event_id=event_id,
                    ticket_number=n,
                    first_name="A",
                    last_name=f"B{n}",
                    organisation=organisation,
                    district=district,
                )
            )
    with db.uow() as s:
        for p in s.scalars(select(Participant)):
            s.add(CheckIn(participant_id=p.id))


def _breakdown_rows(pdf: Path, title: str) -> list[tuple[str, int]]:
    text = "\n".join(pdf_pages(pdf))
    if title not in text:
        return []
    table = text.split(title, 1)[1].split("Aufgeschlüsselt werden nur", 1)[0]
    table = table.split("Teilnehmende nach", 1)[0]
    rows = []
    for line in table.splitlines()[2:]:
        label, _, number = line.strip().rpartition(" ")
        if number.isdigit():
            rows.append((label, int(number)))
    return rows


def test_a_small_rest_is_folded_into_one_row(db: Database, tmp_path: Path) -> None:
    # Verein 6, two small clubs (2 in all), 4 without an organisation: "ohne Organisation 4"
    # alone would name a group of four.
    _present(
        db,
        [("Verein Aasee", "Mitte")] * 6
        + [("Club B", "Mitte"), ("Club C", "Mitte")]
        + [("", "Mitte")] * 4,
    )
    pdf = tmp_path / "gruppen.pdf"
    minutes.export_pdf(db, pdf)
    rows = _breakdown_rows(pdf, "Teilnehmende nach Organisation")
    assert rows == [("Verein Aasee", 6), ("weitere oder ohne Organisation", 6)]
    assert all(n >= 5 for _label, n in _breakdown_rows(pdf, "Teilnehmende nach Stadtteil"))


def test_a_rest_too_small_even_together_is_left_out(db: Database, tmp_path: Path) -> None:
    _present(db, [("Verein Aasee", "Mitte")] * 6 + [("", "Mitte")] * 3)
    pdf = tmp_path / "gruppen.pdf"
    minutes.export_pdf(db, pdf)
    assert _breakdown_rows(pdf, "Teilnehmende nach Organisation") == [("Verein Aasee", 6)]
    assert "ohne Organisation" not in "\n".join(pdf_pages(pdf))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([Group("weitere", 7), Group("ohne", 5)], [Group("weitere", 7), Group("ohne", 5)]),
        ([Group("weitere", 7), Group("ohne", 4)], [Group("zusammen", 11)]),
        ([Group("weitere", 0), Group("ohne", 4)], []),
        ([Group("weitere", 2), Group("ohne", 0)], []),
        ([Group("weitere", 0), Group("ohne", 0)], []),
    ],
)
def test_fold_small(rows: list[Group], expected: list[Group]) -> None:
    folded = fold_small(rows, 5, "zusammen")
    assert list(folded) == expected
    assert all(g.count >= 5 for g in folded)
