"""File › Für andere Laptops freigeben… / Freigabe beenden, through the window, on a real server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from smartdialog.core.db import open_database
from smartdialog.core.hosting import session
from smartdialog.core.models import Idea
from smartdialog.core.services import ideas, setup
from smartdialog.ui.mainwindow import MainWindow
from tests.conftest import TEST_DEVICE
from tests.hosting_helpers import reachable_folder, server_environment

# One hosted server at a time across the test processes (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("one_host_at_a_time")


def _menu_texts(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions()]


def test_sharing_from_the_file_menu_survives_closing_the_app_and_ends_in_the_file(
    qtbot: QtBot, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server_environment(monkeypatch)
    # Nobody else hosts this event: listening for one the app's 2 s proves nothing more.
    monkeypatch.setattr(session, "ANNOUNCE_CHECK_S", 0.3)
    root = reachable_folder()
    monkeypatch.setenv("SMARTDIALOG_DATA_DIR", str(root))
    settings = QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(window)
    windows = [window]
    try:
        texts = _menu_texts(window)
        for wanted in (
            "Für andere &Laptops freigeben…",
            "Freigabe b&eenden",
            "Einer Veranstaltung &beitreten…",
        ):
            assert wanted in texts
        assert window.open_event(db_path)
        controller = window.hosting
        assert controller.share_action.isEnabled() and not controller.end_action.isEnabled()

        controller.share_action.trigger()
        qtbot.waitUntil(lambda: controller.hosted is not None, timeout=120_000)
        assert window.db is not None and not window.db.is_sqlite
        assert controller.card_dialog is not None and controller.card_dialog.isVisible()
        assert controller.end_action.isEnabled()
        with window.db.uow() as s:
            field = setup.list_fields(s)[0]
            ideas.capture(s, "Mehr Bänke am Aasee", field_id=field.id)

        window.close()  # the app closes: the server stops, the event stays shared
        assert controller.hosted is None
        assert [s.title for s in session.hosted_events(root)] == ["Bürgerdialog Smart City Münster"]

        again = MainWindow(settings, TEST_DEVICE)
        qtbot.addWidget(again)
        windows.append(again)
        monkeypatch.setattr(
            QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes
        )
        assert again.hosting.offer_resume()
        qtbot.waitUntil(lambda: again.hosting.hosted is not None, timeout=120_000)
        assert again.db is not None and not again.db.is_sqlite

        again.hosting.end_action.trigger()
        qtbot.waitUntil(lambda: again.hosting.hosted is None, timeout=120_000)
        assert again.db is not None and again.db.path == db_path.resolve()
        assert session.hosted_events(root) == []
        again.close()
        db = open_database(db_path)
        try:
            with db.read() as s:
                assert s.scalar(select(func.count()).select_from(Idea)) == 1
        finally:
            db.close()
        assert len(list(db_path.parent.glob("*.vor-freigabe-*.sdevent"))) == 1
    finally:
        for w in windows:
            w.hosting.shutdown()
        shutil.rmtree(root, ignore_errors=True)
