"""The change feed's actions: one enum, every one recorded somewhere, the old strings kept.

A page follows members of ``Action``, never prefixes: a prefix can match nothing ever
recorded ("merge." and "import." did) and nobody notices that the page never reads anew.
"""

from __future__ import annotations

import ast
import shutil
import uuid
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import select

from smartdialog.core.changes import Action, group
from smartdialog.core.db import Database, open_database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import AuditEntry
from smartdialog.core.services import audit, checkin, registration, setup, tickets
from smartdialog.core.services.registration import WalkIn
from smartdialog.ui import setup as setup_page
from smartdialog.ui import workspace
from smartdialog.ui.desk import workspace as desk
from smartdialog.ui.ideas import workspace as ideas
from smartdialog.ui.mainwindow import WORKSPACES
from smartdialog.ui.minutes import workspace as minutes
from smartdialog.ui.voting import workspace as voting
from smartdialog.ui.wall import state as wall
from smartdialog.ui.wall import workspace as wall_page

from .conftest import TEST_DEVICE

# Every page of the main window, imported so that its class is known here.
PAGES = (setup_page, desk, ideas, wall_page, voting, minutes)

PACKAGE = Path(__file__).parent.parent / "smartdialog"
FIXTURES = Path(__file__).parent / "fixtures"


@cache  # the package is parsed once, not by each of the three tests that ask
def recorded_actions() -> frozenset[Action]:
    """The members named in an ``audit.record(…)`` call anywhere in the package."""
    found: set[Action] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("record", "record_after")
            ):
                continue
            for arg in ast.walk(ast.Module(body=[ast.Expr(a) for a in node.args], type_ignores=[])):
                if (
                    isinstance(arg, ast.Attribute)
                    and isinstance(arg.value, ast.Name)
                    and arg.value.id == "Action"
                ):
                    found.add(Action[arg.attr])
    return frozenset(found)


def declared_actions() -> dict[str, frozenset[Action]]:
    """What every page and the wall follow or take as their own."""
    declared: dict[str, frozenset[Action]] = {}
    for cls in _workspace_classes():
        declared[f"{cls.__qualname__}.FOLLOWS"] = cls.FOLLOWS
        declared[f"{cls.__qualname__}.OWN_ACTIONS"] = cls.OWN_ACTIONS
    declared["desk names"] = desk._NAME_ACTIONS
    declared["ideas reload"] = ideas._RELOAD
    declared["ideas authors"] = ideas._AUTHOR_ACTIONS
    declared["wall reload"] = wall._RELOAD
    return declared


def _workspace_classes() -> list[type[workspace.Workspace]]:
    seen: list[type[workspace.Workspace]] = []
    todo = list(workspace.Workspace.__subclasses__())
    while todo:
        cls = todo.pop()
        seen.append(cls)
        todo.extend(cls.__subclasses__())
    return seen


def test_every_action_is_recorded_somewhere() -> None:
    assert set(Action) - recorded_actions() == set()


def test_every_followed_action_is_recorded_somewhere() -> None:
    recorded = recorded_actions()
    assert len(declared_actions()) >= 2 * len(WORKSPACES)
    never = {
        name: sorted(actions - recorded)
        for name, actions in declared_actions().items()
        if actions - recorded
    }
    assert never == {}


def test_a_page_declares_something_to_follow() -> None:
    for cls in _workspace_classes():
        if cls.FOLLOWS is workspace.Workspace.FOLLOWS:
            continue  # follows every action
        assert cls.FOLLOWS, cls


def test_the_recorder_finds_both_actions_of_a_conditional() -> None:
    # voting/station.py records "ballot.changed" if changed else "ballot.cast"
    assert {Action.BALLOT_CAST, Action.BALLOT_CHANGED} <= recorded_actions()


def test_a_group_is_not_empty_and_a_member_is_its_string() -> None:
    assert group("checkin.") == {
        Action.CHECKIN_CREATED,
        Action.CHECKIN_REFUSED,
        Action.CHECKIN_ANNULLED,
    }
    assert Action.IDEA_MERGE_TARGET == "idea.merge-target"
    assert "idea.merge-target" in frozenset({Action.IDEA_MERGE_TARGET})


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("event-schema-*.sdevent")))
def test_the_actions_of_older_event_files_are_members_and_their_chain_holds(
    fixture: str, tmp_path: Path
) -> None:
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    db = open_database(path, TEST_DEVICE)
    try:
        with db.read() as s:
            stored = set(s.scalars(select(AuditEntry.action)))
            assert stored and {Action(a) for a in stored} == stored
            assert audit.verify_chain(s).intact
    finally:
        db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
    return database


def test_a_write_hands_its_entries_as_stored_to_this_laptop(any_db: Database) -> None:
    handed: list[list[audit.Change]] = []
    any_db.on_recorded.append(handed.append)
    with any_db.uow() as s:
        person = registration.register_walk_in(s, WalkIn("Jana", "Ruf"))
        payload = tickets.payload_for(s, person.ticket_number)
    with any_db.uow() as s:
        welcome = checkin.scan(s, payload, "Empfang 1")
    with pytest.raises(DomainError, match="Say why"), any_db.uow() as s:
        checkin.scan(s, "garbage!", "Empfang 1")  # recorded, then rolled back
        checkin.annul(s, welcome.check_in_id or uuid.uuid4(), "", "Anna")
    with any_db.uow() as s:
        setup.list_fields(s)  # a write that records nothing
    with any_db.read() as s:
        stored = audit.changes_since(s, 0)
        assert audit.verify_chain(s).intact
    assert [[c.action for c in batch] for batch in handed] == [
        [Action.PARTICIPANT_WALKIN],
        [Action.CHECKIN_CREATED],
        [],
    ]
    assert [c for batch in handed for c in batch] == stored[-2:]
    assert handed[1][0].known == welcome  # what the desk showed, for its pages


def test_a_savepoint_rolled_back_hands_nothing_recorded(any_db: Database) -> None:
    handed: list[list[audit.Change]] = []
    any_db.on_recorded.append(handed.append)
    with any_db.uow() as s:
        with pytest.raises(RuntimeError, match="undone"), s.begin_nested():
            registration.register_walk_in(s, WalkIn("Jana", "Ruf"))
            raise RuntimeError("undone")
        registration.register_walk_in(s, WalkIn("Ole", "Weiß"))
    with any_db.read() as s:
        stored = audit.changes_since(s, 0)
        assert audit.verify_chain(s).intact
    assert stored[-1].action == Action.PARTICIPANT_WALKIN
    # The entry of the undone savepoint is gone; what stays the feed reads from the log.
    assert all(c in stored for batch in handed for c in batch)
