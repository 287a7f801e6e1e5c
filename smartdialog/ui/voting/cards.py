"""The touch-sized pieces of the voting station: dots, idea cards, field sections, field tabs."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.services.voting import SheetField, SheetIdea
from smartdialog.ui import appearance

# Big enough for a fingertip (WCAG asks for 44 px at least); larger in large-text mode.
TOUCH = 48
TOUCH_LARGE = 76
DOT_COLOUR = "#1565c0"
# Keys a card hands to the station: it moves the focus between cards and fields.
NAVIGATION_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        *(getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)),
    }
)


class DotMeter(QWidget):
    """``total`` circles of which ``filled`` are solid: the dots placed (or left)."""

    def __init__(
        self,
        total: int,
        *,
        diameter: int = 26,
        colour: str = DOT_COLOUR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._total = total
        self._filled = 0
        self._diameter = diameter
        self._colour = QColor(colour)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_filled(self, filled: int) -> None:
        if filled != self._filled:
            self._filled = filled
            self.update()

    @property
    def filled(self) -> int:
        return self._filled

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        gap = self._diameter // 3
        return QSize(self._total * (self._diameter + gap) - gap + 4, self._diameter + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self._diameter
        gap = d // 3
        pen = QPen(self._colour, max(2.0, d / 10))
        for i in range(self._total):
            rect = QRectF(2 + i * (d + gap), 2, d, d)
            p.setPen(pen)
            p.setBrush(self._colour if i < self._filled else Qt.GlobalColor.transparent)
            p.drawEllipse(rect)
        p.end()


class ColourStrip(QWidget):
    """A field's colour as a rounded bar: painted, because a style sheet per card is slow."""

    def __init__(self, colour: str, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(colour)
        self.setFixedWidth(width)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._colour)
        p.drawRoundedRect(QRectF(self.rect()), 4, 4)
        p.end()


class IdeaCard(QFrame):
    """One idea with − and + buttons and its dots.

    Keyboard: + Space Enter add a dot, − Backspace Delete take one away; the
    arrows, Page Up/Down, Home/End, 1–9 and Tab go to the station (``navigate``).
    """

    add_requested = Signal(object)  # idea id
    remove_requested = Signal(object)
    navigate = Signal(object, int)  # the card, the key
    focused = Signal(object)  # the card, so that the scroll area can show it

    def __init__(
        self,
        idea: SheetIdea,
        max_dots: int,
        colour: str,
        parent: QWidget | None = None,
        *,
        large: bool = False,
    ) -> None:
        super().__init__(parent)
        self.idea_id: uuid.UUID = idea.idea_id
        self.setObjectName("ideaCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("chosen", False)
        self.setAccessibleName(idea.text)
        strip = ColourStrip(colour, 10)
        self.text = QLabel(idea.text)
        self.text.setObjectName("ideaText")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        touch = TOUCH_LARGE if large else TOUCH
        self.minus = self._button("−", "minus", touch)
        self.plus = self._button("+", "plus", touch)
        self.minus.setAccessibleName(self.tr("One dot less for: {text}").format(text=idea.text))
        self.plus.setAccessibleName(self.tr("One dot more for: {text}").format(text=idea.text))
        self.meter = DotMeter(max_dots, diameter=30 if large else 22)
        self.minus.clicked.connect(lambda: self.remove_requested.emit(self.idea_id))
        self.plus.clicked.connect(lambda: self.add_requested.emit(self.idea_id))
        layout = QHBoxLayout(self)
        if large:
            layout.setContentsMargins(12, 12, 14, 12)
            layout.setSpacing(16)
        else:
            layout.setContentsMargins(6, 3, 6, 3)
            layout.setSpacing(8)
        layout.addWidget(strip)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.minus)
        layout.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.plus)

    def _button(self, text: str, name: str, touch: int) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setFixedSize(touch, touch)
        # The card has the keyboard focus; the buttons are for fingers and the mouse.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def show_state(self, dots: int, can_add: bool) -> None:
        self.meter.set_filled(dots)
        self.setAccessibleDescription(self.tr("%n dot(s) on this idea", "", dots))
        self.minus.setEnabled(dots > 0)
        self.plus.setEnabled(can_add)
        if self.property("chosen") != (dots > 0):
            self.setProperty("chosen", dots > 0)
            self.style().unpolish(self)
            self.style().polish(self)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's names
        # Tab would walk Qt's focus chain; here it goes straight to "Next: check my choice".
        self.navigate.emit(self, Qt.Key.Key_Tab if next else Qt.Key.Key_Backtab)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_requested.emit(self.idea_id)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.remove_requested.emit(self.idea_id)
        elif key in NAVIGATION_KEYS:
            self.navigate.emit(self, key)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.focused.emit(self)


class FieldSection(QWidget):
    """A field of action: its coloured heading tile and its idea cards, ``columns`` to a row.

    The heading takes the first cell, so that five cards and their heading
    fill three rows of two: a 35-card ballot fits in three screens at 1366×768.
    """

    def __init__(
        self,
        field: SheetField,
        max_dots: int,
        parent: QWidget | None = None,
        *,
        columns: int = 2,
        large: bool = False,
    ) -> None:
        super().__init__(parent)
        self.field_id = field.field_id
        self.budget = field.budget
        heading = _Heading(field.colour)
        heading.setObjectName("fieldHeading")
        self.name = QLabel(field.name)
        self.name.setObjectName("fieldName")
        self.name.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("fieldNote")
        self.note.setWordWrap(True)
        box = QVBoxLayout(heading)
        box.setContentsMargins(14, 4, 14, 4)
        box.setSpacing(2)
        box.addWidget(self.name)
        box.addWidget(self.note)
        # The field's colour is chosen by the organisers: black or white text, whichever reads.
        ink = appearance.readable_on(field.colour).name()
        heading.setStyleSheet(f"QLabel {{ color: {ink}; background: transparent; }}")
        self.heading = heading
        self.cards = [IdeaCard(idea, max_dots, field.colour, large=large) for idea in field.ideas]
        self._columns = columns
        self._grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 12 if large else 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(5)
        grid.addWidget(heading, 0, 0)
        self._place()
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def _place(self) -> None:
        for index, card in enumerate(self.cards, start=1):
            self._grid.addWidget(card, index // self._columns, index % self._columns)

    def arrange(self, order: list[uuid.UUID]) -> None:
        """The same cards in another voter's order (cheaper than building them again)."""
        by_id = {card.idea_id: card for card in self.cards}
        for card in self.cards:
            self._grid.removeWidget(card)
        self.cards = [by_id[idea_id] for idea_id in order]
        self._place()

    def show_left(self, left: int) -> None:
        """With a budget, how many dots may still go to this field."""
        if self.budget is None:
            self.note.clear()
            self.note.hide()
        else:
            self.note.setText(self.tr("%n dot(s) left for this field", "", left))
            self.note.show()


class _Heading(QFrame):
    """A field's heading tile in its colour (painted: see ColourStrip)."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(colour)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._colour)
        p.drawRoundedRect(QRectF(self.rect()), 8, 8)
        p.end()


class FieldTab(QFrame):
    """A large tab for one field of action: its name and the dots this voter spent in it."""

    chosen = Signal(int)  # its index

    def __init__(self, index: int, field: SheetField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.field_id = field.field_id
        self.setObjectName("fieldTab")
        self.setProperty("current", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._colour = QColor(field.colour)
        self.key = f"{index + 1}  " if index < 9 else ""  # the digit that jumps here
        self.name = QLabel(field.name)
        self.name.setObjectName("fieldTabName")
        self.name.setWordWrap(True)
        self.spent = QLabel()
        self.spent.setObjectName("fieldTabDots")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 9)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.spent)
        # Seven tabs share the width whatever their names: a long name wraps, never widens the window.
        # (A long name gets more of the width; 1 px, because 0 would mean "no minimum set".)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(1)
        self.setAccessibleName(field.name)

    def show_spent(self, dots: int) -> None:
        self.spent.setText(self.key + ("●" * dots if dots else self.tr("no dots")))
        self.setAccessibleDescription(self.tr("%n dot(s) in this field", "", dots))

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            self.style().unpolish(self)
            self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.chosen.emit(self.index)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        p = QPainter(self)
        p.fillRect(QRectF(0, self.height() - 6, self.width(), 6), self._colour)
        p.end()
