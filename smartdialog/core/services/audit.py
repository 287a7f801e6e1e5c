"""The audit log: what was done, when, on which device — and the change feed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from smartdialog.core.db import DeviceIdentity
from smartdialog.core.models import AuditEntry


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


# Built once: the statement is the same for every entry, only the values differ.
_INSERT = insert(AuditEntry)


def record(
    s: Session,
    action: str,
    object_type: str = "",
    object_id: uuid.UUID | None = None,
    summary: str = "",
) -> None:
    """Log one action in the same transaction as the change itself.

    A Core insert rather than an ORM object: every write in every workspace
    passes here, and this saves the unit-of-work bookkeeping of one more object.
    """
    device = session_device(s)
    s.execute(
        _INSERT,
        {
            "device_id": device.id,
            "role": device.role,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "summary": summary[:2000],
        },
    )


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
