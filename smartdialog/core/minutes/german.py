"""German typography for documents: dates, times, numbers and quotation marks.

The minutes are a German city document whatever the interface language, so
these do not go through Qt's locale (the core never imports Qt) and do not
depend on the machine's locale either: the same data gives the same text.
"""

from __future__ import annotations

from datetime import datetime

from smartdialog.core import clock as event_clock

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

# A thin no-break space would be typographically finer, but not every PDF
# reader copies it well; the no-break space keeps "10:00 Uhr" on one line.
NBSP = "\u00a0"


def local(moment: datetime) -> datetime:
    """The database stores UTC; documents speak the event's local time."""
    return event_clock.local(moment)


def date_long(moment: datetime, *, weekday: bool = False) -> str:
    """``28. November 2026`` (or ``Samstag, 28. November 2026``)."""
    day = local(moment)
    text = f"{day.day}.{NBSP}{MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def date_short(moment: datetime) -> str:
    """``28.11.2026``."""
    day = local(moment)
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def clock(moment: datetime) -> str:
    """``10:14`` in local time."""
    return local(moment).strftime("%H:%M")


def clock_uhr(moment: datetime) -> str:
    """``10:14 Uhr``."""
    return f"{clock(moment)}{NBSP}Uhr"


def time_span(start: datetime, end: datetime | None) -> str:
    """``10:00 bis 16:00 Uhr`` (or ``ab 10:00 Uhr`` without an end)."""
    if end is None:
        return f"ab {clock_uhr(start)}"
    return f"{clock(start)} bis {clock_uhr(end)}"


def integer(value: int) -> str:
    """``1.234``: German thousands separator (a dot), never a comma."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, digits: int = 1) -> str:
    """``12,5``: decimal comma, dotted thousands."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(part: int, whole: int, digits: int = 1) -> str:
    """``62,5 %`` (with a no-break space, as DIN 5008 writes it); ``–`` for an empty whole."""
    if whole <= 0:
        return "–"
    return f"{decimal(100 * part / whole, digits)}{NBSP}%"


def quoted(text: str) -> str:
    """German quotation marks: „so“."""
    return f"„{text}“"


def count(value: int, singular: str, plural: str) -> str:
    """``1 Beitrag``, ``2 Beiträge``, ``1.234 Beiträge``."""
    return f"{integer(value)}{NBSP}{singular if value == 1 else plural}"
