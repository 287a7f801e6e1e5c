"""A round's shortlist, top-N views that keep ties, and the typed badge code.  No Qt."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from smartdialog.core.db import Database
from smartdialog.core.errors import DomainError
from smartdialog.core.services import ideas, tickets, voting
from smartdialog.core.services.tickets import TicketRejected
from tests.test_voting_service import add_ideas, add_people, cast, field_ids

# -- choosing a shortlist ----------------------------------------------------------------


def _two_fields(db: Database) -> voting.RoundInfo:
    fields = field_ids(db)
    with db.uow() as s:
        return voting.create_round(s, "Runde", field_ids=fields[:2])


def test_top_n_takes_the_best_supported_ideas_of_each_field(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder", "Tempo 30"], 1: ["Glasfaser"]})
    with db.uow() as s:
        # Two tables wrote "Busse" as well, one "Tempo 30": merged duplicates are support.
        for text, into in (("Mehr Busse", "Busse"), ("Busse öfter", "Busse"), ("T30", "Tempo 30")):
            dup = ideas.capture(s, text, field_id=field_ids(db)[0]).id
            ideas.merge(s, dup, found[into])
    info = _two_fields(db)
    with db.uow() as s:
        shown = voting.set_shortlist(s, info.id, "top", top=2)
    assert shown.shortlisted
    assert [[c.text for c in f.cards] for f in shown.fields] == [
        ["Busse", "Tempo 30"],
        ["Glasfaser"],
    ]
    assert (shown.cards, shown.screens) == (3, 1)
    with db.uow() as s:
        opened = voting.start_round(s, info.id)
        sheet = voting.ballot_sheet(s, opened.id)
    assert opened.idea_count == 3
    assert {i.text for f in sheet.fields for i in f.ideas} == {"Busse", "Tempo 30", "Glasfaser"}


def test_clusters_become_one_card_each_worded_as_the_cluster(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege", "Radständer", "Busse"], 1: ["Glasfaser", "WLAN"]})
    with db.uow() as s:
        ideas.set_cluster(s, found["Radwege"], "Mehr Platz fürs Rad")
        ideas.set_cluster(s, found["Radständer"], "mehr platz fürs rad ")
        ideas.set_cluster(s, found["Glasfaser"], "Schnelles Netz")
        ideas.set_cluster(s, found["WLAN"], "Schnelles Netz")
    info = _two_fields(db)
    with db.uow() as s:
        shown = voting.set_shortlist(s, info.id, "clusters")
    assert [[c.text for c in f.cards] for f in shown.fields] == [
        ["Mehr Platz fürs Rad"],
        ["Schnelles Netz"],
    ]
    assert shown.fields[0].cards[0].idea_id == found["Radwege"]  # the first noted stands for it


def test_selected_ideas_and_single_ones_added_or_removed(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Glasfaser"]})
    info = _two_fields(db)
    with db.uow() as s:
        voting.set_shortlist(s, info.id, "selected", idea_ids=[found["Busse"], found["Glasfaser"]])
        voting.add_to_shortlist(s, info.id, found["Radwege"])
        shown = voting.remove_from_shortlist(s, info.id, found["Busse"])
    assert [[c.text for c in f.cards] for f in shown.fields] == [["Radwege"], ["Glasfaser"]]


def test_the_ballot_length_is_told_in_screens() -> None:
    assert voting.ballot_screens([5] * 7) == 3  # 35 cards: three screens at 1366×768
    assert voting.ballot_screens([40] * 7) > 3
    assert voting.ballot_screens([]) == 0


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("clusters", ("clusters", None)), ("top:3", ("top", 3)), ("TOP", ("top", 5))],
)
def test_shortlist_modes_parse(text: str, parsed: tuple[str, int | None]) -> None:
    assert voting.parse_mode(text) == parsed


@pytest.mark.parametrize("text", ["top:0", "top:x", "beste", "clusters:2"])
def test_a_wrong_shortlist_mode_is_a_sentence(text: str) -> None:
    with pytest.raises(DomainError, match="is no shortlist"):
        voting.parse_mode(text)


# -- bad input: a sentence, nothing changed -----------------------------------------------


def test_an_empty_shortlist_is_refused(db: Database) -> None:
    add_ideas(db, {0: ["Radwege"], 1: ["Glasfaser"]})
    info = _two_fields(db)
    with pytest.raises(DomainError, match="shortlist would be empty"), db.uow() as s:
        voting.set_shortlist(s, info.id, "clusters")  # nothing is clustered
    with db.read() as s:
        assert not voting.preview(s, info.id).shortlisted


def test_the_last_idea_of_a_shortlist_stays(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege"], 1: ["Glasfaser"]})
    info = _two_fields(db)
    with db.uow() as s:
        voting.set_shortlist(s, info.id, "selected", idea_ids=[found["Radwege"]])
    with pytest.raises(DomainError, match="last idea on the shortlist"), db.uow() as s:
        voting.remove_from_shortlist(s, info.id, found["Radwege"])


def test_a_field_without_a_card_keeps_the_round_closed(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege"], 1: ["Glasfaser"]})
    info = _two_fields(db)
    with db.uow() as s:
        voting.set_shortlist(s, info.id, "selected", idea_ids=[found["Radwege"]])
        problems = voting.preview(s, info.id).problems
    assert [p.english() for p in problems] == [
        "The field of action “Wirtschaftsstandort” has no card on the ballot. Put an idea of it "
        "on the shortlist, or leave the field out of the round."
    ]
    with pytest.raises(DomainError, match="has no card"), db.uow() as s:
        voting.start_round(s, info.id)
    with db.read() as s:
        assert voting.get_round(s, info.id).status == "draft"


def test_a_budget_the_cards_cannot_take_keeps_the_round_closed(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege", "Busse"], 1: ["Glasfaser"]})
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(
            s, field_ids=fields[:2], max_dots_per_idea=1, budgets={fields[1]: 3}
        )
        voting.set_shortlist(s, info.id, "all")
        voting.set_shortlist(s, info.id, "selected", idea_ids=list(found.values()))
    with pytest.raises(DomainError, match="can take only 1"), db.uow() as s:
        voting.start_round(s, info.id)


def test_a_merged_idea_gives_way_to_its_survivor_and_a_hidden_one_goes(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege", "Busse", "Leihräder"], 1: ["Glasfaser", "WLAN"]})
    info = _two_fields(db)
    with db.uow() as s:
        voting.set_shortlist(
            s, info.id, "selected", idea_ids=[found["Radwege"], found["Busse"], found["Glasfaser"]]
        )
        ideas.merge(s, found["Busse"], found["Leihräder"])
        ideas.hide(s, found["Radwege"], "Beleidigung")
        shown = voting.preview(s, info.id)
    assert sorted((c.kind, c.text, c.survivor_text) for c in shown.changes) == [
        ("hidden", "Radwege", ""),
        ("merged", "Busse", "Leihräder"),
    ]
    with db.uow() as s:
        opened = voting.start_round(s, info.id)
        sheet = voting.ballot_sheet(s, opened.id)
    assert [[i.text for i in f.ideas] for f in sheet.fields] == [["Leihräder"], ["Glasfaser"]]


def test_an_open_round_keeps_its_shortlist(db: Database) -> None:
    found = add_ideas(db, {0: ["Radwege"], 1: ["Glasfaser"]})
    info = _two_fields(db)
    with db.uow() as s:
        voting.start_round(s, info.id)
    with pytest.raises(DomainError, match="once it has been opened"), db.uow() as s:
        voting.add_to_shortlist(s, info.id, found["Radwege"])


# -- top N with ties -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    name: str
    rank: int


def test_top_n_keeps_every_idea_tied_at_the_cut() -> None:
    ranking = [_Place("a", 1), _Place("b", 2), _Place("c", 3), _Place("d", 3), _Place("e", 3)]
    assert [p.name for p in voting.top_with_ties(ranking, 3)] == ["a", "b", "c", "d", "e"]
    assert [p.name for p in voting.top_with_ties(ranking, 2)] == ["a", "b"]
    assert voting.top_with_ties(ranking, 0) == []


def tied_round(db: Database) -> tuple[voting.RoundInfo, dict[str, uuid.UUID]]:
    """A closed round whose ranking has four ideas tied at rank 2 (the fixture with ties)."""
    people = add_people(db, 5)
    found = add_ideas(db, {0: ["A", "B", "C", "D", "E", "F"]})
    fields = field_ids(db)
    with db.uow() as s:
        info = voting.create_round(s, field_ids=fields[:1], dots_per_participant=5)
        voting.start_round(s, info.id)
    cast(db, info.id, people[0], {found["A"]: 2, found["B"]: 1, found["C"]: 1, found["D"]: 1})
    cast(db, info.id, people[1], {found["A"]: 1, found["E"]: 1, found["F"]: 1})
    with db.uow() as s:
        info = voting.close_round(s, info.id)
    return info, found


def test_results_rank_the_tie_fixture_with_shared_ranks(db: Database) -> None:
    info, _found = tied_round(db)
    with db.read() as s:
        results = voting.round_results(s, info.id)
    top = voting.top_with_ties(results.overall, 2)
    assert [(i.text, i.rank, i.tied) for i in top] == [
        ("A", 1, False),
        ("B", 2, True),
        ("C", 2, True),
        ("D", 2, True),
        ("E", 2, True),
        ("F", 2, True),
    ]


# -- the typed badge code ---------------------------------------------------------------

SECRET = b"k" * 32


def test_the_typed_code_is_four_groups_of_four_with_a_check_digit() -> None:
    payload = tickets.encode_payload("4711", SECRET, 501)
    code = tickets.typed_code(payload)
    groups = code.split(" ")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    digits = "".join(groups)
    assert digits.startswith("000501") and digits[6:15] == payload[10:19]
    assert tickets.damm_digit(digits[:-1]) == digits[-1]


def test_the_check_digit_catches_every_slip_and_swap() -> None:
    digits = "".join(tickets.typed_code(tickets.encode_payload("4711", SECRET, 77)).split())
    for i in range(len(digits)):
        for wrong in "0123456789":
            if wrong != digits[i]:
                slip = digits[:i] + wrong + digits[i + 1 :]
                assert tickets.damm_digit(slip[:-1]) != slip[-1], (i, wrong)
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            swap = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            assert tickets.damm_digit(swap[:-1]) != swap[-1], i


@pytest.mark.parametrize("shape", ["{a} {b} {c} {d}", "{a}-{b}-{c}-{d}", "{a}{b}{c}{d}"])
def test_a_typed_code_resolves_like_the_scan(db: Database, shape: str) -> None:
    people = add_people(db, 1, first=501)
    with db.read() as s:
        code = tickets.typed_code(tickets.payload_for(s, 501))
        a, b, c, d = code.split(" ")
        holder = tickets.resolve_ticket(s, shape.format(a=a, b=b, c=c, d=d), typed=True)
    assert holder.participant_id == people[0]


def test_a_typing_slip_is_a_typo_not_a_forgery(db: Database) -> None:
    add_people(db, 1, first=501)
    with db.read() as s:
        payload = tickets.payload_for(s, 501)
        code = tickets.typed_code(payload).replace(" ", "")
        slip = code[:7] + str((int(code[7]) + 1) % 10) + code[8:]
        forged = payload[:-1] + str((int(payload[-1]) + 1) % 10)
        for raw, typed, reason in (
            (slip, True, TicketRejected.TYPO),
            (forged, True, TicketRejected.TYPO),  # one wrong digit of the long code, typed
            (forged, False, TicketRejected.FORGED),  # the same, scanned: an alarm
            (code[:12], True, TicketRejected.TRUNCATED),  # a group is missing
        ):
            with pytest.raises(TicketRejected) as info:
                tickets.resolve_ticket(s, raw, typed=typed)
            assert info.value.reason == reason, (raw, typed)
    with pytest.raises(TicketRejected, match="Typing slip"), db.read() as s:
        tickets.resolve_ticket(s, slip, typed=True)
    with pytest.raises(TicketRejected, match="Is a group missing"), db.read() as s:
        tickets.resolve_ticket(s, code[:12], typed=True)
