"""Where an idea is typed: the table, its field of action, the guiding question, who said it.

The laptop remembers its table (a preference of this laptop), so that after a
restart the facilitator types on where she left off.  A name is taken only
from the participants who agreed to be named.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QLabel, QLineEdit, QWidget

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services.ideas import AuthorChoice
from smartdialog.core.services.setup import FieldInfo, StationInfo, TopicInfo
from smartdialog.ui.ideas.combo import find_data


class IdeaContext(QWidget):
    """The row above the quick entry; ``changed`` when the table or the field changes."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.fields: list[FieldInfo] = []
        self.topics: list[TopicInfo] = []
        self.stations: list[StationInfo] = []
        self._authors: dict[str, uuid.UUID] = {}

        self.station_combo = QComboBox()
        self.station_combo.currentIndexChanged.connect(self._station_chosen)
        self.field_combo = QComboBox()
        self.field_combo.currentIndexChanged.connect(self._field_chosen)
        self.topic_combo = QComboBox()
        self.topic_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.topic_combo.setMinimumContentsLength(30)
        self.author_edit = QLineEdit()
        self.author_edit.setPlaceholderText(self.tr("only with their consent to be named"))
        self.author_edit.setClearButtonEnabled(True)
        self._author_model = QStringListModel(self)
        completer = QCompleter(self._author_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.author_edit.setCompleter(completer)

        context = QGridLayout(self)
        context.setContentsMargins(0, 0, 0, 0)
        # Each label names its field (setBuddy), for screen readers as for the eye.
        for row, column, text, widget in (
            (0, 0, self.tr("Table"), self.station_combo),
            (0, 2, self.tr("Field of action"), self.field_combo),
            (1, 0, self.tr("Guiding question"), self.topic_combo),
            (1, 2, self.tr("Said by"), self.author_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text)
            context.addWidget(label, row, column)
            context.addWidget(widget, row, column + 1)
        context.setColumnStretch(1, 3)
        context.setColumnStretch(3, 2)

    # -- what there is to choose from ---------------------------------------------------------

    def set_choices(
        self, fields: list[FieldInfo], topics: list[TopicInfo], stations: list[StationInfo]
    ) -> None:
        self.fields, self.topics, self.stations = fields, topics, stations
        self._fill_combos()

    def set_authors(self, authors: Sequence[AuthorChoice]) -> None:
        """The participants who agreed to be named."""
        self._authors = {f"{a.name} ({a.ticket_number})": a.id for a in authors}
        self._author_model.setStringList(list(self._authors))

    def _fill_combos(self) -> None:
        remembered = self.station_combo.currentData() or self.settings.value("ideas/station", "")
        self.station_combo.blockSignals(True)
        self.station_combo.clear()
        self.station_combo.addItem(self.tr("(no table)"), None)
        for station in self.stations:
            self.station_combo.addItem(station.name, station.id)
        index = next(
            (
                i
                for i in range(self.station_combo.count())
                if str(self.station_combo.itemData(i)) == str(remembered)
            ),
            0,
        )
        self.station_combo.setCurrentIndex(index)
        self.station_combo.blockSignals(False)

        current_field = self.field_combo.currentData()
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        for field in self.fields:
            self.field_combo.addItem(field.name, field.id)
        chosen = self.station()
        wanted = current_field or (chosen.field_id if chosen else None)
        self.field_combo.setCurrentIndex(max(0, find_data(self.field_combo, wanted)))
        self.field_combo.blockSignals(False)
        self._fill_topics()
        self.changed.emit()

    def _fill_topics(self) -> None:
        current = self.topic_combo.currentData()
        field_id = self.field_combo.currentData()
        self.topic_combo.blockSignals(True)
        self.topic_combo.clear()
        self.topic_combo.addItem(self.tr("(no guiding question)"), None)
        for topic in self.topics:
            if topic.field_id == field_id:
                self.topic_combo.addItem(topic.question, topic.id)
        self.topic_combo.setCurrentIndex(max(0, find_data(self.topic_combo, current)))
        self.topic_combo.blockSignals(False)

    def _station_chosen(self, _index: int) -> None:
        station = self.station()
        # The table this laptop stands at, for the next start.
        self.settings.setValue("ideas/station", str(station.id) if station else "")
        if station is not None and station.field_id is not None:
            index = find_data(self.field_combo, station.field_id)
            if index >= 0:
                self.field_combo.setCurrentIndex(index)
        self.changed.emit()

    def _field_chosen(self, _index: int) -> None:
        self._fill_topics()
        self.changed.emit()

    # -- what is chosen -----------------------------------------------------------------------

    def station(self) -> StationInfo | None:
        station_id = self.station_combo.currentData()
        return next((st for st in self.stations if st.id == station_id), None)

    def field_id(self) -> uuid.UUID | None:
        field_id = self.field_combo.currentData()
        return field_id if isinstance(field_id, uuid.UUID) else None

    def topic_id(self) -> uuid.UUID | None:
        topic_id = self.topic_combo.currentData()
        return topic_id if isinstance(topic_id, uuid.UUID) else None

    def author_id(self) -> uuid.UUID | None:
        """Who said it: None when nobody is named; DomainError for a name not on the list."""
        typed = self.author_edit.text().strip()
        if not typed:
            return None
        found = self._authors.get(typed)
        if found is None:
            matches = [
                v for k, v in self._authors.items() if k.casefold().startswith(typed.casefold())
            ]
            if len(matches) == 1:
                return matches[0]
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "“{name}” is not among the participants who agreed to be named. "
                    "Pick a name from the list, or leave the field empty.",
                ),
                name=typed,
            )
        return found

    def select_station(self, station_id: uuid.UUID | None) -> None:
        self.station_combo.setCurrentIndex(max(0, find_data(self.station_combo, station_id)))

    def select_field(self, field_id: uuid.UUID) -> None:
        self.field_combo.setCurrentIndex(max(0, find_data(self.field_combo, field_id)))

    def select_topic(self, topic_id: uuid.UUID | None) -> None:
        self.topic_combo.setCurrentIndex(max(0, find_data(self.topic_combo, topic_id)))
