"""The desk's verdict sounds: welcome, already, rejected.

They play through Qt Multimedia (``QSoundEffect``, low latency, WAV) on
Windows, Linux and macOS.  A laptop without any audio output (a server, a
muted docking station, the offscreen test platform) gets the system bell in
distinct rhythms instead — one, two, three beeps.  Volume and mute are this
laptop's preferences; the colours and words carry the verdict on their own.

The desk only asks a ``Sounds`` object to play a verdict; what makes the
noise is a ``Player`` that tests replace by a recorder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Final, Protocol

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from smartdialog.paths import resource

log = logging.getLogger("smartdialog.desk")

# The verdicts that have a sound; each is resources/sounds/<verdict>.wav.
VERDICT_SOUNDS: Final = ("welcome", "already", "rejected")
BEEPS: Final = {"welcome": 1, "already": 2, "rejected": 3}
BEEP_GAP_MS: Final = 180
DEFAULT_VOLUME: Final = 80  # percent


def sound_file(verdict: str) -> Path:
    return resource("sounds", f"{verdict}.wav")


class Player(Protocol):
    """What makes the noise: the verdict's WAV file at a volume from 0.0 to 1.0."""

    def play(self, verdict: str, path: Path, volume: float) -> None: ...


class BellPlayer:
    """The system bell in the verdict's rhythm: where no audio device exists."""

    def play(self, verdict: str, path: Path, volume: float) -> None:
        for n in range(BEEPS.get(verdict, 1)):
            QTimer.singleShot(n * BEEP_GAP_MS, QApplication.beep)


class EffectPlayer:
    """Qt Multimedia's sound effects, one loaded per verdict (loaded once, played often)."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._parent = parent
        self._effects: dict[str, object] = {}

    def effect(self, verdict: str, path: Path) -> object:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effects.get(verdict)
        if effect is None:
            effect = QSoundEffect(self._parent)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[verdict] = effect
        return effect

    def play(self, verdict: str, path: Path, volume: float) -> None:
        effect = self.effect(verdict, path)
        effect.setVolume(volume)  # type: ignore[attr-defined]
        effect.play()  # type: ignore[attr-defined]


def has_audio_output() -> bool:
    """Is there any device to play sound on?  (None on the offscreen platform here.)"""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # a Qt without Multimedia: the bell it is
        log.warning("Qt Multimedia is missing; the desk beeps instead of playing its sounds")
        return False
    return bool(QMediaDevices.audioOutputs())


class Sounds:
    """Plays the verdict's sound at this desk's volume, unless muted.

    ``player`` is what plays when an audio device exists; ``bell`` when none
    does.  ``has_device`` is asked at every sound, so that headphones plugged
    in during the event are used at once.
    """

    def __init__(
        self,
        player: Player | None = None,
        *,
        bell: Player | None = None,
        has_device: Callable[[], bool] = has_audio_output,
    ) -> None:
        self.enabled = True
        self.volume = DEFAULT_VOLUME
        # Every verdict asked for, played or muted (the tests and the status line read it).
        self.played: list[str] = []
        self._player = player
        self._bell = bell or BellPlayer()
        self._has_device = has_device

    @property
    def player(self) -> Player:
        if self._player is None:
            self._player = EffectPlayer()
        return self._player

    @property
    def backend(self) -> str:
        """``"effect"`` when sounds play through an audio device, ``"bell"`` otherwise."""
        return "effect" if self._has_device() else "bell"

    def set_volume(self, percent: int) -> None:
        self.volume = max(0, min(100, int(percent)))

    def play(self, verdict: str) -> None:
        if verdict not in VERDICT_SOUNDS:
            return
        self.played.append(verdict)
        if not self.enabled or self.volume == 0:
            return
        if self._has_device():
            self.player.play(verdict, sound_file(verdict), self.volume / 100)
        else:
            self._bell.play(verdict, sound_file(verdict), self.volume / 100)
