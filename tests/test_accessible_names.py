"""Every control a screen reader (or a test robot) meets has a name of its own."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database, open_database
from smartdialog.ui.desk import DeskWorkspace
from smartdialog.ui.mainwindow import WORKSPACES, MainWindow
from smartdialog.ui.voting.station import VotingStation
from smartdialog.ui.wall import WallWorkspace

from .conftest import TEST_DEVICE

SMALL = (1366, 768)
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
)


def _controls(root: QWidget) -> list[QWidget]:
    """The visible interactive widgets, not the parts inside another one (a spin box's field)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisible():
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root.parentWidget():
            if isinstance(parent, INTERACTIVE):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner:
            found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name).strip()


def _describe(widget: QWidget) -> str:
    return (
        f"{type(widget).__name__}({widget.objectName() or '-'}) in {type(widget.window()).__name__}"
    )


def unnamed(root: QWidget) -> list[str]:
    """Controls without a name, or named only after a group box they share with others."""
    controls = _controls(root)
    names = {w: accessible_name(w) for w in controls}
    boxes = [w for w in [root, *root.findChildren(QGroupBox)] if isinstance(w, QGroupBox)]
    titles = {box.title().replace("&", "") for box in boxes}
    counts = Counter(names.values())
    problems = []
    for widget, name in names.items():
        if not name:
            problems.append(f"{_describe(widget)}: no name")
        elif name in titles and counts[name] > 1:
            problems.append(f"{_describe(widget)}: only its group's name “{name}”")
    return problems


def test_the_check_finds_a_control_without_a_name(qtbot: QtBot) -> None:
    box = QGroupBox("Die Wand zeigt")
    qtbot.addWidget(box)
    first, second = QLineEdit(box), QLineEdit(box)
    second.move(0, 40)
    box.show()
    assert len(unnamed(box)) == 2
    first.setAccessibleName("Idee")
    second.setAccessibleName("Von")
    assert unnamed(box) == []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, db_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(w)
    w.resize(*SMALL)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_event(db_path)
    return w


def test_every_control_of_every_workspace_has_its_own_name(window: MainWindow) -> None:
    problems = []
    for spec in WORKSPACES:
        page = window.show_workspace(spec.key)
        assert page.isVisible()
        problems += [f"{spec.key}: {p}" for p in unnamed(window)]
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_walk_in_dialog_and_the_wall_window_name_their_controls(
    qtbot: QtBot, window: MainWindow
) -> None:
    desk = window.show_workspace("desk")
    assert isinstance(desk, DeskWorkspace)
    dialog = desk.open_walk_in()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    problems = unnamed(dialog)
    dialog.reject()
    wall = window.show_workspace("wall")
    assert isinstance(wall, WallWorkspace)
    wall.show_button.setChecked(True)
    assert wall.projector is not None
    qtbot.waitExposed(wall.projector)
    problems += unnamed(wall.projector)
    wall.show_button.setChecked(False)
    assert not problems, "\n".join(problems)


def test_the_voting_station_names_its_controls(qtbot: QtBot, db_path: Path) -> None:
    db: Database = open_database(db_path, TEST_DEVICE)
    try:
        station = VotingStation(db, station_name="Abstimmung 1")
        qtbot.addWidget(station)
        station.resize(*SMALL)
        station.show()
        qtbot.waitExposed(station)
        problems = unnamed(station)
        assert not problems, "\n".join(problems)
        station.close()
    finally:
        db.close()
