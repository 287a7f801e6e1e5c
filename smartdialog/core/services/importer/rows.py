"""Checking one row: its values by field, or why it cannot be imported."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from smartdialog.core import clock, spreadsheet
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services import registration
from smartdialog.core.services.importer.mapping import CONSENT_FIELDS
from smartdialog.core.text import fold

MAX_CELL: Final = 100_000


# Names, organisations and "Ja"/"Nein" repeat across thousands of rows.
_fold = functools.lru_cache(maxsize=16384)(fold)


def search_key(first: str, last: str, organisation: str) -> str:
    """The same as ``fold(f"{first} {last} {organisation}")``, from cached parts."""
    return " ".join(part for part in (_fold(first), _fold(last), _fold(organisation)) if part)


_YES: Final = frozenset(
    {
        "ja",
        "j",
        "yes",
        "y",
        "x",
        "1",
        "true",
        "wahr",
        "ok",
        "✓",
        "✔",
        "zugestimmt",
        "akzeptiert",
        "erteilt",
        "einverstanden",
        "on",
    }
)


_NO: Final = frozenset({"nein", "n", "no", "0", "false", "falsch", "", "-", "abgelehnt", "off"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Rejection:
    row: int
    problem: DomainError


# "12.03.2026", "12.03.26 14:35", "2026-03-12", "2026-03-12T14:35:00" (Excel's dates read as text).
_GERMAN_DATE = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?uhr)?)?$"
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$")


def _consent_date(key: str) -> datetime | None:
    """The moment a consent cell names ("12.03.2026 14:35"), in UTC; None when it is no date."""
    if match := _GERMAN_DATE.match(key):
        day, month, year, hour, minute, second = match.groups()
        year_number = int(year) + (2000 if len(year) == 2 else 0)
        parts = (year_number, int(month), int(day))
    elif match := _ISO_DATE.match(key):
        year, month, day, hour, minute, second = match.groups()
        parts = (int(year), int(month), int(day))
    else:
        return None
    try:
        moment = datetime(*parts, int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    return clock.to_utc(moment)


def consent_value(text: str) -> tuple[bool | None, datetime | None]:
    """What a consent cell says: given (and when, if it names a date), refused, or not understood.

    An empty cell is "not given": no consent is ever assumed.
    """
    key = _fold(text).strip(" .!")
    if key in _YES:
        return True, None
    if key in _NO:
        return False, None
    if (when := _consent_date(key)) is not None:
        return True, when
    if key.startswith(("ja", "yes", "ich stimme")):
        return True, None
    return None, None


# Cells nobody is identified by: a formula there is kept as inert text, not a reason to turn
# the person away.  A formula in a name, an address or a consent still rejects the row.
_HARMLESS: Final = frozenset({"organisation", "district"})


_LIMITS: Final = {
    "first_name": registration.NAME_LIMIT,
    "last_name": registration.NAME_LIMIT,
    "full_name": 2 * registration.NAME_LIMIT,
    "title": 60,
    "email": registration.EMAIL_LIMIT,
    "organisation": registration.ORGANISATION_LIMIT,
    "postcode": 10,
    "district": 120,
    "external_ref": 80,
}


_WHITESPACE = re.compile(r"\s+")


def check_row(
    row: int, cells: list[str], mapping: dict[int, str], headers: Sequence[str] = ()
) -> dict[str, Any] | Rejection:
    """One row's values by field, or why it cannot be imported (naming the file's own column)."""
    raw: dict[str, str] = {}
    column_of: dict[str, str] = {}
    for index, name in mapping.items():
        if not name:
            continue
        value = cells[index] if index < len(cells) else ""
        value = value[:MAX_CELL]
        if not value.isprintable():
            value = "".join(c if c.isprintable() else " " for c in value)
        raw[name] = _WHITESPACE.sub(" ", value).strip()
        column_of[name] = headers[index] if index < len(headers) and headers[index] else name
    notes: list[DomainError] = []
    for name, value in list(raw.items()):
        if spreadsheet.runs_as_formula(value) and name in _HARMLESS:
            raw[name] = value = spreadsheet.guard(value)
            notes.append(
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Imported, but the column “{column}” held a spreadsheet formula "
                        "(“{value}”); it is kept as plain text.",
                    ),
                    column=column_of[name],
                    value=value[1:41],
                )
            )
        elif spreadsheet.runs_as_formula(value):
            return Rejection(
                row,
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The column “{column}” holds a spreadsheet formula (“{value}”); "
                        "it was not imported.",
                    ),
                    column=column_of[name],
                    value=value[:40],
                ),
            )
        limit = _LIMITS.get(name)
        if limit is not None and len(value) > limit:
            return Rejection(
                row,
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors", "The column “{column}” is longer than {limit} characters."
                    ),
                    column=column_of[name],
                    limit=limit,
                ),
            )
    first, last = raw.get("first_name", ""), raw.get("last_name", "")
    title = raw.get("title", "")
    if raw.get("full_name") and not (first or last):
        split = split_name(raw["full_name"])
        first, last, title = split.first, split.last, title or split.title
        if not split.certain and (first or last):
            notes.append(
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Imported, but check the name: “{name}” was split into first name "
                        "“{first}” and last name “{last}”.",
                    ),
                    name=raw["full_name"][:80],
                    first=first,
                    last=last,
                )
            )
    elif first and not title:
        title, first = take_title(first)
    if not first and not last:
        return Rejection(row, DomainError(QT_TRANSLATE_NOOP("errors", "The name is missing.")))
    if len(first) > registration.NAME_LIMIT or len(last) > registration.NAME_LIMIT:
        return Rejection(
            row,
            DomainError(
                QT_TRANSLATE_NOOP("errors", "The name is longer than {limit} characters."),
                limit=registration.NAME_LIMIT,
            ),
        )
    email = raw.get("email", "")
    if email and not _EMAIL.match(email):
        return Rejection(
            row,
            DomainError(
                QT_TRANSLATE_NOOP("errors", "“{email}” is not an e-mail address."), email=email[:60]
            ),
        )
    postcode = raw.get("postcode", "")
    if postcode.isdigit() and len(postcode) == 4:
        postcode = "0" + postcode  # Excel drops the leading zero of Dresden's 01067
    if postcode and not (postcode.isdigit() and len(postcode) == 5):
        return Rejection(
            row,
            DomainError(
                QT_TRANSLATE_NOOP("errors", "“{postcode}” is not a German postcode (five digits)."),
                postcode=postcode,
            ),
        )
    consents: dict[str, Any] = {}
    for name in CONSENT_FIELDS:
        if name not in raw:
            continue
        given, when = consent_value(raw[name])
        if given is None and name == "consent_data":
            return Rejection(
                row,
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The consent to data processing (“{value}”) is not understood; "
                        "the person was not imported.",
                    ),
                    value=raw[name][:20],
                ),
            )
        if given is None:
            notes.append(
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Imported, but “{value}” in the column “{column}” is not understood; "
                        "that consent is recorded as not given.",
                    ),
                    value=raw[name][:20],
                    column=column_of[name],
                )
            )
        consents[name] = bool(given)
        consents[f"{name}_at"] = when
    if "consent_data" in consents and not consents["consent_data"]:
        return Rejection(
            row,
            DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "No consent to data processing (“{value}”); the person was not imported.",
                ),
                value=raw["consent_data"][:20],
            ),
        )
    organisation = raw.get("organisation", "")
    return {
        "first_name": first,
        "last_name": last,
        "title": title,
        "email": email,
        "organisation": organisation,
        "postcode": postcode,
        "district": raw.get("district", ""),
        "external_ref": raw.get("external_ref", ""),
        "search_key": search_key(first, last, organisation),
        "notes": tuple(notes),
        **consents,
    }


# Academic titles as German forms write them, before the name: "Prof. Dr. med.", "Dipl.-Ing.".
_TITLE_WORD = re.compile(
    r"^(?:prof|dr|med|dent|vet|rer|nat|pol|soc|oec|phil|jur|theol|habil|mult|h\.\s?c|"
    r"dipl\.?-?\w*|dr\.-ing|ing|mag|pd|apl|hon\.-prof|em|univ\.-prof)\.?$",
    re.IGNORECASE,
)
# Words that begin a surname: "von der Heide", "van Beek", "de la Cruz", "zu Guttenberg".
_PARTICLES: Final = frozenset(
    {
        "von",
        "van",
        "vom",
        "zu",
        "zum",
        "zur",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "ten",
        "ter",
        "op",
        "al",
        "el",
        "bin",
        "ibn",
    }
)
# Vietnamese family names come first ("Nguyễn Văn An"): with their diacritics, hardly a first name.
_FAMILY_FIRST: Final = frozenset(
    {
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Trương",
        "Đinh",
        "Lâm",
        "Mai",
        "Trịnh",
        "Đoàn",
    }
)


def take_title(name: str) -> tuple[str, str]:
    """The leading academic title and the rest: "Prof. Dr. med. Jürgen" → ("Prof. Dr. med.", "Jürgen")."""
    words = name.split(" ")
    count = 0
    while count < len(words) - 1 and _TITLE_WORD.match(words[count]):
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


@dataclass(frozen=True)
class NameSplit:
    title: str
    first: str
    last: str
    certain: bool  # False: the split is a guess the report shows for someone to check


def split_name(full: str) -> NameSplit:
    """A single name column into title, first and last name, saying when that is a guess.

    "Schulte, Anna" and "Dr. Anna Schulte" are certain; "Anna Maria Schulte-Wieling"
    (two first names, or a second surname?), "Nguyễn Văn An" (family name first) and
    a single word are guesses to check.
    """
    if "," in full:
        last, _, rest = full.partition(",")
        title, first = take_title(rest.strip())
        if not title and (trailing := rest.strip()) and _TITLE_WORD.match(trailing.split(" ")[0]):
            title, first = trailing, ""
        return NameSplit(title, first.strip(), last.strip(), bool(last.strip() and first.strip()))
    title, rest = take_title(full)
    words = [w for w in rest.split(" ") if w]
    if not words:
        return NameSplit(title, "", "", False)
    if len(words) == 1:
        return NameSplit(title, "", words[0], False)
    if words[0] in _FAMILY_FIRST:
        return NameSplit(title, " ".join(words[1:]), words[0], False)
    particle = next(
        (i for i, w in enumerate(words[1:], start=1) if w.casefold() in _PARTICLES), None
    )
    if particle is not None:
        return NameSplit(
            title, " ".join(words[:particle]), " ".join(words[particle:]), particle == 1
        )
    return NameSplit(title, " ".join(words[:-1]), words[-1], len(words) == 2)
