"""The importer registry: GDELT and ACLED event files -> store rows.

read(kind, source) -> (rows, rejected): rows carry EVENT_COLUMNS + STORE_COLUMNS and go to
EventStore.add_events; rejected lists (input, problem) for every row refused. A file of the wrong
shape raises ImportFormatError naming the file and what is wrong with it.

Adding an importer: a module with `read_<kind>(source) -> (rows, rejected)` built on
store.importers.common, one entry in IMPORTERS, and a test.
"""

from __future__ import annotations

import importlib

import pandas as pd

from core.errors import ImportFormatError

# kind -> (module, reader function)
IMPORTERS = {
    "gdelt": ("store.importers.gdelt", "read_gdelt"),
    "acled": ("store.importers.acled", "read_acled"),
}
KINDS = tuple(IMPORTERS)


def read(kind: str, source) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Rows and per-row rejects of a GDELT or ACLED file."""
    if kind not in IMPORTERS:
        raise ImportFormatError(f"unknown import kind {kind!r}: use one of {', '.join(KINDS)}")
    module, function = IMPORTERS[kind]
    return getattr(importlib.import_module(module), function)(source)
