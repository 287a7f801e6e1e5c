"""The audit log: what was done, when, on which device in which role — and the change feed.

The log is a chain: every entry carries the SHA-256 of the one before it
(``prev_hash``) and its own (``entry_hash``, over a canonical form of its
fields and ``prev_hash``).  An entry edited outside smartdialog no longer
matches its hash, and an entry whose hash was recomputed no longer matches
the next one's ``prev_hash``: an edit breaks every later entry.  This makes a
change evident, not impossible; what makes it evident against something
outside the file is the tally hash written down on the day (see voting).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.db import DeviceIdentity
from smartdialog.core.models import AuditEntry

GENESIS = "0" * 64
# Any constant: the transaction-scoped advisory lock that keeps the chain linear on PostgreSQL.
_PG_CHAIN_LOCK = 0x5D_A0D1


@dataclass(frozen=True)
class Change:
    seq: int
    at: datetime
    device_id: uuid.UUID
    action: str
    object_type: str
    object_id: uuid.UUID | None
    summary: str


def session_device(s: Session) -> DeviceIdentity:
    device = s.info.get("device")
    if not isinstance(device, DeviceIdentity):
        raise RuntimeError("session has no device; open it with Database.uow()")
    return device


# Built once: the statements are the same for every entry, only the values differ.
_TABLE = AuditEntry.metadata.tables["audit_log"]
_INSERT = insert(_TABLE)
_LAST_HASH = select(_TABLE.c.entry_hash).order_by(_TABLE.c.seq.desc()).limit(1)
_PG_LOCK = text(f"SELECT pg_advisory_xact_lock({_PG_CHAIN_LOCK})")


def canonical(
    prev_hash: str,
    entry_id: uuid.UUID,
    at: datetime,
    device_id: uuid.UUID,
    role: str,
    action: str,
    object_type: str,
    object_id: uuid.UUID | None,
    summary: str,
) -> bytes:
    """The bytes an entry's hash is taken over (unit separators between the fields)."""
    when = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fields = (
        prev_hash,
        entry_id.hex,
        when,
        device_id.hex,
        role,
        action,
        object_type,
        object_id.hex if object_id else "",
        summary,
    )
    return "\x1f".join(fields).encode("utf-8")


def entry_hash(
    prev_hash: str,
    entry_id: uuid.UUID,
    at: datetime,
    device_id: uuid.UUID,
    role: str,
    action: str,
    object_type: str,
    object_id: uuid.UUID | None,
    summary: str,
) -> str:
    data = canonical(
        prev_hash, entry_id, at, device_id, role, action, object_type, object_id, summary
    )
    return hashlib.sha256(data).hexdigest()


def record(
    s: Session,
    action: Action,
    object_type: str = "",
    object_id: uuid.UUID | None = None,
    summary: str = "",
) -> None:
    """Log one action in the same transaction as the change itself.

    A Core insert rather than an ORM object: every write in every workspace
    passes here, and this saves the unit-of-work bookkeeping of one more object.
    The previous entry's hash is read inside the writing transaction: on
    SQLite the unit of work began IMMEDIATE and holds the write lock, on
    PostgreSQL an advisory lock held to the commit lets one writer at a time
    extend the chain.
    """
    device = session_device(s)
    # The session's own connection, Core only: the ORM's bulk-insert path and its
    # autoflush cost more than the entry itself on the desk's hot path.
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK)
    prev = conn.execute(_LAST_HASH).scalar() or GENESIS
    entry_id, at, summary = uuid.uuid4(), now(), summary[:2000]
    conn.execute(
        _INSERT,
        {
            "id": entry_id,
            "at": at,
            "device_id": device.id,
            "role": device.role,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "summary": summary,
            "prev_hash": prev,
            "entry_hash": entry_hash(
                prev, entry_id, at, device.id, device.role, action, object_type, object_id, summary
            ),
        },
    )


def continue_chain(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chain entries that are about to be appended as they are (a merge's), in this order.

    Fills in ``prev_hash`` and ``entry_hash`` of each row from the target's last entry on;
    the caller inserts them in the same transaction, in this order.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK)
    prev = conn.execute(_LAST_HASH).scalar() or GENESIS
    chained = []
    for row in rows:
        own = entry_hash(
            prev,
            row["id"],
            row["at"],
            row["device_id"],
            row["role"],
            row["action"],
            row["object_type"],
            row["object_id"],
            row["summary"],
        )
        chained.append({**row, "prev_hash": prev, "entry_hash": own})
        prev = own
    return chained


def latest_seq(s: Session) -> int:
    return int(s.scalar(select(func.coalesce(func.max(AuditEntry.seq), 0))) or 0)


def changes_since(s: Session, seq: int, limit: int = 500) -> list[Change]:
    rows = s.scalars(
        select(AuditEntry).where(AuditEntry.seq > seq).order_by(AuditEntry.seq).limit(limit)
    )
    return [
        Change(r.seq, r.at, r.device_id, r.action, r.object_type, r.object_id, r.summary)
        for r in rows
    ]


@dataclass(frozen=True)
class ChainCheck:
    """The audit chain checked from its first entry: intact, or where it first breaks."""

    entries: int
    first_broken_seq: int | None = None
    first_broken_action: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(s: Session) -> ChainCheck:
    """Recompute every entry's hash in order; name the first entry that does not match."""
    prev = GENESIS
    count = 0
    rows = s.execute(
        select(
            AuditEntry.seq,
            AuditEntry.id,
            AuditEntry.at,
            AuditEntry.device_id,
            AuditEntry.role,
            AuditEntry.action,
            AuditEntry.object_type,
            AuditEntry.object_id,
            AuditEntry.summary,
            AuditEntry.prev_hash,
            AuditEntry.entry_hash,
        ).order_by(AuditEntry.seq)
    )
    for r in rows:
        count += 1
        expected = entry_hash(
            prev, r.id, r.at, r.device_id, r.role, r.action, r.object_type, r.object_id, r.summary
        )
        if r.prev_hash != prev or r.entry_hash != expected:
            return ChainCheck(count, r.seq, r.action)
        prev = r.entry_hash
    return ChainCheck(count)
