"""The Abstimmung workspace and the voting station."""

from smartdialog.ui.voting.station import VotingStation
from smartdialog.ui.voting.wall import read_wall_results, results_provider, wall_results
from smartdialog.ui.voting.workspace import VotingWorkspace

__all__ = [
    "VotingStation",
    "VotingWorkspace",
    "read_wall_results",
    "results_provider",
    "wall_results",
]
