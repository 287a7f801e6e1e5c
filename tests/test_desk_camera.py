"""Camera scanning: rendered tickets fed as frames give the scanner's verdict, once per ticket."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, Qt, QThread
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.models import CheckIn
from smartdialog.core.services import badges, registration
from smartdialog.core.services.registration import WalkIn
from smartdialog.ui.desk import DeskWorkspace, feedback, framescan, printing
from smartdialog.ui.desk.camera import CameraWindow
from smartdialog.ui.desk.framescan import CameraScanner, RepeatGuard

DESK = DeviceIdentity(uuid.UUID(int=31), "Empfang Kamera", "desk")
FRAME = (640, 480)
BLUR_TOO_MUCH = 16


@pytest.fixture
def people_db(db: Database, qapp: object) -> Iterator[Database]:
    # (qapp: the tickets are painted with Qt's fonts)
    with db.uow() as s:
        for first, last in (("Jürgen", "Müller"), ("Ole", "Weiß"), ("Łukasz", "Öztürk")):
            registration.register_walk_in(s, WalkIn(first, last))
    assert db.path is not None
    desk = open_database(db.path, DESK)
    yield desk
    desk.close()


def ticket_image(db: Database, last_name: str, side_px: int = 260) -> QImage:
    """The ticket's QR code as printed (the existing ticket drawing, painted), cropped to it."""
    with db.read() as s:
        person = next(p for p in badges.people_to_print(s) if p.last_name == last_name)
        page = badges.ticket_drawings([person], badges.event_header(s), "a4")[0]
    qr = next(item for item in page.items if isinstance(item, badges.QR))
    px_per_mm = side_px / qr.size
    image = QImage(
        round(page.width * px_per_mm), round(page.height * px_per_mm), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    printing.paint(painter, page, px_per_mm)
    painter.end()
    quiet = 0.2 * side_px  # the white border a reader needs round the code
    return image.copy(
        QRect(
            round(qr.x * px_per_mm - quiet),
            round(qr.y * px_per_mm - quiet),
            round(side_px + 2 * quiet),
            round(side_px + 2 * quiet),
        )
    )


def frame_with(*codes: tuple[QImage, QPoint], background: str = "#7a7f85") -> QImage:
    """A 640×480 camera frame: a grey room, the tickets held up where given."""
    frame = QImage(*FRAME, QImage.Format.Format_RGB32)
    frame.fill(QColor(background))
    painter = QPainter(frame)
    for image, at in codes:
        painter.drawImage(at, image)
    painter.end()
    return frame


def blurred(image: QImage, factor: int = 9) -> QImage:
    """Out of focus: shrunk and blown up again, smoothly."""
    small = image.scaled(
        max(1, image.width() // factor),
        max(1, image.height() // factor),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return small.scaled(
        image.width(),
        image.height(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


@pytest.fixture
def clock() -> list[float]:
    return [1000.0]


@pytest.fixture
def scanner(qtbot: QtBot, clock: list[float]) -> CameraScanner:
    return CameraScanner(clock=lambda: clock[0])


def feed(qtbot: QtBot, scanner: CameraScanner, frame: QImage) -> list[str]:
    with qtbot.waitSignal(scanner.frame_done, timeout=5000) as done:
        assert scanner.offer(frame)
    texts: list[str] = done.args[0]
    return texts


def _payload(db: Database, last_name: str) -> str:
    from smartdialog.core.services import tickets

    with db.read() as s:
        person = registration.search(s, last_name)[0]
        return tickets.payload_for(s, person.ticket_number)


# -- decoding ---------------------------------------------------------------------------------


def test_a_rendered_ticket_in_a_frame_is_read(people_db: Database) -> None:
    frame = frame_with((ticket_image(people_db, "Müller"), QPoint(180, 90)))
    assert framescan.decode_qr(framescan.prepare(frame)) == [_payload(people_db, "Müller")]


def test_a_large_frame_is_reduced_and_grey_before_decoding(people_db: Database) -> None:
    big = frame_with((ticket_image(people_db, "Weiß"), QPoint(100, 100))).scaled(1920, 1440)
    prepared = framescan.prepare(big)
    assert (prepared.width(), prepared.height()) == (640, 480)
    assert prepared.format() == QImage.Format.Format_Grayscale8
    assert framescan.decode_qr(prepared) == [_payload(people_db, "Weiß")]


def test_a_blurred_code_is_read_right_or_not_at_all(people_db: Database) -> None:
    code = ticket_image(people_db, "Müller")
    readable = frame_with((blurred(code, 4), QPoint(180, 90)))
    assert framescan.decode_qr(framescan.prepare(readable)) == [_payload(people_db, "Müller")]
    # Too blurred to read: no code at all, never a wrong one (the camera simply keeps looking).
    unreadable = frame_with((blurred(code, BLUR_TOO_MUCH), QPoint(180, 90)))
    assert framescan.decode_qr(framescan.prepare(unreadable)) == []


def test_a_half_visible_code_gives_nothing(people_db: Database) -> None:
    code = ticket_image(people_db, "Müller")
    # Held half out of the picture: only its left half is in the frame.
    frame = frame_with((code, QPoint(FRAME[0] - code.width() // 2, 90)))
    assert framescan.decode_qr(framescan.prepare(frame)) == []


# -- the worker and the pause ------------------------------------------------------------------


def test_decoding_runs_on_a_worker_thread_and_busy_frames_are_dropped(
    qtbot: QtBot, scanner: CameraScanner, people_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    frame = frame_with((ticket_image(people_db, "Müller"), QPoint(180, 90)))
    threads: list[object] = []
    original = framescan.decode_qr

    def spy(image: QImage) -> list[str]:
        threads.append(QThread.currentThread())
        return original(image)

    monkeypatch.setattr(framescan, "decode_qr", spy)
    with qtbot.waitSignal(scanner.scanned, timeout=5000) as read:
        assert scanner.offer(frame)
        assert not scanner.offer(frame)  # still decoding the first: dropped
        assert not scanner.offer(frame)
    assert read.args == [_payload(people_db, "Müller")]
    assert (scanner.offered, scanner.dropped) == (3, 2)
    assert threads and all(t is not QThread.currentThread() for t in threads)


def test_a_ticket_held_still_is_read_once(
    qtbot: QtBot, scanner: CameraScanner, people_db: Database, clock: list[float]
) -> None:
    frame = frame_with((ticket_image(people_db, "Müller"), QPoint(180, 90)))
    read: list[str] = []
    scanner.scanned.connect(read.append)
    for _ in range(4):  # held up for 6 s, seen every 2 s
        feed(qtbot, scanner, frame)
        clock[0] += 2.0
    assert read == [_payload(people_db, "Müller")]
    # Taken away for longer than the pause, and shown again: a second scan (the desk says
    # "already checked in").
    feed(qtbot, scanner, frame_with())
    clock[0] += framescan.REPEAT_PAUSE_S + 1
    feed(qtbot, scanner, frame)
    assert read == [_payload(people_db, "Müller")] * 2


def test_two_codes_in_one_frame_check_in_nobody(
    qtbot: QtBot, scanner: CameraScanner, people_db: Database
) -> None:
    frame = frame_with(
        (ticket_image(people_db, "Müller", 200), QPoint(20, 100)),
        (ticket_image(people_db, "Weiß", 200), QPoint(340, 100)),
    )
    read: list[str] = []
    scanner.scanned.connect(read.append)
    with qtbot.waitSignal(scanner.several, timeout=5000) as several:
        scanner.offer(frame)
    assert several.args == [2]
    assert read == []


def test_the_guard_forgets_codes_long_gone() -> None:
    now = [0.0]
    guard = RepeatGuard(3.0, lambda: now[0])
    assert guard.admit("A")
    now[0] = 2.0
    assert not guard.admit("A")
    now[0] = 4.5
    assert not guard.admit("A")  # still held up: 2.5 s since last seen
    now[0] = 8.0
    assert guard.admit("A")


# -- frame to verdict through the desk ---------------------------------------------------------


@pytest.fixture
def desk(qtbot: QtBot, people_db: Database, tmp_path: Path) -> DeskWorkspace:
    workspace = DeskWorkspace(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(workspace)
    workspace.sounds.enabled = False
    workspace.set_database(people_db)
    return workspace


def test_a_frame_gives_the_same_verdict_as_the_scanner(
    qtbot: QtBot, desk: DeskWorkspace, people_db: Database
) -> None:
    scanner = desk.camera_scanner()
    frame = frame_with((ticket_image(people_db, "Öztürk"), QPoint(200, 120)))
    with qtbot.waitSignal(desk.answered, timeout=5000) as answer:
        scanner.offer(frame)
    assert answer.args == [feedback.WELCOME]
    assert "Öztürk" in desk.result.headline.text()
    with people_db.read() as s:
        assert s.scalar(select(CheckIn.desk).order_by(CheckIn.at.desc())) == DESK.name
    # The same ticket after the pause, as a scanner would read it again: already checked in.
    scanner.guard.clock = lambda: 1e9
    with qtbot.waitSignal(desk.answered, timeout=5000) as again:
        scanner.offer(frame)
    assert again.args == [feedback.ALREADY]


def test_two_codes_at_the_desk_ask_for_one_ticket(
    qtbot: QtBot, desk: DeskWorkspace, people_db: Database
) -> None:
    scanner = desk.camera_scanner()
    frame = frame_with(
        (ticket_image(people_db, "Müller", 200), QPoint(20, 100)),
        (ticket_image(people_db, "Weiß", 200), QPoint(340, 100)),
    )
    with qtbot.waitSignal(desk.answered, timeout=5000) as answer:
        scanner.offer(frame)
    assert answer.args == [feedback.INFO]
    assert desk.result.headline.text() == desk.tr("Two codes in view")


# -- choosing the camera, and what goes wrong ----------------------------------------------------


class FakeCamera:
    """Stands for a QCameraDevice (this machine has no camera)."""

    def __init__(self, ident: bytes, description: str) -> None:
        self._id = QByteArray(ident)
        self._description = description

    def id(self) -> QByteArray:
        return self._id

    def description(self) -> str:
        return self._description


def test_without_a_camera_the_window_says_so(
    qtbot: QtBot, desk: DeskWorkspace, people_db: Database
) -> None:
    desk.options.camera_action.trigger()
    window = desk.camera_window
    assert isinstance(window, CameraWindow)
    qtbot.waitExposed(window)
    # This machine has no camera: the real device list is empty.
    assert window.choice.count() == 0
    assert not window.choice.isEnabled()
    assert not window.switch.isEnabled()
    assert window.status.text() == window.tr(
        "This laptop has no camera that smartdialog can use. Connect a webcam "
        "(it is found at once), or check in with the hand scanner or by name."
    )
    assert window.start() is False
    assert not window.is_running()


def test_the_chosen_camera_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("desk/camera", b"cam-2".hex())
    cameras = [FakeCamera(b"cam-1", "Eingebaute Kamera"), FakeCamera(b"cam-2", "USB-Webcam")]
    window = CameraWindow(settings, CameraScanner(), cameras=lambda: cameras)
    qtbot.addWidget(window)
    assert window.choice.currentText() == "USB-Webcam"
    assert window.choice.isEnabled() and window.switch.isEnabled()


def test_a_camera_unplugged_while_scanning_is_said_and_stopped(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    cameras = [FakeCamera(b"cam-1", "USB-Webcam")]
    window = CameraWindow(settings, CameraScanner(), cameras=lambda: list(cameras))
    qtbot.addWidget(window)
    window.active_id = b"cam-1"  # as if it were running (no real camera here)
    cameras.clear()
    window.devices_changed()
    assert window.active_id is None
    assert window.status.text() == window.tr(
        "The camera was disconnected. Plug it in again and press Start, or go on "
        "with the hand scanner. Nothing scanned so far is lost."
    )
    assert not window.choice.isEnabled()


def test_a_camera_in_use_by_another_program_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtMultimedia import QCamera

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = CameraWindow(settings, CameraScanner(), cameras=lambda: [])
    qtbot.addWidget(window)
    window.camera_error(QCamera.Error.CameraError, "Device or resource busy")
    assert window.status.text() == window.tr(
        "The camera cannot be used right now. Perhaps another program (a video call, "
        "the camera app) is using it: close that program, then press Start again."
    )
    assert not window.is_running()


def test_frames_shown_in_the_window_reach_the_desk(
    qtbot: QtBot, desk: DeskWorkspace, people_db: Database
) -> None:
    window = desk.open_camera()
    assert isinstance(window, CameraWindow)
    frame = frame_with((ticket_image(people_db, "Weiß"), QPoint(200, 120)))
    with qtbot.waitSignal(desk.answered, timeout=5000) as answer:
        window.show_frame(frame)
    assert answer.args == [feedback.WELCOME]
    assert not window.preview.pixmap().isNull()


class FakeFrame:
    """Stands for a QVideoFrame: counts its (costly) conversions."""

    def __init__(self, image: QImage) -> None:
        self.image = image
        self.converted = 0

    def toImage(self) -> QImage:  # noqa: N802 - Qt's name
        self.converted += 1
        return self.image


def test_frames_arriving_while_one_is_decoded_are_not_even_converted(
    qtbot: QtBot, tmp_path: Path, people_db: Database
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    scanner = CameraScanner()
    window = CameraWindow(settings, scanner, cameras=lambda: [])
    qtbot.addWidget(window)
    first = FakeFrame(frame_with((ticket_image(people_db, "Weiß"), QPoint(200, 120))))
    second = FakeFrame(frame_with())
    with qtbot.waitSignal(scanner.frame_done, timeout=5000):
        window._frame(first)
        window._frame(second)  # the camera's next frame, the decoder still busy
    assert (first.converted, second.converted) == (1, 0)
    assert (scanner.offered, scanner.dropped) == (2, 1)
    window._frame(second)
    assert second.converted == 1
    qtbot.waitUntil(lambda: not scanner.busy)
