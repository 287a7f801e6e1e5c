"""Rows as plain dictionaries: reading, comparing, and keeping them in JSON."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, select

from smartdialog.core.models import Base, UTCDateTime

Row = dict[str, Any]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def read(conn: Connection, t: Table, *where: Any) -> list[Row]:
    return [dict(r._mapping) for r in conn.execute(select(t).where(*where))]


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def content_key(row: Row) -> str:
    """A total order on versions of a row that depends on their content only."""
    return json.dumps({k: _plain(v) for k, v in sorted(row.items())}, sort_keys=True)


def to_json(row: Row) -> dict[str, Any]:
    return {k: _plain(v) for k, v in row.items()}


def from_json(t: Table, data: dict[str, Any]) -> Row:
    """A row written by ``to_json`` back in the column types of ``t``."""
    row: Row = {}
    for column in t.columns:
        if column.name not in data:
            continue
        value = data[column.name]
        if value is not None:
            python_type: type | None
            try:
                python_type = column.type.python_type
            except NotImplementedError:
                python_type = None
            if isinstance(column.type, UTCDateTime) or python_type is datetime:
                value = datetime.fromisoformat(value)
            elif python_type is uuid.UUID:
                value = uuid.UUID(value)
            elif python_type is bytes:
                value = bytes.fromhex(value)
        row[column.name] = value
    return row


def empty(value: Any) -> bool:
    return value is None or value == "" or value is False
