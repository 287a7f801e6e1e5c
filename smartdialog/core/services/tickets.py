"""Ticket payloads: what a ticket's (and a badge's) QR code carries, and how a scan is read.

A payload is 20 digits and nothing personal::

    EEEE NNNNNN MMMMMMMMMM
    |    |      `- MAC: HMAC-SHA256(event secret, "EEEE:NNNNNN"), first 8 bytes mod 10**10
    |    `- the ticket number, zero-padded
    `- the event code

Digits only, because a USB scanner is a keyboard: set to a US layout on a German
QWERTZ laptop it swaps Y and Z and mangles punctuation, but the digit row is the
same on every layout, and QR numeric mode keeps the code small (version 1).  The
MAC lets a desk refuse forged tickets and other events' tickets without a network.

Used by the desk (check-in) and the voting station (which scans the badge's QR).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
import uuid
import weakref
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import Session

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.models import Participant
from smartdialog.core.services import setup
from smartdialog.core.text import full_name, listed_name

CODE_DIGITS: Final = 4
NUMBER_DIGITS: Final = 6
MAC_DIGITS: Final = 10
PAYLOAD_LENGTH: Final = CODE_DIGITS + NUMBER_DIGITS + MAC_DIGITS
MAX_TICKET_NUMBER: Final = 10**NUMBER_DIGITS - 1

# Everything a scanner or a keyboard layout may add around the digits: whitespace,
# Tab/Enter, the AIM symbology prefix "]Q1" (which a US-layout scanner types as
# "+Q1" on a German layout), dashes and dots a person adds when typing by hand.
_NOISE = re.compile(r"[\s\-.·/]+")
_AIM_PREFIX = re.compile(r"^[\]+#*]Q\d", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


class TicketRejected(DomainError):
    """A scan that is not a valid ticket of this event.  ``reason`` tells the kind."""

    GARBLED = "garbled"
    TRUNCATED = "truncated"
    FORGED = "forged"
    FOREIGN = "foreign"
    UNKNOWN = "unknown"
    EMPTY = "empty"
    ANONYMISED = "anonymised"

    def __init__(self, reason: str, message: str, **params: object) -> None:
        super().__init__(message, **params)
        self.reason = reason


@dataclass(frozen=True)
class DecodedTicket:
    event_code: str
    ticket_number: int
    mac: str


@dataclass(frozen=True)
class TicketHolder:
    """The participant a valid ticket belongs to (plain values, no session)."""

    participant_id: uuid.UUID
    ticket_number: int
    first_name: str
    last_name: str
    organisation: str
    source: str

    @property
    def display_name(self) -> str:
        return listed_name(self.first_name, self.last_name)

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)


def ticket_mac(event_code: str, secret: bytes, ticket_number: int) -> str:
    message = f"{event_code}:{ticket_number:0{NUMBER_DIGITS}d}".encode("ascii")
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**MAC_DIGITS:0{MAC_DIGITS}d}"


def encode_payload(event_code: str, secret: bytes, ticket_number: int) -> str:
    """The 20 digits printed into a ticket's QR code."""
    if not (len(event_code) == CODE_DIGITS and event_code.isascii() and event_code.isdigit()):
        raise ValueError(f"event code must be {CODE_DIGITS} digits, not {event_code!r}")
    if not 1 <= ticket_number <= MAX_TICKET_NUMBER:
        raise ValueError(f"ticket number out of range: {ticket_number}")
    mac = ticket_mac(event_code, secret, ticket_number)
    return f"{event_code}{ticket_number:0{NUMBER_DIGITS}d}{mac}"


def normalise(raw: str) -> str:
    """The scan without what scanners, layouts and people add around the digits."""
    text = _NOISE.sub("", raw)
    text = _AIM_PREFIX.sub("", text)
    # Full-width or other Unicode decimal digits (a phone's text field) become ASCII; "²" or
    # "①" are digits to isdigit() but no decimal digit (int() refuses them): they stay, and the
    # code is then simply not a ticket.
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text
    )


def looks_like_payload(raw: str) -> bool:
    """True when the input is shaped like a ticket (mostly digits), even if garbled.

    The desk uses this to tell a hand-typed ticket from a name search.
    """
    text = normalise(raw)
    if len(text) < 8:
        return False
    digits = sum(c.isdigit() for c in text)
    return digits >= 0.8 * len(text)


def decode_payload(raw: str) -> DecodedTicket:
    """Read a scan, forgiving stray whitespace, Tab/Enter and scanner prefixes.

    Raises TicketRejected (garbled, truncated, empty); the MAC is checked by
    ``verify`` because that needs the event's secret.
    """
    text = normalise(raw)
    if not text:
        raise TicketRejected(
            TicketRejected.EMPTY,
            QT_TRANSLATE_NOOP("errors", "The scan was empty. Scan the ticket again."),
        )
    if not (text.isascii() and text.isdigit()):
        raise TicketRejected(
            TicketRejected.GARBLED,
            QT_TRANSLATE_NOOP(
                "errors",
                "This is not a ticket code (“{shown}”). Scan the ticket's QR code again, "
                "or type the person's name.",
            ),
            shown=_shown(raw),
        )
    if len(text) != PAYLOAD_LENGTH:
        raise TicketRejected(
            TicketRejected.TRUNCATED,
            QT_TRANSLATE_NOOP(
                "errors",
                "The ticket code is incomplete ({count} of {expected} digits). Scan it again, "
                "holding the ticket still.",
            ),
            count=len(text),
            expected=PAYLOAD_LENGTH,
        )
    code = text[:CODE_DIGITS]
    number = int(text[CODE_DIGITS : CODE_DIGITS + NUMBER_DIGITS])
    mac = text[CODE_DIGITS + NUMBER_DIGITS :]
    if number == 0:
        raise TicketRejected(
            TicketRejected.GARBLED,
            QT_TRANSLATE_NOOP(
                "errors",
                "This is not a ticket code (“{shown}”). Scan the ticket's QR code again, "
                "or type the person's name.",
            ),
            shown=_shown(raw),
        )
    return DecodedTicket(code, number, mac)


def verify(decoded: DecodedTicket, event_code: str, secret: bytes) -> None:
    """Raise TicketRejected when the ticket is another event's or its MAC is wrong."""
    if decoded.event_code != event_code:
        raise TicketRejected(
            TicketRejected.FOREIGN,
            QT_TRANSLATE_NOOP(
                "errors",
                "This ticket belongs to another event (event code {code}). Please ask the person "
                "for the ticket of this event.",
            ),
            code=decoded.event_code,
        )
    expected = ticket_mac(event_code, secret, decoded.ticket_number)
    if not hmac.compare_digest(expected, decoded.mac):
        raise TicketRejected(
            TicketRejected.FORGED,
            QT_TRANSLATE_NOOP(
                "errors",
                "This ticket is not genuine: its security code does not match. Check the "
                "person's name and find them by name instead.",
            ),
        )


def _shown(raw: str) -> str:
    printable = "".join(c for c in raw if c.isprintable()).strip()
    return printable if len(printable) <= 30 else printable[:29] + "…"


@dataclass(frozen=True)
class EventKeys:
    event_id: uuid.UUID
    code: str
    secret: bytes


# An event's id, code and secret never change once it exists (setup cannot edit
# them), so every scan need not read them again: one entry per open database.
_KEYS: weakref.WeakKeyDictionary[Engine, EventKeys] = weakref.WeakKeyDictionary()
_PARTICIPANTS = Participant.__table__
# Built once: the hot path of every scan binds parameters only.
_HOLDER_QUERY = select(
    _PARTICIPANTS.c.id,
    _PARTICIPANTS.c.ticket_number,
    _PARTICIPANTS.c.first_name,
    _PARTICIPANTS.c.last_name,
    _PARTICIPANTS.c.organisation,
    _PARTICIPANTS.c.source,
    _PARTICIPANTS.c.anonymised_at,
).where(
    _PARTICIPANTS.c.event_id == bindparam("event_id"),
    _PARTICIPANTS.c.ticket_number == bindparam("number"),
)


def event_keys(s: Session) -> EventKeys:
    """The event's id, code and ticket secret (read once per database)."""
    engine = s.get_bind().engine
    keys = _KEYS.get(engine)
    if keys is not None:
        return keys
    event = setup.current_event(s)
    keys = EventKeys(event.id, event.code, bytes(event.ticket_secret))
    _KEYS[engine] = keys
    return keys


def payload_for(s: Session, ticket_number: int) -> str:
    keys = event_keys(s)
    return encode_payload(keys.code, keys.secret, ticket_number)


def resolve_ticket(s: Session, raw: str) -> TicketHolder:
    """The participant a scanned ticket belongs to.

    Raises TicketRejected with ``reason`` garbled/truncated/empty (not a whole
    ticket code), foreign (another event's), forged (wrong MAC), unknown (a
    genuine number nobody holds, e.g. a deleted registration) or anonymised.
    """
    decoded = decode_payload(raw)
    keys = event_keys(s)
    verify(decoded, keys.code, keys.secret)
    row = (
        s.connection()
        .execute(_HOLDER_QUERY, {"event_id": keys.event_id, "number": decoded.ticket_number})
        .first()
    )
    if row is None:
        raise TicketRejected(
            TicketRejected.UNKNOWN,
            QT_TRANSLATE_NOOP(
                "errors",
                "Ticket {number} is genuine but belongs to nobody registered (any more). "
                "Find the person by name or register them as a walk-in.",
            ),
            number=decoded.ticket_number,
        )
    if row.anonymised_at is not None:
        raise TicketRejected(
            TicketRejected.ANONYMISED,
            QT_TRANSLATE_NOOP(
                "errors", "The registration of ticket {number} was deleted for data protection."
            ),
            number=decoded.ticket_number,
        )
    return TicketHolder(
        row.id, row.ticket_number, row.first_name, row.last_name, row.organisation, row.source
    )
