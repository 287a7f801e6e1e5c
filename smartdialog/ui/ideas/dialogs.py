"""The Ideen page's dialogs: edit an idea, pick the idea to merge into, read an idea's history."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core import clock
from smartdialog.core.services.ideas import (
    REWORDED,
    TEXT_LIMIT,
    IdeaInfo,
    RevisionInfo,
    clean_text,
    matches,
)
from smartdialog.core.services.setup import FieldInfo, TopicInfo
from smartdialog.ui.ideas.combo import find_data

ID_ROLE = Qt.ItemDataRole.UserRole


class EditDialog(QDialog):
    """Correct an idea's text, field or guiding question.

    ``save(dialog)`` saves the dialog's values in the background and answers with
    ``saved()`` (the dialog closes) or ``refused(sentence)`` (a conflict: the dialog
    stays open with the user's text, so nothing typed is lost).  Until then Save
    waits: pressing Enter twice saves once.
    """

    def __init__(
        self,
        idea: IdeaInfo,
        fields: list[FieldInfo],
        topics: list[TopicInfo],
        save: Callable[[EditDialog], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit idea"))
        self.idea = idea
        self._topics = topics
        self._save = save
        self.text_edit = QPlainTextEdit(idea.text)
        self.text_edit.setTabChangesFocus(True)
        self.counter = QLabel()
        self.field_combo = QComboBox()
        for field in fields:
            self.field_combo.addItem(field.name, field.id)
        self.field_combo.setCurrentIndex(max(0, find_data(self.field_combo, idea.field_id)))
        self.topic_combo = QComboBox()
        self.field_combo.currentIndexChanged.connect(self._fill_topics)
        self._fill_topics()
        self.topic_combo.setCurrentIndex(max(0, find_data(self.topic_combo, idea.topic_id)))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self._saving = False
        form = QFormLayout()
        form.addRow(self.tr("Field of action"), self.field_combo)
        form.addRow(self.tr("Guiding question"), self.topic_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Idea")))
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.counter)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.text_edit.textChanged.connect(self._count)
        self._count()
        self.resize(560, 340)

    def _fill_topics(self) -> None:
        field_id = self.field_combo.currentData()
        self.topic_combo.clear()
        self.topic_combo.addItem(self.tr("(no guiding question)"), None)
        for topic in self._topics:
            if topic.field_id == field_id:
                self.topic_combo.addItem(topic.question, topic.id)

    def _count(self) -> None:
        length = len(clean_text(self.text_edit.toPlainText()))
        self.counter.setText(
            self.tr("%1 of %2 characters").replace("%1", str(length)).replace("%2", str(TEXT_LIMIT))
        )
        self.counter.setStyleSheet(
            "color: #b00020;" if length > TEXT_LIMIT else "color: palette(mid);"
        )

    def values(self) -> tuple[str, uuid.UUID, uuid.UUID | None]:
        return (
            self.text_edit.toPlainText(),
            self.field_combo.currentData(),
            self.topic_combo.currentData(),
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _accept(self) -> None:
        if self._saving:
            return  # the first Save is still on its way
        self._saving = True
        self.save_button.setEnabled(False)
        self._save(self)

    def saving(self) -> bool:
        return self._saving

    def saved(self) -> None:
        self._saving = False
        self.accept()

    def refused(self, sentence: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.show_message(sentence)


def preferred_wording(first: IdeaInfo, second: IdeaInfo, support: dict[uuid.UUID, int]) -> str:
    """The text a merge suggests: the better-supported idea's, else the longer one (else ``second``)."""
    a, b = support.get(first.id, 0), support.get(second.id, 0)
    if a != b:
        return first.text if a > b else second.text
    return first.text if len(first.text) > len(second.text) else second.text


class MergeDialog(QDialog):
    """Merge a duplicate: pick the idea it goes into (unless given) and the wording that survives.

    Both texts are shown; the editable wording starts with the better-supported
    one (more dots, more duplicates merged in), else the longer one.  ``support(ids,
    answer)`` reads the support of the ideas asked for in the background and calls
    ``answer`` with it; until then the longer text is suggested.
    """

    # The suggested wording now weighs the ideas' support.
    suggestion_ready = Signal()

    def __init__(
        self,
        source: IdeaInfo,
        candidates: list[IdeaInfo],
        parent: QWidget | None = None,
        *,
        target: IdeaInfo | None = None,
        support: Callable[[list[uuid.UUID], Callable[[dict[uuid.UUID, int]], None]], None]
        | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge duplicate"))
        self.source = source
        self._fixed = target
        self._support = support or (lambda _ids, _answer: None)
        self._suggested = ""
        self._candidates = sorted(
            (c for c in candidates if c.id != source.id and c.is_active),
            key=lambda c: (c.field_id != source.field_id, -c.created_at.timestamp()),
        )
        if target is not None:
            intro = QLabel(self.tr("Merge these two ideas. Both texts stay in the history."))
        else:
            intro = QLabel(
                self.tr(
                    "Merge “%1” into the idea chosen below. Both texts stay in its history."
                ).replace("%1", source.text)
            )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setAccessibleName(self.tr("Search the ideas to merge into"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Idea to merge into"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())

        self.source_text = QLabel()
        self.target_text = QLabel()
        self.use_source = QPushButton(self.tr("Use this wording"))
        self.use_source.setAccessibleName(self.tr("Use the duplicate's wording"))
        self.use_target = QPushButton(self.tr("Use this wording"))
        self.use_target.setAccessibleName(self.tr("Use the kept idea's wording"))
        for label in (self.source_text, self.target_text):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for button in (self.use_source, self.use_target):
            button.setAutoDefault(False)
        self.use_source.clicked.connect(self._use_source)
        self.use_target.clicked.connect(self._use_target)
        self.wording = QPlainTextEdit()
        self.wording.setTabChangesFocus(True)
        self.wording.setAccessibleName(self.tr("Wording after the merge"))
        self.wording.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.wording.textChanged.connect(self._update_ok)
        wording_label = QLabel(self.tr("&Wording after the merge (editable):"))
        wording_label.setBuddy(self.wording)
        texts = QGridLayout()
        for row, caption, text, button in (
            (0, self.tr("Duplicate:"), self.source_text, self.use_source),
            (1, self.tr("Kept idea:"), self.target_text, self.use_target),
        ):
            texts.addWidget(QLabel(caption), row, 0)
            texts.addWidget(text, row, 1)
            texts.addWidget(button, row, 2)
        texts.setColumnStretch(1, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if target is None:
            layout.addWidget(self.search)
            layout.addWidget(self.list, 1)
        else:
            self.search.hide()
            self.list.hide()
        layout.addLayout(texts)
        layout.addWidget(wording_label)
        layout.addWidget(self.wording)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._fill)
        self.list.currentItemChanged.connect(self._target_changed)
        if target is None:
            self._fill()
            self.search.setFocus()
            self.resize(640, 560)
        else:
            self._target_changed()
            self.wording.setFocus()
            self.resize(640, self.sizeHint().height())

    def _fill(self) -> None:
        query = self.search.text()
        self.list.clear()
        for idea in self._candidates:
            if matches(idea, query):
                item = QListWidgetItem(idea.text)
                item.setData(ID_ROLE, idea.id)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._target_changed()

    def target(self) -> IdeaInfo | None:
        if self._fixed is not None:
            return self._fixed
        target_id = self.target_id()
        return next((c for c in self._candidates if c.id == target_id), None)

    def _use_source(self) -> None:
        self.wording.setPlainText(self.source.text)

    def _use_target(self) -> None:
        target = self.target()
        if target is not None:
            self.wording.setPlainText(target.text)

    def _target_changed(self, *_args: object) -> None:
        target = self.target()
        self.source_text.setText(self.source.text)
        self.target_text.setText(target.text if target else "–")
        self.use_target.setEnabled(target is not None)
        if target is not None and self.wording.toPlainText() in ("", self._suggested):
            # A wording the moderator typed stays; a suggestion follows the chosen idea.
            # The longer text at once; the better-supported one when the support is read.
            self._suggested = preferred_wording(self.source, target, {})
            self.wording.setPlainText(self._suggested)
            self._support(
                [self.source.id, target.id], lambda support: self._supported(target, support)
            )
        self._update_ok()

    def _supported(self, target: IdeaInfo, support: dict[uuid.UUID, int]) -> None:
        if not shiboken6.isValid(self.wording):
            return  # the dialog was closed before the answer came
        if self.target() is not target or self.wording.toPlainText() != self._suggested:
            return  # another idea chosen, or the moderator typed a wording meanwhile
        self._suggested = preferred_wording(self.source, target, support)
        self.wording.setPlainText(self._suggested)
        self.suggestion_ready.emit()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.target() is not None and bool(clean_text(self.wording.toPlainText()))
        )

    def target_id(self) -> uuid.UUID | None:
        if self._fixed is not None:
            return self._fixed.id
        item = self.list.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def wording_text(self) -> str:
        return self.wording.toPlainText()


class HistoryDialog(QDialog):
    """What happened to an idea, oldest first."""

    def __init__(
        self, idea: IdeaInfo, revisions: list[RevisionInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of the idea"))
        kinds = {
            "created": self.tr("captured"),
            "edited": self.tr("edited"),
            "moved": self.tr("moved"),
            "hidden": self.tr("hidden"),
            "unhidden": self.tr("shown again"),
            "tagged": self.tr("tagged"),
            "clustered": self.tr("clustered"),
            "merged": self.tr("a duplicate was merged in"),
            "merged-into": self.tr("merged into another idea"),
            "unmerged": self.tr("merge undone"),
            REWORDED: self.tr("wording chosen at a merge"),
        }
        view = QListWidget()
        view.setWordWrap(True)
        view.setAlternatingRowColors(True)
        for r in revisions:
            line = f"{clock.hh_mm_ss(r.at)}  {kinds.get(r.kind, r.kind)}: {r.text}"
            if r.kind in ("hidden", "tagged", "clustered") and r.detail:
                line += f"  ({r.detail})"
            view.addItem(line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(640, 360)
