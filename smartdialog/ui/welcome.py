"""The page shown when no event is open: new, open, connect, recent events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.targets import is_url, shown_target


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    connect_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to smartdialog"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Create a new event, open an event file, or connect to an event that "
                "several laptops share. Changes are saved as they happen."
            )
        )
        intro.setWordWrap(True)

        self.new_button = QPushButton(self.tr("New event…"))
        self.open_button = QPushButton(self.tr("Open event…"))
        self.connect_button = QPushButton(self.tr("Connect to a shared event…"))
        buttons = QHBoxLayout()
        for button, signal in (
            (self.new_button, self.new_requested),
            (self.open_button, self.open_requested),
            (self.connect_button, self.connect_requested),
        ):
            button.setMinimumHeight(44)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent_label = QLabel(self.tr("Recently opened"))
        self.recent = QListWidget()
        self.recent.setIconSize(QSize(20, 20))
        self.recent.itemActivated.connect(self._chosen)
        self.recent.setMaximumWidth(760)

        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(18)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent, 1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addLayout(column, 1)

    def set_recent(self, targets: list[str]) -> None:
        self.recent.clear()
        for target in targets:
            missing = not is_url(target) and not Path(target).exists()
            label = (
                shown_target(target)
                if is_url(target)
                else f"{Path(target).name}   —   {Path(target).parent}"
            )
            if missing:
                label += "   " + self.tr("(not found)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setToolTip(target)
            if missing:
                item.setForeground(Qt.GlobalColor.gray)
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(targets))
        self.recent.setVisible(bool(targets))

    def _chosen(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
