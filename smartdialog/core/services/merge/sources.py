"""Opening the event files to merge: read-only, checked, and never changed.

A source file is copied (with its ``-wal`` beside it, if any) into a
temporary folder and only the copy is opened: SQLite would otherwise write
to the original (WAL mode, recovery), and an older schema is upgraded in the
copy.  A database URL is read through read-only transactions.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, make_url

from smartdialog.core import db as core_db
from smartdialog.core.errors import (
    QT_TRANSLATE_NOOP,
    DomainError,
    EventFileError,
    missing_event_file,
)
from smartdialog.core.targets import is_url


class MergeError(DomainError):
    """A merge that cannot be done as asked; nothing was changed."""


@dataclass(frozen=True)
class OpenSource:
    label: str
    engine: Engine
    # The file on disk (None for a database URL).
    path: Path | None


def label_of(target: str | os.PathLike[str]) -> str:
    if is_url(target):
        return make_url(os.fspath(target)).render_as_string(hide_password=True)
    return Path(target).name


def same_place(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two targets name the same event database (the same file, or the same URL)."""
    if is_url(a) or is_url(b):
        if not (is_url(a) and is_url(b)):
            return False
        ua, ub = make_url(os.fspath(a)), make_url(os.fspath(b))
        return (ua.host, ua.port, ua.database) == (ub.host, ub.port, ub.database)
    pa, pb = Path(a).expanduser(), Path(b).expanduser()
    try:
        return pa.resolve() == pb.resolve() or (pa.exists() and pb.exists() and pa.samefile(pb))
    except OSError:
        return False


def _damaged(path: Path) -> MergeError:
    return MergeError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} is damaged or was only partly copied; it cannot be merged. Copy it again "
            "from the laptop (with the program closed there) and merge the new copy.",
        ),
        path=str(path),
    )


def _check_copy(path: Path, shown: Path) -> str:
    """The schema revision of the copy, or an error that names the original."""
    try:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.text_factory = bytes
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != b"ok":
                raise _damaged(shown)
            tables = {
                bytes(r[0]).decode("utf-8")
                for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "events"} <= tables:
                raise core_db._not_an_event(str(shown))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None:
                raise core_db._not_an_event(str(shown))
            revision = bytes(row[0]).decode("utf-8")
            if revision in core_db.KNOWN_REVISIONS and not core_db._has_our_tables(
                conn, tables, revision
            ):
                raise core_db._not_an_event(str(shown))
            return revision
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise _damaged(shown) from exc


def _refuse_revision(shown: str, revision: str) -> MergeError:
    if revision.isdigit() and int(revision) > int(core_db.HEAD_REVISION):
        return MergeError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} was made by a newer version of smartdialog. Merge it with that version, "
                "or install it on this laptop first.",
            ),
            path=shown,
        )
    return MergeError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} has a database version ({revision}) that no version of smartdialog made; "
            "it cannot be merged.",
        ),
        path=shown,
        revision=revision,
    )


@contextlib.contextmanager
def open_source(target: str | os.PathLike[str]) -> Iterator[OpenSource]:
    """A read-only view of a source event; the original is never written to."""
    label = label_of(target)
    if is_url(target):
        engine = core_db.make_engine(target)
        try:
            revision = core_db._reachable_revision(engine, label)
            if revision != core_db.HEAD_REVISION:
                if revision not in core_db.KNOWN_REVISIONS:
                    raise _refuse_revision(label, revision)
                raise MergeError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The shared event {path} has an older database version. Open it once "
                        "with this version of smartdialog (which upgrades it), then merge.",
                    ),
                    path=label,
                )
            yield OpenSource(label, engine.execution_options(**{core_db.READ_ONLY: True}), None)
        finally:
            engine.dispose()
        return
    path = Path(target).expanduser().resolve()
    if not path.is_file():
        raise missing_event_file(str(path))
    with tempfile.TemporaryDirectory(prefix="smartdialog-merge-") as folder:
        copy = Path(folder) / "source.sdevent"
        try:
            with path.open("rb") as f:
                if f.read(len(core_db.SQLITE_HEADER)) != core_db.SQLITE_HEADER:
                    raise core_db._not_an_event(str(path))
            shutil.copyfile(path, copy)
            wal = Path(f"{path}-wal")
            if wal.is_file():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
        except OSError as exc:
            raise EventFileError(
                QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {reason}"),
                path=str(path),
                reason=exc.strerror or str(exc),
            ) from exc
        revision = _check_copy(copy, path)
        engine = core_db.make_engine(copy)
        try:
            if revision != core_db.HEAD_REVISION:
                if revision not in core_db.KNOWN_REVISIONS:
                    raise _refuse_revision(str(path), revision)
                core_db.upgrade(engine)
            yield OpenSource(label, engine, path)
        finally:
            engine.dispose()
