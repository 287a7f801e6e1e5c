"""Shared by the hosting tests: a data folder the server's user can reach, and who that is."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from smartdialog.core.hosting.server import RUN_AS_VARIABLE


def server_user() -> str | None:
    """PostgreSQL refuses root: as root, the tests run the server as ``nobody``."""
    if os.name == "nt" or os.geteuid() != 0:
        return None
    if shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: no way to start PostgreSQL")
    return "nobody"


def reachable_folder() -> Path:
    """A folder every user can enter (pytest's tmp folders are root's own under root)."""
    folder = Path(tempfile.mkdtemp(prefix="sd-hosting-"))
    folder.chmod(0o755)
    return folder


def server_environment(mp: pytest.MonkeyPatch) -> None:
    user = server_user()
    if user:
        mp.setenv(RUN_AS_VARIABLE, user)
    else:
        mp.delenv(RUN_AS_VARIABLE, raising=False)
    mp.delenv("SMARTDIALOG_PG_BIN", raising=False)
