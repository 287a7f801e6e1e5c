"""Options › Camera: a laptop's webcam reads tickets where there is no hand scanner.

A small window beside the desk: which camera, what it sees, and a sentence
when something is wrong (no camera, the camera unplugged, the camera in use
by a video call).  While it is open and a camera runs, every frame is offered
to the desk's ``CameraScanner``; the scan field keeps the focus for a hand
scanner all the same.  The chosen camera is this laptop's preference.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.ui.desk.framescan import CameraScanner

log = logging.getLogger("smartdialog.desk.camera")

PREVIEW_SIZE = (320, 240)
SETTING = "desk/camera"


def video_inputs() -> list[Any]:
    """The cameras Qt sees now (QCameraDevice objects)."""
    from PySide6.QtMultimedia import QMediaDevices

    return list(QMediaDevices.videoInputs())


def _scanning_format(device: Any) -> Any:
    """The camera's smallest format at least 640 pixels wide: enough for a ticket, cheap."""
    formats = [f for f in device.videoFormats() if f.resolution().width() >= 640]
    if not formats:
        return None
    return min(
        formats,
        key=lambda f: (f.resolution().width() * f.resolution().height(), -f.maxFrameRate()),
    )


class CameraWindow(QDialog):
    """Chooses a camera, shows its picture small, feeds its frames to the scanner."""

    def __init__(
        self,
        settings: QSettings,
        scanner: CameraScanner,
        parent: QWidget | None = None,
        *,
        cameras: Callable[[], list[Any]] = video_inputs,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.scanner = scanner
        self._cameras = cameras
        self._session: Any = None
        self._camera: Any = None
        self._sink: Any = None
        self.active_id: bytes | None = None
        self.setWindowTitle(self.tr("Camera"))
        # Beside the desk, not in front of it: the scan field keeps the keyboard.
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)

        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Camera"))
        self.choice.setMinimumContentsLength(24)
        self.choice.activated.connect(lambda _i: self.start())
        self.preview = QLabel()
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("cameraPreview")
        self.preview.setStyleSheet("QLabel#cameraPreview { background: #263238; color: #eceff1; }")
        self.preview.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("cameraStatus")
        self.switch = QPushButton()
        self.switch.clicked.connect(self.toggle)

        form = QFormLayout()
        form.addRow(self.tr("Camera:"), self.choice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.addButton(self.switch, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        from PySide6.QtMultimedia import QMediaDevices

        # Cameras plugged in or out while the window is open (the list follows at once).
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self.devices_changed)
        self.fill_choice()

    # -- the list of cameras --------------------------------------------------------------

    def fill_choice(self) -> None:
        cameras = self._cameras()
        self.choice.clear()
        for device in cameras:
            self.choice.addItem(device.description(), bytes(device.id().data()))
        wanted = str(self.settings.value(SETTING, "") or "")
        for row in range(self.choice.count()):
            if bytes(self.choice.itemData(row)).hex() == wanted:
                self.choice.setCurrentIndex(row)
        has_any = bool(cameras)
        self.choice.setEnabled(has_any)
        self.switch.setEnabled(has_any)
        self._update_switch()
        if not has_any:
            self._say(
                self.tr(
                    "This laptop has no camera that smartdialog can use. Connect a webcam "
                    "(it is found at once), or check in with the hand scanner or by name."
                )
            )
            self.preview.setText(self.tr("No camera"))

    @Slot()
    def devices_changed(self) -> None:
        """A camera was plugged in or out (perhaps the one that is scanning)."""
        ids = [bytes(d.id().data()) for d in self._cameras()]
        if self.active_id is not None and self.active_id not in ids:
            self.stop()
            self.fill_choice()
            self._say(
                self.tr(
                    "The camera was disconnected. Plug it in again and press Start, or go on "
                    "with the hand scanner. Nothing scanned so far is lost."
                )
            )
            return
        self.fill_choice()

    # -- running a camera -----------------------------------------------------------------

    def is_running(self) -> bool:
        return self._camera is not None

    def toggle(self) -> None:
        if self.is_running():
            self.stop()
        else:
            self.start()

    def start(self) -> bool:
        """Start the chosen camera; False (with a sentence) when there is none to start."""
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

        self.stop()
        row = self.choice.currentIndex()
        cameras = self._cameras()
        if row < 0 or row >= len(cameras):
            self.fill_choice()
            return False
        device = cameras[row]
        self.settings.setValue(SETTING, bytes(device.id().data()).hex())
        self._camera = QCamera(device)
        small = _scanning_format(device)
        if small is not None:
            self._camera.setCameraFormat(small)
        self._camera.errorOccurred.connect(self.camera_error)
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._frame)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self.active_id = bytes(device.id().data())
        self._camera.start()
        self._say(self.tr("Hold the ticket's code to the camera, about a hand's width away."))
        self._update_switch()
        log.info("camera started")
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
        for part in (self._sink, self._session):
            if part is not None:
                part.deleteLater()
        self._camera = self._sink = self._session = None
        self.active_id = None
        self.preview.clear()
        self._update_switch()

    @Slot(object, str)
    def camera_error(self, error: Any, detail: str = "") -> None:
        """The camera failed: most often another program (a video call) holds it."""
        log.warning("camera error %s: %s", error, detail)
        self.stop()
        self._say(
            self.tr(
                "The camera cannot be used right now. Perhaps another program (a video call, "
                "the camera app) is using it: close that program, then press Start again."
            )
        )

    def _frame(self, frame: Any) -> None:
        if self.scanner.busy:
            # Still decoding the last one: this frame is dropped before it costs a conversion
            # on the GUI thread (the preview follows at the decoder's pace, some 20 a second).
            self.scanner.offered += 1
            self.scanner.dropped += 1
            return
        image = frame.toImage()
        if image.isNull():
            return
        self.show_frame(image)

    def show_frame(self, image: QImage) -> None:
        """A frame from the camera: into the preview, and to the scanner."""
        self.preview.setPixmap(
            QPixmap.fromImage(
                image.scaled(
                    *PREVIEW_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            )
        )
        self.scanner.offer(image)

    # -- words ----------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _update_switch(self) -> None:
        self.switch.setText(self.tr("Stop") if self.is_running() else self.tr("Start"))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.stop()
        super().closeEvent(event)
