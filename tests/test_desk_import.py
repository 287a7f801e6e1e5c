"""Importing registrations: every CSV flavour German offices produce, XLSX, and bad input."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from smartdialog.core.db import Database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import Participant
from smartdialog.core.services import importer

SAMPLE = Path("/work/shared/samples/anmeldungen-formular.csv")
HEADER = "Vorname;Nachname;E-Mail;Organisation;PLZ;Datenschutz"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
    return database


def _write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\r\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def _import(db: Database, path: Path) -> importer.ImportReport:
    with db.uow() as s:
        return importer.import_file(s, path)


def _people(db: Database) -> list[tuple[str, str, str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(
                Participant.first_name,
                Participant.last_name,
                Participant.email,
                Participant.organisation,
            ).order_by(Participant.ticket_number)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared sample is not on this machine")
def test_the_forms_own_export_imports_whole(db: Database, tmp_path: Path) -> None:
    path = shutil.copy(SAMPLE, tmp_path / "export.csv")
    table = importer.read_table(path)
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    mapping = importer.auto_mapping(table.headers)
    assert [mapping.get(i, "") for i in range(len(table.headers))] == [
        "external_ref",
        "last_name",
        "first_name",
        "email",
        "organisation",
        "district",
        "consent_data",
        "consent_photos",
    ]
    report = _import(db, Path(path))
    assert (report.imported, report.updated, report.rejected) == (40, 0, [])
    people = _people(db)
    assert people[0] == ("Grete", "Müller", "grete.mueller1@example.net", "Seniorenrat")
    with db.read() as s:
        photos = s.scalar(select(func.count()).where(Participant.consent_photos_at.is_not(None)))
        numbers = list(
            s.scalars(select(Participant.ticket_number).order_by(Participant.ticket_number))
        )
    said_yes = sum(1 for line in SAMPLE.read_bytes().splitlines()[1:] if line.endswith(b";Ja"))
    assert photos == said_yes > 0
    assert numbers == list(range(1, 41))


@pytest.mark.parametrize(
    ("encoding", "delimiter", "newline"),
    [
        ("utf-8-sig", ";", "\r\n"),
        ("utf-8", ",", "\n"),
        ("cp1252", ";", "\r\n"),
        ("utf-16", "\t", "\r\n"),
        ("utf-8", "\t", "\n"),
    ],
)
def test_csv_flavours(
    db: Database, tmp_path: Path, encoding: str, delimiter: str, newline: str
) -> None:
    lines = [
        ["Vorname", "Nachname", "E-Mail", "Organisation", "PLZ"],
        ["Jürgen", "Müller", "j.mueller@example.org", "Weiß & Söhne; GmbH, Münster", "48143"],
        ["Zoë", "Öztürk", "", "", "48149"],
    ]
    text = "\n".join(
        delimiter.join(f'"{c}"' if (delimiter in c or "," in c or ";" in c) else c for c in row)
        for row in lines
    )
    path = _write(tmp_path / "a.csv", text + "\n", encoding, newline)
    report = _import(db, path)
    assert (report.imported, report.rejected) == (2, [])
    assert _people(db) == [
        ("Jürgen", "Müller", "j.mueller@example.org", "Weiß & Söhne; GmbH, Münster"),
        ("Zoë", "Öztürk", "", ""),
    ]


def test_quoted_line_breaks_title_line_and_english_headers(db: Database, tmp_path: Path) -> None:
    text = (
        "Registrations Smart City dialogue, as of 14 Nov\n"
        "First name,Last name,Email address,Organization,Zip code,Privacy consent,Photos\n"
        'Anna,Kaya,anna@example.org,"Stadtteilbüro\nCoerde",48157,yes,no\n'
        "Ben,Osei,ben@example.org,,48143,yes,yes\n"
    )
    report = _import(db, _write(tmp_path / "en.csv", text))
    assert (report.imported, report.rejected) == (2, [])
    assert _people(db)[0] == ("Anna", "Kaya", "anna@example.org", "Stadtteilbüro Coerde")


def test_xlsx_with_numbers_and_a_formula(db: Database, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Anmeldenummer", "Vorname", "Nachname", "PLZ", "Institution"])
    sheet.append([1001, "Łukasz", "Öztürk-Nguyễn", 48143, "FH Münster"])
    sheet.append([1002, "Max", "Mustermann", 1067, None])
    sheet.append([1003, "Eve", '=HYPERLINK("http://evil.example","Klick")', 48143, ""])
    path = tmp_path / "anmeldungen.xlsx"
    book.save(path)
    report = _import(db, path)
    assert report.imported == 2
    assert [r.row for r in report.rejected] == [4]
    assert "formula" in report.rejected[0].problem.english()
    with db.read() as s:
        rows = s.execute(
            select(Participant.external_ref, Participant.postcode).order_by(
                Participant.ticket_number
            )
        ).all()
    assert [tuple(r) for r in rows] == [("1001", "48143"), ("1002", "01067")]


def test_rejections_name_their_row_and_reason(db: Database, tmp_path: Path) -> None:
    long_name = "A" * 10_000
    text = "\n".join(
        [
            HEADER,
            "Anna;Kaya;anna@example.org;;48143;ja",  # row 2: fine
            ";;nobody@example.org;;;ja",  # row 3: no name
            "Ben;Osei;not-an-address;;48143;ja",  # row 4
            "Cem;Çelik;;;481;ja",  # row 5
            "Dora;Fuchs;;;;nein",  # row 6: no consent
            f"{long_name};Lang;;;;ja",  # row 7
            "Emil;Meier;;@SUM(1+1);;ja",  # row 8: formula
            "Anna;Kaya;ANNA@example.org;;;ja",  # row 9: same e-mail as row 2
            "Fritz;Ahlers;;;48143;ja",  # row 10
            "Fritz;Ahlers;;;48143;ja",  # row 11: same name and postcode as row 10
            "-;Solo;;-;;x",  # row 12: "-" is just empty, fine
        ]
    )
    report = _import(db, _write(tmp_path / "bad.csv", text + "\n"))
    reasons = {r.row: r.problem.english() for r in report.rejected}
    assert report.imported == 3
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 11]
    assert "name is missing" in reasons[3]
    assert "e-mail" in reasons[4]
    assert "postcode" in reasons[5]
    assert "consent" in reasons[6]
    assert "longer than" in reasons[7]
    assert "formula" in reasons[8] and "“Organisation”" in reasons[8]
    assert "row 2" in reasons[9]
    assert "row 10" in reasons[11]


def test_namesakes_with_their_own_address_are_imported_and_flagged(
    db: Database, tmp_path: Path
) -> None:
    text = (
        "Vorname;Nachname;E-Mail;PLZ\n"
        "Sophie;Müller;sophie1@example.org;48143\n"
        "Sophie;Mueller;sophie2@example.org;48143\n"  # namesake or the same person twice: ask
        "Sophie;Müller;;48143\n"  # nothing of its own: the same registration again
    )
    report = _import(db, _write(tmp_path / "namesakes.csv", text))
    assert report.imported == 2
    assert [(r.row, "check" in r.problem.english()) for r in report.flagged] == [(3, True)]
    assert [r.row for r in report.rejected] == [4]
    again = _import(
        db,
        _write(
            tmp_path / "again.csv",
            "Vorname;Nachname;E-Mail;PLZ\nSophie;Müller;sophie3@example.org;48143\n",
        ),
    )
    assert again.imported == 1 and len(again.flagged) == 1
    assert "Sophie" in again.flagged[0].problem.english()


def test_reimport_updates_instead_of_duplicating(any_db: Database, tmp_path: Path) -> None:
    db = any_db
    first = "Anmeldenummer;Vorname;Nachname;E-Mail;Fotos\nR-1;Anna;Kaya;anna@example.org;nein\nR-2;Ben;Osei;;nein\n"
    _import(db, _write(tmp_path / "v1.csv", first))
    second = (
        "Anmeldenummer;Vorname;Nachname;E-Mail;Fotos\n"
        "R-1;Anna;Kaya-Schmidt;anna@example.org;ja\n"  # renamed, consents to photos now
        "R-2;Ben;Osei;;nein\n"  # unchanged
        "R-3;Cem;Çelik;cem@example.org;nein\n"  # new
    )
    report = _import(db, _write(tmp_path / "v2.csv", second))
    assert (report.imported, report.updated, report.unchanged) == (1, 1, 1)
    with db.read() as s:
        rows = s.execute(
            select(
                Participant.ticket_number,
                Participant.last_name,
                Participant.consent_photos_at.is_not(None),
            ).order_by(Participant.ticket_number)
        ).all()
    assert [tuple(r) for r in rows] == [
        (1, "Kaya-Schmidt", True),
        (2, "Osei", False),
        (3, "Çelik", False),
    ]
    with db.read() as s:
        key = s.scalar(select(Participant.search_key).where(Participant.ticket_number == 1))
    assert key is not None and "kaya-schmidt" in key


def test_a_file_that_is_not_a_table_is_answered_in_words(db: Database, tmp_path: Path) -> None:
    binary = tmp_path / "foto.csv"
    binary.write_bytes(bytes(range(256)) * 100)
    with pytest.raises(DomainError, match="not a table"):
        importer.read_table(binary)
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"\r\n\r\n")
    with pytest.raises(DomainError, match="empty"):
        importer.read_table(empty)
    xls = tmp_path / "alt.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(DomainError, match=r"old Excel"):
        importer.read_table(xls)
    fake_xlsx = tmp_path / "kaputt.xlsx"
    fake_xlsx.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    with pytest.raises(DomainError, match="not a table"):
        importer.read_table(fake_xlsx)
    prose = _write(tmp_path / "brief.csv", "Sehr geehrte Damen und Herren,\nanbei die Liste.\n")
    table = importer.read_table(prose)
    with pytest.raises(DomainError, match="No column holds the names"), db.uow() as s:
        importer.plan_import(s, table, importer.auto_mapping(table.headers))
    missing = tmp_path / "gibt-es-nicht.csv"
    with pytest.raises(DomainError, match="cannot be read"):
        importer.read_table(missing)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "riesig.csv"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(DomainError, match="50 MB"):
            importer.read_table(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, "the file was read instead of refused by its size"


def test_an_unterminated_quote_does_not_swallow_the_file(db: Database, tmp_path: Path) -> None:
    text = HEADER + '\nAnna;Kaya;a@example.org;"Verein;;ja\nBen;Osei;b@example.org;;;ja\n'
    report = _import(db, _write(tmp_path / "quote.csv", text))
    # csv reads the rest as one quoted field; nothing crashes and the report says what happened.
    assert report.imported + len(report.rejected) >= 1


def test_failed_import_leaves_what_is_stored(db: Database, tmp_path: Path) -> None:
    _import(db, _write(tmp_path / "ok.csv", HEADER + "\nAnna;Kaya;a@example.org;;;ja\n"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    with pytest.raises(DomainError), db.uow() as s:
        importer.import_file(s, bad)
    assert _people(db) == [("Anna", "Kaya", "a@example.org", "")]


def test_mapping_must_name_someone(db: Database) -> None:
    with pytest.raises(DomainError, match="one column only"):
        importer.check_mapping({0: "first_name", 1: "first_name"})
    importer.check_mapping({0: "full_name"})


def test_full_name_column_is_split(db: Database, tmp_path: Path) -> None:
    text = "Teilnehmer;Mail\nMüller, Jürgen;j@example.org\nAnna Maria Kaya;\n"
    report = _import(db, _write(tmp_path / "names.csv", text))
    assert report.imported == 2
    assert [p[:2] for p in _people(db)] == [("Jürgen", "Müller"), ("Anna Maria", "Kaya")]


def test_ten_thousand_rows_in_one_import(db: Database, tmp_path: Path) -> None:
    # How fast is measured in benchmarks/bench_desk.py, not here.
    lines = [HEADER] + [
        f"Vorname{i};Nachname{i};p{i}@example.org;Verein {i % 17};48{i % 1000:03d};ja"
        for i in range(10_000)
    ]
    path = _write(tmp_path / "gross.csv", "\n".join(lines) + "\n", "cp1252")
    report = _import(db, path)
    assert report.imported == 10_000
    assert len(_people(db)) == 10_000


@pytest.mark.parametrize(
    ("first", "last", "organisation"),
    [
        ("Jürgen", "Müller", ""),
        ("", "Straße", "Weiß & Söhne"),
        ("Łukasz", "Öztürk-Nguyễn", "  FH  Münster "),
        ("ZOË", "Maeder", "Quartiersmanagement Kinderhaus"),
        ("Anna Maria", "", ""),
    ],
)
def test_the_cached_search_key_is_the_folded_name(first: str, last: str, organisation: str) -> None:
    from smartdialog.core.text import fold

    assert importer.search_key(first, last, organisation) == fold(f"{first} {last} {organisation}")
