"""The event store: events kept on disk, merged across articles, imported and exported.

    from extract.store import EventStore, AddSummary

See extract/store/README.md for the on-disk layout and why it is Parquet.
"""

from __future__ import annotations

from extract.store.store import EventStore
from extract.store.summary import AddSummary

__all__ = ["AddSummary", "EventStore"]
