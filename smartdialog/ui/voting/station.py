"""The voting station: a locked full-screen window where participants vote one at a time.

scan the badge → place dots → check the choice → "Danke" → ready for the next
person.  The station follows whichever round is open, so a runoff needs no
restart.  The voter's choices stay in memory until they confirm; then the
whole ballot is written in one transaction (see core.services.voting), so a
station that loses power or network mid-ballot has written nothing, and the
voter simply scans again.

Nobody leaves the station without the admin PIN: no frame, no Escape, a close
request is refused.  (Switching tasks with the operating system's own keys is
the venue laptop's kiosk setting, not something a window can forbid.)
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smartdialog.core.db import Database
from smartdialog.core.errors import QT_TRANSLATE_NOOP, ConflictError, DomainError
from smartdialog.core.services import setup, voting
from smartdialog.core.writekey import WriteKey
from smartdialog.ui import appearance, ops
from smartdialog.ui.messages import translate_error
from smartdialog.ui.scaninput import ScanInput
from smartdialog.ui.voting.cards import DotMeter, FieldSection, FieldTab, IdeaCard
from smartdialog.ui.voting.dialogs import PinDialog

log = logging.getLogger("smartdialog.voting")

# After this long without a touch or a key mid-ballot the station asks whether
# anyone is still there, and after WARN_MS more it starts over, saving nothing.
IDLE_MS = 60_000
WARN_MS = 15_000
THANKS_MS = 6_000
NOTICE_MS = 9_000
MAX_PIN_TRIES = 5
PIN_LOCKOUT_MS = 60_000
TITLE_POLL_MS = 15_000

SCAN, BALLOT, CHECK, THANKS = "scan", "ballot", "check", "thanks"
# The team's way to the PIN from the keyboard.
TEAM_SHORTCUT = "Ctrl+Shift+T"

STYLE = """
#votingStation { background: #f5f7fa; }
#votingStation QLabel { color: #1f2a33; }
#votingStation #stationTitle { font-size: 40px; font-weight: 600; }
#votingStation #stationPrompt { font-size: 30px; }
#votingStation #stationHint { font-size: 20px; color: #455a64; }
#votingStation #rulesLine { font-size: 17px; color: #455a64; }
#votingStation #greeting { font-size: 28px; font-weight: 600; }
#votingStation #dotsLeft { font-size: 24px; font-weight: 600; color: #1565c0; }
#votingStation #ideaCard { background: white; border-radius: 10px; border: 2px solid #cfd8dc; }
#votingStation #ideaCard[chosen="true"] { background: #e3f2fd; border: 2px solid #1565c0; }
#votingStation #ideaCard:focus { border: 4px solid #000000; }
#votingStation #ideaText { font-size: 17px; }
#votingStation #fieldName { font-size: 21px; font-weight: 600; }
#votingStation #fieldNote { font-size: 16px; }
#votingStation #fieldTab { background: #e3e8ec; border-radius: 6px; }
#votingStation #fieldTab[current="true"] { background: white; }
#votingStation #fieldTabName { font-size: 15px; font-weight: 600; }
#votingStation #fieldTabDots { font-size: 14px; color: #1565c0; }
#votingStation QToolButton#plus, #votingStation QToolButton#minus {
    font-size: 28px; font-weight: 700; border-radius: 24px; color: white; background: #1565c0;
}
#votingStation QToolButton#minus { background: #546e7a; }
#votingStation QToolButton#plus:disabled, #votingStation QToolButton#minus:disabled {
    background: #e0e6ea; color: #455a64;
}
#votingStation QToolButton#plus:focus, #votingStation QToolButton#minus:focus {
    border: 4px solid #000000;
}
#votingStation QPushButton { font-size: 22px; min-height: 60px; min-width: 180px; padding: 0 28px;
    border-radius: 10px; background: #eceff1; border: 2px solid #90a4ae; }
#votingStation QPushButton#primary { background: #2e7d32; color: white; border: none; font-weight: 600; }
#votingStation QPushButton#primary:disabled { background: #dfe5e8; color: #37474f; border: 2px dashed #78909c; }
#votingStation QPushButton:focus, #votingStation QPushButton#primary:focus { border: 4px solid #000000; }
#votingStation QPushButton#largeText { font-size: 18px; min-height: 44px; min-width: 0; padding: 0 14px; }
#votingStation QPushButton#largeText:checked { background: #1f2a33; color: white; }
#votingStation QLineEdit { font-size: 24px; min-height: 56px; min-width: 640px; padding: 0 12px;
    border: 2px solid #90a4ae; border-radius: 8px; background: white; }
#votingStation #notice { font-size: 24px; border-radius: 10px; padding: 18px; }
#votingStation #notice[tone="error"] { background: #c62828; color: white; }
#votingStation #notice[tone="warning"] { background: #ffb300; color: #212121; }
#votingStation #notice[tone="info"] { background: #1565c0; color: white; }
#votingStation #thanks { font-size: 64px; font-weight: 700; color: #2e7d32; }
#votingStation #thanksDetail { font-size: 28px; }
#votingStation #checkRow { font-size: 24px; background: white; border-radius: 8px; padding: 14px; }
#votingStation QToolButton#adminButton { border: none; color: #455a64; font-size: 18px; }
#votingStation QToolButton#adminButton:focus { border: 3px solid #000000; }
"""

# Large text for people with low vision: one card to a row, everything bigger.
LARGE_STYLE = (
    STYLE
    + """
#votingStation #ideaText { font-size: 30px; }
#votingStation #fieldName { font-size: 30px; }
#votingStation #fieldNote { font-size: 24px; }
#votingStation #rulesLine { font-size: 24px; }
#votingStation #greeting { font-size: 34px; }
#votingStation #dotsLeft { font-size: 30px; }
#votingStation QToolButton#plus, #votingStation QToolButton#minus {
    font-size: 40px; border-radius: 38px; }
#votingStation QPushButton { font-size: 28px; min-height: 72px; }
#votingStation #checkRow { font-size: 30px; }
"""
)


# High contrast (Settings › Appearance): black on white, black fills, and a focused
# button turns yellow, so the focus is never a thin line one has to look for.
HIGH_CONTRAST_STYLE = """
#votingStation { background: #ffffff; }
#votingStation QLabel { color: #000000; }
#votingStation #stationHint, #votingStation #rulesLine { color: #000000; }
#votingStation #dotsLeft, #votingStation #fieldTabDots { color: #0d47a1; }
#votingStation #ideaCard { background: #ffffff; border: 2px solid #000000; }
#votingStation #ideaCard[chosen="true"] { background: #e3f2fd; border: 4px solid #0d47a1; }
#votingStation #ideaCard:focus { background: #fff59d; border: 6px solid #000000; }
#votingStation #fieldTab { background: #ffffff; border: 2px solid #000000; }
#votingStation #fieldTab[current="true"] { background: #fff59d; border: 4px solid #000000; }
#votingStation QToolButton#plus { background: #0d47a1; color: #ffffff; }
#votingStation QToolButton#minus { background: #000000; color: #ffffff; }
#votingStation QToolButton#plus:disabled, #votingStation QToolButton#minus:disabled {
    background: #ffffff; color: #4d4d4d; border: 2px dashed #4d4d4d;
}
#votingStation QToolButton#plus:focus, #votingStation QToolButton#minus:focus {
    border: 5px solid #ffd600;
}
#votingStation QPushButton { background: #ffffff; color: #000000; border: 3px solid #000000; }
#votingStation QPushButton#primary { background: #000000; color: #ffffff; border: 3px solid #000000; }
#votingStation QPushButton#primary:disabled { background: #ffffff; color: #4d4d4d; border: 3px dashed #4d4d4d; }
#votingStation QPushButton:focus, #votingStation QPushButton#primary:focus {
    background: #ffd600; color: #000000; border: 4px solid #000000; }
#votingStation QPushButton#largeText:checked { background: #000000; color: #ffffff; }
#votingStation QLineEdit { border: 3px solid #000000; background: #ffffff; color: #000000; }
#votingStation #notice[tone="error"] { background: #b71c1c; color: #ffffff; }
#votingStation #notice[tone="warning"] { background: #ffd600; color: #000000; }
#votingStation #notice[tone="info"] { background: #0d47a1; color: #ffffff; }
#votingStation #thanks { color: #1b5e20; }
#votingStation #checkRow { background: #ffffff; border: 2px solid #000000; }
#votingStation QToolButton#adminButton { color: #000000; text-decoration: underline; }
#votingStation QToolButton#adminButton:focus { background: #ffd600; }
"""


def station_style(*, large: bool, high_contrast: bool) -> str:
    return (LARGE_STYLE if large else STYLE) + (HIGH_CONTRAST_STYLE if high_contrast else "")


@dataclass(frozen=True)
class _Scanned:
    scan: voting.BadgeScan
    sheet: voting.BallotSheet | None


def _no_round() -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP("errors", "No voting round is open at the moment. Please ask the team.")
    )


def _scan_job(_progress: Any, db: Database, raw: str, station: str, typed: bool) -> _Scanned:
    def write(target: Database) -> _Scanned:
        with target.uow() as s:
            current = voting.current_round(s)
            if current is None:
                return _Scanned(voting.BadgeScan(None, _no_round(), "no round"), None)
            scan = voting.scan_badge(s, current.id, raw, station=station, typed=typed)
            sheet = voting.ballot_sheet(s, current.id) if scan.voter is not None else None
        return _Scanned(scan, sheet)

    return ops.write_here_or_on_the_copy(db, write)


def _cast_job(
    _progress: Any,
    db: Database,
    voter: voting.Voter,
    dots: dict[uuid.UUID, int],
    station: str,
    key: WriteKey,
) -> voting.CastBallot:
    def write(target: Database) -> voting.CastBallot:
        with target.uow() as s:
            return voting.cast_ballot(
                s,
                voter.round_id,
                voter.participant_id,
                dots,
                expected_revision=voter.revision,
                station=station,
                key=key,
            )

    # The key makes a ballot the host saved without answering the same ballot on the copy.
    return ops.write_here_or_on_the_copy(db, write)


def _notice() -> QLabel:
    label = QLabel()
    label.setObjectName("notice")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.hide()
    return label


def _show_notice(label: QLabel, text: str, tone: str) -> None:
    label.setText(text)
    label.setProperty("tone", tone)
    label.style().unpolish(label)
    label.style().polish(label)
    label.show()


class VotingStation(QWidget):
    """The kiosk window.  ``lock()`` shows it full screen; only the admin PIN closes it."""

    page_changed = Signal(str)  # scan, ballot, check, thanks
    unlocked = Signal()

    def __init__(
        self,
        db: Database,
        *,
        station_name: str,
        idle_ms: int = IDLE_MS,
        warn_ms: int = WARN_MS,
        thanks_ms: int = THANKS_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.db = db
        self.station_name = station_name
        self.setObjectName("votingStation")
        self.setWindowTitle(self.tr("Voting station"))
        self.setStyleSheet(
            station_style(large=False, high_contrast=appearance.current().high_contrast)
        )
        self._locked = False
        self._busy = False
        self._pin_failures = 0
        self._voter: voting.Voter | None = None
        self._sheet: voting.BallotSheet | None = None
        self._draft: voting.BallotDraft | None = None
        # The key of the ballot being confirmed, with what it was chosen for: a confirm
        # tried again (the first failed with the network) is the same ballot, not a second
        # one (core.writekey).  Another choice of dots gets a key of its own.
        self._cast_key: tuple[tuple[Any, ...], WriteKey] | None = None
        self._cards: dict[uuid.UUID, IdeaCard] = {}
        self._sections: list[FieldSection] = []
        self._tabs: list[FieldTab] = []
        self._large = False
        # The cards of the open round, kept for the next voter: (round, large text).
        self._built_for: tuple[uuid.UUID, bool] | None = None
        self._task: ops.Task[Any] | None = None
        self.pin_dialog: PinDialog | None = None

        self.pages = QStackedWidget()
        appearance.notifier().changed.connect(self._appearance_changed)
        self._build_scan_page()
        self._build_ballot_page()
        self._build_check_page()
        self._build_thanks_page()
        for button in self.pages.findChildren(QPushButton):
            # Enter presses the focused button, as Space does: the station works without a mouse.
            button.setAutoDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self._idle = QTimer(self, singleShot=True, interval=idle_ms)
        self._idle.timeout.connect(self._idle_elapsed)
        self._warn = QTimer(self, singleShot=True, interval=warn_ms)
        self._warn.timeout.connect(
            lambda: self.reset(
                self.tr(
                    "The ballot was cancelled because nobody touched the screen. Nothing was saved."
                )
            )
        )
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._update_countdown)
        self._thanks = QTimer(self, singleShot=True, interval=thanks_ms)
        self._thanks.timeout.connect(lambda: self.reset())
        self._notice_timer = QTimer(self, singleShot=True, interval=NOTICE_MS)
        self._notice_timer.timeout.connect(self.scan_notice.hide)
        # The scan page follows a round opened or closed elsewhere.
        self._title_poll = QTimer(self, interval=TITLE_POLL_MS)
        self._title_poll.timeout.connect(self._poll_round_title)
        self._title_poll.start()
        self._pin_lockout = QTimer(self, singleShot=True, interval=PIN_LOCKOUT_MS)
        self._pin_lockout.timeout.connect(self._end_pin_lockout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        # The code field keeps Tab for scanners that end with it; Team comes right after it.
        QWidget.setTabOrder(self.scan_input, self.admin_button)
        self.reset()

    # -- pages ------------------------------------------------------------------------------

    def _build_scan_page(self) -> None:
        page = QWidget()
        self.round_title = QLabel()
        self.round_title.setObjectName("stationTitle")
        self.round_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.round_title.setWordWrap(True)
        prompt = QLabel(self.tr("Please hold the QR code on your name badge under the scanner."))
        prompt.setObjectName("stationPrompt")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt.setWordWrap(True)
        self.scan_input = ScanInput()
        # The shape of the code printed under the QR code, in its groups of four.
        self.scan_input.setPlaceholderText("0000 0000 0000 0000")
        self.scan_input.setClearButtonEnabled(False)
        self.scan_input.setMaximumWidth(720)
        self.scan_input.setAccessibleName(self.tr("Badge code"))
        self.scan_input.scanned.connect(
            lambda raw: self.scan(raw, typed=self.scan_input.last_typed)
        )
        self.scan_input.submitted.connect(self._typed_code)
        self.type_hint = QLabel(
            self.tr("… or type the 16 digits under the QR code and press Enter.")
        )
        self.type_hint.setObjectName("stationHint")
        self.type_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.type_hint.setWordWrap(True)
        self.scan_busy = QLabel(self.tr("One moment, please …"))
        self.scan_busy.setObjectName("stationHint")
        self.scan_busy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan_busy.hide()
        self.scan_notice = _notice()
        hint = QLabel(self.tr("No badge? The registration desk will help you."))
        hint.setObjectName("stationHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.admin_button = QToolButton()
        self.admin_button.setObjectName("adminButton")
        self.admin_button.setText(self.tr("Team"))
        # Reachable by Tab (after the code field) and by Ctrl+Shift+T, not by a stray click focus.
        self.admin_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.admin_button.setAccessibleName(
            self.tr("For the team: unlock the station with the PIN")
        )
        self.admin_button.setToolTip(self.tr("For the team: unlock the station (Ctrl+Shift+T)"))
        self.admin_button.clicked.connect(self.ask_pin)
        self.team_shortcut = QShortcut(QKeySequence(TEAM_SHORTCUT), self)
        self.team_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.team_shortcut.activated.connect(self.ask_pin)
        corner = QHBoxLayout()
        corner.addStretch(1)
        corner.addWidget(self.admin_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(80, 30, 30, 30)
        layout.addLayout(corner)
        layout.addStretch(2)
        layout.addWidget(self.round_title)
        layout.addSpacing(40)
        layout.addWidget(prompt)
        layout.addSpacing(30)
        layout.addWidget(self.scan_input, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(self.type_hint)
        layout.addWidget(self.scan_busy)
        layout.addSpacing(30)
        layout.addWidget(self.scan_notice)
        layout.addStretch(3)
        layout.addWidget(hint)
        self.pages.addWidget(page)
        self._scan_page = page

    def _build_ballot_page(self) -> None:
        page = QWidget()
        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.rules_line = QLabel()
        self.rules_line.setObjectName("rulesLine")
        self.rules_line.setWordWrap(True)
        self.dots_left = QLabel()
        self.dots_left.setObjectName("dotsLeft")
        self.dots_left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.meter_box = QHBoxLayout()
        self.meter: DotMeter | None = None
        self.large_button = QPushButton(self.tr("Large text"))
        self.large_button.setObjectName("largeText")
        self.large_button.setCheckable(True)
        # Off the Tab chain: Tab from any card is "Next: check my choice".
        self.large_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.large_button.setAccessibleName(self.tr("Large text on or off"))
        self.large_button.toggled.connect(self.set_large_text)
        # One row: every pixel of height goes to the cards.
        header = QHBoxLayout()
        header.setSpacing(16)
        header.addWidget(self.greeting)
        header.addWidget(self.rules_line, 1)
        header.addWidget(self.large_button)
        header.addWidget(self.dots_left)
        header.addLayout(self.meter_box)
        self.tab_bar = QHBoxLayout()
        self.tab_bar.setSpacing(6)

        self.cards_area = QScrollArea()
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Scrolling with a finger: drag the list itself, or the scroll bar, wide enough to grab.
        self.cards_area.verticalScrollBar().setStyleSheet("QScrollBar:vertical { width: 28px; }")
        QScroller.grabGesture(
            self.cards_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        self.idle_notice = _notice()
        self.still_here = QPushButton(self.tr("I am still here"))
        self.still_here.hide()
        self.still_here.clicked.connect(self._still_here)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(
            lambda: self.reset(self.tr("Cancelled. Nothing was saved."))
        )
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.show_check)
        footer = QHBoxLayout()
        footer.addWidget(self.cancel_button)
        footer.addStretch(1)
        footer.addWidget(self.next_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addLayout(self.tab_bar)
        layout.addWidget(self.cards_area, 1)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_notice, 1)
        idle_row.addWidget(self.still_here)
        layout.addLayout(idle_row)
        layout.addLayout(footer)
        self.pages.addWidget(page)
        self._ballot_page = page

    def _build_check_page(self) -> None:
        page = QWidget()
        title = QLabel(self.tr("Is this your choice?"))
        title.setObjectName("stationTitle")
        self.check_list = QVBoxLayout()
        self.check_list.setSpacing(10)
        self.check_note = QLabel()
        self.check_note.setObjectName("stationHint")
        self.check_note.setWordWrap(True)
        self.check_notice = _notice()
        self.back_button = QPushButton(self.tr("Back: change my choice"))
        self.back_button.clicked.connect(self._back_to_ballot)
        self.confirm_button = QPushButton(self.tr("Yes, cast my dots"))
        self.confirm_button.setObjectName("primary")
        self.confirm_button.clicked.connect(self.confirm)
        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        footer.addWidget(self.confirm_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(80, 40, 80, 30)
        layout.setSpacing(18)
        layout.addWidget(title)
        layout.addLayout(self.check_list)
        layout.addWidget(self.check_note)
        layout.addStretch(1)
        layout.addWidget(self.check_notice)
        layout.addLayout(footer)
        self.pages.addWidget(page)
        self._check_page = page

    def _build_thanks_page(self) -> None:
        page = QWidget()
        self.thanks_label = QLabel()
        self.thanks_label.setObjectName("thanks")
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_detail = QLabel()
        self.thanks_detail.setObjectName("thanksDetail")
        self.thanks_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_detail.setWordWrap(True)
        done = QPushButton(self.tr("Done"))
        done.clicked.connect(lambda: self.reset())
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        layout.addWidget(self.thanks_label)
        layout.addSpacing(30)
        layout.addWidget(self.thanks_detail)
        layout.addStretch(2)
        layout.addWidget(done, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.pages.addWidget(page)
        self._thanks_page = page

    # -- state --------------------------------------------------------------------------------

    @property
    def page(self) -> str:
        current = self.pages.currentWidget()
        assert current is not None
        return {
            self._scan_page: SCAN,
            self._ballot_page: BALLOT,
            self._check_page: CHECK,
            self._thanks_page: THANKS,
        }[current]

    def _go(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        if page in (self._ballot_page, self._check_page):
            self._idle.start()
        else:
            self._idle.stop()
        self._hide_idle_warning()
        self.page_changed.emit(self.page)

    def reset(self, notice: str = "", tone: str = "info") -> None:
        """Back to "scan your badge"; the draft of whoever stood here is gone, unsaved."""
        self._voter = self._sheet = self._draft = None
        self._cast_key = None
        self._thanks.stop()
        # The next person starts with the usual text size (large if the app is set so).
        self.large_button.setChecked(appearance.current().large_text)
        self.scan_input.clear()
        self.scan_busy.hide()
        self.scan_input.setEnabled(True)
        if notice:
            self._notify(notice, tone)
        else:
            self.scan_notice.hide()
        self._go(self._scan_page)
        self.scan_input.setFocus()
        self._refresh_round_title()

    def _notify(self, text: str, tone: str) -> None:
        _show_notice(self.scan_notice, text, tone)
        self._notice_timer.start()

    def switch_database(self, db: Database) -> None:
        """The same event from another place (the joined laptop's local copy, or back).

        A voter in the middle of a ballot goes on: the ballot is cast where the event is now.
        """
        self.db = db
        self._refresh_round_title()

    def _poll_round_title(self) -> None:
        if self.page == SCAN and not self._busy:
            self._refresh_round_title()

    def _refresh_round_title(self) -> None:
        ops.QueryOp(self, self.db, voting.current_round).success(self._show_round_title).failure(
            self._round_title_failed
        ).run()

    # Callbacks of background work are methods, so that Qt drops them with a closed station.
    def _show_round_title(self, info: voting.RoundInfo | None) -> None:
        self.round_title.setText(
            self.tr("Voting: {title}").format(title=info.title)
            if info is not None
            else self.tr("No voting round is open at the moment.")
        )

    def _round_title_failed(self, sentence: str) -> None:
        log.warning("the station could not read the open round: %s", sentence)

    def _start(self, fn: Any, *args: Any, on_done: Any, on_error: Any) -> None:
        # Scans and ballots write: they go to the laptop's writer thread, in order.  (The
        # station tells a conflict from a refusal by the exception, hence not CollectionOp.)
        self._task = ops.start_write(fn, *args, on_done=on_done, on_error=on_error, parent=self)

    # -- scanning -------------------------------------------------------------------------------

    def _typed_code(self) -> None:
        text = self.scan_input.text()
        self.scan_input.clear()
        if text.strip():
            self.scan(text, typed=True)

    def scan(self, raw: str, *, typed: bool = False) -> None:
        """A badge's code: scanned, or ``typed`` by the voter (a slip is then a typo)."""
        if self._busy or self.page != SCAN:
            return
        self._set_busy(True)
        self.scan_notice.hide()
        self._start(
            _scan_job,
            self.db,
            raw,
            self.station_name,
            typed,
            on_done=self._scanned,
            on_error=self._scan_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.scan_busy.setVisible(busy and self.page == SCAN)
        self.scan_input.setEnabled(not busy)
        self.confirm_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)

    def _scanned(self, result: _Scanned) -> None:
        self._set_busy(False)
        scan = result.scan
        if scan.voter is None or result.sheet is None:
            tone = "warning" if scan.reason in ("refused", "no round") else "error"
            self._notify(self._refusal_text(scan), tone)
            self.scan_input.setFocus()
            return
        voter = scan.voter
        if not voter.may_change:
            self._notify(self.tr("You have voted in this round already. Thank you!"), "info")
            self.scan_input.setFocus()
            return
        self._start_ballot(voter, result.sheet)

    def _refusal_text(self, scan: voting.BadgeScan) -> str:
        """Words for the participant: the desk's messages speak to the clerk."""
        by_reason = {
            "empty": self.tr(
                "The code was not read properly. Please hold your badge still under the scanner once more."
            ),
            "garbled": self.tr(
                "The code was not read properly. Please hold your badge still under the scanner once more."
            ),
            "truncated": self.tr(
                "The code was not read properly. Please hold your badge still under the scanner once more."
            ),
            "forged": self.tr("This badge is not valid. Please ask at the registration desk."),
            "typo": self.tr(
                "Typing slip? Please check the code: the 16 digits under the QR code, in four groups of four."
            ),
            "foreign": self.tr(
                "This badge belongs to another event. Please ask at the registration desk."
            ),
            "unknown": self.tr(
                "Nobody is registered with this badge. Please ask at the registration desk."
            ),
            "anonymised": self.tr(
                "Nobody is registered with this badge. Please ask at the registration desk."
            ),
        }
        if scan.reason in by_reason:
            return by_reason[scan.reason]
        return translate_error(scan.problem or _no_round())

    def _scan_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._notify(translate_error(exc), "error")
        self.scan_input.setFocus()

    # -- the ballot -------------------------------------------------------------------------------

    def _start_ballot(self, voter: voting.Voter, sheet: voting.BallotSheet) -> None:
        self._voter = voter
        self._sheet = sheet.shuffled_for(voter.participant_id)
        rules = sheet.round.rules
        self._draft = voting.BallotDraft(rules, sheet.field_of(), voter.dots)
        name = voter.first_name.strip()
        self.greeting.setText(
            self.tr("Hello, {name}!").format(name=name) if name else self.tr("Hello!")
        )
        rules_text = self.tr(
            "You have %n dot(s) to give to the ideas you find most important.",
            "",
            rules.dots_per_participant,
        )
        rules_text += " " + self.tr("At most %n per idea.", "", rules.max_dots_per_idea)
        if voter.revision:
            rules_text += " " + self.tr(
                "You voted already; these are your dots. You can change them."
            )
        self.rules_line.setText(rules_text)
        if self.meter is not None:
            self.meter.deleteLater()
        self.meter = DotMeter(rules.dots_per_participant, diameter=26)
        self.meter_box.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignRight)

        self._build_tabs()
        self._build_cards()
        self._refresh_ballot()
        self._go(self._ballot_page)
        cards = self.cards()
        if cards:
            cards[0].setFocus()

    def _build_tabs(self) -> None:
        if (
            self._built_for is not None
            and self._sheet is not None
            and self._built_for[0] == self._sheet.round.id
        ):
            return  # the same round: the same tabs
        for tab in self._tabs:
            tab.deleteLater()
        assert self._sheet is not None
        self._tabs = [FieldTab(i, f) for i, f in enumerate(self._sheet.fields)]
        for tab in self._tabs:
            tab.chosen.connect(self.show_field)
            self.tab_bar.addWidget(tab)

    def _build_cards(self) -> None:
        """Lay the sheet out: two cards to a row, one in large-text mode.

        The next voter of the same round gets the same cards in their own
        order: building 35 cards costs far more than moving them.
        """
        assert self._sheet is not None
        key = (self._sheet.round.id, self._large)
        if self._built_for == key and [s.field_id for s in self._sections] == [
            f.field_id for f in self._sheet.fields
        ]:
            for section, field in zip(self._sections, self._sheet.fields, strict=True):
                section.arrange([idea.idea_id for idea in field.ideas])
            self.cards_area.verticalScrollBar().setValue(0)
            return
        self._built_for = key
        rules = self._sheet.round.rules
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(0)
        self._sections = [
            FieldSection(
                f, rules.max_dots_per_idea, columns=1 if self._large else 2, large=self._large
            )
            for f in self._sheet.fields
        ]
        self._cards = {}
        for section in self._sections:
            column.addWidget(section)
            for card in section.cards:
                self._cards[card.idea_id] = card
                card.add_requested.connect(self.add_dot)
                card.remove_requested.connect(self.remove_dot)
                card.navigate.connect(self._navigate)
                card.focused.connect(self._card_focused)
        column.addStretch(1)
        old = self.cards_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.cards_area.setWidget(container)

    def _restyle(self) -> None:
        self.setStyleSheet(
            station_style(large=self._large, high_contrast=appearance.current().high_contrast)
        )

    def _appearance_changed(self, chosen: appearance.Appearance) -> None:
        self._restyle()
        if self._voter is None:
            self.large_button.setChecked(chosen.large_text)

    def set_large_text(self, large: bool) -> None:
        """Large text on the station itself, for people with low vision; kept until the next voter."""
        if large == self._large:
            return
        self._large = large
        self._restyle()
        if self._sheet is None or self._draft is None:
            return
        focused = self.focusWidget()
        focused_id = focused.idea_id if isinstance(focused, IdeaCard) else None
        self._build_cards()
        self._refresh_ballot()
        cards = self.cards()
        target = self._cards.get(focused_id) if focused_id else None
        if target is None and cards:
            target = cards[0]
        if target is not None:
            target.setFocus()

    def _card_focused(self, card: IdeaCard) -> None:
        self.cards_area.ensureWidgetVisible(card, 0, 40)
        index = self._field_index(card)
        for tab in self._tabs:
            tab.set_current(tab.index == index)

    def _field_index(self, card: IdeaCard) -> int:
        for index, section in enumerate(self._sections):
            if card in section.cards:
                return index
        return 0

    def show_field(self, index: int) -> None:
        """Jump to a field of action: its heading at the top, its first card focused."""
        if not 0 <= index < len(self._sections):
            return
        section = self._sections[index]
        if section.cards:
            section.cards[0].setFocus()
        container = self.cards_area.widget()
        layout = container.layout() if container is not None else None
        if layout is not None:
            layout.activate()  # a ballot just built has no geometry yet
        self.cards_area.verticalScrollBar().setValue(section.y())

    def _navigate(self, card: IdeaCard, key: int) -> None:
        cards = self.cards()
        index = cards.index(card)
        field = self._field_index(card)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.next_button.setFocus()
        elif key == Qt.Key.Key_Down:
            if index + 1 < len(cards):
                cards[index + 1].setFocus()
            else:
                self.next_button.setFocus()
        elif key == Qt.Key.Key_Up:
            if index > 0:
                cards[index - 1].setFocus()
        elif key == Qt.Key.Key_Right:
            self.show_field(min(field + 1, len(self._sections) - 1))
        elif key == Qt.Key.Key_Left:
            self.show_field(max(field - 1, 0))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            cards[0 if key == Qt.Key.Key_Home else -1].setFocus()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._page(card, 1 if key == Qt.Key.Key_PageDown else -1)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.show_field(key - Qt.Key.Key_1)

    def _page(self, card: IdeaCard, direction: int) -> None:
        """Scroll by a screen and focus the card that comes into view there."""
        bar = self.cards_area.verticalScrollBar()
        bar.setValue(bar.value() + direction * bar.pageStep())
        container = self.cards_area.widget()
        if container is None:
            return
        top = bar.value()
        bottom = top + self.cards_area.viewport().height()
        visible = [
            c
            for c in self.cards()
            if top <= c.mapTo(container, c.rect().topLeft()).y()
            and c.mapTo(container, c.rect().bottomLeft()).y() <= bottom
        ]
        if visible:
            target = visible[0] if direction > 0 else visible[-1]
            if target is card:
                cards = self.cards()
                step = cards.index(card) + direction
                target = cards[max(0, min(step, len(cards) - 1))]
            target.setFocus()

    def cards(self) -> list[IdeaCard]:
        """The idea cards in the order this voter sees them."""
        return [card for section in self._sections for card in section.cards]

    def add_dot(self, idea_id: uuid.UUID) -> None:
        if self._draft is not None and self._draft.add(idea_id):
            self._refresh_ballot()

    def remove_dot(self, idea_id: uuid.UUID) -> None:
        if self._draft is not None and self._draft.remove(idea_id):
            self._refresh_ballot()

    def _refresh_ballot(self) -> None:
        draft = self._draft
        if draft is None:
            return
        for idea_id, card in self._cards.items():
            card.show_state(draft.on(idea_id), draft.can_add(idea_id))
        for section in self._sections:
            section.show_left(draft.left_in(section.field_id))
        for tab in self._tabs:
            tab.show_spent(draft.used_in(tab.field_id))
        total = draft.rules.dots_per_participant
        if self.meter is not None:
            self.meter.set_filled(draft.left)
        self.dots_left.setText(
            self.tr("%n of {total} dots left", "", draft.left).format(total=total)
        )
        self.next_button.setText(self.tr("Next: check my choice"))
        self.next_button.setEnabled(draft.used > 0)

    def show_check(self) -> None:
        draft, sheet = self._draft, self._sheet
        if draft is None or sheet is None or draft.used == 0:
            return
        while self.check_list.count():
            item = self.check_list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for field in sheet.fields:
            for idea in field.ideas:
                n = draft.on(idea.idea_id)
                if n:
                    row = QLabel(
                        f"<span style='color:{field.colour}'>{'●' * n}</span>&nbsp;&nbsp;{_escape(idea.text)}"
                    )
                    row.setObjectName("checkRow")
                    row.setWordWrap(True)
                    row.setTextFormat(Qt.TextFormat.RichText)
                    self.check_list.addWidget(row)
        self.check_note.setText(
            self.tr("You leave %n dot(s) unused. That is fine.", "", draft.left)
            if draft.left
            else ""
        )
        self.check_notice.hide()
        self._go(self._check_page)
        self.confirm_button.setFocus()

    def _back_to_ballot(self) -> None:
        self._go(self._ballot_page)
        cards = self.cards()
        if cards:
            cards[0].setFocus()

    def confirm(self) -> None:
        if self._busy or self._draft is None or self._voter is None:
            return
        self._set_busy(True)
        self.check_notice.hide()
        dots = self._draft.dots
        ballot = (
            self._voter.round_id,
            self._voter.participant_id,
            self._voter.revision,
            tuple(sorted(dots.items())),
        )
        if self._cast_key is None or self._cast_key[0] != ballot:
            self._cast_key = (ballot, WriteKey())
        self._start(
            _cast_job,
            self.db,
            self._voter,
            dots,
            self.station_name,
            self._cast_key[1],
            on_done=self._cast_done,
            on_error=self._cast_failed,
        )

    def _cast_done(self, cast: voting.CastBallot) -> None:
        self._set_busy(False)
        name = self._voter.first_name.strip() if self._voter else ""
        self.thanks_label.setText(
            self.tr("Thank you, {name}!").format(name=name) if name else self.tr("Thank you!")
        )
        self.thanks_detail.setText(
            (
                self.tr("Your choice has been changed: %n dot(s) counted.", "", cast.dots)
                if cast.changed
                else self.tr("Your %n dot(s) are counted.", "", cast.dots)
            )
            + "\n"
            + self.tr("The station will be ready for the next person in a moment.")
        )
        self._voter = self._sheet = self._draft = None
        self._cast_key = None
        self._go(self._thanks_page)
        self._thanks.start()

    def _cast_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, ConflictError):
            self.reset(translate_error(exc), "warning")
        elif isinstance(exc, DomainError):
            # The round closed meanwhile, or the rules refuse: the ballot cannot be saved here.
            self.reset(translate_error(exc), "warning")
        else:
            # Network or disk: nothing was saved; the choice is still here to try again.
            _show_notice(
                self.check_notice,
                self.tr(
                    "Your dots could not be saved: {reason} Nothing was counted yet. Please try again, or ask the team."
                ).format(reason=translate_error(exc)),
                "error",
            )

    # -- idle -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() in _ACTIVITY
            and isinstance(watched, QWidget)
            and watched.window() is self
            and (self._idle.isActive() or self._warn.isActive())
        ):
            self._idle.start()
            if self._warn.isActive() and watched is not self.still_here:
                self._hide_idle_warning()
        return False

    def _idle_elapsed(self) -> None:
        self._warn.start()
        self._countdown.start()
        self._update_countdown()
        self.still_here.show()

    def _update_countdown(self) -> None:
        seconds = max(0, round(self._warn.remainingTime() / 1000))
        _show_notice(
            self.idle_notice,
            self.tr(
                "Are you still there? The ballot will be cancelled in %n second(s).", "", seconds
            ),
            "warning",
        )

    def _still_here(self) -> None:
        self._hide_idle_warning()
        self._idle.start()

    def _hide_idle_warning(self) -> None:
        self._warn.stop()
        self._countdown.stop()
        self.idle_notice.hide()
        self.still_here.hide()

    # -- the lock -------------------------------------------------------------------------------

    def lock(self) -> None:
        """Full screen, frameless, on top; closing needs the PIN from now on."""
        self._locked = True
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.showFullScreen()
        self.activateWindow()
        self.scan_input.setFocus()

    @property
    def locked(self) -> bool:
        return self._locked

    def ask_pin(self) -> None:
        if self._pin_lockout.isActive():
            self._notify(self.tr("Too many wrong PINs. Try again in a minute."), "error")
            return
        dialog = PinDialog(self, title=self.tr("Unlock the voting station"))
        dialog.pin_entered.connect(self._check_pin)
        dialog.open()
        self.pin_dialog = dialog

    def _check_pin(self, pin: str) -> None:
        dialog = self.pin_dialog
        if dialog is None:
            return
        ops.QueryOp(dialog, self.db, lambda s: setup.check_admin_pin(s, pin)).success(
            lambda right: self._pin_checked(dialog, right)
        ).failure(dialog.refuse).run()

    def _pin_checked(self, dialog: PinDialog, right: bool) -> None:
        if not right:
            self._pin_failures += 1
            if self._pin_failures >= MAX_PIN_TRIES:
                self._pin_lockout.start()
                dialog.reject()
                self._notify(self.tr("Too many wrong PINs. Try again in a minute."), "error")
            else:
                dialog.refuse(self.tr("Wrong PIN."))
            return
        self._pin_failures = 0
        dialog.accept()
        self.unlock()

    def _end_pin_lockout(self) -> None:
        self._pin_failures = 0

    def unlock(self) -> None:
        self._locked = False
        self.unlocked.emit()
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Escape and friends must not take a participant anywhere.
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._locked:
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for timer in self.findChildren(QTimer):
            timer.stop()
        super().closeEvent(event)


_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
        QEvent.Type.TouchUpdate,
    }
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
