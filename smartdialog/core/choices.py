"""The values a job's options choose from, where importing them costs nothing.

The command line builds every job's parser at start to know its options; the
services these values belong to import SQLAlchemy, the PDF library and more,
which a job loads only when it runs (start-up time).  The services take them
from here.
"""

from __future__ import annotations

from typing import Final

# The fields a column of a registration file can be mapped to (services.importer).
IMPORT_FIELDS: Final = (
    "external_ref",
    "first_name",
    "last_name",
    "full_name",
    "title",
    "email",
    "organisation",
    "postcode",
    "district",
    "consent_data",
    "consent_photos",
    "consent_contact",
    "consent_attribution",
)

# Print layouts of badges and tickets (services.badges).
BADGE_LAYOUTS: Final = ("a6", "label62")
TICKET_LAYOUTS: Final = ("a4", "a4x4")

# The formats of the data export (services.export).
EXPORT_FORMATS: Final = ("csv", "json")

# The roles that can have a PIN (services.roles).
DESK: Final = "desk"
MODERATION: Final = "moderation"
OFFICE: Final = "office"
ROLES: Final = (DESK, MODERATION, OFFICE)
