"""Item models of the voting workspace: a ranking, and the paper tally sheet."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from smartdialog.core.services.voting import IdeaResult

_Index = QModelIndex | QPersistentModelIndex
_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TIE_COLOUR = QColor("#fff3cd")


class ResultsModel(QAbstractTableModel):
    """One ranking (overall or of a field): rank, idea, field, device, paper, total, voters."""

    RANK, IDEA, FIELD, DEVICE, PAPER, TOTAL, VOTERS = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IdeaResult] = []
        self._colours: dict[uuid.UUID, str] = {}

    def set_rows(
        self, rows: list[IdeaResult] | tuple[IdeaResult, ...], colours: dict[uuid.UUID, str]
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._colours = dict(colours)
        self.endResetModel()

    def row(self, index: int) -> IdeaResult:
        return self._rows[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Rank"), self.tr("Idea"), self.tr("Field of action"), self.tr("Device"),
            self.tr("Paper"), self.tr("Total"), self.tr("Voters"),
        )[section]  # fmt: skip

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            loc = QLocale()
            if column == self.RANK:
                return f"{r.rank}." + (" =" if r.tied else "")
            if column == self.IDEA:
                text = r.text
                if r.merged_from:
                    text += " " + self.tr("(+ %n merged)", "", len(r.merged_from))
                if r.hidden:
                    text += " " + self.tr("[hidden]")
                return text
            if column == self.FIELD:
                return r.field_name
            value = {
                self.DEVICE: r.device_dots,
                self.PAPER: r.paper_dots,
                self.TOTAL: r.total,
                self.VOTERS: r.voters,
            }[column]
            return loc.toString(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (self.IDEA, self.FIELD):
            return _NUMBER
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [r.text]
            if r.tied:
                lines.append(self.tr("Shares rank {rank} with another idea.").format(rank=r.rank))
            for m in r.merged_from:
                lines.append(
                    self.tr("Merged: “{text}” ({device} device, {paper} paper)").format(
                        text=m.text, device=m.device_dots, paper=m.paper_dots
                    )
                )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole and r.tied and column == self.RANK:
            return QBrush(TIE_COLOUR)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == self.FIELD
            and r.field_id in self._colours
        ):
            return QColor(self._colours[r.field_id])
        return None


@dataclass
class PaperRow:
    idea_id: uuid.UUID
    text: str
    field_name: str
    colour: str
    dots: int


class PaperModel(QAbstractTableModel):
    """The round's ideas with the dots counted on paper; the count column is edited in place.

    An edit does not change the row itself: it asks (``count_entered``) and the
    workspace writes it through the service, then calls ``set_count``.
    """

    FIELD, IDEA, DOTS = range(3)
    count_entered = Signal(object, int)  # idea id, dots

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PaperRow] = []
        self._editable = False

    def set_rows(self, rows: list[PaperRow], *, editable: bool) -> None:
        self.beginResetModel()
        self._rows = rows
        self._editable = editable
        self.endResetModel()

    def set_count(self, idea_id: uuid.UUID, dots: int) -> None:
        for i, row in enumerate(self._rows):
            if row.idea_id == idea_id:
                row.dots = dots
                index = self.index(i, self.DOTS)
                self.dataChanged.emit(index, index)

    def counts(self) -> dict[uuid.UUID, int]:
        return {r.idea_id: r.dots for r in self._rows}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Field of action"), self.tr("Idea"), self.tr("Dots on paper"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.DOTS and self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.field_name, r.text, QLocale().toString(r.dots) if r.dots else "")[column]
        if role == Qt.ItemDataRole.EditRole and column == self.DOTS:
            return r.dots
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DOTS:
            return _NUMBER
        if role == Qt.ItemDataRole.DecorationRole and column == self.FIELD:
            return QColor(r.colour)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.IDEA:
            return r.text
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != self.DOTS or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            dots = int(value)
        except (TypeError, ValueError):
            return False
        row = self._rows[index.row()]
        if dots != row.dots:
            self.count_entered.emit(row.idea_id, dots)
        return True
