"""The common ground of the workspaces' tables: a Qt table model over a list of plain rows.

The rows are the frozen dataclasses the services return; a model never holds
a session. Changes arrive as a new list (``set_rows``, a model reset), which
for the few hundred rows a page shows is cheaper than a proxy's filtering.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of type ``T`` under the column titles ``headers()`` gives (translated once)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._headers = self.headers()

    def headers(self) -> tuple[str, ...]:
        """The translated column titles; their number is the number of columns."""
        raise NotImplementedError

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def item(self, index: Index) -> T | None:
        """The row behind ``index``, or None for an invalid one."""
        return self.row_at(index.row()) if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
