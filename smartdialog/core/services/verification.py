"""Checking an event file against a tally hash somebody wrote down on the day.

The tally hash of a closed round is shown on the wall, printed in the minutes
and on the signed Abstimmungsprotokoll.  A file changed afterwards, even with
its stored hash recomputed, no longer matches what is on paper; the audit
chain says in addition whether the log was edited, and where first.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services import audit
from smartdialog.core.services.voting.records import round_row
from smartdialog.core.services.voting.results import tally_json
from smartdialog.core.services.voting.rounds import round_by_number

_NOT_HEX = re.compile(r"[\s\-_.:]+")


def normalise_hash(written: str) -> str:
    """What a person wrote down, as 64 lower-case hex digits (spaces, dashes, case ignored)."""
    digits = _NOT_HEX.sub("", written).lower()
    if len(digits) != 64 or any(c not in "0123456789abcdef" for c in digits):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A tally hash has 64 characters, the digits 0–9 and the letters a–f "
                "(spaces do not matter). Check what was written down.",
            )
        )
    return digits


def hash_groups(digest: str, size: int = 4) -> str:
    """A hash in groups of four, easy to read aloud and to copy by hand."""
    return " ".join(digest[i : i + size] for i in range(0, len(digest), size))


@dataclass(frozen=True)
class Verdict:
    """The result of checking one round against a written hash."""

    round_number: int
    round_title: str
    # The written hash equals the one stored at closing.
    stored_matches: bool
    # The dots in the file still give the written hash.
    tally_matches: bool
    chain: audit.ChainCheck

    @property
    def ok(self) -> bool:
        return self.stored_matches and self.tally_matches and self.chain.intact


def verify_round(s: Session, number: int, written: str) -> Verdict:
    """Check round ``number`` of this file against ``written`` and the audit chain."""
    expected = normalise_hash(written)
    info = round_by_number(s, number)
    r = round_row(s, info.id)
    if r.status != "closed":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "Round {number} is not closed yet; it has no tally hash to check."
            ),
            number=number,
        )
    actual = hashlib.sha256(tally_json(s, r.id).encode("utf-8")).hexdigest()
    return Verdict(
        round_number=r.number,
        round_title=r.title,
        stored_matches=hmac.compare_digest(expected, r.tally_sha256),
        tally_matches=hmac.compare_digest(expected, actual),
        chain=audit.verify_chain(s),
    )
