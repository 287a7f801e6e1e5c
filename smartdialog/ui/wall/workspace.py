"""The Live-Wand page: the moderator chooses what the projector shows and sees a preview."""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.db import Database
from smartdialog.core.services.audit import Change
from smartdialog.core.services.ideas import matches
from smartdialog.ui.ideas.combo import find_data
from smartdialog.ui.wall.projector import ProjectorWindow, projector_screen
from smartdialog.ui.wall.results import ResultsProvider
from smartdialog.ui.wall.state import MODE_KEYS, WallMode, WallState
from smartdialog.ui.wall.view import WallView, fill_args
from smartdialog.ui.workspace import Workspace

log = logging.getLogger("smartdialog.wall")

ID_ROLE = Qt.ItemDataRole.UserRole
SPOTLIGHT_LIST_LIMIT = 400


class _AspectBox(QWidget):
    """Holds the preview at the projector's 16:9, centred in whatever space there is."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        child.setParent(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        w, h = self.width(), self.height()
        cw, ch = (w, w * 9 // 16) if w * 9 <= h * 16 else (h * 16 // 9, h)
        self.child.setGeometry((w - cw) // 2, (h - ch) // 2, cw, ch)

    def sizeHint(self) -> QSize:
        return QSize(960, 540)


class WallWorkspace(Workspace):
    """Controls for the projector's live wall and a live preview of it."""

    def __init__(
        self, results: ResultsProvider | None = None, parent: QWidget | None = None
    ) -> None:
        """``results`` says what the results mode shows (nothing without one)."""
        super().__init__(parent)
        self.state = WallState(self)
        self.state.set_results_provider(results)
        self.projector: ProjectorWindow | None = None

        self.show_button = QPushButton(self.tr("Show on projector"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_projector)
        self.screen_label = QLabel()
        self.screen_label.setWordWrap(True)

        self.mode_buttons = QButtonGroup(self)
        self._mode_radio: dict[WallMode, QRadioButton] = {}
        labels = {
            WallMode.ALL_FIELDS: self.tr("All fields of action"),
            WallMode.ONE_FIELD: self.tr("One field of action"),
            WallMode.SPOTLIGHT: self.tr("One idea in the spotlight"),
            WallMode.IDLE: self.tr("Idle screen with the event's title"),
            WallMode.RESULTS: self.tr("Turnout and results"),
        }
        mode_box = QGroupBox(self.tr("The wall shows"))
        mode_layout = QVBoxLayout(mode_box)
        for mode, label in labels.items():
            radio = QRadioButton(f"{label}  ({MODE_KEYS[mode]})")
            radio.toggled.connect(lambda on, m=mode: self._mode_toggled(m, on))
            shortcut = QShortcut(QKeySequence(MODE_KEYS[mode]), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(radio.click)
            self.mode_buttons.addButton(radio)
            self._mode_radio[mode] = radio
            mode_layout.addWidget(radio)
            if mode is WallMode.ONE_FIELD:
                self.field_combo = QComboBox()
                self.field_combo.setAccessibleName(self.tr("Field of action on the wall"))
                self.field_combo.currentIndexChanged.connect(self._field_chosen)
                mode_layout.addWidget(self.field_combo)
            if mode is WallMode.SPOTLIGHT:
                self.spotlight_search = QLineEdit()
                self.spotlight_search.setAccessibleName(self.tr("Search an idea for the spotlight"))
                self.spotlight_search.setPlaceholderText(self.tr("Search an idea…"))
                self.spotlight_search.setClearButtonEnabled(True)
                self.spotlight_search.textChanged.connect(self._fill_spotlight_list)
                self.spotlight_list = QListWidget()
                self.spotlight_list.setAccessibleName(self.tr("Idea in the spotlight"))
                self.spotlight_list.setWordWrap(True)
                self.spotlight_list.setUniformItemSizes(False)
                self.spotlight_list.setSpacing(3)
                self.spotlight_list.setAlternatingRowColors(True)
                self.spotlight_list.currentItemChanged.connect(self._spotlight_chosen)
                mode_layout.addWidget(self.spotlight_search)
                mode_layout.addWidget(self.spotlight_list, 1)
        self._mode_radio[WallMode.ALL_FIELDS].setChecked(True)

        self.scale_slider = QSlider(Qt.Orientation.Horizontal)
        self.scale_slider.setAccessibleName(self.tr("Font size for the room"))
        self.scale_slider.setRange(50, 250)
        self.scale_slider.setSingleStep(10)
        self.scale_slider.setPageStep(25)
        self.scale_slider.setValue(100)
        self.scale_label = QLabel("100 %")
        self.scale_slider.valueChanged.connect(self._scale_changed)
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_slider, 1)
        scale_row.addWidget(self.scale_label)
        room = QFormLayout()
        room.addRow(self.tr("Font size for the room"), scale_row)

        projector_box = QGroupBox(self.tr("Projector"))
        projector_layout = QVBoxLayout(projector_box)
        projector_layout.addWidget(self.show_button)
        projector_layout.addWidget(self.screen_label)
        projector_layout.addLayout(room)

        controls = QVBoxLayout()
        controls.addWidget(projector_box)
        controls.addWidget(mode_box, 1)
        side = QWidget()
        side.setLayout(controls)
        side.setMaximumWidth(420)
        side.setMinimumWidth(300)

        self.preview = WallView(self.state)
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(_AspectBox(self.preview), 1)

        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(preview_box, 1)
        # The controls follow the state at most a few times a second, not per feed poll.
        self._sync = QTimer(self)
        self._sync.setSingleShot(True)
        self._sync.setInterval(150)
        self._sync.timeout.connect(self._state_changed)
        self.state.changed.connect(self._sync.start)
        self.state.failed.connect(self.status_message)
        self._update_screen_label()

    # -- Workspace -----------------------------------------------------------------------

    def set_database(self, db: Database | None) -> None:
        self.db = db
        self.state.set_database(db)

    def reload(self) -> None:
        self.state.reload()

    def on_changes(self, changes: list[Change]) -> None:
        self.state.on_changes(changes)

    def activated(self) -> None:
        self._update_screen_label()

    # -- controls ------------------------------------------------------------------------

    def _toggle_projector(self, on: bool) -> None:
        if on:
            if self.projector is None:
                self.projector = ProjectorWindow(self.state, self.window())
                self.projector.closed.connect(lambda: self.show_button.setChecked(False))
            self.projector.present()
        elif self.projector is not None and self.projector.isVisible():
            self.projector.close()
        self._update_screen_label()

    def _update_screen_label(self) -> None:
        screen, second = projector_screen()
        if second and screen is not None:
            text = fill_args(self.tr("Full screen on the second display (%1)."), screen.name())
        else:
            text = self.tr(
                "Only one display is connected: the wall opens as a window. Connect the projector to show it full screen."
            )
        self.screen_label.setText(text)

    def _mode_toggled(self, mode: WallMode, on: bool) -> None:
        if on:
            self.state.set_mode(mode)

    def _scale_changed(self, value: int) -> None:
        self.scale_label.setText(f"{value} %")
        self.state.set_scale(value / 100)

    def _field_chosen(self, index: int) -> None:
        field_id = self.field_combo.itemData(index)
        if isinstance(field_id, uuid.UUID):
            self.state.set_field(field_id)
            self._mode_radio[WallMode.ONE_FIELD].setChecked(True)

    def _spotlight_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        idea_id = item.data(ID_ROLE)
        if isinstance(idea_id, uuid.UUID):
            self.state.set_spotlight(idea_id)
            self._mode_radio[WallMode.SPOTLIGHT].setChecked(True)

    def _state_changed(self) -> None:
        self._fill_fields()
        self._fill_spotlight_list()
        radio = self._mode_radio[self.state.mode]
        if not radio.isChecked():
            radio.setChecked(True)
        if self.scale_slider.value() != round(self.state.scale * 100):
            self.scale_slider.setValue(round(self.state.scale * 100))

    def _fill_fields(self) -> None:
        wanted = [(f.name, f.id) for f in self.state.fields]
        have = [
            (self.field_combo.itemText(i), self.field_combo.itemData(i))
            for i in range(self.field_combo.count())
        ]
        if wanted != have:
            self.field_combo.blockSignals(True)
            self.field_combo.clear()
            for name, field_id in wanted:
                self.field_combo.addItem(name, field_id)
            self.field_combo.blockSignals(False)
        index = find_data(self.field_combo, self.state.field_id)
        if index >= 0 and index != self.field_combo.currentIndex():
            self.field_combo.blockSignals(True)
            self.field_combo.setCurrentIndex(index)
            self.field_combo.blockSignals(False)

    def _fill_spotlight_list(self) -> None:
        """The newest matching ideas; the chosen one stays chosen."""
        query = self.spotlight_search.text()
        ideas = [i for i in self.state.all_ideas() if matches(i, query)][:SPOTLIGHT_LIST_LIMIT]
        current = [
            self.spotlight_list.item(r).data(ID_ROLE) for r in range(self.spotlight_list.count())
        ]
        if current == [i.id for i in ideas]:
            return
        self.spotlight_list.blockSignals(True)
        self.spotlight_list.clear()
        for idea in ideas:
            item = QListWidgetItem(idea.text)
            item.setData(ID_ROLE, idea.id)
            field = self.state.field(idea.field_id)
            if field is not None:
                item.setToolTip(field.name)
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(field.colour))
            self.spotlight_list.addItem(item)
            if idea.id == self.state.spotlight_id:
                self.spotlight_list.setCurrentItem(item)
        self.spotlight_list.blockSignals(False)
