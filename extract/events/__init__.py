"""Events stage: articles -> dated events (who did what to whom, when, on which topic).

Public interface:
    extract_events(items, *, published=None, workers=None) -> pandas.DataFrame (core.schema columns)
    article_events(article) -> (rows, note)
Stages (one module each): sentences, clauses, plover (event type), mode, roles, dating, topics;
extract_one wires them for one article, pipeline for many.
"""

from __future__ import annotations

__all__ = ["extract_events", "article_events"]


def __getattr__(name: str):
    if name == "extract_events":
        from extract.events.pipeline import extract_events

        return extract_events
    if name == "article_events":
        from extract.events.extract_one import article_events

        return article_events
    raise AttributeError(f"module 'extract.events' has no attribute {name!r}")
