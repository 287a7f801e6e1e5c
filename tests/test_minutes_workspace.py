"""The Dokumentation page through its widgets: writing the parts, final, exports in a worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database
from smartdialog.core.minutes import texts
from smartdialog.core.services import audit, ideas, minutes, setup
from smartdialog.ui.minutes import MinutesWorkspace


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard, umlauts and all (qtbot.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def page(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[MinutesWorkspace]:
    with db.uow() as s:
        field = setup.list_fields(s)[0]
        ideas.capture(s, "Radwege an der Hammer Straße durchgängig ausbauen", field_id=field.id)
    ws = MinutesWorkspace(QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded):
        ws.set_database(db)
    ws.resize(1200, 760)
    ws.show()
    qtbot.waitExposed(ws)
    yield ws
    ws.set_database(None)


def test_page_shows_parts_chapters_and_draft_state(page: MinutesWorkspace) -> None:
    assert page.section_list.count() == 4 + len(setup.DEFAULT_FIELDS)
    assert page.section_list.item(0).text() == "Anlass und Ziel (Textvorschlag)"
    assert page.current_key() == texts.OCCASION
    assert "Beschluss zur Vorlage V/0164/2018" in page.editor.toPlainText()
    labels = page.chapter_labels()
    assert labels[0] == "1\u2002Anlass und Ziel"
    assert "5.1\u2002Mobilität" in labels and labels[-1].startswith("A.3")
    assert "ENTWURF" in page.status_label.text()
    assert "1 Idee" in page.summary_label.text() and "keine Abstimmung" in page.summary_label.text()


def test_typing_is_saved_without_a_save_button(
    page: MinutesWorkspace, qtbot: QtBot, db: Database
) -> None:
    page.choose_section(texts.NEXT_STEPS)
    page.editor.selectAll()
    type_text(page.editor, "Prüfung durch die Ämter bis März")
    with qtbot.waitSignal(page.section_saved, timeout=5000) as saved:
        pass
    assert saved.args == [texts.NEXT_STEPS]
    with db.read() as s:
        stored = {x.key: x for x in minutes.list_sections(s)}
    assert stored[texts.NEXT_STEPS].body == "Prüfung durch die Ämter bis März"
    assert not stored[texts.NEXT_STEPS].is_default
    assert page.section_list.currentItem().text() == "Nächste Schritte"
    # Switching parts right after typing saves at once.
    page.editor.selectAll()
    type_text(page.editor, "Noch schneller")
    with qtbot.waitSignal(page.answered):
        page.choose_section(texts.PRIVACY)
    with db.read() as s:
        assert {x.key: x.body for x in minutes.list_sections(s)}[
            texts.NEXT_STEPS
        ] == "Noch schneller"
    page.choose_section(texts.NEXT_STEPS)
    with qtbot.waitSignal(page.answered):
        page.reset_current()
    assert page.editor.toPlainText().startswith("Die Verwaltung wertet die Ergebnisse aus")


def test_a_change_elsewhere_does_not_take_away_what_is_being_typed(
    page: MinutesWorkspace, qtbot: QtBot, db: Database
) -> None:
    page.editor.selectAll()
    type_text(page.editor, "Mein Entwurf")
    with db.uow() as s:
        setup.add_station(s, "Tisch 9")
        seq = audit.latest_seq(s)
    with db.read() as s:
        changes = audit.changes_since(s, seq - 1)
    with qtbot.waitSignal(page.loaded):
        page.on_changes(changes)
    assert page.editor.toPlainText() == "Mein Entwurf"
    with qtbot.waitSignal(page.answered):
        page.save_now()
    with db.read() as s:
        assert {x.key: x.body for x in minutes.list_sections(s)}[texts.OCCASION] == "Mein Entwurf"


def test_marking_final_locks_the_texts_and_reopening_unlocks(
    page: MinutesWorkspace, qtbot: QtBot, db: Database
) -> None:
    with qtbot.waitSignal(page.answered):
        page.toggle_final()
    assert page.is_final() and page.editor.isReadOnly()
    assert "Endfassung" in page.status_label.text() or "endgültig" in page.status_label.text()
    with db.read() as s:
        assert minutes.state(s).final
    with qtbot.waitSignal(page.answered):
        page.toggle_final()
    assert not page.is_final() and not page.editor.isReadOnly()


def test_pdf_export_runs_in_a_worker_with_progress(
    page: MinutesWorkspace, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "protokoll.pdf"
    steps: list[tuple[int, int]] = []
    with qtbot.waitSignal(page.exports.exported, timeout=30000) as done:
        task = page.exports.export_pdf_to(target)
        assert task is not None
        task.signals.progress.connect(lambda d, t: steps.append((d, t)))
        assert not page.exports.pdf_button.isEnabled()
    assert done.args == [target]
    assert target.read_bytes().startswith(b"%PDF")
    assert steps and steps[-1][0] == steps[-1][1]
    assert page.exports.pdf_button.isEnabled() and page.exports.progress.isHidden()
    assert "protokoll.pdf" in page.exports.result_text() and "Entwurf" in page.exports.result_text()


def test_unwritable_target_is_said_in_words(
    page: MinutesWorkspace, qtbot: QtBot, tmp_path: Path
) -> None:
    blocker = tmp_path / "keine-mappe"
    blocker.write_text("")
    with qtbot.waitSignal(page.exports.export_failed, timeout=30000) as failed:
        page.exports.export_pdf_to(blocker / "protokoll.pdf")
    (message,) = failed.args
    assert "kann nicht" in message or "nicht geschrieben" in message
    assert message == page.exports.result_text()
    assert page.exports.pdf_button.isEnabled()


def test_data_exports_from_the_page(page: MinutesWorkspace, qtbot: QtBot, tmp_path: Path) -> None:
    page.exports.separator.setCurrentIndex(1)
    with qtbot.waitSignal(page.exports.exported, timeout=30000):
        page.exports.export_data_to(tmp_path / "csv", "csv")
    assert (
        (tmp_path / "csv" / "beitraege.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("Nr,Beitrag")
    )
    with qtbot.waitSignal(page.exports.exported, timeout=30000):
        page.exports.export_data_to(tmp_path / "json", "json")
    assert (tmp_path / "json" / "smartdialog-export.json").exists()
    assert "1 Datei" in page.exports.result_text()


def test_without_an_event_nothing_can_be_done(qtbot: QtBot, tmp_path: Path) -> None:
    ws = MinutesWorkspace(QSettings(str(tmp_path / "smartdialog.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(ws)
    ws.set_database(None)
    assert not ws.exports.pdf_button.isEnabled() and ws.editor.isReadOnly()
    assert ws.exports.export_pdf_to(Path("x.pdf")) is None


def test_data_protection_from_the_page(
    page: MinutesWorkspace, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from smartdialog.core.models import Participant

    with db.uow() as s:
        s.add(
            Participant(
                event_id=setup.current_event(s).id,
                ticket_number=7,
                first_name="Łukasz",
                last_name="Öztürk-Nguyễn",
                email="l.o@example.org",
            )
        )
    with qtbot.waitSignal(page.exports.exported, timeout=30000):
        assert page.exports.export_person_to(7, tmp_path / "auskunft.json")
    assert "Öztürk-Nguyễn" in (tmp_path / "auskunft.json").read_text(encoding="utf-8")
    assert "Ticket 7" in page.exports.result_text()
    with qtbot.waitSignal(page.exports.export_failed, timeout=30000):
        assert page.exports.export_person_to(8, tmp_path / "keiner.json")
    assert "8" in page.exports.result_text() and not (tmp_path / "keiner.json").exists()
    # Only once the minutes are final.
    assert not page.exports.anonymise_button.isEnabled()
    with qtbot.waitSignal(page.answered):
        page.toggle_final()
    assert page.exports.anonymise_button.isEnabled()
    with qtbot.waitSignal(page.exports.exported, timeout=30000):
        page.exports.anonymise_now()
    assert "1 Teilnehmende" in page.exports.result_text() or "anonym" in page.exports.result_text()
    with db.read() as s:
        from sqlalchemy import select

        assert s.scalar(select(Participant.last_name)) == ""
