"""The registration desk at 10,000 participants: import, scan to result, name search, tickets.

Each figure has a baseline measured in the same run: raw sqlite3 doing the
same lookups and inserts, a plain reportlab document of the same pages
without QR codes.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import time
import uuid
from pathlib import Path

from benchmarks.harness import Measurement, median, percentile, timings_ms
from smartdialog.core.db import DeviceIdentity, create_database
from smartdialog.core.demo import FIRST_NAMES, LAST_NAMES, ORGANISATIONS
from smartdialog.core.services import badges, checkin, importer, registration, setup, tickets

PEOPLE = 10_000
SCANS = 400
DEVICE = DeviceIdentity(uuid.UUID(int=99), "Empfang 1", "desk")


def _csv(path: Path, rng: random.Random) -> Path:
    with path.open("w", encoding="cp1252", errors="replace", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(
            [
                "Anmeldenummer",
                "Vorname",
                "Nachname",
                "E-Mail",
                "Organisation",
                "PLZ",
                "Datenschutz",
                "Fotos",
            ]
        )
        for n in range(1, PEOPLE + 1):
            out.writerow(
                [
                    f"R-{n}",
                    rng.choice(FIRST_NAMES),
                    rng.choice(LAST_NAMES),
                    f"p{n}@example.org",
                    rng.choice(ORGANISATIONS),
                    f"48{rng.randint(100, 199)}",
                    "Ja",
                    rng.choice(("Ja", "Nein")),
                ]
            )
    return path


def _baseline_import(path: Path, db_path: Path) -> float:
    """Parse the same file and insert the same columns with raw sqlite3 executemany."""
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(
        "CREATE TABLE p (id BLOB PRIMARY KEY, n INTEGER, first TEXT, last TEXT, email TEXT, org TEXT, plz TEXT, key TEXT)"
    )
    start = time.perf_counter()
    with path.open(encoding="cp1252", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    con.executemany(
        "INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (uuid.uuid4().bytes, i, r[1], r[2], r[3], r[4], r[5], f"{r[1]} {r[2]} {r[4]}".lower())
            for i, r in enumerate(rows, 1)
        ],
    )
    con.commit()
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def measure(workdir: Path) -> list[Measurement]:
    rng = random.Random(2018)
    results: list[Measurement] = []
    source = _csv(workdir / "anmeldungen.csv", rng)
    db = create_database(workdir / "desk.sdevent", DEVICE)
    with db.uow() as s:
        setup.create_event(
            s, "Bürgerdialog Smart City Münster", code="4711", venue="Rathaus Münster"
        )

    # -- import ------------------------------------------------------------------------------
    start = time.perf_counter()
    with db.uow() as s:
        report = importer.import_file(s, source)
    import_s = time.perf_counter() - start
    assert report.imported == PEOPLE, report
    baseline_import = _baseline_import(source, workdir / "baseline-import.sqlite")
    results.append(
        Measurement(
            "import 10,000 CSV rows", import_s, "s", baseline_import, "sqlite3 executemany", "< 3 s"
        )
    )

    # -- scan to result ------------------------------------------------------------------------
    with db.read() as s:
        keys = tickets.event_keys(s)
    numbers = rng.sample(range(1, PEOPLE + 1), 2 * SCANS)
    ours, theirs = numbers[:SCANS], numbers[SCANS:]
    payloads = iter([tickets.encode_payload(keys.code, keys.secret, n) for n in ours])

    def scan() -> None:
        with db.uow() as s:
            result = checkin.scan(s, next(payloads), "Empfang 1")
        assert result.verdict == checkin.WELCOME

    scan_ms = timings_ms(scan, repeat=SCANS - 3, warmup=3)

    con = sqlite3.connect(db.path, isolation_level=None)  # type: ignore[arg-type]
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    event_id = con.execute("SELECT id FROM events").fetchone()[0]
    device_id = con.execute("SELECT id FROM devices").fetchone()[0]
    raw_numbers = iter(theirs)

    def raw_scan() -> None:
        number = next(raw_numbers)
        con.execute("BEGIN IMMEDIATE")
        (pid,) = con.execute(
            "SELECT id FROM participants WHERE event_id = ? AND ticket_number = ?",
            (event_id, number),
        ).fetchone()
        active = con.execute(
            "SELECT id FROM check_ins WHERE participant_id = ? AND annulled_at IS NULL", (pid,)
        ).fetchone()
        assert active is None
        con.execute(
            "INSERT INTO check_ins (id, device_id, created_at, participant_id, at, desk, annulled_by, annul_reason)"
            " VALUES (?, ?, datetime('now'), ?, datetime('now'), 'Empfang 1', '', '')",
            (uuid.uuid4().hex, device_id, pid),
        )
        con.execute("COMMIT")

    raw_ms = timings_ms(raw_scan, repeat=SCANS - 3, warmup=3)
    results.append(
        Measurement(
            "scan → result at 10k (median)",
            median(scan_ms),
            "ms",
            median(raw_ms),
            "sqlite3 lookup + insert",
            "< 2 ms",
        )
    )
    results.append(
        Measurement(
            "scan → result at 10k (p99)",
            percentile(scan_ms, 99),
            "ms",
            percentile(raw_ms, 99),
            "sqlite3 lookup + insert",
        )
    )

    # -- name search per keystroke ---------------------------------------------------------------
    typed = [
        "Müller",
        "Öztürk",
        "Strübbe",
        "Große",
        "Papadopoulos",
        "Dąbrowska",
        "Yılmaz",
        "Schäfer",
    ]
    # From the third letter on: fewer are no name search (DESIGN 5).
    keystrokes = [name[:n] for name in typed for n in range(3, len(name) + 1)]
    rounds = len(keystrokes) * 20 - 5
    queries = iter(keystrokes * 20)
    index = registration.SearchIndex()
    start = time.perf_counter()
    with db.read() as s:
        index.search(s, "Müller")  # reads the keys once
    index_load_ms = (time.perf_counter() - start) * 1000

    def search() -> None:
        # What the desk does per keystroke: the keys in memory, the shown rows from the database.
        with db.read() as s:
            index.search(s, next(queries))

    search_ms = timings_ms(search, repeat=rounds, warmup=5)
    sql_queries = iter(keystrokes * 20)

    def sql_search() -> None:
        with db.read() as s:
            registration.search(s, next(sql_queries))

    sql_search_ms = timings_ms(sql_search, repeat=rounds, warmup=5)
    raw_queries = iter(keystrokes * 20)

    def raw_search() -> None:
        word = next(raw_queries).lower()
        con.execute(
            "SELECT id, first_name, last_name FROM participants WHERE search_key LIKE ? ORDER BY last_name LIMIT 50",
            (f"%{word}%",),
        ).fetchall()

    raw_search_ms = timings_ms(raw_search, repeat=rounds, warmup=5)
    results += [
        Measurement(
            "name search per keystroke at 10k (median)",
            median(search_ms),
            "ms",
            median(raw_search_ms),
            "sqlite3 LIKE (ASCII only)",
            "< 10 ms",
        ),
        Measurement(
            "name search per keystroke at 10k (p99)",
            percentile(search_ms, 99),
            "ms",
            percentile(raw_search_ms, 99),
            "sqlite3 LIKE (ASCII only)",
        ),
        Measurement(
            "  same, all in SQL (median)",
            median(sql_search_ms),
            "ms",
            median(raw_search_ms),
            "sqlite3 LIKE (ASCII only)",
        ),
        Measurement("  search keys read once at 10k", index_load_ms, "ms"),
    ]
    con.close()

    # -- tickets ---------------------------------------------------------------------------------
    with db.read() as s:
        people = badges.people_to_print(s)[:1000]
        header = badges.event_header(s)
    db.close()
    start = time.perf_counter()
    badges.write_tickets(people, header, workdir / "tickets.pdf", layout="a4")
    tickets_s = time.perf_counter() - start
    results.append(
        Measurement(
            "1,000 tickets to PDF",
            tickets_s,
            "s",
            _plain_pdf(people, workdir / "plain.pdf"),
            "reportlab, same text, no QR",
            "< 10 s",
        )
    )
    return results


def _plain_pdf(people: list[badges.Person], out: Path) -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from smartdialog.core import pdffonts

    pdffonts.register()
    start = time.perf_counter()
    canvas = Canvas(str(out), pagesize=A4)
    for person in people:
        canvas.setFont(pdffonts.BOLD, 18)
        canvas.drawString(60, 700, f"{person.first_name} {person.last_name}")
        canvas.setFont(pdffonts.REGULAR, 10)
        canvas.drawString(60, 680, person.organisation)
        canvas.drawString(60, 200, f"Ticket-Nr. {person.ticket_number}")
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - start
