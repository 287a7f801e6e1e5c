"""Dot-voting through the services: rules, ballots, paper tallies, results.  No Qt."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pytest
from sqlalchemy import insert, select, update

from smartdialog.core.db import Database, open_database
from smartdialog.core.errors import ConflictError, DomainError
from smartdialog.core.models import Ballot, CheckIn, Dot, PaperTally, Participant, ScanLog
from smartdialog.core.services import audit, ideas, setup, tickets, voting

from .conftest import PIN_ITERATIONS_OF_THE_PRODUCT, TEST_DEVICE, event_file_copy, pg_event_copy
from .constraints import refused_by

# -- helpers shared by the voting tests ----------------------------------------------------


def add_people(
    db: Database, count: int, *, checked_in: bool = True, first: int = 1
) -> list[uuid.UUID]:
    """Participants with ticket numbers first.., checked in at the desk (or not)."""
    ids = []
    with db.uow() as s:
        event = setup.current_event(s)
        for number in range(first, first + count):
            p = Participant(
                event_id=event.id,
                ticket_number=number,
                first_name=f"Anna{number}",
                last_name="Müller",
            )
            s.add(p)
            s.flush()
            if checked_in:
                s.add(CheckIn(participant_id=p.id, desk="Empfang 1"))
            ids.append(p.id)
    return ids


def add_ideas(db: Database, per_field: dict[int, Sequence[str]]) -> dict[str, uuid.UUID]:
    """Ideas by field position (0 = Mobilität, 1 = Wirtschaftsstandort, …), keyed by text."""
    out = {}
    with db.uow() as s:
        fields = setup.list_fields(s)
        for position, texts in per_field.items():
            for text in texts:
                out[text] = ideas.capture(s, text, field_id=fields[position].id).id
    return out


def field_ids(db: Database) -> list[uuid.UUID]:
    with db.read() as s:
        return [f.id for f in setup.list_fields(s)]


def cast(
    db: Database, round_id: uuid.UUID, participant_id: uuid.UUID, dots: dict[uuid.UUID, int]
) -> voting.CastBallot:
    with db.read() as s:
        voter = voting.voter_for(s, round_id, participant_id)
    with db.uow() as s:
        return voting.cast_ballot(
            s, round_id, participant_id, dots, expected_revision=voter.revision, station="Test"
        )


@dataclass
class Setting:
    db: Database
    round: voting.RoundInfo
    people: list[uuid.UUID]
    ideas: dict[str, uuid.UUID]


def _open_round(db: Database) -> Setting:
    people = add_people(db, 4)
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Coworking", "Glasfaser"]})
    with db.uow() as s:
        created = voting.create_round(s, "Runde 1", dots_per_participant=4, max_dots_per_idea=2)
        info = voting.start_round(s, created.id)
    return Setting(db, info, people, found)


@pytest.fixture
def open_round(db: Database) -> Setting:
    return _open_round(db)


# -- rounds and their rules ---------------------------------------------------------------


def test_a_new_round_takes_the_events_defaults_and_all_fields(db: Database) -> None:
    with db.uow() as s:
        info = voting.create_round(s)
    assert (info.number, info.status, info.title) == (1, "draft", "Abstimmung 1")
    rules = info.rules
    assert (rules.dots_per_participant, rules.max_dots_per_idea) == (5, 2)
    assert (rules.hide_tally, rules.allow_change, rules.require_checkin, rules.tie_rule) == (
        True,
        True,
        True,
        "shared",
    )
    assert [f.name for f in rules.fields] == [name for name, _ in setup.DEFAULT_FIELDS]
    assert all(f.budget is None for f in rules.fields)


@pytest.mark.parametrize(
    ("dots", "per_idea", "message"),
    [(0, 1, "from 1 to"), (101, 2, "from 1 to"), (3, 4, "cannot be more than")],
)
def test_impossible_rules_are_refused(db: Database, dots: int, per_idea: int, message: str) -> None:
    with pytest.raises(DomainError, match=message), db.uow() as s:
        voting.create_round(s, dots_per_participant=dots, max_dots_per_idea=per_idea)


def test_a_budget_above_the_dots_is_refused(db: Database) -> None:
    mobility = field_ids(db)[0]
    with pytest.raises(DomainError, match="budget"), db.uow() as s:
        voting.create_round(s, dots_per_participant=3, budgets={mobility: 4})


def test_opening_freezes_the_active_ideas_of_the_rounds_fields(db: Database) -> None:
    found = add_ideas(
        db, {0: ["Radwege", "Busse", "Weg damit"], 1: ["Coworking"], 2: ["Bürgerkonto"]}
    )
    fields = field_ids(db)
    with db.uow() as s:
        ideas.hide(s, found["Weg damit"], "Doppelt")
        info = voting.create_round(s, field_ids=fields[:2])
        info = voting.start_round(s, info.id)
    add_ideas(db, {0: ["Zu spät"]})
    with db.uow() as s:
        ideas.edit(s, found["Radwege"], expected_version=None, text="Radwege überall")
    with db.read() as s:
        sheet = voting.ballot_sheet(s, info.id)
    assert info.idea_count == 3
    assert [(f.name, [i.text for i in f.ideas]) for f in sheet.fields] == [
        ("Mobilität", ["Radwege", "Busse"]),
        ("Wirtschaftsstandort", ["Coworking"]),
    ]


def test_rules_cannot_change_once_open_and_only_one_round_is_open(open_round: Setting) -> None:
    db = open_round.db
    with pytest.raises(DomainError, match="cannot change"), db.uow() as s:
        voting.update_round(s, open_round.round.id, dots_per_participant=9)
    with db.uow() as s:
        second = voting.create_round(s)
    with pytest.raises(DomainError, match="still open"), db.uow() as s:
        voting.start_round(s, second.id)
    with pytest.raises(DomainError, match="part of the record"), db.uow() as s:
        voting.delete_round(s, open_round.round.id)


def test_a_draft_round_can_be_edited_and_removed(db: Database) -> None:
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(s, "Erste")
        info = voting.update_round(
            s,
            info.id,
            title="Zweite",
            dots_per_participant=3,
            max_dots_per_idea=1,
            field_ids=fields[:2],
            budgets={fields[1]: 1},
            allow_change=False,
        )
    assert info.title == "Zweite"
    assert [(f.field_id, f.budget) for f in info.rules.fields] == [
        (fields[0], None),
        (fields[1], 1),
    ]
    assert info.rules.cap_of(fields[0]) == 3
    assert not info.rules.allow_change
    with db.uow() as s:
        voting.delete_round(s, info.id)
        assert voting.list_rounds(s) == []


def test_an_empty_round_cannot_open(db: Database) -> None:
    with db.uow() as s:
        info = voting.create_round(s)
    with pytest.raises(DomainError, match="nothing to vote on"), db.uow() as s:
        voting.start_round(s, info.id)


# -- ballots --------------------------------------------------------------------------------


def test_a_ballot_is_cast_shown_again_and_changed(open_round: Setting) -> None:
    db, r, people, found = open_round.db, open_round.round, open_round.people, open_round.ideas
    first = cast(db, r.id, people[0], {found["Radwege"]: 2, found["Coworking"]: 1})
    assert (first.revision, first.dots, first.changed) == (1, 3, False)
    with db.read() as s:
        voter = voting.voter_for(s, r.id, people[0])
    assert voter.dots == {found["Radwege"]: 2, found["Coworking"]: 1}
    assert (voter.revision, voter.may_change, voter.ticket_number) == (1, True, 1)
    second = cast(
        db, r.id, people[0], {found["Busse"]: 1, found["Radwege"]: 1, found["Glasfaser"]: 2}
    )
    assert (second.revision, second.dots, second.changed) == (2, 4, True)
    with db.read() as s:
        slots = sorted(s.scalars(select(Dot.slot).where(Dot.participant_id == people[0])))
        ballots = s.scalar(select(Ballot.revision).where(Ballot.participant_id == people[0]))
    # Rewritten whole: the slots stay dense, 1..n, however often dots move.
    assert slots == [1, 2, 3, 4]
    assert ballots == 2


@pytest.mark.parametrize(
    ("dots", "message"),
    [
        ({"Radwege": 3}, "At most 2 dots per idea"),
        ({"Radwege": 2, "Busse": 2, "Coworking": 1}, "4 dots in this round, not 5"),
        ({}, "at least one dot"),
        ({"Radwege": 0}, "at least one dot"),
        ({"Radwege": -1}, "whole number"),
    ],
)
def test_ballots_breaking_the_rules_are_refused(
    open_round: Setting, dots: dict[str, int], message: str
) -> None:
    found = open_round.ideas
    with pytest.raises(DomainError, match=message):
        cast(
            open_round.db,
            open_round.round.id,
            open_round.people[0],
            {found[k]: v for k, v in dots.items()},
        )
    with open_round.db.read() as s:
        assert s.scalar(select(Ballot.id)) is None


def test_a_field_budget_is_kept(db: Database) -> None:
    people = add_people(db, 1)
    found = add_ideas(db, {0: ["Radwege", "Busse"], 1: ["Coworking"]})
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(
            s, dots_per_participant=5, field_ids=fields[:2], budgets={fields[0]: 2}
        )
        voting.start_round(s, info.id)
    with pytest.raises(DomainError, match="At most 2 dots may go to “Mobilität”"):
        cast(db, info.id, people[0], {found["Radwege"]: 2, found["Busse"]: 1})
    assert (
        cast(
            db, info.id, people[0], {found["Radwege"]: 1, found["Busse"]: 1, found["Coworking"]: 2}
        ).dots
        == 4
    )


def test_an_idea_outside_the_round_is_refused(open_round: Setting) -> None:
    outsider = add_ideas(open_round.db, {0: ["Nachzügler"]})["Nachzügler"]
    with pytest.raises(DomainError, match="not part of the voting round"):
        cast(open_round.db, open_round.round.id, open_round.people[0], {outsider: 1})


def test_someone_not_checked_in_is_refused_when_the_round_requires_it(db: Database) -> None:
    absent = add_people(db, 1, checked_in=False)[0]
    found = add_ideas(db, {0: ["Radwege"]})
    with db.uow() as s:
        strict = voting.start_round(s, voting.create_round(s).id)
    with pytest.raises(DomainError, match="not been checked in"), db.read() as s:
        voting.voter_for(s, strict.id, absent)
    with pytest.raises(DomainError, match="not been checked in"), db.uow() as s:
        voting.cast_ballot(s, strict.id, absent, {found["Radwege"]: 1}, expected_revision=0)
    with db.uow() as s:
        voting.close_round(s, strict.id)
        lenient = voting.start_round(s, voting.create_round(s, require_checkin=False).id)
    assert cast(db, lenient.id, absent, {found["Radwege"]: 1}).dots == 1


def test_an_annulled_check_in_no_longer_counts(open_round: Setting) -> None:
    db = open_round.db
    with db.uow() as s:
        s.execute(
            update(CheckIn)
            .where(CheckIn.participant_id == open_round.people[0])
            .values(annulled_at=open_round.round.opened_at)
        )
    with pytest.raises(DomainError, match="not been checked in"), db.read() as s:
        voting.voter_for(s, open_round.round.id, open_round.people[0])


def test_no_voting_in_a_draft_or_closed_round(open_round: Setting) -> None:
    db, found = open_round.db, open_round.ideas
    with db.uow() as s:
        draft = voting.create_round(s)
    with pytest.raises(DomainError, match="not started yet"):
        cast(db, draft.id, open_round.people[0], {found["Radwege"]: 1})
    with db.uow() as s:
        voting.close_round(s, open_round.round.id)
    with pytest.raises(DomainError, match="has ended"), db.uow() as s:
        voting.cast_ballot(
            s, open_round.round.id, open_round.people[0], {found["Radwege"]: 1}, expected_revision=0
        )


def test_a_cast_ballot_stays_when_the_rules_forbid_changes(db: Database) -> None:
    people = add_people(db, 1)
    found = add_ideas(db, {0: ["Radwege", "Busse"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s, allow_change=False).id)
    cast(db, info.id, people[0], {found["Radwege"]: 1})
    with db.read() as s:
        voter = voting.voter_for(s, info.id, people[0])
    assert not voter.may_change
    with pytest.raises(DomainError, match="cannot be changed"), db.uow() as s:
        voting.cast_ballot(
            s, info.id, people[0], {found["Busse"]: 1}, expected_revision=voter.revision
        )


def test_a_station_holding_an_old_state_cannot_overwrite_a_newer_ballot(
    open_round: Setting,
) -> None:
    db, r, person, found = open_round.db, open_round.round, open_round.people[0], open_round.ideas
    with db.read() as s:
        at_station_1 = voting.voter_for(s, r.id, person)
        at_station_2 = voting.voter_for(s, r.id, person)
    with db.uow() as s:
        voting.cast_ballot(
            s, r.id, person, {found["Radwege"]: 2}, expected_revision=at_station_1.revision
        )
    with pytest.raises(ConflictError, match="another voting station"), db.uow() as s:
        voting.cast_ballot(
            s, r.id, person, {found["Busse"]: 2}, expected_revision=at_station_2.revision
        )
    with db.read() as s:
        assert voting.voter_for(s, r.id, person).dots == {found["Radwege"]: 2}


def test_a_station_unplugged_mid_ballot_leaves_nothing_half_written(
    open_round: Setting, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, r, person, found = open_round.db, open_round.round, open_round.people[0], open_round.ideas
    cast(db, r.id, person, {found["Radwege"]: 1})
    real_record = audit.record

    def power_cut(*args: object, **kwargs: object) -> None:
        raise OSError("the station lost power")

    # The failure strikes after the old dots were deleted and the new ones inserted.
    monkeypatch.setattr(audit, "record", power_cut)
    with pytest.raises(OSError, match="the station lost power"), db.uow() as s:
        voting.cast_ballot(
            s, r.id, person, {found["Busse"]: 2, found["Coworking"]: 2}, expected_revision=1
        )
    monkeypatch.setattr(audit, "record", real_record)
    with db.read() as s:
        voter = voting.voter_for(s, r.id, person)
        assert s.scalar(select(Ballot.revision)) == 1
    assert (voter.dots, voter.revision) == ({found["Radwege"]: 1}, 1)
    # The voter scans again and confirms: counted once.
    assert cast(db, r.id, person, {found["Busse"]: 2, found["Coworking"]: 2}).revision == 2
    with db.read() as s:
        assert voting.round_results(s, r.id).turnout.dots_used == 4


# -- the database itself refuses overspending ---------------------------------------------------


def _raw_dot(
    s: object, r: Setting, person: uuid.UUID, idea: uuid.UUID, **overrides: object
) -> None:
    """A second dot on "Radwege" beside the one ``cast`` placed, valid unless overridden."""
    with r.db.read() as rs:
        field_of = voting.ballot_sheet(rs, r.round.id).field_of()
    values = {
        "id": uuid.uuid4(),
        "device_id": r.db.device.id,
        "round_id": r.round.id,
        "participant_id": person,
        "idea_id": idea,
        "slot": 2,
        "budget": 4,
        "idea_slot": 2,
        "idea_cap": 2,
        "field_id": field_of.get(idea, field_of[r.ideas["Radwege"]]),
        "field_slot": 2,
        "field_cap": 4,
    }
    values.update(overrides)
    s.execute(insert(Dot).values(**values))  # type: ignore[attr-defined]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_round(request: pytest.FixtureRequest) -> Setting:
    """``open_round`` on an event file and on a PostgreSQL event."""
    database: Database = request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
    return _open_round(database)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def voted_round(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Setting]:
    """A round in which the first person put one dot on "Radwege", shared by the tests
    whose writes are all refused (so that each finds it as the last one left it)."""
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            template = request.getfixturevalue("event_template")
            path = tmp_path_factory.mktemp("constraints") / "veranstaltung.sdevent"
            database = event_file_copy(template, path)
        else:
            url = stack.enter_context(pg_event_copy(request.getfixturevalue("pg_copies")))
            database = open_database(url, TEST_DEVICE)
        stack.callback(database.close)
        setting = _open_round(database)
        cast(database, setting.round.id, setting.people[0], {setting.ideas["Radwege"]: 1})
        yield setting


def test_the_raw_dot_of_the_constraint_tests_is_valid_as_it_is(any_round: Setting) -> None:
    person, idea = any_round.people[0], any_round.ideas["Radwege"]
    cast(any_round.db, any_round.round.id, person, {idea: 1})
    with any_round.db.uow() as s:
        _raw_dot(s, any_round, person, idea)
    with any_round.db.read() as s:
        assert voting.voter_for(s, any_round.round.id, person).dots == {idea: 2}


@pytest.mark.parametrize(
    ("overrides", "constraint"),
    [
        ({"slot": 5}, "ck_dots_slot_in_budget"),  # beyond the budget
        ({"slot": 5, "budget": 5}, "fk_dots_round_budget"),  # a budget that is not the round's
        ({"idea_slot": 3}, "ck_dots_idea_slot_in_cap"),  # beyond the maximum per idea
        ({"idea_slot": 3, "idea_cap": 3}, "fk_dots_round_idea_cap"),  # a cap not the round's
        ({"field_slot": 5}, "ck_dots_field_slot_in_cap"),  # beyond the field's cap
        ({"field_slot": 5, "field_cap": 5}, "fk_dots_round_field_cap"),  # not the field's cap
        ({"slot": 1}, "uq_dots_round_id_participant_id_slot"),  # slot 1 taken twice
        ({"idea_slot": 1}, "uq_dots_idea_slot"),  # the idea's first dot twice
        ({"field_slot": 1}, "uq_dots_field_slot"),  # the field's first dot twice
    ],
)
def test_the_database_refuses_a_dot_beyond_any_limit(
    voted_round: Setting, overrides: dict[str, int], constraint: str
) -> None:
    person, idea = voted_round.people[0], voted_round.ideas["Radwege"]
    with refused_by(voted_round.db, constraint) as s:
        _raw_dot(s, voted_round, person, idea, **overrides)
    with voted_round.db.read() as s:
        assert voting.voter_for(s, voted_round.round.id, person).dots == {idea: 1}


def test_the_database_refuses_a_dot_without_ballot_or_off_the_list(any_round: Setting) -> None:
    person = any_round.people[1]
    with refused_by(any_round.db, "fk_dots_ballot") as s:
        _raw_dot(s, any_round, person, any_round.ideas["Radwege"])
    outsider = add_ideas(any_round.db, {0: ["Nachzügler"]})["Nachzügler"]
    cast(any_round.db, any_round.round.id, person, {any_round.ideas["Radwege"]: 1})
    with refused_by(any_round.db, "fk_dots_round_idea") as s:
        _raw_dot(s, any_round, person, outsider, idea_slot=1)


# -- badges at the station ------------------------------------------------------------------


def _payload(db: Database, number: int) -> str:
    with db.read() as s:
        return tickets.payload_for(s, number)


def test_a_scanned_badge_finds_the_voter_and_is_logged(open_round: Setting) -> None:
    db = open_round.db
    with db.uow() as s:
        voter = voting.scan_badge(
            s, open_round.round.id, _payload(db, 2) + "\n", station="Abstimmung 1"
        ).voter
    assert voter is not None
    assert (voter.participant_id, voter.first_name) == (open_round.people[1], "Anna2")
    with db.read() as s:
        assert [(row.verdict, row.desk) for row in s.scalars(select(ScanLog))] == [
            ("voting", "Abstimmung 1")
        ]


@pytest.mark.parametrize(
    ("make_raw", "reason", "message"),
    [
        (lambda good: good[:-1] + str((int(good[-1]) + 1) % 10), "forged", "not genuine"),
        (lambda good: "9999" + good[4:], "foreign", "another event"),
        (lambda good: "Müller", "garbled", "not a ticket code"),
        (lambda good: good[:12], "truncated", "incomplete"),
    ],
)
def test_a_bad_badge_is_refused_and_logged(
    open_round: Setting, make_raw: object, reason: str, message: str
) -> None:
    db = open_round.db
    raw = make_raw(_payload(db, 1))  # type: ignore[operator]
    with db.uow() as s:
        scan = voting.scan_badge(s, open_round.round.id, raw, station="Abstimmung 1")
    assert scan.voter is None and scan.reason == reason
    assert isinstance(scan.problem, tickets.TicketRejected)
    assert re.search(message, scan.problem.english())
    with db.read() as s:
        assert [(row.verdict, row.reason) for row in s.scalars(select(ScanLog))] == [
            ("rejected", f"voting: {reason}")
        ]


def test_the_badge_of_someone_not_checked_in_is_refused_with_their_number(
    open_round: Setting,
) -> None:
    db = open_round.db
    add_people(db, 1, checked_in=False, first=7)
    with db.uow() as s:
        scan = voting.scan_badge(s, open_round.round.id, _payload(db, 7), station="Abstimmung 1")
    assert scan.voter is None and scan.reason == "refused"
    assert scan.problem is not None and "Badge 7 has not been checked in" in scan.problem.english()
    with db.read() as s:
        assert [row.verdict for row in s.scalars(select(ScanLog))] == ["refused"]


def test_the_order_is_shuffled_per_voter_and_stable_for_each(db: Database) -> None:
    add_ideas(db, {0: [f"Idee {n}" for n in range(12)]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s).id)
        sheet = voting.ballot_sheet(s, info.id)
    one, two = uuid.uuid4(), uuid.uuid4()
    order = [i.text for i in sheet.shuffled_for(one).fields[0].ideas]
    assert order == [i.text for i in sheet.shuffled_for(one).fields[0].ideas]
    assert order != [i.text for i in sheet.shuffled_for(two).fields[0].ideas]
    assert sorted(order) == sorted(i.text for i in sheet.fields[0].ideas)


def test_the_draft_never_lets_a_tap_break_a_rule(db: Database) -> None:
    found = add_ideas(db, {0: ["A", "B", "C"], 1: ["D"]})
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(
            s,
            dots_per_participant=4,
            max_dots_per_idea=2,
            field_ids=fields[:2],
            budgets={fields[0]: 3},
        )
        sheet = voting.ballot_sheet(s, voting.start_round(s, info.id).id)
    draft = voting.BallotDraft(sheet.round.rules, sheet.field_of())
    a, b, c, d = (found[k] for k in "ABCD")
    assert [draft.add(a), draft.add(a), draft.add(a)] == [True, True, False]  # max per idea
    assert [draft.add(b), draft.add(c)] == [True, False]  # field budget of 3
    assert (draft.left, draft.left_in(fields[0]), draft.left_in(fields[1])) == (1, 0, 1)
    assert [draft.add(d), draft.add(d)] == [True, False]  # all 4 dots used
    assert draft.remove(a) and not draft.remove(c)
    assert draft.dots == {a: 1, b: 1, d: 1}
    assert not draft.add(uuid.uuid4())


# -- paper tallies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "message"), [(-1, "0 or more"), (1001, "cannot be right"), (2.5, "whole number")]
)
def test_a_negative_or_absurd_paper_count_is_refused(
    open_round: Setting, count: int, message: str
) -> None:
    with pytest.raises(DomainError, match=message), open_round.db.uow() as s:
        voting.set_paper_tally(s, open_round.round.id, open_round.ideas["Radwege"], count)


def test_paper_counts_are_replaced_removed_and_frozen_with_the_round(open_round: Setting) -> None:
    db, r, idea = open_round.db, open_round.round, open_round.ideas["Busse"]
    with db.uow() as s:
        voting.set_paper_tally(s, r.id, idea, 7, note="Plakat Tisch 1")
        voting.set_paper_tally(s, r.id, idea, 9, note="nachgezählt")
    with db.read() as s:
        tally = voting.paper_tallies(s, r.id)[idea]
    assert (tally.dots, tally.note) == (9, "nachgezählt")
    with db.uow() as s:
        voting.set_paper_tally(s, r.id, idea, 0)
        assert voting.paper_tallies(s, r.id) == {}
        voting.set_paper_tally(s, r.id, idea, 3)
        voting.close_round(s, r.id)
    with pytest.raises(DomainError, match="closed"), db.uow() as s:
        voting.set_paper_tally(s, r.id, idea, 4)


# -- results -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "backend",
    ["db", pytest.param("pg_db", marks=pytest.mark.postgres)],
    ids=["sqlite", "postgresql"],
)
def test_results_match_a_tally_counted_by_hand(
    backend: str, request: pytest.FixtureRequest
) -> None:
    db: Database = request.getfixturevalue(backend)
    people = add_people(db, 5)  # the fifth is present but does not vote
    add_people(db, 1, checked_in=False, first=6)
    found = add_ideas(
        db, {0: ["Radwege", "Busse", "Leihräder", "Radwege doppelt"], 1: ["Coworking", "Glasfaser"]}
    )
    a, b, c, d, e, f = (
        found[k]
        for k in ("Radwege", "Busse", "Leihräder", "Radwege doppelt", "Coworking", "Glasfaser")
    )
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(
            s,
            "Priorisierung",
            dots_per_participant=4,
            max_dots_per_idea=2,
            field_ids=fields[:2],
            budgets={fields[1]: 2},
        )
        info = voting.start_round(s, info.id)
    cast(db, info.id, people[0], {a: 2, b: 1, e: 1})
    cast(db, info.id, people[1], {b: 2, d: 1, f: 1})
    cast(db, info.id, people[2], {a: 1, c: 1, e: 1})
    cast(db, info.id, people[2], {a: 1, c: 1, e: 2})  # changed: counts once, as changed
    cast(db, info.id, people[3], {d: 2, c: 1})
    with db.uow() as s:
        voting.set_paper_tally(s, info.id, b, 3)
        voting.set_paper_tally(s, info.id, c, 1)
        voting.set_paper_tally(s, info.id, f, 2)
        voting.close_round(s, info.id)
    with db.uow() as s:
        # Found to be a duplicate after the vote: its dots go to "Radwege", the recorded tally stays.
        ideas.merge(s, d, a)
        results = voting.round_results(s, info.id)

    # By hand: device A3 B3 C2 D3 E3 F1; paper B3 C1 F2; D merged into A.
    # Totals A 6, B 6, C 3, E 3, F 3.
    overall = {
        i.text: (i.device_dots, i.paper_dots, i.total, i.rank, i.tied, i.voters)
        for i in results.overall
    }
    assert overall == {
        "Radwege": (6, 0, 6, 1, True, 4),
        "Busse": (3, 3, 6, 1, True, 2),
        "Leihräder": (2, 1, 3, 3, True, 2),
        "Coworking": (3, 0, 3, 3, True, 2),
        "Glasfaser": (1, 2, 3, 3, True, 1),
    }
    radwege = next(i for i in results.overall if i.idea_id == a)
    assert radwege.merged_from == (voting.MergedIdea(d, "Radwege doppelt", 3, 0),)
    mobility, economy = results.fields
    assert [(i.text, i.rank, i.tied) for i in mobility.ideas] == [
        ("Busse", 1, True),
        ("Radwege", 1, True),
        ("Leihräder", 3, False),
    ]
    assert (mobility.device_dots, mobility.paper_dots, mobility.total) == (11, 4, 15)
    assert [(i.text, i.rank, i.tied) for i in economy.ideas] == [
        ("Coworking", 1, True),
        ("Glasfaser", 1, True),
    ]
    assert (economy.budget, economy.device_dots, economy.paper_dots) == (2, 4, 2)
    t = results.turnout
    assert (t.ballots_cast, t.eligible, t.dots_used, t.dots_available, t.paper_dots) == (
        4,
        5,
        15,
        20,
        6,
    )
    assert (t.ballot_share, t.dot_share) == (0.8, 0.75)
    assert [[i.text for i in group] for group in results.tied_groups] == [
        ["Busse", "Radwege"],
        ["Coworking", "Glasfaser", "Leihräder"],
    ]
    assert results.round.rules.fields[1].budget == 2
    assert len(results.tally_sha256) == 64 and results.tally_intact is True


def test_closing_records_a_hash_that_shows_a_later_change(open_round: Setting) -> None:
    db, r, found = open_round.db, open_round.round, open_round.ideas
    cast(db, r.id, open_round.people[0], {found["Radwege"]: 2})
    with db.uow() as s:
        closed = voting.close_round(s, r.id)
        assert voting.verify_tally(s, r.id)
        again = voting.tally_json(s, r.id)
    assert closed.tally_sha256 and closed.status == "closed" and closed.closed_at is not None
    with pytest.raises(DomainError, match="closed already"), db.uow() as s:
        voting.close_round(s, r.id)
    # Somebody edits the file behind the application's back.
    with db.uow() as s:
        s.execute(update(Dot).values(idea_id=found["Busse"]))
    with db.read() as s:
        assert not voting.verify_tally(s, r.id)
        assert voting.round_results(s, r.id).tally_intact is False
        assert voting.tally_json(s, r.id) != again


def test_the_tally_is_the_same_bytes_for_the_same_data(open_round: Setting) -> None:
    db, r, found = open_round.db, open_round.round, open_round.ideas
    cast(db, r.id, open_round.people[0], {found["Radwege"]: 2, found["Glasfaser"]: 1})
    with db.uow() as s:
        voting.set_paper_tally(s, r.id, found["Busse"], 4)
    with db.read() as s:
        assert voting.tally_json(s, r.id) == voting.tally_json(s, r.id)
        assert '"paper":4' in voting.tally_json(s, r.id)


def test_a_runoff_decides_between_the_best_tied_ideas(open_round: Setting) -> None:
    db, r, found, people = open_round.db, open_round.round, open_round.ideas, open_round.people
    cast(db, r.id, people[0], {found["Radwege"]: 2, found["Busse"]: 2})
    cast(db, r.id, people[1], {found["Coworking"]: 1})
    with db.uow() as s:
        voting.close_round(s, r.id)
        runoff = voting.create_runoff(s, r.id)
        assert runoff.runoff_of_number == 1 and runoff.title == "Stichwahl zu Abstimmung 1"
        runoff = voting.start_round(s, runoff.id)
        sheet = voting.ballot_sheet(s, runoff.id)
    assert sorted(i.text for f in sheet.fields for i in f.ideas) == ["Busse", "Radwege"]
    assert (runoff.rules.dots_per_participant, runoff.idea_count) == (1, 2)
    cast(db, runoff.id, people[2], {found["Busse"]: 1})
    with db.uow() as s:
        voting.close_round(s, runoff.id)
        assert [i.text for i in voting.round_results(s, runoff.id).overall] == ["Busse", "Radwege"]
        with pytest.raises(DomainError, match="No ideas share a rank"):
            voting.create_runoff(s, runoff.id)


def test_a_runoff_needs_a_closed_round(open_round: Setting) -> None:
    with pytest.raises(DomainError, match="closed round"), open_round.db.uow() as s:
        voting.create_runoff(s, open_round.round.id)


def test_turnout_and_the_round_list(open_round: Setting) -> None:
    db, r, found = open_round.db, open_round.round, open_round.ideas
    cast(db, r.id, open_round.people[0], {found["Radwege"]: 1, found["Busse"]: 1})
    with db.uow() as s:
        voting.set_paper_tally(s, r.id, found["Busse"], 5)
        t = voting.turnout(s, r.id)
        listed = voting.list_rounds(s)
        assert voting.current_round(s) is not None and voting.latest_round(s) is not None
    assert (t.ballots_cast, t.eligible, t.dots_used, t.dots_available, t.paper_dots) == (
        1,
        4,
        2,
        16,
        5,
    )
    assert [(x.number, x.ballots_cast, x.idea_count, x.status) for x in listed] == [
        (1, 1, 5, "open")
    ]


def test_every_action_is_in_the_audit_feed(open_round: Setting) -> None:
    from smartdialog.core.services import audit

    db, r, found = open_round.db, open_round.round, open_round.ideas
    cast(db, r.id, open_round.people[0], {found["Radwege"]: 1})
    cast(db, r.id, open_round.people[0], {found["Radwege"]: 2})
    with db.uow() as s:
        voting.set_paper_tally(s, r.id, found["Busse"], 5)
        voting.close_round(s, r.id)
        actions = [c.action for c in audit.changes_since(s, 0) if c.object_type == "round"]
    assert actions == [
        "round.created",
        "round.opened",
        "ballot.cast",
        "ballot.changed",
        "paper_tally.set",
        "round.closed",
    ]


# -- the admin PIN -------------------------------------------------------------------------------


def test_the_admin_pin_is_stored_as_a_salted_hash(db: Database) -> None:
    with db.uow() as s:
        assert not setup.has_admin_pin(s)
        assert not setup.check_admin_pin(s, "")
        setup.set_admin_pin(s, "2018")
        stored = setup.current_event(s).admin_pin_hash
        assert setup.check_admin_pin(s, "2018")
        assert not setup.check_admin_pin(s, "2019")
    assert "2018" not in stored and stored.startswith("pbkdf2_sha256$")
    assert stored.split("$")[1] == str(setup.PIN_ITERATIONS)


def test_a_pin_of_the_product_is_hashed_with_many_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests hash with fewer rounds (tests/conftest.py); the product with these.
    assert PIN_ITERATIONS_OF_THE_PRODUCT >= 200_000
    monkeypatch.setattr(setup, "PIN_ITERATIONS", PIN_ITERATIONS_OF_THE_PRODUCT)
    stored = setup.new_pin_hash("2018")
    assert stored.split("$")[1] == str(PIN_ITERATIONS_OF_THE_PRODUCT)
    assert setup.pin_matches(stored, "2018") and not setup.pin_matches(stored, "2019")


@pytest.mark.parametrize("pin", ["123", "12a4", "1234567890123", "١٢٣٤"])
def test_a_weak_or_odd_pin_is_refused(db: Database, pin: str) -> None:
    with pytest.raises(DomainError, match="4 to 12 digits"), db.uow() as s:
        setup.set_admin_pin(s, pin)


def test_paper_tally_table_refuses_an_idea_off_the_list(open_round: Setting) -> None:
    outsider = add_ideas(open_round.db, {0: ["Nachzügler"]})["Nachzügler"]
    with pytest.raises(DomainError, match="not part of the voting round"), open_round.db.uow() as s:
        voting.set_paper_tally(s, open_round.round.id, outsider, 2)
    with refused_by(open_round.db, "fk_paper_tallies_round_idea") as s:
        s.add(PaperTally(round_id=open_round.round.id, idea_id=outsider, dots=2))
        s.flush()


def test_a_closed_rounds_turnout_stays_as_it_was_at_closing(open_round: Setting) -> None:
    db, r, found = open_round.db, open_round.round, open_round.ideas
    cast(db, r.id, open_round.people[0], {found["Radwege"]: 1})
    with db.uow() as s:
        voting.close_round(s, r.id)
    # Afterwards a check-in is annulled and somebody new arrives.
    with db.uow() as s:
        s.execute(
            update(CheckIn)
            .where(CheckIn.participant_id == open_round.people[1])
            .values(annulled_at=r.opened_at)
        )
    add_people(db, 2, first=10)
    with db.read() as s:
        t = voting.round_results(s, r.id).turnout
        assert voting.turnout(s, r.id) == t
    assert (t.ballots_cast, t.eligible, t.dots_available) == (1, 4, 16)


def test_results_can_skip_the_tally_check(open_round: Setting) -> None:
    cast(open_round.db, open_round.round.id, open_round.people[0], {open_round.ideas["Busse"]: 1})
    with open_round.db.uow() as s:
        voting.close_round(s, open_round.round.id)
        checked = voting.round_results(s, open_round.round.id)
        quick = voting.round_results(s, open_round.round.id, verify=False)
    assert checked.tally_intact is True and quick.tally_intact is None
    assert quick.overall == checked.overall and quick.tally_sha256 == checked.tally_sha256
