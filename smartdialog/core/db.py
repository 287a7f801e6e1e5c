"""Opening, creating and migrating event databases.

An event is one database: a SQLite file by default, or a PostgreSQL database
when several laptops share one event live.  The URL is the only difference.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from smartdialog.core import clock
from smartdialog.core.clock import now
from smartdialog.core.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    ConnectionLost,
    DatabaseBusy,
    EventFileError,
    SmartDialogError,
    StorageError,
    missing_event_file,
)
from smartdialog.core.models import Base, Device, Event, Row
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
    "storage_problem",
    "upgrade",
    "write_empty_event",
]

# The newest schema this version knows.  A test keeps it equal to Alembic's head,
# so that opening a current file needs no Alembic import at all (start-up time).
HEAD_REVISION = "0005"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")
# Tables that a migration after 0001 added, by the revision that added them: a file of an
# older revision must have every table of the models except these.
TABLES_ADDED_IN: dict[str, str] = {
    "merge_cases": "0004",
    "merge_ticket_numbers": "0004",
    "merge_audit_origins": "0004",
    "merge_runs": "0004",
}

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Looking at a file before opening it waits this long for another program's lock.
INSPECT_TIMEOUT_S = 2.0


def sqlite_url(path: Path) -> str:
    return "sqlite+pysqlite:///" + str(path)


def chain_hash(prev_hash: str, rest: str) -> str:
    """SHA-256 of an audit entry's canonical form, for SQL on SQLite (``sd_chain_hash``)."""
    return hashlib.sha256((prev_hash + rest).encode("utf-8")).hexdigest()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The Python driver's own transaction handling is switched off so that
    # SQLAlchemy's BEGIN is the only one (see SQLAlchemy's pysqlite notes).
    dbapi_connection.isolation_level = None
    # The audit log's INSERT hashes its entry in the database (services/audit.py).
    dbapi_connection.create_function("sd_chain_hash", 2, chain_hash, deterministic=True)
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


# libpq's TCP settings for connections to a shared event: keepalive probes on an idle
# connection after 10 s, then every 3 s, given up after 3 without answer; data sent and
# not acknowledged for 10 s ends the connection.  A query still running on the server
# for longer is fine: the server's network stack acknowledges at once.
PG_LINK_CHECKS: dict[str, int] = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


def make_engine(target: str | os.PathLike[str]) -> Engine:
    """An engine for a file path or a database URL, set up the house way.

    Parameters are hidden from SQLAlchemy's error messages: they are names and
    e-mail addresses, and error messages end up in the log file.
    """
    url = os.fspath(target) if is_url(target) else sqlite_url(Path(target))
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            poolclass=NullPool if parsed.database in (None, "", ":memory:") else None,
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg"))
    # What the URL does not say itself: notice a vanished server (a pulled cable, a
    # firewall that drops packets) within seconds instead of the system's two hours.
    link = {k: v for k, v in PG_LINK_CHECKS.items() if k not in parsed.query}
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=3,
        max_overflow=2,
        hide_parameters=True,
        connect_args=link,
    )
    event.listen(engine, "handle_error", _without_row_values)
    return engine


def _without_row_values(context: Any) -> None:
    """Drop PostgreSQL's DETAIL and CONTEXT lines from an error's message.

    They quote the values of the failing row ("Failing row contains (…, Anna,
    anna@…)") and the message ends up in the log file.  The driver's
    structured ``diag`` stays available to code that needs it.
    """
    for exc in (context.original_exception, context.sqlalchemy_exception):
        if exc is None or not exc.args or not isinstance(exc.args[0], str):
            continue
        kept = [
            line
            for line in exc.args[0].splitlines()
            if not line.lstrip().startswith(("DETAIL:", "CONTEXT:"))
        ]
        exc.args = ("\n".join(kept), *exc.args[1:])


# -- checks before opening a file ------------------------------------------------------


def _check_event_file(path: Path) -> None:
    if not path.exists():
        raise missing_event_file(str(path))
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


def _in_use(path: str, exc: BaseException) -> EventFileError:
    log.warning("event file %s is held by another connection: %s", path, exc)
    return EventFileError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The event file {path} is in use by another program or on another laptop, which "
            "holds it locked. Close it there or wait until that program has finished, then "
            "open it again. The file has not been changed.",
        ),
        path=path,
    )


def _is_lock(exc: BaseException) -> bool:
    code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)


def _unknown_revision(path: str, revision: str) -> EventFileError:
    if revision.isdigit() and HEAD_REVISION.isdigit() and int(revision) > int(HEAD_REVISION):
        return EventFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} was made by a newer version of smartdialog. "
                "Install the newest version to open it.",
            ),
            path=path,
        )
    return EventFileError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} has a database version ({revision}) that no version of smartdialog made: "
            "it was changed by another program or is damaged. Open your most recent backup "
            "copy instead; this file has not been changed.",
        ),
        path=path,
        revision=revision,
    )


def _wal_left_beside(path: str) -> EventFileError:
    return EventFileError(
        QT_TRANSLATE_NOOP(
            "errors",
            "Beside {path} lies a file {wal} with changes that were not yet written into the "
            "event file: the event is open in another program or on another laptop, or it was "
            "not closed properly there, or it was copied together with that file. smartdialog "
            "has taken the changes over. Work on the event on one laptop only; to pass it on, "
            "use File › Save a backup copy… instead of copying the file.",
        ),
        path=path,
        wal=f"{Path(path).name}-wal",
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
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # SQLite's own recipe for schema changes: with foreign keys on, batch mode's
            # DROP TABLE of a copied table would cascade into the rows that refer to it.
            # The pragma is a no-op inside a transaction, so it goes to the driver first.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"migration broke a foreign key: {tuple(broken)}")
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


# -- what a failed read or write means --------------------------------------------------

# SQLite's primary result codes (an extended code carries its primary one in the low byte).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL = 5, 6, 8, 13
# PostgreSQL's SQLSTATEs: another writer in the way, a full disk, a read-only server.
_PG_BUSY = frozenset({"40001", "40P01", "55P03", "55006"})
_PG_FULL = frozenset({"53100"})
_PG_READ_ONLY = frozenset({"25006"})


def storage_problem(exc: DBAPIError) -> SmartDialogError:
    """The error to show for a database failure, decided by the driver's error code.

    The one place where driver errors become the project's errors: the unit
    of work calls it, so services, the GUI and the command line see only
    SmartDialogError.  A constraint that no service turned into a message of
    its own is a conflict with what another laptop saved meanwhile.
    """
    if isinstance(exc, IntegrityError):
        log.info("a database constraint refused a write: %s", exc.orig)
        return ConflictError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This change clashes with one saved a moment ago (perhaps on another laptop). "
                "Nothing was saved; look again and repeat it if it is still needed.",
            )
        )
    code = getattr(exc.orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or sqlstate in _PG_BUSY:
        return DatabaseBusy(
            QT_TRANSLATE_NOOP(
                "errors", "Another laptop is writing right now. Try again in a moment."
            )
        )
    if primary == _SQLITE_FULL or sqlstate in _PG_FULL:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The disk is full; the last change was not saved. Free some space (or plug in "
                "a USB stick and save a copy there), then try again.",
            )
        )
    if primary == _SQLITE_READONLY or sqlstate in _PG_READ_ONLY:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The event file cannot be written to any more. Check that the drive is still connected.",
            )
        )
    if exc.connection_invalidated or sqlstate.startswith("08") or isinstance(exc, OperationalError):
        log.warning("the database failed: %s", exc.orig)
        return ConnectionLost(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database does not answer. Check the network cable or the drive, then try again.",
            )
        )
    log.error("the database reported an error", exc_info=exc)
    return StorageError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The change could not be saved. Check the drive or the network, then try again.",
        )
    )


def _roll_back(session: Session) -> None:
    # A connection that is gone cannot roll back; what it held is lost with it anyway.
    with contextlib.suppress(DBAPIError):
        session.rollback()


# -- the open database -----------------------------------------------------------------


class Database:
    """An open event database: engine, session factory, and the device that writes."""

    def __init__(self, engine: Engine, device: DeviceIdentity, *, path: Path | None = None) -> None:
        self.engine = engine
        self.device = device
        self.path = path
        # What the user should know about the file just opened (shown, not raised).
        self.notices: list[SmartDialogError] = []
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(**{READ_ONLY: True}))
        # Called after every committed unit of work (from the thread that wrote):
        # the GUI uses it to refresh its views at once instead of at the next poll.
        self.on_commit: list[Callable[[], None]] = []
        # Called after every committed unit of work (from the thread that wrote) with
        # the audit entries it recorded (``audit.Change``; empty when it recorded none
        # through ``audit.record``): this laptop's change feed shows them at once.
        self.on_recorded: list[Callable[[list[Any]], None]] = []
        # Called once when the database is closed (the GUI releases its lock on the file).
        self.on_close: list[Callable[[], None]] = []

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
        """One unit of work: commits when the block ends, rolls back on any error.

        A failure of the database itself comes out as a SmartDialogError
        (``storage_problem``), whatever the backend.
        """
        with self._sessions() as session:
            session.info["device"] = self.device
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                _roll_back(session)
                raise storage_problem(exc) from exc
            except BaseException:
                _roll_back(session)
                raise
            recorded = session.info.pop("audit_recorded", [])
        for feed in self.on_recorded:
            feed(recorded)
        for callback in self.on_commit:
            callback()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session: nothing it does is committed, and it takes no write lock."""
        with self._read_sessions() as session:
            session.info["device"] = self.device
            try:
                yield session
            except DBAPIError as exc:
                raise storage_problem(exc) from exc
            finally:
                _roll_back(session)

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
        callbacks, self.on_close = self.on_close, []
        for callback in callbacks:
            callback()


@event.listens_for(Session, "before_flush")
def _stamp_device(session: Session, _context: Any, _instances: Any) -> None:
    device: DeviceIdentity | None = session.info.get("device")
    if device is None:
        return
    for obj in session.new:
        if isinstance(obj, Row) and obj.device_id is None:
            obj.device_id = device.id


def open_database(
    target: str | os.PathLike[str],
    device: DeviceIdentity | None = None,
    *,
    migrate: bool = True,
    read_only: bool = False,
) -> Database:
    """Open an existing event, file path or URL.  Raises EventFileError with a clear message.

    An event from an older version is migrated, after a copy of the file has
    been kept beside it.  Nothing is ever overwritten on a failed open.
    ``read_only`` is for looking only (``info``, backups): this laptop is not
    recorded as a writer, so another program's write lock does not stop it.
    """
    device = device or DeviceIdentity.this_machine()
    path: Path | None = None
    notices: list[SmartDialogError] = []
    if is_url(target):
        engine = make_engine(target)
        shown = str(target)
    else:
        path = Path(target).expanduser().resolve()
        shown = str(path)
        _check_event_file(path)
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            notices.append(_wal_left_beside(shown))
        # Looked at read-only first: a file that is not ours is not touched at all
        # (opening it the normal way would already switch it to WAL mode).
        file_revision = _inspect_sqlite_file(path)
        engine = make_engine(path)
    try:
        revision = file_revision if path is not None else _reachable_revision(engine, shown)
        if revision != HEAD_REVISION:
            if revision not in KNOWN_REVISIONS:
                raise _unknown_revision(shown, revision)
            if not migrate:
                raise EventFileError(
                    QT_TRANSLATE_NOOP("errors", "{path} must be upgraded before it can be used."),
                    path=shown,
                )
            if path is not None:
                _backup_before_upgrade(engine, path, revision)
            upgrade(engine)
        db = Database(engine, device, path=path)
        db.notices.extend(notices)
        if not read_only:
            db.register_device()
        db.adopt_time_zone()
        return db
    except OperationalError as exc:
        engine.dispose()
        if path is not None and _is_lock(exc):
            raise _in_use(shown, exc) from exc
        raise
    except BaseException:
        engine.dispose()
        raise


def _inspect_sqlite_file(path: Path) -> str:
    """The schema revision of an event file, read without writing to it; raises when it is none.

    A refused file keeps its bytes and gets no -wal or -shm file beside it.
    When both exist (somebody has it open, or left them), it is read
    read-only.  Otherwise it is read through an ordinary connection that never
    writes: as the last one to close, it removes the -wal and -shm it made,
    which a read-only connection would leave behind.
    """
    both = Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    uri = f"{path.as_uri()}?mode={'ro' if both else 'rw'}"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=INSPECT_TIMEOUT_S)) as conn:
            # Bytes, decoded here: damaged schema text is a damaged file, not a crash.
            conn.text_factory = bytes
            conn.execute("PRAGMA query_only=1")
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != b"ok":
                raise _corrupt(str(path), RuntimeError(str(verdict)))
            tables = {
                bytes(row[0]).decode("utf-8")
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "events"} <= tables:
                raise _not_an_event(str(path))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None:
                raise _not_an_event(str(path))
            revision = bytes(row[0]).decode("utf-8")
            if revision in KNOWN_REVISIONS and not _has_our_tables(conn, tables, revision):
                raise _not_an_event(str(path))
    except sqlite3.OperationalError as exc:
        if _is_lock(exc):
            raise _in_use(str(path), exc) from exc
        raise _corrupt(str(path), exc) from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _corrupt(str(path), exc) from exc
    return revision


def _has_our_tables(conn: sqlite3.Connection, tables: set[str], revision: str) -> bool:
    """Every table of ``revision`` is there, and at the newest one every column too.

    A foreign file may share a table name or two; an older event file lacks only what
    later migrations added.
    """
    for table in Base.metadata.sorted_tables:
        added = TABLES_ADDED_IN.get(table.name)
        if added is not None and KNOWN_REVISIONS.index(added) > KNOWN_REVISIONS.index(revision):
            continue
        if table.name not in tables:
            return False
        if revision != HEAD_REVISION:
            continue
        # table.name comes from our own models, never from the file.
        columns = {
            bytes(row[1]).decode("utf-8")
            for row in conn.execute(f'PRAGMA table_info("{table.name}")')
        }
        if not {c.name for c in table.columns} <= columns:
            return False
    return True


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


_empty_event_lock = threading.Lock()
_empty_event_bytes: bytes | None = None


def write_empty_event(path: Path) -> None:
    """Write a new event file with the newest schema and no rows at ``path`` (not there yet).

    The migrations run once per process, at the first such file; every later one is a
    copy of its bytes.  Replaying them takes a quarter of a second of CPU (Alembic
    imports, SQLite's batch mode copies tables), which a new event, each refresh of
    a laptop's local copy and every test's event would pay again.
    """
    global _empty_event_bytes
    with _empty_event_lock:
        if _empty_event_bytes is None:
            engine = make_engine(path)
            try:
                upgrade(engine)
            finally:
                # Closing the last connection checkpoints the WAL into the file: one
                # self-contained file.
                engine.dispose()
            _empty_event_bytes = _bytes_of_an_empty_event(path)
            return
    with open(path, "xb") as out:
        out.write(_empty_event_bytes)
        out.flush()
        os.fsync(out.fileno())


def _bytes_of_an_empty_event(path: Path) -> bytes:
    """The file's bytes, once it is clear that the migrations wrote no row but their revision.

    A migration that wrote a row of its own (a random secret, say) into every new event
    would otherwise hand every later event the same one.
    """
    with contextlib.closing(sqlite3.connect(path)) as conn:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        written = [
            name
            for name in tables
            if name not in ("alembic_version", "sqlite_sequence")
            and conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone() != (0,)
        ]
    if written:
        raise RuntimeError(f"the migrations wrote rows into a new event: {written}")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path.read_bytes()


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
        write_empty_event(tmp)
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
