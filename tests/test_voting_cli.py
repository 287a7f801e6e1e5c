"""The voting jobs of the command line: a moderator's round from start to results."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from smartdialog import cli
from smartdialog.core.db import Database
from smartdialog.core.services import voting

from .test_voting_service import add_ideas, add_people, cast


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_round_from_the_command_line(
    db: Database, event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = add_people(db, 3)
    found = add_ideas(db, {0: ["Radwege", "Busse"], 1: ["Coworking"]})
    path = str(event_path)
    code, out, _ = _run(
        capsys,
        "round",
        "new",
        path,
        "--title",
        "Priorisierung",
        "--dots",
        "3",
        "--per-idea",
        "2",
        "--field",
        "Mobil",
        "--field",
        "wirtschaftsstandort",
        "--budget",
        "Wirtschaftsstandort=1",
    )
    assert code == 0 and "Round 1 created: Priorisierung" in out
    assert "budgets: Wirtschaftsstandort ≤ 1" in out
    code, out, _ = _run(capsys, "round", "open", path, "1")
    assert code == 0 and "3 ideas are frozen" in out
    with db.read() as s:
        round_id = voting.round_by_number(s, 1).id
    cast(db, round_id, people[0], {found["Radwege"]: 2, found["Coworking"]: 1})
    cast(db, round_id, people[1], {found["Busse"]: 1})
    code, out, _ = _run(capsys, "paper", path, str(found["Busse"])[:8], "4", "--note", "Plakat")
    assert code == 0 and "Paper dots for “Busse”: 4" in out
    code, out, _ = _run(capsys, "round", "close", path, "1", "--yes")
    assert code == 0 and "SHA-256: " in out
    with db.read() as s:
        sha = voting.round_by_number(s, 1).tally_sha256

    code, out, _ = _run(capsys, "results", path, "--format", "json")
    record = json.loads(out)
    assert [
        (i["text"], i["device_dots"], i["paper_dots"], i["rank"]) for i in record["overall"]
    ] == [
        ("Busse", 1, 4, 1),
        ("Radwege", 2, 0, 2),
        ("Coworking", 1, 0, 3),
    ]
    assert record["tally_sha256"] == sha and record["turnout"]["ballots_cast"] == 2
    assert record["turnout"]["ballot_share"] == round(2 / 3, 4)

    code, out, _ = _run(capsys, "results", path, "--round", "1", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["rank"], r["rank_in_field"], r["field"], r["text"], r["total"]) for r in rows] == [
        ("1", "1", "Mobilität", "Busse", "5"),
        ("2", "2", "Mobilität", "Radwege", "2"),
        ("3", "1", "Wirtschaftsstandort", "Coworking", "1"),
    ]

    code, out, _ = _run(capsys, "results", path)
    assert code == 0
    assert "Ballots: 2 of 3 present (67%); dots used: 4 of 9; paper dots: 4" in out
    assert "(1 device + 4 paper)  Busse" in out and sha in out

    code, out, _ = _run(capsys, "round", "list", path)
    assert "closed" in out and "3 ideas, 2 ballots" in out


def test_results_csv_neutralises_what_a_spreadsheet_would_run(
    db: Database, event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = add_people(db, 1)
    found = add_ideas(db, {0: ['=HYPERLINK("http://example.org/x","Klick")', "+49 251 0"]})
    with db.uow() as s:
        round_id = voting.start_round(s, voting.create_round(s, "Formeln").id).id
    cast(db, round_id, people[0], dict.fromkeys(found.values(), 1))
    code, out, _ = _run(capsys, "results", str(event_path), "--format", "csv")
    assert code == 0
    texts = sorted(r["text"] for r in csv.DictReader(io.StringIO(out)))
    assert texts == ["'+49 251 0", '\'=HYPERLINK("http://example.org/x","Klick")']


def test_clear_errors_instead_of_tracebacks(
    db: Database, event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(event_path)
    code, _, err = _run(capsys, "results", path)
    assert code == 1 and "no open or closed voting round" in err
    code, _, err = _run(capsys, "round", "open", path, "7")
    assert code == 1 and "There is no voting round 7." in err
    code, _, err = _run(capsys, "round", "new", path, "--budget", "Mobilität")
    assert code == 1 and "NAME=N" in err
    code, _, err = _run(capsys, "paper", path, "abc", "3")
    assert code == 1 and "No voting round is open" in err


def test_closing_asks_first(
    db: Database,
    event_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_ideas(db, {0: ["Radwege"]})
    with db.uow() as s:
        voting.start_round(s, voting.create_round(s).id)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    code, out, _ = _run(capsys, "round", "close", str(event_path), "1")
    assert code == 1 and "Nothing was changed." in out
    with db.read() as s:
        assert voting.round_by_number(s, 1).is_open


def test_closing_without_a_terminal_says_to_add_yes(
    db: Database,
    event_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_ideas(db, {0: ["Radwege"]})
    with db.uow() as s:
        voting.start_round(s, voting.create_round(s).id)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: nobody to answer
    code, _, err = _run(capsys, "round", "close", str(event_path), "1")
    assert code == 2 and "--yes" in err
    with db.read() as s:
        assert voting.round_by_number(s, 1).is_open


def test_a_round_on_a_shortlist_from_the_command_line(
    db: Database, event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Coworking", "Glasfaser"]})
    path = str(event_path)
    code, out, _ = _run(
        capsys, "round", "new", path, "--field", "Mobil", "--field", "Wirt", "--shortlist", "top:1"
    )
    assert code == 0 and "Ballot: 2 card(s), about 1 screen(s)" in out
    code, out, _ = _run(capsys, "round", "shortlist", path, "1", "--add", str(found["Busse"])[:8])
    assert code == 0 and "Ballot: 3 card(s)" in out and "Busse" in out
    code, out, _ = _run(
        capsys, "round", "shortlist", path, "1", "--remove", str(found["Radwege"])[:8]
    )
    assert code == 0 and "Radwege" not in out
    code, out, err = _run(capsys, "round", "shortlist", path, "1", "--set", "clusters")
    assert code == 1 and "shortlist would be empty" in err
    code, out, _ = _run(capsys, "round", "open", path, "1")
    assert code == 0 and "2 ideas are frozen" in out


def test_results_top_keeps_every_tie_at_the_cut(
    db: Database, event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_voting_shortlist import tied_round

    tied_round(db)
    code, out, _ = _run(capsys, "results", str(event_path), "--top", "2", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["text"], r["rank"], r["tied"]) for r in rows] == [
        ("A", "1", ""),
        ("B", "2", "yes"),
        ("C", "2", "yes"),
        ("D", "2", "yes"),
        ("E", "2", "yes"),
        ("F", "2", "yes"),
    ]
    code, out, _ = _run(capsys, "results", str(event_path), "--top", "1")
    assert code == 0 and "B" not in out.split("Overall")[1]
