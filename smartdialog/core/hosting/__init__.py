"""Hosting an event on one laptop for the others: a PostgreSQL server of our own.

- ``server``: finds the PostgreSQL programs and runs initdb/pg_ctl on a data folder.
- ``transfer``: copies an event between a SQLite file and a database server, verified.
- ``joincode``: the short code (and QR) that tells another laptop where and how to join.
- ``announce``: tells the local network about a hosted event (mDNS) and finds others.
- ``session``: the whole job, from an open event file to a running, announced server and back.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_DIR_VARIABLE", "chosen_data_root", "hosting_root"]

DATA_DIR_VARIABLE = "SMARTDIALOG_DATA_DIR"


def chosen_data_root(default: Path) -> Path:
    """The user's data folder, or the one named in ``SMARTDIALOG_DATA_DIR``."""
    chosen = os.environ.get(DATA_DIR_VARIABLE)
    return Path(chosen) if chosen else default


def hosting_root(data_root: Path) -> Path:
    """Where the hosted events' servers live (light: looked at before the window opens)."""
    return data_root / "hosting"
