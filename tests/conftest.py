"""Shared fixtures: event databases (SQLite files and PostgreSQL), Qt set up headless.

The schema is migrated once per session: every test's event is a copy of a
template made by the real ``create_database`` path (a file copy for SQLite,
``CREATE DATABASE … TEMPLATE`` for PostgreSQL).
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from smartdialog.core.db import (
    Database,
    DeviceIdentity,
    create_database,
    make_engine,
    open_database,
)
from smartdialog.core.services import setup

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SMARTDIALOG_LANG", "de")

# The tests' home folder, fresh for every test process: settings, logs and recent
# files written by the tests (in this process or in the command-line processes they
# start) land here and never in the user's folders, nor survive into the next run.
# Set in pytest_configure, before any test module imports Qt.
HOME_VARIABLES = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
_USER_ENVIRONMENT_KEY = "SMARTDIALOG_TESTS_USER_ENVIRONMENT"  # passed on to pytest-xdist workers
USER_ENVIRONMENT: dict[str, str | None] = json.loads(
    os.environ.get(_USER_ENVIRONMENT_KEY)
    or json.dumps({name: os.environ.get(name) for name in HOME_VARIABLES})
)
HOME_PREFIX = "smartdialog-test-home-"
TEST_HOME = Path("/nonexistent")  # until pytest_configure makes the session's own


def pytest_configure(config: pytest.Config) -> None:
    global TEST_HOME
    os.environ[_USER_ENVIRONMENT_KEY] = json.dumps(USER_ENVIRONMENT)
    TEST_HOME = Path(tempfile.mkdtemp(prefix=HOME_PREFIX))
    os.environ["HOME"] = str(TEST_HOME)
    for name, folder in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        os.environ[name] = str(TEST_HOME / folder)


def pytest_unconfigure(config: pytest.Config) -> None:
    if TEST_HOME.name.startswith(HOME_PREFIX):
        shutil.rmtree(TEST_HOME, ignore_errors=True)


# `make test` hands whole files to its test processes (pytest-xdist's loadfile, with
# --no-loadscope-reorder), in the order collected.  The long files go first, so that the
# end of the run is made of short files that even out the processes, and no process is
# left running one long file alone.  They alternate between files that mostly wait (on a
# slowed network, a server, another process) and files that mostly compute: three
# waiting files at once left both cores idle for a quarter of the run's first minute.
# Seconds measured on two cores, the CPU's part in brackets.
RUN_FIRST = (
    "test_hosting.py",  # with the two below: 30 (12), one after the other (TAKING_TURNS)
    "test_hosting_gui.py",
    "test_hosting_processes.py",
    "test_merge.py",  # 13 (13)
    "test_stall.py",  # 16 (2): a slowed network
    "test_minutes_document.py",  # 8 (6)
    "test_offline_gui.py",  # 16 (9)
    "test_packaging.py",  # 7 (7)
    "test_offline.py",  # 11 (5)
    "test_voting_service.py",  # 8 (5)
    "test_ops_pages.py",  # 12 (2): a slowed database
    "test_changes.py",  # 5 (4)
    "test_ops.py",  # 9 (2): a slowed database
    "test_desk_gui.py",  # 6 (3)
    "test_voting_concurrency.py",  # 8 (4)
    "test_statements.py",  # 7 (4)
    "test_purge.py",  # 7 (3)
    "test_trust.py",  # 5 (3)
    "test_voting_ops.py",  # 5 (2)
    "test_desk_registration.py",  # 5 (3)
    "test_crash_kill.py",  # 5 (0.5): killed processes
    "test_link_checks.py",  # 3 (0.1): a host that answers nothing
)

# Files that may not run beside each other are one unit of work: one test process runs
# them one after the other.  The hosting tests' servers share the ports 54320–54351 (the
# join code carries the port) and announce themselves on the same network; split over
# processes, one process would wait on the others' lock (one_host_at_a_time) doing nothing.
TAKING_TURNS = {
    "test_hosting.py": "hosting",
    "test_hosting_gui.py": "hosting",
    "test_hosting_processes.py": "hosting",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(RUN_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: files stay whole


def pytest_collection_finish(session: pytest.Session) -> None:
    """The garbage collector of a test process: a sixth of the CPU it spent went to it.

    A test makes and drops a whole event's worth of objects (sessions, engines, pages),
    so a full collection came every few tests and traversed every live object (a quarter
    of a second each).  What collecting imported (modules, classes, functions: some
    180,000 objects) lives as long as the process: frozen, it is no longer traversed.
    And the young generations are collected less often, so fewer of a test's objects
    reach the old one (5000/20/10 instead of 700/10/10).  The product keeps Python's
    defaults; tests that look for a leaked connection collect themselves.
    """
    gc.freeze()
    gc.set_threshold(5000, 20, 10)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class Scheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return TAKING_TURNS.get(path.rpartition("/")[2], path)

    return Scheduling(config, log)


@pytest.fixture(scope="module")
def one_host_at_a_time() -> Iterator[None]:
    """Hosting tests of parallel test processes take turns (a lock file between them).

    Their servers share the ports 54320–54351 (the join code carries the port), and
    announce themselves on the same network: two at once would find each other's.
    """
    if os.name == "nt":
        yield
        return
    import fcntl

    with (Path(tempfile.gettempdir()) / "smartdialog-tests-hosting.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


PG_ADMIN_URL = os.environ.get(
    "SMARTDIALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

TEST_DEVICE = DeviceIdentity(uuid.UUID(int=1), "Testgerät", "office")


# A PIN's hash is slow on purpose (200,000 rounds, a tenth of a second): hundreds of PINs
# set and checked across the suite took a dozen seconds.  Each hash carries its count, so
# a PIN hashed here is checked like any other; the product's count is tested as it is.
PIN_ITERATIONS_OF_THE_PRODUCT = setup.PIN_ITERATIONS
setup.PIN_ITERATIONS = 1_000


@pytest.fixture(autouse=True, scope="session")
def _qt_test_mode() -> None:
    # Qt's own guard on top of the session's home folder.
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True, scope="session")
def _no_unanswered_dialog() -> Iterator[None]:
    """A modal dialog nobody answers would hang the whole run: a test opening one fails.

    Tests that print hand the page a printer that writes a PDF (``choose_printer``);
    tests that expect a message box replace it (``monkeypatch.setattr(QMessageBox, …)``).
    Not an Exception: the page's own error handling must not swallow it into another
    message box that nobody closes either.
    """
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QMessageBox

    def refuse(what: str) -> Callable[..., Any]:
        def opened(*args: Any, **_kwargs: Any) -> Any:
            said = next((a for a in args[2:3] if isinstance(a, str)), "")
            if isinstance(args[0] if args else None, QMessageBox):
                said = args[0].text()
            pytest.fail(f"a test opened {what} and nobody would answer it: {said}")

        return opened

    replaced = {
        (QPrintDialog, "exec"): refuse("the print dialog (give the page a PDF printer)"),
        (QMessageBox, "exec"): refuse("a message box"),
        (QMessageBox, "warning"): staticmethod(refuse("a warning")),
        (QMessageBox, "critical"): staticmethod(refuse("an error box")),
        (QMessageBox, "information"): staticmethod(refuse("an information box")),
        (QMessageBox, "question"): staticmethod(refuse("a question box")),
    }
    originals = {key: getattr(key[0], key[1]) for key in replaced}
    for (cls, name), stand_in in replaced.items():
        setattr(cls, name, stand_in)
    yield
    for (cls, name), original in originals.items():
        setattr(cls, name, original)


# Functions of ui/ that are the work ``ops`` runs on its threads: a test may call them
# directly (on its own thread), a page never on the GUI thread.
_BACKGROUND_WORK = {
    "smartdialog.ui.eventio": ("open_event", "new_event"),
    "smartdialog.ui.voting.wall": ("wall_results", "provide"),
}


@pytest.fixture(autouse=True)
def _no_session_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Code in ``smartdialog.ui`` never opens a database session on the GUI thread.

    Every page reads and writes through ``ui.ops``; a session opened there from the
    main thread (where the tests run the GUI) fails the test.  Tests themselves may:
    only the frame that opens the session is looked at.
    """
    import sys
    import threading

    from smartdialog.core.db import Database

    seen: list[str] = []

    def guarded(name: str) -> Callable[..., Any]:
        original = getattr(Database, name)

        def scope(self: Database) -> Any:
            if threading.current_thread() is threading.main_thread():
                caller = sys._getframe(1)
                module = str(caller.f_globals.get("__name__", ""))
                function = caller.f_code.co_name
                called_by = (
                    str(caller.f_back.f_globals.get("__name__", "")) if caller.f_back else ""
                )
                background = function in _BACKGROUND_WORK.get(module, ())
                if module.startswith("smartdialog.ui") and not (
                    background and called_by.startswith("tests.")
                ):
                    seen.append(f"{module}:{caller.f_lineno} ({function})")
            return original(self)

        return scope

    monkeypatch.setattr(Database, "read", guarded("read"))
    monkeypatch.setattr(Database, "uow", guarded("uow"))
    yield
    assert not seen, f"database sessions opened on the GUI thread: {seen}"


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type, pytestconfig: pytest.Config):  # type: ignore[no-untyped-def]
    """pytest-qt's application, speaking German like the app does by default."""
    from PySide6.QtWidgets import QApplication

    from smartdialog import i18n

    app = QApplication.instance() or qapp_cls(qapp_args)
    i18n.install(app, "de")
    return app


@pytest.fixture
def voting_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The error dialogs the voting page would show, as their sentences."""
    from smartdialog.ui.voting import workspace

    shown: list[str] = []
    monkeypatch.setattr(workspace, "warn", lambda _parent, _title, sentence: shown.append(sentence))
    return shown


# -- a logged ERROR fails the test ------------------------------------------------------


@pytest.fixture(autouse=True)
def _fail_on_error_log(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Any ERROR record of smartdialog's loggers fails the test (as qutebrowser's log-fail).

    A test in which an error is the point says so with ``@pytest.mark.expect_error_log``.
    """
    yield
    if request.node.get_closest_marker("expect_error_log") is not None:
        return
    errors = [
        record
        for when in ("setup", "call", "teardown")
        for record in caplog.get_records(when)  # type: ignore[arg-type]
        if record.levelno >= logging.ERROR
        and (record.name == "smartdialog" or record.name.startswith("smartdialog."))
    ]
    if errors:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in errors)
        pytest.fail(f"logged an error the test did not expect:\n{lines}", pytrace=False)


# -- event databases ---------------------------------------------------------------------


def _create_test_event(database: Database, **details: str) -> None:
    with database.uow() as s:
        setup.create_event(s, "Bürgerdialog Smart City Münster", code="4711", **details)


@pytest.fixture(scope="session")
def event_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An event file with the resolution's fields of action, made once the real way."""
    path = tmp_path_factory.mktemp("template") / "vorlage.sdevent"
    database = create_database(path, TEST_DEVICE)
    _create_test_event(
        database,
        venue="Rathaus Münster",
        organiser="Stadt Münster",
        council_reference="V/0164/2018",
    )
    # Closing the last connection checkpoints the WAL: the file alone is the event.
    database.close()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    return tmp_path / "veranstaltung.sdevent"


def event_file_copy(template: Path, path: Path) -> Database:
    """A copy of the template event file at ``path``, opened."""
    shutil.copyfile(template, path)
    return open_database(path, TEST_DEVICE)


@pytest.fixture
def db(event_template: Path, event_path: Path) -> Iterator[Database]:
    """A fresh event file with the resolution's fields of action."""
    database = event_file_copy(event_template, event_path)
    yield database
    database.close()


def _admin_execute(sql: str) -> None:
    from sqlalchemy import text

    admin = make_engine(PG_ADMIN_URL)
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(sql))
    finally:
        admin.dispose()


def _pg_url(name: str) -> str:
    return make_engine(PG_ADMIN_URL).url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A PostgreSQL event database migrated once; the tests' databases are its copies."""
    name = f"sd_template_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        database = create_database(_pg_url(name), TEST_DEVICE)
        _create_test_event(database)
        # A template may have no open connection while it is copied.
        database.close()
        yield name
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class PgCopies:
    """Copies of the template database, each made while the test before it runs.

    CREATE DATABASE waits a quarter to half a second on the server's disk, a drop a
    tenth: some sixty copies a run.  One thread makes the next copy ahead and drops the
    used ones, so that a test waits only when it needs two copies in a row.
    """

    def __init__(self, template: str) -> None:
        self._template = template
        self._work = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-copies")
        self._next = self._work.submit(self._create)
        self._drops: list[Future[None]] = []

    def _create(self) -> str:
        name = f"sd_test_{uuid.uuid4().hex[:12]}"
        _admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        return name

    def take(self) -> str:
        """The name of a new copy (a failure to make it is raised here)."""
        made, self._next = self._next, self._work.submit(self._create)
        return made.result()

    def drop(self, name: str) -> None:
        """Drops the copy once the thread gets to it (its connections are ended)."""
        sql = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        self._drops.append(self._work.submit(_admin_execute, sql))

    def close(self) -> None:
        """Drops the spare copy and waits for every drop: a failed one is raised."""
        with contextlib.suppress(Exception):  # a failure to make it was raised by take()
            self.drop(self._next.result())
        self._work.shutdown(wait=True)
        for dropped in self._drops:
            dropped.result()


@pytest.fixture(scope="session")
def pg_copies(pg_template: str) -> Iterator[PgCopies]:
    copies = PgCopies(pg_template)
    yield copies
    copies.close()  # before pg_template's teardown drops the template


@contextlib.contextmanager
def pg_event_copy(copies: PgCopies) -> Iterator[str]:
    """The URL of a new copy of the template database, dropped when the block ends."""
    name = copies.take()
    try:
        yield _pg_url(name)
    finally:
        copies.drop(name)


@pytest.fixture
def pg_url(pg_copies: PgCopies) -> Iterator[str]:
    """A PostgreSQL event database of its own for one test, dropped afterwards."""
    with pg_event_copy(pg_copies) as url:
        yield url


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = open_database(pg_url, TEST_DEVICE)
    yield database
    database.close()


@pytest.fixture
def db_path(db: Database) -> Path:
    """The path of the ``db`` fixture's event file, closed so that a window can open it."""
    assert db.path is not None
    with db.uow() as s:
        setup.add_station(s, "Tisch 1 – Mobilität", field_id=setup.list_fields(s)[0].id)
    db.close()
    return db.path
