"""Developer tasks behind `make forms`, `make translations` and new migrations.

    python -m smartdialog.devtools forms          compile forms/*.ui into smartdialog/ui/forms
    python -m smartdialog.devtools translations   refresh resources/translations/*.ts, build .qm
    python -m smartdialog.devtools revision MSG   autogenerate the next schema migration
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_SRC = ROOT / "forms"
FORMS_OUT = ROOT / "smartdialog" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de",)
GENERATED_MARK = "# Generated from {name} by `make forms` - do not edit.\n"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def compiled_form(ui_file: Path) -> str:
    """What pyside6-uic makes of one Designer file, with our header."""
    out = subprocess.run(
        [_tool("pyside6-uic"), "--from-imports", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # uic stamps its own version into the header; keep only the code so the
    # staleness test does not depend on the tool's banner.
    body = "\n".join(line for line in out.splitlines() if not line.startswith("##")).lstrip()
    return GENERATED_MARK.format(name=f"forms/{ui_file.name}") + body + "\n"


def form_target(ui_file: Path) -> Path:
    return FORMS_OUT / f"ui_{ui_file.stem}.py"


def forms() -> None:
    FORMS_OUT.mkdir(parents=True, exist_ok=True)
    (FORMS_OUT / "__init__.py").touch()
    for ui_file in sorted(FORMS_SRC.glob("*.ui")):
        form_target(ui_file).write_text(compiled_form(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {form_target(ui_file).relative_to(ROOT)}")


def translation_sources() -> list[Path]:
    return sorted(
        p
        for p in (ROOT / "smartdialog").rglob("*.py")
        if "forms" not in p.parts or p.name.startswith("ui_")
    ) + sorted(FORMS_SRC.glob("*.ui"))


def translations() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in translation_sources()]
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"smartdialog_{lang}.ts"
        with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as lst:
            lst.write("\n".join(sources))
        subprocess.run(
            [_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", f"@{lst.name}", "-ts", str(ts)],
            check=True,
        )
        Path(lst.name).unlink()
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def revision(message: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from smartdialog.core.db import upgrade

    engine = create_engine("sqlite://")
    upgrade(engine)
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "smartdialog" / "core" / "migrations"))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        versions = ROOT / "smartdialog" / "core" / "migrations" / "versions"
        number = len(list(versions.glob("[0-9][0-9][0-9][0-9]_*.py"))) + 1
        command.revision(cfg, message=message, autogenerate=True, rev_id=f"{number:04d}")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    task, *rest = argv
    if task == "forms":
        forms()
    elif task == "translations":
        translations()
    elif task == "revision" and rest:
        revision(" ".join(rest))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
