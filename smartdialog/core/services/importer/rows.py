"""Checking one row: its values by field, or why it cannot be imported."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from smartdialog.core import spreadsheet
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services import registration
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


def _consent(text: str) -> bool | None:
    key = _fold(text).strip(" .!")
    if key in _YES:
        return True
    if key in _NO:
        return False
    if key.startswith(("ja", "yes", "ich stimme")):
        return True
    return None


_LIMITS: Final = {
    "first_name": registration.NAME_LIMIT,
    "last_name": registration.NAME_LIMIT,
    "full_name": 2 * registration.NAME_LIMIT,
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
    for name, value in raw.items():
        if spreadsheet.runs_as_formula(value):
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
    if raw.get("full_name") and not (first or last):
        first, last = _split_name(raw["full_name"])
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
    consents: dict[str, bool | None] = {}
    for name in ("consent_data", "consent_photos", "consent_contact", "consent_attribution"):
        if name in raw:
            consents[name] = _consent(raw[name])
    if "consent_data" in consents and consents["consent_data"] is not True:
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
        "email": email,
        "organisation": organisation,
        "postcode": postcode,
        "district": raw.get("district", ""),
        "external_ref": raw.get("external_ref", ""),
        "search_key": search_key(first, last, organisation),
        **{name: bool(value) for name, value in consents.items()},
    }


def _split_name(full: str) -> tuple[str, str]:
    """ "Müller, Jürgen" or "Jürgen Müller" into first and last name."""
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    parts = full.rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
