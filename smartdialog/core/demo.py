"""A realistic demo event: what `make run` opens and what the benchmarks measure.

Deterministic for a given seed.  Names come from many origins and carry
their diacritics; organisations, districts and postcodes are Münster's.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from smartdialog.core.changes import Action
from smartdialog.core.db import Database, DeviceIdentity, create_database
from smartdialog.core.models import CheckIn, Event, Idea, IdeaRevision, Participant
from smartdialog.core.services import audit, setup, voting
from smartdialog.core.text import fold

FIRST_NAMES = (
    "Anna",
    "Jürgen",
    "Grete",
    "Björn",
    "Sophie",
    "Mehmet",
    "Fatma",
    "Łukasz",
    "Zoë",
    "Ole",
    "Émilie",
    "Pavel",
    "Ursula",
    "Lukas",
    "Nguyễn Thị",
    "Ayşe",
    "Søren",
    "Małgorzata",
    "Dmitrij",
    "Chiara",
    "José",
    "Aylin",
    "Hannelore",
    "Karl-Heinz",
    "Maximilian",
    "Leonie",
    "Mia",
    "Ben",
    "Paul",
    "Emma",
    "Yusuf",
    "Amira",
    "Oksana",
    "Tomáš",
    "Siobhán",
    "Jörg",
    "Gülşen",
    "Rüdiger",
    "Ingeborg",
    "Kwame",
    "Priya",
    "Wei",
    "Ioannis",
    "Eleni",
    "Marta",
    "Žaneta",
    "Nils",
    "Frieda",
)
LAST_NAMES = (
    "Müller",
    "Hoffmann",
    "Kaya",
    "Dupont",
    "Große Kleimann",
    "Brüggemann",
    "Weiß",
    "Schmitz",
    "Öztürk-Nguyễn",
    "Schulze Althoff",
    "Wöstmann",
    "Kowalski",
    "Nowak",
    "Yılmaz",
    "Papadopoulos",
    "Ivanova",
    "García",
    "Rossi",
    "Jansen",
    "Meyer zu Hörste",
    "Tenhagen",
    "Lührmann",
    "Kötter",
    "Schäfer",
    "Becker",
    "Osei",
    "Sharma",
    "Zhang",
    "Çelik",
    "Dąbrowska",
    "Hüsing",
    "Vennemann",
    "Terhörst",
    "Brockhoff",
    "Niehues",
    "Wüllner",
    "Krämer",
    "Strübbe",
    "Ahlers",
    "Fuchs",
)
ORGANISATIONS = (
    "",
    "",
    "",
    "",
    "Seniorenrat Münster",
    "Westfälische Wilhelms-Universität",
    "FH Münster",
    "Stadtteilbüro Coerde",
    "ADFC Münster",
    "IHK Nord Westfalen",
    "Handwerkskammer Münster",
    "Stadtwerke Münster",
    "Bürgerverein Hiltrup",
    "Jugendrat",
    "Integrationsrat",
    "Verbraucherzentrale",
    "Digitalcourage Münster",
    "Quartiersmanagement Kinderhaus",
)
DISTRICTS = (
    ("48143", "Mitte"),
    ("48145", "Mauritz"),
    ("48147", "Kreuzviertel"),
    ("48149", "Gievenbeck"),
    ("48151", "Aaseestadt"),
    ("48153", "Geist"),
    ("48155", "Gremmendorf"),
    ("48157", "Coerde"),
    ("48159", "Kinderhaus"),
    ("48161", "Roxel"),
    ("48163", "Amelsbüren"),
    ("48165", "Hiltrup"),
    ("48167", "Wolbeck"),
)

IDEAS: dict[str, tuple[str, ...]] = {
    "Mobilität": (
        "Radwege an der Hammer Straße durchgängig ausbauen",
        "Echtzeit-Anzeige der Busse an allen Haltestellen",
        "Mobilstationen mit Leihrädern und Carsharing in den Stadtteilen",
        "Eine App für Bus, Leihrad und Parkhaus mit einem Ticket",
        "Sensoren für freie Fahrradstellplätze am Bahnhof",
        "Ampelschaltung, die Radfahrende erkennt",
        "Nachtbusse am Wochenende häufiger fahren lassen",
        "Barrierefreie Routenplanung für Rollstuhlfahrende",
    ),
    "Wirtschaftsstandort": (
        "Coworking-Räume in leerstehenden Ladenlokalen",
        "Digitale Plattform für Münsteraner Einzelhändler",
        "Gründerzentrum für Smart-City-Startups am Hafen",
        "Schnelles Glasfaser für alle Gewerbegebiete",
        "Offene Daten der Stadt für Unternehmen nutzbar machen",
        "Digitale Sprechstunde der Wirtschaftsförderung",
    ),
    "Intelligente Bürgerdienste": (
        "Termine im Bürgerbüro online buchen und verschieben",
        "Anträge vollständig digital stellen, ohne Ausdruck",
        "Mängelmelder für Schlaglöcher und defekte Laternen",
        "Digitale Sprechstunde für ältere Menschen mit Begleitung",
        "Ein Bürgerkonto für alle Dienste der Stadt",
        "Informationen der Stadt in leichter Sprache",
        "Öffentliches WLAN in allen Bürgerhäusern",
    ),
    "Wissenschaft und Bildung": (
        "Tablets und Fortbildung für alle Grundschulen",
        "Makerspace in der Stadtbücherei",
        "Digitale Lernangebote für Seniorinnen und Senioren",
        "Kooperation der Hochschulen mit Schulen bei Informatik",
        "Offenes Datenlabor für Bürgerwissenschaft",
        "Medienkompetenz-Kurse für Eltern",
    ),
    "Ressourcenmanagement": (
        "Intelligente Straßenbeleuchtung, die bei Bedarf heller wird",
        "Füllstandssensoren für Glascontainer",
        "Energieverbrauch städtischer Gebäude öffentlich anzeigen",
        "Regenwasser-Sensoren gegen Starkregenschäden",
        "Reparaturcafés digital vernetzen",
        "Solarkataster für alle Dächer der Stadt",
    ),
    "Gesundheitsversorgung": (
        "Telemedizin-Sprechstunden in den Außenstadtteilen",
        "Digitale Übersicht freier Pflegeplätze",
        "Notfall-App mit Standorten der Defibrillatoren",
        "Hitzewarnungen per SMS für ältere Menschen",
        "Gesundheitskiosk im Stadtteil mit Videoberatung",
    ),
    "Wohnformen": (
        "Plattform für Wohnungstausch zwischen Generationen",
        "Smarte Nachbarschaftsnetzwerke in Neubaugebieten",
        "Digitale Bauakte für schnellere Baugenehmigungen",
        "Mehrgenerationenhäuser mit gemeinsamer Technik",
        "Leerstandsmelder für Wohnraum",
        "Assistenzsysteme für selbstbestimmtes Wohnen im Alter",
    ),
}
VARIATIONS = (
    "",
    " in Hiltrup",
    " in Kinderhaus",
    " auch für Kinder und Jugendliche",
    " mit Beteiligung der Anwohner",
    " – zuerst als Pilotprojekt",
    " in Gievenbeck",
    " am Wochenende",
    " mit offenen Daten",
    " barrierefrei",
)
TOPICS: dict[str, tuple[str, ...]] = {
    name: ("Was brauchen Sie im Alltag?", "Was soll Münster bis 2030 erreicht haben?")
    for name in IDEAS
}


@dataclass(frozen=True)
class DemoSummary:
    path: str
    participants: int
    ideas: int
    checked_in: int


def write_demo(
    target: str | Path,
    *,
    participants: int = 500,
    ideas: int = 300,
    votes: bool = False,
    seed: int = 2018,
    replace: bool = True,
    device: DeviceIdentity | None = None,
) -> DemoSummary:
    """Write a demo event to ``target`` (a new file, replacing an old demo)."""
    rng = random.Random(seed)
    device = device or DeviceIdentity(uuid.UUID(int=seed), "Demo", "office")
    db = create_database(target, device, replace=replace)
    try:
        with db.uow() as s:
            info = _event(s, rng)
            fields = setup.list_fields(s)
            stations = [
                setup.add_station(
                    s,
                    f"Tisch {i + 1} – {field.name}",
                    field_id=field.id,
                    facilitators=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                )
                for i, field in enumerate(fields)
            ]
            for field in fields:
                for question in TOPICS.get(field.name, ()):
                    setup.add_topic(s, field.id, question)
        checked_in = _participants(db, info.id, participants, rng)
        _ideas(db, info.id, ideas, stations, rng)
        if votes:
            add_demo_votes(db, rng)
    finally:
        db.close()
    return DemoSummary(str(target), participants, ideas, checked_in)


def _event(s: Session, rng: random.Random) -> setup.EventInfo:
    start = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    return setup.create_event(
        s,
        "Bürgerdialog Smart City Münster",
        starts_at=start,
        ends_at=start + timedelta(hours=6),
        venue="Rathaus Münster, Festsaal, Prinzipalmarkt 10, 48143 Münster",
        organiser="Stadt Münster, Amt für Digitalisierung",
        council_reference="V/0164/2018",
        moderation="Moderationsteam der Stadt Münster",
        guiding_question="Wie soll die digitale Stadt Münster aussehen, in der wir leben wollen?",
        code=str(rng.randint(1000, 9999)),
    )


def _participants(db: Database, event_id: uuid.UUID, count: int, rng: random.Random) -> int:
    now = datetime(2026, 11, 14, 10, 0, tzinfo=UTC)
    rows = []
    for number in range(1, count + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        organisation = rng.choice(ORGANISATIONS)
        postcode, district = rng.choice(DISTRICTS)
        walkin = rng.random() < 0.08
        email = (
            ""
            if walkin and rng.random() < 0.5
            else f"{fold(first)[:1]}.{fold(last).replace(' ', '')}{number}@example.org"
        )
        rows.append(
            {
                "id": uuid.uuid4(),
                "device_id": db.device.id,
                "created_at": now,
                "event_id": event_id,
                "ticket_number": number,
                "first_name": first,
                "last_name": last,
                "email": email,
                "organisation": organisation,
                "postcode": postcode,
                "district": district,
                "source": "walkin" if walkin else "preregistered",
                "external_ref": "" if walkin else f"R-{1000 + number}",
                "search_key": fold(f"{first} {last} {organisation}"),
                "consent_data_at": now,
                "consent_photos_at": now if rng.random() < 0.6 else None,
                "consent_contact_at": now if rng.random() < 0.4 else None,
                "consent_attribution_at": now if rng.random() < 0.3 else None,
            }
        )
    day = datetime(2026, 11, 28, 8, 30, tzinfo=UTC)
    checkins = [
        {
            "id": uuid.uuid4(),
            "device_id": db.device.id,
            "created_at": day,
            "participant_id": row["id"],
            "at": day + timedelta(seconds=rng.randint(0, 5400)),
            "desk": rng.choice(("Empfang 1", "Empfang 2")),
        }
        for row in rows
        if row["source"] == "walkin" or rng.random() < 0.75
    ]
    with db.uow() as s:
        if rows:
            s.execute(insert(Participant), rows)
        if checkins:
            s.execute(insert(CheckIn), checkins)
        s.execute(update(Event).values(next_ticket_number=count + 1))
        audit.record(s, Action.DEMO_PARTICIPANTS, "event", event_id, f"{count} participants")
    return len(checkins)


def _ideas(
    db: Database,
    event_id: uuid.UUID,
    count: int,
    stations: list[setup.StationInfo],
    rng: random.Random,
) -> None:
    with db.read() as s:
        fields = {f.id: f.name for f in setup.list_fields(s)}
        topics = setup.list_topics(s)
        consenting = list(
            s.scalars(select(Participant.id).where(Participant.consent_attribution_at.is_not(None)))
        )
    start = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    ideas, revisions = [], []
    for n in range(count):
        station = stations[n % len(stations)] if stations else None
        field_id = station.field_id if station and station.field_id else rng.choice(list(fields))
        texts = IDEAS.get(fields[field_id]) or ("Mehr digitale Beteiligung",)
        text = rng.choice(texts) + VARIATIONS[(n // len(stations or [0])) % len(VARIATIONS)]
        field_topics = [t.id for t in topics if t.field_id == field_id]
        at = start + timedelta(seconds=n * 37 + rng.randint(0, 30))
        idea_id = uuid.uuid4()
        ideas.append(
            {
                "id": idea_id,
                "device_id": db.device.id,
                "created_at": at,
                "updated_at": at,
                "event_id": event_id,
                "text": text,
                "field_id": field_id,
                "topic_id": rng.choice(field_topics)
                if field_topics and rng.random() < 0.7
                else None,
                "station_id": station.id if station else None,
                "author_id": rng.choice(consenting) if consenting and rng.random() < 0.2 else None,
                "status": "active",
                "version": 1,
            }
        )
        revisions.append(
            {
                "id": uuid.uuid4(),
                "device_id": db.device.id,
                "created_at": at,
                "idea_id": idea_id,
                "kind": "created",
                "text": text,
            }
        )
    with db.uow() as s:
        if ideas:
            s.execute(insert(Idea), ideas)
            s.execute(insert(IdeaRevision), revisions)
        audit.record(s, Action.DEMO_IDEAS, "event", event_id, f"{count} ideas")


DEMO_SHORTLIST = 5


def add_demo_votes(db: Database, rng: random.Random) -> None:
    """A closed round with the ballots of most checked-in participants and some paper tallies.

    As at a real Bürgerdialog, it votes on a shortlist: the five best supported
    ideas of each field of action, about 35 cards.
    """
    with db.uow() as s:
        info = voting.create_round(s, "Priorisierung der Ideen")
        voting.set_shortlist(s, info.id, "top", top=DEMO_SHORTLIST)
        info = voting.start_round(s, info.id)
        sheet = voting.ballot_sheet(s, info.id)
        present = list(
            s.scalars(
                select(CheckIn.participant_id)
                .where(CheckIn.annulled_at.is_(None))
                .order_by(CheckIn.at)
            )
        )
    field_of = sheet.field_of()
    # Voters favour some ideas, so that the demo's ranking looks like a real one.
    ideas = sorted(field_of)
    weights = [rng.random() ** 3 for _ in ideas]
    voters = [p for p in present if rng.random() < 0.85]
    for start in range(0, len(voters), 100):
        with db.uow() as s:
            for participant_id in voters[start : start + 100]:
                draft = voting.BallotDraft(info.rules, field_of)
                for _ in range(40):
                    if draft.left == 0:
                        break
                    draft.add(rng.choices(ideas, weights)[0])
                if draft.used:
                    voting.cast_ballot(
                        s,
                        info.id,
                        participant_id,
                        draft.dots,
                        expected_revision=0,
                        station=rng.choice(("Abstimmung 1", "Abstimmung 2")),
                    )
    with db.uow() as s:
        for idea_id in rng.sample(ideas, k=min(12, len(ideas))):
            voting.set_paper_tally(s, info.id, idea_id, rng.randint(1, 9), note="Plakat")
        voting.close_round(s, info.id)
