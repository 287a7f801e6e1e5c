"""The code printed under a badge's QR code, typed by hand at the desk and at a voting station.

Typing it works exactly like scanning it; a slip of the finger is answered as
a typo, while the same wrong code from a scanner stays a forgery alarm.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smartdialog.core.db import Database, open_database
from smartdialog.core.models import Participant, ScanLog
from smartdialog.core.services import checkin, registration, tickets, voting
from smartdialog.core.services.registration import WalkIn
from smartdialog.ui.desk import feedback
from smartdialog.ui.desk.workspace import DeskWorkspace
from smartdialog.ui.voting.station import VotingStation

from .test_desk_gui import DESK, _settings, press, slow_clock, type_text
from .test_voting_service import add_ideas, field_ids


@pytest.fixture
def people(db: Database) -> Iterator[Database]:
    with db.uow() as s:
        for first, last in (("Jürgen", "Müller"), ("Ole", "Weiß"), ("Ada", "Kaya")):
            registration.register_walk_in(s, WalkIn(first, last))
    yield db


def _codes(db: Database, number: int) -> tuple[str, str]:
    """The QR code's payload and the code printed under it."""
    with db.read() as s:
        payload = tickets.payload_for(s, number)
    return payload, tickets.typed_code(payload)


def _slip(code: str) -> str:
    """The printed code with one digit typed wrong."""
    digits = code.replace(" ", "")
    wrong = digits[:9] + str((int(digits[9]) + 3) % 10) + digits[10:]
    return " ".join(wrong[i : i + 4] for i in range(0, 16, 4))


@pytest.fixture
def desk(qtbot: QtBot, people: Database, tmp_path: Path) -> Iterator[DeskWorkspace]:
    assert people.path is not None
    desk_db = open_database(people.path, DESK)
    workspace = DeskWorkspace(_settings(tmp_path))
    qtbot.addWidget(workspace)
    workspace.sounds.enabled = False
    workspace.resize(1200, 760)
    workspace.set_database(desk_db)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activated()
    yield workspace
    desk_db.close()


def _desk_answer(qtbot: QtBot, desk: DeskWorkspace, text: str, *, typed: bool) -> str:
    desk.input.clear()
    if typed:
        desk.input.clock = slow_clock()  # type: ignore[assignment]
    else:
        desk.input.clock = slow_clock(0.004)  # type: ignore[assignment]
    with qtbot.waitSignal(desk.answered) as answer:
        type_text(desk.input, text)
        press(desk.input, Qt.Key.Key_Return)
    return str(answer.args[0])


def test_the_printed_code_typed_at_the_desk_checks_in_like_the_qr(
    qtbot: QtBot, desk: DeskWorkspace, people: Database
) -> None:
    payload, code = _codes(people, 1)
    assert _desk_answer(qtbot, desk, code, typed=True) == feedback.WELCOME
    assert "Jürgen Müller" in desk.result.headline.text()
    # Scanned afterwards: the same person, already in.
    assert _desk_answer(qtbot, desk, payload, typed=False) == feedback.ALREADY
    assert "Jürgen Müller" in desk.result.headline.text()
    # Typed once more, with dashes: the same verdict as the scan.
    assert _desk_answer(qtbot, desk, code.replace(" ", "-"), typed=True) == feedback.ALREADY


def test_a_typing_slip_at_the_desk_is_a_typo_and_a_scanned_fake_an_alarm(
    qtbot: QtBot, desk: DeskWorkspace, people: Database
) -> None:
    payload, code = _codes(people, 2)
    assert _desk_answer(qtbot, desk, _slip(code), typed=True) == feedback.REJECTED
    assert desk.result.headline.text() == "Tippfehler? Bitte Code prüfen"
    forged = payload[:-1] + str((int(payload[-1]) + 1) % 10)
    assert _desk_answer(qtbot, desk, forged, typed=True) == feedback.REJECTED
    assert desk.result.headline.text() == "Tippfehler? Bitte Code prüfen"
    assert _desk_answer(qtbot, desk, forged, typed=False) == feedback.REJECTED
    assert desk.result.headline.text() == "Ticket ist nicht echt"
    missing = code.rsplit(" ", 1)[0]
    assert _desk_answer(qtbot, desk, missing, typed=True) == feedback.REJECTED
    assert "Fehlt eine Gruppe?" in desk.result.detail.text()
    with people.read() as s:
        reasons = s.scalars(select(ScanLog.reason).order_by(ScanLog.at)).all()
    assert list(reasons) == ["typo", "typo", "forged", "truncated"]


@pytest.fixture
def station(qtbot: QtBot, people: Database) -> Iterator[VotingStation]:
    with people.read() as s:
        ids = list(s.scalars(select(Participant.id)))
    with people.uow() as s:
        for pid in ids:
            checkin.check_in_participant(s, pid, "Empfang")
    add_ideas(people, {0: ["Radwege"]})
    with people.uow() as s:
        info = voting.create_round(s, "Priorisierung", field_ids=field_ids(people)[:1])
        voting.start_round(s, info.id)
    widget = VotingStation(people, station_name="Abstimmung 1")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: "Priorisierung" in widget.round_title.text())
    yield widget
    assert QThreadPool.globalInstance().waitForDone(10_000)


def _station_answer(qtbot: QtBot, station: VotingStation, text: str, *, typed: bool) -> str:
    station.reset()
    station.scan_input.clock = slow_clock() if typed else slow_clock(0.004)  # type: ignore[assignment]
    type_text(station.scan_input, text)
    press(station.scan_input, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: not station._busy and (station.page == "ballot" or station.scan_notice.isVisible())
    )
    return station.page if station.page == "ballot" else station.scan_notice.text()


def test_the_printed_code_typed_at_the_station_opens_the_ballot_like_the_qr(
    qtbot: QtBot, station: VotingStation, people: Database
) -> None:
    payload, code = _codes(people, 3)
    assert _station_answer(qtbot, station, payload, typed=False) == "ballot"
    assert station.greeting.text() == "Hallo, Ada!"
    assert _station_answer(qtbot, station, code, typed=True) == "ballot"
    assert station.greeting.text() == "Hallo, Ada!"
    slip = _station_answer(qtbot, station, _slip(code), typed=True)
    assert slip.startswith("Tippfehler? Bitte Code prüfen")
    forged = payload[:-1] + str((int(payload[-1]) + 1) % 10)
    assert _station_answer(qtbot, station, forged, typed=False) == (
        "Dieses Namensschild ist nicht gültig. Bitte wenden Sie sich an den Empfang."
    )


def test_the_station_hint_names_what_is_printed(station: VotingStation) -> None:
    assert "16 Ziffern unter dem QR-Code" in station.type_hint.text()
    assert station.scan_input.placeholderText() == "0000 0000 0000 0000"


def test_every_printed_code_is_unique_and_reads_back(people: Database) -> None:
    seen: dict[str, uuid.UUID] = {}
    with people.read() as s:
        for pid, number in s.execute(select(Participant.id, Participant.ticket_number)):
            code = tickets.typed_code(tickets.payload_for(s, number))
            assert code not in seen
            seen[code] = tickets.resolve_ticket(s, code, typed=True).participant_id
            assert seen[code] == pid
