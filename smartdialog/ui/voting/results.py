"""The results of one voting round: a ranking overall or per field, ties, the tally's hash.

While an open round hides its tally, the ranking is hidden here too unless
the moderator peeks (the projector never shows it).
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.services import voting
from smartdialog.ui.voting.models import ResultsModel


def table_look(view: QTableView, stretch: int) -> None:
    """The voting page's tables: whole rows, wrapped text, column ``stretch`` takes the room."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class ResultsPanel(QWidget):
    """The Results tab of the voting page."""

    # After every showing (for tests and anyone waiting for fresh figures).
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: voting.RoundResults | None = None
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Ranking"))
        self.scope.currentIndexChanged.connect(lambda _i: self._show_ranking())
        self.results_model = ResultsModel(self)
        self.results_view = QTableView()
        self.results_view.setAccessibleName(self.tr("Results of the round"))
        self.results_view.setModel(self.results_model)
        table_look(self.results_view, ResultsModel.IDEA)
        self.ties_label = QLabel()
        self.ties_label.setWordWrap(True)
        self.hash_label = QLabel()
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setWordWrap(True)
        self.hidden_label = QLabel()
        self.hidden_label.setWordWrap(True)
        self.hidden_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hidden_label.setStyleSheet("font-size: 18px; color: #455a64;")
        self.peek = QCheckBox(self.tr("Show the interim count here (not on the projector)"))
        self.peek.toggled.connect(lambda _on: self.show_results(self._results))
        ranking_page = QWidget()
        ranking_layout = QVBoxLayout(ranking_page)
        ranking_layout.setContentsMargins(0, 0, 0, 0)
        ranking_layout.addWidget(self.results_view, 1)
        ranking_layout.addWidget(self.ties_label)
        ranking_layout.addWidget(self.hash_label)
        hidden_page = QWidget()
        hidden_layout = QVBoxLayout(hidden_page)
        hidden_layout.addStretch(1)
        hidden_layout.addWidget(self.hidden_label)
        hidden_layout.addStretch(2)
        self.results_stack = QStackedWidget()
        self.results_stack.addWidget(ranking_page)
        self.results_stack.addWidget(hidden_page)
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel(self.tr("Ranking:")))
        scope_row.addWidget(self.scope, 1)
        scope_row.addWidget(self.peek)
        results_layout = QVBoxLayout(self)
        results_layout.addLayout(scope_row)
        results_layout.addWidget(self.results_stack, 1)

    def clear(self) -> None:
        """No round chosen: an empty ranking (and nothing to show again on a new scope)."""
        self._results = None
        self.results_model.set_results([], {})

    def show_results(self, results: voting.RoundResults | None) -> None:
        self._results = results
        if results is None:
            self.results_model.set_results([], {})
            self.ties_label.clear()
            self.hash_label.clear()
            self.shown.emit()
            return
        info = results.round
        loc = QLocale()
        hidden = info.is_open and info.rules.hide_tally and not self.peek.isChecked()
        self.peek.setVisible(info.is_open and info.rules.hide_tally)
        self.hidden_label.setText(
            self.tr("The tally of this round is hidden until the round is closed.")
        )
        self.results_stack.setCurrentIndex(1 if hidden else 0)
        scope = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("Overall"), "overall")
        for f in results.fields:
            self.scope.addItem(f.name, str(f.field_id))
        index = self.scope.findData(scope)
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)
        self._show_ranking()
        if results.tally_sha256:
            self.hash_label.setText(
                self.tr("Closed {when}. SHA-256 of the tally: {sha}").format(
                    when=loc.toString(
                        QDateTime.fromSecsSinceEpoch(int(info.closed_at.timestamp())),
                        QLocale.FormatType.ShortFormat,
                    )
                    if info.closed_at
                    else "",
                    sha=results.tally_sha256,
                )
                + (
                    "\n"
                    + self.tr(
                        "Warning: the dots in the file no longer match this hash; they were changed after closing."
                    )
                    if results.tally_intact is False
                    else ""
                )
            )
        else:
            self.hash_label.setText(self.tr("Interim count: the round is still open."))
        self.shown.emit()

    def _show_ranking(self) -> None:
        results = self._results
        if results is None:
            return
        scope = self.scope.currentData()
        colours = {f.field_id: f.colour for f in results.fields}
        field = next((f for f in results.fields if str(f.field_id) == scope), None)
        rows = field.ideas if field is not None else results.overall
        self.results_model.set_results(rows, colours)
        # Within one field the field column would say the same in every row.
        self.results_view.setColumnHidden(ResultsModel.FIELD, field is not None)
        # The table marks every tie; the line below names the best tied group and counts the rest.
        ranks = sorted({i.rank for i in rows if i.tied})
        if ranks:
            best = [f"„{i.text}“" for i in rows if i.tied and i.rank == ranks[0]]
            text = self.tr("Tie at rank {rank}: {ideas}.").format(
                rank=ranks[0], ideas=", ".join(best)
            )
            if len(ranks) > 1:
                text += " " + self.tr("%n more tie(s), marked in the table.", "", len(ranks) - 1)
            self.ties_label.setText(text)
        else:
            self.ties_label.clear()
