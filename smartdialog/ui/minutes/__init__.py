"""The Dokumentation page: the minutes for the council and the data exports."""

from smartdialog.ui.minutes.workspace import MinutesWorkspace

__all__ = ["MinutesWorkspace"]
