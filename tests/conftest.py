"""Shared fixtures: event databases (SQLite files and PostgreSQL), Qt set up headless."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SMARTDIALOG_LANG", "de")

from smartdialog.core.db import Database, DeviceIdentity, create_database, make_engine
from smartdialog.core.services import setup

PG_ADMIN_URL = os.environ.get(
    "SMARTDIALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

TEST_DEVICE = DeviceIdentity(uuid.UUID(int=1), "Testgerät", "office")


@pytest.fixture(autouse=True, scope="session")
def _qt_test_mode() -> None:
    # Keep settings, logs and recent files of the tests out of the user's folders.
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type, pytestconfig: pytest.Config):  # type: ignore[no-untyped-def]
    """pytest-qt's application, speaking German like the app does by default."""
    from PySide6.QtWidgets import QApplication

    from smartdialog import i18n

    app = QApplication.instance() or qapp_cls(qapp_args)
    i18n.install(app, "de")
    return app


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    return tmp_path / "veranstaltung.sdevent"


@pytest.fixture
def db(event_path: Path) -> Iterator[Database]:
    """A fresh event file with the resolution's fields of action."""
    database = create_database(event_path, TEST_DEVICE)
    with database.uow() as s:
        setup.create_event(
            s,
            "Bürgerdialog Smart City Münster",
            venue="Rathaus Münster",
            organiser="Stadt Münster",
            council_reference="V/0164/2018",
            code="4711",
        )
    yield database
    database.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import text

    admin = make_engine(PG_ADMIN_URL)
    name = f"sd_test_{uuid.uuid4().hex[:12]}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = create_database(pg_url, TEST_DEVICE)
    with database.uow() as s:
        setup.create_event(s, "Bürgerdialog Smart City Münster", code="4711")
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
