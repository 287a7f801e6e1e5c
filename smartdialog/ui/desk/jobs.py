"""The desk's print jobs: one badge to the printer, every ticket into PDF files.

The words on paper are in the interface's language; the tickets are written
in a worker thread behind a progress dialog, so the desk keeps checking in.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.services import badges
from smartdialog.core.services.badges import PrintTexts
from smartdialog.core.text import full_name
from smartdialog.ui import ops
from smartdialog.ui.desk import printing
from smartdialog.ui.desk.options import DeskOptions
from smartdialog.ui.messages import show_error, translate_error


class PrintJobs(QObject):
    """Badges and tickets of the desk page ``page`` (the parent of its dialogs)."""

    tickets_written = Signal(object)  # Path
    badge_printed = Signal(object)  # uuid.UUID
    status_message = Signal(str)

    def __init__(self, page: QWidget, settings: QSettings, options: DeskOptions) -> None:
        super().__init__(page)
        self.page = page
        self.settings = settings
        self.options = options
        self.db: Database | None = None
        # Badges under way (read, printed, recorded), and whether tickets are being written.
        self._badges: set[uuid.UUID] = set()
        self._tickets_busy = False
        # Replaceable for tests: returns the printer to use, or None when cancelled.
        self.choose_printer: Callable[[badges.Drawing], QPrinter | None] = self._choose_printer

    def print_texts(self) -> PrintTexts:
        """The printed words in the interface's language (German by default)."""
        locale = self.page.locale()
        return PrintTexts(
            ticket=self.tr("Ticket"),
            ticket_number=self.tr("Ticket no. {number}"),
            show_at_desk=self.tr(
                "Please show this QR code at the registration desk – printed or on your phone."
            ),
            personal_note=self.tr("The code holds no personal data."),
            weekdays=tuple(locale.dayName(day) for day in range(1, 8)),
            months=tuple(locale.monthName(month) for month in range(1, 13)),
            date_format=self.tr("{weekday}, {month} {day}, {year}, {time}"),
            mail_list=self.tr("mailing-list.csv"),
            mail_list_header=(
                self.tr("E-mail"),
                self.tr("File"),
                self.tr("First name"),
                self.tr("Last name"),
                self.tr("Ticket no."),
            ),
            ticket_file=self.tr("Ticket-{number:04d}-{name}.pdf"),
        )

    # -- a badge --------------------------------------------------------------------------------

    def print_badge(self, participant_id: uuid.UUID) -> bool:
        """Print this person's badge in the chosen layout; say why when it cannot be.

        The person is read and the print recorded in the background; the printer is
        chosen and fed here.  A second press for the same person while the first is
        under way prints nothing more.  True when printing has started.
        """
        if self.db is None or participant_id in self._badges:
            return False
        layout = self.options.badge_layout()
        texts = self.print_texts()

        def read(s: Session) -> tuple[list[badges.Person], badges.EventHeader]:
            return badges.people_to_print(s, [participant_id]), badges.event_header(s, texts)

        self._badges.add(participant_id)
        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._print_badge(participant_id, layout, texts, *answer)
        ).failure(lambda sentence: self._badge_failed(participant_id, sentence)).run()
        return True

    def _print_badge(
        self,
        participant_id: uuid.UUID,
        layout: str,
        texts: PrintTexts,
        people: list[badges.Person],
        header: badges.EventHeader,
    ) -> None:
        if not people or self.db is None:
            self._badges.discard(participant_id)
            return
        try:
            drawing = badges.badge_drawing(people[0], header, layout, texts)
            printer = self.choose_printer(drawing)
            if printer is None:
                self._badges.discard(participant_id)
                return
            printing.print_drawings(printer, [drawing])
        except Exception as exc:
            self._badge_failed(participant_id, translate_error(exc))
            return
        name = full_name(people[0].first_name, people[0].last_name)
        ops.CollectionOp(
            self, self.db, lambda s: badges.record_badge_print(s, participant_id, layout)
        ).success(lambda reprint: self._badge_recorded(participant_id, name, reprint)).failure(
            lambda sentence: self._badge_failed(participant_id, sentence)
        ).run()

    def _badge_recorded(self, participant_id: uuid.UUID, name: str, reprint: bool) -> None:
        self._badges.discard(participant_id)
        self.status_message.emit(
            (
                self.tr("Badge reprinted for {name}")
                if reprint
                else self.tr("Badge printed for {name}")
            ).format(name=name)
        )
        self.badge_printed.emit(participant_id)

    def _badge_failed(self, participant_id: uuid.UUID, sentence: str) -> None:
        self._badges.discard(participant_id)
        QMessageBox.warning(self.page, self.tr("Badge not printed"), sentence)

    def badges_in_flight(self) -> int:
        """Badges being read, printed or recorded."""
        return len(self._badges)

    def _choose_printer(self, drawing: badges.Drawing) -> QPrinter | None:
        ask = not self.options.print_without_asking()
        return printing.choose_printer(self.page, drawing, ask=ask)

    # -- every ticket ---------------------------------------------------------------------------

    def choose_tickets(self) -> None:
        """Ask for the layout and where to write, then write the tickets."""
        if self.db is None:
            return
        layouts = {
            self.tr("One ticket per A4 page"): "a4",
            self.tr("Four tickets per A4 sheet (to cut)"): "a4x4",
            self.tr("One PDF per person, to send by e-mail"): "each",
        }
        choice, ok = QInputDialog.getItem(
            self.page, self.tr("Tickets as PDF"), self.tr("Layout:"), list(layouts), 0, False
        )
        if not ok:
            return
        folder = Path(str(self.settings.value("desk/tickets_folder", str(Path.home()))))
        if layouts[choice] == "each":
            chosen = QFileDialog.getExistingDirectory(
                self.page, self.tr("Folder for the tickets"), str(folder)
            )
            if chosen:
                self.settings.setValue("desk/tickets_folder", chosen)
                self.write_tickets(Path(chosen), "each")
            return
        target, _ = QFileDialog.getSaveFileName(
            self.page,
            self.tr("Tickets as PDF"),
            str(folder / self.tr("tickets.pdf")),
            self.tr("PDF files (*.pdf)"),
        )
        if target:
            self.settings.setValue("desk/tickets_folder", str(Path(target).parent))
            self.write_tickets(Path(target), layouts[choice])

    def write_tickets(self, target: Path, layout: str = "a4") -> Any:
        """Write every participant's ticket in a worker thread, with a progress dialog.

        ``layout`` "each" writes one PDF per person into the folder ``target``.
        """
        if self.db is None or self._tickets_busy:
            return None
        texts = self.print_texts()

        def read(s: Session) -> tuple[list[badges.Person], badges.EventHeader]:
            return badges.people_to_print(s), badges.event_header(s, texts)

        def failed(sentence: str) -> None:
            self._tickets_busy = False
            QMessageBox.warning(self.page, self.tr("Tickets not written"), sentence)

        self._tickets_busy = True
        ops.QueryOp(self, self.db, read).success(
            lambda answer: self._write_tickets(target, layout, texts, *answer)
        ).failure(failed).run()
        return None

    def _write_tickets(
        self,
        target: Path,
        layout: str,
        texts: PrintTexts,
        people: list[badges.Person],
        header: badges.EventHeader,
    ) -> None:
        progress = QProgressDialog(
            self.tr("Writing tickets …"), self.tr("Hide"), 0, max(1, len(people)), self.page
        )
        progress.setWindowTitle(self.tr("Tickets as PDF"))
        progress.setMinimumDuration(300)
        progress.setAutoClose(True)
        progress.setValue(0)

        def done(path: Path) -> None:
            self._tickets_busy = False
            progress.setValue(progress.maximum())
            progress.deleteLater()
            self.status_message.emit(
                self.tr("{count} tickets written to {path}").format(count=len(people), path=path)
            )
            self.tickets_written.emit(path)

        def failed(exc: Exception) -> None:
            self._tickets_busy = False
            progress.deleteLater()
            show_error(self.page, exc, self.tr("Tickets not written"))

        def step(done_count: int, total: int) -> None:
            progress.setMaximum(max(1, total))
            progress.setValue(min(done_count, total))

        # Files only: the people were read above.
        ops.start(
            _write_tickets,
            people,
            header,
            target,
            layout,
            texts,
            on_done=done,
            on_error=failed,
            on_progress=step,
            parent=self,
        )


def _write_tickets(
    progress: ops.Progress,
    people: list[badges.Person],
    header: badges.EventHeader,
    target: Path,
    layout: str,
    texts: PrintTexts,
) -> Path:
    if layout == "each":
        return badges.write_ticket_files(people, header, target, texts=texts, progress=progress)
    return badges.write_tickets(
        people, header, target, layout=layout, texts=texts, progress=progress
    )
