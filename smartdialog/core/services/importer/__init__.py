"""Import of registrations exported from the city's online form: CSV in every office flavour, XLSX.

Three steps, so that the GUI can show a preview between them:

1. ``read_table(path)`` reads the file (encoding, delimiter, header row found by
   itself) into plain text cells;
2. ``auto_mapping(headers)`` proposes which column is which field, the clerk
   may change it, and ``plan_import(s, table, mapping)`` checks every row and
   matches it against who is registered already: new, update, unchanged,
   rejected (with the row number and why), duplicate within the file;
3. ``apply_import(s, plan)`` writes it with bulk statements (10,000 rows in a
   fraction of a second, not one ORM object at a time).

A re-import of a newer export updates the people already imported (matched by
the form's registration number, else e-mail, else name and postcode) instead
of registering them twice.

One module per step: ``reading`` (the file), ``mapping`` (columns to fields),
``rows`` (one row checked) and ``writing`` (matching and writing).  Callers
use the package: ``importer.plan_import(...)``.
"""

from __future__ import annotations

from smartdialog.core.services.importer.mapping import (
    CONSENT_FIELDS,
    FIELD_LABELS,
    FIELDS,
    apply_overrides,
    auto_field,
    auto_mapping,
    check_mapping,
    looks_like_consent,
    unclear_consents,
)
from smartdialog.core.services.importer.reading import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    Table,
    read_table,
)
from smartdialog.core.services.importer.rows import (
    MAX_CELL,
    Rejection,
    check_row,
    search_key,
)
from smartdialog.core.services.importer.writing import (
    Candidate,
    ImportPlan,
    ImportReport,
    apply_import,
    import_file,
    plan_import,
    report_of,
)

__all__ = [
    "CONSENT_FIELDS",
    "FIELDS",
    "FIELD_LABELS",
    "MAX_CELL",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "Candidate",
    "ImportPlan",
    "ImportReport",
    "Rejection",
    "Table",
    "apply_import",
    "apply_overrides",
    "auto_field",
    "auto_mapping",
    "check_mapping",
    "check_row",
    "import_file",
    "looks_like_consent",
    "plan_import",
    "read_table",
    "report_of",
    "search_key",
    "unclear_consents",
]
