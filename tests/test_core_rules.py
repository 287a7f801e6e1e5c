"""Rules with one home each: storage errors, the event, the scan log, CSV cells, error text."""

from __future__ import annotations

import ast
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import OperationalError

import smartdialog
from smartdialog import cli
from smartdialog.core import db as core_db
from smartdialog.core import spreadsheet
from smartdialog.core.db import Database, create_database
from smartdialog.core.errors import (
    DatabaseBusy,
    DomainError,
    NotFoundError,
    SmartDialogError,
    StorageError,
)
from smartdialog.core.models import ScanLog
from smartdialog.core.services import badges, checkin, ideas, setup, tickets, voting

from .conftest import TEST_DEVICE
from .test_voting_service import add_people

PACKAGE = Path(smartdialog.__file__).parent


def _on_connect(database: Database, *pragmas: str) -> None:
    """Run ``pragmas`` on every new connection of ``database`` (and drop the open ones)."""

    def apply(dbapi_connection: Any, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    event.listen(database.engine, "connect", apply)
    database.engine.dispose()


def _capture(database: Database, words: str) -> None:
    with database.uow() as s:
        ideas.capture(s, words, field_id=setup.list_fields(s)[0].id)


# -- storage errors become the project's errors in the unit of work -------------------------


@pytest.fixture
def write_lock(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The event file with another writer holding its lock; waiting for it is cut short."""
    assert db.path is not None
    db.close()
    monkeypatch.setattr(core_db, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield db.path
    other.rollback()
    other.close()


def test_a_locked_event_file_is_reported_as_busy(write_lock: Path) -> None:
    database = Database(core_db.make_engine(write_lock), TEST_DEVICE, path=write_lock)
    try:
        with pytest.raises(DatabaseBusy, match="Another laptop is writing") as busy:
            _capture(database, "Radwege")
        assert isinstance(busy.value.__cause__, OperationalError)
        with database.read() as s:  # readers are not held up by a writer (WAL)
            assert setup.current_event(s).code == "4711"
    finally:
        database.close()


def test_the_command_line_says_busy_instead_of_a_traceback(
    write_lock: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--lang", "en", "checkin", str(write_lock), "0001"]) == 1
    assert "Another laptop is writing right now" in capsys.readouterr().err


def test_a_read_only_event_file_says_so(db: Database) -> None:
    _on_connect(db, "PRAGMA query_only=ON")
    with pytest.raises(StorageError, match="cannot be written to any more"):
        _capture(db, "Radwege")


def test_a_full_disk_says_so_and_keeps_what_was_saved(db: Database) -> None:
    _capture(db, "Radwege")
    with db.read() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar_one()
    _on_connect(db, f"PRAGMA max_page_count={pages}")
    with pytest.raises(StorageError, match="The disk is full"), db.uow() as s:
        s.execute(text("CREATE TABLE filler (x BLOB)"))
        s.execute(text("INSERT INTO filler VALUES (randomblob(200000))"))
    with db.read() as s:
        assert [i.text for i in ideas.list_ideas(s)] == ["Radwege"]


def test_no_error_message_text_is_inspected_outside_the_unit_of_work() -> None:
    """Whether the database was locked, full or read-only is decided by its error code, once."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for needle in (
            '"locked"',
            '"busy"',
            '"readonly"',
            '"read-only"',
            '"full"',
            "is locked",
            "lock timeout",
        ):
            if needle in source:
                offenders.append(f"{path.relative_to(PACKAGE)}: {needle}")
    assert offenders == []


# -- one lookup of the event -------------------------------------------------------------------


def test_every_service_finds_no_event_the_same_way(tmp_path: Path) -> None:
    empty = create_database(tmp_path / "leer.sdevent", TEST_DEVICE)
    lookups = (
        setup.current_event,
        setup.has_admin_pin,
        tickets.event_keys,
        badges.event_header,
        voting.create_round,
    )
    try:
        for lookup in lookups:
            with pytest.raises(NotFoundError, match="holds no event yet"), empty.read() as s:
                lookup(s)
    finally:
        empty.close()


# -- one way to write the scan log ---------------------------------------------------------------


def test_desk_and_voting_station_log_a_scan_alike(db: Database) -> None:
    garbled = "\x1b" + "7" * 300
    with db.uow() as s:
        checkin.scan(s, garbled, "Tisch 1")
        voting.scan_badge(s, voting.create_round(s).id, garbled, station="Abstimmung 1")
    with db.read() as s:
        logged = [
            (r.desk, r.raw, r.verdict) for r in s.scalars(select(ScanLog).order_by(ScanLog.desk))
        ]
    assert logged == [
        ("Abstimmung 1", "7" * 200, "rejected"),
        ("Tisch 1", "7" * 200, "rejected"),
    ]


def test_only_the_check_in_service_writes_the_scan_log() -> None:
    writers = sorted(
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "core").rglob("*.py")
        if "ScanLog(" in path.read_text(encoding="utf-8")
        or "ScanLog.__table__" in path.read_text(encoding="utf-8")
    )
    assert writers == ["core/models.py", "core/services/checkin.py"]


# -- one guard for CSV cells ----------------------------------------------------------------------


def test_guarded_cells_read_back_as_written() -> None:
    for cell in ("=1+1", "+49 251 0", "-5", "@SUMME(A1)", "\tx", "'schon", "Bürgerbüro", ""):
        assert spreadsheet.unguard(spreadsheet.guard(cell)) == cell
        assert not spreadsheet.guard(cell).startswith(spreadsheet.FORMULA_STARTS)
    assert spreadsheet.runs_as_formula('=HYPERLINK("x")')
    assert spreadsheet.runs_as_formula("-SUMME(A1)+(1)")
    assert not spreadsheet.runs_as_formula("+49 251 492-0")
    assert not spreadsheet.runs_as_formula("- Radwege")


def test_every_csv_is_written_through_the_guard() -> None:
    writers = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "csv"
                and node.attr in ("writer", "DictWriter")
            ):
                writers.append(str(path.relative_to(PACKAGE)))
    assert writers == ["core/spreadsheet.py"]


def test_the_ticket_mail_list_is_guarded(db: Database, tmp_path: Path) -> None:
    participant_id = add_people(db, 1)[0]
    with db.read() as s:
        event_header = badges.event_header(s)
        payload = tickets.payload_for(s, 1)
    person = badges.Person(participant_id, 1, "=cmd", "@Müller", "", payload, "anna@example.org")
    mail_list = badges.write_ticket_files([person], event_header, tmp_path)
    cells = mail_list.read_text(encoding="utf-8-sig").splitlines()[1].split(";")
    assert cells[2:4] == ["'=cmd", "'@Müller"]


# -- one text for an error -------------------------------------------------------------------------


def test_an_error_is_translated_before_its_placeholders_are_filled() -> None:
    german = {"There is no voting round {number}.": "Es gibt keine Abstimmung {number}."}
    problem = NotFoundError("There is no voting round {number}.", number=7)
    assert problem.text(lambda context, source: german.get(source, source)) == (
        "Es gibt keine Abstimmung 7."
    )
    assert DomainError("Plain.").text(lambda context, source: source.upper()) == "PLAIN."
    assert isinstance(problem, SmartDialogError) and problem.english().endswith("7.")


# -- one rule for naming an idea's author --------------------------------------------------------


def test_an_author_is_named_alike_everywhere_and_only_while_allowed(db: Database) -> None:
    from smartdialog.core.minutes import content
    from smartdialog.core.models import Participant

    named, withdrawn = add_people(db, 2)
    with db.uow() as s:
        for person in (named, withdrawn):
            row = s.get(Participant, person)
            assert row is not None
            row.first_name, row.last_name = " Jürgen ", "Müller"
            row.consent_attribution_at = row.created_at
        field_id = setup.list_fields(s)[0].id
        ideas.capture(s, "Radwege", field_id=field_id, author_id=named)
        ideas.capture(s, "Busse", field_id=field_id, author_id=withdrawn)
        # Anonymised later (here without the consent being cleared): no longer named.
        row = s.get(Participant, withdrawn)
        assert row is not None
        row.anonymised_at = row.created_at
    with db.read() as s:
        listed = {i.text: i.author_name for i in ideas.list_ideas(s)}
        minutes = {i.text: i.author for i in content.collect(s).ideas}
        choices = [c.name for c in ideas.consenting_authors(s)]
    assert listed == minutes == {"Radwege": "Jürgen Müller", "Busse": ""}
    assert choices == ["Jürgen Müller"]
