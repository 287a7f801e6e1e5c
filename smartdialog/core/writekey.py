"""The identity of one write, chosen before the write is first tried (an idempotency key).

A laptop joined to a shared event makes a write once more on its local copy when
the connection to the host drops during it (ui/ops.failover).  When the host had
saved the write and only its answer was lost with the cable, that retry must not
make the write a second time.  So a page chooses a ``WriteKey`` once, before the
write is first tried (outside the function that is retried), and hands it to the
service, which takes the id and the time of every row it creates from the key.
The retry then creates the very same rows, and the merge back, which matches rows
by their ids, finds them there already and adds nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from smartdialog.core.clock import now


@dataclass(frozen=True)
class WriteKey:
    """``id``: the id of the main row the write creates; ``at``: its time."""

    id: uuid.UUID = field(default_factory=uuid.uuid4)
    at: datetime = field(default_factory=now)

    def id_for(self, what: str) -> uuid.UUID:
        """The id of another row of the same write (its scan log entry, its audit entry, …)."""
        return uuid.uuid5(self.id, what)
