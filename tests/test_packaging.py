"""The wheel for the venue laptops carries its resources and finds them when installed."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_fonts_translations_and_migrations(tmp_path: Path) -> None:
    dist = ROOT / "dist"
    before = set(dist.glob("*.whl")) if dist.exists() else set()
    subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")], check=True, capture_output=True, timeout=300
    )
    wheels = sorted(dist.glob("smartdialog-*.whl"), key=lambda p: p.stat().st_mtime)
    assert wheels, "packaging/build.sh made no wheel"
    names = set(zipfile.ZipFile(wheels[-1]).namelist())
    for wheel in set(wheels) - before:
        wheel.unlink()
    modules = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "smartdialog").rglob("*.py")
        if "__pycache__" not in p.parts and "resources" not in p.relative_to(ROOT).parts
    }
    assert modules - names == set(), (
        "modules missing from the wheel (a package without __init__.py?)"
    )
    for needed in (
        "smartdialog/resources/fonts/DejaVuSans.ttf",
        "smartdialog/resources/fonts/LICENSE-DejaVu.txt",
        "smartdialog/resources/translations/shell_de.qm",
        "smartdialog/resources/icons/smartdialog.svg",
        "smartdialog/core/migrations/env.py",
        "smartdialog/core/migrations/versions/0001_first_schema.py",
        "smartdialog/core/migrations/script.py.mako",
    ):
        assert needed in names, f"{needed} missing from the wheel"
