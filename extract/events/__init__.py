"""Events stage: articles -> dated events (who did what to whom, when, on which topic).

Public interface:
    extract_events(items, *, published=None, workers=None, settings=...) -> pandas.DataFrame (core.schema columns)
    article_events(article, settings=DEFAULT_SETTINGS) -> (rows, note)
    Settings: the knobs of extraction (a frozen dataclass; Settings() is the default)
One article goes through the named stages of stages.py (PIPELINE) on one carrier, doc.ArticleDoc, with
one doc.Settings; each stage's rules live in their own module (sentences, tokens, plover, clauses, mode,
roles, dating, topics, rows, merge). extract_one runs them for one article, pipeline for many.
"""

from __future__ import annotations

__all__ = ["extract_events", "article_events", "Settings"]


def __getattr__(name: str):
    if name == "extract_events":
        from extract.events.pipeline import extract_events

        return extract_events
    if name == "article_events":
        from extract.events.extract_one import article_events

        return article_events
    if name == "Settings":
        from extract.events.doc import Settings

        return Settings
    raise AttributeError(f"module 'extract.events' has no attribute {name!r}")
