"""Benchmark of the actors stage: gazetteer load time and find_actors speed per article.

Run: .venv/bin/python bench/bench_actors.py [--limit N]
Reads the Timeline17 development articles in ../shared (in place) and the seed article; prints
load time, articles per second, ms per article and median words per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def articles(limit: int) -> list[tuple[str, dt.date | None]]:
    """(text, publication date) of up to `limit` Timeline17 development articles."""
    out: list[tuple[str, dt.date | None]] = []
    for path in sorted((SHARED / "corpora" / "timeline17-dev").glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                try:
                    on = dt.date.fromisoformat(row.get("published", "")[:10])
                except ValueError:
                    on = None
                out.append((row.get("text", ""), on))
                if len(out) >= limit:
                    return out
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000, help="maximum number of articles")
    args = parser.parse_args()

    t0, c0 = time.perf_counter(), time.process_time()
    from extract.actors import find_actors, load_gazetteer

    gaz = load_gazetteer()
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"gazetteer import+load: {load_s * 1000:.0f} ms wall, {load_cpu * 1000:.0f} ms cpu ({len(gaz.actors)} actors)"
    )

    docs = articles(args.limit)
    if not docs:
        print(f"no articles under {SHARED / 'corpora' / 'timeline17-dev'}", file=sys.stderr)
        return 1
    words = statistics.median(len(t.split()) for t, _ in docs)
    mentions = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text, on in docs:
        mentions += len(find_actors(text, on))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"articles: {len(docs)} (median {words:.0f} words), mentions: {mentions}")
    print(
        f"find_actors wall: {elapsed:.2f} s, {len(docs) / elapsed:.0f} articles/s, "
        f"{elapsed / len(docs) * 1000:.2f} ms/article"
    )
    print(
        f"find_actors cpu:  {cpu:.2f} s, {len(docs) / cpu:.0f} articles/s, "
        f"{cpu / len(docs) * 1000:.2f} ms/article (this process only; the machine may be shared)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
