"""The desk's dialogs: a walk-in, annulling a check-in.  Both work with the keyboard alone."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.services import registration
from smartdialog.core.services.registration import Consents, PersonRow, WalkIn
from smartdialog.ui import ops

DUPLICATE_CHECK_MS = 150


def enter_presses(box: QDialogButtonBox, button: QPushButton) -> None:
    """Make Enter anywhere in the dialog press ``button``; only Escape cancels.

    Left alone, a button box's buttons are all auto-default and Enter may
    press whichever one Qt picks (here: Cancel), losing what the clerk typed.
    """
    for other in box.buttons():
        if isinstance(other, QPushButton):
            other.setAutoDefault(False)
            other.setDefault(False)
    button.setDefault(True)


class WalkInDialog(QDialog):
    """Name, optional contact, consents, Enter: registered (and checked in, badge printed).

    When the person seems registered already, the dialog says so, and Enter
    then checks in the registered person (``use_existing``, Alt+E) instead of
    registering a duplicate; registering anyway takes Alt+R or a click.
    """

    duplicates_checked = Signal()  # the warning shows a fresh answer
    failed = Signal(str)  # the registration was refused (the sentence shown)

    def __init__(self, db: Database, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.person: PersonRow | None = None
        self.use_existing: PersonRow | None = None
        self._duplicates: list[PersonRow] = []
        self._seen: set[uuid.UUID] = set()
        self._duplicate_generation = 0
        self._saving = False
        self.setWindowTitle(self.tr("Register a walk-in"))
        self.setMinimumWidth(520)

        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.email = QLineEdit()
        self.organisation = QLineEdit()
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(5)
        self.postcode.setInputMask("")
        self.consent_data = QCheckBox(self.tr("&Agrees to the processing of their data (required)"))
        self.consent_photos = QCheckBox(self.tr("Photos may show them"))
        self.consent_contact = QCheckBox(self.tr("May be contacted about the results"))
        self.consent_attribution = QCheckBox(self.tr("May be named as the author of ideas"))
        self.check_in = QCheckBox(self.tr("Check in now"))
        self.check_in.setChecked(True)
        self.print_badge = QCheckBox(self.tr("Print badge"))
        self.print_badge.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("&First name"), self.first_name)
        form.addRow(self.tr("&Last name"), self.last_name)
        form.addRow(self.tr("E-&mail (optional)"), self.email)
        form.addRow(self.tr("&Organisation (optional)"), self.organisation)
        form.addRow(self.tr("&Postcode (optional)"), self.postcode)
        for box in (
            self.consent_data,
            self.consent_photos,
            self.consent_contact,
            self.consent_attribution,
        ):
            form.addRow("", box)
        form.addRow("", self.check_in)
        form.addRow("", self.print_badge)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("duplicateWarning")
        self.warning.setStyleSheet(
            "QLabel#duplicateWarning { background: #fff8e1; border: 2px solid #ffb300; padding: 8px; color: #212121; }"
        )
        self.warning.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        self.status = QLabel()
        self.status.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.register_button = QPushButton(self.tr("&Register"))
        self.register_button.setDefault(True)
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # The safe answer to the warning gets a row of its own, as wide as the dialog, so
        # that its long label is never cut off; while the warning shows it is the default.
        self.existing_button = QPushButton(self.tr("Check in the r&egistered person instead"))
        self.existing_button.setAutoDefault(False)
        self.existing_button.hide()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.existing_button.clicked.connect(self._take_existing)
        enter_presses(self.buttons, self.register_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.existing_button)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(DUPLICATE_CHECK_MS)
        self._check_timer.timeout.connect(self.check_duplicates)
        for edit in (self.first_name, self.last_name, self.email, self.postcode):
            edit.textChanged.connect(self._check_timer.start)
        self._prefill(name)

    def _prefill(self, name: str) -> None:
        """What the clerk typed into the search becomes the name ("Müller Hans" or "Hans Müller")."""
        words = name.split()
        if not words or any(c.isdigit() for c in name):
            self.first_name.setFocus()
            return
        if "," in name:
            last, _, first = name.partition(",")
            self.first_name.setText(first.strip())
            self.last_name.setText(last.strip())
        elif len(words) == 1:
            self.last_name.setText(words[0])
        else:
            self.first_name.setText(" ".join(words[:-1]))
            self.last_name.setText(words[-1])
        self.first_name.setFocus()

    def walk_in(self) -> WalkIn:
        return WalkIn(
            self.first_name.text(),
            self.last_name.text(),
            email=self.email.text(),
            organisation=self.organisation.text(),
            postcode=self.postcode.text(),
            consents=Consents(
                data=self.consent_data.isChecked(),
                photos=self.consent_photos.isChecked(),
                contact=self.consent_contact.isChecked(),
                attribution=self.consent_attribution.isChecked(),
            ),
        )

    def check_duplicates(self) -> None:
        """Look for the person among those registered, in the background (latest typing wins)."""
        self._check_timer.stop()
        self._duplicate_generation += 1
        generation = self._duplicate_generation
        first, last, email, postcode = (
            self.first_name.text(),
            self.last_name.text(),
            self.email.text(),
            self.postcode.text(),
        )
        ops.QueryOp(
            self,
            self.db,
            lambda s: registration.possible_duplicates(s, first, last, email, postcode),
        ).success(lambda found: self._duplicates_read(generation, found)).failure(
            lambda _sentence: None  # only a hint: registering checks again
        ).run()

    def _duplicates_read(self, generation: int, found: list[PersonRow]) -> None:
        if generation != self._duplicate_generation or self._saving:
            return  # typed on meanwhile, or Enter was pressed: a newer answer is coming
        self._show_duplicates(found)
        self.duplicates_checked.emit()

    def _show_duplicates(self, found: list[PersonRow]) -> None:
        self._duplicates = found
        if not found:
            self.warning.hide()
            self.existing_button.hide()
            self.existing_button.setDefault(False)
            self.register_button.setText(self.tr("&Register"))
            self.register_button.setDefault(True)
            return
        lines = []
        for person in found[:4]:
            state = self.tr("present") if person.present_since else self.tr("not checked in yet")
            details = ", ".join(
                p for p in (person.organisation, person.email, person.postcode) if p
            )
            lines.append(
                self.tr("{name} (ticket {number}{details}) – {state}").format(
                    name=person.display_name,
                    number=person.ticket_number,
                    details=f", {details}" if details else "",
                    state=state,
                )
            )
        self.warning.setText(
            self.tr("<b>This person may be registered already:</b><br>{people}").format(
                people="<br>".join(lines)
            )
        )
        self.warning.show()
        self.existing_button.show()
        self.register_button.setText(self.tr("&Register anyway"))
        # Enter now checks in the registered person: a duplicate takes a deliberate Alt+R.
        self.register_button.setDefault(False)
        self.existing_button.setDefault(True)

    def _take_existing(self) -> None:
        if self._duplicates and not self._saving:
            self.use_existing = self._duplicates[0]
            super().accept()

    def saving(self) -> bool:
        """The registration is on its way to the database; the dialog waits for the answer."""
        return self._saving

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for edit in (self.first_name, self.last_name, self.email, self.organisation, self.postcode):
            edit.setReadOnly(saving)
        for widget in (
            self.register_button,
            self.existing_button,
            self.consent_data,
            self.consent_photos,
            self.consent_contact,
            self.consent_attribution,
            self.check_in,
            self.print_badge,
        ):
            widget.setEnabled(not saving)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setEnabled(not saving)
        if saving:
            self.status.setText(self.tr("Registering …"))
        self.status.setVisible(saving)

    def accept(self) -> None:
        """Register: who may be the same person is checked again in the same transaction.

        Enter pressed twice registers once: the buttons wait for the answer.
        """
        if self._saving:
            return
        self.error.hide()
        self._check_timer.stop()
        walk_in, seen = self.walk_in(), frozenset(self._seen)

        def register(s: Session) -> tuple[list[PersonRow], PersonRow | None]:
            found = registration.possible_duplicates(
                s, walk_in.first_name, walk_in.last_name, walk_in.email, walk_in.postcode
            )
            if {p.participant_id for p in found} - seen:
                return found, None  # first show who may be the same person
            return found, registration.register_walk_in(s, walk_in)

        self._set_saving(True)
        ops.CollectionOp(self, self.db, register).success(self._registered).failure(
            self._not_registered
        ).run()

    def _registered(self, answer: tuple[list[PersonRow], PersonRow | None]) -> None:
        self._set_saving(False)
        found, person = answer
        if person is None:
            # "Register" shows the warning first; registering anyway takes a second, deliberate press.
            self._show_duplicates(found)
            self._seen |= {p.participant_id for p in found}
            self.existing_button.setFocus()
            self.duplicates_checked.emit()
            return
        self.person = person
        super().accept()

    def _not_registered(self, sentence: str) -> None:
        self._set_saving(False)
        self.error.setText(
            sentence
            + " "
            + self.tr(
                "Nothing was registered; your entries are kept. Press Enter to register the person again."
            )
        )
        self.error.show()
        self.register_button.setFocus()
        self.failed.emit(sentence)

    def reject(self) -> None:
        if not self._saving:  # the answer is on its way: Escape waits for it
            super().reject()


ANNUL_REASONS = (
    QT_TRANSLATE_NOOP("AnnulDialog", "Wrong person checked in"),
    QT_TRANSLATE_NOOP("AnnulDialog", "Checked in twice by mistake"),
    QT_TRANSLATE_NOOP("AnnulDialog", "Has left the event"),
)


class AnnulDialog(QDialog):
    """Why a check-in is annulled; the reason is required and kept with it."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annul check-in"))
        self.setMinimumWidth(460)
        question = QLabel(self.tr("Annul the check-in of <b>{who}</b>?").format(who=who))
        question.setWordWrap(True)
        font = QFont(question.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        question.setFont(font)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([self.tr(str(r)) for r in ANNUL_REASONS])
        self.reason.setCurrentIndex(0)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        hint = QLabel(self.tr("The check-in stays in the log, marked as annulled, on every desk."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Annul"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        enter_presses(buttons, ok)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def accept(self) -> None:
        if self.reason_text():
            super().accept()
