"""The tests keep to a home folder of their own: nothing they write reaches the user's
folders, and nothing of one run is found by the next."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from PySide6.QtWidgets import QApplication

from smartdialog.logfile import log_file
from smartdialog.ui import app as app_module

from .conftest import HOME_VARIABLES, TEST_HOME, USER_ENVIRONMENT


def _inside(path: str | Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


def _users_files_mentioning(token: str) -> list[Path]:
    """Files of smartdialog's in the user's own home that contain ``token``."""
    home = Path(USER_ENVIRONMENT["HOME"] or "/nonexistent")
    folders = [
        Path(USER_ENVIRONMENT["XDG_CONFIG_HOME"] or home / ".config"),
        Path(USER_ENVIRONMENT["XDG_DATA_HOME"] or home / ".local" / "share"),
        home / ".qttest",
    ]
    return [
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("smartdialog*")
        if path.is_file() and token.encode() in path.read_bytes()
    ]


def test_the_session_has_a_fresh_home_of_its_own() -> None:
    assert Path.home() == TEST_HOME != Path(USER_ENVIRONMENT["HOME"] or "/")
    for name in HOME_VARIABLES:
        assert _inside(os.environ[name], TEST_HOME), name


def test_the_apps_settings_and_log_file_stay_in_the_tests_home(qapp: QApplication) -> None:
    token = uuid.uuid4().hex
    settings = app_module.settings()
    settings.setValue("tests/probe", token)
    settings.sync()
    assert _inside(settings.fileName(), TEST_HOME)
    assert token in Path(settings.fileName()).read_text(encoding="utf-8")
    assert _inside(log_file(), TEST_HOME)
    assert _users_files_mentioning(token) == []


def test_a_command_line_process_logs_into_the_tests_home(tmp_path: Path) -> None:
    token = uuid.uuid4().hex
    damaged = tmp_path / f"{token}.sdevent"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    job = subprocess.run(
        [sys.executable, "-m", "smartdialog", "info", str(damaged)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert job.returncode == 1 and "beschädigt" in job.stderr
    logs = [
        path for path in TEST_HOME.rglob("smartdialog.log*") if token.encode() in path.read_bytes()
    ]
    assert logs, "the job's warning is in no log file of the tests' home"
    assert all(_inside(path, TEST_HOME / ".local" / "share") for path in logs)
    assert _users_files_mentioning(token) == []
