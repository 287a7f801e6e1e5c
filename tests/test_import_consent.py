"""Consents in a German form export: each purpose on its own, none guessed, none assumed.

The exports are made here as a city's form tool writes them: semicolons,
Windows-1252, "Einwilligung …" columns in whatever order the form was built,
and the values people's answers end up as (Ja, Nein, x, ✓, an empty cell, the
date the box was ticked).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smartdialog import cli
from smartdialog.core.db import Database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import Participant
from smartdialog.core.services import importer

CONSENT_HEADERS = {
    "data": "Einwilligung Datenverarbeitung",
    "photos": "Einwilligung Fotos",
    "attribution": "Einwilligung Namensnennung",
    "contact": "Einwilligung Kontakt",
}
YES = ("Ja", "x", "✓", "ja", "X", "12.03.2026", "2026-03-14 18:05")
NO = ("Nein", "", "nein", "-")


def form_export(
    path: Path, people: int, consent_order: list[str], *, photos_yes: int, seed: int = 7
) -> Path:
    """A registration export with ``people`` rows, every one consenting to data processing."""
    rng = random.Random(seed)
    photo_rows = set(rng.sample(range(people), photos_yes))
    headers = ["Anmelde-ID", "Vorname", "Nachname", "E-Mail", "Organisation", "PLZ"]
    headers += [CONSENT_HEADERS[c] for c in consent_order]
    lines = [";".join(headers)]
    for i in range(people):
        answers = {
            "data": rng.choice(YES),
            "photos": rng.choice(YES) if i in photo_rows else rng.choice(NO),
            "attribution": rng.choice(YES + NO),
            "contact": rng.choice(YES + NO),
        }
        cells = [f"F-{2000 + i}", f"Vorname{i}", "Müller", f"p{i}@example.org", "", "48143"]
        cells += [answers[c] for c in consent_order]
        lines.append(";".join(cells))
    # A form tool with check marks in its answers writes UTF-8 with a byte-order mark.
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


def _count(db: Database, column: object) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).where(column.is_not(None))) or 0)  # type: ignore[attr-defined]


def test_each_consent_column_goes_to_its_own_purpose() -> None:
    headers = ["Vorname", "Nachname", *CONSENT_HEADERS.values()]
    mapping = importer.auto_mapping(headers)
    assert [mapping.get(i, "") for i in range(2, 6)] == [
        "consent_data",
        "consent_photos",
        "consent_attribution",
        "consent_contact",
    ]
    assert importer.unclear_consents(headers, mapping) == []


def test_photo_consents_of_a_form_export_are_all_stored(db: Database, tmp_path: Path) -> None:
    path = form_export(
        tmp_path / "anmeldungen.csv",
        247,
        ["data", "photos", "attribution", "contact"],
        photos_yes=54,
    )
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert (report.imported, report.rejected) == (247, [])
    assert _count(db, Participant.consent_photos_at) == 54
    assert _count(db, Participant.consent_data_at) == 247


@pytest.mark.parametrize(
    "order",
    [
        ["photos", "contact", "data", "attribution"],
        ["contact", "attribution", "photos", "data"],
    ],
)
def test_another_column_order_rejects_nobody(
    db: Database, tmp_path: Path, order: list[str]
) -> None:
    path = form_export(tmp_path / "anders.csv", 247, order, photos_yes=54, seed=11)
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert (report.imported, [r.row for r in report.rejected]) == (247, [])
    assert _count(db, Participant.consent_photos_at) == 54
    with db.read() as s:
        attribution = s.scalar(
            select(Participant.consent_attribution_at).where(Participant.external_ref == "F-2000")
        )
    text = path.read_bytes().decode("cp1252").splitlines()
    headers = text[0].split(";")
    first = dict(zip(headers, text[1].split(";"), strict=True))
    assert (attribution is not None) == (first["Einwilligung Namensnennung"] not in NO)


def test_a_consent_given_on_a_date_keeps_its_date(db: Database, tmp_path: Path) -> None:
    text = (
        "Vorname;Nachname;Einwilligung Kontakt;Einwilligung Datenverarbeitung\r\n"
        "Anna;Schulte;12.03.2026 14:35;2026-03-10\r\n"
        "Ben;Osei;leer;✓\r\n"
    )
    path = tmp_path / "daten.csv"
    path.write_bytes(text.encode("utf-8"))
    started = datetime.now(UTC)
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert report.imported == 2
    with db.read() as s:
        rows = {
            r.first_name: r
            for r in s.execute(
                select(
                    Participant.first_name,
                    Participant.consent_contact_at,
                    Participant.consent_data_at,
                )
            )
        }
    # 14:35 in Münster in March is 13:35 UTC.
    assert rows["Anna"].consent_contact_at == datetime(2026, 3, 12, 13, 35, tzinfo=UTC)
    assert rows["Anna"].consent_data_at == datetime(2026, 3, 9, 23, 0, tzinfo=UTC)
    assert rows["Ben"].consent_data_at >= started.replace(microsecond=0)
    # "leer" is no answer anybody gave: not understood, so not given, and said so.
    assert rows["Ben"].consent_contact_at is None
    assert [(f.row, "not understood" in f.problem.english()) for f in report.flagged] == [(3, True)]


@pytest.mark.parametrize(
    "header", ["Einwilligung", "Einwilligung Fotos und Kontakt", "Zustimmung Weitergabe an Dritte"]
)
def test_a_consent_column_not_understood_is_shown_not_guessed(
    db: Database, tmp_path: Path, header: str
) -> None:
    text = f"Vorname;Nachname;{header}\r\nAnna;Schulte;Nein\r\nBen;Osei;Ja\r\n"
    path = tmp_path / "unklar.csv"
    path.write_bytes(text.encode("cp1252"))
    table = importer.read_table(path)
    mapping = importer.auto_mapping(table.headers)
    assert 2 not in mapping
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert report.unclear_consents == [header]
    # Nobody is turned away for a column nobody understood, and no consent is recorded from it.
    assert report.imported == 2
    assert report.without_data_consent
    for column in (
        Participant.consent_data_at,
        Participant.consent_photos_at,
        Participant.consent_contact_at,
        Participant.consent_attribution_at,
    ):
        assert _count(db, column) == 0


def test_without_a_data_processing_column_no_consent_is_assumed(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "ohne.csv"
    path.write_bytes(b"Vorname;Nachname\r\nAnna;Schulte\r\n")
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert report.imported == 1 and report.without_data_consent
    assert _count(db, Participant.consent_data_at) == 0


def test_without_data_processing_consent_a_row_is_rejected(db: Database, tmp_path: Path) -> None:
    text = (
        "Einwilligung Fotos;Vorname;Nachname;Einwilligung Datenverarbeitung\r\n"
        "Ja;Anna;Schulte;Nein\r\n"
        "Ja;Ben;Osei;\r\n"
        "Ja;Cem;Çelik;vielleicht\r\n"
        "x;Dora;Fuchs;x\r\n"
    )
    path = tmp_path / "nein.csv"
    path.write_bytes(text.encode("cp1252"))
    with db.uow() as s:
        report = importer.import_file(s, path)
    reasons = {r.row: r.problem.english() for r in report.rejected}
    assert report.imported == 1
    assert sorted(reasons) == [2, 3, 4]
    assert "No consent to data processing" in reasons[2]
    assert "No consent to data processing" in reasons[3]
    assert "not understood" in reasons[4]


def test_map_overrides_what_the_automatic_mapping_gets_wrong(tmp_path: Path) -> None:
    headers = ["Vorname", "Nachname", "Einwilligung", "Kontakt"]
    mapping = importer.auto_mapping(headers)
    fixed = importer.apply_overrides(
        headers, mapping, ["Einwilligung=consent_data", "kontakt=email", "Nachname=ignore"]
    )
    assert fixed == {0: "first_name", 2: "consent_data", 3: "email"}
    # A field given to another column leaves the column that had it.
    moved = importer.apply_overrides(headers, mapping, ["Nachname=first_name"])
    assert moved == {1: "first_name"}
    with pytest.raises(DomainError, match=r"is not a field\. The fields are: external_ref,"):
        importer.apply_overrides(headers, mapping, ["Einwilligung=fotos"])
    with pytest.raises(DomainError, match=r"no column “Zustimmung”\. Its columns are: “Vorname”"):
        importer.apply_overrides(headers, mapping, ["Zustimmung=consent_photos"])
    with pytest.raises(DomainError, match="is not COLUMN=FIELD"):
        importer.apply_overrides(headers, mapping, ["consent_photos"])


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(["--lang", "en", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_cli_map_and_the_report_of_consent_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = tmp_path / "event.sdevent"
    assert _cli(capsys, "new", str(event), "--title", "Dialog")[0] == 0
    path = tmp_path / "form.csv"
    path.write_bytes(
        "Vorname;Nachname;Einwilligung;Einwilligung Fotos und Kontakt\r\n"
        "Anna;Schulte;Ja;Ja\r\nBen;Osei;Nein;Ja\r\n".encode("cp1252")
    )
    code, first = _cli(capsys, "import", str(event), str(path), "--dry-run")
    assert code == 0, first
    assert "“Einwilligung” asks for a consent" in first
    assert "“Einwilligung Fotos und Kontakt” asks for a consent" in first
    assert "No column holds the consent to data processing" in first
    code, bad = _cli(capsys, "import", str(event), str(path), "--map", "Einwilligung=datenschutz")
    assert code != 0
    assert "is not a field. The fields are:" in bad
    assert "Traceback" not in bad
    code, done = _cli(capsys, "import", str(event), str(path), "--map", "Einwilligung=consent_data")
    assert code == 0, done
    assert "Einwilligung → Consent: data processing" in done
    assert "Imported: 1," in done and "row 3: No consent to data processing" in done
    assert "a person without consent to data processing in the file is not imported" in done
