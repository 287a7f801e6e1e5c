"""Roles in the window: the lock page of a workspace this laptop's role may not use,
the dialog that switches the role with a PIN, and the dialog that changes a PIN.

Locked workspaces stay in the navigation (with a lock), so that everybody sees
what exists and who may open it; opening one shows the lock page instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
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

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from smartdialog.core.db import Database

# The window builds the lock page before any event is open: the core (and SQLAlchemy
# with it) is imported only when a role is named (start-up time).


def role_name(role: str) -> str:
    from smartdialog.core.services import roles

    return QCoreApplication.translate("roles", roles.ROLE_NAMES.get(role, role))


def role_names(area: str) -> str:
    from smartdialog.core.services import roles

    return ", ".join(role_name(r) for r in roles.roles_for(area))


def _pin_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}")))
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    field.setStyleSheet("font-size: 20px; min-height: 36px;")
    return field


class LockPage(QWidget):
    """Shown in place of a workspace this laptop's role may not use."""

    switch_requested = Signal(str)  # the area the user wanted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from smartdialog.ui.fonts import install_emoji_font

        install_emoji_font()  # the lock, on a laptop without an emoji font of its own
        self._area = ""
        self.setObjectName("lockPage")
        self.icon = QLabel("🔒")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setStyleSheet("font-size: 64px;")
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.text = QLabel()
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        # A fixed width lets the layout give the wrapped text the height it needs.
        self.text.setFixedWidth(640)
        self.text.setStyleSheet("font-size: 16px;")
        self.button = QPushButton(self.tr("Switch role…"))
        self.button.setStyleSheet("font-size: 16px; padding: 8px 24px;")
        self.button.clicked.connect(lambda: self.switch_requested.emit(self._area))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def show_for(self, title: str, area: str, role: str) -> None:
        self._area = area
        self.title.setText(
            self.tr("“{workspace}” stays locked on this laptop").format(workspace=title)
        )
        self.text.setText(
            self.tr(
                "This laptop is set to the role “{role}”. “{workspace}” is for: {allowed}. "
                "To open it here, switch the role with the PIN of one of these roles."
            ).format(role=role_name(role), workspace=title, allowed=role_names(area))
        )
        # The stacked widget does not ask a wrapped label for its height: say it here.
        self.text.setMinimumHeight(self.text.heightForWidth(self.text.width()))


class RoleDialog(QDialog):
    """Switch this laptop to another role: that role's PIN or the Verwaltung PIN.

    The PIN is checked in the background (ui.ops); OK waits for the answer.
    """

    # The PIN was checked (accepted or refused).
    answered = Signal()

    def __init__(self, db: Database, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.chosen_role = current
        self.setWindowTitle(self.tr("Role of this laptop"))
        self.setModal(True)
        from smartdialog.core.services import roles

        self.role = QComboBox()
        for role in roles.ROLES:
            self.role.addItem(role_name(role), role)
        self.pin = _pin_field(self.tr("PIN"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        hint = QLabel(
            self.tr(
                "Reception: the desk. Moderation: ideas, live wall, voting and paper counts. "
                "Administration: everything, including setup, privacy, the final minutes and PINs. "
                "Enter the PIN of the chosen role or the PIN of Administration."
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.pin.setFocus()

    def select(self, role: str) -> None:
        self.role.setCurrentIndex(max(self.role.findData(role), 0))

    def try_accept(self) -> None:
        from smartdialog.core.services import roles
        from smartdialog.ui import ops

        if not self.ok_button.isEnabled():
            return  # the PIN typed before is still being checked
        role, pin = str(self.role.currentData()), self.pin.text()
        self.ok_button.setEnabled(False)
        ops.QueryOp(self, self.db, lambda s: roles.unlocks(s, role, pin)).success(
            lambda ok: self._checked(role, ok)
        ).failure(self._refused).run()

    def _refused(self, sentence: str) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(sentence)
        self.answered.emit()

    def _checked(self, role: str, ok: bool) -> None:
        from smartdialog.core.services import roles

        self.ok_button.setEnabled(True)
        self.answered.emit()
        if not ok:
            self.message.setText(
                self.tr("Wrong PIN. Enter the PIN of Administration.")
                if role == roles.OFFICE
                else self.tr("Wrong PIN. Enter the PIN of “{role}” or of Administration.").format(
                    role=role_name(role)
                )
            )
            self.pin.clear()
            self.pin.setFocus()
            return
        self.chosen_role = role
        self.accept()


class PinChangeDialog(QDialog):
    """A new PIN, typed twice, authorised with the Verwaltung PIN (or the old one)."""

    # The new PIN was answered (saved or refused), when it is saved in the background.
    answered = Signal()

    def __init__(
        self,
        title: str,
        apply: Callable[[str, str], None] | None,
        *,
        needs_authorisation: bool = True,
        authorisation_label: str | None = None,
        parent: QWidget | None = None,
        db: Database | None = None,
        write: Callable[[Session, str, str], None] | None = None,
    ) -> None:
        """``apply(new, authorisation)`` saves at once; or, with ``db``, ``write(session,
        new, authorisation)`` saves on the writer thread (ui.ops) while OK waits."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._apply = apply
        self._db = db
        self._write = write
        label = authorisation_label or self.tr("PIN of Administration")
        self.authorisation = _pin_field(label)
        self.authorisation.setVisible(needs_authorisation)
        self.new = _pin_field(self.tr("New PIN"))
        self.again = _pin_field(self.tr("New PIN again"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        if needs_authorisation:
            form.addRow(label, self.authorisation)
        form.addRow(self.tr("New PIN (4 to 12 digits)"), self.new)
        form.addRow(self.tr("New PIN again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _check(self) -> None:
        from smartdialog.ui.messages import translate_error

        if self.new.text() != self.again.text():
            self.refuse(self.tr("The two new PINs differ."))
            return
        if self._db is not None and self._write is not None:
            self._write_in_background(self._db, self._write)
            return
        assert self._apply is not None
        try:
            self._apply(self.new.text(), self.authorisation.text())
        except Exception as exc:
            self.refuse(translate_error(exc))
            return
        self.accept()

    def _write_in_background(
        self, db: Database, write: Callable[[Session, str, str], None]
    ) -> None:
        from smartdialog.ui import ops

        if not self.ok_button.isEnabled():
            return  # the first OK is still on its way
        new, authorisation = self.new.text(), self.authorisation.text()
        self.ok_button.setEnabled(False)

        def saved(_result: object) -> None:
            self.ok_button.setEnabled(True)
            self.answered.emit()
            self.accept()

        def refused(sentence: str) -> None:
            self.ok_button.setEnabled(True)
            self.refuse(sentence)
            self.answered.emit()

        ops.CollectionOp(self, db, lambda s: write(s, new, authorisation)).success(saved).failure(
            refused
        ).run()

    def refuse(self, text: str) -> None:
        self.message.setText(text)
