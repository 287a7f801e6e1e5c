"""One real window on a real X server (Xvfb): the app starts, opens an event and draws."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from smartdialog.ui.app import create_application, settings
    from smartdialog.ui.mainwindow import MainWindow

    app = create_application([], "de")
    assert QGuiApplication.platformName() == "xcb", QGuiApplication.platformName()
    window = MainWindow(settings())
    window.resize(1280, 800)
    window.show()
    assert window.open_event(sys.argv[1])

    def shoot():
        app.processEvents()
        image = window.screen().grabWindow(0).toImage()
        image.save(sys.argv[2])
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
        print("title:", window.windowTitle())
        print("colours:", len(colours))
        app.quit()

    QTimer.singleShot(300, shoot)
    app.exec()
    """
)


@pytest.fixture
def display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail("Xvfb is missing: `make test` installs it (package xvfb)")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it to us when ready.
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_main_window_draws_on_a_real_x_server(display: str, db_path: Path, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db_path), str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "title: Bürgerdialog Smart City Münster" in result.stdout
    colours = int(result.stdout.split("colours:")[1].split()[0])
    assert colours > 5, "the screen shows more than a blank background"
    assert shot.stat().st_size > 10_000
