"""The table's ideas as a Qt item model: plain rows, newest first, updated in place.

Changes from the feed (or from this laptop) are applied row by row, so that
the facilitator's selection and scroll position survive ideas arriving from
other tables.  Filtering (scope, search, hidden) happens in Python over the
rows this model holds; a new search resets the model, which is cheap.
"""

from __future__ import annotations

import bisect
import uuid
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from smartdialog.core import clock
from smartdialog.core.services.ideas import IdeaInfo, matches
from smartdialog.core.services.setup import FieldInfo

IDEA_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


def _key(info: IdeaInfo) -> tuple[float, str]:
    return (-info.created_at.timestamp(), str(info.id))


class IdeasModel(QAbstractTableModel):
    TIME, TEXT, FIELD, TOPIC, TAGS, CLUSTER, STATUS = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: dict[uuid.UUID, IdeaInfo] = {}
        self._rows: list[IdeaInfo] = []
        self._keys: list[tuple[float, str]] = []
        self._fields: dict[uuid.UUID, FieldInfo] = {}
        self._topics: dict[uuid.UUID, str] = {}
        self._station_id: uuid.UUID | None = None
        self._field_id: uuid.UUID | None = None
        self._show_all_statuses = False
        self._query = ""
        self._headers = (
            self.tr("Time"),
            self.tr("Idea"),
            self.tr("Field of action"),
            self.tr("Guiding question"),
            self.tr("Tags"),
            self.tr("Cluster"),
            self.tr("Status"),
        )

    # -- filling -------------------------------------------------------------------------

    def set_lookups(self, fields: Iterable[FieldInfo], topics: dict[uuid.UUID, str]) -> None:
        self._fields = {f.id: f for f in fields}
        self._topics = dict(topics)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.STATUS))

    def set_ideas(self, ideas: Iterable[IdeaInfo]) -> None:
        """Replace everything (a new event, or a reload)."""
        self._all = {i.id: i for i in ideas}
        self._refilter()

    def set_filter(
        self,
        *,
        station_id: uuid.UUID | None = None,
        field_id: uuid.UUID | None = None,
        show_all_statuses: bool | None = None,
        query: str | None = None,
    ) -> None:
        """Which ideas show: of one table (or else of one field), hidden ones too, matching words."""
        self._station_id = station_id
        self._field_id = field_id
        if show_all_statuses is not None:
            self._show_all_statuses = show_all_statuses
        if query is not None:
            self._query = query
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = sorted((i for i in self._all.values() if self.accepts(i)), key=_key)
        self._keys = [_key(i) for i in self._rows]
        self.endResetModel()

    def accepts(self, info: IdeaInfo) -> bool:
        if not self._show_all_statuses and info.status != "active":
            return False
        if self._station_id is not None:
            if info.station_id != self._station_id:
                return False
        elif self._field_id is not None and info.field_id != self._field_id:
            return False
        return not self._query or matches(info, self._query)

    def apply(self, infos: Iterable[IdeaInfo], gone: Iterable[uuid.UUID] = ()) -> None:
        """Put changed ideas in place row by row; ``gone`` ones leave."""
        for idea_id in gone:
            old = self._all.pop(idea_id, None)
            if old is not None:
                self._remove(old)
        for info in infos:
            old = self._all.get(info.id)
            self._all[info.id] = info
            row = self._row_of(old) if old is not None else None
            if row is not None and self.accepts(info):
                self._rows[row] = info
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.STATUS))
            elif row is not None:
                self._remove(old)  # type: ignore[arg-type]
            elif self.accepts(info):
                key = _key(info)
                at = bisect.bisect_left(self._keys, key)
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, info)
                self._keys.insert(at, key)
                self.endInsertRows()

    def _row_of(self, info: IdeaInfo) -> int | None:
        key = _key(info)
        at = bisect.bisect_left(self._keys, key)
        return at if at < len(self._keys) and self._keys[at] == key else None

    def _remove(self, info: IdeaInfo) -> None:
        row = self._row_of(info)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._keys[row]
            self.endRemoveRows()

    # -- reading -------------------------------------------------------------------------

    def idea_at(self, row: int) -> IdeaInfo:
        return self._rows[row]

    def row_of_id(self, idea_id: uuid.UUID) -> int | None:
        info = self._all.get(idea_id)
        return None if info is None else self._row_of(info)

    def idea(self, idea_id: uuid.UUID) -> IdeaInfo | None:
        return self._all.get(idea_id)

    def all_ideas(self) -> list[IdeaInfo]:
        return list(self._all.values())

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == IDEA_ROLE:
            return info
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TEXT:
                return info.text + (f"\n— {info.author_name}" if info.author_name else "")
            return self._display(info, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and info.status != "active":
            return QColor("#616161")
        if role == Qt.ItemDataRole.FontRole and info.status != "active":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.FIELD:
            field = self._fields.get(info.field_id)
            return QColor(field.colour) if field else None
        return None

    def _display(self, info: IdeaInfo, column: int) -> str:
        if column == self.TIME:
            return clock.hh_mm(info.created_at)
        if column == self.TEXT:
            return info.text
        if column == self.FIELD:
            field = self._fields.get(info.field_id)
            return field.name if field else ""
        if column == self.TOPIC:
            return self._topics.get(info.topic_id, "") if info.topic_id else ""
        if column == self.TAGS:
            return ", ".join(info.tags)
        if column == self.CLUSTER:
            return info.cluster
        if column == self.STATUS:
            if info.status == "hidden":
                return self.tr("hidden: %1").replace("%1", info.hidden_reason)
            if info.status == "merged":
                target = self._all.get(info.merged_into_id) if info.merged_into_id else None
                return self.tr("merged into: %1").replace("%1", target.text if target else "…")
            return ""
        return ""
