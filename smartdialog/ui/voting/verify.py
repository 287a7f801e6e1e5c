"""Checking the open event against the tally hash somebody wrote down on the day."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.db import Database
from smartdialog.core.services import verification
from smartdialog.ui import ops

OK_STYLE = "background: #e8f5e9; color: #1b5e20; border: 2px solid #2e7d32;"
BAD_STYLE = "background: #ffebee; color: #b71c1c; border: 2px solid #c62828;"


class VerifyDialog(QDialog):
    """Round number and the written hash in; a verdict in words and colour out."""

    checked = Signal(bool)  # a verdict is on show (True: it matches)

    def __init__(self, db: Database, round_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._generation = 0
        self.setWindowTitle(self.tr("Check the tally hash"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "Enter the hash as it was written down when the round closed (on the signed "
                "voting protocol, from the wall or the minutes). Spaces and upper or lower case "
                "do not matter."
            )
        )
        intro.setWordWrap(True)
        self.round = QSpinBox()
        self.round.setRange(1, 999)
        self.round.setValue(max(round_number, 1))
        self.written = QLineEdit()
        self.written.setPlaceholderText("6452 294c fe61 …")
        self.written.setStyleSheet("font-family: monospace; font-size: 15px;")
        self.written.returnPressed.connect(self.check)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setMinimumHeight(72)
        self.verdict.hide()
        form = QFormLayout()
        form.addRow(self.tr("Round"), self.round)
        form.addRow(self.tr("Written hash"), self.written)
        check = QPushButton(self.tr("Check"))
        check.setDefault(True)
        check.clicked.connect(self.check)
        self.check_button = check
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(check, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        self.setMinimumWidth(860)

    def check(self) -> None:
        """Verify in the background; the latest check wins, one at a time per press."""
        self._generation += 1
        generation, number, written = self._generation, self.round.value(), self.written.text()
        self.check_button.setEnabled(False)
        self.verdict.setStyleSheet("padding: 10px; font-size: 15px;")
        self.verdict.setText(self.tr("Checking …"))
        self.verdict.show()
        ops.QueryOp(self, self.db, lambda s: verification.verify_round(s, number, written)).success(
            lambda verdict: self._checked(generation, verdict)
        ).failure(lambda sentence: self._answered(generation, sentence, ok=False)).run()

    def _checked(self, generation: int, verdict: verification.Verdict) -> None:
        self._answered(generation, "\n".join(self.lines(verdict)), ok=verdict.ok)

    def _answered(self, generation: int, text: str, *, ok: bool) -> None:
        if generation != self._generation:
            return  # a newer check is on its way
        self.check_button.setEnabled(True)
        self._show(text, ok=ok)
        self.checked.emit(ok)

    def lines(self, verdict: verification.Verdict) -> list[str]:
        if verdict.ok:
            return [
                self.tr(
                    "✔ Matches: round {number} of this file gives exactly the written hash, "
                    "and the audit log is unbroken."
                ).format(number=verdict.round_number)
            ]
        lines = []
        if not verdict.tally_matches:
            lines.append(
                self.tr(
                    "✘ Does not match: the votes of round {number} in this file do not give the "
                    "written hash. The file was changed after the round closed, or the hash was "
                    "copied wrongly — compare it character by character."
                ).format(number=verdict.round_number)
            )
        elif not verdict.stored_matches:
            lines.append(
                self.tr(
                    "✘ The votes match the written hash, but the hash stored in the file was changed."
                )
            )
        if not verdict.chain.intact:
            lines.append(
                self.tr(
                    "✘ The audit log was edited: entry {seq} ({action}) is the first that no "
                    "longer fits its chain."
                ).format(
                    seq=verdict.chain.first_broken_seq, action=verdict.chain.first_broken_action
                )
            )
        return lines

    def _show(self, text: str, *, ok: bool) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(
            (OK_STYLE if ok else BAD_STYLE) + " padding: 10px; font-size: 15px; border-radius: 4px;"
        )
        self.verdict.show()
        self.verdict.setMinimumHeight(self.verdict.heightForWidth(self.verdict.width()) + 24)
        self.adjustSize()
