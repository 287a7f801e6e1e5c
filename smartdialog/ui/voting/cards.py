"""The touch-sized pieces of the voting station: dots, idea cards, field sections."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.services.voting import SheetField, SheetIdea

# Big enough for a fingertip on a 24" touch screen (WCAG asks for 44 px at least).
TOUCH = 76
DOT_COLOUR = "#1565c0"


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


class IdeaCard(QFrame):
    """One idea with − and + buttons and its dots.  Keyboard: + − ← → Space, ↑ ↓ to move."""

    add_requested = Signal(object)  # idea id
    remove_requested = Signal(object)
    move_requested = Signal(object, int)  # the card, +1 / -1
    focused = Signal(object)  # the card, so that the scroll area can show it

    def __init__(
        self, idea: SheetIdea, max_dots: int, colour: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.idea_id: uuid.UUID = idea.idea_id
        self.setObjectName("ideaCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("chosen", False)
        self.setAccessibleName(idea.text)
        strip = QFrame()
        strip.setFixedWidth(10)
        strip.setStyleSheet(f"background: {colour}; border: none; border-radius: 4px;")
        self.text = QLabel(idea.text)
        self.text.setObjectName("ideaText")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.minus = self._button("−", "minus")
        self.plus = self._button("+", "plus")
        self.minus.setAccessibleName(self.tr("One dot less for: {text}").format(text=idea.text))
        self.plus.setAccessibleName(self.tr("One dot more for: {text}").format(text=idea.text))
        self.meter = DotMeter(max_dots, diameter=30)
        self.minus.clicked.connect(lambda: self.remove_requested.emit(self.idea_id))
        self.plus.clicked.connect(lambda: self.add_requested.emit(self.idea_id))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 14, 12)
        layout.setSpacing(16)
        layout.addWidget(strip)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.minus)
        layout.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.plus)

    def _button(self, text: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setFixedSize(TOUCH, TOUCH)
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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (
            Qt.Key.Key_Plus,
            Qt.Key.Key_Right,
            Qt.Key.Key_Space,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.add_requested.emit(self.idea_id)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.remove_requested.emit(self.idea_id)
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(self, 1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(self, -1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.focused.emit(self)


class FieldSection(QWidget):
    """A field of action's coloured heading and its idea cards."""

    def __init__(self, field: SheetField, max_dots: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_id = field.field_id
        self.budget = field.budget
        heading = QFrame()
        heading.setObjectName("fieldHeading")
        heading.setStyleSheet(
            f"#fieldHeading {{ background: {field.colour}; border-radius: 8px; }}"
        )
        self.name = QLabel(field.name)
        self.name.setObjectName("fieldName")
        self.note = QLabel()
        self.note.setObjectName("fieldNote")
        row = QHBoxLayout(heading)
        row.setContentsMargins(20, 10, 20, 10)
        row.addWidget(self.name, 1)
        row.addWidget(self.note)
        self.cards = [IdeaCard(idea, max_dots, field.colour) for idea in field.ideas]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 18)
        layout.setSpacing(10)
        layout.addWidget(heading)
        for card in self.cards:
            layout.addWidget(card)

    def show_left(self, left: int) -> None:
        """With a budget, how many dots may still go to this field."""
        if self.budget is None:
            self.note.clear()
        else:
            self.note.setText(self.tr("%n dot(s) left for this field", "", left))
