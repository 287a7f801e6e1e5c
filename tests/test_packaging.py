"""The wheel for the venue laptops carries its resources and finds them when installed."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

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


# -- the frozen app (packaging/smartdialog.spec reads packaging/bundle.py) ---------------------


def _bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle", ROOT / "packaging" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_spec_takes_its_lists_from_the_bundle() -> None:
    spec = (ROOT / "packaging" / "smartdialog.spec").read_text(encoding="utf-8")
    for use in (
        "bundle.datas()",
        "bundle.HIDDEN_IMPORTS",
        "bundle.COLLECT_DATA",
        "bundle.EXCLUDES",
    ):
        assert use in spec


def test_the_frozen_app_carries_every_resource_and_the_migrations() -> None:
    bundle = _bundle()
    sources = {source: target for source, target in bundle.DATAS}
    shipped = [
        p.relative_to(ROOT).as_posix()
        for folder in (ROOT / "resources", ROOT / "smartdialog" / "core" / "migrations")
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    uncovered = [f for f in shipped if not any(f.startswith(s + "/") for s in sources)]
    assert uncovered == [], "files the frozen app would miss"
    # Where smartdialog.paths looks for them when frozen: inside the package folder.
    for source, target in bundle.DATAS:
        assert target == "smartdialog/" + source.removeprefix("smartdialog/")
    for source, _target in bundle.datas():
        assert Path(source).is_dir()


def test_the_frozen_app_names_every_module_imported_by_name() -> None:
    from smartdialog.cli import COMMAND_MODULES

    hidden = set(_bundle().HIDDEN_IMPORTS)
    assert set(COMMAND_MODULES) <= hidden, "a command-line job the frozen app would not know"
    # Joining a shared event: SQLAlchemy's psycopg dialect and psycopg's compiled part.
    assert {"sqlalchemy.dialects.postgresql.psycopg", "psycopg", "psycopg_binary"} <= hidden
    assert {"PySide6.QtMultimedia", "zxingcpp"} <= hidden
    import psycopg  # psycopg_binary may only be imported by psycopg itself

    assert psycopg.pq.__impl__ == "binary"
    missing = [name for name in sorted(hidden) if importlib.util.find_spec(name) is None]
    assert missing == [], "hidden imports that do not exist (a typo, a renamed module)"
    for package in _bundle().COLLECT_DATA:
        assert importlib.util.find_spec(package) is not None


def test_resources_are_found_inside_the_frozen_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartdialog import paths

    inside = tmp_path / "_internal" / "smartdialog" / "resources"
    inside.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.resources_dir() == inside
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "elsewhere"))
    with pytest.raises(FileNotFoundError):
        paths.resources_dir()


def test_the_windows_icon_is_made_from_the_svg(qapp: object, tmp_path: Path) -> None:
    from PIL import Image

    icon = _bundle().windows_icon(tmp_path / "smartdialog.ico")
    with Image.open(icon) as picture:
        assert picture.format == "ICO"
        assert (256, 256) in picture.info["sizes"] and (16, 16) in picture.info["sizes"]


def test_psycopg_is_a_dependency_not_an_extra() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = " ".join(project["dependencies"])
    assert "psycopg[binary]" in needed
    # Qt Multimedia comes from the Addons at exactly the Essentials' version.
    pins = {d.split("==")[0]: d.split("==")[1] for d in project["dependencies"] if "PySide6" in d}
    assert set(pins) == {"PySide6-Essentials", "PySide6-Addons"}
    assert pins["PySide6-Addons"] == pins["PySide6-Essentials"]


def test_the_smoke_test_shows_every_workspace_and_exits_0(tmp_path: Path) -> None:
    from smartdialog.core.demo import write_demo

    event = tmp_path / "demo.sdevent"
    write_demo(event, participants=30, ideas=10)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMARTDIALOG_EXIT_AFTER": "workspaces"}
    done = subprocess.run(
        [sys.executable, "-m", "smartdialog", str(event)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (
        "smoke test: ok (setup, desk, ideas, wall, voting, minutes; camera decoder ok, sound ok)"
        in done.stdout
    )


def test_the_smoke_test_fails_without_an_event(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMARTDIALOG_EXIT_AFTER": "workspaces"}
    done = subprocess.run(
        [sys.executable, "-m", "smartdialog"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "smoke test: FAILED" in done.stdout
