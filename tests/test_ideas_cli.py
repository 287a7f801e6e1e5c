"""`smartdialog ideas EVENT`: the listing for checking and scripting."""

from __future__ import annotations

import csv
import io
import json

import pytest

from smartdialog.cli import main
from smartdialog.core.db import Database
from smartdialog.core.services import ideas, setup


@pytest.fixture
def event(db: Database) -> str:
    with db.uow() as s:
        mobility, economy = setup.list_fields(s)[:2]
        ideas.capture(s, "Radwege an der Hammer Straße", field_id=mobility.id)
        hidden = ideas.capture(s, "Parkplatz vor meiner Tür", field_id=mobility.id)
        ideas.hide(s, hidden.id, "nicht zum Thema")
        tagged = ideas.capture(s, "Coworking im Hafen 🚢", field_id=economy.id)
        ideas.set_tags(s, tagged.id, ["Arbeit", "Hafen"])
    path = str(db.path)
    db.close()
    return path


def test_json_lists_active_ideas_of_one_field(
    event: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ideas", event, "--field", "mobilitat", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["text"], r["field"], r["status"]) for r in rows] == [
        ("Radwege an der Hammer Straße", "Mobilität", "active")
    ]


def test_csv_with_all_statuses_and_tags(event: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ideas", event, "--all", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_text = {r["text"]: r for r in rows}
    assert set(by_text) == {
        "Radwege an der Hammer Straße",
        "Parkplatz vor meiner Tür",
        "Coworking im Hafen 🚢",
    }
    assert by_text["Parkplatz vor meiner Tür"]["hidden_reason"] == "nicht zum Thema"
    assert by_text["Coworking im Hafen 🚢"]["tags"] == "Arbeit, Hafen"


def test_csv_neutralises_what_a_spreadsheet_would_run(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    formula = '=HYPERLINK("http://example.org/x","Klick")'
    with db.uow() as s:
        mobility = setup.list_fields(s)[0]
        ideas.capture(s, formula, field_id=mobility.id)
        ideas.capture(s, "@SUMME(A1:A9)", field_id=mobility.id)
    path = str(db.path)
    db.close()
    assert main(["ideas", path, "--format", "csv"]) == 0
    texts = sorted(r["text"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert texts == ["'" + formula, "'@SUMME(A1:A9)"]


def test_text_listing_and_search(event: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ideas", event, "--search", "strasse"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("Mobilität: Radwege an der Hammer Straße")
    assert out[-1] == "Ideen: 1"


def test_unknown_field_is_a_clear_error(event: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ideas", event, "--field", "Kultur"]) == 1
    err = capsys.readouterr().err
    assert "Kultur" in err and "Mobilität" in err
