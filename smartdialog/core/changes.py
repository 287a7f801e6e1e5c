"""What the audit log records, and so what the change feed can tell a page.

Every entry's ``action`` is one of these.  The values are the strings written into
event files since the audit log exists: they are part of each entry's hash, so none
may change (a renamed member keeps its value; an action no longer written stays here
while old files may carry it).  A page declares the members it follows; a test checks
that each of them is recorded somewhere.
"""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    BADGE_PRINTED = "badge.printed"
    BADGE_REPRINTED = "badge.reprinted"
    BALLOT_CAST = "ballot.cast"
    BALLOT_CHANGED = "ballot.changed"
    CHECKIN_ANNULLED = "checkin.annulled"
    CHECKIN_CREATED = "checkin.created"
    CHECKIN_REFUSED = "checkin.refused"
    DEMO_IDEAS = "demo.ideas"
    DEMO_PARTICIPANTS = "demo.participants"
    EVENT_ADMIN_PIN_SET = "event.admin_pin_set"
    EVENT_CREATED = "event.created"
    EVENT_ROLE_PIN_SET = "event.role_pin_set"
    EVENT_UPDATED = "event.updated"
    FIELD_ADDED = "field.added"
    FIELD_REMOVED = "field.removed"
    FIELD_REORDERED = "field.reordered"
    FIELD_UPDATED = "field.updated"
    IDEA_CAPTURED = "idea.captured"
    IDEA_CLUSTERED = "idea.clustered"
    IDEA_EDITED = "idea.edited"
    IDEA_HIDDEN = "idea.hidden"
    IDEA_MERGE_TARGET = "idea.merge-target"
    IDEA_MERGED = "idea.merged"
    IDEA_TAGGED = "idea.tagged"
    IDEA_UNHIDDEN = "idea.unhidden"
    IDEA_UNMERGED = "idea.unmerged"
    IDEA_WITHDRAWN = "idea.withdrawn"
    MERGE_DECIDED = "merge.decided"
    MINUTES_FINALISED = "minutes.finalised"
    MINUTES_REOPENED = "minutes.reopened"
    MINUTES_SECTION_RESET = "minutes.section-reset"
    MINUTES_SECTION_SAVED = "minutes.section-saved"
    PAPER_TALLY_SET = "paper_tally.set"
    PARTICIPANT_WALKIN = "participant.walkin"
    PARTICIPANTS_IMPORTED = "participants.imported"
    PRIVACY_ANONYMISED = "privacy.anonymised"
    ROUND_CLOSED = "round.closed"
    ROUND_CREATED = "round.created"
    ROUND_DELETED = "round.deleted"
    ROUND_OPENED = "round.opened"
    ROUND_SHORTLIST = "round.shortlist"
    ROUND_UPDATED = "round.updated"
    STATION_ADDED = "station.added"
    STATION_REMOVED = "station.removed"
    STATION_UPDATED = "station.updated"
    TOPIC_ADDED = "topic.added"
    TOPIC_REMOVED = "topic.removed"
    TOPIC_UPDATED = "topic.updated"


def group(prefix: str) -> frozenset[Action]:
    """The actions of one kind (``group("field.")``): shorthand for a page's declaration."""
    return frozenset(a for a in Action if a.value.startswith(prefix))


# The event's setup: the event itself, its fields of action, their questions and tables.
SETUP: frozenset[Action] = group("event.") | group("field.") | group("topic.") | group("station.")
# After these, a page that shows the ideas with their fields, questions, tables and
# authors reads them all anew (the Ideen page, the Live-Wand).
IDEAS_READ_ANEW: frozenset[Action] = SETUP | {
    Action.DEMO_IDEAS,
    Action.DEMO_PARTICIPANTS,
    Action.PRIVACY_ANONYMISED,
}

# Whatever adds, renames or removes many things at once: a page reads everything anew.
WHOLESALE: frozenset[Action] = frozenset(
    {
        Action.DEMO_IDEAS,
        Action.DEMO_PARTICIPANTS,
        Action.PARTICIPANTS_IMPORTED,
        Action.PRIVACY_ANONYMISED,
    }
)
