"""The command line as an administrator uses it: German messages, exit codes, pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smartdialog import cli


def test_info_prints_the_event(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["info", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Bürgerdialog Smart City Münster" in out
    assert "Handlungsfelder:" in out and "Mobilität" in out
    assert "Tisch 1 – Mobilität" in out


def test_a_missing_event_is_one_german_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["info", str(tmp_path / "fehlt.sdevent")]) == 1
    captured = capsys.readouterr()
    assert "gibt es nicht" in captured.err
    assert "Traceback" not in captured.err


def test_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "en", "info", str(tmp_path / "gone.sdevent")]) == 1
    assert "does not exist" in capsys.readouterr().err
    from smartdialog import i18n

    i18n.load("de")  # the other tests in this process expect German


def test_new_creates_an_event_with_the_resolutions_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "neu.sdevent"
    assert (
        cli.main(
            ["new", str(path), "--title", "Bürgerdialog", "--council-reference", "V/0164/2018"]
        )
        == 0
    )
    assert cli.main(["new", str(path), "--title", "Noch einmal"]) == 1
    assert "gibt es schon" in capsys.readouterr().err
    assert cli.main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "V/0164/2018" in out and "Wohnformen" in out


def test_a_closed_pipe_ends_a_job_quietly(db_path: Path) -> None:
    """`smartdialog info EVENT | head -1` must not print a traceback."""
    env = {**os.environ, "SMARTDIALOG_LANG": "de"}
    job = subprocess.Popen(
        [sys.executable, "-m", "smartdialog", "info", str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert job.stdout is not None and job.stderr is not None
    job.stdout.close()  # the reader is gone before the job prints its first line
    with job.stderr:
        errors = job.stderr.read().decode()
    assert job.wait(timeout=60) == 0
    assert "Traceback" not in errors and "Broken pipe" not in errors


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        cli.main(argv)
    assert done.value.code == 0
    return capsys.readouterr().out


ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message")


def test_the_help_is_german_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["tickets", "--help"], ["minutes", "-h"]):
        out = _help(argv, capsys)
        assert out.startswith("Aufruf: smartdialog"), argv
        assert "Optionen:" in out and "diese Hilfe zeigen und beenden" in out
        assert not [w for w in ARGPARSE_ENGLISH if w in out], (argv, out)
    # argparse's own errors, too.
    with pytest.raises(SystemExit) as wrong:
        cli.main(["tickets"])
    assert wrong.value.code == 2
    err = capsys.readouterr().err
    assert "Fehler: Diese Angaben fehlen: event" in err and "usage" not in err
    import argparse
    import gettext

    assert argparse._ is gettext.gettext, "argparse is left as it was found"  # type: ignore[attr-defined]


def test_the_help_is_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    from smartdialog import i18n

    try:
        out = _help(["--lang", "en", "--help"], capsys)
        assert out.startswith("usage: smartdialog")
        assert "options:" in out and "show this help message and exit" in out
        assert "Aufruf" not in out and "Optionen" not in out
    finally:
        i18n.load("de")


# A job loads what it needs when it runs: every command module is imported to build
# the parser, so a module-level import of the PDF library or the GUI would be paid
# by every `smartdialog …` a script or a desk runs.  QtCore stays: it reads the
# translations.
HEAVY_FOR_LIGHT_JOBS = (
    "reportlab",
    "openpyxl",
    "qrcode",
    "PIL",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
)

LIGHT_JOBS = """
import json, sys
from smartdialog import cli

try:
    cli.main(["--help"])
except SystemExit:
    pass
after_help = sorted(sys.modules)
code = cli.main(["checkin", sys.argv[1], "0001"])
print(json.dumps({"help": after_help, "checkin": sorted(sys.modules), "code": code}))
"""


def test_the_help_and_a_check_in_load_no_pdf_library_and_no_gui(db_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LIGHT_JOBS, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SMARTDIALOG_LANG": "de"},
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert loaded["code"] == 4, "the short ticket code is refused, so the check-in did run"
    assert "smartdialog.core.services.checkin" in loaded["checkin"]
    for job in ("help", "checkin"):
        heavy = [
            m
            for m in loaded[job]
            if any(m == h or m.startswith(h + ".") for h in HEAVY_FOR_LIGHT_JOBS)
        ]
        assert heavy == [], f"{job} loads {heavy[:5]}"
    assert "sqlalchemy" not in loaded["help"], "the help opens no database"
