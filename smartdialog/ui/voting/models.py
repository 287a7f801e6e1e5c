"""Item models of the voting workspace: a ranking, and the paper tally sheet."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from smartdialog.core.services.voting import IdeaResult
from smartdialog.ui.rowmodel import Index, RowTableModel

_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TIE_COLOUR = QColor("#fff3cd")


class ResultsModel(RowTableModel[IdeaResult]):
    """One ranking (overall or of a field): rank, idea, field, device, paper, total, voters."""

    RANK, IDEA, FIELD, DEVICE, PAPER, TOTAL, VOTERS = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._colours: dict[uuid.UUID, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Rank"),
            self.tr("Idea"),
            self.tr("Field of action"),
            self.tr("Device"),
            self.tr("Paper"),
            self.tr("Total"),
            self.tr("Voters"),
        )

    def set_results(self, rows: Iterable[IdeaResult], colours: dict[uuid.UUID, str]) -> None:
        """The ranking, with the colours of the fields of action for their swatches."""
        self._colours = dict(colours)
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.item(index)
        if r is None:
            return None
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


class PaperModel(RowTableModel[PaperRow]):
    """The round's ideas with the dots counted on paper; the count column is edited in place.

    An edit does not change the row itself: it asks (``count_entered``) and the
    workspace writes it through the service, then calls ``set_count``.
    """

    FIELD, IDEA, DOTS = range(3)
    count_entered = Signal(object, int)  # idea id, dots

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._editable = False

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Field of action"), self.tr("Idea"), self.tr("Dots on paper"))

    def set_sheet(self, rows: Iterable[PaperRow], *, editable: bool) -> None:
        """The round's ideas with their counts; ``editable`` while paper counts may be entered."""
        self._editable = editable
        self.set_rows(rows)

    def set_count(self, idea_id: uuid.UUID, dots: int) -> None:
        for i, row in enumerate(self._rows):
            if row.idea_id == idea_id:
                row.dots = dots
                index = self.index(i, self.DOTS)
                self.dataChanged.emit(index, index)

    def counts(self) -> dict[uuid.UUID, int]:
        return {r.idea_id: r.dots for r in self._rows}

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.DOTS and self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.item(index)
        if r is None:
            return None
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

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        row = self.item(index)
        if row is None or index.column() != self.DOTS or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            dots = int(value)
        except (TypeError, ValueError):
            return False
        if dots != row.dots:
            self.count_entered.emit(row.idea_id, dots)
        return True
