"""Telling the local network about a hosted event, and finding the ones announced (mDNS).

The announcement says which event is hosted where (title, event id, address,
port, schema revision) so that the join dialog can list it and a second
laptop can see that the event is hosted already.  It never carries the
secret: whoever joins still needs the code from the join card.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("smartdialog.hosting")

SERVICE_TYPE = "_smartdialog._tcp.local."


@dataclass(frozen=True)
class Announcement:
    event_id: str
    title: str
    host_name: str
    address: str
    port: int
    schema: str

    def properties(self) -> dict[str, str]:
        return {
            "event": self.event_id,
            "title": self.title[:180],
            "host": self.host_name[:60],
            "schema": self.schema,
        }


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _from_info(info: Any) -> Announcement | None:
    props = {_text(k): _text(v) for k, v in (info.properties or {}).items()}
    addresses = info.parsed_addresses()
    if not props.get("event") or not addresses or not info.port:
        return None
    ipv4 = [a for a in addresses if ":" not in a]
    return Announcement(
        event_id=props["event"],
        title=props.get("title", ""),
        host_name=props.get("host", ""),
        address=(ipv4 or addresses)[0],
        port=int(info.port),
        schema=props.get("schema", ""),
    )


def _zeroconf(interfaces: list[str] | None) -> Any:
    from zeroconf import InterfaceChoice, IPVersion, Zeroconf

    if interfaces:
        return Zeroconf(interfaces=interfaces, ip_version=IPVersion.V4Only)
    return Zeroconf(interfaces=InterfaceChoice.All, ip_version=IPVersion.V4Only)


class Announcer:
    """Announces one hosted event until ``stop``.  Failing to announce is not fatal."""

    def __init__(self, announcement: Announcement, interfaces: list[str] | None = None) -> None:
        self.announcement = announcement
        self._interfaces = interfaces
        self._zc: Any = None
        self._info: Any = None

    def start(self) -> bool:
        from zeroconf import ServiceInfo

        a = self.announcement
        name = f"smartdialog-{uuid.uuid4().hex[:8]}.{SERVICE_TYPE}"
        try:
            self._zc = _zeroconf(self._interfaces)
            self._info = ServiceInfo(
                SERVICE_TYPE,
                name,
                addresses=[socket.inet_aton(a.address)],
                port=a.port,
                properties=a.properties(),
                server=f"smartdialog-{uuid.uuid4().hex[:8]}.local.",
            )
            self._zc.register_service(self._info)
        except Exception as exc:  # the network may forbid multicast: joining by code still works
            log.warning("the event could not be announced on the network: %s", exc)
            self.stop()
            return False
        log.info("announced %s at %s:%s", a.title, a.address, a.port)
        return True

    def stop(self) -> None:
        if self._zc is None:
            return
        with contextlib.suppress(Exception):
            if self._info is not None:
                self._zc.unregister_service(self._info)
        with contextlib.suppress(Exception):
            self._zc.close()
        self._zc = None
        self._info = None


class Browser:
    """Collects announcements in the background; ``found()`` is safe from any thread."""

    def __init__(self, interfaces: list[str] | None = None) -> None:
        self._interfaces = interfaces
        self._lock = threading.Lock()
        self._found: dict[str, Announcement] = {}
        self._zc: Any = None
        self._browser: Any = None

    def start(self) -> bool:
        from zeroconf import ServiceBrowser, ServiceStateChange

        def changed(zeroconf: Any, service_type: str, name: str, state_change: Any) -> None:
            if state_change is ServiceStateChange.Removed:
                with self._lock:
                    self._found.pop(name, None)
                return
            info = zeroconf.get_service_info(service_type, name, timeout=1500)
            found = _from_info(info) if info is not None else None
            if found is not None:
                with self._lock:
                    self._found[name] = found

        try:
            self._zc = _zeroconf(self._interfaces)
            self._browser = ServiceBrowser(self._zc, SERVICE_TYPE, handlers=[changed])
        except Exception as exc:
            log.warning("the network cannot be searched for events: %s", exc)
            self.stop()
            return False
        return True

    def found(self) -> list[Announcement]:
        with self._lock:
            return sorted(self._found.values(), key=lambda a: (a.title, a.host_name))

    def stop(self) -> None:
        if self._zc is None:
            return
        with contextlib.suppress(Exception):
            self._browser.cancel()
        with contextlib.suppress(Exception):
            self._zc.close()
        self._zc = None


def browse(
    seconds: float, interfaces: list[str] | None = None, *, until: str | None = None
) -> list[Announcement]:
    """What is announced, after listening for ``seconds`` or until event ``until`` is seen."""
    browser = Browser(interfaces)
    if not browser.start():
        return []
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if until is not None and any(a.event_id == until for a in browser.found()):
                break
            time.sleep(0.05)
        return browser.found()
    finally:
        browser.stop()
