"""Hosting an event, start to end: file → own server → announced → back into one file.

State lives in ``<data folder>/hosting/<event id>/``: the server's ``pgdata``,
its log, and ``hosting.json`` (file it came from, port, join secret).  The
folder exists only while the event is hosted; stopping the server keeps it
(the next start offers to host again), ending the sharing removes it once
the event is safely back in its file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from smartdialog.core.db import (
    HEAD_REVISION,
    make_engine,
    open_database,
    schema_revision,
    upgrade,
    write_empty_event,
)
from smartdialog.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from smartdialog.core.hosting import (
    announce,
    hosting_root,
    transfer,
)
from smartdialog.core.hosting.joincode import (
    CONNECT_TIMEOUT_S,
    JoinCode,
    derive_password,
    new_secret,
)
from smartdialog.core.hosting.server import (
    DB_NAME,
    PG_USER,
    HostingError,
    Server,
    find_binaries,
    local_addresses,
    refuse_root,
    run_as_user,
)
from smartdialog.core.services import setup
from smartdialog.core.targets import DeviceIdentity

log = logging.getLogger("smartdialog.hosting")

STATE_FILE = "hosting.json"
# How long a new host listens for another laptop announcing the same event.
ANNOUNCE_CHECK_S = 2.0


@dataclass
class HostState:
    event_id: str
    title: str
    source: str
    secret: str
    port: int
    major: int
    address: str
    host_name: str
    started: str

    def save(self, folder: Path) -> None:
        tmp = folder / f".{STATE_FILE}.tmp"
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, folder / STATE_FILE)

    @classmethod
    def load(cls, folder: Path) -> HostState | None:
        if not (folder / STATE_FILE).exists():
            return None
        try:
            data: Any = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
            return cls(**{k: data[k] for k in cls.__dataclass_fields__})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("hosting state in %s is unreadable: %s", folder, exc)
            return None


def hosted_events(data_root: Path) -> list[HostState]:
    """Events this laptop hosts (running or stopped), oldest first."""
    root = hosting_root(data_root)
    if not root.is_dir():
        return []
    found = [HostState.load(folder) for folder in sorted(root.iterdir()) if folder.is_dir()]
    return sorted((s for s in found if s is not None), key=lambda s: s.started)


@dataclass(frozen=True)
class JoinCard:
    """What the hosting laptop shows: where, and the code."""

    title: str
    host_name: str
    address: str
    port: int
    code: JoinCode
    announced: bool

    def lines(self) -> list[str]:
        return [self.title, self.host_name, f"{self.address}:{self.port}", self.code.text]


class HostedEvent:
    """A running server with the event in it."""

    def __init__(self, state: HostState, server: Server, folder: Path) -> None:
        self.state = state
        self.server = server
        self.folder = folder
        self.announcer: announce.Announcer | None = None

    @property
    def port(self) -> int:
        return self.server.port or self.state.port

    @property
    def code(self) -> JoinCode:
        return JoinCode(self.state.address, self.port, self.state.secret)

    @property
    def url(self) -> str:
        """This laptop's own connection (loopback)."""
        password = derive_password(self.state.secret)
        return f"postgresql+psycopg://{PG_USER}:{password}@127.0.0.1:{self.port}/{DB_NAME}"

    @property
    def card(self) -> JoinCard:
        return JoinCard(
            self.state.title,
            self.state.host_name,
            self.state.address,
            self.port,
            self.code,
            self.announcer is not None,
        )

    def announce(self, interfaces: list[str] | None = None) -> bool:
        announcer = announce.Announcer(
            announce.Announcement(
                self.state.event_id,
                self.state.title,
                self.state.host_name,
                self.state.address,
                self.port,
                HEAD_REVISION,
            ),
            interfaces,
        )
        if announcer.start():
            self.announcer = announcer
            return True
        return False

    def stop(self) -> None:
        """Stop announcing and serving; the event stays hosted (it can be started again)."""
        if self.announcer is not None:
            self.announcer.stop()
            self.announcer = None
        self.server.stop()

    def end(self, target: Path | None = None) -> Path:
        """Bring the event back into one file and stop hosting it; returns the file.

        Other laptops are shut out first (the server restarts on loopback only),
        so that no write arrives after the copy.  The file it came from is kept
        beside the new one as ``<name>.vor-freigabe-<time>.sdevent``.
        """
        target = Path(target or self.state.source)
        if self.announcer is not None:
            self.announcer.stop()
            self.announcer = None
        if self.server.running():
            self.server.stop()
        self.server.start(["127.0.0.1"], self.state.port)
        folder = target.parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=folder)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()
        source = make_engine(self.url)
        file_engine: Engine | None = None
        try:
            write_empty_event(tmp)
            file_engine = make_engine(tmp)
            transfer.copy_event(source, file_engine)
            file_engine.dispose()
            if target.exists():
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                os.replace(
                    target, target.with_name(f"{target.stem}.vor-freigabe-{stamp}{target.suffix}")
                )
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            os.replace(tmp, target)
        except OSError as exc:
            raise transfer.TransferError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The event could not be written back into {path}: {reason}. It is still "
                    "shared; free some space or choose another folder and try again.",
                ),
                path=str(target),
                reason=exc.strerror or str(exc),
            ) from exc
        finally:
            source.dispose()
            if file_engine is not None:
                file_engine.dispose()
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                leftover.unlink(missing_ok=True)
        self.server.stop()
        self.server.remove()
        log.info("the event is back in %s; hosting ended", target)
        return target


def _default_address(listen: list[str]) -> str:
    return listen[0] if listen else "127.0.0.1"


def _host_name() -> str:
    return socket.gethostname() or "smartdialog"


def _refuse_if_hosted_elsewhere(event_id: str, title: str, seconds: float) -> None:
    for found in announce.browse(seconds, until=event_id):
        if found.event_id == event_id:
            raise HostingError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The event “{title}” is shared already by {host} ({address}). Join it there "
                    "(File › Join an event…) instead of sharing it a second time.",
                ),
                title=title,
                host=found.host_name or found.address,
                address=found.address,
            )


def start_hosting(
    source: Path,
    data_root: Path,
    *,
    address: str | None = None,
    host_name: str | None = None,
    check_network: bool = True,
    progress: Callable[[str, int], None] | None = None,
) -> HostedEvent:
    """Start a server for the event in ``source`` and copy the event into it.

    The file itself is not changed.  On any failure the server is stopped and
    its folder removed: nothing is left half.
    """
    run_as = run_as_user()
    refuse_root(run_as)
    source = Path(source).expanduser().resolve()
    db = open_database(source, DeviceIdentity.this_machine(), read_only=True)
    try:
        with db.read() as s:
            info = setup.get_event(s)
        event_id, title = str(info.id), info.title
    finally:
        db.close()
    folder = hosting_root(data_root) / event_id
    if HostState.load(folder) is not None:
        raise HostingError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This laptop shares the event “{title}” already. Start that sharing again "
                "instead (File › Share with other laptops…).",
            ),
            title=title,
        )
    if check_network:
        _refuse_if_hosted_elsewhere(event_id, title, ANNOUNCE_CHECK_S)
    shutil.rmtree(folder, ignore_errors=True)
    binaries = find_binaries()
    server = Server(folder, binaries, run_as)
    secret = new_secret()
    listen = local_addresses()
    shown = address or _default_address(listen)
    try:
        server.initialise(derive_password(secret))
        port = server.start(["127.0.0.1", *[a for a in {*listen, shown} if a != "127.0.0.1"]])
        state = HostState(
            event_id=event_id,
            title=title,
            source=str(source),
            secret=secret,
            port=port,
            major=binaries.major,
            address=shown,
            host_name=host_name or _host_name(),
            started=datetime.now().isoformat(timespec="seconds"),
        )
        hosted = HostedEvent(state, server, folder)
        _create_database(hosted)
        target = make_engine(hosted.url)
        origin = make_engine(source)
        try:
            upgrade(target)
            transfer.copy_event(origin, target, progress)
        finally:
            target.dispose()
            origin.dispose()
        state.save(folder)
    except BaseException:
        with contextlib.suppress(Exception):
            server.stop()
        server.remove()
        raise
    log.info("hosting %s from %s on port %s", title, source, port)
    return hosted


def _create_database(hosted: HostedEvent) -> None:
    admin = make_engine(hosted.url.rsplit("/", 1)[0] + "/postgres")
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"CREATE DATABASE \"{DB_NAME}\" ENCODING 'UTF8' TEMPLATE template0"))
    finally:
        admin.dispose()


def resume_hosting(
    state: HostState,
    data_root: Path,
    *,
    address: str | None = None,
) -> HostedEvent:
    """Start the server of an event hosted before (after the app or the laptop was closed)."""
    run_as = run_as_user()
    refuse_root(run_as)
    folder = hosting_root(data_root) / state.event_id
    server = Server(folder, find_binaries(state.major), run_as)
    listen = local_addresses()
    if address:
        state.address = address
    elif state.address not in listen and listen:
        # The laptop got another address from the network since (or one at all): the
        # code changes with it.
        state.address = listen[0]
    if server.running():
        server.stop()
    state.port = server.start(
        ["127.0.0.1", *[a for a in {*listen, state.address} if a != "127.0.0.1"]], state.port
    )
    state.save(folder)
    return HostedEvent(state, server, folder)


def find_state(data_root: Path, source: Path) -> HostState | None:
    """The hosting state of the event whose file is ``source``, if this laptop hosts it."""
    resolved = str(Path(source).expanduser().resolve())
    for state in hosted_events(data_root):
        if state.source == resolved:
            return state
    return None


def state_for_event(data_root: Path, event_id: uuid.UUID | str) -> HostState | None:
    return HostState.load(hosting_root(data_root) / str(event_id))


# -- joining -----------------------------------------------------------------------------


class JoinError(EnvironmentProblem):
    """The hosted event cannot be joined; the message says why and what to do."""


def check_join(code: JoinCode, timeout: int = CONNECT_TIMEOUT_S) -> str:
    """Try the code against its server; returns the URL to open, or raises JoinError."""
    engine: Engine = make_engine(code.url(timeout=timeout))
    try:
        revision = schema_revision(engine)
    except DBAPIError as exc:
        raise _join_failed(code, exc, timeout) from exc
    finally:
        engine.dispose()
    if revision is None:
        raise _expired()
    if revision != HEAD_REVISION:
        newer = (
            revision.isdigit() and HEAD_REVISION.isdigit() and int(revision) > int(HEAD_REVISION)
        )
        raise JoinError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The hosting laptop runs a newer version of smartdialog than this one. Install "
                "the same version here, then join again.",
            )
            if newer
            else QT_TRANSLATE_NOOP(
                "errors",
                "The hosting laptop runs an older version of smartdialog than this one. Install "
                "the same version on both laptops, then join again.",
            )
        )
    return code.url()


def _expired() -> JoinError:
    return JoinError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This join code is not valid (any more): the event is shared with a new code now. "
            "Ask at the hosting laptop for the code on its join card.",
        )
    )


def _join_failed(code: JoinCode, exc: DBAPIError, timeout: int) -> JoinError:
    message = str(exc.orig)
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    log.warning("joining %s:%s failed: %s", code.address, code.port, message.splitlines()[0])
    if sqlstate in ("28P01", "28000", "3D000") or "password authentication failed" in message:
        return _expired()
    if "timeout" in message.lower():
        return JoinError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The hosting laptop at {address} does not answer within {seconds} seconds. Check "
                "that both laptops are in the same network; a firewall may block port {port}.",
            ),
            address=code.address,
            port=code.port,
            seconds=timeout,
        )
    return JoinError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The hosting laptop at {address} does not answer. Check that it is switched on and "
            "still sharing the event, and that both laptops are in the same network.",
        ),
        address=code.address,
    )
