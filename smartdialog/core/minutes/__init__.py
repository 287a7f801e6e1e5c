"""The minutes for the council ("Dokumentation"): what they show and how they are laid out.

``content`` reads the event into a snapshot without personal data; ``document``
lays it out as a PDF (with ``layout``, ``charts`` and German ``german``
typography); ``texts`` holds the parts a person writes and their defaults;
``votes`` takes the voting service's results into the minutes' numbering.
The user's actions (edit, finalise, export) are in ``core.services.minutes``.
"""
