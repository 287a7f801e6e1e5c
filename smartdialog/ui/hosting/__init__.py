"""Several laptops from the File menu: share the open event, end the sharing, join one.

The controller owns the hosted event of this laptop (at most one): it starts
the server in the background, reopens the window on the hosted database, shows
the join card, stops the server when the app closes and offers to start it
again at the next start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QProgressDialog

from smartdialog.core.targets import DeviceIdentity
from smartdialog.ui import worker
from smartdialog.ui.messages import show_error

if TYPE_CHECKING:
    from smartdialog.core.hosting.session import HostedEvent, HostState
    from smartdialog.ui.mainwindow import MainWindow

log = logging.getLogger("smartdialog.ui.hosting")


def data_root() -> Path:
    from smartdialog.core.hosting import chosen_data_root
    from smartdialog.logfile import data_dir

    return chosen_data_root(data_dir())


class HostingController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hosted: HostedEvent | None = None
        self.card_dialog: Any = None
        self.join_dialog: Any = None
        self._busy: QProgressDialog | None = None
        self._task: Any = None
        window.event_opened.connect(self.update_state)
        window.event_closed.connect(self.update_state)

    def add_actions(self, menu: QMenu) -> None:
        self.share_action = menu.addAction(self.tr("Share with other &laptops…"))
        self.share_action.triggered.connect(self.share_interactive)
        self.end_action = menu.addAction(self.tr("&End sharing"))
        self.end_action.triggered.connect(self.end_interactive)
        self.join_action = menu.addAction(self.tr("&Join an event…"))
        self.join_action.triggered.connect(self.join_interactive)
        self.update_state()

    def update_state(self, *_args: object) -> None:
        db = self.window.db
        busy = self._task is not None
        self.share_action.setEnabled(
            not busy and (self.hosted is not None or (db is not None and db.is_sqlite))
        )
        self.end_action.setEnabled(not busy and self.hosted is not None)
        self.join_action.setEnabled(not busy)

    # -- hosting -------------------------------------------------------------------------

    def share_interactive(self) -> None:
        if self.hosted is not None:
            self.show_card()
            return
        db = self.window.db
        if db is None or db.path is None:
            return
        self.share(db.path)

    def share(self, path: Path) -> None:
        from smartdialog.core.hosting import session

        root = data_root()
        state = session.find_state(root, path)
        self.window.close_event()  # nothing writes to the file while it is copied

        def work(_progress: object) -> HostedEvent:
            if state is not None:
                hosted = session.resume_hosting(state, root)
            else:
                hosted = session.start_hosting(path, root)
            hosted.announce()
            return hosted

        self._run(
            work,
            self.tr("Starting the shared event…"),
            self._hosting_started,
            lambda exc: self._failed(exc, str(path), self.tr("Share with other laptops")),
        )

    def resume(self, state: HostState) -> None:
        from smartdialog.core.hosting import session

        root = data_root()

        def work(_progress: object) -> HostedEvent:
            hosted = session.resume_hosting(state, root)
            hosted.announce()
            return hosted

        self._run(
            work,
            self.tr("Starting the shared event…"),
            self._hosting_started,
            lambda exc: self._failed(exc, None, self.tr("Share with other laptops")),
        )

    def _hosting_started(self, hosted: object) -> None:
        from smartdialog.core.hosting.session import HostedEvent

        assert isinstance(hosted, HostedEvent)
        self.hosted = hosted
        self._done()
        self.window.open_event(hosted.url)
        self.show_card()

    def show_card(self) -> None:
        from smartdialog.ui.hosting.dialogs import JoinCardDialog

        if self.hosted is None:
            return
        if self.card_dialog is not None:
            self.card_dialog.close()
        self.card_dialog = JoinCardDialog(self.hosted.card, self.window)
        self.card_dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.card_dialog.show()

    def end_interactive(self) -> None:
        if self.hosted is None:
            return
        source = self.hosted.state.source
        answer = QMessageBox.question(
            self.window,
            self.tr("End sharing"),
            self.tr(
                "The other laptops lose the connection, and the event goes back into the file "
                "{path} (the file from before the sharing is kept beside it). End the sharing?"
            ).format(path=source),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.end()

    def end(self) -> None:
        hosted = self.hosted
        if hosted is None:
            return
        self.window.close_event()
        if self.card_dialog is not None:
            self.card_dialog.close()
        self._run(
            lambda _progress: hosted.end(),
            self.tr("Bringing the event back into its file…"),
            self._ended,
            lambda exc: self._failed(exc, hosted.url, self.tr("End sharing")),
        )

    def _ended(self, path: object) -> None:
        self.hosted = None
        self._done()
        self.window.open_event(str(path))

    def shutdown(self) -> None:
        """The app closes: stop the server (the event stays shared for the next start)."""
        if self.hosted is not None:
            try:
                self.hosted.stop()
            except Exception as exc:
                log.warning("stopping the server failed: %s", exc)
            self.hosted = None

    def offer_resume(self) -> bool:
        """At start: an event was shared when the app last closed; offer to share it again."""
        from smartdialog.core.hosting import hosting_root

        folder = hosting_root(data_root())
        if not folder.is_dir() or not any(folder.iterdir()):
            return False  # the common case, decided without loading the database layer
        from smartdialog.core.hosting import session

        states = session.hosted_events(data_root())
        if not states or self.hosted is not None:
            return False
        state = states[-1]
        answer = QMessageBox.question(
            self.window,
            self.tr("Share with other laptops"),
            self.tr(
                "This laptop shared the event “{title}” when smartdialog was last closed. "
                "Share it again now? (Otherwise the other laptops cannot reach it.)"
            ).format(title=state.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.resume(state)
        return True

    # -- joining -------------------------------------------------------------------------

    def join_interactive(self) -> None:
        from smartdialog.ui.hosting.dialogs import JoinDialog

        self.join_dialog = JoinDialog(self.window.device.name, self.window)
        self.join_dialog.accepted.connect(self._joined)
        self.join_dialog.open()

    def _joined(self) -> None:
        dialog = self.join_dialog
        if dialog is None or not dialog.url:
            return
        name = dialog.laptop_name()
        if name and name != self.window.device.name:
            self.window.settings.setValue("device/name", name)
            device = self.window.device
            self.window.device = DeviceIdentity(device.id, name, device.role)
        self.window.open_event(dialog.url)

    # -- the background work -------------------------------------------------------------

    def _run(self, fn: Any, label: str, on_done: Any, on_error: Any) -> None:
        self._busy = QProgressDialog(label, "", 0, 0, self.window)
        self._busy.setCancelButton(None)
        self._busy.setWindowModality(Qt.WindowModality.WindowModal)
        self._busy.setMinimumDuration(0)
        self._busy.show()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._task = worker.start(fn, on_done=on_done, on_error=on_error)
        self.update_state()

    def _done(self) -> None:
        if self._busy is not None:
            self._busy.close()
            self._busy = None
        if self._task is not None:
            QApplication.restoreOverrideCursor()
        self._task = None
        self.update_state()

    def _failed(self, exc: Exception, reopen: str | None, title: str) -> None:
        self._done()
        if reopen:
            self.window.open_event(reopen)
        show_error(self.window, exc, title)
