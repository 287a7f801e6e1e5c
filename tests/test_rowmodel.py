"""The shared table model passes Qt's model checks, empty, filled and after a reset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from smartdialog.ui.rowmodel import Index, RowTableModel


@dataclass(frozen=True)
class _Row:
    name: str
    count: int


class _Model(RowTableModel[_Row]):
    def headers(self) -> tuple[str, ...]:
        return ("Name", "Anzahl")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (row.name, row.count)[index.column()]


def test_the_row_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _Model()
    qtmodeltester.check(model)
    model.set_rows([_Row("Müller", 2), _Row("Öztürk", 5)])
    qtmodeltester.check(model)
    assert model.columnCount() == 2 and model.rowCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Anzahl"
    assert model.index(1, 0).data() == "Öztürk"
    assert model.row_at(5) is None and model.item(model.index(0, 1)) == _Row("Müller", 2)
    model.set_rows([])
    qtmodeltester.check(model)
