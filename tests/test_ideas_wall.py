"""The live wall: its state follows the feed, every mode paints, the moderator's controls steer it."""

from __future__ import annotations

import logging
import time
import uuid

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database
from smartdialog.core.services import audit, ideas, setup
from smartdialog.core.services.ideas import IdeaInfo
from smartdialog.ui import ops
from smartdialog.ui.voting.wall import results_provider
from smartdialog.ui.wall import (
    RankedIdea,
    WallMode,
    WallResults,
    WallState,
    WallView,
    WallWorkspace,
)
from smartdialog.ui.wall.state import HIGHLIGHT_SECONDS
from smartdialog.ui.wall.view import is_right_to_left, readable_on, soft_hyphens


def _capture(db: Database, text: str, field_index: int = 0) -> IdeaInfo:
    with db.uow() as s:
        field = setup.list_fields(s)[field_index]
        return ideas.capture(s, text, field_id=field.id)


class Feed:
    """What the main window's ChangeFeed does, one poll at a time."""

    def __init__(self, db: Database) -> None:
        self.db = db
        with db.read() as s:
            self.seq = audit.latest_seq(s)

    def poll(self) -> list[audit.Change]:
        with self.db.read() as s:
            changes = audit.changes_since(s, self.seq)
        if changes:
            self.seq = changes[-1].seq
        return changes


@pytest.fixture
def state(qtbot: QtBot, db: Database) -> WallState:
    wall = WallState()
    with qtbot.waitSignal(wall.loaded):
        wall.set_database(db)
    return wall


def reloaded(qtbot: QtBot, state: WallState) -> None:
    with qtbot.waitSignal(state.loaded, timeout=10000):
        state.reload()


def follow(qtbot: QtBot, state: WallState, changes: list[audit.Change]) -> None:
    """What the window does with the feed's changes, waiting until the wall shows them."""
    with qtbot.waitSignal(state.loaded, timeout=10000):
        state.on_changes(changes)


def test_new_ideas_arrive_on_top_of_their_field_highlighted(
    qtbot: QtBot, db: Database, state: WallState
) -> None:
    old = _capture(db, "Ältere Idee")
    reloaded(qtbot, state)
    feed = Feed(db)
    new = _capture(db, "Neue Idee vom anderen Tisch")
    other_field = _capture(db, "Idee für die Wirtschaft", field_index=1)
    follow(qtbot, state, feed.poll())
    mobility, economy = state.fields[0].id, state.fields[1].id
    assert [i.id for i in state.ideas_of(mobility)] == [new.id, old.id]
    assert [i.id for i in state.ideas_of(economy)] == [other_field.id]
    assert state.highlight(new.id) > 0.9
    assert state.highlight(old.id) == 0.0
    assert state.highlight(new.id, at=time.monotonic() + HIGHLIGHT_SECONDS) == 0.0
    assert state.count() == 3


def test_hidden_merged_and_withdrawn_ideas_leave_the_wall(
    qtbot: QtBot, db: Database, state: WallState
) -> None:
    a, b, c = (_capture(db, t) for t in ("A", "B", "C"))
    reloaded(qtbot, state)
    state.set_spotlight(a.id)
    feed = Feed(db)
    with db.uow() as s:
        ideas.hide(s, a.id, "nicht zum Thema")
        ideas.merge(s, b.id, c.id)
    d = _capture(db, "D")
    with db.uow() as s:
        ideas.withdraw(s, d.id)
    follow(qtbot, state, feed.poll())
    assert [i.id for i in state.ideas_of(state.fields[0].id)] == [c.id]
    assert state.spotlight_id is None


def test_renamed_field_reloads_the_wall(qtbot: QtBot, db: Database, state: WallState) -> None:
    feed = Feed(db)
    with db.uow() as s:
        setup.update_field(s, state.fields[0].id, name="Mobilität und Verkehr", colour="#000000")
    follow(qtbot, state, feed.poll())
    assert (state.fields[0].name, state.fields[0].colour) == ("Mobilität und Verkehr", "#000000")


@pytest.mark.parametrize("mode", list(WallMode))
def test_every_mode_paints_at_projector_size(
    qtbot: QtBot, db: Database, state: WallState, mode: WallMode
) -> None:
    captured = [
        _capture(db, f"Idee {n} für das Handlungsfeld", field_index=n % 7) for n in range(40)
    ]
    _capture(db, "Spielplätze 👨\u200d👩\u200d👧 – \u200fمسارات دراجات آمنة")
    reloaded(qtbot, state)
    view = WallView(state)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    state.set_spotlight(captured[5].id)
    state.set_field(state.fields[2].id)
    state.set_mode(mode)
    image = view.grab().toImage()
    assert image.width() == 1920
    if mode is WallMode.ALL_FIELDS:
        # The newest idea of every field is on the wall.
        for field in state.fields:
            assert state.ideas_of(field.id)[0].id in view.painted_ids
    elif mode is WallMode.ONE_FIELD:
        assert set(view.painted_ids) == {i.id for i in state.ideas_of(state.fields[2].id)}
    elif mode is WallMode.SPOTLIGHT:
        assert view.painted_ids == [captured[5].id]
    else:
        assert view.painted_ids == []


def test_a_full_column_says_how_many_more_there_are(
    qtbot: QtBot, db: Database, state: WallState
) -> None:
    for n in range(60):
        _capture(db, f"Idee Nummer {n} mit etwas mehr Text, damit sie zwei Zeilen braucht")
    reloaded(qtbot, state)
    view = WallView(state)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.grab()
    shown = len(view.painted_ids)
    assert 3 <= shown < 60
    # A larger font for the room shows fewer ideas.
    state.set_scale(1.6)
    view.grab()
    assert len(view.painted_ids) < shown


@pytest.mark.expect_error_log
def test_results_mode_without_a_vote_and_with_a_provider(
    qtbot: QtBot, db: Database, state: WallState, caplog: pytest.LogCaptureFixture
) -> None:
    state.set_mode(WallMode.RESULTS)
    assert state.results is None  # "noch keine Abstimmung"
    results = WallResults(
        "Runde 1",
        voters=3,
        eligible=4,
        dots_used=12,
        dots_available=20,
        ranking=(
            RankedIdea(1, "Radwege", "Mobilität", "#1e88e5", 7),
            RankedIdea(2, "WLAN", "Bürgerdienste", "#00897b", 5),
        ),
    )
    calls = []

    def provider() -> WallResults:
        calls.append(1)
        return results

    state.set_results_provider(provider)
    qtbot.waitUntil(lambda: state.results == results)
    view = WallView(state)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.grab()
    # Votes arrive through the feed: the wall asks the provider again.
    feed = Feed(db)
    _capture(db, "noch eine")
    before = len(calls)
    state.on_changes(feed.poll())
    qtbot.waitUntil(lambda: len(calls) == before + 1)

    def broken() -> WallResults:
        raise RuntimeError("voting tables locked")

    with caplog.at_level(logging.ERROR, logger="smartdialog.wall"):
        state.set_results_provider(broken)
        qtbot.waitUntil(lambda: state.results is None)
    assert "results provider failed" in caplog.text
    view.grab()


def test_the_moderators_controls_steer_the_wall(qtbot: QtBot, db: Database) -> None:
    idea = _capture(db, "Radwege an der Hammer Straße")
    page = WallWorkspace()
    qtbot.addWidget(page)
    page.set_database(db)
    page.resize(1600, 900)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.spotlight_list.count() == 1)
    assert page.show_button.text() == "Auf dem Beamer zeigen"
    page.field_combo.setCurrentIndex(3)
    assert (page.state.mode, page.state.field_id) == (WallMode.ONE_FIELD, page.state.fields[3].id)
    page.spotlight_list.setCurrentRow(0)
    assert (page.state.mode, page.state.spotlight_id) == (WallMode.SPOTLIGHT, idea.id)
    page._mode_radio[WallMode.IDLE].click()
    assert page.state.mode is WallMode.IDLE
    page.activateWindow()
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.state.mode is WallMode.ALL_FIELDS
    page.scale_slider.setValue(150)
    assert page.state.scale == pytest.approx(1.5)

    page.show_button.click()
    projector = page.projector
    assert projector is not None
    qtbot.waitExposed(projector)
    assert projector.view.state is page.state
    qtbot.keyClick(projector, Qt.Key.Key_Plus)
    assert page.state.scale == pytest.approx(1.6)
    qtbot.keyClick(projector, Qt.Key.Key_F9)
    assert page.state.mode is WallMode.RESULTS
    qtbot.waitUntil(lambda: page._mode_radio[WallMode.RESULTS].isChecked())
    projector.close()
    assert not page.show_button.isChecked()
    # A new idea from the feed shows in the preview's list without a reload.
    feed = Feed(db)
    _capture(db, "Noch eine Idee")
    page.on_changes(feed.poll())
    qtbot.waitUntil(lambda: page.spotlight_list.count() == 2)


def test_text_direction_and_header_contrast() -> None:
    assert is_right_to_left("\u200fمسارات دراجات")
    assert is_right_to_left("שבילי אופניים for bikes")
    assert not is_right_to_left("Radwege – מסלול")
    assert readable_on(QColor("#1e88e5")) == QColor("#ffffff")
    assert readable_on(QColor("#fb8c00")) != QColor("#ffffff")


def test_wall_without_an_event_paints_a_message(qtbot: QtBot) -> None:
    state = WallState()
    view = WallView(state)
    qtbot.addWidget(view)
    view.resize(800, 450)
    view.grab()
    assert view.painted_ids == []
    state.apply([], gone=[uuid.uuid4()])


def test_long_compounds_break_at_german_hyphenation_points() -> None:
    """The wall's breaks are pyphen's German ones (the minutes use the same)."""

    def shown(text: str) -> str:
        return soft_hyphens(text).replace("\u00ad", "|")

    assert shown("Wirtschaftsförderung") == "Wirt|schafts|för|de|rung"
    assert shown("Ressourcenmanagement") == "Res|sour|cen|ma|na|ge|ment"
    assert (
        shown("Intelligente Straßenbeleuchtung, bitte")
        == "Intel|li|gente Stra|ßen|be|leuch|tung, bitte"
    )
    # No break inside "st", "sch" or before a lone letter; short words stay whole.
    assert shown("Fahrradstellplätze") == "Fahr|rad|stell|plätze"
    assert shown("Assistenzsysteme") == "Assis|tenz|sys|teme"
    assert shown("Radwege") == "Radwege"


@pytest.mark.parametrize(
    ("size", "grid"), [((1920, 1080), (1, 7)), ((1280, 720), (1, 7)), ((1024, 768), (2, 4))]
)
def test_fields_are_columns_on_wide_screens_and_tiles_on_4_to_3(
    qtbot: QtBot, state: WallState, size: tuple[int, int], grid: tuple[int, int]
) -> None:
    view = WallView(state)
    qtbot.addWidget(view)
    view.resize(*size)
    view.grab()
    assert view.grid == grid


def test_results_mode_follows_this_events_voting(qtbot: QtBot, db: Database) -> None:
    from smartdialog.core.services import voting

    _capture(db, "Radwege an der Hammer Straße")
    # The wall asks its provider already while it is being built, before ``page`` is bound.
    pages: list[WallWorkspace] = []
    page = WallWorkspace(results_provider(lambda: pages[0].db if pages else None))
    pages.append(page)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.state.loaded):
        page.set_database(db)
    page.state.set_mode(WallMode.RESULTS)
    ops.reader_pool().waitForDone()
    QCoreApplication.processEvents()
    assert page.state.results is None  # no round yet: "Noch keine Abstimmung"
    feed = Feed(db)
    with db.uow() as s:
        round_ = voting.create_round(s, "Priorisierung")
        voting.start_round(s, round_.id)
    page.on_changes(feed.poll())
    qtbot.waitUntil(lambda: page.state.results is not None)
    results = page.state.results
    assert results is not None
    assert "Priorisierung" in results.title
    assert results.tally_hidden and results.ranking == ()
