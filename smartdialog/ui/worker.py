"""Run slow work off the GUI thread: the names the older call sites use, from ``ops``."""

from __future__ import annotations

from smartdialog.ui.ops import Progress, Task, start

__all__ = ["Progress", "Task", "start"]
