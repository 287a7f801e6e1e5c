"""Matching the checked rows against who is registered, and writing them in bulk.

A re-import of a newer export updates the people already imported (matched by
the form's registration number, else e-mail, else name and postcode) instead
of registering them twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.models import Participant
from smartdialog.core.services import audit, registration, tickets
from smartdialog.core.services.importer.mapping import (
    apply_overrides,
    auto_mapping,
    check_mapping,
    unclear_consents,
)
from smartdialog.core.services.importer.reading import Table, read_table
from smartdialog.core.services.importer.rows import Rejection, _fold, check_row
from smartdialog.core.text import fold, listed_name


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
    # Columns that ask for a consent the mapping does not know the purpose of: not imported,
    # shown to the user, never guessed.
    unclear_consents: list[str] = field(default_factory=list)
    # No column holds the consent to data processing: nobody's is recorded (none is assumed).
    without_data_consent: bool = False

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
    unclear_consents: list[str] = field(default_factory=list)
    without_data_consent: bool = False


def report_of(plan: ImportPlan) -> ImportReport:
    """What the plan would do, as a report (a dry run's answer)."""
    return ImportReport(
        len(plan.new),
        len(plan.updates),
        len(plan.unchanged),
        plan.problems,
        list(plan.flagged),
        list(plan.unclear_consents),
        plan.without_data_consent,
    )


_COMPARED: Final = (
    "first_name",
    "last_name",
    "title",
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
            Participant.title,
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

    plan = ImportPlan(
        unclear_consents=unclear_consents(table.headers, mapping),
        without_data_consent="consent_data" not in mapping.values(),
    )
    seen_ref: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    seen_name: dict[tuple[str, str, str], tuple[int, str, str]] = {}
    claimed: dict[uuid.UUID, int] = {}
    total = len(table.rows)
    for done, (row, cells) in enumerate(table.rows, start=1):
        if progress is not None and done % 1000 == 0:
            progress(done, total)
        checked = check_row(row, cells, mapping, table.headers)
        if isinstance(checked, Rejection):
            plan.rejected.append(checked)
            continue
        plan.flagged.extend(Rejection(row, note) for note in checked["notes"])
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
            if _registered_apart(ref, email, first_ref, first_email):
                # Two registrations of their own: perhaps namesakes, perhaps one person twice.
                plan.flagged.append(
                    Rejection(
                        row,
                        DomainError(
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
            plan.duplicates.append(Rejection(row, DomainError(why, row=earlier)))
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
                if _registered_apart(ref, email, other_ref, other_email):
                    plan.flagged.append(
                        Rejection(
                            row,
                            DomainError(
                                QT_TRANSLATE_NOOP(
                                    "errors",
                                    "Imported, but check: {name} with the same postcode is registered already.",
                                ),
                                name=listed_name(namesake.first_name, namesake.last_name),
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
                    DomainError(
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
                    "title": v["title"],
                    "email": v["email"],
                    "organisation": v["organisation"],
                    "postcode": v["postcode"],
                    "district": v["district"],
                    "source": "preregistered",
                    "external_ref": v["external_ref"],
                    "search_key": v["search_key"],
                    # No consent is assumed: a file without the column records none.
                    **{
                        column: _consent_at(v, name, at)
                        for name, column in _CONSENT_COLUMNS.items()
                    },
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
                    values[_CONSENT_COLUMNS[name]] = _consent_at(v, name, at)
                else:
                    values[name] = v[name]
            values["search_key"] = v["search_key"]
            changes.append(values)
        for chunk in _chunks(changes, 2000):
            s.execute(update(Participant), chunk)
    rejected = plan.problems
    audit.record(
        s,
        Action.PARTICIPANTS_IMPORTED,
        "event",
        event_id,
        f"{source_name}: {len(plan.new)} new, {len(plan.updates)} updated, {len(rejected)} rejected",
    )
    report = report_of(plan)
    return report


def _consent_at(values: dict[str, Any], name: str, at: datetime) -> datetime | None:
    """When a consent was given: the date its cell names, else the moment of the import."""
    if not values.get(name):
        return None
    given: datetime | None = values.get(f"{name}_at")
    return given or at


def _chunks(items: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def import_file(s: Session, path: str | Path, overrides: Sequence[str] = ()) -> ImportReport:
    """Read, map automatically (with "COLUMN=FIELD" corrections) and import in one go."""
    table = read_table(path)
    mapping = apply_overrides(table.headers, auto_mapping(table.headers), overrides)
    plan = plan_import(s, table, mapping)
    return apply_import(s, plan, source_name=Path(path).name)


def _registered_apart(ref: str, email: str, other_ref: str, other_email: str) -> bool:
    """Two registrations of their own: a different registration number or e-mail on both."""
    return bool(
        (ref and other_ref and ref != other_ref) or (email and other_email and email != other_email)
    )
