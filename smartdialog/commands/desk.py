"""Jobs of the registration desk: import registrations, print tickets and badges, check in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from smartdialog import i18n
from smartdialog.core import choices
from smartdialog.core.errors import SmartDialogError
from smartdialog.i18n import translate

if TYPE_CHECKING:
    from smartdialog.core.db import Database

EXIT_WELCOME = 0
EXIT_ALREADY = 3
EXIT_REJECTED = 4


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import", help=translate("cli", "import registrations from a CSV or Excel file")
    )
    imp.add_argument("event", help=translate("cli", "event file or database URL"))
    imp.add_argument(
        "file", type=Path, help=translate("cli", "the CSV or XLSX export of the registration form")
    )
    imp.add_argument(
        "--dry-run", action="store_true", help=translate("cli", "check the file, change nothing")
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help=translate(
            "cli",
            "assign a column to a field where the automatic mapping is wrong (repeatable); "
            "FIELD is one of {fields} or ignore",
        ).format(fields=", ".join(choices.IMPORT_FIELDS)),
    )
    imp.set_defaults(func=_import)

    tix = sub.add_parser(
        "tickets", help=translate("cli", "write every participant's ticket into one PDF")
    )
    tix.add_argument("event", help=translate("cli", "event file or database URL"))
    target = tix.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help=translate("cli", "all tickets in one PDF")
    )
    target.add_argument(
        "--each",
        type=Path,
        metavar="FOLDER",
        help=translate(
            "cli", "one PDF per person in FOLDER, with a mail-merge list, to send by e-mail"
        ),
    )
    tix.add_argument(
        "--layout",
        choices=choices.TICKET_LAYOUTS,
        default="a4",
        help=translate("cli", "a4: one ticket per page; a4x4: four per sheet to cut"),
    )
    tix.set_defaults(func=_tickets)

    bad = sub.add_parser("badges", help=translate("cli", "write name badges into one PDF"))
    bad.add_argument("event", help=translate("cli", "event file or database URL"))
    bad.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    bad.add_argument(
        "--layout",
        choices=choices.BADGE_LAYOUTS,
        default="a6",
        help=translate("cli", "a6: one badge per A6 sheet; label62: 62 mm label roll"),
    )
    bad.add_argument(
        "--present", action="store_true", help=translate("cli", "only people checked in")
    )
    bad.set_defaults(func=_badges)

    chk = sub.add_parser(
        "checkin",
        help=translate(
            "cli", "check in the holder of a ticket (exit 0 welcome, 3 already, 4 rejected)"
        ),
    )
    chk.add_argument("event", help=translate("cli", "event file or database URL"))
    chk.add_argument("payload", help=translate("cli", "the ticket code as the scanner reads it"))
    chk.add_argument("--desk", default=translate("cli", "Desk"), metavar="NAME")
    chk.set_defaults(func=_checkin)


def _open(event: str) -> Database:
    # The laptop's own identity: the desk's name goes into the check-in, not
    # into the device list (where it would rename this laptop for everyone).
    from smartdialog.core.db import DeviceIdentity, open_database

    return open_database(event, DeviceIdentity.this_machine())


def _problem(exc: SmartDialogError) -> str:
    return exc.text(translate)


def _import(args: argparse.Namespace) -> int:
    from smartdialog.core.services import importer

    db = _open(args.event)
    try:
        table = importer.read_table(args.file)
        mapping = importer.apply_overrides(
            table.headers, importer.auto_mapping(table.headers), args.map
        )
        with db.uow() as s:
            plan = importer.plan_import(s, table, mapping)
            if args.dry_run:
                report = importer.report_of(plan)
                s.rollback()
            else:
                report = importer.apply_import(s, plan, source_name=args.file.name)
    finally:
        db.close()
    print(translate("cli", "Columns:"))
    for index, header in enumerate(table.headers):
        field = mapping.get(index, "")
        label = translate("importer", importer.FIELD_LABELS[field])
        print(f"  {header or '?'} → {label}")
    for header in report.unclear_consents:
        print(
            translate(
                "cli",
                "The column “{column}” asks for a consent, but for which purpose is not clear; "
                'it was not imported. If it is one, name it: --map "{column}=consent_photos" '
                "(or consent_data, consent_contact, consent_attribution).",
            ).format(column=header)
        )
    if report.without_data_consent:
        print(
            translate(
                "cli",
                "No column holds the consent to data processing: none was recorded for the "
                "people imported. Ask for it at the desk.",
            )
        )
    else:
        print(
            translate(
                "cli",
                "Rule: a person without consent to data processing in the file is not imported.",
            )
        )
    print(
        translate(
            "cli",
            "Imported: {imported}, updated: {updated}, unchanged: {unchanged}, rejected: {rejected}",
        ).format(
            imported=report.imported,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=len(report.rejected),
        )
    )
    for rejection in report.rejected:
        print(
            translate("cli", "  row {row}: {reason}").format(
                row=rejection.row, reason=_problem(rejection.problem)
            )
        )
    for flag in report.flagged:
        print(
            translate("cli", "  row {row}: {reason}").format(
                row=flag.row, reason=_problem(flag.problem)
            )
        )
    if args.dry_run:
        print(translate("cli", "Nothing was changed (--dry-run)."))
    return 0


def _tickets(args: argparse.Namespace) -> int:
    from smartdialog.core.services import badges

    texts = badges.print_texts(i18n.preferred_language(args.lang))
    db = _open(args.event)
    try:
        with db.read() as s:
            people = badges.people_to_print(s)
            header = badges.event_header(s, texts)
    finally:
        db.close()

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    if args.each is not None:
        out = badges.write_ticket_files(people, header, args.each, texts=texts, progress=progress)
    else:
        out = badges.write_tickets(
            people, header, args.out, layout=args.layout, texts=texts, progress=progress
        )
    print(file=sys.stderr)
    print(translate("cli", "{count} tickets written to {path}").format(count=len(people), path=out))
    return 0


def _badges(args: argparse.Namespace) -> int:
    from smartdialog.core.services import badges, checkin

    texts = badges.print_texts(i18n.preferred_language(args.lang))
    db = _open(args.event)
    try:
        with db.read() as s:
            people = badges.people_to_print(s)
            if args.present:
                people = [p for p in people if checkin.active_check_in(s, p.participant_id)]
            header = badges.event_header(s, texts)
    finally:
        db.close()
    out = badges.write_badges(people, header, args.out, layout=args.layout, texts=texts)
    print(translate("cli", "{count} badges written to {path}").format(count=len(people), path=out))
    return 0


def _checkin(args: argparse.Namespace) -> int:
    from smartdialog.core import clock
    from smartdialog.core.services import checkin

    db = _open(args.event)
    try:
        with db.uow() as s:
            result = checkin.scan(s, args.payload, args.desk)
    finally:
        db.close()
    if result.verdict == checkin.REJECTED:
        assert result.problem is not None
        print(_problem(result.problem))
        return EXIT_REJECTED
    assert result.holder is not None and result.at is not None
    time = clock.hh_mm(result.at)
    if result.verdict == checkin.ALREADY:
        print(
            translate("cli", "{name} is already checked in (since {time} at {desk}).").format(
                name=result.holder.full_name, time=time, desk=result.desk or "?"
            )
        )
        return EXIT_ALREADY
    print(
        translate("cli", "Welcome, {name}! Checked in at {time}.").format(
            name=result.holder.full_name, time=time
        )
    )
    return EXIT_WELCOME
