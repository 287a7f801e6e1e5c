"""Every string the user sees is translated into German, and the shipped .qm files are current."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from smartdialog import devtools

AREAS = ("shell", *devtools.AREAS)


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


@pytest.mark.parametrize("area", AREAS)
def test_every_string_is_translated(area: str, tmp_path: Path) -> None:
    shipped = devtools.TRANSLATIONS / f"{area}_de.ts"
    assert shipped.exists(), f"run `make translations` and translate {shipped.name}"
    # Refresh a copy from the current sources: a string added to the code since
    # the last `make translations` shows up as unfinished.
    fresh = tmp_path / shipped.name
    shutil.copy(shipped, fresh)
    devtools.update_ts(area, "de", fresh)
    missing = _untranslated(fresh)
    assert missing == [], f"untranslated in {shipped.name} (run `make translations`, then translate):\n" + "\n".join(missing)


@pytest.mark.parametrize("area", AREAS)
def test_shipped_qm_matches_its_source(area: str, tmp_path: Path) -> None:
    ts = devtools.TRANSLATIONS / f"{area}_de.ts"
    built = tmp_path / "built.qm"
    subprocess.run(
        [devtools._tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)], check=True
    )
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run `make translations` for {ts.name}"


def test_placeholders_survive_translation() -> None:
    """A translation keeps every {placeholder} of its source, or .format() would fail."""
    import re

    bad = []
    for ts in devtools.TRANSLATIONS.glob("*_de.ts"):
        for msg in ET.parse(ts).getroot().iter("message"):
            source = msg.findtext("source") or ""
            for translation in _translations(msg):
                if translation and set(re.findall(r"{\w*}", source)) != set(re.findall(r"{\w*}", translation)):
                    bad.append(f"{ts.name}: {source!r} -> {translation!r}")
    assert bad == []
