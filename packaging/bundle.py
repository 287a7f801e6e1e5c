"""What the frozen app carries besides the code PyInstaller finds by itself.

Read by ``packaging/smartdialog.spec`` (Linux and Windows alike) and checked by
tests/test_packaging.py: every resources folder and the migrations are data,
and every module that is only imported by name is listed.
"""

from __future__ import annotations

from pathlib import Path

from smartdialog.cli import COMMAND_MODULES

ROOT = Path(__file__).resolve().parent.parent

# (source folder in the checkout, folder inside the app) — smartdialog.paths looks for the
# resources inside the package when frozen; Alembic reads the migrations as files.
DATAS: tuple[tuple[str, str], ...] = (
    ("resources/fonts", "smartdialog/resources/fonts"),
    ("resources/icons", "smartdialog/resources/icons"),
    ("resources/sounds", "smartdialog/resources/sounds"),
    ("resources/styles", "smartdialog/resources/styles"),
    ("resources/translations", "smartdialog/resources/translations"),
    ("smartdialog/core/migrations", "smartdialog/core/migrations"),
)

# Imported by name at run time, so PyInstaller's analysis cannot see them.
HIDDEN_IMPORTS: tuple[str, ...] = (
    # The command-line jobs, imported by name from the one list the command line keeps.
    *COMMAND_MODULES,
    # SQLAlchemy loads its dialect and driver from the database URL.
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    # psycopg picks its compiled implementation by name (joining a shared event).
    "psycopg",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    # Alembic's migration scripts are read as files; what they import must be in the app.
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    # Qt Multimedia (sounds, camera) and the decoder are imported where they are used.
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "zxingcpp",
)

# Packages whose data files are needed: the time zone database (Windows has none of its
# own), the hyphenation dictionaries, reportlab's fonts and images.
COLLECT_DATA: tuple[str, ...] = ("tzdata", "pyphen", "reportlab")

# Never in the app: the test and development tools that happen to be installed.
EXCLUDES: tuple[str, ...] = (
    "tkinter",
    "pytest",
    "pytestqt",
    "mypy",
    "ruff",
    "PyInstaller",
    "IPython",
)


def datas() -> list[tuple[str, str]]:
    return [(str(ROOT / source), target) for source, target in DATAS]


def windows_icon(out: Path) -> Path:
    """The app's icon as a Windows .ico, rendered from resources/icons/smartdialog.svg."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["icon", "-platform", "offscreen"])
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(ROOT / "resources" / "icons" / "smartdialog.svg")).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    del app
    png = out.with_suffix(".png")
    png.write_bytes(bytes(data.data()))
    with Image.open(png) as picture:
        picture.save(out, sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    png.unlink()
    return out
