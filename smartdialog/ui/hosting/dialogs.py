"""The join card (on the hosting laptop) and the join dialog (on the others)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.hosting import announce
from smartdialog.core.hosting.joincode import JoinCode, host_part
from smartdialog.core.hosting.session import JoinCard
from smartdialog.ui import worker
from smartdialog.ui.messages import translate_error

log = logging.getLogger("smartdialog.ui.hosting")

QR_SIZE = 300


def qr_pixmap(payload: str, size: int = QR_SIZE) -> QPixmap:
    """A QR code the desk scanner reads: black modules on white, with a quiet zone."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    n = len(matrix)
    image = QImage(n, n, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, black)
    scaled = image.scaled(
        size // n * n,
        size // n * n,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    return QPixmap.fromImage(scaled)


class JoinCardDialog(QDialog):
    """Where this event is hosted and the code to join it; stays open beside the work."""

    def __init__(self, card: JoinCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join card"))
        self.setObjectName("joinCard")
        layout = QVBoxLayout(self)
        title = QLabel(card.title)
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(
            QLabel(
                self.tr("Shared by this laptop: {name}, address {address}, port {port}").format(
                    name=card.host_name, address=card.address, port=card.port
                )
            )
        )
        row = QHBoxLayout()
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(card.code.qr_payload))
        self.qr.setToolTip(self.tr("Scan with the desk scanner on the other laptop"))
        row.addWidget(self.qr)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Join code:")))
        self.code = QLabel(card.code.text)
        self.code.setObjectName("joinCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(font.pointSizeF() * 1.8)
        mono.setBold(True)
        self.code.setFont(mono)
        right.addWidget(self.code)
        how = QLabel(
            self.tr(
                "On each other laptop: File › Join an event…, then type this code or scan the QR "
                "code. Keep this laptop switched on and connected until the event ends."
            )
        )
        how.setWordWrap(True)
        right.addWidget(how)
        if card.address.startswith("127."):
            alone = QLabel(
                self.tr(
                    "This laptop is not connected to a local network, so no other laptop can "
                    "reach it. Connect it to the venue's network (cable or Wi-Fi), then close "
                    "smartdialog and open it again: the sharing starts again on the network."
                )
            )
            alone.setObjectName("notConnected")
            alone.setWordWrap(True)
            alone.setStyleSheet("color: #b71c1c;")
            right.addWidget(alone)
        elif not card.announced:
            quiet = QLabel(
                self.tr(
                    "The network does not let this laptop announce the event: the other "
                    "laptops need the code."
                )
            )
            quiet.setWordWrap(True)
            quiet.setStyleSheet("color: #8a5300;")
            right.addWidget(quiet)
        right.addStretch(1)
        row.addLayout(right, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(780, 420)


class JoinDialog(QDialog):
    """Find a hosted event on the network or take its code; name this laptop; check it.

    ``url`` holds the connection when the dialog was accepted.
    """

    checked = Signal(str)

    def __init__(
        self, laptop_name: str, parent: QWidget | None = None, *, search: bool = True
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join an event"))
        self.url = ""
        self._task: object = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Events shared in this network:")))
        self.found = QListWidget()
        self.found.setObjectName("foundEvents")
        self.found.currentItemChanged.connect(self._picked)
        layout.addWidget(self.found, 1)
        self.search_state = QLabel(self.tr("Searching the network…"))
        self.search_state.setStyleSheet("color: #555;")
        layout.addWidget(self.search_state)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("joinCodeInput")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.code.setToolTip(self.tr("Type the code from the join card or scan its QR code"))
        form.addRow(self.tr("Join code:"), self.code)
        self.name = QLineEdit(laptop_name)
        self.name.setObjectName("laptopName")
        self.name.setPlaceholderText(self.tr("e.g. Registration 2, Table Mobility, Projector"))
        form.addRow(self.tr("Name of this laptop:"), self.name)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("joinProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.setDefault(True)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.join)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.code.returnPressed.connect(self.join)
        self.resize(560, 420)
        self._browser: announce.Browser | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._poll)
        if search:
            self._browser = announce.Browser()
            if self._browser.start():
                self._timer.start()
            else:
                self._browser = None
                self.search_state.setText(
                    self.tr("This network cannot be searched; type the join code instead.")
                )
        else:
            self.search_state.hide()

    def show_found(self, events: list[announce.Announcement]) -> None:
        shown = {
            self.found.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.found.count())
        }
        if shown == set(events):
            return
        current = self.found.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.found.clear()
        for event in events:
            item = QListWidgetItem(
                self.tr("{title} — on {host} ({address})").format(
                    title=event.title, host=event.host_name or "?", address=event.address
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, event)
            self.found.addItem(item)
            if event == keep:
                self.found.setCurrentItem(item)
        if events:
            self.search_state.setText(self.tr("Pick the event, then type the rest of its code."))
        else:
            self.search_state.setText(self.tr("Searching the network… (none found yet)"))

    def _poll(self) -> None:
        if self._browser is not None:
            self.show_found(self._browser.found())

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        event: announce.Announcement = item.data(Qt.ItemDataRole.UserRole)
        try:
            start = host_part(event.address, event.port)
        except ValueError:
            return
        if not self.code.text().upper().startswith(start):
            self.code.setText(start)
        self.code.setFocus()
        self.code.end(False)

    def join(self) -> None:
        from smartdialog.core.hosting import session

        self.problem.hide()
        try:
            code = JoinCode.parse(self.code.text())
        except Exception as exc:
            self._show_problem(exc)
            return
        self.join_button.setEnabled(False)
        self.search_state.setText(self.tr("Connecting to {address}…").format(address=code.address))
        self._task = worker.start(
            lambda _progress: session.check_join(code),
            on_done=self._joined,
            on_error=self._show_problem,
        )

    def laptop_name(self) -> str:
        return " ".join(self.name.text().split())[:80]

    def _joined(self, url: object) -> None:
        self.url = str(url)
        self.checked.emit(self.url)
        self.accept()

    def _show_problem(self, exc: Exception) -> None:
        self.join_button.setEnabled(True)
        self.problem.setText(translate_error(exc))
        self.problem.show()

    def done(self, result: int) -> None:
        self._timer.stop()
        if self._browser is not None:
            self._browser.stop()
            self._browser = None
        super().done(result)
