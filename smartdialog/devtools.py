"""Developer tasks behind `make forms`, `make translations` and new migrations.

python -m smartdialog.devtools forms          compile forms/*.ui into smartdialog/ui/forms
python -m smartdialog.devtools translations   refresh resources/translations/*.ts, build .qm
python -m smartdialog.devtools revision MSG   autogenerate the next schema migration
"""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_SRC = ROOT / "forms"
FORMS_OUT = ROOT / "smartdialog" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")
# English is the source language: its files hold only the plural forms ("1 dot",
# "2 dots"), which the source text itself cannot express.
SOURCE_LANGUAGE = "en"
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


# One Linguist source per area of the product (resources/translations/<area>_<lang>.ts),
# so that the areas' translations can be worked on side by side.  A file belongs to
# the first area whose pattern matches it; "shell" takes the rest.
AREAS: dict[str, tuple[str, ...]] = {
    "desk": (
        "smartdialog/ui/desk/**",
        "smartdialog/commands/desk.py",
        "smartdialog/core/services/registration.py",
        "smartdialog/core/services/importer/**",
        "smartdialog/core/services/tickets.py",
        "smartdialog/core/services/checkin.py",
        "smartdialog/core/services/badges.py",
        "forms/desk_*.ui",
    ),
    "ideas": (
        "smartdialog/ui/ideas/**",
        "smartdialog/ui/wall/**",
        "smartdialog/commands/ideas.py",
        "smartdialog/core/services/ideas/**",
        "forms/ideas_*.ui",
    ),
    "voting": (
        "smartdialog/ui/voting/**",
        "smartdialog/commands/voting.py",
        "smartdialog/core/services/voting/**",
        "forms/voting_*.ui",
    ),
    "merge": (
        "smartdialog/ui/merge.py",
        "smartdialog/commands/merge.py",
        "smartdialog/core/services/merge/**",
    ),
    "minutes": (
        "smartdialog/ui/minutes/**",
        "smartdialog/commands/minutes.py",
        "smartdialog/core/services/minutes.py",
        "smartdialog/core/services/export.py",
        "smartdialog/core/services/privacy.py",
        "smartdialog/core/minutes/**",
        "forms/minutes_*.ui",
    ),
    "hosting": (
        "smartdialog/ui/hosting/**",
        "smartdialog/commands/hosting.py",
        "smartdialog/core/hosting/**",
    ),
}


def _all_sources() -> list[Path]:
    code = [
        p
        for p in (ROOT / "smartdialog").rglob("*.py")
        # Generated form modules repeat their .ui file's strings: the .ui is the source.
        if "forms" not in p.relative_to(ROOT).parts
    ]
    return sorted(code) + sorted(FORMS_SRC.glob("*.ui"))


def area_of(path: Path) -> str:
    relative = path.relative_to(ROOT).as_posix()
    for area, patterns in AREAS.items():
        if any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns):
            return area
    return "shell"


def translation_sources(area: str) -> list[Path]:
    return [p for p in _all_sources() if area_of(p) == area]


def update_ts(area: str, lang: str, ts: Path) -> None:
    """Refresh ``ts`` from the area's sources (existing translations are kept)."""
    sources = [str(p) for p in translation_sources(area)]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as lst:
        lst.write("\n".join(sources))
    try:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-silent",
                "-locations",
                "none",
                "-no-obsolete",
                *(["-pluralonly"] if lang == SOURCE_LANGUAGE else []),
                f"@{lst.name}",
                "-ts",
                str(ts),
            ],
            check=True,
        )
    finally:
        Path(lst.name).unlink()


def translations() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for area in ("shell", *AREAS):
        for lang in LANGUAGES:
            _translate_area(area, lang)


def _translate_area(area: str, lang: str) -> None:
    ts = TRANSLATIONS / f"{area}_{lang}.ts"
    update_ts(area, lang, ts)
    if lang == SOURCE_LANGUAGE and "<message" not in ts.read_text(encoding="utf-8"):
        # No plural forms in this area: nothing to ship for English.
        ts.unlink()
        ts.with_suffix(".qm").unlink(missing_ok=True)
        return
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
    )
    print(f"{ts.relative_to(ROOT)} and .qm")


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
    elif task == "translations-area" and rest:
        # One area only: `python -m smartdialog.devtools translations-area desk`.
        for lang in LANGUAGES:
            _translate_area(rest[0], lang)
    elif task == "revision" and rest:
        revision(" ".join(rest))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
