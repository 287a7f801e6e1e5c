"""The desk's one input: a USB scanner and the clerk's typing arrive in the same field.

A USB scanner is a keyboard that types very fast: the whole code within a few
dozen milliseconds, then Enter, sometimes Tab, sometimes nothing.  A person
types a name at a tenth of that speed.  So a burst of keys a few milliseconds
apart that looks like a ticket is a scan — ended by Enter, Tab, or by the pause
after it — and everything else is a name search.  A ticket code typed by hand
(digits, then Enter) is read as a ticket too, and marked as typed
(``last_typed``), so that a slip of the finger is answered as a typo, not as a
forged ticket.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from smartdialog.core.services import tickets

# Scanners send a key every 2-30 ms; the fastest typists stay above ~60 ms.
BURST_INTERVAL_S = 0.035
BURST_MIN_KEYS = 8
# With no Enter or Tab, a burst that stopped this long ago was a whole scan.
PAUSE_MS = 150
# A key after a longer gap than this starts a new run of keys (a scan may
# follow a half-typed name: only the run is the scan).
RUN_GAP_S = 0.1


class ScanInput(QLineEdit):
    """Emits ``scanned`` for a ticket, ``search_changed`` for a name, ``submitted`` for Enter.

    ``navigate`` carries the arrow and page keys (the result list follows them
    while the focus stays here); ``cleared`` is Escape.
    """

    scanned = Signal(str)
    search_changed = Signal(str)
    submitted = Signal()
    navigate = Signal(int)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Replaceable so that tests can type "slowly" without sleeping.
        self.clock: Callable[[], float] = time.monotonic
        self._stamps: list[float] = []
        # Where in the text the current run of keys began.
        self._run_start = 0
        self._scanning = False
        # Whether the code of the latest ``scanned`` was typed by a person (not a scanner's burst).
        self.last_typed = False
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.setFont(font)
        self.setMinimumHeight(48)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._pause_elapsed)
        self.textEdited.connect(self._edited)

    # -- telling scans from typing ------------------------------------------------------

    def is_burst(self) -> bool:
        """Did the latest run of keys arrive as one fast burst (a scanner)?"""
        stamps = self._stamps
        if len(stamps) < BURST_MIN_KEYS:
            return False
        gaps = sorted(b - a for a, b in itertools.pairwise(stamps))
        # The median gap, so that one hiccup of the USB bus does not spoil a scan.
        return gaps[len(gaps) // 2] < BURST_INTERVAL_S

    def _run_text(self) -> str:
        return self.text()[self._run_start :]

    def _edited(self, text: str) -> None:
        if not text:
            self._stamps.clear()
            self._run_start = 0
        if self.is_burst() and tickets.looks_like_payload(self._run_text()):
            self._scanning = True
            self._pause.start()
            return
        self._scanning = False
        self.search_changed.emit(text)

    def _pause_elapsed(self) -> None:
        if self._scanning and self._run_text():
            self._emit_scan(self._run_text())

    def _emit_scan(self, text: str, *, typed: bool = False) -> None:
        self.last_typed = typed
        self._pause.stop()
        self._scanning = False
        self._stamps.clear()
        self._run_start = 0
        self.clear()
        self.search_changed.emit("")
        self.scanned.emit(text)

    def _terminate(self) -> bool:
        """Enter or Tab: a scan when it came as a burst or looks like a ticket, else the clerk's Enter.

        A burst that is no ticket (another barcode, a scanner on a wrong layout)
        is still a scan, so that the desk answers it in red instead of searching.
        """
        run = self._run_text()
        if run.strip() and (self._scanning or self.is_burst()):
            self._emit_scan(run)
            return True
        text = self.text()
        if text.strip() and tickets.looks_like_payload(text):  # a ticket code typed by hand
            self._emit_scan(text, typed=True)
            return True
        self._stamps.clear()
        return False

    # -- keys -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus away; a scanner that ends with Tab must not.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self._terminate()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self._terminate():
                self.submitted.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self._stamps.clear()
            self._run_start = 0
            self._scanning = False
            self._pause.stop()
            self.clear()
            self.search_changed.emit("")
            self.cleared.emit()
            event.accept()
            return
        steps: dict[int, int] = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 10,
            Qt.Key.Key_PageUp: -10,
        }
        if key in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.navigate.emit(steps[key])
            event.accept()
            return
        if event.text() and event.text().isprintable():
            now = self.clock()
            if not self._stamps or now - self._stamps[-1] > RUN_GAP_S:
                self._stamps.clear()
                self._run_start = (
                    len(self.text()) if self.cursorPosition() == len(self.text()) else 0
                )
            self._stamps.append(now)
        super().keyPressEvent(event)
