"""Tickets and badges: their layout, their PDF, and the log of printed badges.

A layout is computed once as plain boxes in millimetres (``Drawing``): the PDF
renderer here and the printer renderer in the GUI (QPainter) draw the same
boxes, so a badge looks the same on paper from either path.

QR codes are always version 1 with error correction Q and a fixed mask: a
ticket payload is 20 digits (numeric mode, 27 digits fit), and skipping the
search for the best mask makes a code ten times faster to build (1,000 tickets
in a few seconds) while any decoder still reads it.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from smartdialog.core import choices, clock, spreadsheet
from smartdialog.core.changes import Action
from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.minutes import german
from smartdialog.core.models import BadgePrint, Participant
from smartdialog.core.services import audit, setup, tickets
from smartdialog.core.text import full_name

QR_QUIET_ZONE: Final = 4  # modules of white around the code, as the standard asks

LAYOUTS: Final = choices.BADGE_LAYOUTS
TICKET_LAYOUTS: Final = choices.TICKET_LAYOUTS

A4: Final = (210.0, 297.0)
A6: Final = (105.0, 148.0)
LABEL62: Final = (100.0, 62.0)  # a 62 mm continuous roll, cut at 100 mm, printed across


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules of a payload, without quiet zone."""
    code = qrcode.QRCode(version=1, error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=2)
    code.add_data(payload)
    code.make(fit=False)
    return [list(row) for row in code.get_matrix()]


def qr_runs(matrix: Sequence[Sequence[bool]]) -> list[tuple[int, int, int]]:
    """Dark modules as horizontal runs (row, first column, length): fewer shapes to draw."""
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append((y, start, x - start))
            else:
                x += 1
    return runs


# -- layout as plain boxes ---------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    x: float  # mm from the left
    y: float  # baseline, mm from the top
    width: float
    text: str
    size: float  # pt
    bold: bool = False
    align: str = "left"  # left, center, right
    grey: bool = False


@dataclass(frozen=True)
class QR:
    x: float
    y: float  # top edge, mm from the top
    size: float  # the code without quiet zone
    matrix: list[list[bool]]


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    dashed: bool = False


@dataclass
class Drawing:
    """One page: its size in mm and what is on it."""

    width: float
    height: float
    items: list[Text | QR | Line] = field(default_factory=list)


@dataclass(frozen=True)
class Person:
    participant_id: uuid.UUID
    ticket_number: int
    first_name: str
    last_name: str
    organisation: str
    payload: str
    email: str = ""
    title: str = ""  # "Dr.": printed before the name, as German badges and lists do


@dataclass(frozen=True)
class EventHeader:
    title: str
    when: str
    venue: str
    organiser: str


# The printed words, German by default; the GUI passes its translations.
@dataclass(frozen=True)
class PrintTexts:
    ticket: str = "Ticket"
    ticket_number: str = "Ticket-Nr. {number}"
    show_at_desk: str = (
        "Bitte zeigen Sie diesen QR-Code am Empfang vor – ausgedruckt oder auf dem Handy."
    )
    personal_note: str = "Der Code enthält keine persönlichen Daten."
    weekdays: tuple[str, ...] = german.WEEKDAYS
    months: tuple[str, ...] = german.MONTHS
    date_format: str = "{weekday}, {day}. {month} {year}, {time} Uhr"
    # The mail-merge list beside the tickets written one file per person.
    mail_list: str = "Versandliste.csv"
    mail_list_header: tuple[str, ...] = ("E-Mail", "Datei", "Vorname", "Nachname", "Ticket-Nr.")
    ticket_file: str = "Ticket-{number:04d}-{name}.pdf"


# English, for the command line's ``--lang en`` (the GUI translates PrintTexts itself).
ENGLISH_TEXTS = PrintTexts(
    ticket="Ticket",
    ticket_number="Ticket no. {number}",
    show_at_desk="Please show this QR code at the registration desk – printed or on your phone.",
    personal_note="The code holds no personal data.",
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    date_format="{weekday}, {month} {day}, {year}, {time}",
    mail_list="mailing-list.csv",
    mail_list_header=("E-mail", "File", "First name", "Last name", "Ticket no."),
    ticket_file="Ticket-{number:04d}-{name}.pdf",
)


def print_texts(language: str) -> PrintTexts:
    """The printed words in ``language`` ("de" or "en"); German for any other."""
    return ENGLISH_TEXTS if language == "en" else PrintTexts()


def local_time(at: datetime) -> datetime:
    """A UTC time as the venue's clock shows it (the event's time zone)."""
    return clock.local(at)


def format_when(at: datetime | None, texts: PrintTexts) -> str:
    if at is None:
        return ""
    local = local_time(at)
    return texts.date_format.format(
        weekday=texts.weekdays[local.weekday()],
        day=local.day,
        month=texts.months[local.month - 1],
        year=local.year,
        time=local.strftime("%H:%M"),
    )


def _fit(text: str, width_mm: float, size: float, minimum: float, bold: bool) -> tuple[str, float]:
    """The largest size from ``size`` down to ``minimum`` at which ``text`` fits; cut with … below."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from smartdialog.core import pdffonts

    pdffonts.register()
    font = pdffonts.BOLD if bold else pdffonts.REGULAR
    limit = width_mm / 25.4 * 72
    while size > minimum and stringWidth(text, font, size) > limit:
        size -= 0.5
    if stringWidth(text, font, size) <= limit:
        return text, size
    while text and stringWidth(text + "…", font, size) > limit:
        text = text[:-1]
    return text.rstrip() + "…", size


def _text(
    x: float,
    y: float,
    width: float,
    text: str,
    size: float,
    *,
    minimum: float | None = None,
    bold: bool = False,
    align: str = "left",
    grey: bool = False,
) -> Text:
    fitted, fitted_size = _fit(text, width, size, minimum or size, bold)
    return Text(x, y, width, fitted, fitted_size, bold, align, grey)


def _wrap(text: str, width_mm: float, size: float, lines: int) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from smartdialog.core import pdffonts

    pdffonts.register()
    limit = width_mm / 25.4 * 72
    out: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if stringWidth(trial, pdffonts.REGULAR, size) <= limit or not current:
            current = trial
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    return out[:lines]


def badge_drawing(
    person: Person, event: EventHeader, layout: str, texts: PrintTexts | None = None
) -> Drawing:
    """A name badge: the name large, the organisation small, the QR for the voting station."""
    texts = texts or PrintTexts()
    first = person.first_name or person.last_name
    last = person.last_name if person.first_name else ""
    if person.title:
        # "Dr. Schulte" under a large "Anna"; a title alone above a single name.
        last = f"{person.title} {last}".strip()
    if layout == "a6":
        w, h = A6
        d = Drawing(w, h)
        margin = 8.0
        d.items.append(
            _text(margin, 14, w - 2 * margin, event.title, 10, minimum=7, align="center", grey=True)
        )
        d.items.append(Line(margin, 18, w - margin, 18))
        d.items.append(
            _text(margin, 44, w - 2 * margin, first, 34, minimum=14, bold=True, align="center")
        )
        if last:
            d.items.append(
                _text(margin, 60, w - 2 * margin, last, 22, minimum=11, bold=True, align="center")
            )
        if person.organisation:
            d.items.append(
                _text(
                    margin, 74, w - 2 * margin, person.organisation, 12, minimum=8, align="center"
                )
            )
        qr_size = 34.0
        d.items.append(
            QR((w - qr_size) / 2, h - margin - qr_size - 12, qr_size, qr_matrix(person.payload))
        )
        d.items.append(
            _text(
                margin,
                h - margin - 6,
                w - 2 * margin,
                tickets.typed_code(person.payload),
                11,
                bold=True,
                align="center",
            )
        )
        d.items.append(
            _text(
                margin,
                h - margin,
                w - 2 * margin,
                texts.ticket_number.format(number=person.ticket_number),
                8,
                align="center",
                grey=True,
            )
        )
        return d
    if layout == "label62":
        w, h = LABEL62
        d = Drawing(w, h)
        margin = 4.0
        qr_size = 24.0
        text_width = w - 3 * margin - qr_size - 2
        d.items.append(_text(margin, 8, w - 2 * margin, event.title, 7, minimum=6, grey=True))
        d.items.append(_text(margin, 26, text_width, first, 24, minimum=10, bold=True))
        if last:
            d.items.append(_text(margin, 37, text_width, last, 16, minimum=8, bold=True))
        if person.organisation:
            d.items.append(_text(margin, 48, text_width, person.organisation, 9, minimum=6))
        d.items.append(
            QR(w - margin - qr_size, h - margin - qr_size - 5, qr_size, qr_matrix(person.payload))
        )
        d.items.append(
            _text(
                w - margin - qr_size - 2,
                h - margin,
                qr_size + 4,
                tickets.typed_code(person.payload),
                6.5,
                minimum=5,
                bold=True,
                align="center",
            )
        )
        d.items.append(
            _text(
                margin,
                h - margin,
                text_width,
                texts.ticket_number.format(number=person.ticket_number),
                6,
                grey=True,
            )
        )
        return d
    raise ValueError(f"unknown badge layout {layout!r}")


def _ticket_items(
    person: Person, event: EventHeader, texts: PrintTexts, x: float, y: float, w: float, h: float
) -> list[Text | QR | Line]:
    """One ticket in the box (x, y, w, h); scales from an A6 quarter to a whole A4 page."""
    scale = min(w / 105.0, h / 148.0)
    m = 8 * scale
    inner = w - 2 * m
    items: list[Text | QR | Line] = [
        _text(x + m, y + m + 5 * scale, inner, texts.ticket.upper(), 8 * scale, grey=True),
        _text(x + m, y + m + 13 * scale, inner, event.title, 13 * scale, minimum=7, bold=True),
    ]
    line_y = y + m + 19 * scale
    if event.when:
        items.append(_text(x + m, line_y, inner, event.when, 9 * scale, minimum=6))
        line_y += 5 * scale
    for venue_line in _wrap(event.venue, inner, 9 * scale, 2):
        items.append(_text(x + m, line_y, inner, venue_line, 9 * scale, minimum=6))
        line_y += 5 * scale
    name = full_name(f"{person.title} {person.first_name}".strip(), person.last_name)
    items.append(_text(x + m, line_y + 10 * scale, inner, name, 18 * scale, minimum=8, bold=True))
    if person.organisation:
        items.append(
            _text(x + m, line_y + 16 * scale, inner, person.organisation, 10 * scale, minimum=6)
        )
    qr_size = 42 * scale
    qr_top = y + h - m - qr_size - 23 * scale
    items.append(QR(x + (w - qr_size) / 2, qr_top, qr_size, qr_matrix(person.payload)))
    # The code to type when a QR code cannot be read, in groups of four.
    items.append(
        _text(
            x + m,
            qr_top + qr_size + 6 * scale,
            inner,
            tickets.typed_code(person.payload),
            12 * scale,
            bold=True,
            align="center",
        )
    )
    items.append(
        _text(
            x + m,
            qr_top + qr_size + 10.5 * scale,
            inner,
            texts.ticket_number.format(number=person.ticket_number),
            8 * scale,
            align="center",
        )
    )
    for offset, note in enumerate(_wrap(texts.show_at_desk, inner, 7 * scale, 2)):
        items.append(
            _text(
                x + m,
                qr_top + qr_size + (15 + 4 * offset) * scale,
                inner,
                note,
                7 * scale,
                align="center",
                grey=True,
            )
        )
    items.append(
        _text(
            x + m,
            y + h - m + 2 * scale,
            inner,
            texts.personal_note,
            6 * scale,
            minimum=5,
            align="center",
            grey=True,
        )
    )
    return items


def ticket_drawings(
    people: Sequence[Person],
    event: EventHeader,
    layout: str,
    texts: PrintTexts | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Drawing]:
    texts = texts or PrintTexts()
    if layout not in TICKET_LAYOUTS:
        raise ValueError(f"unknown ticket layout {layout!r}")
    pages: list[Drawing] = []
    per_page = 1 if layout == "a4" else 4
    for index, person in enumerate(people):
        slot = index % per_page
        if slot == 0:
            page = Drawing(*A4)
            if per_page == 4:  # cut marks between the four A6 tickets
                page.items += [
                    Line(105, 0, 105, 297, dashed=True),
                    Line(0, 148.5, 210, 148.5, dashed=True),
                ]
            pages.append(page)
        if per_page == 1:
            box = (20.0, 20.0, 170.0, 240.0)
        else:
            box = (105.0 * (slot % 2), 148.5 * (slot // 2), 105.0, 148.5)
        pages[-1].items += _ticket_items(person, event, texts, *box)
        if progress is not None and (index + 1) % 25 == 0:
            progress(index + 1, len(people))
    return pages


# -- the PDF ------------------------------------------------------------------------------


def write_pdf(
    pages: Sequence[Drawing],
    out: str | Path,
    *,
    title: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Draw the pages with reportlab, fonts embedded; written beside and moved into place."""
    import os

    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from smartdialog.core import pdffonts

    pdffonts.register()
    out = Path(out)
    if not pages:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "There is nothing to print: nobody is registered yet.")
        )
    tmp = out.with_name(f".{out.name}.part")
    try:
        canvas = Canvas(str(tmp), pagesize=(pages[0].width * mm, pages[0].height * mm), invariant=1)
        canvas.setTitle(title)
        canvas.setAuthor("smartdialog")
        for number, page in enumerate(pages, start=1):
            canvas.setPageSize((page.width * mm, page.height * mm))
            _draw_page(canvas, page, mm)
            canvas.showPage()
            if progress is not None and number % 10 == 0:
                progress(number, len(pages))
        canvas.save()
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The PDF {path} could not be written: {reason}"),
            path=str(out),
            reason=exc.strerror or str(exc),
        ) from exc
    if progress is not None:
        progress(len(pages), len(pages))
    return out


def _draw_page(canvas: object, page: Drawing, mm: float) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from smartdialog.core import pdffonts

    assert isinstance(canvas, Canvas)
    height = page.height
    for item in page.items:
        if isinstance(item, Text):
            canvas.setFillGray(0.35 if item.grey else 0.0)
            canvas.setFont(pdffonts.BOLD if item.bold else pdffonts.REGULAR, item.size)
            x, y = item.x * mm, (height - item.y) * mm
            if item.align == "center":
                canvas.drawCentredString(x + item.width * mm / 2, y, item.text)
            elif item.align == "right":
                canvas.drawRightString(x + item.width * mm, y, item.text)
            else:
                canvas.drawString(x, y, item.text)
        elif isinstance(item, QR):
            module = item.size / len(item.matrix)
            canvas.setFillGray(0.0)
            path = canvas.beginPath()
            for row, col, length in qr_runs(item.matrix):
                # Runs overlap their neighbours by a hair so no white seams appear when rasterised.
                path.rect(
                    (item.x + col * module) * mm,
                    (height - item.y - (row + 1) * module) * mm,
                    length * module * mm,
                    module * mm * 1.001,
                )
            canvas.drawPath(path, stroke=0, fill=1)
        else:
            canvas.setStrokeGray(0.6)
            canvas.setLineWidth(0.3)
            canvas.setDash(3, 3) if item.dashed else canvas.setDash()
            canvas.line(
                item.x1 * mm, (height - item.y1) * mm, item.x2 * mm, (height - item.y2) * mm
            )


# -- reading what to print ---------------------------------------------------------------------


def event_header(s: Session, texts: PrintTexts | None = None) -> EventHeader:
    event = setup.current_event(s)
    return EventHeader(
        event.title,
        format_when(event.starts_at, texts or PrintTexts()),
        event.venue,
        event.organiser,
    )


def people_to_print(
    s: Session, participant_ids: Sequence[uuid.UUID] | None = None, *, source: str | None = None
) -> list[Person]:
    """The people whose tickets or badges to print, by surname (or in the given order)."""
    keys = tickets.event_keys(s)
    query = select(
        Participant.id,
        Participant.ticket_number,
        Participant.first_name,
        Participant.last_name,
        Participant.organisation,
        Participant.email,
        Participant.title,
    ).where(Participant.event_id == keys.event_id, Participant.anonymised_at.is_(None))
    if participant_ids is not None:
        query = query.where(Participant.id.in_(list(participant_ids)))
    if source is not None:
        query = query.where(Participant.source == source)
    rows = s.execute(
        query.order_by(Participant.last_name, Participant.first_name, Participant.ticket_number)
    )
    people = [
        Person(
            r.id,
            r.ticket_number,
            r.first_name,
            r.last_name,
            r.organisation,
            tickets.encode_payload(keys.code, keys.secret, r.ticket_number),
            r.email,
            r.title,
        )
        for r in rows
    ]
    if participant_ids is not None:
        order = {pid: i for i, pid in enumerate(participant_ids)}
        people.sort(key=lambda p: order[p.participant_id])
    return people


def write_tickets(
    s_people: Sequence[Person],
    event: EventHeader,
    out: str | Path,
    *,
    layout: str = "a4",
    texts: PrintTexts | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Tickets as one PDF; ``progress(done, total)`` counts people, then pages."""
    total = len(s_people)

    def drawing_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(done // 2, total)

    pages = ticket_drawings(s_people, event, layout, texts, drawing_progress)
    per_page = 1 if layout == "a4" else 4

    def page_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(min(total, total // 2 + done * per_page // 2), total)

    return write_pdf(pages, out, title=event.title, progress=page_progress)


_ASCII = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
    }
)
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def file_name_part(text: str) -> str:
    """A name as it can stand in a file name on every system and in every mail program."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _UNSAFE.sub("-", plain).strip("-")[:60]


def write_ticket_files(
    people: Sequence[Person],
    event: EventHeader,
    folder: str | Path,
    *,
    texts: PrintTexts | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """One PDF per person, to send by e-mail, and a mail-merge list (e-mail; file; name).

    Returns the list's path.  People without an e-mail address get their file
    too (to print), with an empty address in the list.
    """
    texts = texts or PrintTexts()
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The folder {path} cannot be created: {reason}"),
            path=str(folder),
            reason=exc.strerror or str(exc),
        ) from exc
    if not people:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "There is nothing to print: nobody is registered yet.")
        )
    rows = []
    for done, person in enumerate(people, start=1):
        name = file_name_part(f"{person.last_name} {person.first_name}") or "Ticket"
        file_name = texts.ticket_file.format(number=person.ticket_number, name=name)
        write_pdf(
            ticket_drawings([person], event, "a4", texts), folder / file_name, title=event.title
        )
        rows.append(
            [person.email, file_name, person.first_name, person.last_name, person.ticket_number]
        )
        if progress is not None and (done % 10 == 0 or done == len(people)):
            progress(done, len(people))
    mail_list = folder / texts.mail_list
    try:
        # Semicolons and a byte-order mark: what German Excel and mail-merge tools open as is.
        with mail_list.open("w", encoding="utf-8-sig", newline="") as f:
            out = spreadsheet.writer(f, delimiter=";")
            out.writerow(texts.mail_list_header)
            out.writerows(rows)
    except OSError as exc:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The PDF {path} could not be written: {reason}"),
            path=str(mail_list),
            reason=exc.strerror or str(exc),
        ) from exc
    return mail_list


def write_badges(
    people: Sequence[Person],
    event: EventHeader,
    out: str | Path,
    *,
    layout: str = "a6",
    texts: PrintTexts | None = None,
) -> Path:
    return write_pdf(
        [badge_drawing(p, event, layout, texts) for p in people], out, title=event.title
    )


def record_badge_print(s: Session, participant_id: uuid.UUID, layout: str) -> bool:
    """Log a printed badge; returns True when it was a reprint."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown badge layout {layout!r}")
    reprint = bool(s.scalar(select(exists().where(BadgePrint.participant_id == participant_id))))
    entry = BadgePrint(participant_id=participant_id, layout=layout, reprint=reprint)
    s.add(entry)
    s.flush()
    audit.record(
        s,
        Action.BADGE_REPRINTED if reprint else Action.BADGE_PRINTED,
        "participant",
        participant_id,
        layout,
    )
    return reprint


def badge_prints(s: Session, participant_id: uuid.UUID) -> int:
    return len(
        list(s.scalars(select(BadgePrint.id).where(BadgePrint.participant_id == participant_id)))
    )
