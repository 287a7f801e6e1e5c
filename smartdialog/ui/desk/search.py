"""Finding people by name at the desk: the list of matches and the hint above it.

The search runs a moment after the last key (not per key) on the folded
search keys of core.services.registration; the list never takes the focus,
so the scanner always types into the scan field.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.services import registration, tickets
from smartdialog.core.services.registration import PersonRow
from smartdialog.core.text import fold
from smartdialog.ui import ops
from smartdialog.ui.desk.models import PeopleModel

SEARCH_DELAY_MS = 60


def _is_ticket_number(text: str) -> bool:
    """Digits (perhaps in groups) and no letter: a ticket typed by hand, never a name."""
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)


def desk_table(model: QAbstractItemModel) -> QTableView:
    """A read-only list in the desk's large type that never takes the focus."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.2)
    view.setFont(font)
    view.verticalHeader().setDefaultSectionSize(int(font.pointSizeF() * 2.6))
    return view


class PeopleSearch(QWidget):
    """The people whose name matches what the clerk typed, the first one highlighted.

    ``typed`` gives the text of the desk's scan field at the moment the search runs.
    """

    # A person was double-clicked (the desk checks the highlighted one in).
    chosen = Signal()
    # A search answered (its people or its hint are shown).
    searched = Signal()

    def __init__(self, typed: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed = typed
        self.db: Database | None = None
        self.index = registration.SearchIndex()
        # The index is filled by whichever reader thread searches first.
        self._index_lock = threading.Lock()
        self._generation = 0
        self.people = PeopleModel()
        self.view = desk_table(self.people)
        self.view.setAccessibleName(self.tr("People found"))
        self.view.doubleClicked.connect(lambda _index: self.chosen.emit())
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PeopleModel.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PeopleModel.TICKET, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PeopleModel.PRESENT, QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("deskHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)

    def set_database(self, db: Database | None) -> None:
        self.db = db
        self.index.invalidate()
        self.people.set_rows([])

    def clear(self) -> None:
        """No list and no hint (after a check-in, a scan, Escape)."""
        self._timer.stop()
        self._generation += 1  # a search still on its way is not shown
        self.people.set_rows([])
        self.hint.clear()

    def search_later(self, text: str) -> None:
        """The clerk typed: search once the typing pauses."""
        if not text.strip():
            self.clear()
            return
        if _is_ticket_number(text):
            # Digits are a ticket number being typed, not a name: no search, no stale hint.
            self._timer.stop()
            self.people.set_rows([])
            self._ticket_hint()
            return
        self._timer.start()

    def _ticket_hint(self) -> None:
        self.hint.setText(self.tr("A ticket number: Enter checks it in once every digit is typed."))

    def run(self) -> None:
        """Search now for what is typed."""
        self._timer.stop()
        text = self.typed()
        self._generation += 1
        if self.db is None or not text.strip():
            self.people.set_rows([])
            self.hint.clear()
            return
        if _is_ticket_number(text) or tickets.looks_like_payload(text):
            self.people.set_rows([])
            self._ticket_hint()
            return
        # Off the GUI thread; only the answer to the latest query is shown.
        generation = self._generation
        ops.QueryOp(self, self.db, lambda s: self._search(s, text)).success(
            lambda rows: self._found(generation, text, rows)
        ).failure(lambda sentence: self._search_failed(generation, sentence)).run()

    def _search(self, s: Session, text: str) -> list[PersonRow]:
        with self._index_lock:
            return self.index.search(s, text)

    def _search_failed(self, generation: int, sentence: str) -> None:
        if generation != self._generation:
            return
        self.people.set_rows([])  # not the last search's people under a new query
        self.hint.setText(sentence)
        self.searched.emit()

    def _found(self, generation: int, text: str, rows: list[PersonRow]) -> None:
        if generation != self._generation:
            return  # a newer query was typed meanwhile
        self.people.set_rows(rows)
        if rows:
            self.view.selectRow(0)
            self.hint.setText(
                self.tr(
                    "{count} found – ↑/↓ to choose, Enter checks in, F4 prints a badge."
                ).format(count=len(rows))
                if len(rows) < registration.SEARCH_LIMIT
                else self.tr("More than {count} found – type more of the name.").format(
                    count=len(rows)
                )
            )
        elif len(fold(text)) >= registration.MIN_QUERY:
            self.hint.setText(
                self.tr("Nobody found. F2 registers “{text}” as a walk-in.").format(
                    text=text.strip()
                )
            )
        else:
            self.hint.clear()
        self.searched.emit()

    def is_pending(self) -> bool:
        """Typed, but not searched yet."""
        return self._timer.isActive()

    def navigate(self, step: int) -> None:
        count = self.people.rowCount()
        if not count:
            return
        current = self.view.currentIndex().row()
        row = max(0, min(count - 1, (current if current >= 0 else -1) + step))
        self.view.selectRow(row)
        self.view.scrollTo(self.people.index(row, 0))

    def selected(self) -> PersonRow | None:
        """The highlighted person (the first one when none is)."""
        if not self.people.rowCount():
            return None
        row = self.view.currentIndex().row()
        return self.people.row_at(row if row >= 0 else 0)
