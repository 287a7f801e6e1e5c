"""Einrichtung: the event's details, fields of action with their guiding questions, tables."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core import clock
from smartdialog.core.changes import SETUP, WHOLESALE
from smartdialog.core.services import roles, setup
from smartdialog.core.services.setup import EventInfo, FieldInfo, StationInfo
from smartdialog.ui import appearance, ops
from smartdialog.ui.forms.ui_event_settings import Ui_EventSettings
from smartdialog.ui.setup.models import ID_ROLE, FieldListModel, StationTableModel, swatch
from smartdialog.ui.workspace import Workspace

log = logging.getLogger("smartdialog.ui.setup")
T = TypeVar("T")


class SetupWorkspace(Workspace):
    """Everything about the event that is set up before the day; saved as it is typed.

    Reads and writes run through ``ops``: the page shows what it has until an
    answer is there, and the buttons that add, move or remove wait while a change
    is on its way (a double click adds one table, not two).
    """

    # Everything was read anew and is shown.
    loaded = Signal()
    # The guiding questions of the selected field are shown.
    topics_loaded = Signal()
    # A change of this page was answered (saved or refused).
    answered = Signal()

    # Not check-ins, ideas or dots: a desk scanning every few seconds must not
    # reset the tables here while someone edits them.
    FOLLOWS = SETUP | WHOLESALE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._event: EventInfo | None = None
        self._generation = 0  # of full reads
        self._topics_generation = 0
        self._writing = 0  # changes on their way
        self._select_after_load: uuid.UUID | None = None

        # The event's details: a Designer form.
        self.details = QWidget()
        self.form = Ui_EventSettings()
        self.form.setupUi(self.details)
        self._connect_details()
        details_box = QGroupBox(self.tr("Event"))
        QVBoxLayout(details_box).addWidget(self.details)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details_box)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(
            details_box.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 8
        )

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._build_fields_box())
        right.addWidget(self._build_stations_box())
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self._build_pins_box())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    # -- building -------------------------------------------------------------------------

    def _build_pins_box(self) -> QWidget:
        """The roles' PINs: until Verwaltung's is set, every laptop may do everything."""
        box = QGroupBox(self.tr("Roles and PINs"))
        self.pins_state = QLabel()
        self.pins_state.setWordWrap(True)
        self.pin_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for role, text in (
            (roles.OFFICE, self.tr("PIN of Administration …")),
            (roles.MODERATION, self.tr("PIN of Moderation …")),
            (roles.DESK, self.tr("PIN of Reception …")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, r=role: self.set_role_pin_interactive(r))
            self.pin_buttons[role] = button
            row.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.pins_state)
        layout.addLayout(row)
        return box

    def _show_pins(self, access: roles.Access | None) -> None:
        from smartdialog.ui.roles import role_name

        if access is None or not access.applies:
            self.pins_state.setText(
                self.tr(
                    "No PINs set: every laptop may open everything. Set the PIN of "
                    "Administration to lock setup, privacy, the final minutes and the PINs; "
                    "then set the PINs of Moderation and Reception."
                )
            )
            self.pins_state.setStyleSheet("color: #8d4b00; font-weight: bold;")
        else:
            self.pins_state.setText(
                self.tr("PINs set: {roles}. A laptop switches its role with one of them.").format(
                    roles=", ".join(role_name(r) for r in roles.ROLES if r in access.pins)
                )
            )
            self.pins_state.setStyleSheet("")
        applies = access is not None and access.applies
        for role, button in self.pin_buttons.items():
            button.setEnabled(self.db is not None and (role == roles.OFFICE or applies))

    def set_role_pin_interactive(self, role: str) -> None:
        from smartdialog.ui.roles import PinChangeDialog, role_name

        db = self.db
        if db is None:
            return

        def write(s: Session, new: str, authorisation: str) -> None:
            roles.set_role_pin(s, role, new, authorisation=authorisation)

        def ask(applies: bool) -> None:
            self.pin_dialog = PinChangeDialog(
                self.tr("PIN of {role}").format(role=role_name(role)),
                None,
                needs_authorisation=applies,
                parent=self,
                db=db,
                write=write,
            )
            self.pin_dialog.accepted.connect(self.reload)
            self.pin_dialog.open()

        # Whether the PIN of Administration is asked for: read first.
        ops.QueryOp(self, db, lambda s: roles.access(s).applies).success(ask).failure(
            self._tell
        ).run()

    def _build_fields_box(self) -> QWidget:
        self.fields_model = FieldListModel(self)
        self.fields_model.rename = lambda fid, name: self._call(
            setup.update_field,
            fid,
            name=name,
            then=self.fields_model.replace,
            refused=self.reload,
            hold=False,
        )
        self.fields_view = QListView()
        self.fields_view.setAccessibleName(self.tr("Fields of action"))
        self.fields_view.setModel(self.fields_model)
        self.fields_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.fields_view.selectionModel().currentChanged.connect(self._field_selected)

        self.add_field_button = QPushButton(self.tr("Add…"))
        self.add_field_button.clicked.connect(self.add_field_interactive)
        self.rename_field_button = QPushButton(self.tr("Rename"))
        self.rename_field_button.clicked.connect(
            lambda: self.fields_view.edit(self.fields_view.currentIndex())
        )
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.colour_button.clicked.connect(self.choose_colour_interactive)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda: self.move_current_field(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(lambda: self.move_current_field(1))
        self.remove_field_button = QPushButton(self.tr("Remove"))
        self.remove_field_button.clicked.connect(self.remove_current_field)
        buttons = QVBoxLayout()
        for button in (
            self.add_field_button,
            self.rename_field_button,
            self.colour_button,
            self.up_button,
            self.down_button,
            self.remove_field_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("Description of the selected field"))
        self.description.setPlaceholderText(
            self.tr("Short description of the selected field (optional)")
        )
        self.description.editingFinished.connect(self._save_description)

        self.topics = QListWidget()
        self.topics.setAccessibleName(self.tr("Guiding questions of the selected field"))
        self.topics.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.topics.itemChanged.connect(self._topic_edited)
        self.new_topic = QLineEdit()
        self.new_topic.setAccessibleName(self.tr("New guiding question"))
        self.new_topic.setPlaceholderText(self.tr("New guiding question, then Enter"))
        self.new_topic.returnPressed.connect(self.add_topic_from_input)
        self.remove_topic_button = QPushButton(self.tr("Remove question"))
        self.remove_topic_button.clicked.connect(self.remove_current_topic)
        topics_box = QGroupBox(self.tr("Guiding questions of the selected field"))
        topics_layout = QVBoxLayout(topics_box)
        topics_layout.addWidget(self.topics)
        row = QHBoxLayout()
        row.addWidget(self.new_topic, 1)
        row.addWidget(self.remove_topic_button)
        topics_layout.addLayout(row)

        box = QGroupBox(self.tr("Fields of action"))
        left = QVBoxLayout()
        left.addWidget(self.fields_view, 1)
        left.addWidget(self.description)
        self._fields_grid = layout = QGridLayout(box)
        layout.addLayout(left, 0, 0)
        layout.addLayout(buttons, 0, 1)
        self._topics_box = topics_box
        self._place_topics(appearance.current())
        appearance.notifier().changed.connect(self._place_topics)
        return box

    def _place_topics(self, chosen: appearance.Appearance) -> None:
        """Beside the fields, or under them in larger text, so that no field's name is cut."""
        grid = self._fields_grid
        grid.removeWidget(self._topics_box)
        if chosen.large_text:
            grid.addWidget(self._topics_box, 1, 0, 1, 2)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(2, 0)
        else:
            grid.addWidget(self._topics_box, 0, 2)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(2, 4)

    def _build_stations_box(self) -> QWidget:
        self.stations_model = StationTableModel(self)
        self.stations_model.update = self._update_station
        self.stations_view = QTableView()
        self.stations_view.setAccessibleName(self.tr("Tables and facilitators"))
        self.stations_view.setModel(self.stations_model)
        self.stations_view.setItemDelegateForColumn(StationTableModel.FIELD, _FieldDelegate(self))
        self.stations_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stations_view.verticalHeader().hide()
        header = self.stations_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.stations_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

        self.new_station = QLineEdit()
        self.new_station.setAccessibleName(self.tr("Name of a new table"))
        self.new_station.setPlaceholderText(self.tr("Name of a new table, then Enter"))
        self.new_station.returnPressed.connect(self.add_station_from_input)
        self.one_per_field_button = QPushButton(self.tr("One table per field"))
        self.one_per_field_button.setToolTip(
            self.tr("Adds a table for every field of action that has none yet.")
        )
        self.one_per_field_button.clicked.connect(self.add_table_per_field)
        self.remove_station_button = QPushButton(self.tr("Remove table"))
        self.remove_station_button.clicked.connect(self.remove_current_station)
        row = QHBoxLayout()
        row.addWidget(self.new_station, 1)
        row.addWidget(self.one_per_field_button)
        row.addWidget(self.remove_station_button)

        box = QGroupBox(self.tr("Tables and facilitators"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.stations_view, 1)
        layout.addLayout(row)
        return box

    def _connect_details(self) -> None:
        f = self.form
        for edit in (f.title, f.venue, f.organiser, f.councilReference, f.moderation):
            edit.editingFinished.connect(self._save_details)
        for spin in (f.dotsPerParticipant, f.maxDotsPerIdea, f.minGroupSize):
            spin.editingFinished.connect(self._save_details)
        f.date.dateChanged.connect(self._save_details)
        f.startTime.editingFinished.connect(self._save_details)
        f.endTime.editingFinished.connect(self._save_details)
        f.timeZone.addItems(list(clock.COMMON_ZONES))
        f.timeZone.activated.connect(lambda _index: self._save_details())
        line_edit = f.timeZone.lineEdit()
        if line_edit is not None:
            line_edit.editingFinished.connect(self._save_details)
        f.guidingQuestion.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if watched is self.form.guidingQuestion and event.type() == QEvent.Type.FocusOut:
            self._save_details()
        return super().eventFilter(watched, event)

    # -- workspace protocol -------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        enabled = self.db is not None
        self.setEnabled(enabled)
        if self.db is None:
            self._event = None
            self._show_pins(None)
            self.fields_model.set_rows([])
            self.stations_model.set_stations([], [])
            self.topics.clear()
            return
        generation = self._generation
        if self._event is None:
            self.pins_state.setText(self.tr("Loading …"))

        def read(s: Session) -> tuple[Any, ...]:
            return (
                setup.get_event(s),
                setup.list_fields(s),
                setup.list_stations(s),
                roles.access(s),
            )

        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._loaded(generation, *answer)
        ).failure(self._tell).run()

    def _loaded(
        self,
        generation: int,
        event: EventInfo,
        fields: list[FieldInfo],
        stations: list[StationInfo],
        access: roles.Access,
    ) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        current = self._select_after_load or self._current_field_id()
        self._select_after_load = None
        self._show_pins(access)
        self._event = event
        self._show_details(event)
        self.fields_model.set_rows(fields)
        self.stations_model.set_stations(stations, fields)
        row = self.fields_model.row_of(current) if current else 0
        if fields:
            self.fields_view.setCurrentIndex(self.fields_model.index(max(row, 0)))
        self._field_selected()
        self.loaded.emit()

    def activated(self) -> None:
        if self._event is not None and not self.form.title.text():
            self.form.title.setFocus()

    # -- event details --------------------------------------------------------------------------

    def _show_details(self, event: EventInfo) -> None:
        f = self.form
        self._loading = True
        try:
            for edit, value in (
                (f.title, event.title),
                (f.venue, event.venue),
                (f.organiser, event.organiser),
                (f.councilReference, event.council_reference),
                (f.moderation, event.moderation),
            ):
                if not edit.hasFocus():
                    edit.setText(value)
            if not f.guidingQuestion.hasFocus():
                f.guidingQuestion.setPlainText(event.guiding_question)
            f.dotsPerParticipant.setValue(event.default_dots_per_participant)
            f.maxDotsPerIdea.setValue(event.default_max_dots_per_idea)
            f.minGroupSize.setValue(event.min_group_size)
            if not f.timeZone.hasFocus():
                f.timeZone.setCurrentText(event.time_zone)
            start = _local(event.starts_at)
            end = _local(event.ends_at)
            f.date.setDate(start.date() if start else QDate.currentDate())
            f.startTime.setTime(start.time() if start else QTime(10, 0))
            f.endTime.setTime(end.time() if end else QTime(16, 0))
        finally:
            self._loading = False

    def _save_details(self) -> None:
        if self._loading or self.db is None or self._event is None:
            return
        f = self.form
        start = _utc(f.date.date(), f.startTime.time())
        end = _utc(f.date.date(), f.endTime.time())
        if end < start:
            end = start
        changes: dict[str, Any] = {
            "title": f.title.text(),
            "venue": f.venue.text(),
            "organiser": f.organiser.text(),
            "council_reference": f.councilReference.text(),
            "moderation": f.moderation.text(),
            "guiding_question": f.guidingQuestion.toPlainText(),
            "default_dots_per_participant": f.dotsPerParticipant.value(),
            "default_max_dots_per_idea": f.maxDotsPerIdea.value(),
            "min_group_size": f.minGroupSize.value(),
            "starts_at": start,
            "ends_at": end,
            "time_zone": f.timeZone.currentText().strip(),
        }
        current = {k: getattr(self._event, k) for k in changes}
        changed = {k: v for k, v in changes.items() if v != current[k]}
        if not changed:
            return

        def saved(info: EventInfo) -> None:
            self._event = info
            self.status_message.emit(self.tr("Saved."))

        def refused() -> None:
            if self._event is not None:  # e.g. an empty title: show what is stored
                self._show_details(self._event)

        # Not held back by other changes: every detail typed is saved, in order.
        self._call(setup.update_event, then=saved, refused=refused, hold=False, **changed)

    # -- fields of action ---------------------------------------------------------------------------

    def _current_field_id(self) -> uuid.UUID | None:
        index = self.fields_view.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, uuid.UUID) else None

    def _current_field(self) -> FieldInfo | None:
        index = self.fields_view.currentIndex()
        return self.fields_model.rows[index.row()] if index.isValid() else None

    def _field_selected(self, *_args: Any) -> None:
        field = self._current_field()
        for widget in (
            self.rename_field_button,
            self.colour_button,
            self.up_button,
            self.down_button,
            self.remove_field_button,
            self.description,
            self.topics,
            self.new_topic,
            self.remove_topic_button,
        ):
            widget.setEnabled(field is not None)
        self._update_buttons()
        self._topics_generation += 1
        generation = self._topics_generation
        self.topics.clear()  # not the questions of the field selected before
        if field is not None and self.db is not None:
            self.description.setText(field.description)
            field_id = field.id
            # Clicking through the fields: only the answer for the last one is shown.
            ops.QueryOp(self, self.db, lambda s: setup.list_topics(s, field_id)).success(
                lambda topics: self._show_topics(generation, topics)
            ).failure(self._tell).run()
        else:
            self.description.clear()

    def _show_topics(self, generation: int, topics: list[Any]) -> None:
        if generation != self._topics_generation:
            return
        self.topics.blockSignals(True)
        self.topics.clear()
        for topic in topics:
            item = QListWidgetItem(topic.question)
            item.setData(ID_ROLE, topic.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.topics.addItem(item)
        self.topics.blockSignals(False)
        self.topics_loaded.emit()

    def add_field_interactive(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("New field of action"), self.tr("Name:"))
        if ok and name.strip():
            self.add_field(name)

    def add_field(self, name: str, colour: str | None = None) -> bool:
        """Add a field in the background; it is selected once it is shown."""
        return self._call(setup.add_field, name, colour=colour, then=self._reload_selecting)

    def _reload_selecting(self, info: Any) -> None:
        self._select_after_load = info.id
        self.reload()

    def choose_colour_interactive(self) -> None:
        field = self._current_field()
        if field is None:
            return
        from PySide6.QtGui import QColor

        colour = QColorDialog.getColor(
            QColor(field.colour), self, self.tr("Colour of “{name}”").format(name=field.name)
        )
        if colour.isValid():
            self.set_field_colour(field.id, colour.name())

    def set_field_colour(self, field_id: uuid.UUID, colour: str) -> None:
        self._call(setup.update_field, field_id, colour=colour, then=lambda _info: self.reload())

    def move_current_field(self, offset: int) -> None:
        field = self._current_field()
        if field is None:
            return
        self._call(
            setup.move_field, field.id, offset, then=lambda _r: self._reload_selecting(field)
        )

    def remove_current_field(self) -> None:
        field = self._current_field()
        if field is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Remove field of action"),
            self.tr("Remove “{name}” and its guiding questions?").format(name=field.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._call(setup.remove_field, field.id, then=lambda _r: self.reload())

    def _save_description(self) -> None:
        field = self._current_field()
        if field is not None and self.description.text() != field.description:
            self._call(
                setup.update_field,
                field.id,
                description=self.description.text(),
                then=self.fields_model.replace,
                hold=False,
            )

    # -- guiding questions ----------------------------------------------------------------------------

    def add_topic_from_input(self) -> None:
        field = self._current_field()
        text = self.new_topic.text()
        if field is None or not text.strip() or self._writing:
            return  # a second Enter while the first is on its way adds nothing

        def added(_topic: Any) -> None:
            if self.new_topic.text() == text:
                self.new_topic.clear()
            self._field_selected()

        self._call(setup.add_topic, field.id, text, then=added)

    def _topic_edited(self, item: QListWidgetItem) -> None:
        topic_id = item.data(ID_ROLE)
        self._call(
            setup.update_topic, topic_id, item.text(), refused=self._field_selected, hold=False
        )

    def remove_current_topic(self) -> None:
        item = self.topics.currentItem()
        if item is not None:
            self._call(
                setup.remove_topic, item.data(ID_ROLE), then=lambda _r: self._field_selected()
            )

    # -- stations -----------------------------------------------------------------------------------

    def add_station_from_input(self) -> None:
        text = self.new_station.text()
        if not text.strip() or self._writing:
            return  # a second Enter while the first is on its way adds nothing

        def added(_station: Any) -> None:
            if self.new_station.text() == text:
                self.new_station.clear()
            self.reload()

        self._call(setup.add_station, text, field_id=self._current_field_id(), then=added)

    def add_table_per_field(self) -> None:
        if self.db is None or self._writing:
            return
        covered = {st.field_id for st in self.stations_model.rows()}
        number = self.stations_model.rowCount()
        wanted: list[tuple[str, uuid.UUID]] = []
        for field in self.fields_model.rows:
            if field.id in covered:
                continue
            number += 1
            name = self.tr("Table {number} – {field}").format(number=number, field=field.name)
            wanted.append((name, field.id))

        def add_all(s: Session) -> None:
            # All or none: one unit of work.
            for name, field_id in wanted:
                setup.add_station(s, name, field_id=field_id)

        self._write(add_all, then=lambda _r: self.reload())

    def _update_station(self, station_id: uuid.UUID, column: int, value: Any) -> None:
        changes: dict[str, Any]
        if column == StationTableModel.NAME:
            changes = {"name": str(value)}
        elif column == StationTableModel.FIELD:
            changes = {"field_id": uuid.UUID(value) if value else None}
        else:
            changes = {"facilitators": str(value)}
        self._call(
            setup.update_station,
            station_id,
            then=self.stations_model.replace,
            refused=self.reload,
            hold=False,
            **changes,
        )

    def remove_current_station(self) -> None:
        index = self.stations_view.currentIndex()
        if index.isValid():
            self._call(setup.remove_station, index.data(ID_ROLE), then=lambda _r: self.reload())

    # -- plumbing -------------------------------------------------------------------------------------

    def _call(
        self,
        fn: Callable[..., T],
        *args: Any,
        then: Callable[[T], object] | None = None,
        refused: Callable[[], object] | None = None,
        hold: bool = True,
        **kwargs: Any,
    ) -> bool:
        """One service call in its own unit of work on the writer thread.

        ``then(result)`` when it is saved; when it is refused the user is told and
        ``refused()`` runs.  With ``hold`` (adding, moving, removing) nothing else of
        the kind starts until it is answered; False when nothing was started.
        """
        return self._write(lambda s: fn(s, *args, **kwargs), then, refused, hold)

    def _write(
        self,
        work: Callable[[Session], T],
        then: Callable[[T], object] | None = None,
        refused: Callable[[], object] | None = None,
        hold: bool = True,
    ) -> bool:
        if self.db is None or (hold and self._writing):
            return False
        if hold:
            self._writing += 1
            self._update_buttons()

        def answered() -> None:
            if hold:
                self._writing -= 1
                self._update_buttons()

        def saved(result: T) -> None:
            answered()
            if then is not None:
                then(result)
            self.answered.emit()

        def failed(sentence: str) -> None:
            answered()
            self._tell(sentence)
            if refused is not None:
                refused()
            self.answered.emit()

        ops.CollectionOp(self, self.db, work).success(saved).failure(failed).run()
        return True

    def writing(self) -> bool:
        return self._writing > 0

    def _tell(self, sentence: str) -> None:
        QMessageBox.warning(self, self.tr("Setup"), sentence)

    def _update_buttons(self) -> None:
        """While a change is on its way, what would add, move or remove once more waits."""
        free = not self._writing
        has_field = self._current_field() is not None
        self.add_field_button.setEnabled(free)
        for button in (
            self.colour_button,
            self.up_button,
            self.down_button,
            self.remove_field_button,
            self.remove_topic_button,
        ):
            button.setEnabled(free and has_field)
        self.one_per_field_button.setEnabled(free)
        self.remove_station_button.setEnabled(free)


class _FieldDelegate(QStyledItemDelegate):
    """A combo box of the fields of action for a table's field column."""

    def __init__(self, owner: SetupWorkspace) -> None:
        super().__init__(owner)
        self.owner = owner

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem(QCoreApplication.translate("SetupWorkspace", "(none)"), "")
        for field in self.owner.fields_model.rows:
            combo.addItem(swatch(field.colour, 12), field.name, str(field.id))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _local(value: datetime | None) -> QDateTime | None:
    """A stored UTC time as the event's clock shows it (the laptop's zone plays no part)."""
    if value is None:
        return None
    local = clock.local(value)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def _utc(date: QDate, time: QTime) -> datetime:
    """A date and time typed on the event's clock, in UTC."""
    naive = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
    return clock.to_utc(naive)
