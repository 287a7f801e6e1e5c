"""Where the shipped resources live: the source checkout or the installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources`` folder: beside the package in a checkout, inside it when installed."""
    for candidate in (_PACKAGE.parent / "resources", _PACKAGE / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("smartdialog resources are missing; reinstall the application")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
