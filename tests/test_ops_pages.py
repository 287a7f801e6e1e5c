"""The Ideen, Live-Wand and Dokumentation pages on a slow database: nothing runs on the GUI thread.

Each test uses a page the way a user does while every statement sent from a worker
thread takes 30 ms (tests.test_ops.StatementLog), and checks that no statement was
sent from the GUI thread, that a second Enter does not save twice, and that an
older, slower answer does not overwrite a newer one.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.minutes import texts
from smartdialog.core.services import audit, ideas, minutes, setup
from smartdialog.ui import ops
from smartdialog.ui.ideas import IdeasWorkspace
from smartdialog.ui.ideas.dialogs import EditDialog
from smartdialog.ui.minutes import MinutesWorkspace
from smartdialog.ui.setup import SetupWorkspace

from .test_ideas_gui import _db_ideas, answered, type_text
from .test_ops import StatementLog
from .test_shell_gui import warnings_shown

__all__ = ["warnings_shown"]  # a fixture, shared with the window's tests

# A round trip slow enough that a second press comes while the first one's statements are
# on their way, and a statement on the GUI thread would be seen.  The 100 ms are
# measured where the stall itself is the subject (tests.test_stall, tests.test_ops); here
# what counts is the thread each statement is sent from, and 30 ms keep the file short.
DELAY_S = 0.03


@pytest.fixture
def station(db: Database) -> uuid.UUID:
    with db.uow() as s:
        field = setup.list_fields(s)[0]
        return setup.add_station(s, "Tisch 1", field_id=field.id).id


@pytest.fixture
def ideas_page(
    qtbot: QtBot, db: Database, station: uuid.UUID, tmp_path: Path
) -> Iterator[IdeasWorkspace]:
    page = IdeasWorkspace(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.set_database(db)
    page.context.select_station(station)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    yield page
    page.wait_for_saves()
    ops.reader_pool().waitForDone()


def _quiet() -> None:
    ops.wait_for_writes()
    ops.reader_pool().waitForDone()


@contextlib.contextmanager
def _slow(database: Database) -> Iterator[StatementLog]:
    """Every statement of ``database`` slowed by DELAY_S and logged while the block runs.

    The action's last statements are counted before the log stops: the block's writes
    and reads are waited for.
    """
    statements = StatementLog(database, DELAY_S)
    try:
        yield statements
    finally:
        _quiet()
        statements.close()


def _enter(qtbot: QtBot, page: IdeasWorkspace, text: str) -> None:
    rows = page.model.rowCount()
    type_text(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == rows + 1, timeout=10000)


def test_the_ideas_page_never_reads_or_writes_on_the_gui_thread(
    qtbot: QtBot, db: Database, ideas_page: IdeasWorkspace
) -> None:
    page = ideas_page
    with _slow(db) as statements:
        # Capture, edit in the dialog, hide, tag, merge, undo, reload, follow the feed.
        _enter(qtbot, page, "Radwege ausbauen")
        _enter(qtbot, page, "Mehr Radwege")
        _enter(qtbot, page, "Nachtbusse")
        shown = {i.text: i for i in page.model.all_ideas()}
        first = shown["Radwege ausbauen"]
        dialog = EditDialog(first, page.context.fields, page.context.topics, page.save_from_dialog)
        qtbot.addWidget(dialog)
        dialog.text_edit.setPlainText("Radwege durchgängig ausbauen")
        answered(qtbot, page, dialog._accept)
        page.select_idea(page.model.idea_at(0).id)
        answered(qtbot, page, lambda: page.hide_selected("doppelt"))
        page.select_idea(page.model.idea_at(0).id)
        answered(qtbot, page, lambda: page.tag_selected("Radverkehr"))
        page.table.clearSelection()
        page.select_idea(shown["Mehr Radwege"].id)
        answered(qtbot, page, lambda: page.merge_selected(target_id=first.id, text="Radwege"))
        answered(qtbot, page, page.undo_stack.undo)
        with qtbot.waitSignal(page.loaded, timeout=10000):
            page.reload()
        assert statements.threads and statements.on_gui_thread() == 0
        # The test's own reads and writes (another laptop) run here, not the page's.
        _quiet()
        statements.close()
        with db.read() as s:
            seq = audit.latest_seq(s)
        other = open_database(db.path, DeviceIdentity(uuid.UUID(int=2), "Tisch 2", "table"))  # type: ignore[arg-type]
        try:
            with other.uow() as s:
                ideas.capture(s, "Von Tisch 2", field_id=setup.list_fields(s)[0].id)
        finally:
            other.close()
        with db.read() as s:
            changes = audit.changes_since(s, seq)
        statements = StatementLog(db, DELAY_S)
        page.whole_event.setChecked(True)
        rows = page.model.rowCount()
        statements.threads.clear()
        page.on_changes(changes)
        qtbot.waitUntil(lambda: page.model.rowCount() == rows + 1, timeout=10000)
        assert statements.threads, "the feed's change was not read"
    assert statements.on_gui_thread() == 0


def test_enter_twice_in_the_edit_dialog_saves_once(
    qtbot: QtBot, db: Database, ideas_page: IdeasWorkspace
) -> None:
    page = ideas_page
    _enter(qtbot, page, "Bänke")
    before = page.model.idea_at(0)
    dialog = EditDialog(before, page.context.fields, page.context.topics, page.save_from_dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText("Mehr Bänke")
    with _slow(db), qtbot.waitSignal(page.answered, timeout=10000):
        dialog._accept()
        assert not dialog.save_button.isEnabled()  # waits for the answer
        dialog._accept()  # the second Enter
    ops.wait_for_writes()
    QCoreApplication.processEvents()
    after = _db_ideas(db)[0]
    assert (after.text, after.version) == ("Mehr Bänke", before.version + 1)
    with db.read() as s:
        assert [r.kind for r in ideas.history(s, before.id)].count("edited") == 1
    assert page.undo_stack.count() == 2  # the capture and one edit


def test_enter_twice_in_the_entry_captures_once(
    qtbot: QtBot, db: Database, ideas_page: IdeasWorkspace
) -> None:
    page = ideas_page
    with _slow(db) as statements:
        type_text(page.entry, "Nur einmal")
        qtbot.keyClick(page.entry, Qt.Key.Key_Return)
        qtbot.keyClick(page.entry, Qt.Key.Key_Return)  # pressed twice: the field is empty now
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
        ops.wait_for_writes()
        QCoreApplication.processEvents()
    assert [i.text for i in _db_ideas(db)] == ["Nur einmal"]
    assert statements.on_gui_thread() == 0


def test_ctrl_z_twice_while_the_first_is_on_its_way_undoes_once(
    qtbot: QtBot, db: Database, ideas_page: IdeasWorkspace
) -> None:
    page = ideas_page
    _enter(qtbot, page, "Eins")
    _enter(qtbot, page, "Zwei")
    with _slow(db), qtbot.waitSignal(page.answered, timeout=10000):
        page.undo_action.trigger()
        assert not page.undo_action.isEnabled()
        page.undo_action.trigger()  # ignored: the first is not answered yet
    assert sorted(i.text for i in _db_ideas(db) if i.status == "active") == ["Eins"]
    assert page.undo_stack.index() == 1
    assert page.undo_action.isEnabled()


def test_an_older_slower_read_does_not_overwrite_a_newer_one(
    qtbot: QtBot, db: Database, ideas_page: IdeasWorkspace
) -> None:
    page = ideas_page
    _enter(qtbot, page, "Alt")
    idea = page.model.idea_at(0)
    gate = threading.Event()
    held: list[str] = []

    def hold_first(*_args: Any) -> None:
        # The first read has its answer (the old text) and then waits: a slow network.
        if not held and threading.current_thread() is not threading.main_thread():
            held.append(threading.current_thread().name)
            gate.wait(10)

    event.listen(db.engine, "after_cursor_execute", hold_first)
    try:
        page.refresh([idea.id])  # slow: answers "Alt"
        qtbot.waitUntil(lambda: bool(held))
        with db.uow() as s:  # changed on another laptop meanwhile
            ideas.edit(s, idea.id, expected_version=idea.version, text="Neu")
        page.refresh([idea.id])  # fast: answers "Neu"
        qtbot.waitUntil(lambda: page.model.idea_at(0).text == "Neu", timeout=10000)
        gate.set()
        ops.reader_pool().waitForDone()
        QCoreApplication.processEvents()  # the older answer arrives now
    finally:
        gate.set()
        _quiet()
        event.remove(db.engine, "after_cursor_execute", hold_first)
    assert page.model.idea_at(0).text == "Neu"


# -- Dokumentation -------------------------------------------------------------------------------


@pytest.fixture
def minutes_page(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[MinutesWorkspace]:
    page = MinutesWorkspace(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.set_database(db)
    page.show()
    qtbot.waitExposed(page)
    yield page
    page.set_database(None)
    ops.reader_pool().waitForDone()


def test_typing_the_minutes_never_waits_for_the_database(
    qtbot: QtBot, db: Database, minutes_page: MinutesWorkspace
) -> None:
    page = minutes_page
    with _slow(db) as statements:
        page.choose_section(texts.NEXT_STEPS)
        page.editor.selectAll()
        type_text(page.editor, "Prüfung bis März")
        with qtbot.waitSignal(page.section_saved, timeout=10000):
            pass  # saved a moment after the last key
        page.editor.selectAll()
        type_text(page.editor, "Prüfung bis April")
        with qtbot.waitSignal(page.answered, timeout=10000):
            page.choose_section(texts.PRIVACY)  # another part: saved at once
        with qtbot.waitSignal(page.answered, timeout=10000):
            page.toggle_final()
        with qtbot.waitSignal(page.answered, timeout=10000):
            page.toggle_final()
        with qtbot.waitSignal(page.loaded, timeout=10000):
            page.reload()
    assert statements.threads and statements.on_gui_thread() == 0
    with db.read() as s:
        assert {x.key: x.body for x in minutes.list_sections(s)}[texts.NEXT_STEPS] == (
            "Prüfung bis April"
        )


def test_mark_as_final_clicked_twice_marks_it_once(
    qtbot: QtBot, db: Database, minutes_page: MinutesWorkspace
) -> None:
    page = minutes_page
    with _slow(db):
        with qtbot.waitSignal(page.answered, timeout=10000):
            page.final_button.click()
            assert not page.final_button.isEnabled()
            page.final_button.click()  # would reopen the draft at once
        ops.wait_for_writes()
        QCoreApplication.processEvents()
    assert page.is_final() and page.final_button.isEnabled()
    with db.read() as s:
        assert minutes.state(s).final


def test_mark_as_final_waits_until_the_state_is_read(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    page = MinutesWorkspace(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    with _slow(db):
        with qtbot.waitSignal(page.loaded, timeout=10000):
            page.set_database(db)
            assert not page.final_button.isEnabled()  # draft or final is not known yet
            assert page.status_label.text() == "Wird geladen …"
        assert page.final_button.isEnabled()
    page.set_database(None)


def test_a_read_that_started_before_a_save_does_not_bring_back_the_older_words(
    qtbot: QtBot, db: Database, minutes_page: MinutesWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = minutes_page
    gate = threading.Event()
    held: list[str] = []
    overview = minutes.overview

    def slow_overview(s: Any) -> Any:
        # The first read has read the texts (the suggested one) and then takes long.
        if not held:
            held.append(threading.current_thread().name)
            gate.wait(10)
        return overview(s)

    monkeypatch.setattr(minutes, "overview", slow_overview)
    try:
        page.reload()  # slow
        qtbot.waitUntil(lambda: bool(held))
        page.editor.selectAll()
        type_text(page.editor, "Neu getippt")
        with qtbot.waitSignal(page.answered, timeout=10000):
            page.save_now()
        gate.set()
        with qtbot.waitSignal(page.loaded, timeout=10000):
            pass  # read again once the text is stored
    finally:
        gate.set()
    assert page.editor.toPlainText() == "Neu getippt"
    assert page.saved_label.text() == "Gespeichert."


# -- Live-Wand -----------------------------------------------------------------------------------


def _other_laptop(db: Database) -> Database:
    assert db.path is not None
    return open_database(db.path, DeviceIdentity(uuid.UUID(int=3), "Tisch 3", "table"))


def test_the_wall_follows_the_feed_and_the_vote_off_the_gui_thread(
    qtbot: QtBot, db: Database
) -> None:
    from smartdialog.core.services import voting
    from smartdialog.ui.voting.wall import results_provider
    from smartdialog.ui.wall import WallMode, WallWorkspace

    pages: list[WallWorkspace] = []
    page = WallWorkspace(results_provider(lambda: pages[0].db if pages else None))
    pages.append(page)
    qtbot.addWidget(page)
    with db.read() as s:
        seq = audit.latest_seq(s)
    other = _other_laptop(db)
    try:
        with other.uow() as s:
            captured = ideas.capture(s, "Radwege", field_id=setup.list_fields(s)[0].id)
            voting.start_round(s, voting.create_round(s, "Priorisierung").id)
    finally:
        other.close()
    with db.read() as s:
        changes = audit.changes_since(s, seq)
    with _slow(db) as statements:
        with qtbot.waitSignal(page.state.loaded, timeout=10000):
            page.set_database(db)
        assert page.state.count() == 1
        page.state.set_mode(WallMode.RESULTS)
        qtbot.waitUntil(lambda: page.state.results is not None, timeout=10000)
        with qtbot.waitSignal(page.state.loaded, timeout=10000):
            page.on_changes(changes)
        with qtbot.waitSignal(page.state.loaded, timeout=10000):
            page.reload()
        ops.reader_pool().waitForDone()
    assert statements.threads and statements.on_gui_thread() == 0
    assert page.state.idea(captured.id) is not None


def test_a_change_during_a_slow_full_read_is_not_lost_on_the_wall(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartdialog.ui.wall import WallState

    with db.uow() as s:
        idea = ideas.capture(s, "Alt", field_id=setup.list_fields(s)[0].id)
    state = WallState()
    with qtbot.waitSignal(state.loaded):
        state.set_database(db)
    other = _other_laptop(db)  # opened before: opening it is a change of its own
    with db.read() as s:
        seq = audit.latest_seq(s)
    gate = threading.Event()
    held: list[str] = []
    list_ideas = ideas.list_ideas

    def slow_list(s: Any, *args: Any, **kwargs: Any) -> Any:
        rows = list_ideas(s, *args, **kwargs)  # read now: still "Alt"
        if not held:
            held.append(threading.current_thread().name)
            gate.wait(10)
        return rows

    monkeypatch.setattr(ideas, "list_ideas", slow_list)
    try:
        state.reload()  # slow
        qtbot.waitUntil(lambda: bool(held))
        with other.uow() as s:
            ideas.edit(s, idea.id, expected_version=idea.version, text="Neu")
        with db.read() as s:
            changes = audit.changes_since(s, seq)
        assert [c.action for c in changes] == ["idea.edited"]
        state.on_changes(changes)
        # Whatever was asked besides the slow read is answered before that one.
        qtbot.waitUntil(lambda: ops.reader_pool().activeThreadCount() == 1)
        QCoreApplication.processEvents()
        gate.set()
        qtbot.waitUntil(lambda: (state.idea(idea.id) or idea).text == "Neu", timeout=10000)
        ops.reader_pool().waitForDone()
        QCoreApplication.processEvents()
    finally:
        gate.set()
        other.close()
    assert state.idea(idea.id).text == "Neu"  # type: ignore[union-attr]


# -- opening an event ----------------------------------------------------------------------------


class AllEngines(StatementLog):
    """Every statement of every engine, also those of an engine made while recording."""

    def __init__(self, delay_s: float = 0.0) -> None:
        self.engine = Engine  # type: ignore[assignment]
        self.delay_s = delay_s
        self.threads: list[str] = []
        self._closed = False
        event.listen(Engine, "before_cursor_execute", self._before)

    def close(self) -> None:
        # Every engine of the process listens: removed (once all is quiet), not left.
        self._closed = True
        event.remove(Engine, "before_cursor_execute", self._before)


def test_opening_an_event_keeps_the_window_responsive_and_whole(
    qtbot: QtBot, db_path: Path, tmp_path: Path, record_property: Any
) -> None:
    from smartdialog.ui import eventio  # noqa: F401 - imported on first open; not measured here
    from smartdialog.ui.mainwindow import MainWindow

    from .conftest import TEST_DEVICE
    from .test_ops import Heartbeat

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/workspace", "ideas")
    window = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(window)
    window.show()
    statements = AllEngines(DELAY_S)
    heartbeat = Heartbeat()
    heartbeat.start()
    try:
        assert window.open_event(db_path)
        assert window.db is not None and window.access is not None
        assert window.windowTitle().startswith(window.event_title)
        page = window.workspace("ideas")
        assert isinstance(page, IdeasWorkspace)
        qtbot.waitUntil(lambda: bool(page.context.fields), timeout=20000)
        assert window.stack.currentWidget() is page
    finally:
        max_gap = heartbeat.stop()
        _quiet()
        statements.close()
        ops.reader_pool().waitForDone()
    record_property("max_gui_gap_ms_opening", max_gap)
    print(
        f"longest GUI stall opening an event, {DELAY_S * 1000:.0f} ms per statement: {max_gap} ms"
    )
    # Figures, not asserted (wall-clock belongs in benchmarks/): the stall left is
    # building the pages, not waiting for the database.
    assert statements.threads and statements.on_gui_thread() == 0
    window.close()


def test_an_event_that_cannot_be_opened_leaves_nothing_half_open(
    qtbot: QtBot, tmp_path: Path, warnings_shown: list[str]
) -> None:
    from smartdialog.ui.mainwindow import MainWindow

    from .conftest import TEST_DEVICE

    broken = tmp_path / "kaputt.sdevent"
    broken.write_bytes(b"not a database" * 100)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), TEST_DEVICE)
    qtbot.addWidget(window)
    assert not window.open_event(broken)
    assert window.db is None and window.access is None
    assert warnings_shown
    assert not (tmp_path / "kaputt.sdevent.lock").exists()  # the lock is let go


# -- Einrichtung ---------------------------------------------------------------------------------


@pytest.fixture
def setup_page(qtbot: QtBot, db: Database) -> Iterator[SetupWorkspace]:
    page = SetupWorkspace()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.set_database(db)
    page.show()
    qtbot.waitExposed(page)
    yield page
    page.set_database(None)  # as the window does when the event is closed
    ops.wait_for_writes()
    ops.reader_pool().waitForDone()
    QCoreApplication.processEvents()


def test_changing_the_setup_never_waits_for_the_database(
    qtbot: QtBot, db: Database, setup_page: SetupWorkspace
) -> None:
    page = setup_page
    with _slow(db) as statements:
        page.form.venue.setText("Rathaus, Festsaal")
        with qtbot.waitSignal(page.answered, timeout=10000):
            page.form.venue.editingFinished.emit()
        with qtbot.waitSignal(page.answered, timeout=10000):
            page.fields_model.setData(page.fields_model.index(0), "Mobilität und Verkehr")
        page.add_field("Kultur")
        qtbot.waitUntil(lambda: page.fields_model.rowCount() == 8, timeout=10000)
        page.fields_view.setCurrentIndex(page.fields_model.index(1))
        page.new_topic.setText("Wie kommen Sie zur Arbeit?")
        page.add_topic_from_input()
        qtbot.waitUntil(lambda: page.topics.count() == 1, timeout=10000)
        page.new_station.setText("Tisch 1")
        page.add_station_from_input()
        qtbot.waitUntil(lambda: page.stations_model.rowCount() == 1, timeout=10000)
        qtbot.waitUntil(lambda: not page.writing(), timeout=10000)
    assert statements.threads and statements.on_gui_thread() == 0
    with db.read() as s:
        assert setup.get_event(s).venue == "Rathaus, Festsaal"
        assert setup.list_fields(s)[0].name == "Mobilität und Verkehr"


def test_enter_twice_adds_one_table_and_a_double_click_one_set_of_tables(
    qtbot: QtBot, db: Database, setup_page: SetupWorkspace
) -> None:
    page = setup_page
    with _slow(db):
        page.new_station.setText("Tisch 1")
        qtbot.keyClick(page.new_station, Qt.Key.Key_Return)
        qtbot.keyClick(page.new_station, Qt.Key.Key_Return)  # before the first is answered
        qtbot.waitUntil(lambda: page.stations_model.rowCount() == 1, timeout=10000)
        qtbot.waitUntil(lambda: not page.writing(), timeout=10000)
        page.one_per_field_button.click()
        assert not page.one_per_field_button.isEnabled()
        page.one_per_field_button.click()
        qtbot.waitUntil(lambda: page.stations_model.rowCount() > 1, timeout=10000)
        ops.wait_for_writes()
        QCoreApplication.processEvents()
    with db.read() as s:
        stations = setup.list_stations(s)
        fields = setup.list_fields(s)
    assert [st.name for st in stations].count("Tisch 1") == 1
    assert len(stations) == len(fields)  # Tisch 1 has the first field; one more for each other


def test_clicking_through_the_fields_shows_the_questions_of_the_last_one(
    qtbot: QtBot, db: Database, setup_page: SetupWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = setup_page
    with db.uow() as s:
        first, second = setup.list_fields(s)[:2]
        setup.add_topic(s, first.id, "Frage des ersten Feldes")
        setup.add_topic(s, second.id, "Frage des zweiten Feldes")
    gate = threading.Event()
    held: list[str] = []
    list_topics = setup.list_topics

    def slow_for_the_first(s: Any, field_id: Any = None) -> Any:
        topics = list_topics(s, field_id)
        if field_id == first.id and not held:
            held.append(threading.current_thread().name)
            gate.wait(10)
        return topics

    monkeypatch.setattr(setup, "list_topics", slow_for_the_first)
    try:
        page.fields_view.setCurrentIndex(page.fields_model.index(1))
        qtbot.waitUntil(lambda: page.topics.count() == 1)
        page.fields_view.setCurrentIndex(page.fields_model.index(0))  # slow
        qtbot.waitUntil(lambda: bool(held))
        page.fields_view.setCurrentIndex(page.fields_model.index(1))  # fast
        qtbot.waitUntil(lambda: ops.reader_pool().activeThreadCount() == 1)
        QCoreApplication.processEvents()
        gate.set()
        ops.reader_pool().waitForDone()
        QCoreApplication.processEvents()  # the older answer arrives now
    finally:
        gate.set()
    assert [page.topics.item(i).text() for i in range(page.topics.count())] == [
        "Frage des zweiten Feldes"
    ]


def test_a_second_open_while_one_is_on_its_way_is_refused_in_words(
    qtbot: QtBot, db_path: Path, tmp_path: Path, warnings_shown: list[str]
) -> None:
    from smartdialog.ui.mainwindow import MainWindow

    from .conftest import TEST_DEVICE

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), TEST_DEVICE)
    qtbot.addWidget(window)
    window._opening = True  # as while the note of a first open is up
    assert not window.open_event(db_path)
    assert window.db is None
    assert warnings_shown and "geöffnet" in warnings_shown[0]
    window._opening = False
    assert window.open_event(db_path)
    window.close()
