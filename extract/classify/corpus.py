"""The labelled sentence corpus: hand-written batches in corpus/*.txt -> data/sentences.jsonl.

A batch file holds header lines "@ TYPE MODE STYLE" (TYPE one of core.schema.PLOVER_TYPES or NONE, MODE one
of core.schema.MODES or "-" for NONE, STYLE a word from STYLES) and, under each header, one sentence a line
with those labels; "#" starts a comment. build() reads every batch, checks the labels, refuses a sentence
written twice, adds the few generated variants (variants(): an attribution tag after a written wire
sentence) and assigns each sentence to "train" or "test" by a fixed-seed hash: about one in five goes to
test. A generated variant takes the split of the sentence it was made from, so no sentence and its variant
sit on both sides.

    python -m extract.classify.corpus          # rewrite data/sentences.jsonl and print the counts
"""

from __future__ import annotations

import collections
import hashlib
import json
import pathlib
import sys
from typing import NamedTuple

from core.schema import MODES, PLOVER_TYPES

HERE = pathlib.Path(__file__).resolve().parent
BATCHES = HERE / "corpus"
CORPUS = HERE / "data" / "sentences.jsonl"
NONE = "NONE"
LABELS = (*PLOVER_TYPES, NONE)
STYLES = frozenset(
    {
        # event sentences
        "wire",
        "reported",
        "headline",
        "passive",
        "nominal",
        "question",
        "long",
        "fragment",
        # sentences without an event
        "background",
        "tally",
        "description",
        "furniture",
        "economy",
        "biography",
        "quote",
        "explainer",
        "election",
        "accident",
        "sport",
        "weather",
        "history",
        "analysis",
    }
)
SPLIT_SEED = "plover-corpus-split-1"
TEST_PERCENT = 20


class Sentence(NamedTuple):
    text: str
    event_type: str  # a PLOVER type or NONE
    mode: str | None  # None for NONE
    style: str
    origin: str  # "written" or "generated"
    group: str  # the written sentence a generated one was made from (itself for written ones)
    where: str  # file:line, for error messages


def split_of(key: str) -> str:
    """'test' for about TEST_PERCENT in a hundred keys, else 'train'; fixed by SPLIT_SEED."""
    h = int(hashlib.sha256(f"{SPLIT_SEED}\x00{key}".encode()).hexdigest()[:8], 16)
    return "test" if h % 100 < TEST_PERCENT else "train"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def read_batch(path: pathlib.Path) -> list[Sentence]:
    """The sentences of one batch file, with their header's labels."""
    out: list[Sentence] = []
    header: tuple[str, str | None, str] | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        where = f"{path.name}:{n}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            parts = line[1:].split()
            if len(parts) != 3:
                raise ValueError(f"{where}: a header is '@ TYPE MODE STYLE', got {line!r}")
            etype, mode, style = parts
            if etype not in LABELS:
                raise ValueError(f"{where}: unknown type {etype!r}")
            if (etype == NONE) != (mode == "-"):
                raise ValueError(f"{where}: mode '-' goes with NONE and only with NONE")
            if mode != "-" and mode not in MODES:
                raise ValueError(f"{where}: unknown mode {mode!r}")
            if style not in STYLES:
                raise ValueError(f"{where}: unknown style {style!r}")
            header = (etype, None if mode == "-" else mode, style)
            continue
        if header is None:
            raise ValueError(f"{where}: a sentence before the first header")
        out.append(Sentence(line, *header, "written", line, where))
    return out


# Attribution tags a wire sentence may carry: the generator adds one after some written actual sentences,
# the construction the project's readers meet most ("..., the ministry said"). The type and mode stay.
_TAGS = (
    ", the defence ministry said.",
    ", officials said on Monday.",
    ", according to state media.",
    ", a spokesman told reporters.",
    ", the army said in a statement.",
    ", witnesses told Reuters.",
    ", two diplomats said.",
    ", the agency reported, citing a security source.",
    ", according to people familiar with the matter.",
    ", local authorities said late on Friday.",
    ", the foreign ministry said in a statement on its website.",
    ", a senior official said on condition of anonymity.",
)
VARIANT_EVERY = 5  # one written actual wire sentence in five gets a tagged variant


def variants(written: list[Sentence]) -> list[Sentence]:
    """Generated sentences: an attribution tag after one in VARIANT_EVERY written actual wire sentences."""
    out: list[Sentence] = []
    eligible = [s for s in written if s.mode == "actual" and s.style == "wire" and s.text.endswith(".")]
    for k, s in enumerate(eligible[::VARIANT_EVERY]):
        tag = _TAGS[k % len(_TAGS)]
        out.append(Sentence(s.text[:-1] + tag, s.event_type, s.mode, "reported", "generated", s.group, s.where))
    return out


def build(batches: pathlib.Path = BATCHES) -> list[Sentence]:
    """Every written sentence of the batch files plus the generated variants; raises on a duplicate."""
    written: list[Sentence] = []
    for path in sorted(batches.glob("*.txt")):
        written.extend(read_batch(path))
    seen: dict[str, Sentence] = {}
    for s in written:
        key = _norm(s.text)
        if key in seen:
            raise ValueError(f"{s.where}: written twice (first at {seen[key].where}): {s.text!r}")
        seen[key] = s
    generated = [g for g in variants(written) if _norm(g.text) not in seen]
    return written + generated


def records(sentences: list[Sentence]) -> list[dict]:
    """The JSONL rows: text, event_type, mode, style, split (by the hash of the written sentence), origin."""
    return [
        {
            "text": s.text,
            "event_type": s.event_type,
            "mode": s.mode,
            "style": s.style,
            "split": split_of(_norm(s.group)),
            "origin": s.origin,
        }
        for s in sentences
    ]


def write(rows: list[dict], path: pathlib.Path = CORPUS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(path)


def load(path: pathlib.Path = CORPUS) -> list[dict]:
    """The corpus rows of data/sentences.jsonl."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def counts(rows: list[dict]) -> str:
    """A plain-text table of the corpus: per type, mode, style and split."""
    lines = [f"{len(rows)} sentences ({sum(r['origin'] == 'written' for r in rows)} written)"]
    by_split = collections.Counter(r["split"] for r in rows)
    lines.append("split: " + ", ".join(f"{k} {v}" for k, v in sorted(by_split.items())))
    modes = [*MODES, None]
    lines.append("type        " + " ".join(f"{m or '-':>12}" for m in modes) + "        total")
    for t in LABELS:
        c = collections.Counter(r["mode"] for r in rows if r["event_type"] == t)
        lines.append(f"{t:<11} " + " ".join(f"{c[m]:>12}" for m in modes) + f" {sum(c.values()):>12}")
    styles = collections.Counter(r["style"] for r in rows)
    lines.append("style: " + ", ".join(f"{k} {v}" for k, v in styles.most_common()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    rows = records(build())
    write(rows)
    print(f"wrote {CORPUS.relative_to(HERE.parent.parent)}")
    print(counts(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
