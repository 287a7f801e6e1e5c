"""Item models of the desk: plain rows from the services, reset as a whole when they change.

A reset of a few dozen rows is cheaper than a proxy model's filtering and
keeps the models free of any session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from smartdialog.core.errors import QT_TRANSLATE_NOOP
from smartdialog.core.services.badges import local_time
from smartdialog.core.services.checkin import RecentCheckIn, RefusedScan
from smartdialog.core.services.registration import PersonRow
from smartdialog.core.services.tickets import TicketRejected
from smartdialog.ui.rowmodel import Index, RowTableModel

# Why a scan was refused, in the words of the desk's red answer.
REJECTIONS = {
    TicketRejected.FOREIGN: QT_TRANSLATE_NOOP("DeskWorkspace", "Ticket belongs to another event"),
    TicketRejected.FORGED: QT_TRANSLATE_NOOP("DeskWorkspace", "Ticket is not genuine"),
    TicketRejected.TRUNCATED: QT_TRANSLATE_NOOP("DeskWorkspace", "Ticket read incompletely"),
    TicketRejected.GARBLED: QT_TRANSLATE_NOOP("DeskWorkspace", "Not a ticket code"),
    TicketRejected.TYPO: QT_TRANSLATE_NOOP("DeskWorkspace", "Typing slip? Please check the code"),
    TicketRejected.UNKNOWN: QT_TRANSLATE_NOOP("DeskWorkspace", "Ticket not registered"),
    TicketRejected.EMPTY: QT_TRANSLATE_NOOP("DeskWorkspace", "Empty scan"),
    TicketRejected.ANONYMISED: QT_TRANSLATE_NOOP("DeskWorkspace", "Registration deleted"),
}


def rejection_text(reason: str) -> str:
    """Why a scan was refused, in the interface's language."""
    return QCoreApplication.translate(
        "DeskWorkspace",
        REJECTIONS.get(reason, QT_TRANSLATE_NOOP("DeskWorkspace", "Not checked in")),
    )


_PRESENT = QColor("#2e7d32")
_ANNULLED = QColor("#666666")


class PeopleModel(RowTableModel[PersonRow]):
    """Search results: name, organisation, ticket number, present since."""

    NAME, ORGANISATION, TICKET, PRESENT = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Organisation"), self.tr("Ticket"), self.tr("Present"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self.item(index)
        if person is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return person.display_name
            if column == self.ORGANISATION:
                return person.organisation
            if column == self.TICKET:
                return person.ticket_number
            if column == self.PRESENT:
                if person.present_since is None:
                    return "—"
                since = local_time(person.present_since).strftime("%H:%M")
                return self.tr("since {time} ({desk})").format(time=since, desk=person.present_desk)
            return None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.PRESENT
            and person.present_since
        ):
            return QBrush(_PRESENT)
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TICKET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [person.full_name, person.organisation, person.email, person.postcode]
            if person.source == "walkin":
                details.append(self.tr("walk-in"))
            return "\n".join(d for d in details if d)
        return None


class RecentModel(RowTableModel[RecentCheckIn]):
    """The latest check-ins at every desk: time, name, desk; annulled ones greyed and struck out."""

    TIME, NAME, DESK = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Name"), self.tr("Desk"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.item(index)
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return local_time(entry.at).strftime("%H:%M")
            if column == self.NAME:
                return entry.display_name
            return entry.desk
        if entry.annulled_at is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_ANNULLED)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Annulled: {reason}").format(reason=entry.annul_reason)
        return None


class FailedScansModel(RowTableModel[RefusedScan]):
    """Refused scans at every desk, newest first: time, desk, what was read, why refused."""

    TIME, DESK, READ, REASON = range(4)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Desk"), self.tr("Read"), self.tr("Why refused"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.item(index)
        if entry is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.TIME:
                return local_time(entry.at).strftime("%H:%M")
            if column == self.DESK:
                return entry.desk
            if column == self.READ:
                return entry.raw
            return rejection_text(entry.reason)
        return None
