"""CSV cells for spreadsheets: the one rule for what Excel would run as a formula.

A text cell that a spreadsheet program evaluates (starting with ``= + - @``,
a tab or a carriage return; OWASP "CSV injection") is written with a leading
apostrophe, as is a text that starts with an apostrophe itself, so that
``unguard`` gives back exactly what was written.  Every CSV the program
writes goes through ``writer`` (or ``guard`` for a single cell).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Final, Protocol

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
GUARD: Final = "'"

# On reading, only what would really run is refused: "-" or "+" followed by a
# function call, or "=", "@", a tab or a carriage return at the start.  A phone
# number "+49 251 …" or a dash "- Radwege" in an import is plain text.
_RUNS_AS_FORMULA: Final = re.compile(r"^(?:[=@]|[+\-]\s*[\w\"'(]+.*\(|[\t\r])")


def guard(value: str) -> str:
    """Neutralise a text cell that a spreadsheet would evaluate as a formula."""
    return GUARD + value if value.startswith((*FORMULA_STARTS, GUARD)) else value


def unguard(value: str) -> str:
    """The text of a cell written by ``guard``."""
    return value[1:] if value.startswith(GUARD) else value


def runs_as_formula(value: str) -> bool:
    """True when an imported cell is a formula a spreadsheet would run."""
    return _RUNS_AS_FORMULA.match(value) is not None


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


class GuardedWriter:
    """A ``csv.writer`` whose text cells are guarded; numbers are written as they are."""

    def __init__(self, out: _Writable, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([guard(c) if isinstance(c, str) else c for c in cells])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: _Writable, **options: Any) -> GuardedWriter:
    """The CSV writer for every file and listing the program writes (``csv.writer`` options)."""
    return GuardedWriter(out, **options)
