"""A canonical export of an event: every table's rows, sorted, without merge bookkeeping.

Two databases that hold the same event give the same export (and hash),
whatever order their files were merged in.  Left out: the merge's own
tables, the audit log's local numbering (``seq``) and its hash chain (each
file chains its entries in the order they arrived there), and when a laptop
was last seen (opening a file records it).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select

from smartdialog.core.db import Database
from smartdialog.core.models import Base
from smartdialog.core.services.merge.engine import BOOKKEEPING
from smartdialog.core.services.merge.rows import content_key

LEFT_OUT: dict[str, frozenset[str]] = {
    "audit_log": frozenset({"seq", "prev_hash", "entry_hash"}),
    "devices": frozenset({"first_seen", "last_seen"}),
}


def canonical_export(db: Database) -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {}
    with db.read() as s:
        conn = s.connection()
        for t in Base.metadata.sorted_tables:
            if t.name in BOOKKEEPING:
                continue
            left_out = LEFT_OUT.get(t.name, frozenset())
            rows: list[dict[str, Any]] = [
                {k: v for k, v in r._mapping.items() if k not in left_out}
                for r in conn.execute(select(t))
            ]
            tables[t.name] = sorted(content_key(r) for r in rows)
    return tables


def canonical_hash(db: Database) -> str:
    text = json.dumps(canonical_export(db), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
