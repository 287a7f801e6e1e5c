"""No personal value reaches the log, not even through a database error's message."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from smartdialog.core.db import Database
from smartdialog.core.errors import ConflictError
from smartdialog.core.models import Event, Participant

PERSON = {
    "first_name": "Hildegard",
    "last_name": "Quabeck-Sondermann",
    "email": "hildegard.quabeck@beispiel.de",
    "organisation": "Kleingartenverein Sonnenwinkel",
}


def _provoke_integrity_errors(db: Database) -> list[ConflictError]:
    with db.uow() as s:
        event_id = s.scalars(select(Event.id)).one()
        s.add(Participant(event_id=event_id, ticket_number=7, **PERSON))
    errors = []
    # The same ticket number twice, and a ticket number the rules forbid: the database
    # refuses, and its message names the values it got (PostgreSQL: the whole row).
    for number in (7, 0):
        with pytest.raises(ConflictError, match="clashes") as caught, db.uow() as s:
            s.add(Participant(event_id=event_id, ticket_number=number, **PERSON))
        assert isinstance(caught.value.__cause__, IntegrityError)
        errors.append(caught.value)
    return errors


def _logged_text(caplog: pytest.LogCaptureFixture) -> str:
    # Formatted the way the log file formats records, traceback included.
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def _assert_no_personal_value(text: str) -> None:
    for value in PERSON.values():
        assert value not in text


def _log_it_like_the_app(exc: ConflictError) -> None:
    from smartdialog.ui.messages import translate_error

    logging.getLogger("smartdialog.cli").error("database error in test", exc_info=exc)
    translate_error(exc)  # the GUI's path: logs unknown storage errors with their traceback


def _log_each_like_the_app(errors: list[ConflictError]) -> None:
    for exc in errors:
        _log_it_like_the_app(exc)
        cause = exc.__cause__
        assert isinstance(cause, IntegrityError)
        _assert_no_personal_value(str(cause))
        _assert_no_personal_value(str(cause.orig))


@pytest.mark.expect_error_log
def test_a_database_error_logs_no_personal_value_on_sqlite(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _log_each_like_the_app(_provoke_integrity_errors(db))
    assert "IntegrityError" in _logged_text(caplog)
    _assert_no_personal_value(_logged_text(caplog))


@pytest.mark.expect_error_log
def test_a_database_error_logs_no_personal_value_on_postgresql(
    pg_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _log_each_like_the_app(_provoke_integrity_errors(pg_db))
    assert "check constraint" in _logged_text(caplog)
    _assert_no_personal_value(_logged_text(caplog))
