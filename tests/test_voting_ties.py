"""Ties are never cut off: the wall, the minutes' charts and the command line keep every tied idea.

The fixture: a closed round in which Mobilität has three ideas tied at rank 10
and the overall ranking the same three tied at rank 15 — the two cuts that hid
ideas before (one of three shown at a top 10, one of four at 15).
"""

from __future__ import annotations

import re
import subprocess
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database
from smartdialog.core.services import minutes, voting
from smartdialog.ui.voting.wall import wall_results
from smartdialog.ui.wall.state import WallMode, WallState
from smartdialog.ui.wall.view import WallView

from .test_voting_service import add_ideas, field_ids


def tie_fixture(db: Database) -> dict[str, uuid.UUID]:
    """Mobilität: M1..M9 with 30..22 dots, M10, M11, M12 with 10 each, M13 with 2.

    Wirtschaftsstandort: W1..W5 with 21..17 dots, W6..W9 with 9 each.  Overall,
    M1..M9 and W1..W5 take ranks 1..14, M10..M12 share 15, W6..W9 share 18.
    """
    mobil = [f"M{n}" for n in range(1, 14)]
    wirtschaft = [f"W{n}" for n in range(1, 10)]
    found = add_ideas(db, {0: mobil, 1: wirtschaft})
    totals = {f"M{n}": 31 - n for n in range(1, 10)} | {"M10": 10, "M11": 10, "M12": 10, "M13": 2}
    totals |= {f"W{n}": 22 - n for n in range(1, 6)} | {f"W{n}": 9 for n in range(6, 10)}
    with db.uow() as s:
        info = voting.create_round(s, "Priorisierung", field_ids=field_ids(db)[:2])
        voting.start_round(s, info.id)
        for text, dots in totals.items():
            voting.set_paper_tally(s, info.id, found[text], dots, note="Plakat")
        voting.close_round(s, info.id)
    return found


def test_the_fixture_ties_where_the_cuts_fall(db: Database) -> None:
    tie_fixture(db)
    with db.read() as s:
        results = voting.round_results(s, voting.round_by_number(s, 1).id)
    mobil = results.fields[0].ideas
    assert [(i.text, i.rank) for i in mobil[9:12]] == [("M10", 10), ("M11", 10), ("M12", 10)]
    top10 = voting.top_with_ties(mobil, 10)
    assert len(top10) == 12 and all(i.tied for i in top10[9:])
    # Overall: M1..M9 and W1..W5 are 14 places, M10..M12 share 15, W6..W9 share 18.
    top15 = voting.top_with_ties(results.overall, 15)
    assert [i.text for i in top15[14:]] == ["M10", "M11", "M12"]
    assert {i.rank for i in top15[14:]} == {15}


def test_the_wall_shows_every_idea_tied_at_its_cut(qtbot: QtBot, db: Database) -> None:
    tie_fixture(db)
    results = wall_results(db)
    assert results is not None
    assert [(r.text, r.rank, r.tied) for r in results.ranking[14:]] == [
        ("M10", 15, True),
        ("M11", 15, True),
        ("M12", 15, True),
    ]
    state = WallState()
    state.set_database(db)
    state.set_mode(WallMode.RESULTS)
    state.set_results_provider(lambda: results)
    qtbot.waitUntil(lambda: state.results == results)
    view = WallView(state)
    qtbot.addWidget(view)
    for size in ((1920, 1080), (1280, 720), (1024, 600)):
        view.resize(*size)
        view.grab()
        painted = view.painted_ranking
        cut = painted[-1][0]
        # Whatever fits, the last rank shown is shown whole.
        assert [p[1] for p in painted] == [r.text for r in results.ranking if r.rank <= cut]
        assert all(p[3] for p in painted if p[0] == 15)


def test_the_minutes_charts_show_every_idea_tied_at_the_cut(db: Database, tmp_path: Path) -> None:
    tie_fixture(db)
    pdf = tmp_path / "dokumentation.pdf"
    minutes.export_pdf(db, pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = re.sub(r"\s+", " ", out)
    assert "Die 12 Ideen mit den meisten Punkten" in text  # Mobilität's top 10 and its ties
    for name in ("M10", "M11", "M12"):
        assert re.search(rf"Nr\. \d+ \(gleichauf\): {name}\b", text), name
    assert "Die 17 Ideen mit den meisten Punkten" in text  # the overall top 15 and its ties


@pytest.mark.parametrize("top", [10, 15])
def test_the_command_line_keeps_the_ties_of_the_fixture(
    db: Database, event_path: Path, capsys: pytest.CaptureFixture[str], top: int
) -> None:
    from smartdialog import cli

    tie_fixture(db)
    assert cli.main(["--lang", "en", "results", str(event_path), "--top", str(top)]) == 0
    out = capsys.readouterr().out
    overall = out.split("\nOverall\n")[1]
    for name in ("M10", "M11", "M12"):
        assert re.search(rf"(10|15)\.= +10 .* {name}$", out if top == 10 else overall, re.M)
