"""Opening and creating event files: every bad input gets a clear message and changes nothing."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from smartdialog.core.db import Database, create_database, open_database
from smartdialog.core.errors import DomainError, EventFileError
from smartdialog.core.services import setup

from .conftest import TEST_DEVICE


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_a_text_file_is_not_an_event(tmp_path: Path) -> None:
    path = tmp_path / "notiz.sdevent"
    path.write_text("Einkaufsliste", encoding="utf-8")
    with pytest.raises(EventFileError, match="not a smartdialog event file"):
        open_database(path, TEST_DEVICE)
    assert path.read_text(encoding="utf-8") == "Einkaufsliste"


def test_another_sqlite_database_is_not_an_event(tmp_path: Path) -> None:
    path = tmp_path / "fremd.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE kunden (name TEXT)")
    before = _bytes(path)
    with pytest.raises(EventFileError, match="not a smartdialog event file"):
        open_database(path, TEST_DEVICE)
    assert _bytes(path) == before


def test_a_damaged_file_is_refused_untouched(db: Database) -> None:
    path = db.path
    assert path is not None
    db.close()
    data = bytearray(path.read_bytes())
    data[5000:9000] = os.urandom(4000)  # scramble pages behind the header
    path.write_bytes(bytes(data))
    with pytest.raises(EventFileError, match="damaged"):
        open_database(path, TEST_DEVICE)
    assert path.read_bytes() == bytes(data)


def test_an_event_from_a_newer_version_is_refused(db: Database) -> None:
    path = db.path
    assert path is not None
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(EventFileError, match="newer version"):
        open_database(path, TEST_DEVICE)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root may write anywhere; the check is by permission bits"
)
def test_read_only_folder_is_explained(db: Database) -> None:  # pragma: no cover - CI runs as root
    path = db.path
    assert path is not None
    db.close()
    path.parent.chmod(0o555)
    try:
        with pytest.raises(EventFileError, match="read-only"):
            open_database(path, TEST_DEVICE)
    finally:
        path.parent.chmod(0o755)


def test_read_only_check_is_made_before_opening(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The permission check runs as any user: simulate a folder we may not write to."""
    path = db.path
    assert path is not None
    db.close()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: (
            False if Path(p) == path.parent and mode == os.W_OK else real_access(p, mode)
        ),
    )
    with pytest.raises(EventFileError, match="read-only"):
        open_database(path, TEST_DEVICE)


def test_a_vanished_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(EventFileError, match="does not exist"):
        open_database(tmp_path / "weg.sdevent", TEST_DEVICE)


def test_new_event_does_not_overwrite_without_consent(tmp_path: Path) -> None:
    path = tmp_path / "wichtig.sdevent"
    path.write_text("bleibt", encoding="utf-8")
    with pytest.raises(EventFileError, match="exists already"):
        create_database(path, TEST_DEVICE)
    assert path.read_text(encoding="utf-8") == "bleibt"


def test_new_event_leaves_no_temporary_files(tmp_path: Path) -> None:
    db = create_database(tmp_path / "neu.sdevent", TEST_DEVICE)
    db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["neu.sdevent"]


def test_sqlite_is_set_up_the_house_way(db: Database) -> None:
    with db.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    assert pragmas == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 1,
        "busy_timeout": 5000,
    }


@pytest.mark.postgres
def test_the_same_models_run_on_postgresql(pg_db: Database) -> None:
    with pg_db.uow() as s:
        field = setup.add_field(s, "Kultur")
        setup.add_station(s, "Tisch Kultur", field_id=field.id)
    with pg_db.read() as s:
        assert [f.name for f in setup.list_fields(s)][-1] == "Kultur"
        assert setup.list_stations(s)[0].field_id == field.id


@pytest.mark.postgres
def test_an_unreachable_server_is_explained() -> None:
    with pytest.raises(EventFileError, match="cannot be reached"):
        open_database("postgresql://nobody@127.0.0.1:1/none", TEST_DEVICE)


def test_a_reader_never_blocks_a_writer(db: Database) -> None:
    """The change feed reads twice a second on every laptop; writers must not wait for it."""
    assert db.path is not None
    other = open_database(db.path, TEST_DEVICE)
    try:
        with db.read() as s:
            setup.get_event(s)
            with other.uow() as t:
                setup.add_station(t, "Tisch während des Lesens")
            with db.read() as nested:
                assert [st.name for st in setup.list_stations(nested)] == [
                    "Tisch während des Lesens"
                ]
    finally:
        other.close()


def test_commit_callbacks_run_after_a_unit_of_work(db: Database) -> None:
    calls: list[str] = []
    db.on_commit.append(lambda: calls.append("committed"))
    with db.read() as s:
        setup.list_fields(s)
    with pytest.raises(DomainError), db.uow() as s:
        setup.add_station(s, "")
    assert calls == []
    with db.uow() as s:
        setup.add_station(s, "Tisch 2")
    assert calls == ["committed"]


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_foreign_file_with_our_table_names_is_refused_untouched(
    tmp_path: Path, journal: str
) -> None:
    path = tmp_path / "fremd.sdevent"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA journal_mode={journal}")
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
        conn.execute("CREATE TABLE events (name TEXT)")
        conn.commit()
    before = _listing(tmp_path)
    assert list(before) == ["fremd.sdevent"]
    with pytest.raises(EventFileError, match="not a smartdialog event file"):
        open_database(path, TEST_DEVICE)
    assert _listing(tmp_path) == before


def test_a_refused_event_gets_no_wal_or_shm_beside_it(db: Database) -> None:
    path = db.path
    assert path is not None
    db.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    before = _listing(path.parent)
    with pytest.raises(EventFileError, match="newer version"):
        open_database(path, TEST_DEVICE)
    assert _listing(path.parent) == before


@pytest.mark.parametrize("revision", ["0000", "abc"])
def test_an_unknown_older_revision_is_not_called_newer(db: Database, revision: str) -> None:
    path = db.path
    assert path is not None
    db.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
    with pytest.raises(EventFileError, match="no version of smartdialog made") as caught:
        open_database(path, TEST_DEVICE)
    assert "newer" not in str(caught.value)


def test_a_locked_file_is_called_in_use_not_damaged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = db.path
    assert path is not None
    db.close()
    monkeypatch.setattr("smartdialog.core.db.INSPECT_TIMEOUT_S", 0.05)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(EventFileError, match="in use by another program or on another laptop"):
            open_database(path, TEST_DEVICE)
        other.execute("ROLLBACK")


def test_info_works_while_another_program_writes(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartdialog.cli import main

    path = db.path
    assert path is not None
    db.close()
    # Anything that waited for the writer's lock would give up at once and fail the job.
    monkeypatch.setattr("smartdialog.core.db.BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr("smartdialog.core.db.INSPECT_TIMEOUT_S", 0.05)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE events SET venue = 'Stadthaus'")
        assert main(["info", str(path)]) == 0
        other.execute("ROLLBACK")
    assert "Rathaus Münster" in capsys.readouterr().out


def test_damaged_schema_text_is_a_sentence_not_a_crash(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from smartdialog.cli import main

    path = db.path
    assert path is not None
    db.close()
    data = path.read_bytes()
    # A table's definition no longer parses, and its name is no longer UTF-8: SQLite's
    # error message, which names the table, cannot be decoded.
    assert data.count(b"CREATE TABLE stations") == 1
    broken = data.replace(b"CREATE TABLE stations", b"CREATX TABLE st\xfftions")
    path.write_bytes(broken.replace(b"stations", b"st\xfftions"))
    with pytest.raises(EventFileError, match="damaged"):
        open_database(path, TEST_DEVICE)
    assert main(["info", str(path)]) == 1
    assert "beschädigt" in capsys.readouterr().err


def test_a_wal_left_beside_the_file_is_mentioned(db: Database, tmp_path: Path) -> None:
    path = db.path
    assert path is not None
    db.close()
    # Copied from a USB stick together with its -wal while another laptop had it open.
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("PRAGMA wal_autocheckpoint=0")
        other.execute("UPDATE events SET venue = 'Stadthaus'")
        stick = tmp_path / "stick"
        stick.mkdir()
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{path}{suffix}", stick / f"{path.name}{suffix}")
    copy = open_database(stick / path.name, TEST_DEVICE)
    try:
        assert [n.message for n in copy.notices] and "another laptop" in copy.notices[0].english()
        with copy.read() as s:
            assert setup.get_event(s).venue == "Stadthaus"
    finally:
        copy.close()
    clean = open_database(path, TEST_DEVICE)
    assert clean.notices == []
    clean.close()
