"""Reading the first sheet of an XLSX file as text cells, within limits a registration export never reaches.

An XLSX file is a ZIP archive of XML parts, and a small one can unpack into
gigabytes: 0.8 MB holding 20 million shared strings, 0.4 MB holding one
string of 400 MB, 0.77 MB holding 5 million rows.  A general spreadsheet
library reads all shared strings into memory before the first row, so such a
file would exhaust the machine before any limit is looked at.  Here the
archive's declared sizes, its compression ratios, the shared strings' declared
count and the sheet's declared dimension are checked before anything is
unpacked, and the parts are then streamed (a bounded pull parser, chunk by
chunk) with counts that stop at the limits.  ``zipfile`` never unpacks more
than a member's declared size (and checks its CRC at the end), so a member
that lies about its size ends as a damaged file, not as a flood.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Final, Literal
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError

# A registration export of 100,000 people with a dozen columns unpacks to about 40 MB.
MAX_PART_BYTES: Final = 64 * 1024 * 1024
MAX_TOTAL_BYTES: Final = 160 * 1024 * 1024
MAX_PARTS: Final = 2000
# Office files compress 5 to 30 times; a bomb a thousand times and more.
MAX_RATIO: Final = 200
RATIO_FROM_BYTES: Final = 1024 * 1024
MAX_SHARED_STRINGS: Final = 1_000_000
MAX_SHARED_CHARS: Final = 40_000_000
MAX_COLUMNS: Final = 250
CHUNK: Final = 64 * 1024

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_DIMENSION = re.compile(r"^[A-Z]{1,3}\d+:([A-Z]{1,3})(\d+)$")
# Built-in number formats that show a date or time.
_DATE_FORMATS: Final = frozenset({*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)})
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def damaged(name: str) -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{name} is a damaged Excel file and cannot be read. Open it in Excel, save it again "
            "(or as “CSV UTF-8”) and import that file.",
        ),
        name=name,
    )


def too_large(name: str, what: str) -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{name} unpacks to far more than an export of registrations ({what}); it was not "
            "read. Check that you chose the right file, or save the registrations again from "
            "Excel as “CSV UTF-8”.",
        ),
        name=name,
        what=what,
    )


def read_rows(
    data: bytes,
    name: str,
    max_rows: int,
    too_many_rows: Callable[[], DomainError],
    not_a_table: Callable[[], DomainError],
) -> list[list[str]]:
    """The first sheet's rows as text cells (a formula as "=…"), or a DomainError in words."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise not_a_table() from exc
    with archive:
        _check_archive(archive, name)
        try:
            sheet, date1904 = _first_sheet(archive)
            dates = _date_styles(archive)
            strings = _shared_strings(archive, name)
            return _sheet_rows(
                archive, sheet, name, strings, dates, date1904, max_rows, too_many_rows
            )
        except (
            zipfile.BadZipFile,  # also a CRC that does not match
            zlib.error,
            ParseError,
            KeyError,
            ValueError,
            EOFError,
            OSError,
        ) as exc:
            raise damaged(name) from exc


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise too_large(name, f"{len(infos)} parts")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise too_large(name, f"{info.filename}: {info.file_size // 1024 // 1024} MB")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise too_large(name, f"{info.filename}: {ratio:.0f}:1")
    if total > MAX_TOTAL_BYTES:
        raise too_large(name, f"{total // 1024 // 1024} MB")


# How a row and a shared text begin, with or without a namespace prefix ("<x:row ").
_ROW_TAGS: Final = (b"<row ", b"<row>", b":row ", b":row>")
_ITEM_TAGS: Final = (b"<si>", b"<si ", b":si>", b":si ")


def _more_tags_than(
    archive: zipfile.ZipFile, part: str, tags: tuple[bytes, ...], limit: int
) -> bool:
    """Whether a part holds more than ``limit`` of a tag, counted in C over the raw bytes.

    Parsing costs a hundred times more than counting: a part holding too many
    rows or texts is refused after a pass of counting, before it is parsed.
    """
    count = 0
    # A tag cut by a chunk's end is found in the overlap; one that fits in it may be counted
    # twice, which errs on the side of refusing (a few in millions).
    overlap = max(len(t) for t in tags) - 1
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK * 16):
            window = tail + chunk
            count += sum(window.count(tag) for tag in tags)
            if count > limit:
                return True
            tail = window[-overlap:]
    return False


_Event = Literal["start", "end"]


def _elements(
    archive: zipfile.ZipFile,
    part: str,
    tags: tuple[str, ...],
    events: tuple[_Event, ...] = ("end",),
) -> Iterator[tuple[str, Element]]:
    """Stream a part's elements, a chunk at a time; a part with a DTD is refused (no entities)."""
    parser: XMLPullParser[Element] = XMLPullParser(events=events)
    with archive.open(part) as stream:
        first = True
        while chunk := stream.read(CHUNK):
            if first and (b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk):
                raise ValueError("a document type declaration in a spreadsheet part")
            first = False
            parser.feed(chunk)
            yield from _wanted(parser, tags)
        parser.close()
        yield from _wanted(parser, tags)


def _wanted(parser: XMLPullParser[Element], tags: tuple[str, ...]) -> Iterator[tuple[str, Element]]:
    for pair in parser.read_events():
        if isinstance(pair, tuple) and len(pair) == 2:
            event, item = pair
            if isinstance(item, Element) and (not tags or item.tag in tags):
                yield str(event), item


def _parse_whole(archive: zipfile.ZipFile, part: str) -> Element:
    """A small part (workbook, relationships, styles) as a tree; its size was checked before."""
    root: Element | None = None
    for _event, element in _elements(archive, part, (), ("start",)):
        root = element if root is None else root
    if root is None:
        raise ValueError(f"{part} is empty")
    # The start events came before the children: read the whole part first.
    return root


def _first_sheet(archive: zipfile.ZipFile) -> tuple[str, bool]:
    names = set(archive.namelist())
    workbook = _parse_whole(archive, "xl/workbook.xml")
    properties = workbook.find(f"{_MAIN}workbookPr")
    date1904 = properties is not None and properties.get("date1904", "") in ("1", "true")
    sheet = workbook.find(f"{_MAIN}sheets/{_MAIN}sheet")
    if sheet is not None and "xl/_rels/workbook.xml.rels" in names:
        wanted = sheet.get(f"{_REL}id", "")
        for relation in _parse_whole(archive, "xl/_rels/workbook.xml.rels"):
            if relation.tag == f"{_PKG_REL}Relationship" and relation.get("Id") == wanted:
                target = relation.get("Target", "")
                path = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
                if path in names:
                    return path, date1904
    for path in sorted(names):
        if path.startswith("xl/worksheets/") and path.endswith(".xml"):
            return path, date1904
    raise KeyError("no worksheet")


def _is_date_format(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return any(c in bare for c in "dmyhs") and "general" not in bare


def _date_styles(archive: zipfile.ZipFile) -> frozenset[int]:
    """The cell styles (indices of cellXfs) that show a number as a date."""
    if "xl/styles.xml" not in archive.namelist():
        return frozenset()
    styles = _parse_whole(archive, "xl/styles.xml")
    custom = {
        int(f.get("numFmtId", "0")): f.get("formatCode", "")
        for f in styles.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt")
    }
    result = set()
    for index, xf in enumerate(styles.iterfind(f"{_MAIN}cellXfs/{_MAIN}xf")):
        number_format = int(xf.get("numFmtId", "0"))
        if number_format in _DATE_FORMATS or (
            number_format in custom and _is_date_format(custom[number_format])
        ):
            result.add(index)
    return frozenset(result)


def _text_of(element: Element) -> str:
    """The text of a string item: its runs, without the phonetic guide (rPh)."""
    if (plain := element.find(f"{_MAIN}t")) is not None:
        return plain.text or ""
    return "".join(t.text or "" for t in element.iterfind(f"{_MAIN}r/{_MAIN}t"))


def _shared_strings(archive: zipfile.ZipFile, name: str) -> list[str]:
    part = next(
        (p for p in archive.namelist() if p.lower() == "xl/sharedstrings.xml"),
        None,
    )
    if part is None:
        return []
    if _more_tags_than(archive, part, _ITEM_TAGS, MAX_SHARED_STRINGS):
        raise too_large(name, f"> {MAX_SHARED_STRINGS:,} texts".replace(",", "."))
    strings: list[str] = []
    chars = 0
    root: Element | None = None
    for event, element in _elements(archive, part, (f"{_MAIN}sst", f"{_MAIN}si"), ("start", "end")):
        if element.tag == f"{_MAIN}sst":
            if event == "start":
                root = element
                declared = max(_int(element.get("uniqueCount")), _int(element.get("count")))
                if declared > MAX_SHARED_STRINGS:
                    raise too_large(name, f"{declared:,} texts".replace(",", "."))
            continue
        if event != "end":
            continue
        text = _text_of(element)
        if root is not None:
            root.clear()  # the items read so far: kept as text, not as elements
        strings.append(text)
        chars += len(text)
        if len(strings) > MAX_SHARED_STRINGS:
            raise too_large(name, f"> {MAX_SHARED_STRINGS:,} texts".replace(",", "."))
        if chars > MAX_SHARED_CHARS:
            raise too_large(name, f"> {MAX_SHARED_CHARS // 1_000_000} million characters")
    return strings


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _number_text(raw: str, as_date: bool, date1904: bool) -> str:
    try:
        number = float(raw)
    except ValueError:
        return raw
    if as_date and 0 <= number < 2_958_466:  # up to 31 Dec 9999
        base = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
        moment = base + timedelta(days=number)
        moment = moment.replace(microsecond=0) + timedelta(seconds=round(moment.microsecond / 1e6))
        return moment.date().isoformat() if number.is_integer() else moment.isoformat()
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return raw


def _sheet_rows(
    archive: zipfile.ZipFile,
    part: str,
    name: str,
    strings: list[str],
    dates: frozenset[int],
    date1904: bool,
    max_rows: int,
    too_many_rows: Callable[[], DomainError],
) -> list[list[str]]:
    if _more_tags_than(archive, part, _ROW_TAGS, max_rows):
        raise too_many_rows()
    rows: list[list[str]] = []
    cells: list[str] = []
    column = -1
    dimension, row_tag, cell_tag = f"{_MAIN}dimension", f"{_MAIN}row", f"{_MAIN}c"
    data_tag = f"{_MAIN}sheetData"
    table: Element | None = None
    for event, element in _elements(
        archive, part, (dimension, data_tag, row_tag, cell_tag), ("start", "end")
    ):
        tag = element.tag
        if tag == data_tag:
            table = element
            continue
        if tag == dimension:
            if event == "start" and (match := _DIMENSION.match(element.get("ref", ""))):
                if int(match.group(2)) > max_rows:
                    raise too_many_rows()
                if _column_index(match.group(1)) >= MAX_COLUMNS:
                    raise _too_many_columns(name)
            continue
        if tag == row_tag:
            if event == "start":
                number = _int(element.get("r")) or len(rows) + 1
                if number > max_rows:
                    raise too_many_rows()
                while len(rows) < number - 1:
                    rows.append([])  # rows the sheet leaves out are empty
                cells, column = [], -1
            else:
                rows.append(cells)
                if table is not None:
                    table.clear()  # the rows read so far: kept as text, not as elements
            continue
        if event != "end":
            continue
        reference = _CELL_REF.match(element.get("r", ""))
        column = _column_index(reference.group(1)) if reference else column + 1
        if column >= MAX_COLUMNS:
            raise _too_many_columns(name)
        value = _cell_value(element, strings, dates, date1904, name)
        element.clear()
        if value:
            cells.extend([""] * (column - len(cells)))
            if column < len(cells):
                cells[column] = value
            else:
                cells.append(value)
    return rows


def _cell_value(
    cell: Element, strings: list[str], dates: frozenset[int], date1904: bool, name: str
) -> str:
    kind = cell.get("t", "n")
    formula = cell.find(f"{_MAIN}f")
    if formula is not None and formula.text:
        return "=" + formula.text
    raw_element = cell.find(f"{_MAIN}v")
    raw = raw_element.text or "" if raw_element is not None else ""
    if kind == "s":
        index = _int(raw) if raw.strip().isdigit() else -1
        if not 0 <= index < len(strings):
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{name} is a damaged Excel file: the cell {cell} refers to a text the file "
                    "does not hold. Open it in Excel, save it again and import that file.",
                ),
                name=name,
                cell=cell.get("r", "?"),
            )
        return strings[index]
    if kind == "inlineStr":
        inline = cell.find(f"{_MAIN}is")
        return _text_of(inline) if inline is not None else ""
    if kind == "b":
        return "ja" if raw.strip() in ("1", "true") else "nein"
    if kind in ("str", "e", "d"):
        return raw
    return _number_text(raw, _int(cell.get("s")) in dates, date1904) if raw else ""


def _too_many_columns(name: str) -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{name} has more than {limit} columns; that is not an export of registrations.",
        ),
        name=name,
        limit=MAX_COLUMNS,
    )
