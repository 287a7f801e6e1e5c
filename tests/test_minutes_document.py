"""The minutes PDF, checked on what a reader gets: its extracted text, its fonts, its bytes."""

from __future__ import annotations

import re
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select, update

from smartdialog.core.db import Database, open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.errors import DomainError, EnvironmentProblem
from smartdialog.core.minutes import german, texts
from smartdialog.core.models import Idea, Participant, RoundIdea
from smartdialog.core.services import export, ideas, minutes, setup, verification, voting

from .conftest import TEST_DEVICE


def pdf_pages(path: Path) -> list[str]:
    """The text of each page as poppler extracts it, whitespace runs made single spaces."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [re.sub(r"[ \u00a0\u2002]+", " ", page) for page in out.split("\f")[:-1]]


def layout_pages(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.split("\f")[:-1]


@dataclass
class Demo:
    db: Database
    pdf: Path
    merged_source: int  # numbers in the document
    merged_target: int
    hidden: int
    hidden_text: str
    withdrawn_author: str


def _numbers(db: Database) -> dict[uuid.UUID, int]:
    with db.read() as s:
        ids = s.scalars(select(Idea.id).order_by(Idea.created_at, Idea.id)).all()
    return {idea_id: n for n, idea_id in enumerate(ids, start=1)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("minutes")
    path = folder / "demo.sdevent"
    write_demo(path, participants=160, ideas=120, votes=True, device=TEST_DEVICE)
    db = open_database(path, TEST_DEVICE)
    with db.uow() as s:
        rows = s.scalars(
            select(Idea).where(Idea.status == "active").order_by(Idea.created_at)
        ).all()
        source, target, hidden = rows[3], rows[10], rows[20]
        hidden_text = "Diesen Text darf niemand im Protokoll lesen"
        ideas.edit(s, hidden.id, expected_version=None, text=hidden_text)
        # As if it had been voted on with this wording: the round's frozen text is printed in rankings.
        s.execute(update(RoundIdea).where(RoundIdea.idea_id == hidden.id).values(text=hidden_text))
        ideas.merge(s, source.id, target.id)
        ideas.hide(s, hidden.id, "enthält eine Telefonnummer")
        # Somebody named as an author withdrew consent: the name must disappear.
        author = s.scalars(
            select(Participant)
            .join(Idea, Idea.author_id == Participant.id)
            .order_by(Participant.ticket_number)
        ).first()
        assert author is not None
        author.consent_attribution_at = None
        withdrawn = f"{author.first_name} {author.last_name}"
    numbers = _numbers(db)
    pdf = folder / "dokumentation.pdf"
    minutes.export_pdf(db, pdf)
    yield Demo(
        db, pdf, numbers[source.id], numbers[target.id], numbers[hidden.id], hidden_text, withdrawn
    )
    db.close()


def test_chapters_stand_in_order_and_the_contents_give_their_pages(demo: Demo) -> None:
    pages = pdf_pages(demo.pdf)
    with demo.db.read() as s:
        chapters = minutes.chapters(s)
    assert "Dokumentation" in pages[0] and "V/0164/2018" in pages[0]
    assert re.search(r"^\s*Inhalt\s*$", pages[1], re.M)
    last_page = 2
    for chapter in chapters:
        label = f"{chapter.number} {chapter.title}".strip()
        found = [
            n
            for n, page in enumerate(pages[2:], start=3)
            if re.search(rf"^\s*{re.escape(label)}\s*$", page, re.M)
        ]
        assert found, f"chapter {label} missing"
        assert found[0] >= last_page, f"chapter {label} out of order"
        last_page = found[0]
        toc = re.search(rf"^\s*{re.escape(label)} (\d+)\s*$", pages[1], re.M)
        assert toc is not None, f"{label} not in the contents"
        assert int(toc.group(1)) == found[0], (
            f"contents give page {toc.group(1)} for {label}, it is on {found[0]}"
        )


def test_every_page_but_the_cover_says_seite_x_von_y(demo: Demo) -> None:
    pages = pdf_pages(demo.pdf)
    total = len(pypdf.PdfReader(demo.pdf).pages)
    assert total == len(pages) > 10
    for number, page in enumerate(pages[1:], start=2):
        assert f"Seite {number} von {total}" in page


def test_fonts_are_embedded_and_text_is_searchable(demo: Demo) -> None:
    report = subprocess.run(
        ["pdffonts", str(demo.pdf)], check=True, capture_output=True, text=True
    ).stdout
    fonts = report.splitlines()[2:]
    assert fonts, report
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", f"{name} is not embedded"
        assert "DejaVuSans" in name
    reader = pypdf.PdfReader(demo.pdf)
    assert "Ergebnisse je Handlungsfeld" in reader.pages[1].extract_text()


def test_same_data_gives_the_same_bytes(demo: Demo, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    minutes.export_pdf(demo.db, again)
    assert again.read_bytes() == demo.pdf.read_bytes()
    with demo.db.read() as s:
        stamp = minutes.snapshot(s).stamp
    info = pypdf.PdfReader(again).metadata
    assert info is not None and info["/CreationDate"].startswith(
        stamp.astimezone(UTC).strftime("D:%Y%m%d%H%M")
    )


def test_rankings_are_the_tally_of_the_voting_service(demo: Demo) -> None:
    numbers = _numbers(demo.db)
    with demo.db.read() as s:
        (round_info,) = voting.list_rounds(s)
        results = voting.round_results(s, round_info.id)
    layout = layout_pages(demo.pdf)
    overall_pages = [p for p in layout if "Rangfolge der ersten 30 Plätze" in p]
    assert overall_pages
    overall_text = "\n".join(
        layout[layout.index(overall_pages[0]) : layout.index(overall_pages[0]) + 3]
    )
    shown = [i for i in results.overall if i.rank <= 30 and i.total > 0]
    assert len(shown) >= 20
    for idea in shown:
        row = rf"^\s*{idea.rank}\.\s+{numbers[idea.idea_id]}\s.*\s{idea.device_dots}\s+{idea.paper_dots}\s+{idea.total}\s*$"
        assert re.search(row, overall_text, re.M), (
            f"rank {idea.rank}: Nr. {numbers[idea.idea_id]} not as tallied"
        )
    # Every field chapter ranks its ideas as the service does.
    text = "\n".join(layout)
    for field in results.fields:
        for idea in field.ideas[:5]:
            row = rf"^\s*{idea.rank}\.\s+{numbers[idea.idea_id]}\s.*\s{idea.device_dots}\s+{idea.paper_dots}\s+{idea.total}\s*$"
            assert re.search(row, text, re.M)
    # The hash in groups of four, two lines of eight, as on the wall and the signed protocol.
    groups = verification.hash_groups(results.tally_sha256)
    assert groups[:39] in text and groups[40:] in text
    turnout = results.turnout
    share = german.percent(turnout.ballots_cast, turnout.eligible).replace("\u00a0", " ")
    assert f"Abgegebene Stimmzettel {german.integer(turnout.ballots_cast)} ({share})" in "\n".join(
        pdf_pages(demo.pdf)
    )


def test_merges_and_hidden_ideas_are_logged_and_hidden_text_is_not_printed(demo: Demo) -> None:
    text = "\n".join(pdf_pages(demo.pdf))
    assert f"zusammengeführt mit Nr. {demo.merged_target}" in text
    log = text[text.rindex("A.3 Zusammenführungen") :]
    assert re.search(
        rf"\s{demo.merged_source}\s+zusammengeführt\s+mit Nr. {demo.merged_target}", log
    )
    assert re.search(rf"\s{demo.hidden}\s+ausgeblendet\s+Grund: enthält eine Telefonnummer", log)
    assert demo.hidden_text not in text
    assert "ausgeblendet – Text nicht abgedruckt" in text


def test_no_personal_data_only_consented_authors(demo: Demo) -> None:
    text = re.sub(r"\s+", " ", "\n".join(pdf_pages(demo.pdf)))
    with demo.db.read() as s:
        venue = setup.get_event(s).venue
        people = s.execute(
            select(
                Participant.first_name,
                Participant.last_name,
                Participant.email,
                Participant.postcode,
                Participant.consent_attribution_at,
            )
        ).all()
        named = {
            f"{first} {last}"
            for first, last, consent in s.execute(
                select(
                    Participant.first_name,
                    Participant.last_name,
                    Participant.consent_attribution_at,
                ).join(Idea, Idea.author_id == Participant.id)
            )
            if consent is not None
        }
    # The venue's address is the city's, not a person's: it may share a postcode with a participant.
    text = text.replace(venue, "")
    printed_words = {w for name in named for w in name.split()}
    assert named, "the demo should have consenting authors"
    assert any(name in text for name in named)
    assert demo.withdrawn_author not in named
    assert demo.withdrawn_author not in text
    for first, last, email, postcode, _consent in people:
        full = f"{first} {last}"
        if full not in named:
            assert full not in text
        if email:
            assert email not in text
        assert not re.search(rf"\b{postcode}\b", text), f"postcode {postcode} printed"
        for word in f"{first} {last}".split():
            if word not in printed_words and len(word) > 2:
                assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text), (
                    f"{word} printed"
                )


def test_draft_is_marked_on_every_page_and_final_is_not(demo: Demo, tmp_path: Path) -> None:
    pages = pdf_pages(demo.pdf)
    assert all("ENTWURF" in page for page in pages)
    with demo.db.uow() as s:
        minutes.mark_final(s)
    try:
        final = tmp_path / "final.pdf"
        minutes.export_pdf(demo.db, final)
        final_pages = pdf_pages(final)
        assert not any("ENTWURF" in page for page in final_pages)
        assert "Endfassung" in final_pages[0]
        with pytest.raises(DomainError, match="final"), demo.db.uow() as s:
            minutes.save_section(s, texts.OCCASION, "Geändert")
    finally:
        with demo.db.uow() as s:
            minutes.reopen_draft(s)


# -- without a vote, with written parts, on an empty event ---------------------------------


def _ideas(db: Database, count: int) -> None:
    with db.uow() as s:
        fields = setup.list_fields(s)
        for n in range(count):
            ideas.capture(
                s, f"Idee Nummer {n} mit „Anführungszeichen“ & <Zeichen>", field_id=fields[n % 3].id
            )


def test_without_a_vote_the_chapters_say_so(db: Database, tmp_path: Path) -> None:
    _ideas(db, 5)
    pdf = tmp_path / "ohne.pdf"
    result = minutes.export_pdf(db, pdf)
    text = "\n".join(pdf_pages(pdf))
    assert result.pages == len(pdf_pages(pdf))
    assert text.count("Es fand keine Abstimmung statt.") >= 4
    assert "Idee Nummer 4 mit „Anführungszeichen“ & <Zeichen>" in text
    assert "Zu diesem Handlungsfeld wurden keine Beiträge erfasst." in text


def test_written_parts_are_stored_printed_and_reset(db: Database, tmp_path: Path) -> None:
    with db.read() as s:
        sections = minutes.list_sections(s)
    assert [x.kind for x in sections][:2] == ["occasion", "programme"]
    assert sum(1 for x in sections if x.kind == "field") == len(setup.DEFAULT_FIELDS)
    assert all(x.is_default and x.body for x in sections)
    field_key = next(x.key for x in sections if x.kind == "field")
    with db.uow() as s:
        minutes.save_section(
            s,
            texts.PROGRAMME,
            "10:00 Uhr\tBegrüßung durch den Oberbürgermeister\n11:00 Uhr\tThementische",
        )
        minutes.save_section(
            s, field_key, "Am Tisch ging es lebhaft zu.\n\n- erster Punkt\n- zweiter Punkt"
        )
    pdf = tmp_path / "teile.pdf"
    minutes.export_pdf(db, pdf)
    text = "\n".join(pdf_pages(pdf))
    assert re.search(r"10:00 Uhr\s+Begrüßung durch den Oberbürgermeister", text)
    assert "Am Tisch ging es lebhaft zu." in text and "• zweiter Punkt" in text
    with db.uow() as s:
        reset = minutes.reset_section(s, field_key)
    assert reset.is_default and "lebhaft" not in reset.body


def test_export_to_a_place_that_cannot_be_written_says_so_and_keeps_the_old_file(
    db: Database, tmp_path: Path
) -> None:
    blocker = tmp_path / "eine-datei"
    blocker.write_text("x")
    with pytest.raises(EnvironmentProblem, match="cannot be written"):
        minutes.export_pdf(db, blocker / "protokoll.pdf")
    with pytest.raises(EnvironmentProblem, match="is a folder"):
        minutes.export_pdf(db, tmp_path)
    good = tmp_path / "gut.pdf"
    minutes.export_pdf(db, good)
    before = good.read_bytes()
    with db.read() as s:
        content = minutes.snapshot(s)

    def broken(_done: int, _total: int) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(EnvironmentProblem, match="No space left"):
        minutes.write_pdf(content, good, broken)
    assert good.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_event_without_times_or_reference_still_gives_a_document(tmp_path: Path) -> None:
    from smartdialog.core.db import create_database

    bare = create_database(tmp_path / "leer.sdevent", TEST_DEVICE)
    try:
        with bare.uow() as s:
            setup.create_event(s, "Kleiner Dialog", with_default_fields=False)
        pdf = tmp_path / "leer.pdf"
        minutes.export_pdf(bare, pdf)
        text = "\n".join(pdf_pages(pdf))
        assert "Kleiner Dialog" in text and "Es fand keine Abstimmung statt." in text
    finally:
        bare.close()


# -- German typography -------------------------------------------------------------------


def test_german_dates_numbers_and_quotes() -> None:
    moment = datetime(2026, 11, 28, 9, 5, tzinfo=UTC)
    assert german.date_long(moment) == "28.\u00a0November 2026"
    assert german.date_long(moment, weekday=True) == "Samstag, 28.\u00a0November 2026"
    assert german.clock_uhr(moment) == "10:05\u00a0Uhr"  # Münster is an hour ahead in November
    assert german.clock(datetime(2026, 7, 1, 9, 5, tzinfo=UTC)) == "11:05"  # and two in summer
    assert german.integer(1234567) == "1.234.567"
    assert german.decimal(1234.5) == "1.234,5"
    assert german.percent(1, 8) == "12,5\u00a0%"
    assert german.percent(1, 0) == "–"
    assert german.quoted("Smart City") == "„Smart City“"
    assert german.count(1, "Beitrag", "Beiträge") == "1\u00a0Beitrag"
    assert german.count(2, "Beitrag", "Beiträge") == "2\u00a0Beiträge"


def test_breakdowns_only_for_groups_of_the_minimum_size(db: Database) -> None:
    with db.uow() as s:
        event = setup.current_event(s)
        event_id = event.id
        for n, district in enumerate(["Mitte"] * 5 + ["Roxel"] * 2 + ["Coerde"], start=1):
            s.add(
                Participant(
                    event_id=event_id,
                    ticket_number=n,
                    first_name="A",
                    last_name="B",
                    district=district,
                )
            )
    from smartdialog.core.models import CheckIn

    with db.uow() as s:
        for p in s.scalars(select(Participant)):
            s.add(CheckIn(participant_id=p.id))
    with db.read() as s:
        attendance = minutes.snapshot(s).attendance
    assert [(g.label, g.count) for g in attendance.by_district] == [("Mitte", 5)]
    assert attendance.district_rest == 3
    with db.uow() as s:
        s.execute(update(Participant).values(district="Mitte"))
        setup.update_event(s, min_group_size=20)
    with db.read() as s:
        attendance = minutes.snapshot(s).attendance
    assert attendance.by_district == () and attendance.present == 8


def test_a_runoff_decides_the_tie_but_the_ranking_stays_the_main_rounds(
    db: Database, tmp_path: Path
) -> None:
    from smartdialog.core.models import CheckIn

    _ideas(db, 3)
    with db.uow() as s:
        event_id = setup.current_event(s).id
        people = [
            Participant(event_id=event_id, ticket_number=n, first_name="V", last_name=f"W{n}")
            for n in range(1, 6)
        ]
        s.add_all(people)
        s.flush()
        s.add_all(CheckIn(participant_id=p.id) for p in people)
        voters = [p.id for p in people]
        first = voting.create_round(
            s, "Priorisierung", dots_per_participant=2, max_dots_per_idea=1, tie_rule="runoff"
        )
        voting.start_round(s, first.id)
        sheet = voting.ballot_sheet(s, first.id)
        a, b, c = sorted(sheet.field_of())
        # a and b tie for first with 2 dots each, c gets 1.
        voting.cast_ballot(s, first.id, voters[0], {a: 1, b: 1}, expected_revision=0)
        voting.cast_ballot(s, first.id, voters[1], {a: 1, b: 1}, expected_revision=0)
        voting.cast_ballot(s, first.id, voters[2], {c: 1}, expected_revision=0)
        voting.close_round(s, first.id)
        runoff = voting.create_runoff(s, first.id)
        voting.start_round(s, runoff.id)
        voting.cast_ballot(s, runoff.id, voters[3], {b: 1}, expected_revision=0)
        voting.close_round(s, runoff.id)
    numbers = _numbers(db)
    pdf = tmp_path / "stichwahl.pdf"
    minutes.export_pdf(db, pdf)
    text = "\n".join(pdf_pages(pdf))
    overall = text[text.index("Rangfolge der ersten 30 Plätze") :]
    assert re.search(rf"^\s*1\.\s+{numbers[a]}\s", overall, re.M) and re.search(
        rf"^\s*1\.\s+{numbers[b]}\s", overall, re.M
    )
    assert re.search(rf"^\s*3\.\s+{numbers[c]}\s", overall, re.M)
    assert (
        f"Stichwahl (Runde 2): 1. Nr. {numbers[b]} mit 1 Punkt; 2. Nr. {numbers[a]} mit 0 Punkten."
        in re.sub(r"\s+", " ", text)
    )
    assert "Abstimmungsrunde 2" in text and "Runde 2: " in text


def test_names_from_everywhere_print_as_written_when_consented(
    db: Database, tmp_path: Path
) -> None:
    with db.uow() as s:
        event = setup.current_event(s)
        field = setup.list_fields(s)[0]
        named = Participant(
            event_id=event.id,
            ticket_number=1,
            first_name="Łukasz",
            last_name="Öztürk-Nguyễn",
            consent_attribution_at=event.created_at,
        )
        unnamed = Participant(
            event_id=event.id, ticket_number=2, first_name="Ἀλέξανδρος", last_name="Чайковская"
        )
        s.add_all([named, unnamed])
        s.flush()
        first = ideas.capture(
            s, "Mehrsprachige Formulare: Ελληνικά, Русский, Tiếng Việt", field_id=field.id
        )
        second = ideas.capture(s, "Ein Stadtplan in Blindenschrift", field_id=field.id)
        s.execute(update(Idea).where(Idea.id == first.id).values(author_id=named.id))
        s.execute(update(Idea).where(Idea.id == second.id).values(author_id=unnamed.id))
    pdf = tmp_path / "namen.pdf"
    minutes.export_pdf(db, pdf)
    text = re.sub(r"\s+", " ", "\n".join(pdf_pages(pdf)))
    assert "eingebracht von Łukasz Öztürk-Nguyễn" in text
    assert "Mehrsprachige Formulare: Ελληνικά, Русский, Tiếng Việt" in text
    assert "Ἀλέξανδρος" not in text and "Чайковская" not in text


def test_a_running_round_with_a_hidden_tally_stays_hidden(db: Database, tmp_path: Path) -> None:
    from smartdialog.core.models import CheckIn

    _ideas(db, 3)
    with db.uow() as s:
        voter = Participant(
            event_id=setup.current_event(s).id, ticket_number=1, first_name="V", last_name="W"
        )
        s.add(voter)
        s.flush()
        s.add(CheckIn(participant_id=voter.id))
        info = voting.start_round(
            s, voting.create_round(s, "Priorisierung", dots_per_participant=2).id
        )
        (idea_id, *_) = sorted(voting.ballot_sheet(s, info.id).field_of())
        voting.cast_ballot(s, info.id, voter.id, {idea_id: 2}, expected_revision=0)
    pdf = tmp_path / "laufend.pdf"
    minutes.export_pdf(db, pdf)
    text = re.sub(r"\s+", " ", "\n".join(pdf_pages(pdf)))
    assert (
        "Die Abstimmung (Runde 1) läuft noch; ihr Ergebnis bleibt bis zum Abschluss verborgen."
        in text
    )
    assert "Rangfolge" not in text and "Auszählung je Idee" not in text
    assert "Stimmzettel 1" in text
    with db.read() as s:
        assert [t.rows for t in export.tables(minutes.snapshot(s)) if t.key == "votes"] == [()]
    # Once closed, the result is there.
    with db.uow() as s:
        voting.close_round(s, info.id)
    minutes.export_pdf(db, pdf)
    text = re.sub(r"\s+", " ", "\n".join(pdf_pages(pdf)))
    assert "Rangfolge" in text and "läuft noch" not in text


def lone_lines(pdf: Path) -> list[tuple[int, str]]:
    """Pages whose body (between running head and foot) is a single line."""
    found = []
    for number, page in enumerate(pdf_pages(pdf)[1:], start=2):
        body = [line.strip() for line in page.splitlines() if line.strip()][1:-1]
        if len(body) == 1:
            found.append((number, body[0]))
    return found


def test_no_page_holds_only_a_note(demo: Demo) -> None:
    """The tie note stood alone on page 9 of the 500-person demo, after a long ranking table."""
    assert lone_lines(demo.pdf) == []
