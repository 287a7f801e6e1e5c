"""Which column is which field: the form's headers matched to the registration's fields."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from smartdialog.core import choices
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.text import fold

# The fields a column can be mapped to ("" = ignore the column).
FIELDS: Final = choices.IMPORT_FIELDS


FIELD_LABELS: Final = {
    "": QT_TRANSLATE_NOOP("importer", "(ignore)"),
    "external_ref": QT_TRANSLATE_NOOP("importer", "Registration number"),
    "first_name": QT_TRANSLATE_NOOP("importer", "First name"),
    "last_name": QT_TRANSLATE_NOOP("importer", "Last name"),
    "full_name": QT_TRANSLATE_NOOP("importer", "Full name"),
    "title": QT_TRANSLATE_NOOP("importer", "Title (Dr., Prof.)"),
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
    "title": ("titel", "akademischertitel", "akademischergrad", "title", "academictitle"),
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
        "privacy",
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
    ("foto", "consent_photos"),
    ("photo", "consent_photos"),
    ("namensnennung", "consent_attribution"),
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


_HEADER_KEY = re.compile(r"[^a-z0-9]+")


def _header_key(header: str) -> str:
    return _HEADER_KEY.sub("", fold(header))


# A header with one of these words asks for a consent; which one, only its purpose words say.
_CONSENT_WORDS: Final = (
    "einwillig",
    "zustimm",
    "einverst",
    "erlaubnis",
    "erlaubt",
    "genehmig",
    "consent",
    "agree",
    "permission",
    "optin",
)


_PURPOSE_WORDS: Final = {
    "consent_data": (
        "datenverarbeitung",
        "datenschutz",
        "dsgvo",
        "verarbeitung",
        "speicherung",
        "privacy",
        "dataprocessing",
        "personaldata",
    ),
    "consent_photos": ("foto", "photo", "bildaufnahme", "bildrecht", "filmaufnahme", "video"),
    "consent_attribution": (
        "namensnennung",
        "nennung",
        "namentlich",
        "attribution",
        "autor",
        "author",
        "urheber",
    ),
    "consent_contact": (
        "kontakt",
        "newsletter",
        "ruckmeldung",
        "nachfrage",
        "informiert",
        "benachrichtig",
        "contact",
        "followup",
    ),
}


CONSENT_FIELDS: Final = ("consent_data", "consent_photos", "consent_contact", "consent_attribution")


def looks_like_consent(header: str) -> bool:
    """True when a column name asks for a consent (whether or not its purpose is clear)."""
    key = _header_key(header)
    return any(word in key for word in _CONSENT_WORDS) or auto_field(header) in CONSENT_FIELDS


def _consent_purpose(key: str) -> str | None:
    """The purpose a consent header names, "" when it names none or several; None if no consent."""
    if not any(word in key for word in _CONSENT_WORDS):
        return None
    found = {field for field, words in _PURPOSE_WORDS.items() if any(w in key for w in words)}
    return found.pop() if len(found) == 1 else ""


def auto_field(header: str) -> str:
    """The field a column name stands for, or "" when unknown.

    A consent column is mapped only when its header names exactly one purpose;
    "Einwilligung" alone or "Einwilligung Fotos und Kontakt" is left to the user.
    """
    key = _header_key(header)
    if not key:
        return ""
    purpose = _consent_purpose(key)
    if purpose is not None:
        return purpose
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


def unclear_consents(headers: Sequence[str], mapping: dict[int, str]) -> list[str]:
    """Columns that ask for a consent but are mapped to no consent: the user must decide."""
    return [
        header
        for index, header in enumerate(headers)
        if looks_like_consent(header) and mapping.get(index, "") not in CONSENT_FIELDS
    ]


def apply_overrides(
    headers: Sequence[str], mapping: dict[int, str], overrides: Sequence[str]
) -> dict[int, str]:
    """The mapping with "COLUMN=FIELD" corrections applied (FIELD "ignore" or empty drops a column).

    A field given to a column is taken from whichever column the automatic mapping gave it.
    """
    result = dict(mapping)
    folded = [fold(h).strip() for h in headers]
    for override in overrides:
        column, sep, field = override.rpartition("=")
        column, field = column.strip(), field.strip()
        if not sep or not column:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "“{override}” is not COLUMN=FIELD, for example “Einwilligung Fotos=consent_photos”.",
                ),
                override=override,
            )
        if field.lower() in ("", "ignore", "-"):
            field = ""
        elif field not in FIELDS:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "“{field}” is not a field. The fields are: {fields}, ignore."
                ),
                field=field,
                fields=", ".join(FIELDS),
            )
        matches = [i for i, h in enumerate(folded) if h == fold(column).strip()]
        if not matches:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "The file has no column “{column}”. Its columns are: {columns}."
                ),
                column=column,
                columns=", ".join(f"“{h}”" for h in headers if h),
            )
        for index in matches[:1]:
            if field:
                for other, name in list(result.items()):
                    if name == field:
                        del result[other]
                result[index] = field
            else:
                result.pop(index, None)
    return result


def check_mapping(mapping: dict[int, str]) -> None:
    chosen = list(mapping.values())
    doubled = sorted({f for f in chosen if f and chosen.count(f) > 1})
    if doubled:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "Each field can be assigned to one column only ({fields})."
            ),
            fields=", ".join(doubled),
        )
    if not {"first_name", "last_name", "full_name"} & set(chosen):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No column holds the names. Assign the columns “First name” and “Last name” "
                "(or “Full name”) before importing.",
            )
        )
