"""Event setup: the event's details, its fields of action, topics and stations."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smartdialog.core import clock
from smartdialog.core.changes import Action
from smartdialog.core.errors import QT_TRANSLATE_NOOP, AccessDenied, DomainError, NotFoundError
from smartdialog.core.models import Event, FieldOfAction, Idea, Station, Topic
from smartdialog.core.services import audit
from smartdialog.core.text import clean_line

# The fields of action of council resolution V/0164/2018 (Smart City Münster),
# each with a colour that stays readable on a projector.
DEFAULT_FIELDS: tuple[tuple[str, str], ...] = (
    ("Mobilität", "#1e88e5"),
    ("Wirtschaftsstandort", "#8e24aa"),
    ("Intelligente Bürgerdienste", "#00897b"),
    ("Wissenschaft und Bildung", "#f4511e"),
    ("Ressourcenmanagement", "#43a047"),
    ("Gesundheitsversorgung", "#e53935"),
    ("Wohnformen", "#fb8c00"),
)
# Offered for new fields, in turn.
PALETTE: tuple[str, ...] = (
    "#3949ab",
    "#6d4c41",
    "#c0ca33",
    "#d81b60",
    "#546e7a",
    "#00acc1",
    "#7cb342",
    "#5e35b1",
)

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
NAME_LIMIT = 120


@dataclass(frozen=True)
class EventInfo:
    id: uuid.UUID
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    venue: str
    organiser: str
    council_reference: str
    moderation: str
    guiding_question: str
    code: str
    default_dots_per_participant: int
    default_max_dots_per_idea: int
    min_group_size: int
    minutes_status: str
    time_zone: str


EDITABLE_EVENT_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "venue",
    "organiser",
    "council_reference",
    "moderation",
    "guiding_question",
    "default_dots_per_participant",
    "default_max_dots_per_idea",
    "min_group_size",
    "time_zone",
)


@dataclass(frozen=True)
class FieldInfo:
    id: uuid.UUID
    name: str
    description: str
    colour: str
    position: int


@dataclass(frozen=True)
class TopicInfo:
    id: uuid.UUID
    field_id: uuid.UUID
    question: str
    position: int


@dataclass(frozen=True)
class StationInfo:
    id: uuid.UUID
    name: str
    field_id: uuid.UUID | None
    facilitators: str
    position: int


def _event_info(e: Event) -> EventInfo:
    return EventInfo(**{f.name: getattr(e, f.name) for f in fields(EventInfo)})


def _field_info(f: FieldOfAction) -> FieldInfo:
    return FieldInfo(f.id, f.name, f.description, f.colour, f.position)


def _station_info(st: Station) -> StationInfo:
    return StationInfo(st.id, st.name, st.field_id, st.facilitators, st.position)


# -- the event -------------------------------------------------------------------------


def new_event_code() -> str:
    """Four digits that tell this event's tickets from other events' (never 0 first)."""
    return str(secrets.randbelow(9000) + 1000)


def create_event(
    s: Session,
    title: str,
    *,
    with_default_fields: bool = True,
    code: str | None = None,
    **details: Any,
) -> EventInfo:
    """Create the event of this database, with the resolution's fields of action."""
    if s.scalar(select(func.count()).select_from(Event)):
        raise DomainError(QT_TRANSLATE_NOOP("errors", "This event file already holds an event."))
    event = Event(
        title=_required_title(title),
        code=code or new_event_code(),
        ticket_secret=secrets.token_bytes(32),
    )
    _apply_event_changes(event, details)
    s.add(event)
    s.flush()
    if with_default_fields:
        for position, (name, colour) in enumerate(DEFAULT_FIELDS):
            s.add(FieldOfAction(event_id=event.id, name=name, colour=colour, position=position))
    audit.record(s, Action.EVENT_CREATED, "event", event.id, event.title)
    s.flush()
    clock.use_zone(event.time_zone or clock.DEFAULT_ZONE)
    return _event_info(event)


def current_event(s: Session) -> Event:
    """The event of this database (one database holds one event)."""
    event = s.scalars(select(Event).order_by(Event.created_at).limit(1)).first()
    if event is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This file holds no event yet."))
    return event


def get_event(s: Session) -> EventInfo:
    return _event_info(current_event(s))


def update_event(s: Session, **changes: Any) -> EventInfo:
    event = current_event(s)
    _apply_event_changes(event, changes)
    audit.record(s, Action.EVENT_UPDATED, "event", event.id, ", ".join(sorted(changes)))
    s.flush()
    clock.use_zone(event.time_zone)
    return _event_info(event)


def _required_title(title: str) -> str:
    cleaned = clean_line(title, limit=200)
    if not cleaned:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Enter a title for the event."))
    return cleaned


def _apply_event_changes(event: Event, changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(EDITABLE_EVENT_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    for name, value in changes.items():
        if name == "title":
            value = _required_title(value)
        elif name in ("starts_at", "ends_at"):
            if value is not None and value.tzinfo is None:
                raise ValueError("event times must be timezone-aware")
        elif name in (
            "default_dots_per_participant",
            "default_max_dots_per_idea",
            "min_group_size",
        ):
            if not isinstance(value, int) or not 1 <= value <= 100:
                raise DomainError(
                    QT_TRANSLATE_NOOP("errors", "Enter a whole number from 1 to 100.")
                )
        elif name == "guiding_question":
            value = str(value).strip()[:4000]
        elif name == "time_zone":
            if not isinstance(value, str) or not clock.is_known_zone(value):
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Choose a time zone from the list, for example Europe/Berlin."
                    )
                )
        else:
            value = clean_line(str(value), limit=200)
        setattr(event, name, value)
    starts, ends = event.starts_at, event.ends_at
    if starts is not None and ends is not None and ends < starts:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The event cannot end before it begins. Check the times.")
        )


# -- fields of action --------------------------------------------------------------------


def list_fields(s: Session, *, include_archived: bool = False) -> list[FieldInfo]:
    query = select(FieldOfAction).order_by(FieldOfAction.position, FieldOfAction.name)
    if not include_archived:
        query = query.where(FieldOfAction.archived.is_(False))
    return [_field_info(f) for f in s.scalars(query)]


def _field(s: Session, field_id: uuid.UUID) -> FieldOfAction:
    field = s.get(FieldOfAction, field_id)
    if field is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This field of action no longer exists. It may have been removed on another laptop.",
            )
        )
    return field


def _field_name(
    s: Session, event_id: uuid.UUID, name: str, *, except_id: uuid.UUID | None = None
) -> str:
    cleaned = clean_line(name, limit=NAME_LIMIT)
    if not cleaned:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Enter a name for the field of action."))
    query = select(FieldOfAction.id).where(
        FieldOfAction.event_id == event_id, func.lower(FieldOfAction.name) == cleaned.lower()
    )
    if except_id is not None:
        query = query.where(FieldOfAction.id != except_id)
    if s.scalar(query) is not None:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "A field of action named “{name}” exists already."),
            name=cleaned,
        )
    return cleaned


def _colour(colour: str) -> str:
    if not _COLOUR.match(colour):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "“{colour}” is not a colour. Pick one from the colour dialog."
            ),
            colour=colour,
        )
    return colour.lower()


def add_field(
    s: Session, name: str, *, colour: str | None = None, description: str = ""
) -> FieldInfo:
    event = current_event(s)
    count = (
        s.scalar(
            select(func.count())
            .select_from(FieldOfAction)
            .where(FieldOfAction.event_id == event.id)
        )
        or 0
    )
    field = FieldOfAction(
        event_id=event.id,
        name=_field_name(s, event.id, name),
        colour=_colour(colour or PALETTE[count % len(PALETTE)]),
        description=description.strip()[:4000],
        position=_next_position(s, FieldOfAction.position, FieldOfAction.event_id == event.id),
    )
    s.add(field)
    s.flush()
    audit.record(s, Action.FIELD_ADDED, "field", field.id, field.name)
    return _field_info(field)


def update_field(
    s: Session,
    field_id: uuid.UUID,
    *,
    name: str | None = None,
    colour: str | None = None,
    description: str | None = None,
) -> FieldInfo:
    field = _field(s, field_id)
    if name is not None:
        field.name = _field_name(s, field.event_id, name, except_id=field.id)
    if colour is not None:
        field.colour = _colour(colour)
    if description is not None:
        field.description = description.strip()[:4000]
    s.flush()
    audit.record(s, Action.FIELD_UPDATED, "field", field.id, field.name)
    return _field_info(field)


def reorder_fields(s: Session, ordered_ids: list[uuid.UUID]) -> list[FieldInfo]:
    """Put the fields in the given order (all of them, each once)."""
    event = current_event(s)
    rows = {
        f.id: f for f in s.scalars(select(FieldOfAction).where(FieldOfAction.event_id == event.id))
    }
    if set(ordered_ids) != set(rows) or len(ordered_ids) != len(rows):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "The fields of action were changed on another laptop. Try again."
            )
        )
    for position, field_id in enumerate(ordered_ids):
        rows[field_id].position = position
    s.flush()
    audit.record(s, Action.FIELD_REORDERED, "event", event.id)
    return list_fields(s)


def move_field(s: Session, field_id: uuid.UUID, offset: int) -> list[FieldInfo]:
    """Move a field up (negative offset) or down in the order."""
    order = [f.id for f in list_fields(s, include_archived=True)]
    index = order.index(_field(s, field_id).id)
    target = max(0, min(len(order) - 1, index + offset))
    order.insert(target, order.pop(index))
    return reorder_fields(s, order)


def remove_field(s: Session, field_id: uuid.UUID) -> None:
    """Remove a field that holds no ideas yet; one with ideas can only be renamed."""
    field = _field(s, field_id)
    ideas = s.scalar(select(func.count()).select_from(Idea).where(Idea.field_id == field.id)) or 0
    if ideas:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "“{name}” already holds {count} ideas and cannot be removed. Rename it instead.",
            ),
            name=field.name,
            count=ideas,
        )
    for station in s.scalars(select(Station).where(Station.field_id == field.id)):
        station.field_id = None
    audit.record(s, Action.FIELD_REMOVED, "field", field.id, field.name)
    s.delete(field)
    s.flush()


# -- topics (guiding questions) -------------------------------------------------------------


def list_topics(s: Session, field_id: uuid.UUID | None = None) -> list[TopicInfo]:
    query = select(Topic).order_by(Topic.position)
    if field_id is not None:
        query = query.where(Topic.field_id == field_id)
    return [TopicInfo(t.id, t.field_id, t.question, t.position) for t in s.scalars(query)]


def _topic_text(question: str) -> str:
    cleaned = clean_line(question, limit=500)
    if not cleaned:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Enter the guiding question."))
    return cleaned


def add_topic(s: Session, field_id: uuid.UUID, question: str) -> TopicInfo:
    field = _field(s, field_id)
    topic = Topic(
        field_id=field.id,
        question=_topic_text(question),
        position=_next_position(s, Topic.position, Topic.field_id == field.id),
    )
    s.add(topic)
    s.flush()
    audit.record(s, Action.TOPIC_ADDED, "topic", topic.id, topic.question)
    return TopicInfo(topic.id, topic.field_id, topic.question, topic.position)


def update_topic(s: Session, topic_id: uuid.UUID, question: str) -> TopicInfo:
    topic = s.get(Topic, topic_id)
    if topic is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This guiding question no longer exists."))
    topic.question = _topic_text(question)
    audit.record(s, Action.TOPIC_UPDATED, "topic", topic.id, topic.question)
    s.flush()
    return TopicInfo(topic.id, topic.field_id, topic.question, topic.position)


def remove_topic(s: Session, topic_id: uuid.UUID) -> None:
    topic = s.get(Topic, topic_id)
    if topic is None:
        return
    audit.record(s, Action.TOPIC_REMOVED, "topic", topic.id, topic.question)
    s.delete(topic)
    s.flush()


# -- stations (thematic tables) ---------------------------------------------------------------


def list_stations(s: Session) -> list[StationInfo]:
    return [
        _station_info(st)
        for st in s.scalars(select(Station).order_by(Station.position, Station.name))
    ]


def _station_name(
    s: Session, event_id: uuid.UUID, name: str, *, except_id: uuid.UUID | None = None
) -> str:
    cleaned = clean_line(name, limit=NAME_LIMIT)
    if not cleaned:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Enter a name for the table."))
    query = select(Station.id).where(
        Station.event_id == event_id, func.lower(Station.name) == cleaned.lower()
    )
    if except_id is not None:
        query = query.where(Station.id != except_id)
    if s.scalar(query) is not None:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "A table named “{name}” exists already."), name=cleaned
        )
    return cleaned


def add_station(
    s: Session, name: str, *, field_id: uuid.UUID | None = None, facilitators: str = ""
) -> StationInfo:
    event = current_event(s)
    if field_id is not None:
        _field(s, field_id)
    station = Station(
        event_id=event.id,
        name=_station_name(s, event.id, name),
        field_id=field_id,
        facilitators=clean_line(facilitators, limit=500),
        position=_next_position(s, Station.position, Station.event_id == event.id),
    )
    s.add(station)
    s.flush()
    audit.record(s, Action.STATION_ADDED, "station", station.id, station.name)
    return _station_info(station)


_UNSET: Any = object()


def update_station(
    s: Session,
    station_id: uuid.UUID,
    *,
    name: str | None = None,
    field_id: uuid.UUID | None = _UNSET,
    facilitators: str | None = None,
) -> StationInfo:
    station = s.get(Station, station_id)
    if station is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "This table no longer exists."))
    if name is not None:
        station.name = _station_name(s, station.event_id, name, except_id=station.id)
    if field_id is not _UNSET:
        if field_id is not None:
            _field(s, field_id)
        station.field_id = field_id
    if facilitators is not None:
        station.facilitators = clean_line(facilitators, limit=500)
    s.flush()
    audit.record(s, Action.STATION_UPDATED, "station", station.id, station.name)
    return _station_info(station)


def remove_station(s: Session, station_id: uuid.UUID) -> None:
    station = s.get(Station, station_id)
    if station is None:
        return
    audit.record(s, Action.STATION_REMOVED, "station", station.id, station.name)
    s.delete(station)
    s.flush()


def _next_position(s: Session, column: Any, where: Any) -> int:
    return int(s.scalar(select(func.coalesce(func.max(column), -1) + 1).where(where)) or 0)


# -- the admin PIN of the locked voting station ------------------------------------------

# PBKDF2 rounds for a new PIN: slow on purpose, against guessing from a copied event file.
# The count is stored with each hash and read back from there to check a PIN, so the
# tests may lower it (tests/conftest.py) without a PIN of the product being any weaker.
PIN_ITERATIONS = 200_000


def _hash_pin(pin: str, salt: bytes, iterations: int) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def pin_matches(stored: str, pin: str) -> bool:
    """True when ``pin`` is the PIN whose salted hash is ``stored``."""
    try:
        scheme, iterations, salt, _digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    return hmac.compare_digest(_hash_pin(pin, bytes.fromhex(salt), int(iterations)), stored)


def new_pin_hash(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise DomainError(QT_TRANSLATE_NOOP("errors", "The PIN must be 4 to 12 digits."))
    return _hash_pin(pin, secrets.token_bytes(16), PIN_ITERATIONS)


def authorise_pin_change(event: Event, authorisation: str | None, previous: str) -> None:
    """Changing a PIN needs the Verwaltung PIN; before one is set, the PIN being replaced."""
    if event.office_pin_hash:
        if authorisation is None or not pin_matches(event.office_pin_hash, authorisation):
            raise AccessDenied(
                QT_TRANSLATE_NOOP(
                    "errors", "Changing a PIN needs the PIN of Verwaltung (administration)."
                )
            )
    elif previous and (authorisation is None or not pin_matches(previous, authorisation)):
        raise AccessDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "Enter the current PIN to replace it (or the PIN of Verwaltung, once it is set).",
            )
        )


def set_admin_pin(s: Session, pin: str, *, authorisation: str | None = None) -> None:
    """The PIN that unlocks a voting station (4 to 12 digits).

    Replacing it needs the Verwaltung PIN (``authorisation``), or the old
    station PIN while no Verwaltung PIN is set: otherwise anyone at the main
    window could set a PIN of their own and leave a locked station.
    """
    event = current_event(s)
    authorise_pin_change(event, authorisation, event.admin_pin_hash)
    event.admin_pin_hash = new_pin_hash(pin)
    s.flush()
    audit.record(s, Action.EVENT_ADMIN_PIN_SET, "event", event.id)


def has_admin_pin(s: Session) -> bool:
    return bool(current_event(s).admin_pin_hash)


def check_admin_pin(s: Session, pin: str) -> bool:
    return pin_matches(current_event(s).admin_pin_hash, pin)
