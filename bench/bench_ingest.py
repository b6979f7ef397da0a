"""Benchmark of ingestion: load_articles over the Timeline17 articles, plus HTML pages for comparison.

Run: .venv/bin/python bench/bench_ingest.py [--rounds N] [--html N]
Reads the eleven Timeline17 articles.jsonl files in ../shared in place, in this process on one core,
and prints articles per second (best and median of the rounds; wall clock and per CPU second of this
process, the latter steadier on a shared machine) for the whole path: reading, decoding,
JSON, furniture removal, segments, datelines, language. Import time of extract.ingest is reported
separately. With --html N it also times N HTML pages made by wrapping Timeline17 texts in a page
with navigation, a sidebar and a footer (trafilatura's share of the cost).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

PAGE = """<!DOCTYPE html><html><head><title>Story {n}</title>
<meta property="article:published_time" content="{date}T09:00:00+00:00"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Story {n}</h1>{paras}</article>
<aside><h2>Most read</h2><ul><li><a href="/1">One thing</a></li><li><a href="/2">Another thing</a></li></ul></aside>
<footer>Copyright. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--html", type=int, default=100, help="HTML pages to time (0 to skip)")
    args = parser.parse_args()

    files = sorted((SHARED / "corpora" / "timeline17-dev").glob("*/articles.jsonl"))
    if not files:
        sys.exit(f"no Timeline17 files under {SHARED}/corpora/timeline17-dev")
    t0 = time.perf_counter()
    from extract.ingest import load_articles

    print(f"import extract.ingest: {time.perf_counter() - t0:.3f} s")
    inputs = [str(f) for f in files]
    load_articles(inputs[:1])  # warm the caches (cue lists, regular expressions)

    rates, cpu_rates = [], []
    for _ in range(args.rounds):
        start, cpu = time.perf_counter(), time.process_time()
        result = load_articles(inputs)
        elapsed, cpu_used = time.perf_counter() - start, time.process_time() - cpu
        rates.append(len(result.articles) / elapsed)
        cpu_rates.append(len(result.articles) / max(cpu_used, 1e-9))
    print(
        f"Timeline17 JSONL: {len(result.articles)} articles ({len(result.rejected)} lines rejected: empty text) "
        f"from {len(files)} files"
    )
    print(
        f"  articles/s (wall clock): best {max(rates):,.0f}, median {statistics.median(rates):,.0f} "
        f"over {args.rounds} rounds"
    )
    print(
        f"  articles per CPU second (this process only, less sensitive to a busy machine): "
        f"best {max(cpu_rates):,.0f}, median {statistics.median(cpu_rates):,.0f}"
    )
    dated = sum(a.published is not None for a in result.articles)
    datelines = sum(any(s.kind == "dateline" for s in a.segments) for a in result.articles)
    print(f"  with a publication date: {dated}; with a dateline segment in the text: {datelines}")

    if args.html:
        texts = [(a.text, a.published.date().isoformat()) for a in result.articles[: args.html]]
        with tempfile.TemporaryDirectory() as tmp:
            for n, (text, date) in enumerate(texts):
                paras = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
                (pathlib.Path(tmp) / f"page{n:04d}.html").write_text(PAGE.format(n=n, date=date, paras=paras))
            t_import = time.perf_counter()
            import trafilatura  # noqa: F401 - timed on its own

            print(f"import trafilatura: {time.perf_counter() - t_import:.3f} s")
            start = time.perf_counter()
            html_result = load_articles([tmp])
            elapsed = time.perf_counter() - start
        print(
            f"HTML pages: {len(html_result.articles)} of {len(texts)} read, "
            f"{len(html_result.articles) / elapsed:,.0f} articles/s"
        )
    print(
        json.dumps(
            {
                "timeline17_articles_per_s_best": round(max(rates)),
                "timeline17_articles_per_s_median": round(statistics.median(rates)),
                "timeline17_articles_per_cpu_s_median": round(statistics.median(cpu_rates)),
            }
        )
    )


if __name__ == "__main__":
    main()
