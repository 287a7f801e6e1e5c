"""The main window as a clerk uses it: set up an event, close, open it again from Recent."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from smartdialog.core.db import open_database
from smartdialog.core.services import setup
from smartdialog.ui.mainwindow import WORKSPACES, MainWindow
from smartdialog.ui.setup import SetupWorkspace
from smartdialog.ui.setup.models import StationTableModel

from .conftest import TEST_DEVICE

TEST_DEVICE_NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a person, umlauts included (qtbot.keyClicks sends ASCII only)."""
    widget.setFocus()
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    w = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text)
    )
    return shown


def shown(qtbot: QtBot, page: SetupWorkspace) -> SetupWorkspace:
    """The setup page once it has read the event."""
    qtbot.waitUntil(lambda: page.fields_model.rowCount() > 0 and bool(page.form.title.text()))
    return page


def test_clerk_sets_up_an_event_and_finds_it_again(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, window: MainWindow
) -> None:
    path = tmp_path / "buergerdialog.sdevent"
    assert window.new_event(path, "Bürgerdialog Smart City Münster")
    page = window.workspace("setup")
    assert isinstance(page, SetupWorkspace)
    shown(qtbot, page)
    assert window.stack.currentWidget() is page
    assert window.windowTitle().startswith("Bürgerdialog Smart City Münster")

    form = page.form
    for edit, text in (
        (form.venue, "Rathaus Münster, Festsaal"),
        (form.organiser, "Stadt Münster"),
        (form.councilReference, "V/0164/2018"),
    ):
        type_text(edit, text)
        press(qtbot, edit, Qt.Key.Key_Tab)
    form.date.setDate(QDate(2026, 11, 28))
    form.startTime.setTime(QTime(9, 30))
    form.startTime.editingFinished.emit()

    # The seven fields of the resolution are there; rename one, add an eighth, move and colour it.
    assert [r.name for r in page.fields_model.rows] == [n for n, _ in setup.DEFAULT_FIELDS]
    first = page.fields_model.index(0)
    with qtbot.waitSignal(page.answered):
        assert page.fields_model.setData(first, "Mobilität und Verkehr")
    assert page.add_field("Kultur")

    def selected() -> str:
        index = page.fields_view.currentIndex()
        return page.fields_model.rows[index.row()].name if index.isValid() else ""

    qtbot.waitUntil(lambda: selected() == "Kultur")
    for row in range(6, -1, -1):
        qtbot.waitUntil(page.up_button.isEnabled)
        qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda row=row: selected() == "Kultur" and page.fields_view.currentIndex().row() == row
        )  # type: ignore[misc]
    culture = page.fields_model.rows[0]
    assert culture.name == "Kultur"
    page.set_field_colour(culture.id, "#AA00FF")
    qtbot.waitUntil(lambda: page.fields_model.rows[0].colour == "#aa00ff")
    type_text(page.new_topic, "Welche Kultur braucht die digitale Stadt?")
    press(qtbot, page.new_topic, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.topics.count() == 1)

    # Two tables with their facilitators.
    for count, name in enumerate(("Tisch Kultur", "Tisch Mobilität"), start=1):
        type_text(page.new_station, name)
        press(qtbot, page.new_station, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda count=count: page.stations_model.rowCount() == count)  # type: ignore[misc]
        qtbot.waitUntil(lambda: not page.new_station.text())
    model = page.stations_model
    mobility = next(r for r in page.fields_model.rows if r.name == "Mobilität und Verkehr")
    with qtbot.waitSignal(page.answered):
        assert model.setData(model.index(1, StationTableModel.FIELD), str(mobility.id))
    with qtbot.waitSignal(page.answered):
        assert model.setData(model.index(1, StationTableModel.FACILITATORS), "Jürgen Brüggemann")
    window.close()

    # Next morning: open it again from File > Recent.
    again = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(again)
    again.show()
    again._fill_recent_menu()
    recent = [a for a in again.recent_menu.actions() if a.toolTip() == str(path.resolve())]
    assert recent, "the event is in the recent list"
    recent[0].trigger()
    assert again.db is not None
    page = again.workspace("setup")
    assert isinstance(page, SetupWorkspace)
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.topics.count() == 1)
    assert page.form.title.text() == "Bürgerdialog Smart City Münster"
    assert page.form.venue.text() == "Rathaus Münster, Festsaal"
    assert page.form.councilReference.text() == "V/0164/2018"
    assert page.form.date.date() == QDate(2026, 11, 28)
    assert page.form.startTime.time() == QTime(9, 30)
    names = [r.name for r in page.fields_model.rows]
    assert names[0] == "Kultur" and names[1] == "Mobilität und Verkehr" and len(names) == 8
    assert page.fields_model.rows[0].colour == "#aa00ff"
    assert [page.topics.item(i).text() for i in range(page.topics.count())] == [
        "Welche Kultur braucht die digitale Stadt?"
    ]
    stations = {r.name: r for r in page.stations_model.rows()}
    assert stations["Tisch Kultur"].field_id == culture.id  # takes the selected field
    assert stations["Tisch Mobilität"].field_id == mobility.id
    assert stations["Tisch Mobilität"].facilitators == "Jürgen Brüggemann"


def test_every_workspace_is_reachable(window: MainWindow, db_path: Path) -> None:
    assert window.open_event(db_path)
    for row, spec in enumerate(WORKSPACES):
        window.workspace_actions[row].trigger()
        page = window.stack.currentWidget()
        assert page is window.workspace(spec.key)
        assert page.isVisible()


def test_the_pages_use_the_settings_the_window_hands_them(
    qtbot: QtBot, window: MainWindow, settings: QSettings, db_path: Path, tmp_path: Path
) -> None:
    from smartdialog.ui.desk import DeskWorkspace
    from smartdialog.ui.ideas import IdeasWorkspace
    from smartdialog.ui.minutes import MinutesWorkspace

    settings.setValue("desk/badge_layout", "label62")
    settings.setValue("minutes/folder", str(tmp_path))
    assert window.open_event(db_path)
    desk = window.workspace("desk")
    assert isinstance(desk, DeskWorkspace)
    assert desk.options.badge_layout() == "label62"
    minutes = window.workspace("minutes")
    assert isinstance(minutes, MinutesWorkspace)
    assert minutes.exports._folder() == str(tmp_path)
    ideas_page = window.workspace("ideas")
    assert isinstance(ideas_page, IdeasWorkspace)
    qtbot.waitUntil(lambda: ideas_page.context.station_combo.count() > 1)
    ideas_page.context.station_combo.setCurrentIndex(1)  # the table this laptop stands at
    assert settings.value("ideas/station") == str(ideas_page.context.station_combo.currentData())


def test_the_window_hands_the_wall_the_voting_results(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    from smartdialog.core.services import ideas, voting
    from smartdialog.ui.wall import WallMode, WallWorkspace

    assert window.open_event(db_path)
    wall = window.workspace("wall")
    assert isinstance(wall, WallWorkspace)
    wall.state.set_mode(WallMode.RESULTS)
    assert wall.state.results is None  # no round yet
    assert window.db is not None
    with window.db.uow() as s:
        ideas.capture(s, "Radwege an der Hammer Straße", field_id=setup.list_fields(s)[0].id)
        voting.start_round(s, voting.create_round(s, "Priorisierung").id)
    wall.reload()
    qtbot.waitUntil(lambda: wall.state.results is not None)
    assert wall.state.results is not None
    assert "Priorisierung" in wall.state.results.title


def test_refusing_an_empty_title_keeps_the_stored_one(
    qtbot: QtBot, window: MainWindow, db_path: Path, warnings_shown: list[str]
) -> None:
    assert window.open_event(db_path)
    page = window.show_workspace("setup")
    assert isinstance(page, SetupWorkspace)
    shown(qtbot, page)
    page.form.title.clear()
    with qtbot.waitSignal(page.answered):
        page.form.title.editingFinished.emit()
    assert warnings_shown and "Titel" in warnings_shown[0]
    assert page.form.title.text() == "Bürgerdialog Smart City Münster"


def test_bad_files_get_a_message_and_the_open_event_stays(
    window: MainWindow, db_path: Path, tmp_path: Path, warnings_shown: list[str]
) -> None:
    assert window.open_event(db_path)
    junk = tmp_path / "kaputt.sdevent"
    junk.write_bytes(b"\x00" * 100)
    newer = tmp_path / "neuer.sdevent"
    newer.write_bytes(db_path.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    for target in (junk, newer, tmp_path / "verschwunden.sdevent"):
        assert not window.open_event(target)
    assert len(warnings_shown) == 3
    assert "keine smartdialog-Veranstaltungsdatei" in warnings_shown[0]
    assert "neueren Version" in warnings_shown[1]
    assert "gibt es nicht" in warnings_shown[2]
    assert window.db is not None and window.db.path == db_path.resolve()


def test_a_file_gone_from_recent_is_explained_and_forgotten(
    window: MainWindow, db_path: Path, warnings_shown: list[str]
) -> None:
    assert window.open_event(db_path)
    window.close_event()
    moved = db_path.with_name("verschoben.sdevent")
    db_path.rename(moved)
    window.welcome.recent_chosen.emit(str(db_path.resolve()))
    assert warnings_shown
    assert str(db_path.resolve()) not in window.recent_files()
    assert window.db is None
    assert window.stack.currentWidget() is window.welcome


def test_changes_on_another_laptop_reach_this_window(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    assert window.open_event(db_path)
    page = window.show_workspace("setup")
    assert isinstance(page, SetupWorkspace)
    other = open_database(db_path)
    try:
        with other.uow() as s:
            setup.add_station(s, "Tisch vom anderen Laptop")
    finally:
        other.close()
    qtbot.waitUntil(
        lambda: any(r.name == "Tisch vom anderen Laptop" for r in page.stations_model.rows()),
        timeout=3000,
    )


def test_item_models_pass_the_model_tester(
    qtmodeltester, window: MainWindow, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_event(db_path)
    page = window.show_workspace("setup")
    assert isinstance(page, SetupWorkspace)
    qtmodeltester.check(page.fields_model)
    qtmodeltester.check(page.stations_model)


def test_a_local_write_reaches_the_other_pages_at_once(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    """No waiting for the next poll: the commit itself pokes the change feed."""
    assert window.open_event(db_path)
    window.feed._timer.stop()  # only the poke may deliver it
    assert window.db is not None
    with qtbot.waitSignal(window.feed.changed, timeout=2000) as blocker, window.db.uow() as s:
        setup.add_station(s, "Tisch 8")
    assert [c.action for c in blocker.args[0]] == ["station.added"]


def test_the_laptop_is_renamed_from_the_status_bar(
    window: MainWindow, db_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    assert window.open_event(db_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Empfang   2 ", True))
    window.device_label.click()
    assert window.device_label.text() == "Dieser Laptop: Empfang 2"
    assert settings.value("device/name") == "Empfang 2"
    assert window.db is not None and window.db.device.name == "Empfang 2"
    from smartdialog.core.db import devices
    from smartdialog.ui import ops

    ops.wait_for_writes()  # written on the writer thread
    assert "Empfang 2" in [d.name for d in devices(window.db)]


def test_setup_page_ignores_check_ins_and_ideas(
    window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk scanning every few seconds must not reset the tables someone is editing here."""
    from smartdialog.core.services.audit import Change

    assert window.open_event(db_path)
    page = window.show_workspace("setup")
    reloads: list[int] = []
    monkeypatch.setattr(page, "reload", lambda: reloads.append(1))

    def change(action: str) -> Change:
        return Change(1, TEST_DEVICE_NOW, TEST_DEVICE.id, action, "", None, "")

    page.on_changes([change("checkin.created"), change("idea.captured"), change("round.opened")])
    assert reloads == []
    page.on_changes([change("checkin.created"), change("station.updated")])
    assert reloads == [1]
