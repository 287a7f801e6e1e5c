"""The Abstimmungsprotokoll: one page per closed round, printed and signed on the day.

It carries the round's tally hash in groups of four, so that the event file
can later be checked against paper kept outside it (``smartdialog verify``).
German, like the minutes; the same data gives the same bytes.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from smartdialog.core import pdffonts
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.minutes import german
from smartdialog.core.services import setup, voting
from smartdialog.core.services.export import replacing_file
from smartdialog.core.services.verification import hash_groups


@dataclass(frozen=True)
class ProtocolData:
    event_title: str
    event_date: str
    venue: str
    organiser: str
    council_reference: str
    round_number: int
    round_title: str
    opened: str
    closed: str
    rules: tuple[str, ...]
    totals: tuple[tuple[str, str], ...]
    fields: tuple[tuple[str, int, int], ...]
    tally_sha256: str


def protocol_data(s: Session, round_id: uuid.UUID) -> ProtocolData:
    results = voting.round_results(s, round_id)
    info = results.round
    if info.status != "closed" or not results.tally_sha256:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "Only a closed round has a protocol to sign; close the round first."
            )
        )
    event = setup.get_event(s)
    rules = info.rules
    lines = [
        f"{rules.dots_per_participant} Punkte je Person, höchstens "
        f"{rules.max_dots_per_idea} je Idee",
        "Zwischenstand verborgen bis zum Abschluss"
        if rules.hide_tally
        else "Zwischenstand während der Runde sichtbar",
        "Stimmabgabe nur nach Anmeldung am Empfang"
        if rules.require_checkin
        else "Stimmabgabe ohne Anmeldung",
        "Gleichstand: gemeinsamer Rang"
        if rules.tie_rule == "shared"
        else "Gleichstand: Stichwahl als eigene Runde",
    ]
    budgets = [f"{f.name}: {f.budget}" for f in rules.fields if f.budget is not None]
    if budgets:
        lines.append("Budgets je Handlungsfeld: " + ", ".join(budgets))
    turnout = results.turnout
    totals = (
        ("Stimmzettel abgegeben", german.integer(turnout.ballots_cast)),
        ("Anwesend beim Abschluss", german.integer(turnout.eligible)),
        ("Punkte an den Stationen", german.integer(turnout.dots_used)),
        ("Punkte auf Papier (gezählt)", german.integer(turnout.paper_dots)),
        ("Punkte insgesamt", german.integer(turnout.dots_used + turnout.paper_dots)),
    )
    return ProtocolData(
        event_title=event.title,
        event_date=german.date_long(event.starts_at) if event.starts_at else "",
        venue=event.venue,
        organiser=event.organiser,
        council_reference=event.council_reference,
        round_number=info.number,
        round_title=info.title,
        opened=_when(info.opened_at),
        closed=_when(info.closed_at),
        rules=tuple(lines),
        totals=totals,
        fields=tuple((f.name, f.device_dots, f.paper_dots) for f in results.fields),
        tally_sha256=results.tally_sha256,
    )


def _when(moment: object) -> str:
    from datetime import datetime

    if not isinstance(moment, datetime):
        return "–"
    return f"{german.date_short(moment)}, {german.clock_uhr(moment)}"


def write_protocol(data: ProtocolData, target: str | os.PathLike[str]) -> Path:
    """Write the one-page protocol as PDF (fonts embedded) to ``target``."""
    path = Path(target).expanduser()
    with replacing_file(path) as tmp:
        _draw(data, tmp)
    return path


_LEFT = 22 * mm
_RIGHT = A4[0] - 22 * mm


def _draw(data: ProtocolData, path: Path) -> None:
    regular = pdffonts.register()
    bold = pdffonts.BOLD
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(f"Abstimmungsprotokoll – Runde {data.round_number}")
    c.setAuthor(data.organiser or "smartdialog")
    c.setSubject(data.event_title)
    y = A4[1] - 24 * mm

    def text(value: str, size: float = 10.5, font: str = regular, x: float = _LEFT) -> None:
        nonlocal y
        c.setFont(font, size)
        c.drawString(x, y, _fit(value, font, size, _RIGHT - x))
        y -= size * 1.45

    labels = [label for label, _ in data.totals] + [name for name, _, _ in data.fields]
    column = min(max(stringWidth(x, bold, 10) for x in labels) + 6 * mm, 85 * mm)

    def row(label: str, value: str) -> None:
        nonlocal y
        c.setFont(bold, 10)
        c.drawString(_LEFT, y, _fit(label, bold, 10, column - 4 * mm))
        c.setFont(regular, 10)
        c.drawString(_LEFT + column, y, _fit(value, regular, 10, _RIGHT - _LEFT - column))
        y -= 14.5

    def rule() -> None:
        nonlocal y
        y += 4
        c.setStrokeColor(colors.HexColor("#9e9e9e"))
        c.setLineWidth(0.5)
        c.line(_LEFT, y, _RIGHT, y)
        y -= 12

    text("Abstimmungsprotokoll", 20, bold)
    y -= 2
    text(data.event_title, 12.5, bold)
    details = " · ".join(v for v in (data.event_date, data.venue) if v)
    if details:
        text(details, 10)
    if data.organiser or data.council_reference:
        text(
            " · ".join(
                v
                for v in (
                    data.organiser,
                    f"Vorlage {data.council_reference}" if data.council_reference else "",
                )
                if v
            ),
            10,
        )
    y -= 4
    rule()
    text(f"Runde {data.round_number}: {data.round_title}", 13, bold)
    row("Geöffnet", data.opened)
    row("Abgeschlossen", data.closed)
    y -= 4
    text("Regeln", 11, bold)
    for line in data.rules:
        text(f"– {line}", 10, x=_LEFT + 3 * mm)
    y -= 4
    text("Ergebnis in Zahlen", 11, bold)
    for label, value in data.totals:
        row(label, value)
    # More fields than this would push the signatures off the page; the minutes list them all.
    if 0 < len(data.fields) <= 10:
        y -= 4
        text("Je Handlungsfeld", 11, bold)
        for name, device, paper in data.fields:
            row(name, f"{german.integer(device + paper)} Punkte ({german.integer(paper)} Papier)")
    y -= 4
    rule()
    text("Prüfwert des Ergebnisses (SHA-256)", 11, bold)
    text(
        "Beim Abschluss der Runde berechnet. Bitte hier und in einer eigenen Notiz festhalten:",
        9.5,
    )
    groups = hash_groups(data.tally_sha256).split(" ")
    y -= 6
    c.setFillColor(colors.HexColor("#f1f1f1"))
    c.setStrokeColor(colors.HexColor("#616161"))
    box_height = 2 * 22 + 12
    c.roundRect(_LEFT, y - box_height + 16, _RIGHT - _LEFT, box_height, 4, stroke=1, fill=1)
    c.setFillColor(colors.black)
    cell = (_RIGHT - _LEFT - 12 * mm) / 8
    for half in range(2):
        for i, group in enumerate(groups[half * 8 : half * 8 + 8]):
            c.setFont(bold, 15)
            c.drawCentredString(_LEFT + 6 * mm + cell * (i + 0.5), y, group)
        y -= 22
    y -= 16
    text(
        "Später prüfen: smartdialog verify DATEI --round "
        f'{data.round_number} --hash "…" (oder in der Abstimmung: „Prüfwert prüfen…“).',
        8.5,
    )
    text(
        "Ein Prüfwert, der nicht mehr passt, zeigt eine spätere Änderung der Datei an.",
        8.5,
    )
    y -= 10
    rule()
    text("Bestätigt am Tag der Veranstaltung", 11, bold)
    y -= 26
    width = (_RIGHT - _LEFT - 12 * mm) / 2
    for row_labels in (("Moderation", "Verwaltung"), ("Zeugin / Zeuge", "Ort, Datum")):
        for i, label in enumerate(row_labels):
            x = _LEFT + i * (width + 12 * mm)
            c.setStrokeColor(colors.black)
            c.line(x, y, x + width, y)
            c.setFont(regular, 8.5)
            c.drawString(
                x,
                y - 11,
                f"{label} (Name, Unterschrift)" if i == 0 or label != "Ort, Datum" else label,
            )
        y -= 44
    c.setFont(regular, 8)
    c.setFillColor(colors.HexColor("#616161"))
    c.drawString(
        _LEFT, 14 * mm, f"{data.event_title} – Abstimmungsprotokoll Runde {data.round_number}"
    )
    c.drawRightString(_RIGHT, 14 * mm, "Seite 1 von 1")
    c.showPage()
    c.save()


def _fit(value: str, font: str, size: float, width: float) -> str:
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"
