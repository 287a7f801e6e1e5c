"""The live wall: the projector's window, its state, and the Live-Wand page that steers it."""

from smartdialog.ui.wall.projector import ProjectorWindow
from smartdialog.ui.wall.results import RankedIdea, ResultsProvider, WallResults
from smartdialog.ui.wall.state import WallMode, WallState
from smartdialog.ui.wall.view import WallView
from smartdialog.ui.wall.workspace import WallWorkspace

__all__ = [
    "ProjectorWindow",
    "RankedIdea",
    "ResultsProvider",
    "WallMode",
    "WallResults",
    "WallState",
    "WallView",
    "WallWorkspace",
]
