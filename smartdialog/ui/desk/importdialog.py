"""Importing registrations: preview with the columns mapped, then the report of what happened.

Reading, checking and writing run in a worker thread (10,000 rows take a
moment); the dialog stays responsive and shows what it is doing.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core import spreadsheet
from smartdialog.core.db import Database
from smartdialog.core.services import importer
from smartdialog.core.services.importer import ImportPlan, ImportReport, Rejection, Table
from smartdialog.ui import ops, worker
from smartdialog.ui.desk.dialogs import enter_presses
from smartdialog.ui.messages import translate_error

PREVIEW_ROWS = 30


def field_label(name: str) -> str:
    return QCoreApplication.translate("importer", importer.FIELD_LABELS[name])


def problem_text(rejection: Rejection) -> str:
    return translate_error(rejection.problem)


def _read(_progress: worker.Progress, path: Path) -> Table:
    return importer.read_table(path)


class ImportDialog(QDialog):
    """Choose the columns, see what will happen, import, read the report."""

    planned = Signal()  # the preview of what the import will do is on show
    import_failed = Signal(str)

    def __init__(self, db: Database, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.path = path
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self._plan_token = 0
        self._tasks: list[Any] = []
        self.setWindowTitle(self.tr("Import registrations – {name}").format(name=path.name))
        self.resize(980, 680)

        self.status = QLabel(self.tr("Reading {name} …").format(name=path.name))
        self.status.setWordWrap(True)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        # Consent columns the mapping does not understand, and the rule for data processing.
        self.consent_note = QLabel()
        self.consent_note.setWordWrap(True)
        self.consent_note.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 2)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Not imported, or to check")]
        )
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("&Save report …"))
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.hide()  # until there is a report to save
        enter_presses(self.buttons, self.import_button)
        self.import_button.clicked.connect(self.start_import)
        self.save_button.clicked.connect(self.save_report)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Which column holds what (first rows of the file):")))
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.consent_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.buttons)
        self._tasks.append(
            worker.start(_read, path, on_done=self._read_done, on_error=self._failed)
        )

    # -- steps ------------------------------------------------------------------------------

    def _read_done(self, table: Table) -> None:
        self.table = table
        kind = (
            "Excel"
            if table.kind == "xlsx"
            else f"CSV ({table.encoding}, „{table.delimiter}“)".replace("\t", "Tab")
        )
        self.status.setText(
            self.tr(
                "{name}: {rows} rows, {kind}. Check the columns, then press Enter to import."
            ).format(name=self.path.name, rows=len(table.rows), kind=kind)
        )
        mapping = importer.auto_mapping(table.headers)
        columns = len(table.headers)
        self.preview.clear()
        self.preview.setColumnCount(columns)
        self.preview.setRowCount(1 + min(PREVIEW_ROWS, len(table.rows)))
        self.preview.setHorizontalHeaderLabels(table.headers)
        self.combos: list[QComboBox] = []
        for column in range(columns):
            combo = QComboBox()
            for name in ("", *importer.FIELDS):
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column, ""))))
            combo.currentIndexChanged.connect(self.replan)
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for row, (_number, cells) in enumerate(table.rows[:PREVIEW_ROWS], start=1):
            for column in range(columns):
                text = cells[column] if column < len(cells) else ""
                self.preview.setItem(row, column, QTableWidgetItem(text[:200]))
        self.preview.resizeColumnsToContents()
        for column in range(columns):
            self.preview.setColumnWidth(
                column, min(max(self.preview.columnWidth(column), 150), 320)
            )
        self.replan()

    def mapping(self) -> dict[int, str]:
        return {
            i: str(combo.currentData())
            for i, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def replan(self) -> None:
        if self.table is None:
            return
        self._plan_token += 1
        token = self._plan_token
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking the rows …"))
        table, mapping = self.table, self.mapping()
        ops.QueryOp(self, self.db, lambda s: importer.plan_import(s, table, mapping)).success(
            lambda plan: self._plan_done(token, plan)
        ).failure(lambda sentence: self._plan_failed(token, sentence)).run()

    def _plan_done(self, token: int, plan: ImportPlan) -> None:
        if token != self._plan_token:
            return  # the clerk changed the mapping meanwhile
        self.plan = plan
        self._show_consent_note(plan.unclear_consents, plan.without_data_consent)
        self.summary.setText(
            self.tr(
                "<b>{new}</b> new, <b>{updates}</b> to update, {unchanged} unchanged, "
                "<b>{rejected}</b> rejected, <b>{duplicates}</b> duplicates in the file, "
                "<b>{flagged}</b> to check."
            ).format(
                new=len(plan.new),
                updates=len(plan.updates),
                unchanged=len(plan.unchanged),
                rejected=len(plan.rejected),
                duplicates=len(plan.duplicates),
                flagged=len(plan.flagged),
            )
        )
        self._show_problems(plan.problems, plan.flagged)
        self.import_button.setEnabled(bool(plan.new or plan.updates))
        self.planned.emit()

    def _show_consent_note(self, unclear: list[str], without_data_consent: bool) -> None:
        """Say which consent columns nobody understood, and what happens without consent."""
        lines = []
        if unclear:
            lines.append(
                self.tr(
                    "<b>Not understood:</b> for {columns} it is not clear what the consent is "
                    "for. Choose the purpose above the column, or leave it ignored: no consent "
                    "is taken from it."
                ).format(columns=", ".join(f"„{html.escape(c)}“" for c in unclear))
            )
        if without_data_consent:
            lines.append(
                self.tr(
                    "No column holds the consent to data processing: none will be recorded. "
                    "Ask for it at the desk."
                )
            )
        else:
            lines.append(
                self.tr(
                    "Rule: a person without consent to data processing in the file is not "
                    "imported (listed below)."
                )
            )
        self.consent_note.setText("<br>".join(lines))
        self.consent_note.setStyleSheet(
            "background:#fff8e1; padding:6px; border-radius:4px;" if unclear else ""
        )
        for column, header in enumerate(self.table.headers if self.table else []):
            item = self.preview.horizontalHeaderItem(column)
            if item is None:
                continue
            if header in unclear:
                item.setBackground(QColor("#ffe082"))
                item.setToolTip(self.tr("Not understood: choose its purpose"))
            else:  # the style's own header colour again (an invalid QColor paints black)
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
                item.setToolTip("")

    def _plan_failed(self, token: int, sentence: str) -> None:
        if token != self._plan_token:
            return
        self.plan = None
        self.summary.setText(f"<span style='color:#c62828'><b>{html.escape(sentence)}</b></span>")
        self._show_problems([])

    def _show_problems(
        self, problems: list[Rejection], flagged: list[Rejection] | None = None
    ) -> None:
        """Rows not imported, and (in amber) rows imported that someone should look at."""
        entries = sorted(
            [(r, False) for r in problems] + [(r, True) for r in flagged or []],
            key=lambda e: e[0].row,
        )
        self.problems.setRowCount(len(entries))
        for row, (rejection, is_flag) in enumerate(entries):
            number = QTableWidgetItem()
            number.setData(Qt.ItemDataRole.DisplayRole, rejection.row)
            text = QTableWidgetItem(problem_text(rejection))
            if is_flag:
                for item in (number, text):
                    item.setBackground(QColor("#fff8e1"))
            self.problems.setItem(row, 0, number)
            self.problems.setItem(row, 1, text)

    def start_import(self) -> None:
        if self.report is not None:
            self.accept()
            return
        if self.plan is None:
            return
        self.import_button.setEnabled(False)
        for combo in self.combos:
            combo.setEnabled(False)
        self.summary.setText(self.tr("Importing …"))
        plan, name = self.plan, self.path.name
        # On the writer thread, after whatever this laptop started writing before.
        ops.CollectionOp(
            self, self.db, lambda s: importer.apply_import(s, plan, source_name=name)
        ).success(self._import_done).failure(self._import_failed).run()

    def _import_done(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setText(
            self.tr(
                "Done: <b>{imported}</b> imported, <b>{updated}</b> updated, {unchanged} unchanged, "
                "<b>{rejected}</b> not imported (listed below)."
            ).format(
                imported=report.imported,
                updated=report.updated,
                unchanged=report.unchanged,
                rejected=len(report.rejected),
            )
        )
        self._show_problems(report.rejected, report.flagged)
        self._show_consent_note(report.unclear_consents, report.without_data_consent)
        self.import_button.setText(self.tr("&Close"))
        self.import_button.setEnabled(True)
        self.save_button.setVisible(bool(report.rejected or report.flagged))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(
            f"<span style='color:#c62828'><b>{html.escape(translate_error(exc))}</b></span>"
        )
        self.summary.clear()
        self.import_button.setEnabled(False)

    def _import_failed(self, sentence: str) -> None:
        """Nothing was imported (one transaction): the clerk may try again."""
        self.summary.setText(f"<span style='color:#c62828'><b>{html.escape(sentence)}</b></span>")
        for combo in self.combos:
            combo.setEnabled(True)
        self.import_button.setEnabled(self.plan is not None)
        self.import_failed.emit(sentence)

    def save_report(self) -> None:
        if self.report is None:
            return
        suggested = str(self.path.with_name(f"{self.path.stem}-abgelehnt.csv"))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), suggested, self.tr("CSV files (*.csv)")
        )
        if target:
            self.write_report(Path(target))

    def write_report(self, target: Path) -> None:
        assert self.report is not None
        # Excel in Germany opens semicolon-separated UTF-8 with a byte-order mark correctly.
        with target.open("w", encoding="utf-8-sig", newline="") as f:
            out = spreadsheet.writer(f, delimiter=";")
            out.writerow([self.tr("Row"), self.tr("Not imported, or to check")])
            for header in self.report.unclear_consents:
                out.writerow(
                    [
                        "",
                        self.tr(
                            "The column “{column}” asks for a consent but does not say for "
                            "what; no consent was taken from it."
                        ).format(column=header),
                    ]
                )
            for rejection in sorted(
                [*self.report.rejected, *self.report.flagged], key=lambda r: r.row
            ):
                out.writerow([rejection.row, problem_text(rejection)])
