"""Item models of the setup workspace: fields of action and stations, over plain rows."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPixmap

from smartdialog.core.services.setup import FieldInfo, StationInfo
from smartdialog.ui.rowmodel import Index, RowTableModel

_Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def swatch(colour: str, size: int = 18) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class FieldListModel(QAbstractListModel):
    """The fields of action in their order; the name is edited in place."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[FieldInfo] = []
        # callable(field_id, name): saves in the background; the owner shows the answer
        # (``replace``) or, when refused, tells the user and reads the fields anew.
        self.rename: Any = None

    def set_rows(self, rows: list[FieldInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.name
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(row.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.description or None
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.rename is None:
            return False
        self.rename(self.rows[index.row()].id, str(value))
        return True

    def replace(self, info: FieldInfo) -> None:
        """Show the field as saved."""
        row = self.row_of(info.id)
        if row >= 0:
            self.rows[row] = info
            self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, field_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == field_id), -1)


class StationTableModel(RowTableModel[StationInfo]):
    """The thematic tables: name, field of action, facilitators — all edited in place."""

    NAME, FIELD, FACILITATORS = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.fields: dict[uuid.UUID, FieldInfo] = {}
        # callable(station_id, column, value): saves in the background; the owner shows
        # the answer (``replace``) or, when refused, tells the user and reads anew.
        self.update: Any = None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Table"), self.tr("Field of action"), self.tr("Facilitators"))

    def set_stations(self, rows: list[StationInfo], fields: list[FieldInfo]) -> None:
        """The tables, with the fields of action they may be given."""
        self.fields = {f.id: f for f in fields}
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None:
            return None
        column = index.column()
        field = self.fields.get(row.field_id) if row.field_id else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return row.name
            if column == self.FIELD:
                if role == Qt.ItemDataRole.EditRole:
                    return str(row.field_id) if row.field_id else ""
                return field.name if field else self.tr("(none)")
            if column == self.FACILITATORS:
                return row.facilitators
        if role == Qt.ItemDataRole.DecorationRole and column == self.FIELD and field is not None:
            return swatch(field.colour, 12)
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        row = self.item(index)
        if role != Qt.ItemDataRole.EditRole or row is None or self.update is None:
            return False
        self.update(row.id, index.column(), value)
        return True

    def replace(self, info: StationInfo) -> None:
        """Show the table as saved."""
        row = next((i for i, r in enumerate(self._rows) if r.id == info.id), None)
        if row is not None:
            self._rows[row] = info
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
