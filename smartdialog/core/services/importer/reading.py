"""Reading a registration file: CSV in every office flavour or XLSX, into plain text cells.

The encoding, the delimiter and the header row are found without asking.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services.importer import xlsx
from smartdialog.core.services.importer.mapping import auto_field

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
MAX_ROWS: Final = 100_000


@dataclass(frozen=True)
class Table:
    """The file as text cells.  ``rows`` pairs each row with its number as a spreadsheet shows it."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    kind: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file; raises DomainError in words when it is neither or too big."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The file {name} is {size} MB large; an export of registrations is far smaller "
                    "(10,000 people are about 2 MB). Check that you chose the right file.",
                ),
                name=path.name,
                size=f"{size / 1024 / 1024:.0f}",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(
            QT_TRANSLATE_NOOP("errors", "The file {name} cannot be read: {reason}"),
            name=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    if not data.strip():
        raise DomainError(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=path.name)
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, path.name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} is in the old Excel format (.xls). Open it in Excel and save it as "
                "“Excel workbook (.xlsx)” or “CSV UTF-8”, then import that file.",
            ),
            name=path.name,
        )
    return _read_csv(data, path.name)


def _not_a_table(name: str) -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{name} is not a table of registrations. Choose the CSV or Excel file exported "
            "from the registration form.",
        ),
        name=name,
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{name} is cut off in the middle of a character (Unicode text with an odd "
                    "number of bytes): it was probably not copied completely. Copy or save it "
                    "again and import that file.",
                ),
                name=name,
            ) from exc
    if b"\x00" in data[:65536]:
        raise _not_a_table(name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # German Excel and older offices write Windows-1252; latin-1 takes the five
        # bytes cp1252 leaves undefined, so that no file fails to decode.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"


def _sniff_delimiter(text: str) -> str:
    sample_lines = [line for line in text[:65536].splitlines() if line.strip()][:20]
    if not sample_lines:
        return ";"
    best, best_score = ";", -1.0
    for candidate in (";", ",", "\t", "|"):
        counts = [line.count(candidate) for line in sample_lines]
        if not counts[0]:
            continue
        # A delimiter appears equally often on most lines (quoted line breaks aside).
        steady = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = steady * 10 + min(counts[0], 50) / 50
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(data: bytes, name: str) -> Table:
    text, encoding = _decode(data, name)
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\r\n\t")
    if controls > 10:
        raise _not_a_table(name)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False
    )
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS + 20:
                raise _too_many_rows(name)
    except csv.Error as exc:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} cannot be read as a table near line {line}: {reason}. Save it again from "
                "Excel as “CSV (semicolon separated)” and import that file.",
            ),
            name=name,
            line=reader.line_num,
            reason=str(exc),
        ) from exc
    _refuse_mixed_delimiters(rows, name, delimiter)
    return _table(rows, name, "csv", encoding, delimiter)


def _refuse_mixed_delimiters(rows: list[list[str]], name: str, delimiter: str) -> None:
    """A header split by one delimiter over rows written with another is refused, not guessed.

    Otherwise "Sven,Semi,sven@…" would be imported as somebody's first name.
    """
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    header = next((i for i, row in enumerate(filled) if len(row) >= 2), None)
    if header is None:
        return
    body = filled[header + 1 : header + 201]
    for other in (";", ",", "\t", "|"):
        if other == delimiter:
            continue
        whole = [row for row in body if len(row) == 1 and other in row[0]]
        if body and len(whole) * 2 > len(body):
            shown = {"\t": "Tab"}
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{name} separates its columns with “{header}” in the first line but its "
                    "rows with “{rows}”, so no row can be read column by column. Save it again "
                    "from Excel as “CSV (semicolon separated)” and import that file.",
                ),
                name=name,
                header=shown.get(delimiter, delimiter),
                rows=shown.get(other, other),
            )


def _too_many_rows(name: str) -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP(
            "errors", "{name} has more than {limit} rows; that is not an export of registrations."
        ),
        name=name,
        limit=MAX_ROWS,
    )


def _read_xlsx(data: bytes, name: str) -> Table:
    rows = xlsx.read_rows(
        data, name, MAX_ROWS + 20, lambda: _too_many_rows(name), lambda: _not_a_table(name)
    )
    if not rows:
        raise _not_a_table(name)
    return _table(rows, name, "xlsx")


def _header_row(rows: list[list[str]]) -> int:
    """The first row that looks like column names (exports sometimes start with a title line)."""
    for index, row in enumerate(rows[:10]):
        known = {auto_field(cell) for cell in row} - {""}
        if len(known) >= 2:
            return index
    return next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), 0)


def _table(
    rows: list[list[str]], name: str, kind: str, encoding: str = "", delimiter: str = ""
) -> Table:
    start = _header_row(rows)
    if start >= len(rows):
        raise DomainError(QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=name)
    headers = [h.strip().lstrip("\ufeff") for h in rows[start]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise _not_a_table(name)
    body = [
        (number, row)
        for number, row in enumerate(rows[start + 1 :], start=start + 2)
        if any(cell.strip() for cell in row)
    ]
    return Table(headers, body, kind, encoding, delimiter)
