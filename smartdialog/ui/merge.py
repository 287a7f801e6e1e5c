"""File › Merge events…: bring the laptops' copies of the event together, and decide what is left.

The merge runs in the worker pool (ui.ops); the window shows the same
report as ``smartdialog merge`` prints, and a pair of buttons for every case
the moderator has to decide.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core import clock
from smartdialog.core.services import merge
from smartdialog.core.targets import EVENT_FILE_SUFFIX
from smartdialog.ui import ops
from smartdialog.ui.messages import translate_error

if TYPE_CHECKING:
    from smartdialog.core.db import Database

log = logging.getLogger("smartdialog.ui.merge")


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _run_merge(progress: Any, db: Database, sources: list[str]) -> merge.MergeReport:
    return merge.merge(db, sources, progress=progress)


class MergeDialog(QDialog):
    """Choose the laptops' files, merge them, read the report, decide the open cases."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.sources: list[str] = []
        self.report: merge.MergeReport | None = None
        self.setWindowTitle(self.tr("Merge events"))
        self.setObjectName("mergeDialog")
        layout = QVBoxLayout(self)
        self.intro = intro = QLabel(
            self.tr(
                "Bring the copies of this event that laptops worked on without a network into "
                "“{event}”. The copies are only read, never changed. Merging the same copy twice "
                "changes nothing."
            ).format(event=db.display_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.source_list = QListWidget()
        self.source_list.setObjectName("mergeSources")
        self.source_list.setAccessibleName(self.tr("Event files to merge"))
        self.source_list.setMaximumHeight(90)
        row.addWidget(self.source_list, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.add_button.setObjectName("mergeAddFiles")
        self.add_button.clicked.connect(self.choose_files)
        self.merge_button = QPushButton(self.tr("&Merge"))
        self.merge_button.setObjectName("mergeRun")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.start_merge)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row)

        self.progress = QProgressBar()
        self.progress.setObjectName("mergeProgress")
        self.progress.setAccessibleName(self.tr("Progress of the merge"))
        self.progress.hide()
        layout.addWidget(self.progress)

        self.report_view = QTextBrowser()
        self.report_view.setObjectName("mergeReport")
        self.report_view.setAccessibleName(self.tr("Merge report"))
        layout.addWidget(self.report_view, 3)

        self.cases_box = QScrollArea()
        self.cases_box.setObjectName("mergeCases")
        self.cases_box.setWidgetResizable(True)
        self.cases_box.hide()
        layout.addWidget(self.cases_box, 2)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(900, 640)
        self.refresh_cases()

    # -- choosing and merging --------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the laptops' event files"),
            str(self.db.path.parent) if self.db.path else "",
            self.tr("Event files (*{suffix})").format(suffix=EVENT_FILE_SUFFIX),
        )
        self.add_sources(files)

    def add_sources(self, files: list[str]) -> None:
        for name in files:
            if name not in self.sources:
                self.sources.append(name)
                self.source_list.addItem(Path(name).name)
        self.merge_button.setEnabled(bool(self.sources))

    def start_merge(self) -> None:
        if not self.sources:
            return
        self.merge_button.setEnabled(False)
        self.add_button.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, 0)
        self.report_view.setPlainText(self.tr("Merging…"))
        # Long (many files, many rows) and of its own transactions: not on the writer
        # thread, where it would hold the desk's scans until it is done (as before).
        ops.start(
            _run_merge,
            self.db,
            list(self.sources),
            on_done=self._merged,
            on_error=lambda exc: self._failed(translate_error(exc)),
            on_progress=self._progressed,
            parent=self,
        )

    def show_report(self, report: merge.MergeReport, intro: str) -> None:
        """A merge made elsewhere (a laptop back online): its report and the cases to decide."""
        self.intro.setText(intro)
        for widget in (self.source_list, self.add_button, self.merge_button):
            widget.hide()
        self._merged(report)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _merged(self, report: merge.MergeReport) -> None:
        self.report = report
        self.progress.hide()
        self.add_button.setEnabled(True)
        self.sources.clear()
        self.source_list.clear()
        self.report_view.setPlainText("\n".join(merge.report_lines(report, _translate)))
        self.refresh_cases()

    def _failed(self, sentence: str) -> None:
        self.progress.hide()
        self.add_button.setEnabled(True)
        self.merge_button.setEnabled(bool(self.sources))
        self.cases_box.setEnabled(True)
        self.report_view.setPlainText(sentence)

    # -- the moderator's cases --------------------------------------------------------------

    def refresh_cases(self) -> None:
        ops.QueryOp(self, self.db, lambda s: merge.list_cases(s, open_only=True)).success(
            self._show_cases
        ).failure(self._failed).run()

    def _show_cases(self, cases: list[merge.CaseInfo]) -> None:
        self.cases = cases
        self.cases_box.setEnabled(True)
        if not cases:
            self.cases_box.hide()
            return
        inner = QWidget()
        column = QVBoxLayout(inner)
        heading = QLabel(
            self.tr(
                "Still to decide: until then the rounds concerned are provisional and cannot be "
                "closed. Every version stays kept in the event file."
            )
        )
        heading.setWordWrap(True)
        column.addWidget(heading)
        for case in cases:
            column.addWidget(self._case_box(case))
        column.addStretch(1)
        self.cases_box.setWidget(inner)
        self.cases_box.show()

    def _case_box(self, case: merge.CaseInfo) -> QGroupBox:
        if case.kind == "ballot":
            title = self.tr("Round {round}: {subject} voted at two stations").format(
                round=case.round_number, subject=case.subject
            )
        else:
            title = self.tr("Round {round}: paper count of “{subject}” entered twice").format(
                round=case.round_number, subject=case.subject
            )
        box = QGroupBox(title)
        box.setObjectName(f"mergeCase-{case.short}")
        row = QHBoxLayout(box)
        for c in case.candidates:
            part = QVBoxLayout()
            when = clock.hh_mm(c.at) if c.at else ""
            lines = [
                self.tr("Version {letter}: {device}, {when} – {total} dots").format(
                    letter=c.letter, device=c.device or "?", when=when, total=c.total
                )
            ]
            if case.kind == "ballot":
                lines += [f"  {text} ×{n}" for text, n in c.dots]
            if c.in_effect:
                lines.append(self.tr("(counts for now)"))
            label = QLabel("\n".join(lines))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            part.addWidget(label)
            button = QPushButton(self.tr("Keep version {letter}").format(letter=c.letter))
            button.setObjectName(f"mergeKeep-{case.short}-{c.letter}")
            button.clicked.connect(
                lambda _=False, cid=case.id, letter=c.letter: self.decide(cid, letter)
            )
            part.addWidget(button)
            part.addStretch(1)
            row.addLayout(part, 1)
        return box

    def decide(self, case_id: Any, letter: str) -> None:
        # The cases wait until the decision is answered: a second click decides nothing twice.
        self.cases_box.setEnabled(False)
        by = self.db.device.name
        ops.CollectionOp(self, self.db, lambda s: merge.decide(s, case_id, letter, by=by)).success(
            lambda _r: self.refresh_cases()
        ).failure(self._failed).run()
