"""Which role a command-line job needs, and asking for that role's PIN.

Once an event has a Verwaltung PIN, a job that changes or reveals something
asks for the PIN of a role that may do it: on the terminal (hidden input),
or from the environment variable SMARTDIALOG_PIN for scripts.  Without a
terminal and without the variable it says so and ends, instead of waiting
for input that never comes.  The role whose PIN was entered is the one the
audit log records for the job.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from smartdialog.i18n import translate

PIN_VARIABLE = "SMARTDIALOG_PIN"

# Job (or "job subjob") → the area of roles.py it needs; None: no PIN (creating a new
# file, looking at an event's details, checking a file against a written hash).
JOB_AREAS: dict[str, str | None] = {
    "open": None,
    "new": None,
    "demo": None,
    "info": None,
    "verify": None,
    "backup": "privacy",
    "import": "desk",
    "tickets": "desk",
    "badges": "desk",
    "checkin": "desk",
    "ideas": "ideas",
    "results": "voting",
    "round": "voting",
    "protocol": "voting",
    "paper": "paper",
    "minutes": "minutes",
    "export": "minutes",
    "privacy": "privacy",
    "station-pin": "pins",
    "pin": "pins",
    # Sharing an event with other laptops, and bringing laptops' copies together.
    "host": "setup",
    "join": None,
    "merge": "setup",
    "merge-decide": "voting",
}

_entered: list[str] = []


def entered_pin() -> str | None:
    """The PIN this job was authorised with (to authorise a PIN change with it)."""
    return _entered[0] if _entered else None


def _ask(prompt: str) -> str | None:
    from_env = os.environ.get(PIN_VARIABLE)
    if from_env is not None:
        return from_env.strip()
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt).strip()
    except (EOFError, OSError):
        return None


def authorise(args: argparse.Namespace) -> int | None:
    """Ask for the PIN the job needs; None to go ahead, or the exit code to end with."""
    area = JOB_AREAS.get(str(getattr(args, "command", "") or ""), "privacy")
    event = getattr(args, "event", None)
    if area is None or not event:
        return None
    from smartdialog.core.db import open_database
    from smartdialog.core.services import roles
    from smartdialog.core.targets import use_role

    db = open_database(event, read_only=True)
    try:
        with db.read() as s:
            if not roles.access(s).applies:
                return None
            allowed = ", ".join(
                translate("roles", roles.ROLE_NAMES[r]) for r in roles.roles_for(area)
            )
            pin = _ask(translate("cli", "PIN ({roles}): ").format(roles=allowed))
            if pin is None:
                print(
                    translate(
                        "cli",
                        "This job needs the PIN of one of these roles: {roles}. There is no "
                        "terminal to ask for it: set the environment variable {variable}.",
                    ).format(roles=allowed, variable=PIN_VARIABLE),
                    file=sys.stderr,
                )
                return 2
            role = roles.role_of_pin(s, pin, area)
    finally:
        db.close()
    if role is None:
        print(
            translate(
                "cli", "Wrong PIN, or its role may not do this job. It needs one of: {roles}."
            ).format(roles=allowed),
            file=sys.stderr,
        )
        return 1
    _entered[:] = [pin]
    use_role(role)
    return None


def reset() -> None:
    """Forget the PIN and role of the job that ended (tests run many jobs in one process)."""
    from smartdialog.core.targets import use_role

    _entered.clear()
    use_role("office")
