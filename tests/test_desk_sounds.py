"""The desk's verdict sounds: the right file at the desk's volume, mute, and the bell without a device."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smartdialog.ui.desk import feedback
from smartdialog.ui.desk.options import DeskOptions
from smartdialog.ui.desk.sounds import EffectPlayer, Sounds, has_audio_output, sound_file


class Recorder:
    """A test double of the audio output: what would have been played, and how loud."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, float]] = []

    def play(self, verdict: str, path: Path, volume: float) -> None:
        self.calls.append((verdict, path.name, volume))


def _sounds(device: bool = True) -> tuple[Sounds, Recorder, Recorder]:
    player, bell = Recorder(), Recorder()
    return Sounds(player, bell=bell, has_device=lambda: device), player, bell


def test_each_verdict_plays_its_own_file_at_the_desks_volume() -> None:
    sounds, player, bell = _sounds()
    sounds.set_volume(60)
    for verdict in (feedback.WELCOME, feedback.ALREADY, feedback.REJECTED):
        sounds.play(verdict)
    assert player.calls == [
        ("welcome", "welcome.wav", 0.6),
        ("already", "already.wav", 0.6),
        ("rejected", "rejected.wav", 0.6),
    ]
    assert bell.calls == []
    assert sounds.backend == "effect"


def test_information_makes_no_sound() -> None:
    sounds, player, _bell = _sounds()
    sounds.play(feedback.INFO)
    sounds.play(feedback.READY)
    assert player.calls == []


def test_muted_or_at_zero_nothing_reaches_the_output() -> None:
    sounds, player, bell = _sounds()
    sounds.enabled = False
    sounds.play(feedback.WELCOME)
    sounds.enabled = True
    sounds.set_volume(0)
    sounds.play(feedback.REJECTED)
    assert player.calls == bell.calls == []
    assert sounds.played == [feedback.WELCOME, feedback.REJECTED]


def test_without_an_audio_device_the_bell_rings_instead() -> None:
    sounds, player, bell = _sounds(device=False)
    sounds.play(feedback.ALREADY)
    assert player.calls == []
    assert bell.calls == [("already", "already.wav", 0.8)]
    assert sounds.backend == "bell"


def test_this_machine_has_no_audio_output_so_the_desk_uses_the_bell(qtbot: QtBot) -> None:
    # The offscreen platform here has no audio device: what a laptop without one does.
    assert has_audio_output() is False
    assert Sounds().backend == "bell"


def test_volume_is_kept_within_range() -> None:
    sounds, _player, _bell = _sounds()
    sounds.set_volume(140)
    assert sounds.volume == 100
    sounds.set_volume(-5)
    assert sounds.volume == 0


@pytest.mark.qt_log_ignore("QSoundEffect: playback of this format is not supported")
def test_a_real_sound_effect_is_built_without_a_device(qtbot: QtBot) -> None:
    from PySide6.QtMultimedia import QSoundEffect

    player = EffectPlayer()
    effect = player.effect("welcome", sound_file("welcome"))
    assert isinstance(effect, QSoundEffect)
    qtbot.waitUntil(lambda: effect.status() != QSoundEffect.Status.Loading)
    # Without a device Qt cannot play it (which is why the desk asks for one first and
    # rings the bell otherwise); with one, the file loads.
    expected = QSoundEffect.Status.Ready if has_audio_output() else QSoundEffect.Status.Error
    assert effect.status() == expected
    assert player.effect("welcome", sound_file("welcome")) is effect  # loaded once
    player.play("welcome", sound_file("welcome"), 0.5)
    assert effect.volume() == pytest.approx(0.5, abs=0.01)


def test_options_menu_sets_volume_and_mute_and_keeps_them(qtbot: QtBot, tmp_path: Path) -> None:
    ini = str(tmp_path / "smartdialog.ini")
    sounds, player, _bell = _sounds()
    options = DeskOptions(QSettings(ini, QSettings.Format.IniFormat), sounds)
    qtbot.addWidget(options)
    options.volume_actions[40].trigger()
    assert sounds.volume == 40
    options.test_sound_action.trigger()
    assert player.calls == [("welcome", "welcome.wav", 0.4)]
    options.sound_action.setChecked(False)
    assert sounds.enabled is False
    options.settings.sync()

    again, _p, _b = _sounds()
    reopened = DeskOptions(QSettings(ini, QSettings.Format.IniFormat), again)
    qtbot.addWidget(reopened)
    assert again.volume == 40
    assert again.enabled is False
    assert reopened.volume_actions[40].isChecked()
    assert not reopened.sound_action.isChecked()


def test_bell_rhythm_distinguishes_the_verdicts(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    sounds = Sounds(Recorder(), has_device=lambda: False)
    sounds.play(feedback.REJECTED)
    qtbot.waitUntil(lambda: len(beeps) == 3)
