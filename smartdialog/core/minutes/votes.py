"""The voting rounds as the minutes report them, taken from the voting service's results.

The tally and the ranking are the voting service's (one rule, one home);
this only translates its results into the minutes' numbering of ideas.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from smartdialog.core.minutes import texts
from smartdialog.core.services import voting


@dataclass(frozen=True)
class RankedIdea:
    number: int
    text: str
    field_id: uuid.UUID
    device_dots: int
    paper_dots: int
    total: int
    rank: int
    tied: bool
    merged_from: tuple[int, ...]
    hidden: bool = False

    @property
    def published_text(self) -> str:
        return texts.NOT_PRINTED if self.hidden else self.text


@dataclass(frozen=True)
class FieldBudget:
    field_id: uuid.UUID
    name: str
    budget: int | None


@dataclass(frozen=True)
class RoundSummary:
    number: int
    title: str
    status: str
    dots_per_participant: int
    max_dots_per_idea: int
    fields: tuple[FieldBudget, ...]
    hide_tally: bool
    allow_change: bool
    require_checkin: bool
    tie_rule: str
    runoff_of: int | None
    opened_at: datetime | None
    closed_at: datetime | None
    ballots: int
    eligible: int
    dots_used: int  # on devices
    dots_available: int
    paper_dots: int
    ranking: tuple[RankedIdea, ...]
    by_field: Mapping[uuid.UUID, tuple[RankedIdea, ...]]
    tally_sha256: str
    tally_intact: bool | None

    @property
    def sealed(self) -> bool:
        """Running with its tally hidden until it closes (the round's own rule)."""
        return self.status != "closed" and self.hide_tally


def _ranked(result: voting.IdeaResult, numbers: Mapping[uuid.UUID, int]) -> RankedIdea:
    return RankedIdea(
        number=numbers.get(result.idea_id, 0),
        text=result.text,
        field_id=result.field_id,
        device_dots=result.device_dots,
        paper_dots=result.paper_dots,
        total=result.total,
        rank=result.rank,
        tied=result.tied,
        merged_from=tuple(sorted(numbers.get(m.idea_id, 0) for m in result.merged_from)),
        hidden=result.hidden,
    )


def summaries(s: Session, numbers: Mapping[uuid.UUID, int]) -> tuple[RoundSummary, ...]:
    """Every round that was opened (drafts never reached anyone), in number order."""
    out = []
    for info in sorted(voting.list_rounds(s), key=lambda r: r.number):
        if info.status == "draft":
            continue
        results = voting.round_results(s, info.id)
        rules = info.rules
        out.append(
            RoundSummary(
                number=info.number,
                title=info.title,
                status=info.status,
                dots_per_participant=rules.dots_per_participant,
                max_dots_per_idea=rules.max_dots_per_idea,
                fields=tuple(FieldBudget(f.field_id, f.name, f.budget) for f in rules.fields),
                hide_tally=rules.hide_tally,
                allow_change=rules.allow_change,
                require_checkin=rules.require_checkin,
                tie_rule=rules.tie_rule,
                runoff_of=info.runoff_of_number,
                opened_at=info.opened_at,
                closed_at=info.closed_at,
                ballots=results.turnout.ballots_cast,
                eligible=results.turnout.eligible,
                dots_used=results.turnout.dots_used,
                dots_available=results.turnout.dots_available,
                paper_dots=results.turnout.paper_dots,
                ranking=tuple(_ranked(r, numbers) for r in results.overall),
                by_field={
                    f.field_id: tuple(_ranked(r, numbers) for r in f.ideas) for f in results.fields
                },
                tally_sha256=results.tally_sha256,
                tally_intact=results.tally_intact,
            )
        )
    return tuple(out)
