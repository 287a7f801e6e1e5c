"""The minutes for 1,000 ideas in 7 fields, against a plain reportlab document of the same content.

The baseline is what the same text costs reportlab itself: a SimpleDocTemplate
with reportlab's defaults and the same paragraphs, charts and tables (in the
same short chunks, which is a layout choice both sides profit from), built in
one pass from data already in memory.  The minutes beat it where they do
better than the defaults (cells without the markup parser, compressed pages).  The figure is everything the user waits
for: reading the event, the contents with page numbers, "Seite X von Y", the
page decoration, the draft mark, writing the file.
"""

from __future__ import annotations

import io
import time
import uuid
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from benchmarks.harness import Measurement, median
from smartdialog.core import pdffonts
from smartdialog.core.db import DeviceIdentity, open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.minutes import charts
from smartdialog.core.minutes.content import MinutesContent
from smartdialog.core.minutes.layout import WIDTH, Styles, make_styles, text
from smartdialog.core.services import minutes

IDEAS = 1000
PARTICIPANTS = 400
REPEAT = 3


def _plain(content: MinutesContent) -> bytes:
    """The same content as plain reportlab: no contents, no page totals, no decoration."""
    st = make_styles()
    font = pdffonts.register()
    story: list[object] = [
        Paragraph("Dokumentation", st.cover_kicker),
        Paragraph(text(content.title), st.cover_title),
    ]
    for key in ("anlass", "ablauf", "naechste_schritte", "datenschutz"):
        story.append(Paragraph(text(content.sections.get(key, "")), st.body))
    rnd = content.result_round
    style = TableStyle([("FONT", (0, 0), (-1, -1), font, 8.5), ("VALIGN", (0, 0), (-1, -1), "TOP")])

    def tables(rows: list[list[object]], widths: list[float]) -> list[Table]:
        return [
            Table(rows[i : i + 30], colWidths=widths, style=style) for i in range(0, len(rows), 30)
        ]

    for f in content.fields:
        story += [PageBreak(), Paragraph(text(f.name), st.h2), Paragraph(text(f.summary), st.body)]
        ranking = rnd.by_field.get(f.id, ()) if rnd else ()
        top = [i for i in ranking if i.total][:10]
        if top:
            story.append(
                charts.bar_chart(
                    [charts.Bar(f"Nr. {i.number}: {i.text}", i.total, f.colour) for i in top], WIDTH
                )
            )
        rows: list[list[object]] = [
            [
                f"{i.rank}.",
                str(i.number),
                Paragraph(text(i.text), st.cell),
                str(i.device_dots),
                str(i.paper_dots),
                str(i.total),
            ]
            for i in ranking
        ]
        story += tables(rows, [30, 30, WIDTH - 180, 40, 40, 40])
    if rnd:
        story += [PageBreak(), Paragraph("Priorisierung gesamt", st.h1)]
        rows = [
            [f"{i.rank}.", str(i.number), Paragraph(text(i.text), st.cell), str(i.total)]
            for i in rnd.ranking[:30]
        ]
        story += tables(rows, [30, 30, WIDTH - 100, 40])
    story += [PageBreak(), Paragraph("Anhang", st.h1)]
    for f in content.fields:
        story.append(Paragraph(text(f.name), st.h3))
        rows = [
            [
                str(i.number),
                _with_note(i.text, i.topic, st),
                Paragraph(text(i.station), st.small),
                i.created_at.strftime("%H:%M"),
            ]
            for i in f.ideas
        ]
        story += tables(rows, [30, WIDTH - 180, 110, 40])
    if rnd:
        names = {f.id: f.name for f in content.fields}
        rows = [
            [
                str(i.number),
                names.get(i.field_id, ""),
                str(i.device_dots),
                str(i.paper_dots),
                str(i.total),
                f"{i.rank}.",
                ", ".join(str(n) for n in i.merged_from),
            ]
            for i in sorted(rnd.ranking, key=lambda i: i.number)
        ]
        story += [Spacer(1, 10), *tables(rows, [34, 156, 48, 48, 48, 40, WIDTH - 374])]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1, initialFontName=font).build(story)
    return out.getvalue()


def _with_note(value: str, note: str, st: Styles) -> object:
    cell = Paragraph(text(value), st.cell)
    return [cell, Paragraph(text(note), st.aside)] if note else cell


def _seconds(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def measure(workdir: Path) -> list[Measurement]:
    path = workdir / "minutes.sdevent"
    write_demo(path, participants=PARTICIPANTS, ideas=IDEAS, votes=True, seed=11)
    db = open_database(path, DeviceIdentity(uuid.uuid4(), "Bench", "office"))
    try:
        with db.read() as s:
            content = minutes.snapshot(s)
        assert len(content.ideas) == IDEAS and len(content.fields) == 7
        target = workdir / "dokumentation.pdf"
        # Warm up fonts and imports on both sides, then alternate, so that noise hits both alike.
        _plain(content)
        minutes.export_pdf(db, target)
        ours, plain = [], []
        for _ in range(REPEAT):
            plain.append(_seconds(lambda: _plain(content)))
            ours.append(_seconds(lambda: minutes.export_pdf(db, target)))
        with db.read() as s:
            snapshot_ms = median(
                [_seconds(lambda: minutes.snapshot(s)) * 1000 for _ in range(REPEAT)]
            )
            preview_ms = median(
                [_seconds(lambda: minutes.chapters(s)) * 1000 for _ in range(REPEAT)]
            )
        pages = minutes.export_pdf(db, target).pages
    finally:
        db.close()
    return [
        Measurement(
            f"minutes PDF, {IDEAS:,} ideas, 7 fields ({pages} pages), read + write",
            median(ours),
            "s",
            median(plain),
            "plain reportlab, same content",
            "≤ 1.5x and < 3 s",
        ),
        Measurement("minutes snapshot (read the event, no PDF)", snapshot_ms, "ms"),
        Measurement("chapter preview for the workspace", preview_ms, "ms", goal="< 50 ms"),
    ]
