"""The base of every workspace page in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from smartdialog.core.changes import Action

if TYPE_CHECKING:
    from smartdialog.core.db import Database
    from smartdialog.core.services.audit import Change


class Workspace(QWidget):
    """A page of the main window: Einrichtung, Empfang, Ideen, Live-Wand, Abstimmung, Dokumentation.

    The main window makes it with what it uses (the preferences, a provider),
    then hands it the open event (or None) and the changes other laptops (and
    other pages) made, read from the audit feed.  Its title and icon in the
    navigation are the main window's: the navigation exists before any page.
    """

    # Shown in the status bar of the main window.
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self._stale = False

    def set_database(self, db: Database | None) -> None:
        """A new event was opened (or the event closed, with None)."""
        self.db = db
        self._stale = False
        self.reload()

    def switch_database(self, db: Database) -> None:
        """The same event from another place (a joined laptop's local copy, or back).

        Like ``set_database``, but what the user has typed stays where it is.
        """
        self.set_database(db)

    def reload(self) -> None:
        """Read everything shown anew from the database."""

    # The audit actions this page shows something of; a change with any other action
    # does not make it read anything anew (a test checks each one is recorded somewhere).
    FOLLOWS: frozenset[Action] = frozenset(Action)
    # The actions this page writes itself and shows at once: when the feed echoes them
    # back from this laptop, the page does not read them again.
    OWN_ACTIONS: frozenset[Action] = frozenset()

    def news(self, changes: list[Change]) -> list[Change]:
        """The changes this page has not shown yet (not its own, echoed back by the feed)."""
        if not self.OWN_ACTIONS or self.db is None:
            return changes
        me = self.db.device.id
        return [c for c in changes if c.device_id != me or c.action not in self.OWN_ACTIONS]

    def on_changes(self, changes: list[Change]) -> None:
        """Entries of the audit feed that arrived since the last call.

        A hidden page only notes that it is out of date and reads anew when shown.
        """
        if any(c.action in self.FOLLOWS for c in self.news(changes)):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def activated(self) -> None:
        """The page was brought to the front (focus its main input here)."""
