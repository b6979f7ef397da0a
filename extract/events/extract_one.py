"""One article -> its event rows (plain dicts with the columns of core.schema.EVENT_COLUMNS).

article_events(article, settings=DEFAULT_SETTINGS) -> (rows, note). `note` says why an article yields
nothing ("" otherwise). The work is done by the stages of stages.py (PIPELINE) over one doc.ArticleDoc.
"""

from __future__ import annotations

from extract.events.doc import DEFAULT_SETTINGS, ArticleDoc, Settings
from extract.events.stages import run
from extract.model import Article


def article_events(article: Article, settings: Settings = DEFAULT_SETTINGS) -> tuple[list[dict], str]:
    """Event rows of one article and a note ("" when it gave events; else why it gave none)."""
    doc = run(ArticleDoc(article, settings))
    return (doc.rows if not doc.note else []), doc.note
