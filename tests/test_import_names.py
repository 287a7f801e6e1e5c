"""A single "Name" column: titles to their own field, and no silent guess where the split is unsure."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from smartdialog.core.db import Database
from smartdialog.core.models import Participant
from smartdialog.core.services import badges, importer
from smartdialog.core.services.badges import Text
from smartdialog.core.services.importer.rows import split_name

NAMES = [
    # (cell, title, first, last, certain)
    ("Dr. Anna Schulte", "Dr.", "Anna", "Schulte", True),
    ("Prof. Dr. med. Jürgen von der Heide", "Prof. Dr. med.", "Jürgen", "von der Heide", True),
    ("Schulte, Dr. Anna", "Dr.", "Anna", "Schulte", True),
    ("Dipl.-Ing. Ole Weiß", "Dipl.-Ing.", "Ole", "Weiß", True),
    ("Nguyễn Văn An", "", "Văn An", "Nguyễn", False),
    ("Anna Maria Schulte-Wieling", "", "Anna Maria", "Schulte-Wieling", False),
    ("Cher", "", "", "Cher", False),
]


@pytest.mark.parametrize(("cell", "title", "first", "last", "certain"), NAMES)
def test_a_full_name_is_split_and_says_when_it_guessed(
    cell: str, title: str, first: str, last: str, certain: bool
) -> None:
    split = split_name(cell)
    assert (split.title, split.first, split.last, split.certain) == (title, first, last, certain)


def test_the_report_lists_each_guessed_split(db: Database, tmp_path: Path) -> None:
    lines = ["Name;E-Mail;Einwilligung Datenverarbeitung"]
    lines += [f"{cell};p{i}@example.org;Ja" for i, (cell, *_rest) in enumerate(NAMES)]
    path = tmp_path / "namen.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert report.imported == len(NAMES)
    checks = {r.row: r.problem.english() for r in report.flagged}
    assert sorted(checks) == [6, 7, 8]
    assert "“Nguyễn Văn An” was split into first name “Văn An” and last name “Nguyễn”" in checks[6]
    with db.read() as s:
        stored = {
            r.email: (r.title, r.first_name, r.last_name)
            for r in s.execute(
                select(
                    Participant.email,
                    Participant.title,
                    Participant.first_name,
                    Participant.last_name,
                )
            )
        }
    assert stored["p1@example.org"] == ("Prof. Dr. med.", "Jürgen", "von der Heide")


def test_a_title_column_and_a_title_in_the_first_name(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "titel.csv"
    path.write_bytes(
        "Titel;Vorname;Nachname\r\nDr.;Anna;Schulte\r\n;Prof. Eva;Kaya\r\n".encode("cp1252")
    )
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert report.imported == 2
    with db.read() as s:
        rows = s.execute(
            select(Participant.title, Participant.first_name).order_by(Participant.ticket_number)
        ).all()
    assert [tuple(r) for r in rows] == [("Dr.", "Anna"), ("Prof.", "Eva")]


def test_the_badge_prints_the_title_before_the_name(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "badge.csv"
    path.write_bytes(b"Name\r\nDr. Anna Schulte\r\n")
    with db.uow() as s:
        importer.import_file(s, path)
    with db.read() as s:
        person = badges.people_to_print(s)[0]
        header = badges.event_header(s, badges.PrintTexts())
    texts = [
        i.text for i in badges.badge_drawing(person, header, "a6").items if isinstance(i, Text)
    ]
    assert "Anna" in texts and "Dr. Schulte" in texts
