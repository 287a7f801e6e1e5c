"""The painted live wall: readable from the back of a hall, cheap to repaint.

Written in code rather than as a form: every size follows the widget's height
(and the moderator's font scale), so the same view serves as the projector's
full screen and as the small preview in the Live-Wand page.  Only what fits is
laid out; the heights of wrapped texts are cached.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QStaticText,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from smartdialog.core import clock, hyphenation
from smartdialog.core.services.ideas import IdeaInfo
from smartdialog.core.services.setup import FieldInfo
from smartdialog.core.services.voting import top_with_ties
from smartdialog.ui import appearance
from smartdialog.ui.fonts import install_emoji_font
from smartdialog.ui.wall.state import WallMode, WallState

BACKGROUND = QColor("#f4f2ee")
INK = QColor("#1b1c1f")
MUTED = QColor("#5b5e66")
CARD = QColor("#ffffff")
SHADOW = QColor(0, 0, 0, 28)
# Share of the height one line of idea text takes at scale 1 (about 24 px at 1080 lines).
BASE_SHARE = 0.022
WRAP = int(Qt.TextFlag.TextWordWrap)
TICK_MS = 40
# A column narrower than this many times the text size wraps ideas into slivers: use rows of tiles.
MIN_COLUMN_EMS = 10


_strict = False


def use_high_contrast(on: bool) -> None:
    """High contrast (Settings › Appearance): a white wall, black small print, and text on
    a field's colour at 4.5:1 rather than the 3:1 of large text."""
    global BACKGROUND, MUTED, _strict
    BACKGROUND = QColor("#ffffff" if on else "#f4f2ee")
    MUTED = QColor(INK if on else "#5b5e66")
    _strict = on


def readable_on(colour: QColor) -> QColor:
    """White or near-black text on ``colour`` (WCAG relative luminance)."""
    if _strict:
        return appearance.readable_on(colour)

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )
    # White wherever it reaches 3:1, the contrast for large bold text: it looks calmer on a wall.
    return QColor("#ffffff") if 1.05 / (lum + 0.05) >= 3.0 else INK


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0..1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


@lru_cache(maxsize=4096)
def is_right_to_left(text: str) -> bool:
    """Whether the text's first strong character is written right to left (Arabic, Hebrew, …)."""
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


SOFT_HYPHEN = hyphenation.SOFT_HYPHEN
# The wall breaks long words where the minutes do (pyphen's German dictionary).
soft_hyphens = hyphenation.soft_hyphens


def fit_words(text: str, width: float, font: QFont, smallest: float = 0.6) -> QFont:
    """``font``, made smaller (down to ``smallest`` of its size) until the longest word fits."""
    # A little room for rounding and hinting, which the layout sees differently.
    width *= 0.95
    width *= 0.95  # room for rounding and hinting, which the layout sees differently
    parts = soft_hyphens(text).replace(SOFT_HYPHEN, " ").split()
    longest = max((QFontMetricsF(font).horizontalAdvance(w + "-") for w in parts), default=0.0)
    if longest <= width:
        return font
    smaller = QFont(font)
    smaller.setPixelSize(max(6, int(font.pixelSize() * max(smallest, width / longest))))
    return smaller


def _font(px: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(6, round(px)))
    font.setBold(bold)
    font.setItalic(italic)
    return font


class _Texts:
    """Laid-out wrapped texts, cached: the wall repaints often, its texts rarely change.

    Long words (Ressourcenmanagement, Bürgerwissenschaft) break inside the word
    rather than running out of their card.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int, int, bool, bool, int], QStaticText] = {}

    def block(
        self,
        text: str,
        width: float,
        font: QFont,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> QStaticText:
        key = (text, int(width), font.pixelSize(), font.bold(), font.italic(), int(align))
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > 20000:
                self._cache.clear()
            found = QStaticText(soft_hyphens(text))
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.setTextOption(self.option(align))
            found.setTextWidth(int(width))
            found.prepare(QTransform(), font)
            self._cache[key] = found
        return found

    def height(self, text: str, width: float, font: QFont) -> float:
        return self.block(text, width, font).size().height()

    @staticmethod
    def option(align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextOption:
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        return option

    def lines(self, text: str, width: float, font: QFont) -> list[str]:
        """The lines ``text`` is broken into at ``width``, as the wall lays them out.

        A line broken at a soft hyphen ends with it (Qt draws it as "-" there).
        """
        shown = soft_hyphens(text)
        layout = QTextLayout(shown, font)
        layout.setTextOption(self.option())
        layout.beginLayout()
        result = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(int(width))
            result.append(shown[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        return result

    def draw(
        self,
        p: QPainter,
        x: float,
        y: float,
        text: str,
        width: float,
        font: QFont,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Draw wrapped at ``width`` from (x, y); returns the height used."""
        block = self.block(text, width, font, align)
        p.setFont(font)
        p.drawStaticText(QPointF(x, y), block)
        return block.size().height()


use_high_contrast(appearance.current().high_contrast)
appearance.notifier().changed.connect(lambda chosen: use_high_contrast(chosen.high_contrast))


class WallView(QWidget):
    """Paints a ``WallState`` in its current mode."""

    def __init__(self, state: WallState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_emoji_font()  # a projector laptop without one would show "🚲" as a box
        self.state = state
        appearance.notifier().changed.connect(self._appearance_changed)
        self._measure = _Texts()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        # Repaints while a highlight fades; stops by itself when none is left.
        self._fade = QTimer(self)
        self._fade.setInterval(TICK_MS)
        self._fade.timeout.connect(self._tick)
        state.changed.connect(self.update)
        state.arrived.connect(self._start_fade)
        # Ideas that were visible in the last paint, and the rows and columns of fields
        # (tests and the benchmark read these).
        self.painted_ids: list[uuid.UUID] = []
        # The ranking's lines as painted: rank, text, dots, whether marked as tied.
        self.painted_ranking: list[tuple[int, str, int, bool]] = []
        self.grid = (1, 1)

    def _start_fade(self, _ids: list[uuid.UUID]) -> None:
        if not self._fade.isActive():
            self._fade.start()

    def _tick(self) -> None:
        if not self.state.highlighting():
            self._fade.stop()
        self.update()

    # -- painting ------------------------------------------------------------------------

    def base_px(self) -> float:
        return max(7.0, self.height() * BASE_SHARE * self.state.scale)

    def _appearance_changed(self, _chosen: object) -> None:
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.fillRect(self.rect(), BACKGROUND)
        self.painted_ids = []
        state = self.state
        painters: dict[WallMode, Callable[[QPainter], None]] = {
            WallMode.ALL_FIELDS: self._paint_all,
            WallMode.ONE_FIELD: self._paint_field,
            WallMode.SPOTLIGHT: self._paint_spotlight,
            WallMode.IDLE: self._paint_idle,
            WallMode.RESULTS: self._paint_results,
        }
        if state.event_info is None and state.db is None:
            self._paint_message(p, self.tr("No event open"), "")
        elif not state.fields and state.mode in (WallMode.ALL_FIELDS, WallMode.ONE_FIELD):
            self._paint_message(
                p, self.tr("No fields of action yet"), self.tr("Add them in the Setup page.")
            )
        else:
            painters[state.mode](p)
        p.end()

    def _margin(self) -> float:
        return self.height() * 0.025

    def _top_bar(self, p: QPainter, right_text: str) -> float:
        """Event title left, a count right; returns the y below it."""
        m, base = self._margin(), self.base_px()
        title = self.state.event_info.title if self.state.event_info else ""
        bar = QRectF(m, m * 0.6, self.width() - 2 * m, base * 1.9)
        p.setPen(INK)
        p.setFont(_font(base * 1.15, bold=True))
        p.drawText(bar, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        p.setPen(MUTED)
        p.setFont(_font(base * 0.95))
        p.drawText(
            bar, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right_text
        )
        return bar.bottom() + m * 0.4

    def _count_text(self, n: int) -> str:
        # Singular and plural as two strings: German and English need no more forms.
        return (
            self.tr("1 idea") if n == 1 else fill_args(self.tr("%1 ideas"), QLocale().toString(n))
        )

    def _paint_all(self, p: QPainter) -> None:
        """One column per field; on narrow screens (4:3 projectors) tiles in rows instead."""
        state = self.state
        fields = state.fields
        m, base = self._margin(), self.base_px()
        top = self._top_bar(p, self._count_text(state.count()))
        gap = m * 0.5
        n = len(fields)
        rows, cols = 1, n
        while rows < n and (self.width() - 2 * m - (cols - 1) * gap) / cols < base * MIN_COLUMN_EMS:
            rows += 1
            cols = -(-n // rows)
        self.grid = (rows, cols)
        width = (self.width() - 2 * m - (cols - 1) * gap) / cols
        tile_h = (self.height() - m - top - (rows - 1) * gap) / rows
        pad = base * 0.45
        # One size for every header, small enough that each field's longest word fits.
        head_font = min(
            (fit_words(f.name, width - 2 * pad, _font(base, bold=True), 0.75) for f in fields),
            key=QFont.pixelSize,
        )
        head_h = max(self._measure.height(f.name, width - 2 * pad, head_font) for f in fields)
        head_h += base * 1.5 + 2 * pad
        card_font = _font(base)
        for i, field in enumerate(fields):
            x = m + (i % cols) * (width + gap)
            y = top + (i // cols) * (tile_h + gap)
            self._header(p, field, QRectF(x, y, width, head_h), head_font, pad)
            cards = QRectF(x, y + head_h + gap, width, tile_h - head_h - gap)
            self._column(p, field, cards, card_font, gap)

    def _header(self, p: QPainter, field: FieldInfo, rect: QRectF, font: QFont, pad: float) -> None:
        colour = QColor(field.colour)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(rect, pad * 0.8, pad * 0.8)
        fg = readable_on(colour)
        p.setPen(fg)
        inner = rect.adjusted(pad, pad, -pad, -pad)
        self._measure.draw(p, inner.left(), inner.top(), field.name, inner.width(), font)
        p.setFont(_font(self.base_px() * 0.75))
        p.drawText(
            inner,
            int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft),
            self._count_text(self.state.count(field.id)),
        )

    def _column(self, p: QPainter, field: FieldInfo, rect: QRectF, font: QFont, gap: float) -> None:
        """The field's newest ideas, as many as fit; a line says how many more there are."""
        total = self.state.count(field.id)
        pad = font.pixelSize() * 0.5
        more_h = font.pixelSize() * 1.6
        y = rect.top()
        for shown, idea in enumerate(self.state.iter_ideas(field.id)):
            text_h = self._measure.height(idea.text, rect.width() - 2 * pad - pad * 0.6, font)
            card_h = text_h + 2 * pad
            rest = total - shown - 1
            limit = rect.bottom() - (more_h if rest else 0)
            if y + card_h > limit:
                self._more(p, QRectF(rect.left(), y, rect.width(), more_h), total - shown, font)
                return
            self._card(
                p,
                idea,
                QRectF(rect.left(), y, rect.width(), card_h),
                QColor(field.colour),
                font,
                pad,
            )
            y += card_h + gap

    def _more(self, p: QPainter, rect: QRectF, count: int, font: QFont) -> None:
        p.setPen(MUTED)
        p.setFont(_font(font.pixelSize() * 0.85, italic=True))
        p.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignCenter),
            fill_args(self.tr("+ %1 more"), QLocale().toString(count)),
        )

    def _card(
        self, p: QPainter, idea: IdeaInfo, rect: QRectF, colour: QColor, font: QFont, pad: float
    ) -> None:
        glow = self.state.highlight(idea.id)
        radius = pad * 0.6
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(SHADOW)
        p.drawRoundedRect(rect.translated(0, max(1.0, pad * 0.15)), radius, radius)
        p.setBrush(blend(CARD, blend(CARD, colour, 0.45), glow) if glow else CARD)
        if glow:
            p.setPen(QPen(colour, max(1.0, pad * 0.35 * glow)))
        p.drawRoundedRect(rect, radius, radius)
        stripe = pad * 0.6
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(
            QRectF(rect.left(), rect.top(), stripe, rect.height()), stripe / 2, stripe / 2
        )
        p.setPen(INK)
        align = (
            Qt.AlignmentFlag.AlignRight
            if is_right_to_left(idea.text)
            else Qt.AlignmentFlag.AlignLeft
        )
        inner = rect.adjusted(pad + stripe, pad, -pad, -pad)
        self._measure.draw(p, inner.left(), inner.top(), idea.text, inner.width(), font, align)
        self.painted_ids.append(idea.id)

    def _paint_field(self, p: QPainter) -> None:
        state = self.state
        field = state.field(state.field_id) or state.fields[0]
        colour = QColor(field.colour)
        m, base = self._margin(), self.base_px() * 1.35
        band = QRectF(0, 0, self.width(), base * 3.2)
        p.fillRect(band, colour)
        p.setPen(readable_on(colour))
        p.setFont(_font(base * 1.5, bold=True))
        inner = band.adjusted(m, 0, -m, 0)
        p.drawText(
            inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), field.name
        )
        p.setFont(_font(base * 0.9))
        p.drawText(
            inner,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            self._count_text(state.count(field.id)),
        )
        # Masonry: each card goes into the column that ends highest, newest first.
        cols = 3 if self.width() >= self.height() * 1.2 else 2
        gap = m * 0.6
        width = (self.width() - 2 * m - (cols - 1) * gap) / cols
        font = _font(base)
        pad = base * 0.5
        top = band.bottom() + m
        heights = [top] * cols
        total = state.count(field.id)
        bottom = self.height() - m - base * 1.6
        for shown, idea in enumerate(state.iter_ideas(field.id)):
            col = min(range(cols), key=heights.__getitem__)
            card_h = self._measure.height(idea.text, width - 2 * pad - pad * 0.6, font) + 2 * pad
            if heights[col] + card_h > bottom:
                self._more(
                    p, QRectF(m, bottom, self.width() - 2 * m, base * 1.6), total - shown, font
                )
                break
            self._card(
                p,
                idea,
                QRectF(m + col * (width + gap), heights[col], width, card_h),
                colour,
                font,
                pad,
            )
            heights[col] += card_h + gap
        if not total:
            p.setPen(MUTED)
            p.setFont(_font(base * 1.2, italic=True))
            p.drawText(
                QRectF(0, top, self.width(), self.height() - top),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("The first ideas will appear here."),
            )

    def _paint_spotlight(self, p: QPainter) -> None:
        state = self.state
        idea = state.idea(state.spotlight_id)
        if idea is None:
            self._paint_idle(p)
            return
        field = state.field(idea.field_id)
        colour = QColor(field.colour if field else "#607d8b")
        p.fillRect(self.rect(), blend(BACKGROUND, colour, 0.10))
        h, w = self.height(), self.width()
        band = QRectF(0, 0, w, h * 0.11)
        p.fillRect(band, colour)
        p.setPen(readable_on(colour))
        p.setFont(_font(h * 0.045 * state.scale, bold=True))
        p.drawText(
            band.adjusted(w * 0.05, 0, -w * 0.05, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            field.name if field else "",
        )
        box = QRectF(w * 0.08, h * 0.18, w * 0.84, h * 0.55)
        # The largest size at which the whole text fits the box.
        px = h * 0.095 * state.scale
        while (
            px > h * 0.03
            and self._measure.height(idea.text, box.width(), _font(px, bold=True)) > box.height()
        ):
            px *= 0.92
        p.setPen(INK)
        font = _font(px, bold=True)
        align = (
            Qt.AlignmentFlag.AlignRight
            if is_right_to_left(idea.text)
            else Qt.AlignmentFlag.AlignHCenter
        )
        text_h = self._measure.height(idea.text, box.width(), font)
        top = box.top() + max(0.0, (box.height() - text_h) / 2)
        self._measure.draw(p, box.left(), top, idea.text, box.width(), font, align)
        self.painted_ids.append(idea.id)
        lines = [state.topics.get(idea.topic_id, "")] if idea.topic_id else []
        if idea.author_name:
            lines.append("— " + idea.author_name)
        if lines:
            p.setPen(MUTED)
            p.setFont(_font(h * 0.034 * state.scale, italic=True))
            p.drawText(
                QRectF(w * 0.08, h * 0.77, w * 0.84, h * 0.18),
                WRAP | int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                "\n".join(lines),
            )

    def _paint_idle(self, p: QPainter) -> None:
        state = self.state
        h, w = self.height(), self.width()
        # A ribbon in the fields' colours.
        fields = state.fields
        if fields:
            seg = w / len(fields)
            for i, f in enumerate(fields):
                p.fillRect(QRectF(i * seg, 0, seg + 1, h * 0.025), QColor(f.colour))
                p.fillRect(QRectF(i * seg, h - h * 0.025, seg + 1, h * 0.025), QColor(f.colour))
        event = state.event_info
        title = event.title if event else ""
        s = state.scale
        p.setPen(INK)
        p.setFont(_font(h * 0.075 * s, bold=True))
        p.drawText(
            QRectF(w * 0.07, h * 0.2, w * 0.86, h * 0.3),
            WRAP | int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            title,
        )
        if event and event.guiding_question:
            p.setPen(MUTED)
            p.setFont(_font(h * 0.042 * s, italic=True))
            p.drawText(
                QRectF(w * 0.1, h * 0.54, w * 0.8, h * 0.2),
                WRAP | int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                event.guiding_question,
            )
        details = []
        if event and event.starts_at:
            local = clock.local(event.starts_at)
            day = QDate(local.year, local.month, local.day)
            details.append(QLocale().toString(day, QLocale.FormatType.LongFormat))
        if event and event.venue:
            details.append(event.venue.split(",")[0])
        if details:
            p.setPen(MUTED)
            p.setFont(_font(h * 0.03 * s))
            p.drawText(
                QRectF(w * 0.1, h * 0.78, w * 0.8, h * 0.1),
                int(Qt.AlignmentFlag.AlignCenter),
                " · ".join(details),
            )

    def _paint_results(self, p: QPainter) -> None:
        results = self.state.results
        if results is None:
            self._paint_message(
                p,
                self.tr("No vote yet"),
                self.tr("The results appear here once the participants have voted."),
            )
            return
        m, base = self._margin(), self.base_px() * 1.2
        h, w = self.height(), self.width()
        p.setPen(INK)
        p.setFont(_font(base * 1.5, bold=True))
        title_rect = QRectF(m, m, w - 2 * m, base * 2.2)
        p.drawText(
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            results.title,
        )
        loc = QLocale()
        turnout = fill_args(
            self.tr("Turnout: %1 of %2 participants · %3 of %4 dots"),
            loc.toString(results.voters),
            loc.toString(results.eligible),
            loc.toString(results.dots_used),
            loc.toString(results.dots_available),
        )
        p.setPen(MUTED)
        p.setFont(_font(base))
        turnout_rect = QRectF(m, title_rect.bottom(), w - 2 * m, base * 1.8)
        p.drawText(
            turnout_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), turnout
        )
        share = results.dots_used / results.dots_available if results.dots_available else 0.0
        gauge = QRectF(m, turnout_rect.bottom() + base * 0.3, w - 2 * m, base * 0.6)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#dcd8d0"))
        p.drawRoundedRect(gauge, gauge.height() / 2, gauge.height() / 2)
        p.setBrush(QColor("#2e7d32"))
        p.drawRoundedRect(
            QRectF(gauge.left(), gauge.top(), gauge.width() * min(1.0, share), gauge.height()),
            gauge.height() / 2,
            gauge.height() / 2,
        )
        top = gauge.bottom() + base
        if results.closed and results.tally_sha256:
            # Made public at the closing: the room can write it down and check the file later.
            digest = " ".join(
                results.tally_sha256[i : i + 4] for i in range(0, len(results.tally_sha256), 4)
            )
            footer = QRectF(m, h - m - base * 1.6, w - 2 * m, base * 1.6)
            p.setPen(MUTED)
            p.setFont(_font(base * 0.8))
            p.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.tr("Check value of the result (SHA-256): {digest}").format(digest=digest),
            )
            h = int(footer.top())
        if results.tally_hidden or not results.ranking:
            p.setPen(MUTED)
            p.setFont(_font(base * 1.3, italic=True))
            note = (
                self.tr("The ranking is shown when the round is closed.")
                if results.tally_hidden
                else self.tr("No dots yet.")
            )
            p.drawText(QRectF(0, top, w, h - top - m), int(Qt.AlignmentFlag.AlignCenter), note)
            return
        # Every idea tied at the cut is shown: the rows get lower rather than one being left out.
        room = h - top - m
        rows = max(1, int(room // (base * 2.0)))
        ranking = top_with_ties(results.ranking, rows)
        if len(ranking) > room // (base * 1.2):  # too many even at their lowest: fewer places
            ranking = top_with_ties(results.ranking, max(1, ranking[-1].rank - 1))
        row_h = min(base * 2.0, room / max(1, len(ranking)))
        size = min(base, row_h / 1.6)
        best = max(r.dots for r in results.ranking) or 1
        label_w = base * 2.5
        text_w = w * 0.5
        tie_w = base * 6
        bar_x = m + label_w + text_w + base * 0.6
        bar_w = w - m - bar_x - base * 2.5 - tie_w
        font = _font(size)
        tied_text = self.tr("tied")
        self.painted_ranking = []
        for i, r in enumerate(ranking):
            y = top + i * row_h
            p.setPen(INK)
            p.setFont(_font(size, bold=True))
            p.drawText(
                QRectF(m, y, label_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{r.rank}.",
            )
            p.setFont(font)
            elided = QFontMetricsF(font).elidedText(r.text, Qt.TextElideMode.ElideRight, text_w)
            p.drawText(
                QRectF(m + label_w, y, text_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(r.colour))
            bar = QRectF(
                bar_x, y + row_h * 0.2, max(base * 0.3, bar_w * r.dots / best), row_h * 0.6
            )
            p.drawRoundedRect(bar, base * 0.2, base * 0.2)
            p.setPen(INK)
            p.setFont(_font(size, bold=True))
            p.drawText(
                QRectF(bar.right() + base * 0.4, y, base * 2.5, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(r.dots),
            )
            if r.tied:
                p.setPen(MUTED)
                p.setFont(_font(size * 0.8, italic=True))
                p.drawText(
                    QRectF(bar.right() + base * 2.6, y, tie_w, row_h),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    tied_text,
                )
            self.painted_ranking.append((r.rank, r.text, r.dots, r.tied))

    def _paint_message(self, p: QPainter, headline: str, detail: str) -> None:
        h, w = self.height(), self.width()
        s = self.state.scale
        p.setPen(INK)
        p.setFont(_font(h * 0.06 * s, bold=True))
        p.drawText(
            QRectF(w * 0.1, h * 0.25, w * 0.8, h * 0.25),
            WRAP | int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            headline,
        )
        if detail:
            p.setPen(MUTED)
            p.setFont(_font(h * 0.032 * s))
            p.drawText(
                QRectF(w * 0.1, h * 0.53, w * 0.8, h * 0.2),
                WRAP | int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                detail,
            )


def fill_args(text: str, *values: object) -> str:
    """Qt's ``%1 … %9`` placeholders, as ``QString.arg`` would fill them."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text
