"""The minutes for the council ("Dokumentation"): the chapters, in the order German cities use.

``outline`` lists the chapters (the workspace shows it as a preview; the
table of contents prints it); ``render`` writes the PDF.  Both work on a
``MinutesContent`` snapshot, so the document is the same for the same data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from smartdialog.core import pdffonts
from smartdialog.core.minutes import charts, german, texts
from smartdialog.core.minutes.content import FieldEntry, Group, IdeaEntry, MinutesContent
from smartdialog.core.minutes.layout import (
    DRAFT,
    DRAFT_FORM,
    INK,
    LEFT,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    RULE,
    TOTAL_PAGES_FORM,
    WIDTH,
    CellMaker,
    CellParagraph,
    Heading,
    MinutesDoc,
    Styles,
    TocLine,
    grid,
    make_styles,
    text,
)
from smartdialog.core.minutes.votes import RankedIdea, RoundSummary
from smartdialog.core.services import counting
from smartdialog.core.services.counting import IdeaCount
from smartdialog.core.services.verification import hash_groups
from smartdialog.core.services.voting import top_with_ties

NO_VOTE = "Es fand keine Abstimmung statt."
TOP_IN_CHART = 10
TOP_OVERALL = 30
TOP_OVERALL_CHART = 15


@dataclass(frozen=True)
class Chapter:
    key: str
    number: str
    title: str
    level: int

    @property
    def label(self) -> str:
        return f"{self.number}\u2002{self.title}" if self.number else self.title


def outline(field_names: Sequence[str]) -> list[Chapter]:
    """The chapters of the document, as the table of contents lists them."""
    return [
        Chapter("anlass", "1", "Anlass und Ziel", 0),
        Chapter("eckdaten", "2", "Eckdaten", 0),
        Chapter("ablauf", "3", "Ablauf", 0),
        Chapter("methode", "4", "Methode und Abstimmungsregeln", 0),
        Chapter("ergebnisse", "5", "Ergebnisse je Handlungsfeld", 0),
        *(Chapter(f"feld-{i}", f"5.{i}", name, 1) for i, name in enumerate(field_names, start=1)),
        Chapter("priorisierung", "6", "Priorisierung gesamt", 0),
        Chapter("schritte", "7", "Nächste Schritte", 0),
        Chapter("datenschutz", "8", "Datenschutzhinweis", 0),
        Chapter("anhang", "", "Anhang", 0),
        Chapter("beitraege", "A.1", "Alle Beiträge im Wortlaut", 1),
        Chapter("abstimmung", "A.2", "Abstimmungsprotokoll", 1),
        Chapter("protokoll", "A.3", "Zusammenführungen und ausgeblendete Beiträge", 1),
    ]


def render(
    content: MinutesContent,
    target: str | BinaryIO,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the PDF to ``target`` (a path or a binary file); returns the number of pages."""
    builder = _Builder(content)
    story = builder.story()
    total = len(story)

    def laid_out(done: int) -> None:
        if progress is not None:
            progress(min(done, total), total)

    doc = MinutesDoc(
        target,
        stamp=content.stamp,
        toc_keys=[c.key for c in builder.chapters],
        draft=not content.final,
        cover=builder.decorate_cover,
        body=builder.decorate_page,
        progress=laid_out,
        title=f"Dokumentation: {content.title}",
        author=content.organiser,
        subject=_subject(content),
        creator="smartdialog",
        keywords=[
            "Bürgerdialog",
            "Dokumentation",
            *([content.council_reference] if content.council_reference else []),
        ],
    )
    doc.build(story)
    if progress is not None:
        progress(total, total)
    return int(doc.page)


def _subject(content: MinutesContent) -> str:
    parts = ["Dokumentation des Bürgerdialogs"]
    if content.council_reference:
        parts.append(f"Vorlage {content.council_reference}")
    if content.starts_at:
        parts.append(german.date_long(content.starts_at).replace(german.NBSP, " "))
    return ", ".join(parts)


class _Builder:
    def __init__(self, content: MinutesContent) -> None:
        self.c = content
        self.st: Styles = make_styles()
        self.chapters = outline([f.name for f in content.fields])
        self._chapters = {ch.key: ch for ch in self.chapters}
        result = content.result_round
        # A round still running with its tally hidden keeps it hidden here too: a draft
        # printed during the event must not show what the wall does not.
        self.sealed = result is not None and result.sealed
        self.round = None if self.sealed else result
        self.no_vote = (
            f"Die Abstimmung (Runde {result.number}) läuft noch; ihr Ergebnis bleibt bis zum Abschluss verborgen."
            if result is not None and self.sealed
            else NO_VOTE
        )
        self.colour = {f.id: f.colour for f in content.fields}
        self.field_name = {f.id: f.name for f in content.fields}
        self.stamp_text = german.date_long(content.stamp)
        self.plain = CellMaker()

    # -- small helpers ------------------------------------------------------------------

    def heading(self, key: str, *, bar: str | None = None) -> Heading:
        ch = self._chapters[key]
        style = self.st.h1 if ch.level == 0 else self.st.h2
        return Heading(ch.key, ch.number, ch.title, ch.level, style, bar)

    def para(self, markup: str, style: Any = None) -> Paragraph:
        return Paragraph(markup, style or self.st.body)

    def cell(self, value: str, style: Any = None) -> Paragraph:
        return self.plain(value, style or self.st.cell)

    def prose(self, body: str) -> list[Flowable]:
        """A part a person wrote: paragraphs, "- " bullets and "time<TAB>item" programme lines."""
        out: list[Flowable] = []
        for block in re.split(r"\n\s*\n", body.strip()):
            lines = [line.rstrip() for line in block.splitlines() if line.strip()]
            if not lines:
                continue
            if all("\t" in line for line in lines):
                rows = [
                    [self.cell(a.strip(), self.st.cell_bold), self.cell(b.strip())]
                    for a, b in (line.split("\t", 1) for line in lines)
                ]
                out.extend(grid(None, rows, [32 * mm, WIDTH - 32 * mm]))
                out.append(Spacer(1, 8))
                continue
            plain: list[str] = []
            for line in lines:
                bullet = re.match(r"^\s*[-•*–]\s+(.*)$", line)
                if bullet:
                    if plain:
                        out.append(self.para(text(" ".join(plain))))
                        plain = []
                    out.append(Paragraph(text(bullet.group(1)), self.st.bullet, bulletText="•"))
                else:
                    plain.append(line.strip())
            if plain:
                out.append(self.para("<br/>".join(text(p) for p in plain)))
        return out

    def facts(self, rows: Sequence[tuple[str, str]], label_width: float = 62 * mm) -> Table:
        data = [[self.cell(k, self.st.cell_bold), self.cell(v)] for k, v in rows]
        table = Table(data, colWidths=[label_width, WIDTH - label_width])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    # Also for cells holding paragraphs: the table sets it anyway, and
                    # reportlab's default would pull in Helvetica, which is not embedded.
                    ("FONT", (0, 0), (-1, -1), pdffonts.REGULAR, 8.5),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def with_note(self, value: str, notes: Sequence[str]) -> Paragraph | list[Paragraph]:
        """A cell's text with a small note below it.

        Two plain paragraphs rather than one with font tags: reportlab breaks
        a paragraph of one style far faster than one of mixed styles, and
        there are thousands of these cells.
        """
        cell = self.plain(value, self.st.cell)
        return [cell, self.plain("; ".join(notes), self.st.aside)] if notes else cell

    def idea_cell(self, idea: RankedIdea) -> Paragraph | list[Paragraph]:
        notes = []
        if idea.merged_from:
            notes.append(
                "zusammengeführt mit " + ", ".join(f"Nr.\u00a0{n}" for n in idea.merged_from)
            )
        return self.with_note(idea.published_text, notes)

    def field_cell(self, field_id: Any) -> Paragraph:
        colour = self.colour.get(field_id, "#607d8b")
        name = text(self.field_name.get(field_id, ""))
        return CellParagraph(f'<font color="{colour}">■</font>\u00a0{name}', self.st.tiny)

    def ranking_table(
        self, ranking: Sequence[RankedIdea], *, with_field: bool = False
    ) -> list[Table]:
        header = [
            "Rang",
            "Nr.",
            "Idee",
            *(["Handlungsfeld"] if with_field else []),
            "Station",
            "Papier",
            "Punkte",
        ]
        widths = [30.0, 30.0]
        rest = WIDTH - 30 - 30 - 3 * 40
        if with_field:
            widths += [rest - 112, 112.0]
        else:
            widths += [rest]
        widths += [40.0, 40.0, 40.0]
        rows = []
        for idea in ranking:
            row: list[Any] = [f"{idea.rank}.", str(idea.number), self.idea_cell(idea)]
            if with_field:
                row.append(self.field_cell(idea.field_id))
            row += [
                german.integer(idea.device_dots),
                german.integer(idea.paper_dots),
                german.integer(idea.total),
            ]
            rows.append(row)
        n = len(header)
        return grid(header, rows, widths, right=(0, 1, n - 3, n - 2, n - 1), bold=(n - 1,))

    # -- the story --------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        parts: list[Iterable[Flowable]] = [
            self.cover(),
            self.contents(),
            self.occasion(),
            self.key_figures(),
            self.programme(),
            self.method(),
            self.results(),
            self.overall(),
            self.closing(),
            self.appendix(),
        ]
        return [f for part in parts for f in part]

    def cover(self) -> list[Flowable]:
        c = self.c
        out: list[Flowable] = [Spacer(1, 38 * mm), self.para("Dokumentation", self.st.cover_kicker)]
        out.append(self.para(text(c.title), self.st.cover_title))
        if c.guiding_question:
            out.append(self.para(text(german.quoted(c.guiding_question)), self.st.cover_question))
        rows: list[tuple[str, str]] = []
        if c.starts_at:
            rows.append(("Datum", german.date_long(c.starts_at, weekday=True)))
            rows.append(("Uhrzeit", german.time_span(c.starts_at, c.ends_at)))
        for label, value in (
            ("Ort", c.venue),
            ("Veranstalterin", c.organiser),
            ("Ratsbeschluss", f"Vorlage {c.council_reference}" if c.council_reference else ""),
            ("Moderation", c.moderation),
        ):
            if value:
                rows.append((label, value))
        rows.append(("Stand", self.stamp_text))
        rows.append(("Status", "Endfassung" if c.final else "Entwurf – nicht zur Veröffentlichung"))
        out.append(self.facts(rows))
        out += [NextPageTemplate("body"), PageBreak()]
        return out

    def contents(self) -> list[Flowable]:
        out: list[Flowable] = [self.para("Inhalt", self.st.h1)]
        for ch in self.chapters:
            style = self.st.toc0 if ch.level == 0 else self.st.toc1
            if ch.level == 0:
                out.append(Spacer(1, 5))
            out.append(TocLine(ch.key, ch.label, style, indent=0 if ch.level == 0 else 22))
        out.append(PageBreak())
        return out

    def occasion(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("anlass")]
        if self.c.guiding_question:
            out.append(
                self.para(
                    f"<b>Leitfrage:</b> {text(german.quoted(self.c.guiding_question))}",
                    self.st.lead,
                )
            )
        out += self.prose(self.c.sections.get(texts.OCCASION, ""))
        return out

    def key_figures(self) -> list[Flowable]:
        c, a = self.c, self.c.attendance
        count = c.idea_count
        rows = [
            ("Vorab angemeldet", german.integer(a.preregistered)),
            ("Vor Ort registriert", german.integer(a.walkins)),
            ("Registriert insgesamt", german.integer(a.registered)),
            ("Anwesend (am Einlass erfasst)", german.integer(a.present)),
            (
                "davon vorab Angemeldete",
                f"{german.integer(a.present_preregistered)} "
                f"({german.percent(a.present_preregistered, a.preregistered)} der Anmeldungen)",
            ),
            ("Handlungsfelder", german.integer(len(c.fields))),
            ("Thementische", german.integer(len(c.stations))),
            ("Beiträge", count_line(count, short=True)),
        ]
        r = self.round
        if r is not None:
            rows.append(
                (
                    "Stimmzettel",
                    f"{german.integer(r.ballots)} von {german.integer(r.eligible)} Anwesenden "
                    f"({german.percent(r.ballots, r.eligible)})",
                )
            )
        out: list[Flowable] = [self.heading("eckdaten"), self.facts(rows, 75 * mm), Spacer(1, 10)]
        bars = [charts.Bar(f.name, f.count.counted, f.colour) for f in c.fields]
        if c.fields:
            out.append(
                KeepTogether(
                    [
                        self.para("Beiträge je Handlungsfeld", self.st.h3),
                        charts.bar_chart(bars, WIDTH),
                    ]
                )
            )
        if a.ideas_per_station:
            out.append(self.para("Beiträge je Thementisch", self.st.h3))
            out += grid(
                ["Thementisch", "Beiträge"],
                [[self.cell(g.label), german.integer(g.count)] for g in a.ideas_per_station],
                [WIDTH - 70, 70],
                right=(1,),
            )
        out += self.breakdown(
            "Teilnehmende nach Stadtteil",
            "Stadtteil",
            a.by_district,
            a.district_other,
        )
        out += self.breakdown(
            "Teilnehmende nach Organisation",
            "Organisation",
            a.by_organisation,
            a.organisation_other,
        )
        out.append(
            self.para(
                f"Aufgeschlüsselt werden nur Gruppen mit mindestens {german.integer(a.min_group_size)} "
                "Personen; kleinere Gruppen sind zusammengefasst oder, wenn auch zusammen zu klein, "
                "nicht aufgeführt, damit niemand erkennbar ist.",
                self.st.small,
            )
        )
        return out

    def breakdown(
        self, title: str, column: str, groups: Sequence[Group], rest: Sequence[Group]
    ) -> list[Flowable]:
        rows: list[list[Any]] = [[self.cell(g.label), german.integer(g.count)] for g in groups]
        rows += [[self.cell(g.label, self.st.note), german.integer(g.count)] for g in rest]
        if not rows:
            return []
        return [
            self.para(title, self.st.h3),
            *grid([column, "Anwesende"], rows, [WIDTH - 70, 70], right=(1,)),
        ]

    def programme(self) -> list[Flowable]:
        return [
            CondPageBreak(120),
            self.heading("ablauf"),
            *self.prose(self.c.sections.get(texts.PROGRAMME, "")),
        ]

    def method(self) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(160), self.heading("methode")]
        out.append(
            self.para(
                "An Thementischen zu den Handlungsfeldern haben die Teilnehmenden ihre Ideen und "
                "Anregungen eingebracht. Die Moderation an jedem Tisch hat sie während des Gesprächs "
                "im Wortlaut erfasst; doppelte Beiträge wurden zusammengeführt, wobei beide Texte "
                "erhalten bleiben (siehe Anhang A.3). Die Beiträge waren während der Veranstaltung "
                "auf einer Projektionswand für alle sichtbar."
            )
        )
        out.append(self.para(counting.RULE_TEXT))
        if not self.c.rounds:
            out.append(
                self.para(
                    f"<b>{NO_VOTE}</b> Die Beiträge werden daher ohne Gewichtung wiedergegeben."
                )
            )
        for r in self.c.rounds:
            out.append(self.para(f"Abstimmungsrunde {r.number}: {text(r.title)}", self.st.h3))
            out.append(self.facts(self.rules_rows(r), 75 * mm))
            out.append(Spacer(1, 6))
        if self.c.rounds:
            out.append(self.para("Schutz vor doppelter Stimmabgabe", self.st.h3))
            out.append(
                self.para(
                    "Jede Person erhielt beim Einlass ein Namensschild mit einem persönlichen QR-Code. "
                    "Die Abstimmungsstation nahm je Runde und Person genau einen Stimmzettel an; die "
                    "Datenbank selbst lässt nicht mehr Punkte zu, als die Regeln erlauben. Auf Plakaten "
                    "geklebte Punkte wurden von der Moderation ausgezählt und gesondert ausgewiesen "
                    "(Spalte „Papier“). Mit dem Abschluss einer Runde wurde ein Prüfwert (SHA-256) des "
                    "Ergebnisses gespeichert; er steht im Anhang A.2, sodass jede spätere Änderung "
                    "erkennbar ist."
                )
            )
        out.append(self.para("Keine repräsentative Erhebung", self.st.h3))
        out.append(
            self.para(
                "Die Ergebnisse geben die Meinungen der Anwesenden wieder. Sie sind nicht "
                "repräsentativ für die Bevölkerung der Stadt: Wer teilnahm, hat selbst entschieden zu "
                "kommen, und nicht alle Anwesenden haben abgestimmt."
            )
        )
        return out

    def rules_rows(self, r: RoundSummary) -> list[tuple[str, str]]:
        budgets = [f for f in r.fields if f.budget]
        fields = ", ".join(f.name for f in r.fields) or "–"
        rows = [
            ("Punkte je Person", german.integer(r.dots_per_participant)),
            ("Höchstens je Idee", german.count(r.max_dots_per_idea, "Punkt", "Punkte")),
            ("Offene Handlungsfelder", fields),
        ]
        if budgets:
            rows.append(
                (
                    "Punkte je Handlungsfeld",
                    "; ".join(
                        f"{f.name}: höchstens {german.integer(f.budget or 0)}" for f in budgets
                    ),
                )
            )
        rows += [
            (
                "Zwischenstand",
                "bis zum Abschluss verborgen" if r.hide_tally else "während der Runde sichtbar",
            ),
            (
                "Änderung der Stimme",
                "bis zum Abschluss möglich" if r.allow_change else "nicht möglich",
            ),
            (
                "Teilnahme",
                "nur für am Einlass erfasste Personen"
                if r.require_checkin
                else "für alle Registrierten",
            ),
            (
                "Gleichstand",
                "Ideen mit gleicher Punktzahl teilen sich den Rang"
                if r.tie_rule == "shared"
                else "Stichwahl in einer eigenen Runde",
            ),
        ]
        if r.runoff_of:
            rows.append(("Stichwahl zu", f"Runde {r.runoff_of}"))
        if r.opened_at:
            span = (
                german.clock_uhr(r.opened_at)
                if r.closed_at is None
                else german.time_span(r.opened_at, r.closed_at)
            )
            rows.append(("Zeitraum", span))
        return rows

    def results(self) -> list[Flowable]:
        out: list[Flowable] = [PageBreak(), self.heading("ergebnisse")]
        r = self.round
        intro = "Für jedes Handlungsfeld folgen die Zusammenfassung, die Zahl der Beiträge und "
        if r is not None:
            intro += (
                f"die Beiträge, geordnet nach den Punkten der Priorisierung (Runde {r.number}: "
                f"{text(r.title)}). Zusammengeführte Beiträge zählen für die Idee, in der sie "
                "aufgegangen sind."
            )
        else:
            intro += (
                f"die Beiträge selbst. {self.no_vote} Sie stehen daher in der Reihenfolge, in "
                "der sie eingebracht wurden."
            )
        out.append(self.para(intro))
        for index, f in enumerate(self.c.fields, start=1):
            if index > 1:
                out.append(PageBreak())
            out += self.field_chapter(index, f)
        return out

    def field_chapter(self, index: int, f: FieldEntry) -> list[Flowable]:
        out: list[Flowable] = [self.heading(f"feld-{index}", bar=f.colour)]
        line = count_line(f.count)
        r = self.round
        ranking = r.by_field.get(f.id, ()) if r is not None else ()
        if ranking:
            dots = sum(i.total for i in ranking)
            paper = sum(i.paper_dots for i in ranking)
            line += f" · {german.count(dots, 'Punkt', 'Punkte')}"
            if paper:
                line += f", davon {german.integer(paper)} auf Papier"
        out.append(self.para(f'<font color="#5b6672">{line}</font>'))
        out += self.prose(f.summary)
        if not f.ideas:
            out.append(self.para("Zu diesem Handlungsfeld wurden keine Beiträge erfasst."))
            return out
        if r is None or not ranking:
            note = (
                self.no_vote
                if r is None
                else "Dieses Handlungsfeld stand in der Abstimmung nicht zur Wahl."
            )
            out.append(
                self.para(
                    f"<b>{note}</b> Die Beiträge stehen in der Reihenfolge, in der sie "
                    "eingebracht wurden."
                )
            )
            out += self.idea_list(f.active)
            return out
        # Every idea tied at the cut is in the chart: a top 10 may show eleven bars.
        top = top_with_ties([i for i in ranking if i.total > 0], TOP_IN_CHART)
        if top:
            bars = [charts.Bar(self.bar_label(i), i.total, f.colour) for i in top]
            out.append(
                KeepTogether(
                    [
                        self.para(
                            f"Die {german.integer(len(top))} Ideen mit den meisten Punkten",
                            self.st.h3,
                        ),
                        charts.bar_chart(bars, WIDTH),
                    ]
                )
            )
        out.append(self.para("Rangfolge", self.st.h3))
        if any(i.tied for i in ranking):
            # Above the table, not below it: below, it was left alone on a page of its own.
            note = self.para("Ideen mit gleicher Punktzahl teilen sich einen Rang.", self.st.small)
            note.keepWithNext = 1
            out.append(note)
        out += self.ranking_table(ranking)
        voted = {i.number for i in ranking} | {n for i in ranking for n in i.merged_from}
        later = [i for i in f.active if i.number not in voted]
        if later:
            out.append(self.para("Weitere Beiträge (nicht zur Abstimmung gestellt)", self.st.h3))
            out += self.idea_list(later)
        return out

    def idea_list(self, ideas: Sequence[IdeaEntry]) -> list[Table]:
        rows = [
            [str(i.number), self.cell(i.text), self.cell(i.topic, self.st.small)] for i in ideas
        ]
        return grid(["Nr.", "Beitrag", "Leitfrage"], rows, [30, WIDTH - 30 - 150, 150], right=(0,))

    def overall(self) -> list[Flowable]:
        out: list[Flowable] = [PageBreak(), self.heading("priorisierung")]
        r = self.round
        if r is None:
            out.append(
                self.para(
                    f"<b>{self.no_vote}</b> Eine Priorisierung der Beiträge liegt daher nicht vor."
                )
            )
            return out
        if len(self.c.rounds) > 1:
            out.append(
                self.para(
                    f"Maßgeblich ist die zuletzt abgeschlossene Runde {r.number} ({text(r.title)}); "
                    "alle Runden stehen im Anhang A.2."
                )
            )
        if r.status != "closed":
            out.append(
                self.para(
                    "<b>Die Runde ist noch nicht abgeschlossen; das Ergebnis ist vorläufig.</b>"
                )
            )
        out.append(
            self.facts(
                [
                    ("Stimmberechtigt (anwesend)", german.integer(r.eligible)),
                    (
                        "Abgegebene Stimmzettel",
                        f"{german.integer(r.ballots)} ({german.percent(r.ballots, r.eligible)})",
                    ),
                    ("Verfügbare Punkte", german.integer(r.dots_available)),
                    (
                        "Vergebene Punkte an den Stationen",
                        f"{german.integer(r.dots_used)} ({german.percent(r.dots_used, r.dots_available)})",
                    ),
                    ("Auf Plakaten gezählte Punkte", german.integer(r.paper_dots)),
                ],
                75 * mm,
            )
        )
        top = top_with_ties([i for i in r.ranking if i.total > 0], TOP_OVERALL_CHART)
        if top:
            legend = [
                (f.name, f.colour) for f in self.c.fields if any(i.field_id == f.id for i in top)
            ]
            bars = [
                charts.Bar(self.bar_label(i), i.total, self.colour.get(i.field_id, "#607d8b"))
                for i in top
            ]
            out.append(
                KeepTogether(
                    [
                        self.para(
                            f"Die {german.integer(len(top))} Ideen mit den meisten Punkten",
                            self.st.h3,
                        ),
                        charts.bar_chart(bars, WIDTH, legend=legend),
                    ]
                )
            )
        out.append(self.para("Gleichstände", self.st.h3))
        out += self.ties(r)
        shown = top_with_ties([i for i in r.ranking if i.total > 0], TOP_OVERALL)
        out.append(
            self.para(f"Rangfolge der ersten {german.integer(TOP_OVERALL)} Plätze", self.st.h3)
        )
        out += self.ranking_table(shown, with_field=True)
        out.append(
            self.para("Die vollständige Auszählung je Idee steht im Anhang A.2.", self.st.small)
        )
        return out

    @staticmethod
    def bar_label(i: RankedIdea) -> str:
        # The mark goes first: a long label is shortened at its end.
        tie = " (gleichauf)" if i.tied else ""
        return f"Nr. {i.number}{tie}: {i.published_text}"

    def ties(self, r: RoundSummary) -> list[Flowable]:
        groups: dict[int, list[RankedIdea]] = {}
        for idea in r.ranking:
            if idea.tied and idea.rank <= TOP_OVERALL:
                groups.setdefault(idea.rank, []).append(idea)
        if not groups:
            return [self.para(f"Unter den ersten {TOP_OVERALL} Plätzen gab es keinen Gleichstand.")]
        rule = (
            "Nach der Regel dieser Runde teilen sich Ideen mit gleicher Punktzahl den Rang; "
            "der nächste Rang wird entsprechend übersprungen."
            if r.tie_rule == "shared"
            else "Nach der Regel dieser Runde wird ein Gleichstand in einer Stichwahl entschieden."
        )
        out: list[Flowable] = [self.para(rule)]
        for rank, ideas in sorted(groups.items()):
            numbers = ", ".join(f"Nr.\u00a0{i.number}" for i in ideas)
            out.append(
                Paragraph(
                    f"Rang {rank}: {numbers} mit je {german.count(ideas[0].total, 'Punkt', 'Punkten')}",  # dative after „mit“
                    self.st.bullet,
                    bulletText="•",
                )
            )
        for runoff in (x for x in self.c.rounds if x.runoff_of == r.number):
            out.append(self.para(self.runoff_text(runoff)))
        return out

    def runoff_text(self, runoff: RoundSummary) -> str:
        ranked = [i for i in runoff.ranking if not i.hidden]
        if runoff.status != "closed":
            return f"Die Stichwahl (Runde {runoff.number}) ist noch nicht abgeschlossen."
        order = "; ".join(
            f"{i.rank}. Nr.\u00a0{i.number} mit {german.count(i.total, 'Punkt', 'Punkten')}"
            for i in ranked
        )
        return f"Stichwahl (Runde {runoff.number}): {order}."

    def closing(self) -> list[Flowable]:
        return [
            PageBreak(),
            self.heading("schritte"),
            *self.prose(self.c.sections.get(texts.NEXT_STEPS, "")),
            Spacer(1, 12),
            self.heading("datenschutz"),
            *self.prose(self.c.sections.get(texts.PRIVACY, "")),
        ]

    # -- the appendix -------------------------------------------------------------------------

    def appendix(self) -> list[Flowable]:
        out: list[Flowable] = [PageBreak(), self.heading("anhang"), self.heading("beitraege")]
        out.append(
            self.para(
                "Alle Beiträge im Wortlaut, wie sie an den Thementischen erfasst wurden, mit Tisch und "
                "Uhrzeit. Namen stehen nur dort, wo die Person eingewilligt hat, genannt zu werden. "
                "Ausgeblendete Beiträge sind ohne ihren Text aufgeführt (Grund in A.3)."
            )
        )
        for f in self.c.fields:
            if not f.ideas:
                continue
            out.append(
                self.para(f'<font color="{f.colour}">■</font>\u00a0{text(f.name)}', self.st.h3)
            )
            rows = [
                [
                    str(i.number),
                    self.verbatim(i),
                    self.cell(i.station, self.st.small),
                    german.clock(i.created_at),
                ]
                for i in f.ideas
            ]
            out += grid(
                ["Nr.", "Beitrag", "Tisch", "Uhrzeit"],
                rows,
                [30, WIDTH - 30 - 110 - 40, 110, 40],
                right=(0, 3),
            )
        out += [PageBreak(), self.heading("abstimmung")]
        if not self.c.rounds:
            out.append(self.para(NO_VOTE))
        for r in self.c.rounds:
            out += self.voting_record(r)
        out += [CondPageBreak(140), self.heading("protokoll")]
        out += self.change_log()
        return out

    def verbatim(self, idea: IdeaEntry) -> Paragraph | list[Paragraph]:
        if idea.status == "hidden":
            return CellParagraph(texts.NOT_PRINTED, self.st.note)
        notes = []
        if idea.author:
            notes.append(f"eingebracht von {idea.author}")
        if idea.topic:
            notes.append(f"Leitfrage: {german.quoted(idea.topic)}")
        if idea.status == "merged" and idea.merged_into:
            notes.append(f"zusammengeführt mit Nr.\u00a0{idea.merged_into}")
        return self.with_note(idea.text, notes)

    def voting_record(self, r: RoundSummary) -> list[Flowable]:
        out: list[Flowable] = [self.para(f"Runde {r.number}: {text(r.title)}", self.st.h3)]
        status = {"open": "läuft noch", "closed": "abgeschlossen"}.get(r.status, r.status)
        rows = [("Status", status)]
        if r.opened_at:
            rows.append(
                ("Geöffnet", f"{german.date_short(r.opened_at)}, {german.clock_uhr(r.opened_at)}")
            )
        if r.closed_at:
            rows.append(
                (
                    "Abgeschlossen",
                    f"{german.date_short(r.closed_at)}, {german.clock_uhr(r.closed_at)}",
                )
            )
        rows.append(("Stimmzettel", german.integer(r.ballots)))
        if r.sealed:
            out.append(self.facts(rows, 75 * mm))
            out.append(
                self.para(
                    "Die Auszählung bleibt nach den Regeln der Runde bis zu ihrem Abschluss verborgen."
                )
            )
            return out
        rows += [
            ("Punkte an den Stationen", german.integer(r.dots_used)),
            ("Punkte auf Plakaten", german.integer(r.paper_dots)),
        ]
        if r.tally_sha256:
            verdict = {
                True: "stimmt mit den gespeicherten Stimmen überein",
                False: "STIMMT NICHT mit den gespeicherten Stimmen überein",
                None: "",
            }[r.tally_intact]
            # In groups of four, two lines of eight: as on the wall and the signed protocol.
            groups = hash_groups(r.tally_sha256)
            digest = f"{groups[:39]}\n{groups[40:]}"
            rows.append(("Prüfwert (SHA-256)", digest + (f"\n{verdict}" if verdict else "")))
        else:
            rows.append(("Prüfwert (SHA-256)", "wird beim Abschluss der Runde gespeichert"))
        out.append(self.facts(rows, 75 * mm))
        out.append(Spacer(1, 6))
        out.append(self.para("Auszählung je Idee", self.st.h3))
        out.append(
            self.para(
                "Nach der Nummer des Beitrags; den Wortlaut enthält A.1, die Rangfolge die Kapitel 5 und 6. "
                "Eine Idee, mit der andere zusammengeführt wurden, zählt deren Punkte mit („enthält Nr. …“).",
                self.st.small,
            )
        )
        out += self.tally_table(r)
        out.append(Spacer(1, 10))
        return out

    @staticmethod
    def tally_note(idea: RankedIdea) -> str:
        notes = []
        if idea.merged_from:
            notes.append("enthält Nr.\u00a0" + ", ".join(str(n) for n in idea.merged_from))
        if idea.hidden:
            notes.append("ausgeblendet")
        return "; ".join(notes)

    def tally_table(self, r: RoundSummary) -> list[Table]:
        """The round's count per idea, by number: a record to check, so plain cells only."""
        rows = [
            [
                str(i.number),
                "",
                self.field_name.get(i.field_id, ""),
                german.integer(i.device_dots),
                german.integer(i.paper_dots),
                german.integer(i.total),
                f"{i.rank}.",
                self.tally_note(i),
            ]
            for i in sorted(r.ranking, key=lambda i: i.number)
        ]
        colours = [
            colors.HexColor(self.colour.get(i.field_id, "#607d8b"))
            for i in sorted(r.ranking, key=lambda i: i.number)
        ]
        header = ["Nr.", "", "Handlungsfeld", "Station", "Papier", "Punkte", "Rang", "Hinweis"]
        widths = [34.0, 6.0, 150.0, 48.0, 48.0, 48.0, 40.0, WIDTH - 374.0]
        tables = grid(header, rows, widths, right=(0, 3, 4, 5, 6), bold=(5,))
        done = 0
        for index, table in enumerate(tables):
            first = 1 if index == 0 else 0
            count = len(table._cellvalues) - first
            table.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (1, first + n), (1, first + n), colours[done + n])
                        for n in range(count)
                    ]
                    + [("LEFTPADDING", (1, 0), (1, -1), 0), ("RIGHTPADDING", (1, 0), (1, -1), 0)]
                )
            )
            done += count
        return tables

    def change_log(self) -> list[Flowable]:
        if not self.c.log:
            return [self.para("Es wurden keine Beiträge zusammengeführt oder ausgeblendet.")]
        rows = []
        for e in self.c.log:
            if e.kind == "merged":
                what, detail = "zusammengeführt", f"mit Nr. {e.target}" if e.target else ""
            else:
                what, detail = (
                    "ausgeblendet",
                    f"Grund: {e.detail}" if e.detail else "ohne Angabe eines Grundes",
                )
            rows.append(
                [
                    f"{german.date_short(e.at)} {german.clock(e.at)}",
                    str(e.number),
                    what,
                    self.cell(detail),
                ]
            )
        return grid(
            ["Zeit", "Nr.", "Vorgang", "Einzelheiten"], rows, [80, 30, 90, WIDTH - 200], right=(1,)
        )

    # -- page decoration ----------------------------------------------------------------------

    def _draft_mark(self, canv: Canvas) -> None:
        if self.c.final:
            return
        canv.saveState()
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(50)
        canv.doForm(DRAFT_FORM)
        canv.restoreState()

    def decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        stripe = PAGE_WIDTH / max(1, len(self.c.fields))
        for i, f in enumerate(self.c.fields):
            canv.setFillColor(colors.HexColor(f.colour))
            canv.rect(i * stripe, PAGE_HEIGHT - 14 * mm, stripe + 0.5, 14 * mm, stroke=0, fill=1)
        if not self.c.final:
            canv.setFillColor(DRAFT)
            canv.setFont(pdffonts.BOLD, 20)
            canv.drawRightString(PAGE_WIDTH - RIGHT, PAGE_HEIGHT - 30 * mm, "ENTWURF")
        canv.setFillColor(MUTED)
        canv.setFont(pdffonts.REGULAR, 8.5)
        if self.c.organiser:
            canv.drawString(LEFT, 16 * mm, pdffonts.printable(self.c.organiser))
        canv.restoreState()
        self._draft_mark(canv)

    def decorate_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._draft_mark(canv)
        canv.saveState()
        top = PAGE_HEIGHT - 14 * mm
        canv.setFont(pdffonts.REGULAR, 8)
        canv.setFillColor(MUTED)
        canv.drawString(LEFT, top, _fit(f"Dokumentation · {self.c.title}", 300, 8))
        right = f"Vorlage {self.c.council_reference}" if self.c.council_reference else ""
        if not self.c.final:
            right = f"ENTWURF · {right}" if right else "ENTWURF"
        canv.drawRightString(PAGE_WIDTH - RIGHT, top, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(LEFT, top - 4, PAGE_WIDTH - RIGHT, top - 4)
        bottom = 12 * mm
        canv.line(LEFT, bottom + 10, PAGE_WIDTH - RIGHT, bottom + 10)
        canv.drawString(
            LEFT, bottom, f"Stand: {self.stamp_text}" + ("" if self.c.final else " (Entwurf)")
        )
        label = f"Seite {canv.getPageNumber()} von "
        canv.setFillColor(INK)
        x = PAGE_WIDTH - RIGHT - 14 - canv.stringWidth(label, pdffonts.REGULAR, 8)
        canv.drawString(x, bottom, label)
        canv.translate(x + canv.stringWidth(label, pdffonts.REGULAR, 8), bottom)
        canv.doForm(TOTAL_PAGES_FORM)
        canv.restoreState()


def count_line(count: IdeaCount, *, short: bool = False) -> str:
    """``47 Beiträge (darin 2 Doppelungen zusammengeführt; außerdem 1 ausgeblendeter Beitrag)``.

    The counting rule is core.services.counting's; ``short`` leaves out the noun (a table's
    row already says "Beiträge").
    """
    head = (
        german.integer(count.counted)
        if short
        else german.count(count.counted, "Beitrag", "Beiträge")
    )
    details = []
    if count.merged:
        details.append(
            f"darin {german.count(count.merged, 'Doppelung', 'Doppelungen')} zusammengeführt"
        )
    if count.hidden:
        details.append(
            "außerdem "
            + german.count(count.hidden, "ausgeblendeter Beitrag", "ausgeblendete Beiträge")
        )
    return f"{head} ({'; '.join(details)})" if details else head


def _fit(value: str, width: float, size: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    value = pdffonts.printable(value)  # one font here: emoji by name
    if stringWidth(value, pdffonts.REGULAR, size) <= width:
        return value
    while value and stringWidth(value + " …", pdffonts.REGULAR, size) > width:
        value = value[:-1]
    return value.rstrip() + " …"
