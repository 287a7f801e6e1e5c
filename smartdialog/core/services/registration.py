"""Participants: finding them by name, registering walk-ins, spotting people registered twice."""

from __future__ import annotations

import bisect
import functools
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.core.models import CheckIn, Event, Participant
from smartdialog.core.services import audit, tickets
from smartdialog.core.text import clean_line, fold, full_name, listed_name

SEARCH_LIMIT: Final = 50
MIN_QUERY: Final = 3
NAME_LIMIT: Final = 200
EMAIL_LIMIT: Final = 320
ORGANISATION_LIMIT: Final = 300

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTCODE = re.compile(r"^\d{5}$")
_PUNCTUATION = re.compile(r"[,;.:/()\[\]\"]+")


@dataclass(frozen=True)
class PersonRow:
    """A participant as the desk lists it (plain values)."""

    participant_id: uuid.UUID
    ticket_number: int
    first_name: str
    last_name: str
    organisation: str
    email: str
    postcode: str
    source: str
    present_since: datetime | None
    present_desk: str

    @property
    def display_name(self) -> str:
        return listed_name(self.first_name, self.last_name)

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)


@dataclass(frozen=True)
class Consents:
    data: bool = True
    photos: bool = False
    contact: bool = False
    attribution: bool = False


@dataclass(frozen=True)
class WalkIn:
    first_name: str
    last_name: str
    email: str = ""
    organisation: str = ""
    postcode: str = ""
    district: str = ""
    consents: Consents = Consents()


def _person_columns() -> tuple[object, ...]:
    return (
        Participant.id,
        Participant.ticket_number,
        Participant.first_name,
        Participant.last_name,
        Participant.organisation,
        Participant.email,
        Participant.postcode,
        Participant.source,
        CheckIn.at,
        CheckIn.desk,
    )


def _rows(s: Session, query: object) -> list[PersonRow]:
    return [PersonRow(*row) for row in s.execute(query)]  # type: ignore[call-overload]


def _with_presence(where: object) -> object:
    return (
        select(*_person_columns())  # type: ignore[call-overload]
        .outerjoin(
            CheckIn, and_(CheckIn.participant_id == Participant.id, CheckIn.annulled_at.is_(None))
        )
        .where(where, Participant.anonymised_at.is_(None))
    )


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


MAX_WORDS: Final = 4


@functools.cache
def _search_statement(words: int) -> Any:
    """The search for ``words`` words, built once: each keystroke binds its patterns only.

    The 50 best matches are chosen first and only they are joined with their
    check-ins.  No filter on the event: a database holds one event, and the
    filter would steer SQLite onto an index that does not hold the search key.
    """
    p = Participant.__table__.c
    c = CheckIn.__table__.c
    conditions = [p.search_key.like(bindparam(f"w{i}"), escape="\\") for i in range(words)]
    # A word that starts where the query starts ("mull" in "jurgen muller") ranks
    # above one found in the middle of a word ("schmuller").
    rank = case(
        (
            or_(
                p.search_key.like(bindparam("start"), escape="\\"),
                p.search_key.like(bindparam("word_start"), escape="\\"),
            ),
            0,
        ),
        else_=1,
    )
    # Ordered by the labels, so that each key is computed once per matching row.
    rank_key = rank.label("rank")
    last_key = func.lower(p.last_name).label("last_key")
    first_key = func.lower(p.first_name).label("first_key")
    best = (
        select(
            p.id,
            p.ticket_number,
            p.first_name,
            p.last_name,
            p.organisation,
            p.email,
            p.postcode,
            p.source,
            rank_key,
            last_key,
            first_key,
        )
        .where(p.anonymised_at.is_(None), *conditions)
        .order_by(rank_key, last_key, first_key, p.ticket_number)
        .limit(bindparam("limit"))
        .subquery("best")
    )
    b = best.c
    return (
        select(
            b.id,
            b.ticket_number,
            b.first_name,
            b.last_name,
            b.organisation,
            b.email,
            b.postcode,
            b.source,
            c.at,
            c.desk,
        )
        .outerjoin(CheckIn.__table__, and_(c.participant_id == b.id, c.annulled_at.is_(None)))
        .order_by(b.rank, b.last_key, b.first_key, b.ticket_number)
    )


def search(s: Session, query: str, limit: int = SEARCH_LIMIT) -> list[PersonRow]:
    """People whose name or organisation contains every word of ``query``.

    Forgives case, umlauts, ß and diacritics ("mull", "Mueller" and "MÜLLER"
    find Müller).  Words that start where the query starts come first.  A
    query of digits finds the ticket number.  Fewer than three letters find
    nobody (the desk would list half the hall).
    """
    # "Müller, J." is typed as often as "Jürgen Müller": punctuation only separates words.
    words = _query_words(query)
    if len(words) == 1 and words[0].isdecimal():  # int() reads decimals only, not "⓿"
        number = int(words[0])
        return (
            _rows(s, _with_presence(Participant.ticket_number == number)) if number <= 10**9 else []
        )
    if not words or len("".join(words)) < MIN_QUERY:
        return []
    params: dict[str, Any] = {f"w{i}": f"%{escape_like(w)}%" for i, w in enumerate(words)}
    params |= {
        "limit": limit,
        "start": f"{escape_like(words[0])}%",
        "word_start": f"% {escape_like(words[0])}%",
    }
    rows = s.connection().execute(_search_statement(len(words)), params)
    return [PersonRow(*row) for row in rows]


def _query_words(query: str) -> list[str]:
    key = _PUNCTUATION.sub(" ", fold(query)).strip()
    return [w for w in key.split(" ") if w][:MAX_WORDS]


class SearchIndex:
    """Every participant's search key in memory, for the desk's search-as-you-type.

    A keystroke filters 10,000 keys in Python in about a millisecond, where the
    database scans the table each time; only the people shown are read from the
    database, with their names and presence as they are now.  The keys follow
    the data through ``invalidate()``, which the desk calls when the change feed
    reports new or changed registrations (check-ins change no key).
    """

    def __init__(self) -> None:
        self._ids: list[uuid.UUID] = []
        self._keys: list[str] = []
        self._orders: list[tuple[str, str, int]] = []
        # All keys in one string, one per line, and where each begins: str.find
        # runs through it at C speed, where a Python loop visits every key.
        self._blob = ""
        self._starts: list[int] = []
        self._loaded = False

    def invalidate(self) -> None:
        self._loaded = False

    def _load(self, s: Session) -> None:
        if self._loaded:
            return
        p = Participant.__table__.c
        rows = s.connection().execute(
            select(p.id, p.search_key, p.last_name, p.first_name, p.ticket_number).where(
                p.anonymised_at.is_(None)
            )
        )
        self._ids, self._keys, self._orders, self._starts = [], [], [], []
        folded = functools.lru_cache(maxsize=None)(fold)  # first and last names repeat
        offset = 0
        for r in rows:
            self._ids.append(r.id)
            self._keys.append(r.search_key)
            self._orders.append((folded(r.last_name), folded(r.first_name), r.ticket_number))
            self._starts.append(offset)
            offset += len(r.search_key) + 1
        self._blob = "\n".join(self._keys)
        self._loaded = True

    def _containing(self, word: str) -> list[int]:
        """The indices of the keys that contain ``word`` (which holds no line break)."""
        blob, starts = self._blob, self._starts
        found: list[int] = []
        position = blob.find(word)
        while position != -1:
            index = bisect.bisect_right(starts, position) - 1
            found.append(index)
            if index + 1 >= len(starts):
                break
            position = blob.find(word, starts[index + 1])
        return found

    def search(self, s: Session, query: str, limit: int = SEARCH_LIMIT) -> list[PersonRow]:
        """The same people as ``search`` finds, in the same rank order (names sorted Unicode-aware)."""
        words = _query_words(query)
        if len(words) == 1 and words[0].isdecimal():  # int() reads decimals only, not "⓿"
            return search(s, query, limit)
        if not words or len("".join(words)) < MIN_QUERY:
            return []
        self._load(s)
        keys = self._keys
        # The longest word first: it leaves the fewest rows for the others.
        longest, *others = sorted(words, key=len, reverse=True)
        hits = self._containing(longest)
        for word in others:
            hits = [i for i in hits if word in keys[i]]
        first, word_start = words[0], " " + words[0]
        matches = sorted(
            (0 if keys[i].startswith(first) or word_start in keys[i] else 1, self._orders[i], i)
            for i in hits
        )
        chosen = [self._ids[i] for _rank, _order, i in matches[:limit]]
        if not chosen:
            return []
        found = {
            row.participant_id: row for row in _rows(s, _with_presence(Participant.id.in_(chosen)))
        }
        # Someone deleted since the keys were read is left out, not shown stale.
        return [found[pid] for pid in chosen if pid in found]


def get_person(s: Session, participant_id: uuid.UUID) -> PersonRow:
    rows = _rows(s, _with_presence(Participant.id == participant_id))
    if not rows:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This registration no longer exists. It may have been removed on another laptop.",
            )
        )
    return rows[0]


def possible_duplicates(
    s: Session, first_name: str, last_name: str, email: str = "", postcode: str = ""
) -> list[PersonRow]:
    """People who may be the same as the one about to be registered.

    The same e-mail address, or the same name (folded: "Mueller" is "Müller")
    with the same postcode or without one on either side.
    """
    event_id = tickets.event_keys(s).event_id
    first, last = fold(first_name), fold(last_name)
    email = email.strip().casefold()
    postcode = postcode.strip()
    alternatives = []
    if email:
        alternatives.append(func.lower(Participant.email) == email)
    if first and last:
        same_name = Participant.search_key.like(
            f"{escape_like(first)} {escape_like(last)}%", escape="\\"
        )
        if postcode:
            alternatives.append(
                and_(same_name, or_(Participant.postcode == postcode, Participant.postcode == ""))
            )
        else:
            alternatives.append(same_name)
    elif last:
        alternatives.append(Participant.search_key.like(f"% {escape_like(last)}%", escape="\\"))
    if not alternatives:
        return []
    query = _with_presence(and_(Participant.event_id == event_id, or_(*alternatives)))
    return _rows(s, query.order_by(Participant.ticket_number).limit(10))  # type: ignore[attr-defined]


def allocate_ticket_numbers(s: Session, count: int) -> int:
    """Reserve ``count`` consecutive ticket numbers; returns the first.

    One UPDATE … RETURNING, so that two desks registering walk-ins at the same
    moment never get the same number (the row lock serialises them).
    """
    if count < 1:
        raise ValueError("count must be positive")
    event_id = tickets.event_keys(s).event_id
    after = s.execute(
        update(Event)
        .where(Event.id == event_id)
        .values(next_ticket_number=Event.next_ticket_number + count)
        .returning(Event.next_ticket_number)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    first = int(after) - count
    if first + count - 1 > tickets.MAX_TICKET_NUMBER:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This event has run out of ticket numbers."))
    return first


def clean_person(
    first_name: str, last_name: str, email: str, organisation: str, postcode: str, district: str
) -> tuple[str, str, str, str, str, str]:
    """The person's details trimmed and checked; raises DomainError with what to fix."""
    first = clean_line(first_name, limit=NAME_LIMIT + 1)
    last = clean_line(last_name, limit=NAME_LIMIT + 1)
    if not first and not last:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Enter the person's name."))
    if len(first) > NAME_LIMIT or len(last) > NAME_LIMIT:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The name is longer than {limit} characters."),
            limit=NAME_LIMIT,
        )
    email = clean_line(email, limit=EMAIL_LIMIT + 1)
    if email and (len(email) > EMAIL_LIMIT or not _EMAIL.match(email)):
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "“{email}” is not an e-mail address."), email=email[:60]
        )
    postcode = clean_line(postcode, limit=11)
    if postcode and not _POSTCODE.match(postcode):
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "“{postcode}” is not a German postcode (five digits)."),
            postcode=postcode,
        )
    return (
        first,
        last,
        email,
        clean_line(organisation, limit=ORGANISATION_LIMIT),
        postcode,
        clean_line(district, limit=120),
    )


def register_walk_in(s: Session, person: WalkIn) -> PersonRow:
    """Register someone who came without registering; they get the next ticket number."""
    first, last, email, organisation, postcode, district = clean_person(
        person.first_name,
        person.last_name,
        person.email,
        person.organisation,
        person.postcode,
        person.district,
    )
    if not person.consents.data:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Without consent to the processing of their data the person cannot be registered. "
                "They can still take part without registration.",
            )
        )
    event_id = tickets.event_keys(s).event_id
    at = now()
    participant = Participant(
        event_id=event_id,
        ticket_number=allocate_ticket_numbers(s, 1),
        first_name=first,
        last_name=last,
        email=email,
        organisation=organisation,
        postcode=postcode,
        district=district,
        source="walkin",
        search_key=fold(f"{first} {last} {organisation}"),
        consent_data_at=at,
        consent_photos_at=at if person.consents.photos else None,
        consent_contact_at=at if person.consents.contact else None,
        consent_attribution_at=at if person.consents.attribution else None,
    )
    s.add(participant)
    s.flush()
    audit.record(
        s, Action.PARTICIPANT_WALKIN, "participant", participant.id, str(participant.ticket_number)
    )
    return get_person(s, participant.id)


# -- naming a participant as an idea's author --------------------------------------------------


def may_be_named() -> ColumnElement[bool]:
    """Who may be named as an idea's author: consented, and not anonymised since (DESIGN 7)."""
    return and_(
        Participant.consent_attribution_at.is_not(None), Participant.anonymised_at.is_(None)
    )


def author_name(first: str, last: str) -> str:
    """An author as the ideas, the wall and the minutes name them: "Jürgen Müller"."""
    return full_name(clean_line(first, limit=NAME_LIMIT), clean_line(last, limit=NAME_LIMIT))


def author_names(s: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The names of those among ``ids`` who may be named as authors, and only theirs."""
    wanted = list(set(ids))
    names: dict[uuid.UUID, str] = {}
    # Chunks keep the IN lists within every backend's parameter limit.
    for start in range(0, len(wanted), 500):
        rows = s.execute(
            select(Participant.id, Participant.first_name, Participant.last_name).where(
                Participant.id.in_(wanted[start : start + 500]), may_be_named()
            )
        )
        names.update((pid, author_name(first, last)) for pid, first, last in rows)
    return names
