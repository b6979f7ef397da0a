"""The events stage's entry points: many inputs -> one validated events table.

extract_events(items, *, published=None, workers=None, settings=DEFAULT_SETTINGS) -> pandas.DataFrame
    items: Articles, paths, URLs or raw text (anything not an Article goes through
    extract.ingest.load_articles). Returns the table declared by core.schema, coerced and validated.
iter_events(articles, workers=None, settings=DEFAULT_SETTINGS) -> iterator of (article, rows, note), in
    input order; batches of BATCH_PARALLEL or more articles are spread over `workers` processes (default:
    both cores). One article's rows come from extract_one.article_events (the stages of stages.py).
load_inputs(items, published=None) -> (articles, rejected notes)
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator

import pandas as pd

from core.schema import EVENT_COLUMNS
from core.validate import coerce, empty_events, validate
from extract.events.doc import DEFAULT_SETTINGS, Settings
from extract.events.extract_one import article_events
from extract.model import Article

BATCH_PARALLEL = 24
CHUNK = 8


def default_workers() -> int:
    """Processes to use: the cores this process may run on, at most 2 (the project's machines)."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - non-Linux
        n = os.cpu_count() or 1
    return max(1, min(2, n))


def load_inputs(items: Iterable, published=None) -> tuple[list[Article], list[str]]:
    """Split items into Articles (kept) and other inputs (read by extract.ingest.load_articles).

    Returns (articles in input order, notes on rejected inputs).
    """
    items = list(items) if not isinstance(items, (str, bytes, Article)) else [items]
    articles: list[Article] = []
    others = [x for x in items if not isinstance(x, Article)]
    notes: list[str] = []
    loaded: list[Article] = []
    if others:
        others = [str(x) if hasattr(x, "__fspath__") else x for x in others]
        from extract.ingest import load_articles

        result = load_articles(others, published=published)
        loaded = list(result.articles)
        notes = [_rejected_note(r) for r in (getattr(result, "rejected", None) or [])]
    articles = [x for x in items if isinstance(x, Article)] + loaded
    return articles, notes


def _rejected_note(r) -> str:
    """Text for one rejected input (an InputRejected, a (source, problem) pair or anything printable)."""
    if hasattr(r, "source") and hasattr(r, "problem"):
        return f"{r.source}: {r.problem}"
    if isinstance(r, tuple) and len(r) == 2:
        return f"{r[0]}: {r[1]}"
    return str(r)


def _work(article: Article, settings: Settings = DEFAULT_SETTINGS) -> tuple[list[dict], str]:
    try:
        return article_events(article, settings)
    except RecursionError:
        return [], "too deeply nested to read"


def iter_events(
    articles: list[Article], workers: int | None = None, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[tuple[Article, list[dict], str]]:
    """(article, rows, note) for each article, in order (see module doc)."""
    workers = default_workers() if workers is None else max(1, workers)
    if settings.classifier and articles:
        from extract.classify.model import default_model

        default_model()  # a missing or damaged model file stops here, named with `make model`, before any worker
    if workers == 1 or len(articles) < BATCH_PARALLEL:
        for a in articles:
            rows, note = _work(a, settings)
            yield a, rows, note
        return
    work = functools.partial(_work, settings=settings)
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers) as pool:
        for a, (rows, note) in zip(articles, pool.imap(work, articles, chunksize=CHUNK), strict=True):
            yield a, rows, note


def rows_to_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts with the schema's columns) -> the coerced, validated events table."""
    if not rows:
        return empty_events()
    df = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    df = coerce(df)
    return validate(df)


def extract_events(
    items, *, published=None, workers: int | None = None, settings: Settings = DEFAULT_SETTINGS
) -> pd.DataFrame:
    """The events table of all items (Articles, paths, URLs or raw text).

    published: publication time for inputs that carry none (date, datetime or ISO string).
    workers: processes for large batches (default both cores; 1 = in this process).
    settings: how events are extracted (extract.events.doc.Settings; the defaults when not given).
    """
    articles, _notes = load_inputs(items, published=published)
    rows: list[dict] = []
    for _a, r, _n in iter_events(articles, workers, settings):
        rows.extend(r)
    return rows_to_frame(rows)
