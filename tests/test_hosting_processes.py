"""Three laptops as three processes: one hosts, one runs the desk, one captures ideas.

The host is the command line's ``smartdialog host``; the desk checks people in
with ``smartdialog checkin`` on the URL that ``smartdialog join`` printed; the
ideas table writes through the services.  The host is stopped (the laptop
switched off) and started again, the test process checks in two more, then the
sharing ends: everything is there, in the file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smartdialog import cli, i18n
from smartdialog.core.db import open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.hosting import session
from smartdialog.core.hosting.joincode import JoinCode
from smartdialog.core.models import CheckIn, Event, Idea, Participant
from smartdialog.core.services import tickets
from smartdialog.i18n import translate
from tests.hosting_helpers import reachable_folder, server_environment

# One hosted server at a time across the test processes (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("one_host_at_a_time")

DESK = """
import sys
from smartdialog import cli
url, payloads = sys.argv[1], sys.argv[2:]
for payload in payloads:
    assert cli.main(["checkin", url, payload, "--desk", "Empfang 2"]) == 0, payload
"""

TABLE = """
import sys, uuid
from smartdialog.core.db import open_database
from smartdialog.core.services import setup
from smartdialog.core.services import ideas
from smartdialog.core.targets import DeviceIdentity

url, count = sys.argv[1], int(sys.argv[2])
db = open_database(url, DeviceIdentity(uuid.uuid4(), "Tisch Mobilität", "table"))
with db.read() as s:
    field = setup.list_fields(s)[0]
for n in range(count):
    with db.uow() as s:
        ideas.capture(s, f"Idee vom Tisch Nummer {n + 1}", field_id=field.id)
db.close()
"""


def _start_host(source: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    host = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "smartdialog",
            "host",
            str(source),
            "--address",
            "127.0.0.1",
            "--name",
            "Empfang",
            "--no-announce",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert host.stdout is not None
    for line in host.stdout:
        if line.startswith("Beitrittscode:"):
            return host, line.split(":", 1)[1].strip()
    _out, err = host.communicate(timeout=60)
    pytest.fail(f"the host did not start: {err}")


def _stop_host(host: subprocess.Popen[str]) -> str:
    host.send_signal(signal.SIGTERM)
    out, err = host.communicate(timeout=120)
    assert host.returncode == 0, err
    return out


def _desk_and_table(url: str, payloads: list[str], ideas: int, env: dict[str, str]) -> None:
    """The desk laptop and the ideas table work at the same time."""
    desk = subprocess.Popen(
        [sys.executable, "-c", DESK, url, *payloads],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    table = subprocess.Popen(
        [sys.executable, "-c", TABLE, url, str(ideas)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for job in (desk, table):
        _out, err = job.communicate(timeout=300)
        assert job.returncode == 0, err


def _counts(url: str) -> tuple[int, int]:
    db = open_database(url)
    try:
        with db.read() as s:
            checked = s.scalar(
                select(func.count()).select_from(CheckIn).where(CheckIn.annulled_at.is_(None))
            )
            ideas = s.scalar(select(func.count()).select_from(Idea))
        return int(checked or 0), int(ideas or 0)
    finally:
        db.close()


def test_a_hosted_event_serves_a_desk_and_a_table_across_a_restart(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server_environment(monkeypatch)
    root = reachable_folder()
    monkeypatch.setenv("SMARTDIALOG_DATA_DIR", str(root / "data"))
    try:
        source = root / "dialog.sdevent"
        write_demo(source, participants=30, ideas=4, seed=11)
        db = open_database(source)
        with db.read() as s:
            event = s.scalars(select(Event)).one()
            present = set(s.scalars(select(CheckIn.participant_id)))
            waiting = [
                p.ticket_number
                for p in s.scalars(select(Participant).order_by(Participant.ticket_number))
                if p.id not in present
            ]
            payloads = [tickets.encode_payload(event.code, event.ticket_secret, n) for n in waiting]
        db.close()
        checked_before, ideas_before = _counts(str(source))
        assert len(payloads) >= 4
        env = {**os.environ, "SMARTDIALOG_LANG": "de"}

        host, code = _start_host(source, env)
        try:
            assert cli.main(["join", code, "--name", "Empfang 2"]) == 0
            url = capsys.readouterr().out.strip()
            _desk_and_table(url, payloads[:2], 3, env)
            assert _counts(url) == (checked_before + 2, ideas_before + 3)
        finally:
            _stop_host(host)

        # The host laptop is switched off: the others are told so, in a sentence.
        with pytest.raises(session.JoinError) as caught:
            session.check_join(JoinCode.parse(code), timeout=2)
        i18n.load("de")
        assert "antwortet nicht" in caught.value.text(translate)

        host, code_again = _start_host(source, env)
        try:
            assert code_again == code  # same laptop, same port: the others reconnect as they were
            assert _counts(url) == (checked_before + 2, ideas_before + 3)
            # This process is one more laptop at the desk.
            for payload in payloads[2:4]:
                assert cli.main(["checkin", url, payload]) == 0
            assert _counts(url) == (checked_before + 4, ideas_before + 3)
        finally:
            _stop_host(host)

        assert cli.main(["host", str(source), "--end"]) == 0
        assert "zurück in" in capsys.readouterr().out
        assert _counts(str(source)) == (checked_before + 4, ideas_before + 3)
        kept = list(root.glob("dialog.vor-freigabe-*.sdevent"))
        assert len(kept) == 1 and _counts(str(kept[0])) == (checked_before, ideas_before)
        assert session.hosted_events(root / "data") == []
    finally:
        shutil.rmtree(root, ignore_errors=True)
