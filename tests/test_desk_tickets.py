"""Ticket payloads: encoding, tolerant decoding, and the distinct reasons a scan is refused."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import insert

from smartdialog.core.db import Database
from smartdialog.core.models import Participant
from smartdialog.core.services import tickets
from smartdialog.core.services.tickets import TicketRejected
from smartdialog.core.text import fold

SECRET = b"k" * 32


def test_payload_is_twenty_digits_and_round_trips() -> None:
    payload = tickets.encode_payload("4711", SECRET, 17)
    assert len(payload) == 20 and payload.isdigit()
    assert payload.startswith("4711000017")
    decoded = tickets.decode_payload(payload)
    assert decoded == tickets.DecodedTicket("4711", 17, payload[10:])
    tickets.verify(decoded, "4711", SECRET)


def test_payload_differs_per_secret_and_number() -> None:
    assert tickets.encode_payload("4711", SECRET, 1) != tickets.encode_payload("4711", b"x" * 32, 1)
    assert (
        tickets.encode_payload("4711", SECRET, 1)[10:]
        != tickets.encode_payload("4711", SECRET, 2)[10:]
    )


@pytest.mark.parametrize(
    "noise",
    [
        "{p}\n",
        "{p}\r\n",
        "{p}\t",
        "  {p}  ",
        "]Q1{p}",
        "+Q1{p}",
        "{a} {b} {c}",
        "{a}-{b}-{c}",
        "\uff14\uff17\uff11\uff11{rest}",  # full-width digits from a phone's text field
    ],
)
def test_decoding_forgives_what_scanners_and_people_add(noise: str) -> None:
    p = tickets.encode_payload("4711", SECRET, 42)
    raw = noise.format(p=p, a=p[:4], b=p[4:10], c=p[10:], rest=p[4:])
    assert tickets.decode_payload(raw).ticket_number == 42


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", TicketRejected.EMPTY),
        ("\t\r\n", TicketRejected.EMPTY),
        ("Müller", TicketRejected.GARBLED),
        ("47110000Z7123456789", TicketRejected.GARBLED),
        ("4711000017123", TicketRejected.TRUNCATED),
        ("47110000171234567890123", TicketRejected.TRUNCATED),
        ("47110000001234567890", TicketRejected.GARBLED),
    ],
)
def test_bad_scans_are_refused_with_their_reason(raw: str, reason: str) -> None:
    with pytest.raises(TicketRejected) as info:
        tickets.decode_payload(raw)
    assert info.value.reason == reason


def test_encode_refuses_what_cannot_be_a_ticket() -> None:
    with pytest.raises(ValueError, match="event code must be 4 digits"):
        tickets.encode_payload("47", SECRET, 1)
    with pytest.raises(ValueError, match="ticket number out of range: 0"):
        tickets.encode_payload("4711", SECRET, 0)
    with pytest.raises(ValueError, match="ticket number out of range: 1000000"):
        tickets.encode_payload("4711", SECRET, 1_000_000)


def test_looks_like_payload_tells_tickets_from_names() -> None:
    p = tickets.encode_payload("4711", SECRET, 3)
    assert tickets.looks_like_payload(p)
    assert tickets.looks_like_payload(p[:12])
    assert not tickets.looks_like_payload("Müller")
    assert not tickets.looks_like_payload("48143")


def _participant(db: Database, number: int, first: str, last: str, **extra: object) -> uuid.UUID:
    with db.uow() as s:
        keys = tickets.event_keys(s)
        pid = uuid.uuid4()
        s.execute(
            insert(Participant).values(
                id=pid,
                device_id=db.device.id,
                event_id=keys.event_id,
                ticket_number=number,
                first_name=first,
                last_name=last,
                search_key=fold(f"{first} {last}"),
                **extra,
            )
        )
    return pid


def test_resolve_finds_the_holder(db: Database) -> None:
    pid = _participant(db, 17, "Jürgen", "Müller", organisation="Seniorenrat")
    with db.read() as s:
        holder = tickets.resolve_ticket(s, tickets.payload_for(s, 17) + "\n")
    assert holder.participant_id == pid
    assert holder.display_name == "Müller, Jürgen"
    assert holder.full_name == "Jürgen Müller"


def test_resolve_tells_forged_foreign_and_unknown_apart(db: Database) -> None:
    _participant(db, 1, "Anna", "Kaya")
    with db.read() as s:
        secret = tickets.event_keys(s).secret
        genuine = tickets.payload_for(s, 1)
        forged = genuine[:-1] + str((int(genuine[-1]) + 1) % 10)
        cases = {
            forged: TicketRejected.FORGED,
            tickets.encode_payload("1234", secret, 1): TicketRejected.FOREIGN,
            tickets.payload_for(s, 99): TicketRejected.UNKNOWN,
            genuine[:15]: TicketRejected.TRUNCATED,
        }
        for raw, reason in cases.items():
            with pytest.raises(TicketRejected) as info:
                tickets.resolve_ticket(s, raw)
            assert info.value.reason == reason, raw


def test_a_forged_ticket_message_names_no_secret(db: Database) -> None:
    with db.read() as s:
        payload = tickets.payload_for(s, 5)
    with pytest.raises(TicketRejected) as info, db.read() as s:
        tickets.resolve_ticket(s, payload[:10] + "0000000000")
    assert "genuine" in info.value.english()
