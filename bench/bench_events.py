"""Benchmark of full event extraction beside dateparser.search_dates, on the same articles, same run.

Run: .venv/bin/python bench/bench_events.py [--limit N] [--memory N] [--profile]
Reads the Timeline17 development articles in ../shared in place (first N in file order, spread over
all topics). Prints articles/s on one core for extract.events.article_events (sentences, dates, actors,
events) once what a process loads once is loaded (spaCy's entity recognizer included), the same for
dateparser.search_dates alone, median words per article, and with --memory N
the peak resident memory of the process after extracting N articles (the sample repeated) into
one events table. --profile prints the top of a cProfile of the extraction.
"""

from __future__ import annotations

import argparse
import cProfile
import pathlib
import pstats
import resource
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load(limit: int):
    from extract.ingest import load_articles

    paths = sorted((SHARED / "corpora" / "timeline17-dev").glob("*/articles.jsonl"))
    if not paths:
        sys.exit(f"no Timeline17 articles under {SHARED}")
    per_topic = [load_articles([str(p)]).articles for p in paths]
    out = []
    k = 0
    while len(out) < limit and any(k < len(t) for t in per_topic):
        for t in per_topic:
            if k < len(t) and len(out) < limit:
                out.append(t[k])
        k += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=400, help="articles to time (default 400)")
    ap.add_argument("--memory", type=int, default=0, help="also extract this many articles and report peak memory")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()

    from extract.events import syntax
    from extract.events.extract_one import article_events

    arts = load(args.limit)
    words = statistics.median(len(a.text.split()) for a in arts)
    article_events(arts[0])  # warm up: lexicons, gazetteer, timex vocabulary, the classifier's model
    syntax.tagger()  # and spaCy's entity recognizer, which the names stage loads at the first unknown name (~0.9 s)
    prof = cProfile.Profile() if args.profile else None
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    n_events = sum(len(article_events(a)[0]) for a in arts)
    if prof:
        prof.disable()
    secs = time.perf_counter() - t0

    import dateparser.search

    t1 = time.perf_counter()
    for a in arts:
        dateparser.search.search_dates(
            a.text, languages=["en"], settings={"RELATIVE_BASE": a.published.replace(tzinfo=None)}
        )
    dp_secs = time.perf_counter() - t1

    print(f"articles {len(arts)}  median words {words:.0f}  events {n_events}")
    print(f"extract.events (one core): {len(arts) / secs:7.1f} articles/s  {1000 * secs / len(arts):6.1f} ms/article")
    print(
        f"dateparser.search_dates  : {len(arts) / dp_secs:7.1f} articles/s  {1000 * dp_secs / len(arts):6.1f} ms/article"
    )
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    if args.memory:
        from extract.events.pipeline import iter_events, rows_to_frame

        batch = [arts[n % len(arts)] for n in range(args.memory)]
        rows: list[dict] = []
        t2 = time.perf_counter()
        for _a, r, _note in iter_events(batch, workers=1):
            rows.extend(r)
        df = rows_to_frame(rows)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"memory: {args.memory} articles -> {len(df)} events in {time.perf_counter() - t2:.0f} s; "
            f"peak resident {peak:.0f} MB"
        )
    print(f"events_per_s={len(arts) / secs:.1f} search_dates_per_s={len(arts) / dp_secs:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
