"""Opening, creating and migrating event databases.

An event is one database: a SQLite file by default, or a PostgreSQL database
when several laptops share one event live.  The URL is the only difference.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from smartdialog.core import clock
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, EventFileError
from smartdialog.core.models import Device, Event, Row
from smartdialog.core.targets import EVENT_FILE_SUFFIX, DeviceIdentity, is_url

log = logging.getLogger("smartdialog.db")

__all__ = [
    "EVENT_FILE_SUFFIX",
    "Database",
    "DeviceIdentity",
    "create_database",
    "is_url",
    "make_engine",
    "open_database",
    "upgrade",
]

# The newest schema this version knows.  A test keeps it equal to Alembic's head,
# so that opening a current file needs no Alembic import at all (start-up time).
HEAD_REVISION = "0002"
KNOWN_REVISIONS = ("0001", "0002")

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> str:
    return "sqlite+pysqlite:///" + str(path)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The Python driver's own transaction handling is switched off so that
    # SQLAlchemy's BEGIN is the only one (see SQLAlchemy's pysqlite notes).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


READ_ONLY = "smartdialog_read_only"


def _sqlite_begin(conn: Any) -> None:
    # A unit of work begins IMMEDIATE: it takes the write lock at the start, so
    # two writers wait for each other (busy_timeout) instead of failing half-way.
    # Reads begin deferred and never block anyone (WAL readers do not lock).
    if conn.get_execution_options().get(READ_ONLY):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(target: str | os.PathLike[str]) -> Engine:
    """An engine for a file path or a database URL, set up the house way."""
    url = os.fspath(target) if is_url(target) else sqlite_url(Path(target))
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url, poolclass=NullPool if parsed.database in (None, "", ":memory:") else None
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg"))
    return create_engine(url, pool_pre_ping=True, pool_size=3, max_overflow=2)


# -- checks before opening a file ------------------------------------------------------


def _check_event_file(path: Path) -> None:
    if not path.exists():
        raise EventFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The event file {path} does not exist (any more). It may have been moved, "
                "renamed or be on a drive that is not connected.",
            ),
            path=str(path),
        )
    if path.is_dir():
        raise EventFileError(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder, not an event file."), path=str(path)
        )
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise EventFileError(
            QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    if header != SQLITE_HEADER:
        raise _not_an_event(str(path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise EventFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The event file {path} is read-only or lies in a folder you cannot write to. "
                "Copy it into a folder of your own (for example Documents) and open the copy.",
            ),
            path=str(path),
        )


def _not_an_event(path: str) -> EventFileError:
    return EventFileError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} is not a smartdialog event file. Choose a file that smartdialog created.",
        ),
        path=path,
    )


def _corrupt(path: str, exc: BaseException) -> EventFileError:
    log.warning("event file %s failed its check: %s", path, exc)
    return EventFileError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The event file {path} is damaged and cannot be opened. Open your most recent "
            "backup copy instead; the damaged file has not been changed.",
        ),
        path=path,
    )


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision of an event database, or None when it is none of ours."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables or "events" not in tables:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` (Alembic is imported only here)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


# -- the open database -----------------------------------------------------------------


class Database:
    """An open event database: engine, session factory, and the device that writes."""

    def __init__(self, engine: Engine, device: DeviceIdentity, *, path: Path | None = None) -> None:
        self.engine = engine
        self.device = device
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(**{READ_ONLY: True}))
        # Called after every committed unit of work (from the thread that wrote):
        # the GUI uses it to refresh its views at once instead of at the next poll.
        self.on_commit: list[Callable[[], None]] = []

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextlib.contextmanager
    def uow(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error."""
        with self._sessions() as session:
            session.info["device"] = self.device
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
        for callback in self.on_commit:
            callback()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session: nothing it does is committed, and it takes no write lock."""
        with self._read_sessions() as session:
            session.info["device"] = self.device
            try:
                yield session
            finally:
                session.rollback()

    def register_device(self) -> None:
        with self.uow() as s:
            row = s.get(Device, self.device.id)
            if row is None:
                s.add(Device(id=self.device.id, name=self.device.name, role=self.device.role))
            else:
                row.name, row.role, row.last_seen = self.device.name, self.device.role, now()

    def adopt_time_zone(self) -> None:
        """Show every time in this event's zone (a new, still empty event keeps the default)."""
        with self.read() as s:
            name = s.scalar(select(Event.time_zone).order_by(Event.created_at).limit(1))
        try:
            clock.use_zone(name or clock.DEFAULT_ZONE)
        except ValueError:  # a zone this laptop's zone database does not know
            log.warning("unknown time zone %r; showing times in %s", name, clock.DEFAULT_ZONE)
            clock.use_zone(clock.DEFAULT_ZONE)

    def close(self) -> None:
        self.engine.dispose()


@event.listens_for(Session, "before_flush")
def _stamp_device(session: Session, _context: Any, _instances: Any) -> None:
    device: DeviceIdentity | None = session.info.get("device")
    if device is None:
        return
    for obj in session.new:
        if isinstance(obj, Row) and obj.device_id is None:
            obj.device_id = device.id


def open_database(
    target: str | os.PathLike[str], device: DeviceIdentity | None = None, *, migrate: bool = True
) -> Database:
    """Open an existing event, file path or URL.  Raises EventFileError with a clear message.

    An event from an older version is migrated, after a copy of the file has
    been kept beside it.  Nothing is ever overwritten on a failed open.
    """
    device = device or DeviceIdentity.this_machine()
    path: Path | None = None
    if is_url(target):
        engine = make_engine(target)
        shown = str(target)
    else:
        path = Path(target).expanduser().resolve()
        shown = str(path)
        _check_event_file(path)
        # Looked at read-only first: a file that is not ours is not touched at all
        # (opening it the normal way would already switch it to WAL mode).
        file_revision = _inspect_sqlite_file(path)
        engine = make_engine(path)
    try:
        revision = file_revision if path is not None else _reachable_revision(engine, shown)
        if revision != HEAD_REVISION:
            if revision not in KNOWN_REVISIONS:
                raise EventFileError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{path} was made by a newer version of smartdialog. "
                        "Install the newest version to open it.",
                    ),
                    path=shown,
                )
            if not migrate:
                raise EventFileError(
                    QT_TRANSLATE_NOOP("errors", "{path} must be upgraded before it can be used."),
                    path=shown,
                )
            if path is not None:
                _backup_before_upgrade(engine, path, revision)
            upgrade(engine)
        db = Database(engine, device, path=path)
        db.register_device()
        db.adopt_time_zone()
        return db
    except BaseException:
        engine.dispose()
        raise


def _inspect_sqlite_file(path: Path) -> str:
    """The schema revision of an event file, read without writing to it; raises when it is none."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                raise _corrupt(str(path), RuntimeError(str(verdict)))
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "events"} <= tables:
                raise _not_an_event(str(path))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _corrupt(str(path), exc) from exc
    if row is None:
        raise _not_an_event(str(path))
    return str(row[0])


def _reachable_revision(engine: Engine, shown: str) -> str:
    """The schema revision of a database server's event; raises when unreachable or none."""
    try:
        revision = schema_revision(engine)
    except (OperationalError, DBAPIError) as exc:
        raise EventFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database {path} cannot be reached: {reason}. Check the network cable "
                "and the address, or continue on this laptop's own copy of the event.",
            ),
            path=shown,
            reason=str(getattr(exc, "orig", exc)).strip().splitlines()[0],
        ) from exc
    if revision is None:
        raise _not_an_event(shown)
    return revision


def _backup_before_upgrade(engine: Engine, path: Path, revision: str) -> Path:
    backup = path.with_name(f"{path.stem}.vor-update-{revision}{path.suffix}")
    # SQLite's backup API copies a consistent snapshot, WAL included.
    with (
        contextlib.closing(sqlite3.connect(path)) as src,
        contextlib.closing(sqlite3.connect(backup)) as dst,
    ):
        src.backup(dst)
    log.info("kept a copy of %s at %s before upgrading it", path, backup)
    return backup


def create_database(
    target: str | os.PathLike[str],
    device: DeviceIdentity | None = None,
    *,
    replace: bool = False,
) -> Database:
    """Create an empty event database with the newest schema.

    A new file is written under a temporary name beside the target and moved
    into place only when it is complete; an existing file is replaced only when
    ``replace`` is true (the user confirmed it).
    """
    device = device or DeviceIdentity.this_machine()
    if is_url(target):
        engine = make_engine(target)
        try:
            with engine.connect() as conn:
                if "events" in inspect(conn).get_table_names():
                    raise EventFileError(
                        QT_TRANSLATE_NOOP("errors", "The database {path} already holds an event."),
                        path=str(target),
                    )
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        db = Database(engine, device)
        db.register_device()
        db.adopt_time_zone()
        return db

    path = Path(target).expanduser().resolve()
    if path.exists() and not replace:
        raise EventFileError(
            QT_TRANSLATE_NOOP("errors", "{path} exists already. Choose another name."),
            path=str(path),
        )
    folder = path.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise EventFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The folder {folder} cannot be written to. Choose a folder of your own, "
                "for example Documents.",
            ),
            folder=str(folder),
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        engine = make_engine(tmp)
        upgrade(engine)
        # Closing the last connection checkpoints the WAL into the file, so that
        # one self-contained file is moved into place.
        engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(tmp, path)
    except OSError as exc:
        raise EventFileError(
            QT_TRANSLATE_NOOP("errors", "The event file {path} could not be written: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    db = Database(make_engine(path), device, path=path)
    db.register_device()
    db.adopt_time_zone()
    return db


def devices(db: Database) -> list[DeviceIdentity]:
    """Every laptop that has written to this event, by name."""
    with db.read() as s:
        rows = s.execute(select(Device.id, Device.name, Device.role).order_by(Device.name))
        return [DeviceIdentity(id_, name, role) for id_, name, role in rows]
