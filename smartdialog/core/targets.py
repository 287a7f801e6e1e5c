"""What names an event, and which laptop writes: light enough to import before anything else.

Kept apart from db.py so that the window can be on screen before SQLAlchemy
is imported (start-up time).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

EVENT_FILE_SUFFIX = ".sdevent"

_DEVICE_NAMESPACE = uuid.UUID("5d1a1d0c-6a43-4d55-9a3e-3c1b3f1f0c11")


def _hostname() -> str:
    # os.uname is cheaper than importing socket, which this module avoids (start-up time).
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


def is_url(target: str | os.PathLike[str]) -> bool:
    """A database URL (shared event) rather than a file path."""
    return "://" in os.fspath(target)


def shown_target(target: str | os.PathLike[str]) -> str:
    """A file path or URL as it may be shown on screen: a URL's password replaced by ***.

    A joined laptop keeps its event's URL (with the password derived from the
    join code) among the recent files; the venue's visitors can see the screen.
    """
    text = os.fspath(target)
    if not is_url(text):
        return text
    scheme, _, rest = text.partition("://")
    credentials, at, place = rest.rpartition("@")
    if not at or ":" not in credentials:
        return text
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{place}"


@dataclass(frozen=True)
class DeviceIdentity:
    """Which laptop writes, and in which role (desk, table, wall, voting, office)."""

    id: uuid.UUID
    name: str
    role: str = "office"

    @classmethod
    def this_machine(cls, name: str | None = None, role: str | None = None) -> DeviceIdentity:
        host = _hostname() or "localhost"
        return cls(uuid.uuid5(_DEVICE_NAMESPACE, host), name or host, role or _default_role[0])


# The role this process works in when none is given: the command line sets it to
# the role whose PIN was entered (see commands/access.py).
_default_role = ["office"]


def use_role(role: str) -> None:
    _default_role[0] = role
