"""An idea's words: its text and tags cleaned and checked, and how a search matches them."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services.ideas.values import (
    TAG_LIMIT,
    TEXT_LIMIT,
    IdeaInfo,
)
from smartdialog.core.text import clean_line, fold


def clean_text(text: str) -> str:
    """An idea's text: one paragraph, trimmed, in Unicode's composed form.

    Unlike ``clean_line`` this keeps format characters: the zero-width joiner
    inside emoji sequences and the direction marks of right-to-left text.
    """
    text = unicodedata.normalize("NFC", text)
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return " ".join(kept.split())


def check_text(text: str) -> str:
    """The cleaned text, or a DomainError that says what is wrong (nothing is cut off)."""
    cleaned = clean_text(text)
    if not cleaned:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The idea is empty. Type what was said, then press Enter.")
        )
    if len(cleaned) > TEXT_LIMIT:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The idea has {length} characters; at most {limit} fit on a card. "
                "Shorten it or split it into several ideas. Your text is still there.",
            ),
            length=len(cleaned),
            limit=TEXT_LIMIT,
        )
    return cleaned


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without '#', blanks and duplicates (ignoring case), in the order given."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        cleaned = clean_line(tag, limit=TAG_LIMIT).lstrip("#").strip()
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
    return tuple(out)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed into one field: separated by commas (or semicolons)."""
    return clean_tags(text.replace(";", ",").split(","))


def search_key(idea: IdeaInfo) -> str:
    return fold(" ".join((idea.text, idea.cluster, idea.author_name, *idea.tags)))


def matches(idea: IdeaInfo, query: str) -> bool:
    """Whether every word of ``query`` occurs in the idea, its tags, cluster or author.

    Folded like names at the desk: "strasse" finds "Straße", "OEPNV" finds "ÖPNV".
    """
    words = fold(query).split()
    if not words:
        return True
    key = search_key(idea)
    return all(w in key for w in words)
