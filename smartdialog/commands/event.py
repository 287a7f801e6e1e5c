"""Jobs about the event file itself: the demo event, creating and inspecting events."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from smartdialog.commands import print_notices
from smartdialog.core.errors import QT_TRANSLATE_NOOP
from smartdialog.core.targets import is_url
from smartdialog.i18n import translate

if TYPE_CHECKING:
    pass


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help=translate("cli", "write a realistic demo event"))
    demo.add_argument(
        "file", type=Path, help=translate("cli", "the event file to write (replaced if it exists)")
    )
    demo.add_argument("--participants", type=int, default=500, metavar="N")
    demo.add_argument("--ideas", type=int, default=300, metavar="N")
    demo.add_argument(
        "--votes", action="store_true", help=translate("cli", "add a closed voting round")
    )
    demo.add_argument("--seed", type=int, default=2018)
    demo.set_defaults(func=_demo)

    new = sub.add_parser("new", help=translate("cli", "create a new event file"))
    new.add_argument("file", help=translate("cli", "event file or database URL"))
    new.add_argument("--title", required=True)
    new.add_argument("--venue", default="")
    new.add_argument("--organiser", default="")
    new.add_argument("--council-reference", default="")
    new.set_defaults(func=_new)

    info = sub.add_parser(
        "info", help=translate("cli", "show an event's details and fields of action")
    )
    info.add_argument("event", help=translate("cli", "event file or database URL"))
    info.set_defaults(func=_info)

    backup = sub.add_parser(
        "backup",
        help=translate("cli", "save a complete backup copy of an event file, also while in use"),
    )
    backup.add_argument("event", help=translate("cli", "event file"))
    backup.add_argument(
        "--out", type=Path, required=True, help=translate("cli", "the backup file to write")
    )
    backup.set_defaults(func=_backup)


def _demo(args: argparse.Namespace) -> int:
    from smartdialog.core.demo import write_demo

    if args.participants < 0 or args.ideas < 0:
        print(translate("cli", "Counts must not be negative."))
        return 2
    args.file.parent.mkdir(parents=True, exist_ok=True)
    summary = write_demo(
        args.file,
        participants=args.participants,
        ideas=args.ideas,
        votes=args.votes,
        seed=args.seed,
    )
    print(
        translate(
            "cli",
            "Demo event written to {path}: {participants} participants ({present} present), {ideas} ideas.",
        ).format(
            path=summary.path,
            participants=summary.participants,
            present=summary.checked_in,
            ideas=summary.ideas,
        )
    )
    return 0


def _new(args: argparse.Namespace) -> int:
    from smartdialog.core.db import create_database
    from smartdialog.core.services import setup

    db = create_database(args.file)
    try:
        with db.uow() as s:
            setup.create_event(
                s,
                args.title,
                venue=args.venue,
                organiser=args.organiser,
                council_reference=args.council_reference,
            )
    finally:
        db.close()
    print(translate("cli", "Event created: {path}").format(path=args.file))
    return 0


def _info(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import setup

    db = open_database(args.event, read_only=True)
    print_notices(db)
    try:
        with db.read() as s:
            event = setup.get_event(s)
            fields = setup.list_fields(s)
            stations = setup.list_stations(s)
    finally:
        db.close()
    print(event.title)
    for label, value in (
        (translate("cli", "Venue"), event.venue),
        (translate("cli", "Organiser"), event.organiser),
        (translate("cli", "Council reference"), event.council_reference),
        (translate("cli", "Event code"), event.code),
    ):
        if value:
            print(f"  {label}: {value}")
    print(translate("cli", "Fields of action:"))
    for field in fields:
        print(f"  {field.position + 1}. {field.name} ({field.colour})")
    print(translate("cli", "Tables:"))
    for station in stations:
        print(f"  {station.name}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from smartdialog.core.backup import BackupError, backup_file
    from smartdialog.core.db import open_database

    if is_url(args.event):
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A shared event on a database server is backed up on the server "
                "(for example with pg_dump), not by smartdialog.",
            )
        )
    # Opened first only to make sure it is an event (and to say so if it is in use).
    db = open_database(args.event, read_only=True)
    print_notices(db)
    db.close()
    result = backup_file(Path(args.event), args.out)
    print(
        translate("cli", "Backup copy saved: {path} ({size} kB)").format(
            path=result.path, size=max(1, result.size // 1024)
        )
    )
    return 0
