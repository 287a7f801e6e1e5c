"""Which column is which field: the form's headers matched to the registration's fields."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.text import fold

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


_HEADER_KEY = re.compile(r"[^a-z0-9]+")


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
