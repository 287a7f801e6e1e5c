"""The Ideen page: idea capture at the tables, clean-up, merge, undo."""

from smartdialog.ui.ideas.model import IdeasModel
from smartdialog.ui.ideas.workspace import IdeasWorkspace

__all__ = ["IdeasModel", "IdeasWorkspace"]
