"""Roles in the window: a laptop set to the desk cannot open what is not the desk's."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.services import roles
from smartdialog.ui.mainwindow import MainWindow
from smartdialog.ui.roles import RoleDialog

from .conftest import TEST_DEVICE

DESK_LAPTOP = DeviceIdentity(uuid.UUID(int=21), "Empfang 1", roles.DESK)


def _with_pins(path: Path) -> None:
    db = open_database(path, TEST_DEVICE)
    try:
        with db.uow() as s:
            roles.set_role_pin(s, roles.OFFICE, "9999")
            roles.set_role_pin(s, roles.DESK, "1111", authorisation="9999")
            roles.set_role_pin(s, roles.MODERATION, "2222", authorisation="9999")
    finally:
        db.close()


def _window(qtbot: QtBot, tmp_path: Path, db_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, DESK_LAPTOP)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    assert window.open_event(db_path)
    return window


def _switch(qtbot: QtBot, window: MainWindow, role: str, pin: str) -> RoleDialog:
    window.switch_role_interactive()
    dialog = window.role_dialog
    assert isinstance(dialog, RoleDialog)
    dialog.select(role)
    dialog.pin.setText(pin)
    with qtbot.waitSignal(dialog.answered):
        dialog.try_accept()
    return dialog


def _row(key: str) -> int:
    from smartdialog.ui.mainwindow import WORKSPACES

    return next(i for i, s in enumerate(WORKSPACES) if s.key == key)


def test_a_desk_laptop_cannot_open_privacy_or_paper_counts_without_a_pin(
    qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    _with_pins(db_path)
    window = _window(qtbot, tmp_path, db_path)
    window.navigation.setCurrentRow(_row("desk"))
    assert window.stack.currentWidget() is window.workspace("desk")
    # Privacy lives in the minutes workspace, paper counts in the voting workspace.
    for key in ("minutes", "voting", "setup"):
        window.navigation.setCurrentRow(_row(key))
        assert window.stack.currentWidget() is window.lock_page
        assert key not in window._pages, "a locked workspace is not even built"
        assert "🔒" in window.navigation.item(_row(key)).text()
    assert "Empfang" in window.lock_page.text.text()

    # The desk's own PIN does not unlock Moderation.
    dialog = _switch(qtbot, window, roles.MODERATION, "1111")
    assert dialog.result() == 0 and "Falsche PIN" in dialog.message.text()
    assert window.device.role == roles.DESK
    dialog.reject()

    # Moderation's PIN opens the voting workspace (and its paper counts), not privacy.
    _switch(qtbot, window, roles.MODERATION, "2222")
    assert window.device.role == roles.MODERATION
    assert window.db is not None and window.db.device.role == roles.MODERATION
    window.navigation.setCurrentRow(_row("voting"))
    assert window.stack.currentWidget() is window.workspace("voting")
    window.navigation.setCurrentRow(_row("minutes"))
    assert window.stack.currentWidget() is window.lock_page

    # Verwaltung may everything.
    _switch(qtbot, window, roles.OFFICE, "9999")
    window.navigation.setCurrentRow(_row("minutes"))
    assert window.stack.currentWidget() is window.workspace("minutes")
    assert window.settings.value("device/role") == roles.OFFICE


def test_without_pins_every_workspace_opens_and_the_role_says_so(
    qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    window = _window(qtbot, tmp_path, db_path)
    window.navigation.setCurrentRow(_row("minutes"))
    assert window.stack.currentWidget() is window.workspace("minutes")
    assert "keine PINs" in window.role_label.text()


def test_replacing_the_station_pin_in_the_window_needs_the_verwaltung_pin(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smartdialog.core.services import setup
    from smartdialog.ui.roles import PinChangeDialog
    from smartdialog.ui.voting import VotingWorkspace

    with db.uow() as s:
        setup.set_admin_pin(s, "1357")
        roles.set_role_pin(s, roles.OFFICE, "9999")
    page = VotingWorkspace()
    qtbot.addWidget(page)
    page.set_database(db)
    page.set_pin()
    qtbot.waitUntil(lambda: page.pin_change_dialog is not None)
    dialog = page.pin_change_dialog
    assert isinstance(dialog, PinChangeDialog)
    writers: list[str] = []
    real_set = setup.set_admin_pin

    def noted(*args: object, **kwargs: object) -> None:
        writers.append(threading.current_thread().name)
        real_set(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(setup, "set_admin_pin", noted)
    for pin, authorisation in (("2468", "1357"), ("2468", "")):
        dialog.authorisation.setText(authorisation)
        dialog.new.setText(pin)
        dialog.again.setText(pin)
        with qtbot.waitSignal(dialog.answered):
            dialog._check()
        assert "Verwaltung" in dialog.message.text() and dialog.result() == 0
    dialog.authorisation.setText("9999")
    with qtbot.waitSignal(dialog.answered):
        dialog._check()
        dialog._check()  # OK twice: the first is on its way, the second waits
    assert dialog.result() == 1
    assert len(writers) == 3 and threading.main_thread().name not in writers
    with db.read() as s:
        assert setup.check_admin_pin(s, "2468")


def test_the_gui_checks_the_file_against_a_written_hash(qtbot: QtBot, db: Database) -> None:
    from smartdialog.core.services import verification, voting
    from smartdialog.ui.voting.verify import VerifyDialog

    from .test_voting_service import add_ideas, add_people, cast

    people = add_people(db, 2)
    found = add_ideas(db, {0: ["Radwege", "Busse"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s, "Priorisierung").id)
    cast(db, info.id, people[0], {found["Radwege"]: 2})
    with db.uow() as s:
        digest = voting.close_round(s, info.id).tally_sha256
    dialog = VerifyDialog(db, 1)
    qtbot.addWidget(dialog)
    dialog.written.setText(verification.hash_groups(digest).upper())
    with qtbot.waitSignal(dialog.checked):
        dialog.check()
    assert dialog.verdict.text().startswith("✔ Stimmt überein")
    # One character off (whatever the digest starts with).
    dialog.written.setText(("1" if digest[0] == "0" else "0") + digest[1:])
    with qtbot.waitSignal(dialog.checked):
        dialog.check()
    assert dialog.verdict.text().startswith("✘ Stimmt nicht überein")
    dialog.written.setText("123")
    with qtbot.waitSignal(dialog.checked):
        dialog.check()
    assert "64 Zeichen" in dialog.verdict.text()


def test_the_wall_shows_the_hash_of_a_closed_round(db: Database) -> None:
    from smartdialog.core.services import voting
    from smartdialog.ui.voting.wall import results_provider

    from .test_voting_service import add_ideas, add_people, cast

    people = add_people(db, 1)
    found = add_ideas(db, {0: ["Radwege"]})
    with db.uow() as s:
        info = voting.start_round(s, voting.create_round(s, "Priorisierung").id)
    cast(db, info.id, people[0], {found["Radwege"]: 1})
    assert results_provider(lambda: db)().tally_sha256 == ""  # type: ignore[union-attr]
    with db.uow() as s:
        digest = voting.close_round(s, info.id).tally_sha256
    shown = results_provider(lambda: db)()
    assert shown is not None and shown.tally_sha256 == digest
