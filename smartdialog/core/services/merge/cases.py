"""Clashes the moderator decides: two ballots of one voter, two paper counts of one idea.

Every version is kept in full in the case (``merge_cases.candidates``); one of
them is in effect in the event's own tables.  Until a case is decided the
round it belongs to is provisional and cannot be closed.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.clock import now
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError, NotFoundError
from smartdialog.core.models import (
    MergeCase,
    Participant,
    RoundIdea,
    VotingRound,
)
from smartdialog.core.services import audit
from smartdialog.core.services.merge.rows import Row, content_key, from_json, table, to_json

_CASE_NAMESPACE = uuid.UUID("8f0c6a52-0d2e-4c43-9d0b-5b7a8c4e2f10")
BALLOT, PAPER = "ballot", "paper"


def case_id(kind: str, round_id: uuid.UUID, subject_id: uuid.UUID) -> uuid.UUID:
    """The same clash gets the same case, whichever file was merged first."""
    return uuid.uuid5(_CASE_NAMESPACE, f"{kind}:{round_id}:{subject_id}")


@dataclass(frozen=True)
class Candidate:
    """One version in a case: a ballot with its dots, or a paper count."""

    id: uuid.UUID
    letter: str
    device: str
    at: datetime | None
    where: str
    # Ballot: idea text -> dots; paper: the counted dots on the idea.
    dots: tuple[tuple[str, int], ...]
    total: int
    in_effect: bool


@dataclass(frozen=True)
class CaseInfo:
    id: uuid.UUID
    short: str
    kind: str
    round_id: uuid.UUID
    round_number: int
    round_title: str
    subject: str
    decided: bool
    candidates: tuple[Candidate, ...]


# -- kept with each candidate: the rows that make it ------------------------------------


def candidate_data(main: Row, dots: list[Row]) -> dict[str, Any]:
    return {"row": to_json(main), "dots": [to_json(d) for d in sorted(dots, key=content_key)]}


def candidate_order(data: dict[str, Any]) -> tuple[str, str]:
    """Earliest first: the provisional choice, the same in every merge order."""
    row = data["row"]
    return (row.get("submitted_at") or row.get("created_at") or "", row["id"])


def put_in_effect(conn: Connection, kind: str, data: dict[str, Any]) -> None:
    """Make ``data`` the version in the event's tables, replacing whatever is there."""
    if kind == BALLOT:
        ballots, dots = table("ballots"), table("dots")
        row = from_json(ballots, data["row"])
        conn.execute(
            delete(dots).where(
                dots.c.round_id == row["round_id"], dots.c.participant_id == row["participant_id"]
            )
        )
        conn.execute(
            delete(ballots).where(
                ballots.c.round_id == row["round_id"],
                ballots.c.participant_id == row["participant_id"],
            )
        )
        conn.execute(insert(ballots), [row])
        if data["dots"]:
            conn.execute(insert(dots), [from_json(dots, d) for d in data["dots"]])
    else:
        papers = table("paper_tallies")
        row = from_json(papers, data["row"])
        conn.execute(
            delete(papers).where(
                papers.c.round_id == row["round_id"], papers.c.idea_id == row["idea_id"]
            )
        )
        conn.execute(insert(papers), [row])


# -- what the moderator sees and decides --------------------------------------------------


def open_case_count(s: Session, round_id: uuid.UUID | None = None) -> int:
    query = select(func.count()).select_from(MergeCase).where(MergeCase.decided_id.is_(None))
    if round_id is not None:
        query = query.where(MergeCase.round_id == round_id)
    return int(s.scalar(query) or 0)


def refuse_close_while_open(s: Session, round_id: uuid.UUID) -> None:
    """A round with undecided merge cases has a provisional tally: it cannot be closed."""
    count = open_case_count(s, round_id)
    if count:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The tally of this round is provisional: merging event files left {count} case(s) "
                "for the moderator to decide (File › Merge events…, or smartdialog merge-decide). "
                "Decide them first, then close the round.",
            ),
            count=count,
        )


def list_cases(s: Session, *, open_only: bool = False) -> list[CaseInfo]:
    query = select(MergeCase)
    if open_only:
        query = query.where(MergeCase.decided_id.is_(None))
    rounds = {r.id: r for r in s.scalars(select(VotingRound))}
    device_names = dict(s.execute(select(table("devices").c.id, table("devices").c.name)).all())
    result = []
    for case in s.scalars(query):
        r = rounds.get(case.round_id)
        texts = dict(
            s.execute(
                select(RoundIdea.idea_id, RoundIdea.text).where(RoundIdea.round_id == case.round_id)
            ).all()
        )
        if case.kind == BALLOT:
            person = s.get(Participant, case.subject_id)
            subject = (
                f"{person.display_name} ({person.ticket_number})"
                if person
                else str(case.subject_id)
            )
        else:
            subject = texts.get(case.subject_id, str(case.subject_id))
        candidates = []
        for n, data in enumerate(json.loads(case.candidates)):
            row = data["row"]
            if case.kind == BALLOT:
                counted: dict[str, int] = {}
                for d in data["dots"]:
                    text = texts.get(uuid.UUID(d["idea_id"]), d["idea_id"])
                    counted[text] = counted.get(text, 0) + 1
                dots = tuple(sorted(counted.items()))
                total = len(data["dots"])
                at, where = row.get("submitted_at"), row.get("station", "")
            else:
                dots = ((subject, int(row["dots"])),)
                total = int(row["dots"])
                at, where = row.get("updated_at"), row.get("note", "")
            candidates.append(
                Candidate(
                    id=uuid.UUID(row["id"]),
                    letter=chr(ord("A") + n),
                    device=device_names.get(uuid.UUID(row["device_id"]), ""),
                    at=datetime.fromisoformat(at) if at else None,
                    where=where,
                    dots=dots,
                    total=total,
                    in_effect=uuid.UUID(row["id"]) == case.in_effect_id,
                )
            )
        result.append(
            CaseInfo(
                id=case.id,
                short=case.id.hex[:8],
                kind=case.kind,
                round_id=case.round_id,
                round_number=r.number if r else 0,
                round_title=r.title if r else "",
                subject=subject,
                decided=case.decided_id is not None,
                candidates=tuple(candidates),
            )
        )
    result.sort(key=lambda c: (c.decided, c.round_number, c.kind, c.subject, c.short))
    return result


def find_case(s: Session, short: str) -> uuid.UUID:
    """The case whose id starts with ``short`` (as the report prints it)."""
    short = short.strip().lower()
    matches = [c for c in s.scalars(select(MergeCase.id)) if short and c.hex.startswith(short)]
    if len(matches) != 1:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no open merge case {case} in this event."),
            case=short,
        )
    return matches[0]


def decide(s: Session, case: uuid.UUID, choice: str | uuid.UUID, *, by: str = "") -> CaseInfo:
    """Keep the candidate ``choice`` (its letter A, B, … or its id); the others stay in the case."""
    row = s.get(MergeCase, case)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no open merge case {case} in this event."),
            case=str(case),
        )
    r = s.get(VotingRound, row.round_id)
    if r is not None and r.status == "closed":
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The round is closed; its tally can no longer change.")
        )
    candidates = json.loads(row.candidates)
    chosen = None
    for n, data in enumerate(candidates):
        if str(choice).strip().upper() == chr(ord("A") + n) or str(choice) == data["row"]["id"]:
            chosen = data
    if chosen is None:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "Choose one of the versions listed in the case ({choices})."
            ),
            choices=", ".join(chr(ord("A") + n) for n in range(len(candidates))),
        )
    s.flush()
    put_in_effect(s.connection(), row.kind, chosen)
    chosen_id = uuid.UUID(chosen["row"]["id"])
    s.execute(
        update(MergeCase)
        .where(MergeCase.id == row.id)
        .values(in_effect_id=chosen_id, decided_id=chosen_id, decided_at=now(), decided_by=by[:80])
        .execution_options(synchronize_session=False)
    )
    s.expire_all()
    audit.record(
        s, Action.MERGE_DECIDED, "round", row.round_id, f"{row.kind} {row.id.hex[:8]}: {chosen_id}"
    )
    return next(c for c in list_cases(s) if c.id == row.id)


__all__ = [
    "BALLOT",
    "PAPER",
    "CaseInfo",
    "case_id",
    "decide",
    "find_case",
    "list_cases",
    "open_case_count",
    "refuse_close_while_open",
]
