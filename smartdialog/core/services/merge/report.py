"""What a merge tells the moderator: the same report in the window, as text and as JSON.

Messages are English source texts in the Qt Linguist context ``merge``; the
GUI and the command line pass their translate function, placeholders are
filled after translation (as with SmartDialogError).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from smartdialog.core.errors import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]
CONTEXT = "merge"

# Kinds of finding.  Conflicts are what the rules settled (and say how) or what the
# moderator must decide; notices are what the moderator should know.
CHECKIN_DUPLICATE = "checkin_duplicate"
IDEA_EDITED_TWICE = "idea_edited_twice"
BALLOT_CLASH = "ballot_clash"
PAPER_TWICE = "paper_twice"
TICKET_RENUMBERED = "ticket_renumbered"
ROW_CHANGED_TWICE = "row_changed_twice"
CLOCK_OFF = "clock_off"
ROUND_CLOSED = "round_closed"

TABLE_LABELS: dict[str, str] = {
    "devices": QT_TRANSLATE_NOOP("merge", "laptops"),
    "events": QT_TRANSLATE_NOOP("merge", "event details"),
    "fields_of_action": QT_TRANSLATE_NOOP("merge", "fields of action"),
    "topics": QT_TRANSLATE_NOOP("merge", "guiding questions"),
    "stations": QT_TRANSLATE_NOOP("merge", "tables"),
    "participants": QT_TRANSLATE_NOOP("merge", "participants"),
    "check_ins": QT_TRANSLATE_NOOP("merge", "check-ins"),
    "scan_log": QT_TRANSLATE_NOOP("merge", "scans"),
    "badge_prints": QT_TRANSLATE_NOOP("merge", "printed badges"),
    "ideas": QT_TRANSLATE_NOOP("merge", "ideas"),
    "idea_revisions": QT_TRANSLATE_NOOP("merge", "idea history entries"),
    "idea_tags": QT_TRANSLATE_NOOP("merge", "idea tags"),
    "voting_rounds": QT_TRANSLATE_NOOP("merge", "voting rounds"),
    "round_fields": QT_TRANSLATE_NOOP("merge", "fields of voting rounds"),
    "round_ideas": QT_TRANSLATE_NOOP("merge", "ideas of voting rounds"),
    "ballots": QT_TRANSLATE_NOOP("merge", "ballots"),
    "dots": QT_TRANSLATE_NOOP("merge", "dots"),
    "paper_tallies": QT_TRANSLATE_NOOP("merge", "paper counts"),
    "minutes_sections": QT_TRANSLATE_NOOP("merge", "minutes texts"),
    "audit_log": QT_TRANSLATE_NOOP("merge", "log entries"),
}


@dataclass(frozen=True)
class Finding:
    """One thing the report says.  ``key`` names it stably, whatever the order of merging."""

    kind: str
    key: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    # Set when the moderator must decide (see cases.decide).
    case_id: str = ""

    def text(self, translate: Translate) -> str:
        return translate(CONTEXT, self.message).format(**self.params)


@dataclass(frozen=True)
class SourceSummary:
    label: str
    devices: tuple[str, ...]
    new_rows: dict[str, int]
    changed_rows: dict[str, int]


@dataclass(frozen=True)
class MergeReport:
    target: str
    sources: tuple[SourceSummary, ...]
    conflicts: tuple[Finding, ...]
    notices: tuple[Finding, ...]
    open_cases: int

    @property
    def changed_anything(self) -> bool:
        return any(s.new_rows or s.changed_rows for s in self.sources) or bool(self.conflicts)

    def to_json(self, translate: Translate) -> str:
        data = asdict(self)
        for part in ("conflicts", "notices"):
            for item, finding in zip(data[part], getattr(self, part), strict=True):
                item["text"] = finding.text(translate)
        return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _counts(counts: dict[str, int], translate: Translate) -> str:
    return ", ".join(
        f"{translate(CONTEXT, TABLE_LABELS.get(table, table))} {n}"
        for table, n in counts.items()
        if n and table != "devices"
    )


def report_lines(report: MergeReport, translate: Translate) -> list[str]:
    """The report as a moderator reads it, line by line."""

    def _t(text: str) -> str:
        return translate(CONTEXT, text)

    lines = [_t(QT_TRANSLATE_NOOP("merge", "Merged into {target}.")).format(target=report.target)]
    for source in report.sources:
        devices = ", ".join(source.devices) or _t(QT_TRANSLATE_NOOP("merge", "no laptop"))
        if source.new_rows or source.changed_rows:
            lines.append(
                _t(QT_TRANSLATE_NOOP("merge", "From {source} (written on: {devices}):")).format(
                    source=source.label, devices=devices
                )
            )
            if source.new_rows:
                lines.append(
                    "  "
                    + _t(QT_TRANSLATE_NOOP("merge", "new: {counts}")).format(
                        counts=_counts(source.new_rows, translate)
                    )
                )
            if source.changed_rows:
                lines.append(
                    "  "
                    + _t(QT_TRANSLATE_NOOP("merge", "brought up to date: {counts}")).format(
                        counts=_counts(source.changed_rows, translate)
                    )
                )
        else:
            lines.append(
                _t(
                    QT_TRANSLATE_NOOP(
                        "merge", "From {source}: nothing new, it had been merged already."
                    )
                ).format(source=source.label)
            )
    lines.append("")
    decided = [f for f in report.conflicts if not f.case_id]
    open_ = [f for f in report.conflicts if f.case_id]
    if not report.conflicts:
        lines.append(_t(QT_TRANSLATE_NOOP("merge", "No conflicts.")))
    if open_:
        lines.append(
            _t(QT_TRANSLATE_NOOP("merge", "For the moderator to decide ({count}):")).format(
                count=len(open_)
            )
        )
        lines.extend(f"  • {f.text(translate)}" for f in open_)
    if report.open_cases:
        lines.append(
            _t(
                QT_TRANSLATE_NOOP(
                    "merge",
                    "{count} case(s) still to decide: the tally of the rounds concerned is provisional "
                    "and they cannot be closed until then.",
                )
            ).format(count=report.open_cases)
        )
    if open_:
        lines.append(
            _t(
                QT_TRANSLATE_NOOP(
                    "merge",
                    "To decide a case: use the buttons in the window File › Merge events…, or "
                    "type: smartdialog merge-decide EVENT CASE A (or B).",
                )
            )
        )
    if decided:
        if open_:
            lines.append("")
        lines.append(
            _t(QT_TRANSLATE_NOOP("merge", "Settled by the merge rules ({count}):")).format(
                count=len(decided)
            )
        )
        lines.extend(f"  • {f.text(translate)}" for f in decided)
    if report.notices:
        lines.append("")
        lines.append(_t(QT_TRANSLATE_NOOP("merge", "Please note:")))
        lines.extend(f"  • {f.text(translate)}" for f in report.notices)
    return lines


def report_text(report: MergeReport, translate: Translate) -> str:
    return "\n".join(report_lines(report, translate))
