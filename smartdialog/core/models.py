"""The event's data model: typed SQLAlchemy 2 models.

Every row has a UUID key and records the device that wrote it, so that the
files of several laptops can be merged without collisions.  The invariants
that matter under concurrency are constraints of the database itself: one
active check-in per participant, a dot budget that cannot be overspent, ticket
numbers unique per event.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from smartdialog.core.clock import DEFAULT_ZONE, now
from smartdialog.core.text import listed_name

# Stable constraint names, so that migrations (batch mode on SQLite) can address them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite itself stores no time zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use smartdialog.core.clock.now()")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}  # noqa: RUF012


def _uuid() -> uuid.UUID:
    return uuid.uuid4()


class Row:
    """Columns every synchronisable row has."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    # Filled from the session's device by a flush listener (see db.py).
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("devices.id"), index=False)
    created_at: Mapped[datetime] = mapped_column(default=now)


class Device(Base):
    """A laptop that wrote to this event (desk, table, projector, back office)."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20), default="office")
    first_seen: Mapped[datetime] = mapped_column(default=now)
    last_seen: Mapped[datetime] = mapped_column(default=now)


class Event(Row, Base):
    __tablename__ = "events"

    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    venue: Mapped[str] = mapped_column(String(200), default="")
    organiser: Mapped[str] = mapped_column(String(200), default="")
    council_reference: Mapped[str] = mapped_column(String(60), default="")
    moderation: Mapped[str] = mapped_column(String(200), default="")
    guiding_question: Mapped[str] = mapped_column(Text, default="")
    # Printed into every ticket's QR code; digits only, so that it survives any keyboard layout.
    code: Mapped[str] = mapped_column(String(8), unique=True)
    ticket_secret: Mapped[bytes] = mapped_column(LargeBinary(64))
    next_ticket_number: Mapped[int] = mapped_column(Integer, default=1)
    default_dots_per_participant: Mapped[int] = mapped_column(Integer, default=5)
    default_max_dots_per_idea: Mapped[int] = mapped_column(Integer, default=2)
    # Breakdowns in the minutes (per district, per organisation) only above this group size.
    min_group_size: Mapped[int] = mapped_column(Integer, default=5)
    admin_pin_hash: Mapped[str] = mapped_column(String(200), default="")
    # The PINs of the roles (see services/roles.py); none set: every laptop may do everything.
    desk_pin_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
    moderation_pin_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
    office_pin_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
    minutes_status: Mapped[str] = mapped_column(String(10), default="draft")
    minutes_finalised_at: Mapped[datetime | None]
    # The clock every time of this event is shown in (IANA name), whatever the laptop's zone.
    time_zone: Mapped[str] = mapped_column(
        String(64), default=DEFAULT_ZONE, server_default=DEFAULT_ZONE
    )

    fields: Mapped[list[FieldOfAction]] = relationship(
        back_populates="event", order_by="FieldOfAction.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("minutes_status IN ('draft', 'final')", name="minutes_status"),
        CheckConstraint("min_group_size >= 1", name="min_group_size"),
    )


class FieldOfAction(Row, Base):
    """A Handlungsfeld: Mobilität, Wirtschaftsstandort, …"""

    __tablename__ = "fields_of_action"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7), default="#607d8b")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    event: Mapped[Event] = relationship(back_populates="fields")
    topics: Mapped[list[Topic]] = relationship(
        back_populates="field", order_by="Topic.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("event_id", "name"),
        CheckConstraint("length(colour) = 7", name="colour"),
    )


class Topic(Row, Base):
    """A guiding question or sub-theme within a field of action."""

    __tablename__ = "topics"

    field_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("fields_of_action.id", ondelete="CASCADE")
    )
    question: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    field: Mapped[FieldOfAction] = relationship(back_populates="topics")


class Station(Row, Base):
    """A thematic table with its field of action and facilitators."""

    __tablename__ = "stations"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    field_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("fields_of_action.id", ondelete="SET NULL")
    )
    facilitators: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("event_id", "name"),)


class Participant(Row, Base):
    __tablename__ = "participants"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    ticket_number: Mapped[int] = mapped_column(Integer)
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    # An academic title ("Dr.", "Prof. Dr. med."): on badges and in lists, not in the minutes.
    title: Mapped[str] = mapped_column(String(60), default="", server_default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    district: Mapped[str] = mapped_column(String(120), default="")
    # "preregistered" (imported) or "walkin" (registered at the desk).
    source: Mapped[str] = mapped_column(String(20), default="preregistered")
    # The registration's own number from the online form, for re-imports.
    external_ref: Mapped[str] = mapped_column(String(80), default="")
    # Folded name/organisation for forgiving search (see text.fold).
    search_key: Mapped[str] = mapped_column(String(800), default="")
    consent_data_at: Mapped[datetime | None]
    consent_photos_at: Mapped[datetime | None]
    consent_contact_at: Mapped[datetime | None]
    # May be named as the author of an idea in the minutes.
    consent_attribution_at: Mapped[datetime | None]
    anonymised_at: Mapped[datetime | None]

    __table_args__ = (
        UniqueConstraint("event_id", "ticket_number"),
        CheckConstraint("ticket_number > 0", name="ticket_number"),
        CheckConstraint("source IN ('preregistered', 'walkin')", name="source"),
        Index("ix_participants_event_search", "event_id", "search_key"),
        Index("ix_participants_event_email", "event_id", "email"),
        Index("ix_participants_event_external_ref", "event_id", "external_ref"),
    )

    @property
    def display_name(self) -> str:
        return listed_name(self.first_name, self.last_name)


class CheckIn(Row, Base):
    """One check-in of one participant.  Never deleted: a mistake is annulled with a reason."""

    __tablename__ = "check_ins"

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    at: Mapped[datetime] = mapped_column(default=now)
    desk: Mapped[str] = mapped_column(String(80), default="")
    annulled_at: Mapped[datetime | None]
    annulled_by: Mapped[str] = mapped_column(String(80), default="")
    annul_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # The database, not Python, makes a double check-in impossible (two desks, same moment).
        Index(
            "uq_check_ins_active_participant",
            "participant_id",
            unique=True,
            sqlite_where=text("annulled_at IS NULL"),
            postgresql_where=text("annulled_at IS NULL"),
        ),
    )


class ScanLog(Row, Base):
    """Every scan at a desk or voting station, with its verdict and the reason."""

    __tablename__ = "scan_log"

    at: Mapped[datetime] = mapped_column(default=now)
    desk: Mapped[str] = mapped_column(String(80), default="")
    raw: Mapped[str] = mapped_column(String(200), default="")
    verdict: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(200), default="")
    participant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL")
    )


class BadgePrint(Row, Base):
    """A printed badge; reprints are logged."""

    __tablename__ = "badge_prints"

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    at: Mapped[datetime] = mapped_column(default=now)
    layout: Mapped[str] = mapped_column(String(20), default="a6")
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)


class Idea(Row, Base):
    __tablename__ = "ideas"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    field_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fields_of_action.id"))
    topic_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stations.id", ondelete="SET NULL")
    )
    # Only set when the person consented to be named (consent_attribution_at).
    author_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(10), default="active")
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ideas.id"))
    hidden_reason: Mapped[str] = mapped_column(Text, default="")
    cluster: Mapped[str] = mapped_column(String(120), default="")
    updated_at: Mapped[datetime] = mapped_column(default=now)
    # Optimistic concurrency: two facilitators editing the same idea do not overwrite each other.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API

    __table_args__ = (
        CheckConstraint("status IN ('active', 'merged', 'hidden')", name="status"),
        CheckConstraint(
            "(status = 'merged') = (merged_into_id IS NOT NULL)", name="merged_has_target"
        ),
        CheckConstraint(
            "merged_into_id IS NULL OR merged_into_id <> id", name="not_merged_into_self"
        ),
        Index("ix_ideas_event_field", "event_id", "field_id"),
        Index("ix_ideas_station_created", "station_id", "created_at"),
    )


class IdeaRevision(Row, Base):
    """The history of an idea: created, edited, hidden, merged; each with its text then."""

    __tablename__ = "idea_revisions"

    idea_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class IdeaTag(Row, Base):
    __tablename__ = "idea_tags"

    idea_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    tag: Mapped[str] = mapped_column(String(60))

    __table_args__ = (UniqueConstraint("idea_id", "tag"),)


class VotingRound(Row, Base):
    """A dot-voting round and its rules, which are printed in the minutes.

    The rules can change only while the round is a draft: every dot carries
    copies of its round's limits, bound by composite foreign keys, so that the
    database refuses both a dot beyond a limit and a limit changed under dots.
    """

    __tablename__ = "voting_rounds"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    dots_per_participant: Mapped[int] = mapped_column(Integer, default=5)
    max_dots_per_idea: Mapped[int] = mapped_column(Integer, default=2)
    hide_tally: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_change: Mapped[bool] = mapped_column(Boolean, default=True)
    require_checkin: Mapped[bool] = mapped_column(Boolean, default=True)
    tie_rule: Mapped[str] = mapped_column(String(20), default="shared")
    runoff_of_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("voting_rounds.id"))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    tally_sha256: Mapped[str] = mapped_column(String(64), default="")
    tally_json: Mapped[str] = mapped_column(Text, default="")
    # Participants checked in when the round closed: its turnout stays as it was,
    # whatever happens to check-ins afterwards.
    eligible_at_close: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("event_id", "number"),
        # Targets of the composite foreign keys that bind a dot's slot bounds to its round.
        UniqueConstraint("id", "dots_per_participant", name="uq_voting_rounds_id_dots"),
        UniqueConstraint("id", "max_dots_per_idea", name="uq_voting_rounds_id_max_per_idea"),
        CheckConstraint("dots_per_participant BETWEEN 1 AND 100", name="dots_per_participant"),
        CheckConstraint(
            "max_dots_per_idea >= 1 AND max_dots_per_idea <= dots_per_participant",
            name="max_dots_per_idea",
        ),
        CheckConstraint("status IN ('draft', 'open', 'closed')", name="status"),
        CheckConstraint("tie_rule IN ('shared', 'runoff')", name="tie_rule"),
        CheckConstraint("runoff_of_id IS NULL OR runoff_of_id <> id", name="not_runoff_of_self"),
    )


class RoundField(Row, Base):
    """A field of action that is open in a round, with its optional dot budget.

    ``cap`` is the limit the dots of one voter in this field are bound to: the
    budget, or the round's dots per participant when the field has none.  It
    is never NULL, so the composite foreign key from each dot is always checked.
    """

    __tablename__ = "round_fields"

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("voting_rounds.id", ondelete="CASCADE"))
    field_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fields_of_action.id"))
    budget: Mapped[int | None] = mapped_column(Integer)
    cap: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("round_id", "field_id"),
        UniqueConstraint("round_id", "field_id", "cap", name="uq_round_fields_cap_key"),
        CheckConstraint("budget IS NULL OR budget >= 1", name="budget"),
        CheckConstraint("cap >= 1 AND (budget IS NULL OR cap = budget)", name="cap"),
    )


class RoundIdea(Row, Base):
    """The frozen list of ideas a round votes on, each with its field as it was at opening."""

    __tablename__ = "round_ideas"

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("voting_rounds.id", ondelete="CASCADE"))
    idea_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ideas.id"))
    field_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fields_of_action.id"))
    # The text as it was frozen, so that a later edit cannot change what was voted on.
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("round_id", "idea_id"),
        UniqueConstraint("round_id", "idea_id", "field_id", name="uq_round_ideas_field_key"),
        ForeignKeyConstraint(
            ["round_id", "field_id"],
            ["round_fields.round_id", "round_fields.field_id"],
            name="fk_round_ideas_round_field",
            ondelete="CASCADE",
        ),
    )


class Ballot(Row, Base):
    """A participant's cast ballot in a round: who voted, when, where.

    A ballot is written whole when the voter confirms (its dots with it, in
    one transaction); ``revision`` counts changes, so that a station holding
    an older state of the ballot cannot overwrite a newer one.
    """

    __tablename__ = "ballots"

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("voting_rounds.id", ondelete="CASCADE"))
    # The voter while the round is open; once it closes, the ballot's own random id
    # (no foreign key for that reason: triggers check the voter of an open round).
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    submitted_at: Mapped[datetime | None]
    station: Mapped[str] = mapped_column(String(80), default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (
        UniqueConstraint("round_id", "participant_id"),
        CheckConstraint("revision >= 1", name="revision"),
    )


class Dot(Row, Base):
    """One dot: one row per dot, so that the database can count and bound them.

    ``slot`` numbers the voter's dots 1..budget and is unique per voter and
    round; ``budget`` must equal the round's dots per participant (composite
    foreign key), so no sequence of writes, concurrent or not, can overspend.
    ``idea_slot`` does the same for the maximum per idea, ``field_slot`` for
    the field's cap.  A dot can only sit on an idea of the round's frozen list,
    in the field it was frozen with, and only under a ballot.
    """

    __tablename__ = "dots"

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("voting_rounds.id", ondelete="CASCADE"))
    # The ballot's voter key (see Ballot.participant_id): a random id once the round closed.
    participant_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    idea_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ideas.id"))
    slot: Mapped[int] = mapped_column(Integer)
    budget: Mapped[int] = mapped_column(Integer)
    idea_slot: Mapped[int] = mapped_column(Integer)
    idea_cap: Mapped[int] = mapped_column(Integer)
    field_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("fields_of_action.id"))
    field_slot: Mapped[int] = mapped_column(Integer)
    field_cap: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("round_id", "participant_id", "slot"),
        UniqueConstraint(
            "round_id", "participant_id", "idea_id", "idea_slot", name="uq_dots_idea_slot"
        ),
        UniqueConstraint(
            "round_id", "participant_id", "field_id", "field_slot", name="uq_dots_field_slot"
        ),
        CheckConstraint("slot >= 1 AND slot <= budget", name="slot_in_budget"),
        CheckConstraint("idea_slot >= 1 AND idea_slot <= idea_cap", name="idea_slot_in_cap"),
        CheckConstraint("field_slot >= 1 AND field_slot <= field_cap", name="field_slot_in_cap"),
        ForeignKeyConstraint(
            ["round_id", "budget"],
            ["voting_rounds.id", "voting_rounds.dots_per_participant"],
            name="fk_dots_round_budget",
        ),
        ForeignKeyConstraint(
            ["round_id", "idea_cap"],
            ["voting_rounds.id", "voting_rounds.max_dots_per_idea"],
            name="fk_dots_round_idea_cap",
        ),
        ForeignKeyConstraint(
            ["round_id", "field_id", "field_cap"],
            ["round_fields.round_id", "round_fields.field_id", "round_fields.cap"],
            name="fk_dots_round_field_cap",
        ),
        ForeignKeyConstraint(
            ["round_id", "idea_id", "field_id"],
            ["round_ideas.round_id", "round_ideas.idea_id", "round_ideas.field_id"],
            name="fk_dots_round_idea",
        ),
        ForeignKeyConstraint(
            ["round_id", "participant_id"],
            ["ballots.round_id", "ballots.participant_id"],
            name="fk_dots_ballot",
            ondelete="CASCADE",
        ),
        Index("ix_dots_round_idea", "round_id", "idea_id"),
    )


class PaperTally(Row, Base):
    """Dots counted on a paper poster, entered by a facilitator."""

    __tablename__ = "paper_tallies"

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("voting_rounds.id", ondelete="CASCADE"))
    idea_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ideas.id"))
    dots: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=now)

    __table_args__ = (
        UniqueConstraint("round_id", "idea_id"),
        CheckConstraint("dots >= 0 AND dots <= 10000", name="dots"),
        ForeignKeyConstraint(
            ["round_id", "idea_id"],
            ["round_ideas.round_id", "round_ideas.idea_id"],
            name="fk_paper_tallies_round_idea",
            ondelete="CASCADE",
        ),
    )


class MinutesSection(Row, Base):
    """A part of the minutes only a person can write (Anlass und Ziel, Ablauf, …)."""

    __tablename__ = "minutes_sections"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=now)

    __table_args__ = (UniqueConstraint("event_id", "key"),)


class AuditEntry(Base):
    """The audit log, which is also the change feed other laptops poll.

    ``seq`` is monotonic within one database; ``id`` identifies the entry
    across merged files.
    """

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=_uuid)
    at: Mapped[datetime] = mapped_column(default=now)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("devices.id"))
    role: Mapped[str] = mapped_column(String(20), default="")
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    summary: Mapped[str] = mapped_column(Text, default="")
    # The chain (see services/audit.py): the hash of the entry before and of this one.
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")

    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_id"),)


# -- the bookkeeping of merged event files (core/services/merge) ------------------------
#
# Kept apart from the event's own data: the canonical export of an event leaves these
# tables out, and merging in any order must give the same event, not the same bookkeeping.


class MergeCase(Base):
    """A clash that a merge cannot settle by a rule: the moderator decides.

    One row per clash (two ballots of one voter in one round, two paper counts
    of one idea); ``id`` is derived from what clashes, so that every merge
    order finds the same case.  ``candidates`` holds every version in full
    (JSON), so that none is lost while another one is in effect.
    """

    __tablename__ = "merge_cases"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    round_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    subject_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    candidates: Mapped[str] = mapped_column(Text, default="[]")
    # The candidate in effect: the chosen one once decided, else the provisional one.
    in_effect_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    decided_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str] = mapped_column(String(80), default="")

    __table_args__ = (CheckConstraint("kind IN ('ballot', 'paper')", name="kind"),)


class MergeTicketNumber(Base):
    """A participant's ticket number before a merge gave it a new one (clash of walk-ins)."""

    __tablename__ = "merge_ticket_numbers"

    participant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    )
    original_number: Mapped[int] = mapped_column(Integer)


class MergeAuditOrigin(Base):
    """Where an audit entry taken over by a merge came from (file and its own number there)."""

    __tablename__ = "merge_audit_origins"

    audit_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    source: Mapped[str] = mapped_column(String(300))
    source_seq: Mapped[int] = mapped_column(Integer)


class MergeRun(Base):
    """One merge into this event: when, by which laptop, from which file, and its report."""

    __tablename__ = "merge_runs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    at: Mapped[datetime] = mapped_column(default=now)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    sources: Mapped[str] = mapped_column(Text, default="")
    report_json: Mapped[str] = mapped_column(Text, default="")
