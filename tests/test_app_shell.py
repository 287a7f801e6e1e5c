"""The application's safety nets: the log file, the crash handler, a lost database connection."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from smartdialog.core.services import audit
from smartdialog.ui import app as app_module
from smartdialog.ui.mainwindow import MainWindow

from .conftest import TEST_DEVICE


@pytest.mark.expect_error_log
def test_an_unexpected_error_is_logged_and_apologised_for(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    try:
        raise RuntimeError("kaputt")
    except RuntimeError as exc:
        with caplog.at_level(logging.CRITICAL, logger="smartdialog"):
            app_module._excepthook(type(exc), exc, exc.__traceback__)
    assert "RuntimeError: kaputt" in caplog.text
    assert shown and shown[0].startswith("Entschuldigung")
    assert "kaputt" not in shown[0], "tracebacks go to the log, not into dialogs"


def test_log_file_lives_in_the_users_data_folder() -> None:
    path = app_module.log_file()
    assert path.name == "smartdialog.log"
    assert path.parent.is_dir()


def test_a_lost_connection_is_shown_and_its_return_too(
    qtbot: QtBot, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), TEST_DEVICE)
    qtbot.addWidget(window)
    assert window.open_event(db_path)
    real = audit.changes_since

    def unplugged(*_args: object, **_kwargs: object) -> list[audit.Change]:
        raise OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(audit, "changes_since", unplugged)
    with qtbot.waitSignal(window.feed.connection_lost, timeout=3000):
        window.feed.poll()
    assert "Keine Verbindung" in window.connection_label.text()
    monkeypatch.setattr(audit, "changes_since", real)
    with qtbot.waitSignal(window.feed.connection_restored, timeout=3000):
        window.feed.poll()
    assert "Veranstaltungsdatei" in window.connection_label.text()


def test_a_large_log_is_rotated_at_start(tmp_path: Path) -> None:
    from smartdialog import logfile

    log = tmp_path / "smartdialog.log"
    log.write_bytes(b"x" * logfile.MAX_BYTES)
    (tmp_path / "smartdialog.log.1").write_text("älter", encoding="utf-8")
    logfile._rotate(log)
    assert not log.exists()
    assert (tmp_path / "smartdialog.log.1").stat().st_size == logfile.MAX_BYTES
    assert (tmp_path / "smartdialog.log.2").read_text(encoding="utf-8") == "älter"
