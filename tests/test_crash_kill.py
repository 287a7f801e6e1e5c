"""A writer killed at a random moment loses no acknowledged write and leaves a sound file.

Fifty writers check people in and capture ideas on one event file; each is
killed (SIGKILL, as a pulled power cable or the task manager) after a random
few milliseconds.  Afterwards every check-in and idea a writer had reported as
committed is in the file, exactly once, and SQLite finds the file intact.  The
longer run of 300 kills over more kinds of writes belongs in benchmarks/.
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from smartdialog.core.db import Database, open_database
from smartdialog.core.models import CheckIn, Idea, Participant
from smartdialog.core.services import setup, tickets

from . import crash_writer
from .conftest import TEST_DEVICE
from .test_voting_service import add_people

KILLS = 50
PEOPLE_PER_WRITER = 12

pytestmark = pytest.mark.skipif(
    sys.platform == "win32",
    reason="forkserver and SIGKILL are POSIX; the venue build is tested on Windows by hand",
)


@pytest.fixture(scope="module")
def forkserver() -> Iterator[multiprocessing.context.ForkServerContext]:
    context = multiprocessing.get_context("forkserver")
    # Imported once in the server, so that every writer forked from it starts at once.
    context.set_forkserver_preload(["tests.crash_writer", "smartdialog.core.services.ideas"])
    yield context


def _people(db: Database, count: int) -> list[tuple[int, str]]:
    """Registered, not checked in: their ticket numbers and the payloads of their tickets."""
    add_people(db, count, checked_in=False)
    with db.read() as s:
        numbers = s.scalars(select(Participant.ticket_number).order_by(Participant.ticket_number))
        return [(n, tickets.payload_for(s, n)) for n in numbers]


def test_killed_writers_lose_no_acknowledged_write(
    db: Database, forkserver: multiprocessing.context.ForkServerContext
) -> None:
    assert db.path is not None
    people = _people(db, KILLS * PEOPLE_PER_WRITER)
    with db.read() as s:
        field_id = str(setup.list_fields(s)[0].id)
    db.close()
    rng = random.Random(4711)
    checked_in: set[int] = set()
    captured: list[str] = []
    killed_mid_work = 0
    for round_ in range(KILLS):
        batch = people[round_ * PEOPLE_PER_WRITER : (round_ + 1) * PEOPLE_PER_WRITER]
        receiver, sender = forkserver.Pipe(duplex=False)
        writer = forkserver.Process(
            target=crash_writer.write, args=(str(db.path), batch, field_id, str(round_), sender)
        )
        writer.start()
        sender.close()
        # Let it write a random number of units of work, then cut the power at a random
        # moment within the next one, however fast the machine is.
        assert receiver.poll(30), "the writer did not start"
        messages = [receiver.recv()]
        reported = rng.randrange(0, 2 * PEOPLE_PER_WRITER)
        while len(messages) <= reported and receiver.poll(30):
            messages.append(receiver.recv())
        time.sleep(rng.uniform(0.0, 0.004))
        writer.kill()
        writer.join(30)
        while receiver.poll():
            try:
                messages.append(receiver.recv())
            except EOFError:
                break
        receiver.close()
        kinds = [kind for kind, _ in messages]
        killed_mid_work += "done" not in kinds
        checked_in.update(value for kind, value in messages if kind == "checkin")
        captured.extend(value for kind, value in messages if kind == "idea")

    assert killed_mid_work >= KILLS // 2, "most writers must die in the middle of their work"
    again = open_database(db.path, TEST_DEVICE)
    try:
        with again.read() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
            present = {
                number
                for (number,) in s.execute(
                    select(Participant.ticket_number)
                    .join(CheckIn, CheckIn.participant_id == Participant.id)
                    .where(CheckIn.annulled_at.is_(None))
                )
            }
            texts: dict[str, int] = {
                t: n for t, n in s.execute(select(Idea.text, func.count()).group_by(Idea.text))
            }
    finally:
        again.close()
    assert checked_in and captured
    assert checked_in <= present, f"acknowledged check-ins lost: {sorted(checked_in - present)}"
    lost = [t for t in captured if texts.get(t) != 1]
    assert lost == [], f"acknowledged ideas lost or doubled: {lost}"
