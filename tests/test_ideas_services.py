"""Idea capture and clean-up through the services: no Qt involved."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.errors import ConflictError, DomainError, NotFoundError
from smartdialog.core.models import Idea, Participant
from smartdialog.core.services import audit, ideas, setup
from smartdialog.core.services.setup import FieldInfo


def _fields(db: Database) -> list[FieldInfo]:
    with db.read() as s:
        return setup.list_fields(s)


def _capture(
    db: Database, text: str, field: FieldInfo | None = None, **kw: object
) -> ideas.IdeaInfo:
    field = field or _fields(db)[0]
    with db.uow() as s:
        return ideas.capture(s, text, field_id=field.id, **kw)  # type: ignore[arg-type]


def test_capture_is_saved_with_history_and_audit(db: Database) -> None:
    idea = _capture(db, "  Radwege an der Hammer Straße\tdurchgängig ausbauen  ")
    assert idea.text == "Radwege an der Hammer Straße durchgängig ausbauen"
    with db.read() as s:
        assert ideas.get_idea(s, idea.id) == idea
        assert [r.kind for r in ideas.history(s, idea.id)] == ["created"]
        actions = [c.action for c in audit.changes_since(s, 0)]
    assert actions[-1] == "idea.captured"


def test_list_is_newest_first_and_filters_by_field_and_search(db: Database) -> None:
    mobility, economy = _fields(db)[:2]
    first = _capture(db, "Echtzeit-Anzeige an der Haltestelle Hauptbahnhof", mobility)
    second = _capture(db, "Coworking in der Hammer Straße", economy)
    third = _capture(db, "Radweg Hammer Strasse", mobility)
    with db.read() as s:
        assert [i.id for i in ideas.list_ideas(s)] == [third.id, second.id, first.id]
        assert [i.id for i in ideas.list_ideas(s, field_id=mobility.id)] == [third.id, first.id]
        # "strasse" finds "Straße" and vice versa; every word must occur.
        assert {i.id for i in ideas.list_ideas(s, query="HAMMER straße")} == {second.id, third.id}
        assert [i.id for i in ideas.list_ideas(s, query="hammer rad")] == [third.id]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_idea_is_refused(db: Database, text: str) -> None:
    with pytest.raises(DomainError, match="empty"):
        _capture(db, text)


def test_too_long_idea_is_refused_whole_with_its_length(db: Database) -> None:
    pasted = "Bürgerbeteiligung " * 1200  # about 21,600 characters
    with pytest.raises(DomainError) as caught:
        _capture(db, pasted)
    assert caught.value.params["limit"] == ideas.TEXT_LIMIT
    assert caught.value.params["length"] == len(pasted.strip())
    with db.read() as s:
        assert ideas.list_ideas(s) == []
    exactly = "x" * ideas.TEXT_LIMIT
    assert _capture(db, exactly).text == exactly


def test_emoji_and_right_to_left_text_survive_unchanged(db: Database) -> None:
    family = "👨\u200d👩\u200d👧"  # one emoji made of three, joined by zero-width joiners
    arabic = "\u200fمسارات دراجات آمنة في المدينة"
    mixed = f"{family} Spielplätze 🛝 für Familien – {arabic} (Hebräisch: שבילי אופניים)"
    idea = _capture(db, mixed)
    with db.read() as s:
        assert ideas.get_idea(s, idea.id).text == mixed
        assert [i.id for i in ideas.list_ideas(s, query="spielplatze")] == [idea.id]


def test_edit_with_stale_version_is_a_conflict_and_keeps_the_first_change(db: Database) -> None:
    idea = _capture(db, "Nachtbusse öfter")
    with db.uow() as s:
        ideas.edit(s, idea.id, expected_version=idea.version, text="Nachtbusse am Wochenende öfter")
    with pytest.raises(ConflictError) as caught, db.uow() as s:
        ideas.edit(s, idea.id, expected_version=idea.version, text="Nachtbusse stündlich")
    assert "Nachtbusse am Wochenende öfter" in caught.value.english()
    with db.read() as s:
        current = ideas.get_idea(s, idea.id)
        kinds = [(r.kind, r.text) for r in ideas.history(s, idea.id)]
    assert current.text == "Nachtbusse am Wochenende öfter"
    assert current.version == idea.version + 1
    assert kinds == [("created", "Nachtbusse öfter"), ("edited", "Nachtbusse am Wochenende öfter")]


def test_a_write_slipping_in_between_read_and_write_is_a_conflict(db: Database) -> None:
    """The version column catches the change another laptop commits after we read the row."""
    idea = _capture(db, "WLAN in Bürgerhäusern")
    with pytest.raises(ConflictError, match="changed this idea at the same moment"), db.uow() as s:
        row = ideas.records.idea_row(s, idea.id)
        ideas.records.check_version(row, idea.version)  # looks fine here …
        # … while the other laptop's UPDATE lands (on PostgreSQL both run at once).
        s.execute(
            update(Idea)
            .where(Idea.id == idea.id)
            .values(text="WLAN überall", version=Idea.version + 1)
            .execution_options(synchronize_session=False)
        )
        row.text = "WLAN in allen Bürgerhäusern"
        ideas.records.flush(s, row)
    with db.read() as s:
        assert ideas.get_idea(s, idea.id).text == "WLAN in Bürgerhäusern"


def test_hide_needs_a_reason_and_unhide_restores(db: Database) -> None:
    idea = _capture(db, "Mein Nachbar parkt falsch")
    with pytest.raises(DomainError, match="reason"), db.uow() as s:
        ideas.hide(s, idea.id, "  ")
    with db.uow() as s:
        hidden = ideas.hide(s, idea.id, "nicht zum Thema")
    assert (hidden.status, hidden.hidden_reason) == ("hidden", "nicht zum Thema")
    with db.read() as s:
        assert ideas.list_ideas(s) == []
        assert [i.id for i in ideas.list_ideas(s, statuses=ideas.STATUSES)] == [idea.id]
    with db.uow() as s:
        shown = ideas.unhide(s, idea.id, expected_version=hidden.version)
    assert (shown.status, shown.hidden_reason) == ("active", "")


def test_merge_keeps_both_texts_and_refuses_self_and_hidden_targets(db: Database) -> None:
    target = _capture(db, "Mehr Ladesäulen für E-Autos")
    source = _capture(db, "Ladestationen für Elektroautos in Wohngebieten")
    hidden = _capture(db, "Ladesäulen – doppelt")
    with db.uow() as s:
        ideas.hide(s, hidden.id, "doppelt")
    with pytest.raises(DomainError, match="itself"), db.uow() as s:
        ideas.merge(s, source.id, source.id)
    with pytest.raises(DomainError, match="hidden"), db.uow() as s:
        ideas.merge(s, source.id, hidden.id)
    with db.uow() as s:
        merged_into = ideas.merge(s, source.id, target.id, expected_version=source.version)
    assert merged_into.id == target.id
    with db.read() as s:
        src = ideas.get_idea(s, source.id)
        target_history = [(r.kind, r.text) for r in ideas.history(s, target.id)]
        assert ideas.merged_sources(s, target.id) == [source.id]
        assert ideas.final_target(s, source.id) == target.id
        assert [i.id for i in ideas.list_ideas(s)] == [hidden.id, target.id][1:]
    assert (src.status, src.merged_into_id) == ("merged", target.id)
    assert ("merged", source.text) in target_history
    assert ("created", target.text) in target_history
    # The merged idea is refused as a target, and cannot be merged twice.
    third = _capture(db, "Schnellladen am Hafen")
    with pytest.raises(DomainError, match="merged"), db.uow() as s:
        ideas.merge(s, third.id, source.id)
    with pytest.raises(DomainError, match="already"), db.uow() as s:
        ideas.merge(s, source.id, third.id)
    with db.uow() as s:
        back = ideas.unmerge(s, source.id)
    assert (back.status, back.merged_into_id) == ("active", None)


def test_chains_of_merges_are_followed(db: Database) -> None:
    a, b, c = (_capture(db, t) for t in ("A-Idee", "B-Idee", "C-Idee"))
    with db.uow() as s:
        ideas.merge(s, a.id, b.id)
        ideas.merge(s, b.id, c.id)
    with db.read() as s:
        assert set(ideas.merged_sources(s, c.id)) == {a.id, b.id}
        assert ideas.final_target(s, a.id) == c.id


def test_tags_and_cluster_are_cleaned_and_replaceable(db: Database) -> None:
    idea = _capture(db, "Sensoren für Glascontainer")
    with db.uow() as s:
        tagged = ideas.set_tags(s, idea.id, ideas.parse_tags("#Sensorik, Abfall; sensorik , "))
    assert tagged.tags == ("Sensorik", "Abfall")
    with db.uow() as s:
        again = ideas.set_tags(s, idea.id, ["Abfall"], expected_version=tagged.version)
        clustered = ideas.set_cluster(s, idea.id, "  Sensoren  im  Stadtraum ")
    assert again.tags == ("Abfall",)
    assert clustered.cluster == "Sensoren im Stadtraum"
    with db.read() as s:
        assert ideas.clusters(s) == ["Sensoren im Stadtraum"]
        assert [i.id for i in ideas.list_ideas(s, query="abfall")] == [idea.id]


def test_withdraw_is_the_inverse_of_capture_and_capture_can_restore_the_same_id(
    db: Database,
) -> None:
    idea = _capture(db, "Vertippt")
    with db.uow() as s:
        ideas.withdraw(s, idea.id, expected_version=idea.version)
    with db.read() as s:
        assert ideas.ideas_by_id(s, [idea.id]) == []
        with pytest.raises(NotFoundError, match="This idea no longer exists"):
            ideas.get_idea(s, idea.id)
    again = _capture(db, "Vertippt", idea_id=idea.id)
    assert again.id == idea.id


def test_withdraw_refuses_an_idea_others_were_merged_into(db: Database) -> None:
    target, source = _capture(db, "Ziel"), _capture(db, "Quelle")
    with db.uow() as s:
        ideas.merge(s, source.id, target.id)
    with pytest.raises(DomainError, match="Hide it instead"), db.uow() as s:
        ideas.withdraw(s, target.id)


def test_author_only_with_consent_to_be_named(db: Database) -> None:
    consented = datetime(2026, 11, 1, tzinfo=UTC)
    with db.uow() as s:
        event = setup.current_event(s)
        yes = Participant(
            event_id=event.id,
            ticket_number=1,
            first_name="Łukasz",
            last_name="Öztürk-Nguyễn",
            search_key="lukasz ozturk-nguyen",
            consent_attribution_at=consented,
        )
        no = Participant(
            event_id=event.id,
            ticket_number=2,
            first_name="Anna",
            last_name="Müller",
            search_key="anna muller",
        )
        s.add_all([yes, no])
    with pytest.raises(DomainError, match="not agreed"):
        _capture(db, "Idee von Anna", author_id=no.id)
    idea = _capture(db, "Idee von Łukasz", author_id=yes.id)
    assert idea.author_name == "Łukasz Öztürk-Nguyễn"
    with db.read() as s:
        assert [a.id for a in ideas.consenting_authors(s, "ozturk")] == [yes.id]
        assert ideas.consenting_authors(s, "muller") == []
    # A withdrawn consent removes the name from every view.
    with db.uow() as s:
        person = s.scalars(select(Participant).where(Participant.id == yes.id)).one()
        person.consent_attribution_at = None
    with db.read() as s:
        assert ideas.get_idea(s, idea.id).author_name == ""


def test_topic_must_belong_to_the_ideas_field(db: Database) -> None:
    mobility, economy = _fields(db)[:2]
    with db.uow() as s:
        question = setup.add_topic(s, economy.id, "Was braucht der Handel?")
    with pytest.raises(DomainError, match="another field"):
        _capture(db, "Radwege", mobility, topic_id=question.id)
    idea = _capture(db, "Lieferzonen", economy, topic_id=question.id)
    # Moving the idea to another field drops the question of the old field.
    with db.uow() as s:
        moved = ideas.edit(s, idea.id, expected_version=idea.version, field_id=mobility.id)
    assert (moved.field_id, moved.topic_id) == (mobility.id, None)


def test_count_by_field_counts_active_ideas(db: Database) -> None:
    mobility, economy = _fields(db)[:2]
    a = _capture(db, "eins", mobility)
    _capture(db, "zwei", mobility)
    _capture(db, "drei", economy)
    with db.uow() as s:
        ideas.hide(s, a.id, "Test")
    with db.read() as s:
        assert ideas.count_by_field(s) == {mobility.id: 1, economy.id: 1}


def test_capture_names_what_is_gone(db: Database) -> None:
    field = _fields(db)[0]
    with pytest.raises(NotFoundError, match="field of action"):
        _capture(db, "Idee", FieldInfo(uuid.uuid4(), "weg", "", "#000000", 0))
    with pytest.raises(NotFoundError, match="guiding question"):
        _capture(db, "Idee", field, topic_id=uuid.uuid4())
    with pytest.raises(NotFoundError, match="table"):
        _capture(db, "Idee", field, station_id=uuid.uuid4())
    with db.read() as s:
        assert ideas.list_ideas(s) == []


@pytest.mark.postgres
def test_two_laptops_on_postgresql_cannot_overwrite_each_other(
    pg_db: Database, pg_url: str
) -> None:
    """A real race: the other laptop commits between our read and our write."""
    field = _fields(pg_db)[0]
    idea = _capture(pg_db, "WLAN in Bürgerhäusern", field)
    other = open_database(pg_url, DeviceIdentity(uuid.UUID(int=2), "Tisch 2", "table"))
    try:
        with (
            pytest.raises(ConflictError, match="changed this idea at the same moment"),
            pg_db.uow() as s,
        ):
            row = ideas.records.idea_row(s, idea.id)
            ideas.records.check_version(row, idea.version)
            with other.uow() as s2:
                ideas.edit(s2, idea.id, expected_version=idea.version, text="WLAN überall")
            row.text = "WLAN in allen Bürgerhäusern"
            ideas.records.flush(s, row)
    finally:
        other.close()
    with pg_db.read() as s:
        assert ideas.get_idea(s, idea.id).text == "WLAN überall"
        assert [i.text for i in ideas.list_ideas(s, query="wlan")] == ["WLAN überall"]


def test_ideas_in_an_open_round_can_be_neither_hidden_nor_merged(db: Database) -> None:
    from smartdialog.core.services import voting

    voted = _capture(db, "Radwege")
    with db.uow() as s:
        round_ = voting.create_round(s, "Priorisierung")
        voting.start_round(s, round_.id)
    late = _capture(db, "Radwege ausbauen")  # typed after the round opened: not on the ballot
    with pytest.raises(DomainError, match="Priorisierung"), db.uow() as s:
        ideas.hide(s, voted.id, "doppelt")
    with pytest.raises(DomainError, match="voted on right now"), db.uow() as s:
        ideas.merge(s, late.id, voted.id)
    with db.uow() as s:
        voting.close_round(s, round_.id)
    with db.uow() as s:
        ideas.merge(s, late.id, voted.id)
        assert ideas.hide(s, voted.id, "doppelt").status == "hidden"
