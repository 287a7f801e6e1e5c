"""Jobs that make tampering evident and guard the roles.

smartdialog verify EVENT --round N --hash H
smartdialog protocol EVENT [--round N] --out FILE
smartdialog pin EVENT --role desk|moderation|office
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from smartdialog.commands import access, print_notices
from smartdialog.core import choices
from smartdialog.i18n import translate

if TYPE_CHECKING:
    from smartdialog.core.services import verification


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    event_help = translate("cli", "event file or database URL")
    verify = sub.add_parser(
        "verify",
        help=translate(
            "cli", "check an event file against the tally hash written down when a round closed"
        ),
    )
    verify.add_argument("event", help=event_help)
    verify.add_argument("--round", type=int, required=True, metavar="N")
    verify.add_argument(
        "--hash",
        required=True,
        metavar="H",
        help=translate("cli", "the hash as written down (spaces and case do not matter)"),
    )
    verify.set_defaults(func=_verify)

    protocol = sub.add_parser(
        "protocol",
        help=translate("cli", "write the one-page voting protocol of a closed round to sign"),
    )
    protocol.add_argument("event", help=event_help)
    protocol.add_argument(
        "--round", type=int, metavar="N", help=translate("cli", "round number (default: the last)")
    )
    protocol.add_argument("--out", required=True, metavar="FILE")
    protocol.set_defaults(func=_protocol)

    pin = sub.add_parser("pin", help=translate("cli", "set the PIN of a role"))
    pin.add_argument("event", help=event_help)
    pin.add_argument("--role", choices=choices.ROLES, required=True)
    pin.set_defaults(func=_pin)


def verdict_lines(verdict: verification.Verdict) -> list[str]:
    """The verdict in sentences, first the one that matters."""
    lines = []
    if verdict.ok:
        lines.append(
            translate(
                "cli",
                "MATCHES: round {number} of this file gives exactly the hash that was "
                "written down, and the audit log is unbroken.",
            ).format(number=verdict.round_number)
        )
        return lines
    if not verdict.tally_matches:
        lines.append(
            translate(
                "cli",
                "DOES NOT MATCH: the votes of round {number} in this file do not give the hash "
                "that was written down. The file was changed after the round closed, or the "
                "hash was copied wrongly.",
            ).format(number=verdict.round_number)
        )
    elif not verdict.stored_matches:
        lines.append(
            translate(
                "cli",
                "The votes match the written hash, but the hash stored in the file was changed.",
            )
        )
    else:
        lines.append(
            translate("cli", "The votes of round {number} match the written hash.").format(
                number=verdict.round_number
            )
        )
    if not verdict.chain.intact:
        lines.append(
            translate(
                "cli",
                "The audit log was edited: entry {seq} ({action}) is the first that no longer "
                "fits its chain.",
            ).format(seq=verdict.chain.first_broken_seq, action=verdict.chain.first_broken_action)
        )
    return lines


def _verify(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import verification

    db = open_database(args.event, read_only=True)
    try:
        print_notices(db)
        with db.read() as s:
            verdict = verification.verify_round(s, args.round, args.hash)
    finally:
        db.close()
    for line in verdict_lines(verdict):
        print(line)
    return 0 if verdict.ok else 3


def _protocol(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.minutes.protocol import protocol_data, write_protocol
    from smartdialog.core.services import voting

    db = open_database(args.event)
    try:
        with db.read() as s:
            if args.round is None:
                closed = [r for r in voting.list_rounds(s) if r.status == "closed"]
                if not closed:
                    print(translate("cli", "No round is closed yet."), file=sys.stderr)
                    return 1
                round_id = closed[-1].id
            else:
                round_id = voting.round_by_number(s, args.round).id
            data = protocol_data(s, round_id)
    finally:
        db.close()
    path = write_protocol(data, args.out)
    print(translate("cli", "Protocol written to {path}.").format(path=path))
    return 0


def _pin(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import roles

    try:
        first = getpass.getpass(translate("cli", "New PIN (4 to 12 digits): "))
        again = getpass.getpass(translate("cli", "The same PIN again: "))
    except (EOFError, OSError):
        print(translate("cli", "A new PIN can only be entered on a terminal."), file=sys.stderr)
        return 2
    if again != first:
        print(translate("cli", "The two PINs differ. Nothing was changed."), file=sys.stderr)
        return 1
    db = open_database(args.event)
    try:
        with db.uow() as s:
            roles.set_role_pin(s, args.role, first, authorisation=access.entered_pin())
    finally:
        db.close()
    print(
        translate("cli", "The PIN of the role {role} is set.").format(
            role=translate("roles", roles.ROLE_NAMES[args.role])
        )
    )
    return 0
