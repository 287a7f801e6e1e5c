"""Where the shipped resources live: the source checkout, the installed package, the frozen app."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates() -> tuple[Path, ...]:
    frozen = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    if frozen:
        # The one-folder app (packaging/smartdialog.spec): inside its package folder only,
        # never a "resources" folder that happens to lie beside the install folder.
        return (Path(frozen) / "smartdialog" / "resources",)
    return (_PACKAGE.parent / "resources", _PACKAGE / "resources")


def resources_dir() -> Path:
    """The ``resources`` folder: beside the package in a checkout, inside it when installed."""
    for candidate in _candidates():
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("smartdialog resources are missing; reinstall the application")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
