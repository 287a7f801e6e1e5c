"""The Ideen page through its widgets: a facilitator's session, bad input, undo, the wall following."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.services import audit, ideas, setup
from smartdialog.core.services.ideas import IdeaInfo
from smartdialog.ui.ideas import IdeasModel, IdeasWorkspace
from smartdialog.ui.ideas.dialogs import EditDialog
from smartdialog.ui.wall import WallState


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard, umlauts and all (qtbot.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def paste(widget: QWidget, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    widget.paste()  # type: ignore[attr-defined]


@pytest.fixture
def table(db: Database) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """Table 1 at the Mobilität field with one guiding question: (station, field, topic)."""
    with db.uow() as s:
        field = setup.list_fields(s)[0]
        station = setup.add_station(s, "Tisch 1", field_id=field.id, facilitators="Anna Müller")
        topic = setup.add_topic(s, field.id, "Wie kommen Sie in die Stadt?")
    return station.id, field.id, topic.id


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, table: tuple[uuid.UUID, uuid.UUID, uuid.UUID], tmp_path: Path
) -> Iterator[IdeasWorkspace]:
    ws = IdeasWorkspace(QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded):
        ws.set_database(db)
    ws.context.select_station(table[0])
    ws.resize(1400, 800)
    ws.show()
    qtbot.waitExposed(ws)
    ws.activateWindow()
    ws.activated()
    yield ws
    ws.wait_for_saves()


def _db_ideas(db: Database) -> list[IdeaInfo]:
    with db.read() as s:
        return ideas.list_ideas(s, statuses=ideas.STATUSES)


def answered(qtbot: QtBot, page: IdeasWorkspace, action: Callable[[], object]) -> None:
    """Do what a user does on the page and wait until the database answered it."""
    with qtbot.waitSignal(page.answered, timeout=10000):
        action()


def reloaded(qtbot: QtBot, page: IdeasWorkspace) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()


def _enter(qtbot: QtBot, page: IdeasWorkspace, text: str, expected_rows: int) -> None:
    type_text(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.entry.text() == ""  # cleared at once, before the save is done
    qtbot.waitUntil(lambda: page.model.rowCount() == expected_rows)


def test_a_facilitators_session_reaches_the_database_and_the_wall(
    qtbot: QtBot, db: Database, page: IdeasWorkspace, table: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    station_id, field_id, topic_id = table
    wall = WallState()
    with qtbot.waitSignal(wall.loaded):
        wall.set_database(db)
    with db.read() as s:
        seen = audit.latest_seq(s)

    def follow_feed() -> None:
        nonlocal seen
        with db.read() as s:
            changes = audit.changes_since(s, seen)
        if changes:
            seen = changes[-1].seq
            with qtbot.waitSignal(wall.loaded, timeout=10000):
                wall.on_changes(changes)

    # Capture: Enter saves, the field clears and keeps the focus, newest on top.
    page.context.select_topic(topic_id)
    _enter(qtbot, page, "Radwege an der Hammer Straße durchgängig ausbauen", 1)
    assert page.entry.hasFocus()
    _enter(qtbot, page, "Mehr Fahrradständer am Bahnhof", 2)
    _enter(qtbot, page, "Fahrradstellplätze am Hauptbahnhof", 3)
    assert [page.model.idea_at(r).text for r in range(3)] == [
        "Fahrradstellplätze am Hauptbahnhof",
        "Mehr Fahrradständer am Bahnhof",
        "Radwege an der Hammer Straße durchgängig ausbauen",
    ]
    stored = {i.text: i for i in _db_ideas(db)}
    assert {(i.station_id, i.field_id, i.topic_id) for i in stored.values()} == {
        (station_id, field_id, topic_id)
    }
    follow_feed()
    assert wall.ideas_of(field_id)[0].text == "Fahrradstellplätze am Hauptbahnhof"
    assert wall.highlight(stored["Fahrradstellplätze am Hauptbahnhof"].id) > 0.5

    # Edit: correct a typo.
    radwege = stored["Radwege an der Hammer Straße durchgängig ausbauen"]
    answered(
        qtbot,
        page,
        lambda: page.edit_idea(
            radwege, "Radwege an der Hammer Straße durchgängig und breit ausbauen"
        ),
    )
    # Hide an entry with a reason.
    assert page.select_idea(stored["Mehr Fahrradständer am Bahnhof"].id)
    answered(qtbot, page, lambda: page.hide_selected("doppelt"))
    # Merge two duplicates: select both, the newer goes into the older.
    page.show_hidden.setChecked(True)
    page.table.clearSelection()
    for text in (
        "Fahrradstellplätze am Hauptbahnhof",
        "Radwege an der Hammer Straße durchgängig und breit ausbauen",
    ):
        row = page.model.row_of_id(stored[text if text in stored else radwege.text].id)
        assert row is not None
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows,
        )
    dialog = page.merge_selected()
    assert dialog is not None  # asks which wording survives: the longer one is suggested
    assert dialog.wording_text() == "Radwege an der Hammer Straße durchgängig und breit ausbauen"
    answered(qtbot, page, dialog.accept)

    now = {i.id: i for i in _db_ideas(db)}
    assert now[radwege.id].text == "Radwege an der Hammer Straße durchgängig und breit ausbauen"
    assert (
        now[stored["Mehr Fahrradständer am Bahnhof"].id].status,
        now[stored["Mehr Fahrradständer am Bahnhof"].id].hidden_reason,
    ) == ("hidden", "doppelt")
    source = now[stored["Fahrradstellplätze am Hauptbahnhof"].id]
    assert (source.status, source.merged_into_id) == ("merged", radwege.id)
    follow_feed()
    assert [i.id for i in wall.ideas_of(field_id)] == [radwege.id]

    # Ctrl+Z undoes the merge, then the hide, then the edit; Ctrl+Shift+Z redoes the edit.
    page.activateWindow()  # back from the closed dialog
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)

    def ctrl_z() -> None:
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    answered(qtbot, page, ctrl_z)
    assert {i.id: i for i in _db_ideas(db)}[source.id].status == "active"
    answered(qtbot, page, ctrl_z)
    answered(qtbot, page, ctrl_z)
    now = {i.id: i for i in _db_ideas(db)}
    assert now[stored["Mehr Fahrradständer am Bahnhof"].id].status == "active"
    assert now[radwege.id].text == "Radwege an der Hammer Straße durchgängig ausbauen"
    answered(
        qtbot,
        page,
        lambda: qtbot.keyClick(
            page.table,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
    )
    assert {i.id: i for i in _db_ideas(db)}[radwege.id].text.endswith("und breit ausbauen")
    follow_feed()
    assert len(wall.ideas_of(field_id)) == 3
    # The history keeps every text the idea had.
    with db.read() as s:
        texts = [r.text for r in ideas.history(s, radwege.id)]
    assert "Radwege an der Hammer Straße durchgängig ausbauen" in texts
    assert "Fahrradstellplätze am Hauptbahnhof" in texts


def test_ctrl_z_in_the_empty_entry_undoes_the_last_capture(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, "Vertippt", 1)
    page.entry.setFocus()
    answered(
        qtbot,
        page,
        lambda: qtbot.keyClick(page.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    )
    assert _db_ideas(db) == []
    assert page.model.rowCount() == 0
    answered(
        qtbot,
        page,
        lambda: qtbot.keyClick(
            page.entry,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
    )
    assert [i.text for i in _db_ideas(db)] == ["Vertippt"]
    # While there is typing to undo, Ctrl+Z belongs to the field.
    qtbot.keyClicks(page.entry, "abc")
    qtbot.keyClick(page.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(_db_ideas(db)) == 1
    assert page.entry.text() != "abc"


def test_empty_idea_is_refused_where_it_was_typed(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    qtbot.keyClicks(page.entry, "   ")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert "leer" in page.message.text()
    assert _db_ideas(db) == []


def test_a_20000_character_paste_is_refused_and_kept(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    pasted = ("Digitale Teilhabe für alle Generationen. " * 500)[:20000]
    paste(page.entry, pasted)
    assert len(page.entry.text()) == 20000
    assert page.counter.isVisible()
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert "20000" in page.message.text().replace(".", "")
    assert str(ideas.TEXT_LIMIT) in page.message.text()
    assert page.entry.text() == pasted  # nothing lost
    assert _db_ideas(db) == []


def test_emoji_and_right_to_left_text_arrive_unchanged(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    text = "Spielplätze 👨\u200d👩\u200d👧 – \u200fمسارات دراجات آمنة"
    paste(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert [i.text for i in _db_ideas(db)] == [text]
    assert page.model.data(page.model.index(0, IdeasModel.TEXT)) == text


def test_two_facilitators_editing_the_same_idea(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, "Nachtbusse", 1)
    mine = page.model.idea_at(0)
    other = open_database(db.path, DeviceIdentity(uuid.UUID(int=2), "Tisch 2", "table"))  # type: ignore[arg-type]
    try:
        with other.uow() as s:
            ideas.edit(s, mine.id, expected_version=mine.version, text="Nachtbusse am Wochenende")
    finally:
        other.close()
    dialog = EditDialog(mine, [], [], page.save_from_dialog)
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("Nachtbusse jede Stunde")
    dialog.field_combo.addItem("Mobilität", mine.field_id)
    dialog._accept()
    # A clear message, the other's text shown, mine still in the dialog, nothing overwritten.
    qtbot.waitUntil(lambda: not dialog.saving())
    assert "Nachtbusse am Wochenende" in dialog.message.text()
    assert dialog.text_edit.toPlainText() == "Nachtbusse jede Stunde"
    assert [i.text for i in _db_ideas(db)] == ["Nachtbusse am Wochenende"]
    assert page.model.idea_at(0).text == "Nachtbusse am Wochenende"
    # Saving again replaces the other change knowingly.
    answered(qtbot, page, dialog._accept)
    assert [i.text for i in _db_ideas(db)] == ["Nachtbusse jede Stunde"]


def test_undo_after_another_laptop_changed_the_idea_says_so_and_keeps_their_change(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, "Bänke am Aasee", 1)
    mine = page.model.idea_at(0)
    with db.uow() as s:
        ideas.edit(s, mine.id, expected_version=mine.version, text="Mehr Bänke am Aasee")
    answered(qtbot, page, page.undo_stack.undo)
    assert "Mehr Bänke am Aasee" in page.message.text()
    assert [i.text for i in _db_ideas(db)] == ["Mehr Bänke am Aasee"]
    # The step that cannot be undone leaves the stack when it is reached again.
    page.undo_stack.redo()
    assert page.undo_stack.count() == 0
    assert [i.text for i in _db_ideas(db)] == ["Mehr Bänke am Aasee"]


def test_merge_into_itself_or_into_a_hidden_idea_is_refused(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, "Ladesäulen", 1)
    _enter(qtbot, page, "Ladestationen", 2)
    first, second = page.model.idea_at(1), page.model.idea_at(0)
    page.select_idea(second.id)
    answered(qtbot, page, lambda: page.merge_selected(target_id=second.id, text=second.text))
    assert "selbst" in page.message.text()
    page.select_idea(first.id)
    answered(qtbot, page, lambda: page.hide_selected("Test"))
    page.select_idea(second.id)
    answered(qtbot, page, lambda: page.merge_selected(target_id=first.id, text=second.text))
    assert "ausgeblendet" in page.message.text()
    assert {i.status for i in _db_ideas(db)} == {"active", "hidden"}


def test_tags_cluster_search_and_show_hidden(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, "Sensoren für Glascontainer", 1)
    _enter(qtbot, page, "Straßenbeleuchtung nach Bedarf", 2)
    lights = page.model.idea_at(0)
    page.select_idea(lights.id)
    answered(qtbot, page, lambda: page.tag_selected("Energie, #Sensorik"))
    answered(qtbot, page, lambda: page.cluster_selected("Sensoren im Stadtraum"))
    assert page.model.idea(lights.id).tags == ("Energie", "Sensorik")  # type: ignore[union-attr]
    qtbot.keyClicks(page.search, "strasse")
    assert [page.model.idea_at(r).id for r in range(page.model.rowCount())] == [lights.id]
    page.search.clear()
    qtbot.keyClicks(page.search, "sensorik")
    assert page.model.rowCount() == 1
    page.search.clear()
    page.select_idea(lights.id)
    answered(qtbot, page, lambda: page.hide_selected("nicht zum Thema"))
    assert page.model.rowCount() == 1
    page.show_hidden.setChecked(True)
    assert page.model.rowCount() == 2
    page.select_idea(lights.id)
    answered(qtbot, page, page.unhide_selected)
    assert {i.status for i in _db_ideas(db)} == {"active"}
    # Undo restores tags and cluster to what they were.
    answered(qtbot, page, page.undo_stack.undo)  # unhide
    answered(qtbot, page, page.undo_stack.undo)  # hide
    answered(qtbot, page, page.undo_stack.undo)  # cluster
    answered(qtbot, page, page.undo_stack.undo)  # tags
    with db.read() as s:
        back = ideas.get_idea(s, lights.id)
    assert (back.tags, back.cluster, back.status) == ((), "", "active")


def test_ideas_typed_on_another_laptop_arrive_through_the_feed(
    qtbot: QtBot, db: Database, page: IdeasWorkspace, table: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    _enter(qtbot, page, "Hier getippt", 1)
    page.select_idea(page.model.idea_at(0).id)
    with db.read() as s:
        seq = audit.latest_seq(s)
    other = open_database(db.path, DeviceIdentity(uuid.UUID(int=2), "Tisch 2", "table"))  # type: ignore[arg-type]
    try:
        with other.uow() as s:
            ideas.capture(s, "Am anderen Laptop getippt", field_id=table[1], station_id=table[0])
    finally:
        other.close()
    with db.read() as s:
        changes = audit.changes_since(s, seq)
    page.on_changes(changes)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert [page.model.idea_at(r).text for r in range(2)] == [
        "Am anderen Laptop getippt",
        "Hier getippt",
    ]
    # The facilitator's selection stays on the idea she chose.
    assert [i.text for i in page.selected_ideas()] == ["Hier getippt"]


def test_model_passes_the_model_tester(
    qtmodeltester, qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:  # type: ignore[no-untyped-def]
    _enter(qtbot, page, "eins", 1)
    _enter(qtbot, page, "zwei", 2)
    qtmodeltester.check(page.model)
    first = page.model.idea_at(1)
    with db.uow() as s:
        hidden = ideas.hide(s, first.id, "Test")
    page.model.apply([hidden])
    page.show_hidden.setChecked(True)
    page.model.apply([], gone=[first.id])
    qtmodeltester.check(page.model)


def test_merge_dialog_offers_active_ideas_of_the_same_field_first(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    from smartdialog.ui.ideas.dialogs import MergeDialog

    _enter(qtbot, page, "Ladesäulen in Wohngebieten", 1)
    _enter(qtbot, page, "Mehr Ladestationen für E-Autos", 2)
    _enter(qtbot, page, "Ladestationen", 3)
    source, other, target = page.model.idea_at(0), page.model.idea_at(1), page.model.idea_at(2)
    dialog = MergeDialog(source, page.model.all_ideas())
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2  # not the idea itself
    qtbot.keyClicks(dialog.search, "wohngebiet")
    assert dialog.list.count() == 1
    assert dialog.target_id() == target.id
    page.select_idea(source.id)
    answered(
        qtbot,
        page,
        lambda: page.merge_selected(target_id=dialog.target_id(), text=dialog.wording_text()),
    )
    merged = {i.id: i for i in _db_ideas(db)}
    assert (merged[source.id].status, merged[source.id].merged_into_id) == ("merged", target.id)
    assert merged[other.id].status == "active"


def test_an_author_only_with_consent(qtbot: QtBot, db: Database, page: IdeasWorkspace) -> None:
    from datetime import UTC, datetime

    from smartdialog.core.models import Participant

    with db.uow() as s:
        event = setup.current_event(s)
        s.add_all(
            [
                Participant(
                    event_id=event.id,
                    ticket_number=7,
                    first_name="Łukasz",
                    last_name="Öztürk-Nguyễn",
                    search_key="lukasz ozturk-nguyen",
                    consent_attribution_at=datetime(2026, 11, 1, tzinfo=UTC),
                ),
                Participant(
                    event_id=event.id,
                    ticket_number=8,
                    first_name="Anna",
                    last_name="Müller",
                    search_key="anna muller",
                ),
            ]
        )
    reloaded(qtbot, page)
    assert page.context._author_model.stringList() == ["Łukasz Öztürk-Nguyễn (7)"]
    page.context.author_edit.setText("Anna Müller")
    type_text(page.entry, "Mehr Bänke")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert "Anna Müller" in page.message.text()
    assert page.entry.text() == "Mehr Bänke"  # nothing lost
    page.context.author_edit.setText("Łukasz")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert [i.author_name for i in _db_ideas(db)] == ["Łukasz Öztürk-Nguyễn"]
    assert page.context.author_edit.text() == ""  # the next idea is somebody else's


def test_enter_does_not_wait_for_a_busy_database(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    import sqlite3

    blocker = sqlite3.connect(str(db.path), isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the file
    try:
        type_text(page.entry, "Während die Datei belegt ist")
        qtbot.keyClick(page.entry, Qt.Key.Key_Return)
        assert page.entry.text() == ""  # free for the next idea at once
        type_text(page.entry, "Die nächste Idee")
        assert page.model.rowCount() == 0
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.entry.text() == "Die nächste Idee"


def test_a_save_that_fails_puts_the_text_back(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    with db.uow() as s:
        culture = setup.add_field(s, "Kultur")
    reloaded(qtbot, page)
    page.context.select_station(None)
    page.context.select_field(culture.id)
    with db.uow() as s:  # removed on another laptop meanwhile
        setup.remove_field(s, culture.id)
    type_text(page.entry, "Mehr Straßenfeste")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.entry.text() == "Mehr Straßenfeste")
    assert "Handlungsfeld gibt es nicht mehr" in page.message.text()
    assert _db_ideas(db) == []
