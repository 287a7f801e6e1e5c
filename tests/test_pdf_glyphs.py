"""No character of an event's data prints as an empty box in the minutes.

Every distinct character of a demo event with emoji, Greek, Cyrillic and
Vietnamese goes through the minutes; the test reads the PDF's embedded font
subsets (fontTools) and their ToUnicode maps, and fails on any character
drawn with a missing glyph or missing from the document.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest
from fontTools.ttLib import TTFont
from sqlalchemy import select

from smartdialog.core import pdffonts
from smartdialog.core.db import open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.models import Event, FieldOfAction, Idea
from smartdialog.core.services import ideas, minutes, setup

from .conftest import TEST_DEVICE

WORLD = (
    "Mehr Radwege 🚲🌳👍 und Bänke ❤️ 👩‍👩‍👧",
    "Ελληνικά: Ποδηλατόδρομοι στην πόλη",
    "Кириллица: Больше велосипедных дорожек",
    "Tiếng Việt: Đường dành cho xe đạp ở thành phố",
    "Łukasz Öztürk-Nguyễn wünscht sich „Sitzbänke“ – 24 °C, ½ Preis, € 5, ✓",
    "Symbole, die keine Schrift hat: \U00013000 \u0800",
)


def _font_objects(pdf: Path) -> list[pypdf.generic.DictionaryObject]:
    reader = pypdf.PdfReader(pdf)
    found: dict[int, pypdf.generic.DictionaryObject] = {}

    def walk(resources: object) -> None:
        if not isinstance(resources, dict):
            return
        for ref in (resources.get("/Font") or {}).values():
            found[ref.idnum] = ref.get_object()
        for ref in (resources.get("/XObject") or {}).values():
            walk(ref.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return list(found.values())


def _to_unicode(font: pypdf.generic.DictionaryObject) -> dict[int, str]:
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    data = "".join(re.findall(r"beginbfchar(.*?)endbfchar", data, flags=re.S))
    return {
        int(code, 16): bytes.fromhex(target).decode("utf-16-be")
        for code, target in re.findall(r"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]+)>", data)
    }


def glyphs_in(pdf: Path) -> tuple[set[str], set[str]]:
    """(characters drawn with a real glyph, characters drawn as the empty .notdef box)."""
    drawn: set[str] = set()
    boxes: set[str] = set()
    for font in _font_objects(pdf):
        descriptor = font["/FontDescriptor"].get_object()
        subset = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        cmap = subset["cmap"].tables[0].cmap  # code -> glyph name (reportlab's subset)
        for code, text in _to_unicode(font).items():
            if code not in cmap:
                continue  # reserved in the subset (ASCII), never drawn
            glyph = cmap[code]
            empty = glyph == ".notdef" or subset["glyf"][glyph].numberOfContours == 0
            if empty and not text.isspace() and not _draws_nothing(text):
                boxes.add(text)
            else:
                drawn.add(text)
    return drawn, boxes


def _draws_nothing(text: str) -> bool:
    return all(unicodedata.category(c) in ("Cc", "Cf", "Mn", "Zs") for c in text)


@pytest.fixture(scope="module")
def world_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    folder = tmp_path_factory.mktemp("glyphs")
    path = folder / "welt.sdevent"
    write_demo(path, participants=40, ideas=20, votes=True, device=TEST_DEVICE)
    db = open_database(path, TEST_DEVICE)
    try:
        with db.uow() as s:
            fields = setup.list_fields(s)
            setup.update_field(s, fields[0].id, name="Mobilität 🚲")
            setup.update_event(s, venue="Rathaus Münster – Ερμού 5 – Тверская 1")
            for n, line in enumerate(WORLD):
                ideas.capture(s, line, field_id=fields[n % len(fields)].id)
        with db.read() as s:
            data = [
                *s.scalars(select(Idea.text)),
                *s.scalars(select(FieldOfAction.name)),
                *s.scalars(select(Event.title)),
                *s.scalars(select(Event.venue)),
                *s.scalars(select(Event.guiding_question)),
            ]
        pdf = folder / "welt.pdf"
        minutes.export_pdf(db, pdf)
    finally:
        db.close()
    chars = {c for text in data for c in unicodedata.normalize("NFC", text)}
    return pdf, chars


def test_no_character_of_the_data_prints_as_an_empty_box(
    world_pdf: tuple[Path, set[str]],
) -> None:
    pdf, chars = world_pdf
    drawn, boxes = glyphs_in(pdf)
    assert not boxes, f"printed as empty boxes: {sorted(boxes)}"
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    missing = []
    for c in sorted(chars):
        if c.isspace() or _draws_nothing(c) or 0xFE00 <= ord(c) <= 0xFE0F:
            continue
        if c in drawn or pdffonts.substitute(c) in text:
            continue
        missing.append(f"U+{ord(c):04X} {unicodedata.name(c, '?')}")
    assert not missing, f"neither drawn nor named: {missing}"


def test_emoji_are_drawn_and_searchable(world_pdf: tuple[Path, set[str]]) -> None:
    pdf, _chars = world_pdf
    drawn, _boxes = glyphs_in(pdf)
    assert {"🚲", "🌳", "👍", "Ε", "К", "ễ", "Đ"} <= drawn
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Mehr Radwege 🚲🌳👍" in text, "copying from the PDF gives the emoji back"
    # A hieroglyph no embedded font has is named, not boxed.
    assert "[egyptian hieroglyph a001]" in text


def test_the_fonts_and_their_licences_are_shipped() -> None:
    from smartdialog.paths import resource

    for name in (*pdffonts.TEXT_FONTS, pdffonts.EMOJI):
        assert Path(pdffonts.font_file(name)).is_file()
    assert resource("fonts", "LICENSE-NotoEmoji.txt").read_text().count("Open Font License") >= 1
    assert "glyf" in TTFont(pdffonts.font_file(pdffonts.EMOJI))
