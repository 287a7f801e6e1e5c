"""The voting station: from a badge scan to the ballot painted, for a shortlist and for every idea.

The baseline is painting the station's empty scan page, measured in the same
run on the same window: the figure says how much a ballot costs beyond what
any repaint of the station costs on this machine.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from benchmarks.harness import Measurement, median, timings_ms
from smartdialog.core.db import DeviceIdentity, open_database
from smartdialog.core.demo import write_demo
from smartdialog.core.models import CheckIn, Participant
from smartdialog.core.services import tickets, voting

IDEAS = 300
SIZE = (1366, 768)


def measure(workdir: Path) -> list[Measurement]:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from smartdialog import i18n
    from smartdialog.ui.voting import station as station_module

    app = QApplication.instance() or QApplication([])
    i18n.install(app, "de")
    path = workdir / "station.sdevent"
    write_demo(path, participants=120, ideas=IDEAS, seed=7)
    db = open_database(path, DeviceIdentity(uuid.uuid4(), "Bench", "voting"))
    out: list[Measurement] = []
    try:
        with db.read() as s:
            number = s.scalar(
                select(Participant.ticket_number)
                .join(CheckIn, CheckIn.participant_id == Participant.id)
                .where(CheckIn.annulled_at.is_(None))
                .limit(1)
            )
            assert number is not None
            payload = tickets.payload_for(s, number)
        station = station_module.VotingStation(db, station_name="Bench")
        station.resize(*SIZE)
        station.show()
        app.processEvents()

        def empty_page() -> None:
            station.repaint()

        for shortlist, label in (("top", "a shortlist"), ("all", "every idea")):
            with db.uow() as s:
                current = voting.current_round(s)
                if current is not None:
                    voting.close_round(s, current.id)
                info = voting.create_round(s, f"Bench {label}")
                if shortlist == "top":
                    voting.set_shortlist(s, info.id, "top", top=5)
                info = voting.start_round(s, info.id)

            def scan_to_ballot() -> None:
                result = station_module._scan_job(None, db, payload, "Bench", False)
                station._scanned(result)
                station.repaint()
                assert station.page == "ballot"

            station.reset()
            app.processEvents()
            baseline = median(timings_ms(empty_page, repeat=20))
            runs = []
            for _ in range(12):
                runs.extend(timings_ms(scan_to_ballot, repeat=1, warmup=0))
                station.reset()
                app.processEvents()
            # The first voter of a round waits for the cards to be built; the next ones do not.
            out.append(
                Measurement(
                    f"badge scan → ballot painted, {info.idea_count} cards ({label}), first voter",
                    runs[0],
                    "ms",
                    baseline,
                    "empty station page painted",
                )
            )
            out.append(
                Measurement(
                    f"badge scan → ballot painted, {info.idea_count} cards ({label}), next voters",
                    median(runs[1:]),
                    "ms",
                    baseline,
                    "empty station page painted",
                    "< 100 ms",
                )
            )
        station.unlock()
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)  # the station's background reads
        db.close()
    return out
