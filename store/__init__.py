"""The event store: events kept on disk, merged across articles, queried, imported and exported.

    from store import EventStore, AddSummary

It depends only on core/ (the events contract and error types), never on extract/ or app/.
See store/README.md for the on-disk layout (Apache Arrow IPC files) and why.
"""

from __future__ import annotations

from store.store import EventStore
from store.summary import AddSummary

__all__ = ["AddSummary", "EventStore"]
