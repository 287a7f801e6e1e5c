"""Offline without fuss: a joined laptop goes on working on its local copy when the host drops.

The work is core.hosting.offline's; this controller decides when:

- while the window shows a shared event (joined, or opened by a PostgreSQL URL,
  but not the event this laptop hosts itself), the local copy is refreshed in
  the background: right after opening, after changes (at most every
  ``CHANGES_GAP_MS``) and every ``REFRESH_MS``;
- when the change feed loses the database, or a write fails because the server
  does not answer, every page is handed the local copy (the window's usual
  path for a newly opened event); the failed write is made there instead
  (ops.failover), and a banner says since when;
- every ``PROBE_MS`` the host is asked whether it answers again; when it does,
  the local copy is merged into the shared event on the writer thread (after
  every write made offline), the pages get the shared event back, a fresh
  copy is taken, and the status bar says how much came over, or a window
  shows the merge report when a rule had to decide something.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from smartdialog.core import clock
from smartdialog.core.targets import is_url
from smartdialog.ui.messages import translate_error

if TYPE_CHECKING:
    from smartdialog.core.db import Database
    from smartdialog.core.errors import ConnectionLost
    from smartdialog.core.hosting.offline import CopyInfo
    from smartdialog.core.services.audit import Change
    from smartdialog.core.services.merge import MergeReport
    from smartdialog.ui.mainwindow import MainWindow

log = logging.getLogger("smartdialog.ui.offline")

REFRESH_MS = 60_000
CHANGES_GAP_MS = 15_000
PROBE_MS = 5_000


def data_root() -> Path:
    from smartdialog.ui.hosting import data_root as hosting_data_root

    return hosting_data_root()


class OfflineController(QObject):
    # Emitted from the writer thread when a write found the host gone (queued to the GUI).
    _failed_over = Signal(object)
    # For tests and the window: the laptop went offline / came back (report or None).
    went_offline = Signal()
    came_back = Signal(object)
    copy_refreshed = Signal(object)  # CopyInfo
    problem = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.host_url: str | None = None
        self.event_id: str | None = None
        self.title = ""
        self.host_db: Database | None = None
        self.local_db: Database | None = None
        self.since: datetime | None = None
        self.last_copy: CopyInfo | None = None
        self.report_dialog: Any = None
        self._lock = threading.Lock()
        self._switching = False
        self._watching = False
        self._refreshing = False
        self._merging = False
        self._refused = False
        self._told: set[str] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._changes_timer = QTimer(self)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(CHANGES_GAP_MS)
        self._changes_timer.timeout.connect(self.refresh)
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(PROBE_MS)
        self._probe_timer.timeout.connect(self.probe)
        self._failed_over.connect(self._switch_to_local)
        window.event_opened.connect(self._opened)
        window.event_closed.connect(self._closed)

    # -- state -----------------------------------------------------------------------------

    @property
    def offline(self) -> bool:
        return self.local_db is not None and self.window.db is self.local_db

    def banner(self) -> str:
        """The one line the window shows while this laptop works on its own copy."""
        if not self.offline or self.since is None:
            return ""
        return self.tr("No connection to the host since {time} – you are working locally").format(
            time=clock.hh_mm(self.since)
        )

    def _follows(self, db: Database) -> bool:
        if db.is_sqlite:
            return False
        hosted = getattr(self.window.hosting, "hosted", None)
        own = hosted is not None and db.engine.url == _engine_url(hosted.url)
        return not own

    def _opened(self, db: Database) -> None:
        if self._switching:
            return
        self._stop()
        if not self._follows(db):
            return
        self.host_url = db.engine.url.render_as_string(hide_password=False)
        self.host_db = db
        self._watch()
        self._refresh_timer.start()
        self.refresh()

    def _watch(self) -> None:
        from smartdialog.ui import ops

        ops.failover = self._failover
        if not self._watching:
            self._watching = True
            self.window.feed.connection_lost.connect(self._connection_lost)
            self.window.feed.changed.connect(self._changes)

    def _closed(self) -> None:
        if not self._switching:
            self._stop()

    def _stop(self) -> None:
        if self._watching:
            self._watching = False
            self.window.feed.connection_lost.disconnect(self._connection_lost)
            self.window.feed.changed.disconnect(self._changes)
        if self.host_url is not None:
            from smartdialog.ui import ops

            if ops.failover == self._failover:
                ops.failover = None
        for timer in (self._refresh_timer, self._changes_timer, self._probe_timer):
            timer.stop()
        self.host_url = self.event_id = None
        self.host_db = self.local_db = None
        self.since = None
        self._refused = False
        self._told.clear()

    # -- the local copy --------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the local copy up to date, in the background (while online only)."""
        url = self.host_url
        if url is None or self.local_db is not None or self._refreshing or self._merging:
            return
        from smartdialog.core.hosting import offline
        from smartdialog.ui import ops

        self._refreshing = True
        device = self.window.device
        ops.start(
            lambda _p: offline.refresh(url, data_root(), device=device),
            on_done=self._refreshed,
            on_error=self._refresh_failed,
            parent=self,
        )

    def _refreshed(self, info: CopyInfo) -> None:
        self._refreshing = False
        if self.host_url is None:
            return
        self.event_id, self.title, self.last_copy = info.event_id, info.title, info
        self._told.discard("copy")
        self.copy_refreshed.emit(info)

    def _refresh_failed(self, exc: Exception) -> None:
        from smartdialog.core.errors import ConnectionLost

        self._refreshing = False
        if self.host_url is None or isinstance(exc, ConnectionLost):
            return  # the feed says so, once
        self._say_once("copy", translate_error(exc))

    def _changes(self, _changes: list[Change]) -> None:
        if not self._changes_timer.isActive():
            self._changes_timer.start()

    def _say_once(self, key: str, sentence: str) -> None:
        if key in self._told:
            return
        self._told.add(key)
        self.problem.emit(sentence)
        self.window.statusBar().showMessage(sentence, 0)

    # -- going offline ---------------------------------------------------------------------

    def _open_local(self) -> Database:
        """The local copy, opened once (from whichever thread noticed the drop first)."""
        from smartdialog.core.hosting import offline

        with self._lock:
            if self.local_db is None:
                if self.event_id is None:
                    raise offline.no_copy()
                self.local_db = offline.open_copy(data_root(), self.event_id, self.window.device)
            return self.local_db

    def _failover(self, db: Database, exc: ConnectionLost) -> Database | None:
        """On the writer thread: a write found the host gone; where to make it instead."""
        if self.host_url is None or (db is not self.host_db and db is not self.local_db):
            return None
        try:
            local = self._open_local()
        except Exception as problem:
            log.warning("no local copy to write to: %s", problem)
            return None
        self._failed_over.emit(local)
        return local

    def _connection_lost(self, _sentence: str) -> None:
        if self.host_url is None or self.offline or self.window.db is not self.host_db:
            return
        from smartdialog.ui import ops

        ops.start(
            lambda _p: self._open_local(),
            on_done=self._switch_to_local,
            on_error=self._no_local_copy,
            parent=self,
        )

    def _no_local_copy(self, exc: Exception) -> None:
        self._say_once("local", translate_error(exc))
        self._probe_timer.start()

    def _switch_to_local(self, db: Database) -> None:
        if self.offline or self.host_url is None or db is not self.local_db:
            return
        self.since = clock.now()
        self._refresh_timer.stop()
        self._changes_timer.stop()
        self._switch(db)
        log.warning("the host does not answer; working on the local copy")
        self._probe_timer.start()
        self.went_offline.emit()

    def _switch(self, db: Database) -> None:
        self._switching = True
        try:
            self.window.switch_database(db, self.title or self.window.event_title)
        finally:
            self._switching = False
        self.window.show_banner(self.banner())

    def open_copy_instead(self, url: str, info: CopyInfo) -> bool:
        """At the start, the host away: work on its local copy until it answers."""
        from smartdialog.core.hosting import offline

        try:
            db = offline.open_copy(data_root(), info.event_id, self.window.device)
        except offline.OfflineError as exc:
            QMessageBox.warning(self.window, self.tr("Local copy"), translate_error(exc))
            return False
        self._stop()
        self.host_url, self.event_id, self.title = url, info.event_id, info.title
        self.last_copy = info
        self.local_db = db
        self._watch()
        self.since = info.copied
        self._switch(db)
        self._probe_timer.start()
        self.went_offline.emit()
        return True

    def offer_copy(self, url: str) -> bool:
        """The shared event at ``url`` does not answer: offer this laptop's copy, if any."""
        from smartdialog.core.hosting import offline

        if not is_url(url):
            return False
        info = offline.find_copy(data_root(), url)
        if info is None:
            return False
        minutes = max(0, int((clock.now() - info.copied).total_seconds() // 60))
        answer = QMessageBox.question(
            self.window,
            self.tr("Open event"),
            self.tr(
                "The hosting laptop does not answer. This laptop has its own copy of “{title}” "
                "from {time} ({minutes} minutes old). Work on it now? What you enter is brought "
                "into the shared event as soon as the host answers again."
            ).format(title=info.title, time=clock.hh_mm(info.copied), minutes=minutes),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.open_copy_instead(url, info)

    # -- coming back -----------------------------------------------------------------------

    def probe(self) -> None:
        url = self.host_url
        if url is None or self._merging or self.window.db is self.host_db:
            self._probe_timer.stop()
            return
        from smartdialog.core.errors import ConnectionLost
        from smartdialog.core.hosting import offline
        from smartdialog.ui import ops

        def ask(_p: object) -> tuple[str, str] | None:
            try:
                return offline.probe(url)
            except ConnectionLost:
                return None  # still away: asked again in a moment

        ops.start(ask, on_done=self._host_answers, on_error=self._probe_failed, parent=self)

    def _probe_failed(self, exc: Exception) -> None:
        self._say_once("probe", translate_error(exc))

    def _host_answers(self, event: tuple[str, str] | None) -> None:
        if event is None or self.host_url is None or self._merging:
            return
        if event[0] != self.event_id:
            if not self._refused:
                self._refused = True
                from smartdialog.core.hosting import offline

                sentence = translate_error(offline.other_event(event[1]))
                QMessageBox.warning(self.window, self.tr("Back online"), sentence)
                self.problem.emit(sentence)
            return
        if self.local_db is None:
            # Never switched (no copy): the shared event is simply back.
            self._probe_timer.stop()
            return
        self.merge_back()

    def merge_back(self) -> None:
        """Merge the local copy into the shared event, after every write made on it."""
        url, local = self.host_url, self.local_db
        if url is None or local is None or local.path is None or self.event_id is None:
            return
        from smartdialog.core.db import open_database
        from smartdialog.core.hosting import offline
        from smartdialog.ui import ops

        self._merging = True
        self._probe_timer.stop()
        path, event_id, device = local.path, self.event_id, self.window.device

        def work(_p: object) -> tuple[MergeReport, Database]:
            report = offline.merge_back(path, event_id, url, device)
            return report, open_database(url, device)

        ops.start_write(work, on_done=self._merged, on_error=self._merge_failed, parent=self)

    def _merge_failed(self, exc: Exception) -> None:
        from smartdialog.core.hosting import offline

        self._merging = False
        if isinstance(exc, offline.OfflineError) and not self._refused:
            self._refused = True
            QMessageBox.warning(self.window, self.tr("Back online"), translate_error(exc))
        self._probe_timer.start()

    def _merged(self, result: tuple[MergeReport, Database]) -> None:
        from smartdialog.core.hosting import offline
        from smartdialog.ui import ops

        report, host_db = result
        self._merging = False
        if self.host_url is None:
            host_db.close()
            return
        old_local, old_host = self.local_db, self.host_db
        self.host_db, self.local_db, self.since = host_db, None, None
        self._switch(host_db)
        log.info("back online: %s entries merged", offline.entries_brought(report))
        if offline.needs_deciding(report):
            self.show_report(report)
        else:
            self.window.statusBar().showMessage(
                self.tr("Connected again – {count} local entries transferred").format(
                    count=offline.entries_brought(report)
                ),
                15000,
            )
        # After the writes still queued for the local copy: merged once more, then a
        # fresh copy replaces it.
        url, device = self.host_url, self.window.device

        def fresh_copy(_p: object) -> CopyInfo:
            # After the writes queued for them: no connection is left on the file about to
            # be replaced, nor to the host from before the drop.
            for old in (old_local, old_host):
                if old is not None:
                    old.close()
            return offline.refresh(url, data_root(), device=device)

        ops.start_write(
            fresh_copy,
            on_done=self._refreshed_after_merge,
            on_error=self._refresh_failed,
            parent=self,
        )
        self._refresh_timer.start()
        self.came_back.emit(report)

    def _refreshed_after_merge(self, info: CopyInfo) -> None:
        self._refreshed(info)

    def show_report(self, report: MergeReport) -> None:
        from smartdialog.ui.merge import MergeDialog

        db = self.window.db
        if db is None:
            return
        if self.report_dialog is not None:
            self.report_dialog.close()
        self.report_dialog = MergeDialog(db, self.window)
        self.report_dialog.show_report(
            report,
            self.tr(
                "The connection to the hosting laptop is back. What this laptop entered "
                "meanwhile is now in the shared event; the merge had to decide the following."
            ),
        )
        self.report_dialog.show()


def _engine_url(url: str) -> Any:
    from sqlalchemy import make_url

    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed
