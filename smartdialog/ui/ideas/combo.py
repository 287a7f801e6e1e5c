"""Finding a combo box entry by its Python value.

``QComboBox.findData`` compares the stored QVariants, which does not work for
Python objects such as ``uuid.UUID``; this compares them in Python.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def find_data(combo: QComboBox, value: object) -> int:
    """The index of the first entry whose data equals ``value``, or -1."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)
