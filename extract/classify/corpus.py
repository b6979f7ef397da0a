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


# The predicate generator: each predicate of corpus/predicates.txt ("TYPE | base | past | participle | object
# [| subject pool] [| deed]") is set in one frame of each mode, with a subject of its pool. This varies how a
# verb meets each mode (did, will, could ... if, did not, has not, headline, reported) more than the written
# batches can; the subjects only fill the slot. The acts of saying of SPEECH_TYPES are statements in the
# past ("accused", "urged"); a predicate marked "deed" is an act with effect of its own ("vetoed", "charged"),
# actual in the past.
PREDICATES = BATCHES / "predicates.txt"
SPEECH_TYPES = frozenset({"SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_POOLS = {
    "state": (
        "Russia",
        "Ukraine",
        "China",
        "the United States",
        "Iran",
        "Israel",
        "Turkey",
        "India",
        "Pakistan",
        "Japan",
        "Germany",
        "France",
        "Britain",
        "Brazil",
        "Egypt",
        "Saudi Arabia",
        "Poland",
        "South Korea",
        "Qatar",
        "Nigeria",
        "Kenya",
        "Mexico",
        "Venezuela",
        "Ethiopia",
        "the government",
        "the junta",
        "Kyiv",
        "Moscow",
        "Beijing",
        "Washington",
        "Tehran",
        "Ankara",
        "Berlin",
        "Paris",
        "London",
        "Tokyo",
        "Seoul",
        "Cairo",
        "Riyadh",
        "New Delhi",
        "Islamabad",
        "the European Union",
        "the African Union",
        "Algeria",
        "Indonesia",
    ),
    "armed": (
        "the rebels",
        "Hamas",
        "Hezbollah",
        "the Houthis",
        "Russian forces",
        "Ukrainian troops",
        "the army",
        "Israeli forces",
        "the Rapid Support Forces",
        "M23 fighters",
        "the militia",
        "jihadist fighters",
        "government troops",
        "the separatists",
        "Sudan's army",
        "Wagner fighters",
    ),
    "crowd": (
        "thousands of students",
        "farmers",
        "dock workers",
        "opposition supporters",
        "teachers",
        "doctors",
        "residents",
        "rail workers",
        "women's groups",
        "miners",
        "nurses",
        "pensioners",
        "lorry drivers",
    ),
    "person": (
        "Putin",
        "Zelensky",
        "Erdogan",
        "Modi",
        "Macron",
        "Netanyahu",
        "Xi Jinping",
        "Lula",
        "the president",
        "the prime minister",
        "the foreign minister",
        "the envoy",
        "the opposition leader",
        "Ramaphosa",
    ),
    "court": ("the court", "prosecutors", "the prosecutor", "investigators"),
    "parliament": ("parliament", "the Senate", "the assembly", "lawmakers", "the Knesset", "the Bundestag"),
}
_TYPE_POOLS = {
    "ASSAULT": ("armed", "state"),
    "RETREAT": ("armed", "state"),
    "MOBILIZE": ("state", "armed"),
    "COERCE": ("state", "armed"),
    "PROTEST": ("crowd",),
    "AGREE": ("state", "person"),
    "CONSULT": ("person", "state"),
}
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CONDITIONS = (
    "the talks fail",
    "the truce collapses",
    "the deadline passes",
    "the vote goes ahead",
    "the attacks continue",
    "the sanctions stay in place",
    "the mediators succeed",
    "the other side agrees",
)
_SPEAKERS = ("Officials", "The ministry", "State media", "Witnesses", "Diplomats", "The spokesman")
# mode -> frames: (style, template). {S} subject, {b} base, {p} past, {pp} participle, {s} third person, {o} object.
_FRAMES = {
    "past": (
        ("wire", "{S} {p} {o} on {day}."),
        ("wire", "{S} {p} {o} late on {day}, officials said."),
        ("reported", "{spk} said {S} had {pp} {o}."),
        ("headline", "{S} {s} {o}"),
        ("long", "{S} {p} {o} on {day}, hours after the talks in the capital ended without a result."),
    ),
    "future": (
        ("wire", "{S} will {b} {o} next week."),
        ("wire", "{S} {plans} to {b} {o}, according to two officials."),
        ("wire", "{S} {is} expected to {b} {o} in the coming days."),
        ("headline", "{S} to {b} {o}"),
    ),
    "hypothetical": (
        ("wire", "{S} could {b} {o} if {cond}."),
        ("wire", "If {cond}, {S} would {b} {o}."),
        ("wire", "{S} might {b} {o}, analysts said."),
        ("question", "Will {S} {b} {o}?"),
    ),
    "negated": (
        ("wire", "{S} did not {b} {o}."),
        ("wire", "{S} {has} not {pp} {o}, despite the pressure."),
        ("wire", "{S} never {p} {o}, officials said."),
        ("wire", "{S} stopped short of promising to {b} {o}."),
    ),
}


def _third_person(base: str) -> str:
    word, _, rest = base.partition(" ")
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        word += "es"
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        word = word[:-1] + "ies"
    else:
        word += "s"
    return f"{word} {rest}".strip()


def _pick(seq: tuple, key: str) -> str:
    return seq[int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % len(seq)]


def predicate_sentences(path: pathlib.Path = PREDICATES) -> list[Sentence]:
    """One sentence per mode for each predicate of path (see _FRAMES); all share the predicate's group."""
    out: list[Sentence] = []
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 5 or parts[0] not in PLOVER_TYPES:
            raise ValueError(f"{path.name}:{n}: expected 'TYPE | base | past | participle | object', got {line!r}")
        etype, base, past, pp, obj = parts[:5]
        pool_name = parts[5] if len(parts) > 5 and parts[5] else ""
        deed = len(parts) > 6 and parts[6] == "deed"
        pools = (pool_name,) if pool_name else _TYPE_POOLS.get(etype, ("state", "person"))
        group = f"predicate:{etype}|{base}|{obj}"
        for k, (mode_key, frames) in enumerate(_FRAMES.items()):
            style, template = frames[(n + k) % len(frames)]
            key = f"{group}|{mode_key}"
            subject = _pick(_POOLS[_pick(pools, key + "pool")], key + "subject")
            mode = mode_key
            if mode_key == "past":
                mode = "statement" if etype in SPEECH_TYPES and not deed else "actual"
            plural = subject.endswith("s") and subject not in ("Hamas", "the United States")
            text = template.format(
                plans="plan" if plural else "plans",
                **{"is": "are" if plural else "is"},
                has="have" if plural else "has",
                S=subject,
                b=base,
                p=past,
                pp=pp,
                s=base if plural else _third_person(base),
                o=obj,
                day=_pick(_DAYS, key),
                cond=_pick(_CONDITIONS, key),
                spk=_pick(_SPEAKERS, key),
            )
            text = " ".join(text.split()).replace(" ,", ",").replace(" .", ".").replace(" ?", "?")
            text = text[0].upper() + text[1:]
            out.append(Sentence(text, etype, mode, style, "generated", group, f"{path.name}:{n}"))
    return out


def build(batches: pathlib.Path = BATCHES) -> list[Sentence]:
    """Every written sentence of the batch files plus the generated variants; raises on a duplicate."""
    written: list[Sentence] = []
    for path in sorted(batches.glob("*.txt")):
        if path.name != PREDICATES.name:
            written.extend(read_batch(path))
    seen: dict[str, Sentence] = {}
    for s in written:
        key = _norm(s.text)
        if key in seen:
            raise ValueError(f"{s.where}: written twice (first at {seen[key].where}): {s.text!r}")
        seen[key] = s
    generated: list[Sentence] = []
    for g in [*variants(written), *predicate_sentences(batches / PREDICATES.name)]:
        if _norm(g.text) not in seen:
            seen[_norm(g.text)] = g
            generated.append(g)
    return written + generated


def records(sentences: list[Sentence]) -> list[dict]:
    """The JSONL rows: text, event_type, mode, style, split (by the hash of the sentence's group), origin, and for a
    generated sentence its group (the written sentence or predicate it was made from)."""
    return [
        {
            "text": s.text,
            "event_type": s.event_type,
            "mode": s.mode,
            "style": s.style,
            "split": split_of(_norm(s.group)),
            "origin": s.origin,
            **({"group": s.group} if s.origin == "generated" else {}),
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
