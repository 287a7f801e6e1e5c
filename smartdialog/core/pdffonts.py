"""The fonts embedded in every PDF smartdialog writes (tickets, badges, minutes).

DejaVu Sans covers wide Latin (Vietnamese, Polish, Turkish), Greek and
Cyrillic, so that "Łukasz Öztürk-Nguyễn" prints as written; Noto Emoji (in
outlines: reportlab cannot embed colour bitmaps) prints "🚲🌳👍".  A character
neither font has is printed as its Unicode name in brackets, never as an
empty box.  Licences: resources/fonts/LICENSE-DejaVu.txt, LICENSE-NotoEmoji.txt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from smartdialog.paths import resource

REGULAR = "SDSans"
BOLD = "SDSans-Bold"
ITALIC = "SDSans-Italic"
BOLD_ITALIC = "SDSans-BoldItalic"
EMOJI = "SDEmoji"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    EMOJI: "NotoEmoji-Regular.ttf",
}
TEXT_FONTS = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)


_PLANE_1 = re.compile(r"<([0-9A-F]{5,6})>$", re.MULTILINE)
_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _utf16(match: re.Match[str]) -> str:
    return "<" + chr(int(match.group(1), 16)).encode("utf-16-be").hex().upper() + ">"


def _to_unicode_cmap_beyond_bmp(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters above U+FFFF written as PDF wants them.

    reportlab writes U+1F6B2 as ``<1F6B2>``, which a reader takes as two UTF-16
    units: "🚲" would be copied and searched as "Ὣ ".  PDF wants the surrogate
    pair ``<D83DDEB2>``.
    """
    return _PLANE_1.sub(_utf16, _to_unicode_cmap(fontname, subset))


@cache
def register() -> str:
    """Register the family with reportlab once; returns the regular font's name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap_beyond_bmp
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    # Emoji have one weight: inside bold or italic text they stay as they are.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(EMOJI, bold, italic, EMOJI)
    return REGULAR


def font_file(name: str) -> str:
    """The file a registered font was read from (tests compare it with the text)."""
    return str(resource("fonts", _FILES[name]))


@cache
def _covered(name: str) -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@cache
def _text_coverage() -> frozenset[int]:
    """Characters every weight and slant of the text font has."""
    covered = _covered(REGULAR)
    for name in TEXT_FONTS[1:]:
        covered &= _covered(name)
    return covered


def _ignorable(ch: str) -> bool:
    """Characters that draw nothing: joiners, variation selectors, format controls."""
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Cf", "Cc")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def substitute(ch: str) -> str:
    """What is printed for a character no embedded font has: its name, readable."""
    name = unicodedata.name(ch, "")
    return f"[{name.lower()}]" if name else f"[U+{ord(ch):04X}]"


def runs(value: str) -> list[tuple[str, str]]:
    """``value`` cut into (font, text) runs, each printable in its font.

    The text font where it has the glyph, else the emoji font, else a
    substitute in the text font; characters that draw nothing are dropped
    (line breaks and tabs are kept).
    """
    register()
    text_has, emoji_has = _text_coverage(), _covered(EMOJI)
    value = unicodedata.normalize("NFC", value)
    if all(ord(ch) in text_has or ch in "\n\t" for ch in value):
        return [(REGULAR, value)] if value else []
    out: list[tuple[str, str]] = []
    for ch in value:
        code = ord(ch)
        if ch in "\n\t" or code in text_has:
            font, piece = REGULAR, ch
        elif code in emoji_has:
            font, piece = EMOJI, ch
        elif _ignorable(ch):
            continue
        else:
            font, piece = REGULAR, substitute(ch)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + piece)
        else:
            out.append((font, piece))
    return out


def printable(value: str) -> str:
    """``value`` for a place with the text font only (a chart label, a page header)."""
    return "".join(
        piece if font == REGULAR else "".join(substitute(c) for c in piece)
        for font, piece in runs(value)
    )


def markup(value: str) -> str:
    """``value`` as paragraph markup: escaped, emoji in their font."""
    return "".join(
        escape(piece) if font == REGULAR else f'<font name="{font}">{escape(piece)}</font>'
        for font, piece in runs(value)
    )
