"""Names a statistical entity recognizer found that neither the gazetteer nor the article's own patterns know.

learn_tagged(context, text, spans, known, titles) -> int
    `spans` are (start, end, label) article offsets of the recognizer's PERSON and ORG entities (the events
    pipeline's "names" stage gets them from spaCy's en_core_web_sm, extract/events/syntax.py); `known` are the
    mentions the recognizer of this package already found. Each span that overlaps no known mention and looks
    like a name (cues.toml [tagged_names]) is learned into `context`: a PERSON of two words or more as a person
    (its surname and "Mr Surname" then resolve to it), an ORG as a body ("Greenpeace", "Global Live Events").
    Returns how many names were learned; the caller scans the text again with the context when it is not 0.

What looks like a name (cues.toml [tagged_names]): the span trimmed of leading articles and titles (`titles`, the
shared honorifics), of trailing joining words ("BP of") and of a trailing possessive; every word capitalized, save
the joining words ("Ernst and Young", "Department of Health"); no digits; at most `max_words` words; no word of the
gazetteer's not-a-name words or a time zone; no capitalized word running into it (a piece of a longer name the
recognizer cut: "Horizon" of "Deepwater Horizon"); a PERSON of two words at least; an ORG of one word not written in
lower case elsewhere in the article ("Public", "Health") nor one of [learned_orgs].not_acronyms, and no word of a
person the article names ("BP boss Hayward"); an ORG written acting somewhere in the article (before a verb that
follows a body acting, the recognizer's acronym verbs and `acting_verbs`, or a lower-case past form, or after "by":
a drug, a ship or a song the recognizer calls a body seldom is) or acted on (right after a lower-case past form or
"against": "sued Toyota"); and no place or site: not right after a preposition of place ("in Hokkaido"), nor after "of" and a word for a place
("the town of Minova"), nor opening or ending with a word for a site or a thing ("Camp Casey", "Rod Laver
Arena", "Swine Flu") or written before one anywhere in the article ("the Al Udeid air base", "the Deepwater
Horizon disaster"); no joining word but "and" between it and a capitalized word ("Centers for | Disease
Control"); and no person after "the".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from extract.actors.gazetteer import load
from extract.actors.recognizer import ActorContext, ActorMention, lower_case_acronyms
from extract.vocabulary import honorifics, past_form, time_zones

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|\S", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)  # the words of _WORD, without its numbers and marks
_ENDERS = frozenset('.!?:;"”|')  # what ends the word before a sentence's first word


def _spec() -> dict:
    return load().cues.get("tagged_names", {})


def _leading(spec: dict, titles: frozenset[str]) -> frozenset[str]:
    """Lower-case words (without a final period) that open a span without being part of the name:
    [tagged_names].leading, the shared honorifics ("Mr", "Dr") and the caller's `titles`."""
    return frozenset({*spec.get("leading", ()), *(h.lower().rstrip(".") for h in honorifics().written), *titles})


def _opener(word: str, leading: frozenset[str]) -> bool:
    return word.lower().rstrip(".") in leading


def _trim(text: str, start: int, end: int, leading: frozenset[str]) -> tuple[int, int]:
    """The span without leading articles and titles ("the Kuwaiti Investment Authority", "Judge Michael Pastor"), a
    trailing joining word (the recognizer's "BP of" in "accused BP of lying") or a trailing possessive."""
    while (m := re.match(r"(\S+)\s+", text[start:end])) and _opener(m.group(1), leading):
        start += m.end()
    joiners = set(_spec().get("joiners", ()))
    while (m := re.search(r"\s+(\S+)$", text[start:end])) and m.group(1) in joiners:
        end = start + m.start()
    for tail in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(tail):
            end -= len(tail)
            break
    return start, end


def looks_like_name(
    text: str,
    start: int,
    end: int,
    label: str,
    lower_words: set[str] | None = None,
    titles: frozenset[str] = frozenset(),
) -> bool:
    """True when text[start:end], a trimmed PERSON or ORG span, looks like a name ([tagged_names]); `titles` as
    for learn_tagged."""
    spec, gaz = _spec(), load()
    leading = _leading(spec, titles)
    words = _WORD.findall(text[start:end])
    if not words or len(words) > int(spec.get("max_words", 5)):
        return False
    joiners = set(spec.get("joiners", ()))
    stop = gaz.not_name_words | set(time_zones())
    for w in words:
        if w.isdigit() or any(ch.isdigit() for ch in w):
            return False
        if w in joiners or not w[:1].isalpha():
            continue
        if not any(part[:1].isupper() for part in re.split(r"[-'’]", w)) or w in stop:
            return False  # "al-Mirazi", "O'Neill" are capitalized
    if words[0] in joiners or words[-1] in joiners:
        return False
    named = [w for w in words if w[:1].isalpha() and w not in joiners]
    if label == "PERSON" and len(named) < 2:
        return False
    if label == "ORG" and len(named) == 1:
        w = named[0]
        if w in gaz.not_acronyms:
            return False
        if lower_words is not None and w.lower() in lower_words:
            return False
    before = text[max(0, start - 60) : start].split()
    after = text[end : end + 40].split()
    opens = len(before) < 2 or before[-2][-1:] in _ENDERS  # the word before opens its sentence ("Two")
    if (
        before
        and _capitalized_word(before[-1])
        and not opens
        and not _opener(before[-1], leading)
        and before[-1] not in gaz.not_name_words  # "on 16 September Jermaine Jackson", "On Monday Ana Ruiz"
    ):
        return False  # part of a longer name the recognizer cut ("Deepwater | Horizon")
    if after and _capitalized_word(after[0]) and text[end : end + 1] == " ":
        return False
    # a joining word other than "and" between it and a capitalized word: a piece of a longer name ("Centers for |
    # Disease Control", "Bank | of England"); "and" joins two names as often ("BP and Transocean")
    inner = joiners - {"and", "&"}
    if len(before) >= 2 and before[-1] in inner and _capitalized_word(before[-2]):
        return False
    if len(after) >= 2 and after[0] in inner and _capitalized_word(after[1]):
        return False
    if label == "ORG" and not _acts(text, text[start:end], spec):
        return False
    if label == "PERSON" and before and before[-1].lower() == "the":
        return False  # "the Deepwater Horizon": a person's name takes no article
    # either label: the recognizer also takes places for people ("Al Udeid air base")
    low = [w.lower() for w in before]
    if low and low[-1] in set(spec.get("place_prepositions", ())):
        return False  # "in Hokkaido"
    if len(low) >= 2 and low[-1] == "of" and low[-2] in set(spec.get("place_nouns", ())):
        return False  # "the town of Minova", "residents of Aomori"
    sites = set(spec.get("facility_nouns", ())) | set(spec.get("thing_nouns", ()))
    if words[-1].lower() in sites or words[0].lower() in sites:
        return False  # "Rod Laver Arena", "Camp Casey", "Swine Flu"
    # anywhere in the article before a word for a site or a thing: "the Al Udeid air base", "the Deepwater
    # Horizon disaster", "the Exxon Valdez oil spill"
    return not any(m.group(2).lower() in sites for m in _mentions(text, text[start:end], aside=False))


def _mentions(text: str, name: str, aside: bool) -> Iterator[re.Match]:
    """Each mention of the name in the text, whole words only, as a match whose group 1 is a "by " right before it
    and group 2 the word right after it (past a possessive, and with `aside` past a short phrase between commas:
    "Global Live, the organiser, has said")."""
    between = r"(?:,[^,.;]{1,60},)?" if aside else ""
    pattern = re.compile(r"(\bby\s+)?(?<![\w-])" + re.escape(name) + r"(?:['’]s)?(?![\w-])" + between + r"\s+(\w+)")
    starts: set[int] = set()
    for at in _occurrences(text, name):
        starts.add(at)
        k = _space_before(text, at)
        if 2 <= k < at and text.startswith("by", k - 2):
            starts.add(k - 2)
    return _matches_at(pattern, text, sorted(starts))


def _occurrences(text: str, name: str) -> Iterator[int]:
    """Offsets of every occurrence of the name in the text, overlapping ones included."""
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


def _space_before(text: str, at: int) -> int:
    """Where the white space (\\s) right before text[at] starts; `at` when there is none."""
    while at and text[at - 1].isspace():
        at -= 1
    return at


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """pattern.finditer(text) for a pattern that can only match at one of the offsets `starts` (ascending): the same
    matches, tried there alone. _mentions' and _objects' patterns open with an optional group or a word run before
    the name, which the regex engine would try at every character of the article for every name."""
    pos = 0
    for start in starts:
        if start >= pos and (m := pattern.match(text, start)) is not None:
            yield m
            pos = m.end()


def _capitalized_word(w: str) -> bool:
    """A capitalized word with nothing after it that ends a sentence or a phrase ("Deepwater", not "said." or "BP,")."""
    return w[:1].isupper() and w[-1:].isalpha()


def _acts(text: str, name: str, spec: dict) -> bool:
    """True when the article writes the name as one who acts somewhere: right before a verb that follows a body
    acting ([learned_orgs].acronym_verbs but `not_acting`, and `acting_verbs`) or a lower-case past form
    ("Greenpeace has accused", "Global Live mishandled"), or after "by" ("hired by Ernst and Young"); or as one
    acted on: right after a lower-case past form or a word of `acted_on_after` ("sued Halliburton", "a suit
    against Transocean")."""
    verbs = _acting_verbs()
    if any(m.group(1) or m.group(2) in verbs or past_form(m.group(2)) for m in _mentions(text, name, aside=True)):
        return True
    after = set(spec.get("acted_on_after", ()))
    return any((w := m.group(1)) in after or (w.islower() and past_form(w)) for m in _objects(text, name))


def _objects(text: str, name: str) -> Iterator[re.Match]:
    """Each mention of the name in the text, whole words only, as a match whose group 1 is the word right before
    it."""
    starts: set[int] = set()
    for at in _occurrences(text, name):
        k = j = _space_before(text, at)
        while j and (text[j - 1].isalnum() or text[j - 1] == "_"):  # \\w
            j -= 1
        if j < k < at:
            starts.add(j)
    return _matches_at(re.compile(r"(\w+)\s+" + re.escape(name) + r"(?![\w-])"), text, sorted(starts))


@functools.cache
def _acting_verbs() -> frozenset[str]:
    spec, learned = _spec(), load().cues.get("learned_orgs", {})
    acronym = set(learned.get("acronym_verbs", ())) - set(spec.get("not_acting", ()))
    return frozenset(acronym | set(spec.get("acting_verbs", ())))


def lower_case_words(text: str) -> set[str]:
    """The words the text writes in lower case (a one-word ORG among them is a common word: "health")."""
    return {w for w in _LETTERS.findall(text) if w.islower()}


def _namesake(text: str, a: int, b: int, known: list[ActorMention], lower: set[str]) -> bool:
    """True when the known mentions inside text[a:b] are one person's bare surname that ends the span, after one
    given name that is not that person's: "Jermaine Jackson" where the recognizer read "Jackson" as Michael
    Jackson, "Keiji Fukuda" read as Yasuo Fukuda. The given name is no word the article writes in lower case
    ("Team Obama"), no -ing form ("Blaming Obama") and not written in capitals."""
    inside = [m for m in known if m.start < b and a < m.end]
    if len(inside) != 1:
        return False
    m = inside[0]
    given = text[a : m.start].split()
    if m.type != "person" or m.end != b or len(given) != 1 or len(m.text.split()) != 1:
        return False
    word, first = given[0], (m.name or m.text).split()[0]
    return word[:3] != first[:3] and word.lower() not in lower and not word.endswith("ing") and not word.isupper()


def learn_tagged(
    context: ActorContext,
    text: str,
    spans: Iterable[tuple[int, int, str]],
    known: list[ActorMention],
    titles: frozenset[str] = frozenset(),
) -> int:
    """Learn into `context` the tagged names no known mention covers (module doc); how many were learned.
    `titles`: lower-case words that title a name ("judge", "pope"), dropped from a span's start."""
    leading = _leading(_spec(), titles)
    taken = [(m.start, m.end) for m in known]
    # a one-word name that is a word of a person the article names is that person ("BP boss Hayward")
    person_words = {w for m in known if m.type == "person" for w in (m.name or m.text).split()}
    lower = lower_case_words(text)
    learned = 0
    seen: set[str] = set()
    things = lower_case_acronyms(text)  # "the blow-out preventer (BOP)": a thing, no body
    for start, end, label in spans:
        a, b = _trim(text, start, end, leading)
        if a >= b or (any(s < b and a < e for s, e in taken) and not _namesake(text, a, b, known, lower)):
            continue
        if not looks_like_name(text, a, b, label, lower, titles):
            continue
        name = " ".join(text[a:b].split())
        if name in seen or name in person_words or name in things:
            continue
        seen.add(name)
        if label == "PERSON":
            context.learn(name, "", "")
        else:
            context.learn_org(name)
        learned += 1
    return learned
