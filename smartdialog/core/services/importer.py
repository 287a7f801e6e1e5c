"""Import of registrations exported from the city's online form: CSV in every office flavour, XLSX.

Three steps, so that the GUI can show a preview between them:

1. ``read_table(path)`` reads the file (encoding, delimiter, header row found by
   itself) into plain text cells;
2. ``auto_mapping(headers)`` proposes which column is which field, the clerk
   may change it, and ``plan_import(s, table, mapping)`` checks every row and
   matches it against who is registered already: new, update, unchanged,
   rejected (with the row number and why), duplicate within the file;
3. ``apply_import(s, plan)`` writes it with bulk statements (10,000 rows in a
   fraction of a second, not one ORM object at a time).

A re-import of a newer export updates the people already imported (matched by
the form's registration number, else e-mail, else name and postcode) instead
of registering them twice.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import uuid
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.models import Participant
from smartdialog.core.services import audit, registration, tickets
from smartdialog.core.text import fold

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
MAX_ROWS: Final = 100_000
MAX_CELL: Final = 100_000

# The fields a column can be mapped to ("" = ignore the column).
FIELDS: Final = (
    "external_ref",
    "first_name",
    "last_name",
    "full_name",
    "email",
    "organisation",
    "postcode",
    "district",
    "consent_data",
    "consent_photos",
    "consent_contact",
    "consent_attribution",
)

FIELD_LABELS: Final = {
    "": QT_TRANSLATE_NOOP("importer", "(ignore)"),
    "external_ref": QT_TRANSLATE_NOOP("importer", "Registration number"),
    "first_name": QT_TRANSLATE_NOOP("importer", "First name"),
    "last_name": QT_TRANSLATE_NOOP("importer", "Last name"),
    "full_name": QT_TRANSLATE_NOOP("importer", "Full name"),
    "email": QT_TRANSLATE_NOOP("importer", "E-mail"),
    "organisation": QT_TRANSLATE_NOOP("importer", "Organisation"),
    "postcode": QT_TRANSLATE_NOOP("importer", "Postcode"),
    "district": QT_TRANSLATE_NOOP("importer", "District"),
    "consent_data": QT_TRANSLATE_NOOP("importer", "Consent: data processing"),
    "consent_photos": QT_TRANSLATE_NOOP("importer", "Consent: photos"),
    "consent_contact": QT_TRANSLATE_NOOP("importer", "Consent: follow-up contact"),
    "consent_attribution": QT_TRANSLATE_NOOP("importer", "Consent: named as author"),
}

# Header names as forms and offices write them, folded and without punctuation.
_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "external_ref": (
        "anmeldenummer",
        "anmeldungsnummer",
        "anmeldenr",
        "anmeldungnr",
        "anmeldeid",
        "anmeldungid",
        "registrierungsnummer",
        "registrierungsnr",
        "buchungsnummer",
        "ticketnummer",
        "id",
        "nr",
        "nummer",
        "lfdnr",
        "registrationid",
        "registrationnumber",
        "reference",
        "referenz",
        "ref",
    ),
    "first_name": ("vorname", "vornamen", "rufname", "firstname", "givenname", "first", "forename"),
    "last_name": (
        "nachname",
        "familienname",
        "zuname",
        "lastname",
        "surname",
        "familyname",
        "last",
    ),
    "full_name": (
        "name",
        "namevorname",
        "vornamename",
        "vollstandigername",
        "fullname",
        "teilnehmer",
        "teilnehmerin",
        "teilnehmername",
        "teilnehmerinnen",
        "person",
    ),
    "email": (
        "email",
        "emailadresse",
        "mail",
        "mailadresse",
        "emailaddress",
        "elektronischepost",
    ),
    "organisation": (
        "organisation",
        "organization",
        "institution",
        "verein",
        "firma",
        "unternehmen",
        "verband",
        "einrichtung",
        "organisationinstitution",
        "institutionorganisation",
        "arbeitgeber",
        "company",
        "affiliation",
    ),
    "postcode": ("plz", "postleitzahl", "postcode", "zip", "zipcode", "postalcode"),
    "district": (
        "stadtteil",
        "stadtbezirk",
        "bezirk",
        "district",
        "wohnort",
        "ort",
        "quartier",
        "stadtviertel",
        "neighbourhood",
        "neighborhood",
    ),
    "consent_data": (
        "datenschutz",
        "datenschutzakzeptiert",
        "datenschutzerklarung",
        "einwilligungdatenschutz",
        "einwilligungdatenverarbeitung",
        "datenverarbeitung",
        "dsgvo",
        "einwilligung",
        "privacy",
        "consent",
        "dataconsent",
        "privacyconsent",
    ),
    "consent_photos": (
        "fotos",
        "foto",
        "fotoserlaubt",
        "fotoerlaubnis",
        "fotoeinwilligung",
        "fotoaufnahmen",
        "bildrechte",
        "photos",
        "photoconsent",
    ),
    "consent_contact": (
        "kontakt",
        "kontakterlaubt",
        "kontaktaufnahme",
        "ruckmeldung",
        "newsletter",
        "weitereinformationen",
        "followup",
        "contact",
        "contactconsent",
    ),
    "consent_attribution": ("namensnennung", "namentlichnennen", "attribution", "nennungdesnamens"),
}
# Fragments for headers that say more than the synonyms ("Fotos dürfen veröffentlicht werden").
_FRAGMENTS: Final = (
    ("datenschutz", "consent_data"),
    ("dsgvo", "consent_data"),
    ("einwillig", "consent_data"),
    ("foto", "consent_photos"),
    ("photo", "consent_photos"),
    ("bild", "consent_photos"),
    ("namensnennung", "consent_attribution"),
    ("kontakt", "consent_contact"),
    ("newsletter", "consent_contact"),
    ("vorname", "first_name"),
    ("nachname", "last_name"),
    ("mail", "email"),
    ("postleitzahl", "postcode"),
    ("plz", "postcode"),
    ("stadtteil", "district"),
    ("bezirk", "district"),
    ("organisation", "organisation"),
    ("institution", "organisation"),
    ("anmeldenummer", "external_ref"),
)

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
_HEADER_KEY = re.compile(r"[^a-z0-9]+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What a spreadsheet would run as a formula when the data is opened again (CSV injection).
_FORMULA = re.compile(r"^(?:[=@]|[+\-]\s*[\w\"'(]+.*\(|[\t\r])")


# Names, organisations and "Ja"/"Nein" repeat across thousands of rows.
_fold = functools.lru_cache(maxsize=16384)(fold)


def _search_key(first: str, last: str, organisation: str) -> str:
    """The same as ``fold(f"{first} {last} {organisation}")``, from cached parts."""
    return " ".join(part for part in (_fold(first), _fold(last), _fold(organisation)) if part)


def _error(message: str, **params: Any) -> DomainError:
    return DomainError(message, **params)


# -- reading the file --------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """The file as text cells.  ``rows`` pairs each row with its number as a spreadsheet shows it."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    kind: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file; raises DomainError in words when it is neither or too big."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The file {name} is {size} MB large; an export of registrations is far smaller "
                    "(10,000 people are about 2 MB). Check that you chose the right file.",
                ),
                name=path.name,
                size=f"{size / 1024 / 1024:.0f}",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _error(
            QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read: {reason}"),
            name=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    if not data.strip():
        raise _error(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=path.name)
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, path.name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _error(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} is in the old Excel format (.xls). Open it in Excel and save it as "
                "“Excel workbook (.xlsx)” or “CSV UTF-8”, then import that file.",
            ),
            name=path.name,
        )
    return _read_csv(data, path.name)


def _not_a_table(name: str) -> DomainError:
    return _error(
        QT_TRANSLATE_NOOP(
            "errors",
            "{name} is not a table of registrations. Choose the CSV or Excel file exported "
            "from the registration form.",
        ),
        name=name,
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:65536]:
        raise _not_a_table(name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # German Excel and older offices write Windows-1252; latin-1 takes the five
        # bytes cp1252 leaves undefined, so that no file fails to decode.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"


def _sniff_delimiter(text: str) -> str:
    sample_lines = [line for line in text[:65536].splitlines() if line.strip()][:20]
    if not sample_lines:
        return ";"
    best, best_score = ";", -1.0
    for candidate in (";", ",", "\t", "|"):
        counts = [line.count(candidate) for line in sample_lines]
        if not counts[0]:
            continue
        # A delimiter appears equally often on most lines (quoted line breaks aside).
        steady = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = steady * 10 + min(counts[0], 50) / 50
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(data: bytes, name: str) -> Table:
    text, encoding = _decode(data, name)
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\r\n\t")
    if controls > 10:
        raise _not_a_table(name)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False
    )
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 20:
                raise _too_many_rows(name)
    except csv.Error as exc:
        raise _error(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} cannot be read as a table near line {line}: {reason}. Save it again from "
                "Excel as “CSV (semicolon separated)” and import that file.",
            ),
            name=name,
            line=reader.line_num,
            reason=str(exc),
        ) from exc
    return _table(rows, name, "csv", encoding, delimiter)


def _too_many_rows(name: str) -> DomainError:
    return _error(
        QT_TRANSLATE_NOOP(
            "errors", "{name} has more than {limit} rows; that is not an export of registrations."
        ),
        name=name,
        limit=MAX_ROWS,
    )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _read_xlsx(data: bytes, name: str) -> Table:
    from openpyxl import load_workbook  # only here: it takes a while to import

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise _not_a_table(name) from exc
    except Exception as exc:  # openpyxl raises its own kinds for damaged workbooks
        raise _not_a_table(name) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise _not_a_table(name)
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(v) for v in values])
            if len(rows) > MAX_ROWS + 20:
                raise _too_many_rows(name)
    finally:
        workbook.close()
    return _table(rows, name, "xlsx")


def _header_row(rows: list[list[str]]) -> int:
    """The first row that looks like column names (exports sometimes start with a title line)."""
    for index, row in enumerate(rows[:10]):
        known = {auto_field(cell) for cell in row} - {""}
        if len(known) >= 2:
            return index
    return next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), 0)


def _table(
    rows: list[list[str]], name: str, kind: str, encoding: str = "", delimiter: str = ""
) -> Table:
    start = _header_row(rows)
    if start >= len(rows):
        raise _error(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=name)
    headers = [h.strip().lstrip("\ufeff") for h in rows[start]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise _not_a_table(name)
    body = [
        (number, row)
        for number, row in enumerate(rows[start + 1 :], start=start + 2)
        if any(cell.strip() for cell in row)
    ]
    return Table(headers, body, kind, encoding, delimiter)


# -- mapping columns to fields -------------------------------------------------------------


def _header_key(header: str) -> str:
    return _HEADER_KEY.sub("", fold(header))


def auto_field(header: str) -> str:
    """The field a column name stands for, or "" when unknown."""
    key = _header_key(header)
    if not key:
        return ""
    for name, synonyms in _SYNONYMS.items():
        if key in synonyms:
            return name
    for fragment, name in _FRAGMENTS:
        if fragment in key:
            return name
    return ""


def auto_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Column index -> field, each field at most once (the first column wins).

    "Name" beside a "Vorname" column is the surname (as German forms use it);
    alone it is the full name.
    """
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    fields = [auto_field(h) for h in headers]
    for index, name in enumerate(fields):
        if name == "full_name" and "first_name" in fields and "last_name" not in fields:
            name = "last_name"
        if name and name not in taken:
            mapping[index] = name
            taken.add(name)
    return mapping


def check_mapping(mapping: dict[int, str]) -> None:
    chosen = list(mapping.values())
    doubled = sorted({f for f in chosen if f and chosen.count(f) > 1})
    if doubled:
        raise _error(
            QT_TRANSLATE_NOOP(
                "errors", "Each field can be assigned to one column only ({fields})."
            ),
            fields=", ".join(doubled),
        )
    if not {"first_name", "last_name", "full_name"} & set(chosen):
        raise _error(
            QT_TRANSLATE_NOOP(
                "errors",
                "No column holds the names. Assign the columns “First name” and “Last name” "
                "(or “Full name”) before importing.",
            )
        )


# -- checking rows and matching them -----------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    row: int
    problem: DomainError


@dataclass(frozen=True)
class Candidate:
    row: int
    values: dict[str, Any]
    existing_id: uuid.UUID | None = None
    changes: tuple[str, ...] = ()


@dataclass
class ImportPlan:
    new: list[Candidate] = field(default_factory=list)
    updates: list[Candidate] = field(default_factory=list)
    unchanged: list[Candidate] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    duplicates: list[Rejection] = field(default_factory=list)
    # Imported, but someone should look: the same name and postcode as another
    # person, with a different e-mail address or registration number.
    flagged: list[Rejection] = field(default_factory=list)

    @property
    def problems(self) -> list[Rejection]:
        return sorted([*self.rejected, *self.duplicates], key=lambda r: r.row)


@dataclass(frozen=True)
class ImportReport:
    imported: int
    updated: int
    unchanged: int
    rejected: list[Rejection]
    flagged: list[Rejection] = field(default_factory=list)


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


def _check_row(
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
        if _FORMULA.match(value):
            return Rejection(
                row,
                _error(
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
                _error(
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
        return Rejection(row, _error(QT_TRANSLATE_NOOP("errors", "The name is missing.")))
    if len(first) > registration.NAME_LIMIT or len(last) > registration.NAME_LIMIT:
        return Rejection(
            row,
            _error(
                QT_TRANSLATE_NOOP("errors", "The name is longer than {limit} characters."),
                limit=registration.NAME_LIMIT,
            ),
        )
    email = raw.get("email", "")
    if email and not _EMAIL.match(email):
        return Rejection(
            row,
            _error(
                QT_TRANSLATE_NOOP("errors", "“{email}” is not an e-mail address."), email=email[:60]
            ),
        )
    postcode = raw.get("postcode", "")
    if postcode.isdigit() and len(postcode) == 4:
        postcode = "0" + postcode  # Excel drops the leading zero of Dresden's 01067
    if postcode and not (postcode.isdigit() and len(postcode) == 5):
        return Rejection(
            row,
            _error(
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
            _error(
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
        "search_key": _search_key(first, last, organisation),
        **{name: bool(value) for name, value in consents.items()},
    }


def _split_name(full: str) -> tuple[str, str]:
    """ "Müller, Jürgen" or "Jürgen Müller" into first and last name."""
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    parts = full.rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])


_COMPARED: Final = (
    "first_name",
    "last_name",
    "email",
    "organisation",
    "postcode",
    "district",
    "external_ref",
)
_CONSENT_COLUMNS: Final = {
    "consent_data": "consent_data_at",
    "consent_photos": "consent_photos_at",
    "consent_contact": "consent_contact_at",
    "consent_attribution": "consent_attribution_at",
}


def plan_import(
    s: Session,
    table: Table,
    mapping: dict[int, str],
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Check every row and decide what the import would do; writes nothing."""
    check_mapping(mapping)
    event_id = tickets.event_keys(s).event_id
    existing = s.execute(
        select(
            Participant.id,
            Participant.external_ref,
            Participant.email,
            Participant.first_name,
            Participant.last_name,
            Participant.organisation,
            Participant.postcode,
            Participant.district,
            Participant.consent_data_at,
            Participant.consent_photos_at,
            Participant.consent_contact_at,
            Participant.consent_attribution_at,
        ).where(Participant.event_id == event_id, Participant.anonymised_at.is_(None))
    ).all()
    by_ref = {r.external_ref: r for r in existing if r.external_ref}
    by_email = {r.email.casefold(): r for r in existing if r.email}
    by_name = {
        (fold(r.first_name), fold(r.last_name), r.postcode): r for r in existing if r.postcode
    }

    plan = ImportPlan()
    seen_ref: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    seen_name: dict[tuple[str, str, str], tuple[int, str, str]] = {}
    claimed: dict[uuid.UUID, int] = {}
    total = len(table.rows)
    for done, (row, cells) in enumerate(table.rows, start=1):
        if progress is not None and done % 1000 == 0:
            progress(done, total)
        checked = _check_row(row, cells, mapping, table.headers)
        if isinstance(checked, Rejection):
            plan.rejected.append(checked)
            continue
        ref, email = checked["external_ref"], checked["email"].casefold()
        name_key = (_fold(checked["first_name"]), _fold(checked["last_name"]), checked["postcode"])
        earlier, why = None, ""
        if ref and ref in seen_ref:
            earlier, why = (
                seen_ref[ref],
                QT_TRANSLATE_NOOP("errors", "Same registration number as row {row}."),
            )
        elif email and email in seen_email:
            earlier, why = (
                seen_email[email],
                QT_TRANSLATE_NOOP("errors", "Same e-mail address as row {row}."),
            )
        elif checked["postcode"] and name_key in seen_name:
            first_row, first_ref, first_email = seen_name[name_key]
            if (ref and first_ref and ref != first_ref) or (
                email and first_email and email != first_email
            ):
                # Two registrations of their own: perhaps namesakes, perhaps one person twice.
                plan.flagged.append(
                    Rejection(
                        row,
                        _error(
                            QT_TRANSLATE_NOOP(
                                "errors",
                                "Imported, but check: same name and postcode as row {row}.",
                            ),
                            row=first_row,
                        ),
                    )
                )
            else:
                earlier = first_row
                why = QT_TRANSLATE_NOOP("errors", "Same name and postcode as row {row}.")
        if earlier is not None:
            plan.duplicates.append(Rejection(row, _error(why, row=earlier)))
            continue
        if ref:
            seen_ref[ref] = row
        if email:
            seen_email[email] = row
        if checked["postcode"]:
            seen_name.setdefault(name_key, (row, ref, email))

        match = (by_ref.get(ref) if ref else None) or (by_email.get(email) if email else None)
        if match is None and checked["postcode"]:
            namesake = by_name.get(name_key)
            if namesake is not None:
                other_ref, other_email = namesake.external_ref, namesake.email.casefold()
                if (ref and other_ref and ref != other_ref) or (
                    email and other_email and email != other_email
                ):
                    plan.flagged.append(
                        Rejection(
                            row,
                            _error(
                                QT_TRANSLATE_NOOP(
                                    "errors",
                                    "Imported, but check: {name} with the same postcode is registered already.",
                                ),
                                name=", ".join(
                                    p for p in (namesake.last_name, namesake.first_name) if p
                                ),
                            ),
                        )
                    )
                else:
                    match = namesake
        if match is None:
            plan.new.append(Candidate(row, checked))
            continue
        if match.id in claimed:
            plan.duplicates.append(
                Rejection(
                    row,
                    _error(
                        QT_TRANSLATE_NOOP("errors", "Same person as row {row}."),
                        row=claimed[match.id],
                    ),
                )
            )
            continue
        claimed[match.id] = row
        changes = tuple(
            name
            for name in _COMPARED
            if checked[name] != getattr(match, name)
            and not (name == "external_ref" and not checked[name])
        ) + tuple(
            name
            for name, column in _CONSENT_COLUMNS.items()
            if name in checked and checked[name] != (getattr(match, column) is not None)
        )
        target = plan.updates if changes else plan.unchanged
        target.append(Candidate(row, checked, match.id, changes))
    if progress is not None:
        progress(total, total)
    return plan


def apply_import(s: Session, plan: ImportPlan, *, source_name: str = "") -> ImportReport:
    """Write the plan: new people with fresh ticket numbers, updates in place."""
    at = now()
    device = audit.session_device(s)
    event_id = tickets.event_keys(s).event_id
    if plan.new:
        first_number = registration.allocate_ticket_numbers(s, len(plan.new))
        rows = []
        for offset, candidate in enumerate(plan.new):
            v = candidate.values
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "device_id": device.id,
                    "created_at": at,
                    "event_id": event_id,
                    "ticket_number": first_number + offset,
                    "first_name": v["first_name"],
                    "last_name": v["last_name"],
                    "email": v["email"],
                    "organisation": v["organisation"],
                    "postcode": v["postcode"],
                    "district": v["district"],
                    "source": "preregistered",
                    "external_ref": v["external_ref"],
                    "search_key": v["search_key"],
                    # An export without a consent column comes from a form that required it.
                    "consent_data_at": at if v.get("consent_data", True) else None,
                    "consent_photos_at": at if v.get("consent_photos") else None,
                    "consent_contact_at": at if v.get("consent_contact") else None,
                    "consent_attribution_at": at if v.get("consent_attribution") else None,
                }
            )
        # Core executemany on the table: one statement for all rows (the ORM's bulk
        # insert splits rows by which columns are None, thousands of statements).
        statement = insert(cast(SqlTable, Participant.__table__))
        for chunk in _chunks(rows, 5000):
            s.connection().execute(statement, chunk)
    if plan.updates:
        changes = []
        for candidate in plan.updates:
            v = candidate.values
            values: dict[str, Any] = {"id": candidate.existing_id}
            for name in candidate.changes:
                if name in _CONSENT_COLUMNS:
                    values[_CONSENT_COLUMNS[name]] = at if v[name] else None
                else:
                    values[name] = v[name]
            values["search_key"] = v["search_key"]
            changes.append(values)
        for chunk in _chunks(changes, 2000):
            s.execute(update(Participant), chunk)
    rejected = plan.problems
    audit.record(
        s,
        "participants.imported",
        "event",
        event_id,
        f"{source_name}: {len(plan.new)} new, {len(plan.updates)} updated, {len(rejected)} rejected",
    )
    return ImportReport(
        len(plan.new), len(plan.updates), len(plan.unchanged), rejected, list(plan.flagged)
    )


def _chunks(items: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def import_file(s: Session, path: str | Path) -> ImportReport:
    """Read, map automatically and import in one go (the command line's way)."""
    table = read_table(path)
    mapping = auto_mapping(table.headers)
    plan = plan_import(s, table, mapping)
    return apply_import(s, plan, source_name=Path(path).name)
