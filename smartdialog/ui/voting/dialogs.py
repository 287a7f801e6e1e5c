"""Dialogs of the voting workspace: a round's rules, the station PIN."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.services.setup import FieldInfo
from smartdialog.core.services.voting import (
    MAX_DOTS_PER_PARTICIPANT,
    BallotPreview,
    RoundInfo,
)
from smartdialog.ui import ops
from smartdialog.ui.messages import translate_error

# What a round may vote on (the first: leave a draft's shortlist as it is).
KEEP, ALL, CLUSTERS, SELECTED, TOP = "keep", "all", "clusters", "selected", "top"


@dataclass(frozen=True)
class RoundChoice:
    """What the moderator chose in the round dialog: the arguments of create/update_round."""

    title: str
    dots_per_participant: int
    max_dots_per_idea: int
    field_ids: list[uuid.UUID]
    budgets: dict[uuid.UUID, int | None]
    hide_tally: bool
    allow_change: bool
    require_checkin: bool
    tie_rule: str
    shortlist: str = KEEP  # keep, all, clusters, selected, top
    top: int = 5
    idea_ids: list[uuid.UUID] = dataclasses.field(default_factory=list)


class RoundDialog(QDialog):
    """A round's title and rules: dots, maximum per idea, fields and their budgets, tallies, ties.

    And what the ballot holds (its shortlist), with a preview of its length
    and of what would keep the round from opening.
    """

    preview_shown = Signal()  # a preview (or why there is none) is on show

    def __init__(
        self,
        fields: list[FieldInfo],
        *,
        default_dots: int,
        default_per_idea: int,
        existing: RoundInfo | None = None,
        has_shortlist: bool = False,
        selected_ideas: list[uuid.UUID] | None = None,
        preview: Callable[[Session, RoundChoice], BallotPreview] | None = None,
        db: Database | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # ``preview(session, choice)`` is read in the background, the latest choice winning.
        self._preview = preview if db is not None else None
        self._db = db
        self._preview_generation = 0
        self.preview: BallotPreview | None = None
        self._selected = list(selected_ideas or [])
        self.setWindowTitle(
            self.tr("Edit voting round") if existing else self.tr("New voting round")
        )
        self.title = QLineEdit(existing.title if existing else "")
        self.title.setPlaceholderText(self.tr("e.g. Prioritising the ideas"))
        self.dots = QSpinBox(minimum=1, maximum=MAX_DOTS_PER_PARTICIPANT)
        self.per_idea = QSpinBox(minimum=1, maximum=MAX_DOTS_PER_PARTICIPANT)
        rules = existing.rules if existing else None
        self.dots.setValue(rules.dots_per_participant if rules else default_dots)
        self.per_idea.setValue(
            rules.max_dots_per_idea if rules else min(default_per_idea, default_dots)
        )
        self.dots.valueChanged.connect(self._dots_changed)
        self.hide_tally = QCheckBox(self.tr("Hide the tally until the round is closed"))
        self.hide_tally.setChecked(rules.hide_tally if rules else True)
        self.allow_change = QCheckBox(
            self.tr("Voters may change their ballot until the round closes")
        )
        self.allow_change.setChecked(rules.allow_change if rules else True)
        self.require_checkin = QCheckBox(
            self.tr("Only participants checked in at the desk may vote")
        )
        self.require_checkin.setChecked(rules.require_checkin if rules else True)
        self.tie_rule = QComboBox()
        self.tie_rule.addItem(self.tr("Tied ideas share a rank"), "shared")
        self.tie_rule.addItem(self.tr("Tied ideas go to a runoff"), "runoff")
        self.tie_rule.setCurrentIndex(1 if rules and rules.tie_rule == "runoff" else 0)

        chosen = {f.field_id: f.budget for f in rules.fields} if rules else None
        box = QGroupBox(self.tr("Fields of action in this round"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Field")), 0, 0)
        grid.addWidget(QLabel(self.tr("Budget per person")), 0, 1)
        self._field_rows: list[tuple[FieldInfo, QCheckBox, QSpinBox]] = []
        for row, field in enumerate(fields, start=1):
            check = QCheckBox(field.name)
            check.setChecked(chosen is None or field.id in chosen)
            budget = QSpinBox(minimum=0, maximum=MAX_DOTS_PER_PARTICIPANT)
            budget.setSpecialValueText(self.tr("no limit"))
            budget.setValue((chosen or {}).get(field.id) or 0)
            budget.setToolTip(self.tr("At most this many of a person's dots may go to this field."))
            check.toggled.connect(budget.setEnabled)
            budget.setEnabled(check.isChecked())
            grid.addWidget(check, row, 0)
            grid.addWidget(budget, row, 1)
            self._field_rows.append((field, check, budget))

        ballot = QGroupBox(self.tr("On the ballot"))
        self.shortlist = QComboBox()
        if existing is not None and has_shortlist:
            self.shortlist.addItem(self.tr("The shortlist as it is"), KEEP)
        self.shortlist.addItem(self.tr("The N best supported ideas of each field"), TOP)
        self.shortlist.addItem(self.tr("The clusters of each field"), CLUSTERS)
        self.shortlist.addItem(
            self.tr("The %n idea(s) selected in the Ideas list", "", len(self._selected)),
            SELECTED,
        )
        self.shortlist.addItem(self.tr("Every active idea (no shortlist)"), ALL)
        if existing is not None and not has_shortlist:
            self.shortlist.setCurrentIndex(self.shortlist.findData(ALL))
        self.top = QSpinBox(minimum=1, maximum=50)
        self.top.setValue(5)
        self.top.setPrefix("N = ")
        self.top.setToolTip(
            self.tr(
                "Supported: each duplicate merged into an idea counts 2, each of its dots in the "
                "last closed round 1."
            )
        )
        self.preview_label = QLabel()
        self.preview_label.setObjectName("ballotPreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        ballot_form = QFormLayout(ballot)
        ballot_form.addRow(self.tr("Shortlist"), self.shortlist)
        ballot_form.addRow("", self.top)
        ballot_form.addRow(self.preview_label)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Dots per participant"), self.dots)
        form.addRow(self.tr("At most per idea"), self.per_idea)
        form.addRow(self.tr("Ties"), self.tie_rule)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(ballot)
        for check in (self.hide_tally, self.allow_change, self.require_checkin):
            layout.addWidget(check)
        layout.addWidget(buttons)
        self._dots_changed(self.dots.value())
        for signal in (
            self.shortlist.currentIndexChanged,
            self.top.valueChanged,
            self.per_idea.valueChanged,
        ):
            signal.connect(self.update_preview)
        for _field, check, budget in self._field_rows:
            check.toggled.connect(self.update_preview)
            budget.valueChanged.connect(self.update_preview)
        self.update_preview()

    def update_preview(self) -> None:
        """ "35 Karten, etwa 3 Bildschirme", and what would keep the round from opening."""
        self.top.setVisible(self.shortlist.currentData() == TOP)
        self._preview_generation += 1
        if self._preview is None or self._db is None or self.shortlist.currentData() == KEEP:
            self.preview_label.setText(
                self.tr("The shortlist stays as it is; the round's page shows it.")
                if self.shortlist.currentData() == KEEP
                else ""
            )
            return
        generation, choice, preview = self._preview_generation, self.choice(), self._preview
        if not self.preview_label.text():
            self.preview_label.setText(self.tr("Loading …"))
        ops.QueryOp(self, self._db, lambda s: preview(s, choice)).success(
            lambda shown: self._show_preview(generation, shown)
        ).failure(lambda sentence: self._preview_failed(generation, sentence)).run()

    def _preview_failed(self, generation: int, sentence: str) -> None:
        if generation == self._preview_generation:
            self.preview_label.setText(sentence)
            self.preview_shown.emit()

    def _show_preview(self, generation: int, shown: BallotPreview) -> None:
        if generation != self._preview_generation:
            return  # the moderator changed the choice meanwhile: a newer preview is coming
        lines = [
            self.tr("%n card(s)", "", shown.cards)
            + ", "
            + self.tr("about %n screen(s)", "", shown.screens)
        ]
        per_field = " · ".join(f"{f.name}: {len(f.cards)}" for f in shown.fields)
        if per_field:
            lines.append(per_field)
        lines += [translate_error(problem) for problem in shown.problems]
        self.preview_label.setText("\n".join(lines))
        self.preview = shown
        self.preview_shown.emit()

    def _dots_changed(self, dots: int) -> None:
        self.per_idea.setMaximum(dots)
        for _field, _check, budget in self._field_rows:
            budget.setMaximum(dots)

    def choice(self) -> RoundChoice:
        fields = [f.id for f, check, _ in self._field_rows if check.isChecked()]
        budgets: dict[uuid.UUID, int | None] = {
            f.id: (budget.value() or None)
            for f, check, budget in self._field_rows
            if check.isChecked()
        }
        return RoundChoice(
            title=self.title.text(),
            dots_per_participant=self.dots.value(),
            max_dots_per_idea=self.per_idea.value(),
            field_ids=fields,
            budgets=budgets,
            hide_tally=self.hide_tally.isChecked(),
            allow_change=self.allow_change.isChecked(),
            require_checkin=self.require_checkin.isChecked(),
            tie_rule=str(self.tie_rule.currentData()),
            shortlist=str(self.shortlist.currentData()),
            top=self.top.value(),
            idea_ids=list(self._selected),
        )


class PinDialog(QDialog):
    """A PIN typed on the keyboard or on a keypad big enough for a finger.

    With ``confirm``, the PIN is asked twice (setting a new one).  The dialog
    does not judge the PIN itself: ``pin_entered`` carries it to whoever does,
    who calls ``accept()`` or ``refuse(message)``.
    """

    pin_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, title: str, confirm: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._confirm = confirm
        # Between ``pin_entered`` and the answer (``accept`` or ``refuse``).
        self.waiting = False
        digits = QRegularExpressionValidator(r"\d{0,12}")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(digits)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setStyleSheet("font-size: 28px; min-height: 56px;")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setValidator(QRegularExpressionValidator(r"\d{0,12}"))
        self.again.setAccessibleName(self.tr("PIN again"))
        self.again.setPlaceholderText(self.tr("PIN again"))
        self.again.setStyleSheet("font-size: 28px; min-height: 56px;")
        self.again.setVisible(confirm)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828; font-size: 18px;")
        self.message.setWordWrap(True)
        pad = QGridLayout()
        for index, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            button = QPushButton(key)
            button.setFixedSize(88, 72)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("font-size: 26px;")
            # Enter in the PIN field submits the PIN; it must not press a keypad button.
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            pad.addWidget(button, index // 3, index % 3)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        prompt = QLabel(
            self.tr("Enter the new PIN twice (4 to 12 digits).")
            if confirm
            else self.tr("PIN of the team:")
        )
        prompt.setStyleSheet("font-size: 20px;")
        layout.addWidget(prompt)
        layout.addWidget(self.pin)
        layout.addWidget(self.again)
        layout.addWidget(self.message)
        layout.addLayout(pad)
        layout.addWidget(cancel)
        self.pin.returnPressed.connect(self._submit)
        self.again.returnPressed.connect(self._submit)
        self.pin.setFocus()

    def _target(self) -> QLineEdit:
        return self.again if self._confirm and self.again.hasFocus() else self.pin

    def _key(self, key: str) -> None:
        target = self._target()
        if key == "OK":
            self._submit()
        elif key == "⌫":
            target.backspace()
        else:
            target.insert(key)

    def _submit(self) -> None:
        if self.waiting:
            return  # the PIN is being checked: Enter pressed twice checks it once
        if self._confirm and self.pin.text() != self.again.text():
            self.refuse(self.tr("The two PINs differ."))
            return
        self.waiting = True
        self.pin_entered.emit(self.pin.text())

    def refuse(self, message: str) -> None:
        self.waiting = False
        self.message.setText(message)
        self.pin.clear()
        self.again.clear()
        self.pin.setFocus()
