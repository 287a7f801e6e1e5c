"""`smartdialog minutes`, `export` and `privacy`: the minutes PDF, the data and data protection, without the app."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from smartdialog.commands import confirmed, no_terminal_to_ask
from smartdialog.core import choices
from smartdialog.i18n import translate

if TYPE_CHECKING:
    from smartdialog.core.services import privacy


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pdf = sub.add_parser(
        "minutes", help=translate("cli", "write the minutes for the council as PDF")
    )
    pdf.add_argument("event", help=translate("cli", "event file or database URL"))
    pdf.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.pdf",
        help=translate("cli", "the PDF to write"),
    )
    pdf.add_argument(
        "--final",
        action="store_true",
        help=translate("cli", "mark the minutes final first (no draft marking any more)"),
    )
    pdf.set_defaults(func=_minutes)

    data = sub.add_parser("export", help=translate("cli", "export the results as CSV or JSON"))
    data.add_argument("event", help=translate("cli", "event file or database URL"))
    data.add_argument("--format", choices=choices.EXPORT_FORMATS, default="csv")
    data.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help=translate("cli", "the folder to write into"),
    )
    data.add_argument(
        "--comma",
        action="store_true",
        help=translate(
            "cli",
            "separate CSV cells by commas instead of semicolons (German Excel wants semicolons)",
        ),
    )
    data.set_defaults(func=_export)

    privacy_parser = sub.add_parser(
        "privacy",
        help=translate(
            "cli", "data protection: remove all personal data, or export one person's data"
        ),
    )
    privacy_parser.add_argument("event", help=translate("cli", "event file or database URL"))
    action = privacy_parser.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--anonymise",
        action="store_true",
        help=translate("cli", "remove all personal data for good, keeping the anonymous results"),
    )
    action.add_argument(
        "--person",
        type=int,
        metavar="TICKET",
        help=translate("cli", "export everything stored about this ticket's holder"),
    )
    privacy_parser.add_argument(
        "--out",
        type=Path,
        metavar="FILE.json",
        help=translate("cli", "where to write the person's data"),
    )
    privacy_parser.add_argument(
        "--yes",
        action="store_true",
        help=translate("cli", "do not ask before removing the personal data"),
    )
    privacy_parser.add_argument(
        "--backups",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help=translate(
            "cli",
            "a folder with automatic backups of the event, searched for personal data too "
            "(repeatable; the event's own folder is always searched)",
        ),
    )
    privacy_parser.add_argument(
        "--delete-backups",
        action="store_true",
        help=translate("cli", "overwrite and delete the backups that still hold personal data"),
    )
    privacy_parser.set_defaults(func=_privacy)


def _minutes(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import minutes

    with contextlib.suppress(
        OSError
    ):  # if it cannot be made, the export says why it cannot write there
        args.out.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(args.event)
    try:
        if args.final:
            with db.uow() as s:
                minutes.mark_final(s)
        result = minutes.export_pdf(db, args.out, _progress if sys.stderr.isatty() else None)
    finally:
        db.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        translate("cli", "Minutes written to {path}: {pages} pages.").format(
            path=result.path, pages=result.pages
        )
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import export

    db = open_database(args.event)
    try:
        result = export.export(db, args.out, args.format, delimiter="," if args.comma else ";")
    finally:
        db.close()
    for path in result.paths:
        print(path)
    return 0


def _privacy(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import privacy

    if args.person is not None and args.out is None:
        print(translate("cli", "Say with --out where to write the person's data."), file=sys.stderr)
        return 2
    if args.anonymise and not args.yes:
        answer = confirmed(
            translate("cli", "Remove all personal data of this event for good? Type yes: ")
        )
        if answer is None:
            return no_terminal_to_ask()
        if not answer:
            print(translate("cli", "Nothing was changed."))
            return 1
    db = open_database(args.event)
    try:
        if args.anonymise:
            report = privacy.anonymise(
                db, backup_folders=args.backups, delete_backups=args.delete_backups
            )
            return _purge_told(report)
        with db.read() as s:
            participant_id = privacy.find_by_ticket(s, args.person)
        path = privacy.export_person(db, participant_id, args.out)
        print(path)
    finally:
        db.close()
    return 0


def _purge_told(report: privacy.AnonymisationReport) -> int:
    """Say what the purge did and what its check found; 1 unless it is proven complete."""
    check = report.check
    assert check is not None
    for leftover in check.leftovers:
        print(
            translate("cli", "Removed personal data is still in {place} ({count} values).").format(
                place=leftover.place, count=leftover.values
            ),
            file=sys.stderr,
        )
    if check.leftovers:
        return 1
    print(
        translate("cli", "Personal data removed: {count} participants are anonymous now.").format(
            count=report.participants
        )
    )
    if check.not_searched:
        print(
            translate(
                "cli",
                "The server's files could not be searched for the removed values: {reason}.",
            ).format(reason=check.not_searched)
        )
    else:
        print(
            translate(
                "cli",
                "Checked: none of the {values} removed values is left in {places} files on disk.",
            ).format(values=check.values_searched, places=len(check.places_searched))
        )
    for path in check.backups_deleted:
        print(translate("cli", "Backup with personal data deleted: {path}").format(path=path))
    for path in check.backups_with_personal_data:
        print(
            translate("cli", "This backup still holds personal data: {path}").format(path=path),
            file=sys.stderr,
        )
    if check.backups_with_personal_data:
        print(
            translate(
                "cli",
                "Delete these backups with --delete-backups, or keep them somewhere safe "
                "until their retention period ends.",
            ),
            file=sys.stderr,
        )
        return 1
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r{done * 100 // max(total, 1):3d} %", end="", file=sys.stderr, flush=True)
