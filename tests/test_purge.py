"""The purge really purges: no removed value stays on disk, and it says so when it cannot be sure.

Another process reads the event while the purge runs, as another laptop
would: a real subprocess with its own connection.
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from smartdialog.cli import main
from smartdialog.core import backup, erasure
from smartdialog.core.db import Database, create_database, open_database
from smartdialog.core.models import Participant
from smartdialog.core.services import minutes, privacy, setup

from .conftest import TEST_DEVICE

WAIT_S = 0.5


def _fill(db: Database, count: int) -> list[str]:
    """``count`` participants with distinctive personal values; the minutes final."""
    with db.uow() as s:
        event = setup.current_event(s)
        rows = [
            {
                "event_id": event.id,
                "ticket_number": n,
                "first_name": f"Vorname{n:05d}",
                "last_name": f"Nachname-Ößü{n:05d}",
                "email": f"person{n:05d}@beispiel-mail.de",
                "organisation": f"Verein Nummer {n:05d}",
                "postcode": f"{48000 + n % 999}",
                "district": "Mitte",
                "search_key": f"vorname{n:05d} nachname-oessue{n:05d}",
                "device_id": TEST_DEVICE.id,
            }
            for n in range(1, count + 1)
        ]
        s.execute(insert(Participant), rows)
        minutes.mark_final(s)
    return [r["email"] for r in rows] + [r["last_name"] for r in rows]


@pytest.fixture
def event(db: Database) -> Iterator[Database]:
    _fill(db, 300)
    yield db


def _bytes_on_disk(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


READER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
    mode = sys.argv[2]
    for line in sys.stdin:
        word = line.strip()
        if word == "begin":   # a read transaction that stays open: an older snapshot in use
            conn.execute("BEGIN")
            conn.execute("SELECT count(*), max(email) FROM participants").fetchone()
        elif word == "end":
            conn.execute("COMMIT")
        elif word == "poll":  # what another laptop's window does every second
            for _ in range(int(sys.argv[3])):
                conn.execute("SELECT count(*), max(email) FROM participants").fetchone()
        elif word == "quit":
            break
        print("ok", flush=True)
    conn.close()
    """
)


class Reader:
    """Another process with the event file open."""

    def __init__(self, path: Path, polls: int = 2000) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", READER, str(path), "sqlite", str(polls)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def say(self, word: str) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "ok"

    def start(self, word: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()

    def answered(self) -> None:
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "ok"

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if self.proc.poll() is None:
            self.proc.stdin.write("quit\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


@pytest.fixture
def reader(event: Database) -> Iterator[Reader]:
    assert event.path is not None
    r = Reader(event.path)
    r.say("poll")
    yield r
    r.close()


# -- finding values in bytes ---------------------------------------------------------------------


def test_the_scanner_finds_every_value_overlapping_across_pieces_and_in_utf16(
    tmp_path: Path,
) -> None:
    scanner = erasure.ValueScanner(["Anna", "Annabell", "nabel", "Łukasz Öztürk", "Li"])
    assert scanner.values == 4  # "Li" is too short to tell from chance
    hits = scanner.found(b"xxAnnabellyy")
    assert hits == {0, 1, 2}  # Anna, Annabell and the overlapping nabel
    assert len(scanner.found("Łukasz Öztürk".encode())) == 1
    assert scanner.found("Łukasz Öztürk".encode("utf-16-le")) == set()
    wide = erasure.ValueScanner(["Łukasz Öztürk"], ("utf-8", "utf-16-le"))
    assert wide.found("..Łukasz Öztürk..".encode("utf-16-le")) == {0}
    # A value that crosses the end of one piece of a large file is still found.
    big = tmp_path / "big.bin"
    big.write_bytes(b"\0" * (erasure._CHUNK - 3) + b"Annabell" + b"\0" * 100)
    assert scanner.found_in_file(big) == {0, 1, 2}


# -- SQLite ----------------------------------------------------------------------------------


def test_purge_while_another_process_reads_an_old_snapshot_says_so_and_changes_nothing(
    event: Database, reader: Reader
) -> None:
    assert event.path is not None
    reader.say("begin")  # holds a read transaction open, as a laptop in the middle of a read
    with pytest.raises(privacy.FileInUse) as caught:
        privacy.anonymise(event, wait_s=WAIT_S)
    assert "open" in caught.value.english()
    with event.read() as s:
        assert s.scalar(select(Participant.email).where(Participant.ticket_number == 7)) == (
            "person00007@beispiel-mail.de"
        )
    reader.say("end")
    report = privacy.anonymise(event, wait_s=WAIT_S)
    assert report.participants == 300 and report.check is not None and report.check.clean


def test_a_read_that_begins_during_the_purge_is_reported_not_hidden(
    event: Database, reader: Reader
) -> None:
    # The other laptop starts reading right after the removal is committed, and keeps reading.
    event.on_commit.append(lambda: reader.say("begin"))
    with pytest.raises(privacy.FileInUse, match="still on the disk"):
        privacy.anonymise(event, wait_s=WAIT_S)
    event.on_commit.clear()
    reader.say("end")


def test_cli_does_not_claim_success_while_another_process_reads(
    event: Database,
    reader: Reader,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert event.path is not None
    # The read stays open however long the purge waits: no need to wait out the app's 5 s.
    monkeypatch.setattr(privacy, "WAIT_S", WAIT_S)
    reader.say("begin")
    code = main(["--lang", "de", "privacy", str(event.path), "--anonymise", "--yes"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "entfernt" not in out and "anonym" not in out
    assert "Ein anderes Programm oder Laptop hat" in err and "wiederholen Sie" in err
    assert b"person00300@beispiel-mail.de" in _bytes_on_disk(event.path)


def test_purge_while_another_process_polls_leaves_no_value_on_disk_nor_in_backups(
    event: Database, reader: Reader, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Done when: the other laptop keeps reading, and afterwards nothing removed is on disk."""
    assert event.path is not None
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    copy = backup.automatic_backup(event.path, stick, keep=3).path
    secrets = [
        b"person00001@beispiel-mail.de",
        "Nachname-Ößü00300".encode(),
        b"Verein Nummer 00042",
    ]
    assert all(x in copy.read_bytes() for x in secrets)

    reader.start("poll")  # reads on and on while the purge runs
    code = main(
        [
            "--lang",
            "en",
            "privacy",
            str(event.path),
            "--anonymise",
            "--yes",
            "--backups",
            str(stick),
        ]
    )
    reader.answered()
    out, err = capsys.readouterr()
    # The event is clean; the backup on the stick is named, and kept until asked.
    assert code == 1
    assert "300 participants" in out and "none of the" in out
    assert str(copy) in err and "--delete-backups" in err
    assert copy.exists()
    on_disk = _bytes_on_disk(event.path)
    assert not any(x in on_disk for x in secrets)
    assert Path(f"{event.path}-wal").stat().st_size == 0

    reader.start("poll")
    code = main(
        ["--lang", "en", "privacy", str(event.path), "--anonymise", "--yes",
         "--backups", str(stick), "--delete-backups"]
    )  # fmt: skip
    reader.answered()
    out, _ = capsys.readouterr()
    assert code == 0 and f"deleted: {copy}" in out
    assert not copy.exists()
    for place in [*stick.iterdir(), *event.path.parent.glob(event.path.name + "*")]:
        data = place.read_bytes()
        assert not any(x in data for x in secrets), place


def test_the_check_finds_what_a_purge_without_rewrite_leaves(event: Database) -> None:
    """The check is not a formality: rows blanked without a rewrite are found in the file."""
    assert event.path is not None
    with event.uow() as s:
        values = privacy.personal_values(s)
        privacy.anonymise_session(s)
    scanner = erasure.ValueScanner(values)
    kept = erasure.sqlite_kept_text(event.path)
    leftovers, _ = erasure.search(scanner, [event.path, Path(f"{event.path}-wal")], kept)
    assert sum(x.values for x in leftovers) >= 300


def test_an_old_update_copy_beside_the_file_is_a_backup_too(event: Database) -> None:
    assert event.path is not None
    kept = event.path.with_name(f"{event.path.stem}.vor-update-0000{event.path.suffix}")
    backup.backup_file(event.path, kept)
    report = privacy.anonymise(event, wait_s=WAIT_S)
    assert report.check is not None and report.check.backups_with_personal_data == (kept.resolve(),)


def test_anonymise_without_a_terminal_asks_for_yes(
    event: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert event.path is not None
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--lang", "en", "privacy", str(event.path), "--anonymise"]) == 2
    assert "--yes" in capsys.readouterr().err
    with event.read() as s:
        assert s.scalar(select(Participant.email).where(Participant.ticket_number == 1))


# -- PostgreSQL ------------------------------------------------------------------------------------


PG_READER = textwrap.dedent(
    """
    import sys, psycopg
    with psycopg.connect(sys.argv[1], autocommit=True) as conn:
        for line in sys.stdin:
            if line.strip() == "quit":
                break
            for _ in range(int(sys.argv[2])):
                with conn.transaction():
                    conn.execute("SELECT count(*), max(email) FROM participants").fetchone()
            print("ok", flush=True)
    """
)


def _relation_bytes(db: Database, relations: list[str]) -> bytes:
    with db.engine.connect() as conn:
        datadir = Path(conn.execute(text("SHOW data_directory")).scalar_one())
        paths = [
            datadir / conn.execute(text(f"SELECT pg_relation_filepath('{r}')")).scalar_one()
            for r in relations
        ]
    if not all(p.exists() and p.stat().st_mode for p in paths):
        pytest.skip(f"the server's data directory {datadir} cannot be read from here")
    try:
        return b"".join(p.read_bytes() for p in paths)
    except PermissionError:
        pytest.skip(f"the server's data directory {datadir} cannot be read from here")


@pytest.mark.postgres
def test_postgres_purge_while_another_session_reads_leaves_no_value_in_table_or_index_files(
    pg_db: Database, pg_url: str
) -> None:
    """Done when, on PostgreSQL: heap and index files hold none of the removed values."""
    values = _fill(pg_db, 500)
    relations = ["participants", "ix_participants_event_email", "ix_participants_event_search"]
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("CHECKPOINT"))
    before = _relation_bytes(pg_db, relations)
    assert sum(v.encode() in before for v in values[:500]) == 500

    other = subprocess.Popen(
        [sys.executable, "-c", PG_READER, pg_url.replace("+psycopg", ""), "300"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdin is not None and other.stdout is not None
        other.stdin.write("go\n")
        other.stdin.flush()
        report = privacy.anonymise(pg_db, wait_s=10)
        assert other.stdout.readline().strip() == "ok"
    finally:
        assert other.stdin is not None
        other.stdin.write("quit\n")
        other.stdin.close()
        other.wait(timeout=30)
        assert other.stdout is not None
        other.stdout.close()

    check = report.check
    assert check is not None and report.participants == 500
    if check.not_searched:
        pytest.skip(check.not_searched)
    assert check.clean, check.leftovers
    assert check.values_searched >= 1000 and len(check.places_searched) >= 3
    after = _relation_bytes(pg_db, relations)
    assert not [v for v in values if v.encode() in after]


@pytest.mark.postgres
def test_postgres_check_finds_what_a_purge_without_rewrite_leaves(pg_db: Database) -> None:
    _fill(pg_db, 200)
    with pg_db.uow() as s:
        values = privacy.personal_values(s)
        privacy.anonymise_session(s)
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("CHECKPOINT"))
    where = erasure.pg_relation_files(pg_db.engine, privacy.PURGED_TABLES)
    if where.unreadable:
        pytest.skip(where.unreadable)
    leftovers, _ = erasure.search(
        erasure.ValueScanner(values),
        where.files,
        erasure.pg_kept_text(pg_db.engine, privacy.PURGED_TABLES),
    )
    assert sum(x.values for x in leftovers) >= 200


def test_a_new_event_database_is_utf8(tmp_path: Path) -> None:
    db = create_database(tmp_path / "neu.sdevent", TEST_DEVICE)
    db.close()
    assert erasure.sqlite_encoding(tmp_path / "neu.sdevent") == "utf-8"
    reopened = open_database(tmp_path / "neu.sdevent", TEST_DEVICE)
    reopened.close()
