"""The writer that tests/test_crash_kill.py kills: check-ins and captured ideas, one at a time.

Runs in a child process forked from a clean server process (multiprocessing's
forkserver), so that each of the many writers starts in milliseconds.  After
every committed unit of work it reports what it wrote through ``conn``: only
what was reported is "acknowledged", as a desk shows a welcome only after the
commit.
"""

from __future__ import annotations

import uuid
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy.orm import configure_mappers

from smartdialog.core.db import DeviceIdentity, open_database
from smartdialog.core.services import checkin, ideas

# The mappers are set up in the fork server, once, not in each writer at its first query
# (a tenth of a second each, most of a writer's start).
configure_mappers()

WRITER = DeviceIdentity(uuid.UUID(int=99), "Empfang unter Strom", "desk")


def write(
    path: str, payloads: list[tuple[int, str]], field_id: str, tag: str, conn: Connection
) -> None:
    db = open_database(Path(path), WRITER)
    field = uuid.UUID(field_id)
    conn.send(("ready", 0))
    for i, (number, payload) in enumerate(payloads):
        with db.uow() as s:
            result = checkin.scan(s, payload, WRITER.name)
        conn.send(("checkin", number) if result.verdict == checkin.WELCOME else ("other", number))
        text = f"Idee {tag}-{i}"
        with db.uow() as s:
            ideas.capture(s, text, field_id=field)
        conn.send(("idea", text))
    db.close()
    conn.send(("done", 0))
