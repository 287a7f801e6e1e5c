"""What the minutes show, read from the event in one go: plain values, no personal data.

``collect`` is the only place that decides what of the event may appear in
the document.  Participants enter it as counts only (breakdowns only for
groups of at least the event's minimum group size); an idea's author only
by name when that person consented to be named.  Everything after this
module works on these frozen values and never sees a session.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from smartdialog.core.minutes import texts, votes
from smartdialog.core.minutes.votes import RoundSummary
from smartdialog.core.models import (
    AuditEntry,
    CheckIn,
    FieldOfAction,
    Idea,
    IdeaRevision,
    MinutesSection,
    Participant,
    Station,
    Topic,
)
from smartdialog.core.services import counting, registration, setup
from smartdialog.core.services.counting import IdeaCount


@dataclass(frozen=True)
class IdeaEntry:
    number: int  # "Nr." in the document: by time of creation, stable for the same data
    id: uuid.UUID
    text: str
    field_id: uuid.UUID
    topic: str
    station: str
    created_at: datetime
    updated_at: datetime
    status: str  # active / merged / hidden
    merged_into: int | None  # the number of the idea it was merged into
    author: str  # only when the person consented to be named; "" otherwise
    hidden_reason: str

    @property
    def published_text(self) -> str:
        return texts.NOT_PRINTED if self.status == "hidden" else self.text


@dataclass(frozen=True)
class FieldEntry:
    id: uuid.UUID
    name: str
    colour: str
    description: str
    summary: str  # the part a person writes (stored with the event)
    ideas: tuple[IdeaEntry, ...]  # every idea of the field, in number order
    # The field's numbers by the one counting rule (core.services.counting).
    count: IdeaCount

    @property
    def active(self) -> tuple[IdeaEntry, ...]:
        return tuple(i for i in self.ideas if i.status == "active")

    def status_count(self, status: str) -> int:
        return sum(1 for i in self.ideas if i.status == status)


@dataclass(frozen=True)
class Group:
    label: str
    count: int


@dataclass(frozen=True)
class Attendance:
    registered: int
    preregistered: int
    walkins: int
    present: int
    present_preregistered: int
    min_group_size: int
    # Only groups of at least ``min_group_size``; the rest summed up in ``*_rest``.
    by_district: tuple[Group, ...]
    district_rest: int
    district_unknown: int
    by_organisation: tuple[Group, ...]
    organisation_rest: int
    private: int
    ideas_per_station: tuple[Group, ...]
    # The rows printed below the groups ("weitere …", "ohne Angabe"), each of at least
    # ``min_group_size``: smaller ones are folded together, or left out when still too small.
    district_other: tuple[Group, ...] = ()
    organisation_other: tuple[Group, ...] = ()


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    kind: str  # merged / hidden
    number: int
    target: int | None
    detail: str


@dataclass(frozen=True)
class MinutesContent:
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    venue: str
    organiser: str
    council_reference: str
    moderation: str
    guiding_question: str
    final: bool
    # The date the document speaks of itself ("Stand"), taken from the data, never from the clock.
    stamp: datetime
    sections: Mapping[str, str]
    fields: tuple[FieldEntry, ...]
    attendance: Attendance
    rounds: tuple[RoundSummary, ...]
    log: tuple[LogEntry, ...]
    stations: tuple[str, ...] = field(default=())

    @property
    def ideas(self) -> tuple[IdeaEntry, ...]:
        return tuple(sorted((i for f in self.fields for i in f.ideas), key=lambda i: i.number))

    @property
    def idea_count(self) -> IdeaCount:
        """The whole event's numbers, by the same rule as each field's."""
        total = IdeaCount()
        for f in self.fields:
            total += f.count
        return total

    @property
    def result_round(self) -> RoundSummary | None:
        """The round whose result the chapters report: the last closed one, else the last one.

        A runoff only decides a tie of the round it belongs to, so it is never the result itself.
        """
        main = [r for r in self.rounds if r.runoff_of is None]
        closed = [r for r in main if r.status == "closed"]
        candidates = closed or main
        return candidates[-1] if candidates else None


def collect(s: Session) -> MinutesContent:
    event = setup.current_event(s)
    fields = document_fields(s)
    stations = {st.id: st.name for st in s.scalars(select(Station).order_by(Station.position))}
    topics = {t.id: t.question for t in s.scalars(select(Topic))}
    stored = {
        m.key: m.body
        for m in s.scalars(select(MinutesSection).where(MinutesSection.event_id == event.id))
    }
    info = setup.get_event(s)
    sections = {
        key: stored.get(key, default) for key, default in texts.defaults(info, fields).items()
    }

    ideas = _ideas(s, event.id, stations, topics)
    by_field: dict[uuid.UUID, list[IdeaEntry]] = {}
    for idea in ideas:
        by_field.setdefault(idea.field_id, []).append(idea)
    ids = {i.number: i.id for i in ideas}
    counts = counting.count_ideas(
        counting.Countable(
            i.id, i.field_id, i.status, ids.get(i.merged_into) if i.merged_into else None
        )
        for i in ideas
    )
    field_entries = tuple(
        FieldEntry(
            f.id,
            f.name,
            f.colour,
            f.description,
            sections.get(texts.field_key(f.id), ""),
            tuple(by_field.get(f.id, ())),
            counts.get(f.id, IdeaCount()),
        )
        for f in fields
    )
    numbers = {i.id: i.number for i in ideas}
    return MinutesContent(
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        venue=event.venue,
        organiser=event.organiser,
        council_reference=event.council_reference,
        moderation=event.moderation,
        guiding_question=event.guiding_question,
        final=event.minutes_status == "final",
        stamp=_stamp(
            s,
            event.minutes_finalised_at if event.minutes_status == "final" else None,
            event.created_at,
        ),
        sections=sections,
        fields=field_entries,
        attendance=_attendance(s, event.id, event.min_group_size, ideas),
        rounds=votes.summaries(s, numbers),
        log=_log(s, ideas),
        stations=tuple(stations.values()),
    )


def document_fields(s: Session) -> list[setup.FieldInfo]:
    """The fields of action the minutes report on, in their order.

    An archived field still belongs in the minutes when ideas were written to it.
    """
    with_ideas = set(s.scalars(select(Idea.field_id).distinct()))
    archived = set(s.scalars(select(FieldOfAction.id).where(FieldOfAction.archived.is_(True))))
    return [
        f
        for f in setup.list_fields(s, include_archived=True)
        if f.id in with_ideas or f.id not in archived
    ]


def _stamp(s: Session, finalised_at: datetime | None, created: datetime) -> datetime:
    """The final minutes are dated when they were finalised; a draft by the event's last change."""
    if finalised_at is not None:
        return finalised_at
    last = s.scalar(select(func.max(AuditEntry.at)))
    return last or created


def _ideas(
    s: Session, event_id: uuid.UUID, stations: dict[uuid.UUID, str], topics: dict[uuid.UUID, str]
) -> list[IdeaEntry]:
    rows = list(
        s.scalars(select(Idea).where(Idea.event_id == event_id).order_by(Idea.created_at, Idea.id))
    )
    numbers = {row.id: n for n, row in enumerate(rows, start=1)}
    authors = registration.author_names(s, (r.author_id for r in rows if r.author_id is not None))
    return [
        IdeaEntry(
            number=numbers[r.id],
            id=r.id,
            text=r.text,
            field_id=r.field_id,
            topic=topics.get(r.topic_id, "") if r.topic_id else "",
            station=stations.get(r.station_id, "") if r.station_id else "",
            created_at=r.created_at,
            updated_at=r.updated_at,
            status=r.status,
            merged_into=numbers.get(r.merged_into_id) if r.merged_into_id else None,
            author=authors.get(r.author_id, "") if r.author_id else "",
            hidden_reason=r.hidden_reason,
        )
        for r in rows
    ]


def _attendance(
    s: Session, event_id: uuid.UUID, min_group: int, ideas: list[IdeaEntry]
) -> Attendance:
    people = s.execute(
        select(
            Participant.id, Participant.source, Participant.district, Participant.organisation
        ).where(Participant.event_id == event_id)
    ).all()
    present_ids = set(
        s.scalars(
            select(CheckIn.participant_id)
            .join(Participant, Participant.id == CheckIn.participant_id)
            .where(Participant.event_id == event_id, CheckIn.annulled_at.is_(None))
        )
    )
    present = [p for p in people if p.id in present_ids]
    districts, district_rest = _groups(
        (p.district.strip() for p in present if p.district.strip()), min_group
    )
    organisations, organisation_rest = _groups(
        (p.organisation.strip() for p in present if p.organisation.strip()), min_group
    )
    if len(present) < min_group:
        # Too few people for any breakdown to stay anonymous.
        districts, organisations = (), ()
        district_rest = sum(1 for p in present if p.district.strip())
        organisation_rest = sum(1 for p in present if p.organisation.strip())
    per_station = Counter(i.station or "ohne Tisch" for i in ideas if counting.is_counted(i.status))
    district_unknown = sum(1 for p in present if not p.district.strip())
    private = sum(1 for p in present if not p.organisation.strip())
    return Attendance(
        registered=len(people),
        preregistered=sum(1 for p in people if p.source == "preregistered"),
        walkins=sum(1 for p in people if p.source == "walkin"),
        present=len(present),
        present_preregistered=sum(1 for p in present if p.source == "preregistered"),
        min_group_size=min_group,
        by_district=districts,
        district_rest=district_rest,
        district_unknown=district_unknown,
        by_organisation=organisations,
        organisation_rest=organisation_rest,
        private=private,
        ideas_per_station=tuple(Group(name, n) for name, n in sorted(per_station.items())),
        district_other=fold_small(
            [Group("weitere Stadtteile", district_rest), Group("ohne Angabe", district_unknown)],
            min_group,
            "weitere Stadtteile oder ohne Angabe",
        ),
        organisation_other=fold_small(
            [
                Group("weitere Organisationen", organisation_rest),
                Group("ohne Organisation", private),
            ],
            min_group,
            "weitere oder ohne Organisation",
        ),
    )


def fold_small(rows: Iterable[Group], min_group: int, together: str) -> tuple[Group, ...]:
    """The rest rows of a breakdown, none below ``min_group``.

    When one row is too small, all are summed up under ``together``; when even
    that sum is too small, nothing is printed (it is the difference to the total).
    """
    rows = [g for g in rows if g.count > 0]
    if all(g.count >= min_group for g in rows):
        return tuple(rows)
    whole = sum(g.count for g in rows)
    return (Group(together, whole),) if whole >= min_group else ()


def _groups(values: Iterable[str], min_group: int) -> tuple[tuple[Group, ...], int]:
    """Groups of at least ``min_group`` by size (then name); the smaller ones only as a sum."""
    counts = Counter(values)
    shown = sorted(
        ((k, n) for k, n in counts.items() if n >= min_group), key=lambda kv: (-kv[1], kv[0])
    )
    rest = sum(n for n in counts.values() if n < min_group)
    return tuple(Group(k, n) for k, n in shown), rest


# The revision kind the ideas service writes for each status an idea can be left in.
_REVISION_OF = {"merged": "merged-into", "hidden": "hidden"}


def _log(s: Session, ideas: list[IdeaEntry]) -> tuple[LogEntry, ...]:
    """Merged and hidden ideas, each with the time of its last such step."""
    changed = {i.id: i for i in ideas if i.status in ("merged", "hidden")}
    if not changed:
        return ()
    when: dict[uuid.UUID, datetime] = {}
    for idea_id, kind, at in s.execute(
        select(IdeaRevision.idea_id, IdeaRevision.kind, IdeaRevision.created_at)
        .where(IdeaRevision.idea_id.in_(changed))
        .order_by(IdeaRevision.created_at)
    ):
        if kind == _REVISION_OF[changed[idea_id].status]:
            when[idea_id] = at
    entries = [
        LogEntry(
            at=when.get(i.id, i.updated_at),
            kind=i.status,
            number=i.number,
            target=i.merged_into,
            detail=i.hidden_reason if i.status == "hidden" else "",
        )
        for i in changed.values()
    ]
    return tuple(sorted(entries, key=lambda e: (e.at, e.number)))
