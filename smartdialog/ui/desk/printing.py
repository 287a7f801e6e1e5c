"""Printing badges: the same boxes as the PDF (core.services.badges), drawn with QPainter.

Through Qt's print dialog, or straight to the default printer when the desk is
set to print without asking (a label printer beside the desk).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from smartdialog.core.errors import QT_TRANSLATE_NOOP, DomainError
from smartdialog.core.services import badges
from smartdialog.paths import resource


@cache
def font_family() -> str:
    """DejaVu Sans, the font the PDFs embed, so that a printed badge matches the PDF."""
    family = "DejaVu Sans"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


def page_size(drawing: badges.Drawing) -> QPageSize:
    return QPageSize(
        QSizeF(drawing.width, drawing.height),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def paint(painter: QPainter, drawing: badges.Drawing, px_per_mm: float) -> None:
    """Draw one page; ``px_per_mm`` maps the layout's millimetres to the device."""
    family = font_family()
    dpi = px_per_mm * 25.4
    for item in drawing.items:
        if isinstance(item, badges.Text):
            font = QFont(family)
            # Point sizes are device independent only when related to the device's dpi.
            font.setPixelSize(max(1, round(item.size / 72 * dpi)))
            font.setBold(item.bold)
            painter.setFont(font)
            painter.setPen(QColor(89, 89, 89) if item.grey else QColor(0, 0, 0))
            width = QFontMetricsF(font).horizontalAdvance(item.text)
            x = item.x * px_per_mm
            box = item.width * px_per_mm
            if item.align == "center":
                x += (box - width) / 2
            elif item.align == "right":
                x += box - width
            painter.drawText(QPointF(x, item.y * px_per_mm), item.text)
        elif isinstance(item, badges.QR):
            module = item.size / len(item.matrix) * px_per_mm
            for row, col, length in badges.qr_runs(item.matrix):
                painter.fillRect(
                    QRectF(
                        item.x * px_per_mm + col * module,
                        item.y * px_per_mm + row * module,
                        length * module + 0.5,
                        module + 0.5,
                    ),
                    QColor(0, 0, 0),
                )
        else:
            pen = QPen(QColor(150, 150, 150))
            pen.setWidthF(0.3 * px_per_mm)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(item.x1 * px_per_mm, item.y1 * px_per_mm),
                QPointF(item.x2 * px_per_mm, item.y2 * px_per_mm),
            )


def prepare_printer(printer: QPrinter, drawing: badges.Drawing) -> None:
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            page_size(drawing),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(QCoreApplication.translate("desk", "Badge"))


def print_drawings(printer: QPrinter, drawings: list[badges.Drawing]) -> None:
    """Print pages of one size to a prepared printer (or a PDF-format QPrinter)."""
    if not drawings:
        return
    prepare_printer(printer, drawings[0])
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The printer cannot be reached. Check that it is switched on and connected.",
            )
        )
    try:
        px_per_mm = printer.resolution() / 25.4
        for index, drawing in enumerate(drawings):
            if index:
                printer.newPage()
            paint(painter, drawing, px_per_mm)
    finally:
        painter.end()


def choose_printer(
    parent: QWidget | None, drawing: badges.Drawing, *, ask: bool
) -> QPrinter | None:
    """The printer to use: the print dialog's choice, or the default printer without asking.

    None when the clerk cancelled the dialog; DomainError when there is no printer.
    """
    if not ask:
        default = QPrinterInfo.defaultPrinter()
        if default.isNull():
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "No default printer is set up on this laptop. Choose a printer in the print "
                    "dialog, or switch off “print badges without asking”.",
                )
            )
        printer = QPrinter(default, QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, drawing)
        return printer
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, drawing)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("desk", "Print badge"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer
