"""The event store: events kept on disk, merged across articles, imported and exported.

    from store import EventStore, AddSummary

See extract/store/README.md for the on-disk layout and why it is Parquet.
"""

from __future__ import annotations

from store.store import EventStore
from store.summary import AddSummary

__all__ = ["AddSummary", "EventStore"]
