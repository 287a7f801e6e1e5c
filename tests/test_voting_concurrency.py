"""Two voting stations hammer the same badges at once: no budget is ever exceeded.

Each station is its own Database (its own engine and connections), in a thread
or in a process of its own, on SQLite (one file) and on PostgreSQL.  Besides
casting whole ballots through the service, each station also tries what a
naive per-dot implementation would do: read the voter's dots, take the next
slot numbers and insert one more dot, bypassing every check in Python.  The
database must refuse every dot beyond a limit.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.errors import ConflictError, DatabaseBusy, DomainError
from smartdialog.core.models import Ballot, Dot
from smartdialog.core.services import voting

from .test_voting_service import add_ideas, add_people, field_ids

ROUNDS_PER_STATION = 60


@dataclass(frozen=True)
class Plan:
    target: str
    round_id: uuid.UUID
    people: tuple[uuid.UUID, ...]
    ideas: tuple[uuid.UUID, ...]


def _setup(db: Database) -> Plan:
    people = add_people(db, 3)
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Coworking", "Glasfaser"]})
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(
            s,
            dots_per_participant=4,
            max_dots_per_idea=2,
            field_ids=fields[:2],
            budgets={fields[1]: 2},
        )
        voting.start_round(s, info.id)
    target = str(db.path) if db.path else db.engine.url.render_as_string(hide_password=False)
    return Plan(target, info.id, tuple(people), tuple(found.values()))


def station(plan: Plan, number: int) -> dict[str, int]:
    """One station's work; a plain function so that it can run in another process."""
    db = open_database(plan.target, DeviceIdentity(uuid.uuid4(), f"Abstimmung {number}", "voting"))
    rng = random.Random(number)
    outcome: Counter[str] = Counter()
    try:
        for _ in range(ROUNDS_PER_STATION):
            person = rng.choice(plan.people)
            outcome[_cast(db, plan, person, rng)] += 1
            outcome[_sneak_in_a_dot(db, plan, person, rng)] += 1
    finally:
        db.close()
    return dict(outcome)


def _cast(db: Database, plan: Plan, person: uuid.UUID, rng: random.Random) -> str:
    with db.read() as s:
        voter = voting.voter_for(s, plan.round_id, person)
    # Up to 6 taps on random ideas: sometimes too many for the rules on purpose.
    dots: Counter[uuid.UUID] = Counter(rng.choice(plan.ideas) for _ in range(rng.randint(1, 6)))
    try:
        with db.uow() as s:
            voting.cast_ballot(
                s, plan.round_id, person, dict(dots), expected_revision=voter.revision
            )
    except ConflictError:
        return "conflict"
    except DatabaseBusy:
        # PostgreSQL: the other station's sneaked-in dot, which passes by the ballot row,
        # can meet this ballot's dots in two unique indexes in the opposite order; the
        # server then ends one of the two (a deadlock), and the station says to try again.
        return "refused by the database"
    except DomainError:
        return "refused by rules"
    return "cast"


def _sneak_in_a_dot(db: Database, plan: Plan, person: uuid.UUID, rng: random.Random) -> str:
    idea = rng.choice(plan.ideas)
    try:
        with db.uow() as s:
            sheet = voting.ballot_sheet(s, plan.round_id)
            field_id = sheet.field_of()[idea]
            mine = s.execute(
                select(Dot.idea_id, Dot.field_id).where(
                    Dot.round_id == plan.round_id, Dot.participant_id == person
                )
            ).all()
            rules = sheet.round.rules
            s.execute(
                insert(Dot).values(
                    id=uuid.uuid4(),
                    device_id=db.device.id,
                    round_id=plan.round_id,
                    participant_id=person,
                    idea_id=idea,
                    field_id=field_id,
                    slot=len(mine) + 1,
                    budget=rules.dots_per_participant,
                    idea_slot=sum(1 for i, _ in mine if i == idea) + 1,
                    idea_cap=rules.max_dots_per_idea,
                    field_slot=sum(1 for _, f in mine if f == field_id) + 1,
                    field_cap=rules.cap_of(field_id),
                )
            )
    except ConflictError as exc:
        assert isinstance(exc.__cause__, IntegrityError)
        return "dot refused by the database"
    except DatabaseBusy:  # PostgreSQL: a deadlock or serialization failure is a refusal too
        return "dot refused by the database"
    return "dot sneaked in"


def _assert_no_budget_exceeded(db: Database, plan: Plan) -> None:
    with db.read() as s:
        rules = voting.get_round(s, plan.round_id).rules
        per_voter = s.execute(
            select(Dot.participant_id, func.count())
            .where(Dot.round_id == plan.round_id)
            .group_by(Dot.participant_id)
        ).all()
        per_idea = s.execute(
            select(func.count())
            .where(Dot.round_id == plan.round_id)
            .group_by(Dot.participant_id, Dot.idea_id)
        ).all()
        per_field = s.execute(
            select(Dot.field_id, func.count())
            .where(Dot.round_id == plan.round_id)
            .group_by(Dot.participant_id, Dot.field_id)
        ).all()
        ballots = s.scalar(
            select(func.count()).select_from(Ballot).where(Ballot.round_id == plan.round_id)
        )
    assert per_voter, "nobody voted: the hammering did not reach the database"
    assert max(n for _, n in per_voter) <= rules.dots_per_participant
    assert max(n for (n,) in per_idea) <= rules.max_dots_per_idea
    assert all(n <= rules.cap_of(f) for f, n in per_field)
    assert ballots == len(per_voter) <= len(plan.people)


def _run(plan: Plan, pool: Callable[[], ThreadPoolExecutor | ProcessPoolExecutor]) -> Counter[str]:
    with pool() as executor:
        futures = [executor.submit(station, plan, n) for n in (1, 2)]
        totals: Counter[str] = Counter()
        for future in futures:
            totals.update(future.result())
    return totals


def _check(db: Database, plan: Plan, totals: Counter[str]) -> None:
    _assert_no_budget_exceeded(db, plan)
    # The hammering really pushed against the limits, so that the assertions above mean something.
    assert totals["cast"] > 0
    assert totals["refused by rules"] > 0
    assert totals["dot refused by the database"] > 0


def _threads() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2)


def _processes() -> ProcessPoolExecutor:
    # Forked from a clean server process that has imported this module once, not spawned
    # (each spawned station imported everything again: a second of work per station).
    context = get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return ProcessPoolExecutor(max_workers=2, mp_context=context)


@pytest.mark.parametrize("pool", [_threads, _processes], ids=["threads", "processes"])
def test_two_stations_on_one_sqlite_file_never_overspend(
    db: Database, event_path: Path, pool: Callable[[], ThreadPoolExecutor | ProcessPoolExecutor]
) -> None:
    plan = _setup(db)
    totals = _run(plan, pool)
    _check(db, plan, totals)


@pytest.mark.postgres
@pytest.mark.parametrize("pool", [_threads, _processes], ids=["threads", "processes"])
def test_two_stations_on_postgresql_never_overspend(
    pg_db: Database, pool: Callable[[], ThreadPoolExecutor | ProcessPoolExecutor]
) -> None:
    plan = _setup(pg_db)
    totals = _run(plan, pool)
    _check(pg_db, plan, totals)


def test_the_same_ballot_confirmed_at_two_stations_at_once_counts_once(db: Database) -> None:
    """Both stations read revision 0, both confirm: one wins, the other is told to scan again."""
    plan = _setup(db)
    person = plan.people[0]
    with db.read() as s:
        seen = voting.voter_for(s, plan.round_id, person)
    outcomes = []
    for dots in ({plan.ideas[0]: 2}, {plan.ideas[1]: 1}):
        try:
            with db.uow() as s:
                voting.cast_ballot(s, plan.round_id, person, dots, expected_revision=seen.revision)
            outcomes.append("cast")
        except ConflictError:
            outcomes.append("conflict")
    assert outcomes == ["cast", "conflict"]
    with db.read() as s:
        assert voting.voter_for(s, plan.round_id, person).dots == {plan.ideas[0]: 2}
