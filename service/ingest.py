"""Articles in, events stored: read inputs, extract their events, add them to a store in one atomic write.

In: inputs (paths, URLs, text, (name, bytes) uploads: whatever `extract.ingest.load_articles` takes) and an
`EventStore`. Out: the store's `AddSummary` (added, merged, skipped, and every rejected input with why).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pandas as pd

from core.errors import StoreError
from extract.events.pipeline import iter_events, rows_to_frame
from extract.ingest import load_articles
from store import AddSummary, EventStore

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def add_articles(store: EventStore, inputs, *, published=None, progress: Progress | None = None) -> AddSummary:
    """Read inputs, extract their events and add them to `store` in one atomic write.

    published: publication time for articles that carry none. progress(done, total) is called after each
    article. Inputs that cannot be read are listed in the summary's rejected; the rest are stored. If the
    extractor fails as a whole, nothing is added and a StoreError says after how many articles."""
    loaded = load_articles(inputs, published=published)
    summary = AddSummary()
    for item in loaded.rejected:
        summary.rejected.append(_reject_pair(item))
    frame = extract_frame(list(loaded.articles), progress)
    if len(frame):
        summary.extend(store.add_events(frame, origin="extracted"))
    return summary


def extract_frame(articles: list, progress: Progress | None = None) -> pd.DataFrame:
    """The events of articles as one validated table, reporting progress per article."""
    rows: list[dict] = []
    done, total = 0, len(articles)
    try:
        for _article, article_rows, _note in iter_events(articles):
            rows.extend(article_rows)
            done += 1
            if progress is not None:
                progress(done, total)
    except Exception as exc:  # the extractor failed as a whole: say so rather than store half a batch
        log.exception("event extraction failed after %d of %d articles", done, total)
        raise StoreError(
            f"event extraction failed after {done} of {total} articles ({exc}); nothing was added"
        ) from exc
    return rows_to_frame(rows) if rows else pd.DataFrame()


def _reject_pair(item) -> tuple[str, str]:
    """(input, problem) from whatever load_articles reports as rejected."""
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), str(item[1])
    source = getattr(item, "source", None)
    problem = getattr(item, "problem", None)
    if source is not None:
        return str(source), str(problem or item)
    return str(item), "rejected"
