"""XLSX files that would exhaust the machine are refused before they are unpacked, in words.

The files are made at test time (tests/xlsx_bombs.py), small on disk. How long
a refusal takes is measured in benchmarks/bench_import.py; here the refusal
itself is asserted, and that memory stayed bounded (tracemalloc's peak).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from smartdialog.core.db import Database
from smartdialog.core.errors import DomainError
from smartdialog.core.models import Participant
from smartdialog.core.services import importer
from smartdialog.core.services.importer import xlsx

from . import xlsx_bombs

MB = 1024 * 1024


@contextmanager
def peak_memory() -> Iterator[list[int]]:
    """The peak of Python's allocations inside the block, in bytes (appended on exit)."""
    result: list[int] = []
    tracemalloc.start()
    try:
        yield result
    finally:
        result.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


BOMBS: dict[str, Callable[[Path], Path]] = {
    "20 million shared strings": xlsx_bombs.many_shared_strings,
    "one string of 400 MB": xlsx_bombs.one_huge_string,
    "5 million rows": xlsx_bombs.many_rows,
}


@pytest.mark.parametrize("kind", list(BOMBS))
def test_a_small_file_that_unpacks_to_gigabytes_is_refused_unread(
    tmp_path: Path, kind: str
) -> None:
    path = BOMBS[kind](tmp_path / "anmeldungen.xlsx")
    assert path.stat().st_size < 1 * MB
    with peak_memory() as peak, pytest.raises(DomainError, match="unpacks to far more"):
        importer.read_table(path)
    assert peak[0] < 8 * MB  # the file itself is under a megabyte; nothing was unpacked


def test_a_declared_count_of_shared_strings_is_believed_before_reading(tmp_path: Path) -> None:
    shared = xlsx_bombs.shared_xml(["Vorname", "Nachname"], count=2_000_000)
    sheet = xlsx_bombs.sheet_xml([[("s", "<v>0</v>"), ("s", "<v>1</v>")]])
    path = xlsx_bombs.write_xlsx(tmp_path / "s.xlsx", sheet, shared)
    with peak_memory() as peak, pytest.raises(DomainError, match=r"2\.000\.000 texts"):
        importer.read_table(path)
    assert peak[0] < 8 * MB


def test_shared_strings_without_a_count_are_counted_before_they_are_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The counting, not the size of the limit, is under test: a small limit keeps the test quick.
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 5000)
    path = xlsx_bombs.many_shared_strings(
        tmp_path / "s.xlsx", count=200_000, declare=False, stored=True
    )
    read: list[str] = []
    monkeypatch.setattr(xlsx, "_text_of", lambda element: read.append("") or "a")
    with pytest.raises(DomainError, match="unpacks to far more"):
        importer.read_table(path)
    assert read == []  # counted, and refused before a single text was parsed


def test_a_declared_dimension_is_believed_before_reading(tmp_path: Path) -> None:
    path = xlsx_bombs.many_rows(tmp_path / "r.xlsx", rows=150_000, stored=True)
    with peak_memory() as peak, pytest.raises(DomainError, match="more than 100000 rows"):
        importer.read_table(path)
    assert peak[0] < 8 * MB


def test_rows_without_a_dimension_are_counted_before_they_are_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer.reading, "MAX_ROWS", 2000)
    path = xlsx_bombs.many_rows(tmp_path / "r.xlsx", rows=150_000, declare=False, stored=True)
    cells: list[str] = []
    real = xlsx._cell_value
    monkeypatch.setattr(xlsx, "_cell_value", lambda *a: cells.append("") or real(*a))
    with pytest.raises(DomainError, match="more than 2000 rows"):
        importer.read_table(path)
    assert cells == []  # counted, and refused before a single row was parsed


def test_a_row_numbered_five_million_is_refused_without_filling_the_gap(tmp_path: Path) -> None:
    sheet = [
        '<?xml version="1.0"?>',
        f'<worksheet xmlns="{xlsx_bombs.MAIN}"><sheetData>',
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Vorname</t></is></c></row>',
        '<row r="5000000"><c r="A5000000" t="inlineStr"><is><t>Anna</t></is></c></row>',
        "</sheetData></worksheet>",
    ]
    path = xlsx_bombs.write_xlsx(tmp_path / "gap.xlsx", sheet)
    with peak_memory() as peak, pytest.raises(DomainError, match="more than 100000 rows"):
        importer.read_table(path)
    assert peak[0] < 8 * MB


def test_a_cell_in_column_xfd_is_refused(tmp_path: Path) -> None:
    sheet = xlsx_bombs.sheet_xml([[("inlineStr", "<is><t>x</t></is>")]])
    text = "".join(sheet).replace('r="A1"', 'r="XFD1"')
    with pytest.raises(DomainError, match="more than 250 columns"):
        importer.read_table(xlsx_bombs.write_xlsx(tmp_path / "breit.xlsx", [text]))


def test_a_shared_string_index_out_of_range_is_answered(db: Database, tmp_path: Path) -> None:
    rows = [[("s", "<v>0</v>"), ("s", "<v>1</v>")], [("s", "<v>2</v>"), ("s", "<v>99</v>")]]
    path = xlsx_bombs.write_xlsx(
        tmp_path / "kaputt.xlsx",
        xlsx_bombs.sheet_xml(rows),
        xlsx_bombs.shared_xml(["Vorname", "Nachname", "Anna"]),
    )
    with pytest.raises(DomainError, match="the cell B2 refers to a text the file does not hold"):
        importer.read_table(path)
    with pytest.raises(DomainError), db.uow() as s:
        importer.import_file(s, path)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == 0


def test_entities_in_a_part_are_refused(tmp_path: Path) -> None:
    shared = [
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        f'<sst xmlns="{xlsx_bombs.MAIN}"><si><t>&b;</t></si></sst>',
    ]
    path = xlsx_bombs.write_xlsx(
        tmp_path / "dtd.xlsx", xlsx_bombs.sheet_xml([[("s", "<v>0</v>")]]), shared
    )
    with pytest.raises(DomainError, match="damaged Excel file"):
        importer.read_table(path)


def test_a_damaged_member_is_answered(tmp_path: Path) -> None:
    path = xlsx_bombs.table_xlsx(tmp_path / "a.xlsx", [["Vorname", "Nachname"], ["Anna", "Kaya"]])
    data = bytearray(path.read_bytes())
    start = data.index(b"xl/worksheets/sheet1.xml") + len(b"xl/worksheets/sheet1.xml")
    data[start + 5 : start + 25] = b"\xff" * 20  # inside the deflated sheet
    path.write_bytes(bytes(data))
    with pytest.raises(DomainError, match=r"damaged Excel file|not a table"):
        importer.read_table(path)


def test_an_honest_export_with_dates_booleans_and_numbers(db: Database, tmp_path: Path) -> None:
    headers = ["Anmeldenummer", "Vorname", "Nachname", "PLZ", "Einwilligung Datenverarbeitung"]
    rows: list[list[tuple[str, str]]] = [
        [("inlineStr", f"<is><t>{h}</t></is>") for h in headers],
        [
            ("n", "<v>1001</v>"),
            ("inlineStr", "<is><t>Anna</t></is>"),
            ("inlineStr", "<is><t>Schulte</t></is>"),
            ("n", "<v>1067</v>"),
            ("n@1", "<v>46093</v>"),  # 12 March 2026, a date cell
        ],
        [
            ("n", "<v>1002</v>"),
            ("inlineStr", "<is><r><t>Be</t></r><r><t>n</t></r></is>"),
            ("inlineStr", "<is><t>Osei</t></is>"),
            ("n", "<v>48143</v>"),
            ("b", "<v>1</v>"),
        ],
        [
            ("n", "<v>1003</v>"),
            ("inlineStr", "<is><t>Cem</t></is>"),
            ("inlineStr", "<is><t>Çelik</t></is>"),
            ("n", "<v>48143</v>"),
            ("n@2", "<v>46093.6041666667</v>"),  # 14:30
        ],
    ]
    path = xlsx_bombs.write_xlsx(tmp_path / "ok.xlsx", xlsx_bombs.sheet_xml(rows, "A1:E4"))
    table = importer.read_table(path)
    assert table.rows[0][1] == ["1001", "Anna", "Schulte", "1067", "2026-03-12"]
    assert table.rows[1][1][1:] == ["Ben", "Osei", "48143", "ja"]
    assert table.rows[2][1][4] == "2026-03-12T14:30:00"
    with db.uow() as s:
        report = importer.import_file(s, path)
    assert (report.imported, report.rejected) == (3, [])
