"""Roles: who acts (source) and who is acted upon (target) in a clause.

assign(tokens, clause, cue, mentions, passive) -> (source, target), each an ActorMention or None.
`mentions` are the clause's actor mentions paired with their first token index. Word lists come from
[roles] of data/cues.toml; the conventions are those of tests/gold/README.md.

Source: the subject, i.e. the first mention before the verb that is not inside a prepositional phrase
(nor listed with one: "the governments of Japan, South Korea and ..."), looked for in the stretch after
the last boundary before the verb: a subordinator ("hours after Russia withdrew"), a comma and a
conjunction, a verb of saying. A named speaker is the source of what they are reported to say, and the target is
the first actor of the reported words not of the speaker's country ("Netanyahu said Israel would strike Hezbollah");
a happening the speaker reports in the passive is its agent's, or no one's, and the speaker's own where its pronoun
is the subject ("Israel said it was attacked by Hezbollah": Hezbollah -> Israel); after an anonymous speaker ("US officials said") the reported subject acts,
and a pronoun opening the reported words stands for the speaker ("Russia said it ..."). A country that
only qualifies a named person ("US House Speaker Nancy Pelosi", "Lebanon's prime minister, Najib
Mikati,") gives way to the person; a person named by office alone ("Qatar's prime minister") stands for
the country. A collective noun's "of/in X" names X ("military officers in Gabon"). A PROTEST with no
named doer is done by "<Demonym> protesters" of the first country or capital in the clause.

Target: the first other mention after the verb, before a hard stop (a relative pronoun, a verb of
saying, ", and ...") and preferably before a soft one ("if", "that", ", killing ..."); places ("signed in
Washington") only for ASSAULT. Passive ("Kyiv was struck by Russia", "the declaration, agreed by the
G20", "was briefly detained"): the agent after "by" is the source and the subject the target. Types
done together (AGREE, CONSULT, COOPERATE): "Biden and Kishida agreed" and "talks between Erdogan,
Kristersson and Stoltenberg" give the first as source and the second as target.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Container
from dataclasses import replace

from extract.actors import ActorMention, canonical_name, demonym, state_body_name, trade_nouns
from extract.actors.gazetteer import load as load_gazetteer
from extract.events import mode
from extract.events._data import cues, wordset
from extract.events.clauses import Clause, finite_word
from extract.events.plover import Cue, asks_question, ends_noun_phrase, gap_words_at, noun_type
from extract.events.syntax import group_word, titles
from extract.events.syntax import words as syntax_words
from extract.events.tokens import Token, hyphenated_word
from extract.vocabulary import function_words, past_form

Placed = tuple[int, ActorMention]  # (token index, mention)

STATE_TYPES = ("country", "capital", "seat")
# Types whose mention may only qualify a named person after it ("UN official, Benon Sevan", "BP chairman X").
_QUALIFYING_TYPES = (*STATE_TYPES, "region", "organization", "armed_group", "political_party")
_NP_GAP = 6  # most tokens between a qualifying country and the person it qualifies


def _w(key: str) -> frozenset[str]:
    return wordset("roles", key)


@functools.cache
def saying() -> frozenset[str]:
    """Verbs that report words: [mode].speech and [roles].reporting_verbs ("testified", "argue")."""
    return wordset("mode", "speech") | _w("reporting_verbs")


def firm_country(m: ActorMention | None) -> str:
    """The home country of a company the article names (extract/data/gazetteer/companies.csv), else ""."""
    if m is None or not m.actor_id.startswith(("org:learned-", "name:")):
        return ""  # a stand-in name ("Transocean") may be a company too
    return load_gazetteer().firm_countries.get(m.name, "")


def after_preposition(tokens: list[Token], k: int, lo: int, preps: frozenset[str] | None = None) -> bool:
    """True when the mention at token k follows a preposition (determiners between are skipped, and words of a
    part of a country: "in eastern Congo")."""
    preps = _w("prepositions") if preps is None else preps
    j = k - 1
    # Skip determiners of the noun phrase ("of the Russian defence ministry"), hyphened modifiers ("with the
    # pro-war Hitchens") and parts of a country ("in northern Mali", [roles].place_parts).
    while j >= lo and (
        tokens[j].lower in ("the", "a", "an") or hyphenated_word(tokens[j]) or tokens[j].lower in _w("place_parts")
    ):
        j -= 1
    return j >= lo and tokens[j].lower in preps


def possessive(word: str) -> bool:
    """A word or name in the possessive, written as one token ("Alabama's", "California’s")."""
    return len(word) > 3 and word.endswith(("'s", "’s"))


def in_phrase(tokens: list[Token], k: int, lo: int) -> bool:
    """True when the mention at token k follows a preposition other than "of" ("from the HPA", "In Los
    Angeles"): no subject of the clause's verb."""
    return after_preposition(tokens, k, lo, _w("prepositions") - {"of"})


def hyphen_modifier(tokens: list[Token], k: int, m: ActorMention) -> bool:
    """True when mention m at token k is fused to a hyphenated word ("US-made", "Iran-backed"): it only
    modifies a noun. Not before a word of leading ([roles].leading_suffixes: "the Saudi-led coalition struck" is
    Saudi Arabia's deed). A name of several words is fused by its last ("the Los Angeles-based Aids Project"). A
    name after a prefix of [roles].hyphen_prefixes ("Anti-Gaddafi fighters", "pro-Russian separatists") is one too."""
    if not 0 <= k < len(tokens):
        return False
    head = tokens[k]
    if head.start < m.start <= head.end and head.text[: m.start - head.start].lower() in _w("hyphen_prefixes"):
        return True  # "Anti-Gaddafi fighters", "pro-Russian separatists": the name only qualifies the noun
    k = _end(tokens, k, m) - 1
    tok = tokens[k]
    if tok.end > m.end and tok.text[m.end - tok.start : m.end - tok.start + 1] == "-":
        rest = tok.text[m.end - tok.start + 1 :]
    elif k + 1 < len(tokens) and tokens[k + 1].start == m.end and tokens[k + 1].text == "-":
        rest = tokens[k + 2].text if k + 2 < len(tokens) else ""
    else:
        return False
    return rest.lower() not in _w("leading_suffixes")


def trade_modifier(tokens: list[Token], k: int, m: ActorMention, named: frozenset[int]) -> bool:
    """True when the state mention m at token k gives the country of a body named right after a noun of its trade
    ("criticised British oil giant BP", "on to US contractor Halliburton": up to three lower-case words ending in a
    noun of extract.actors.trade_nouns, then a body's or a name's mention, starting at a token of `named`): the body
    acts or is acted upon, not the state."""
    if m.type not in STATE_TYPES:
        return False
    j = _end(tokens, k, m)
    for q in range(j, min(j + 3, len(tokens))):
        if not (tokens[q].text.isalpha() and tokens[q].text.islower()):
            return False
        if tokens[q].lower in trade_nouns() and q + 1 in named:
            return True
    return False


_PRONOUN_CONTRACTION = re.compile(r"(?:i|you|he|she|it|we|they)['’](?:ll|m|ve|d|re|s)", re.IGNORECASE)


def generic(m: ActorMention) -> bool:
    """True for a stand-in name that is a capitalized common word ("Police", "Thousands") or a pronoun with
    its auxiliary ("I'll", "They're", one token to the tokenizer): no actor."""
    if m.type != "name":
        return False
    return all(w in _w("not_names") for w in m.text.lower().split()) or bool(_PRONOUN_CONTRACTION.fullmatch(m.text))


def _end(tokens: list[Token], k: int, m: ActorMention) -> int:
    """Index of the first token after mention m, which starts at token k."""
    j = k
    while j < len(tokens) and tokens[j].start < m.end:
        j += 1
    return max(j, k + 1)


def named_offices(mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions (in text order) where an office whose holder the article has already named is that person: "the
    president" after "President Barack Obama" is Obama (via "office_named"), while an office the article never
    fills with a name ("Qatar's prime minister") stays an office, and acts for its country (as_actor)."""
    named: set[str] = set()
    out = []
    for m in mentions:
        if m.type == "person" and m.via == "office" and m.actor_id in named:
            m = replace(m, via="office_named")
        elif m.type == "person" and m.via != "office":
            named.add(m.actor_id)
        out.append(m)
    return out


def as_actor(m: ActorMention) -> ActorMention:
    """A person named only by office ("Qatar's prime minister") acts for the country; others unchanged."""
    if m.type == "person" and m.via == "office" and m.country:
        return replace(m, actor_id=m.country, name=canonical_name(m.country), type="country")
    return m


def _gap_breaks(tokens: list[Token], e: int, k2: int) -> bool:
    """True when the words between two mentions show they are not one noun phrase."""
    gap = {t.lower for t in tokens[e:k2]}
    return bool(
        gap
        & (
            _w("coordinators")
            | wordset("mode", "speech")
            | _w("target_stops")
            | _w("soft_target_stops")
            | _w("subject_boundaries")
            | (_w("prepositions") - {"of"})  # "visited Mexico City in April, praised Calderon": no title
            | {"or", ";", "by"}
        )
    )


def _head(tokens: list[Token], k: int, m: ActorMention, ms: list[Placed], stop: int) -> Placed:
    """The noun phrase's head actor: a named person that the state or body mentioned at k only qualifies
    ("US House Speaker Nancy Pelosi", "Lebanon's prime minister, Najib Mikati", "a UN official, Jan Kowal"), else (k, m)."""
    e = _end(tokens, k, m)
    if m.type not in _QUALIFYING_TYPES and m.via != "office":
        return _owner_of(tokens, k, e, ms, stop) or (k, m)
    body: Placed | None = None  # "Lebanon's Hezbollah": the named body a state's possessive qualifies
    for k2, m2 in ms:
        if k2 < e:
            continue
        if k2 - e > _NP_GAP or k2 >= stop or _gap_breaks(tokens, e, k2):
            break
        if m2.type == "person" and m2.via != "office":
            return k2, m2
        if m2.type not in _QUALIFYING_TYPES and m2.via != "office":
            break
        if (
            body is None
            and m.type in STATE_TYPES
            and m2.type in _NAMED_BODIES
            and m2.via == "name"
            and _after_possessive(tokens, e, len(tokens)) == k2  # the state's possessive right before it
            and not _sought(tokens, _end(tokens, k2, m2))  # "Sweden's NATO bid" is Sweden's
        ):
            body = (k2, m2)
    return body or (k, m)


_NAMED_BODIES = ("organization", "armed_group", "political_party")


def _sought(tokens: list[Token], e: int) -> bool:
    """True when the word at e, after a body's name, makes the name what a state seeks to join ([roles].sought:
    "Sweden's NATO bid", "Ukraine's EU membership"), no body acting."""
    return e < len(tokens) and tokens[e].lower in _w("sought")


def _after_possessive(tokens: list[Token], e: int, stop: int) -> int:
    """The token after the possessive ending of the mention ending at token e ("Jackson's" as one token, or
    "Jackson" + "'s"), or -1 when it is no possessive."""
    if tokens[e - 1].lower.endswith(("'s", "’s")):
        return e
    return e + 1 if e < stop and tokens[e].lower in ("'s", "’s") else -1


def _owner_of(tokens: list[Token], k: int, e: int, ms: list[Placed], stop: int) -> Placed | None:
    """The named person a possessive person's title names ("Jackson's personal physician Conrad Murray",
    "Jackson's doctor, Conrad Murray," -> Conrad Murray): only lower-case words, at most four, between the
    possessive and the person, the last of them may be a comma (an apposition); else None."""
    j = _after_possessive(tokens, e, stop)
    if j < 0:
        return None
    for k2, m2 in ms:
        if k2 < j:
            continue
        gap = tokens[j:k2]
        if len(gap) > 1 and gap[-1].text == ",":
            gap = gap[:-1]  # "Jackson's doctor, Conrad Murray"
        if k2 >= stop or len(gap) > 4 or not gap or not all(t.text[:1].islower() for t in gap):
            return None
        return (k2, m2) if m2.type in ("person", "name") and m2.via != "office" else None
    return None


def _np_end(tokens: list[Token], e: int, stop: int) -> int:
    """Past a possessive's noun after a mention ending at e: "Ethiopia's federal government" -> after
    "government"; "Somaliland's leader" -> after "leader". Else e."""
    fused = e > 0 and tokens[e - 1].lower.endswith(("'s", "’s"))  # "Ethiopia's" as one token
    if fused or (e < stop and tokens[e].lower in ("'s", "’s", "'")):
        j = e if fused else e + 1
        while (
            j < stop
            and j - e <= 4
            and tokens[j].text[:1].islower()
            and tokens[j].lower not in (_w("coordinators") | wordset("mode", "speech") | {"or"})
        ):
            j += 1
        return j
    return e


def _demonym_noun_end(tokens: list[Token], e: int, m: ActorMention, stop: int) -> int:
    """Past the noun a demonym qualifies, when it names people or forces (syntax.toml's group_heads and
    organ_heads): "Israeli troops" and "Palestinian gunmen" are coordinated in "between Israeli troops and
    Palestinian gunmen". Up to two such words ("Israeli security forces"); else e."""
    if m.via != "demonym":
        return e
    heads = syntax_words("group_heads") | syntax_words("organ_heads") | _w("demonym_noun_modifiers")
    j = e
    while j < min(stop, e + 2) and tokens[j].lower in heads and tokens[j].text[:1].islower():
        j += 1
    return j


def _qualifier_only(toks: list[Token]) -> bool:
    """True for nothing, or for a possessor and its title before a named person ("Somaliland's leader")."""
    if not toks:
        return True
    poss = next((n for n, t in enumerate(toks) if t.lower.endswith(("'s", "’s"))), None)
    if poss is None or poss > 3 or len(toks) - poss > 4:
        return False
    return all(t.text[:1].isupper() for t in toks[:poss]) and all(t.text[:1].islower() for t in toks[poss + 1 :])


def _conjuncts(tokens: list[Token], k: int, m: ActorMention, ms: list[Placed], stop: int) -> list[Placed]:
    """Mentions coordinated with the one at k ("Russia and Ukraine", "Mali, Burkina Faso and Niger",
    "Ethiopia's federal government and the TPLF"), each raised to its head person. Commas join only in a
    list closed by "and" ("In Moscow, Putin signed" is no list)."""
    out: list[Placed] = [(k, m)]
    seps: list[str] = []
    e = _demonym_noun_end(tokens, _np_end(tokens, _end(tokens, k, m), stop), m, stop)
    for k2, m2 in ms:
        if k2 < e:
            continue
        if k2 >= stop:
            break
        gap = [t for t in tokens[e:k2] if t.lower not in ("the", "a", "an")]
        if not gap or gap[0].lower not in (_w("coordinators") | {","}) or not _qualifier_only(gap[1:]):
            break
        head = _head(tokens, k2, m2, ms, stop)
        out.append(head)
        seps.append(gap[0].lower)
        e = _demonym_noun_end(tokens, _np_end(tokens, _end(tokens, head[0], head[1]), stop), head[1], stop)
    while seps and seps[-1] == ",":
        seps.pop()
        out.pop()
    return out


def first_subject(tokens: list[Token], lo: int, hi: int, ms: list[Placed]) -> Placed | None:
    """First mention in tokens[lo:hi] not inside a prepositional phrase, raised to its head person; or the
    X of a collective noun's "of X" opening the stretch ("the governments of South Korea ... condemned"), or of
    "lawyers for X"."""
    inside = [(k, m) for k, m in ms if lo <= k < hi]
    in_pp: set[int] = set()
    first = None
    for k, m in inside:
        if k in in_pp:
            continue
        if after_preposition(tokens, k, lo) and not _counted_group(tokens, lo, k):
            conjuncts = _conjuncts(tokens, k, m, inside, hi)
            opens = next((n for n, c in enumerate(conjuncts) if n and _opens_clause(tokens, lo, k, c, hi)), None)
            in_pp.update(k2 for k2, _ in conjuncts[:opens])  # "of Japan, South Korea and ..."
            continue
        first = (k, m)
        break
    if first is None:
        first = next(
            (
                (k, m)
                for k, m in inside
                if (m.type != "name" and _of_head(tokens, k, lo)) or _speaks_for(tokens, k, lo) or _leads(tokens, k, lo)
            ),
            None,
        )
    if first is None:
        return None
    return _head(tokens, first[0], first[1], inside, hi)


def _opens_clause(tokens: list[Token], lo: int, k: int, conjunct: Placed, hi: int) -> bool:
    """True when a mention joined by "and" to the object of a preposition at k is rather the subject of a clause
    of its own: a verb follows it, and one stands between the stretch's start and that preposition ("walked to
    the border with Haiti and World Vision is now working with Unicef"; not "talks with Russia and China
    failed", where the phrase qualifies the subject)."""
    k2, m2 = conjunct
    if tokens[k2 - 1].lower != "and":
        return False
    e = _np_end(tokens, _end(tokens, k2, m2), hi)
    return (e == hi or _verb_follows(tokens, e, frozenset())) and any(
        _verb_follows(tokens, j, frozenset()) for j in range(lo, k)
    )


def _speaks_for(tokens: list[Token], k: int, lo: int) -> bool:
    """True when the mention at k follows "<representatives> for" at the start of the stretch ("Lawyers for Dr
    Murray argued"): those who speak for a named client are the client (tests/gold/README_t17.md)."""
    j = k - 1
    while j >= lo and tokens[j].lower in ("the", "a", "an"):
        j -= 1
    return lo + 1 <= j <= lo + 3 and tokens[j].lower == "for" and tokens[j - 1].lower in _w("representatives")


def _leads(tokens: list[Token], k: int, lo: int) -> bool:
    """True when the mention at k follows "<noun> led by" (or another of [roles] heading_participles) opening the
    stretch ("Forces led by Khalifa Haftar attacked", "A delegation headed by the foreign minister"): the leader
    acts through them."""
    j = k - 1
    while j >= lo and tokens[j].lower in ("the", "a", "an"):
        j -= 1
    return lo + 1 <= j <= lo + 4 and tokens[j].lower == "by" and tokens[j - 1].lower in _w("heading_participles")


def _of_head(tokens: list[Token], k: int, lo: int) -> bool:
    """True when the mention at k follows "<collective noun> of/in/from (the)" at the start of the stretch."""
    j = k - 1
    while j >= lo and tokens[j].lower in ("the", "a", "an"):
        j -= 1
    if j < lo + 1 or tokens[j].lower not in _w("of_head_prepositions") or tokens[j - 1].lower not in _w("of_heads"):
        return False
    return j - 1 - lo <= 3  # a short noun phrase opens the stretch: "(the) (military) officers in"


def _passive_here(tokens: list[Token], clause: Clause, cue: Cue) -> bool:
    """A passive the mode stage may miss: a form of "be" and -ly adverbs before a past form
    ("was briefly detained")."""
    if cue.form != "past":
        return False
    k = cue.i - 1
    while k > clause.i0 and tokens[k].lower.endswith("ly") and tokens[k].text[:1].islower():
        k -= 1
    return k >= clause.i0 and k < cue.i - 1 and tokens[k].lower in wordset("mode", "be")


def _undergone(tokens: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when the cue is the noun of "come under" or "be under" ("came under attack", "was under heavy fire",
    "came under rocket fire"; [roles].undergone_verbs) or a phrase that [roles].undergone_openers open ("came under
    criticism", "faced calls to resign"): its subject suffers it."""
    if cue.event_type in _w("undergone_opener_types") and any(
        cue.phrase.startswith(opener + " ") for opener in _w("undergone_openers")
    ):
        return True
    k = cue.i - 1
    while (
        k > clause.i0
        and cue.i - k <= 2
        and tokens[k].text.isalpha()
        and tokens[k].text.islower()
        and tokens[k].lower != "under"
    ):
        k -= 1  # "heavy", "rocket", "renewed"
    return k > clause.i0 and tokens[k].lower == "under" and tokens[k - 1].lower in _w("undergone_verbs")


def _crowd(tokens: list[Token], clause: Clause, cue: Cue, ms: list[Placed]) -> Placed | None:
    """The crowd doing a protest with no named doer: "<Demonym> protesters" of the first country or capital named
    in the clause after a preposition of place, else of the first named there ("Protests broke out in Caracas" ->
    "Venezuelan protesters"; "rallied outside the French embassy in Niamey" -> "Nigerien protesters")."""
    if cue.event_type not in _w("crowd_types"):
        return None
    states = [
        (k, m)
        for k, m in ms
        if clause.i0 <= k < clause.i1 and m.type in STATE_TYPES and m.country and demonym(m.country)
    ]
    # where it happens first ("rallied outside the French embassy in Niamey": Nigerien protesters), then any state
    where = _w("place_prepositions") | _w("crowd_place_prepositions")
    placed = [(k, m) for k, m in states if m.via != "demonym" and after_preposition(tokens, k, clause.i0, where)]
    for k, m in placed + states:
        return k, crowd_of(m)
    return None


def crowd_of(m: ActorMention) -> ActorMention:
    """The crowd of m's country, at m's words: "<Demonym> protesters" ([roles].crowd_label; tests/gold/README.md)."""
    name = cues()["roles"]["crowd_label"].format(demonym(m.country))
    return ActorMention(m.start, m.end, m.text, "crowd:" + m.country, name, "crowd", m.country)


def _people_of(m: ActorMention) -> bool:
    """True for a nation's people named by their demonym in the plural ("Israelis", "Georgians"), not a state."""
    name = demonym(m.country) if m.country else ""
    return bool(name) and m.text.lower() == name.lower() + "s"


def shares_first_subject(tokens: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when the verb is coordinated with an earlier one ("Putin said ... and warned ...", "... and did not
    rule out"): it shares the clause's first subject."""
    k = cue.i - 1
    while k > clause.i0 and (tokens[k].lower in _w("vp_adverbs") or tokens[k].lower in _w("negated_auxiliaries")):
        k -= 1
    return k > clause.i0 and tokens[k].lower in ("and", "but")


def _subordinating_as(tokens: list[Token], k: int) -> bool:
    """True when "as" at k opens a clause ("as the military massed troops"), not a comparison or a list
    ("such as", "as well as", "as soon as")."""
    prev = tokens[k - 1].lower if k > 0 else ""
    nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    return prev not in ("such", "well", "so", "same", "soon") and nxt not in (
        "well",
        "soon",
        "much",
        "many",
        "part",
        "a",
        "an",
    )


class _Span:
    """Where the subject of the verb is looked for: tokens[lo:hi], the speaker of a verb of saying before
    it (and that verb's index), and the clause's first subject as a fallback."""

    def __init__(self, tokens: list[Token], clause: Clause, cue: Cue, ms: list[Placed]) -> None:
        self.lo, self.hi, self.speaker, self.said_at, self.bound_at = clause.i0, cue.i, None, -1, -1
        self.unnamed_at = -1  # a verb of saying whose subject is no actor ("Prosecutors say ...")
        self.first = first_subject(tokens, clause.i0, cue.i, ms)
        if shares_first_subject(tokens, clause, cue):
            return
        speech, boundaries = saying(), _w("subject_boundaries")
        for k in range(clause.i0, cue.i):
            w = tokens[k].lower
            if w in speech and w != "according" and says(tokens, k):
                said = first_subject(tokens, self.lo, k, ms)
                # The outermost named speaker reports what follows ("Cooper testified that Murray told her
                # he had given ..." is Cooper's statement); a nested one counts after an anonymous speaker.
                if said is not None and (self.speaker is None or _anonymous(tokens, self.speaker)):
                    self.speaker = said
                    self.said_at = k
                elif said is None and self.speaker is None and self.unnamed_at < 0:
                    self.unnamed_at = k
                self.lo = k + 1
            elif w in boundaries or (w == "as" and _subordinating_as(tokens, k)):
                self.lo, self.bound_at = k + 1, k
            elif w == "," and k + 1 < cue.i and tokens[k + 1].lower in ("and", "but"):
                self.lo, self.speaker, self.said_at, self.unnamed_at = k + 2, None, -1, -1


def by_agent(tokens: list[Token], cue: Cue, i1: int, mentions: list[Placed]) -> Placed | None:
    """The first of `mentions` (after the verb) that names a passive's agent: right after a "by" ("by Russia",
    "by the army"), or among the capitalized words after the verb's "by" (agent_words: "by Home Secretary Alan
    Johnson", past the title); None when there is none."""
    lo, hi = agent_words(tokens, cue, i1)
    return next(
        (
            (k, m)
            for k, m in mentions
            if k > cue.i
            and (
                tokens[k - 1].lower == "by"
                or (k > 1 and tokens[k - 2].lower == "by" and tokens[k - 1].lower in ("the", "a"))
                or lo <= k < hi
            )
        ),
        None,
    )


def agent_words(tokens: list[Token], cue: Cue, i1: int) -> tuple[int, int]:
    """Tokens [lo, hi) naming a passive's agent: after a "by" at most two words past the verb (and a
    determiner), the capitalized words there ("was fired by Home Secretary Alan Johnson", "was warned by Cherilyn
    Lee"); (-1, -1) when no "by" follows the verb."""
    by = next((k for k in range(cue.j, min(i1, cue.j + 3)) if tokens[k].lower == "by"), -1)
    if by < 0:
        return -1, -1
    lo = by + 1
    if lo < i1 and tokens[lo].lower in ("the", "a", "an"):
        lo += 1
    hi = lo
    while hi < i1 and tokens[hi].text[:1].isupper():
        hi += 1
    return lo, hi


def _speaker_agent(tokens: list[Token], cue: Cue, i1: int) -> bool:
    """True when a passive's agent is the speaker's own, told with a possessive of [roles].speaker_possessives right
    after "by" ("said the drones were shot down by its air defences", "by our forces")."""
    lo, _ = agent_words(tokens, cue, i1)
    return 0 <= lo < i1 and tokens[lo].lower in _w("speaker_possessives")


def _opens_with(tokens: list[Token], lo: int, hi: int, key: str) -> bool:
    """True when a word of [roles].`key` is among the first words after a verb of saying (tokens[lo:hi]): "he"/"she"
    (person_pronouns), or a possessive that makes a reported passive's subject the speaker's own
    (speaker_possessives: "Russia said three of its soldiers were captured")."""
    return any(tokens[k].lower in _w(key) for k in range(lo, min(hi, lo + 4)))


def _undergone_threat(cue: Cue) -> bool:
    """True for a THREATEN phrase whose subject is the one threatened ([roles].threats_undergone: "would pay a
    heavy price", "would face a resolute response")."""
    return cue.event_type == "THREATEN" and cue.phrase.split()[0] in _w("threats_undergone")


def _anonymous(tokens: list[Token], speaker: Placed) -> bool:
    """True for a speaker that only attributes ("US officials said", "Russian media reported", "the Guardian
    website reported", a news outlet of [roles].news_outlets)."""
    e = _end(tokens, speaker[0], speaker[1])
    return news_outlet(speaker[1]) or (e < len(tokens) and tokens[e].lower in _w("anonymous_speakers"))


def _represents(tokens: list[Token], speaker: Placed) -> bool:
    """True when an anonymous speaker speaks for the side it names ("Mexican officials", "BP officials"): a
    known actor, not a stand-in name nor a news outlet, before a word of [roles].representative_speakers."""
    k, m = speaker
    e = _end(tokens, k, m)
    return (
        m.type != "name" and not news_outlet(m) and e < len(tokens) and tokens[e].lower in _w("representative_speakers")
    )


def news_outlet(m: ActorMention) -> bool:
    """True when the mention names a news outlet ([roles].news_outlets: "the BBC", "Reuters")."""
    words = m.text.lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words) in _w("news_outlets")


def _audience(tokens: list[Token], k: int, m: ActorMention) -> bool:
    """True for a news outlet that hears the words rather than takes part in the happening ("told the BBC",
    "speaking to Newsbeat", "in an interview with CNN", "according to Reuters")."""
    if not news_outlet(m):
        return False
    j = k - 1 if k > 0 and tokens[k - 1].lower == "the" else k
    j -= 1
    if j < 0:
        return False
    w = tokens[j].lower
    hearing = j > 0 and (tokens[j - 1].lower in saying() or tokens[j - 1].lower in _w("outlet_hearing"))
    return w in saying() or (w in ("to", "with") and hearing)


def _pronoun_for(tokens: list[Token], lo: int, hi: int, before: Placed | None) -> Placed | None:
    """`before` (the speaker, or the clause's first subject) when the stretch opens with a pronoun that
    stands for it ("Russia said on Monday it was ...", "..., and he urged")."""
    if before is None:
        return None
    for k in range(lo, min(hi, lo + 6)):
        w = tokens[k].lower
        if w in _w("speaker_pronouns"):
            return before
        if w in _w("person_pronouns"):
            return before if before[1].type == "person" else None
        if w in _w("determiners"):
            return None
    return None


def _about(
    tokens: list[Token],
    cue: Cue,
    lo: int,
    stops: tuple[int, int],
    speaker: Placed,
    ms: list[Placed],
    home: str = "",
) -> Placed | None:
    """Whom a reported statement is about: the first actor of the reported words that is neither the
    speaker nor the speaker's own state ("Netanyahu said Israel would keep degrading Hezbollah"); a
    group or person of the same country may be ("the army said it was striking RSF bases"). A speaker the
    article introduced with no country of its own (a learned person, a name, a group) is of `home`, the
    article's country ("Attorney General Eric Holder announced that the U.S. government had ..."), unless it is a
    company of the gazetteer, which is of its home country ("Sanofi said it will not give free vaccines to
    Nigeria": Nigeria is no state of Sanofi's)."""
    sp = speaker[1]
    any_place = cue.event_type in _w("place_target_types")
    introduced = sp.type in ("name", "group") or (sp.type == "person" and sp.via == "learned")
    sp_country = sp.country or firm_country(sp) or (home if introduced else "")

    def ok(k: int, m: ActorMention) -> bool:
        own_state = sp_country and m.country == sp_country and m.type in STATE_TYPES
        return (
            m.actor_id != sp.actor_id
            and not own_state
            and (any_place or not after_preposition(tokens, k, lo, _w("place_prepositions")))
        )

    soft, hard = stops
    found = next(((k, m) for k, m in ms if lo < k < soft and ok(k, m)), None)
    if found is None:
        found = next(((k, m) for k, m in ms if soft <= k < hard and ok(k, m)), None)
    if found is None:
        return None
    head = _head(tokens, found[0], found[1], ms, hard)
    return head if ok(*head) else found


def says(tokens: list[Token], k: int) -> bool:
    """True when tokens[k] is a verb of saying: lower case ("United States" is a name), no participle after a
    possessive or a determiner ("Blair's reported comments") and not part of a noun compound of
    [roles].speech_compounds ("think tank")."""
    tok = tokens[k]
    if tok.lower not in saying() or not tok.text[:1].islower():
        return False
    if (
        k > 0
        and tok.lower.endswith("ed")
        and (possessive(tokens[k - 1].text) or tokens[k - 1].lower in _w("determiners"))
    ):
        return False  # "Blair's reported comments", "the stated aim": an adjective of the noun after it
    pair = tok.lower + " " + (tokens[k + 1].lower if k + 1 < len(tokens) else "")
    return pair not in _w("speech_compounds")


def _target_stops(tokens: list[Token], clause: Clause, cue: Cue) -> tuple[int, int]:
    """(soft, hard): where the stretch holding the target ends. Past the soft stop a mention is taken
    only when none came before it; past the hard stop never. A participle of [roles] heading_participles before
    "by" is a hard stop: "ordered an inquiry, headed by Paul Volcker, the former head of the Federal Reserve"
    names who leads the inquiry, no one acted upon."""
    hard_words, soft_words, comma_words = _w("target_stops"), _w("soft_target_stops"), _w("comma_stops")
    speech, be = wordset("mode", "speech"), wordset("mode", "be")
    soft = None
    if " ... " in cue.phrase and cue.j == cue.i + 1:
        # "took soldiers and civilians back to Gaza as hostages": the object ends at "as" (a cue that holds its
        # words, "denied access by ...", has no object between)
        gap = _gap_end(tokens, cue, clause.i1)
        return gap, gap
    for k in range(cue.j, clause.i1):
        w = tokens[k].lower
        nxt = tokens[k + 1].lower if k + 1 < clause.i1 else ""
        hard = (
            (k > cue.j and ((w in hard_words and (w, nxt) != ("because", "of")) or (w in speech and says(tokens, k))))
            or w == ";"
            or (w == "," and nxt in comma_words)
            or (k > cue.j and nxt == "by" and w in _w("heading_participles") and tokens[k - 1].lower not in be)
            # "asked on Monday whether Chevron would pay": what is asked about holds no one acted upon
            or (
                cue.phrase == "ask"
                and tokens[k].text in wordset("nonevent", "question_words")
                and asks_question(tokens, cue)
            )
        )
        if hard:
            return (k if soft is None else soft), k
        if soft is None and (w in soft_words or (w == "," and (nxt.endswith("ing") or nxt == "the"))):
            soft = k
    return (clause.i1 if soft is None else soft), clause.i1


def _gap_end(tokens: list[Token], cue: Cue, hi: int) -> int:
    """Where the object of a "verb ... words" cue ends ("take ... hostage"): at its words (plover.gap_words_at), or
    at a preposition before them ("back to Gaza as hostages" is no one taken; the "of" of a count, "dozens of
    Mexicans", is none), else at hi."""
    end = gap_words_at(tokens, cue.j, hi, cue.phrase)
    end = hi if end < 0 else end
    counts = _w("counting_heads")
    return next(
        (
            k
            for k in range(cue.j, end)
            if (tokens[k].lower in _w("prepositions") and not (k > 0 and tokens[k - 1].lower in counts))
            or tokens[k].lower == "back"
        ),
        end,
    )


def _between(tokens: list[Token], lo: int, hi: int, ms: list[Placed], end: int = -1) -> list[Placed]:
    """Coordinated mentions after a "between" in tokens[lo:hi] ("between Israel and Hezbollah"), running on to
    `end` when given (the "between" may stand right before it: "talks between Blinken and Wang Yi")."""
    for k in range(lo, hi):
        if tokens[k].lower == "between":
            nxt = next(((k2, m2) for k2, m2 in ms if k2 > k), None)
            if nxt is not None and nxt[0] - k <= 4:
                pair = _conjuncts(tokens, nxt[0], nxt[1], ms, max(hi, end))
                if len(pair) > 1:
                    return pair
    return []


def instrument_maker(tokens: list[Token], k: int, m: ActorMention, cue: Cue) -> bool:
    """True when the state mention m at token k qualifies the weapon a verb of using fires ([roles].instrument_cues:
    "used North Korean missiles", "fired US-made rockets"): the weapon's maker, not the one acted upon ("destroyed two
    Russian tanks" is)."""
    if cue.phrase.split()[0] not in _w("instrument_cues") or m.type not in STATE_TYPES:
        return False
    j = _end(tokens, k, m)
    weapons = syntax_words("weapon_heads")
    return any(t.lower in weapons for t in tokens[j : j + 3])


def _helper(tokens: list[Token], k: int, lo: int) -> bool:
    """True when the mention at token k is named as the doer's helper ("with help from Hezbollah fighters", "with
    the support of Russian jets", "backed by Iran": [roles].helper_phrases): an ally, not the one acted upon."""
    before = " ".join(t.lower for t in tokens[max(lo, k - 4) : k])
    return any(before.endswith(p) for p in _w("helper_phrases"))


def _object(
    tokens: list[Token], cue: Cue, ms: list[Placed], source: Placed | None, stops: tuple[int, int]
) -> Placed | None:
    """The first actor after the verb other than the source; places only for [roles].place_target_types;
    before the soft stop if any, else up to the hard stop."""
    soft, hard = stops
    places = _w("place_prepositions")
    any_place = cue.event_type in _w("place_target_types")
    cands = [
        (k, m)
        for k, m in ms
        if cue.j <= k < hard
        and (source is None or m.actor_id != source[1].actor_id)
        and (any_place or not after_preposition(tokens, k, cue.j, places))
        and not _helper(tokens, k, cue.j)
        and not instrument_maker(tokens, k, m, cue)
        # "discussed Taiwan and fentanyl": a topic, not a party; "discussed the crisis with Macron" is
        and (cue.phrase not in _w("topic_cues") or tokens[k - 1].lower == "with")
    ]
    pick = next(((k, m) for k, m in cands if k < soft), None) or (cands[0] if cands else None)
    if pick is None:
        return None
    if cue.quad_class.endswith("conflict"):
        # "filed a complaint with the UN Security Council against Israel": the one it is against, not the forum
        against = next(((k, m) for k, m in cands if k < hard and _after_against(tokens, k, pick[0])), None)
        pick = against or pick
    return _head(tokens, pick[0], pick[1], [(k, m) for k, m in ms if k >= cue.j], hard)


def _after_against(tokens: list[Token], k: int, first: int) -> bool:
    """True when the mention at k, after the first candidate object at `first`, is the object of "against" (past a
    determiner), and that first one is the object of another preposition ("with the UN Security Council")."""
    if k <= first or not after_preposition(tokens, first, max(0, first - 3)):
        return False
    j = k - 1 - (k > 1 and tokens[k - 1].lower in ("the", "a", "an"))
    return j >= 0 and tokens[j].lower == "against"


def _acts(
    tokens: list[Token], clause: Clause, cue: Cue, ms: list[Placed], passive: bool, span: _Span, stops: tuple[int, int]
) -> tuple[Placed | None, Placed | None]:
    """(source, target) of a happening told directly or as an attributed fact."""
    subj = (
        first_subject(tokens, span.lo, span.hi, ms)
        or _pronoun_for(tokens, span.lo, span.hi, span.speaker)
        or _pronoun_for(tokens, span.lo, span.hi, span.first)
    )
    if subj is None and span.speaker is None:
        subj = span.first
    after = [(k, m) for k, m in ms if cue.j <= k < stops[1]]
    if _undergone(tokens, clause, cue):
        # "Kharkiv came under attack from Russian drones": the subject suffers it, the actor after "from" does it
        preps = _w("undergone_preps")
        if " ... " in cue.phrase:
            # "is facing a raft of lawsuits from Ecuador": the doer follows the phrase's own words
            after = [(k, m) for k, m in ms if cue.j <= k < clause.i1]
        doer = next(
            (
                (k, m)
                for k, m in after
                if tokens[k - 1].lower in preps
                or (k > 1 and tokens[k - 1].lower in ("the", "a") and tokens[k - 2].lower in preps)
            ),
            None,
        )
        return doer, subj
    agent = None
    if passive or (cue.j < len(tokens) and tokens[cue.j].lower == "by"):
        agent = by_agent(tokens, cue, clause.i1, after)
    if passive and subj is None:
        # no actor suffered it as the subject ("Sanctions were imposed on Russia by the EU"): an actor right
        # after "on", "against" or "at" did (not "intercepted ... with help from US destroyers")
        subj = next(
            (
                (k, m)
                for k, m in after
                if (agent is None or k != agent[0]) and k > 0 and tokens[k - 1].lower in _w("passive_target_preps")
            ),
            None,
        )
    hit = _hit_after_agent(tokens, cue, agent, after) if agent is not None else None
    if hit is not None:
        return agent, hit
    if passive and agent is None and cue.event_type in _w("symmetric_types"):
        pair = _between(tokens, span.lo, min(stops[1], cue.j + 2), ms, stops[1])
        if len(pair) >= 2:
            return pair[0], pair[1]  # "A meeting between Blinken and Wang Yi was held in Beijing"
    if passive and agent is not None and subj is None and cue.event_type in _w("symmetric_types"):
        pair = _conjuncts(tokens, agent[0], agent[1], ms, stops[1])
        if len(pair) == 2:
            return pair[0], pair[1]  # "A ceasefire was agreed by Israel and Hamas"
    if passive and cue.event_type in _w("passive_recipient_types"):
        # right after the participle ("was given to the zoo"; not "were given tickets to Hong Kong's Disneyland")
        at = cue.j + 1 if cue.j < len(tokens) and tokens[cue.j].lower in _w("passive_recipient_preps") else -1
        at += at > 0 and at < len(tokens) and tokens[at].lower == "the"
        subj = next(((k, m) for k, m in after if k == at), subj)
    if passive or agent is not None:
        return agent, (subj if passive else None)
    source, target = subj, _object(tokens, cue, ms, subj, stops)
    if cue.event_type in _w("symmetric_types") or cue.phrase in _w("reciprocal_cues"):
        pair = _conjuncts(tokens, subj[0], subj[1], ms, cue.i) if subj is not None else []
        if len(pair) != 2:
            pair = _between(tokens, span.lo, min(stops[1], cue.j + 2), ms, stops[1])  # "talks between A, B and C"
        direct = target is not None and all(t.lower in _DIRECT for t in tokens[cue.j : target[0]])
        if len(pair) >= 2 and subj is not None and cue.phrase in _w("mediating_cues"):
            target = pair[0]  # "Qatar mediated between Israel and Hamas": Qatar, with the first party
        elif len(pair) >= 2 and not (direct and target[1].actor_id not in {m.actor_id for _, m in pair}):
            source, target = pair[0], pair[1]
        elif len(pair) >= 2:
            source = pair[0]  # "Japan and South Korea met China": a direct object is the one met
    return source, target


_DIRECT = frozenset({"the", "a", "an", "with"})  # words between a symmetric verb and its direct object


def _hit_after_agent(tokens: list[Token], cue: Cue, agent: Placed, after: list[Placed]) -> Placed | None:
    """The object of the sentence's main verb when the cue is a participle qualifying its subject, its agent named
    ("Missiles fired by Russia hit Kyiv": Kyiv; "Drones launched by the Houthis struck a tanker"): the actor right
    after the one word that follows the agent (and a determiner); None for a passive told with "be" ("was fired
    by Russia at Kyiv")."""
    before = tokens[cue.i - 1].lower if cue.i else ""
    if not before.isalpha() or before in wordset("mode", "be") or before in wordset("mode", "have"):
        return None
    if before in function_words("en") or before.endswith("ly"):
        return None  # "that was fired by", "were reportedly fired by"
    e = _end(tokens, agent[0], agent[1])
    if e >= len(tokens) or not tokens[e].text.isalpha() or not tokens[e].text.islower():
        return None
    if tokens[e].lower in function_words("en"):
        return None  # "fired by Russia on Tuesday", "... and Belarus"
    at = e + 1 + (e + 1 < len(tokens) and tokens[e + 1].lower in ("the", "a", "an"))
    return next(((k, m) for k, m in after if k == at), None)


def _later_speaker(tokens: list[Token], cue: Cue, ms: list[Placed], hard: int) -> Placed | None:
    """A mention after the verb, before the target stretch's hard stop, that is the subject of a verb of saying
    right after it ("..., Interior Secretary Ken Salazar told a Senate panel"; one -ly adverb may stand between)."""
    for k, m in ms:
        if k < cue.j or k >= hard:
            continue
        e = _end(tokens, k, m)
        if possessive(tokens[e - 1].text):
            continue  # "Alabama's claim": a noun the name owns, no one speaking
        if e < len(tokens) and tokens[e].lower.endswith("ly") and tokens[e].text[:1].islower():
            e += 1
        if e < len(tokens) and says(tokens, e):
            return k, m
    return None


def _main_clause(
    tokens: list[Token], clause: Clause, span: _Span, ms: list[Placed], hard: int
) -> tuple[Placed | None, Placed | None] | None:
    """(source, target) of the clause before the conditional ("if", "unless") that the verb follows ("Ukraine
    would respond militarily if Russia attacked Odesa": Ukraine, on Russia), or None when no subject stands
    before it. Other subordinators ("after Israel's cabinet approved it") keep the verb's own roles."""
    if span.speaker is not None or span.bound_at <= clause.i0:
        return None
    if tokens[span.bound_at].lower not in wordset("mode", "conditional"):
        return None
    main = first_subject(tokens, clause.i0, span.bound_at, ms)
    if main is None:
        return None
    other = next(((k, m) for k, m in ms if span.bound_at < k < hard and m.actor_id != main[1].actor_id), None)
    return main, other


def _accused(tokens: list[Token], cue: Cue, span: _Span, ms: list[Placed], hard: int) -> Placed | None:
    """The doer of reported words the classifier read as an accusation ([roles].accused_subject_types) when the
    verb of saying before them has a subject that is no actor ("Prosecutors say Murray caused the death": Murray)
    and no named speaker follows; None otherwise."""
    if span.speaker is not None or span.unnamed_at < 0 or cue.event_type not in _w("accused_subject_types"):
        return None
    if _later_speaker(tokens, cue, ms, hard) is not None:
        return None  # "With fears growing that ..., Salazar told a panel": the one who speaks after accuses
    return first_subject(tokens, span.unnamed_at + 1, cue.i, ms)


def assign(
    tokens: list[Token],
    clause: Clause,
    cue: Cue,
    mentions: list[Placed],
    passive: bool,
    retyped: bool = False,
    home: str = "",
    statement: bool = False,
) -> tuple[ActorMention | None, ActorMention | None]:
    """(source, target) of the clause's happening. `retyped`: the classifier gave the clause another type
    than the cue's, or its type to a clause the rules gave none; when the cue stands in a conditional clause ("if
    Russia attacked"), that type is the main clause's, whose subject acts on the conditional clause's first actor;
    when it is an accusation ([roles].accused_subject_types) of reported words whose speaker is no actor
    ("Prosecutors say Murray caused the death"), the reported doer is its target. `statement`: the clause is read as
    a statement, so reported words that name no doer are the speaker's, even an anonymous one ("Mexican
    officials said their citizens were being unfairly confined": Mexico)."""
    # "US-made missiles", "Iranian-backed groups": a mention fused to a hyphenated word only modifies a noun.
    named = frozenset(k for k, m in mentions if m.type in ("organization", "name"))
    mentions = [
        (k, m)
        for k, m in mentions
        if not hyphen_modifier(tokens, k, m)
        and not generic(m)
        and not _audience(tokens, k, m)
        and not trade_modifier(tokens, k, m, named)
    ]
    stops = _target_stops(tokens, clause, cue)
    span = _Span(tokens, clause, cue, mentions)
    passive = passive or _passive_here(tokens, clause, cue)
    main = _main_clause(tokens, clause, span, mentions, stops[1]) if retyped else None
    accused = _accused(tokens, cue, span, mentions, stops[1]) if retyped and main is None else None
    if main is not None:
        source, target = main
    elif accused is not None:
        # "Prosecutors say Murray caused Jackson's death", read as the accusation: the one the words make the doer is
        # accused, by a speaker who is no actor (an organ of the state may stand for its country later)
        source, target = None, accused
    elif (
        span.speaker is not None
        and passive
        and not statement
        and not (retyped and cue.event_type in _w("accused_subject_types"))
        and not _anonymous(tokens, span.speaker)
    ):
        # A happening the speaker reports in the passive ("Israel said it was attacked by Hezbollah", "the health
        # ministry said 15 people were killed"): its agent did it, or no one the text names; the speaker only
        # tells of it, and undergoes it where its own pronoun is the subject ("Russia said three of its soldiers
        # were captured"). Read by the classifier as an accusation, the words are the speaker's act ("Scholz said
        # Ukraine had been attacked by Russia")
        source, target = _acts(tokens, clause, cue, mentions, passive, span, stops)
        person = span.speaker[1].type == "person"
        if person and target is span.speaker and not _opens_with(tokens, span.lo, cue.i, "person_pronouns"):
            target = None  # "BP's spokesman said it would be deployed": "it" is no person
        if source is None and not person and _speaker_agent(tokens, cue, clause.i1):
            source = span.speaker  # "... were shot down by its air defences"
        elif target is None and not person and _opens_with(tokens, span.lo, cue.i, "speaker_possessives"):
            target = span.speaker
    elif span.speaker is not None and (not _anonymous(tokens, span.speaker) or _undergone_threat(cue)):
        # Reported words: the speaker acts, on whom the words are about; a threat its subject undergoes ("a Russian
        # official said Ukraine would pay a heavy price") is the speaker's, named or not.
        source, target = span.speaker, _about(tokens, cue, span.said_at, stops, span.speaker, mentions, home)
        if (
            target is not None
            and target[0] < cue.i
            and _reported_subject(tokens, target)
            and _serves(target[1], as_actor(span.speaker[1]))
        ):
            # "The Kremlin said Putin had no plans to meet Zelensky": the state's voice tells what its leader, the
            # reported subject, does, as after an anonymous speaker; the leader acts on whom the words are about
            source, target = target, _about(tokens, cue, span.said_at, stops, target, mentions, home)
    else:
        source, target = _acts(tokens, clause, cue, mentions, passive, span, stops)
        later = _later_speaker(tokens, cue, mentions, stops[1])
        if later is not None and not passive:
            # "With fears growing that ..., Salazar told a panel": the one who speaks after is no target.
            if target is not None and target[1].actor_id == later[1].actor_id:
                target = None
            if source is None:
                source = later
            if target is not None and source is later and target[0] < later[0]:
                # "... spread damage from Louisiana to Florida, Salazar told a panel": a place before the speaker
                target = None
        if source is None and not passive:
            source = _crowd(tokens, clause, cue, mentions)
        if source is None and statement and span.speaker is not None and _represents(tokens, span.speaker):
            source = span.speaker
    if source is None and target is not None and _from_doer(tokens, cue, target[0]):
        source, target = target, None  # "drew condemnation from Washington": Washington condemns
    if source is not None and cue.event_type in _w("crowd_types") and _people_of(source[1]):
        source = (source[0], crowd_of(source[1]))  # "Israelis rallied in Tel Aviv": a nation's crowd
    src = as_actor(source[1]) if source is not None else None
    tgt = as_actor(target[1]) if target is not None else None
    if src is not None and tgt is not None and src.actor_id == tgt.actor_id:
        tgt = None
    if src is not None and tgt is not None and _serves(src, tgt):
        tgt = None  # "Putin approved a new version of Russia's nuclear doctrine": his own state is no other party
    return src, tgt


def _from_doer(tokens: list[Token], cue: Cue, k: int) -> bool:
    """True when the actor at k names who does what a noun of [roles].from_doer_types tells, after "from" right
    after the noun ("condemnation from Washington", "fresh threats from Pyongyang", "aid from the EU"); not a place
    left or a thing's origin ("withdrawal from Afghanistan", "rockets fired from Gaza")."""
    if cue.form != "noun" or cue.event_type not in _w("from_doer_types"):
        return False
    j = k - 1 - (k > 1 and tokens[k - 1].lower == "the")
    return j == cue.j and tokens[j].lower == "from"


def post_words(m: ActorMention | None) -> list[str]:
    """The words of a person's mention before the name: the body and post it was named with ("BP chairman
    Carl-Henric Svanberg" -> ["BP", "chairman"]); [] for anything else."""
    if m is None or m.type != "person" or not m.name or not m.text.endswith(m.name):
        return []
    return m.text[: len(m.text) - len(m.name)].split()


def staff_of(tokens: list[Token], mentions: list[Placed], person: ActorMention | None, body: ActorMention) -> bool:
    """True when a body is the person's own, no other party to what the person does, as a state is to those who
    serve it (_serves): the person's mention opens with the body ("BP chief executive officer Tony Hayward"), or
    the body is the mention right before the person's with only lower-case words of a post between ("BP boss Tony
    Hayward"); not for former staff ("Former BP contractor Adam Dillon")."""
    if person is None or person.type != "person" or body.type != "organization":
        return False
    words = post_words(person)
    if words and " ".join(words[: len(body.name.split())]) == body.name:
        return True
    at = next((k for k, m in mentions if m.start == person.start), None)
    before = [(k, m) for k, m in mentions if at is not None and k < at]
    if not before or before[-1][1].actor_id != body.actor_id:
        return False
    k, m = before[-1]
    if k > 0 and tokens[k - 1].lower in ("former", "ex"):
        return False
    gap = tokens[bisect.bisect_left([t.start for t in tokens], m.end) : at]
    return 0 < len(gap) <= 5 and all(t.text.isalpha() and t.text.islower() and t.lower != "former" for t in gap)


def _reported_subject(tokens: list[Token], placed: Placed) -> bool:
    """True when a finite verb or an auxiliary follows the mention: it is the subject of the reported words ("said
    Putin had no plans", "said Obama would meet"), not an object ("declared Maduro the winner")."""
    j = _end(tokens, *placed)
    return j < len(tokens) and (finite_word(tokens[j]) or tokens[j].lower == "would")


def _serves(person: ActorMention, state: ActorMention) -> bool:
    """True when `person` is a gazetteer person of `state`'s country who serves the state, not a group of it
    (Putin, Shoigu; not Prigozhin, the Wagner group's chief, whose quarrel with Russia's army is one)."""
    if person.type != "person" or state.type != "country" or not person.country or person.country != state.country:
        return False
    actor = load_gazetteer().actors.get(person.actor_id)
    return actor is not None and not actor.org


def noun_parties(tokens: list[Token], cue: Cue, mentions: list[Placed]) -> tuple[ActorMention, ActorMention] | None:
    """The two parties a noun of happening names after it with "between X and Y" ("the phone call on Saturday
    between David Cameron and Obama", "talks between Kyiv and Moscow"): (X, Y), else None. The noun's
    complement, not the clause's subject ("Shares fell despite the call between ..."), says who took part."""
    # a noun candidate's "between" may stand after its place and day ("fighting broke out in Khartoum on Saturday
    # between the army and the RSF")
    hi = min(len(tokens), cue.j + (12 if cue.form == "noun" else 6))
    at = next((k for k in range(cue.j, hi) if tokens[k].lower == "between"), -1)
    if at < 0 or any(t.text in ",;:" for t in tokens[cue.j : at]):
        return None
    after = [(k, m) for k, m in mentions if k > at and not generic(m)]
    if len(after) < 2:
        return None
    (k1, m1), (k2, m2) = after[0], after[1]
    gap = [t for t in tokens[_end(tokens, k1, m1) : k2] if t.lower not in ("the", "a", "an")]
    if len(gap) > 1 and gap[1].lower == "and" and gap[0].text.isalpha() and gap[0].text.islower():
        gap = gap[1:]  # the first party's head noun: "between M23 rebels and Kinshasa"
    modifiers = gap[1:3] if len(gap) <= 3 else []  # "and the paramilitary Rapid Support Forces"
    if (
        k1 > at + 3
        or not gap
        or gap[0].lower != "and"
        or len(gap) - 1 != len(modifiers)
        or not all(t.text.isalpha() and t.text.islower() for t in modifiers)
        or m1.actor_id == m2.actor_id
    ):
        return None
    return as_actor(m1), as_actor(m2)


def noun_agent(
    tokens: list[Token], cue: Cue, clause: Clause, mentions: list[Placed]
) -> tuple[ActorMention, ActorMention | None] | None:
    """(doer, whom or where) of a noun of happening whose doer a "by" after it names ("the visit to Washington by
    Sudan's intelligence chief", "last week's attack on the convoy by Taliban fighters"): the first actor after
    "by", and the first actor between the noun and "by" (its complement), else None. The "by" must follow the noun
    within six words, with no comma, semicolon or colon between, and the doer stand within four words after it."""
    hi = min(clause.i1, cue.j + 7)
    at = next((k for k in range(cue.j, hi) if tokens[k].lower == "by"), -1)
    if at < 0 or any(t.text in ",;:" for t in tokens[cue.j : at]):
        return None
    doer = next(((k, m) for k, m in mentions if at < k <= at + 4 and not generic(m)), None)
    if doer is None:
        return None
    whom = next(((k, m) for k, m in mentions if cue.j <= k < at and not generic(m)), None)
    return as_actor(doer[1]), (as_actor(whom[1]) if whom is not None else None)


def _institution_after(tokens: list[Token], k: int, i1: int, taken: set[int]) -> bool:
    """True when the capitalized run starting at token k ends in a word of an institution's name ("Atmospheric
    Administration"): "and" before it joins one name, not two actors ("Britain and France")."""
    j = k
    while j < i1 and j not in taken and tokens[j].text[:1].isupper() and tokens[j].text[:1].isalpha():
        j += 1
    return j > k and tokens[j - 1].text in load_gazetteer().org_words


def _inflected(word: str) -> bool:
    """True for a word with the ending of an adverb, a participle or a gerund ("Officially", "Widely",
    "Shackled", "According") that is no given name ("Ahmed"): opening a sentence alone, it names no one."""
    return len(word) > 4 and word.lower().endswith(("ly", "ed", "ing")) and word not in load_gazetteer().given_names


_LEAD_ENDS = frozenset({":", "--", "—", "–", "-", "|"})  # a dateline's or caption lead's last mark
_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "(", "["})  # marks that may stand before a lead's first word


def _names_follow(tokens: list[Token], j: int) -> bool:
    """True when "and" or "&" and a capitalized word follow token j-1: "Alabama and Louisiana have sued"."""
    return j + 1 < len(tokens) and tokens[j].lower in ("and", "&") and tokens[j + 1].text[:1].isupper()


def _verb_follows(tokens: list[Token], j: int, verbs: frozenset[int]) -> bool:
    """True when token j is a verb: an event cue of the sentence (index in `verbs`), a verb of saying, an
    auxiliary or a lower-case past form ("Greenpeace alleges", "Kestrel said", "Kestrel has", "Transocean
    issued"), as after a subject."""
    if j >= len(tokens):
        return False
    word = tokens[j].text
    lower = word.lower()
    return j in verbs or past_form(word) or any(lower in wordset("mode", k) for k in _VERB_LISTS)


_VERB_LISTS = ("speech", "be", "have", "future", "hypothetical_modals")  # [mode] lists of cues.toml


@functools.cache
def _joining_heads() -> frozenset[str]:
    """Head words of a body's name that "of" or "for" and a capitalized name after them continue ("Department of
    Health", "International Organisation for Migration", "Institute of Oceanography"): the gazetteer's body_heads and
    [learned_orgs] name_heads, and `[roles].org_heads`."""
    gaz = load_gazetteer()
    heads = gaz.cues.get("learned_orgs", {}).get("name_heads", ())
    return frozenset(gaz.body_heads) | frozenset(heads) | _w("org_heads")


def proper_names(
    tokens: list[Token],
    i0: int,
    i1: int,
    taken: set[int],
    common: Container[str] = frozenset(),
    named: frozenset[str] | None = None,
    verbs: frozenset[int] = frozenset(),
) -> list[Placed]:
    """Capitalized name phrases in tokens[i0:i1] that the gazetteer did not know ("BP", "Conrad Murray").

    `taken` holds token indexes already inside an actor mention or a temporal expression. A name stands
    in as an actor with no country (actor_id "name:<text>"). Function words that open a sentence
    ("The", "On") are not names; a capitalized common word opening a longer run is dropped ("Both Naidu" ->
    "Naidu"); alone ("Police", "Thousands") it still stands in for an actor, but assign() gives it no role.
    `common`: words the article also writes in lower case; opening the sentence, such a word is capitalized
    only for its place ("Although", "Drilling", "Unfortunately") and names no one; nor does a lone letter.
    `named`: words the article writes capitalized inside a sentence; when given, a word alone opening the
    sentence names someone only if it is one of them, an acronym, coordinated with a name ("Alabama and
    Louisiana have sued") or right before a verb (`verbs`: token indexes of the sentence's event cues; verbs of
    saying and auxiliaries count too: "Greenpeace alleges", "Transocean said"); "Somewhat belatedly, ...",
    "Choppy seas ...", "Photographs showing ..." name no one.
    """
    stop = _name_stops()
    openers = _w("name_openers")

    def opens(k: int) -> bool:
        """Token k is the sentence's first word (after quotes or brackets), or the first after a colon or dash
        that ends a dateline or a caption's lead ("NEW ORLEANS (AP) -- Choppy seas", "May 10: Boats work")."""
        p = k - 1
        while p >= 0 and tokens[p].text in _OPENING_MARKS:
            p -= 1  # 'said: "Honestly I wish': the quotation's first word opens it as a sentence does
        if p >= 0 and tokens[p].text in _LEAD_ENDS:
            return True
        return not any(t.text[:1].isalnum() for t in tokens[:k])

    out: list[Placed] = []
    k = i0
    while k < i1:
        tok = tokens[k]
        # a function word written with a capital inside a sentence, right before another capitalized word, opens
        # a name ("operator Six Flags said", "the New York Times", "the My Lai massacre"); not an article,
        # conjunction or preposition, which open titles of songs and books ("sang Like A Prayer")
        named_stop = (
            tok.lower in stop
            and tok.lower not in _not_name_openers()
            and tok.text[1:2].islower()
            and not opens(k)
            and tokens[k - 1].text[:1].islower()
            and k + 1 < i1
            and k + 1 not in taken
            and tokens[k + 1].text[:1].isupper()
            and tokens[k + 1].text[:1].isalpha()
        )
        if (
            k in taken
            or not tok.text[:1].isupper()
            or not tok.text[:1].isalpha()
            or (tok.lower in stop and not named_stop)
            or (possessive(tok.text) and tok.lower[:-2] in stop)  # "He's allowed them", "It's"
            or _modifier_word(tok.text)
            or (k > 0 and _CLOCK.fullmatch(tokens[k - 1].text) is not None)  # "16:25 UK": a time zone
            or _state_abbreviation(tokens, k)
        ):
            k += 1
            continue
        j = k
        while (
            j < i1
            and j not in taken
            and tokens[j].text[:1].isupper()
            and tokens[j].text[:1].isalpha()
            and not _modifier_word(tokens[j].text)
        ):
            j += 1
            if j + 1 < i1 and tokens[j].lower == "and" and _institution_after(tokens, j + 1, i1, taken):
                j += 1  # "National Oceanic and Atmospheric Administration": one body's name
            elif (
                j + 1 < i1
                and tokens[j].lower in ("of", "for")
                and tokens[j - 1].text in _joining_heads()
                and j + 1 not in taken
                and tokens[j + 1].text[:1].isupper()
            ):
                j += 1  # "Department of Health", "Department for International Development": the head's "of" or
                # "for" joins its name
        if any(
            len(t.text) > 1
            and t.text.isupper()
            and (
                t.lower in stop
                or t.lower in wordset("clauses", "subordinators")
                or t.lower in common  # "we have NEVER asked": a word shouted, no acronym
                # "SARS", "CEO" alone, "AP Experts have said" (a credit): no body; a title last stays ("the
                # Respect MP")
                or (t.text in load_gazetteer().not_acronyms and (j - k == 1 or t is not tokens[j - 1]))
            )
            for t in tokens[k:j]
        ):
            k = j  # "NEW CAP FOR LEAKING OIL WELL During the test", "OIL COMING UP UNTIL AUGUST": a heading, no name
            continue
        if j - k == 2 and tokens[k + 1].text == "I" and opens(k):
            k = j  # "Honestly I wish ...", "Frankly I think ...": a word opening the sentence and the pronoun
            continue
        if any(t.lower in _w("storms") for t in tokens[max(0, k - 1) : j + 1]):
            k = j  # "tropical storm Alex", "Hurricane Alex": a storm's name, no actor
            continue
        while j - k > 1 and tokens[j - 1].lower in _w("determiners") and tokens[j - 1].text[1:].islower():
            j -= 1  # "NASA Goddard The administrator ...": a caption's credit ran into the next sentence's "The"
        while j - k > 1 and (
            tokens[k].lower in openers
            or tokens[k].lower.rstrip(".") in titles()
            # (not a word the article writes capitalized inside a sentence too: "Deepwater Horizon blew up")
            or (opens(k) and tokens[k].lower in common and not (named is not None and tokens[k].text in named))
        ):
            k += 1  # "Both Naidu", "Dr Richelle Cooper": the word opens the phrase but is not the name
        if (
            j - k == 1
            and k > 0
            and tokens[k - 1].lower.rstrip(".") in titles()
            and re.sub(r"['’]s$", "", tokens[k].lower) in titles()
        ):
            k = j  # "The Attorney General's advice": an office of two titles, no name
            continue
        if j - k == 1 and (
            len(tokens[k].text) == 1
            or (
                opens(k)
                and (
                    tokens[k].lower in common
                    or _inflected(tokens[k].text)
                    or noun_type(tokens[k].lower)  # "Sanctions were criticised by China": a happening
                    or (
                        named is not None
                        and tokens[k].text not in named
                        and not tokens[k].text.isupper()
                        and not _names_follow(tokens, j)
                        and not _verb_follows(tokens, j, verbs)
                    )
                )
            )
        ):
            k = j  # "Although", "N", "Officially", "Panicked": capitalized for the sentence's start, no name
            continue
        if not (j - k == 1 and k == 0 and len(tok.text) > 1 and tok.text[1:].islower() and tok.lower in stop):
            text = " ".join(t.text for t in tokens[k:j])
            end = tokens[j - 1].end
            if possessive(text):
                text, end = text[:-2], end - 2  # "Alabama's claim": the name is Alabama
            out.append((k, ActorMention(tokens[k].start, end, text, "name:" + text, text, "name", "")))
        k = j
    return out


_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")


def _modifier_word(word: str) -> bool:
    """A capitalized word joined by a hyphen to a lower-case one, which qualifies a noun ("the Grammy-winning
    artist", "a Harvard-trained doctor"), no name."""
    head, _, tail = word.rpartition("-")
    return bool(head) and len(tail) > 2 and tail.isalpha() and tail.islower()  # not Persian "Siyasat-e Ruz"


@functools.cache
def _name_stops() -> frozenset[str]:
    """Words that open no stand-in name unless written capitalized inside a sentence (proper_names), read once."""
    return (
        wordset("roles", "prepositions")
        | wordset("roles", "determiners")
        | wordset("sentences", "starters")
        | wordset("language", "function_words")
        | wordset("mode", "negators")  # "Nor have they allowed ...", "Neither has been charged"
    )


def _state_abbreviation(tokens: list[Token], k: int) -> bool:
    """True for a state's abbreviation after a place and a comma ("Grand Isle, La.", "Key West, Fla.,";
    the gazetteer's [towns.state_abbreviations]): part of the place, no name."""
    return (
        0 < k < len(tokens) - 1
        and tokens[k - 1].text == ","
        and tokens[k + 1].text == "."
        and tokens[k].text in load_gazetteer().state_abbreviations
    )


@functools.cache
def _not_name_openers() -> frozenset[str]:
    """Words that open no name even when capitalized inside a sentence: prepositions, articles, conjunctions."""
    return wordset("roles", "prepositions") | {"a", "an", "the", "and", "or", "but", "nor"}


def group_mention(tokens: list[Token], start: int, end: int) -> ActorMention:
    """Tokens [start, end) naming a group with no gazetteer actor ("Insurgents", "suicide bomber"): an
    ActorMention of type "group" that keeps the words, no country."""
    return _group(tokens[start].start, tokens[end - 1].end, " ".join(t.text for t in tokens[start:end]))


def _group(start: int, end: int, name: str, country: str = "") -> ActorMention:
    """A group the text names with no gazetteer actor, called `name` (id "group:<name>")."""
    return ActorMention(start, end, name, "group:" + name.lower(), name, "group", country, via="learned")


_KIN = re.compile(r"['’]s\s+([a-z]+)")
_APPOSED_NAME = re.compile(r",?\s+[A-Z]")  # a name right after a title ("Jackson's sister Janet", "'s wife, Dr ...")


def kin_group(text: str, m: ActorMention) -> ActorMention:
    """A person named in the possessive before a word for kin ([roles].kin_heads: "Michael Jackson's family",
    "Jackson's parents") stands for the group "<family name> family", with the person's country; before a word
    for one other person close to them ([roles].kin_person_heads: "Obama's wife", "Jackson's doctor") for that
    person, called by the words as written; other mentions are returned unchanged."""
    if m.type != "person" or not (hit := _KIN.match(text, m.end)):
        return m
    if hit[1] in _w("kin_person_heads"):
        if _APPOSED_NAME.match(text, hit.end(1)):
            return m  # "Jackson's doctor, Conrad Murray": the name is read as the title's holder (_owner_of)
        return _group(m.start, hit.end(1), text[m.start : hit.end(1)], m.country)
    if hit[1] not in _w("kin_heads"):
        return m
    return _group(m.start, hit.end(1), f"{(m.name or m.text).split()[-1]} family", m.country)


_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([a-z]+)")  # the lower-case word after a mention, past a possessive


def _headed_group(text: str, m: ActorMention, is_head: Callable[[str], bool]) -> ActorMention:
    """The group named by mention m and the lower-case word right after it when `is_head` accepts that word
    ("Syrian rebels", "BP investors"), with m's country; m itself otherwise. A word of [roles].qualified_heads after
    it joins the group ("Syrian rebel commanders"), unless a name follows ("opposition figure Ousmane Sonko")."""
    if not (hit := _NEXT_WORD.match(text, m.end)) or not is_head(hit[1]):
        return m
    end = hit.end(1)
    if (after := _NEXT_WORD.match(text, end)) and after[1] in _w("qualified_heads"):
        # the word only qualifies the noun after it: a person named next is the one ("opposition figure Ousmane
        # Sonko"), else the whole phrase is the group ("Syrian rebel commanders")
        if _APPOSED_NAME.match(text, after.end(1)):
            return m
        end = after.end(1)
    return _group(m.start, end, text[m.start : end], m.country)


def people_group(text: str, m: ActorMention) -> ActorMention:
    """A state's demonym before a word for people who act together (extract.events.syntax.group_word: "Israeli
    protesters", "Syrian rebels") stands for that group, with the state's country; other mentions are returned
    unchanged ("Israeli forces", an organ, are the state's). Read where the words name a passive's agent ("were
    blocked by Israeli protesters"); a subject's group is read by group_subject."""
    return _headed_group(text, m, group_word) if m.via == "demonym" and m.type in STATE_TYPES else m


def armed_opposition(text: str, m: ActorMention) -> ActorMention:
    """A demonym, or a country's name with or without a possessive, before a word for those who fight or oppose the
    state ([roles].nonstate_heads: "Syrian rebels", "Libyan insurgents", "Venezuela's opposition") stands for that
    group, with the state's country, not for the state it fights; other mentions are returned unchanged ("Syrian
    troops" are the state's)."""
    if m.via == "demonym" or (m.via == "name" and m.type == "country"):
        return _headed_group(text, m, _w("nonstate_heads").__contains__)
    return m


def stakeholders(text: str, m: ActorMention) -> ActorMention:
    """A body's or person's name right before a word for those who hold a stake in it or take sides on it
    ([roles].stake_heads: "some BP investors have sued", "Obama critics") stands for that group, with the name's
    country, not for the body or person; other mentions are returned unchanged ("BP engineers", and "BP's
    shareholders", a possessive)."""
    if m.type not in ("organization", "person") or text[m.end : m.end + 1] in ("'", "’"):
        return m
    return _headed_group(text, m, _w("stake_heads").__contains__)


def government_of(text: str, m: ActorMention) -> ActorMention:
    """A person with a country named before a word for a government ([roles].government_heads: "the Obama
    administration", "Netanyahu's government") stands for that state, which the government acts for; other
    mentions are returned unchanged."""
    if m.type != "person" or not m.country or not (hit := _NEXT_WORD.match(text, m.end)):
        return m
    if hit[1] not in _w("government_heads"):
        return m
    return state_mention(m.start, hit.end(1), text[m.start : hit.end(1)], m.country, "government")


def people(text: str, m: ActorMention) -> ActorMention:
    """A plural demonym written as a noun ("urged Mexicans to avoid travel", "Britons remain under quarantine")
    stands for that people, a group with the state's country, not for the state; other mentions are returned
    unchanged ("Mexican officials", "Swiss"), and so is one after "the", which names the state's side ("refused
    to endorse the Americans' conclusions")."""
    word = m.text
    if m.via != "demonym" or " " in word or not word.endswith("s") or word.endswith("ss") or not word[:1].isupper():
        return m
    if text[max(0, m.start - 4) : m.start].lower() == "the ":
        return m
    return _group(m.start, m.end, word, m.country)


def state_mention(start: int, end: int, text: str, country: str, via: str) -> ActorMention:
    """Words of the text standing for the state `country` (an organ, a state body, the place of a happening)."""
    return ActorMention(start, end, text, country, canonical_name(country), "country", country, via=via)


def group_subject(tokens: list[Token], clause: Clause, cue: Cue, is_group) -> Placed | None:
    """A group the text names as the subject right before the verb, with no gazetteer actor in it
    ("Insurgents derailed", "Pig breeders have threatened"): `is_group(word)` says which lower-case words
    head such a phrase. Only auxiliaries and adverbs (of time too: "officials today warned"), a verb of deciding
    or a word of schedule before an infinitive ("parliament voted unanimously to block it", "officials are set to
    relax": [roles].deciding_verbs, [mode].scheduled) or a short "from"
    or "in" phrase after the head ("Lawmakers from both parties demanded", "Police in Mexico City arrested") may
    stand between it and the verb; up to two
    modifiers before it belong to it, no clause opener among them; none after a preposition. An ActorMention of
    type "group", no country."""

    def grouped(h: int) -> bool:  # "Insurgents", "Armed men" (syntax.toml's modified_group_heads)
        return is_group(tokens[h].lower) or (
            tokens[h].lower in syntax_words("modified_group_heads")
            and h > 0
            and tokens[h - 1].lower in syntax_words("group_modifiers")
        )

    between = (
        wordset("mode", "be")
        | _w("vp_adverbs")
        | _w("time_adverbs")
        | {"have", "has", "had", "reportedly", "allegedly"}
    )
    k, end = cue.i - 1, cue.i
    if k - 1 > clause.i0 and tokens[k].lower == "to":
        # "parliament voted unanimously to block it": the subject of a verb of deciding does what it decides
        q = k - 1
        while q > clause.i0 and tokens[q].lower.endswith("ly") and k - q <= 2:
            q -= 1
        if tokens[q].lower in _w("deciding_verbs") or (
            tokens[q].lower in wordset("mode", "scheduled") and tokens[q].lower not in wordset("mode", "be")
        ):
            k, end = q - 1, q
    while k > clause.i0 and (tokens[k].lower in between or tokens[k].lower.endswith("ly")) and end - k <= 3:
        k -= 1
    if k > clause.i0 and not grouped(k):
        # a short phrase with "from" or "in" after the group's head ("Lawmakers from both parties demanded",
        # "Police in Mexico City arrested")
        for h in range(k - 2, max(clause.i0, k - 5) - 1, -1):
            if tokens[h + 1].lower in ("from", "in") and grouped(h):
                phrase = tokens[h + 2 : k + 1]
                # (after "in", a place's name: not "Police in surgical masks", "people who lost relatives in the
                # attacks")
                if all(t.text.isalnum() for t in phrase) and (
                    tokens[h + 1].lower == "from"
                    or all(t.text[:1].isupper() or t.lower == "the" or t.lower in _w("place_parts") for t in phrase)
                ):
                    k = h
                break
    if k < clause.i0 or not grouped(k):
        if not shares_first_subject(tokens, clause, cue):
            return None
        # a verb coordinated with the clause's first one shares its subject, a group opening the clause
        # ("Gunmen went from house to house and took hostages")
        k = next((h for h in range(clause.i0, min(clause.i0 + 3, cue.i)) if grouped(h)), -1)
        if k < 0 or tokens[k + 1].lower in _w("prepositions"):
            return None
    start = k
    # no preposition, determiner, function word or clause opener is a modifier ("While cleanup crews ...")
    stop = (
        _w("prepositions")
        | _w("determiners")
        | wordset("language", "function_words")
        | wordset("clauses", "after_comma")
    )
    # a place opening the clause is no modifier ("In Mexico officials are set to ...")
    floor = clause.i0
    if (at := _opening_in(tokens, clause)) >= 0:
        floor = at + 1
        while floor < k and tokens[floor].text[:1].isupper():
            floor += 1
    while (
        start > floor
        and k - start < 2
        and tokens[start - 1].text.replace("-", "").isalpha()  # "Iran-backed militias"
        and tokens[start - 1].lower not in stop
    ):
        start -= 1
    if (
        start > clause.i0
        and tokens[start - 1].lower in _w("prepositions")
        and not _counted_group(tokens, clause.i0, start)
    ):
        return None  # "attacks by insurgents": not the subject
    return start, group_mention(tokens, start, k + 1)


def _counted_group(tokens: list[Token], lo: int, start: int) -> bool:
    """True when the words at `start` are counted by the words opening the stretch from `lo` ("Hundreds of
    protesters", "A group of gunmen": [roles].counting_heads and "of"): they are the subject."""
    q = start - 2
    if q < lo or tokens[start - 1].lower != "of" or tokens[q].lower not in _w("counting_heads"):
        return False
    return q == lo or (q == lo + 1 and tokens[lo].lower in ("a", "an", "the"))


def group_object(tokens: list[Token], clause: Clause, cue: Cue) -> Placed | None:
    """A group the text names as an active verb's object, a party when acted upon ([roles].object_group_heads):
    right after the verb or after "at", "against", "on" or "with", past words that count it ([roles].object_group_counts,
    figures: "killed at least 40 militants", "fired tear gas at protesters", "detained dozens of activists"), up to
    two modifiers and the head, where its noun phrase ends. Its name leaves the count out ("Palestinian gunmen");
    an ActorMention of type "group", no country (a demonym in it gives one later); None when there is none."""
    k, end = cue.j, clause.i1
    if k < end and tokens[k].lower in ("at", "against", "on", "with"):
        k += 1
    counts = _w("object_group_counts")
    while k < end and (tokens[k].lower in counts or mode.count_word(tokens[k].lower)) and k - cue.j < 6:
        k += 1
    heads = _w("object_group_heads")
    for head in range(k, min(k + 3, end)):
        t = tokens[head]
        if not t.text.replace("-", "").isalpha() or t.lower in function_words():
            return None
        if t.lower in heads and t.text[:1].islower():
            nxt = tokens[head + 1] if head + 1 < end else None
            if nxt is not None and (
                nxt.text in ("'", "’")
                or possessive(nxt.lower)
                or (
                    nxt.text.isalpha()
                    and nxt.text.islower()
                    and nxt.lower not in function_words() | _w("prepositions")
                    and not ends_noun_phrase(tokens, head + 1, end)  # "off the coast", "near the border"
                )
            ):
                return None  # "militants' camps", "rebel fighters' bases": no group; "protesters gathered": a clause
            return k, group_mention(tokens, k, head + 1)
    return None


def group_agent(tokens: list[Token], clause: Clause, cue: Cue, is_group) -> Placed | None:
    """The agent of a passive verb that is a group the text names after "by" ("was targeted by a suicide
    bomber", "were kidnapped by armed men", "were ambushed by Islamist militants"): "by", an optional determiner, up
    to two modifiers and a lower-case word `is_group` accepts, before the clause ends. An ActorMention of type
    "group", no country."""
    k = cue.j
    while k < clause.i1 and k - cue.j < 3 and (tokens[k].lower in _w("vp_adverbs") or tokens[k].lower.endswith("ly")):
        k += 1
    if k >= clause.i1 or tokens[k].lower != "by":
        return None
    start = k + 1
    if start < clause.i1 and tokens[start].lower in _w("determiners") | {"two", "three", "several", "some"}:
        start += 1
    for head in range(start, min(start + 3, clause.i1)):
        if not tokens[head].text.isalpha():
            return None
        if tokens[head].text[:1].islower() and is_group(tokens[head].lower):
            return start, group_mention(tokens, start, head + 1)
    return None


def organ_subject(
    tokens: list[Token], clause: Clause, cue: Cue, home: str, mentions: list[Placed] = (), acting: bool = False
) -> Placed | None:
    """An organ of a state named without its country as the subject right before the verb ("Government
    officials today warned", "Prosecutors say", "the ministry ordered", "Security forces opened fire"; heads in
    [roles].organ_subjects and .armed_organs, the latter only as doers (`acting`, not in a passive: "soldiers were
    convicted" may be anyone's) and with no modifier but [roles].state_force_modifiers, a count or a quantifier: not
    "Rebel forces", "market forces", "foreign troops"): the country of a place right after it among `mentions`
    ("Police in Mexico City arrested", _place_after), else the article's country `home` (tests/gold/README.md: an
    office or official without a name is its country)."""
    armed = _w("armed_organs")
    found = group_subject(tokens, clause, cue, lambda w: w in _w("organ_subjects") or w in armed)
    if found is None:
        return None
    k, m = found
    *modifiers, head = m.text.lower().split()
    if head in armed and not (
        acting
        and all(
            w in _w("state_force_modifiers") or w in wordset("mode", "quantifiers") or mode.count_word(w)
            for w in modifiers
        )
    ):
        return None  # "Rebel forces", "market forces", "foreign troops": no forces of the state
    nxt = [t.lower for t in tokens[cue.i + 1 : cue.i + 3]]
    if head in armed and nxt[:1] and nxt[0] in _w("prepositions") and nxt[1:] not in (["least"], ["most"]):
        # "17 soldiers killed in Iraq", "soldiers abducted by insurgents": a participle they suffered (not "killed
        # at least 10 protesters", a count)
        return None
    country = _place_after(tokens, k, m, mentions) or home
    return (k, state_mention(m.start, m.end, m.text, country, "organ")) if country else None


_MODIFIED_BY_NEXT_NOT = frozenset({"and", "or", "that", "which", "who", "to"})  # words after an organ that own nothing


def organ_object(tokens: list[Token], clause: Clause, cue: Cue, home: str) -> ActorMention | None:
    """The article's country `home` for an organ of a state named without its country ([roles].organ_subjects) as
    the verb's object, right after it or after words of [roles].organ_object_words ("in talks with central
    government", "urged the authorities to", "clashed with police"), as organ_subject reads one before it, or for
    what such an organ did ([roles].organ_deed_nouns: "the government's response", "the federal response"); None
    when there is none (not "government officials", a modifier of the noun after it)."""
    deeds = _w("organ_deed_nouns")
    for k in range(cue.j, min(clause.i1, cue.j + 4)):
        w = tokens[k].lower
        nxt_w = tokens[k + 1].lower if k + 1 < clause.i1 else ""
        if possessive(w) and w[:-2] in _w("organ_subjects") and nxt_w in deeds:
            t = tokens[k]  # "criticised the government's response": what the state did
            return state_mention(t.start, t.end, t.text, home, "organ")
        if w in _w("organ_deed_adjectives") and nxt_w in deeds:
            t = tokens[k]  # "called the federal response weak"
            return state_mention(t.start, t.end, t.text, home, "organ")
        if w not in _w("organ_subjects"):
            if w not in _w("organ_object_words"):
                return None
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            nxt is not None
            and nxt.text[:1].isalpha()
            and nxt.text.islower()
            and nxt.lower not in _w("prepositions") | _MODIFIED_BY_NEXT_NOT
        ):
            return None  # "government officials", "police officers": the word modifies another
        t = tokens[k]
        return state_mention(t.start, t.end, t.text, home, "organ")
    return None


def _opening_in(tokens: list[Token], clause: Clause) -> int:
    """The index of an "in" opening the clause, after a linking adverb ("Meanwhile in Mexico ..."); -1 if none."""
    i = clause.i0
    if i < clause.i1 and tokens[i].lower in _w("linking_adverbs"):
        i += 1 + (i + 1 < clause.i1 and tokens[i + 1].text == ",")
    return i if i < clause.i1 and tokens[i].lower == "in" else -1


def opening_place(tokens: list[Token], clause: Clause, mentions: list[Placed]) -> tuple[str, int]:
    """(country, index of the first token after it) of a state named in a phrase of place opening the clause
    ("In Mexico, officials ...", "Meanwhile in Baghdad police said ..."), past a comma after it: whose organs an
    unnamed organ there is; ("", -1) when there is none."""
    i = _opening_in(tokens, clause)
    if i < 0:
        return "", -1
    at = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].lower == "the")
    m = next((m for k, m in mentions if k == at), None)
    if m is None or m.type not in STATE_TYPES or not m.country:
        return "", -1
    after = _end(tokens, at, m)
    return m.country, after + (after < clause.i1 and tokens[after].text == ",")


_ORGAN_PLACE_REACH = 5  # words between an organ and the "in" of its place ("Prosecutors at the trial in Los Angeles")


def _place_after(tokens: list[Token], k: int, m: ActorMention, mentions: list[Placed]) -> str:
    """The country of a place named in an "in" phrase right after the organ m at token k ("Police in Mexico City",
    "Prosecutors at the trial in Los Angeles"), only [roles].organ_place_words or capitalized words between; ""
    when there is none."""
    at = {k2: m2 for k2, m2 in mentions}
    j = _end(tokens, k, m)
    for n in range(j, min(j + _ORGAN_PLACE_REACH, len(tokens) - 1)):
        w = tokens[n].lower
        if w == "in":
            place = at.get(n + 2 if tokens[n + 1].lower == "the" else n + 1) or at.get(n + 1)
            ok = place is not None and place.type in STATE_TYPES and place.country
            return place.country if ok else ""
        if not (w in _w("organ_place_words") or tokens[n].text[:1].isupper()):
            return ""
    return ""


def placed_organs(tokens: list[Token], clause: Clause, mentions: list[Placed]) -> list[Placed]:
    """The mentions with an unnamed organ the recognizer gave the article's country ("police", via "organ") right
    after a place opening the clause made that place's ("In Mexico, police arrested ...": Mexico's police), or
    followed by a place of their own ("Prosecutors at the trial in Los Angeles claim ...": the US's)."""
    country, after = opening_place(tokens, clause, mentions)
    out = []
    for k, m in mentions:
        own = _place_after(tokens, k, m, mentions) if m.via == "organ" else ""
        place = own or (country if k == after else "")
        if m.via == "organ" and place and m.country != place:
            m = state_mention(m.start, m.end, m.text, place, "organ")
        out.append((k, m))
    return out


def state_body(m: ActorMention | None, before: ActorMention | None, home: str) -> ActorMention | None:
    """A body the gazetteer does not know whose name says it is an office of a state ("Justice Department",
    "Department of Energy", "Health Protection Agency"; state_body_name) as its state: the
    country of `before`, a state mention right before it ("U.S. Justice Department", "Irish Department of
    ..."), else the article's country `home`. Other mentions, and such a body with no country to give, are
    returned unchanged."""
    if m is None or not (m.type == "name" or m.actor_id.startswith("org:learned-")):
        return m
    words = (m.name or m.text).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not state_body_name(words):
        return m
    country = before.country if before is not None and before.type in STATE_TYPES else ""
    country = country or home
    if not country:
        return m
    return state_mention(m.start, m.end, m.text, country, "organ")


def clause_states(tokens: list[Token], clause: Clause, cue: Cue, mentions: list[Placed]) -> list[ActorMention]:
    """Countries the clause names as taking part or as the place of the happening: its state mentions
    (countries, capitals, seats) before the target stretch's soft stop ("..., where", "..., killing"), not
    fused to a hyphenated word ("US-made")."""
    stop, _hard = _target_stops(tokens, clause, cue)
    return [
        m
        for k, m in mentions
        if clause.i0 <= k < stop and m.type in STATE_TYPES and m.country and not hyphen_modifier(tokens, k, m)
    ]
