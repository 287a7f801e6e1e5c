"""Tables in the minutes: short ones whole with their heading, long ones never orphan a row."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from smartdialog.core.minutes.layout import grid, make_styles

FRAME_HEIGHT = A4[1] - 2 * 72 - 12  # SimpleDocTemplate's default margins and frame padding


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.split("\f")[:-1]


def _build(tmp_path: Path, space: float, rows: int) -> list[str]:
    st = make_styles()
    pdf = tmp_path / f"t-{space}-{rows}.pdf"
    table = grid(
        ["Organisation", "Anwesende"],
        [[f"Zeile {n}", str(n)] for n in range(1, rows + 1)],
        [300, 80],
        right=(1,),
    )
    SimpleDocTemplate(str(pdf), pagesize=A4).build(
        [Spacer(1, space), Paragraph("Teilnehmende nach Organisation", st.h3), *table]
    )
    return _pages(pdf)


def _page_of(pages: list[str], needle: str) -> int:
    return next(n for n, page in enumerate(pages) if needle in page)


@pytest.mark.parametrize("space", range(520, 680, 12))
def test_a_short_table_stays_whole_with_its_heading(tmp_path: Path, space: int) -> None:
    pages = _build(tmp_path, space, 8)
    heading = _page_of(pages, "Teilnehmende nach Organisation")
    assert all(f"Zeile {n} " in pages[heading] for n in range(1, 9)), pages


@pytest.mark.parametrize("space", range(0, 680, 23))
def test_a_long_table_leaves_no_row_alone(tmp_path: Path, space: int) -> None:
    rows = 47
    pages = _build(tmp_path, space, rows)
    heading = _page_of(pages, "Teilnehmende nach Organisation")
    assert "Zeile 1 " in pages[heading] and "Zeile 2 " in pages[heading], "heading kept with rows"
    for page in pages:
        shown = [n for n in range(1, rows + 1) if f"Zeile {n} " in page]
        assert shown == [] or len(shown) >= 2, f"{len(shown)} row(s) alone on a page"
    last = _page_of(pages, f"Zeile {rows} ")
    assert f"Zeile {rows - 1} " in pages[last]
