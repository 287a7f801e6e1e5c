"""Jobs for several laptops: host an event on this one, join one hosted elsewhere."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from smartdialog.i18n import translate

if TYPE_CHECKING:
    from smartdialog.core.hosting import session


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    host = sub.add_parser(
        "host",
        help=translate(
            "cli", "share an event file with other laptops (runs until Ctrl+C or SIGTERM)"
        ),
    )
    host.add_argument("event", type=Path, help=translate("cli", "event file"))
    host.add_argument(
        "--address",
        help=translate("cli", "the address the other laptops reach this one at (default: found)"),
    )
    host.add_argument("--name", help=translate("cli", "this laptop's name on the join card"))
    host.add_argument(
        "--end",
        action="store_true",
        help=translate("cli", "end the sharing: bring the event back into its file"),
    )
    host.add_argument(
        "--no-announce",
        action="store_true",
        help=translate("cli", "do not announce the event on the local network"),
    )
    host.set_defaults(func=_host)

    join = sub.add_parser(
        "join",
        help=translate("cli", "check a join code and print the event's URL for the other jobs"),
    )
    join.add_argument("code", help=translate("cli", "the join code from the join card"))
    join.add_argument(
        "--name", help=translate("cli", "this laptop's name, e.g. 'Empfang 2' or 'Beamer'")
    )
    join.set_defaults(func=_join)


def _data_root() -> Path:
    from smartdialog.core.hosting import chosen_data_root
    from smartdialog.logfile import data_dir

    return chosen_data_root(data_dir())


def print_card(card: session.JoinCard) -> None:
    print(translate("cli", "Shared: {title}").format(title=card.title))
    print(
        translate("cli", "Laptop: {name} ({address}, port {port})").format(
            name=card.host_name, address=card.address, port=card.port
        )
    )
    print(translate("cli", "Join code: {code}").format(code=card.code.text))
    if not card.announced:
        print(
            translate(
                "cli",
                "The event is not announced on the network; the other laptops need the join code.",
            )
        )
    print(
        translate("cli", "On another laptop: smartdialog join {code}").format(code=card.code.text)
    )
    sys.stdout.flush()


def _host(args: argparse.Namespace) -> int:
    from smartdialog.core.hosting import session

    root = _data_root()
    state = session.find_state(root, args.event)
    if args.end:
        if state is None:
            print(
                translate("cli", "{path} is not shared from this laptop.").format(path=args.event)
            )
            return 1
        hosted = session.resume_hosting(state, root, address=args.address)
        target = hosted.end()
        print(translate("cli", "The event is back in {path}.").format(path=target))
        return 0
    started = time.perf_counter()
    if state is not None:
        hosted = session.resume_hosting(state, root, address=args.address)
    else:
        hosted = session.start_hosting(
            args.event,
            root,
            address=args.address,
            host_name=args.name,
            check_network=not args.no_announce,
        )
    if not args.no_announce:
        hosted.announce()
    print(
        translate("cli", "Ready after {seconds:.1f} s.").format(
            seconds=time.perf_counter() - started
        ),
        file=sys.stderr,
    )
    print_card(hosted.card)
    stop = threading.Event()

    def ask_to_stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, ask_to_stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        hosted.stop()
    print(
        translate(
            "cli",
            "The server is stopped; the event stays shared. Run the same command to start it "
            "again, or add --end to bring it back into its file.",
        )
    )
    return 0


def _join(args: argparse.Namespace) -> int:
    from smartdialog.core.db import open_database
    from smartdialog.core.hosting import session
    from smartdialog.core.hosting.joincode import JoinCode
    from smartdialog.core.targets import DeviceIdentity

    code = JoinCode.parse(args.code)
    url = session.check_join(code)
    if args.name:
        db = open_database(url, DeviceIdentity.this_machine(args.name), migrate=False)
        db.close()
    print(url)
    return 0
