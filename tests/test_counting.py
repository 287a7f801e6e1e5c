"""One counting rule: the wall, the minutes' chart, headings and Eckdaten give the same numbers."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from smartdialog.core.db import Database
from smartdialog.core.minutes import document
from smartdialog.core.services import counting, ideas, minutes, setup
from smartdialog.core.services.counting import Countable, IdeaCount
from smartdialog.ui.wall.state import WallState

from .test_minutes_document import pdf_pages


def _event_with_merges_and_hidden(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    """Field A: 6 ideas, 2 merged within A, 1 from B merged into A, 1 hidden; field B: 3 ideas."""
    with db.uow() as s:
        a, b = (f.id for f in setup.list_fields(s)[:2])
        in_a = [ideas.capture(s, f"Idee A{n}", field_id=a) for n in range(6)]
        in_b = [ideas.capture(s, f"Idee B{n}", field_id=b) for n in range(3)]
        ideas.merge(s, in_a[1].id, in_a[0].id)
        ideas.merge(s, in_a[2].id, in_a[0].id)
        ideas.merge(s, in_b[0].id, in_a[3].id)
        ideas.hide(s, in_a[5].id, "Telefonnummer")
    return a, b


def test_wall_chart_headings_and_key_figures_count_alike(
    db: Database, tmp_path: Path, qtbot: object
) -> None:
    a, b = _event_with_merges_and_hidden(db)
    wall = WallState()
    with qtbot.waitSignal(wall.loaded):  # type: ignore[attr-defined]
        wall.set_database(db)
    with db.read() as s:
        content = minutes.snapshot(s)
    counts = {f.id: f.count for f in content.fields}
    assert counts[a] == IdeaCount(counted=3, merged=3, hidden=1)
    assert counts[b] == IdeaCount(counted=2, merged=0, hidden=0)
    assert wall.count(a) == counts[a].counted and wall.count(b) == counts[b].counted
    assert wall.count() == content.idea_count.counted == 5

    pdf = tmp_path / "zaehlung.pdf"
    minutes.export_pdf(db, pdf)
    text = "\n".join(pdf_pages(pdf))
    flat = " ".join(text.split())
    name_a, name_b = (f.name for f in content.fields[:2])
    # The chapter headings: the count line under each field's title.
    assert (
        "3 Beiträge (darin 3 Doppelungen zusammengeführt; außerdem 1 ausgeblendeter Beitrag)"
        in text
    )
    assert re.search(r"\n\s*2 Beiträge\s*\n", text)
    # Eckdaten: the whole event.
    assert "Beiträge 5 (darin 3 Doppelungen zusammengeführt; außerdem 1 ausgeblendeter" in flat
    # Per table, too (none of these ideas was written at a table).
    assert "ohne Tisch 5" in flat
    # The chart's bars carry the same numbers as labels.
    bars = re.findall(rf"({re.escape(name_a)}|{re.escape(name_b)})\s+(\d+)", text)
    assert (name_a, "3") in bars and (name_b, "2") in bars
    # And the minutes say how they count.
    assert "Gezählt wird jeder Beitrag, der im Ergebnis steht, genau einmal." in flat


def test_a_merge_of_a_merge_counts_in_the_last_survivor() -> None:
    f1, f2, f3 = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    x, y, z = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    counts = counting.count_ideas(
        [
            Countable(x, f1, "merged", y),
            Countable(y, f2, "merged", z),
            Countable(z, f3, "active"),
        ]
    )
    assert counts == {f3: IdeaCount(counted=1, merged=2)}


def test_the_count_line_reads_as_german() -> None:
    def line(count: IdeaCount, *, short: bool = False) -> str:
        return document.count_line(count, short=short).replace("\u00a0", " ")

    assert line(IdeaCount(1, 1, 1)) == (
        "1 Beitrag (darin 1 Doppelung zusammengeführt; außerdem 1 ausgeblendeter Beitrag)"
    )
    assert line(IdeaCount(1200, 0, 0)) == "1.200 Beiträge"
    assert line(IdeaCount(7, 0, 2), short=True) == ("7 (außerdem 2 ausgeblendete Beiträge)")
