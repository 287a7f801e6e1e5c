"""Text folding for forgiving search: "Muller", "Mueller" and "MÜLLER" all find Müller."""

from __future__ import annotations

import re
import unicodedata

# German transliterations first, so that "Müller" and "Mueller" meet at "muller".
_GERMAN = str.maketrans(
    {"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}
)
_UMLAUT_DIGRAPHS = re.compile(r"(?<=[a-z])(ae|oe|ue)")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """A search key: case-folded, without diacritics, ``ae/oe/ue`` after a consonant as ``a/o/u``.

    Both the stored key and the query go through this, so the two always agree.
    """
    folded = text.casefold().translate(_GERMAN)
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _UMLAUT_DIGRAPHS.sub(lambda m: m.group(1)[0], stripped)
    return _SPACES.sub(" ", stripped).strip()


def clean_line(text: str, *, limit: int) -> str:
    """One line of user text: trimmed, inner whitespace collapsed, control characters dropped."""
    cleaned = "".join(c if c.isprintable() else " " for c in text)
    return _SPACES.sub(" ", cleaned).strip()[:limit]


def listed_name(first: str, last: str) -> str:
    """A person as lists sort them: "Müller, Jürgen" (or just the part that is there)."""
    return ", ".join(p for p in (last, first) if p)


def full_name(first: str, last: str) -> str:
    """A person as badges and greetings name them: "Jürgen Müller"."""
    return " ".join(p for p in (first, last) if p)
