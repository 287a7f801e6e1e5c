"""Rules that keep the code easy to change, checked rather than promised."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

import smartdialog
from smartdialog import devtools
from smartdialog.core import db as core_db

PACKAGE = Path(smartdialog.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_neither_qt_nor_the_ui() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            n
            for n in _imports(path)
            if n.split(".")[0] == "PySide6" or n.startswith("smartdialog.ui")
        )
        for path in (PACKAGE / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_pages_are_handed_what_they_use() -> None:
    """Only the app start reads the preferences, and the wall knows nothing of the voting.

    The main window hands every page its settings and the wall its results
    provider; a page that fetched them itself would have a second source.
    """
    pages = PACKAGE / "ui"
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            n
            for n in _imports(path)
            if n == "smartdialog.ui.app"
            or (path.parent.name == "wall" and n.startswith("smartdialog.ui.voting"))
        )
        for path in pages.rglob("*.py")
        if path.name != "app.py"
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_runs_without_qt_loaded() -> None:
    """Importing every core module in a fresh interpreter loads no Qt module."""
    modules = [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in (PACKAGE / "core").rglob("*.py")
        if "versions" not in p.parts and p.name != "env.py"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + (
            "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('smartdialog.ui')]\n"
            "print(bad); raise SystemExit(1 if bad else 0)\n"
        )
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_forms_are_up_to_date() -> None:
    stale = [
        ui.name
        for ui in sorted(devtools.FORMS_SRC.glob("*.ui"))
        if not devtools.form_target(ui).exists()
        or devtools.form_target(ui).read_text(encoding="utf-8") != devtools.compiled_form(ui)
    ]
    assert stale == [], f"run `make forms`: {stale} changed since their modules were generated"


def test_head_revision_constant_matches_the_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(PACKAGE / "core" / "migrations"))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == core_db.HEAD_REVISION
    assert {rev.revision for rev in script.walk_revisions()} == set(core_db.KNOWN_REVISIONS)


def test_migrations_build_exactly_the_models() -> None:
    """A fresh database migrated to head has no difference from the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from smartdialog.core.models import Base

    engine = create_engine("sqlite://")
    core_db.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
