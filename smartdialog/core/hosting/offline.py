"""A joined laptop's own copy of a shared event, and bringing it back (DESIGN.md section 6).

A laptop that works on a shared event (joined, or opened by a PostgreSQL URL)
keeps an SQLite copy of it in ``<data folder>/offline/<event id>/``:

- ``refresh(host_url, root)`` copies the whole event from the host into a new
  file beside the old one (a temporary name, renamed when complete), then
  points ``copy.json`` at it.  A copy is either complete or not there: a full
  disk or a dropped connection leaves the previous copy as it was.
- ``open_copy(root, event_id, device)`` opens the newest copy to work on when
  the host stops answering.
- ``merge_back(copy, host_url, device)`` merges that copy into the shared event
  when the host answers again.  The merge is idempotent: rows that came from
  the host change nothing, so only what was written here while offline (and
  what the host had changed since) counts.  Another event on the host is refused.

Each refresh writes a new file (``event-<n>.sdevent``) instead of overwriting
the one before: a file that may still be open somewhere is never replaced
under its connections (an SQLite file and its WAL must stay a pair).
Known limitation: a row deleted on the host while this laptop was offline
comes back with the merge (the merge never deletes).
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, make_url, select
from sqlalchemy.exc import DBAPIError

from smartdialog.core import clock
from smartdialog.core.db import (
    HEAD_REVISION,
    Database,
    make_engine,
    open_database,
    schema_revision,
    storage_problem,
    write_empty_event,
)
from smartdialog.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem, SmartDialogError
from smartdialog.core.hosting import transfer
from smartdialog.core.models import Event
from smartdialog.core.services import merge
from smartdialog.core.services.merge import report as merge_report
from smartdialog.core.targets import DeviceIdentity

log = logging.getLogger("smartdialog.offline")

FOLDER = "offline"
META = "copy.json"
# How long a probe of the host waits for an answer.
PROBE_TIMEOUT_S = 3
# Not counted as "entries" in the one-line summary of a merge back.
_BOOKKEEPING_TABLES = frozenset({"audit_log", "devices"})

# Held while a copy is renamed into place or opened: the two never overlap.
_lock = threading.Lock()


class OfflineError(EnvironmentProblem):
    """The local copy cannot be made, opened or brought back; the message says what to do."""


@dataclass(frozen=True)
class CopyInfo:
    """What ``copy.json`` says about a local copy."""

    event_id: str
    title: str
    host: str  # the host's address, password hidden
    file: str  # the copy's file name in its folder
    copied_at: str  # ISO time, with its zone
    seconds: float  # what the copy took
    # Opened to work on without the host: it may hold entries the host has not got yet.
    worked_offline: bool = False

    @property
    def copied(self) -> datetime:
        return datetime.fromisoformat(self.copied_at)

    def path(self, root: Path) -> Path:
        return copy_folder(root, self.event_id) / self.file


def shown_url(url: str) -> str:
    """A database address without its password (kept in files, shown in windows)."""
    return make_url(url).render_as_string(hide_password=True)


def copy_folder(root: Path, event_id: str) -> Path:
    return root / FOLDER / str(event_id)


def copy_info(root: Path, event_id: str) -> CopyInfo | None:
    meta = copy_folder(root, event_id) / META
    if not meta.exists():
        return None
    try:
        data: Any = json.loads(meta.read_text(encoding="utf-8"))
        return CopyInfo(**{k: data[k] for k in CopyInfo.__dataclass_fields__ if k in data})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("the local copy's description in %s is unreadable: %s", meta, exc)
        return None


def find_copy(root: Path, url: str) -> CopyInfo | None:
    """The local copy of the shared event at ``url`` (for a start while its host is away)."""
    folder = root / FOLDER
    if not folder.is_dir():
        return None
    wanted = shown_url(url)
    found = [copy_info(root, sub.name) for sub in folder.iterdir() if sub.is_dir()]
    matching = [c for c in found if c is not None and c.host == wanted]
    return max(matching, key=lambda c: c.copied_at, default=None)


def with_timeout(url: str, seconds: int = PROBE_TIMEOUT_S) -> str:
    """``url`` with a connect timeout (an address without one would wait for minutes)."""
    parsed = make_url(url)
    if "connect_timeout" in parsed.query:
        return url
    return parsed.update_query_dict({"connect_timeout": str(seconds)}).render_as_string(
        hide_password=False
    )


def _event_of(engine: Engine) -> tuple[str, str]:
    with engine.connect() as conn:
        row = conn.execute(select(Event.id, Event.title).order_by(Event.created_at)).first()
    if row is None:
        raise OfflineError(QT_TRANSLATE_NOOP("errors", "The shared event holds no event any more."))
    return str(row.id), str(row.title)


def probe(url: str, timeout: int = PROBE_TIMEOUT_S) -> tuple[str, str]:
    """Ask the host which event it holds: (event id, title); raises when it does not answer."""
    engine = make_engine(with_timeout(url, timeout))
    try:
        revision = schema_revision(engine)
        if revision != HEAD_REVISION:
            raise OfflineError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The hosting laptop answers again, but with another version of smartdialog. "
                    "Install the same version on both laptops; until then this laptop works on "
                    "its own copy.",
                )
            )
        return _event_of(engine)
    except DBAPIError as exc:
        raise storage_problem(exc) from exc
    finally:
        engine.dispose()


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(getattr(exc, "orig", None), "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF == 13  # SQLITE_FULL


def _new_file_name(folder: Path) -> str:
    numbers = [
        int(p.stem.split("-", 1)[1])
        for p in folder.glob("event-*.sdevent")
        if p.stem.split("-", 1)[1].isdigit()
    ]
    return f"event-{max(numbers, default=0) + 1}.sdevent"


def _remove_file(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):  # Windows: still open somewhere; next time
            leftover.unlink(missing_ok=True)


def _write_meta(folder: Path, info: CopyInfo) -> None:
    tmp = folder / f".{META}.tmp"
    tmp.write_text(json.dumps(asdict(info), indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / META)


def refresh(
    host_url: str,
    root: Path,
    *,
    device: DeviceIdentity | None = None,
    make_copy_engine: Callable[[Path], Engine] = make_engine,
) -> CopyInfo:
    """Copy the shared event at ``host_url`` into a new local copy; returns its description.

    The rows are written into a temporary file that is renamed only when the
    copy is complete and verified (transfer.copy_event counts both sides).  A
    copy that was worked on offline is merged back first (again: merging twice
    changes nothing), so that nothing entered in it is lost with it.
    """
    started = time.perf_counter()
    host = make_engine(with_timeout(host_url))
    try:
        try:
            event_id, title = _event_of(host)
        except DBAPIError as exc:
            raise storage_problem(exc) from exc
        folder = copy_folder(root, event_id)
        before = copy_info(root, event_id)
        if before is not None and before.worked_offline and before.path(root).exists():
            # Never replaced before what was entered in it is in the shared event.
            merge_back(
                before.path(root), event_id, host_url, device or DeviceIdentity.this_machine()
            )
            log.info("the local copy worked on offline was merged back before its refresh")
        tmp: Path | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".copy-", suffix=".tmp", dir=folder)
            os.close(fd)
            tmp = Path(name)
            tmp.unlink()
            write_empty_event(tmp)
            engine = make_copy_engine(tmp)
            try:
                transfer.copy_event(host, engine)
            finally:
                engine.dispose()
            with _lock:
                current = copy_info(root, event_id)
                merged = before is not None and before.worked_offline
                if (
                    current is not None
                    and current.worked_offline
                    and not (merged and before is not None and current.file == before.file)
                ):
                    # Opened to work on while this copy was made (the host went away
                    # meanwhile): that one stays, this one goes.
                    return current
                target = folder / _new_file_name(folder)
                os.replace(tmp, target)
                info = CopyInfo(
                    event_id=event_id,
                    title=title,
                    host=shown_url(host_url),
                    file=target.name,
                    copied_at=clock.now().isoformat(timespec="seconds"),
                    seconds=round(time.perf_counter() - started, 3),
                )
                _write_meta(folder, info)
                if current is not None and current.file != info.file:
                    _remove_file(folder / current.file)
        except (OSError, DBAPIError) as exc:
            if _disk_full(exc):
                log.warning("the local copy could not be written: %s", exc)
                raise _copy_failed(root, event_id) from exc
            if isinstance(exc, DBAPIError):
                raise storage_problem(exc) from exc
            raise
        finally:
            if tmp is not None:
                _remove_file(tmp)
    finally:
        host.dispose()
    log.info("local copy of the shared event refreshed in %.2f s", info.seconds)
    return info


def _copy_failed(root: Path, event_id: str) -> OfflineError:
    before = copy_info(root, event_id)
    if before is None:
        return OfflineError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The disk of this laptop is full: it has no local copy of the shared event and "
                "cannot go on working if the network fails. Free some space on it.",
            )
        )
    return OfflineError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The disk of this laptop is full: its local copy of the shared event could not be "
            "brought up to date (the copy from {time} is kept). Free some space on it.",
        ),
        time=clock.hh_mm(before.copied),
    )


def no_copy() -> OfflineError:
    return OfflineError(
        QT_TRANSLATE_NOOP(
            "errors",
            "There is no local copy of the shared event on this laptop, so it cannot work on "
            "without the network. smartdialog keeps trying to reach the hosting laptop.",
        )
    )


def open_copy(root: Path, event_id: str, device: DeviceIdentity) -> Database:
    """The local copy, open to work on; raises OfflineError when it is missing or damaged."""
    with _lock:
        info = copy_info(root, event_id)
        if info is None or not info.path(root).exists():
            raise no_copy()
        try:
            db = open_database(info.path(root), device)
        except SmartDialogError as exc:
            log.warning("the local copy %s cannot be opened: %s", info.path(root), exc)
            raise OfflineError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The local copy of the shared event is damaged, so this laptop cannot work "
                    "on without the network. smartdialog keeps trying to reach the hosting "
                    "laptop.",
                )
            ) from exc
        if not info.worked_offline:
            _write_meta(copy_folder(root, event_id), replace(info, worked_offline=True))
        return db


def other_event(title: str) -> OfflineError:
    return OfflineError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The hosting laptop answers again, but now with another event (“{title}”). What was "
            "entered here stays in this laptop's copy and was not merged; ask the moderator "
            "which event is the right one.",
        ),
        title=title,
    )


def merge_back(
    copy: Path, event_id: str, host_url: str, device: DeviceIdentity
) -> merge.MergeReport:
    """Merge the local copy into the shared event, in one transaction of the host."""
    host_id, host_title = probe(host_url)
    if host_id != str(event_id):
        raise other_event(host_title)
    try:
        report = merge.merge_into(with_timeout(host_url), [copy], device=device)
    except DBAPIError as exc:
        raise storage_problem(exc) from exc
    # Named for the moderator: the event and the laptop, not an address and a file name.
    return dataclasses.replace(
        report,
        target=f"„{host_title}“",
        sources=tuple(dataclasses.replace(s, label=device.name) for s in report.sources),
    )


def entries_brought(report: merge.MergeReport) -> int:
    """How many actions written here reached the shared event (one log entry each)."""
    return sum(source.new_rows.get("audit_log", 0) for source in report.sources)


def _own_retry(finding: merge.Finding) -> bool:
    """A check-in this laptop made twice: once at the host (the answer was lost with the
    connection) and once more on its copy.  The merge rule already keeps one; the other
    stays annulled, and there is nothing for the moderator to look at."""
    p = finding.params
    return finding.kind == merge_report.CHECKIN_DUPLICATE and p.get("kept_desk") == p.get(
        "dup_desk"
    )


def needs_deciding(report: merge.MergeReport) -> bool:
    """This merge met a conflict worth the moderator's eyes: a rule decided it, or they must."""
    return any(not _own_retry(f) for f in report.conflicts)
