"""The parts of the minutes only a person can write, and the German texts they start from.

A part that nobody has edited yet shows its default, worked out from the
event as it is now; once saved, the stored text is printed as written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from smartdialog.core.minutes import german
from smartdialog.core.services.setup import EventInfo, FieldInfo

OCCASION = "anlass"
PROGRAMME = "ablauf"
NEXT_STEPS = "naechste_schritte"
PRIVACY = "datenschutz"
FIELD_PREFIX = "handlungsfeld:"

EVENT_KEYS = (OCCASION, PROGRAMME, NEXT_STEPS, PRIVACY)

# What stands in place of a hidden idea's wording: it was hidden for a reason (an insult,
# a phone number), so it is not published, though its place and its dots are.
NOT_PRINTED = "ausgeblendet – Text nicht abgedruckt"

# The programme of a one-day Bürgerdialog, as fractions of the event's duration.
_PROGRAMME = (
    (0.00, "Ankommen und Registrierung"),
    (0.08, "Begrüßung und Einführung in die Fragestellung"),
    (0.17, "Erste Runde an den Thementischen der Handlungsfelder"),
    (0.42, "Pause"),
    (0.50, "Zweite Runde an den Thementischen"),
    (0.75, "Priorisierung mit Klebepunkten"),
    (0.88, "Vorstellung der Ergebnisse und Ausblick"),
    (1.00, "Ende der Veranstaltung"),
)


def field_key(field_id: uuid.UUID) -> str:
    return f"{FIELD_PREFIX}{field_id}"


def defaults(event: EventInfo, fields: Sequence[FieldInfo]) -> dict[str, str]:
    """Every editable part with the text it starts from, in document order."""
    out = {OCCASION: occasion(event), PROGRAMME: programme(event.starts_at, event.ends_at)}
    for f in fields:
        out[field_key(f.id)] = field_summary(f)
    out[NEXT_STEPS] = next_steps(event)
    out[PRIVACY] = privacy(event)
    return out


def organiser_phrase(event: EventInfo) -> str:
    """The organiser as the subject of a sentence, with its article.

    An organiser is typed as a name ("Stadt Münster, Amt für Digitalisierung"),
    which takes no article of its own; as an apposition between dashes it needs none.
    """
    organiser = event.organiser.strip()
    return f"die Veranstalterin – {organiser} –" if organiser else "die Stadtverwaltung"


def event_phrase(event: EventInfo) -> str:
    """``dem „Bürgerdialog …“`` or ``der Veranstaltung „…“`` (dative), never "Bürgerdialog „Bürgerdialog …“"."""
    title = event.title.strip()
    if title.casefold().startswith("bürgerdialog"):
        return f"dem {german.quoted(title)}"
    return f"der Veranstaltung {german.quoted(title)}"


def occasion(event: EventInfo) -> str:
    mandate = (
        f"Mit dem Beschluss zur Vorlage {event.council_reference} hat der Rat die Verwaltung "
        "beauftragt, "
        if event.council_reference
        else "Der Rat hat die Verwaltung beauftragt, "
    )
    text = (
        f"{mandate}gemeinsam mit den Bürgerinnen und Bürgern eine Strategie für die digitale "
        "Stadt zu entwickeln und dazu eine öffentliche Dialogveranstaltung durchzuführen. "
        "Die Bürgerinnen und Bürger stehen dabei im Mittelpunkt: Ihre Ideen und Prioritäten "
        "sollen in die Strategie einfließen.\n\n"
        f"Mit {event_phrase(event)} hat {organiser_phrase(event)} diesen Auftrag umgesetzt. "
        "An Thementischen zu den Handlungsfeldern haben die Teilnehmenden Ideen "
        "eingebracht und diese anschließend gemeinsam gewichtet. Diese Dokumentation gibt die "
        "Ergebnisse vollständig wieder und legt sie dem Rat zur weiteren Beratung vor."
    )
    return text


def programme(starts_at: datetime | None, ends_at: datetime | None) -> str:
    if starts_at is None:
        return "\n".join(f"–\t{step}" for _, step in _PROGRAMME)
    duration = (ends_at - starts_at) if ends_at else timedelta(hours=6)
    lines = []
    for share, step in _PROGRAMME:
        at = starts_at + duration * share
        # Round to the quarter hour, as a printed programme would.
        minutes = round((at.minute + at.second / 60) / 15) * 15
        at = at.replace(minute=0, second=0, microsecond=0) + timedelta(minutes=minutes)
        lines.append(f"{german.clock_uhr(at)}\t{step}")
    return "\n".join(lines)


def field_summary(field: FieldInfo) -> str:
    lead = field.description.strip() or (
        f"Am Thementisch zum Handlungsfeld „{field.name}“ haben die Teilnehmenden "
        "Ideen und Anregungen eingebracht; die Moderation hat sie während der "
        "Veranstaltung im Wortlaut mitgeschrieben."
    )
    # The chapter itself says how its list is ordered (by dots, or as written when nobody voted).
    return f"{lead}\n\nDie folgende Übersicht zeigt die Beiträge dieses Handlungsfeldes."


def next_steps(event: EventInfo) -> str:
    ref = f" (Bezug: Vorlage {event.council_reference})" if event.council_reference else ""
    return (
        "Die Verwaltung wertet die Ergebnisse aus und legt sie dem Rat als Grundlage "
        f"für die weitere Ausarbeitung der Strategie vor{ref}.\n\n"
        "- Die priorisierten Ideen werden den zuständigen Ämtern zur fachlichen Prüfung "
        "übergeben.\n"
        "- Die Ämter prüfen Machbarkeit, Kosten und Zeitrahmen und berichten dem Rat.\n"
        "- Die Öffentlichkeit wird über den Fortgang informiert; die Dokumentation wird "
        "veröffentlicht."
    )


def privacy(event: EventInfo) -> str:
    return (
        "Diese Dokumentation enthält keine personenbezogenen Daten. Angaben zu den "
        "Teilnehmenden erscheinen nur als Anzahlen; Aufschlüsselungen (etwa nach Stadtteil) "
        "nur für Gruppen, die so groß sind, dass niemand erkennbar ist. Urheberinnen und "
        "Urheber von Beiträgen werden nur genannt, wenn sie ausdrücklich eingewilligt haben.\n\n"
        f"Die bei der Anmeldung erhobenen Daten verarbeitet {organiser_phrase(event)} "
        "ausschließlich zur "
        "Durchführung der Veranstaltung auf Grundlage der Einwilligung der Teilnehmenden "
        "(Art. 6 Abs. 1 lit. a DSGVO). Sie werden nach Abschluss der Veranstaltung gelöscht; "
        "die anonymen Ergebnisse bleiben erhalten. Auskunft über die gespeicherten Daten "
        "erteilt die Veranstalterin auf Anfrage."
    )
