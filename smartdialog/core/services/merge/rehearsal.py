"""A whole event played on three laptops without a network, with conflicts planted on purpose.

The organiser's file (event, fields, tables, pre-registered people, the ideas
collected online, an open voting round) is copied to three laptops before
doors open.  Then each laptop works on its own copy: check-ins that overlap
on purpose, walk-ins that get the same new ticket numbers, an idea edited on
two laptops, a voter voting at two stations, a paper count entered twice.
Tests and the benchmark merge the files and compare what the report says
with ``Rehearsal.planted``.
"""

from __future__ import annotations

import random
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select, update

from smartdialog.core.db import Database, open_database
from smartdialog.core.demo import FIRST_NAMES, LAST_NAMES, write_demo
from smartdialog.core.models import Event, Idea, Participant
from smartdialog.core.services import checkin, ideas, registration, setup, voting
from smartdialog.core.services.merge import cases
from smartdialog.core.services.merge import report as rep
from smartdialog.core.targets import DeviceIdentity
from smartdialog.core.text import fold

ORGANISER = DeviceIdentity(uuid.UUID(int=1), "Büro Orga", "office")
LAPTOPS = (
    DeviceIdentity(uuid.UUID(int=11), "Einlass 1", "desk"),
    DeviceIdentity(uuid.UUID(int=12), "Einlass 2", "desk"),
    DeviceIdentity(uuid.UUID(int=13), "Tische und Abstimmung", "voting"),
)


@dataclass
class Rehearsal:
    organiser: Path
    laptops: tuple[Path, ...]
    # (kind, subject id) of every conflict planted on purpose.
    planted: set[tuple[str, uuid.UUID]] = field(default_factory=set)
    participants: int = 0
    ideas: int = 0
    ballots: int = 0


def subject_of(finding: rep.Finding) -> tuple[str, uuid.UUID]:
    """The (kind, subject) a finding is about, as ``Rehearsal.planted`` lists them."""
    parts = finding.key.split(":")
    return finding.kind, uuid.UUID(parts[1])


def play(
    folder: Path,
    *,
    participants: int = 500,
    ideas_count: int = 300,
    ballots: int = 400,
    seed: int = 14,
) -> Rehearsal:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    organiser = folder / "orga.sdevent"
    walk_ins = (3, 2, 0)
    prereg = participants - sum(walk_ins)
    write_demo(organiser, participants=0, ideas=ideas_count - 6, seed=seed, device=ORGANISER)
    db = open_database(organiser, ORGANISER)
    try:
        _preregister(db, prereg, rng)
        with db.uow() as s:
            fields = setup.list_fields(s)
            r = voting.create_round(
                s, "Priorisierung", field_ids=[f.id for f in fields[: len(fields) // 2 + 1]]
            )
            voting.start_round(s, r.id)
            round_id = r.id
            voted_fields = {f.id for f in fields[: len(fields) // 2 + 1]}
            free = list(
                s.scalars(
                    select(Idea.id)
                    .where(Idea.field_id.not_in(voted_fields))
                    .order_by(Idea.created_at, Idea.id)
                )
            )
        with db.read() as s:
            people = list(s.scalars(select(Participant.id).order_by(Participant.ticket_number)))
    finally:
        db.close()
    paths = []
    for device in LAPTOPS:
        path = folder / f"{fold(device.name).replace(' ', '-')}.sdevent"
        shutil.copyfile(organiser, path)
        paths.append(path)
    rehearsal = Rehearsal(organiser, tuple(paths), participants=participants)

    # Check-ins: desk 1 takes the first 42 %, desk 2 the next 40 %, overlapping by 11;
    # the third laptop checks in the rest (voters at its station).
    cut_a, cut_b = int(prereg * 0.42), int(prereg * 0.82)
    ranges = (people[:cut_a], people[cut_a - 11 : cut_b], people[cut_b:])
    overlap = people[cut_a - 11 : cut_a]
    # The voter who votes at two stations is checked in on both.
    double_voter = overlap[5]
    edited_twice, edited_once = free[0], free[1]
    with_paper = None
    at_tables = min(len(ranges[2]), ballots // 4)
    budget_per_laptop = (ballots - at_tables - ballots * 3 // 8, ballots * 3 // 8, at_tables)
    for n, (device, path) in enumerate(zip(LAPTOPS, paths, strict=True)):
        db = open_database(path, device)
        try:
            for pid in ranges[n]:
                with db.uow() as s:
                    checkin.check_in_participant(s, pid, device.name)
            for w in range(walk_ins[n]):
                with db.uow() as s:
                    registration.register_walk_in(
                        s,
                        registration.WalkIn(
                            rng.choice(FIRST_NAMES), f"{rng.choice(LAST_NAMES)}-{n}{w}"
                        ),
                    )
            with db.uow() as s:
                fields = setup.list_fields(s)
                station = setup.list_stations(s)[0]
                for k in range(2):
                    ideas.capture(
                        s,
                        f"Idee vom Laptop {device.name} Nr. {k + 1}: mehr Bänke am Aasee",
                        field_id=fields[-1].id,
                        station_id=station.id,
                    )
                if n in (0, 2):
                    idea = ideas.get_idea(s, edited_twice)
                    ideas.edit(
                        s,
                        edited_twice,
                        expected_version=idea.version,
                        text=f"{idea.text} (überarbeitet an {device.name})",
                    )
                if n == 1:
                    idea = ideas.get_idea(s, edited_once)
                    ideas.edit(
                        s, edited_once, expected_version=idea.version, text=idea.text + " – ergänzt"
                    )
            with db.uow() as s:
                sheet = voting.ballot_sheet(s, round_id)
                info = voting.get_round(s, round_id)
            field_of = sheet.field_of()
            choices = sorted(field_of)
            if with_paper is None:
                with_paper = choices[0]
            voters = [p for p in ranges[n] if p not in overlap or p == double_voter]
            voters = voters[: budget_per_laptop[n]]
            if double_voter not in voters and n < 2:
                voters[-1] = double_voter
            for start in range(0, len(voters), 50):
                with db.uow() as s:
                    for pid in voters[start : start + 50]:
                        draft = voting.BallotDraft(info.rules, field_of)
                        for _ in range(30):
                            if draft.left == 0:
                                break
                            draft.add(rng.choice(choices))
                        voting.cast_ballot(
                            s,
                            round_id,
                            pid,
                            draft.dots,
                            expected_revision=0,
                            station=f"Abstimmung {device.name}",
                        )
                        rehearsal.ballots += 1
            with db.uow() as s:
                if n in (0, 2):
                    voting.set_paper_tally(s, round_id, with_paper, 4 + n, note="Plakat")
                if n == 1:
                    voting.set_paper_tally(s, round_id, choices[1], 3, note="Plakat")
        finally:
            db.close()
    assert with_paper is not None
    for pid in overlap:
        rehearsal.planted.add((rep.CHECKIN_DUPLICATE, pid))
    rehearsal.planted.add((rep.IDEA_EDITED_TWICE, edited_twice))
    rehearsal.planted.add((rep.BALLOT_CLASH, cases.case_id(cases.BALLOT, round_id, double_voter)))
    rehearsal.planted.add((rep.PAPER_TWICE, cases.case_id(cases.PAPER, round_id, with_paper)))
    # Desk 2 registered its walk-ins after desk 1 and gave them the same numbers: they move.
    db = open_database(paths[1], ORGANISER)
    try:
        with db.read() as s:
            for pid in s.scalars(select(Participant.id).where(Participant.source == "walkin")):
                rehearsal.planted.add((rep.TICKET_RENUMBERED, pid))
    finally:
        db.close()
    rehearsal.ideas = ideas_count
    return rehearsal


def _preregister(db: Database, count: int, rng: random.Random) -> None:
    at = datetime(2026, 11, 14, 10, 0, tzinfo=UTC)
    with db.uow() as s:
        event_id = setup.current_event(s).id
        rows = []
        for number in range(1, count + 1):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            rows.append(
                {
                    "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "device_id": db.device.id,
                    "created_at": at,
                    "event_id": event_id,
                    "ticket_number": number,
                    "first_name": first,
                    "last_name": last,
                    "email": f"{fold(first)[:1]}.{fold(last).replace(' ', '')}{number}@example.org",
                    "source": "preregistered",
                    "external_ref": f"R-{1000 + number}",
                    "search_key": fold(f"{first} {last}"),
                    "consent_data_at": at,
                }
            )
        s.execute(insert(Participant), rows)
        s.execute(update(Event).values(next_ticket_number=count + 1))
