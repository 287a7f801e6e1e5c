"""Merging the event files of laptops that worked without a network (DESIGN.md section 6)."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from smartdialog import cli
from smartdialog.core.db import open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.errors import DomainError, EventFileError
from smartdialog.core.models import Ballot, Base, CheckIn, Dot, Idea, IdeaRevision, MergeCase
from smartdialog.core.services import audit, merge, voting
from smartdialog.core.services.merge import rehearsal
from smartdialog.core.services.merge import report as rep
from smartdialog.core.services.merge.engine import BOOKKEEPING

from .conftest import TEST_DEVICE

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> rehearsal.Rehearsal:
    return rehearsal.play(
        tmp_path_factory.mktemp("laptops"), participants=60, ideas_count=30, ballots=40
    )


def _fresh_target(r: rehearsal.Rehearsal, folder: Path, name: str = "merged") -> Path:
    target = folder / f"{name}.sdevent"
    shutil.copyfile(r.organiser, target)
    return target


def _hash(target: Path) -> str:
    db = open_database(target, TEST_DEVICE)
    try:
        with db.read() as s:
            # The merged entries continue the target's audit chain, unbroken.
            assert audit.verify_chain(s).intact
        return merge.canonical_hash(db)
    finally:
        db.close()


def _subjects(report: rep.MergeReport) -> set[tuple[str, uuid.UUID]]:
    return {rehearsal.subject_of(f) for f in report.conflicts}


def _bytes(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_order_gives_the_same_event_and_reports_exactly_the_planted_conflicts(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    hashes = set()
    for n, order in enumerate(itertools.permutations(laptops.laptops)):
        target = _fresh_target(laptops, tmp_path, f"order-{n}")
        report = merge.merge_into(target, order, device=TEST_DEVICE)
        assert _subjects(report) == laptops.planted, order
        hashes.add(_hash(target))
        # Merging the same files again changes nothing and finds nothing new.
        again = merge.merge_into(target, order, device=TEST_DEVICE)
        assert not again.changed_anything and not again.conflicts
        assert _hash(target) == next(iter(hashes)) or len(hashes) > 1
    assert len(hashes) == 1


def test_merging_one_file_after_the_other_gives_the_same_as_all_at_once(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    together = _fresh_target(laptops, tmp_path, "together")
    merge.merge_into(together, laptops.laptops, device=TEST_DEVICE)
    one_by_one = _fresh_target(laptops, tmp_path, "one-by-one")
    found: set[tuple[str, uuid.UUID]] = set()
    for path in reversed(laptops.laptops):
        found |= _subjects(merge.merge_into(one_by_one, [path], device=TEST_DEVICE))
    assert _hash(one_by_one) == _hash(together)
    assert found == laptops.planted


def test_no_row_is_lost_and_the_sources_keep_their_bytes(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    before = {p: _bytes(p) for p in laptops.laptops}
    target = _fresh_target(laptops, tmp_path)
    merge.merge_into(target, laptops.laptops, device=TEST_DEVICE)
    assert {p: _bytes(p) for p in laptops.laptops} == before
    for p in laptops.laptops:
        assert not Path(f"{p}-wal").exists() and not Path(f"{p}-shm").exists()

    def ids(path: Path) -> dict[str, set[str]]:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            return {
                t.name: {str(r[0]) for r in conn.execute(f'SELECT "id" FROM "{t.name}"')}
                for t in Base.metadata.sorted_tables
                if t.name not in BOOKKEEPING
            }

    merged = ids(target)
    with sqlite3.connect(target) as conn:
        kept_in_cases = {
            data["row"]["id"].replace("-", "")
            for (candidates,) in conn.execute("SELECT candidates FROM merge_cases")
            for data in json.loads(candidates)
        } | {
            d["id"].replace("-", "")
            for (candidates,) in conn.execute("SELECT candidates FROM merge_cases")
            for data in json.loads(candidates)
            for d in data["dots"]
        }
    for path in laptops.laptops:
        for name, source_ids in ids(path).items():
            lost = source_ids - merged[name] - kept_in_cases
            assert not lost, f"{name}: {len(lost)} rows of {path.name} lost"


def test_a_ballot_clash_keeps_the_round_provisional_until_the_moderator_decides(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    target = _fresh_target(laptops, tmp_path)
    report = merge.merge_into(target, laptops.laptops, device=TEST_DEVICE)
    assert report.open_cases == 2
    db = open_database(target, TEST_DEVICE)
    try:
        with db.read() as s:
            open_cases = merge.list_cases(s, open_only=True)
            round_id = open_cases[0].round_id
        ballot_case = next(c for c in open_cases if c.kind == "ballot")
        first, second = ballot_case.candidates
        assert first.in_effect and not second.in_effect
        with pytest.raises(DomainError, match="provisional"), db.uow() as s:
            voting.close_round(s, round_id)
        with db.uow() as s:
            merge.decide(s, ballot_case.id, "B", by="Moderation")
        with db.read() as s:
            voter_ballot = s.scalar(
                select(Ballot.id).where(
                    Ballot.round_id == round_id, Ballot.participant_id == ballot_case_subject(s)
                )
            )
            assert voter_ballot == second.id
            assert merge.open_case_count(s) == 1
        paper = next(c for c in open_cases if c.kind == "paper")
        with db.uow() as s:
            merge.decide(s, paper.id, "A")
        with db.uow() as s:
            voting.close_round(s, round_id)
    finally:
        db.close()
    # Merging the laptops again does not undo the decisions, nor reopen the round's cases.
    report = merge.merge_into(target, laptops.laptops, device=TEST_DEVICE)
    assert report.open_cases == 0 and not report.conflicts


def ballot_case_subject(s: object) -> uuid.UUID:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    subject = s.scalar(select(MergeCase.subject_id).where(MergeCase.kind == "ballot"))
    assert subject is not None
    return subject


def test_a_duplicate_check_in_is_kept_annulled_with_its_reason(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    target = _fresh_target(laptops, tmp_path)
    merge.merge_into(target, laptops.laptops, device=TEST_DEVICE)
    db = open_database(target, TEST_DEVICE)
    try:
        with db.read() as s:
            dups = list(s.scalars(select(CheckIn).where(CheckIn.annulled_by == merge.MERGE_MARK)))
            assert len(dups) == 11
            for dup in dups:
                assert dup.annul_reason.startswith("Doppelt: schon um")
                kept = s.scalars(
                    select(CheckIn).where(
                        CheckIn.participant_id == dup.participant_id,
                        CheckIn.annulled_at.is_(None),
                    )
                ).one()
                assert (kept.at, str(kept.id)) < (dup.at, str(dup.id))
            edited = s.scalars(select(Idea).where(Idea.version > 1)).all()
            assert edited, "the edits arrived"
            twice = next(i for k, i in laptops.planted if k == rep.IDEA_EDITED_TWICE)
            history = s.scalars(
                select(IdeaRevision.text).where(
                    IdeaRevision.idea_id == twice, IdeaRevision.kind == "edited"
                )
            ).all()
            shown = s.get(Idea, twice)
            assert shown is not None and len(history) == 2 and shown.text in history
            assert any("Tische und Abstimmung" in t for t in history)
            assert any("Einlass 1" in t for t in history)
            assert s.scalar(select(Dot.id).limit(1)) is not None
    finally:
        db.close()


# -- bad input ----------------------------------------------------------------------------


def test_a_file_cannot_be_merged_into_itself(laptops: rehearsal.Rehearsal, tmp_path: Path) -> None:
    target = _fresh_target(laptops, tmp_path)
    with pytest.raises(merge.MergeError, match="into itself"):
        merge.merge_into(target, [laptops.laptops[0], target], device=TEST_DEVICE)


@pytest.mark.parametrize("how", ["another event", "another ticket secret"])
def test_a_file_of_another_event_is_refused_and_nothing_is_merged(
    laptops: rehearsal.Rehearsal, tmp_path: Path, how: str
) -> None:
    other = tmp_path / "andere.sdevent"
    if how == "another event":
        write_demo(other, participants=5, ideas=3, seed=99)
    else:
        shutil.copyfile(laptops.laptops[1], other)
        with contextlib.closing(sqlite3.connect(other)) as conn, conn:
            conn.execute("UPDATE events SET ticket_secret = randomblob(32)")
    target = _fresh_target(laptops, tmp_path)
    before = _hash(target)
    with pytest.raises(merge.MergeError, match="another event"):
        merge.merge_into(target, [laptops.laptops[0], other], device=TEST_DEVICE)
    assert _hash(target) == before


def test_a_file_of_a_newer_version_is_refused(laptops: rehearsal.Rehearsal, tmp_path: Path) -> None:
    newer = tmp_path / "neuer.sdevent"
    shutil.copyfile(laptops.laptops[0], newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.close()
    target = _fresh_target(laptops, tmp_path)
    with pytest.raises(merge.MergeError, match="newer version"):
        merge.merge_into(target, [newer], device=TEST_DEVICE)


def test_a_file_of_an_older_version_is_upgraded_in_a_copy_only(tmp_path: Path) -> None:
    old = tmp_path / "alt.sdevent"
    shutil.copyfile(FIXTURES / "event-schema-0002.sdevent", old)
    target = tmp_path / "ziel.sdevent"
    shutil.copyfile(old, target)
    open_database(target, TEST_DEVICE).close()  # the target is upgraded when opened
    before = _bytes(old)
    report = merge.merge_into(target, [old], device=TEST_DEVICE)
    assert not report.conflicts
    assert _bytes(old) == before
    with sqlite3.connect(f"{old.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_damaged_or_half_copied_file_is_refused(
    laptops: rehearsal.Rehearsal, tmp_path: Path, cut: float
) -> None:
    half = tmp_path / "halb.sdevent"
    data = laptops.laptops[0].read_bytes()
    half.write_bytes(data[: int(len(data) * cut)])
    target = _fresh_target(laptops, tmp_path)
    before = _hash(target)
    with pytest.raises((merge.MergeError, EventFileError), match=r"damaged|not a smartdialog"):
        merge.merge_into(target, [half], device=TEST_DEVICE)
    assert _hash(target) == before


def test_a_killed_merge_leaves_the_target_untouched_or_fully_merged(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    complete = _fresh_target(laptops, tmp_path, "complete")
    merge.merge_into(complete, laptops.laptops, device=TEST_DEVICE)
    untouched, merged = _hash(_fresh_target(laptops, tmp_path, "untouched")), _hash(complete)
    script = (
        "import sys\n"
        "from smartdialog.core.services import merge\n"
        "from smartdialog.core.targets import DeviceIdentity\n"
        "import uuid\n"
        "def tick(done, total):\n"
        "    print(done, flush=True)\n"
        "merge.merge_into(sys.argv[1], sys.argv[2:], progress=tick,\n"
        "    device=DeviceIdentity(uuid.UUID(int=1), 'Testgerät'))\n"
        "print('done', flush=True)\n"
    )
    rng = random.Random(7)
    outcomes = set()
    for attempt in range(5):
        target = _fresh_target(laptops, tmp_path, f"killed-{attempt}")
        stop_at = str(rng.randint(1, 3 * (len(Base.metadata.sorted_tables) + 1)))
        job = subprocess.Popen(
            [sys.executable, "-c", script, str(target), *map(str, laptops.laptops)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert job.stdout is not None
        for line in job.stdout:
            if line.strip() in (stop_at, "done"):
                job.kill()
                break
        job.wait(timeout=60)
        job.stdout.close()
        result = _hash(target)
        assert result in (untouched, merged)
        outcomes.add(result)
    assert untouched in outcomes


def test_a_laptop_whose_clock_was_an_hour_ahead_is_named_and_the_rules_still_hold(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    wrong = [tmp_path / p.name for p in laptops.laptops]
    for p, q in zip(laptops.laptops, wrong, strict=True):
        shutil.copyfile(p, q)
    device = rehearsal.LAPTOPS[1]
    db = open_database(wrong[1], device)
    try:
        with db.uow() as s:
            for row in s.scalars(select(CheckIn).where(CheckIn.device_id == device.id)):
                row.at += timedelta(hours=1)
                row.created_at += timedelta(hours=1)
    finally:
        db.close()
    reports, hashes = [], set()
    for n, order in enumerate((wrong, list(reversed(wrong)))):
        target = _fresh_target(laptops, tmp_path, f"clock-{n}")
        reports.append(merge.merge_into(target, order, device=TEST_DEVICE))
        hashes.add(_hash(target))
    assert len(hashes) == 1
    for report in reports:
        clock = [f for f in report.notices if f.kind == rep.CLOCK_OFF]
        assert [f.params["device"] for f in clock] == [device.name]
        assert 50 <= clock[0].params["minutes"] <= 70
        assert _subjects(report) == laptops.planted


# -- the command line ---------------------------------------------------------------------


def test_the_command_line_merges_and_reports_in_json_and_german_text(
    laptops: rehearsal.Rehearsal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _fresh_target(laptops, tmp_path)
    args = ["merge", str(target), *map(str, laptops.laptops)]
    assert cli.main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["kind"] for c in data["conflicts"]} == {k for k, _ in laptops.planted}
    assert all(c["text"] for c in data["conflicts"])
    assert cli.main(args) == 0
    text = capsys.readouterr().out
    assert "Nichts Neues" in text or "bereits" in text
    assert cli.main(["merge-decide", str(target)]) == 0
    listing = capsys.readouterr().out
    case = listing.split()[1]
    assert cli.main(["merge-decide", str(target), case, "B"]) == 0
    assert "B" in capsys.readouterr().out
    assert cli.main(["merge", str(target), str(target)]) == 1
    assert "sich selbst" in capsys.readouterr().err


def test_merging_into_an_event_on_postgresql_gives_the_same_event(
    laptops: rehearsal.Rehearsal, tmp_path: Path, pg_url: str
) -> None:
    """The target can be a database URL: an empty database takes the event over."""
    from smartdialog.core.db import create_database

    from .conftest import _admin_execute, _pg_url

    with pytest.raises(merge.MergeError, match="another event"):
        merge.merge_into(pg_url, [laptops.laptops[0]], device=TEST_DEVICE)
    name = f"sd_merge_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        url = _pg_url(name)
        create_database(url, TEST_DEVICE).close()
        empty_file = tmp_path / "leer.sdevent"
        create_database(empty_file, TEST_DEVICE).close()
        for target in (url, empty_file):
            merge.merge_into(target, [laptops.organiser, *laptops.laptops], device=TEST_DEVICE)
        hashes = set()
        for target in (url, empty_file):
            db = open_database(target, TEST_DEVICE)
            try:
                hashes.add(merge.canonical_hash(db))
            finally:
                db.close()
        assert len(hashes) == 1
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_person_changed_differently_on_two_laptops_is_settled_the_same_in_every_order(
    laptops: rehearsal.Rehearsal, tmp_path: Path
) -> None:
    changed = [tmp_path / f"changed-{n}.sdevent" for n in range(2)]
    for n, path in enumerate(changed):
        shutil.copyfile(laptops.laptops[n], path)
        with contextlib.closing(sqlite3.connect(path)) as conn, conn:
            conn.execute(
                "UPDATE participants SET email = ?, organisation = ? WHERE ticket_number = 1",
                (f"neu{n}@example.org", "Verein" if n == 0 else ""),
            )
    results = set()
    for n, order in enumerate((changed, list(reversed(changed)))):
        target = _fresh_target(laptops, tmp_path, f"person-{n}")
        report = merge.merge_into(target, order, device=TEST_DEVICE)
        assert [f.kind for f in report.conflicts if f.kind == rep.ROW_CHANGED_TWICE] == [
            rep.ROW_CHANGED_TWICE
        ]
        with contextlib.closing(sqlite3.connect(target)) as conn:
            results.add(
                conn.execute(
                    "SELECT email, organisation FROM participants WHERE ticket_number = 1"
                ).fetchone()
            )
        results.add(_hash(target))
    # One e-mail address wins in both orders; the organisation given on one laptop is kept.
    assert len(results) == 2
    assert ("neu1@example.org", "Verein") in results
