"""Dot-voting jobs: the results of a round, and what a moderator does with rounds.

smartdialog results EVENT [--round N] [--format table|csv|json]
smartdialog round list|new|shortlist|open|close|runoff EVENT ...
smartdialog paper EVENT IDEA DOTS [--round N]
smartdialog station-pin EVENT
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import sys
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from smartdialog.commands import access, confirmed, no_terminal_to_ask
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.i18n import translate

if TYPE_CHECKING:
    from smartdialog.core.db import Database
    from smartdialog.core.services import setup, voting

CSV_COLUMNS = (
    "round",
    "field",
    "rank",
    "rank_in_field",
    "tied",
    "text",
    "device_dots",
    "paper_dots",
    "total",
    "voters",
    "merged_from",
    "idea_id",
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    event_help = translate("cli", "event file or database URL")
    results = sub.add_parser("results", help=translate("cli", "show the results of a voting round"))
    results.add_argument("event", help=event_help)
    results.add_argument(
        "--round",
        type=int,
        metavar="N",
        help=translate("cli", "round number (default: the open or last closed one)"),
    )
    results.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help=translate("cli", "output format (default: table)"),
    )
    results.add_argument(
        "--top",
        type=int,
        metavar="N",
        help=translate(
            "cli", "only the first N places, per field and overall (ideas tied at the cut stay)"
        ),
    )
    results.set_defaults(func=_results)

    rounds = sub.add_parser(
        "round", help=translate("cli", "list, create, open and close voting rounds")
    )
    jobs = rounds.add_subparsers(dest="round_job", metavar="JOB", required=True)
    listing = jobs.add_parser("list", help=translate("cli", "list the voting rounds"))
    listing.add_argument("event", help=event_help)
    listing.set_defaults(func=_list)

    new = jobs.add_parser(
        "new", help=translate("cli", "create a voting round (a draft until opened)")
    )
    new.add_argument("event", help=event_help)
    new.add_argument("--title", default="")
    new.add_argument(
        "--dots",
        type=int,
        metavar="N",
        help=translate("cli", "dots per participant (default: the event's)"),
    )
    new.add_argument(
        "--per-idea",
        type=int,
        metavar="N",
        help=translate("cli", "at most this many dots on one idea"),
    )
    new.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME",
        help=translate("cli", "a field of action open in the round (repeat; default: all)"),
    )
    new.add_argument(
        "--budget",
        action="append",
        default=[],
        metavar="NAME=N",
        help=translate("cli", "at most N dots of each participant in this field (repeat)"),
    )
    new.add_argument(
        "--show-tally",
        action="store_true",
        help=translate("cli", "show the tally while the round is open"),
    )
    new.add_argument(
        "--final", action="store_true", help=translate("cli", "a cast ballot cannot be changed")
    )
    new.add_argument(
        "--no-checkin",
        action="store_true",
        help=translate("cli", "let people vote who are not checked in"),
    )
    new.add_argument(
        "--runoff-on-ties",
        action="store_true",
        help=translate("cli", "ties are decided by a runoff"),
    )
    new.add_argument(
        "--shortlist",
        metavar="KIND",
        help=translate(
            "cli",
            "what the ballot holds: clusters, selected (with --idea), top:N (the N best supported "
            "per field) or all (default)",
        ),
    )
    new.add_argument(
        "--idea",
        action="append",
        default=[],
        metavar="ID",
        help=translate("cli", "an idea on the shortlist, by its id or first characters (repeat)"),
    )
    new.set_defaults(func=_new)

    short = jobs.add_parser(
        "shortlist",
        help=translate(
            "cli", "show a draft round's ballot, or change its shortlist before it opens"
        ),
    )
    short.add_argument("event", help=event_help)
    short.add_argument("number", type=int, metavar="N", help=translate("cli", "round number"))
    short.add_argument(
        "--set", metavar="KIND", help=translate("cli", "clusters, selected, top:N or all")
    )
    short.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="ID",
        help=translate("cli", "put this idea on the shortlist (repeat)"),
    )
    short.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="ID",
        help=translate("cli", "take this idea off the shortlist (repeat)"),
    )
    short.set_defaults(func=_shortlist)

    for name, helptext, func in (
        ("open", translate("cli", "open a round for voting (freezes its ideas)"), _open),
        ("close", translate("cli", "close a round and record its tally's SHA-256"), _close),
        (
            "runoff",
            translate("cli", "create a runoff among the best tied ideas of a closed round"),
            _runoff,
        ),
    ):
        job = jobs.add_parser(name, help=helptext)
        job.add_argument("event", help=event_help)
        job.add_argument("number", type=int, metavar="N", help=translate("cli", "round number"))
        if name == "close":
            job.add_argument(
                "--yes", action="store_true", help=translate("cli", "do not ask for confirmation")
            )
        job.set_defaults(func=func)

    paper = sub.add_parser(
        "paper", help=translate("cli", "enter the dots counted on a paper poster for one idea")
    )
    paper.add_argument("event", help=event_help)
    paper.add_argument("idea", help=translate("cli", "the idea's id (or its first characters)"))
    paper.add_argument(
        "dots", type=int, help=translate("cli", "the counted dots (0 removes the entry)")
    )
    paper.add_argument(
        "--round",
        type=int,
        metavar="N",
        help=translate("cli", "round number (default: the open one)"),
    )
    paper.add_argument("--note", default="")
    paper.set_defaults(func=_paper)

    pin = sub.add_parser(
        "station-pin", help=translate("cli", "set the PIN that unlocks a voting station")
    )
    pin.add_argument("event", help=event_help)
    pin.set_defaults(func=_pin)


# -- results ------------------------------------------------------------------------------


def _chosen_round(s: Any, number: int | None) -> voting.RoundInfo:
    from smartdialog.core.services import voting

    if number is not None:
        return voting.round_by_number(s, number)
    info = voting.latest_round(s)
    if info is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "This event has no open or closed voting round yet.")
        )
    return info


def _results(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.services import voting

    db = open_database(args.event)
    try:
        with db.read() as s:
            results = voting.round_results(s, _chosen_round(s, args.round).id)
    finally:
        db.close()
    if args.top is not None:
        if args.top < 1:
            raise DomainError(QT_TRANSLATE_NOOP("errors", "--top needs a number of 1 or more."))
        results = _cut(results, args.top)
    if args.format == "json":
        json.dump(results_record(results), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        _write_csv(results)
    else:
        _write_table(results)
    return 0


def _cut(results: voting.RoundResults, top: int) -> voting.RoundResults:
    """The first ``top`` places per field and overall, with every idea tied at the cut."""
    from smartdialog.core.services import voting

    return dataclasses.replace(
        results,
        fields=tuple(
            dataclasses.replace(f, ideas=tuple(voting.top_with_ties(f.ideas, top)))
            for f in results.fields
        ),
        overall=tuple(voting.top_with_ties(results.overall, top)),
    )


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def results_record(results: voting.RoundResults) -> dict[str, Any]:
    """The results as plain JSON values (ids and times as strings)."""
    record: dict[str, Any] = _plain(dataclasses.asdict(results))
    record["turnout"]["ballot_share"] = round(results.turnout.ballot_share, 4)
    record["turnout"]["dot_share"] = round(results.turnout.dot_share, 4)
    return record


def _write_csv(results: voting.RoundResults) -> None:
    from smartdialog.core import spreadsheet

    in_field = {i.idea_id: i.rank for f in results.fields for i in f.ideas}
    writer = spreadsheet.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i in results.overall:
        record = {
            "round": results.round.number,
            "field": i.field_name,
            "rank": i.rank,
            "rank_in_field": in_field.get(i.idea_id, ""),
            "tied": "yes" if i.tied else "",
            "text": i.text,
            "device_dots": i.device_dots,
            "paper_dots": i.paper_dots,
            "total": i.total,
            "voters": i.voters,
            "merged_from": "; ".join(m.text for m in i.merged_from),
            "idea_id": str(i.idea_id),
        }
        writer.writerow([record[c] for c in CSV_COLUMNS])


def _status_text(info: voting.RoundInfo) -> str:
    return {
        "draft": translate("cli", "draft"),
        "open": translate("cli", "open"),
        "closed": translate("cli", "closed"),
    }[info.status]


def _rules_text(rules: voting.RoundRules) -> str:
    parts = [
        translate("cli", "{dots} dots per participant, at most {max} per idea").format(
            dots=rules.dots_per_participant, max=rules.max_dots_per_idea
        )
    ]
    budgets = [f"{f.name} ≤ {f.budget}" for f in rules.fields if f.budget is not None]
    if budgets:
        parts.append(translate("cli", "budgets: {budgets}").format(budgets=", ".join(budgets)))
    parts.append(
        translate("cli", "ties: runoff")
        if rules.tie_rule == "runoff"
        else translate("cli", "ties share a rank")
    )
    return "; ".join(parts)


def _idea_line(i: voting.IdeaResult) -> str:
    rank = f"{i.rank}.{'=' if i.tied else ''}"
    origin = translate("cli", "{device} device + {paper} paper").format(
        device=i.device_dots, paper=i.paper_dots
    )
    line = f"  {rank:>5} {i.total:>4}  ({origin})  {i.text}"
    for m in i.merged_from:
        line += (
            "\n"
            + " " * 14
            + translate("cli", "merged: {text} ({dots})").format(
                text=m.text, dots=m.device_dots + m.paper_dots
            )
        )
    return line


def _write_table(results: voting.RoundResults) -> None:
    info, t = results.round, results.turnout
    print(
        translate("cli", "Round {number}: {title} [{status}]").format(
            number=info.number, title=info.title, status=_status_text(info)
        )
    )
    print("  " + _rules_text(info.rules))
    print(
        "  "
        + translate(
            "cli",
            "Ballots: {ballots} of {eligible} present ({share:.0%}); dots used: {used} of {available}; paper dots: {paper}",
        ).format(
            ballots=t.ballots_cast,
            eligible=t.eligible,
            share=t.ballot_share,
            used=t.dots_used,
            available=t.dots_available,
            paper=t.paper_dots,
        )
    )
    if info.is_open:
        print("  " + translate("cli", "The round is still open: this is an interim count."))
    for f in results.fields:
        print()
        budget = (
            "" if f.budget is None else " " + translate("cli", "(budget {n})").format(n=f.budget)
        )
        print(f"{f.name}{budget}: {f.total}")
        for i in f.ideas:
            print(_idea_line(i))
    print()
    print(translate("cli", "Overall"))
    for i in results.overall:
        print(_idea_line(i))
    if results.tied_groups:
        print()
        print(translate("cli", "Ties (= shares a rank):"))
        for group in results.tied_groups:
            print(f"  {group[0].rank}.: " + " | ".join(i.text for i in group))
    if results.tally_sha256:
        print()
        print(f"SHA-256: {results.tally_sha256}")
        if results.tally_intact is False:
            print(
                translate(
                    "cli",
                    "WARNING: the dots in the file no longer match this hash; they were changed after closing.",
                )
            )


# -- rounds -------------------------------------------------------------------------------


def _with_db(args: argparse.Namespace) -> Database:
    from smartdialog.core.db import open_database

    return open_database(args.event)


def _list(args: argparse.Namespace) -> int:
    from smartdialog.core.services import voting

    db = _with_db(args)
    try:
        with db.read() as s:
            rounds = voting.list_rounds(s)
    finally:
        db.close()
    if not rounds:
        print(translate("cli", "No voting rounds yet."))
    for r in rounds:
        print(
            f"{r.number:>3}  {_status_text(r):<12} {r.title}  —  "
            + translate("cli", "{ideas} ideas, {ballots} ballots").format(
                ideas=r.idea_count, ballots=r.ballots_cast
            )
        )
        print("     " + _rules_text(r.rules))
    return 0


def _field_by_name(fields: list[setup.FieldInfo], wanted: str) -> setup.FieldInfo:
    from smartdialog.core.text import fold

    key = fold(wanted)
    candidates = [f for f in fields if fold(f.name) == key] or [
        f for f in fields if fold(f.name).startswith(key)
    ]
    if len(candidates) != 1:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "No single field of action is called “{name}”. The fields are: {names}."
            ),
            name=wanted,
            names=", ".join(f.name for f in fields),
        )
    return candidates[0]


def _new(args: argparse.Namespace) -> int:
    from smartdialog.core.services import setup, voting

    db = _with_db(args)
    try:
        with db.uow() as s:
            fields = setup.list_fields(s)
            field_ids = [_field_by_name(fields, name).id for name in args.field] or None
            budgets: dict[uuid.UUID, int | None] = {}
            for item in args.budget:
                name, _, count = item.rpartition("=")
                if not name or not count.strip().isdigit():
                    raise DomainError(
                        QT_TRANSLATE_NOOP(
                            "errors", "Write a budget as NAME=N, for example Mobilität=2."
                        ),
                    )
                budgets[_field_by_name(fields, name).id] = int(count)
            info = voting.create_round(
                s,
                args.title,
                dots_per_participant=args.dots,
                max_dots_per_idea=args.per_idea,
                field_ids=field_ids,
                budgets=budgets,
                hide_tally=not args.show_tally,
                allow_change=not args.final,
                require_checkin=not args.no_checkin,
                tie_rule="runoff" if args.runoff_on_ties else "shared",
            )
            shown = None
            if args.shortlist or args.idea:
                mode, top = voting.parse_mode(args.shortlist or "selected")
                chosen = [_idea_id(s, info.id, i) for i in args.idea]
                shown = voting.set_shortlist(s, info.id, mode, top=top, idea_ids=chosen)
            else:
                shown = voting.preview(s, info.id)
    finally:
        db.close()
    print(
        translate("cli", "Round {number} created: {title}").format(
            number=info.number, title=info.title
        )
    )
    print("  " + _rules_text(info.rules))
    _print_preview(shown)
    return 0


def _idea_id(s: Any, round_id: uuid.UUID, wanted: str) -> uuid.UUID:
    """An idea of the round's fields by its id or the id's first characters."""
    from smartdialog.core.services import voting

    key = wanted.strip().lower()
    matches = [
        c.idea_id
        for f in voting.preview(s, round_id).fields
        for c in f.cards
        if str(c.idea_id).startswith(key)
    ] or [
        c.idea_id
        for c in voting.shortlist.candidates(s, round_id, "all")
        if str(c.idea_id).startswith(key)
    ]
    if len(set(matches)) != 1 or not key:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No single active idea of the round's fields has an id starting with “{id}”.",
            ),
            id=wanted,
        )
    return matches[0]


def _print_preview(shown: voting.BallotPreview) -> None:
    print(
        "  "
        + translate("cli", "Ballot: {cards} card(s), about {screens} screen(s)").format(
            cards=shown.cards, screens=shown.screens
        )
        + ("" if shown.shortlisted else " " + translate("cli", "(every active idea)"))
    )
    for f in shown.fields:
        print(f"    {f.name}: {len(f.cards)}")
        if shown.shortlisted:
            for c in f.cards:
                print(f"      {str(c.idea_id)[:8]}  {c.text}")
    for change in shown.changes:
        if change.kind == "merged":
            line = translate(
                "cli", "On opening, “{text}” gives way to “{survivor}”, into which it was merged."
            ).format(text=change.text, survivor=change.survivor_text)
        else:
            line = translate(
                "cli", "On opening, “{text}” leaves the ballot: it has been hidden."
            ).format(text=change.text)
        print("  " + line)
    for problem in shown.problems:
        print(
            "  "
            + translate("cli", "Cannot open yet: {problem}").format(problem=problem.text(translate))
        )


def _shortlist(args: argparse.Namespace) -> int:
    from smartdialog.core.services import voting

    db = _with_db(args)
    try:
        with db.uow() as s:
            info = voting.round_by_number(s, args.number)
            if args.set:
                mode, top = voting.parse_mode(args.set)
                voting.set_shortlist(s, info.id, mode, top=top)
            for wanted in args.add:
                voting.add_to_shortlist(s, info.id, _idea_id(s, info.id, wanted))
            for wanted in args.remove:
                voting.remove_from_shortlist(s, info.id, _idea_id(s, info.id, wanted))
            shown = voting.preview(s, info.id)
    finally:
        db.close()
    print(
        translate("cli", "Round {number}: {title} [{status}]").format(
            number=info.number, title=info.title, status=_status_text(info)
        )
    )
    _print_preview(shown)
    return 0


def _open(args: argparse.Namespace) -> int:
    from smartdialog.core.services import voting

    db = _with_db(args)
    try:
        with db.uow() as s:
            round_id = voting.round_by_number(s, args.number).id
            changes = voting.preview(s, round_id).changes
            info = voting.start_round(s, round_id)
    finally:
        db.close()
    for change in changes:
        print(
            translate("cli", "“{text}” gave way to “{survivor}”, into which it was merged.").format(
                text=change.text, survivor=change.survivor_text
            )
            if change.kind == "merged"
            else translate("cli", "“{text}” left the ballot: it has been hidden.").format(
                text=change.text
            )
        )
    print(
        translate("cli", "Round {number} is open: {ideas} ideas are frozen for voting.").format(
            number=info.number, ideas=info.idea_count
        )
    )
    return 0


def _close(args: argparse.Namespace) -> int:
    from smartdialog.core.services import voting

    db = _with_db(args)
    try:
        if not args.yes:
            with db.read() as s:
                info = voting.round_by_number(s, args.number)
            question = translate(
                "cli",
                "Close round {number} ({ballots} ballots)? Nobody can vote in it afterwards. [y/N] ",
            ).format(number=info.number, ballots=info.ballots_cast)
            answer = confirmed(question)
            if answer is None:
                return no_terminal_to_ask()
            if not answer:
                print(translate("cli", "Nothing was changed."))
                return 1
        with db.uow() as s:
            info = voting.close_round(s, voting.round_by_number(s, args.number).id)
    finally:
        db.close()
    print(translate("cli", "Round {number} is closed.").format(number=info.number))
    print(f"SHA-256: {info.tally_sha256}")
    return 0


def _runoff(args: argparse.Namespace) -> int:
    from smartdialog.core.services import voting

    db = _with_db(args)
    try:
        with db.uow() as s:
            info = voting.create_runoff(s, voting.round_by_number(s, args.number).id)
    finally:
        db.close()
    print(
        translate(
            "cli",
            "Round {number} created: {title} ({ideas} ideas). Open it when the hall is ready.",
        ).format(number=info.number, title=info.title, ideas=info.idea_count)
    )
    return 0


def _paper(args: argparse.Namespace) -> int:
    from smartdialog.core.services import voting

    db = _with_db(args)
    try:
        with db.uow() as s:
            if args.round is not None:
                info = voting.round_by_number(s, args.round)
            else:
                current = voting.current_round(s)
                if current is None:
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP(
                            "errors", "No voting round is open. Give the round with --round N."
                        )
                    )
                info = current
            sheet = voting.ballot_sheet(s, info.id)
            matches = [
                i
                for f in sheet.fields
                for i in f.ideas
                if str(i.idea_id).startswith(args.idea.lower())
            ]
            if len(matches) != 1:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors", "No single idea of round {number} has an id starting with “{id}”."
                    ),
                    number=info.number,
                    id=args.idea,
                )
            voting.set_paper_tally(s, info.id, matches[0].idea_id, args.dots, note=args.note)
    finally:
        db.close()
    print(
        translate("cli", "Paper dots for “{text}”: {dots}").format(
            text=matches[0].text, dots=args.dots
        )
    )
    return 0


def _pin(args: argparse.Namespace) -> int:
    from smartdialog.core.services import roles, setup

    first = getpass.getpass(translate("cli", "New PIN (4 to 12 digits): "))
    if getpass.getpass(translate("cli", "The same PIN again: ")) != first:
        print(translate("cli", "The two PINs differ. Nothing was changed."), file=sys.stderr)
        return 1
    db = _with_db(args)
    try:
        with db.read() as s:
            replacing = setup.has_admin_pin(s) and not roles.access(s).applies
        # Without a Verwaltung PIN, the station PIN being replaced authorises the change.
        authorisation = (
            getpass.getpass(translate("cli", "Current PIN of the voting stations: "))
            if replacing
            else access.entered_pin()
        )
        with db.uow() as s:
            setup.set_admin_pin(s, first, authorisation=authorisation)
    finally:
        db.close()
    print(translate("cli", "The PIN of the voting stations is set."))
    return 0
