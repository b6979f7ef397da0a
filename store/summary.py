"""AddSummary: what one write to the store did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class AddSummary:
    """Counts of one batch written to the store.

    added: new events; merged: reports joined to an event already known (stored or earlier in the batch);
    skipped: reports already stored (idempotence); rejected: (input, problem) for every input or row refused;
    new_event_ids: ids of the events this batch created.
    """

    added: int = 0
    merged: int = 0
    skipped: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    new_event_ids: list[str] = field(default_factory=list)

    def summary_line(self) -> str:
        """One line for a person: "added 12, merged 3, skipped 0, rejected 1"."""
        return f"added {self.added}, merged {self.merged}, skipped {self.skipped}, rejected {len(self.rejected)}"

    def extend(self, other: AddSummary) -> AddSummary:
        """Add other's counts to this summary (in place) and return it."""
        self.added += other.added
        self.merged += other.merged
        self.skipped += other.skipped
        self.rejected.extend(other.rejected)
        self.new_event_ids.extend(other.new_event_ids)
        return self
