"""Time in one place: the current moment, and the event's local clock.

The database stores UTC.  Everything a person reads — the desk's check-ins,
the Ideen list, the wall, the minutes, the exports — shows the event's local
time, in the time zone set for the event (Europe/Berlin unless changed), never
the laptop's: a laptop set to UTC must show the same 09:11 as every other.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DEFAULT_ZONE = "Europe/Berlin"

# Offered in Einrichtung; any other IANA name can still be typed in.
COMMON_ZONES = (
    "Europe/Berlin",
    "Europe/Vienna",
    "Europe/Zurich",
    "Europe/Luxembourg",
    "Europe/Brussels",
    "Europe/Amsterdam",
    "Europe/Paris",
    "Europe/London",
    "Europe/Warsaw",
    "Europe/Prague",
    "UTC",
)

_zone_name = DEFAULT_ZONE
_zone: tzinfo = ZoneInfo(DEFAULT_ZONE)


def now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def is_known_zone(name: str) -> bool:
    """Whether ``name`` is a time zone of the zone database (``Europe/Berlin``)."""
    if not name or name != name.strip():
        return False
    if name == "UTC":
        return True
    return name in available_timezones()


def zone_of(name: str) -> tzinfo:
    """The time zone called ``name``; raises ValueError for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name!r}") from exc


def use_zone(name: str) -> None:
    """Make ``name`` the clock of the open event (called when an event is opened or edited)."""
    global _zone, _zone_name
    _zone = zone_of(name)
    _zone_name = name


def zone_name() -> str:
    """The IANA name of the open event's time zone."""
    return _zone_name


def local(moment: datetime) -> datetime:
    """``moment`` (timezone-aware) as the event's clock shows it."""
    if moment.tzinfo is None:
        raise ValueError("local() needs a timezone-aware time; the database gives UTC")
    return moment.astimezone(_zone)


def hh_mm(moment: datetime) -> str:
    """``09:11`` on the event's clock."""
    return local(moment).strftime("%H:%M")


def hh_mm_ss(moment: datetime) -> str:
    """``09:11:05`` on the event's clock."""
    return local(moment).strftime("%H:%M:%S")


def to_utc(naive_local: datetime) -> datetime:
    """A wall-clock time of the event's zone (no tzinfo), as an aware UTC time."""
    if naive_local.tzinfo is not None:
        raise ValueError("to_utc() takes the event's wall-clock time without a zone")
    return naive_local.replace(tzinfo=_zone).astimezone(UTC)
