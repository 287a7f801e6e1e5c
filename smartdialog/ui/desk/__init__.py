"""The registration desk ("Empfang"): check-in by scan or name, walk-ins, badges, import, tickets."""

from smartdialog.ui.desk.workspace import DeskWorkspace

__all__ = ["DeskWorkspace"]
