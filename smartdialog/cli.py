"""The command line: open the app, and the headless jobs.

    smartdialog [EVENT]                      open the app (on EVENT: a file or a database URL)
    smartdialog demo FILE [--participants N] [--ideas N] [--votes]
    smartdialog <job> ...                    see `smartdialog --help`

Messages are German by default (``--lang en`` or SMARTDIALOG_LANG=en for English).
Exit codes: 0 done, 1 failed (the message says why), 2 wrong usage; some jobs
add their own (``checkin``: 3 already checked in, 4 rejected).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from smartdialog import __version__, i18n
from smartdialog.core.errors import QT_TRANSLATE_NOOP, SmartDialogError
from smartdialog.core.targets import is_url
from smartdialog.i18n import translate
from smartdialog.logfile import log_to_file

log = logging.getLogger("smartdialog.cli")

# Each module registers its jobs: ``register(subparsers)`` adds parsers whose
# ``func(args) -> int`` does the work.
COMMAND_MODULES: tuple[str, ...] = (
    "smartdialog.commands.event",
    "smartdialog.commands.desk",
    "smartdialog.commands.ideas",
    "smartdialog.commands.voting",
    "smartdialog.commands.minutes",
    "smartdialog.commands.hosting",
    "smartdialog.commands.merge",
    "smartdialog.commands.trust",
)


# argparse's own words ("usage:", "options:", its errors).  It asks gettext for them,
# which has no German; they are listed here so that Linguist carries them.
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
)


@contextlib.contextmanager
def argparse_speaks_our_language() -> Iterator[None]:
    """While it lasts, argparse's own words come from our translations, not from gettext.

    argparse looks its words up through the module's ``_`` and ``ngettext`` each
    time it builds a parser or prints; both are set back afterwards.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def plural(singular: str, plural: str, n: int) -> str:
        return translate("argparse", singular if n == 1 else plural)

    argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]
    argparse.ngettext = plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Registers(Protocol):
    def register(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None: ...


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smartdialog",
        description=translate(
            "cli", "Runs a citizens' dialogue event: desk, ideas, live wall, voting, minutes."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"smartdialog {__version__}",
        help=translate("argparse", "show program's version number and exit"),
    )
    parser.add_argument(
        "--lang", choices=sorted(i18n.LANGUAGES), help=translate("cli", "language of messages")
    )
    sub = parser.add_subparsers(dest="command", metavar="JOB")
    open_parser = sub.add_parser("open", help=translate("cli", "open the app (the default)"))
    open_parser.add_argument(
        "event", nargs="?", help=translate("cli", "event file or database URL")
    )
    open_parser.set_defaults(func=_open_app)
    for name in COMMAND_MODULES:
        module: _Registers = importlib.import_module(name)
        module.register(sub)
    return parser


def _open_app(args: argparse.Namespace) -> int:
    from smartdialog.ui.app import run

    return run(args.event, language=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    argv, language = _take_language(list(sys.argv[1:] if argv is None else argv))
    if _opens_the_app(argv):
        # The common case skips building the parser, which imports every job's module.
        return _open_app(argparse.Namespace(event=argv[0] if argv else None, lang=language))
    i18n.load(i18n.preferred_language(language))
    with argparse_speaks_our_language():
        parser = build_parser()
        commands = _job_names(parser)
        first = next((a for a in argv if not a.startswith("-")), None)
        wants_help = any(a in ("-h", "--help", "--version") for a in argv)
        if not wants_help and (first is None or first not in commands):
            # `smartdialog [EVENT]` opens the app.
            argv = [a for a in argv if a != first] if first else argv
            argv = [*argv, "open", *([first] if first else [])]
        args = parser.parse_args(argv)
    args.lang = language
    log_to_file()
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        from smartdialog.commands.access import authorise

        refused = authorise(args)
        if refused is not None:
            return refused
        return func(args)
    except SmartDialogError as exc:
        print(exc.text(translate), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`smartdialog ideas EVENT | head`): not an error of ours.
        # Point stdout at /dev/null so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(
            translate("cli", "Cannot use {path}: {reason}").format(
                path=exc.filename or "", reason=exc.strerror or exc
            ),
            file=sys.stderr,
        )
        return 1
    except Exception as exc:
        # The unit of work turns database failures into SmartDialogError; this is
        # for the few that happen outside one (connecting, creating a database).
        from sqlalchemy.exc import DBAPIError

        from smartdialog.core.db import storage_problem

        if not isinstance(exc, DBAPIError):
            raise
        print(storage_problem(exc).text(translate), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        from smartdialog.commands.access import reset

        reset()


def _job_names(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def _opens_the_app(argv: list[str]) -> bool:
    """No arguments, or just an existing event file or a database URL."""
    if not argv:
        return True
    if len(argv) != 1 or argv[0].startswith("-"):
        return False
    return is_url(argv[0]) or os.path.isfile(argv[0])


def _take_language(argv: list[str]) -> tuple[list[str], str | None]:
    """Remove ``--lang X`` wherever it stands (it must be known before the parser is built)."""
    rest: list[str] = []
    language = None
    it = iter(argv)
    for arg in it:
        if arg == "--lang":
            language = next(it, None)
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, language


if __name__ == "__main__":
    raise SystemExit(main())
