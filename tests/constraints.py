"""Proving that a write is refused by exactly the constraint a test names.

PostgreSQL names the violated constraint in its message.  SQLite names a CHECK
constraint, gives a UNIQUE constraint's columns and says nothing about which
foreign key failed; for those, the write runs with the foreign keys checked at
commit (``PRAGMA defer_foreign_keys``) and ``PRAGMA foreign_key_check`` lists
every foreign key of the database the write breaks, before the commit refuses it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import CheckConstraint, ForeignKeyConstraint, UniqueConstraint, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.errors import ConflictError
from smartdialog.core.models import Base

ForeignKeyKey = tuple[str, tuple[str, ...], str, tuple[str, ...]]

DOT_TRIGGERS_OFF = {
    "sqlite": ("DROP TRIGGER trg_dots_budget_insert", "DROP TRIGGER trg_dots_budget_update"),
    "postgresql": ("ALTER TABLE dots DISABLE TRIGGER trg_dots_budget",),
}


def _constraint(name: str) -> tuple[str, CheckConstraint | UniqueConstraint | ForeignKeyConstraint]:
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if constraint.name == name and isinstance(
                constraint, CheckConstraint | UniqueConstraint | ForeignKeyConstraint
            ):
                return table.name, constraint
    raise LookupError(f"the models have no constraint {name}")


def _model_key(table: str, fk: ForeignKeyConstraint) -> ForeignKeyKey:
    return (
        table,
        tuple(fk.column_keys),
        fk.referred_table.name,
        tuple(element.column.name for element in fk.elements),
    )


def broken_foreign_keys(s: Session) -> set[str]:
    """The names of the foreign keys the rows of this SQLite session break, as the file has them.

    The file's own foreign keys are read (``PRAGMA foreign_key_list``), so a key
    that a migration dropped is not found, whatever the models say.
    """
    names = {
        _model_key(table.name, fk): str(fk.name)
        for table in Base.metadata.tables.values()
        for fk in table.foreign_key_constraints
    }
    broken: set[str] = set()
    checked = s.execute(text("PRAGMA foreign_key_check")).all()
    for table, fk_id in {(row[0], row[3]) for row in checked}:
        parts = [
            row
            for row in s.execute(text(f'PRAGMA foreign_key_list("{table}")')).all()
            if row[0] == fk_id
        ]
        parts.sort(key=lambda row: row[1])
        key = (table, tuple(p[3] for p in parts), parts[0][2], tuple(p[4] for p in parts))
        broken.add(names.get(key, f"unnamed foreign key {key}"))
    return broken


@contextlib.contextmanager
def refused_by(db: Database, name: str) -> Iterator[Session]:
    """A unit of work whose writes the database must refuse by the constraint ``name``, alone."""
    table, constraint = _constraint(name)
    if not db.is_sqlite:
        message = rf'constraint "{re.escape(name)}"'
    elif isinstance(constraint, CheckConstraint):
        message = rf"CHECK constraint failed: {re.escape(name)}$"
    elif isinstance(constraint, UniqueConstraint):
        columns = ", ".join(f"{table}.{column.name}" for column in constraint.columns)
        message = rf"UNIQUE constraint failed: {re.escape(columns)}$"
    else:
        message = r"FOREIGN KEY constraint failed$"
    deferred = db.is_sqlite and isinstance(constraint, ForeignKeyConstraint)
    # The budget triggers on dots (schema 0005) refuse the same dots a second time, for
    # files whose foreign keys are off; tests/test_trust.py proves them. Here each
    # constraint must hold alone: the triggers are dropped inside the refused
    # transaction, so its rollback brings them back.
    without_triggers = table == "dots" and isinstance(constraint, ForeignKeyConstraint)
    # The unit of work reports a refused write as a conflict, caused by the driver's error,
    # whose message is the first line of SQLAlchemy's.
    with pytest.raises(ConflictError, match="clashes with one saved") as refused, db.uow() as s:
        if deferred:
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
        if without_triggers:
            for statement in DOT_TRIGGERS_OFF["sqlite" if db.is_sqlite else "postgresql"]:
                s.execute(text(statement))
        yield s
        s.flush()
        # A write that gets through fails the test here, inside the unit of work, so that
        # it is rolled back: a round shared by several tests stays as the last one left it.
        if deferred:
            broken = broken_foreign_keys(s)
            assert broken == {name}, f"the write breaks {sorted(broken)}, not only {name}"
        else:
            pytest.fail(f"the write was not refused: {name} did not hold")
    cause = refused.value.__cause__
    assert isinstance(cause, IntegrityError), f"refused by {cause!r}, not by the database"
    assert re.search(message, str(cause), re.M), f"refused by another rule: {cause.orig}"
