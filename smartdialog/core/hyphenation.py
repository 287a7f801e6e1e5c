"""German hyphenation, one dictionary for the wall and the minutes.

pyphen ships LibreOffice's hyphenation patterns (kept with the package, no
network).  A break leaves at least three letters on either side, so that no
line starts or ends with a lone syllable like "ge-"; the PDF and the wall
show a hyphen at every break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

import pyphen

LANGUAGE = "de_DE"
SOFT_HYPHEN = "\u00ad"
# Letters kept together at the start and the end of a word.
EDGE = 3
# Shorter words are never broken: they fit any column the wall or the minutes use, and
# breaking "einfließen" to leave "ßen." alone on a line helps nobody.
MIN_WORD = 12

_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANGUAGE, left=EDGE, right=EDGE)


_VOWELS = frozenset("aeiouyäöüéèêàáâëïîôûAEIOUYÄÖÜ")


def positions(word: str) -> list[int]:
    """Where ``word`` may be broken: indexes into it, ascending.

    pyphen's patterns offer "Wirt-schafts-s-tand-ort"; a part without a vowel
    is no syllable, so such a cut is left out ("Wirtschafts-standort", never
    "Wirtschaftss-tandort").
    """
    if len(word) < MIN_WORD:
        return []
    kept: list[int] = []
    start = 0
    for cut in (int(p) for p in _dictionary().positions(word)):
        if _VOWELS.intersection(word[start:cut]):
            kept.append(cut)
            start = cut
    while kept and not _VOWELS.intersection(word[kept[-1] :]):
        kept.pop()
    return kept


def pairs(word: str) -> Iterator[tuple[str, str]]:
    """(head, tail) for every break, the longest head first: reportlab's ``hyphenationLang``."""
    for cut in reversed(positions(word)):
        yield word[:cut], word[cut:]


@lru_cache(maxsize=8192)
def soft_hyphens(text: str) -> str:
    """``text`` with a soft hyphen (U+00AD) wherever a long word may break.

    Where no line break is needed nothing shows; where one is, the text layout
    breaks there and shows a hyphen instead of cutting the word anywhere.
    """
    return _WORD.sub(lambda m: _insert(m.group(0)), text) if len(text) >= MIN_WORD else text


def _insert(word: str) -> str:
    for cut in reversed(positions(word)):
        word = word[:cut] + SOFT_HYPHEN + word[cut:]
    return word
