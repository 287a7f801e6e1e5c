"""What the desk shows and plays after a scan: colour, large words, an icon, a sound.

The sounds themselves live in ``smartdialog.ui.desk.sounds`` (Qt Multimedia,
the bell where no audio device exists); the colours and words carry the
verdict on their own.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from smartdialog.ui.accessibility import announce

# Kept importable from here: the desk and other stations ask for ``feedback.Sounds``.
from smartdialog.ui.desk.sounds import Sounds as Sounds

log = logging.getLogger("smartdialog.desk")

READY: Final = "ready"
WELCOME: Final = "welcome"
ALREADY: Final = "already"
REJECTED: Final = "rejected"
INFO: Final = "info"

# Background, text colour: readable from two metres, distinct for colour-blind eyes too
# (the icon and the words differ as well).
COLOURS: Final = {
    READY: ("#eceff1", "#37474f"),
    WELCOME: ("#2e7d32", "#ffffff"),
    ALREADY: ("#ffb300", "#212121"),
    REJECTED: ("#c62828", "#ffffff"),
    INFO: ("#1565c0", "#ffffff"),
}
# The icon of each verdict, drawn in the verdict's text colour (a stock icon would be
# red on red or amber on amber): a tick, an exclamation mark, a cross, an "i", an arrow.
SYMBOLS: Final = {
    READY: "arrow",
    WELCOME: "tick",
    ALREADY: "exclamation",
    REJECTED: "cross",
    INFO: "info",
}
ICON_SIZE: Final = 96
# How long a verdict stays before the panel is ready again (ms): longer for what needs reading.
HOLD_MS: Final = {WELCOME: 3000, ALREADY: 6000, REJECTED: 8000, INFO: 5000}


class VerdictIcon(QWidget):
    """A verdict's symbol in a ring, in the panel's text colour: as readable as the words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.symbol = SYMBOLS[READY]
        self.colour = QColor(COLOURS[READY][1])
        self.setFixedSize(ICON_SIZE, ICON_SIZE)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(ICON_SIZE, ICON_SIZE)

    def set_symbol(self, symbol: str, colour: str) -> None:
        self.symbol = symbol
        self.colour = QColor(colour)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        side = min(self.width(), self.height())
        stroke = side / 10
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.colour, stroke)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        m = stroke / 2 + 1
        painter.drawEllipse(QRectF(m, m, side - 2 * m, side - 2 * m))

        def at(x: float, y: float) -> QPointF:
            return QPointF(x * side, y * side)

        if self.symbol == "tick":
            painter.drawPolyline([at(0.28, 0.52), at(0.44, 0.68), at(0.72, 0.34)])
        elif self.symbol == "cross":
            painter.drawLine(at(0.33, 0.33), at(0.67, 0.67))
            painter.drawLine(at(0.67, 0.33), at(0.33, 0.67))
        elif self.symbol in ("exclamation", "info"):
            top, bottom = (0.25, 0.58) if self.symbol == "exclamation" else (0.45, 0.75)
            dot = 0.72 if self.symbol == "exclamation" else 0.28
            painter.drawLine(at(0.5, top), at(0.5, bottom))
            painter.setBrush(self.colour)
            painter.drawEllipse(at(0.5, dot), stroke * 0.35, stroke * 0.35)
        else:
            painter.drawLine(at(0.28, 0.5), at(0.72, 0.5))
            painter.drawPolyline([at(0.55, 0.33), at(0.72, 0.5), at(0.55, 0.67)])
        painter.end()


class ResultPanel(QFrame):
    """The big coloured answer.  ``reset`` is emitted when it is back to ready by itself."""

    reset = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskResult")
        self.setMinimumHeight(170)
        self.state = READY
        self.icon = VerdictIcon()
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.headline.setFont(big)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        medium = QFont(self.font())
        medium.setPointSizeF(medium.pointSizeF() * 1.5)
        self.detail.setFont(medium)
        texts = QVBoxLayout()
        texts.addStretch()
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        texts.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(20)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._back_to_ready)
        self._ready_text = ("", "")
        self.set_ready_text(self.tr("Ready"), self.tr("Scan a ticket or type a name."))

    def set_ready_text(self, headline: str, detail: str) -> None:
        self._ready_text = (headline, detail)
        if self.state == READY:
            self._apply(READY, headline, detail)

    def show_verdict(
        self, state: str, headline: str, detail: str = "", hold_ms: int | None = None
    ) -> None:
        self._apply(state, headline, detail)
        self._timer.start(HOLD_MS.get(state, 5000) if hold_ms is None else hold_ms)

    def _back_to_ready(self) -> None:
        self._apply(READY, *self._ready_text)
        self.reset.emit()

    def _apply(self, state: str, headline: str, detail: str) -> None:
        self.state = state
        background, foreground = COLOURS[state]
        self.setStyleSheet(
            f"QFrame#deskResult {{ background: {background}; border-radius: 10px; }}"
            f" QFrame#deskResult QLabel {{ color: {foreground}; background: transparent; }}"
        )
        self.icon.set_symbol(SYMBOLS[state], foreground)
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{headline}. {detail}")
        announce(self, f"{headline}. {detail}" if detail else headline)
