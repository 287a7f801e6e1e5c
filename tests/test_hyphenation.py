"""Long German compounds break at real hyphenation points, with a visible hyphen, everywhere."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pyphen
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from smartdialog.core import hyphenation
from smartdialog.core.db import Database
from smartdialog.core.minutes.layout import make_styles
from smartdialog.core.services import ideas, minutes, setup

COMPOUNDS = ("Straßenbeleuchtungsinstandhaltungsvertrag", "Datenschnittstellenverordnungsentwurf")


@functools.cache
def allowed(word: str) -> set[int]:
    """The breaks the text may use: pyphen's German dictionary, asked directly.

    Asked when a test needs it, not on import: loading the dictionary takes most of a
    second, which every test process would pay while collecting.
    """
    return set(pyphen.Pyphen(lang="de_DE").positions(word))


def raw_lines(pdf: Path) -> list[str]:
    """The lines as drawn (``-raw``: poppler's default output joins hyphenated words)."""
    out = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def breaks(word: str, lines: list[str]) -> list[tuple[int, bool]]:
    """Every place ``word`` is broken across lines: (index in the word, hyphen shown)."""
    found = []
    text = "\n".join(lines)
    # The word, with a line break (and perhaps a hyphen) allowed between any two letters.
    pattern = "".join(re.escape(c) + r"(-?\n)?" for c in word[:-1]) + re.escape(word[-1])
    for match in re.finditer(pattern, text):
        for pos in range(1, len(word)):
            cut = match.group(pos)
            if cut:
                found.append((pos, cut.startswith("-")))
    return found


def test_the_dictionary_is_pyphens_german() -> None:
    for word in COMPOUNDS:
        positions = hyphenation.positions(word)
        assert positions and set(positions) <= allowed(word)
        assert min(positions) >= 3 and max(positions) <= len(word) - 3
    assert hyphenation.positions("Radwege") == []


def test_no_part_without_a_vowel() -> None:
    # pyphen's German patterns say "Wirt-schafts-s-tand-ort".
    shown = hyphenation.soft_hyphens("Wirtschaftsstandort").replace("\u00ad", "|")
    assert shown == "Wirt|schafts|stand|ort"


@pytest.mark.parametrize("width", [60, 80, 110, 150])
def test_pdf_paragraphs_break_compounds_only_at_hyphenation_points(
    tmp_path: Path, width: int
) -> None:
    st = make_styles()
    pdf = tmp_path / "schmal.pdf"
    doc = SimpleDocTemplate(str(pdf), pagesize=A4, leftMargin=50, rightMargin=A4[0] - 50 - width)
    text = f"Der {COMPOUNDS[0]} und der {COMPOUNDS[1]} liegen vor."
    doc.build([Paragraph(text, style) for style in (st.body, st.cell, st.small, st.h3)])
    lines = raw_lines(pdf)
    seen = 0
    for word in COMPOUNDS:
        for pos, hyphen in breaks(word, lines):
            seen += 1
            assert hyphen, f"{word} broken at {pos} without a hyphen: {lines}"
            assert pos in allowed(word), f"{word} broken at {pos}, not a hyphenation point"
    assert seen >= 8, "a column this narrow breaks each compound in every style"
    assert not [line for line in lines if line in ("-", "\u00ad")]


def test_the_minutes_break_compounds_only_at_hyphenation_points(
    db: Database, tmp_path: Path
) -> None:
    with db.uow() as s:
        field = setup.list_fields(s)[0]
        # The same compounds after lead-ins of growing length land at every place of a line.
        for n in range(24):
            lead = " ".join(["Wir"] * n)
            ideas.capture(s, f"{lead} {COMPOUNDS[n % 2]}", field_id=field.id)
    pdf = tmp_path / "protokoll.pdf"
    minutes.export_pdf(db, pdf)
    lines = raw_lines(pdf)
    seen = 0
    for word in COMPOUNDS:
        for pos, hyphen in breaks(word, lines):
            seen += 1
            assert hyphen and pos in allowed(word), (word, pos, hyphen)
    assert seen, "some of them are broken"


@pytest.mark.parametrize("width", [120, 160, 220, 300])
def test_the_wall_breaks_compounds_with_a_hyphen_at_hyphenation_points(
    qtbot: object, width: int
) -> None:
    from smartdialog.ui.wall.view import _font, _Texts

    texts = _Texts()
    font = _font(24)
    for word in COMPOUNDS:
        lines = texts.lines(f"Der {word}, bitte", width, font)
        assert len(lines) > 2
        assert not [line for line in lines if line.strip() in ("-", "\u00ad", "")], lines
        joined = ""
        for line in lines[:-1]:
            stripped = line.rstrip(" ")
            if stripped != line:
                joined += line
                continue  # broken between words
            assert line.endswith("\u00ad"), f"{word} broken inside a syllable: {lines}"
            joined += line
            pos = len(joined.replace("\u00ad", "").split(" ")[-1])
            if word.startswith(joined.replace("\u00ad", "").split(" ")[-1]):
                assert pos in allowed(word), (word, pos, lines)
