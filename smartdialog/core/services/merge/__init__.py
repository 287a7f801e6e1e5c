"""Merging the event files of laptops that worked without a network (DESIGN.md section 6)."""

from smartdialog.core.services.merge.canonical import canonical_export, canonical_hash
from smartdialog.core.services.merge.cases import (
    CaseInfo,
    decide,
    find_case,
    list_cases,
    open_case_count,
    refuse_close_while_open,
)
from smartdialog.core.services.merge.engine import MERGE_MARK, merge, merge_into
from smartdialog.core.services.merge.report import (
    Finding,
    MergeReport,
    report_lines,
    report_text,
)
from smartdialog.core.services.merge.sources import MergeError

__all__ = [
    "MERGE_MARK",
    "CaseInfo",
    "Finding",
    "MergeError",
    "MergeReport",
    "canonical_export",
    "canonical_hash",
    "decide",
    "find_case",
    "list_cases",
    "merge",
    "merge_into",
    "open_case_count",
    "refuse_close_while_open",
    "report_lines",
    "report_text",
]
