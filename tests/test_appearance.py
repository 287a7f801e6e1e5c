"""Settings for eyes and ears: contrast of every colour pair, larger text, high contrast,
a focus one can see, the station's team button by keyboard, the verdict for screen readers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from smartdialog.core.services.setup import DEFAULT_FIELDS, PALETTE
from smartdialog.paths import resource
from smartdialog.ui import appearance
from smartdialog.ui.appearance import contrast, readable_on
from smartdialog.ui.desk import feedback
from smartdialog.ui.voting import station as station_module
from smartdialog.ui.voting.station import VotingStation
from smartdialog.ui.wall import view as wall_view

from . import test_voting_station as station_tests

Hall = station_tests.Hall
hall = station_tests.hall  # the event with an open round, as the station's tests use it

UI = Path(appearance.__file__).parent

# -- the arithmetic ---------------------------------------------------------------------------


def test_contrast_matches_the_known_ratios() -> None:
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    # The two pairs this work started from.
    assert contrast("#ffffff", "#fb8c00") == pytest.approx(2.37, abs=0.01)
    assert contrast("#ffffff", "#a5d6a7") == pytest.approx(1.64, abs=0.01)


@pytest.mark.parametrize("colour", [c for _, c in DEFAULT_FIELDS] + list(PALETTE))
def test_text_on_every_field_colour_reads(colour: str) -> None:
    assert contrast(readable_on(colour), colour) >= 4.5


@pytest.mark.parametrize("grey", [f"#{v:02x}{v:02x}{v:02x}" for v in range(0, 256, 5)])
def test_text_on_any_colour_reads(grey: str) -> None:
    for colour in (grey, QColor(grey).lighter(130).name(), "#ff0000", "#00ff00", "#0000ff"):
        assert contrast(readable_on(colour), colour) >= 4.5


# -- every pair in the style sheets ---------------------------------------------------------

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PX = re.compile(r"([\d.]+)\s*(px|pt)")


def _rules(qss: str) -> Iterator[tuple[str, dict[str, str]]]:
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    for selectors, body in _RULE.findall(qss):
        props = {}
        for part in body.split(";"):
            if ":" in part:
                key, value = part.split(":", 1)
                props[key.strip()] = value.strip()
        for selector in selectors.split(","):
            yield " ".join(selector.split()), props


def _base(selector: str) -> str:
    return re.sub(r"(::?[\w!-]+)|(\[[^\]]*\])", "", selector).strip()


def _size(props: dict[str, str]) -> tuple[float, bool]:
    match = _PX.search(props.get("font-size", ""))
    px = 13.0
    if match:
        px = float(match.group(1)) * (96 / 72 if match.group(2) == "pt" else 1)
    weight = props.get("font-weight", "")
    return px, weight in ("bold", "600", "700", "800", "900")


def _colour(value: str) -> str | None:
    value = value.split()[0] if value else ""
    if not value or value.startswith("palette") or value == "transparent":
        return None
    return value if QColor(value).isValid() else None


def _pairs(qss: str, page: str, ink: str) -> Iterator[tuple[str, str, str, float]]:
    """(selector, text colour, background, minimum ratio) for every rule with a colour."""
    rules = list(_rules(qss))
    root = {"background": page, "color": ink}
    for selector, props in rules:
        if not ({"color", "background", "background-color"} & props.keys()):
            continue
        effective = dict(root)
        base = _base(selector)
        owner = selector.split()[0] if selector.startswith("#") else ""
        for other, more in rules:
            # The page's own rules, then the widget's plain rule, then its states.
            if other == owner or other in (f"{owner} QLabel", base):
                effective.update(more)
        effective.update(props)
        if "background-color" in effective:
            effective["background"] = effective["background-color"]
        fg, bg = _colour(effective["color"]), _colour(effective["background"])
        if bg is None:
            bg = page
        if fg is None:
            continue
        px, bold = _size(effective)
        large = px >= 24 or (bold and px >= 18.66)
        yield selector, fg, bg, 3.0 if large else 4.5


def _sheets() -> Iterator[tuple[str, str, str, str]]:
    palette = QApplication.style().standardPalette()
    window = palette.color(QPalette.ColorRole.Window).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    app_qss = resource("styles", "app.qss").read_text(encoding="utf-8")
    yield "app.qss", app_qss + appearance.FOCUS_STYLE, window, text
    yield "app.qss, high contrast", app_qss + appearance.HIGH_CONTRAST_STYLE, "#ffffff", "#000000"
    for large in (False, True):
        for high in (False, True):
            qss = station_module.station_style(large=large, high_contrast=high)
            yield f"station large={large} high={high}", qss, "#f5f7fa", "#1f2a33"
    # Colours written into the code's own little style sheets and rich text.
    for path in sorted(UI.rglob("*.py")):
        if "forms" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for literal in re.findall(
            r"[\"']([^\"'\n]*color\s*:\s*#[0-9a-fA-F]{3,6}[^\"'\n]*)[\"']", source
        ):
            body = literal if "{" in literal else f"inline {{ {literal} }}"
            yield f"{path.relative_to(UI)}: {literal}", body, window, text
            yield f"{path.relative_to(UI)}: {literal} (high contrast)", body, "#ffffff", "#000000"


def test_every_text_colour_in_the_style_sheets_reads_on_its_background(qapp: QApplication) -> None:
    failures = []
    checked = 0
    for name, qss, page, ink in _sheets():
        for selector, fg, bg, minimum in _pairs(qss, page, ink):
            checked += 1
            ratio = contrast(fg, bg)
            if ratio < minimum:
                failures.append(f"{name}: {selector}: {fg} on {bg} is {ratio:.2f}:1 < {minimum}")
    assert checked > 60
    assert not failures, "\n".join(failures)


def test_the_parser_sees_a_bad_pair() -> None:
    """The check above would have caught the disabled "Weiter" of before."""
    bad = (
        "#s { background: #f5f7fa; } #s QPushButton#primary { background: #2e7d32; color: white; }"
    )
    bad += " #s QPushButton#primary:disabled { background: #a5d6a7; }"
    found = {sel: (fg, bg) for sel, fg, bg, _ in _pairs(bad, "#f5f7fa", "#000000")}
    fg, bg = found["#s QPushButton#primary:disabled"]
    assert contrast(fg, bg) == pytest.approx(1.64, abs=0.01)


def test_the_colours_drawn_in_code_read() -> None:
    for state, (background, text) in feedback.COLOURS.items():
        assert contrast(text, background) >= 4.5, state
    for ink in (wall_view.INK, wall_view.MUTED):
        assert contrast(ink, wall_view.BACKGROUND) >= 4.5
        assert contrast(ink, wall_view.CARD) >= 4.5
    # The wall's field headings are large bold text: 3:1 is the floor there.
    for _, colour in DEFAULT_FIELDS:
        assert contrast(wall_view.readable_on(QColor(colour)), colour) >= 3.0
    from smartdialog.ui.desk import models as desk_models

    assert contrast(desk_models._ANNULLED, "#ffffff") >= 4.5


# -- larger text and high contrast, app-wide ----------------------------------------------------


@pytest.fixture
def restore_look(qapp: QApplication) -> Iterator[None]:
    yield
    appearance.apply(qapp, appearance.Appearance())


def test_the_choice_is_stored_and_applied_at_once(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, restore_look: None
) -> None:
    from smartdialog.ui.mainwindow import MainWindow

    from .test_app_shell import TEST_DEVICE

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, TEST_DEVICE)
    qtbot.addWidget(window)
    heading = QWidget()
    qtbot.addWidget(heading)
    big = heading.font()
    big.setPointSizeF(qapp.font().pointSizeF() * 2)
    heading.setFont(big)
    before, heading_before = qapp.font().pointSizeF(), heading.font().pointSizeF()

    with qtbot.waitSignal(appearance.notifier().changed):
        window.large_text_action.setChecked(True)
    assert qapp.font().pointSizeF() == pytest.approx(before * appearance.LARGE_SCALE)
    assert heading.font().pointSizeF() == pytest.approx(heading_before * appearance.LARGE_SCALE)
    window.high_contrast_action.setChecked(True)
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor("#ffffff")
    assert qapp.palette().color(QPalette.ColorRole.WindowText) == QColor("#000000")
    assert appearance.HIGH_CONTRAST_STYLE in qapp.styleSheet()

    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert appearance.load(again) == appearance.Appearance(large_text=True, high_contrast=True)

    window.large_text_action.setChecked(False)
    window.high_contrast_action.setChecked(False)
    assert qapp.font().pointSizeF() == pytest.approx(before)
    assert heading.font().pointSizeF() == pytest.approx(heading_before)
    assert appearance.HIGH_CONTRAST_STYLE not in qapp.styleSheet()


# -- the station ----------------------------------------------------------------------------------


@pytest.fixture
def station(qtbot: QtBot, hall: Hall) -> VotingStation:
    widget = VotingStation(hall.db, station_name="Abstimmung 1", thanks_ms=200, idle_ms=60_000)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: "Priorisierung" in widget.round_title.text())
    return widget


def _to_ballot(qtbot: QtBot, hall: Hall, station: VotingStation) -> None:
    station_tests._scan(qtbot, station, station_tests._badge(hall.db, 1))
    qtbot.waitUntil(lambda: station.page == "ballot")
    qtbot.keyClick(station.cards()[0], Qt.Key.Key_Space)  # a dot: "Weiter" can be pressed
    assert station.next_button.isEnabled()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_focus_on_the_green_button_can_be_seen(
    qtbot: QtBot,
    qapp: QApplication,
    hall: Hall,
    station: VotingStation,
    high_contrast: bool,
    restore_look: None,
) -> None:
    appearance.apply(qapp, appearance.Appearance(high_contrast=high_contrast))
    assert ("#ffd600" in station.styleSheet()) is high_contrast
    _to_ballot(qtbot, hall, station)
    button = station.next_button
    station.cards()[0].setFocus()
    qtbot.waitUntil(lambda: not button.hasFocus())
    plain = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    assert plain.size() == focused.size()
    changed = sum(
        plain.pixel(x, y) != focused.pixel(x, y)
        for x in range(0, plain.width(), 2)
        for y in range(0, plain.height(), 2)
    )
    # A ring all round, not a dotted line: a good share of the button changes.
    samples = (plain.width() // 2) * (plain.height() // 2)
    assert changed > samples * 0.08


def test_the_team_button_is_reachable_by_keyboard(
    qtbot: QtBot,
    hall: Hall,
    station: VotingStation,
) -> None:
    station._locked = True  # what lock() sets, without going full screen on the test display
    assert station.team_shortcut.key() == QKeySequence(station_module.TEAM_SHORTCUT)
    assert station.scan_input.nextInFocusChain() is station.admin_button
    assert station.admin_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # From the button itself, with the keyboard alone.
    station.admin_button.setFocus()
    qtbot.waitUntil(station.admin_button.hasFocus)
    qtbot.keyClick(station.admin_button, Qt.Key.Key_Space)
    assert station.pin_dialog is not None and station.pin_dialog.isVisible()
    station.pin_dialog.reject()
    qtbot.waitUntil(lambda: not station.pin_dialog.isVisible())
    # From the code field, by the shortcut (Tab there belongs to the scanners).
    station.scan_input.setFocus()
    qtbot.waitUntil(station.scan_input.hasFocus)
    qtbot.keyClick(
        station.scan_input,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = station.pin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.pin, "2468")
    with qtbot.waitSignal(station.unlocked):
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


# -- the desk's verdict, spoken --------------------------------------------------------------------


def test_the_verdict_is_announced_to_screen_readers(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    from smartdialog.ui import accessibility

    sent: list[tuple[QAccessible.Event, str]] = []

    def record(event: object) -> None:
        assert isinstance(event, accessibility.QAccessibleEvent)
        message = event.message() if isinstance(event, QAccessibleAnnouncementEvent) else ""
        sent.append((event.type(), message))

    monkeypatch.setattr(accessibility.QAccessible, "updateAccessibility", staticmethod(record))
    panel = feedback.ResultPanel()
    qtbot.addWidget(panel)
    sent.clear()
    panel.show_verdict(feedback.WELCOME, "Willkommen, Anna!", "Tisch 3")
    assert (QAccessible.Event.Announcement, "Willkommen, Anna!. Tisch 3") in sent
    assert any(kind == QAccessible.Event.NameChanged for kind, _ in sent)
    assert "Willkommen, Anna!" in panel.accessibleName()


def test_the_wall_follows_high_contrast(
    qtbot: QtBot, qapp: QApplication, restore_look: None
) -> None:
    wall_colour = QColor("#1e88e5")  # Mobilität: white on it is only 3.68:1
    assert contrast(wall_view.readable_on(wall_colour), wall_colour) < 4.5
    appearance.apply(qapp, appearance.Appearance(high_contrast=True))
    assert QColor("#ffffff") == wall_view.BACKGROUND
    assert contrast(wall_view.MUTED, wall_view.BACKGROUND) >= 7
    for _, colour in DEFAULT_FIELDS:
        assert contrast(wall_view.readable_on(QColor(colour)), colour) >= 4.5
    appearance.apply(qapp, appearance.Appearance())
    assert QColor("#f4f2ee") == wall_view.BACKGROUND


def test_in_larger_text_every_field_name_fits_the_setup_at_1366(
    qtbot: QtBot, qapp: QApplication, restore_look: None
) -> None:
    from smartdialog.ui.setup import SetupWorkspace

    appearance.apply(qapp, appearance.Appearance(large_text=True))
    page = SetupWorkspace()
    qtbot.addWidget(page)
    page.resize(1366 - 200, 700)  # the navigation takes about 190 px in larger text
    page.show()
    qtbot.waitExposed(page)
    assert page.minimumSizeHint().width() <= 1366 - 200
    metrics = page.fields_view.fontMetrics()
    longest = max(metrics.horizontalAdvance(name) for name, _ in DEFAULT_FIELDS)
    assert page.fields_view.viewport().width() >= longest + 40  # the swatch and a margin
