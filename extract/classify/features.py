"""Features of one clause for the event classifier: word n-grams, character n-grams and the rule cues.

features(sentence, clause=None) -> Features, three blocks of feature strings:
  words - lower-case word unigrams and bigrams of the clause (digits folded to 0, sentence edges marked);
  chars - character 3- to 5-grams inside each word of the clause (" shel", "lled "), which carry a verb's
          meaning across its forms and spellings (shelled/shelling, mobilise/mobilize);
  rules - what the rule system sees: each PLOVER cue of extract/data/plover.toml in the clause (via
          extract.events.plover.find_cues) with its type, phrase and verb form, the rule mode of each cue
          (extract.events.mode.classify, with the speech-before test of the events pipeline), the type and
          mode of the first cue that reads as a predicate (the rule decision), happening nouns of the
          lexicon's [nouns], and the mode word lists of extract/events/data/cues.toml present in the clause
          (negators, future and hypothetical modals, conditionals, verbs of saying, refusals, schedules).
The rules are inputs to the learned model, not its decision.

A clause is located in its sentence (first occurrence; the whole sentence when absent or not given); the
n-grams come from the clause, the cue readings from the clause inside its sentence, so "Moscow said Kyiv is
massing troops" reads the speech verb before the clause. FEATURES_VERSION changes whenever the features do,
and a model built with other features is refused (model.py).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from extract.events import mode as rule_mode
from extract.events._data import plover, wordset
from extract.events.clauses import Clause, split_clauses
from extract.events.plover import Cue, find_cues, irregular_forms
from extract.events.tokens import Token, tokenize

FEATURES_VERSION = "features-3"
MAX_CHARS = 2000  # a clause longer than this is cut: the features of an enormous "sentence" stay bounded
CHAR_NS = (3, 4, 5)
_DIGITS = re.compile(r"\d")


class Features(NamedTuple):
    words: list[str]
    char_words: list[str]  # the words whose n-grams (word_chars) make the character block
    rules: list[str]

    @property
    def chars(self) -> list[str]:
        return [g for w in self.char_words for g in word_chars(w)]


@functools.cache
def _mode_words() -> dict[str, tuple[str, ...]]:
    """word -> names of the mode word lists of extract/events/data/cues.toml that hold it."""
    out: dict[str, list[str]] = {}
    for name, key in (
        ("neg", "negators"),
        ("fut", "future"),
        ("hyp", "hypothetical_modals"),
        ("cond", "conditional"),
        ("say", "speech"),
        ("refused", "refused"),
        ("sched", "scheduled"),
        ("intent", "intent"),
        ("bg", "background"),
    ):
        for w in wordset("mode", key):
            out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}


@functools.cache
def _nouns() -> dict[str, str]:
    """happening noun -> PLOVER type, from the [nouns] table of extract/data/plover.toml (first type wins)."""
    out: dict[str, str] = {}
    for etype, words in plover().get("nouns", {}).items():
        for w in words:
            out.setdefault(w, etype)
    return out


def _span(sentence: str, clause: str | None) -> tuple[int, int]:
    """Character span of the clause in the sentence; the whole sentence when the clause is not in it."""
    if clause:
        at = sentence.find(clause)
        if at >= 0:
            return at, at + len(clause)
    return 0, len(sentence)


_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")
_AUX = frozenset(
    {
        "to",
        "not",
        "n't",
        "never",
        "will",
        "would",
        "could",
        "might",
        "may",
        "can",
        "should",
        "must",
        "shall",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "'ll",
        "won't",
    }
)
_OPENERS = frozenset({"the", "a", "an", "and", "'s", "of", "its", "their", "his", "her", "both", "all", "two", "three"})


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem: one inflectional or nominal suffix and a final e off ("sanctioned", "sanctions" ->
    "sanction"; "released", "releasing" -> "releas"). Only a feature: two words may share a stem wrongly."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _predicates(toks: list[Token]) -> list[int]:
    """Positions of words that look like the clause's verbs: -ed words and irregular past forms, the word after an
    auxiliary, modal, "to" or a negator, and the first lower-case word after a leading name ("Russia vetoes")."""
    past = irregular_forms()  # the lexicon's irregular forms ("struck", "fled", and "shelling")
    out: list[int] = []
    prev = ""
    lead = bool(toks) and toks[0].text[:1].isupper()
    for k, t in enumerate(toks):
        w = t.lower
        if not w[0].isalpha():
            prev = w
            lead = False
            continue
        if t.text[:1].islower():
            if w not in _AUX and (w.endswith("ed") or w in past or prev in _AUX or (lead and w not in _OPENERS)):
                out.append(k)
            if w not in _OPENERS:
                lead = False
        prev = w
    return out


def _names(toks: list[Token]) -> list[bool]:
    """Whether each token of the clause is a capitalized word inside it (not its first word): a name, whose letters
    say nothing of the type. Judged once per clause for the word and the character blocks."""
    return [k > 0 and t.text[:1].isupper() for k, t in enumerate(toks)]


@functools.lru_cache(maxsize=1 << 16)
def _unigram(word: str) -> tuple[str, str, str]:
    """How the word block reads a lower-case token, cached (words repeat): the word with every digit written 0
    ("2011" -> "0000"), its unigram feature ("w:0000") and its stem feature ("s:sanction"; "" for a word that does
    not open with a letter)."""
    w = _DIGITS.sub("0", word)
    return w, f"w:{w}", f"s:{stem(w)}" if w[0].isalpha() else ""


_NAME = ("N", "w:N", "")  # _unigram of a name: no stem


def _word_features(toks: list[Token], names: list[bool]) -> list[str]:
    read = [
        _NAME if name else _unigram(t.lower)
        for t, name in zip(toks, names, strict=True)
        if t.lower[0].isalnum() or t.lower in ("?", "'s")
    ]
    words = [w for w, _, _ in read]
    out = [unigram for _, unigram, _ in read]
    out += [stemmed for _, _, stemmed in read if stemmed]
    padded = ["<s>", *words, "</s>"]
    out += [f"b:{a} {b}" for a, b in zip(padded, padded[1:], strict=False)]
    verbs = _predicates(toks)
    out += [f"v:{stem(toks[k].lower)}" for k in verbs]
    if verbs:
        out.append(f"v1:{stem(toks[verbs[0]].lower)}")
    return out


@functools.lru_cache(maxsize=1 << 16)
def word_chars(word: str) -> tuple[str, ...]:
    """Character n-grams of one lower-case word, padded with a space on each side (cached: words repeat)."""
    padded = f" {word} "
    return tuple([padded[k : k + n] for n in CHAR_NS for k in range(len(padded) - n + 1)])


def _char_words(toks: list[Token], names: list[bool]) -> list[str]:
    """The words whose character n-grams are features (alphabetic tokens but names)."""
    return [t.lower for t, name in zip(toks, names, strict=True) if t.lower[0].isalpha() and not name]


def _rule_features(
    toks: list[Token],
    k0: int,
    k1: int,
    text: str,
    clauses: list[Clause] | None = None,
    cues: list[Cue] | None = None,
) -> list[str]:
    """Rule cues of tokens[k0:k1] read inside the whole sentence (toks); clauses: split_clauses(toks), and cues:
    find_cues(toks, k0, k1), when the caller has them already."""
    out: list[str] = []
    if clauses is None:
        clauses = split_clauses(toks)
    attribution = [c for c in clauses if c.attribution]
    speech_at: int | None = None  # rule_mode.first_speech, found when the first cue outside an attribution needs it
    first = ""
    for cue in find_cues(toks, k0, k1) if cues is None else cues:
        kind = "dated" if cue.dated_only else "cue"
        out += [f"{kind}:{cue.event_type}", f"{kind}p:{cue.phrase}", f"{kind}f:{cue.event_type}|{cue.form}"]
        clause = next((c for c in clauses if c.i0 <= cue.i < c.i1), Clause(k0, k1))
        if clause.attribution:
            out.append("cue_in_attribution")
            continue
        if speech_at is None:
            speech_at = rule_mode.first_speech(toks, attribution)
        speech_before = speech_at < cue.i
        reading = rule_mode.classify(toks, Clause(max(clause.i0, k0), min(clause.i1, k1)), cue, speech_before)
        m = reading.mode or "noun"
        out += [f"{kind}m:{cue.event_type}|{m}", f"rm:{m}"]
        if reading.passive:
            out.append("passive")
        if reading.perfect:
            out.append("perfect")
        if speech_before:
            out.append("speech_before")
        if reading.mode and not first and not cue.dated_only:
            first = cue.event_type
            out += [f"first:{first}", f"firstm:{reading.mode}", f"first:{first}|{reading.mode}"]
    if not first:
        out.append("no_predicate_cue")
    words = [t.lower for t in toks[k0:k1]]
    nouns = _nouns()
    out += [f"noun:{nouns[w]}" for w in words if w in nouns]
    table = _mode_words()
    # (a capital "May" inside the sentence is the month or a name, no modal: rule_mode.auxiliary)
    found = {
        name
        for k, w in enumerate(words, k0)
        if w in table and (w != "may" or rule_mode.auxiliary(toks, k))
        for name in table[w]
    }
    if "n't" in " ".join(words) and any(w.endswith("n't") for w in words):  # (one look at most clauses)
        found.add("neg")
    out += [f"mw:{name}" for name in sorted(found)]
    if text.rstrip().endswith("?"):
        out.append("question")
    if toks[k0 : k0 + 1] and toks[k0].text[:1].islower():
        out.append("starts_lower")
    return out


def features(sentence: str, clause: str | None = None) -> Features:
    """The three feature blocks of a clause (the whole sentence when clause is None)."""
    sentence = sentence[:MAX_CHARS]
    if clause is not None:
        clause = clause[:MAX_CHARS]
    a, b = _span(sentence, clause)
    toks = tokenize(sentence)
    k0 = next((k for k, t in enumerate(toks) if t.start >= a), len(toks))
    k1 = next((k for k, t in enumerate(toks) if t.end > b), len(toks))
    return token_features(toks, k0, k1, sentence[a:b])


def token_features(
    toks: list[Token],
    k0: int,
    k1: int,
    clause_text: str,
    clauses: list[Clause] | None = None,
    cues: list[Cue] | None = None,
) -> Features:
    """The features of the clause toks[k0:k1] of a sentence already tokenized (extract.events.tokens.tokenize of
    the sentence, offsets may be the article's), as features() gives them for its text: the events pipeline's
    classify stage reads its own tokens and clauses (split_clauses(toks)) this way instead of tokenizing again, and
    the cues of a clause that is the whole sentence (find_cues(toks, k0, k1), `cues`). clause_text only tells
    whether the clause ends in a question mark. The caller keeps a sentence within MAX_CHARS (features() cuts a
    longer one)."""
    own = toks[k0:k1]
    if not own:
        return Features([], [], ["empty"])
    names = _names(own)
    return Features(
        _word_features(own, names), _char_words(own, names), _rule_features(toks, k0, k1, clause_text, clauses, cues)
    )
