"""Trust: roles with PINs, a chained audit log, budgets without foreign keys, secret ballots,
a tally checked against the hash written down on the day.  Services only, no Qt."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from smartdialog.core.db import Database, open_database
from smartdialog.core.errors import AccessDenied, DomainError
from smartdialog.core.models import AuditEntry, Ballot, Dot, Participant
from smartdialog.core.services import (
    audit,
    checkin,
    minutes,
    privacy,
    registration,
    roles,
    setup,
    tickets,
    verification,
    voting,
)
from smartdialog.core.services.registration import WalkIn

from .conftest import TEST_DEVICE
from .test_voting_service import Setting, add_ideas, add_people, cast


@pytest.fixture
def ballot_round(db: Database) -> Setting:
    people = add_people(db, 4)
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Coworking", "Glasfaser"]})
    with db.uow() as s:
        created = voting.create_round(s, "Runde 1", dots_per_participant=4, max_dots_per_idea=2)
        info = voting.start_round(s, created.id)
    return Setting(db, info, people, found)


# -- the audit chain ------------------------------------------------------------------------


def test_every_audit_entry_carries_the_hash_of_the_one_before(db: Database) -> None:
    with db.uow() as s:
        setup.add_station(s, "Tisch 9")
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.prev_hash, AuditEntry.entry_hash).order_by(AuditEntry.seq)
        ).all()
        assert len(rows) >= 2
        assert rows[0].prev_hash == audit.GENESIS
        for before, after in itertools.pairwise(rows):
            assert after.prev_hash == before.entry_hash
        assert audit.verify_chain(s).intact


def _raw(db: Database) -> contextlib.closing[sqlite3.Connection]:
    assert db.path is not None
    return contextlib.closing(sqlite3.connect(db.path, isolation_level=None))


def test_an_edited_audit_line_breaks_the_chain_from_there_on(db: Database) -> None:
    with db.uow() as s:
        for n in range(4):
            setup.add_station(s, f"Tisch {n}")
    with db.read() as s:
        seqs = list(s.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
    edited = seqs[2]
    with _raw(db) as conn:
        conn.execute("UPDATE audit_log SET summary = 'Tisch X' WHERE seq = ?", (edited,))
    with db.read() as s:
        check = audit.verify_chain(s)
    assert not check.intact and check.first_broken_seq == edited

    # Recomputing the edited entry's own hash moves the break to the next entry, and so on.
    with db.read() as s:
        row = s.get_one(AuditEntry, edited)
        forged = audit.entry_hash(
            row.prev_hash,
            row.id,
            row.at,
            row.device_id,
            row.role,
            row.action,
            row.object_type,
            row.object_id,
            row.summary,
        )
    with _raw(db) as conn:
        conn.execute("UPDATE audit_log SET entry_hash = ? WHERE seq = ?", (forged, edited))
    with db.read() as s:
        assert audit.verify_chain(s).first_broken_seq == seqs[3]


@pytest.mark.postgres
def test_concurrent_writers_on_postgresql_keep_the_chain_linear(pg_db: Database) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def write(n: int) -> None:
        with pg_db.uow() as s:
            audit.record(s, "test.entry", summary=str(n))

    with ThreadPoolExecutor(6) as pool:
        list(pool.map(write, range(60)))
    with pg_db.read() as s:
        assert audit.verify_chain(s).intact
        assert (s.scalar(select(func.count()).select_from(AuditEntry)) or 0) >= 60


@pytest.mark.postgres
def test_scans_that_take_the_chain_lock_in_their_check_in_keep_the_chain_linear(
    pg_db: Database,
) -> None:
    # A welcome takes the chain's lock inside its check-in statement, not in a statement
    # of its own: desks scanning at once, beside other writes, still chain one by one.
    from concurrent.futures import ThreadPoolExecutor

    with pg_db.uow() as s:
        people = [registration.register_walk_in(s, WalkIn(f"Gast{i}", "Kette")) for i in range(48)]
        payloads = [tickets.payload_for(s, p.ticket_number) for p in people]

    # Every fourth write is another laptop's, which takes the lock in a statement of its own.
    work: list[str | None] = [*payloads]
    for i in range(0, len(work) + 16, 4):
        work.insert(i, None)

    def write(payload: str | None) -> str:
        with pg_db.uow() as s:
            if payload is None:
                audit.record(s, "test.entry")
                return "welcome"
            return checkin.scan(s, payload, f"Empfang {len(payload) % 3}").verdict

    with ThreadPoolExecutor(6) as pool:
        verdicts = list(pool.map(write, work))
    assert set(verdicts) == {"welcome"}
    with pg_db.read() as s:
        assert audit.verify_chain(s).intact


# -- the dot budget without foreign keys ------------------------------------------------------


def _dot(setting: Setting, voter: uuid.UUID, idea: str, **changes: int) -> dict[str, object]:
    db = setting.db
    with db.read() as s:
        sheet = voting.ballot_sheet(s, setting.round.id)
        field_id = sheet.field_of()[setting.ideas[idea]]
        rules = sheet.round.rules
    values: dict[str, object] = {
        "id": uuid.uuid4().hex,
        "device_id": db.device.id.hex,
        "created_at": "2026-11-30 10:00:00.000000",
        "round_id": setting.round.id.hex,
        "participant_id": voter.hex,
        "idea_id": setting.ideas[idea].hex,
        "field_id": field_id.hex,
        "slot": 1,
        "budget": rules.dots_per_participant,
        "idea_slot": 1,
        "idea_cap": rules.max_dots_per_idea,
        "field_slot": 1,
        "field_cap": rules.cap_of(field_id),
    }
    values.update(changes)
    return values


def _insert_without_foreign_keys(db: Database, values: dict[str, object]) -> None:
    with _raw(db) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (0,)
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        conn.execute(f"INSERT INTO dots ({columns}) VALUES ({marks})", tuple(values.values()))


def test_a_fifth_dot_of_a_four_dot_voter_is_refused_without_foreign_keys(
    ballot_round: Setting,
) -> None:
    voter = ballot_round.people[0]
    ideas = ballot_round.ideas
    cast(ballot_round.db, ballot_round.round.id, voter, {ideas["Radwege"]: 2, ideas["Busse"]: 2})
    with pytest.raises(sqlite3.IntegrityError, match="dot_budget"):
        _insert_without_foreign_keys(
            ballot_round.db, _dot(ballot_round, voter, "Glasfaser", slot=5, budget=5)
        )


def test_a_third_dot_on_one_idea_is_refused_without_foreign_keys(ballot_round: Setting) -> None:
    voter = ballot_round.people[0]
    cast(ballot_round.db, ballot_round.round.id, voter, {ballot_round.ideas["Radwege"]: 2})
    with pytest.raises(sqlite3.IntegrityError, match="dot_budget"):
        _insert_without_foreign_keys(
            ballot_round.db,
            _dot(ballot_round, voter, "Radwege", slot=3, idea_slot=3, idea_cap=3, field_slot=3),
        )


def test_a_field_budget_holds_without_foreign_keys(db: Database) -> None:
    people = add_people(db, 1)
    found = add_ideas(db, {0: ["Radwege", "Busse"], 1: ["Glasfaser"]})
    with db.read() as s:
        mobility = setup.list_fields(s)[0].id
    with db.uow() as s:
        created = voting.create_round(
            s, "Runde", dots_per_participant=4, max_dots_per_idea=2, budgets={mobility: 1}
        )
        info = voting.start_round(s, created.id)
    setting = Setting(db, info, people, found)
    cast(db, info.id, people[0], {found["Radwege"]: 1})
    with pytest.raises(sqlite3.IntegrityError, match="dot_budget"):
        _insert_without_foreign_keys(
            db, _dot(setting, people[0], "Busse", slot=2, field_slot=2, field_cap=2)
        )


def test_the_rules_of_a_round_with_dots_cannot_be_raised_without_foreign_keys(
    ballot_round: Setting,
) -> None:
    voter = ballot_round.people[0]
    cast(ballot_round.db, ballot_round.round.id, voter, {ballot_round.ideas["Radwege"]: 1})
    with _raw(ballot_round.db) as conn, pytest.raises(sqlite3.IntegrityError, match="dot_budget"):
        conn.execute(
            "UPDATE voting_rounds SET dots_per_participant = 9 WHERE id = ?",
            (ballot_round.round.id.hex,),
        )


@pytest.mark.postgres
def test_the_budget_trigger_holds_on_postgresql_without_the_foreign_key(pg_db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    people = add_people(pg_db, 1)
    found = add_ideas(pg_db, {0: ["Radwege"], 1: ["Glasfaser"]})
    with pg_db.uow() as s:
        created = voting.create_round(s, "Runde", dots_per_participant=2, max_dots_per_idea=2)
        info = voting.start_round(s, created.id)
    cast(pg_db, info.id, people[0], {found["Radwege"]: 2})
    setting = Setting(pg_db, info, people, found)
    values = _dot(setting, people[0], "Glasfaser", slot=3, budget=3)
    values["created_at"] = "2026-11-30 10:00:00"
    with pg_db.engine.connect() as conn:
        conn.execute(text("ALTER TABLE dots DROP CONSTRAINT fk_dots_round_budget"))
        columns = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        with pytest.raises(IntegrityError, match="dot_budget"):
            conn.execute(text(f"INSERT INTO dots ({columns}) VALUES ({marks})"), values)
        conn.rollback()


# -- the secret ballot -----------------------------------------------------------------------


def test_closing_a_round_cuts_every_ballot_from_its_voter(ballot_round: Setting) -> None:
    db, round_id, ideas = ballot_round.db, ballot_round.round.id, ballot_round.ideas
    cast(db, round_id, ballot_round.people[0], {ideas["Radwege"]: 2, ideas["Glasfaser"]: 1})
    cast(db, round_id, ballot_round.people[1], {ideas["Busse"]: 1})
    cast(db, round_id, ballot_round.people[2], {ideas["Radwege"]: 1, ideas["Coworking"]: 2})
    with db.read() as s:
        before = voting.round_results(s, round_id)
        report = privacy.person_report(s, ballot_round.people[0])
        assert report["ballots"], "while the round is open, the person's ballot is theirs"
    with db.uow() as s:
        closed = voting.close_round(s, round_id)
    with db.read() as s:
        after = voting.round_results(s, round_id)
        people = set(s.scalars(select(Participant.id)))
        voters = set(s.scalars(select(Ballot.participant_id)))
        dot_voters = set(s.scalars(select(Dot.participant_id)))
        ballot_ids = set(s.scalars(select(Ballot.id)))
        assert len(voters) == 3 and not voters & people and not dot_voters & people
        assert voters == ballot_ids and dot_voters <= ballot_ids
        assert set(s.scalars(select(Ballot.submitted_at))) == {None}
        assert set(s.scalars(select(Ballot.station))) == {""}
        for person in ballot_round.people:
            assert privacy.person_report(s, person)["ballots"] == []
        # The tally is the same, and the hash taken at closing still holds.
        assert [(i.idea_id, i.total, i.voters) for i in after.overall] == [
            (i.idea_id, i.total, i.voters) for i in before.overall
        ]
        assert after.turnout.ballots_cast == 3 and after.turnout.dots_used == 7
        assert after.tally_sha256 == closed.tally_sha256 and after.tally_intact
        assert voting.verify_tally(s, round_id)


def test_no_audit_entry_of_a_ballot_tells_how_many_dots_it_gave(ballot_round: Setting) -> None:
    db, round_id, ideas = ballot_round.db, ballot_round.round.id, ballot_round.ideas
    cast(db, round_id, ballot_round.people[0], {ideas["Radwege"]: 2, ideas["Glasfaser"]: 1})
    with db.read() as s:
        summaries = list(
            s.scalars(select(AuditEntry.summary).where(AuditEntry.action.like("ballot.%")))
        )
    assert summaries and not any("dot" in x or "3" in x.split(":")[-1] for x in summaries)


# -- checking the file against the hash written down --------------------------------------------


def _closed_round(setting: Setting) -> str:
    db, round_id, ideas = setting.db, setting.round.id, setting.ideas
    cast(db, round_id, setting.people[0], {ideas["Radwege"]: 2})
    cast(db, round_id, setting.people[1], {ideas["Busse"]: 1})
    with db.uow() as s:
        return voting.close_round(s, round_id).tally_sha256


def test_the_written_hash_is_read_with_spaces_and_any_case(ballot_round: Setting) -> None:
    digest = _closed_round(ballot_round)
    written = verification.hash_groups(digest).upper()
    assert written.count(" ") == 15
    with ballot_round.db.read() as s:
        verdict = verification.verify_round(s, ballot_round.round.number, written)
    assert verdict.ok and verdict.chain.intact


def test_a_recomputed_stored_hash_does_not_match_what_was_written_down(
    ballot_round: Setting,
) -> None:
    digest = _closed_round(ballot_round)
    db = ballot_round.db
    # Somebody moves a dot from Busse to Radwege-like Coworking and recomputes the stored hash.
    with _raw(db) as conn:
        conn.execute(
            "UPDATE dots SET idea_id = ?, field_id = (SELECT field_id FROM round_ideas "
            "WHERE idea_id = ?) WHERE idea_id = ?",
            (
                ballot_round.ideas["Leihräder"].hex,
                ballot_round.ideas["Leihräder"].hex,
                ballot_round.ideas["Busse"].hex,
            ),
        )
    with db.read() as s:
        import hashlib

        forged = hashlib.sha256(voting.tally_json(s, ballot_round.round.id).encode()).hexdigest()
    with _raw(db) as conn:
        conn.execute(
            "UPDATE voting_rounds SET tally_sha256 = ? WHERE id = ?",
            (forged, ballot_round.round.id.hex),
        )
    with db.read() as s:
        assert voting.verify_tally(s, ballot_round.round.id), "the file agrees with itself"
        verdict = verification.verify_round(s, ballot_round.round.number, digest)
    assert not verdict.ok and not verdict.tally_matches and not verdict.stored_matches


def test_a_written_hash_that_is_no_hash_is_explained(ballot_round: Setting) -> None:
    _closed_round(ballot_round)
    with ballot_round.db.read() as s, pytest.raises(DomainError, match="64 characters"):
        verification.verify_round(s, ballot_round.round.number, "abc 123")


# -- roles and PINs ---------------------------------------------------------------------------


def test_without_a_verwaltung_pin_the_roles_do_not_apply(db: Database) -> None:
    with db.read() as s:
        access = roles.access(s)
        assert not access.applies
        assert access.allowed(roles.DESK, "privacy")
        assert roles.unlocks(s, roles.OFFICE, "")


def test_once_the_verwaltung_pin_is_set_each_role_may_only_its_own(db: Database) -> None:
    with db.uow() as s:
        roles.set_role_pin(s, roles.OFFICE, "9999")
        roles.set_role_pin(s, roles.DESK, "1111", authorisation="9999")
        roles.set_role_pin(s, roles.MODERATION, "2222", authorisation="9999")
    with db.read() as s:
        access = roles.access(s)
        assert access.applies
        assert not access.allowed(roles.DESK, "privacy")
        assert not access.allowed(roles.DESK, "paper")
        assert access.allowed(roles.MODERATION, "paper")
        assert not access.allowed(roles.MODERATION, "minutes")
        assert access.allowed(roles.OFFICE, "privacy")
        assert roles.unlocks(s, roles.MODERATION, "2222")
        assert roles.unlocks(s, roles.MODERATION, "9999")
        assert not roles.unlocks(s, roles.MODERATION, "1111")
        assert not roles.unlocks(s, roles.OFFICE, "2222")
        assert roles.role_of_pin(s, "2222", "paper") == roles.MODERATION
        assert roles.role_of_pin(s, "1111", "paper") is None


def test_changing_any_pin_needs_the_verwaltung_pin(db: Database) -> None:
    with db.uow() as s:
        setup.set_admin_pin(s, "4321")
    # Before a Verwaltung PIN: replacing the station PIN needs the old one.
    with db.uow() as s, pytest.raises(AccessDenied):
        setup.set_admin_pin(s, "0000")
    with db.uow() as s:
        setup.set_admin_pin(s, "5555", authorisation="4321")
        roles.set_role_pin(s, roles.OFFICE, "9999")
    for wrong in (None, "5555", "1234"):
        with db.uow() as s, pytest.raises(AccessDenied):
            setup.set_admin_pin(s, "0000", authorisation=wrong)
        with db.uow() as s, pytest.raises(AccessDenied):
            roles.set_role_pin(s, roles.OFFICE, "0000", authorisation=wrong)
    with db.uow() as s:
        setup.set_admin_pin(s, "0000", authorisation="9999")
        assert setup.check_admin_pin(s, "0000")


def test_the_audit_log_names_role_and_laptop(db: Database) -> None:
    from smartdialog.core.db import DeviceIdentity

    desk = Database(db.engine, DeviceIdentity(uuid.UUID(int=7), "Empfang 2", roles.DESK))
    desk.register_device()
    with desk.uow() as s:
        setup.add_station(s, "Tisch 7")
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert (entry.role, entry.device_id) == (roles.DESK, uuid.UUID(int=7))


def test_a_service_refuses_a_laptop_whose_role_may_not(db: Database) -> None:
    from smartdialog.core.db import DeviceIdentity

    with db.uow() as s:
        roles.set_role_pin(s, roles.OFFICE, "9999")
    desk = Database(db.engine, DeviceIdentity(uuid.UUID(int=7), "Empfang 2", roles.DESK))
    with desk.read() as s, pytest.raises(AccessDenied, match="may not"):
        roles.require(s, "privacy")
    with db.read() as s:
        roles.require(s, "privacy")


# -- the command line ---------------------------------------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from smartdialog import cli

    code = cli.main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_on_the_command_line_gives_a_clear_verdict(
    ballot_round: Setting, capsys: pytest.CaptureFixture[str]
) -> None:
    digest = _closed_round(ballot_round)
    path = str(ballot_round.db.path)
    ballot_round.db.close()
    written = verification.hash_groups(digest).upper()
    code, out, _ = _cli(capsys, "verify", path, "--round", "1", "--hash", written)
    assert code == 0 and out.startswith("MATCHES")
    other = "0" * 64
    code, out, _ = _cli(capsys, "verify", path, "--round", "1", "--hash", other)
    assert code == 3 and out.startswith("DOES NOT MATCH")
    with _raw(ballot_round.db) as conn:
        conn.execute("UPDATE audit_log SET role = 'desk' WHERE seq = 3")
    code, out, _ = _cli(capsys, "verify", path, "--round", "1", "--hash", digest)
    assert code == 3 and "entry 3 " in out
    code, _, err = _cli(capsys, "verify", path, "--round", "1", "--hash", "12ab")
    assert code == 1 and "64 characters" in err


def test_the_protocol_carries_the_hash_in_groups(
    ballot_round: Setting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    digest = _closed_round(ballot_round)
    path = str(ballot_round.db.path)
    out = tmp_path / "protokoll.pdf"
    code, _, _ = _cli(capsys, "protocol", path, "--out", str(out))
    assert code == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Abstimmungsprotokoll" in text and "Runde 1: Runde 1" in text
    for group in verification.hash_groups(digest).split():
        assert group in text
    assert "Moderation (Name, Unterschrift)" in text and "Seite 1 von 1" in text


def test_a_job_asks_for_the_pin_of_a_role_that_may(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.uow() as s:
        roles.set_role_pin(s, roles.OFFICE, "9999")
        roles.set_role_pin(s, roles.DESK, "1111", authorisation="9999")
        roles.set_role_pin(s, roles.MODERATION, "2222", authorisation="9999")
    path = str(db.path)
    db.close()
    monkeypatch.delenv("SMARTDIALOG_PIN", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = _cli(capsys, "round", "list", path)
    assert code == 2 and "SMARTDIALOG_PIN" in err and "Moderation" in err
    monkeypatch.setenv("SMARTDIALOG_PIN", "1111")
    code, _, err = _cli(capsys, "round", "list", path)
    assert code == 1 and "Wrong PIN" in err
    monkeypatch.setenv("SMARTDIALOG_PIN", "2222")
    code, _, _ = _cli(capsys, "round", "new", path, "--title", "Runde A")
    assert code == 0
    code, _, err = _cli(capsys, "privacy", path, "--person", "1")
    assert code == 1 and "Wrong PIN" in err
    # The job ran in the role whose PIN was entered, and the audit log says so.
    reopened = open_database(path, TEST_DEVICE, read_only=True)
    try:
        with reopened.read() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "round.created")).one()
            assert entry.role == roles.MODERATION
    finally:
        reopened.close()
    # A terminal is asked (hidden input) when there is no variable.
    monkeypatch.delenv("SMARTDIALOG_PIN")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "9999")
    code, _, _ = _cli(capsys, "round", "list", path)
    assert code == 0


@pytest.mark.postgres
def test_closing_a_round_on_postgresql_cuts_the_ballots_and_keeps_the_tally(
    pg_db: Database,
) -> None:
    people = add_people(pg_db, 3)
    found = add_ideas(pg_db, {0: ["Radwege", "Busse"], 1: ["Glasfaser"]})
    with pg_db.uow() as s:
        info = voting.start_round(s, voting.create_round(s, "Runde").id)
    cast(pg_db, info.id, people[0], {found["Radwege"]: 2, found["Glasfaser"]: 1})
    cast(pg_db, info.id, people[1], {found["Busse"]: 1})
    with pg_db.read() as s:
        before = [(i.idea_id, i.total, i.voters) for i in voting.round_results(s, info.id).overall]
    with pg_db.uow() as s:
        voting.close_round(s, info.id)
    with pg_db.read() as s:
        after = voting.round_results(s, info.id)
        assert [(i.idea_id, i.total, i.voters) for i in after.overall] == before
        assert after.tally_intact and audit.verify_chain(s).intact
        assert not set(s.scalars(select(Ballot.participant_id))) & set(people)
        assert not set(s.scalars(select(Dot.participant_id))) & set(people)


def test_paper_counts_the_final_minutes_and_the_purge_refuse_a_desk_laptop(
    ballot_round: Setting,
) -> None:
    from smartdialog.core.db import DeviceIdentity

    db = ballot_round.db
    with db.uow() as s:
        roles.set_role_pin(s, roles.OFFICE, "9999")
    desk = Database(db.engine, DeviceIdentity(uuid.UUID(int=7), "Empfang 2", roles.DESK))
    desk.register_device()
    idea = ballot_round.ideas["Radwege"]
    with desk.uow() as s, pytest.raises(AccessDenied):
        voting.set_paper_tally(s, ballot_round.round.id, idea, 999)
    with desk.uow() as s, pytest.raises(AccessDenied):
        minutes.mark_final(s)
    with desk.uow() as s, pytest.raises(AccessDenied):
        privacy.anonymise_session(s)
    moderation = Database(db.engine, DeviceIdentity(uuid.UUID(int=8), "Tisch 1", roles.MODERATION))
    moderation.register_device()
    with moderation.uow() as s:
        voting.set_paper_tally(s, ballot_round.round.id, idea, 3)
