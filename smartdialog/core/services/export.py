"""The event's results as data for the administration: CSV for Excel, JSON for programs.

What leaves the event here is what the minutes show (the same snapshot,
``smartdialog.core.minutes.content``): ideas, fields, tables, attendance as
counts, voting results.  No participant list: personal data is exported
only about one person, on request, through the privacy service.  A hidden
idea is listed with its reason but without its wording, as in the minutes.

CSV opens correctly in German Excel: UTF-8 with a byte order mark, ``;`` as
the separator by default, CRLF line ends.  A text cell that Excel would take
for a formula (starting with ``= + - @``, a tab or a carriage return) is
written with a leading apostrophe, as is a text that starts with an
apostrophe itself, so that ``read_csv`` gives back exactly what was written.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from smartdialog.core import choices, spreadsheet
from smartdialog.core.db import Database
from smartdialog.core.errors import QT_TRANSLATE_NOOP, EnvironmentProblem
from smartdialog.core.minutes import german
from smartdialog.core.minutes.content import MinutesContent, collect
from smartdialog.core.services.checkin import RefusedScan, refused_scans

FORMATS = choices.EXPORT_FORMATS
JSON_NAME = "smartdialog-export.json"

Value = str | int | datetime | None

# Why a desk refused a scan, in the words of the desk's red answer.
REFUSALS = {
    "foreign": "Ticket gehört zu einer anderen Veranstaltung",
    "forged": "Ticket ist nicht echt",
    "truncated": "Ticket unvollständig gelesen",
    "garbled": "Kein Ticket-Code",
    "unknown": "Ticket nicht vergeben",
    "empty": "Leerer Scan",
    "anonymised": "Anmeldung gelöscht",
}


@dataclass(frozen=True)
class Column:
    key: str  # JSON key: stable, for programs
    header: str  # CSV header: German, for people


@dataclass(frozen=True)
class DataTable:
    name: str  # CSV file name without suffix (German, like the headers)
    key: str  # its name in the JSON document
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]

    def records(self) -> list[dict[str, str | int | None]]:
        return [
            {
                c.key: _iso(v) if isinstance(v, datetime) else v
                for c, v in zip(self.columns, row, strict=True)
            }
            for row in self.rows
        ]


@dataclass(frozen=True)
class ExportFiles:
    paths: tuple[Path, ...]


def _when(moment: datetime) -> str:
    """Local time as Excel reads it in any locale: ``2026-11-28 11:04:09``."""
    return german.local(moment).strftime("%Y-%m-%d %H:%M:%S")


def _iso(moment: datetime) -> str:
    """Local time with its offset, for programs: ``2026-11-28T11:04:09+01:00``."""
    return german.local(moment).isoformat()


def tables(content: MinutesContent, scans: Sequence[RefusedScan] = ()) -> list[DataTable]:
    """The tables an export consists of, built from the minutes' snapshot.

    ``scans`` are the desks' refused scans: what was read is a ticket code (or
    whatever a scanner typed), no personal data, kept as read.
    """
    field_names = {f.id: f.name for f in content.fields}
    ideas = DataTable(
        "beitraege",
        "ideas",
        (
            Column("number", "Nr"),
            Column("text", "Beitrag"),
            Column("field", "Handlungsfeld"),
            Column("topic", "Leitfrage"),
            Column("station", "Tisch"),
            Column("created", "Erfasst"),
            Column("status", "Status"),
            Column("merged_into", "Zusammengeführt mit Nr"),
            Column("hidden_reason", "Grund für Ausblenden"),
            Column("author", "Eingebracht von"),
        ),
        tuple(
            (
                i.number,
                i.published_text,
                field_names.get(i.field_id, ""),
                i.topic,
                i.station,
                i.created_at,
                {"active": "aktiv", "merged": "zusammengeführt", "hidden": "ausgeblendet"}[
                    i.status
                ],
                i.merged_into,
                i.hidden_reason,
                i.author,
            )
            for i in content.ideas
        ),
    )
    fields = DataTable(
        "handlungsfelder",
        "fields",
        (
            Column("position", "Position"),
            Column("name", "Handlungsfeld"),
            Column("colour", "Farbe"),
            Column("ideas", "Beiträge"),
            Column("summary", "Zusammenfassung"),
        ),
        tuple(
            (n, f.name, f.colour, len(f.ideas), f.summary)
            for n, f in enumerate(content.fields, start=1)
        ),
    )
    a = content.attendance
    figures: list[tuple[str, Value]] = [
        ("Vorab angemeldet", a.preregistered),
        ("Vor Ort registriert", a.walkins),
        ("Registriert insgesamt", a.registered),
        ("Anwesend", a.present),
        ("Anwesend, davon vorab angemeldet", a.present_preregistered),
        ("Beiträge", len(content.ideas)),
    ]
    figures += [(f"Anwesend aus Stadtteil {g.label}", g.count) for g in a.by_district]
    figures += [(f"Anwesend von {g.label}", g.count) for g in a.by_organisation]
    attendance = DataTable(
        "eckdaten",
        "figures",
        (Column("figure", "Kennzahl"), Column("value", "Wert")),
        tuple(figures),
    )
    votes = DataTable(
        "abstimmung",
        "votes",
        (
            Column("round", "Runde"),
            Column("rank", "Rang"),
            Column("number", "Nr"),
            Column("text", "Idee"),
            Column("field", "Handlungsfeld"),
            Column("device_dots", "Punkte Station"),
            Column("paper_dots", "Punkte Papier"),
            Column("total", "Punkte gesamt"),
            Column("merged_from", "Zusammengeführt aus Nr"),
            Column("tally_sha256", "Prüfwert SHA-256"),
        ),
        tuple(
            (
                r.number,
                i.rank,
                i.number,
                i.published_text,
                field_names.get(i.field_id, ""),
                i.device_dots,
                i.paper_dots,
                i.total,
                ", ".join(str(n) for n in i.merged_from),
                r.tally_sha256,
            )
            for r in content.rounds
            if not r.sealed
            for i in r.ranking
        ),
    )
    failed = DataTable(
        "fehlscans",
        "refused_scans",
        (
            Column("at", "Zeit"),
            Column("desk", "Empfang"),
            Column("read", "Gelesen"),
            Column("reason", "Grund"),
            Column("reason_code", "Grund (Code)"),
        ),
        tuple((f.at, f.desk, f.raw, REFUSALS.get(f.reason, f.reason), f.reason) for f in scans),
    )
    return [ideas, fields, attendance, votes, failed]


# -- CSV ------------------------------------------------------------------------------------


def csv_text(table: DataTable, *, delimiter: str = ";") -> str:
    out = io.StringIO()
    writer = spreadsheet.writer(
        out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow([c.header for c in table.columns])
    for row in table.rows:
        writer.writerow([cell_text(v) for v in row])
    return out.getvalue()


def cell_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _when(value)
    return str(value)


def read_csv(path: Path, *, delimiter: str = ";") -> list[list[str]]:
    """The cells of a CSV written by ``write_csv``, as they were before guarding (header first)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [
            [spreadsheet.unguard(cell) for cell in row]
            for row in csv.reader(f, delimiter=delimiter)
        ]


def write_csv(
    content: MinutesContent,
    folder: Path,
    *,
    delimiter: str = ";",
    scans: Sequence[RefusedScan] = (),
) -> list[Path]:
    paths = []
    for table in tables(content, scans):
        path = folder / f"{table.name}.csv"
        with replacing_file(path) as tmp:
            # utf-8-sig writes the byte order mark by which Excel recognises UTF-8.
            tmp.write_text(csv_text(table, delimiter=delimiter), encoding="utf-8-sig", newline="")
        paths.append(path)
    return paths


# -- JSON -----------------------------------------------------------------------------------


def json_document(content: MinutesContent, scans: Sequence[RefusedScan] = ()) -> dict[str, Any]:
    return {
        "format": "smartdialog-export",
        "version": 1,
        "event": {
            "title": content.title,
            "starts_at": _iso(content.starts_at) if content.starts_at else None,
            "ends_at": _iso(content.ends_at) if content.ends_at else None,
            "venue": content.venue,
            "organiser": content.organiser,
            "council_reference": content.council_reference,
            "guiding_question": content.guiding_question,
            "minutes_final": content.final,
        },
        **{t.key: t.records() for t in tables(content, scans)},
    }


def write_json(
    content: MinutesContent, folder: Path, scans: Sequence[RefusedScan] = ()
) -> list[Path]:
    path = folder / JSON_NAME
    with replacing_file(path) as tmp:
        tmp.write_text(
            json.dumps(json_document(content, scans), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    return [path]


def export(
    db: Database,
    folder: str | os.PathLike[str],
    fmt: str = "csv",
    *,
    delimiter: str = ";",
    progress: Callable[[int, int], None] | None = None,
) -> ExportFiles:
    """Write the event's data into ``folder`` (created if missing) as CSV files or one JSON file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    target = Path(folder).expanduser()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise not_writable(target / "x", exc.strerror or str(exc)) from exc
    if progress:
        progress(0, 2)
    with snapshot_session(db) as s:
        content = collect(s)
        scans = refused_scans(s)
    if progress:
        progress(1, 2)
    paths = (
        write_csv(content, target, delimiter=delimiter, scans=scans)
        if fmt == "csv"
        else write_json(content, target, scans)
    )
    if progress:
        progress(2, 2)
    return ExportFiles(tuple(paths))


# -- reading and writing safely -------------------------------------------------------------


@contextlib.contextmanager
def snapshot_session(db: Database) -> Iterator[Session]:
    """A read session that sees one moment of the event across all its queries.

    On PostgreSQL several laptops write while the export reads; READ COMMITTED
    would let the ideas come from one moment and the votes from the next.
    (SQLite's read transaction is a snapshot already.)
    """
    with db.read() as s:
        if db.engine.dialect.name == "postgresql":
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield s


# -- writing files safely -------------------------------------------------------------------


@contextlib.contextmanager
def replacing_file(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only once it is complete.

    A failed export leaves the last good file in place, and any failure to
    write comes out as one clear ``EnvironmentProblem``.
    """
    if path.is_dir():
        raise EnvironmentProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder. Choose a file name for the export."),
            path=str(path),
        )
    folder = path.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise not_writable(path, "")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=folder)
    except OSError as exc:
        raise not_writable(path, exc.strerror or str(exc)) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise not_writable(path, exc.strerror or str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def not_writable(path: Path, reason: str) -> EnvironmentProblem:
    if reason:
        return EnvironmentProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} could not be written ({reason}). If the file is open in another program, "
                "close it; otherwise choose another folder, for example Documents.",
            ),
            path=str(path),
            reason=reason,
        )
    return EnvironmentProblem(
        QT_TRANSLATE_NOOP(
            "errors",
            "The folder {folder} does not exist or cannot be written to. Choose another folder, "
            "for example Documents.",
        ),
        folder=str(path.parent),
    )
