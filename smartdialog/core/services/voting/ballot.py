"""A ballot's rules: the draft a station keeps while the voter chooses, and the check on confirm."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services.voting.values import RoundRules


class BallotDraft:
    """A voter's choices before they confirm, checked against the round's rules.

    The station asks it what a tap may do; ``cast_ballot`` checks the same
    rules again (``check_ballot``) and the database checks them a third time.
    """

    def __init__(
        self,
        rules: RoundRules,
        field_of: Mapping[uuid.UUID, uuid.UUID],
        dots: Mapping[uuid.UUID, int] | None = None,
    ) -> None:
        self.rules = rules
        self._field_of = dict(field_of)
        self._dots: Counter[uuid.UUID] = Counter()
        for idea_id, count in (dots or {}).items():
            if idea_id in self._field_of and count > 0:
                self._dots[idea_id] = count

    @property
    def dots(self) -> dict[uuid.UUID, int]:
        return {idea: n for idea, n in self._dots.items() if n > 0}

    def on(self, idea_id: uuid.UUID) -> int:
        return self._dots[idea_id]

    @property
    def used(self) -> int:
        return sum(self._dots.values())

    @property
    def left(self) -> int:
        return self.rules.dots_per_participant - self.used

    def used_in(self, field_id: uuid.UUID) -> int:
        return sum(n for idea, n in self._dots.items() if self._field_of[idea] == field_id)

    def left_in(self, field_id: uuid.UUID) -> int:
        return min(self.left, self.rules.cap_of(field_id) - self.used_in(field_id))

    def can_add(self, idea_id: uuid.UUID) -> bool:
        field_id = self._field_of.get(idea_id)
        if field_id is None:
            return False
        return (
            self.left > 0
            and self._dots[idea_id] < self.rules.max_dots_per_idea
            and self.used_in(field_id) < self.rules.cap_of(field_id)
        )

    def add(self, idea_id: uuid.UUID) -> bool:
        if not self.can_add(idea_id):
            return False
        self._dots[idea_id] += 1
        return True

    def remove(self, idea_id: uuid.UUID) -> bool:
        if self._dots[idea_id] <= 0:
            return False
        self._dots[idea_id] -= 1
        return True

    def clear(self) -> None:
        self._dots.clear()


def check_ballot(
    rules: RoundRules, field_of: Mapping[uuid.UUID, uuid.UUID], dots: Mapping[uuid.UUID, int]
) -> dict[uuid.UUID, int]:
    """The ballot without zero entries, or DomainError when it breaks a rule."""
    cleaned: dict[uuid.UUID, int] = {}
    for idea_id, count in dots.items():
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "A dot count must be a whole number of 0 or more.")
            )
        if count == 0:
            continue
        if idea_id not in field_of:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "This idea is not part of the voting round. Scan your badge again."
                )
            )
        if count > rules.max_dots_per_idea:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "At most {max} dots per idea are allowed in this round."
                ),
                max=rules.max_dots_per_idea,
            )
        cleaned[idea_id] = count
    total = sum(cleaned.values())
    if total == 0:
        raise DomainError(QT_TRANSLATE_NOOP("errors", "Place at least one dot, or press Cancel."))
    if total > rules.dots_per_participant:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "You have {max} dots in this round, not {count}."),
            max=rules.dots_per_participant,
            count=total,
        )
    per_field: Counter[uuid.UUID] = Counter()
    for idea_id, count in cleaned.items():
        per_field[field_of[idea_id]] += count
    for rule in rules.fields:
        if rule.budget is not None and per_field[rule.field_id] > rule.budget:
            raise DomainError(
                QT_TRANSLATE_NOOP("errors", "At most {max} dots may go to “{field}”."),
                max=rule.budget,
                field=rule.name,
            )
    return cleaned
