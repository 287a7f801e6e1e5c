"""Every string the user sees is translated into German, and the shipped .qm files are current."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from smartdialog import devtools

AREAS = ("shell", *devtools.AREAS)
# English plural-form files exist only for areas that have plural messages.
ENGLISH = tuple(a for a in AREAS if (devtools.TRANSLATIONS / f"{a}_en.ts").exists())
FILES = [(a, "de") for a in AREAS] + [(a, "en") for a in ENGLISH]


def _translations(msg: ET.Element) -> list[str]:
    """The translated texts of a message: one, or one per plural form (``%n`` messages)."""
    tr = msg.find("translation")
    if tr is None:
        return []
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


def _untranslated(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        f"{ctx.findtext('name')}: {msg.findtext('source')!r}"
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if (tr := msg.find("translation")) is not None
        and (
            tr.get("type") in ("unfinished", "obsolete", "vanished")
            or not all(text.strip() for text in _translations(msg))
        )
    ]


@pytest.mark.parametrize(("area", "lang"), FILES)
def test_every_string_is_translated(area: str, lang: str, tmp_path: Path) -> None:
    shipped = devtools.TRANSLATIONS / f"{area}_{lang}.ts"
    assert shipped.exists(), f"run `make translations` and translate {shipped.name}"
    # Refresh a copy from the current sources: a string added to the code since
    # the last `make translations` shows up as unfinished.
    fresh = tmp_path / shipped.name
    shutil.copy(shipped, fresh)
    devtools.update_ts(area, lang, fresh)
    missing = _untranslated(fresh)
    assert missing == [], (
        f"untranslated in {shipped.name} (run `make translations`, then translate):\n"
        + "\n".join(missing)
    )


def test_every_plural_message_has_english_forms(tmp_path: Path) -> None:
    """A "%n" message shows "1 dots" in English unless an English plural file covers it."""
    for area in AREAS:
        fresh = tmp_path / f"{area}_en.ts"
        devtools.update_ts(area, "en", fresh)
        has_plurals = "<message" in fresh.read_text(encoding="utf-8")
        assert has_plurals == (area in ENGLISH), f"run `make translations` for {area}_en.ts"


@pytest.mark.parametrize(("area", "lang"), FILES)
def test_shipped_qm_matches_its_source(area: str, lang: str, tmp_path: Path) -> None:
    ts = devtools.TRANSLATIONS / f"{area}_{lang}.ts"
    built = tmp_path / "built.qm"
    subprocess.run(
        [devtools._tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)], check=True
    )
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"run `make translations` for {ts.name}"
    )


def test_placeholders_survive_translation() -> None:
    """A translation keeps every {placeholder} of its source, or .format() would fail."""
    import re

    bad = []
    for ts in devtools.TRANSLATIONS.glob("*.ts"):
        for msg in ET.parse(ts).getroot().iter("message"):
            source = msg.findtext("source") or ""
            for translation in _translations(msg):
                if translation and set(re.findall(r"{\w*}", source)) != set(
                    re.findall(r"{\w*}", translation)
                ):
                    bad.append(f"{ts.name}: {source!r} -> {translation!r}")
    assert bad == []
