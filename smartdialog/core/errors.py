"""Errors the core raises, with messages a desk clerk understands.

Messages are English source texts marked for Qt Linguist with the context
``errors``; the GUI and the CLI translate them (German by default).  Their
placeholders are filled from ``params`` after translation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


class SmartDialogError(Exception):
    """Base of every error the core raises on purpose."""

    context = "errors"

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        return self.message.format(**self.params) if self.params else self.message

    def text(self, translate: Callable[[str, str], str]) -> str:
        """The message in the reader's language: ``translate(context, source)`` fills it in.

        The GUI passes ``QCoreApplication.translate``, the command line
        ``i18n.translate``; placeholders are filled after translation.
        """
        text = translate(self.context, self.message)
        return text.format(**self.params) if self.params else text


class DomainError(SmartDialogError):
    """The user asked for something the event's rules do not allow."""


class NotFoundError(DomainError):
    """The thing asked for does not exist (any more)."""


class ConflictError(DomainError):
    """Somebody else changed the same thing first."""


class EnvironmentProblem(SmartDialogError):
    """The environment failed: a file, a folder, the disk, the network."""


class EventFileError(EnvironmentProblem):
    """An event file cannot be opened or created as asked."""


class StorageError(EnvironmentProblem):
    """The database failed a read or a write: it is busy, full, read-only or out of reach.

    Raised by the unit of work (``Database.uow``/``read``) in place of the
    driver's error, which stays attached as ``__cause__`` for the log.
    """


class ConnectionLost(StorageError):
    """The database server does not answer (the network dropped, the host went away).

    A joined laptop goes on working on its local copy when it sees this
    (core.hosting.offline); anywhere else it reads like any StorageError.
    """


class DatabaseBusy(StorageError):
    """Another writer holds the database; trying again in a moment will do."""


class AccessDenied(DomainError):
    """This laptop's role may not do this, or the PIN given was not the right one."""


def missing_event_file(path: str) -> EventFileError:
    """The one sentence for an event file that is not where it was."""
    return EventFileError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The event file {path} does not exist (any more). It may have been moved, "
            "renamed or be on a drive that is not connected.",
        ),
        path=path,
    )
