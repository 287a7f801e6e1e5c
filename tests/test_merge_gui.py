"""Datei › Veranstaltungen zusammenführen…: the report in the window, the moderator's buttons."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from smartdialog.core.db import open_database
from smartdialog.core.services import merge
from smartdialog.core.services.merge import rehearsal
from smartdialog.ui.mainwindow import MainWindow
from smartdialog.ui.merge import MergeDialog

from .conftest import TEST_DEVICE

SMALL = (1366, 768)


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> rehearsal.Rehearsal:
    return rehearsal.play(
        tmp_path_factory.mktemp("laptops"), participants=40, ideas_count=24, ballots=24
    )


def test_the_window_merges_off_the_gui_thread_and_the_moderator_decides_by_button(
    qtbot: QtBot, laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    target = tmp_path / "gesamt.sdevent"
    shutil.copyfile(laptops.organiser, target)
    db = open_database(target, TEST_DEVICE)
    try:
        dialog = MergeDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.add_sources([str(p) for p in laptops.laptops])
        assert dialog.merge_button.isEnabled()
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        text = dialog.report_view.toPlainText()
        assert "Zusammengeführt in gesamt.sdevent." in text
        assert "an zwei Laptops eingecheckt" in text
        assert "Von der Moderation zu entscheiden (2)" in text
        qtbot.waitUntil(lambda: dialog.cases_box.isVisible(), timeout=10_000)
        if os.environ.get("SMARTDIALOG_SCREENSHOTS"):
            dialog.resize(*SMALL)
            dialog.grab().save(os.environ["SMARTDIALOG_SCREENSHOTS"] + "/merge-dialog.png")
        buttons = [
            b for b in dialog.cases_box.findChildren(QPushButton) if b.objectName().endswith("-B")
        ]
        assert len(buttons) == 2
        buttons[0].click()
        qtbot.waitUntil(lambda: len(dialog.cases) == 1, timeout=10_000)
        with db.read() as s:
            assert merge.open_case_count(s) == 1
    finally:
        db.close()


def test_the_file_menu_opens_the_merge_window(
    qtbot: QtBot, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), TEST_DEVICE)
    qtbot.addWidget(window)
    assert not window.merge_action.isEnabled()
    assert window.open_event(db_path)
    assert window.merge_action.isEnabled()
    assert window.merge_action.text() == "Veranstaltungen zusa&mmenführen…"
    shown: list[MergeDialog] = []
    monkeypatch.setattr(MergeDialog, "exec", lambda self: shown.append(self) or 0)
    window.merge_action.trigger()
    assert len(shown) == 1 and shown[0].db is window.db
