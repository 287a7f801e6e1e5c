"""One smartdialog per event file on a laptop: a second one is told, nothing is opened twice."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from smartdialog.core.db import Database
from smartdialog.ui import eventio, eventlock
from smartdialog.ui.messages import translate_error
from tests.conftest import TEST_DEVICE

# Another smartdialog process: it takes the event's lock the way the app does, says so,
# and keeps it until its standard input closes.
HOLDER = """
import sys
from smartdialog.ui import eventlock
lock = eventlock.acquire(sys.argv[1])
print("locked" if lock is not None else "no lock", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def event_file(db: Database) -> Path:
    assert db.path is not None
    path = db.path
    db.close()
    return path


@pytest.fixture
def other_instance(event_file: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(event_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    yield process
    if process.poll() is None:
        process.communicate("", timeout=30)
    for stream in (process.stdin, process.stdout):
        if stream is not None and not stream.closed:
            stream.close()


def test_a_second_instance_is_told_the_event_is_open(
    qapp: object, event_file: Path, other_instance: subprocess.Popen[str]
) -> None:
    with pytest.raises(eventlock.EventAlreadyOpen) as refused:
        eventio.open_event(event_file, TEST_DEVICE)
    text = translate_error(refused.value)
    assert event_file.name in text
    assert "bereits" in text and "Laptop" in text  # German, and says where


def test_a_second_instance_does_not_replace_it_either(
    qapp: object, event_file: Path, other_instance: subprocess.Popen[str]
) -> None:
    size = event_file.stat().st_size
    with pytest.raises(eventlock.EventAlreadyOpen):
        eventio.new_event(event_file, "Neu", TEST_DEVICE, replace=True)
    assert event_file.stat().st_size == size


def test_the_event_opens_once_the_other_has_closed_it(
    qapp: object, event_file: Path, other_instance: subprocess.Popen[str]
) -> None:
    other_instance.communicate("", timeout=30)
    db, _title = eventio.open_event(event_file, TEST_DEVICE)
    db.close()


def test_a_lock_left_by_a_crash_is_taken_over(
    qapp: object, event_file: Path, other_instance: subprocess.Popen[str]
) -> None:
    other_instance.kill()
    other_instance.wait(timeout=30)
    assert eventlock.lock_path(event_file).exists()
    db, _title = eventio.open_event(event_file, TEST_DEVICE)
    db.close()


def test_closing_the_event_releases_the_lock(qapp: object, event_file: Path) -> None:
    db, _title = eventio.open_event(event_file, TEST_DEVICE)
    assert eventlock.lock_path(event_file).exists()
    db.close()
    assert not eventlock.lock_path(event_file).exists()


def test_where_no_lock_file_can_be_written_the_event_still_opens(
    qapp: object, event_file: Path
) -> None:
    # A folder that refuses the lock file (read-only, a share without locks): here a folder
    # stands where the lock file would go, which refuses it as well, also for root.
    eventlock.lock_path(event_file).mkdir()
    assert eventlock.acquire(event_file) is None
    db, title = eventio.open_event(event_file, TEST_DEVICE)
    db.close()
    assert title


def test_the_window_says_so_and_keeps_what_was_open(
    qtbot: object,
    event_file: Path,
    other_instance: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QSettings

    from smartdialog.ui.mainwindow import MainWindow

    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: said.append(text))
    )
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.open_event(event_file) is False
    assert window.db is None
    assert len(said) == 1
    assert event_file.name in said[0]
    assert "bereits" in said[0]
