"""The page machinery of the minutes: styles, page decoration, headings, contents, tables.

The document is laid out in one pass.  "Seite X von Y" and the page numbers
in the table of contents are PDF form objects referenced on the page and
defined when the document is saved, once the numbers are known (reportlab
allows a form to be used before it is defined), so there is no second
layout pass to pay for.  Everything is deterministic: ``invariant`` fixes the
document ID, and the creation date is taken from the data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, BinaryIO

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.paraparser import ParaParser

from smartdialog.core import hyphenation, pdffonts
from smartdialog.paths import resource

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 20 * mm, 24 * mm, 22 * mm
WIDTH = PAGE_WIDTH - LEFT - RIGHT

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6672")
ACCENT = colors.HexColor("#005b9a")  # a sober municipal blue
RULE = colors.HexColor("#c9d1d9")
ZEBRA = colors.HexColor("#f3f5f7")
DRAFT = colors.HexColor("#c62828")

TOTAL_PAGES_FORM = "sd-total-pages"
DRAFT_FORM = "sd-draft-mark"
WATERMARK_SCALE = 3  # pixels per point of the draft watermark


@cache
def draft_watermark(word: str = "ENTWURF", size: float = 110) -> ImageReader:
    """The big diagonal draft mark, as a picture.

    As text it would be searchable, and PDF readers copy its letters into any
    text selected across it ("Rats ENT beschluss"); as a picture it marks the
    page without touching the text.  Drawn before the page's content, so it
    needs no transparency: white on the white page.
    """
    font = ImageFont.truetype(
        str(resource("fonts", "DejaVuSans-Bold.ttf")), round(size * WATERMARK_SCALE)
    )
    left, top, right, bottom = font.getbbox(word)
    image = Image.new("RGB", (math.ceil(right - left) + 8, math.ceil(bottom - top) + 8), "white")
    ImageDraw.Draw(image).text((4 - left, 4 - top), word, font=font, fill=(251, 228, 228))
    return ImageReader(image)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    note: ParagraphStyle
    tiny: ParagraphStyle
    aside: ParagraphStyle
    bullet: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_question: ParagraphStyle
    toc0: ParagraphStyle
    toc1: ParagraphStyle


def make_styles() -> Styles:
    font = pdffonts.register()
    bold = pdffonts.BOLD
    base = ParagraphStyle(
        "body",
        fontName=font,
        bulletFontName=font,
        fontSize=10,
        leading=14.5,
        textColor=INK,
        spaceAfter=6,
        # German hyphenation (core.hyphenation, the wall's too) with a visible hyphen at
        # every break, also at a hyphen already in a word ("Smart-City-Strategie").
        hyphenationLang=hyphenation.pairs,
        # 2: a word that cannot be hyphenated on this line is tried again on the next one,
        # instead of being cut anywhere.
        embeddedHyphenation=2,
    )
    cell = ParagraphStyle("cell", base, fontSize=8.5, leading=11, spaceAfter=0)
    return Styles(
        body=base,
        lead=ParagraphStyle("lead", base, fontSize=11.5, leading=16, spaceAfter=10),
        small=ParagraphStyle("small", base, fontSize=8.5, leading=11.5, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", cell, fontName=bold),
        cell_right=ParagraphStyle("cell_right", cell, alignment=TA_RIGHT),
        note=ParagraphStyle("note", cell, fontName=pdffonts.ITALIC, textColor=MUTED),
        tiny=ParagraphStyle("tiny", cell, fontSize=7.5, leading=9.5, textColor=MUTED),
        aside=ParagraphStyle(
            "aside", cell, fontName=pdffonts.ITALIC, fontSize=7.5, leading=9.5, textColor=MUTED
        ),
        bullet=ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=3),
        h1=ParagraphStyle(
            "h1",
            base,
            fontName=bold,
            fontSize=17,
            leading=22,
            textColor=ACCENT,
            spaceBefore=0,
            spaceAfter=12,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            base,
            fontName=bold,
            fontSize=13,
            leading=17,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            base,
            fontName=bold,
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        cover_kicker=ParagraphStyle(
            "cover_kicker",
            base,
            fontName=bold,
            fontSize=13,
            leading=16,
            textColor=ACCENT,
            spaceAfter=14,
        ),
        cover_title=ParagraphStyle(
            "cover_title", base, fontName=bold, fontSize=28, leading=34, spaceAfter=16
        ),
        cover_question=ParagraphStyle(
            "cover_question",
            base,
            fontName=pdffonts.ITALIC,
            fontSize=13,
            leading=18,
            textColor=MUTED,
            spaceAfter=28,
        ),
        toc0=ParagraphStyle(
            "toc0", base, fontName=bold, fontSize=10.5, leading=14, alignment=TA_LEFT
        ),
        toc1=ParagraphStyle("toc1", base, fontSize=10, leading=13),
    )


def text(value: str) -> str:
    """User text made safe for reportlab's paragraph markup, line breaks kept.

    Characters the text font lacks are set in the emoji font, or replaced by
    their name (core.pdffonts): nothing prints as an empty box.
    """
    return pdffonts.markup(value).replace("\n", "<br/>")


def page_form(key: str) -> str:
    return f"sd-page-{key}"


class CellParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph in a table cell that breaks its lines once per width.

    A table measures each cell when it sizes its rows, again when it splits
    across pages and again when it draws; breaking the lines is most of
    reportlab's time, and the answer for the same width is always the same.
    """

    _wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_for != avail_width:
            super().wrap(avail_width, avail_height)
            self._wrapped_for = avail_width
        return self.width, self.height


class CellMaker:
    """Makes the thousands of one-line cell paragraphs without reportlab's markup parser.

    Parsing is a fifth of the document's time, and a cell of plain user text
    has nothing to parse: it becomes the fragment the parser would have made
    for it, copied from a template parsed once per style.  Text with line
    breaks goes through the parser as usual.
    """

    def __init__(self) -> None:
        self._templates: dict[int, Any] = {}

    def __call__(self, value: str, style: ParagraphStyle) -> CellParagraph:
        runs = pdffonts.runs(value)
        words = value.split()
        if "\n" in value or not words or len(runs) != 1 or runs[0][0] != pdffonts.REGULAR:
            return CellParagraph(text(value), style)
        words = runs[0][1].split()
        template = self._templates.get(id(style))
        if template is None:
            _, frags, _ = ParaParser().parse("x", style)
            template = self._templates[id(style)] = (style, frags[0])
        return CellParagraph(value, template[0], frags=[template[1].clone(text=" ".join(words))])


# -- headings and the table of contents --------------------------------------------------


class Heading(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A chapter heading: goes into the contents, the PDF outline and the page-number forms."""

    def __init__(
        self,
        key: str,
        number: str,
        title: str,
        level: int,
        style: ParagraphStyle,
        bar: str | None = None,
    ) -> None:
        label = f"{number}\u2002{title}" if number else title
        super().__init__(text(label), style)
        self.key = key
        self.level = level
        self.outline_title = (
            f"{number} {title}" if number else title
        )  # plain spaces for the viewer's sidebar
        self.bar = bar

    def draw(self) -> None:
        if self.bar:
            # The field's colour as a bar before the heading, as on the tables' signs at the venue.
            self.canv.setFillColor(colors.HexColor(self.bar))
            self.canv.rect(-9, 1, 4.5, self.height - 3, stroke=0, fill=1)
        super().draw()


class TocLine(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """One line of the contents: title, leader dots and a page number filled in at save time."""

    NUMBER_WIDTH = 24.0

    def __init__(self, key: str, label: str, style: ParagraphStyle, indent: float) -> None:
        super().__init__()
        self.key = key
        self.para = Paragraph(text(label), style)
        self.style = style
        self.indent = indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, h = self.para.wrap(avail_width - self.indent - self.NUMBER_WIDTH - 12, avail_height)
        self.height = h + 3
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        para = self.para
        para.drawOn(canv, self.indent, 3)
        widths = para.getActualLineWidths0()
        lines = len(widths)
        baseline = 3 + para.height - self.style.fontSize - (lines - 1) * self.style.leading
        start = self.indent + (widths[-1] if widths else 0) + 6
        end = self.width - self.NUMBER_WIDTH - 2
        if end > start:
            # Leader dots on a fixed grid, so that the dots of all lines stand in columns.
            canv.setFillColor(MUTED)
            step = 3.5
            x = end - ((end - start) // step) * step
            while x < end:
                canv.circle(x, baseline + 1, 0.4, stroke=0, fill=1)
                x += step
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.doForm(page_form(self.key))
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


# -- the canvas and the document -----------------------------------------------------------


class MinutesCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Defines the forward-referenced page-number forms when the document is saved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.heading_pages: dict[str, int] = {}
        self.form_keys: Sequence[str] = ()
        self.number_font = (pdffonts.REGULAR, 10.0)

    def _number_form(self, name: str, value: str, *, right: bool) -> None:
        self.beginForm(name, lowerx=-80, lowery=-4, upperx=80, uppery=14)
        self.setFillColor(INK)
        self.setFont(*self.number_font)
        if right:
            self.drawRightString(0, 0, value)
        else:
            self.drawString(0, 0, value)
        self.endForm()

    def save(self) -> None:
        if self._code:
            self.showPage()
        total = self.getPageNumber() - 1
        self.number_font = (pdffonts.REGULAR, 8.0)
        self._number_form(TOTAL_PAGES_FORM, str(total), right=False)
        self.number_font = (pdffonts.REGULAR, 10.0)
        for key in self.form_keys:
            page = self.heading_pages.get(key)
            self._number_form(page_form(key), str(page) if page else "–", right=True)
        super().save()


PageDecorator = Callable[[Canvas, BaseDocTemplate], None]


class MinutesDoc(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A4 with a cover template and a body template; records where each heading landed."""

    def __init__(
        self,
        target: str | BinaryIO,
        *,
        stamp: datetime,
        toc_keys: Sequence[str],
        draft: bool,
        cover: PageDecorator,
        body: PageDecorator,
        progress: Callable[[int], None] | None = None,
        **info: Any,
    ) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            invariant=1,
            pageCompression=1,
            initialFontName=pdffonts.register(),
            initialFontSize=10,
            lang="de-DE",
            displayDocTitle=1,
            **info,
        )
        frame = Frame(
            LEFT,
            BOTTOM,
            WIDTH,
            PAGE_HEIGHT - TOP - BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=cover),
                PageTemplate("body", [frame], onPage=body),
            ]
        )
        self._stamp = stamp.astimezone(UTC)
        self._toc_keys = toc_keys
        self._draft = draft
        self._progress = progress
        self._laid_out = 0

    def _makeCanvas(self, filename: Any = None, canvasmaker: Any = MinutesCanvas) -> Canvas:
        canv = super()._makeCanvas(filename=filename, canvasmaker=MinutesCanvas)
        assert isinstance(canv, MinutesCanvas)
        canv.form_keys = self._toc_keys
        stamp = self._stamp
        # The PDF's creation date comes from the data, so that a re-export is byte-identical.
        canv.setDateFormatter(lambda *_: stamp.strftime("D:%Y%m%d%H%M%S+00'00'"))
        canv.showOutline()
        if self._draft:
            # Once, as a form every page refers to: drawing the picture on each page
            # would hash and encode it again for every page.
            mark = draft_watermark()
            width, height = (n / WATERMARK_SCALE for n in mark.getSize())
            canv.beginForm(
                DRAFT_FORM,
                lowerx=-width / 2,
                lowery=-height / 2,
                upperx=width / 2,
                uppery=height / 2,
            )
            canv.drawImage(mark, -width / 2, -height / 2, width, height)
            canv.endForm()
        return canv

    def afterFlowable(self, flowable: Flowable) -> None:
        self._laid_out += 1
        if self._progress is not None and self._laid_out % 25 == 0:
            self._progress(self._laid_out)
        if isinstance(flowable, Heading):
            canv = self.canv
            assert isinstance(canv, MinutesCanvas)
            canv.heading_pages.setdefault(flowable.key, canv.getPageNumber())
            canv.bookmarkPage(flowable.key)
            canv.addOutlineEntry(flowable.outline_title, flowable.key, level=flowable.level)


# -- tables --------------------------------------------------------------------------------

# Long lists are laid out as a run of short tables: reportlab re-measures a table
# each time it splits one across pages, so one table of a thousand rows costs
# quadratic time, and short tables cost linear time for the same look.
CHUNK_ROWS = 30
# The first chunk is short: a heading keeps with it, and a heading with a long first
# chunk would rather jump to the next page than start the table where it stands.
FIRST_CHUNK_ROWS = 6
# A table this short is never split: it moves to the next page whole (with its heading,
# which keeps with what follows it).
SHORT_TABLE_ROWS = 15
# Where a longer table is split, at least this many rows stay on either side: never a
# last row alone at the top of a page, never a header with one row under it.
MIN_SPLIT_ROWS = 2


class RowTable(Table):  # type: ignore[misc]  # reportlab is untyped
    """A table that, split across pages, keeps at least ``MIN_SPLIT_ROWS`` rows on each side.

    ``rowSplitRange`` says where the first split may fall; the rest of a split table
    has no such range any more, so a split into a lone row is refused here too.
    """

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        if len(parts) == 2:
            repeated = self.repeatRows if isinstance(self.repeatRows, int) else 0
            rows = [len(part._cellvalues) for part in parts]
            if rows[0] - repeated < MIN_SPLIT_ROWS or rows[1] - repeated < MIN_SPLIT_ROWS:
                return []
        return parts


def grid(
    header: Sequence[Any] | None,
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    bold: Sequence[int] = (),
) -> list[Table]:
    """A striped table with an optional bold header, in chunks of ``CHUNK_ROWS``."""
    tables: list[Table] = []
    if len(rows) <= SHORT_TABLE_ROWS:
        chunks = [list(rows)]
    else:
        head_rows, rest = rows[:FIRST_CHUNK_ROWS], rows[FIRST_CHUNK_ROWS:]
        chunks = [
            list(head_rows),
            *(list(rest[i : i + CHUNK_ROWS]) for i in range(0, len(rest), CHUNK_ROWS)),
        ]
        if len(chunks) > 1 and len(chunks[-1]) <= MIN_SPLIT_ROWS:
            # A page break may fall between two chunks: no chunk of a row or two at the end.
            chunks[-2] += chunks.pop()
    done = 0
    for index, chunk in enumerate(chunks):
        head = [list(header)] if header is not None and index == 0 else []
        data = [*head, *[list(r) for r in chunk]]
        if not data:
            continue
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), pdffonts.REGULAR, 8.5, 11),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        first_body = len(head)
        for r in range(first_body, len(data)):
            if (done + r - first_body) % 2 == 1:
                commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
        for column in right:
            commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
        if head:
            commands += [
                ("FONT", (0, 0), (-1, 0), pdffonts.BOLD, 8.5, 11),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ]
        if index == len(chunks) - 1:
            commands.append(("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE))
        for column in bold:
            commands.append(("FONT", (column, first_body), (column, -1), pdffonts.BOLD, 8.5, 11))
        if len(rows) <= SHORT_TABLE_ROWS:
            split_range = (len(data), len(data))  # never split: the whole table moves on
        else:
            split_range = (len(head) + MIN_SPLIT_ROWS, len(data) - MIN_SPLIT_ROWS)
        tables.append(
            RowTable(
                data,
                colWidths=list(widths),
                repeatRows=len(head),
                style=TableStyle(commands),
                rowSplitRange=split_range,
            )
        )
        done += len(chunk)
    return tables
