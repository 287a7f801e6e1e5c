"""Finding people by name, walk-ins and their duplicate warning, printing, and the desk's jobs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from smartdialog.cli import main
from smartdialog.core.db import Database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import BadgePrint, Participant
from smartdialog.core.services import badges, registration, tickets
from smartdialog.core.services.registration import Consents, WalkIn
from smartdialog.core.text import fold


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
    return database


def _walk_in(db: Database, first: str, last: str, **extra: str) -> registration.PersonRow:
    with db.uow() as s:
        return registration.register_walk_in(s, WalkIn(first, last, **extra))


def _names(db: Database, query: str) -> list[str]:
    with db.read() as s:
        return [p.display_name for p in registration.search(s, query)]


def test_search_forgives_umlauts_sharp_s_and_case(any_db: Database) -> None:
    db = any_db
    _walk_in(db, "Jürgen", "Müller")
    _walk_in(db, "Gisela", "Straße")
    _walk_in(db, "Anna", "Schmuller")
    _walk_in(db, "Łukasz", "Öztürk-Nguyễn", organisation="FH Münster")
    for query in ("mull", "Muller", "Mueller", "MÜLLER", "müll"):
        assert _names(db, query)[0] == "Müller, Jürgen", query
    assert _names(db, "mull") == ["Müller, Jürgen", "Schmuller, Anna"]
    assert _names(db, "Strasse") == ["Straße, Gisela"]
    assert _names(db, "Müller, J.") == ["Müller, Jürgen"]
    assert _names(db, "mueller juergen") == ["Müller, Jürgen"]
    assert _names(db, "lukasz ozturk") == ["Öztürk-Nguyễn, Łukasz"]
    assert _names(db, "nguyen") == ["Öztürk-Nguyễn, Łukasz"]
    assert _names(db, "fh munster") == ["Öztürk-Nguyễn, Łukasz"]
    assert _names(db, "m") == []
    assert _names(db, "50%_") == []


def test_search_index_finds_what_the_database_finds(db: Database) -> None:
    import random

    from smartdialog.core.demo import FIRST_NAMES, LAST_NAMES, ORGANISATIONS

    rng = random.Random(7)
    for _ in range(300):
        _walk_in(
            db,
            rng.choice(FIRST_NAMES),
            rng.choice(LAST_NAMES),
            organisation=rng.choice(ORGANISATIONS),
        )
    index = registration.SearchIndex()
    with db.read() as s:
        for query in (
            "mul",
            "Mueller",
            "öztü",
            "STRASSE",
            "schulze alt",
            "anna",
            "ver",
            "münster",
            "nguyen",
            "xyz",
            "m",
        ):
            in_database = registration.search(s, query)
            in_memory = index.search(s, query)
            assert {p.participant_id for p in in_database} == {
                p.participant_id for p in in_memory
            }, query
            if in_memory:
                word = fold(query).split()[0]
                keys = [fold(f"{p.first_name} {p.last_name} {p.organisation}") for p in in_memory]
                ranks = [0 if k.startswith(word) or f" {word}" in k else 1 for k in keys]
                assert ranks == sorted(ranks), query  # word starts first, then the rest


def test_search_index_follows_invalidate(db: Database) -> None:
    index = registration.SearchIndex()
    with db.read() as s:
        assert index.search(s, "Kowalski") == []
    person = _walk_in(db, "Anna", "Kowalski")
    with db.read() as s:
        assert index.search(s, "Kowalski") == []  # keys are read once ...
        index.invalidate()  # ... until the change feed says registrations changed
        assert [p.participant_id for p in index.search(s, "Kowalski")] == [person.participant_id]
        assert [p.participant_id for p in index.search(s, str(person.ticket_number))] == [
            person.participant_id
        ]


def test_search_by_ticket_number_and_presence(db: Database) -> None:
    person = _walk_in(db, "Ole", "Weiß")
    with db.read() as s:
        found = registration.search(s, str(person.ticket_number))
    assert [p.participant_id for p in found] == [person.participant_id]
    assert found[0].present_since is None


def test_walk_in_checks_its_input(db: Database) -> None:
    with pytest.raises(DomainError, match="name"):
        _walk_in(db, "  ", "")
    with pytest.raises(DomainError, match="e-mail"):
        _walk_in(db, "A", "B", email="kein@")
    with pytest.raises(DomainError, match="postcode"):
        _walk_in(db, "A", "B", postcode="4814")
    with pytest.raises(DomainError, match="consent"), db.uow() as s:
        registration.register_walk_in(s, WalkIn("A", "B", consents=Consents(data=False)))
    person = _walk_in(db, " Anna ", " Kaya\t", email="anna@example.org", postcode="48143")
    assert (person.first_name, person.last_name, person.source) == ("Anna", "Kaya", "walkin")


def test_walk_in_warns_about_people_registered_already(any_db: Database) -> None:
    db = any_db
    registered = _walk_in(db, "Jürgen", "Müller", email="jm@example.org", postcode="48143")
    with db.read() as s:
        assert [
            p.participant_id for p in registration.possible_duplicates(s, "Juergen", "Mueller")
        ] == [registered.participant_id]
        assert registration.possible_duplicates(s, "Paul", "X", email="JM@example.org")
        assert registration.possible_duplicates(s, "Jurgen", "Muller", postcode="48143")
        assert not registration.possible_duplicates(s, "Jürgen", "Müller", postcode="48149")
        assert not registration.possible_duplicates(s, "Anna", "Müller")


def test_tickets_pdf_decodes_from_a_150_dpi_rendering(db: Database, tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    for first, last in (("Łukasz", "Öztürk-Nguyễn"), ("Anna", "Kaya"), ("Ben", "Osei")):
        _walk_in(db, first, last)
    with db.read() as s:
        people = badges.people_to_print(s)
        header = badges.event_header(s)
        expected = {tickets.payload_for(s, p.ticket_number) for p in people}
    for layout in badges.TICKET_LAYOUTS:
        out = badges.write_tickets(people, header, tmp_path / f"{layout}.pdf", layout=layout)
        subprocess.run(
            ["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / layout)], check=True
        )
        found = set()
        for png in sorted(tmp_path.glob(f"{layout}*.png")):
            found |= {
                r.text
                for r in zxingcpp.read_barcodes(
                    Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode
                )
            }
        assert found == expected, layout
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "a4.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Łukasz Öztürk-Nguyễn" in text


@pytest.mark.parametrize("layout", badges.LAYOUTS)
def test_badge_pdf_has_the_name_and_a_readable_code(
    db: Database, tmp_path: Path, layout: str
) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    person = _walk_in(
        db,
        "Karl-Heinz",
        "Meyer zu Hörste-Brockhoff",
        organisation="Westfälische Wilhelms-Universität",
    )
    with db.read() as s:
        people = badges.people_to_print(s, [person.participant_id])
        out = badges.write_badges(people, badges.event_header(s), tmp_path / "b.pdf", layout=layout)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "b")], check=True)
    (png,) = tmp_path.glob("b*.png")
    codes = [
        r.text
        for r in zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)
    ]
    assert codes == [people[0].payload]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Karl-Heinz" in text


def test_long_names_shrink_then_are_cut_to_fit() -> None:
    person = badges.Person(
        __import__("uuid").uuid4(), 1, "Maximilian" * 6, "Mustermann", "", "47110000011234567890"
    )
    drawing = badges.badge_drawing(person, badges.EventHeader("T", "", "", ""), "a6")
    names = [i for i in drawing.items if isinstance(i, badges.Text) and i.bold]
    assert names[0].text.endswith("…") and names[0].size < 34


def test_one_ticket_file_per_person_with_a_mail_merge_list(db: Database, tmp_path: Path) -> None:
    _walk_in(db, "Jürgen", "Müller", email="jm@example.org")
    _walk_in(db, "=cmd", "Łukasz")
    with db.read() as s:
        people = badges.people_to_print(s)
        header = badges.event_header(s)
    listing = badges.write_ticket_files(people, header, tmp_path / "versand")
    files = sorted(p.name for p in (tmp_path / "versand").glob("*.pdf"))
    assert files == ["Ticket-0001-Mueller-Juergen.pdf", "Ticket-0002-Lukasz-cmd.pdf"]
    lines = listing.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "E-Mail;Datei;Vorname;Nachname;Ticket-Nr."
    assert "jm@example.org;Ticket-0001-Mueller-Juergen.pdf;Jürgen;Müller;1" in lines
    assert ";Ticket-0002-Lukasz-cmd.pdf;'=cmd;Łukasz;2" in lines


def test_reprints_are_logged(db: Database) -> None:
    person = _walk_in(db, "Anna", "Kaya")
    with db.uow() as s:
        assert badges.record_badge_print(s, person.participant_id, "a6") is False
        assert badges.record_badge_print(s, person.participant_id, "label62") is True
    with db.read() as s:
        rows = s.execute(
            select(BadgePrint.layout, BadgePrint.reprint).order_by(BadgePrint.reprint)
        ).all()
    assert [tuple(r) for r in rows] == [("a6", False), ("label62", True)]


def test_checkin_job_exit_codes(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    person = _walk_in(db, "Jürgen", "Müller")
    with db.read() as s:
        payload = tickets.payload_for(s, person.ticket_number)
    path = str(db.path)
    assert main(["--lang", "en", "checkin", path, payload, "--desk", "Empfang 2"]) == 0
    assert "Welcome, Jürgen Müller" in capsys.readouterr().out
    assert main(["--lang", "en", "checkin", path, payload]) == 3
    assert "at Empfang 2" in capsys.readouterr().out
    assert main(["--lang", "en", "checkin", path, payload[:-1] + "x"]) == 4
    assert main(["--lang", "de", "checkin", path, "1234" + payload[4:]]) == 4
    assert "anderen Veranstaltung" in capsys.readouterr().out


def test_import_and_tickets_jobs(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "a.csv"
    csv_file.write_text(
        "Vorname;Nachname;E-Mail\nAnna;Kaya;a@example.org\n;;b@example.org\n", encoding="utf-8"
    )
    assert main(["--lang", "en", "import", str(db.path), str(csv_file)]) == 0
    out = capsys.readouterr().out
    assert "Imported: 1" in out and "rejected: 1" in out and "row 3" in out
    pdf = tmp_path / "t.pdf"
    assert main(["--lang", "en", "tickets", str(db.path), "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["--lang", "en", "tickets", str(db.path), "--each", str(tmp_path / "each")]) == 0
    assert [p.name for p in (tmp_path / "each").glob("*.pdf")] == ["Ticket-0001-Kaya-Anna.pdf"]
    badges_pdf = tmp_path / "b.pdf"
    assert (
        main(
            [
                "--lang",
                "en",
                "badges",
                str(db.path),
                "--out",
                str(badges_pdf),
                "--layout",
                "label62",
            ]
        )
        == 0
    )
    assert badges_pdf.read_bytes().startswith(b"%PDF")
    assert "1 badges" in capsys.readouterr().out
    with db.read() as s:
        assert s.scalar(select(Participant.first_name)) == "Anna"


def test_desk_core_never_imports_qt() -> None:
    code = (
        "import sys; import smartdialog.core.services.checkin, smartdialog.core.services.importer, "
        "smartdialog.core.services.badges, smartdialog.core.services.registration; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_tickets_speak_the_language_asked_for(db: Database, tmp_path: Path) -> None:
    from .test_minutes_document import pdf_pages

    with db.uow() as s:
        registration.register_walk_in(s, WalkIn("Anna", "Kaya", email="a@example.org"))
    english, german = tmp_path / "en.pdf", tmp_path / "de.pdf"
    assert main(["--lang", "en", "tickets", str(db.path), "--out", str(english)]) == 0
    assert main(["--lang", "de", "tickets", str(db.path), "--out", str(german)]) == 0
    en, de = " ".join(pdf_pages(english)), " ".join(pdf_pages(german))
    assert "Ticket no. 1" in en and "Please show this QR code" in en
    assert "Bitte zeigen" not in en and "Ticket-Nr." not in en
    assert "Ticket-Nr. 1" in de and "Bitte zeigen Sie diesen QR-Code" in de
