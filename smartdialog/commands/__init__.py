"""The command line's jobs, one module per area (see smartdialog.cli)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from smartdialog.i18n import translate

if TYPE_CHECKING:
    from smartdialog.core.db import Database


def print_notices(db: Database) -> None:
    """Tell what the user should know about the file just opened (on stderr)."""
    for notice in db.notices:
        text = translate(notice.context, notice.message)
        print(text.format(**notice.params) if notice.params else text, file=sys.stderr)


def confirmed(question: str) -> bool | None:
    """Ask a yes/no question on the terminal; None when there is no one to ask.

    Without a terminal (a script, a scheduled job) standard input is empty or closed.
    """
    try:
        answer = input(question)
    except (EOFError, OSError):
        return None
    return answer.strip().lower() in ("y", "yes", "j", "ja")


def no_terminal_to_ask() -> int:
    print(
        translate(
            "cli",
            "There is nobody to ask for confirmation (no terminal). Add --yes to the command "
            "if you mean it.",
        ),
        file=sys.stderr,
    )
    return 2
