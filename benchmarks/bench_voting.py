"""Dot-voting: confirming a ballot, a tap at the station, and the results of a big round.

The baseline of each database figure is raw sqlite3 doing the same writes or
reads on the same file, measured moments before.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from benchmarks.harness import Measurement, median, timings_ms
from smartdialog.core.db import DeviceIdentity, open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.models import CheckIn
from smartdialog.core.services import voting

BALLOTS = 1000
IDEAS = 300


def _random_ballot(
    rng: random.Random, draft: voting.BallotDraft, ideas: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    draft.clear()
    while draft.left:
        draft.add(rng.choice(ideas))
    return draft.dots


def measure(workdir: Path) -> list[Measurement]:
    path = workdir / "voting.sdevent"
    write_demo(path, participants=int(BALLOTS * 1.4), ideas=IDEAS, seed=7)
    db = open_database(path, DeviceIdentity(uuid.uuid4(), "Bench", "voting"))
    rng = random.Random(7)
    try:
        with db.uow() as s:
            info = voting.start_round(s, voting.create_round(s, "Bench").id)
            sheet = voting.ballot_sheet(s, info.id)
            present = list(
                s.scalars(select(CheckIn.participant_id).where(CheckIn.annulled_at.is_(None)))
            )
        field_of = sheet.field_of()
        ideas = sorted(field_of)
        draft = voting.BallotDraft(info.rules, field_of)
        voters, spare = present[:BALLOTS], present[BALLOTS:]
        for start in range(0, len(voters), 200):
            with db.uow() as s:
                for person in voters[start : start + 200]:
                    voting.cast_ballot(
                        s, info.id, person, _random_ballot(rng, draft, ideas), expected_revision=0
                    )

        # -- a tap at the station: the draft's rule check, in memory ----------------------
        tap_idea = ideas[0]

        def tap() -> None:
            draft.clear()
            draft.add(tap_idea)
            draft.remove(tap_idea)

        tap_ms = median(timings_ms(tap, repeat=2000))

        # -- confirming a 5-dot ballot: one transaction ---------------------------------
        revisions: dict[uuid.UUID, int] = {}
        changers = iter(spare * 4)

        def confirm() -> None:
            person = next(changers)
            ballot = _random_ballot(rng, draft, ideas)
            with db.uow() as s:
                cast = voting.cast_ballot(
                    s,
                    info.id,
                    person,
                    ballot,
                    expected_revision=revisions.get(person, 0),
                    station="Bench",
                )
            revisions[person] = cast.revision

        confirm_ms = timings_ms(confirm, repeat=min(200, len(spare) * 4 - 3))
        raw_confirm_ms = timings_ms(
            _raw_confirm(path, info.id, voters, ideas, field_of, rng), repeat=200
        )
        dots = info.rules.dots_per_participant

        # -- results ---------------------------------------------------------------------
        with db.uow() as s:
            voting.close_round(s, info.id)
        with db.read() as s:

            def results() -> None:
                voting.round_results(s, info.id)

            results_ms = median(timings_ms(results, repeat=15))
            ballots = voting.get_round(s, info.id).ballots_cast
        raw_results_ms = median(timings_ms(_raw_results(path, info.id), repeat=15))
    finally:
        db.close()
    return [
        Measurement(
            "tap a dot at the station (draft check, in memory)", tap_ms, "ms", goal="< 5 ms"
        ),
        Measurement(
            f"confirm a ballot of {dots} dots, per dot (one transaction)",
            median(confirm_ms) / dots,
            "ms",
            median(raw_confirm_ms) / dots,
            "raw sqlite3",
            "< 5 ms",
        ),
        Measurement(
            f"confirm a ballot of {dots} dots, whole (p95 {_p95(confirm_ms):.1f} ms)",
            median(confirm_ms),
            "ms",
            median(raw_confirm_ms),
            "raw sqlite3",
        ),
        Measurement(
            f"results of a closed round, {ballots} ballots over {len(ideas)} ideas",
            results_ms,
            "ms",
            raw_results_ms,
            "raw sqlite3 GROUP BY",
            "< 200 ms",
        ),
    ]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _raw_confirm(
    path: Path,
    round_id: uuid.UUID,
    voters: list[uuid.UUID],
    ideas: list[uuid.UUID],
    field_of: dict[uuid.UUID, uuid.UUID],
    rng: random.Random,
) -> Callable[[], None]:
    """The same transaction in raw sqlite3: bump the ballot, replace its dots."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    device = conn.execute("SELECT id FROM devices LIMIT 1").fetchone()[0]
    rid = round_id.hex
    people = iter(voters * 2)

    def confirm() -> None:
        person = next(people).hex
        chosen: Counter[uuid.UUID] = Counter()
        while sum(chosen.values()) < 5:
            idea = rng.choice(ideas)
            if chosen[idea] < 2:
                chosen[idea] += 1
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE ballots SET revision = revision + 1 WHERE round_id = ? AND participant_id = ?",
            (rid, person),
        )
        conn.execute("DELETE FROM dots WHERE round_id = ? AND participant_id = ?", (rid, person))
        rows = []
        per_field: Counter[uuid.UUID] = Counter()
        for idea, count in chosen.items():
            for idea_slot in range(1, count + 1):
                per_field[field_of[idea]] += 1
                rows.append(
                    (
                        uuid.uuid4().hex,
                        device,
                        "2026-11-28 10:00:00",
                        rid,
                        person,
                        idea.hex,
                        len(rows) + 1,
                        5,
                        idea_slot,
                        2,
                        field_of[idea].hex,
                        per_field[field_of[idea]],
                        5,
                    )
                )
        conn.executemany(
            "INSERT INTO dots (id, device_id, created_at, round_id, participant_id, idea_id, slot, budget,"
            " idea_slot, idea_cap, field_id, field_slot, field_cap) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        conn.execute("COMMIT")

    return confirm


def _raw_results(path: Path, round_id: uuid.UUID) -> Callable[[], None]:
    """The bare minimum of a result in raw sqlite3: dots and paper dots per idea."""
    conn = sqlite3.connect(path)
    rid = round_id.hex

    def results() -> None:
        with contextlib.closing(conn.cursor()) as cur:
            cur.execute(
                "SELECT idea_id, count(*) FROM dots WHERE round_id = ? GROUP BY idea_id", (rid,)
            ).fetchall()
            cur.execute(
                "SELECT idea_id, dots FROM paper_tallies WHERE round_id = ?", (rid,)
            ).fetchall()
            cur.execute(
                "SELECT idea_id, field_id, text FROM round_ideas WHERE round_id = ?", (rid,)
            ).fetchall()

    return results
