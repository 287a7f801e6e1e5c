"""A 35-card ballot on a venue laptop's 1366×768 screen: overview, keys only, large text."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database
from smartdialog.core.services import ideas, setup, tickets, voting
from smartdialog.ui.voting.cards import IdeaCard
from smartdialog.ui.voting.station import VotingStation

from .test_voting_service import add_people

STATEMENT = (
    "Statement {n} of {field}: more room for what people in the quarter need, "
    "close to home and open in the evening"
)


@dataclass
class Ballot35:
    db: Database
    round: voting.RoundInfo
    people: list[uuid.UUID]


@pytest.fixture
def ballot35(db: Database) -> Iterator[Ballot35]:
    people = add_people(db, 2)
    with db.uow() as s:
        fields = setup.list_fields(s)
        assert len(fields) == 7
        for field in fields:
            for n in range(8):  # more ideas than the shortlist takes
                ideas.capture(s, STATEMENT.format(n=n + 1, field=field.name), field_id=field.id)
        info = voting.create_round(s, "Priorisierung", dots_per_participant=5)
        shown = voting.set_shortlist(s, info.id, "top", top=5)
        assert (shown.cards, shown.screens) == (35, 3)
        info = voting.start_round(s, info.id)
    yield Ballot35(db, info, people)
    assert QThreadPool.globalInstance().waitForDone(10_000)


def _station(qtbot: QtBot, db: Database, size: tuple[int, int]) -> VotingStation:
    widget = VotingStation(db, station_name="Abstimmung 1", thanks_ms=200)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: "Priorisierung" in widget.round_title.text())
    return widget


def _scan(qtbot: QtBot, station: VotingStation, db: Database, number: int) -> None:
    with db.read() as s:
        payload = tickets.payload_for(s, number)
    station.scan(payload)
    qtbot.waitUntil(lambda: station.page == "ballot")


def _in_view(station: VotingStation, card: QWidget) -> bool:
    viewport = station.cards_area.viewport()
    top = card.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + card.height() <= viewport.height()


def _check_layout(station: VotingStation, *, screens: int) -> None:
    container = station.cards_area.widget()
    viewport = station.cards_area.viewport()
    assert container is not None
    assert container.height() <= screens * viewport.height(), (
        container.height(),
        viewport.height(),
    )
    for card in station.cards():
        # Readable without sideways scrolling: inside the viewport, its text wrapped, not cut.
        right = card.mapTo(container, QPoint(card.width(), 0)).x()
        assert right <= viewport.width()
        assert card.text.height() >= card.text.heightForWidth(card.text.width())


def test_a_whole_ballot_by_keyboard_across_seven_fields(qtbot: QtBot, ballot35: Ballot35) -> None:
    station = _station(qtbot, ballot35.db, (1366, 768))
    _scan(qtbot, station, ballot35.db, 1)
    assert len(station.cards()) == 35 and len(station._tabs) == 7
    station.cards_area.widget().layout().activate()  # type: ignore[union-attr]
    _check_layout(station, screens=3)
    presses = 0

    def press(key: Qt.Key) -> None:
        nonlocal presses
        presses += 1
        qtbot.keyClick(station.focusWidget(), key)

    def focused_field() -> int:
        card = station.focusWidget()
        assert isinstance(card, IdeaCard)
        assert _in_view(station, card)
        return station._field_index(card)

    assert focused_field() == 0
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Space)  # two dots on the first card of field 1
    for field in range(1, 7):  # → walks every field; each one comes into view
        press(Qt.Key.Key_Right)
        assert focused_field() == field
        if field == 3:
            press(Qt.Key.Key_Down)
            press(Qt.Key.Key_Space)  # one dot in field 4
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Space)  # two dots in field 7, on two cards
    assert [tab.spent.text() for tab in station._tabs] == [
        "1  ●●",
        "2  keine Punkte",
        "3  keine Punkte",
        "4  ●",
        "5  keine Punkte",
        "6  keine Punkte",
        "7  ●●",
    ]
    press(Qt.Key.Key_Tab)  # "Weiter: Auswahl prüfen" is one Tab away
    assert station.focusWidget() is station.next_button
    assert station.next_button.text() == "Weiter: Auswahl prüfen"
    press(Qt.Key.Key_Return)
    assert station.page == "check"
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "thanks"):
        press(Qt.Key.Key_Return)
    assert presses <= 25, presses
    with ballot35.db.read() as s:
        voter = voting.voter_for(s, ballot35.round.id, ballot35.people[0])
        sheet = voting.ballot_sheet(s, ballot35.round.id)
    field_of = sheet.field_of()
    assert sum(voter.dots.values()) == 5
    assert len({field_of[i] for i in voter.dots}) == 3


def test_numbers_home_end_and_page_keys_move_through_the_ballot(
    qtbot: QtBot, ballot35: Ballot35
) -> None:
    station = _station(qtbot, ballot35.db, (1366, 768))
    _scan(qtbot, station, ballot35.db, 2)
    cards = station.cards()
    qtbot.keyClick(cards[0], Qt.Key.Key_5)
    assert station.focusWidget() is station._sections[4].cards[0]
    assert station._tabs[4].property("current") is True
    qtbot.keyClick(station.focusWidget(), Qt.Key.Key_Left)
    assert station.focusWidget() is station._sections[3].cards[0]
    qtbot.keyClick(station.focusWidget(), Qt.Key.Key_End)
    assert station.focusWidget() is cards[-1] and _in_view(station, cards[-1])
    qtbot.keyClick(station.focusWidget(), Qt.Key.Key_Home)
    assert station.focusWidget() is cards[0]
    bar = station.cards_area.verticalScrollBar()
    qtbot.keyClick(cards[0], Qt.Key.Key_PageDown)
    focused = station.focusWidget()
    assert bar.value() > 0 and isinstance(focused, IdeaCard) and focused is not cards[0]
    assert _in_view(station, focused)
    qtbot.keyClick(focused, Qt.Key.Key_PageUp)
    assert bar.value() == 0
    # A tap on a tab jumps there as well.
    qtbot.mouseClick(station._tabs[6], Qt.MouseButton.LeftButton)
    assert station.focusWidget() is station._sections[6].cards[0]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_large_text_on_the_station_itself(
    qtbot: QtBot, ballot35: Ballot35, size: tuple[int, int]
) -> None:
    station = _station(qtbot, ballot35.db, size)
    _scan(qtbot, station, ballot35.db, 1)
    first = station.cards()[0]
    qtbot.keyClick(first, Qt.Key.Key_Space)
    normal = first.text.font().pointSizeF(), first.text.fontInfo().pixelSize()
    qtbot.mouseClick(station.large_button, Qt.MouseButton.LeftButton)
    cards = station.cards()
    assert len(cards) == 35
    assert cards[0].text.fontInfo().pixelSize() > normal[1]
    assert cards[0].meter.filled == 1  # the dots stay
    assert station.focusWidget() is cards[0]
    station.cards_area.widget().layout().activate()  # type: ignore[union-attr]
    _check_layout(station, screens=99)
    # Nothing in large text makes the station wider than the screen.
    QApplication.processEvents()  # the pending layout requests, as the event loop would
    assert station.minimumSizeHint().width() <= size[0]
    assert station.width() == size[0]
    # The next voter starts with the usual size.
    station.reset()
    assert not station.large_button.isChecked()
