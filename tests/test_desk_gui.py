"""The desk through its widgets: a scanner's burst, a clerk's slow typing, walk-ins, annul, badges."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from smartdialog.core.db import Database, DeviceIdentity, open_database
from smartdialog.core.models import BadgePrint, CheckIn, ScanLog
from smartdialog.core.services import badges, checkin, registration, tickets
from smartdialog.core.services.registration import WalkIn
from smartdialog.ui import scaninput as scanner
from smartdialog.ui.desk import DeskWorkspace, feedback
from smartdialog.ui.desk.importdialog import ImportDialog
from smartdialog.ui.desk.models import PeopleModel, RecentModel

DESK = DeviceIdentity(uuid.UUID(int=21), "Empfang 1", "desk")
SAMPLE = Path(__file__).parent / "fixtures" / "anmeldungen-formular.csv"


@pytest.fixture
def desk_db(db: Database) -> Iterator[Database]:
    with db.uow() as s:
        for first, last in (
            ("Jürgen", "Müller"),
            ("Anna", "Schmuller"),
            ("Łukasz", "Öztürk-Nguyễn"),
            ("Ole", "Weiß"),
        ):
            registration.register_walk_in(s, WalkIn(first, last, organisation="Seniorenrat"))
    assert db.path is not None
    desk = open_database(db.path, DESK)
    yield desk
    desk.close()


def _settings(folder: Path) -> QSettings:
    return QSettings(str(folder / "smartdialog.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def desk(qtbot: QtBot, desk_db: Database, tmp_path: Path) -> DeskWorkspace:
    workspace = DeskWorkspace(_settings(tmp_path))
    qtbot.addWidget(workspace)
    workspace.sounds.enabled = False
    workspace.resize(1200, 760)
    with qtbot.waitSignal(workspace.live_refreshed):
        workspace.set_database(desk_db)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activated()
    return workspace


def _key(char: str) -> Qt.Key:
    if char.isascii() and char.isalnum():
        return Qt.Key(ord(char.upper()))
    if char == " ":
        return Qt.Key.Key_Space
    if len(char) == 1 and ord(char.upper()) < 0x100:
        return Qt.Key(ord(char.upper()))  # Ü, Ö, ß: Qt's key codes follow Latin-1 here
    return Qt.Key.Key_unknown


def type_text(widget: scanner.ScanInput, text: str) -> None:
    """Type real key events with their text (qtbot.keyClicks types ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, _key(char), Qt.KeyboardModifier.NoModifier, char)
            )


def press(widget: scanner.ScanInput, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def slow_clock(step: float = 0.25) -> object:
    ticks = itertools.count()
    return lambda: next(ticks) * step


def _payload(db: Database, last_name: str) -> str:
    with db.read() as s:
        person = registration.search(s, last_name)[0]
        return tickets.payload_for(s, person.ticket_number)


def test_a_scanner_burst_with_enter_checks_in(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    payload = _payload(desk_db, "Müller")
    with qtbot.waitSignal(desk.answered, timeout=2000) as answer:
        type_text(desk.input, payload)  # as fast as events go: a scanner
        press(desk.input, Qt.Key.Key_Return)
    assert answer.args == [feedback.WELCOME]
    assert desk.result.state == feedback.WELCOME
    assert "Jürgen Müller" in desk.result.headline.text()
    assert desk.input.text() == ""
    assert desk.search.people.rowCount() == 0  # the burst never turned into a name search
    qtbot.waitUntil(lambda: desk.count_present.text() == "1")
    assert desk.recent.rowCount() == 1
    assert desk.sounds.played == [feedback.WELCOME]
    assert desk.input.hasFocus()


def test_a_second_scan_is_amber_with_time_and_desk(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    payload = _payload(desk_db, "Weiß")
    other = open_database(desk_db.path, DeviceIdentity(uuid.UUID(int=22), "Empfang 2", "desk"))  # type: ignore[arg-type]
    try:
        with other.uow() as s:
            first = checkin.scan(s, payload, "Empfang 2")
    finally:
        other.close()
    with qtbot.waitSignal(desk.answered) as answer:
        type_text(desk.input, payload)
        press(desk.input, Qt.Key.Key_Return)
    assert answer.args == [feedback.ALREADY]
    assert first.at is not None
    assert badges.local_time(first.at).strftime("%H:%M") in desk.result.detail.text()
    assert "Empfang 2" in desk.result.detail.text()


def test_a_scanner_without_enter_is_read_after_its_pause(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    payload = _payload(desk_db, "Müller")
    with qtbot.waitSignal(desk.input.scanned, timeout=2000) as scan:
        type_text(desk.input, payload)
    assert scan.args == [payload]
    qtbot.waitUntil(lambda: desk.result.state == feedback.WELCOME)


def test_a_scanner_ending_with_tab_keeps_the_focus(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    payload = _payload(desk_db, "Müller")
    with qtbot.waitSignal(desk.answered):
        type_text(desk.input, payload)
        press(desk.input, Qt.Key.Key_Tab)
    assert desk.input.hasFocus()
    assert desk.result.state == feedback.WELCOME


class SteppedClock:
    """A clock the test advances per key: slow for a person, fast for a scanner."""

    def __init__(self) -> None:
        self.now = 100.0
        self.step = 0.25

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_a_scan_while_a_name_is_half_typed_reads_only_the_scan(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    clock = SteppedClock()
    desk.input.clock = clock  # type: ignore[assignment]
    type_text(desk.input, "Wei")  # the clerk starts a search ...
    qtbot.waitUntil(lambda: desk.search.people.rowCount() == 1)
    clock.now += 2.0  # ... a moment later a guest holds a ticket under the scanner
    clock.step = 0.004
    payload = _payload(desk_db, "Müller")
    with qtbot.waitSignal(desk.input.scanned) as scan:
        type_text(desk.input, payload)
        press(desk.input, Qt.Key.Key_Return)
    assert scan.args == [payload]
    qtbot.waitUntil(lambda: desk.result.state == feedback.WELCOME)
    assert "Jürgen Müller" in desk.result.headline.text()


def test_a_ticket_code_typed_by_hand_is_read_as_a_ticket(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    payload = _payload(desk_db, "Weiß")
    type_text(desk.input, f"{payload[:4]} {payload[4:10]} {payload[10:]}")
    with qtbot.waitSignal(desk.answered) as answer:
        press(desk.input, Qt.Key.Key_Return)
    assert answer.args == [feedback.WELCOME]


def test_distinct_beeps_without_an_audio_device(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    sounds = feedback.Sounds(has_device=lambda: False)
    assert sounds.backend == "bell"
    for verdict, count in ((feedback.WELCOME, 1), (feedback.ALREADY, 2), (feedback.REJECTED, 3)):
        beeps.clear()
        sounds.play(verdict)
        qtbot.waitUntil(lambda count=count: len(beeps) == count)  # type: ignore[misc]
    assert sounds.played == [feedback.WELCOME, feedback.ALREADY, feedback.REJECTED]


def test_the_sound_files_are_there_and_differ() -> None:
    import wave

    from smartdialog.paths import resource

    lengths = set()
    for verdict in (feedback.WELCOME, feedback.ALREADY, feedback.REJECTED):
        with wave.open(str(resource("sounds", f"{verdict}.wav"))) as f:
            lengths.add(f.getnframes())
    assert len(lengths) == 3


def test_another_events_ticket_is_red_and_logged(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    with desk_db.read() as s:
        foreign = tickets.encode_payload("1234", tickets.event_keys(s).secret, 1)
    with qtbot.waitSignal(desk.answered) as answer:
        type_text(desk.input, foreign)
        press(desk.input, Qt.Key.Key_Enter)
    assert answer.args == [feedback.REJECTED]
    assert desk.result.headline.text() == desk.tr("Ticket belongs to another event")
    with desk_db.read() as s:
        assert s.scalar(select(ScanLog.reason)) == "foreign"


def test_a_burst_of_garbage_is_answered_not_searched(qtbot: QtBot, desk: DeskWorkspace) -> None:
    with qtbot.waitSignal(desk.answered) as answer:
        type_text(desk.input, "HTTPS://EXAMPLE.ORG/X")
        press(desk.input, Qt.Key.Key_Return)
    assert answer.args == [feedback.REJECTED]
    assert desk.result.headline.text() == desk.tr("Not a ticket code")


def test_typing_a_name_slowly_searches_and_enter_checks_in(
    qtbot: QtBot, desk: DeskWorkspace
) -> None:
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    type_text(desk.input, "MÜLL")
    qtbot.waitUntil(lambda: desk.search.people.rowCount() == 2)
    assert [desk.search.people.row_at(i).display_name for i in range(2)] == [
        "Müller, Jürgen",
        "Schmuller, Anna",
    ]  # type: ignore[union-attr]
    assert desk.result.state == feedback.READY
    press(desk.input, Qt.Key.Key_Down)
    press(desk.input, Qt.Key.Key_Up)
    with qtbot.waitSignal(desk.answered) as answer:
        press(desk.input, Qt.Key.Key_Return)
    assert answer.args == [feedback.WELCOME]
    assert "Jürgen Müller" in desk.result.headline.text()
    assert desk.input.text() == "" and desk.search.people.rowCount() == 0


def test_arrow_keys_choose_whom_enter_checks_in(qtbot: QtBot, desk: DeskWorkspace) -> None:
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    type_text(desk.input, "mull")
    qtbot.waitUntil(lambda: desk.search.people.rowCount() == 2)
    press(desk.input, Qt.Key.Key_Down)
    with qtbot.waitSignal(desk.answered):
        press(desk.input, Qt.Key.Key_Return)
    assert "Anna Schmuller" in desk.result.headline.text()


def test_nobody_found_offers_the_walk_in(qtbot: QtBot, desk: DeskWorkspace) -> None:
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    type_text(desk.input, "Zyx")
    qtbot.waitUntil(lambda: "F2" in desk.search.hint.text())
    assert desk.search.people.rowCount() == 0


def test_the_panel_is_ready_again_by_itself(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(feedback.HOLD_MS, feedback.WELCOME, 50)
    with qtbot.waitSignal(desk.result.reset, timeout=2000):
        desk.handle_scan(_payload(desk_db, "Müller"))
    assert desk.result.state == feedback.READY
    assert desk.input.hasFocus()


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_walk_in_with_duplicate_warning_check_in_and_badge(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database, tmp_path: Path
) -> None:
    printed = tmp_path / "badge.pdf"
    desk.jobs.choose_printer = lambda _drawing: _pdf_printer(printed)  # type: ignore[method-assign]
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    type_text(desk.input, "Jürgen Mueller")
    qtbot.keyClick(desk.input, Qt.Key.Key_F2)
    dialog = desk.walk_in_dialog
    assert dialog is not None
    assert (dialog.first_name.text(), dialog.last_name.text()) == ("Jürgen", "Mueller")
    qtbot.keyClick(dialog.consent_data, Qt.Key.Key_Space)
    assert dialog.consent_data.isChecked()
    with qtbot.waitSignal(dialog.duplicates_checked):
        # The first Enter: shows who may be the same person.
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Müller, Jürgen" in dialog.warning.text()
    assert dialog.existing_button.isDefault()  # a second Enter would take the registered one
    with qtbot.waitSignal(desk.jobs.badge_printed, timeout=5000):
        dialog.register_button.click()  # "Register anyway", deliberately: registers, checks in, prints
    assert desk.result.state == feedback.WELCOME
    qtbot.waitUntil(lambda: desk.count_walk_ins.text() == "5")
    assert desk.jobs.badges_in_flight() == 0
    with desk_db.read() as s:
        assert s.scalar(select(BadgePrint.reprint)) is False
    assert printed.read_bytes().startswith(b"%PDF")
    zxingcpp = pytest.importorskip("zxingcpp")
    if shutil.which("pdftoppm"):
        from PIL import Image

        subprocess.run(
            ["pdftoppm", "-r", "150", "-png", str(printed), str(tmp_path / "b")], check=True
        )
        (png,) = tmp_path.glob("b*.png")
        codes = zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)
        assert len(codes) == 1 and tickets.decode_payload(codes[0].text).event_code == "4711"


def test_walk_in_can_check_in_the_registered_person_instead(
    qtbot: QtBot, desk: DeskWorkspace
) -> None:
    desk.input.setText("Ole Weiss")
    dialog = desk.open_walk_in()
    assert dialog is not None
    with qtbot.waitSignal(dialog.duplicates_checked):
        dialog.check_duplicates()
    assert dialog.existing_button.isVisible()
    with qtbot.waitSignal(desk.answered) as answer:
        dialog.existing_button.click()
    assert answer.args == [feedback.WELCOME]
    assert "Ole Weiß" in desk.result.headline.text()
    assert desk.count_walk_ins.text() == "4"


def test_walk_in_without_consent_is_refused_in_the_dialog(
    qtbot: QtBot, desk: DeskWorkspace
) -> None:
    dialog = desk.open_walk_in()
    assert dialog is not None
    dialog.first_name.setText("Neu")
    dialog.last_name.setText("Gast")
    with qtbot.waitSignal(dialog.failed):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.isVisible() and dialog.error.text()
    assert desk.count_walk_ins.text() == "4"


def test_f8_annuls_with_a_reason(qtbot: QtBot, desk: DeskWorkspace, desk_db: Database) -> None:
    with qtbot.waitSignal(desk.answered):
        desk.handle_scan(_payload(desk_db, "Müller"))
    qtbot.keyClick(desk.input, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: desk.annul_dialog is not None)
    dialog = desk.annul_dialog
    assert dialog is not None
    dialog.reason.setCurrentText("Falsche Person")
    with qtbot.waitSignal(desk.answered):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    with desk_db.read() as s:
        row = s.execute(
            select(CheckIn.annulled_at, CheckIn.annul_reason, CheckIn.annulled_by)
        ).one()
    assert (
        row.annulled_at is not None
        and row.annul_reason == "Falsche Person"
        and row.annulled_by == "Empfang 1"
    )

    def struck_out() -> bool:
        font = desk.recent.data(desk.recent.index(0, RecentModel.NAME), Qt.ItemDataRole.FontRole)
        return font is not None and font.strikeOut()

    qtbot.waitUntil(struck_out)
    assert desk.count_present.text() == "0"


def test_reprint_is_logged(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database, tmp_path: Path
) -> None:
    desk.jobs.choose_printer = lambda _drawing: _pdf_printer(tmp_path / "b.pdf")  # type: ignore[method-assign]
    with qtbot.waitSignal(desk.answered):
        desk.handle_scan(_payload(desk_db, "Müller"))
    with qtbot.waitSignal(desk.jobs.badge_printed):
        assert desk.print_badge()
    with qtbot.waitSignal(desk.jobs.badge_printed):
        qtbot.keyClick(desk.input, Qt.Key.Key_F4)
    with desk_db.read() as s:
        assert list(s.scalars(select(BadgePrint.reprint).order_by(BadgePrint.reprint))) == [
            False,
            True,
        ]


def test_import_dialog_previews_then_imports(
    qtbot: QtBot, desk: DeskWorkspace, tmp_path: Path
) -> None:
    path = Path(shutil.copy(SAMPLE, tmp_path / "anmeldungen.csv"))
    dialog = desk.open_import(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.plan is not None and len(dialog.plan.new) == 40
    assert dialog.combos[1].currentData() == "last_name"
    assert dialog.import_button.isEnabled()
    dialog.combos[1].setCurrentIndex(0)  # no surname column now: still a name, fewer matches
    qtbot.waitUntil(
        lambda: dialog.plan is not None and dialog.import_button.isEnabled(), timeout=10000
    )
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("last_name"))
    qtbot.waitUntil(
        lambda: dialog.plan is not None and dialog.import_button.isEnabled(), timeout=10000
    )
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report is not None and dialog.report.imported == 40
    report = tmp_path / "bericht.csv"
    dialog.write_report(report)
    assert (
        report.read_bytes().startswith("\ufeff".encode())
        and len(report.read_text(encoding="utf-8-sig").splitlines()) == 1
    )
    with qtbot.waitSignal(dialog.finished):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: desk.count_registered.text() == "40")


def test_import_dialog_says_why_a_file_cannot_be_read(
    qtbot: QtBot, desk: DeskWorkspace, tmp_path: Path
) -> None:
    garbage = tmp_path / "bild.csv"
    garbage.write_bytes(bytes(range(256)) * 50)
    dialog = desk.open_import(garbage)
    assert dialog is not None
    # Not just "bild.csv": the German "bild.csv wird gelesen …" says that too, before the
    # read has failed (the failure then reached a closed dialog, in the next test).
    qtbot.waitUntil(lambda: "bild.csv ist keine Tabelle mit Anmeldungen" in dialog.status.text())
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_tickets_are_written_in_a_worker(qtbot: QtBot, desk: DeskWorkspace, tmp_path: Path) -> None:
    target = tmp_path / "tickets.pdf"
    with qtbot.waitSignal(desk.jobs.tickets_written, timeout=20000) as written:
        desk.jobs.write_tickets(target, "a4x4")
    assert written.args == [target]
    assert target.read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(desk.jobs.tickets_written, timeout=20000) as written:
        desk.jobs.write_tickets(tmp_path / "mail", "each")
    assert len(list((tmp_path / "mail").glob("*.pdf"))) == 4
    assert written.args[0].suffix == ".csv"


def test_item_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, desk: DeskWorkspace, desk_db: Database
) -> None:
    with qtbot.waitSignal(desk.answered):
        desk.handle_scan(_payload(desk_db, "Müller"))
    desk.input.setText("mull")
    with qtbot.waitSignal(desk.search.searched):
        desk.run_search()
    assert isinstance(desk.search.people, PeopleModel)
    qtmodeltester.check(desk.search.people)  # type: ignore[attr-defined]
    qtmodeltester.check(desk.recent)  # type: ignore[attr-defined]


def test_without_an_event_the_desk_is_idle(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = DeskWorkspace(_settings(tmp_path))
    qtbot.addWidget(workspace)
    workspace.set_database(None)
    assert not workspace.input.isEnabled()
    workspace.handle_scan("123")
    assert workspace.result.state == feedback.READY


@pytest.mark.parametrize("layout", badges.LAYOUTS)
def test_printed_badge_matches_the_layout_and_scans(
    qtbot: QtBot, tmp_path: Path, layout: str
) -> None:
    """The QPainter path (printers) draws the same boxes as the PDF, QR included."""
    from smartdialog.ui.desk import printing

    person = badges.Person(
        uuid.uuid4(), 42, "Łukasz", "Öztürk-Nguyễn", "FH Münster", "47110000421234567890"
    )
    drawing = badges.badge_drawing(person, badges.EventHeader("Bürgerdialog", "", "", ""), layout)
    out = tmp_path / f"{layout}.pdf"
    printing.print_drawings(_pdf_printer(out), [drawing])
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / layout)], check=True)
    (png,) = tmp_path.glob(f"{layout}*.png")
    image = Image.open(png)
    width_mm = image.width / 150 * 25.4
    assert abs(width_mm - drawing.width) < 2
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [c.text for c in codes] == [person.payload]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Łukasz" in text and "Öztürk-Nguyễn" in text


def test_clicking_the_lists_leaves_the_focus_in_the_scan_field(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    with qtbot.waitSignal(desk.answered):
        desk.handle_scan(_payload(desk_db, "Müller"))
    desk.input.setText("mull")
    with qtbot.waitSignal(desk.search.searched):
        desk.run_search()
    for view in (desk.search.view, desk.recent_view):
        rect = view.visualRect(view.model().index(0, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert desk.input.hasFocus()


def test_a_walk_in_at_another_desk_is_found_after_the_feed_reports_it(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    from smartdialog.core.services import audit

    desk.input.setText("Kowalski")
    with qtbot.waitSignal(desk.search.searched):
        desk.run_search()
    assert desk.search.people.rowCount() == 0
    with desk_db.read() as s:
        seen = audit.latest_seq(s)
    other = open_database(desk_db.path, DeviceIdentity(uuid.UUID(int=23), "Empfang 3", "desk"))  # type: ignore[arg-type]
    try:
        with other.uow() as s:
            registration.register_walk_in(s, WalkIn("Anna", "Kowalski"))
    finally:
        other.close()
    with desk_db.read() as s, qtbot.waitSignal(desk.search.searched):
        desk.on_changes(audit.changes_since(s, seen))
    assert [
        desk.search.people.row_at(i).display_name for i in range(desk.search.people.rowCount())
    ] == ["Kowalski, Anna"]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: desk.count_walk_ins.text() == "5")


def test_ideas_and_check_ins_keep_the_search_keys(desk: DeskWorkspace) -> None:
    from datetime import UTC, datetime

    from smartdialog.core.services.audit import Change

    def change(action: str, object_type: str) -> Change:
        return Change(1, datetime.now(UTC), uuid.uuid4(), action, object_type, uuid.uuid4(), "")

    invalidated: list[int] = []
    real_invalidate = desk.search.index.invalidate
    desk.search.index.invalidate = lambda: (invalidated.append(1), real_invalidate())[1]  # type: ignore[method-assign]
    desk.on_changes([change("idea.created", "idea"), change("checkin.created", "participant")])
    desk.on_changes([change("field.updated", "field"), change("badge.printed", "participant")])
    assert invalidated == []
    desk.on_changes([change("participants.imported", "event")])
    desk.on_changes([change("participant.walkin", "participant")])
    assert invalidated == [1, 1]


# -- consent columns in the import dialog; odd digits in the search field ----------------------

CONSENT_EXPORT = (
    "Anmelde-ID;Name;Organisation;Einwilligung;Einwilligung Fotos;Einwilligung Kontakt\r\n"
    "F-1;Dr. Anna Schulte;Seniorenrat;Ja;Ja;\r\n"
    'F-2;Nguyễn Văn An;=HYPERLINK("http://evil.example");Ja;Nein;x\r\n'
    "F-3;Ben Osei;;Nein;✓;12.03.2026\r\n"
)


def _open_export(qtbot: QtBot, desk: DeskWorkspace, tmp_path: Path) -> ImportDialog:
    path = tmp_path / "anmeldungen.csv"
    path.write_bytes(CONSENT_EXPORT.encode("utf-8-sig"))
    dialog = desk.open_import(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    return dialog


def test_an_unclear_consent_column_is_shown_and_can_be_given_its_purpose(
    qtbot: QtBot, desk: DeskWorkspace, tmp_path: Path
) -> None:
    dialog = _open_export(qtbot, desk, tmp_path)
    assert dialog.combos[3].currentData() == ""  # "Einwilligung" alone: not guessed
    assert [dialog.combos[i].currentData() for i in (4, 5)] == ["consent_photos", "consent_contact"]
    assert "„Einwilligung“" in dialog.consent_note.text()
    no_data_consent = dialog.tr(
        "No column holds the consent to data processing: none will be recorded. "
        "Ask for it at the desk."
    )
    rule = dialog.tr(
        "Rule: a person without consent to data processing in the file is not "
        "imported (listed below)."
    )
    assert no_data_consent in dialog.consent_note.text()
    header = dialog.preview.horizontalHeaderItem(3)
    assert header is not None and header.background().color() == QColor("#ffe082")
    plain = dialog.preview.horizontalHeaderItem(0)
    assert plain is not None and plain.data(Qt.ItemDataRole.BackgroundRole) is None
    flagged = [dialog.problems.item(r, 1).text() for r in range(dialog.problems.rowCount())]
    assert any("Nguyễn Văn An" in text for text in flagged)
    assert any("HYPERLINK" in text for text in flagged)

    plan = dialog.plan
    dialog.combos[3].setCurrentIndex(dialog.combos[3].findData("consent_data"))
    qtbot.waitUntil(lambda: dialog.plan is not plan and dialog.plan is not None, timeout=10000)
    assert dialog.consent_note.text() == rule
    assert dialog.plan is not None and [r.row for r in dialog.plan.rejected] == [4]
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report is not None and dialog.report.imported == 2
    report = tmp_path / "bericht.csv"
    dialog.write_report(report)
    text = report.read_text(encoding="utf-8-sig")
    assert "Nguyễn Văn An" in text and "\n4;" in text
    dialog.reject()


def test_odd_digits_in_the_search_field_clear_the_list(qtbot: QtBot, desk: DeskWorkspace) -> None:
    type_text(desk.input, "Müll")
    with qtbot.waitSignal(desk.search.searched):
        desk.run_search()
    assert desk.search.people.rowCount() == 2
    # Digits without letters are a ticket being typed by hand, not a name: the list of the
    # name search before must not stay on screen. (The service's answer to "²" is tested
    # in test_import_bad_files.py.)
    for text in ("²", "①", "⓿❶", "⓿"):
        desk.input.clear()
        type_text(desk.input, text)
        desk.run_search()  # raised ValueError inside the event loop before
        assert desk.search.people.rowCount() == 0
