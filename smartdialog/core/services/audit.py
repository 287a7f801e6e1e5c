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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, String, bindparam, event, func, insert, literal, select, text
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
    # What this laptop knew of the changed thing when it recorded the change (an
    # IdeaInfo after a capture, …): handed to its own pages, never stored, so that
    # they show it without reading it back.  None for changes read from the log.
    known: Any = field(default=None, compare=False, repr=False)


def session_device(s: Session) -> DeviceIdentity:
    device = s.info.get("device")
    if not isinstance(device, DeviceIdentity):
        raise RuntimeError("session has no device; open it with Database.uow()")
    return device


# Built once: the statements are the same for every entry, only the values differ.
_TABLE = AuditEntry.metadata.tables["audit_log"]
_LAST_HASH = select(_TABLE.c.entry_hash).order_by(_TABLE.c.seq.desc()).limit(1)
# The lock as an expression, for a write that takes it in its own first statement (and
# then says so with ``chain_lock_taken``): one round trip fewer than taking it here.
PG_CHAIN_LOCK_SQL = f"pg_advisory_xact_lock({_PG_CHAIN_LOCK})"
_PG_LOCK = text(f"SELECT {PG_CHAIN_LOCK_SQL}")
# The previous entry's hash, read by the INSERT itself: one statement per entry.
_PREV = func.coalesce(_LAST_HASH.scalar_subquery(), literal(GENESIS))
_REST = bindparam("rest", type_=String())


def _chained_insert(own_hash: Any) -> Any:
    return insert(_TABLE).values(prev_hash=_PREV, entry_hash=own_hash).returning(_TABLE.c.seq)


# SQLite: the function core.db registers on every connection (``chain_hash``);
# PostgreSQL: its own sha256().  Both hash prev_hash followed by the other fields.
_CHAINED_INSERT = {
    "sqlite": _chained_insert(func.sd_chain_hash(_PREV, _REST)),
    "postgresql": _chained_insert(
        func.encode(func.sha256(func.convert_to(_PREV.op("||")(_REST), "UTF8")), "hex")
    ),
}


def _after_prev(
    entry_id: uuid.UUID,
    at: datetime,
    device_id: uuid.UUID,
    role: str,
    action: str,
    object_type: str,
    object_id: uuid.UUID | None,
    summary: str,
) -> str:
    """The canonical form after the previous hash, with the separator before it."""
    when = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fields = (
        "",
        entry_id.hex,
        when,
        device_id.hex,
        role,
        action,
        object_type,
        object_id.hex if object_id else "",
        summary,
    )
    return "\x1f".join(fields)


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
    """The hash of an entry: over the previous hash and the entry's fields (``_after_prev``)."""
    after = _after_prev(entry_id, at, device_id, role, action, object_type, object_id, summary)
    return hashlib.sha256((prev_hash + after).encode("utf-8")).hexdigest()


def record(
    s: Session,
    action: Action,
    object_type: str = "",
    object_id: uuid.UUID | None = None,
    summary: str = "",
    *,
    known: Any = None,
    entry_id: uuid.UUID | None = None,
) -> Change:
    """Log one action in the same transaction as the change itself; the entry as written.

    ``entry_id`` is given by a write that may be retried on another copy of the event
    (core.writekey): the retry's entry is then the same entry, not a second one.

    One INSERT, which reads the previous entry's hash itself and computes its own
    in the database (a Core insert: every write in every workspace passes here).
    The chain stays linear because the read happens inside the writing
    transaction: on SQLite the unit of work began IMMEDIATE and holds the write
    lock, on PostgreSQL an advisory lock, taken before the INSERT so that its
    snapshot sees every entry committed before, is held to the commit.  The
    entry is also kept in the session (``recorded``): after the commit, the
    unit of work hands it to this laptop's change feed, ``known`` included.
    """
    device = session_device(s)
    conn = s.connection()
    dialect = conn.dialect.name
    if dialect == "postgresql" and not s.info.get(_CHAIN_LOCKED):
        conn.execute(_PG_LOCK)
        s.info[_CHAIN_LOCKED] = True
    entry_id, at, summary = entry_id or uuid.uuid4(), now(), summary[:2000]
    seq = conn.execute(
        _CHAINED_INSERT[dialect],
        {
            "id": entry_id,
            "at": at,
            "device_id": device.id,
            "role": device.role,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "summary": summary,
            "rest": _after_prev(
                entry_id, at, device.id, device.role, action, object_type, object_id, summary
            ),
        },
    ).scalar_one()
    change = Change(seq, at, device.id, str(action), object_type, object_id, summary, known)
    s.info.setdefault(RECORDED, []).append(change)
    return change


# Session.info keys: the entries recorded in this transaction, and whether it holds the
# chain's lock (PostgreSQL; an advisory lock taken twice would be held twice).
RECORDED = "audit_recorded"
_CHAIN_LOCKED = "audit_chain_locked"


def chain_lock_taken(s: Session) -> None:
    """Say that this transaction took the chain's lock itself (``PG_CHAIN_LOCK_SQL``).

    Only after the statement that took it has answered: the entry's INSERT, a later
    statement, then reads the previous hash in a snapshot taken under the lock.
    """
    s.info[_CHAIN_LOCKED] = True


@event.listens_for(Session, "after_commit")
def _lock_released(s: Session) -> None:
    s.info.pop(_CHAIN_LOCKED, None)


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(s: Session, _previous: Any) -> None:
    # Whatever was recorded may be gone (a savepoint too may release the lock): the
    # feed then reads the log instead of taking this laptop's word for it.
    s.info.pop(_CHAIN_LOCKED, None)
    s.info.pop(RECORDED, None)


def continue_chain(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chain entries that are about to be appended as they are (a merge's), in this order.

    Fills in ``prev_hash`` and ``entry_hash`` of each row from the target's last entry on;
    the caller inserts them in the same transaction, in this order.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK)
    prev = conn.execute(_LAST_HASH).scalar() or GENESIS
    chained: list[dict[str, Any]] = []
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
