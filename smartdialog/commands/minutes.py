"""`smartdialog minutes` and `smartdialog export`: the minutes PDF and the data, without the app."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from smartdialog.core.db import open_database
from smartdialog.core.services import export, minutes
from smartdialog.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pdf = sub.add_parser("minutes", help=translate("cli", "write the minutes for the council as PDF"))
    pdf.add_argument("event", help=translate("cli", "event file or database URL"))
    pdf.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=translate("cli", "the PDF to write"))
    pdf.add_argument(
        "--final",
        action="store_true",
        help=translate("cli", "mark the minutes final first (no draft marking any more)"),
    )
    pdf.set_defaults(func=_minutes)

    data = sub.add_parser("export", help=translate("cli", "export the results as CSV or JSON"))
    data.add_argument("event", help=translate("cli", "event file or database URL"))
    data.add_argument("--format", choices=export.FORMATS, default="csv")
    data.add_argument("--out", required=True, type=Path, metavar="DIR", help=translate("cli", "the folder to write into"))
    data.add_argument(
        "--comma",
        action="store_true",
        help=translate("cli", "separate CSV cells by commas instead of semicolons (German Excel wants semicolons)"),
    )
    data.set_defaults(func=_export)


def _minutes(args: argparse.Namespace) -> int:
    with contextlib.suppress(OSError):  # if it cannot be made, the export says why it cannot write there
        args.out.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(args.event)
    try:
        if args.final:
            with db.uow() as s:
                minutes.mark_final(s)
        result = minutes.export_pdf(db, args.out, _progress if sys.stderr.isatty() else None)
    finally:
        db.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        translate("cli", "Minutes written to {path}: {pages} pages.").format(path=result.path, pages=result.pages)
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    db = open_database(args.event)
    try:
        result = export.export(db, args.out, args.format, delimiter="," if args.comma else ";")
    finally:
        db.close()
    for path in result.paths:
        print(path)
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r{done * 100 // max(total, 1):3d} %", end="", file=sys.stderr, flush=True)
