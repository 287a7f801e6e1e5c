"""Merging the event files of laptops that worked without a network.

The rules, which a moderator can explain:

- No row is lost.  Rows are matched by their UUID; a row only one side has is
  taken over, a row both sides have is settled by a rule on its content.
- Merging the same file twice changes nothing, and the order of merging does
  not change the result: every rule decides on content and stable keys
  (earliest time, then smallest UUID), never on which file came first.  What
  a rule derives (a duplicate check-in annulled, a ticket renumbered) is
  derived again from all rows at every merge.
- The same person checked in at two laptops: the earliest check-in stays, the
  others are annulled as duplicates, with the reason.
- An idea edited on two laptops: both versions stay in its history, the later
  one shows, and the report says so.
- Two ballots of one voter in one round, two paper counts of one idea: every
  version is kept in a case for the moderator (see cases.py); the earliest is
  in effect until then, and the round cannot be closed before.
- Two walk-ins with the same new ticket number: the earlier keeps it, the
  later one gets a new number after the highest in use.
- Times are taken as recorded.  A laptop whose clock was off is named in the
  report (its times lie far from the others'), but nothing is shifted: no
  rule can know which clock was right.

The whole merge is one transaction of the target: it is merged completely or
not at all.
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, UniqueConstraint, delete, func, insert, select, update

from smartdialog.core import clock
from smartdialog.core.db import Database, open_database
from smartdialog.core.errors import QT_TRANSLATE_NOOP
from smartdialog.core.models import Base
from smartdialog.core.services import audit
from smartdialog.core.services.merge import cases
from smartdialog.core.services.merge import report as rep
from smartdialog.core.services.merge.rows import Row, content_key, empty, from_json, read, table
from smartdialog.core.services.merge.sources import MergeError, label_of, open_source, same_place
from smartdialog.core.targets import DeviceIdentity

log = logging.getLogger("smartdialog.merge")

# Who annulled a check-in that the merge found to be a duplicate.  Such an annulment is
# derived state: it is worked out again from all check-ins at every merge.
MERGE_MARK = "Zusammenführung"
# Tables of the merge's own bookkeeping, handled apart from the event's rows.
BOOKKEEPING = frozenset(
    {"merge_cases", "merge_ticket_numbers", "merge_audit_origins", "merge_runs"}
)
# A laptop's times this far from the others' are reported (a clock set wrong).
CLOCK_TOLERANCE_MIN = 30
# Ticket numbers given to new rows for a moment, before the numbers are settled.
_TEMP_TICKET = 2_000_000_000
_MOVING_TICKET = 1_000_000_000

Progress = Callable[[int, int], None]


@dataclass
class _Step:
    """The merge of one source: what it brought."""

    conn: Connection
    src: Connection
    label: str
    new: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    devices: set[uuid.UUID] = field(default_factory=set)


@dataclass
class _Merge:
    conn: Connection
    ideas_edited_twice: set[uuid.UUID] = field(default_factory=set)
    rows_changed_twice: dict[str, tuple[str, uuid.UUID]] = field(default_factory=dict)
    notices: list[rep.Finding] = field(default_factory=list)
    devices: set[uuid.UUID] = field(default_factory=set)
    summaries: list[rep.SourceSummary] = field(default_factory=list)


# -- entry points -------------------------------------------------------------------------


def merge_into(
    target: str | os.PathLike[str],
    sources: Sequence[str | os.PathLike[str]],
    *,
    device: DeviceIdentity | None = None,
    progress: Progress | None = None,
) -> rep.MergeReport:
    """Open ``target`` (file or URL) and merge every source into it."""
    for source in sources:
        if same_place(target, source):
            raise _into_itself(source)
    db = open_database(target, device)
    try:
        return merge(db, sources, progress=progress)
    finally:
        db.close()


def _into_itself(source: str | os.PathLike[str]) -> MergeError:
    return MergeError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} is the event itself; a file cannot be merged into itself. Choose the copies "
            "of the other laptops.",
        ),
        path=label_of(source),
    )


def merge(
    db: Database,
    sources: Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
) -> rep.MergeReport:
    """Merge the events at ``sources`` into the open event ``db``, in one transaction."""
    if not sources:
        raise MergeError(QT_TRANSLATE_NOOP("errors", "Choose at least one event file to merge."))
    for source in sources:
        if (db.path is not None and same_place(db.path, source)) or (
            db.path is None and same_place(db.url, source)
        ):
            raise _into_itself(source)
    per_source = len(Base.metadata.sorted_tables) + 1
    total = len(sources) * per_source + 1
    with db.uow() as s:
        conn = s.connection()
        before = _derived(conn)
        m = _Merge(conn)
        for n, source in enumerate(sources):

            def tick(k: int, n: int = n) -> None:
                if progress is not None:
                    progress(n * per_source + k, total)

            tick(0)
            with open_source(source) as opened, opened.engine.connect() as src:
                step = _Step(conn, src, opened.label)
                _check_same_event(step)
                _merge_source(m, step, tick)
                m.devices |= step.devices
                m.summaries.append(_summary(conn, step))
        after = _derived(conn)
        result = rep.MergeReport(
            target=db.display_name,
            sources=tuple(m.summaries),
            conflicts=tuple(_conflicts(conn, m, before, after)),
            notices=tuple(m.notices + _clock_notices(conn, m.devices) + _closed_rounds(conn, m)),
            open_cases=_open_cases(conn),
        )
        conn.execute(
            insert(table("merge_runs")),
            [
                {
                    "id": uuid.uuid4(),
                    "at": clock.now(),
                    "device_id": db.device.id,
                    "sources": "\n".join(label_of(x) for x in sources),
                    "report_json": result.to_json(lambda _c, t: t),
                }
            ],
        )
    if progress is not None:
        progress(total, total)
    return result


# -- one source ---------------------------------------------------------------------------


def _check_same_event(step: _Step) -> None:
    events = table("events")
    theirs = read(step.src, events)
    ours = read(step.conn, events)
    if not theirs:
        raise MergeError(
            QT_TRANSLATE_NOOP("errors", "{path} holds no event yet; there is nothing to merge."),
            path=step.label,
        )
    if not ours:
        return  # an empty target takes the event over
    if {e["id"] for e in theirs} != {e["id"] for e in ours} or {
        e["ticket_secret"] for e in theirs
    } != {e["ticket_secret"] for e in ours}:
        raise MergeError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} belongs to another event (“{theirs}”): only copies of the same event "
                "file can be merged. Nothing was merged.",
            ),
            path=step.label,
            theirs=theirs[0]["title"],
        )


def _merge_source(m: _Merge, step: _Step, tick: Callable[[int], None]) -> None:
    for k, t in enumerate(Base.metadata.sorted_tables, start=1):
        tick(k)
        name = t.name
        if name in BOOKKEEPING or name == "ballots":
            continue
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(m, step, t)
        else:
            _merge_rows(m, step, t)
    _merge_bookkeeping(step)
    _settle_ticket_numbers(step)


def _summary(conn: Connection, step: _Step) -> rep.SourceSummary:
    devices = table("devices")
    names = sorted(
        str(n)
        for n in conn.execute(select(devices.c.name).where(devices.c.id.in_(step.devices)))
        .scalars()
        .all()
    )
    return rep.SourceSummary(
        label=step.label,
        devices=tuple(names),
        new_rows={k: v for k, v in sorted(step.new.items()) if v},
        changed_rows={k: v for k, v in sorted(step.changed.items()) if v},
    )


# -- rows matched by their id -------------------------------------------------------------


def _later(old: Row, new: Row) -> Row:
    return max(old, new, key=lambda r: (r["updated_at"], content_key(r)))


def _per_column(m: _Merge, t: Table, old: Row, new: Row) -> Row:
    """Column by column: a value beats an empty one; of two values the greater one stays."""
    merged = dict(old)
    clash = False
    for name, value in new.items():
        mine = old.get(name)
        if mine == value or empty(value):
            continue
        if empty(mine):
            merged[name] = value
            continue
        if name in ("next_ticket_number", "ticket_number"):
            merged[name] = max(mine, value)
            continue
        clash = True
        merged[name] = max(mine, value, key=lambda v: content_key({"v": v}))
    if clash:
        m.rows_changed_twice[f"{t.name}:{old['id']}"] = (t.name, old["id"])
    return merged


def _resolve(m: _Merge, t: Table, old: Row, new: Row) -> Row:
    name = t.name
    if name == "devices":
        winner: Row = max(old, new, key=lambda r: (r["last_seen"], content_key(r)))
        merged = dict(winner)
        merged["first_seen"] = min(old["first_seen"], new["first_seen"])
        return merged
    if name == "participants":
        if old["anonymised_at"] or new["anonymised_at"]:
            gone = [r for r in (old, new) if r["anonymised_at"]]
            first: Row = min(gone, key=lambda r: (r["anonymised_at"], content_key(r)))
            merged = dict(first)
        else:
            merged = _per_column(m, t, old, new)
        merged["ticket_number"] = old["ticket_number"]  # settled apart (_settle_ticket_numbers)
        return merged
    if name == "voting_rounds":
        rank = {"draft": 0, "open": 1, "closed": 2}
        return max(old, new, key=lambda r: (rank.get(r["status"], 0), content_key(r)))
    if name == "ideas":
        merged = dict(_later(old, new))
        merged["version"] = max(old["version"], new["version"])
        return merged
    if "updated_at" in old:
        return _later(old, new)
    return _per_column(m, t, old, new)


def _natural_keys(t: Table) -> list[tuple[str, ...]]:
    return [
        tuple(c.name for c in con.columns)
        for con in t.constraints
        if isinstance(con, UniqueConstraint) and "id" not in {c.name for c in con.columns}
    ]


def _differing(step: _Step, t: Table) -> tuple[list[Row], dict[Any, Row]]:
    """The source's rows that the target lacks or holds otherwise, and the target's rows.

    Between two databases of the same kind the rows are first compared as the
    driver gives them (cheap); only the rows that differ are read with their types.
    """
    if step.conn.dialect.name != step.src.dialect.name:
        ours = {r["id"]: r for r in read(step.conn, t)}
        return [r for r in read(step.src, t) if ours.get(r["id"]) != r], ours
    names = ", ".join(f'"{c.name}"' for c in t.columns if c.name != "id")
    statement = f'SELECT "id", {names} FROM "{t.name}"'  # names from our own models
    theirs_raw = {r[0]: tuple(r) for r in step.src.exec_driver_sql(statement)}
    if not theirs_raw:
        return [], {}
    ours_raw = {r[0]: tuple(r) for r in step.conn.exec_driver_sql(statement)}
    wanted = [k for k, v in theirs_raw.items() if ours_raw.get(k) != v]
    if not wanted:
        return [], {}
    ids = [_as_uuid(k) for k in wanted]
    theirs = _read_ids(step.src, t, ids)
    ours = {r["id"]: r for r in _read_ids(step.conn, t, [i for i in ids])}
    return theirs, ours


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _read_ids(conn: Connection, t: Table, ids: list[uuid.UUID]) -> list[Row]:
    return _read_in(conn, t, t.c.id, ids)


def _read_in(conn: Connection, t: Table, column: Any, values: list[Any]) -> list[Row]:
    rows: list[Row] = []
    for start in range(0, len(values), 500):
        rows.extend(read(conn, t, column.in_(values[start : start + 500])))
    return rows


def _merge_rows(m: _Merge, step: _Step, t: Table) -> None:
    theirs, ours = _differing(step, t)
    if not theirs:
        return
    fresh: list[Row] = []
    for row in theirs:
        old = ours.get(row["id"])
        if old is None:
            fresh.append(row)
        elif old != row:
            _update(step, t, old, _resolve(m, t, old, row))
    if fresh and _natural_keys(t):
        ours = {r["id"]: r for r in read(step.conn, t)}
    if not fresh:
        return
    for key in _natural_keys(t):
        taken = {tuple(r[c] for c in key): r for r in ours.values()}
        kept = []
        for row in sorted(fresh, key=lambda r: (r.get("created_at"), str(r["id"]))):
            value = tuple(row[c] for c in key)
            there = taken.get(value)
            if there is None:
                taken[value] = row
                kept.append(row)
            elif t.name in ("round_ideas", "idea_tags"):
                # The same idea frozen (or tagged) on two laptops: one row is the earliest.
                if (row["created_at"], str(row["id"])) < (there["created_at"], str(there["id"])):
                    if there["id"] in ours:
                        _update(step, t, there, row, key=there["id"])
                    else:
                        kept[kept.index(there)] = row
                    taken[value] = row
            else:
                raise MergeError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{path} holds {what} that was also created on another laptop under the "
                        "same name or number; it cannot be merged automatically. Rename it on "
                        "one of the laptops and merge again.",
                    ),
                    path=step.label,
                    what=rep.TABLE_LABELS.get(t.name, t.name),
                )
        fresh = kept
    _insert(step, t, _parents_first(t, fresh))


def _parents_first(t: Table, rows: list[Row]) -> list[Row]:
    """Rows that point at other new rows of the same table come after them."""
    own = [
        fk.parent.name for fk in t.foreign_keys if fk.column.table is t and fk.column.name == "id"
    ]
    if not own:
        return rows
    pending = {r["id"]: r for r in rows}
    ordered: list[Row] = []
    while pending:
        ready = [
            r for r in pending.values() if all(r[c] is None or r[c] not in pending for c in own)
        ]
        if not ready:  # a cycle cannot be ordered; the database will say so
            ready = list(pending.values())
        for r in ready:
            ordered.append(pending.pop(r["id"]))
    return ordered


def _update(step: _Step, t: Table, old: Row, new: Row, *, key: Any = None) -> None:
    changes = {k: v for k, v in new.items() if old.get(k) != v}
    if not changes:
        return
    step.conn.execute(
        update(t).where(t.c.id == (old["id"] if key is None else key)).values(changes)
    )
    step.changed[t.name] += 1


def _insert(step: _Step, t: Table, rows: list[Row]) -> None:
    if not rows:
        return
    step.conn.execute(insert(t), rows)
    step.new[t.name] += len(rows)
    for row in rows:
        if "device_id" in row:
            step.devices.add(row["device_id"])


# -- participants: ticket numbers ---------------------------------------------------------


def _merge_participants(m: _Merge, step: _Step, t: Table) -> None:
    theirs, ours = _differing(step, t)
    originals = {
        r["participant_id"]: r["original_number"]
        for r in read(step.src, table("merge_ticket_numbers"))
    }
    fresh, book_rows = [], []
    for n, row in enumerate(theirs):
        old = ours.get(row["id"])
        if old is None:
            # A number of its own for a moment; the numbers are settled when all are in.
            fresh.append({**row, "ticket_number": _TEMP_TICKET - n})
            original = originals.get(row["id"], row["ticket_number"])
            book_rows.append({"participant_id": row["id"], "original_number": original})
        elif old != row:
            _update(step, t, old, _resolve(m, t, old, row))
    _insert(step, t, fresh)
    if book_rows:
        step.conn.execute(insert(table("merge_ticket_numbers")), book_rows)


def _settle_ticket_numbers(step: _Step) -> None:
    """Every ticket number from the numbers as the laptops gave them, whatever the order.

    Of the participants who were given the same number, the earliest keeps it;
    the others get numbers after the highest given, in the order they were made.
    """
    people, book, events = table("participants"), table("merge_ticket_numbers"), table("events")
    conn = step.conn
    rows = conn.execute(
        select(people.c.id, people.c.ticket_number, people.c.created_at, people.c.event_id)
    ).all()
    originals = {r.participant_id: r.original_number for r in conn.execute(select(book))}
    by_number: dict[tuple[Any, int], list[Any]] = defaultdict(list)
    for r in rows:
        by_number[(r.event_id, originals.get(r.id, r.ticket_number))].append(r)
    wanted: dict[uuid.UUID, int] = {}
    losers = []
    for (_event, number), group in by_number.items():
        group.sort(key=lambda r: (r.created_at, str(r.id)))
        wanted[group[0].id] = number
        losers.extend(group[1:])
    highest = max((n for (_e, n) in by_number), default=0)
    for n, r in enumerate(sorted(losers, key=lambda r: (r.created_at, str(r.id))), start=1):
        wanted[r.id] = highest + n
    current = {r.id: r.ticket_number for r in rows}
    moving = [pid for pid, number in wanted.items() if current[pid] != number]
    if moving:
        for n, pid in enumerate(moving):
            conn.execute(
                update(people).where(people.c.id == pid).values(ticket_number=_MOVING_TICKET + n)
            )
        for pid in moving:
            conn.execute(update(people).where(people.c.id == pid).values(ticket_number=wanted[pid]))
    # The bookkeeping keeps only numbers that changed.
    for pid, number in wanted.items():
        original = originals.get(pid, current[pid])
        if original == number and pid in originals:
            conn.execute(delete(book).where(book.c.participant_id == pid))
        elif original != number and pid not in originals:
            conn.execute(insert(book), [{"participant_id": pid, "original_number": original}])
    next_number = highest + len(losers) + 1
    conn.execute(
        update(events)
        .where(events.c.next_ticket_number < next_number)
        .values(next_ticket_number=next_number)
    )


# -- check-ins ----------------------------------------------------------------------------


def _base(row: Row) -> Row:
    """A check-in as the desk left it: an annulment by the merge is derived, not recorded."""
    if row["annulled_by"] == MERGE_MARK:
        return {**row, "annulled_at": None, "annulled_by": "", "annul_reason": ""}
    return row


def _merge_check_ins(m: _Merge, step: _Step, t: Table) -> None:
    differing, _ours = _differing(step, t)
    theirs = [_base(r) for r in differing]
    if not theirs:
        return
    # Every check-in of the people concerned: which one stays is decided among all of them.
    ours = {
        r["id"]: r
        for r in _read_in(
            step.conn, t, t.c.participant_id, list({r["participant_id"] for r in theirs})
        )
    }
    union = {k: _base(r) for k, r in ours.items()}
    for row in theirs:
        old = union.get(row["id"])
        if old is None or old == row:
            union[row["id"]] = row
            continue
        # Annulled at a desk on one side: the annulment stays (the earliest, if on both).
        annulled = [r for r in (old, row) if r["annulled_at"] is not None]
        union[row["id"]] = (
            min(annulled, key=lambda r: (r["annulled_at"], content_key(r)))
            if annulled
            else min(old, row, key=content_key)
        )
    people = {r["participant_id"] for r in theirs}
    desks = _desk_names(step.conn)
    final: dict[uuid.UUID, Row] = {}
    for pid in people:
        mine = sorted(
            (r for r in union.values() if r["participant_id"] == pid),
            key=lambda r: (r["at"], str(r["id"])),
        )
        active = [r for r in mine if r["annulled_at"] is None]
        for r in mine:
            final[r["id"]] = r
        if len(active) > 1:
            kept = active[0]
            for dup in active[1:]:
                final[dup["id"]] = {
                    **dup,
                    "annulled_at": dup["at"],
                    "annulled_by": MERGE_MARK,
                    "annul_reason": (
                        f"Doppelt: schon um {clock.hh_mm(kept['at'])} an "
                        f"{kept['desk'] or desks.get(kept['device_id'], '?')} eingecheckt "
                        "(beim Zusammenführen annulliert)"
                    ),
                }
    # Annul first, then bring back, then add: the one active check-in per person holds throughout.
    annuls: list[tuple[Row, Row]] = []
    revives: list[tuple[Row, Row]] = []
    fresh: list[Row] = []
    for key, row in final.items():
        old = ours.get(key)
        if old is None:
            fresh.append(row)
        elif old != row:
            (annuls if row["annulled_at"] is not None else revives).append((old, row))
    for old, row in annuls + revives:
        _update(step, t, old, row)
    _insert(step, t, fresh)


def _desk_names(conn: Connection) -> dict[Any, str]:
    devices = table("devices")
    return {r[0]: r[1] for r in conn.execute(select(devices.c.id, devices.c.name))}


# -- ideas: edited on two laptops ---------------------------------------------------------


def _merge_ideas(m: _Merge, step: _Step, t: Table) -> None:
    revisions = table("idea_revisions")

    def by_idea(conn: Connection, ids: list[Any]) -> dict[Any, set[Any]]:
        found: dict[Any, set[Any]] = defaultdict(set)
        for row in _read_in(conn, revisions, revisions.c.idea_id, ids):
            found[row["idea_id"]].add(row["id"])
        return found

    theirs, ours = _differing(step, t)
    changed = [r["id"] for r in theirs if r["id"] in ours]
    if not changed:
        _merge_rows(m, step, t)
        return
    ours_rev, theirs_rev = by_idea(step.conn, changed), by_idea(step.src, changed)
    for row in theirs:
        old = ours.get(row["id"])
        if old is not None and old["text"] != row["text"]:
            mine, yours = ours_rev.get(row["id"], set()), theirs_rev.get(row["id"], set())
            if mine - yours and yours - mine:
                m.ideas_edited_twice.add(row["id"])
    _merge_rows(m, step, t)


# -- ballots with their dots, paper counts: the moderator's cases -------------------------


def _merge_votes(m: _Merge, step: _Step, t: Table) -> None:
    """Ballots and their dots as one unit per voter and round (handled at the dots table).

    A ballot only one side has is copied in bulk; the rest is settled voter by voter.
    """
    ballots = table("ballots")
    dots = table("dots")
    # A ballot row the target holds as it is carries the same dots (a change bumps its revision).
    theirs, _ours = _differing(step, ballots)
    if not theirs:
        return
    their_dots: dict[Any, list[Row]] = defaultdict(list)
    for d in _read_in(step.src, dots, dots.c.participant_id, [r["participant_id"] for r in theirs]):
        their_dots[(d["round_id"], d["participant_id"])].append(d)
    ours = {
        (r["round_id"], r["participant_id"]): r
        for r in _read_in(
            step.conn, ballots, ballots.c.participant_id, [r["participant_id"] for r in theirs]
        )
    }
    open_cases = _case_ids(step.conn)
    our_dots: dict[Any, list[Row]] | None = None
    fresh: list[Row] = []
    fresh_dots: list[Row] = []
    for row in theirs:
        key = (row["round_id"], row["participant_id"])
        current = ours.get(key)
        has_case = cases.case_id(cases.BALLOT, key[0], key[1]) in open_cases
        if current is None and not has_case:
            fresh.append(row)
            fresh_dots.extend(their_dots[key])
            continue
        if our_dots is None:
            our_dots = defaultdict(list)
            wanted = [r["participant_id"] for r in ours.values()]
            for d in _read_in(step.conn, dots, dots.c.participant_id, wanted):
                our_dots[(d["round_id"], d["participant_id"])].append(d)
        incoming = cases.candidate_data(row, their_dots[key])
        now_there = None if current is None else cases.candidate_data(current, our_dots[key])
        if not has_case and now_there == incoming:
            continue
        _settle_versions(step, cases.BALLOT, key[0], key[1], now_there, incoming, "revision")
    _insert(step, ballots, fresh)
    _insert(step, dots, fresh_dots)


def _case_ids(conn: Connection) -> set[uuid.UUID]:
    case_table = table("merge_cases")
    return set(conn.execute(select(case_table.c.id)).scalars())


def _merge_papers(m: _Merge, step: _Step, t: Table) -> None:
    theirs = read(step.src, t)
    ours = {(r["round_id"], r["idea_id"]): r for r in read(step.conn, t)}
    open_cases = _case_ids(step.conn)
    for row in theirs:
        key = (row["round_id"], row["idea_id"])
        current = ours.get(key)
        if current == row and cases.case_id(cases.PAPER, key[0], key[1]) not in open_cases:
            continue
        _settle_versions(
            step,
            cases.PAPER,
            key[0],
            key[1],
            None if current is None else cases.candidate_data(current, []),
            cases.candidate_data(row, []),
            "updated_at",
        )


def _settle_versions(
    step: _Step,
    kind: str,
    round_id: uuid.UUID,
    subject_id: uuid.UUID,
    current: dict[str, Any] | None,
    incoming: dict[str, Any],
    newer: str,
) -> None:
    """One voter's ballot (or one idea's paper count) from every version known.

    Versions of the same row (same id) are settled by ``newer`` (the later
    revision or time); different rows for the same voter or idea are a case.
    """
    case_table = table("merge_cases")
    cid = cases.case_id(kind, round_id, subject_id)
    case = step.conn.execute(select(case_table).where(case_table.c.id == cid)).first()
    known: list[dict[str, Any]] = json.loads(case.candidates) if case is not None else []
    versions = [*known, *([current] if current else []), incoming]
    by_id: dict[str, dict[str, Any]] = {}
    for data in versions:
        rid = data["row"]["id"]
        there = by_id.get(rid)
        if there is None or (
            (data["row"][newer] or "", json.dumps(data, sort_keys=True))
            > (there["row"][newer] or "", json.dumps(there, sort_keys=True))
        ):
            by_id[rid] = data
    candidates = sorted(by_id.values(), key=cases.candidate_order)
    if len(candidates) == 1:
        chosen = candidates[0]
    else:
        decided = None if case is None else case.decided_id
        chosen = next(
            (c for c in candidates if decided is not None and c["row"]["id"] == str(decided)),
            candidates[0],
        )
        values = {
            "candidates": json.dumps(candidates, sort_keys=True),
            "in_effect_id": uuid.UUID(chosen["row"]["id"]),
        }
        if case is None:
            step.conn.execute(
                insert(case_table),
                [
                    {
                        "id": cid,
                        "kind": kind,
                        "round_id": round_id,
                        "subject_id": subject_id,
                        "decided_by": "",
                        **values,
                    }
                ],
            )
        elif case.candidates != values["candidates"]:
            if len(known) != len(candidates) and case.decided_id is not None:
                # A version the moderator has not seen yet: the case is open again.
                values |= {"decided_id": None, "decided_at": None, "decided_by": ""}
                chosen = candidates[0]
                values["in_effect_id"] = uuid.UUID(chosen["row"]["id"])
            step.conn.execute(update(case_table).where(case_table.c.id == cid).values(values))
    if current is None or json.dumps(current, sort_keys=True) != json.dumps(chosen, sort_keys=True):
        cases.put_in_effect(step.conn, kind, chosen)
        name = "ballots" if kind == cases.BALLOT else "paper_tallies"
        if current is None:
            step.new[name] += 1
            if kind == cases.BALLOT:
                step.new["dots"] += len(chosen["dots"])
        else:
            step.changed[name] += 1
        step.devices.add(uuid.UUID(chosen["row"]["device_id"]))


# -- the audit log ------------------------------------------------------------------------


# Columns of an audit entry that belong to the database it was written in, not to the entry:
# its number, and the links of a hash chain (the target's chain is continued instead).
_AUDIT_LOCAL = frozenset({"seq", "prev_hash", "entry_hash", "chain_hash", "hash"})


def _merge_audit(m: _Merge, step: _Step, t: Table) -> None:
    """Entries the target lacks are appended in a stable order, each with its origin.

    ``seq`` numbers entries within one database, so merged entries get new
    numbers of the target; where they came from is kept in merge_audit_origins.
    """
    ours = {
        _as_uuid(i) for i in step.conn.exec_driver_sql('SELECT "id" FROM "audit_log"').scalars()
    }
    theirs = [
        i
        for i in map(_as_uuid, step.src.exec_driver_sql('SELECT "id" FROM "audit_log"').scalars())
        if i not in ours
    ]
    fresh = _read_ids(step.src, t, theirs)
    if not fresh:
        return
    fresh.sort(key=lambda r: (r["at"], str(r["id"])))
    origins = table("merge_audit_origins")
    their_origins = {r["audit_id"]: r for r in read(step.src, origins)}
    rows = [{k: v for k, v in r.items() if k not in _AUDIT_LOCAL} for r in fresh]
    # Where the audit log is a hash chain, the target's chain continues over the new entries:
    # audit.continue_chain(conn, rows) fills in their chain columns, in this order.
    chain = getattr(audit, "continue_chain", None)
    if chain is not None:
        rows = chain(step.conn, rows)
    step.conn.execute(insert(t), rows)
    step.conn.execute(
        insert(origins),
        [
            their_origins.get(r["id"])
            or {"audit_id": r["id"], "source": step.label[:300], "source_seq": r["seq"]}
            for r in fresh
        ],
    )
    step.new[t.name] += len(fresh)


def _merge_bookkeeping(step: _Step) -> None:
    """Cases a source brought from an earlier merge of its own are merged case by case."""
    case_table = table("merge_cases")
    for row in read(step.src, case_table):
        for data in json.loads(row["candidates"]):
            _settle_versions(
                step,
                row["kind"],
                row["round_id"],
                row["subject_id"],
                None,
                data,
                "revision" if row["kind"] == cases.BALLOT else "updated_at",
            )


_HANDLERS: dict[str, Callable[[_Merge, _Step, Table], None]] = {
    "participants": _merge_participants,
    "check_ins": _merge_check_ins,
    "ideas": _merge_ideas,
    "dots": _merge_votes,
    "paper_tallies": _merge_papers,
    "audit_log": _merge_audit,
}


# -- the report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Derived:
    duplicates: frozenset[uuid.UUID]
    renumbered: dict[uuid.UUID, tuple[int, int]]
    cases: dict[uuid.UUID, int]


def _derived(conn: Connection) -> _Derived:
    check_ins, book, people = (
        table("check_ins"),
        table("merge_ticket_numbers"),
        table("participants"),
    )
    dups = frozenset(
        conn.execute(select(check_ins.c.id).where(check_ins.c.annulled_by == MERGE_MARK)).scalars()
    )
    renumbered = {
        r.participant_id: (r.original_number, r.ticket_number)
        for r in conn.execute(
            select(book.c.participant_id, book.c.original_number, people.c.ticket_number).join(
                people, people.c.id == book.c.participant_id
            )
        )
    }
    case_table = table("merge_cases")
    found = {
        r.id: len(json.loads(r.candidates))
        for r in conn.execute(select(case_table.c.id, case_table.c.candidates))
    }
    return _Derived(dups, renumbered, found)


def _person(conn: Connection, pid: Any) -> Row:
    people = table("participants")
    return dict(conn.execute(select(people).where(people.c.id == pid)).one()._mapping)


def _name(row: Row) -> str:
    from smartdialog.core.text import listed_name

    return listed_name(row["first_name"], row["last_name"]) or "—"


def _conflicts(
    conn: Connection, m: _Merge, before: _Derived, after: _Derived
) -> Iterable[rep.Finding]:
    check_ins = table("check_ins")
    desks = _desk_names(conn)
    found: list[rep.Finding] = []
    for cid in sorted(after.duplicates - before.duplicates, key=str):
        dup = dict(conn.execute(select(check_ins).where(check_ins.c.id == cid)).one()._mapping)
        kept = dict(
            conn.execute(
                select(check_ins).where(
                    check_ins.c.participant_id == dup["participant_id"],
                    check_ins.c.annulled_at.is_(None),
                )
            )
            .one()
            ._mapping
        )
        person = _person(conn, dup["participant_id"])
        found.append(
            rep.Finding(
                rep.CHECKIN_DUPLICATE,
                f"checkin:{dup['participant_id']}:{cid}",
                QT_TRANSLATE_NOOP(
                    "merge",
                    "{name} (ticket {ticket}) was checked in on two laptops: at {kept_at} on "
                    "{kept_desk} (this one stays) and at {dup_at} on {dup_desk} (kept as an "
                    "annulled duplicate).",
                ),
                {
                    "name": _name(person),
                    "ticket": person["ticket_number"],
                    "kept_at": clock.hh_mm(kept["at"]),
                    "kept_desk": kept["desk"] or desks.get(kept["device_id"], "?"),
                    "dup_at": clock.hh_mm(dup["at"]),
                    "dup_desk": dup["desk"] or desks.get(dup["device_id"], "?"),
                },
            )
        )
    ideas, revisions = table("ideas"), table("idea_revisions")
    for iid in sorted(m.ideas_edited_twice, key=str):
        idea = dict(conn.execute(select(ideas).where(ideas.c.id == iid)).one()._mapping)
        edits = read(conn, revisions, revisions.c.idea_id == iid, revisions.c.kind == "edited")
        others = sorted(
            {r["text"] for r in edits if r["text"] != idea["text"]},
        )
        found.append(
            rep.Finding(
                rep.IDEA_EDITED_TWICE,
                f"idea:{iid}",
                QT_TRANSLATE_NOOP(
                    "merge",
                    "An idea was edited on two laptops. The later wording shows: “{shown}”. "
                    "The other wording stays in its history: “{other}”.",
                ),
                {"shown": _short(idea["text"]), "other": " / ".join(_short(t) for t in others)},
            )
        )
    for pid, (original, number) in sorted(after.renumbered.items(), key=lambda x: x[1]):
        if before.renumbered.get(pid) == (original, number):
            continue
        person = _person(conn, pid)
        found.append(
            rep.Finding(
                rep.TICKET_RENUMBERED,
                f"ticket:{pid}",
                QT_TRANSLATE_NOOP(
                    "merge",
                    "Ticket number {original} was given on two laptops. {name}, registered later, "
                    "now has ticket number {number}; a badge printed with {original} must be "
                    "printed again.",
                ),
                {"original": original, "number": number, "name": _name(person)},
            )
        )
    for info in _case_infos(conn):
        if after.cases.get(info.id) == before.cases.get(info.id):
            continue
        versions = "; ".join(
            f"{c.letter}: {c.device or '?'}"
            + (f" {clock.hh_mm(c.at)}" if c.at else "")
            + f" – {c.total}"
            for c in info.candidates
        )
        if info.kind == cases.BALLOT:
            message = QT_TRANSLATE_NOOP(
                "merge",
                "{subject} voted at two stations in round {round}; together the ballots exceed "
                "the round's rules. Versions (laptop, time – dots): {versions}. Until you decide, "
                "version A counts. Case {case}.",
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "merge",
                "The paper count of “{subject}” in round {round} was entered on two laptops. "
                "Versions (laptop, time – dots): {versions}. Until you decide, version A counts. "
                "Case {case}.",
            )
        found.append(
            rep.Finding(
                rep.BALLOT_CLASH if info.kind == cases.BALLOT else rep.PAPER_TWICE,
                f"case:{info.id}",
                message,
                {
                    "subject": _short(info.subject),
                    "round": info.round_number,
                    "versions": versions,
                    "case": info.short,
                },
                case_id=info.short,
            )
        )
    for key, (tname, rid) in sorted(m.rows_changed_twice.items()):
        found.append(
            rep.Finding(
                rep.ROW_CHANGED_TWICE,
                f"row:{key}",
                QT_TRANSLATE_NOOP(
                    "merge",
                    "An entry of the {what} was changed differently on two laptops; where both "
                    "gave a value, the merge kept one of them ({id}). Please check it.",
                ),
                {"what": rep.TABLE_LABELS.get(tname, tname), "id": str(rid)[:8]},
            )
        )
    return found


def _case_infos(conn: Connection) -> list[cases.CaseInfo]:
    from sqlalchemy.orm import Session

    with Session(bind=conn) as s:
        return cases.list_cases(s)


def _open_cases(conn: Connection) -> int:
    case_table = table("merge_cases")
    return int(
        conn.execute(
            select(func.count()).select_from(case_table).where(case_table.c.decided_id.is_(None))
        ).scalar_one()
    )


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _activity(conn: Connection) -> dict[uuid.UUID, list[datetime]]:
    """When each laptop did what people do at an event (check-ins, scans, ideas, ballots)."""
    times: dict[uuid.UUID, list[datetime]] = defaultdict(list)
    for name, column in (
        ("check_ins", "at"),
        ("scan_log", "at"),
        ("ideas", "created_at"),
        ("ballots", "submitted_at"),
    ):
        t = table(name)
        for device_id, at in conn.execute(select(t.c.device_id, t.c[column])):
            if at is not None:
                times[device_id].append(at)
    return times


_CLOCK_AHEAD = QT_TRANSLATE_NOOP(
    "merge",
    "The times of laptop {device} lie about {minutes} minutes after those of the others: its "
    "clock was probably ahead. Its times were kept as recorded, and the rule “the earliest "
    "check-in stays” used them as they are; look at its duplicate check-ins above.",
)
_CLOCK_BEHIND = QT_TRANSLATE_NOOP(
    "merge",
    "The times of laptop {device} lie about {minutes} minutes before those of the others: its "
    "clock was probably behind. Its times were kept as recorded, and the rule “the earliest "
    "check-in stays” used them as they are; look at its duplicate check-ins above.",
)


def _clock_notices(conn: Connection, devices: set[uuid.UUID]) -> list[rep.Finding]:
    """Laptops whose event-day times lie far from all the others' (a clock set wrong)."""
    times = _activity(conn)
    names = _desk_names(conn)
    found = []
    for device in sorted(devices & set(times), key=str):
        others = [t for d, ts in times.items() if d != device for t in ts]
        if len(times[device]) < 3 or len(others) < 3:
            continue
        mine = statistics.median(t.timestamp() for t in times[device])
        theirs = statistics.median(t.timestamp() for t in others)
        minutes = round((mine - theirs) / 60)
        if abs(minutes) >= CLOCK_TOLERANCE_MIN:
            found.append(
                rep.Finding(
                    rep.CLOCK_OFF,
                    f"clock:{device}",
                    _CLOCK_AHEAD if minutes > 0 else _CLOCK_BEHIND,
                    {"device": names.get(device, "?"), "minutes": abs(minutes)},
                )
            )
    return found


def _closed_rounds(conn: Connection, m: _Merge) -> list[rep.Finding]:
    """A round closed on one laptop while others still took votes: its hash no longer fits."""
    from sqlalchemy.orm import Session

    from smartdialog.core.services.voting.results import verify_tally

    rounds = table("voting_rounds")
    found = []
    with Session(bind=conn) as s:
        for r in conn.execute(select(rounds).where(rounds.c.status == "closed")):
            if not verify_tally(s, r.id):
                found.append(
                    rep.Finding(
                        rep.ROUND_CLOSED,
                        f"round:{r.id}",
                        QT_TRANSLATE_NOOP(
                            "merge",
                            "Round {round} was closed on one laptop while another still took "
                            "votes: its published tally no longer matches the merged dots. "
                            "Say so in the minutes.",
                        ),
                        {"round": r.number},
                    )
                )
    return found


__all__ = ["MERGE_MARK", "MergeError", "from_json", "merge", "merge_into"]
