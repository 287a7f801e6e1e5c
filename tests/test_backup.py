"""Backups hold everything, also what is still in the -wal; failures say what to do."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from smartdialog.cli import main
from smartdialog.core.backup import (
    BackupError,
    automatic_backup,
    automatic_backups,
    backup_file,
    checkpoint,
)
from smartdialog.core.db import Database, open_database

from .conftest import TEST_DEVICE

BURST = 800


@pytest.fixture
def busy_writer(db: Database) -> Iterator[sqlite3.Connection]:
    """Another connection that wrote a burst of rows which are all still in the -wal."""
    assert db.path is not None
    db.close()
    conn = sqlite3.connect(db.path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("PRAGMA synchronous=OFF")  # fast; what counts is that nothing is checkpointed
    conn.execute("CREATE TABLE burst (n INTEGER)")
    for n in range(BURST):
        conn.execute("INSERT INTO burst VALUES (?)", (n,))
    assert Path(f"{db.path}-wal").stat().st_size > 0
    yield conn
    conn.close()


def _rows(path: Path) -> int:
    # immutable: the file alone, without any -wal beside it.
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM burst").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def test_a_plain_copy_misses_what_the_wal_holds(
    db: Database, busy_writer: sqlite3.Connection, tmp_path: Path
) -> None:
    # The reason for backups: this is what a user's file-manager copy gets.
    assert db.path is not None
    copy = tmp_path / "kopie.sdevent"
    shutil.copyfile(db.path, copy)
    assert _rows(copy) < BURST


def test_a_backup_holds_every_write_still_in_the_wal(
    db: Database, busy_writer: sqlite3.Connection, tmp_path: Path
) -> None:
    assert db.path is not None
    # A write transaction that is still open on another connection neither blocks the
    # backup nor ends up in it.
    busy_writer.execute("BEGIN IMMEDIATE")
    busy_writer.execute("INSERT INTO burst VALUES (-1)")
    target = tmp_path / "stick" / "sicherung.sdevent"
    target.parent.mkdir()
    result = backup_file(db.path, target)
    busy_writer.execute("ROLLBACK")
    assert result.path == target
    assert _rows(target) == BURST
    assert sorted(p.name for p in target.parent.iterdir()) == ["sicherung.sdevent"]
    backup = open_database(target, TEST_DEVICE)
    backup.close()


def test_backup_into_a_vanished_folder_says_what_to_do(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    before = db.path.read_bytes()
    with pytest.raises(BackupError, match=r"cannot be found.*plug the stick in again.*Nothing was"):
        backup_file(db.path, tmp_path / "usb-stick" / "sicherung.sdevent")
    assert db.path.read_bytes() == before


def test_backup_onto_a_full_drive_says_what_to_do(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert db.path is not None
    real_fsync = __import__("os").fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("smartdialog.core.backup.os.fsync", full)
    folder = tmp_path / "voll"
    folder.mkdir()
    with pytest.raises(BackupError, match=r"is full.*Free some space"):
        backup_file(db.path, folder / "sicherung.sdevent")
    monkeypatch.setattr("smartdialog.core.backup.os.fsync", real_fsync)
    assert list(folder.iterdir()) == []


def test_automatic_backups_keep_the_newest_few(db: Database, tmp_path: Path) -> None:
    assert db.path is not None
    folder = tmp_path / "stick"
    folder.mkdir()
    start = datetime(2026, 11, 30, 10, 0, 0)
    made = [
        automatic_backup(db.path, folder, keep=3, when=start + timedelta(minutes=5 * i)).path
        for i in range(5)
    ]
    assert automatic_backups(db.path, folder) == made[-3:]
    assert made[-1].name == "veranstaltung.sicherung-2026-11-30_10-20-00.sdevent"
    # Two in the same second do not overwrite each other.
    again = automatic_backup(db.path, folder, keep=10, when=start + timedelta(minutes=20))
    assert again.path != made[-1]
    assert automatic_backups(db.path, folder)[-2:] == [made[-1], again.path]
    # A file manager listing the folder by name shows them in the same order.
    assert sorted(folder.iterdir()) == automatic_backups(db.path, folder)
    # Pruning removes the oldest, also among backups of the same second.
    newest = automatic_backup(db.path, folder, keep=2, when=start + timedelta(minutes=20))
    assert automatic_backups(db.path, folder) == [again.path, newest.path]


def test_a_checkpoint_moves_the_wal_into_the_file(
    db: Database, busy_writer: sqlite3.Connection
) -> None:
    assert db.path is not None
    assert _rows(db.path) == 0
    busy, frames, copied = checkpoint(db.path)
    assert (busy, frames == copied) == (0, True)
    assert _rows(db.path) == BURST


def test_backup_from_the_command_line(
    db: Database,
    busy_writer: sqlite3.Connection,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert db.path is not None
    out = tmp_path / "sicherung.sdevent"
    assert main(["backup", str(db.path), "--out", str(out)]) == 0
    assert _rows(out) == BURST
    assert "Sicherungskopie" in capsys.readouterr().out


def test_backup_from_the_command_line_into_a_missing_folder(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert db.path is not None
    assert main(["backup", str(db.path), "--out", str(tmp_path / "weg" / "s.sdevent")]) == 1
    assert "USB-Stick" in capsys.readouterr().err
