"""What a dress rehearsal of the Ideen page found, at the 1366×768 of the smaller laptops."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database
from smartdialog.core.errors import DomainError
from smartdialog.core.services import ideas, setup
from smartdialog.ui.ideas import IdeasWorkspace
from smartdialog.ui.ideas.dialogs import MergeDialog, preferred_wording

from .test_ideas_gui import _db_ideas, _enter, answered, paste, table

__all__ = ["table"]  # a fixture, shared with the other Ideen tests

SMALL = (1366, 768)
TYPO = "Sitzbnke mit WLAN am Aasee"
RIGHT = "Sitzbänke mit WLAN am Aasee"


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, table: tuple[uuid.UUID, uuid.UUID, uuid.UUID], tmp_path: Path
) -> Iterator[IdeasWorkspace]:
    ws = IdeasWorkspace(QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded):
        ws.set_database(db)
    ws.context.select_station(table[0])
    ws.resize(*SMALL)
    ws.show()
    qtbot.waitExposed(ws)
    ws.activateWindow()
    ws.activated()
    yield ws
    ws.wait_for_saves()


def _capture(db: Database, text: str) -> ideas.IdeaInfo:
    with db.uow() as s:
        return ideas.capture(s, text, field_id=setup.list_fields(s)[0].id)


# -- merging keeps the chosen wording ---------------------------------------------------------


def test_merge_takes_the_surviving_wording_and_unmerge_gives_both_back(db: Database) -> None:
    typo = _capture(db, TYPO)
    right = _capture(db, RIGHT)
    with db.uow() as s:
        kept = ideas.merge(s, right.id, typo.id, text=f"  {RIGHT} ")
    assert (kept.id, kept.text) == (typo.id, RIGHT)
    with db.read() as s:
        history = [(r.kind, r.text) for r in ideas.history(s, typo.id)]
        assert [i.text for i in ideas.list_ideas(s)] == [RIGHT]
    assert ("created", TYPO) in history and ("merged", RIGHT) in history
    assert (ideas.REWORDED, RIGHT) in history
    with db.uow() as s:
        ideas.unmerge(s, right.id)
    with db.read() as s:
        texts = {i.id: i.text for i in ideas.list_ideas(s)}
    assert texts == {typo.id: TYPO, right.id: RIGHT}


def test_merge_without_a_wording_keeps_the_target_text(db: Database) -> None:
    a, b = _capture(db, "Kurz"), _capture(db, "Etwas länger")
    with db.uow() as s:
        assert ideas.merge(s, b.id, a.id).text == "Kurz"
    with db.uow() as s:
        ideas.unmerge(s, b.id)
    with db.read() as s:
        assert ideas.get_idea(s, a.id).text == "Kurz"


def test_an_empty_wording_is_refused(db: Database) -> None:
    a, b = _capture(db, "Eins"), _capture(db, "Zwei")
    with pytest.raises(DomainError, match="empty"), db.uow() as s:
        ideas.merge(s, b.id, a.id, text="   ")
    with db.read() as s:
        assert ideas.get_idea(s, b.id).status == "active"


def test_the_better_supported_wording_is_suggested_else_the_longer(db: Database) -> None:
    short, long_ = _capture(db, "Bänke"), _capture(db, "Mehr Bänke am Aasee")
    dup = _capture(db, "Bänke!")
    with db.uow() as s:
        ideas.merge(s, dup.id, short.id)
    with db.read() as s:
        support = ideas.merge_support(s, [short.id, long_.id])
    assert support == {short.id: 1, long_.id: 0}
    assert preferred_wording(long_, short, support) == "Bänke"
    assert preferred_wording(long_, short, {}) == "Mehr Bänke am Aasee"
    assert preferred_wording(short, long_, {}) == "Mehr Bänke am Aasee"


def test_merging_asks_for_the_wording_and_undo_restores_both(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, TYPO, 1)
    _enter(qtbot, page, RIGHT, 2)
    page.table.selectAll()
    dialog = page.merge_selected()
    assert isinstance(dialog, MergeDialog)
    qtbot.waitExposed(dialog)
    assert {i.status for i in _db_ideas(db)} == {"active"}  # nothing merged yet
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert TYPO in shown and RIGHT in shown
    assert dialog.wording_text() == RIGHT  # as supported as the other, and longer
    answered(qtbot, page, dialog.accept)
    stored = _db_ideas(db)
    active = [i for i in stored if i.status == "active"]
    assert [i.text for i in active] == [RIGHT]
    assert page.model.idea(active[0].id).text == RIGHT  # type: ignore[union-attr]
    page.activateWindow()  # back from the closed dialog
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    answered(
        qtbot,
        page,
        lambda: qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    )
    assert sorted((i.status, i.text) for i in _db_ideas(db)) == sorted(
        [("active", RIGHT), ("active", TYPO)]
    )
    assert sorted(page.model.idea_at(r).text for r in range(page.model.rowCount())) == sorted(
        [RIGHT, TYPO]
    )
    answered(
        qtbot,
        page,
        lambda: qtbot.keyClick(
            page.table,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
    )
    assert [i.text for i in _db_ideas(db) if i.status == "active"] == [RIGHT]


def test_a_wording_typed_in_the_dialog_survives(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, TYPO, 1)
    page.select_idea(page.model.idea_at(0).id)
    _enter(qtbot, page, "Bänke am Aasee", 2)
    page.select_idea(page.model.idea_at(0).id)
    dialog = page.merge_selected()
    assert dialog is not None
    assert dialog.target() is not None and dialog.target().text == TYPO  # type: ignore[union-attr]
    dialog.wording.setPlainText("Sitzbänke mit WLAN und Strom am Aasee")
    answered(qtbot, page, dialog.accept)
    assert [i.text for i in _db_ideas(db) if i.status == "active"] == [
        "Sitzbänke mit WLAN und Strom am Aasee"
    ]


# -- the list stays where it is ---------------------------------------------------------------


def test_a_status_message_does_not_move_the_table(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    _enter(qtbot, page, "Erste Idee", 1)
    page.message.clear()
    QApplication.processEvents()
    before = page.table.geometry()
    for say in (
        lambda: page._say("Gespeichert: " + "eine sehr lange Idee " * 20),
        lambda: page._say("Fehler: " + "zu lang " * 40, error=True),
        lambda: page._say("Gespeichert: kurz"),
        page.message.clear,
    ):
        say()
        QApplication.processEvents()
        assert page.table.geometry() == before
    # The saved line goes by itself, and the rows stay where the mouse is.
    page._say("Gespeichert: Erste Idee")
    page._message_timer.setInterval(1)
    with qtbot.waitSignal(page._message_timer.timeout):
        page._message_timer.start()
    QApplication.processEvents()
    assert not page.message.text()
    assert page.table.geometry() == before


# -- the over-long paste's error goes when the text does --------------------------------------


def test_the_error_about_a_long_paste_goes_with_the_paste(
    qtbot: QtBot, db: Database, page: IdeasWorkspace
) -> None:
    pasted = "Digitale Teilhabe für alle Generationen. " * 50
    paste(page.entry, pasted)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.message.text()
    page.entry.clear()
    assert not page.message.text()
    paste(page.entry, pasted)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.message.text()
    page.entry.setFocus()
    qtbot.keyClick(page.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the paste
    assert page.entry.text() == ""
    assert not page.message.text()
    # Shortening the text to a valid length clears it as well.
    paste(page.entry, pasted)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert page.message.text()
    page.entry.setText(pasted[:200])
    assert not page.message.text()
