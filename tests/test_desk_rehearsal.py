"""What a dress rehearsal of the desk found, at the 1366×768 of the smaller venue laptops."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from smartdialog.core.db import Database
from smartdialog.core.models import Participant
from smartdialog.ui.desk import DeskWorkspace, feedback

from .test_desk_gui import _settings, desk_db, slow_clock, type_text

__all__ = ["desk_db"]  # a fixture, shared with the other desk tests

SMALL = (1366, 768)


@pytest.fixture
def desk(qtbot: QtBot, desk_db: Database, tmp_path: Path) -> DeskWorkspace:
    workspace = DeskWorkspace(_settings(tmp_path))
    qtbot.addWidget(workspace)
    workspace.sounds.enabled = False
    workspace.resize(*SMALL)
    workspace.set_database(desk_db)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activated()
    return workspace


def _participants(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Participant)) or 0


# -- the walk-in dialog's duplicate warning ---------------------------------------------------


def _clipped(window: QWidget) -> list[str]:
    """The visible buttons whose label does not fit them."""
    cut = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        needed = QFontMetrics(button.font()).horizontalAdvance(button.text().replace("&", ""))
        if needed >= button.width() or button.sizeHint().width() > button.width():
            cut.append(button.text())
    return cut


def test_the_duplicate_warning_is_readable_and_enter_checks_in_the_registered_person(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    before = _participants(desk_db)
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    type_text(desk.input, "Jürgen Mueller")
    qtbot.keyClick(desk.input, Qt.Key.Key_F2)
    dialog = desk.walk_in_dialog
    assert dialog is not None
    dialog.consent_data.setChecked(True)
    dialog.resize(dialog.width(), min(dialog.height(), SMALL[1]))
    with qtbot.waitSignal(dialog.duplicates_checked):
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
    assert dialog.warning.isVisible()
    qtbot.waitUntil(lambda: dialog.existing_button.isVisible())
    qtbot.waitUntil(lambda: not _clipped(dialog), timeout=2000)
    assert dialog.width() <= SMALL[0] and dialog.height() <= SMALL[1]
    assert dialog.existing_button.isDefault()
    assert not dialog.register_button.isDefault()
    with qtbot.waitSignal(desk.answered, timeout=2000) as answer:
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert answer.args == [feedback.WELCOME]
    assert "Jürgen Müller" in desk.result.headline.text()
    assert _participants(desk_db) == before


# -- the hint while a ticket number is typed by hand ------------------------------------------


def test_the_hint_follows_digits_typed_by_hand(qtbot: QtBot, desk: DeskWorkspace) -> None:
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    type_text(desk.input, "9735 000")
    desk.search.run()
    hint = desk.search.hint.text()
    assert "F2" not in hint and "Niemand" not in hint and "Nobody" not in hint
    type_text(desk.input, "4711")
    desk.search.run()
    assert "9735 000”" not in desk.search.hint.text()
    assert "F2" not in desk.search.hint.text()
    # The hint always speaks of what is in the field now.
    desk.input.clear()
    desk.input.clock = slow_clock()  # type: ignore[assignment]
    type_text(desk.input, "Zyx")
    with qtbot.waitSignal(desk.search.searched):
        desk.search.run()
    assert "Zyx" in desk.search.hint.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_Backspace)
    qtbot.keyClick(desk.input, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(desk.search.searched):
        desk.search.run()
    assert "Zyx" not in desk.search.hint.text()


# -- the verdicts are readable, not only coloured ---------------------------------------------


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21, rel=1e-3)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, rel=1e-2)


def _dominant_colour(image: QImage, background: QColor) -> QColor | None:
    """The colour an icon draws most with (opaque pixels unlike the panel behind it)."""
    counts: Counter[int] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() >= 250 and contrast(pixel, background) > 1.2:
                counts[pixel.rgb()] += 1
    if not counts:
        return None
    return QColor.fromRgb(counts.most_common(1)[0][0])


VERDICTS = [feedback.READY, feedback.WELCOME, feedback.ALREADY, feedback.REJECTED, feedback.INFO]


@pytest.mark.parametrize("state", VERDICTS)
def test_every_verdict_is_readable_from_two_metres(
    qtbot: QtBot, desk: DeskWorkspace, state: str
) -> None:
    panel = desk.result
    panel.show_verdict(state, "Überschrift", "Einzelheiten")
    background = QColor(feedback.COLOURS[state][0])
    for label in (panel.headline, panel.detail):
        label.ensurePolished()
        colour = label.palette().color(label.foregroundRole())
        ratio = contrast(colour, background)
        assert ratio >= 4.5, f"{state}: {label.text()} in {colour.name()} has {ratio:.2f}:1"
    # The icon is large and drawn in a colour that stands out from the panel.
    image = panel.grab(panel.icon.geometry()).toImage()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    drawn = _dominant_colour(image, background)
    assert drawn is not None, f"{state}: the icon draws nothing"
    ratio = contrast(drawn, background)
    assert ratio >= 4.5, f"{state}: the icon in {drawn.name()} has {ratio:.2f}:1"
    assert min(image.width(), image.height()) >= 80
    # The headline is large: at least twice the normal text.
    assert panel.headline.font().pointSizeF() >= 2 * desk.font().pointSizeF()


def test_the_verdict_symbols_differ() -> None:
    assert len(set(feedback.SYMBOLS.values())) == len(feedback.SYMBOLS)


# -- the failed scans -------------------------------------------------------------------------


def test_failed_scans_are_listed_newest_first_in_words(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    desk.handle_scan("0000000000000")
    desk.handle_scan("=cmd|' /C calc'!A0")
    listing = desk.failed_scans
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2)
    newest = [listing.model.index(0, c).data() for c in range(listing.model.columnCount())]
    assert "=cmd|' /C calc'!A0" in newest
    assert desk.desk_name() in newest
    assert any(isinstance(v, str) and ":" in v for v in newest)  # the time
    reason = listing.model.index(0, listing.model.REASON).data()
    assert reason and "_" not in reason and reason != "garbled"
    assert listing.isVisible() or listing.caption.isVisible()
    assert isinstance(listing.caption, QLabel)


def test_failed_scans_at_another_desk_appear_from_the_feed(
    qtbot: QtBot, desk: DeskWorkspace, desk_db: Database
) -> None:
    from smartdialog.core.services import audit, checkin

    assert desk_db.path is not None
    with desk_db.uow() as s:
        checkin.scan(s, "1234567890123", "Empfang 2")
        changes = audit.changes_since(s, 0)
    desk.on_changes(changes)
    qtbot.waitUntil(lambda: desk.failed_scans.model.rowCount() == 1)
    assert desk.failed_scans.model.index(0, desk.failed_scans.model.DESK).data() == "Empfang 2"
