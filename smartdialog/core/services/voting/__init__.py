"""Dot-voting: rounds and their rules, ballots, paper tallies, results.

One module per job: ``values`` (the plain values handed out), ``ballot``
(a ballot's rules), ``records`` (reading a round), ``rounds`` (a round's
life: create, change, open, close, runoff), ``station`` (scan, sheet, cast)
``results`` (paper tallies, results, the tally hash) and ``shortlist`` (what
a round votes on).  Callers use the
package: ``voting.cast_ballot(...)``.

How overspending is made impossible
-----------------------------------
Each dot is one row.  Its ``slot`` (1..dots per participant), ``idea_slot``
(1..max per idea) and ``field_slot`` (1..the field's cap) are unique per voter
and round, and the bounds themselves are copies of the round's rules held in
place by composite foreign keys.  Whatever runs in parallel, the database
cannot hold a sixth dot of a five-dot voter: there is no sixth slot number.
"""

from __future__ import annotations

from smartdialog.core.services.voting.ballot import (
    BallotDraft,
    check_ballot,
)
from smartdialog.core.services.voting.results import (
    paper_tallies,
    round_results,
    set_paper_tally,
    tally_json,
    turnout,
    verify_tally,
)
from smartdialog.core.services.voting.rounds import (
    close_round,
    create_round,
    create_runoff,
    current_round,
    delete_round,
    get_round,
    latest_round,
    list_rounds,
    round_by_number,
    start_round,
    update_round,
)
from smartdialog.core.services.voting.shortlist import (
    SHORTLIST_MODES,
    BallotPreview,
    PreviewField,
    ShortlistCard,
    ShortlistChange,
    add_to_shortlist,
    ballot_screens,
    draft_preview,
    parse_mode,
    preview,
    remove_from_shortlist,
    set_shortlist,
)
from smartdialog.core.services.voting.station import (
    ballot_sheet,
    cast_ballot,
    scan_badge,
    voter_for,
)
from smartdialog.core.services.voting.values import (
    MAX_DOTS_PER_PARTICIPANT,
    MAX_PAPER_DOTS,
    TIE_RULES,
    BadgeScan,
    BallotSheet,
    CastBallot,
    FieldResult,
    FieldRule,
    IdeaResult,
    MergedIdea,
    PaperTallyInfo,
    RoundInfo,
    RoundResults,
    RoundRules,
    SheetField,
    SheetIdea,
    Turnout,
    Voter,
    top_with_ties,
)

__all__ = [
    "MAX_DOTS_PER_PARTICIPANT",
    "MAX_PAPER_DOTS",
    "SHORTLIST_MODES",
    "TIE_RULES",
    "BadgeScan",
    "BallotDraft",
    "BallotPreview",
    "BallotSheet",
    "CastBallot",
    "FieldResult",
    "FieldRule",
    "IdeaResult",
    "MergedIdea",
    "PaperTallyInfo",
    "PreviewField",
    "RoundInfo",
    "RoundResults",
    "RoundRules",
    "SheetField",
    "SheetIdea",
    "ShortlistCard",
    "ShortlistChange",
    "Turnout",
    "Voter",
    "add_to_shortlist",
    "ballot_screens",
    "ballot_sheet",
    "cast_ballot",
    "check_ballot",
    "close_round",
    "create_round",
    "create_runoff",
    "current_round",
    "delete_round",
    "draft_preview",
    "get_round",
    "latest_round",
    "list_rounds",
    "paper_tallies",
    "parse_mode",
    "preview",
    "remove_from_shortlist",
    "round_by_number",
    "round_results",
    "scan_badge",
    "set_paper_tally",
    "set_shortlist",
    "start_round",
    "tally_json",
    "top_with_ties",
    "turnout",
    "update_round",
    "verify_tally",
    "voter_for",
]
