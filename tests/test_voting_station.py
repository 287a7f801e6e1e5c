"""The voting station played like a participant would: badge, taps and keys, check, "Danke".

The interface is German by default, and so are the texts these tests read.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QCloseEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from smartdialog.core.db import Database
from smartdialog.core.errors import ConnectionLost
from smartdialog.core.models import Ballot, Dot, ScanLog
from smartdialog.core.services import setup, tickets, voting
from smartdialog.ui import ops
from smartdialog.ui.voting import station as station_module
from smartdialog.ui.voting.station import VotingStation

from .test_voting_service import add_ideas, add_people, field_ids


@dataclass
class Hall:
    db: Database
    round: voting.RoundInfo
    people: list[uuid.UUID]
    absent: uuid.UUID
    ideas: dict[str, uuid.UUID]


@pytest.fixture
def hall(db: Database) -> Iterator[Hall]:
    people = add_people(db, 2)
    absent = add_people(db, 1, checked_in=False, first=3)[0]
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Coworking", "Glasfaser"]})
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(
            s,
            "Priorisierung",
            dots_per_participant=4,
            max_dots_per_idea=2,
            field_ids=fields[:2],
            budgets={fields[1]: 1},
        )
        info = voting.start_round(s, info.id)
        setup.set_admin_pin(s, "2468")
    yield Hall(db, info, people, absent, found)
    # No station's background read may outlive the event file it reads.
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert ops.reader_pool().waitForDone(10_000) and ops.wait_for_writes(10_000)


def _badge(db: Database, number: int) -> str:
    with db.read() as s:
        return tickets.payload_for(s, number)


@pytest.fixture
def station(qtbot: QtBot, hall: Hall) -> VotingStation:
    widget = VotingStation(hall.db, station_name="Abstimmung 1", thanks_ms=200, idle_ms=60_000)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: "Priorisierung" in widget.round_title.text())
    return widget


def _scan(qtbot: QtBot, station: VotingStation, raw: str) -> None:
    qtbot.keyClicks(station.scan_input, raw)
    qtbot.keyClick(station.scan_input, Qt.Key.Key_Return)


def _card(station: VotingStation, idea_id: uuid.UUID) -> station_module.IdeaCard:
    return next(c for c in station.cards() if c.idea_id == idea_id)


def test_a_participant_votes_from_badge_to_thanks(
    qtbot: QtBot, hall: Hall, station: VotingStation
) -> None:
    _scan(qtbot, station, _badge(hall.db, 1))
    qtbot.waitUntil(lambda: station.page == "ballot")
    assert station.greeting.text() == "Hallo, Anna1!"
    radwege, busse, coworking, glasfaser = (
        _card(station, hall.ideas[k]) for k in ("Radwege", "Busse", "Coworking", "Glasfaser")
    )
    # Taps: two dots on "Radwege", then its + is spent (max 2 per idea).
    qtbot.mouseClick(radwege.plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(radwege.plus, Qt.MouseButton.LeftButton)
    assert radwege.meter.filled == 2 and not radwege.plus.isEnabled()
    # The field budget of 1 for Wirtschaftsstandort: after one dot, the other idea's + is off.
    qtbot.mouseClick(coworking.plus, Qt.MouseButton.LeftButton)
    assert not glasfaser.plus.isEnabled() and glasfaser.minus.isEnabled() is False
    # Keys: + and − on the focused card, ↓ moves to the next card.
    busse.setFocus()
    qtbot.keyClick(busse, Qt.Key.Key_Plus)
    qtbot.keyClick(busse, Qt.Key.Key_Minus)
    qtbot.keyClick(busse, Qt.Key.Key_Space)
    assert busse.meter.filled == 1
    assert station.meter is not None and station.meter.filled == 0
    assert station.dots_left.text() == "Noch 0 von 4 Punkten"
    assert not any(c.plus.isEnabled() for c in station.cards())  # all four dots placed

    qtbot.mouseClick(station.next_button, Qt.MouseButton.LeftButton)
    assert station.page == "check"
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "thanks"):
        qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
    assert station.thanks_label.text() == "Danke, Anna1!"
    with hall.db.read() as s:
        voter = voting.voter_for(s, hall.round.id, hall.people[0])
        assert s.scalar(select(Ballot.station)) == "Abstimmung 1"
    assert voter.dots == {
        hall.ideas["Radwege"]: 2,
        hall.ideas["Coworking"]: 1,
        hall.ideas["Busse"]: 1,
    }
    # "Danke", then ready for the next person by itself.
    qtbot.waitUntil(lambda: station.page == "scan")
    assert station.scan_input.isEnabled() and station.scan_input.text() == ""


def test_scanning_again_shows_the_dots_and_changes_them(
    qtbot: QtBot, hall: Hall, station: VotingStation
) -> None:
    with hall.db.uow() as s:
        voting.cast_ballot(
            s, hall.round.id, hall.people[1], {hall.ideas["Glasfaser"]: 1}, expected_revision=0
        )
    _scan(qtbot, station, _badge(hall.db, 2))
    qtbot.waitUntil(lambda: station.page == "ballot")
    assert "Sie haben schon abgestimmt" in station.rules_line.text()
    glasfaser = _card(station, hall.ideas["Glasfaser"])
    assert glasfaser.meter.filled == 1
    qtbot.mouseClick(glasfaser.minus, Qt.MouseButton.LeftButton)
    assert not station.next_button.isEnabled()  # no dots: nothing to confirm
    qtbot.mouseClick(_card(station, hall.ideas["Leihräder"]).plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(station.next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "thanks"):
        qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
    assert "Ihre Auswahl wurde geändert: 1 Punkt gezählt." in station.thanks_detail.text()
    with hall.db.read() as s:
        assert voting.voter_for(s, hall.round.id, hall.people[1]).dots == {
            hall.ideas["Leihräder"]: 1
        }


@pytest.mark.parametrize(
    ("raw", "expected", "tone"),
    [
        ("number 3", "Namensschild 3 wurde am Empfang noch nicht eingecheckt", "warning"),
        ("forged", "Dieses Namensschild ist nicht gültig", "error"),
        ("foreign", "gehört zu einer anderen Veranstaltung", "error"),
        ("12345", "nicht richtig gelesen", "error"),
    ],
)
def test_a_refused_badge_is_answered_in_words_and_colour(
    qtbot: QtBot, hall: Hall, station: VotingStation, raw: str, expected: str, tone: str
) -> None:
    good = _badge(hall.db, 3)
    raw = {
        "number 3": good,
        "forged": good[:-1] + str((int(good[-1]) + 1) % 10),
        "foreign": "9999" + good[4:],
    }.get(raw, raw)
    _scan(qtbot, station, raw)
    qtbot.waitUntil(station.scan_notice.isVisible)
    assert expected in station.scan_notice.text()
    assert station.scan_notice.property("tone") == tone
    assert station.page == "scan"
    with hall.db.read() as s:
        assert s.scalar(select(ScanLog.verdict)) in ("rejected", "refused")


def test_no_voting_once_the_round_is_closed(
    qtbot: QtBot, hall: Hall, station: VotingStation
) -> None:
    _scan(qtbot, station, _badge(hall.db, 1))
    qtbot.waitUntil(lambda: station.page == "ballot")
    qtbot.mouseClick(_card(station, hall.ideas["Busse"]).plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(station.next_button, Qt.MouseButton.LeftButton)
    with hall.db.uow() as s:
        voting.close_round(s, hall.round.id)
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "scan"):
        qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
    assert "Die Abstimmung in dieser Runde ist beendet" in station.scan_notice.text()
    with hall.db.read() as s:
        assert s.scalar(select(Dot.id)) is None
    _scan(qtbot, station, _badge(hall.db, 2))
    qtbot.waitUntil(
        lambda: "Zurzeit ist keine Abstimmungsrunde geöffnet" in station.scan_notice.text()
    )
    # The waiting screen follows a round opened elsewhere by itself (its poll timer, fired here).
    with hall.db.uow() as s:
        voting.start_round(s, voting.create_round(s, "Zweite Runde").id)
    assert station.round_title.text() == "Zurzeit ist keine Abstimmung geöffnet."
    station._title_poll.timeout.emit()
    qtbot.waitUntil(lambda: station.round_title.text() == "Abstimmung: Zweite Runde")


def test_a_lost_connection_on_confirm_keeps_the_choice_and_counts_once(
    qtbot: QtBot, hall: Hall, station: VotingStation, monkeypatch: pytest.MonkeyPatch
) -> None:
    _scan(qtbot, station, _badge(hall.db, 1))
    qtbot.waitUntil(lambda: station.page == "ballot")
    qtbot.mouseClick(_card(station, hall.ideas["Radwege"]).plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(station.next_button, Qt.MouseButton.LeftButton)
    real_cast = voting.cast_ballot

    def unplugged(*args: object, **kwargs: object) -> voting.CastBallot:
        raise OperationalError(
            "INSERT INTO dots", {}, Exception("server closed the connection unexpectedly")
        )

    monkeypatch.setattr(voting, "cast_ballot", unplugged)
    qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(station.check_notice.isVisible)
    assert (
        "konnten nicht gespeichert werden" in station.check_notice.text()
        and station.page == "check"
    )
    with hall.db.read() as s:
        assert s.scalar(select(Ballot.id)) is None
    monkeypatch.setattr(voting, "cast_ballot", real_cast)
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "thanks"):
        qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
    with hall.db.read() as s:
        assert len(list(s.scalars(select(Dot.id)))) == 1


def test_a_voter_who_walks_away_is_reset_without_saving(qtbot: QtBot, hall: Hall) -> None:
    widget = VotingStation(hall.db, station_name="Abstimmung 2", idle_ms=100, warn_ms=200)
    qtbot.addWidget(widget)
    widget.show()
    _scan(qtbot, widget, _badge(hall.db, 1))
    qtbot.waitUntil(lambda: widget.page == "ballot")
    qtbot.mouseClick(_card(widget, hall.ideas["Busse"]).plus, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(widget.still_here.isVisible)
    assert "Sind Sie noch da?" in widget.idle_notice.text()
    # "I am still here" keeps the ballot …
    qtbot.mouseClick(widget.still_here, Qt.MouseButton.LeftButton)
    assert widget.page == "ballot" and not widget.still_here.isVisible()
    # … walking away does not.
    qtbot.waitUntil(lambda: widget.page == "scan", timeout=3000)
    assert "Es wurde nichts gespeichert" in widget.scan_notice.text()
    with hall.db.read() as s:
        assert s.scalar(select(Ballot.id)) is None


def test_the_station_stays_locked_without_the_pin(
    qtbot: QtBot, hall: Hall, station: VotingStation
) -> None:
    station._locked = True  # what lock() sets, without going full screen on the test display
    event = QCloseEvent()
    station.closeEvent(event)
    assert not event.isAccepted()
    qtbot.keyClick(station, Qt.Key.Key_Escape)
    qtbot.keyClick(station, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert station.isVisible()

    qtbot.mouseClick(station.admin_button, Qt.MouseButton.LeftButton)
    dialog = station.pin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.pin, "1111")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == "Falsche PIN.")
    assert station.isVisible()
    with qtbot.waitSignal(station.unlocked):
        qtbot.keyClicks(dialog.pin, "2468")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert not station.locked and not station.isVisible()


def test_too_many_wrong_pins_lock_the_pad_for_a_while(qtbot: QtBot, station: VotingStation) -> None:
    station._locked = True
    for _ in range(station_module.MAX_PIN_TRIES):
        if station.pin_dialog is None or not station.pin_dialog.isVisible():
            qtbot.mouseClick(station.admin_button, Qt.MouseButton.LeftButton)
        assert station.pin_dialog is not None
        dialog = station.pin_dialog
        qtbot.keyClicks(dialog.pin, "0000")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dialog: not d.waiting or not d.isVisible())
    assert not station.pin_dialog.isVisible()
    assert "Zu oft eine falsche PIN" in station.scan_notice.text()
    qtbot.mouseClick(station.admin_button, Qt.MouseButton.LeftButton)
    assert not station.pin_dialog.isVisible()  # no new dialog during the lockout
    station._locked = False


def test_each_voter_sees_their_own_order(qtbot: QtBot, hall: Hall, station: VotingStation) -> None:
    orders = []
    for number in (1, 2):
        _scan(qtbot, station, _badge(hall.db, number))
        qtbot.waitUntil(lambda: station.page == "ballot")
        orders.append([c.idea_id for c in station.cards()])
        qtbot.mouseClick(station.cancel_button, Qt.MouseButton.LeftButton)
        assert station.page == "scan"
    with hall.db.read() as s:
        sheet = voting.ballot_sheet(s, hall.round.id)
    for order, person in zip(orders, hall.people, strict=True):
        assert order == [i.idea_id for f in sheet.shuffled_for(person).fields for i in f.ideas]


def test_a_ballot_without_mouse_or_touch(qtbot: QtBot, hall: Hall, station: VotingStation) -> None:
    """Keyboard only: Space places a dot, ↓ walks the cards and on to the button, Enter presses it."""
    _scan(qtbot, station, _badge(hall.db, 2))
    qtbot.waitUntil(lambda: station.page == "ballot")
    cards = station.cards()
    assert station.focusWidget() is cards[0]
    qtbot.keyClick(cards[0], Qt.Key.Key_Space)
    for card in cards:
        qtbot.keyClick(card, Qt.Key.Key_Down)
    assert station.focusWidget() is station.next_button
    qtbot.keyClick(station.next_button, Qt.Key.Key_Return)
    assert station.page == "check" and station.focusWidget() is station.confirm_button
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "thanks"):
        qtbot.keyClick(station.confirm_button, Qt.Key.Key_Return)
    with hall.db.read() as s:
        assert voting.voter_for(s, hall.round.id, hall.people[1]).dots == {cards[0].idea_id: 1}


def test_the_same_badge_at_two_stations_counts_once(
    qtbot: QtBot, hall: Hall, station: VotingStation
) -> None:
    second = VotingStation(hall.db, station_name="Abstimmung 2")
    qtbot.addWidget(second)
    second.show()
    for widget in (station, second):
        _scan(qtbot, widget, _badge(hall.db, 1))
        qtbot.waitUntil(lambda w=widget: w.page == "ballot")
    for widget, idea in ((station, "Radwege"), (second, "Busse")):
        qtbot.mouseClick(_card(widget, hall.ideas[idea]).plus, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(widget.next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "thanks"):
        qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(second.page_changed, check_params_cb=lambda page: page == "scan"):
        qtbot.mouseClick(second.confirm_button, Qt.MouseButton.LeftButton)
    assert "gleichzeitig an einer anderen Abstimmungsstation" in second.scan_notice.text()
    with hall.db.read() as s:
        assert voting.voter_for(s, hall.round.id, hall.people[0]).dots == {hall.ideas["Radwege"]: 1}
        assert s.scalar(select(Ballot.station)) == "Abstimmung 1"


def test_a_confirm_saved_whose_answer_was_lost_counts_once_when_tried_again(
    qtbot: QtBot, hall: Hall, station: VotingStation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ballot was saved, but the answer was lost with the connection: "try again" is the
    same ballot (its key), thanked for, not refused as another station's."""
    _scan(qtbot, station, _badge(hall.db, 1))
    qtbot.waitUntil(lambda: station.page == "ballot")
    qtbot.mouseClick(_card(station, hall.ideas["Radwege"]).plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(station.next_button, Qt.MouseButton.LeftButton)
    real_job = station_module._cast_job

    def answer_lost(*args: Any) -> voting.CastBallot:
        real_job(*args)  # committed
        raise ConnectionLost("the answer was lost with the connection")

    with monkeypatch.context() as patched:
        patched.setattr(station_module, "_cast_job", answer_lost)
        qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(station.check_notice.isVisible)
    assert station.page == "check"
    with qtbot.waitSignal(station.page_changed, check_params_cb=lambda page: page == "thanks"):
        qtbot.mouseClick(station.confirm_button, Qt.MouseButton.LeftButton)
    assert "1 Punkt" in station.thanks_detail.text()
    with hall.db.read() as s:
        assert len(list(s.scalars(select(Ballot.id)))) == 1
        assert len(list(s.scalars(select(Dot.id)))) == 1
