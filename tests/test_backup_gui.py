"""Backups from the window: Datei › Sicherungskopie, automatic copies, checkpoint when idle."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from smartdialog.core.backup import automatic_backups
from smartdialog.core.services import setup
from smartdialog.ui.backup import DEFAULT_INTERVAL_MIN, AutoBackupDialog
from smartdialog.ui.mainwindow import MainWindow

from .conftest import TEST_DEVICE


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, db_path: Path) -> MainWindow:
    w = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(w)
    w.show()
    assert w.open_event(db_path)
    return w


def _venue(path: Path) -> str:
    # The file alone: immutable ignores the -wal.
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)) as conn:
        return str(conn.execute("SELECT venue FROM events").fetchone()[0])


def _set_venue(window: MainWindow, venue: str) -> None:
    assert window.db is not None
    with window.db.uow() as s:
        setup.update_event(s, venue=venue)


def test_file_menu_saves_a_backup_copy_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _set_venue(window, "Stadthaus 1, Raum 12")
    target = tmp_path / "stick" / "kopie.sdevent"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    assert window.backup_action.text().replace("&", "") == "Sicherungskopie speichern…"
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert "Die Sicherungskopie wurde gespeichert" in told[0] and str(target) in told[0]
    assert _venue(target) == "Stadthaus 1, Raum 12"


def test_automatic_backups_go_to_the_chosen_folder(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    dialog = AutoBackupDialog(window.backups.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.interval.value() == DEFAULT_INTERVAL_MIN
    dialog.folder.setText(str(stick))
    dialog.enabled.setChecked(True)
    dialog.keep.setValue(2)
    dialog.accept()
    window.backups.apply_settings()
    assert window.backups.auto_timer.isActive()
    assert window.backups.auto_timer.interval() == DEFAULT_INTERVAL_MIN * 60_000
    for venue in ("Saal A", "Saal B", "Saal C"):
        _set_venue(window, venue)
        with qtbot.waitSignal(window.backups.saved, timeout=10_000):
            window.backups.auto_timer.timeout.emit()
    copies = sorted(stick.iterdir())  # by name, as a file manager lists them: oldest first
    assert copies == automatic_backups(window.db.path, stick)
    assert len(copies) == 2
    assert all(".sicherung-" in p.name for p in copies)
    assert _venue(copies[-1]) == "Saal C"


def test_a_vanished_backup_folder_is_said_once_and_nothing_is_lost(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    told: list[str] = []
    window._tell = lambda _title, text: told.append(text)  # type: ignore[method-assign]
    window.backups.settings.store(
        enabled=True, folder=str(tmp_path / "abgezogen"), interval_minutes=5, keep=5
    )
    window.backups.apply_settings()
    texts: list[Any] = []
    for _ in range(2):
        with qtbot.waitSignal(window.backups.failed, timeout=10_000) as blocker:
            window.backups.backup_automatically()
        texts.append(blocker.args[0])
    assert "USB-Stick" in texts[0] and "Nichts ist verloren" in texts[0]
    assert told == texts[:1]
    assert window.backup_label.isVisible()
    _set_venue(window, "Saal D")  # the event itself goes on
    assert window.db is not None and window.db.path is not None


def test_the_wal_is_checkpointed_when_the_app_goes_idle(qtbot: QtBot, window: MainWindow) -> None:
    assert window.db is not None and window.db.path is not None
    window.backups.idle_timer.setInterval(10)
    with qtbot.waitSignal(window.backups.checkpointed, timeout=10_000):
        _set_venue(window, "Foyer")
    assert _venue(window.db.path) == "Foyer"
