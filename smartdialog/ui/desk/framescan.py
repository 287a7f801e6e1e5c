"""Reading tickets from a camera's frames: decode off the GUI thread, once per ticket held up.

A webcam delivers 15–30 frames a second; decoding one takes a few
milliseconds to tens of them.  So one frame at a time goes to a worker
thread, reduced to at most ``MAX_SIDE`` pixels and grey, QR codes only; frames
that arrive while it decodes are dropped (the next one is as good).  A code
that stays in view is read once: it is read again only after it has been out
of view for ``REPEAT_PAUSE_S``.  What is read goes the scanner's way (the
desk's ``handle_scan``), so that a camera gives exactly a scanner's verdict.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

log = logging.getLogger("smartdialog.desk.camera")

# Frames are decoded at most this large (a QR ticket held to a laptop camera fills
# a good part of the frame: 640 pixels are plenty and keep decoding fast).
MAX_SIDE: Final = 640
# A code seen again within this many seconds of its last sighting is the same ticket still
# held up, not a second scan.
REPEAT_PAUSE_S: Final = 3.0


def prepare(image: QImage, max_side: int = MAX_SIDE) -> QImage:
    """The frame as the decoder wants it: grey, and no larger than ``max_side``."""
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(
            max_side,
            max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    if image.format() != QImage.Format.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return image


def decode_qr(image: QImage) -> list[str]:
    """The texts of the QR codes readable in ``image`` (already prepared), each once."""
    import zxingcpp

    found = zxingcpp.read_barcodes(
        image,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=True,
        try_downscale=False,
    )
    texts: list[str] = []
    for barcode in found:
        if barcode.valid and barcode.text and barcode.text not in texts:
            texts.append(barcode.text)
    return texts


class RepeatGuard:
    """Admits a code once while it stays in view; again after it was gone for ``pause_s``."""

    def __init__(
        self, pause_s: float = REPEAT_PAUSE_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.pause_s = pause_s
        self.clock = clock
        self._last_seen: dict[str, float] = {}

    def admit(self, code: str) -> bool:
        now = self.clock()
        last = self._last_seen.get(code)
        # Forget what has been out of view for long (a long event sees hundreds of tickets).
        self._last_seen = {c: t for c, t in self._last_seen.items() if now - t <= self.pause_s}
        self._last_seen[code] = now
        return last is None or now - last > self.pause_s


class CameraScanner(QObject):
    """Takes frames from a camera (or a test), gives ``scanned`` texts like a hand scanner.

    ``several`` is emitted instead when more than one code is in view: which of
    them was meant is not for the desk to guess.

    Decoding runs on one thread of its own for the scanner's lifetime rather
    than as a task on the thread pool: a camera asks for some twenty decodes a
    second, and a pooled task per frame costs a runnable, its signals and a
    hand-over each time.
    """

    scanned = Signal(str)
    several = Signal(int)
    # Every decoded frame's codes, whether admitted or not (tests, the preview's hint).
    frame_done = Signal(list)
    _decoded = Signal(list)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        pause_s: float = REPEAT_PAUSE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.guard = RepeatGuard(pause_s, clock)
        self.busy = False
        self.offered = 0
        self.dropped = 0
        self._decoded.connect(self._on_decoded)
        self._frames: queue.SimpleQueue[QImage | None] = queue.SimpleQueue()
        self._thread = threading.Thread(
            target=_decode_loop,
            args=(self._frames, weakref.ref(self)),
            name="camera-decoder",
            daemon=True,
        )
        self._thread.start()
        # The thread ends with its scanner (it holds only a weak reference to it).
        weakref.finalize(self, self._frames.put, None)

    def offer(self, image: QImage) -> bool:
        """Decode this frame unless one is being decoded; True when it was taken."""
        self.offered += 1
        if self.busy:
            self.dropped += 1
            return False
        self.busy = True
        self._frames.put(image)
        return True

    def _on_decoded(self, texts: list[str]) -> None:
        self.busy = False
        if len(texts) > 1:
            if self.guard.admit("\n".join(sorted(texts))):
                self.several.emit(len(texts))
        elif texts and self.guard.admit(texts[0]):
            self.scanned.emit(texts[0])
        self.frame_done.emit(texts)

    def stop(self) -> None:
        """End the decoding thread (the scanner is no longer needed)."""
        self._frames.put(None)
        self._thread.join(timeout=5)


def _decode_loop(
    frames: queue.SimpleQueue[QImage | None], scanner: weakref.ref[CameraScanner]
) -> None:
    while (image := frames.get()) is not None:
        try:
            texts = decode_qr(prepare(image))
        except Exception:  # a frame the decoder cannot take must not stop the camera
            log.exception("decoding a camera frame failed")
            texts = []
        owner = scanner()
        if owner is None:
            return
        try:
            owner._decoded.emit(texts)  # queued to the GUI thread
        except RuntimeError:  # the scanner's Qt side is gone (the desk closed)
            return
        del owner
