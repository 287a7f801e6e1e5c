"""Roles with PINs: what a laptop set to Empfang, Moderation or Verwaltung may do.

- Empfang (``desk``): the registration desk.
- Moderation (``moderation``): ideas, the live wall, voting and paper counts.
- Verwaltung (``office``): everything — setup, privacy, the final minutes, PINs.

A laptop is set to a role (the GUI keeps it in the laptop's settings; the
command line asks for the PIN of the role a job needs).  The roles apply once
the Verwaltung PIN is set: an event without it works as before, every laptop
may do everything, and Einrichtung says "no PINs set".  Switching a laptop to
a role needs that role's PIN or the Verwaltung PIN.  Every audit entry names
the role and the laptop that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from smartdialog.core import choices
from smartdialog.core.changes import Action
from smartdialog.core.errors import QT_TRANSLATE_NOOP, AccessDenied, DomainError
from smartdialog.core.models import Event
from smartdialog.core.services import audit, setup

DESK: Final = choices.DESK
MODERATION: Final = choices.MODERATION
OFFICE: Final = choices.OFFICE
ROLES: Final = choices.ROLES

# Source texts for Qt Linguist (context "roles"); the UI and the CLI translate them.
ROLE_NAMES: Final = {
    DESK: QT_TRANSLATE_NOOP("roles", "Reception"),
    MODERATION: QT_TRANSLATE_NOOP("roles", "Moderation"),
    OFFICE: QT_TRANSLATE_NOOP("roles", "Administration"),
}

# What each area of the app is: a workspace, or a job within one.
AREAS: Final = (
    "setup",
    "desk",
    "ideas",
    "wall",
    "voting",
    "paper",
    "minutes",
    "privacy",
    "pins",
)

_MAY: Final[dict[str, frozenset[str]]] = {
    DESK: frozenset({"desk"}),
    MODERATION: frozenset({"ideas", "wall", "voting", "paper"}),
    OFFICE: frozenset(AREAS),
}

_COLUMN: Final = {
    DESK: "desk_pin_hash",
    MODERATION: "moderation_pin_hash",
    OFFICE: "office_pin_hash",
}


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")


def may(role: str, area: str) -> bool:
    """What the role may do, whether or not the roles apply in an event."""
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r}")
    return area in _MAY.get(role, frozenset())


def roles_for(area: str) -> tuple[str, ...]:
    """The roles that may use ``area``, Verwaltung last."""
    return tuple(r for r in ROLES if may(r, area))


@dataclass(frozen=True)
class Access:
    """Which PINs an event has; the roles apply once the Verwaltung PIN is set."""

    pins: frozenset[str]

    @property
    def applies(self) -> bool:
        return OFFICE in self.pins

    def allowed(self, role: str, area: str) -> bool:
        return not self.applies or may(role, area)


def _event(s: Session) -> Event | None:
    return s.scalars(select(Event).order_by(Event.created_at).limit(1)).first()


def access(s: Session) -> Access:
    event = _event(s)
    if event is None:
        return Access(frozenset())
    return Access(frozenset(r for r in ROLES if getattr(event, _COLUMN[r])))


def unlocks(s: Session, role: str, pin: str) -> bool:
    """True when ``pin`` lets a laptop switch to ``role``: that role's PIN or Verwaltung's.

    While the roles do not apply (no Verwaltung PIN), any role may be chosen freely.
    """
    _check_role(role)
    event = _event(s)
    if event is None or not event.office_pin_hash:
        return True
    own = getattr(event, _COLUMN[role])
    return setup.pin_matches(event.office_pin_hash, pin) or (
        bool(own) and setup.pin_matches(own, pin)
    )


def role_of_pin(s: Session, pin: str, area: str) -> str | None:
    """The role whose PIN ``pin`` is, among those that may use ``area``; None if none."""
    event = _event(s)
    if event is None:
        return None
    for role in roles_for(area):
        stored = getattr(event, _COLUMN[role])
        if stored and setup.pin_matches(stored, pin):
            return role
    return None


def require(s: Session, area: str) -> None:
    """Raise AccessDenied unless the session's laptop, in its role, may use ``area``."""
    role = audit.session_device(s).role
    if not access(s).allowed(role, area):
        raise AccessDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "This laptop is set to the role “{role}”, which may not do this. "
                "Switch the role with the PIN of a role that may.",
            ),
            role=ROLE_NAMES.get(role, role),
        )


def set_role_pin(s: Session, role: str, pin: str, *, authorisation: str | None = None) -> None:
    """Set a role's PIN.  Any change needs the Verwaltung PIN once that is set."""
    _check_role(role)
    event = setup.current_event(s)
    column = _COLUMN[role]
    setup.authorise_pin_change(event, authorisation, getattr(event, column))
    if role != OFFICE and not event.office_pin_hash:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "errors", "Set the PIN of Verwaltung (administration) first: it guards the others."
            )
        )
    setattr(event, column, setup.new_pin_hash(pin))
    s.flush()
    audit.record(s, Action.EVENT_ROLE_PIN_SET, "event", event.id, role)
