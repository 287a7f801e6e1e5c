"""Data protection: one action removes all personal data and keeps the results; one exports a person's data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smartdialog.cli import main
from smartdialog.core.db import Database, open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.errors import DomainError, NotFoundError
from smartdialog.core.models import Ballot, CheckIn, Idea, Participant, ScanLog
from smartdialog.core.services import export, minutes, privacy, setup, voting

from .conftest import TEST_DEVICE

NAME, LAST, MAIL = "Zdzisława", "Przybylska-Öztürk", "zdzislawa.p@example.org"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo event, written once; every test works on a copy of its own."""
    path = tmp_path_factory.mktemp("privacy") / "demo.sdevent"
    write_demo(path, participants=80, ideas=40, votes=True, device=TEST_DEVICE)
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def event(demo_file: Path, tmp_path: Path) -> Database:
    path = Path(shutil.copyfile(demo_file, tmp_path / "demo.sdevent"))
    db = open_database(path, TEST_DEVICE)
    with db.uow() as s:
        event_id = setup.current_event(s).id
        person = Participant(
            event_id=event_id,
            ticket_number=999,
            first_name=NAME,
            last_name=LAST,
            email=MAIL,
            postcode="48167",
            organisation="Kleiner Verein Wolbeck",
            district="Wolbeck",
            external_ref="R-99999",
            consent_data_at=setup.current_event(s).created_at,
            consent_attribution_at=setup.current_event(s).created_at,
        )
        s.add(person)
        s.flush()
        s.add(
            CheckIn(
                participant_id=person.id,
                desk="Empfang 1",
                annulled_at=person.created_at,
                annulled_by="Desk-Kraft Jörg",
                annul_reason=f"{NAME} doppelt erfasst",
            )
        )
        s.add(CheckIn(participant_id=person.id, desk="Empfang 2"))
        s.add(ScanLog(verdict="search", raw=LAST, desk="Empfang 1", participant_id=person.id))
        idea = s.scalars(select(Idea).order_by(Idea.created_at)).first()
        assert idea is not None
        idea.author_id = person.id
        setup.add_station(s, "Tisch 99", facilitators="Moderatorin Hannelore Wüllner")
    yield db
    db.close()


def _file_bytes(db: Database) -> bytes:
    assert db.path is not None
    return b"".join(p.read_bytes() for p in db.path.parent.glob(db.path.name + "*"))


def test_removing_personal_data_needs_final_minutes(event: Database) -> None:
    with pytest.raises(DomainError, match="final"):
        privacy.anonymise(event)
    with event.read() as s:
        assert s.scalar(select(Participant.email).where(Participant.ticket_number == 999)) == MAIL


def test_one_action_removes_every_trace_and_keeps_the_results(event: Database) -> None:
    with event.uow() as s:
        minutes.mark_final(s)
    with event.read() as s:
        before = minutes.snapshot(s)
        (rnd,) = voting.list_rounds(s)
        tally_before = voting.round_results(s, rnd.id)
    assert all(secret.encode() in _file_bytes(event) for secret in (NAME, MAIL))

    report = privacy.anonymise(event)

    assert (
        report.participants == 81
        and report.authors_unlinked >= 1
        and report.facilitators_cleared >= 1
    )
    everything = _file_bytes(event)
    for secret in (
        NAME,
        LAST,
        MAIL,
        "R-99999",
        "Desk-Kraft Jörg",
        "Hannelore Wüllner",
        "Kleiner Verein Wolbeck",
    ):
        assert secret.encode() not in everything, f"{secret} is still in the event file"
    with event.read() as s:
        after = minutes.snapshot(s)
        tally_after = voting.round_results(s, rnd.id)
        names = s.execute(
            select(Participant.first_name, Participant.last_name, Participant.email)
        ).all()
    assert set(names) == {("", "", "")}
    a, b = before.attendance, after.attendance
    assert (a.registered, a.preregistered, a.walkins, a.present) == (
        b.registered,
        b.preregistered,
        b.walkins,
        b.present,
    )
    assert a.by_district == b.by_district  # the groups the minutes show stay as they were
    assert tally_after.overall == tally_before.overall and tally_after.tally_intact is True
    assert [i.text for i in after.ideas] == [i.text for i in before.ideas]
    assert all(i.author == "" for i in after.ideas)


def test_everything_about_one_person(event: Database, tmp_path: Path) -> None:
    with event.read() as s:
        person = privacy.find_by_ticket(s, 999)
        # The demo's round is closed: its ballots name nobody, so no person's report has one.
        assert s.scalar(select(func.count()).select_from(Ballot))
        everyone = list(s.scalars(select(Participant.id)))
        assert all(privacy.person_report(s, p)["ballots"] == [] for p in everyone)
        with pytest.raises(NotFoundError, match="12345"):
            privacy.find_by_ticket(s, 12345)
    path = privacy.export_person(event, person, tmp_path / "auskunft.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["participant"]["first_name"] == NAME and data["participant"]["email"] == MAIL
    assert data["consents"]["named_as_author"] and data["consents"]["photos"] is None
    assert [c["desk"] for c in data["check_ins"]] == ["Empfang 1", "Empfang 2"]
    assert data["check_ins"][0]["annul_reason"] == f"{NAME} doppelt erfasst"
    assert data["scans"][0]["verdict"] == "search"
    assert len(data["ideas_as_author"]) == 1
    assert data["event"]["title"] == "Bürgerdialog Smart City Münster"
    assert data["ballots"] == []


def test_exports_and_minutes_never_carry_the_persons_data(event: Database, tmp_path: Path) -> None:
    out = tmp_path / "daten"
    export.export(event, out, "csv")
    export.export(event, out, "json")
    text = "".join(p.read_text(encoding="utf-8-sig") for p in out.iterdir())
    # Named as the author of an idea with consent: the name appears there; nothing else of the person.
    assert f"{NAME} {LAST}" in text
    for secret in (MAIL, "48167", "R-99999", "Kleiner Verein Wolbeck", "doppelt erfasst"):
        assert secret not in text


def test_cli_privacy_jobs(
    event: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(event.path)
    out = tmp_path / "person.json"
    assert main(["--lang", "en", "privacy", path, "--person", "999", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["participant"]["last_name"] == LAST
    assert main(["--lang", "en", "privacy", path, "--person", "999"]) == 2
    assert main(["--lang", "en", "privacy", path, "--anonymise", "--yes"]) == 1
    assert "final" in capsys.readouterr().err
    assert main(["--lang", "en", "minutes", path, "--out", str(tmp_path / "m.pdf"), "--final"]) == 0
    assert main(["--lang", "en", "privacy", path, "--anonymise", "--yes"]) == 0
    assert "81 participants" in capsys.readouterr().out
    with event.read() as s:
        assert s.scalar(select(Participant.email).where(Participant.ticket_number == 999)) == ""
