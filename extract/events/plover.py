"""PLOVER event typing from the cue lexicon in extract/data/plover.toml.

find_cues(tokens, i0, i1) -> list[Cue]: every lexicon phrase found in tokens[i0:i1] (longest match at
each position), with its PLOVER type, quad class, weight and the verb form that matched ("past",
"participle", "ing", "base", "s"). The lexicon is compiled once per process into a dict keyed by
the first word's inflected forms. Linear in the number of tokens.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

from core.schema import PLOVER_TYPES, QUAD_CLASS
from extract.events._data import cues, plover, wordset
from extract.events.tokens import Token
from extract.timex.vocab import number_value
from extract.vocabulary import function_words, past_form

_VOWELS = set("aeiou")


class Cue(NamedTuple):
    """A matched cue: tokens [i, j), the PLOVER type, quad class, weight and the verb's form."""

    i: int
    j: int
    event_type: str
    quad_class: str
    weight: float
    form: str
    phrase: str
    dated_only: bool = False  # a cue of [dated_cues]: an event only when a day-precision date governs it


def inflections(lemma: str, irregular: dict[str, list[str]], doubling: frozenset[str]) -> dict[str, str]:
    """Inflected forms of a verb lemma -> their form name (base, s, past, ing, participle)."""
    forms = {lemma: "base"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms[lemma + "es"] = "s"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms[lemma[:-1] + "ies"] = "s"
    else:
        forms[lemma + "s"] = "s"
    if lemma in doubling:
        stem = lemma + lemma[-1]
        forms[stem + "ed"] = "past"
        forms[stem + "ing"] = "ing"
    elif lemma.endswith("ie"):
        forms[lemma + "d"] = "past"
        forms[lemma[:-2] + "ying"] = "ing"  # "die" -> "dying", "lie" -> "lying"
    elif lemma.endswith("e"):
        forms[lemma + "d"] = "past"
        forms[(lemma[:-1] if not lemma.endswith(("ee", "ye", "oe")) else lemma) + "ing"] = "ing"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms[lemma[:-1] + "ied"] = "past"
        forms[lemma + "ing"] = "ing"
    else:
        forms[lemma + "ed"] = "past"
        forms[lemma + "ing"] = "ing"
    if lemma.endswith("l") and len(lemma) > 2 and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS:
        # British spelling doubles a final "l" after one vowel: "cancelled", "labelling", "travelled"
        forms.setdefault(lemma + "led", "past")
        forms.setdefault(lemma + "ling", "ing")
    for extra in irregular.get(lemma, []):
        forms.setdefault(extra, "ing" if extra.endswith("ing") else "past")
    return forms


def modifiers_most() -> int:
    """How many modifier words may stand between a cue's determiner and its noun ([modifiers].most)."""
    return int(plover().get("modifiers", {}).get("most", 3))


@functools.cache
def irregular_forms() -> frozenset[str]:
    """Every extra form of the lexicon's [irregular] table: past forms ("brought", "struck") and the few
    irregular -ing forms ("shelling")."""
    return frozenset(f for forms in plover().get("irregular", {}).values() for f in forms)


@functools.cache
def irregular_pasts() -> frozenset[str]:
    """The irregular past forms of the lexicon's [irregular] table ("brought", "sent", "gave")."""
    return frozenset(f for f in irregular_forms() if not f.endswith("ing"))


@functools.cache
def unchanged_pasts() -> frozenset[str]:
    """Lemmas of the [irregular] table whose past is the lemma itself ("cut", "hit", "shut"): outside an
    infinitive, a modal or "do", such a form in news tells a past deed, not a habit."""
    return frozenset(lemma for lemma, forms in plover().get("irregular", {}).items() if lemma in forms)


@functools.cache
def _commands() -> frozenset[str]:
    """[dated_commands].verbs: verbs of [dated_cues] that name a deed without a day when what they command
    follows ("ordered French troops to leave")."""
    return frozenset(plover().get("dated_commands", {}).get("verbs", []))


def _commanded(tokens: list[Token], j: int, i1: int) -> str:
    """What an order commands when "to" and a verb follow within fifteen words after j, before any punctuation
    but a comma that opens no relative clause: "going" for a verb of going ([dated_commands].contents: "ordered
    the ambassador to leave", "ordered diplomats from seven countries, including Argentina and Peru, to leave");
    "party" when a named party other than forces is told what to do ("ordered Israel to halt its offensive",
    "ordered BP to pay": [dated_commands].party_type); "" otherwise ("ordered an inquiry", "ordered troops to
    withdraw", whose withdrawal is the happening)."""
    spec = plover().get("dated_commands", {})
    for k in range(j, min(i1, j + 16) - 1):
        if tokens[k].text == "," and k + 1 < i1 and tokens[k + 1].lower not in wordset("clauses", "relative"):
            continue  # "ordered diplomats from seven countries, including Argentina, Chile and Peru, to leave"
        if not tokens[k].text[:1].isalnum():
            return ""
        if tokens[k].lower == "to":
            content = tokens[k + 1]
            if content.lower in spec.get("contents", ()):
                return "going"
            party = tokens[j:k]
            if (
                content.text.isalpha()
                and content.text.islower()
                and content.lower not in function_words()
                and any(t.text[:1].isupper() for t in party)
                and not any(t.lower in wordset("roles", "troop_nouns") for t in party)
            ):
                return "party"
            return ""
    return ""


def verb_forms(lemma: str) -> dict[str, str]:
    """Inflected forms of a verb lemma with the lexicon's irregular forms and doubled finals (inflections)."""
    lex = plover()
    return inflections(lemma, lex.get("irregular", {}), frozenset(lex.get("double_final", {}).get("verbs", [])))


@functools.cache
def _index() -> dict[str, list[tuple[tuple[str, ...], str, float, str, str, bool]]]:
    """first word form -> [(following words, type, weight, form, phrase, dated only)], longest phrases first.

    [types.X] cues come first; [dated_cues] (happenings outside politics: "explode", "die") add the phrases
    not already listed, flagged dated only."""
    lex = plover()
    index: dict[str, list] = {}
    seen: set[str] = set()
    dated = dict(lex.get("dated_cues", {}))
    dated_weight = float(dated.pop("weight", 0.5))
    tables = [(etype, float(spec.get("weight", 0.6)), spec["cues"], False) for etype, spec in lex["types"].items()]
    tables += [(etype, dated_weight, phrases, True) for etype, phrases in dated.items()]
    # deeds named by a verb of saying ("deny access"), listed once under [speech_acts.deeds] by their type
    tables += [
        (etype, float(lex["types"][etype].get("weight", 0.6)), phrases, False)
        for etype, phrases in lex.get("speech_acts", {}).get("deeds", {}).items()
    ]
    for etype, weight, phrases, dated_only in tables:
        if etype not in PLOVER_TYPES:
            raise ValueError(f"plover.toml: unknown PLOVER type {etype!r}")
        for phrase in phrases:
            if phrase in seen:
                continue
            seen.add(phrase)
            words = phrase.split()
            for form, form_name in verb_forms(words[0]).items():
                index.setdefault(form, []).append((tuple(words[1:]), etype, weight, form_name, phrase, dated_only))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_LOWER_WORD = re.compile(r"[a-z]+")


def may_hold_cue(lower_text: str, start: int, end: int) -> bool:
    """Cheap pre-check on lower-cased text: does text[start:end] hold a cue's first word or a happening noun?"""
    return not _precheck_words().isdisjoint(_LOWER_WORD.findall(lower_text, start, end))


@functools.cache
def _precheck_words() -> frozenset[str]:
    """The words may_hold_cue looks for, in one set: the first word forms of the lexicon's phrases, happening
    nouns, verbs of naming and advising, and the nouns of standing talks."""
    return (
        frozenset(_index())
        | frozenset(_nouns())
        | frozenset(_evaluations()["forms"])
        | frozenset(_advice_spec()["forms"])
        | _talks()["nouns"]
    )


def find_cues(tokens: list[Token], i0: int = 0, i1: int | None = None) -> list[Cue]:
    """Cue phrases in tokens[i0:i1], left to right, longest match at each start, non-overlapping.

    A cue word written with a capital inside a sentence ("March", "Strike Force") is a name, not a verb.
    """
    index = _index()
    talk_nouns = _talks()["nouns"]
    special, openers, terms = _special_words(), _cue_openers(), _terms()
    i1 = len(tokens) if i1 is None else i1
    out: list[Cue] = []
    i = i0
    while i < i1:
        tok = tokens[i]
        if tok.lower not in openers:
            i += 1  # most words open no cue of any kind: skip them with one look-up
            continue
        if tok.lower in talk_nouns and _standing_talks(tokens, i0, i, i1, out):
            i += 2  # "in talks with": the noun and "with" are read
            continue
        if i > 0 and tokens[i - 1].lower in terms.get(tok.lower, ()):
            i += 1  # "the top kill", "a junk shot": a technique's name, no happening of the cue's type
            continue
        if tok.text[0].islower() or i == 0:
            for rest, etype, weight, form, phrase, dated_only in index.get(tok.lower, ()):  # longest first
                n = len(rest)
                if n and rest[0] == "...":  # "take ... hostage": the verb is the cue when the words follow it
                    at = gap_words_at(tokens, i + 1, i1, phrase)
                    if at < 0:
                        continue
                    n = n - 1 if at == i + 1 else 0  # with nothing between, the words are the cue's ("denied access")
                elif n and (
                    i + 1 + n > i1
                    or tokens[i + 1].lower != rest[0]  # (most phrases part at their second word)
                    or any(tokens[i + 1 + k].lower != rest[k] for k in range(1, n))
                ):
                    end = _modified(tokens, i, i1, rest)
                    if end is None:
                        continue
                    n = end - i - 1
                if dated_only and phrase in _commands():
                    command = _commanded(tokens, i + 1 + n, i1)
                    if command:  # "ordered French troops to leave": an order with its content is a deed
                        dated_only = False
                    if command == "party":  # "ordered Israel to halt": a demand on Israel, not Israel's halt
                        etype = plover()["dated_commands"]["party_type"]
                out.append(Cue(i, i + 1 + n, etype, QUAD_CLASS[etype], weight, form, phrase, dated_only))
                i += n
                break
            else:  # no phrase of the lexicon: a verb of naming with a judgement, or advice, may still be one
                if tok.lower not in special:
                    i += 1
                    continue
                n_before = len(out)
                _evaluation(tokens, i, i1, out)
                if len(out) == n_before:
                    _phone_call(tokens, i, i1, out)
                if len(out) == n_before:
                    _wish(tokens, i, i1, out)
                if len(out) == n_before:
                    _done_noun(tokens, i, i1, out)
                if len(out) == n_before:
                    _supported_noun(tokens, i0, i, out)
                _advice(tokens, i, i1, out)
        i += 1
    return out


GAP_MOST = 8  # words a "verb ... words" cue may hold between its verb and its words


@functools.cache
def _gap_particles() -> frozenset[str]:
    """[modifiers].gap_particles: words (or two-word phrases) no gap of a "verb ... words" cue may open with."""
    return frozenset(plover().get("modifiers", {}).get("gap_particles", []))


def gap_words_at(tokens: list[Token], j: int, i1: int, phrase: str) -> int:
    """Where the words after "..." of a "verb ... words" phrase stand, within GAP_MOST words from tokens[j] and
    before a stop (. ; : or a quotation mark): the object of "took 200 people hostage" lies between j and that
    index. -1 when they do not follow."""
    words = phrase.split(" ... ", 1)[1].split()
    n = len(words)
    particles = _gap_particles()
    if j < i1 and (" ".join(t.lower for t in tokens[j : j + 2]) in particles or tokens[j].lower in particles):
        return -1  # a particle of another verb: "pressed ahead with", "pressed on with its offensive ... to defeat"
    for k in range(j, min(i1 - n + 1, j + GAP_MOST + 1)):
        if tokens[k].text in (".", ";", ":", '"', "“", "”"):
            return -1
        if all(tokens[k + q].lower == words[q] for q in range(n)):
            return k
    return -1


@functools.cache
def _special_words() -> frozenset[str]:
    """Words that may open a cue outside the lexicon's phrases: verbs of naming, calling and advising, and
    nouns of happening (find_cues reads no other word further)."""
    return (
        frozenset(_evaluations()["forms"])
        | frozenset(_calls()["forms"])
        | frozenset(_advice_spec()["forms"])
        | frozenset(_wishes()["forms"])
        | frozenset(_nouns())
    )


@functools.cache
def _terms() -> dict[str, frozenset[str]]:
    """[terms].names: two-word names of a technique whose second word is a cue word ("top kill", "junk shot"),
    as cue word -> the words before it that make it the term."""
    out: dict[str, set[str]] = {}
    for name in plover().get("terms", {}).get("names", []):
        first, last = name.lower().split()
        out.setdefault(last, set()).add(first)
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def _cue_openers() -> frozenset[str]:
    """Every word find_cues reads further: the first word forms of the lexicon's phrases (_index), the nouns of
    standing talks and the special words. find_cues passes over any other word at once (speed: most words of a
    sentence are none of these)."""
    return frozenset(_index()) | _talks()["nouns"] | _special_words()


JUDGEMENTS = ("condemn", "praise")  # the phrases of the cues _evaluation makes (blame, praise)


def _evaluation(tokens: list[Token], i: int, i1: int, out: list[Cue]) -> None:
    """A verb of naming with a judgement after it is a speech act (plover.toml [evaluations]): "called the
    revolt a betrayal" condemns (ACCUSE), "described Cook as an outstanding talent" praises (SUPPORT)."""
    spec = _evaluations()
    form = spec["forms"].get(tokens[i].lower)
    if form is None or (i > 0 and tokens[i - 1].lower in ("the", "a", "an", "long", "short", "so")):
        return  # a noun ("the call", "in the long term") or "so called"
    start, judgements = i + 1, (("negative", "ACCUSE", JUDGEMENTS[0]), ("positive", "SUPPORT", JUDGEMENTS[1]))
    saying = tokens[i].lower in spec["saying"]
    if saying:
        # a verb of saying praises; what it says in blame is often a more precise act ("said Iran had made a big
        # mistake and would pay for it" threatens), so blame counts only when what is said holds no cue of its
        # own ("said it was disappointed that the firm had failed"); a negation turns praise round ("nothing to
        # be proud of")
        while start < i1 and tokens[start].lower in spec["said_when"]:
            start += 1  # "said on Tuesday that", "said last night": when it was said
        if start < i1 and tokens[start].lower == "that":
            start += 1  # "said that he was grateful": what is said follows
    for k in range(start, min(i1, start + spec["window"])):
        w = tokens[k].lower
        if w in spec["stops"] or (saying and w in spec["negators"]):
            break
        for words, etype, phrase in judgements:
            if w in spec[words]:
                if (
                    saying
                    and etype == "ACCUSE"
                    and (w in spec["plain_after_saying"] or find_cues(tokens, start, _sentence_stop(tokens, start, i1)))
                ):
                    return
                out.append(Cue(i, i + 1, etype, QUAD_CLASS[etype], spec["weight"], form, phrase))
                return


def _sentence_stop(tokens: list[Token], start: int, i1: int) -> int:
    """The index of the first full stop, semicolon or colon at or after start (i1 when there is none)."""
    return next((k for k in range(start, i1) if tokens[k].text in (".", ";", ":")), i1)


def _phone_call(tokens: list[Token], i: int, i1: int, out: list[Cue]) -> None:
    """A verb of calling right after its subject's name (or a pronoun or adverb) and right before a name that
    ends its phrase is a telephone call (plover.toml [calls], CONSULT): "Macron called Zelensky on Monday", not
    "a group called the Islamic State" nor "called Zelensky a comedian"."""
    spec = _calls()
    form = spec["forms"].get(tokens[i].lower)
    if form is None or i == 0 or i + 1 >= i1:
        return
    before, name = tokens[i - 1], tokens[i + 1]
    if not (before.text[:1].isupper() or before.lower in spec["before"]):
        return
    if not name.text[:1].isupper() or name.lower in spec["not_names"]:
        return
    k = i + 2
    while k < i1 and tokens[k].text[:1].isupper():
        k += 1  # the rest of the name ("Volodymyr Zelensky")
    if k < i1 and tokens[k].lower not in spec["after"] and not tokens[k].lower.endswith(("'s", "’s")):
        return
    out.append(Cue(i, i + 1, "CONSULT", QUAD_CLASS["CONSULT"], spec["weight"], form, "phone"))


def _wish(tokens: list[Token], i: int, i1: int, out: list[Cue]) -> None:
    """A verb of wanting followed by a name (after "the" at most) and "to" with a verb is a demand on that party
    (plover.toml [wishes], REQUEST): "Obama wants BP to pay money into a fund", not "wants to pay" (a wish of the
    subject's own) nor "wants the money to go" (no party)."""
    spec = _wishes()
    form = spec["forms"].get(tokens[i].lower)
    if form is None:
        return
    k = i + 1
    if k < i1 and tokens[k].lower == "the":
        k += 1
    start = k
    while k < i1 and tokens[k].text[:1].isupper() and tokens[k].text[:1].isalpha():
        k += 1  # the party's name ("BP", "the European Union")
    if k == start or k + 1 >= i1 or tokens[k].lower != "to" or not tokens[k + 1].text[:1].islower():
        return
    out.append(Cue(i, i + 1, "REQUEST", QUAD_CLASS["REQUEST"], spec["weight"], form, "want"))


@functools.cache
def _wishes() -> dict:
    return _verb_spec("wishes", (), 0, 0.5)


@functools.cache
def _talks() -> dict:
    spec = plover().get("standing_talks", {})
    return {
        "nouns": frozenset(spec.get("nouns", ())) | frozenset(spec.get("contact", ())),
        "contact": frozenset(spec.get("contact", ())),
        "contact_adjectives": frozenset(spec.get("contact_adjectives", ())),
        "adjectives": frozenset(spec.get("adjectives", ())),
        "adverbs": frozenset(spec.get("adverbs", ())),
        "weight": float(spec.get("weight", 0.6)),
    }


# the form of "be" that carries a standing state: "is in talks" goes on now, read like "is talking" (an -ing
# form: mode.classify), "was in talks" is a past, "will be in talks" a base after its modal
_BE_FORMS = {
    "is": "ing",
    "'s": "ing",
    "am": "ing",
    "are": "ing",
    "be": "base",
    "was": "past",
    "were": "past",
    "been": "past",
    "being": "ing",
}


def _standing_talks(tokens: list[Token], i0: int, i: int, i1: int, out: list[Cue]) -> bool:
    """Being in talks, or in touch, with someone is consulting them (plover.toml [standing_talks], CONSULT):
    "BP was in talks with the Kuwaiti Investment Authority", "has been in daily contact with officials". The
    cue runs from the verb "be" to "with", so its subject is the source and what follows "with" the target.
    "contact" counts only after one of `contact_adjectives` ("had been in close contact with the boy" spreads
    a disease). Whether it found one."""
    spec = _talks()
    word = tokens[i].lower
    if word not in spec["nouns"] or i + 1 >= i1 or tokens[i + 1].lower != "with":
        return False
    k = i - 1
    adjectives = []
    while k >= i0 and tokens[k].lower in spec["adjectives"]:
        adjectives.append(tokens[k].lower)
        k -= 1
    if word in spec["contact"] and not spec["contact_adjectives"] & set(adjectives):
        return False
    if k < i0 or tokens[k].lower != "in":
        return False
    k -= 1
    while k >= i0 and tokens[k].lower in spec["adverbs"]:
        k -= 1
    form = _BE_FORMS.get(tokens[k].lower) if k >= i0 else None
    if form is None or (out and out[-1].j > k):
        return False
    out.append(Cue(k, i + 2, "CONSULT", QUAD_CLASS["CONSULT"], spec["weight"], form, "in talks with"))
    return True


def passive_participle(tokens: list[Token], j: int, end: int) -> int:
    """Index of the past participle of a passive that starts at tokens[j], right after its subject noun, or -1:
    "were imposed", "have been held", "will be signed", "were swiftly imposed", "are being held". The stretch ends
    at `end`."""
    be, have = wordset("mode", "be"), wordset("mode", "have")
    k = j
    if k < end and (tokens[k].lower in have or tokens[k].lower in wordset("mode", "future")):
        k += 1
    if not (k < end and tokens[k].lower in be):
        return -1
    k += 1
    if k < end and tokens[k].lower in ("been", "being"):
        k += 1
    if k < end and tokens[k].lower.endswith("ly"):
        k += 1
    return k if k < end and (past_form(tokens[k].text) or tokens[k].lower in irregular_pasts()) else -1


@functools.cache
def support_forms() -> dict[tuple[str, ...], tuple[str, bool]]:
    """The forms of [mode].support_verbs and .calling_off as word tuples -> (form name, whether the verb calls the
    happening off): "carried out" -> ("past", False), "cancelled" -> ("past", True)."""
    out: dict[tuple[str, ...], tuple[str, bool]] = {}
    for key, off in (("support_verbs", False), ("calling_off", True)):
        for phrase in wordset("mode", key):
            head, *rest = phrase.split()
            for form, name in verb_forms(head).items():
                out[(form, *rest)] = (name, off)
    return out


@functools.cache
def _support_breaks() -> frozenset[str]:
    """Words that cannot stand between a support verb and its object: the English function words but the
    determiners and possessives a noun phrase opens with."""
    return function_words("en") - {"a", "an", "the", "this", "its", "his", "her", "their"}


class Support(NamedTuple):
    """The support verb of a noun cue (support_verb): its token span, its form, whether the happening is negated
    ("made no arrests", or called off), and whether the verb calls it off ("cancelled a planned meeting")."""

    start: int
    end: int
    form: str
    negated: bool
    off: bool


def support_verb(tokens: list[Token], lo: int, cue: Cue) -> Support | None:
    """The support verb whose object the noun cue at tokens[cue.i] is ("carried out raids", "made no arrests"; a
    verb of calling off negates it, also before an -ing noun: "cancelled a planned meeting", "postponed his
    visit"), or None."""
    # an -ing noun ends at its word even where its cue phrase runs on ("meeting with" of "meet with")
    if cue.form not in ("base", "s", "ing") or not ends_noun_phrase(tokens, cue.i + 1 if cue.form == "ing" else cue.j):
        return None
    forms = support_forms()
    prepositions, breaks = wordset("roles", "prepositions"), _support_breaks()
    negated = determined = False
    for k in range(cue.i - 1, max(lo, cue.i - 2 - modifiers_most()) - 1, -1):
        for n in (2, 1):
            words = tuple(tokens[x].lower for x in range(k - n + 1, k + 1)) if k - n + 1 >= lo else ()
            if words in forms:
                form, off = forms[words]
                if cue.form == "ing" and not off:
                    return None  # "launched a bombing campaign" is read where it stands
                return Support(k - n + 1, k + 1, form, negated or off, off)
        w = tokens[k].lower
        if determined:
            return None  # the verb stands right before the determiner: "make clear no pork ban" is no ban made
        if w in ("a", "an", "the", "no") or (k > lo and w.endswith(("'s", "’s"))):
            negated, determined = w == "no", True  # "ordered Russia's first mobilisation": a possessive determines
        elif w in prepositions or w in breaks or not (tokens[k].text.islower() or w[:1].isdigit()):
            return None  # "took the stage to thank": no object of "stage"
    return None


def _supported_noun(tokens: list[Token], i0: int, i: int, out: list[Cue]) -> None:
    """A noun of happening ([nouns]) that no lexicon phrase covers, as the object of a support verb
    ([mode].support_verbs, support_verb: "ordered Russia's first mobilisation", "carried out an evacuation") is a
    cue of form "base", weighted like a noun done in the passive ([passive_nouns].weight); mode.py reads it in
    that verb's tense."""
    etype = noun_type(tokens[i].lower)
    if not etype or (out and out[-1].j > i):
        return
    cue = Cue(
        i,
        i + 1,
        etype,
        QUAD_CLASS[etype],
        float(plover().get("passive_nouns", {}).get("weight", 0.6)),
        "base",
        tokens[i].lower,
    )
    support = support_verb(tokens, i0, cue)
    if support is not None and not support.off:
        out.append(cue)


def _done_noun(tokens: list[Token], i: int, i1: int, out: list[Cue]) -> None:
    """A noun of happening ([nouns]) that is the subject of a passive of doing ([passive_nouns].participles:
    "Talks were held in Doha", "A ceasefire was agreed on Monday") is a cue of form "noun"; mode.py reads it
    as that passive."""
    etype = noun_type(tokens[i].lower)
    if not etype:
        return
    spec = plover().get("passive_nouns", {})
    k = noun_passive(tokens, i + 1, i1)
    if (k >= 0 and tokens[k].lower in spec.get("participles", ())) or in_force(tokens, i + 1, i1):
        out.append(Cue(i, i + 1, etype, QUAD_CLASS[etype], float(spec.get("weight", 0.6)), "noun", tokens[i].lower))


@functools.cache
def _in_force_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the [passive_nouns].in_force phrases opening with it, as word tuples."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in plover().get("passive_nouns", {}).get("in_force", ()):
        words = tuple(p.split())
        out.setdefault(words[0], []).append(words)
    return {w: tuple(ps) for w, ps in out.items()}


def after_scope(tokens: list[Token], k: int, i1: int) -> list[int]:
    """Where the verb of a noun subject may stand: at k, or after a short phrase of place or scope opening at k
    ("A ceasefire in Gaza took effect", "Talks between the rebels and Kinshasa are being held"), with no clause
    break on the way."""
    if k >= i1 or tokens[k].lower not in plover().get("passive_nouns", {}).get("scope_openers", ()):
        return [k]
    out = []
    for n in range(k + 2, min(i1, k + 9)):
        if not all(t.text.isalnum() or t.text in ("-", "%") for t in tokens[k:n]):
            break
        out.append(n)
    return out


def noun_passive(tokens: list[Token], k: int, i1: int) -> int:
    """passive_participle for a noun subject ending before k: right after it or after a short phrase of place or
    scope (after_scope); -1 when there is none."""
    return next((p for n in after_scope(tokens, k, i1) if (p := passive_participle(tokens, n, i1)) >= 0), -1)


def in_force(tokens: list[Token], k: int, i1: int) -> bool:
    """True when a verb of coming into force ([passive_nouns].in_force) follows at k, or after a short phrase of
    place or scope (after_scope: "A ceasefire in Gaza took effect", "A tariff on all Chinese imports took
    effect")."""
    phrases = _in_force_phrases()
    return any(
        tuple(t.lower for t in tokens[n : n + len(p)]) == p
        for n in after_scope(tokens, k, i1)
        if n < len(tokens)
        for p in phrases.get(tokens[n].lower, ())
    )


@functools.cache
def _calls() -> dict:
    return _verb_spec("calls", ("before", "after", "not_names"), 0, 0.6)


def _advice(tokens: list[Token], i: int, i1: int, out: list[Cue]) -> None:
    """A verb of saying followed by what others should do is a request (plover.toml [advice]): "said people
    should seek medical advice" asks them to (REQUEST)."""
    spec = _advice_spec()
    form = spec["forms"].get(tokens[i].lower)
    if form is None or (out and out[-1].j > i - 8):
        return  # a cue just before ("warned that ...", "agreed ... and said") keeps the clause
    for k in range(i + 1, min(i1, i + 1 + spec["window"])):
        w = tokens[k].lower
        if w in spec["stops"]:
            return
        if w in spec["obligations"]:
            nxt = next((t.lower for t in tokens[k + 1 : i1] if t.lower not in spec["adverbs"]), "")
            if nxt != "be":  # "said the drug should never be used ...": a rule stated, no one asked to act
                out.append(Cue(i, i + 1, "REQUEST", QUAD_CLASS["REQUEST"], spec["weight"], form, "advise"))
            return


def _verb_spec(table: str, lists: tuple[str, ...], window: int, weight: float) -> dict:
    """A plover.toml table of verbs that make a cue with certain words after them ([evaluations], [advice]): the
    verbs' inflected forms, the window, the weight, and each word list as a set."""
    spec = plover().get(table, {})
    forms: dict[str, str] = {}
    for verb in spec.get("verbs", []):
        forms.update(verb_forms(verb))
    out = {"forms": forms, "window": int(spec.get("window", window)), "weight": float(spec.get("weight", weight))}
    out.update({name: frozenset(spec.get(name, [])) for name in lists})
    return out


@functools.cache
def _advice_spec() -> dict:
    return _verb_spec("advice", ("stops", "obligations", "adverbs"), 10, 0.55)


def said_when() -> frozenset[str]:
    """Words of when something was said or done, passed over after a verb ("said on Tuesday that", "vowed on Monday
    to"): plover.toml [evaluations].said_when."""
    return _evaluations()["said_when"]


@functools.cache
def _evaluations() -> dict:
    spec = _verb_spec("evaluations", ("stops", "negative", "positive"), 8, 0.6)
    saying = plover().get("evaluations", {}).get("saying", [])
    spec["saying"] = frozenset(f for verb in saying for f in verb_forms(verb))
    spec["negators"] = wordset("mode", "negators") | {"nothing"}  # "nothing to be proud of"
    spec["plain_after_saying"] = frozenset(plover().get("evaluations", {}).get("plain_after_saying", []))
    spec["said_when"] = frozenset(plover().get("evaluations", {}).get("said_when", []))
    for verb in saying:
        spec["forms"].update(verb_forms(verb))
    return spec


# An article or a possessive that may open the noun phrase of a "verb + noun" cue.
_CUE_DETERMINERS = ("a", "an", "the", "their", "its", "his", "her", "our")
_OBJECT_DETERMINERS = (*_CUE_DETERMINERS, "another", "more", "further", "some", "all")  # "sent another 2,000 troops"


def _modified(tokens: list[Token], i: int, i1: int, rest: tuple[str, ...]) -> int | None:
    """The end of a "verb + a/an/the + noun" cue (rest: the determiner and the noun), or of a "verb + noun of
    happening" cue (rest: the noun), written with a determiner (an article or a possessive) and modifiers before
    its noun ("filed a wrongful death lawsuit", "launched its fresh investigation", "held their first formal
    bilateral talks"; plover.toml [modifiers]), when the noun ends its phrase; None when there is no such
    match."""
    n = len(rest)
    articles = ("a", "an", "the")  # any of them: "launched a fresh investigation" is "launch an investigation"
    determiners = _CUE_DETERMINERS  # "held their first formal bilateral talks"
    if (
        n == 1
        and rest[0] in _PARTICLES
        and i + 2 < i1
        and tokens[i + 1].lower.endswith("ly")
        and tokens[i + 1].text.islower()
        and tokens[i + 2].lower == rest[0]
    ):
        return i + 3  # "talking directly with", "cooperate closely with": an adverb before the verb's particle
    if n == 1 and rest[0] in _objects():
        return _object_end(tokens, i, i1, rest[0])
    if n == 2 and rest[0] in _MODIFIED_PREPOSITIONS and i + 2 < i1 and tokens[i + 1].lower == rest[0]:
        # "came under heavy criticism", "put into forced quarantine": lower-case modifiers after the preposition
        for k in range(i + 3, min(i1, i + 3 + modifiers_most())):
            if not (tokens[k - 1].text.isalpha() and tokens[k - 1].text.islower()):
                return None
            if tokens[k].lower == rest[1]:
                return k + 1
        return None
    if n == 2 and rest[0] in articles:
        noun, first = rest[1], i + 3  # "verb + a/an/the + noun": one modifier or more (none is the phrase itself)
    elif n == 1 and noun_type(rest[0]):
        noun, first = rest[0], i + 2  # "verb + noun of happening" ("hold talks"): a determiner, then any modifiers
    else:
        return None
    if i + 2 >= i1 or tokens[i + 1].lower not in determiners:
        return None
    for k in range(first, min(i1, i + 3 + modifiers_most() + 2)):
        if not all(t.text[:1].islower() or t.text[:1].isdigit() or t.text[:1] == "$" for t in tokens[i + 2 : k]):
            return None
        # a sum is one modifier ("struck a $900 million oil deal")
        if sum(t.text not in _sums() for t in tokens[i + 2 : k]) > modifiers_most():
            return None
        if tokens[k].lower == noun:
            return k + 1 if ends_noun_phrase(tokens, k + 1, i1) else None
    return None


_PARTICLES = frozenset({"with", "to", "on", "for", "against", "into", "out", "down", "back", "off", "up", "at"})
_MODIFIED_PREPOSITIONS = frozenset({"under", "into", "in"})  # "verb + preposition + noun" cues that take modifiers


@functools.cache
def _objects() -> frozenset[str]:
    return frozenset(plover().get("modifiers", {}).get("objects", []))


@functools.cache
def _sums() -> frozenset[str]:
    return frozenset(plover().get("modifiers", {}).get("sums", []))


def sum_word(token: Token) -> bool:
    """True for a word of a sum of money or a figure ("$", "20", "bn", "million": [modifiers].sums)."""
    return token.lower in _sums() or token.text[:1].isdigit()


@functools.cache
def _quantities() -> frozenset[str]:
    return frozenset(plover().get("modifiers", {}).get("quantities", []))


def _object_end(tokens: list[Token], i: int, i1: int, noun: str) -> int | None:
    """The end of a "verb + noun of what is sent" cue ([modifiers].objects) written with words before its noun: an
    optional determiner, then up to [modifiers].most lower-case words, figures or capitalized words of a name, no
    function word among them but "of" after a quantity or one before a figure ("sent 3,000 troops", "sent about
    12,000 soldiers", "sent Storm Shadow missiles", "fired thousands of rockets"; not "sent a letter to the
    troops"); None when there is no such match."""
    k = i + 1
    if k < i1 and tokens[k].lower in _OBJECT_DETERMINERS:
        k += 1
    # a sum is one modifier, "in" after it none ("sent another $300 million in weapons")
    for end in range(k, min(i1, k + 4 + modifiers_most())):  # "expressed his gratitude", "sent 3,000 troops"
        if tokens[end].lower == noun:
            words = tokens[k:end]
            quantities = _quantities()
            fits = all(
                (t.text[:1].isalnum() or t.text[:1] == "$")
                and (
                    t.lower not in function_words()
                    or (t.lower == "of" and n > 0 and words[n - 1].lower in quantities)
                    or (t.lower == "in" and n > 0 and sum_word(words[n - 1]))
                    or (n + 1 < len(words) and words[n + 1].text[:1].isdigit())  # "about 12,000 soldiers"
                )
                for n, t in enumerate(words)
            )
            fits = fits and _modifier_count(words) <= modifiers_most()
            # "out" after the noun is the verb's particle: "pull some troops out of Gaza"
            out = end + 1 < i1 and tokens[end + 1].lower == "out"
            return end + 1 if fits and (ends_noun_phrase(tokens, end + 1, i1) or out) else None
    return None


def _modifier_count(words: list[Token]) -> int:
    """How many modifiers stand before a noun of what is sent: figures, sums, number words and "more" after a
    number count for nothing, a run of capitalized words (a system's name) counts once ("two more Patriot air
    defence systems": three)."""
    n = 0
    for k, t in enumerate(words):
        if sum_word(t) or t.lower == "in" or number_value(t.text) is not None:
            continue
        if t.lower in _OBJECT_DETERMINERS and k > 0 and number_value(words[k - 1].text) is not None:
            continue  # "two more"
        if t.text[:1].isupper() and k > 0 and words[k - 1].text[:1].isupper():
            continue  # "Storm Shadow"
        n += 1
    return n


@functools.cache
def modifier_ends() -> frozenset[str]:
    return frozenset(plover().get("modifiers", {}).get("after", []))


def ends_noun_phrase(tokens: list[Token], j: int, end: int | None = None) -> bool:
    """True when the noun before tokens[j] ends its phrase: the stretch (tokens[:end]) ends, punctuation or one of
    [modifiers].after follows ("raids in Gaza", not "attack plans")."""
    end = len(tokens) if end is None else end
    return j >= end or not tokens[j].text[:1].isalnum() or tokens[j].lower in modifier_ends()


@functools.cache
def _nouns() -> dict[str, str]:
    """happening noun -> PLOVER type (the [nouns] table of plover.toml; the first type listed wins)."""
    out: dict[str, str] = {}
    for etype, words in plover().get("nouns", {}).items():
        if etype not in PLOVER_TYPES:
            raise ValueError(f"plover.toml [nouns]: unknown PLOVER type {etype!r}")
        for w in words:
            out.setdefault(w, etype)
    return out


def noun_type(word: str) -> str:
    """PLOVER type of a happening noun ("attack" -> ASSAULT); "" for other words."""
    return _nouns().get(word.lower(), "")


@functools.cache
def _speech_acts() -> frozenset[str]:
    return frozenset(plover().get("speech_acts", {}).get("lemmas", []))


def is_speech_act(cue: Cue) -> bool:
    """True when the cue's phrase is an act of saying (plover.toml [speech_acts]): "accused", "warned"."""
    return cue.phrase in _speech_acts()


def is_deed_of_saying_verb(cue: Cue) -> bool:
    """True when the cue is a phrase of a verb of saying that names a deed ([speech_acts.deeds]: "denied
    access", "refused entry"): done, whatever the verb alone would say."""
    return cue.phrase in _speech_deeds()


@functools.cache
def _speech_deeds() -> frozenset[str]:
    deeds = plover().get("speech_acts", {}).get("deeds", {})
    return frozenset(phrase for phrases in deeds.values() for phrase in phrases)


# Cues that name no happening where they stand (extract/events/data/cues.toml [nonevent]) -----------------


@functools.cache
def _nonevent(key: str) -> frozenset[str]:
    return wordset("nonevent", key)


def purpose_of_passive(tokens: list[Token], cue: Cue) -> bool:
    """True for a verb cue in the infinitive that tells what a thing was made or put on for ("The song was released
    on Friday to raise money for flood victims", "the concert was organised to raise funds"): an aim, no happening
    of its own. The passive ("was" + a participle of making, [nonevent].made) stands within the six words before
    "to"."""
    i = cue.i
    if cue.form != "base" or i < 3 or tokens[i - 1].lower != "to":
        return False
    for k in range(i - 2, max(0, i - 8), -1):
        if tokens[k].text in ",;:":
            return False
        if tokens[k - 1].lower in wordset("mode", "be") and tokens[k].lower in _nonevent("made"):
            return True
    return False


def reduced_relative(tokens: list[Token], cue: Cue) -> bool:
    """True for a participle that only describes a noun before it: "new video released by BP showed",
    "in a statement released by Downing Street", "the medicines recognized by the WHO as effective". The
    noun follows a determiner within three lower-case words, or (not for an assault: "reports of protesters
    killed by police" tell a killing) a preposition right before it ("from video released by BP"), and
    "by"/"as" follows the participle; an auxiliary before it ("was released by") makes it a passive predicate
    instead."""
    i = cue.i
    if cue.form != "past" or i < 2 or cue.j >= len(tokens) or tokens[cue.j].lower not in _nonevent("after_participle"):
        return False
    prev = tokens[i - 1]
    if not (prev.text.isalpha() and prev.text.islower()) or prev.lower in _nonevent("not_nouns"):
        return False
    if prev.lower.endswith("ly"):
        return False
    determiners = _nonevent("determiners")
    for k in range(i - 2, max(-1, i - 5), -1):
        word = tokens[k]
        if word.lower in determiners:
            return True
        if k == i - 2 and cue.event_type != "ASSAULT" and word.lower in _nonevent("participle_prepositions"):
            return True  # a bare noun after a preposition: "made from video released by BP"
        if not word.text.isalpha() or word.lower in _nonevent("not_nouns") or (word.text[0].isupper() and k > 0):
            return False
    return False


@functools.lru_cache(maxsize=4)
def _text_words(lower_text: str) -> frozenset[str]:
    """The words of a lower-cased article text, read once: the events pipeline asks armed_text three times and
    violent_text once about the same article."""
    return frozenset(_LOWER_WORD.findall(lower_text))


def armed_text(lower_text: str) -> bool:
    """True when the article speaks of weapons or armed attackers ("bomb", "militants"): an explosion or a
    fire may then be an attack; otherwise it is an accident."""
    return not _nonevent("weapons").isdisjoint(_text_words(lower_text))


def violent_text(lower_text: str) -> bool:
    """True when the article speaks of weapons or armed attackers (armed_text) or of war and armed violence
    ("troops", "fighting", "shot"; [nonevent].violence): a death with no doer named may then be an attack."""
    return not (_nonevent("weapons") | _nonevent("violence")).isdisjoint(_text_words(lower_text))


def accident_noun(word: str) -> bool:
    """True for a noun of an accident or a natural force ("explosion", "quake", "virus")."""
    return word.lower() in _nonevent("accidents")


def accident_subject(tokens: list[Token], lo: int, cue: Cue, armed: bool = False) -> bool:
    """True when an assault verb's doer is an accident or a natural force: an accident noun among the words
    from `lo` (the clause's start, or earlier for a clause opening with "which") up to the verb ("The April
    20 explosion aboard the rig killed 11 workers", "the disaster, which killed 11"). In a story that speaks of
    weapons (`armed`), only an accident no weapon makes ("was killed in a crash in Kuwait", "died of swine flu",
    "the accident which killed"; not "killed in the blast", "the explosion killed": [nonevent].weapon_made)."""
    if cue.event_type != "ASSAULT" or cue.phrase not in _nonevent("harm"):
        return False
    if armed:  # "the accident which killed Lance Corporal Karl Shearer", "died of swine flu"; not "the blast killed"
        made = _nonevent("weapon_made")
        before = any(accident_noun(w) and w not in made for w in (tokens[k].lower for k in range(max(0, lo), cue.i)))
        return before or _accident_after(tokens, cue, made)
    return any(accident_noun(tokens[k].lower) for k in range(max(0, lo), cue.i)) or _accident_after(tokens, cue)


_PENCE = re.compile(r"\d+(?:\.\d+)?p")


def market_move(tokens: list[Token], k: int, lo: int = 0) -> bool:
    """True when the verb at k tells a market's move ([nonevent].market_nouns before it, .market_units after it:
    "BP's shares closed down 1.4 percent at 470 pence", "The Dow Jones industrial average closed down 0.6
    percent"), or a verb of a session's close or opening ([nonevent].market_verbs) with a direction and a unit
    after it ("closed 2 percent higher"): a price, no deed of anyone's."""
    units = _nonevent("market_units")
    after = tokens[k + 1 : k + 9]
    if tokens[k].lower in _nonevent("market_verbs"):
        # a company's stock named by the company alone: "Halliburton closed near session lows, down 3.1 percent"
        words = {t.lower for t in after}
        if words & _nonevent("market_directions") and words & (units - _nonevent("market_directions")):
            return True
    return any(t.lower in _nonevent("market_nouns") for t in tokens[max(lo, k - 6) : k]) and any(
        t.lower in units
        or _PENCE.fullmatch(t.lower)
        or (t.lower == "p" and n and after[n - 1].text[-1:].isdigit())  # "390p" tokenized as "390" "p"
        for n, t in enumerate(after)
    )


def _accident_after(tokens: list[Token], cue: Cue, unless: frozenset[str] = frozenset()) -> bool:
    """True when the harm is undergone in or by an accident named right after the verb ("his wife was killed in the
    earthquake", "11 workers died in the blast", "died of swine flu"): a preposition of [nonevent].accident_links
    next (past up to two words of degree, .harm_adverbs: "hit particularly hard by"), then an accident noun before
    any punctuation within four words."""
    j = cue.j
    while j < len(tokens) and j < cue.j + 2 and tokens[j].lower in _nonevent("harm_adverbs"):
        j += 1  # "a tourist town hit particularly hard by the oil spill"
    if j >= len(tokens) or tokens[j].lower not in _nonevent("accident_links"):
        return False
    words = 0
    for tok in tokens[j + 1 : j + 9]:
        if tok.text == "-":
            continue  # "Tuesday's 7.0-magnitude earthquake": a hyphen joins the words of one modifier
        if not tok.text[0].isalnum() or words == 4:
            return False
        if accident_noun(tok.lower):
            return tok.lower not in unless
        words += 1
    return False


def aspect_of_happening(tokens: list[Token], cue: Cue) -> bool:
    """True for a verb of beginning or ending whose subject is itself a happening ("The shooting began late
    on Saturday", "the blaze started"): it times that happening and names none of its own."""
    if cue.phrase not in _nonevent("aspectual") or cue.i == 0:
        return False
    k = cue.i - 1
    if tokens[k].lower in ("which", "that"):  # "the spill, which began on April 20"
        k -= 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
    if k < 0:
        return False
    prev = tokens[k].lower
    return bool(noun_type(prev)) or accident_noun(prev)


def _put_to_speaker(tokens: list[Token], i: int) -> bool:
    """True when the participle at i opens its sentence ("Asked about the delay, ..."), opens a clause before
    "about"/"if"/"why"/"whether"/"what"/"how", or follows "when", "being", "if" or "once" ("when asked why"): a
    question put to the speaker."""
    if i == 0:
        return True
    prev = tokens[i - 1].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if prev in (",", ";", "(", "—") and nxt in ("about", "if", "why", "whether", "what", "how"):
        return True
    return prev in ("when", "being", "if", "once")


def photo_position(tokens: list[Token], cue: Cue) -> bool:
    """True for a word set off by commas or brackets after a name in a photo's caption that says where the person
    stands ("Stanley Murray, left, hugs ...", "Ana Costa (left)": [nonevent].photo_positions): no one leaves."""
    if cue.j - cue.i != 1 or tokens[cue.i].lower not in _nonevent("photo_positions") or cue.i == 0:
        return False
    before, after = tokens[cue.i - 1].text, tokens[cue.j].text if cue.j < len(tokens) else ""
    return (before, after) in ((",", ","), ("(", ")"))


def no_comment(tokens: list[Token], cue: Cue) -> bool:
    """True for declining to speak ("declined to comment", "declined comment", "asked not to be named", "was not
    authorized to discuss", "refused to give further details", "declined to be named"): no refusal between
    actors, nor is the verb after it ("give" in "declined to give details"). Refusing to answer a panel's
    questions stays a refusal. Nor is a request for comment a request ("did not respond to requests for
    comment"), nor a reporter's question ("Asked about the delay, Gibbs said", "when asked why", "Obama was asked
    how confident he was", [nonevent].questions)."""
    if cue.phrase in _nonevent("questions") and cue.form == "past" and _put_to_speaker(tokens, cue.i):
        return True  # "Asked about the delay, Gibbs said", "when asked why": a reporter's question
    if (
        cue.phrase in _nonevent("questions")
        and cue.i > 0
        and tokens[cue.i].lower.endswith("ed")
        and tokens[cue.i - 1].lower in wordset("mode", "be")
        and _asked_what(tokens[cue.j : cue.j + 4])
    ):
        return True  # "Obama was asked how confident he was": a question put to him, no request
    if cue.phrase in ("ask", "request") and [t.lower for t in tokens[cue.j : cue.j + 4]] in (
        ["not", "to", "be", w] for w in ("named", "identified", "quoted")
    ):
        return True  # "a company official, who asked not to be identified"
    if _not_cleared_to_speak(tokens, cue.i) or _not_cleared_to_speak(tokens, cue.i - 2):
        return True  # "speaking on condition of anonymity because he was not authorized to discuss the reserves"
    if cue.phrase == "request" and cue.j < len(tokens) and tokens[cue.j].lower == "for":
        words = [t.lower for t in tokens[cue.j + 1 : cue.j + 3] if t.lower not in ("a", "an", "further", "more")]
        return bool(words) and words[0] in ("comment", "comments")
    if cue.phrase not in _nonevent("refusals") and cue.i >= 2 and tokens[cue.i - 1].lower == "to":
        before = find_cues(tokens, cue.i - 2, cue.i - 1)
        return bool(before) and before[0].phrase in _nonevent("refusals") and no_comment(tokens, before[0])
    if cue.phrase in _nonevent("refusals") and cue.j < len(tokens):
        words = [t.lower for t in tokens[cue.j : cue.j + 3] if t.lower not in ("further", "immediate", "any")]
        if words and words[0] in ("comment", "comments"):
            return True  # "BP declined comment", "which declined immediate comment"
    if cue.phrase not in _nonevent("refusals") or cue.j + 1 >= len(tokens) or tokens[cue.j].lower != "to":
        return False
    words = [t.lower for t in tokens[cue.j + 1 : cue.j + 5]]
    if words[0] == "be":  # "declined to be named"; not "refused to be bound by the ruling"
        return len(words) > 1 and words[1] in ("named", "identified", "quoted")
    if words[0] in _nonevent("unsaid"):
        return True
    return words[0] in ("give", "provide", "offer") and any(w in ("details", "detail") for w in words[1:])


def _asked_what(after: list[Token]) -> bool:
    """True when a question word follows a passive "asked" before any "to" ("was asked on Monday how ...", "was
    asked about the memo"); "was asked to rule on whether ..." is a request."""
    for tok in after:
        if tok.lower == "to":
            return False
        if tok.lower in ("about", "whether", "if", "why", "how", "what", "when"):
            return True
    return False


_CLEARED = frozenset({"authorized", "authorised", "allowed", "permitted"})


def _not_cleared_to_speak(tokens: list[Token], k: int) -> bool:
    """True when tokens[k] is "authorized" (or "allowed") after "not" and before "to" + a verb of speaking: an
    anonymous source's reason ("was not authorized to discuss the reserves"), neither a permission nor a talk."""
    return (
        1 <= k < len(tokens) - 2
        and tokens[k].lower in _CLEARED
        and tokens[k - 1].lower == "not"
        and tokens[k + 1].lower == "to"
        and tokens[k + 2].lower in _nonevent("unsaid") | {"discuss", "speak", "talk", "brief"}
    )


def work_not_aid(tokens: list[Token], cue: Cue) -> bool:
    """True for "helped" + a verb of making or writing ("helped develop submersibles", "helped write the
    guidance"): a career, no help given to anyone; or + a verb of causing ("will help determine the fines", "helped
    boost BP shares": [nonevent].help_cause): a cause."""
    if cue.phrase != "help" or cue.j >= len(tokens):
        return False
    k = cue.j + (1 if tokens[cue.j].lower == "to" else 0)
    return k < len(tokens) and (tokens[k].lower in _nonevent("help_work") or tokens[k].lower in _nonevent("help_cause"))


def adjective_reading(tokens: list[Token], cue: Cue) -> bool:
    """True for a verb's base form that is an adjective where it stands ([nonevent].adjective_verbs after a form of
    "be" or of staying: "the poorly dressed were also not welcome", "the schools have remained open")."""
    if cue.form != "base" or cue.j != cue.i + 1 or tokens[cue.i].lower not in _nonevent("adjective_verbs"):
        return False
    k = cue.i - 1
    while k >= 0 and (tokens[k].lower in _nonevent("adjective_between") or tokens[k].lower.endswith("ly")):
        k -= 1
    return k >= 0 and (tokens[k].lower in wordset("mode", "be") or tokens[k].lower in _nonevent("adjective_after"))


_GIVEN_ADVERBS = frozenset({"not", "n't", "never", "also", "still", "now", "just", "already", "again", "since", "ever"})


def considering(tokens: list[Token], cue: Cue) -> bool:
    """True for "given" read as "considering" ("given speculation that pieces were found", "even more striking given
    BP knew", "And given that he is reliant on BP"): no auxiliary of the passive or the perfect before it, and a
    clause or a noun phrase after it ([nonevent].considering_next). Nothing is given to anyone."""
    k = cue.i
    if cue.phrase != "give" or tokens[k].lower != "given" or k + 1 >= len(tokens):
        return False
    b = k - 1
    while b > 0 and (tokens[b].lower in _GIVEN_ADVERBS or tokens[b].lower.endswith("ly")):
        b -= 1  # "were not given", "has just given", "was quickly given"; not "was not unexpected given that"
    if b >= 0 and tokens[b].lower in wordset("mode", "be") | wordset("mode", "have") | {"been", "being", "'s", "’s"}:
        return False  # "were given a few minutes", "has given added urgency"
    nxt = tokens[k + 1]
    if (
        k > 0
        and tokens[k - 1].text[:1].isalpha()
        and tokens[k - 1].text.islower()
        and tokens[k - 1].lower not in _nonevent("considering_after")
        and (nxt.lower not in _nonevent("considering_next") or nxt.lower in _nonevent("participle_objects"))
    ):
        return False  # "the aid given to Haiti": a participle of its noun (not "warranted given the enormous task")
    return nxt.lower in _nonevent("considering_next") or (nxt.text[:1].isupper() and nxt.text[1:2].islower())


_OBJECT_PRONOUNS = frozenset({"me", "you", "him", "her", "us", "them", "it"})


def asks_question(tokens: list[Token], cue: Cue) -> bool:
    """True for "ask" that asks a question ([nonevent].question_words: "asked top officials why the government
    didn't take over", "asks Hayward if", "asked whether", "is asking about reports", 'asked, "What did we do?"'),
    not for a request ("asked Congress for $51bn", "asked the court to", "asked the government if he could call up
    troops", "asked the lawyers who have brought suits to submit ...")."""
    if cue.phrase != "ask":
        return False
    words, seen = _nonevent("question_words"), []  # the words of the object before the question word
    for k in range(cue.j, min(cue.j + 8, len(tokens))):
        w = tokens[k].text  # lower case only: "asking the WHO office for supplies" asks for supplies
        if w in ('"', "“", "”", "'", "‘"):
            continue  # 'asked "whether mark 77 firebombs have been used"'
        if w in words:
            if w in _nonevent("relative_question_words") and seen and seen[-1].lower() not in _OBJECT_PRONOUNS:
                return False  # "asked the lawyers who have brought lawsuits to submit ...": a relative clause
            after = {t.lower for t in tokens[k + 1 : k + 5]}
            return not (w in ("if", "whether") and after & _nonevent("permission_modals"))  # leave asked to act
        if not w[:1].isalnum():
            return not seen and w in (",", ":", "?")
        if w.lower() in ("to", "for", "that") or len(seen) == 5:
            return False
        seen.append(w)
    return False


def dismissed(tokens: list[Token], cue: Cue) -> bool:
    """True for "fired" in the passive with a person as its subject ([nonevent].dismissed_subjects or a capitalized
    name before the auxiliary: "he was fired last week", "Professor Nutt was fired by Alan Johnson", "would have
    been fired"), or "fire" with an office holder as its object ([nonevent].dismissed_objects: "fired the head of
    the armed forces", "fired his defence minister"): a job lost, no shot fired."""
    k = cue.i
    if cue.phrase != "fire":
        return False
    offices = _nonevent("dismissed_objects")
    for t in tokens[cue.j : cue.j + 4]:  # "fired the head of the armed forces", "fired his defence minister"
        if t.lower in offices:
            return True
        if not (t.text.isalpha() and t.text.islower()) or t.lower in modifier_ends():
            break
    if tokens[k].lower != "fired":
        return False
    b = k - 1
    if b < 0 or tokens[b].lower not in wordset("mode", "be"):  # "was", "been", "got"
        return False
    auxiliaries = frozenset().union(
        *(wordset("mode", key) for key in ("be", "have", "future", "hypothetical_modals", "negators")), {"would"}
    )
    while b > 0 and tokens[b - 1].lower in auxiliaries:
        b -= 1  # "would have been fired"
    if b == 0:
        return False
    subject = tokens[b - 1]
    return subject.lower in _nonevent("dismissed_subjects") or (subject.text[:1].isupper() and b - 1 > 0)


def capacity(tokens: list[Token], cue: Cue) -> bool:
    """True for a cue verb after a noun of capacity and "to" ([nonevent].capacity_nouns: "is limited in its ability
    to help", "their capacity to destroy"): what someone can do, no happening."""
    k = cue.i
    return k >= 2 and tokens[k - 1].lower == "to" and tokens[k - 2].lower in _nonevent("capacity_nouns")


def striving(tokens: list[Token], cue: Cue) -> bool:
    """True for a verb of fighting + "to" + a verb ("battled to revive him", "fought to keep the plant open"):
    an effort, no fight with anyone."""
    if cue.phrase not in _nonevent("striving") or cue.j + 1 >= len(tokens) or tokens[cue.j].lower != "to":
        return False
    nxt = tokens[cue.j + 1].lower
    return nxt.isalpha() and nxt not in _nonevent("determiners") and nxt not in _nonevent("striving_ends")


def job_move(tokens: list[Token], cue: Cue) -> bool:
    """True for joining a body as one of its people ("will join the Rand Corp. as a senior fellow"), or a career
    told before it ("Prior to joining Reuters, he worked at ...", "Before joining the firm"; not "after joining the
    invasion"): an appointment, no cooperation between actors."""
    if cue.phrase != "join":
        return False
    if tokens[cue.i].lower == "joining" and cue.i > 0:
        prev = tokens[cue.i - 1].lower
        if prev == "before" or (prev == "to" and cue.i > 1 and tokens[cue.i - 2].lower == "prior"):
            return True  # "Prior to joining Reuters", "Before joining the firm"
    after = [t.lower for t in tokens[cue.j : cue.j + 8]]
    return any(
        w == "as" and nxt in ("a", "an", "its", "the", "their") for w, nxt in zip(after, after[1:], strict=False)
    )


@functools.cache
def _senses() -> dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...], int, frozenset[str]]]:
    """cues.toml [senses]: lemma -> (words right after it, phrases within its window, window, words right before
    it); an entry with `same_as` reads the entry of that lemma."""
    table = cues()["senses"]
    return {
        lemma: (
            frozenset(spec.get("next", ())),
            tuple(tuple(p.split()) for p in spec.get("within", ())),
            int(spec.get("window", 5)),
            frozenset(spec.get("before", ())),
        )
        for lemma, own in table.items()
        for spec in [table[own["same_as"]] if "same_as" in own else own]
    }


@functools.cache
def _bare_before() -> dict[str, frozenset[str]]:
    """cues.toml [senses] `bare_before`: lemma -> words right before the lemma itself that give it another sense."""
    return {lemma: frozenset(spec["bare_before"]) for lemma, spec in cues()["senses"].items() if "bare_before" in spec}


def described_thing(tokens: list[Token], cue: Cue) -> bool:
    """True when the noun a participle describes gives the verb another sense (cues.toml [senses]): "a statement
    released by the Elysee" names a text, not a release of prisoners."""
    spec = _senses().get(cue.phrase)
    k = cue.i - 1
    if k > 0 and tokens[k].lower == "being":
        k -= 1  # "the fees being charged to BP"
    return spec is not None and k >= 0 and (tokens[k].lower,) in spec[1]


_ASIDE = 8  # tokens of a bracketed aside at most ("$10.5bn (£7.2bn)")


def _without_asides(run: list[Token]) -> list[Token]:
    """The tokens without a bracketed aside of up to _ASIDE tokens: a sum given in another currency is no end of
    the verb's phrase ("expected to pay out $10.5 bn (£7.2 bn) in dividends")."""
    out: list[Token] = []
    k = 0
    while k < len(run):
        if run[k].text == "(":
            close = next((q for q in range(k + 1, min(len(run), k + _ASIDE + 1)) if run[q].text == ")"), -1)
            if close > 0:
                k = close + 1
                continue
        out.append(run[k])
        k += 1
    return out


_QUOTES = frozenset({'"', "'", "“", "”", "‘", "’"})
_QUOTE_MARKS = 6  # quote marks the words after a verb may hold besides its window (a quoted verb, a quoted name)


def other_sense(tokens: list[Token], cue: Cue) -> bool:
    """True when the cue verb's object gives it another sense (cues.toml [senses]): "released a report",
    "provided details", "demonstrated that ...", "received with sadness", "treated the test as a success"."""
    spec = _senses().get(cue.phrase)
    if spec is None or cue.j >= len(tokens):
        return False
    nxt, within, window, noun_before = spec
    if tokens[cue.j].lower in nxt or (cue.i > 0 and tokens[cue.i - 1].lower in noun_before):
        return True  # "gave way"; "Tropical storm Alex", "the coming storm": a noun
    bare = _bare_before().get(cue.phrase, ())
    if bare and cue.i > 0 and tokens[cue.i].lower == cue.phrase and tokens[cue.i - 1].lower in bare:
        return True  # "Iraq will be back to normal": an adverb
    if cue.form == "past" and described_thing(tokens, cue):
        return True  # "the fees charged to BP": the participle's noun is its object

    def up_to_punctuation(run) -> list[str]:
        # quote marks inside the phrase do not end it ('abandoned a "top kill" operation')
        words = (t.lower for t in run if t.text not in _QUOTES)
        return list(itertools.takewhile(lambda w: w[0].isalnum() or w[0] in "'’-$£€¥", words))

    # the words after the verb, quote marks left out (a verb in quotes: 'BP permanently "killed" its well')
    after = [t for t in tokens[cue.j : cue.j + window + _ASIDE + _QUOTE_MARKS] if t.text not in _QUOTES]
    words = up_to_punctuation(_without_asides(after)[:window])
    # a passive's subject is its object: "Thirty-five new cases of swine flu were confirmed on Sunday"
    if cue.i > 0 and tokens[cue.i - 1].lower in wordset("mode", "be"):
        words += up_to_punctuation(reversed(tokens[max(0, cue.i - 9) : cue.i - 1]))
    # the object of a relative clause is the noun before "which"/"that": "a song, which she has released"
    k = next((k for k in range(cue.i - 1, max(-1, cue.i - 5), -1) if tokens[k].lower in ("which", "that")), -1)
    if k > 0:
        before = k - 2 if tokens[k - 1].text == "," else k - 1
        if before >= 0:
            words.append(tokens[before].lower)
    present = set(words)  # a phrase whose first word is not among them is not looked for
    return any(
        tuple(words[k : k + len(p)]) == p
        for p in within
        if not p or p[0] in present
        for k in range(len(words) - len(p) + 1)
    )


def private_errand(tokens: list[Token], cue: Cue) -> bool:
    """True for a verb of going whose destination is a private place ("arrived at hospital at 4pm",
    "returned to work"): no visit between actors."""
    if cue.phrase not in _nonevent("motion"):
        return False
    return any(t.lower in _nonevent("private_places") for t in tokens[cue.j : cue.j + 3])
