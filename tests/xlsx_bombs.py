"""Generators of XLSX files, honest and hostile, written part by part with zipfile.

The hostile ones are small on disk and huge unpacked (the shapes found in an
adversarial test run): 20 million shared strings, one string of 400 MB,
5 million rows.  They are streamed into the archive in chunks, so making them
needs no more memory than a chunk.  Used by the tests and by
benchmarks/bench_import.py.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<workbook xmlns="{MAIN}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Anmeldungen" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>'
    "</styleSheet>"
)


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# A part's content as (text, times) segments: a bomb is one chunk repeated millions of times.
Segments = list[tuple[str, int]]


def _deflate(segments: Segments) -> tuple[bytes, int, int]:
    """Raw deflate data, CRC-32 and size of the segments, compressing each chunk only once.

    A compressor flushed with Z_FULL_FLUSH forgets what came before, so the same
    chunk compresses to the same bytes every time: those bytes are repeated.
    """
    out, crc, size = bytearray(), 0, 0
    for text, times in segments:
        data = text.encode()
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)
        out += packed * times
        for _ in range(times):
            crc = zlib.crc32(data, crc)
        size += len(data) * times
    out += zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # the final block
    return bytes(out), crc, size


def write_xlsx(
    path: Path,
    sheet: Iterable[str] | Segments,
    shared: Iterable[str] | Segments | None = None,
    *,
    stored: bool = False,
) -> Path:
    """An XLSX file from the parts' XML, written as a plain ZIP archive (deflated or stored)."""
    parts: dict[str, Segments] = {
        "[Content_Types].xml": [(_CONTENT_TYPES, 1)],
        "_rels/.rels": [(_ROOT_RELS, 1)],
        "xl/workbook.xml": [(_WORKBOOK, 1)],
        "xl/_rels/workbook.xml.rels": [(_WORKBOOK_RELS, 1)],
        "xl/styles.xml": [(_STYLES, 1)],
        "xl/worksheets/sheet1.xml": _segments(sheet),
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = _segments(shared)
    directory = bytearray()
    with path.open("wb") as f:
        for name, segments in parts.items():
            if stored:
                data = "".join(text * times for text, times in segments).encode()
                crc, size, method = zlib.crc32(data), len(data), 0
            else:
                data, crc, size = _deflate(segments)
                method = 8
            encoded = name.encode()
            fields = struct.pack(
                "<HHHHHIII", 20, 0, method, 0, 0x21, crc, len(data), size
            )  # version, flags, method, time, date (1980-01-01), crc, sizes
            offset = f.tell()
            f.write(b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded)
            f.write(data)
            directory += (
                b"PK\x01\x02"
                + struct.pack("<H", 20)
                + fields
                + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset)
                + encoded
            )
        start = f.tell()
        f.write(directory)
        f.write(
            b"PK\x05\x06"
            + struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts), len(directory), start, 0)
        )
    return path


def _segments(content: Iterable[str] | Segments) -> Segments:
    pieces = list(content)
    if pieces and isinstance(pieces[0], tuple):
        return pieces  # type: ignore[return-value]
    return [("".join(pieces), 1)]  # type: ignore[arg-type]


def sheet_xml(rows: Iterable[list[tuple[str, str]]], dimension: str | None = None) -> Iterator[str]:
    """A worksheet; each cell is (type, inner XML): ("s", "<v>0</v>"), ("inlineStr", …), ("n", …).

    "n@1" is a number in cell style 1 (a date).
    """
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
    if dimension:
        yield f'<dimension ref="{dimension}"/>'
    yield "<sheetData>"
    for number, cells in enumerate(rows, start=1):
        yield f'<row r="{number}">'
        for index, (kind, inner) in enumerate(cells):
            kind, _, style = kind.partition("@")
            styled = f' s="{style}"' if style else ""
            yield f'<c r="{_column(index)}{number}" t="{kind}"{styled}>{inner}</c>'
        yield "</row>"
    yield "</sheetData></worksheet>"


def shared_xml(texts: Iterable[str], count: int | None = None) -> Iterator[str]:
    counted = f' count="{count}" uniqueCount="{count}"' if count is not None else ""
    yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"{counted}>'
    for text in texts:
        yield f"<si><t>{escape(text)}</t></si>"
    yield "</sst>"


def table_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """An honest sheet of text cells, shared as Excel shares them."""
    index: dict[str, int] = {}
    for row in rows:
        for text in row:
            index.setdefault(text, len(index))
    cells = ([("s", f"<v>{index[t]}</v>") for t in row] for row in rows)
    last = f"{_column(max(len(r) for r in rows) - 1)}{len(rows)}"
    return write_xlsx(path, sheet_xml(cells, f"A1:{last}"), shared_xml(index, len(index)))


def _repeated(head: str, item: str, count: int, tail: str) -> Segments:
    """``head``, ``item`` ``count`` times, ``tail``: a chunk of about a megabyte, repeated."""
    per_chunk = max(1, (1 << 20) // len(item))
    full, rest = divmod(count, per_chunk)
    return [(head, 1), (item * per_chunk, full), (item * rest, 1), (tail, 1)]


def many_shared_strings(
    path: Path, count: int = 20_000_000, declare: bool = True, stored: bool = False
) -> Path:
    """Under a megabyte on disk, 20 million texts unpacked (the count declared, as Excel does, or not)."""
    sheet = sheet_xml([[("s", "<v>0</v>"), ("s", "<v>1</v>")]], "A1:B1")
    counted = f' count="{count}" uniqueCount="{count}"' if declare else ""
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"{counted}>'
    shared = _repeated(head, "<si><t>a</t></si>", count, "</sst>")
    return write_xlsx(path, sheet, shared, stored=stored)


def one_huge_string(path: Path, megabytes: int = 400) -> Path:
    """0.4 MB on disk holding one text of 400 MB."""
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="2" uniqueCount="2">'
        "<si><t>Vorname</t></si><si><t>"
    )
    sheet = sheet_xml([[("s", "<v>0</v>"), ("s", "<v>1</v>")]], "A1:B1")
    return write_xlsx(path, sheet, _repeated(head, "A" * 1024, megabytes * 1024, "</t></si></sst>"))


def many_rows(
    path: Path, rows: int = 5_000_000, declare: bool = True, stored: bool = False
) -> Path:
    """Under a megabyte on disk with 5 million rows of one shared text each (rows unnumbered)."""
    dimension = f'<dimension ref="A1:A{rows}"/>' if declare else ""
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dimension}<sheetData>'
    sheet = _repeated(head, '<row><c t="s"><v>0</v></c></row>', rows, "</sheetData></worksheet>")
    return write_xlsx(path, sheet, shared_xml(["Anna"], 1), stored=stored)
