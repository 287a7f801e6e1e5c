"""Writes the desk's three sounds (run once; the WAV files are committed).

    welcome.wav   two rising notes, short and friendly
    already.wav   one middle note, twice
    rejected.wav  a low buzz, long

Distinct in pitch, rhythm and length, so that a clerk tells them apart without
looking; 16-bit mono 22.05 kHz, a few kilobytes each.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def _tone(freq: float, seconds: float, volume: float = 0.5, square: bool = False) -> list[int]:
    n = int(RATE * seconds)
    fade = int(RATE * 0.01)
    out = []
    for i in range(n):
        wave_value = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            wave_value = 0.6 if wave_value >= 0 else -0.6
        envelope = min(1.0, i / fade, (n - i) / fade)
        out.append(int(32767 * volume * envelope * wave_value))
    return out


def _silence(seconds: float) -> list[int]:
    return [0] * int(RATE * seconds)


SOUNDS = {
    "welcome": _tone(880, 0.09) + _silence(0.02) + _tone(1320, 0.14),
    "already": _tone(660, 0.12) + _silence(0.08) + _tone(660, 0.12),
    "rejected": _tone(220, 0.45, volume=0.45, square=True),
}


def main() -> None:
    folder = Path(__file__).parent
    for name, samples in SOUNDS.items():
        with wave.open(str(folder / f"{name}.wav"), "wb") as f:
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(RATE)
            f.writeframes(struct.pack(f"<{len(samples)}h", *samples))


if __name__ == "__main__":
    main()
