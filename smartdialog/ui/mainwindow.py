"""The main window: the open event, its workspaces, File New/Open/Recent/Quit."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog import __version__, i18n
from smartdialog.core.changes import Action
from smartdialog.core.errors import QT_TRANSLATE_NOOP, EventFileError, SmartDialogError
from smartdialog.core.targets import EVENT_FILE_SUFFIX, DeviceIdentity, is_url, shown_target
from smartdialog.logfile import log_file
from smartdialog.ui import appearance
from smartdialog.ui.backup import AutoBackupDialog, BackupController
from smartdialog.ui.messages import show_error, translate_error
from smartdialog.ui.welcome import WelcomePage
from smartdialog.ui.workspace import Workspace

if TYPE_CHECKING:
    from smartdialog.core.db import Database
    from smartdialog.core.services.audit import Change
    from smartdialog.core.services.roles import Access
    from smartdialog.ui import eventio
    from smartdialog.ui.feed import ChangeFeed

log = logging.getLogger("smartdialog.ui")

MAX_RECENT = 8


@dataclass(frozen=True)
class WorkspaceSpec:
    key: str
    icon: QStyle.StandardPixmap
    # Makes the page, handing it what it uses from the window (settings, providers);
    # each imports its package itself, so that a page nobody opens is never loaded.
    create: Callable[[MainWindow], Workspace]


def _setup(window: MainWindow) -> Workspace:
    from smartdialog.ui.setup import SetupWorkspace

    return SetupWorkspace()


def _desk(window: MainWindow) -> Workspace:
    from smartdialog.ui.desk import DeskWorkspace

    return DeskWorkspace(window.settings)


def _ideas(window: MainWindow) -> Workspace:
    from smartdialog.ui.ideas import IdeasWorkspace

    return IdeasWorkspace(window.settings)


def _wall(window: MainWindow) -> Workspace:
    from smartdialog.ui.voting.wall import results_provider
    from smartdialog.ui.wall import WallWorkspace

    return WallWorkspace(results_provider(lambda: window.db))


def _voting(window: MainWindow) -> Workspace:
    from smartdialog.ui.voting import VotingWorkspace

    def selected_ideas() -> list[uuid.UUID]:
        page = window._pages.get("ideas")
        selected = getattr(page, "selected_ideas", None)
        return [idea.id for idea in selected()] if callable(selected) else []

    return VotingWorkspace(ideas_selection=selected_ideas)


def _minutes(window: MainWindow) -> Workspace:
    from smartdialog.ui.minutes import MinutesWorkspace

    return MinutesWorkspace(window.settings)


# In the order of the day: set up, let people in, collect ideas, show them, vote, write it up.
# The titles are MainWindow.workspace_titles(): the navigation is built before any page exists.
WORKSPACES: tuple[WorkspaceSpec, ...] = (
    WorkspaceSpec("setup", QStyle.StandardPixmap.SP_FileDialogDetailedView, _setup),
    WorkspaceSpec("desk", QStyle.StandardPixmap.SP_DialogApplyButton, _desk),
    WorkspaceSpec("ideas", QStyle.StandardPixmap.SP_FileDialogNewFolder, _ideas),
    WorkspaceSpec("wall", QStyle.StandardPixmap.SP_DesktopIcon, _wall),
    WorkspaceSpec("voting", QStyle.StandardPixmap.SP_DialogYesButton, _voting),
    WorkspaceSpec("minutes", QStyle.StandardPixmap.SP_FileIcon, _minutes),
)


class MainWindow(QMainWindow):
    """One window per running app; it holds at most one open event at a time.

    Workspaces are created the first time they are shown, so that opening the
    app does not pay for pages nobody looks at; the database layer is imported
    on the first open, after the window is on screen.
    """

    event_opened = Signal(object)  # Database
    event_closed = Signal()
    # The event's PINs, or its title, were read anew (after a change in the feed).
    access_loaded = Signal()
    title_loaded = Signal()

    def __init__(self, settings: QSettings, device: DeviceIdentity | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.device = device or self._device_from_settings()
        self.db: Database | None = None
        self.event_title = ""
        self._pages: dict[str, Workspace] = {}
        self._feed: ChangeFeed | None = None
        self._notice_boxes: list[QMessageBox] = []
        self._opening = False  # an event is being opened (behind a modal note)
        # Which PINs the open event has (roles.Access); none: every workspace is open.
        self.access: Access | None = None
        self.role_dialog: QDialog | None = None
        self.backups = BackupController(settings, self)
        self.backups.saved.connect(self._on_backup_saved)
        self.backups.failed.connect(self._on_backup_failed)

        self.setWindowIcon(QIcon(str(_app_icon())))
        self.resize(QSize(1280, 800))
        self._build_ui()
        self._build_menus()
        self._update_state()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    @property
    def feed(self) -> ChangeFeed:
        """The audit-log poller that keeps every page current (made on first use)."""
        if self._feed is None:
            from smartdialog.ui.feed import ChangeFeed

            self._feed = ChangeFeed(self)
            self._feed.changed.connect(self._on_changes)
            self._feed.connection_lost.connect(self._on_connection_lost)
            self._feed.connection_restored.connect(self._on_connection_restored)
        return self._feed

    # -- construction -----------------------------------------------------------------

    def workspace_titles(self) -> dict[str, str]:
        return {
            "setup": self.tr("Setup"),
            "desk": self.tr("Registration"),
            "ideas": self.tr("Ideas"),
            "wall": self.tr("Live wall"),
            "voting": self.tr("Voting"),
            "minutes": self.tr("Minutes"),
        }

    def _build_ui(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Workspaces"))
        self.navigation.setIconSize(QSize(28, 28))
        self.navigation.setFixedWidth(190)
        self.navigation.setSpacing(2)
        titles = self.workspace_titles()
        for spec in WORKSPACES:
            item = QListWidgetItem(self.style().standardIcon(spec.icon), titles[spec.key])
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(180, 48))
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._show_row)

        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.new_requested.connect(self.new_event_interactive)
        self.welcome.open_requested.connect(self.open_event_interactive)
        self.welcome.connect_requested.connect(self.connect_interactive)
        self.welcome.recent_chosen.connect(self.open_event)
        self.stack.addWidget(self.welcome)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # One line across the window while a joined laptop works on its own copy (ui/offline.py).
        self.offline_banner = QLabel()
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setStyleSheet(
            "background: #fff3cd; color: #5c3c00; border-bottom: 2px solid #e0a800;"
            " padding: 6px 12px; font-weight: bold;"
        )
        self.offline_banner.hide()
        outer.addWidget(self.offline_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        # The laptop's name is shown on every desk and in the logs ("Empfang 2"),
        # so renaming it is one click away.
        self.device_label = QToolButton()
        self.device_label.setAutoRaise(True)
        self.device_label.setToolTip(self.tr("Click to rename this laptop, e.g. “Registration 2”"))
        self.device_label.clicked.connect(self.rename_device_interactive)
        self.connection_label = QLabel()
        self.backup_label = QLabel()
        self.backup_label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.backup_label.hide()
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.device_label)
        self._build_roles()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(
            file_menu,
            self.tr("&New event…"),
            self.new_event_interactive,
            QKeySequence.StandardKey.New,
        )
        self._action(
            file_menu,
            self.tr("&Open event…"),
            self.open_event_interactive,
            QKeySequence.StandardKey.Open,
        )
        self._action(file_menu, self.tr("Connect to a &shared event…"), self.connect_interactive)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        # Sharing with other laptops (hosting) and joining: its own package.
        from smartdialog.ui.hosting import HostingController

        self.hosting = HostingController(self)
        self.hosting.add_actions(file_menu)
        from smartdialog.ui.offline import OfflineController

        self.offline = OfflineController(self)
        file_menu.addSeparator()
        self.backup_action = self._action(
            file_menu, self.tr("Save a &backup copy…"), self.save_backup_interactive
        )
        self.auto_backup_action = self._action(
            file_menu, self.tr("&Automatic backups…"), self.auto_backup_interactive
        )
        self.merge_action = self._action(
            file_menu, self.tr("&Merge events…"), self.merge_interactive
        )
        file_menu.addSeparator()
        self.close_action = self._action(
            file_menu, self.tr("&Close event"), self.close_event, QKeySequence.StandardKey.Close
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        titles = self.workspace_titles()
        self.workspace_actions: list[QAction] = []
        for row, spec in enumerate(WORKSPACES):
            action = self._action(
                view_menu,
                titles[spec.key],
                partial(self.navigation.setCurrentRow, row),
                f"Ctrl+{row + 1}",
            )
            self.workspace_actions.append(action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = i18n.preferred_language(str(self.settings.value("ui/language", "") or ""))
        for code, name in i18n.LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
        self._action(
            settings_menu, self.tr("&Name of this laptop…"), self.rename_device_interactive
        )
        self._action(settings_menu, self.tr("&Role of this laptop…"), self.switch_role_interactive)
        self.appearance_menu = settings_menu.addMenu(self.tr("&Appearance"))
        chosen = appearance.load(self.settings)
        self.large_text_action = self.appearance_menu.addAction(self.tr("&Larger text"))
        self.large_text_action.setCheckable(True)
        self.large_text_action.setChecked(chosen.large_text)
        self.high_contrast_action = self.appearance_menu.addAction(self.tr("&High contrast"))
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(chosen.high_contrast)
        for action in (self.large_text_action, self.high_contrast_action):
            action.toggled.connect(lambda _=False: self._appearance_chosen())

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Open the &log file"), self._open_log)
        self._action(help_menu, self.tr("&About smartdialog"), self._about)

    def _appearance_chosen(self) -> None:
        """Larger text or high contrast: stored, and the whole app changes at once."""
        chosen = appearance.Appearance(
            large_text=self.large_text_action.isChecked(),
            high_contrast=self.high_contrast_action.isChecked(),
        )
        appearance.save(self.settings, chosen)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            appearance.apply(app, chosen)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    # -- workspaces -------------------------------------------------------------------

    def workspace(self, key: str) -> Workspace:
        """The workspace ``key``, created on first use."""
        page = self._pages.get(key)
        if page is None:
            spec = next(s for s in WORKSPACES if s.key == key)
            page = spec.create(self)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._pages[key] = page
            self.stack.addWidget(page)
            page.set_database(self.db)
        return page

    def show_workspace(self, key: str) -> Workspace:
        row = next(i for i, s in enumerate(WORKSPACES) if s.key == key)
        self.navigation.setCurrentRow(row)
        return self._pages[key]

    def _show_row(self, row: int) -> None:
        if self.db is None or row < 0:
            self.stack.setCurrentWidget(self.welcome)
            return
        key = WORKSPACES[row].key
        if not self.may_open(key):
            self.lock_page.show_for(self.workspace_titles()[key], key, self.device.role)
            self.stack.setCurrentWidget(self.lock_page)
            return
        page = self.workspace(key)
        self.stack.setCurrentWidget(page)
        self.settings.setValue("window/workspace", key)
        page.activated()

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.action == Action.EVENT_ROLE_PIN_SET for c in changes):
            self._load_access()
        for page in self._pages.values():
            page.on_changes(changes)
        if any(c.action == Action.EVENT_UPDATED for c in changes):
            self._refresh_title()

    # -- opening and closing events ------------------------------------------------------

    def open_event(self, target: str | os.PathLike[str]) -> bool:
        """Open an event file or database URL; on failure say why and keep what was open."""
        target = os.fspath(target)
        opened = self._open_in_background(self.tr("Opening the event …"), target)
        if isinstance(opened, BaseException):
            if isinstance(opened, SmartDialogError):
                if not is_url(target) and not Path(target).exists():
                    self._forget_recent(target)
                if is_url(target) and self.offline.offer_copy(target):
                    return True
            else:
                log.error("opening %s failed: %s", target, translate_error(opened))
            show_error(self, opened, self.tr("Open event"))
            return False
        self._set_database(opened.db, opened.title, opened)
        self._remember_recent(target if is_url(target) else str(Path(target).resolve()))
        for notice in opened.db.notices:
            self._tell(self.tr("Open event"), translate_error(notice))
        return True

    def _open_in_background(
        self, text: str, target: str, new_title: str | None = None, *, replace: bool = False
    ) -> Any:
        """Open (or create) the event on the writer thread; the window stays responsive.

        A modal progress note keeps the user from starting anything else meanwhile;
        the answer is the ``eventio.Opened`` event, or the exception that stopped it.
        """
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QProgressDialog

        from smartdialog.ui import eventio, ops

        if self._opening:
            # One event at a time: the note is modal, but a signal may still ask.
            return EventFileError(
                QT_TRANSLATE_NOOP("errors", "Another event is being opened. Try again in a moment.")
            )
        self._opening = True
        answer: list[Any] = []
        loop = QEventLoop()
        note = QProgressDialog(text, "", 0, 0, self)
        note.setCancelButton(None)
        note.setWindowTitle(self.tr("Open event"))
        note.setWindowModality(Qt.WindowModality.ApplicationModal)
        note.setMinimumDuration(0)
        note.setAutoClose(False)

        def done(result: Any) -> None:
            answer.append(result)
            loop.quit()

        ops.start_write(
            eventio.open_for_window,
            target,
            self.device,
            new_title,
            replace,
            on_done=done,
            on_error=done,
        )
        note.show()
        try:
            if not answer:
                loop.exec()
        finally:
            self._opening = False
            note.close()
            note.deleteLater()
        return answer[0]

    def _tell(self, title: str, text: str) -> None:
        """A warning that does not stop the work (and does not block the event loop)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.finished.connect(lambda _r, b=box: self._notice_boxes.remove(b))
        self._notice_boxes.append(box)
        box.show()

    def new_event(self, path: str | os.PathLike[str], title: str, *, replace: bool = False) -> bool:
        """Create a new event file with the resolution's fields of action and open it."""
        opened = self._open_in_background(
            self.tr("Creating the event …"), os.fspath(path), title, replace=replace
        )
        if isinstance(opened, BaseException):
            if not isinstance(opened, SmartDialogError):
                log.error("creating %s failed: %s", path, translate_error(opened))
            show_error(self, opened, self.tr("New event"))
            return False
        self._set_database(opened.db, opened.title, opened)
        self._remember_recent(str(Path(path).resolve()))
        self.show_workspace("setup")
        return True

    def open_last_event(self) -> None:
        recent = self.recent_files()
        if recent and self.settings.value("ui/reopen_last", True, type=bool):
            target = recent[0]
            if is_url(target) or Path(target).exists():
                self.open_event(target)

    def close_event(self) -> None:
        if self.db is None:
            return
        self._set_database(None)

    def switch_database(self, db: Database, title: str) -> None:
        """The same event from another place: the local copy, or the shared event again.

        Every page gets it the way it gets a newly opened event, but keeps what was typed.
        """
        self._set_database(db, title, same_event=True)

    def show_banner(self, text: str) -> None:
        self.offline_banner.setText(f"⚠ {text}" if text else "")
        self.offline_banner.setVisible(bool(text))
        self._update_state()

    def _set_database(
        self,
        db: Database | None,
        title: str = "",
        opened: eventio.Opened | None = None,
        *,
        same_event: bool = False,
    ) -> None:
        """Show ``db`` (its event's title, PINs and feed start read when it was opened), or none.

        ``same_event``: the event stays, only where it is kept changes (the shared event's
        local copy while the host does not answer, and back): its PINs stay as read.
        """
        old, self.db = self.db, db
        if not same_event:
            self.access = opened.access if opened is not None else None
        self._show_locks()
        if db is not None or self._feed is not None:
            self.feed.set_database(db, opened.seq if opened is not None else None)
        for page in self._pages.values():
            if same_event and db is not None:
                page.switch_database(db)
            else:
                page.set_database(db)
        self.backups.set_database(db)
        self.backup_label.hide()
        if old is not None:
            from smartdialog.ui import ops

            # What was typed last reaches the event being closed, and no read holds one
            # of its connections when it closes (a server's would be left open).  Not
            # when the host stopped answering: its writes are made on the local copy,
            # and a read waiting for it must not hold the window.
            if not same_event:
                ops.wait_for_writes()
                ops.reader_pool().waitForDone()
            old.close()
        self.event_title = title
        self._show_title()
        self._update_state()
        if db is not None:
            self.event_opened.emit(db)
            if self.navigation.currentRow() < 0:
                last = str(self.settings.value("window/workspace", "setup"))
                keys = [s.key for s in WORKSPACES]
                self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)
            else:
                self._show_row(self.navigation.currentRow())
        else:
            self.navigation.setCurrentRow(-1)
            self.stack.setCurrentWidget(self.welcome)
            self.event_closed.emit()

    def _refresh_title(self) -> None:
        """Read the title anew (it was edited, here or on another laptop)."""
        db = self.db
        if db is None:
            self._show_title()
            return
        from smartdialog.core.services import setup
        from smartdialog.ui import ops

        def show(title: str) -> None:
            if db is self.db:
                self.event_title = title
                self._show_title()
                self.title_loaded.emit()

        # The database gone away: the old title stays, the log says why.
        ops.QueryOp(self, db, lambda s: setup.get_event(s).title).success(show).failure(
            lambda sentence: log.warning("could not read the event title: %s", sentence)
        ).run()

    def _show_title(self) -> None:
        if self.db is None:
            self.setWindowTitle("smartdialog")
        else:
            self.setWindowTitle(f"{self.event_title} — {self.db.display_name}")

    def _update_state(self) -> None:
        has_event = self.db is not None
        self.navigation.setEnabled(has_event)
        self.close_action.setEnabled(has_event)
        self.merge_action.setEnabled(has_event)
        # Backups are of event files; a shared event is backed up on its server.
        self.backup_action.setEnabled(self.db is not None and self.db.is_sqlite)
        self.auto_backup_action.setEnabled(self.db is not None and self.db.is_sqlite)
        for action in self.workspace_actions:
            action.setEnabled(has_event)
        self.welcome.set_recent(self.recent_files())
        self.device_label.setText(self.tr("This laptop: {name}").format(name=self.device.name))
        offline = self.offline.banner()
        if offline:
            self.offline_banner.setText(f"⚠ {offline}")
        self.offline_banner.setVisible(bool(offline))
        self.connection_label.setStyleSheet("color: #b71c1c; font-weight: bold;" if offline else "")
        if self.db is None:
            self.connection_label.clear()
        elif offline:
            self.connection_label.setText(self.tr("Working on this laptop's copy"))
        elif self.db.is_sqlite:
            self.connection_label.setText(self.tr("Event file: {path}").format(path=self.db.path))
        else:
            self.connection_label.setText(self.tr("Shared event: {url}").format(url=self.db.url))

    def _on_connection_lost(self, detail: str) -> None:
        self.connection_label.setText(self.tr("⚠ No connection to the event database"))
        self.connection_label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.statusBar().showMessage(
            self.tr(
                "The event database does not answer. Check the network cable; smartdialog keeps trying."
            ),
            0,
        )

    def _on_connection_restored(self) -> None:
        self.connection_label.setStyleSheet("")
        self._update_state()
        self.statusBar().showMessage(self.tr("Connection to the event database restored."), 8000)

    # -- dialogs ------------------------------------------------------------------------

    def _documents_dir(self) -> str:
        last = str(self.settings.value("ui/last_dir", "") or "")
        if last and Path(last).is_dir():
            return last
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _event_filter(self) -> str:
        return self.tr("smartdialog events (*{suffix});;All files (*)").format(
            suffix=EVENT_FILE_SUFFIX
        )

    def new_event_interactive(self) -> None:
        title, ok = QInputDialog.getText(
            self,
            self.tr("New event"),
            self.tr("Title of the event:"),
            QLineEdit.EchoMode.Normal,
            self.tr("Citizens' dialogue"),
        )
        if not ok or not title.strip():
            return
        suggested = Path(self._documents_dir()) / (_file_name_for(title) + EVENT_FILE_SUFFIX)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the new event as"), str(suggested), self._event_filter()
        )
        if not path:
            return
        if not path.endswith(EVENT_FILE_SUFFIX) and not Path(path).exists():
            path += EVENT_FILE_SUFFIX
        self.settings.setValue("ui/last_dir", str(Path(path).parent))
        # The file dialog has already asked whether to replace an existing file.
        self.new_event(path, title, replace=True)

    def open_event_interactive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open event"), self._documents_dir(), self._event_filter()
        )
        if path:
            self.settings.setValue("ui/last_dir", str(Path(path).parent))
            self.open_event(path)

    def connect_interactive(self) -> None:
        url, ok = QInputDialog.getText(
            self,
            self.tr("Connect to a shared event"),
            self.tr(
                "Address of the shared event database, as the organisers gave it to you\n"
                "(for example postgresql://event@192.168.1.10/buergerdialog):"
            ),
            QLineEdit.EchoMode.Normal,
            str(self.settings.value("ui/last_url", "postgresql://")),
        )
        if not ok or not url.strip():
            return
        url = url.strip()
        if not is_url(url):
            QMessageBox.warning(
                self,
                self.tr("Connect to a shared event"),
                self.tr("“{url}” is not a database address. It starts with postgresql://").format(
                    url=url
                ),
            )
            return
        self.settings.setValue("ui/last_url", url)
        self.open_event(url)

    def merge_interactive(self) -> None:
        if self.db is not None:
            from smartdialog.ui.merge import MergeDialog

            MergeDialog(self.db, self).exec()

    def save_backup_interactive(self) -> None:
        if self.db is None or self.db.path is None:
            return
        from datetime import datetime

        stamp = datetime.now().strftime("%Y-%m-%d_%H-%M")
        folder = self.backups.settings.folder or self._documents_dir()
        suggested = Path(folder) / f"{self.db.path.stem}-sicherung-{stamp}{EVENT_FILE_SUFFIX}"
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a backup copy"), str(suggested), self._event_filter()
        )
        if not target:
            return
        if not target.endswith(EVENT_FILE_SUFFIX) and not Path(target).exists():
            target += EVENT_FILE_SUFFIX
        self.statusBar().showMessage(self.tr("Saving the backup copy…"))
        self.backups.backup_to(Path(target), self._backup_saved, self._backup_not_saved)

    def _backup_saved(self, result: object) -> None:
        path = getattr(result, "path", "")
        self.statusBar().showMessage(self.tr("Backup copy saved: {path}").format(path=path), 8000)
        QMessageBox.information(
            self,
            self.tr("Save a backup copy"),
            self.tr(
                "The backup copy was saved:\n{path}\n\nIt holds everything entered up to now, "
                "also on the other laptops. Open it like any event file if you need it."
            ).format(path=path),
        )

    def _backup_not_saved(self, exc: Exception) -> None:
        self.statusBar().clearMessage()
        show_error(self, exc, self.tr("Save a backup copy"))

    def auto_backup_interactive(self) -> None:
        dialog = AutoBackupDialog(self.backups.settings, self)
        if dialog.exec() == AutoBackupDialog.DialogCode.Accepted:
            self.backups.apply_settings()
            if self.backups.settings.enabled:
                self.backups.backup_automatically()

    def _on_backup_saved(self, result: object) -> None:
        self.backup_label.hide()
        self.statusBar().showMessage(
            self.tr("Automatic backup saved: {path}").format(path=getattr(result, "path", "")),
            8000,
        )

    def _on_backup_failed(self, text: str) -> None:
        # Said once when it starts failing; the red label stays until a backup succeeds.
        first = not self.backup_label.isVisible()
        self.backup_label.setText(self.tr("⚠ Automatic backup failed"))
        self.backup_label.setToolTip(text)
        self.backup_label.show()
        if first:
            self._tell(self.tr("Automatic backups"), text)

    def rename_device_interactive(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Name of this laptop"),
            self.tr(
                "Shown on other laptops and in the logs, e.g. “Registration 2” or “Table Mobility”:"
            ),
            QLineEdit.EchoMode.Normal,
            self.device.name,
        )
        name = " ".join(name.split())[:80]
        if ok and name:
            self.settings.setValue("device/name", name)
            self.device = DeviceIdentity(self.device.id, name, self.device.role)
            self._register_device()
            self._update_state()

    def set_language(self, code: str) -> None:
        self.settings.setValue("ui/language", code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start of smartdialog."),
        )

    def _open_log(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file())))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About smartdialog"),
            self.tr(
                "<h3>smartdialog {version}</h3><p>Runs a city's public citizens' dialogue: "
                "registration desk, idea capture, live wall, dot-voting and the minutes for "
                "the council.</p>"
            ).format(version=__version__),
        )

    # -- recent files -------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent/files", [])
        if isinstance(value, str):  # QSettings gives a lone entry back as a string
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember_recent(self, target: str) -> None:
        files = [target, *(f for f in self.recent_files() if f != target)][:MAX_RECENT]
        self.settings.setValue("recent/files", files)
        self.welcome.set_recent(files)

    def _forget_recent(self, target: str) -> None:
        files = [f for f in self.recent_files() if f != target and f != str(Path(target).resolve())]
        self.settings.setValue("recent/files", files)
        self.welcome.set_recent(files)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for n, target in enumerate(files, start=1):
            label = shown_target(target) if is_url(target) else Path(target).name
            action = self.recent_menu.addAction(f"&{n} {label}")
            action.setToolTip(shown_target(target))
            action.setStatusTip(shown_target(target))
            action.triggered.connect(lambda _=False, t=target: self.open_event(t))
        if not files:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear the list"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.setValue("recent/files", [])
        self.welcome.set_recent([])

    def _device_from_settings(self) -> DeviceIdentity:
        default = DeviceIdentity.this_machine()
        name = str(self.settings.value("device/name", "") or "") or default.name
        role = str(self.settings.value("device/role", "") or "") or default.role
        return DeviceIdentity(default.id, name, role)

    # -- roles (see core/services/roles.py) ------------------------------------------------

    def _build_roles(self) -> None:
        from smartdialog.ui.roles import LockPage

        self.lock_page = LockPage()
        self.lock_page.switch_requested.connect(self.switch_role_interactive)
        self.stack.addWidget(self.lock_page)
        self.role_label = QToolButton()
        self.role_label.setAutoRaise(True)
        self.role_label.setToolTip(self.tr("Click to switch this laptop's role (needs a PIN)"))
        self.role_label.clicked.connect(lambda: self.switch_role_interactive())
        self.statusBar().addPermanentWidget(self.role_label)

    def may_open(self, key: str) -> bool:
        """May this laptop, in its role, open workspace ``key`` (or use area ``key``)?"""
        return self.access is None or self.access.allowed(self.device.role, key)

    def _load_access(self) -> None:
        """Read the event's PINs anew (changed here or on another laptop), then lock and unlock."""
        db = self.db
        if db is None:
            return
        from smartdialog.core.services import roles
        from smartdialog.ui import ops

        def show(access: Access) -> None:
            if db is self.db:
                self.access = access
                self._show_locks()
                self._show_row(self.navigation.currentRow())
                self.access_loaded.emit()

        # Until the answer is there the old PINs apply; a failure keeps them (and is logged).
        ops.QueryOp(self, db, roles.access).success(show).failure(
            lambda sentence: log.warning("could not read the event's PINs: %s", sentence)
        ).run()

    def _show_locks(self) -> None:
        from smartdialog.ui.roles import role_name

        titles = self.workspace_titles()
        for row, spec in enumerate(WORKSPACES):
            item = self.navigation.item(row)
            locked = self.db is not None and not self.may_open(spec.key)
            item.setText(f"{titles[spec.key]} 🔒" if locked else titles[spec.key])
            item.setToolTip(self.tr("Locked for this laptop's role") if locked else "")
        applies = self.access is not None and self.access.applies
        self.role_label.setText(
            self.tr("Role: {role}").format(role=role_name(self.device.role))
            if applies
            else self.tr("Role: {role} (no PINs set)").format(role=role_name(self.device.role))
        )
        self.role_label.setVisible(self.db is not None)

    def switch_role_interactive(self, area: str = "") -> None:
        """Ask for the role and a PIN that unlocks it; a locked area preselects a role that may."""
        if self.db is None:
            return
        from smartdialog.core.services import roles
        from smartdialog.ui.roles import RoleDialog

        dialog = RoleDialog(self.db, self.device.role, self)
        wanted = roles.roles_for(area) if area else ()
        dialog.select(wanted[0] if wanted else self.device.role)
        dialog.accepted.connect(lambda: self.set_role(dialog.chosen_role))
        self.role_dialog = dialog
        dialog.open()

    def set_role(self, role: str) -> None:
        """Set this laptop to ``role`` (the PIN was checked by the dialog)."""
        self.settings.setValue("device/role", role)
        self.device = DeviceIdentity(self.device.id, self.device.name, role)
        self._register_device()
        self._show_locks()
        self._show_row(self.navigation.currentRow())

    def _register_device(self) -> None:
        """This laptop's name and role, as the event's other laptops see them (written in order)."""
        db = self.db
        if db is None:
            return
        from smartdialog.ui import ops

        db.device = self.device
        ops.start_write(
            lambda _progress: db.register_device(),
            on_error=lambda exc: self.statusBar().showMessage(translate_error(exc), 8000),
            parent=self,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.settings.setValue("window/geometry", self.saveGeometry())
        self._set_database(None)
        self.hosting.shutdown()
        event.accept()


def _file_name_for(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(keep.split())[:60] or "veranstaltung"


def _app_icon() -> Path:
    from smartdialog.paths import resource

    return resource("icons", "smartdialog.svg")
