"""extract: turn news articles into dated events.

The pipeline, one stage a module (see ARCHITECTURE.md):
    ingest  (inputs -> Article)         extract.load_articles
    timex   (text -> Timex)             extract.tag_dates
    actors  (text -> actor mentions)
    topics  (sentence -> topic ids)
    events  (Article -> events table)   extract.extract_events

Public names are imported lazily so that `python -m extract dates` starts quickly.
"""

from __future__ import annotations

__all__ = ["load_articles", "tag_dates", "extract_events", "Article", "Timex"]


def __getattr__(name: str):
    if name == "load_articles":
        from extract.ingest import load_articles

        return load_articles
    if name == "tag_dates":
        from extract.timex import tag

        return tag
    if name == "extract_events":
        from extract.events import extract_events

        return extract_events
    if name in ("Article", "Timex"):
        from extract import model

        return getattr(model, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
