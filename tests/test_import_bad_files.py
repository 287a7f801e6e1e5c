"""Bad files and odd characters: each answered with a sentence, nothing half-imported, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from smartdialog.core import spreadsheet
from smartdialog.core.db import Database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import Participant
from smartdialog.core.services import importer, registration, tickets
from smartdialog.core.services.registration import WalkIn

ODD_DIGITS = ["²", "①", "⓿", "❶", "12345678901234²", "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭", "𐩀𐩁𐩂𐩃𐩀𐩁𐩂𐩃𐩀"]


def _count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Participant)) or 0)


@pytest.mark.parametrize("text", ODD_DIGITS)
def test_odd_digits_in_a_ticket_code_are_not_a_ticket(text: str) -> None:
    tickets.normalise(text)
    tickets.looks_like_payload(text)
    with pytest.raises(tickets.TicketRejected):
        tickets.decode_payload(text)


@pytest.mark.parametrize("text", ["⓿", "❶", "𐩀𐩁𐩂", "❶❷❸❹", "⓿ Schulte"])
def test_odd_digits_in_the_name_search_find_nobody(db: Database, text: str) -> None:
    with db.uow() as s:
        registration.register_walk_in(s, WalkIn("Anna", "Schulte"))
    with db.read() as s:
        assert registration.search(s, text) == []
        assert registration.SearchIndex().search(s, text) == []


def test_a_circled_digit_searches_like_its_digit(db: Database) -> None:
    with db.uow() as s:
        registration.register_walk_in(s, WalkIn("Anna", "Schulte"))
    with db.read() as s:
        assert [p.ticket_number for p in registration.search(s, "①")] == [1]
        assert registration.search(s, "²") == []


def test_full_width_digits_are_still_read_as_a_ticket(db: Database) -> None:
    with db.uow() as s:
        person = registration.register_walk_in(s, WalkIn("Anna", "Schulte"))
        payload = tickets.payload_for(s, person.ticket_number)
    wide = "".join(chr(0xFF10 + int(c)) for c in payload)
    assert tickets.decode_payload(wide).ticket_number == person.ticket_number


def test_a_formula_in_the_organisation_imports_the_person_with_inert_text(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "formel.csv"
    path.write_bytes(
        "Vorname;Nachname;Organisation;Einwilligung Datenverarbeitung\r\n"
        'Eve;Quell;=HYPERLINK("http://evil.example","Klick");Ja\r\n'
        "Max;Muster;+SUM(A1:A9);Ja\r\n"
        '=HYPERLINK("http://evil.example");Mallory;;Ja\r\n'.encode("cp1252")
    )
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert report.imported == 2
    assert [r.row for r in report.rejected] == [4]  # a formula as a name identifies nobody
    assert [r.row for r in report.flagged] == [2, 3]
    assert all("kept as plain text" in r.problem.english() for r in report.flagged)
    with db.read() as s:
        stored = list(
            s.scalars(select(Participant.organisation).order_by(Participant.ticket_number))
        )
    assert stored == ['\'=HYPERLINK("http://evil.example","Klick")', "'+SUM(A1:A9)"]
    assert not any(spreadsheet.runs_as_formula(value) for value in stored)


def test_rows_that_do_not_match_the_headers_delimiter_are_refused(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "gemischt.csv"
    path.write_bytes(
        b"Vorname;Nachname;E-Mail;Einwilligung Datenverarbeitung\r\n"
        b"Sven,Semi,sven@example.org,Ja\r\n"
        b"Tina,Komma,tina@example.org,Ja\r\n"
    )
    with pytest.raises(DomainError, match=r"separates its columns with “;”.*rows with “,”"):
        importer.read_table(path)
    with pytest.raises(DomainError), db.uow() as s:
        importer.import_file(s, path)
    assert _count(db) == 0


def test_a_comma_inside_a_semicolon_file_is_no_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_bytes(
        "Name;Vorname;Organisation\r\nMüller;Jürgen;Weiß, Söhne & Co\r\nKaya;Anna;\r\n".encode(
            "cp1252"
        )
    )
    assert len(importer.read_table(path).rows) == 2


def test_a_utf16_file_with_an_odd_byte_count_is_answered(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    text = "Vorname\tNachname\r\nAnna\tSchulte\r\nBen\tOsei\r\n"
    path.write_bytes(text.encode("utf-16")[:-1])  # cut off in the middle of a character
    with pytest.raises(DomainError, match="cut off"):
        importer.read_table(path)
    with pytest.raises(DomainError), db.uow() as s:
        importer.import_file(s, path)
    assert _count(db) == 0
