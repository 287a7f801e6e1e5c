"""`smartdialog ideas EVENT`: list the ideas, for checking and scripting."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.i18n import translate

if TYPE_CHECKING:
    from smartdialog.core.services import setup

COLUMNS = (
    "id",
    "created_at",
    "field",
    "topic",
    "station",
    "status",
    "text",
    "tags",
    "cluster",
    "author",
    "merged_into",
    "hidden_reason",
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("ideas", help=translate("cli", "list the ideas of an event"))
    parser.add_argument("event", help=translate("cli", "event file or database URL"))
    parser.add_argument(
        "--field",
        metavar="NAME",
        help=translate("cli", "only this field of action (its name or the start of it)"),
    )
    parser.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help=translate("cli", "output format (default: text)"),
    )
    parser.add_argument(
        "--all", action="store_true", help=translate("cli", "include hidden and merged ideas")
    )
    parser.add_argument(
        "--search",
        default="",
        metavar="WORDS",
        help=translate("cli", "only ideas containing these words"),
    )
    parser.set_defaults(func=_ideas)


def _ideas(args: argparse.Namespace) -> int:
    from smartdialog.core import clock
    from smartdialog.core.db import open_database
    from smartdialog.core.services import ideas, setup

    db = open_database(args.event)
    try:
        with db.read() as s:
            fields = setup.list_fields(s, include_archived=True)
            field_id = _pick_field(fields, args.field).id if args.field else None
            rows = ideas.list_ideas(
                s,
                field_id=field_id,
                statuses=ideas.STATUSES if args.all else ("active",),
                query=args.search,
            )
            topics = {t.id: t.question for t in setup.list_topics(s)}
            stations = {st.id: st.name for st in setup.list_stations(s)}
    finally:
        db.close()
    names = {f.id: f.name for f in fields}
    records = [
        {
            "id": str(i.id),
            "created_at": i.created_at.isoformat(timespec="seconds"),
            "field": names.get(i.field_id, ""),
            "topic": topics.get(i.topic_id, "") if i.topic_id else "",
            "station": stations.get(i.station_id, "") if i.station_id else "",
            "status": i.status,
            "text": i.text,
            "tags": list(i.tags),
            "cluster": i.cluster,
            "author": i.author_name,
            "merged_into": str(i.merged_into_id) if i.merged_into_id else "",
            "hidden_reason": i.hidden_reason,
        }
        for i in rows
    ]
    # The plain listing is read by people: local wall-clock time.
    _write(records, [clock.hh_mm(i.created_at) for i in rows], args.format)
    return 0


def _pick_field(fields: list[setup.FieldInfo], wanted: str) -> setup.FieldInfo:
    from smartdialog.core.text import fold

    key = fold(wanted)
    exact = [f for f in fields if fold(f.name) == key]
    candidates = exact or [f for f in fields if fold(f.name).startswith(key)]
    if len(candidates) != 1:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "No single field of action is called “{name}”. The fields are: {names}."
            ),
            name=wanted,
            names=", ".join(f.name for f in fields),
        )
    return candidates[0]


def _write(records: list[dict[str, Any]], times: list[str], fmt: str) -> None:
    from smartdialog.core import spreadsheet

    out = sys.stdout
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = spreadsheet.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in records:
            writer.writerow([", ".join(r["tags"]) if c == "tags" else r[c] for c in COLUMNS])
    else:
        for r, local in zip(records, times, strict=True):
            status = "" if r["status"] == "active" else f" [{r['status']}]"
            print(f"{local}  {r['field']}{status}: {r['text']}")
        print(translate("cli", "Ideas: {count}").format(count=len(records)))
