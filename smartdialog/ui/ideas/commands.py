"""Undo and redo of a facilitator's actions: every step, both ways, is a service call.

An action is done first (so its errors reach the user as they act) and pushed
onto the stack afterwards; the stack's first ``redo`` is then a no-op.  Later
undos and redos run on the writer thread through the page (``run_step``); the
page offers no further step until the answer is there.  When one fails,
typically because another laptop changed the idea in between, the user is told
why and the step leaves the stack the next time it is reached (Qt removes an
obsolete command), so nothing is overwritten behind anybody's back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from smartdialog.core.db import Database
from smartdialog.core.errors import QT_TRANSLATE_NOOP
from smartdialog.core.services import ideas
from smartdialog.core.services.ideas import IdeaInfo

# A step: given a session and the version of the idea we expect, do it.
Step = Callable[[Session, int | None], object]


class CommandContext(Protocol):
    db: Database | None
    # The version of each idea after this laptop's own last step on it.  A step
    # expects that version, so this laptop's steps follow each other while a
    # change from another laptop in between is a conflict.
    versions: dict[uuid.UUID, int]

    def say_error(self, sentence: str) -> None: ...

    def show_current(self, current: list[IdeaInfo], ids: list[uuid.UUID]) -> None: ...

    def run_step(
        self,
        work: Callable[[Session], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None: ...


class IdeaCommand(QUndoCommand):
    """One undoable action on one idea (``touched`` lists every idea it changes)."""

    def __init__(
        self,
        ctx: CommandContext,
        text: str,
        idea_id: uuid.UUID,
        version: int | None,
        redo_step: Step,
        undo_step: Step,
        touched: tuple[uuid.UUID, ...] = (),
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self.idea_id = idea_id
        self.version = version
        self._redo_step = redo_step
        self._undo_step = undo_step
        self._touched = [idea_id, *touched]
        self._first = True
        self._failed = False

    def redo(self) -> None:
        if self._first:  # the action itself was done before it was pushed
            self._first = False
            return
        self._run(self._redo_step)

    def undo(self) -> None:
        self._run(self._undo_step)

    def _run(self, step: Step) -> None:
        if self._ctx.db is None or self._failed:
            self.setObsolete(True)  # the stack drops this step now
            return
        version = self._ctx.versions.get(self.idea_id, self.version)
        touched = self._touched

        def work(s: Session) -> list[IdeaInfo]:
            step(s, version)
            return ideas.ideas_by_id(s, touched)

        self._ctx.run_step(work, self._done, self._refused)

    def _done(self, current: list[IdeaInfo]) -> None:
        for info in current:
            self._ctx.versions[info.id] = info.version
        self._ctx.show_current(current, self._touched)

    def _refused(self, sentence: str) -> None:
        # Told to the user; nothing was written.  The step is dropped when next reached.
        self._failed = True
        self._ctx.say_error(sentence)


# -- the actions -----------------------------------------------------------------------------


def captured(ctx: CommandContext, info: IdeaInfo) -> IdeaCommand:
    def redo(s: Session, _version: int | None) -> None:
        ideas.capture(
            s,
            info.text,
            field_id=info.field_id,
            station_id=info.station_id,
            topic_id=info.topic_id,
            author_id=info.author_id,
            idea_id=info.id,
        )

    def undo(s: Session, version: int | None) -> None:
        ideas.withdraw(s, info.id, expected_version=version)

    return IdeaCommand(
        ctx,
        _label(QT_TRANSLATE_NOOP("IdeaCommand", "Capture “%1”"), info.text),
        info.id,
        info.version,
        redo,
        undo,
    )


def edited(ctx: CommandContext, before: IdeaInfo, after: IdeaInfo) -> IdeaCommand:
    def to(state: IdeaInfo) -> Step:
        def step(s: Session, version: int | None) -> None:
            ideas.edit(
                s,
                state.id,
                expected_version=version,
                text=state.text,
                field_id=state.field_id,
                topic_id=state.topic_id,
                author_id=state.author_id,
            )

        return step

    return IdeaCommand(
        ctx,
        _label(QT_TRANSLATE_NOOP("IdeaCommand", "Edit “%1”"), after.text),
        after.id,
        after.version,
        to(after),
        to(before),
    )


def hidden(ctx: CommandContext, after: IdeaInfo) -> IdeaCommand:
    def redo(s: Session, version: int | None) -> None:
        ideas.hide(s, after.id, after.hidden_reason, expected_version=version)

    def undo(s: Session, version: int | None) -> None:
        ideas.unhide(s, after.id, expected_version=version)

    return IdeaCommand(
        ctx,
        _label(QT_TRANSLATE_NOOP("IdeaCommand", "Hide “%1”"), after.text),
        after.id,
        after.version,
        redo,
        undo,
    )


def unhidden(ctx: CommandContext, before: IdeaInfo, after: IdeaInfo) -> IdeaCommand:
    def redo(s: Session, version: int | None) -> None:
        ideas.unhide(s, after.id, expected_version=version)

    def undo(s: Session, version: int | None) -> None:
        ideas.hide(s, after.id, before.hidden_reason, expected_version=version)

    return IdeaCommand(
        ctx,
        _label(QT_TRANSLATE_NOOP("IdeaCommand", "Show “%1” again"), after.text),
        after.id,
        after.version,
        redo,
        undo,
    )


def tagged(ctx: CommandContext, before: IdeaInfo, after: IdeaInfo) -> IdeaCommand:
    def to(tags: tuple[str, ...]) -> Step:
        def step(s: Session, version: int | None) -> None:
            ideas.set_tags(s, after.id, tags, expected_version=version)

        return step

    return IdeaCommand(
        ctx,
        _label(QT_TRANSLATE_NOOP("IdeaCommand", "Tag “%1”"), after.text),
        after.id,
        after.version,
        to(after.tags),
        to(before.tags),
    )


def clustered(ctx: CommandContext, before: IdeaInfo, after: IdeaInfo) -> IdeaCommand:
    def to(cluster: str) -> Step:
        def step(s: Session, version: int | None) -> None:
            ideas.set_cluster(s, after.id, cluster, expected_version=version)

        return step

    return IdeaCommand(
        ctx,
        _label(QT_TRANSLATE_NOOP("IdeaCommand", "Cluster “%1”"), after.text),
        after.id,
        after.version,
        to(after.cluster),
        to(before.cluster),
    )


def merged(
    ctx: CommandContext, source_after: IdeaInfo, target_id: uuid.UUID, text: str
) -> IdeaCommand:
    def redo(s: Session, version: int | None) -> None:
        ideas.merge(s, source_after.id, target_id, expected_version=version, text=text)

    def undo(s: Session, version: int | None) -> None:
        ideas.unmerge(s, source_after.id, expected_version=version)

    return IdeaCommand(
        ctx,
        _label(QT_TRANSLATE_NOOP("IdeaCommand", "Merge “%1”"), source_after.text),
        source_after.id,
        source_after.version,
        redo,
        undo,
        touched=(target_id,),
    )


def _label(template: str, text: str) -> str:
    """The step's name in the Undo button's tooltip, e.g. "Undo: Hide “Radwege …”"."""
    short = text if len(text) <= 40 else text[:39] + "…"
    return QCoreApplication.translate("IdeaCommand", template).replace("%1", short)
