"""Telling screen readers what happened: the desk's verdict, spoken as it appears."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent


def announce(source: QObject, message: str) -> None:
    """Have a screen reader say ``message`` now (politely assertive: it interrupts)."""
    if not message:
        return
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    # Older readers ignore announcements but follow a changed name.
    QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.NameChanged))
