"""The desk's Options button: how badges are printed, the sounds, the camera.

Each choice is a preference of this laptop (QSettings), read when asked, so
that another desk's choice never changes this one.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from smartdialog.core.services import badges
from smartdialog.ui.desk.sounds import DEFAULT_VOLUME, Sounds

VOLUMES = (20, 40, 60, 80, 100)


class DeskOptions(QPushButton):
    """A button with a menu of the desk's print, sound and camera preferences."""

    # Options › Camera …: the desk opens its camera window.
    camera_requested = Signal()

    def __init__(self, settings: QSettings, sounds: Sounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.sounds = sounds
        self.sounds.enabled = bool(settings.value("desk/sounds", True, type=bool))
        volume = settings.value("desk/volume", DEFAULT_VOLUME, type=int)
        self.sounds.set_volume(volume if isinstance(volume, int) else DEFAULT_VOLUME)
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
        menu.addSeparator()
        self.sound_action = menu.addAction(self.tr("Sounds"))
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(self.sounds.enabled)
        self.sound_action.toggled.connect(self._set_sounds)
        volume_menu = menu.addMenu(self.tr("Volume"))
        self.volume_menu = volume_menu
        group = QActionGroup(self)
        self.volume_actions: dict[int, QAction] = {}
        for percent in VOLUMES:
            act = volume_menu.addAction(self.tr("{percent} %").format(percent=percent))
            act.setCheckable(True)
            act.setChecked(percent == self._nearest_volume())
            act.setActionGroup(group)
            act.triggered.connect(lambda _c=False, p=percent: self.set_volume(p))
            self.volume_actions[percent] = act
        volume_menu.addSeparator()
        self.test_sound_action = volume_menu.addAction(self.tr("Play a test sound"))
        self.test_sound_action.triggered.connect(lambda: self.sounds.play("welcome"))
        menu.addSeparator()
        self.camera_action = menu.addAction(self.tr("Camera …"))
        self.camera_action.triggered.connect(self.camera_requested)
        self.setMenu(menu)

    def _nearest_volume(self) -> int:
        return min(VOLUMES, key=lambda v: abs(v - self.sounds.volume))

    def set_volume(self, percent: int) -> None:
        self.sounds.set_volume(percent)
        self.settings.setValue("desk/volume", self.sounds.volume)
        act = self.volume_actions.get(self._nearest_volume())
        if act is not None:
            act.setChecked(True)

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
