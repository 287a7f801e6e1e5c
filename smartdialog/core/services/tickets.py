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

The typed code
--------------
Under every QR code a shorter code is printed for typing by hand, in four
groups of four digits::

    NNNN NNMM MMMM MMMC
    |       |        `- a Damm check digit over the 15 digits before it
    |       `- the first 9 digits of the MAC
    `- the ticket number, zero-padded

The event code is left out (a desk only ever reads its own event's tickets)
and the MAC shortened by a digit: a billion guesses per ticket, each one
logged, is plenty for a code that has to be typed.  The check digit catches
every single wrong digit and every swap of two neighbours, so that a slip of
the finger is told apart from a forged ticket.
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

from sqlalchemy import Pool, bindparam, select
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
TYPED_MAC_DIGITS: Final = MAC_DIGITS - 1
TYPED_LENGTH: Final = NUMBER_DIGITS + TYPED_MAC_DIGITS + 1
TYPED_GROUP: Final = 4

# Damm's quasigroup of order 10 (weakly totally anti-symmetric): a check digit
# over it detects all single-digit errors and all adjacent transpositions.
_DAMM: Final = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)

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
    TYPO = "typo"

    def __init__(self, reason: str, message: str, **params: object) -> None:
        super().__init__(message, **params)
        self.reason = reason


@dataclass(frozen=True)
class DecodedTicket:
    event_code: str  # "" for a typed code, which does not carry it
    ticket_number: int
    mac: str  # all MAC digits from a QR code, the first TYPED_MAC_DIGITS from a typed code


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


def damm_digit(digits: str) -> str:
    """The Damm check digit of a string of ASCII digits."""
    interim = 0
    for c in digits:
        interim = _DAMM[interim][int(c)]
    return str(interim)


def typed_code(payload: str) -> str:
    """The code printed under a QR code for typing by hand: 16 digits in groups of four."""
    if not (len(payload) == PAYLOAD_LENGTH and payload.isascii() and payload.isdigit()):
        raise ValueError("not a ticket payload")
    body = payload[CODE_DIGITS : CODE_DIGITS + NUMBER_DIGITS + TYPED_MAC_DIGITS]
    digits = body + damm_digit(body)
    return " ".join(digits[i : i + TYPED_GROUP] for i in range(0, TYPED_LENGTH, TYPED_GROUP))


def _truncated(count: int) -> TicketRejected:
    return TicketRejected(
        TicketRejected.TRUNCATED,
        QT_TRANSLATE_NOOP(
            "errors",
            "The ticket code is incomplete ({count} of {expected} digits). Scan it again, "
            "holding the ticket still.",
        ),
        count=count,
        expected=PAYLOAD_LENGTH,
    )


def _typo() -> TicketRejected:
    return TicketRejected(
        TicketRejected.TYPO,
        QT_TRANSLATE_NOOP(
            "errors",
            "Typing slip? Please check the code: it is the 16 digits under the QR code, "
            "in four groups of four.",
        ),
    )


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


def decode_payload(raw: str, *, typed: bool = False) -> DecodedTicket:
    """Read a scan or a typed code, forgiving whitespace, dashes, Tab/Enter and scanner prefixes.

    Raises TicketRejected (garbled, truncated, empty, typo); the MAC is checked
    by ``verify`` because that needs the event's secret.  ``typed``: a person
    typed it, so a short code is answered as a missing group.
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
    if len(text) == TYPED_LENGTH:
        return _decode_typed(text, typed=typed)
    if typed and len(text) < PAYLOAD_LENGTH:
        raise TicketRejected(
            TicketRejected.TRUNCATED,
            QT_TRANSLATE_NOOP(
                "errors",
                "The code has {count} digits, but the one under the QR code has {expected} "
                "(four groups of four). Is a group missing? Please check the code.",
            ),
            count=len(text),
            expected=TYPED_LENGTH,
        )
    if len(text) != PAYLOAD_LENGTH:
        raise _truncated(len(text))
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


def _decode_typed(text: str, *, typed: bool) -> DecodedTicket:
    if damm_digit(text[:-1]) != text[-1] or int(text[:NUMBER_DIGITS]) == 0:
        if not typed:  # a scanner that lost digits of a QR code
            raise _truncated(len(text))
        raise _typo()
    return DecodedTicket("", int(text[:NUMBER_DIGITS]), text[NUMBER_DIGITS:-1])


def verify(decoded: DecodedTicket, event_code: str, secret: bytes) -> None:
    """Raise TicketRejected when the ticket is another event's or its MAC is wrong."""
    if decoded.event_code and decoded.event_code != event_code:
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
    if decoded.event_code == "":  # a typed code carries the MAC's first digits
        expected = expected[:TYPED_MAC_DIGITS]
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
# them), so every scan need not read them again: one entry per open database (by its
# connection pool, which its reading and its writing sessions share).
_KEYS: weakref.WeakKeyDictionary[Pool, EventKeys] = weakref.WeakKeyDictionary()
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
    pool = s.get_bind().engine.pool
    keys = _KEYS.get(pool)
    if keys is not None:
        return keys
    event = setup.current_event(s)
    keys = EventKeys(event.id, event.code, bytes(event.ticket_secret))
    _KEYS[pool] = keys
    return keys


def payload_for(s: Session, ticket_number: int) -> str:
    keys = event_keys(s)
    return encode_payload(keys.code, keys.secret, ticket_number)


def resolve_ticket(s: Session, raw: str, *, typed: bool = False) -> TicketHolder:
    """The participant a scanned (or typed) ticket belongs to.

    Raises TicketRejected with ``reason`` garbled/truncated/empty (not a whole
    ticket code), foreign (another event's), forged (wrong MAC), unknown (a
    genuine number nobody holds, e.g. a deleted registration) or anonymised.
    A code a person typed by hand (``typed``) that fails its check is a typo,
    not a forgery: one wrong digit of a genuine code fails the MAC as well.
    """
    return holder_of(s, verified_number(s, raw, typed=typed))


def verified_number(s: Session, raw: str, *, typed: bool = False) -> int:
    """The ticket number of a genuine ticket of this event (no database read after the first).

    Raises TicketRejected as ``resolve_ticket`` does for a code that is not one.
    """
    decoded = decode_payload(raw, typed=typed)
    keys = event_keys(s)
    try:
        verify(decoded, keys.code, keys.secret)
    except TicketRejected as problem:
        if typed and problem.reason == TicketRejected.FORGED:
            raise _typo() from None
        raise
    return decoded.ticket_number


def holder_of(s: Session, ticket_number: int) -> TicketHolder:
    """The holder of a genuine ticket number; TicketRejected (unknown, anonymised) if none."""
    keys = event_keys(s)
    row = (
        s.connection()
        .execute(_HOLDER_QUERY, {"event_id": keys.event_id, "number": ticket_number})
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
            number=ticket_number,
        )
    if row.anonymised_at is not None:
        raise TicketRejected(
            TicketRejected.ANONYMISED,
            QT_TRANSLATE_NOOP(
                "errors", "The registration of ticket {number} was deleted for data protection."
            ),
            number=ticket_number,
        )
    return TicketHolder(
        row.id, row.ticket_number, row.first_name, row.last_name, row.organisation, row.source
    )
