"""Merging the event files of laptops that worked without a network.

smartdialog merge TARGET SOURCE... [--format text|json]
smartdialog merge-decide TARGET [CASE CHOICE]
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from smartdialog.i18n import translate

if TYPE_CHECKING:
    pass


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.add_parser(
        "merge",
        help=translate("cli", "merge the event files of laptops that worked without a network"),
    )
    run.add_argument(
        "target", help=translate("cli", "the event to merge into (event file or database URL)")
    )
    run.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help=translate("cli", "the laptops' event files (they are only read, never changed)"),
    )
    run.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=translate("cli", "output format (default: text)"),
    )
    run.set_defaults(func=_merge)

    decide = sub.add_parser(
        "merge-decide",
        help=translate("cli", "list the cases a merge left to decide, or decide one"),
    )
    decide.add_argument("target", help=translate("cli", "event file or database URL"))
    decide.add_argument(
        "case", nargs="?", help=translate("cli", "the case number shown in the report")
    )
    decide.add_argument("choice", nargs="?", help=translate("cli", "the version to keep: A, B, …"))
    decide.set_defaults(func=_decide)


def _merge(args: argparse.Namespace) -> int:
    from smartdialog.core.services import merge

    report = merge.merge_into(args.target, args.sources)
    if args.format == "json":
        print(report.to_json(translate))
    else:
        print(merge.report_text(report, translate))
    return 0


def _decide(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import merge

    if (args.case is None) != (args.choice is None):
        print(translate("cli", "Give both the case and the version to keep."), file=sys.stderr)
        return 2
    db = open_database(args.target)
    try:
        if args.case is not None:
            with db.uow() as s:
                case = merge.decide(
                    s, merge.find_case(s, args.case), args.choice, by=db.device.name
                )
            print(
                translate("cli", "Case {case}: version {choice} kept.").format(
                    case=case.short, choice=args.choice.upper()
                )
            )
        with db.read() as s:
            cases = merge.list_cases(s, open_only=True)
    finally:
        db.close()
    if not cases:
        print(translate("cli", "No case is left to decide."))
        return 0
    for case in cases:
        print(
            translate("cli", "Case {case} (round {round}): {subject}").format(
                case=case.short, round=case.round_number, subject=case.subject
            )
        )
        for c in case.candidates:
            dots = ", ".join(f"{text} ×{n}" for text, n in c.dots)
            print(f"  {c.letter}: {c.device} {c.where} – {c.total}: {dots}")
    return 0
