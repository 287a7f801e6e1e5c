"""The desk's Options button: how badges are printed, and whether the desk makes sounds.

Each choice is a preference of this laptop (QSettings), read when asked, so
that another desk's choice never changes this one.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from smartdialog.core.services import badges
from smartdialog.ui.desk.feedback import Sounds


class DeskOptions(QPushButton):
    """A button with a menu of the desk's print and sound preferences."""

    def __init__(self, settings: QSettings, sounds: Sounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.sounds = sounds
        self.sounds.enabled = bool(settings.value("desk/sounds", True, type=bool))
        self.setText(self.tr("Options"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self)
        self.layout_actions: dict[str, QAction] = {}
        for layout, text in (
            ("a6", self.tr("Badges on A6 sheets")),
            ("label62", self.tr("Badges on 62 mm label roll")),
        ):
            act = menu.addAction(text)
            act.setCheckable(True)
            act.setChecked(self.badge_layout() == layout)
            act.triggered.connect(lambda _c=False, lay=layout: self._set_badge_layout(lay))
            self.layout_actions[layout] = act
        menu.addSeparator()
        self.direct_print_action = self._switch(
            menu, self.tr("Print badges without asking (default printer)"), "desk/direct_print"
        )
        self.badge_on_checkin_action = self._switch(
            menu, self.tr("Print a badge at every check-in"), "desk/badge_on_checkin"
        )
        sound = menu.addAction(self.tr("Sounds"))
        sound.setCheckable(True)
        sound.setChecked(self.sounds.enabled)
        sound.toggled.connect(self._set_sounds)
        self.setMenu(menu)

    def _switch(self, menu: QMenu, text: str, key: str) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(bool(self.settings.value(key, False, type=bool)))
        action.toggled.connect(lambda on: self.settings.setValue(key, on))
        return action

    def badge_layout(self) -> str:
        layout = str(self.settings.value("desk/badge_layout", "a6"))
        return layout if layout in badges.LAYOUTS else "a6"

    def print_without_asking(self) -> bool:
        return self.direct_print_action.isChecked()

    def badge_at_check_in(self) -> bool:
        return self.badge_on_checkin_action.isChecked()

    def _set_badge_layout(self, layout: str) -> None:
        self.settings.setValue("desk/badge_layout", layout)
        for name, act in self.layout_actions.items():
            act.setChecked(name == layout)

    def _set_sounds(self, on: bool) -> None:
        self.sounds.enabled = on
        self.settings.setValue("desk/sounds", on)
