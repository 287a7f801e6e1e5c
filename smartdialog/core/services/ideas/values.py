"""The plain values the idea services hand out, and the limits of an idea's parts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

# Long enough for a paragraph somebody dictates, short enough for a card on the wall.
TEXT_LIMIT = 1000
TAG_LIMIT = 60
CLUSTER_LIMIT = 120
REASON_LIMIT = 500
STATUSES = ("active", "merged", "hidden")


@dataclass(frozen=True)
class IdeaInfo:
    """One idea as views and the command line see it (no session attached)."""

    id: uuid.UUID
    text: str
    field_id: uuid.UUID
    topic_id: uuid.UUID | None
    station_id: uuid.UUID | None
    author_id: uuid.UUID | None
    # Only filled while the author's consent to be named stands.
    author_name: str
    status: str
    merged_into_id: uuid.UUID | None
    hidden_reason: str
    cluster: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    version: int
    device_id: uuid.UUID

    @property
    def is_active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class RevisionInfo:
    kind: str
    text: str
    detail: str
    at: datetime
    device_id: uuid.UUID


@dataclass(frozen=True)
class AuthorChoice:
    """A participant who consented to be named as an idea's author."""

    id: uuid.UUID
    name: str
    ticket_number: int
