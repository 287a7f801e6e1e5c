"""The Abstimmung page: rounds, paper counts, results; the live wall's feed; starting a station."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smartdialog.core.db import Database
from smartdialog.core.models import PaperTally
from smartdialog.core.services import setup, voting
from smartdialog.ui import ops
from smartdialog.ui.voting import VotingWorkspace, results_provider, wall_results
from smartdialog.ui.voting.models import ResultsModel

from .test_voting_service import add_ideas, add_people, cast


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> Iterator[VotingWorkspace]:
    widget = VotingWorkspace()
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    with qtbot.waitSignal(widget.rounds_shown):
        widget.set_database(db)
    yield widget
    # No results read in the background may outlive the event file it reads.
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert ops.reader_pool().waitForDone(10_000) and ops.wait_for_writes(10_000)


def _wait_results(qtbot: QtBot, page: VotingWorkspace) -> None:
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        page._load_results()


def _reload(qtbot: QtBot, page: VotingWorkspace) -> None:
    """Read the page anew and wait for the rounds and the open round's sheet."""
    with qtbot.waitSignal(page.rounds_shown, timeout=5000):
        page.reload()
    info = page.current_round()
    if info is not None and info.status != "draft":
        qtbot.waitUntil(lambda: page._paper_key == (info.id, info.status), timeout=5000)


def _click(qtbot: QtBot, page: VotingWorkspace, button: Any) -> None:
    """Press an action's button and wait until its write is answered and the page shows it."""
    with qtbot.waitSignal(page.action_done, timeout=10000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._loading, timeout=5000)
    _reload(qtbot, page)


def test_a_round_is_opened_counted_on_paper_and_closed_from_the_page(
    qtbot: QtBot,
    db: Database,
    page: VotingWorkspace,
    voting_errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "Noch keine Abstimmungsrunde" in page.heading.text()
    people = add_people(db, 3)
    found = add_ideas(db, {0: ["Radwege", "Busse"], 1: ["Coworking"]})
    with db.uow() as s:
        voting.create_round(s, "Priorisierung", dots_per_participant=3, hide_tally=False)
    _reload(qtbot, page)
    assert page.open_button.isEnabled() and not page.close_button.isEnabled()
    _click(qtbot, page, page.open_button)
    info = page.current_round()
    assert info is not None and info.is_open and info.idea_count == 3
    assert page.close_button.isEnabled() and not page.open_button.isEnabled()

    # Paper counts are typed into the sheet; a wrong one is refused in words.
    model = page.paper_model
    assert model.rowCount() == 3
    row = next(r for r in range(model.rowCount()) if model.index(r, model.IDEA).data() == "Busse")
    assert model.flags(model.index(row, model.DOTS)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(page.paper_saved):
        assert model.setData(model.index(row, model.DOTS), 4)
    assert model.index(row, model.DOTS).data() == "4"
    with qtbot.waitSignal(page.paper_saved):
        model.setData(model.index(row, model.DOTS), 5000)
    assert voting_errors and "können nicht stimmen" in voting_errors[0]
    assert model.index(row, model.DOTS).data() == "4"
    with db.read() as s:
        assert s.scalar(select(PaperTally.dots)) == 4

    cast(db, info.id, people[0], {found["Radwege"]: 2, found["Coworking"]: 1})
    cast(db, info.id, people[1], {found["Radwege"]: 1})
    _wait_results(qtbot, page)
    rows = page.results_panel.results_model.rows()
    assert [(r.text, r.device_dots, r.paper_dots, r.rank) for r in rows] == [
        ("Busse", 0, 4, 1),
        ("Radwege", 3, 0, 2),
        ("Coworking", 1, 0, 3),
    ]
    assert "Abgestimmt: 2 von 3 Anwesenden (67 %)" in page.turnout_label.text()
    assert "Zwischenstand" in page.results_panel.hash_label.text()

    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    _click(qtbot, page, page.close_button)
    assert "Es wurden 2 Stimmzettel abgegeben" in asked[0]
    closed = page.current_round()
    assert closed is not None and closed.is_closed and len(closed.tally_sha256) == 64
    _wait_results(qtbot, page)
    assert closed.tally_sha256 in page.results_panel.hash_label.text()
    assert not model.flags(model.index(row, model.DOTS)) & Qt.ItemFlag.ItemIsEditable
    assert voting_errors == [voting_errors[0]]


def test_a_hidden_tally_stays_hidden_until_the_moderator_peeks(
    qtbot: QtBot, db: Database, page: VotingWorkspace
) -> None:
    people = add_people(db, 1)
    found = add_ideas(db, {0: ["Radwege"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s).id)
    cast(db, info.id, people[0], {found["Radwege"]: 1})
    _reload(qtbot, page)
    _wait_results(qtbot, page)
    assert (
        page.results_panel.results_stack.currentIndex() == 1
        and page.results_panel.peek.isVisibleTo(page)
    )
    page.results_panel.peek.setChecked(True)
    assert page.results_panel.results_stack.currentIndex() == 0
    assert page.results_panel.results_model.rowCount() == 1


def test_the_results_model_passes_the_model_tester(
    qtbot: QtBot, db: Database, page: VotingWorkspace, qtmodeltester: ModelTester
) -> None:
    people = add_people(db, 2)
    found = add_ideas(db, {0: ["Radwege", "Busse"], 1: ["Coworking"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s, hide_tally=False).id)
    cast(db, info.id, people[0], {found["Radwege"]: 2})
    cast(db, info.id, people[1], {found["Busse"]: 2})
    _reload(qtbot, page)
    _wait_results(qtbot, page)
    assert page.results_panel.results_model.rowCount() == 3
    assert page.results_panel.results_model.index(0, ResultsModel.RANK).data() == "1. ="
    assert "Gleichstand auf Rang 1" in page.results_panel.ties_label.text()
    qtmodeltester.check(page.results_panel.results_model)
    qtmodeltester.check(page.paper_model)
    # Per field: Wirtschaftsstandort alone.
    page.results_panel.scope.setCurrentIndex(
        page.results_panel.scope.findText("Wirtschaftsstandort")
    )
    assert [r.text for r in page.results_panel.results_model.rows()] == ["Coworking"]
    assert page.results_panel.results_view.isColumnHidden(ResultsModel.FIELD)


def test_the_wall_shows_turnout_while_hidden_and_the_ranking_once_closed(db: Database) -> None:
    people = add_people(db, 2)
    found = add_ideas(db, {0: ["Radwege", "Busse"]})
    assert wall_results(db) is None
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s, "Priorisierung").id)
    cast(db, info.id, people[0], {found["Radwege"]: 2, found["Busse"]: 1})
    provide = results_provider(lambda: db)
    open_view = provide()
    assert open_view is not None and open_view.tally_hidden and open_view.ranking == ()
    assert (
        open_view.voters,
        open_view.eligible,
        open_view.dots_used,
        open_view.dots_available,
    ) == (1, 2, 3, 10)
    assert provide() is open_view  # nothing changed: no new count
    with db.uow() as s:
        voting.close_round(s, info.id)
    closed = provide()
    assert closed is not None and closed.closed and not closed.tally_hidden
    assert [(r.rank, r.text, r.dots, r.colour) for r in closed.ranking] == [
        (1, "Radwege", 2, "#1e88e5"),
        (2, "Busse", 1, "#1e88e5"),
    ]
    assert closed.title == "Runde 1 – Priorisierung"
    assert results_provider(lambda: None)() is None


def test_a_station_needs_a_pin_and_starts_locked(
    qtbot: QtBot, db: Database, page: VotingWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: informed.append(text))
    page.start_station()
    qtbot.waitUntil(lambda: page.pin_dialog is not None)
    assert "Legen Sie zuerst eine PIN fest" in informed[0]
    dialog = page.pin_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.pin, "1357")
    qtbot.keyClicks(dialog.again, "1358")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.message.text() == "Die beiden PINs stimmen nicht überein." and dialog.isVisible()
    qtbot.keyClicks(dialog.pin, "1357")
    qtbot.keyClicks(dialog.again, "1357")
    with qtbot.waitSignal(page.rounds_shown, timeout=5000):
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    with db.read() as s:
        assert setup.check_admin_pin(s, "1357")
    assert "Eine PIN ist festgelegt" in page.pin_state.text()

    add_ideas(db, {0: ["Radwege"]})
    with db.uow() as s:
        voting.start_round(s, voting.create_round(s).id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Abstimmung Foyer", True))
    with qtbot.waitSignal(page.station_started) as started:
        page.start_station()
    station = started.args[0]
    assert station.locked and station.isFullScreen() and station.station_name == "Abstimmung Foyer"
    station.close()
    assert station.isVisible()
    with qtbot.waitSignal(station.unlocked):
        station.unlock()
    qtbot.waitUntil(lambda: not station.isVisible())


def test_a_runoff_is_made_from_the_tied_ideas(
    qtbot: QtBot, db: Database, page: VotingWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = add_people(db, 2)
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s).id)
    cast(db, info.id, people[0], {found["Radwege"]: 2})
    cast(db, info.id, people[1], {found["Busse"]: 2, found["Leihräder"]: 1})
    with db.uow() as s:
        voting.close_round(s, info.id)
    _reload(qtbot, page)
    _wait_results(qtbot, page)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[0], True))
    _click(qtbot, page, page.runoff_button)
    runoff = page.current_round()
    assert runoff is not None and runoff.runoff_of_number == 1 and runoff.status == "draft"
    assert "Stichwahl zu Runde 1" in page.rules_label.text()
    with db.read() as s:
        sheet = voting.ballot_sheet(s, runoff.id)
    assert sorted(i.idea_id for f in sheet.fields for i in f.ideas) == sorted(
        [found["Radwege"], found["Busse"]]
    )


def test_removing_a_draft_and_changes_from_other_laptops(
    qtbot: QtBot, db: Database, page: VotingWorkspace
) -> None:
    from smartdialog.core.services import audit

    with db.uow() as s:
        voting.create_round(s, "Entwurf")
        changes = audit.changes_since(s, 0)
    with qtbot.waitSignal(page.rounds_shown):
        page.on_changes(changes)  # as the change feed delivers another laptop's write
    assert page.round_list.count() == 1 and page.delete_button.isEnabled()
    _click(qtbot, page, page.delete_button)
    assert page.round_list.count() == 0


def test_a_ballot_arriving_elsewhere_keeps_the_paper_editor_open(
    qtbot: QtBot, db: Database, page: VotingWorkspace
) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    from smartdialog.core.services import audit
    from smartdialog.ui.voting.models import PaperModel

    people = add_people(db, 1)
    found = add_ideas(db, {0: ["Radwege", "Busse"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s).id)
        seq = audit.latest_seq(s)
    _reload(qtbot, page)
    page.tabs.setCurrentIndex(1)
    model = page.paper_model
    rows = {model.index(r, PaperModel.IDEA).data(): r for r in range(model.rowCount())}
    page.paper_view.edit(model.index(rows["Radwege"], PaperModel.DOTS))
    assert page.paper_view.state() == QAbstractItemView.State.EditingState
    cast(db, info.id, people[0], {found["Radwege"]: 1})
    with db.uow() as s:
        voting.set_paper_tally(s, info.id, found["Busse"], 6)  # another facilitator's laptop
        changes = audit.changes_since(s, seq)
    with qtbot.waitSignal(page.paper_shown):
        page.on_changes(changes)
    assert page.paper_view.state() == QAbstractItemView.State.EditingState
    assert model.index(rows["Busse"], PaperModel.DOTS).data() == "6"


def test_closing_a_round_with_the_runoff_rule_offers_the_runoff(
    qtbot: QtBot, db: Database, page: VotingWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = add_people(db, 2)
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s, tie_rule="runoff").id)
    cast(db, info.id, people[0], {found["Radwege"]: 2})
    cast(db, info.id, people[1], {found["Busse"]: 2, found["Leihräder"]: 1})
    _reload(qtbot, page)
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    _click(qtbot, page, page.close_button)
    assert (
        len(asked) == 2
        and "• Busse" in asked[1]
        and "• Radwege" in asked[1]
        and "Leihräder" not in asked[1]
    )
    runoff = page.current_round()
    assert runoff is not None and runoff.runoff_of_number == 1 and runoff.idea_count == 2


def test_the_round_dialog_previews_the_ballot_and_puts_the_shortlist_on_the_round(
    qtbot: QtBot, db: Database, page: VotingWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartdialog.core.services import ideas

    texts = {position: [f"Idee {position}-{n}" for n in range(8)] for position in range(7)}
    found = add_ideas(db, texts)
    page.ideas_selection = lambda: [found["Idee 0-1"], found["Idee 1-2"]]
    page.new_round()
    assert not page.new_button.isEnabled()  # the dialog's data is on its way
    qtbot.waitUntil(lambda: page.round_dialog is not None)
    dialog = page.round_dialog
    assert dialog is not None
    label = dialog.preview_label
    assert dialog.shortlist.currentData() == "top"
    qtbot.waitUntil(lambda: label.text().startswith("35 Karten, etwa 3 Bildschirme"))
    dialog.shortlist.setCurrentIndex(dialog.shortlist.findData("clusters"))
    qtbot.waitUntil(lambda: "Die Auswahlliste wäre leer" in label.text())
    dialog.shortlist.setCurrentIndex(dialog.shortlist.findData("selected"))
    assert dialog.shortlist.currentText() == "Die 2 in der Ideenliste markierten Ideen"
    qtbot.waitUntil(lambda: "2 Karten, etwa 1 Bildschirm" in label.text())
    assert "hat keine Karte auf dem Stimmzettel" in label.text()
    dialog.shortlist.setCurrentIndex(dialog.shortlist.findData("top"))
    dialog.top.setValue(4)
    qtbot.waitUntil(lambda: label.text().startswith("28 Karten"))
    with qtbot.waitSignal(page.action_done, timeout=10000):
        dialog.accept()
    _reload(qtbot, page)
    info = page.current_round()
    assert info is not None and info.idea_count == 28

    # Merged after it was chosen: the moderator is told before the round opens.
    with db.read() as s:
        sheet_ids = [c.idea_id for f in voting.preview(s, info.id).fields for c in f.cards]
    with db.uow() as s:
        ideas.merge(s, sheet_ids[0], found["Idee 0-7"])
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.waitSignal(page.action_done, timeout=10000):
        page.open_round()
    assert "„Idee 0-7“" in asked[0] and "an seine Stelle" in asked[0]
    with db.read() as s:
        assert voting.get_round(s, info.id).status == "draft"  # not opened: nothing changed
