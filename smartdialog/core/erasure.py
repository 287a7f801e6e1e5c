"""Making removed personal data leave the disk, and proving that it has.

An UPDATE that blanks a name only writes a new version of the row.  The old
one stays: in SQLite's -wal file until a checkpoint copies it into the file
(which cannot happen while another connection still reads an older
snapshot), in the file's free pages until VACUUM rebuilds it, and in
PostgreSQL's heap and index files until VACUUM FULL rewrites them.  So the
purge rewrites the storage and then reads the bytes that lie on disk, the
event file, its -wal, the backups, PostgreSQL's table and index files, for
every value it removed.

The removed values themselves never reach the log or a report: only how many
were found, and where.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger("smartdialog.erasure")

# Shorter values (a first name "Li", the letters of a district code) occur by chance in
# any file; a row that still held them would betray itself by its longer values.
MIN_VALUE_BYTES = 4
# A longer value is searched by its beginning: finding that much of it is a leak already.
MAX_NEEDLE_BYTES = 48
# The text encodings a SQLite file can declare (header offset 56).
_SQLITE_ENCODINGS = {1: "utf-8", 2: "utf-16-le", 3: "utf-16-be"}
_CHUNK = 8 << 20
# Short runs of digits (a postcode) arise by chance where two stored hex keys or
# timestamps meet; such values are not searched alone (the rest of their row is).
_CHANCE_LIKE = re.compile(r"[0-9A-Fa-f\s:./-]{0,11}")


class ValueScanner:
    """Finds which of many text values occur in a run of bytes, all in one pass."""

    def __init__(self, values: Iterable[str], encodings: Sequence[str] = ("utf-8",)) -> None:
        self._needles: dict[bytes, int] = {}
        self._lengths: set[int] = set()
        kept = sorted(
            {
                v
                for v in values
                if len(v.strip().encode("utf-8")) >= MIN_VALUE_BYTES
                and not _CHANCE_LIKE.fullmatch(v)
            }
        )
        self.values = len(kept)
        self.encodings = tuple(encodings)
        for index, value in enumerate(kept):
            for encoding in encodings:
                needle = _beginning(value, encoding)
                self._needles[needle] = index
                self._lengths.add(len(needle))
        self._pattern = _trie_pattern(self._needles) if self._needles else None
        self._overlap = max(self._lengths, default=1) - 1

    def found(self, data: bytes) -> set[int]:
        """The numbers of the values that occur in ``data`` (every occurrence, overlaps too)."""
        hits: set[int] = set()
        if self._pattern is None:
            return hits
        pos = 0
        while (match := self._pattern.search(data, pos)) is not None:
            start = match.start()
            # The trie matched the longest value starting here; shorter ones may too.
            for length in self._lengths:
                index = self._needles.get(data[start : start + length])
                if index is not None:
                    hits.add(index)
            pos = start + 1
        return hits

    def found_in_file(self, path: Path) -> set[int]:
        """As ``found``, for a file read in pieces (values crossing a piece's end count)."""
        hits: set[int] = set()
        tail = b""
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                hits |= self.found(tail + chunk)
                tail = chunk[-self._overlap :] if self._overlap else b""
        return hits


def _beginning(value: str, encoding: str) -> bytes:
    raw = value.encode(encoding)
    if len(raw) <= MAX_NEEDLE_BYTES:
        return raw
    cut = value
    while len(cut.encode(encoding)) > MAX_NEEDLE_BYTES:
        cut = cut[:-1]
    return cut.encode(encoding)


def _trie_pattern(needles: Iterable[bytes]) -> re.Pattern[bytes]:
    """One regular expression for many literals, shaped as a trie (fast to search)."""
    trie: dict[int | None, dict] = {}  # type: ignore[type-arg]
    for needle in needles:
        node = trie
        for byte in needle:
            node = node.setdefault(byte, {})
        node[None] = {}

    def emit(node: dict) -> bytes:  # type: ignore[type-arg]
        branches = [
            re.escape(bytes([b])) + emit(child)
            for b, child in sorted((k, v) for k, v in node.items() if k is not None)
        ]
        if not branches:
            return b""
        if len(branches) == 1 and None not in node:
            return branches[0]
        return b"(?:" + b"|".join(branches) + b")" + (b"?" if None in node else b"")

    return re.compile(emit(trie), re.DOTALL)


# -- SQLite --------------------------------------------------------------------------------------


def sqlite_encoding(path: Path) -> str:
    """The text encoding a SQLite file declares (UTF-8 unless it says otherwise)."""
    try:
        with path.open("rb") as f:
            f.seek(56)
            code = int.from_bytes(f.read(4), "big")
    except OSError:
        return "utf-8"
    return _SQLITE_ENCODINGS.get(code, "utf-8")


@dataclass(frozen=True)
class SqliteCompaction:
    """What the rewrite of an event file achieved."""

    done: bool  # the checkpoint emptied the -wal: no other connection held an older snapshot
    wal_bytes: int
    free_pages: int


def sqlite_file_to_itself(path: Path, wait_s: float) -> bool:
    """Whether a checkpoint can empty the -wal now: no other connection is in a read."""
    with contextlib.closing(_connect(path, wait_s)) as conn:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return int(busy) == 0


def sqlite_rewrite(path: Path, wait_s: float) -> SqliteCompaction:
    """Rebuild the file from its live rows and empty the -wal, overwriting what was deleted."""
    with contextlib.closing(_connect(path, wait_s)) as conn:
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        busy = int(conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0])
        free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    wal = Path(f"{path}-wal")
    wal_bytes = wal.stat().st_size if wal.exists() else 0
    done = busy == 0 and wal_bytes == 0
    if not done:
        log.warning(
            "the -wal of %s could not be emptied (busy=%d, %d bytes left): "
            "another connection still reads the file",
            path.name,
            busy,
            wal_bytes,
        )
    return SqliteCompaction(done, wal_bytes, free)


def _connect(path: Path, wait_s: float) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=wait_s, isolation_level=None
    )
    conn.execute(f"PRAGMA busy_timeout={int(wait_s * 1000)}")
    return conn


def sqlite_kept_text(path: Path) -> bytes:
    """Every value the file still holds, as stored: what a search may find on purpose."""
    parts: list[bytes] = []
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as c:
        c.text_factory = bytes
        tables = [bytes(r[0]).decode() for r in c.execute("SELECT name FROM sqlite_master")]
        parts.extend(bytes(r[0] or b"") for r in c.execute("SELECT sql FROM sqlite_master"))
        for table in tables:
            with contextlib.suppress(sqlite3.DatabaseError):  # an index is no table
                for row in c.execute(f'SELECT * FROM "{table}"'):  # names from the file's schema
                    parts.extend(
                        v if isinstance(v, bytes) else str(v).encode() for v in row if v is not None
                    )
    return b"\0".join(parts)


# -- PostgreSQL ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RelationFiles:
    """The files on the server's disk that hold the given tables, their indexes and TOAST."""

    files: tuple[Path, ...] = ()
    unreadable: str = ""  # why the files cannot be read from here ("" when they can)


def pg_tables_free(engine: Engine, tables: Sequence[str], wait_s: float) -> bool:
    """Whether the tables can be had alone now: no other session is in a read of them."""
    quoted = ", ".join(f'"{t}"' for t in tables)  # our own table names
    with engine.connect() as conn:
        try:
            conn.execute(text(f"SET LOCAL lock_timeout = '{int(wait_s * 1000)}ms'"))
            conn.execute(text(f"LOCK TABLE {quoted} IN ACCESS EXCLUSIVE MODE"))
        except DBAPIError as exc:
            if not _lock_not_available(exc):
                raise
            return False
        finally:
            conn.rollback()
    return True


def _lock_not_available(exc: DBAPIError) -> bool:
    """PostgreSQL's lock_timeout ran out (SQLSTATE 55P03), decided by code, not by text."""
    return getattr(exc.orig, "sqlstate", None) == "55P03"


def pg_rewrite(engine: Engine, tables: Sequence[str], wait_s: float) -> bool:
    """VACUUM FULL (and so REINDEX) the tables; False when another session holds them too long.

    VACUUM refuses to run inside a transaction: an AUTOCOMMIT connection of its own.
    """
    quoted = ", ".join(f'"{t}"' for t in tables)  # our own table names
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"SET lock_timeout = '{int(wait_s * 1000)}ms'"))
        try:
            conn.execute(text(f"VACUUM (FULL) {quoted}"))
            for table in tables:
                conn.execute(text(f'REINDEX TABLE "{table}"'))
        except DBAPIError as exc:  # lock_timeout: another laptop is in the middle of a read
            if not _lock_not_available(exc):
                raise
            log.warning("VACUUM FULL waited in vain for a lock: another session uses the tables")
            return False
        # Written to the data files now rather than at the server's next checkpoint.
        try:
            conn.execute(text("CHECKPOINT"))
        except Exception:  # only superusers and pg_checkpoint may; the rewrite itself stands
            log.info("no right to CHECKPOINT; the server writes its buffers in its own time")
    return True


def pg_relation_files(engine: Engine, tables: Sequence[str]) -> RelationFiles:
    """Where the tables' heap, index and TOAST files lie, if this process can read them."""
    with engine.connect() as conn:
        try:
            datadir = conn.execute(text("SHOW data_directory")).scalar_one()
        except Exception:
            return RelationFiles(unreadable="the server does not tell its data directory")
        rows = conn.execute(
            text(
                """
                SELECT pg_relation_filepath(r.oid) FROM pg_class r
                WHERE r.oid = ANY(:oids)
                   OR r.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = ANY(:oids))
                   OR r.oid IN (SELECT reltoastrelid FROM pg_class WHERE oid = ANY(:oids))
                   OR r.oid IN (SELECT i.indexrelid FROM pg_index i JOIN pg_class t
                                ON t.reltoastrelid = i.indrelid WHERE t.oid = ANY(:oids))
                """
            ),
            {"oids": _oids(conn, tables)},
        ).scalars()
        relative = [r for r in rows if r]
    base = Path(str(datadir))
    files: list[Path] = []
    for rel in relative:
        first = base / rel
        if not os.access(first, os.R_OK):
            return RelationFiles(
                unreadable=f"the server's data directory {base} cannot be read from here"
            )
        files.append(first)
        n = 1
        while (segment := base / f"{rel}.{n}").exists():  # 1 GB segments
            files.append(segment)
            n += 1
    return RelationFiles(tuple(files))


def _oids(conn: object, tables: Sequence[str]) -> list[int]:
    execute = conn.execute  # type: ignore[attr-defined]
    return [
        int(execute(text("SELECT CAST(:t AS regclass)::oid"), {"t": f'"{t}"'}).scalar_one())
        for t in tables
    ]


def pg_kept_text(engine: Engine, tables: Sequence[str]) -> bytes:
    """What the tables still hold, as text: values a search may find there on purpose."""
    parts: list[bytes] = []
    with engine.connect() as conn:
        for table in tables:
            rows = conn.execute(text(f'SELECT CAST(t AS text) FROM "{table}" t')).scalars()
            parts.extend(str(r).encode("utf-8") for r in rows)
    return b"\0".join(parts)


# -- the verdict ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leftover:
    """Removed values still found in one place (a file); never the values themselves."""

    place: str
    values: int


@dataclass(frozen=True)
class PurgeCheck:
    """What the purge's own check found on disk."""

    values_searched: int = 0
    places_searched: tuple[str, ...] = ()
    leftovers: tuple[Leftover, ...] = ()
    backups_with_personal_data: tuple[Path, ...] = ()
    backups_deleted: tuple[Path, ...] = ()
    open_elsewhere: bool = False
    not_searched: str = ""  # why the storage could not be read (PostgreSQL on another machine)
    notes: tuple[str, ...] = field(default=())

    @property
    def clean(self) -> bool:
        """Nothing removed is left in the event's own storage (backups are told apart)."""
        return not self.open_elsewhere and not self.leftovers and not self.not_searched


def search(
    scanner: ValueScanner, places: Iterable[Path], kept: bytes
) -> tuple[tuple[Leftover, ...], list[str]]:
    """Which of the places still hold removed values (values the event keeps on purpose excepted)."""
    kept_hits = scanner.found(kept)
    leftovers: list[Leftover] = []
    searched: list[str] = []
    for place in places:
        if not place.exists():
            continue
        searched.append(str(place))
        found = scanner.found_in_file(place) - kept_hits
        if found:
            leftovers.append(Leftover(str(place), len(found)))
    return tuple(leftovers), searched


def wipe_file(path: Path) -> None:
    """Overwrite a file with zeros before removing it (a removed file's blocks stay readable)."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        left = size
        while left > 0:
            n = min(left, _CHUNK)
            f.write(b"\0" * n)
            left -= n
        f.flush()
        os.fsync(f.fileno())
    path.unlink()
