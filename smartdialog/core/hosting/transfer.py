"""Copying an event between databases: a SQLite file and a PostgreSQL server, either way.

The target has the same schema revision (migrated, empty).  Every table of the
schema is copied in one transaction, in the order of its foreign keys; before
the commit the rows of every table are counted on both sides.  Any failure
rolls the whole copy back: nothing is written half.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Integer, func, select, text

from smartdialog.core.db import HEAD_REVISION, schema_revision
from smartdialog.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from smartdialog.core.models import Base

log = logging.getLogger("smartdialog.hosting")

BATCH = 1000


class TransferError(EnvironmentProblem):
    """The event could not be copied; nothing was changed."""


@dataclass(frozen=True)
class TransferReport:
    rows: dict[str, int]
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _count(conn: Connection, table_name: str) -> int:
    table = Base.metadata.tables[table_name]
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def copy_event(
    source: Engine,
    target: Engine,
    progress: Callable[[str, int], None] | None = None,
) -> TransferReport:
    """Copy every row of ``source`` into the empty, migrated ``target``; verified by counting."""
    started = time.perf_counter()
    for engine in (source, target):
        revision = schema_revision(engine)
        if revision != HEAD_REVISION:
            raise TransferError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The event cannot be copied: one side has schema {revision} where this "
                    "version of smartdialog needs {head}. Nothing was changed.",
                ),
                revision=revision or "?",
                head=HEAD_REVISION,
            )
    rows: dict[str, int] = {}
    with source.connect() as src, target.begin() as dst:
        if target.dialect.name == "postgresql":
            # The rows come from a database that kept its foreign keys; checking them
            # again row by row would need each self-referencing table sorted first.
            dst.exec_driver_sql("SET LOCAL session_replication_role = replica")
        elif target.dialect.name == "sqlite":
            # Checked once, at the commit, instead of per row (same reason).
            dst.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table in Base.metadata.sorted_tables:
            if _count(dst, table.name):
                raise TransferError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The database to copy the event into is not empty. Nothing was changed.",
                    )
                )
            order = list(table.primary_key.columns)
            copied = 0
            # Closed also when the target fails (a full disk): no server cursor is left open.
            with src.execution_options(stream_results=True).execute(
                select(table).order_by(*order)
            ) as result:
                for part in result.partitions(BATCH):
                    dst.execute(table.insert(), [dict(row._mapping) for row in part])
                    copied += len(part)
            rows[table.name] = copied
            if progress is not None:
                progress(table.name, copied)
        for table in Base.metadata.sorted_tables:
            there = _count(dst, table.name)
            if there != rows[table.name] or _count(src, table.name) != there:
                log.error(
                    "copy of %s: %s rows read, %s written", table.name, rows[table.name], there
                )
                raise TransferError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The event was not copied completely (table {table}). Nothing was "
                        "changed; try again.",
                    ),
                    table=table.name,
                )
        if target.dialect.name == "postgresql":
            _advance_sequences(dst)
    seconds = time.perf_counter() - started
    log.info("copied %s rows in %.2f s", sum(rows.values()), seconds)
    return TransferReport(rows, seconds)


def _advance_sequences(conn: Connection) -> None:
    """Serial keys copied with their values: the sequence must continue after the largest."""
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
                conn.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence(:table, :column), "
                        f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
                    ),
                    {"table": table.name, "column": column.name},
                )


def same_rows(first: Engine, second: Engine) -> list[str]:
    """The tables whose rows differ between two databases (for tests and the log)."""
    differing = []
    with first.connect() as a, second.connect() as b:
        for table in Base.metadata.sorted_tables:
            query = select(table)
            # Sorted here: the two databases may order keys differently.
            if sorted(map(repr, map(tuple, a.execute(query)))) != sorted(
                map(repr, map(tuple, b.execute(query)))
            ):
                differing.append(table.name)
    return differing
