"""Find actors (countries, capitals, persons, organizations, armed groups) in a text.

In: text, the article's date, and an optional per-article ActorContext.
Out: ActorMention records, sorted by start, non-overlapping, the longest reading winning.

One left-to-right pass over word tokens: at each token the alias trie (gazetteer + people learned
from this article) and the role-phrase trie are tried; "Russian President Vladimir Putin" becomes
one mention of Putin, "Ukraine's Foreign Minister Andrii Sybiha" teaches the context a new person,
and a bare "the president" resolves through the article's country and date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import accumulate

from extract.actors.gazetteer import END, PIECE_RE, Actor, AliasHit, Gazetteer, Term, load, state_body_name, tokens_of
from extract.vocabulary import function_words, honorifics, time_zones

# Roles that a bare mention ("the president", "the foreign minister") may resolve to a person.
RESOLVABLE_ROLES = frozenset(
    {
        "president",
        "prime_minister",
        "chancellor",
        "king",
        "emir",
        "crown_prince",
        "supreme_leader",
        "foreign_minister",
        "defence_minister",
        "secretary_general",
        "vice_president",
        "leader",
    }
)
# Types that can qualify a role: "Russian President", "Hamas leader", "Putin's spokesman".
QUALIFIER_TYPES = frozenset({"country", "organization", "armed_group", "political_party", "person"})
MAX_NAME_TOKENS = 4
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_CLOCK_BEFORE = re.compile(r"\b\d{1,2}[:.]\d\d\s+$")  # "15:47 " before a zone written as a country ("UK")


def _as_date(on: object) -> dt.date | None:
    """The article date as a date: datetimes lose their time, ISO strings are parsed; None stays None."""
    if on is None or (isinstance(on, dt.date) and not isinstance(on, dt.datetime)):
        return on
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, str):
        try:
            return dt.date.fromisoformat(on.strip()[:10])
        except ValueError:
            raise ValueError(f"article date {on!r}: not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(f"article date {on!r}: expected a date, a datetime or an ISO string")


_BRACKETED = re.compile(r"\(([A-Z]{2,6})\)")
# "pro-" fused to a state's name ("pro-Russian separatists", "a pro-Palestinian protest") tells a side taken, not
# the state (an "anti-American" protest is aimed at the state, which stays named)
_STANCE_BEFORE = re.compile(r"\bpro[-‐]$", re.IGNORECASE)
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def lower_case_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text spells out in lower-case words right before them in brackets, things and not bodies:
    "the blow-out preventer (BOP)", "the blowout preventer (BOP)", "a national response plan (NRP)" (the
    acronym's letters stand in the last six words in order, its first at a word's start: Schwartz and Hearst's
    test)."""
    out = set()
    for m in _BRACKETED.finditer(text):
        words: list[str] = []
        for word in reversed(text[max(0, m.start() - 80) : m.start()].split()[-6:]):
            if not _LOWER_WORD.fullmatch(word):
                break
            words.insert(0, word)
        if words and text[m.start() - 1 : m.start()].isspace() and _abbreviates(m[1], " ".join(words)):
            out.add(m[1])
    return frozenset(out)


def _abbreviates(short: str, long: str) -> bool:
    """True when the letters of `short` stand in `long` in order, the first of them at the start of a word."""
    s, j = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        while j >= 0 and (long[j] != c or (s == 0 and j > 0 and long[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        j, s = j - 1, s - 1
    return True


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in a text.

    start/end: character offsets in the text; text: the covered span; actor_id: canonical id
    ("RUS", "person:vladimir-putin", "org:nato"); name: display name; type: the actor's type
    (country, person, organization, armed_group, ...); country: ISO alpha-3 or "";
    role: the office named with a person ("president"), if any; via: how it was named
    (name, demonym, capital, seat, role: a role with the name, office: a role alone resolved to its
    holder on the date, organ: "the junta", "Police" standing for the article's country, learned).
    """

    start: int
    end: int
    text: str
    actor_id: str
    name: str
    type: str
    country: str
    role: str = ""
    via: str = "name"

    def as_json(self) -> dict:
        """The mention as a plain dict (for JSON lines and debugging)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor_id": self.actor_id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "role": self.role,
            "via": self.via,
        }


@dataclass
class ActorContext:
    """What one article teaches: people it introduces with a role, and who it has mentioned so far.

    Build one per article (`ActorContext.from_text(text, on)`) or let `find_actors` build it.
    `home` is the country assumed for a bare "the president" when the article says nothing else.
    """

    on: dt.date | None = None
    home: str = ""
    learned: dict[str, Actor] = field(default_factory=dict)
    learned_terms: dict[str, list[Term]] = field(default_factory=dict)
    trie: dict = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    country_counts: Counter = field(default_factory=Counter)
    last_by_role: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, on: dt.date | None = None, home: str = "") -> ActorContext:
        """Read `text` once and return the context holding the people it introduces."""
        on = _as_date(on)
        ctx = cls(on=on, home=home)
        if isinstance(text, str) and text:
            _Scan(text, on, ctx).run()
        return ctx

    def learn(self, name: str, country: str, role: str, extra_aliases: list[str] = (), org: str = "") -> Actor:
        """Add a person introduced by the article; later mentions of the full name, surname or
        "Mr/Ms Surname" resolve to it. `org`: the body they speak for, when introduced as its spokesperson.
        Returns the (possibly already known) actor."""
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        aid = "person:" + (_SLUG_RE.sub("-", ascii_name.lower()).strip("-") or "unnamed")
        actor = self.learned.get(aid)
        if actor is None:
            actor = Actor(aid, name, "person", country, org)
            self.learned[aid] = actor
            aliases = {name, *extra_aliases}
            if len(name.split()) > 1:
                aliases.update(_surnames(name))
            for alias in aliases:
                node = self.trie
                for tok in _phrase_tokens(alias):
                    node = node.setdefault(tok, {})
                node[END] = [AliasHit(aid, "learned")]
        if role:
            self.learned_terms.setdefault(role, []).append(Term(aid, role, actor.country, None, None))
        return actor

    def learn_org(self, name: str, aliases: tuple[str, ...] = ()) -> Actor:
        """Add a named body the gazetteer does not know ("Transocean"); later mentions of the name, and of its
        `aliases` ("HPA" for "Health Protection Agency"), resolve to it."""
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        aid = "org:learned-" + (_SLUG_RE.sub("-", ascii_name.lower()).strip("-") or "unnamed")
        actor = self.learned.get(aid)
        if actor is None:
            actor = Actor(aid, name, "organization", "")
            self.learned[aid] = actor
        for alias in (name, *aliases):
            node = self.trie
            for tok in _phrase_tokens(alias):
                node = node.setdefault(tok, {})
            node[END] = [AliasHit(aid, "learned")]
        return actor

    def place_org(self, actor: Actor, country: str) -> None:
        """Give a learned body the country the article gives it, unless `actor` (as the caller knows it) has one."""
        if country and not actor.country:
            self.learned[actor.id] = replace(actor, country=country)

    def actor(self, actor_id: str) -> Actor | None:
        """The learned actor with that id, if any."""
        return self.learned.get(actor_id)


_NAME_PREFIX_RE = re.compile(r"^(?:al|el|Al|El|ad|ash|as|at|az|an|ar)[-‐’']", re.UNICODE)


def _surnames(name: str) -> list[str]:
    """Short forms of a full name: the last word, and without an Arabic article ("al-Haddad" -> "Haddad")."""
    last = name.split()[-1]
    out = [last]
    bare = _NAME_PREFIX_RE.sub("", last)
    if bare != last and bare:
        out.append(bare)
    return out


# What may stand between "the" and the United Nations' name in "the U.N. agency" (_un_agency): nothing, or
# lower-case words and a place's "-based" ("the Geneva-based U.N. agency").
_UN_MODIFIERS = re.compile(r"\s+(?:(?:[a-z]+|[A-Z][a-z]+(?: [A-Z][a-z]+)*-based)\s+){0,2}")


def _fold(text: str) -> str:
    """The text with hyphens as spaces and curly apostrophes straight (the same length, so offsets hold)."""
    return text.replace("-", " ").replace("‐", " ").replace("‑", " ").replace("’", "'")


@functools.lru_cache(maxsize=1 << 14)
def _tokens_of_phrase(text: str) -> tuple[str, ...]:
    return tuple(tokens_of(text))


def _phrase_tokens(text: str) -> list[str]:
    """tokens_of(text), each phrase read once (the names an article learns are read again for every alias)."""
    return list(_tokens_of_phrase(text))


def _trie_depth(node: dict) -> int:
    """Tokens of the longest phrase a trie holds (the most a match of _Scan._trie_match can span)."""
    return max((1 + _trie_depth(child) for key, child in node.items() if key != END), default=0)


_DEPTHS: dict[int, tuple[dict, int]] = {}  # id of a gazetteer's trie -> (the trie, its depth)


def _gazetteer_depth(gaz: Gazetteer) -> int:
    """_trie_depth of the gazetteer's trie (which a scan never changes), measured once per trie."""
    got = _DEPTHS.get(id(gaz.trie))
    if got is None or got[0] is not gaz.trie:
        got = _DEPTHS[id(gaz.trie)] = (gaz.trie, _trie_depth(gaz.trie))
    return got[1]


@functools.cache
def _names_tokens(names: tuple[str, ...]) -> tuple[list[str], ...]:
    """The tokens of each of a company's names (gazetteer firms), read once."""
    return tuple(tokens_of(name) for name in names)


@dataclass
class _Match:
    i: int  # first token
    j: int  # one past the last token
    hits: list


class _Scan:
    """State of one pass over one text."""

    def __init__(self, text: str, on: dt.date | None, ctx: ActorContext, gaz: Gazetteer | None = None):
        self.text = text
        self.on = on
        self.ctx = ctx
        self.gaz = gaz or load()
        # Hyphens become spaces and curly apostrophes straight ones (same length, so offsets hold);
        # every piece is a token with the white space before it, so token ends are running sums.
        pieces = PIECE_RE.findall(_fold(text))
        self.keys: list[str] = list(map(str.lstrip, pieces))
        self.ends: list[int] = list(accumulate(map(len, pieces)))
        self.mentions: list[ActorMention] = []
        self.ment_tok: list[tuple[int, int]] = []  # token range of each mention
        self._cue_votes: dict[str, Counter] = {}
        self._pending: list[tuple[int, int, str, str]] = []  # bare roles waiting for the article's country
        self._organs: list[int] = []  # tokens of unnamed state organs ("the junta") waiting for it too
        self._organ_countries: dict[str, str] = {}  # organ word -> the state that last owned it ("Niger's junta")
        self._surnames_cache: frozenset[str] | None = None  # see _titled_surnames
        self._lone_cache: frozenset[str] | None = None  # see _lone_surnames
        self._lower_cache: frozenset[str] | None = None  # words written in lower case, see _lone_name
        self._name_flags: list[bool] | None = None  # see _is_name_word
        self._described: dict[str, str] = {}  # a word the article wrote right before a person's name -> the person
        self._general_of: dict[str, list[str]] | None = None
        self._un: dict = self.gaz.cues.get("coreference_un", {})  # "the U.N. agency" (_un_agency)
        self._towns: set[tuple[str, ...]] = set()  # cities abroad the article has shown to be US towns (_us_town)

    def _start(self, k: int) -> int:
        """Character offset where token k starts."""
        return self.ends[k] - len(self.keys[k])

    def _opens_sentence(self, k: int) -> bool:
        """True when token k opens a sentence or a line: the first token, or one after a full stop, a quotation
        mark, a colon, a bracket or a dash, or on a new line."""
        return (
            k < 1
            or self.keys[k - 1] in (".", "!", "?", '"', "“", ":", "(", "-", "—")
            or "\n" in self.text[self.ends[k - 1] : self._start(k)]
        )

    # ---- token tests -------------------------------------------------------------------------

    def _is_upper_word(self, k: int) -> bool:
        key = self.keys[k]
        return len(key) > 1 and key.isalpha() and key.isupper()

    def _is_name_word(self, k: int) -> bool:
        """A capitalized word that may belong to a person's name (each token judged once per article)."""
        flags = self._name_word_flags()
        return k < len(flags) and flags[k]

    def _name_word_flags(self) -> list[bool]:
        """_is_name_word of every token, in token order, judged on first use; the loops over all tokens
        (_titled_surnames, _lone_surnames) read it directly."""
        if self._name_flags is None:
            not_name, honorifics, roles = self.gaz.not_name_words, self.gaz.honorifics, self.gaz.roles
            self._name_flags = [
                key[:1].isupper()
                and key.isalpha()
                and not key.isupper()
                and key not in not_name
                and key not in honorifics
                and key.lower() not in roles
                for key in self.keys
            ]
            flags, keys, gaz = self._name_flags, self.keys, self.gaz
            for k in range(len(keys) - 1):
                # a word of an institution that is also a given name opens a person's name before another name
                # word ("Sen. Bill Nelson"), not after one ("the Health Care Bill")
                if (
                    not flags[k]
                    and flags[k + 1]
                    and keys[k] in gaz.org_words
                    and (keys[k] in gaz.male_names or keys[k] in gaz.female_names)
                    and (k == 0 or not flags[k - 1])
                ):
                    flags[k] = True
        return self._name_flags

    # ---- trie matching ------------------------------------------------------------------------

    def _trie_match(self, trie: dict, i: int) -> _Match | None:
        node, best, j, n = trie, None, i, len(self.keys)
        while j < n:
            key = self.keys[j]
            nxt = node.get(key)
            if nxt is None and len(key) > 2 and key.isupper():
                nxt = node.get(key.capitalize())
            if nxt is None:
                break
            node = nxt
            j += 1
            if END in node:
                best = _Match(i, j, node[END])
        return best

    def _role_match(self, i: int) -> _Match | None:
        node, best, j, n = self.gaz.roles, None, i, len(self.keys)
        while j < n:
            nxt = node.get(self.keys[j].lower())
            if nxt is None:
                break
            node = nxt
            j += 1
            if END in node:
                best = _Match(i, j, [node[END]])
        return best

    # ---- resolution ---------------------------------------------------------------------------

    def _actor(self, aid: str) -> Actor | None:
        return self.gaz.actors.get(aid) or self.ctx.learned.get(aid)

    def _terms(self, aid: str) -> list[Term]:
        return self.gaz.terms.get(aid, [])

    def _role_on(self, aid: str) -> str:
        """The office a gazetteer person holds on the article's date (or their latest one)."""
        terms = self._terms(aid)
        if not terms:
            return ""
        if self.on is not None:
            for term in terms:
                if term.covers(self.on):
                    return term.role
            return ""
        return terms[-1].role if terms[-1].end is None else ""

    def _office_on(self, aid: str) -> Term | None:
        """The term a gazetteer person is serving on the article's date (the open one when undated)."""
        terms = self._terms(aid)
        if not terms:
            return None
        if self.on is None:
            return next((t for t in reversed(terms) if t.end is None), None)
        return next((t for t in terms if t.covers(self.on)), None)

    def _date_distance(self, aid: str) -> int:
        """Days between the article's date and the nearest term of office (0 inside a term)."""
        terms = self._terms(aid)
        if not terms or self.on is None:
            return 10**6
        best = 10**6
        for t in terms:
            if t.covers(self.on):
                return 0
            if t.start and self.on < t.start:
                best = min(best, (t.start - self.on).days)
            if t.end and self.on >= t.end:
                best = min(best, (self.on - t.end).days)
        return best

    def _cue_vote(self, alias: str, spec: dict) -> Counter:
        votes = self._cue_votes.get(alias)
        if votes is None:
            votes = Counter()
            for actor_id, words in spec["cues"].items():
                for word in words:
                    votes[actor_id] += self.text.count(word)
            self._cue_votes[alias] = votes
        return votes

    def _ambiguous(self, alias: str, start: int, end: int) -> str | None:
        """Apply the cue rules of an ambiguous alias. Returns an actor id, or None (no actor)."""
        spec = self.gaz.ambiguous[alias]
        before = self.text[max(0, start - 60) : start]
        after = self.text[end : end + 60]
        for actor_id, pats in spec["before"].items():
            if any(p.search(before) for p in pats):
                return None if actor_id == "none" else actor_id
        for actor_id, pats in spec["after"].items():
            if any(p.search(after) for p in pats):
                return None if actor_id == "none" else actor_id
        votes = self._cue_vote(alias, spec)
        choice = spec["default"]
        if votes:
            top, count = votes.most_common(1)[0]
            if count > votes.get(choice, 0):
                choice = top
        return None if choice == "none" else choice

    def _looks_like_person(self, m: _Match) -> bool:
        """'Michael Jordan', 'Chad Smith': a name word right before or after a given-name alias."""
        i, j = m.i, m.j
        if i > 0 and self._is_name_word(i - 1) and not (self.ment_tok and self.ment_tok[-1][1] == i):
            sentence_start = self._opens_sentence(i - 1)
            gap = self.text[self.ends[i - 1] : self._start(i)]
            if gap.strip() == "" and (self.keys[i - 1] in self.gaz.given_names or not sentence_start):
                return True
        if j < len(self.keys) and self._is_name_word(j) and self._trie_match(self.gaz.trie, j) is None:
            if self.text[self.ends[j - 1] : self._start(j)].strip() == "":
                return True
        return False

    def _caps_context(self, m: _Match) -> bool:
        """True when the words around the match are all capitals too (a shouted headline)."""
        around = [k for k in (m.i - 1, m.j) if 0 <= k < len(self.keys) and self.keys[k].isalpha()]
        return bool(around) and all(self._is_upper_word(k) for k in around)

    def _choose(self, m: _Match) -> tuple[str, AliasHit] | None:
        """Pick the actor an alias match stands for, or None when it names no actor here."""
        hits: list[AliasHit] = m.hits
        alias = " ".join(self.keys[m.i : m.j])
        start, end = self._start(m.i), self.ends[m.j - 1]
        if any(h.actor_id == "" for h in hits):
            return None  # a blocker phrase
        if alias in self.gaz.caps_common and self._caps_context(m):
            return None
        if alias in self.gaz.given_name_aliases and self._looks_like_person(m):
            return None
        if alias in self.gaz.ambiguous:
            aid = self._ambiguous(alias, start, end)
            if aid is None:
                return None
            hit = next((h for h in hits if h.actor_id == aid), AliasHit(aid, hits[0].via))
            return aid, hit
        strong = [h for h in hits if not h.weak]
        weak = [h for h in hits if h.weak and self._weak_ok(h, m)]
        pool = strong + weak
        if not pool:
            return None
        if len(pool) > 1:
            near = self._adjacent_country(m.i)
            pool.sort(
                key=lambda h: (
                    self._country_of(h.actor_id) != near if near else False,
                    h.actor_id not in self.ctx.seen,
                    self._date_distance(h.actor_id),
                )
            )
        return pool[0].actor_id, pool[0]

    def _country_of(self, aid: str) -> str:
        actor = self._actor(aid)
        return actor.country if actor else ""

    def _adjacent_country(self, i: int) -> str:
        """Country of a country mention right before token i ("Saudi King Abdullah"), else ""."""
        q = self._qualifier(i)
        if q is not None and self.mentions[q].type == "country":
            return self.mentions[q].country
        return ""

    def _weak_ok(self, hit: AliasHit, m: _Match) -> bool:
        if hit.actor_id not in self.ctx.seen:
            return False
        if m.i > 0 and self.keys[m.i - 1].lower() in self.gaz.month_context:
            return False
        return not (m.j < len(self.keys) and self.keys[m.j].isdigit())

    def _resolve_role(self, role: str, country: str, org: str) -> str | None:
        """The person holding `role` for `country` (or `org`) on the article's date."""
        if not country and not org:
            last = self.ctx.last_by_role.get(role)
            if last:
                return last
            country = self._dominant_country()
            if not country:
                return None
        if role == "leader" and not org:
            cfg = self.gaz.cues.get("roles", {})
            preferred = cfg.get("leader_role", {}).get(country)
            for office in ([preferred] if preferred else []) + cfg.get("default_leader_roles", []):
                pid = self._holder(office, country, org)
                if pid:
                    return pid
            return None
        return self._holder(role, country, org)

    def _holder(self, role: str, country: str, org: str) -> str | None:
        """Who holds `role` for `country` (or in `org`) on the article's date; the current holder when undated."""
        if org:
            candidates = [t for t in self.gaz.org_terms.get(org, []) if t.role == role]
            candidates += [t for t in self.gaz.org_terms.get(org, []) if t.role != role]
        else:
            candidates = self.gaz.terms_by_role.get(role, []) + self.ctx.learned_terms.get(role, [])
        best = None
        for term in candidates:
            if not org and (term.country != country or term.org):
                continue
            if self.on is not None:
                if term.start is None and term.end is None:
                    best = best or term.person  # learned: no dates known
                elif term.covers(self.on):
                    return term.person
            elif term.end is None:
                best = term.person
        return best

    def _dominant_country(self) -> str:
        if self.ctx.country_counts:
            return self.ctx.country_counts.most_common(1)[0][0]
        return self.ctx.home

    # ---- emitting -----------------------------------------------------------------------------

    def _emit(self, i: int, j: int, aid: str, via: str, role: str = "") -> None:
        actor = self._actor(aid)
        if actor is None:
            return
        if actor.type == "person" and actor.org and aid not in self.gaz.actors:
            # a spokesperson the article introduced speaks for their body: "BP spokesman Bill Salvin",
            # "Scott Dean, a spokesman for BP", and "Dean" after them, are BP (tests/gold/README_t17.md)
            body = self._actor(actor.org)
            if body is not None:
                aid, actor, via = body.id, body, "spokesperson"
        start, end = self._start(i), self.ends[j - 1]
        if actor.type == "country" and _STANCE_BEFORE.search(self.text, max(0, start - 5), start):
            return  # "pro-Russian separatists" are no Russians: the side taken names no actor
        country = actor.country
        if actor.type == "person":
            office = self._office_on(aid)
            if office is not None and office.org:
                org = self._actor(office.org)
                country = org.country if org else ""  # acting for an organization, not for a state
        self.mentions.append(
            ActorMention(start, end, self.text[start:end], aid, actor.name, actor.type, country, role, via)
        )
        self.ment_tok.append((i, j))
        if actor.type == "person" and via != "coreference":
            # "actor Kevin Costner", "Judge Carl Barbier": a later "the actor", "the judge" is that person
            for t in (i - 1, i):  # the noun before the name, or a title opening the mention
                if 0 <= t < j - 1 and self._describes(self.keys[t]):
                    noun = self.keys[t].lower()
                    self._described[noun] = aid
                    for general in self._generals().get(noun, ()):
                        self._described[general] = aid  # "musician Wyclef Jean": "the star" too
        if actor.type == "person" and via != "office" and aid not in self.ctx.seen and aid in self.gaz.actors:
            self._teach_short_forms(actor)
        self.ctx.seen.add(aid)
        if country and not aid.startswith("org:learned-"):  # a firm's country says nothing of the story's
            self.ctx.country_counts[country] += 1
        if actor.type == "person":
            held = role or self._role_on(aid)
            if held:
                self.ctx.last_by_role[held] = aid

    def _teach_short_forms(self, actor: Actor) -> None:
        """After a gazetteer person's first full mention, their family name alone refers to them in the rest
        of the article ("Ali Bongo" -> "Bongo", "Lee Jae-myung" -> "Lee"), unless it names something else."""
        words = actor.name.split()
        if len(words) < 2:
            return
        family_first = actor.country in self.gaz.cues.get("names", {}).get("family_name_first", [])
        forms = [words[0]] if family_first else _surnames(actor.name)
        for form in forms:
            toks = _phrase_tokens(form)
            if len(toks) != 1 or END in self.gaz.trie.get(toks[0], {}) or toks[0] in self.gaz.not_name_words:
                continue
            node = self.ctx.trie.setdefault(toks[0], {})
            node.setdefault(END, [AliasHit(actor.id, "learned")])

    def _qualifier(self, i: int) -> int | None:
        """Index of the mention that qualifies a role starting at token i ("Russian", "Ukraine's")."""
        if not self.mentions:
            return None
        _, qj = self.ment_tok[-1]
        if self.mentions[-1].type not in QUALIFIER_TYPES:
            return None
        if qj == i:
            return len(self.mentions) - 1
        if qj + 2 == i and self.keys[qj] == "'" and self.keys[qj + 1] == "s":
            return len(self.mentions) - 1
        return None

    def _name_at(self, j: int) -> int:
        """Number of tokens of a person's name starting at token j (0 when none)."""
        n, k = len(self.keys), j
        keys = self.keys
        while k < n and k - j < MAX_NAME_TOKENS + 2:
            if (
                k > j
                and len(keys[k]) == 1
                and keys[k].isupper()
                and k + 2 < n
                and keys[k + 1] == "."
                and self._is_name_word(k + 2)
            ):
                k += 2  # a middle initial: "Thad W. Allen"
                continue
            if self._is_name_word(k) or (k > j and keys[k] in self.gaz.particles and self._is_name_word(k + 1)):
                if k > j and self.text[self.ends[k - 1] : self._start(k)] not in (" ", "-", ""):
                    break
                k += 1
                continue
            break
        return k - j

    def _name_text(self, j: int, k: int) -> str:
        return self.text[self._start(j) : self.ends[k - 1]]

    def _person_match(self, j: int, role: str = "", country: str = "") -> _Match | None:
        """An alias match at token j that stands for a person. After a role phrase ("President Clinton")
        weak aliases count too, and the namesake who held that role (for that state) is preferred."""
        best = self._best_match(j)
        if best is None:
            return None
        if best.j < len(self.keys) and self.text[self.ends[best.j - 1] : self._start(best.j)] == "-":
            if self._is_name_word(best.j):
                return None  # "Prime Minister Jean-Max Bellerive": the name goes on past "Jean"
        if role and any(h.weak for h in best.hits) and not self._is_name_word(best.j):
            people = [h for h in best.hits if h.actor_id and self._held(h.actor_id, role, country)]
            if people:
                people.sort(
                    key=lambda h: (
                        not self._held(h.actor_id, role, country),
                        h.actor_id not in self.ctx.seen,
                        self._date_distance(h.actor_id),
                    )
                )
                best.hits = [people[0]]
                return best
        choice = self._choose(best)
        if choice is None:
            return None
        actor = self._actor(choice[0])
        if actor is None or actor.type != "person":
            return None
        best.hits = [choice[1]]
        return best

    def _held(self, aid: str, role: str, country: str) -> bool:
        """Whether a gazetteer person ever held `role` (for `country`, when given)."""
        return any(t.role == role and (not country or t.country == country) for t in self._terms(aid))

    def _best_match(self, i: int) -> _Match | None:
        g = self._trie_match(self.gaz.trie, i)
        c = self._trie_match(self.ctx.trie, i) if self.ctx.trie else None
        if c is not None and (g is None or c.j > g.j or (c.j == g.j and self._unseen_namesake(g))):
            return c
        return g

    def _unseen_namesake(self, g: _Match) -> bool:
        """True when a gazetteer match is only a person the article never named in full, sharing a surname
        with a person the article introduced ("James Cameron" ... "Cameron" is not David Cameron)."""
        return all(self._is_person(h.actor_id) and h.actor_id not in self.ctx.seen for h in g.hits)

    def _is_person(self, aid: str) -> bool:
        actor = self._actor(aid)
        return actor is not None and actor.type == "person"

    def _other_given_name(self, i: int, m: _Match) -> bool:
        """True when the given name at token i, opening a full name _full_name accepted (a common given name,
        or a surname the article writes alone or after a title), puts a different person before a gazetteer
        person's surname: "James Cameron" is not David Cameron, "Michelle Obama" not Barack Obama, "Keiji Fukuda"
        not Yasuo Fukuda (a full alias such as "Joseph Biden" matches at i and never comes here)."""
        given = self.keys[i]
        if not m.hits:
            return False
        if given not in self.gaz.given_names and not self._rare_given_name(i, m):
            return False
        for h in m.hits:
            actor = self._actor(h.actor_id)
            if actor is None or actor.type != "person":
                return False
            first = actor.name.split()[0]
            if first == given or first[:3] == given[:3]:  # "Joe" / "Joseph": the same person
                return False
        return True

    def _rare_given_name(self, i: int, m: _Match) -> bool:
        """True when the word at token i, outside the common given names, may still be one before the surname the
        gazetteer knows at token i + 1 ("Keiji Fukuda", "Sameerah Ahmad"): a name of two words, the match the
        surname alone (not a full name after a caption's word: "Getty Michael Howard"), and the word inside a
        sentence (an opening word may be any: "Even Hayward disagreed", "So Contogouris spoke"), one the article
        never writes in lower case nor an English function word ("Neither Waxman nor Stupak")."""
        word = self.keys[i].lower()
        if m.i != i + 1 or m.j != i + 2 or self._opens_sentence(i):
            return False
        if word in self._lower_words() or word in function_words("en"):
            return False
        for h in m.hits:
            actor = self._actor(h.actor_id)
            if actor is not None and actor.name.split()[0] == self.keys[m.i]:
                return False
        return True

    def _handle_role(self, rm: _Match) -> int:
        """A role phrase at rm: merge it with its qualifier and the named or implied person."""
        role, role_country = rm.hits[0]
        q = self._qualifier(rm.i)
        qual = self.mentions[q] if q is not None else None
        country, org = role_country, ""
        if qual is not None:
            if qual.type in ("country", "person"):
                country = qual.country or country
            else:
                org = qual.actor_id
                country = country or qual.country
        first = self.ment_tok[q][0] if q is not None else rm.i
        j = rm.j
        pm = self._person_match(j, role, country) if j < len(self.keys) else None
        if pm is not None:
            self._drop_last_if(q)
            self._emit(first, pm.j, pm.hits[0].actor_id, "role", role)
            return pm.j
        k = self._name_at(j)
        if k == 1 and q is None and self.keys[rm.i][:1].islower():
            k = 0  # "the chief Motors": a lone word after a lower-case role is too weak to be a name
        if k and not (j + k < len(self.keys) and self.keys[j + k] in self.gaz.org_words):
            name = self._name_text(j, j + k)
            if not country and not org:
                country = self._country_after_of(j + k)
            speaks_for = org if self._speaks_for(role) else ""
            actor = self.ctx.learn(name, country, role, self._honorific_aliases(name), speaks_for)
            if q is None and self.keys[rm.i][:1].islower():
                first = j  # "spokesman Paul McPhun": the mention is the name
            self._drop_last_if(q)
            self._emit(first, j + k, actor.id, "learned", role)
            return j + k
        if k:
            return j + k  # "Queen Mary College": an institution named after a person
        named = self._name_after_comma(j)
        if named:
            name = self._name_text(j + 1, named)
            actor = self.ctx.learn(name, country, role, self._honorific_aliases(name))
            self._emit(j + 1, named, actor.id, "learned", role)  # the qualifier stays its own mention
            return named
        lead = self.ment_tok[q][0] if q is not None else rm.i
        before = self.keys[lead - 1].lower() if lead > 0 else ""
        if before == "the" and lead > 1:
            before2 = self.keys[lead - 2].lower()
        else:
            before2 = ""
        if (
            role in RESOLVABLE_ROLES
            and before not in self.gaz.not_current
            and before2 != "then"
            and (qual is not None or role_country or (before == "the" and role != "leader"))
        ):
            if not country and not org:
                country = self._country_after_of(rm.j)  # "the president of France": France's
            pid = self._resolve_role(role, country, org)
            if pid:
                self._drop_last_if(q)
                self._emit(first, rm.j, pid, "office", role)
            elif not country and not org:
                self._pending.append((rm.i, rm.j, role, before))
        return rm.j

    def _speaks_for(self, role: str) -> bool:
        """True for a role whose holder, introduced with a body, speaks for it ([roles].speaks_for)."""
        return role in self.gaz.cues.get("roles", {}).get("speaks_for", [])

    def _name_after_comma(self, j: int) -> int:
        """End token of an unknown full name set off by commas right after a role phrase ending at j ("Kenya's
        foreign minister, Olek Brandt,", "a UN official, Jan Kowal,"); 0 when there is none."""
        keys = self.keys
        if j + 1 >= len(keys) or keys[j] != "," or self._best_match(j + 1) is not None:
            return 0
        k = self._name_at(j + 1)
        end = j + 1 + k
        if k < 2 or (end < len(keys) and keys[end] not in (",", ".", ";", ")")) or self._has_place_word(j + 1, end):
            return 0
        return end

    def _country_after_of(self, p: int) -> str:
        """'King Abdullah of Jordan', 'the president of the United States': the country named right after 'of'
        (and 'the'), or ""."""
        if p + 1 < len(self.keys) and self.keys[p] == "of":
            p += p + 2 < len(self.keys) and self.keys[p + 1].lower() == "the"
            m = self._best_match(p + 1)
            choice = self._choose(m) if m is not None else None
            actor = self._actor(choice[0]) if choice else None
            if actor is not None and actor.type == "country":
                return actor.id
        return ""

    def _honorific_aliases(self, name: str) -> list[str]:
        return [f"{h} {surname}" for surname in _surnames(name) for h in honorifics().abbreviated]

    def _drop_last_if(self, q: int | None) -> None:
        if q is None:
            return
        dropped = self.mentions.pop(q)
        self.ment_tok.pop(q)
        if dropped.country:
            self.ctx.country_counts[dropped.country] -= 1

    def _has_place_word(self, j: int, k: int) -> bool:
        """Whether tokens j..k-1 include a one-word country name or capital ("Visiting Jordan")."""
        for t in range(j, k):
            for hit in self.gaz.trie.get(self.keys[t], {}).get(END, ()):
                actor = self._actor(hit.actor_id)
                if actor is not None and actor.type == "country":
                    return True
        return False

    def _state_or_org_at(self, p: int) -> tuple[Actor | None, int]:
        """A country, organization or group named at token p, and the token after it."""
        m = self._best_match(p) if p < len(self.keys) else None
        if m is None:
            return None, p
        choice = self._choose(m)
        actor = self._actor(choice[0]) if choice else None
        if actor is None or actor.type not in QUALIFIER_TYPES - {"person"}:
            return None, p
        return actor, m.j

    def _appositive(self, i: int) -> int:
        """Learn a name from an appositive: "Andrii Sybiha, Ukraine's foreign minister,", "Basem Naim,
        a senior Hamas official,", "Jane Doe, the head of the IAEA". Returns tokens consumed (0 if none)."""
        keys, n = self.keys, len(self.keys)
        k = self._name_at(i)
        if k < 2 or i + k >= n or keys[i + k] != "," or self._has_place_word(i, i + k):
            return 0
        p = i + k + 1
        if p < n and keys[p].lower() in ("the", "a", "an"):
            p += 1
        if p < n and keys[p].islower() and self._role_match(p) is None:
            p += 1  # one modifier: "senior", "top", "chief"
        qual, p = self._state_or_org_at(p)
        if qual is not None and p + 1 < n and keys[p] == "'" and keys[p + 1] == "s":
            p += 2
        rm = self._role_match(p) if p < n else None
        if rm is None:
            return 0
        role, role_country = rm.hits[0]
        country = qual.country if qual is not None else role_country
        body = qual
        if qual is None and rm.j + 1 < n and keys[rm.j] in ("of", "for", "at", "in"):
            q = rm.j + 1
            if q < n and keys[q].lower() == "the":
                q += 1
            after, _ = self._state_or_org_at(q)
            if after is not None:
                country, body = after.country, after
        name = self._name_text(i, i + k)
        org = body.id if self._speaks_for(role) and body is not None and body.type != "country" else ""
        actor = self.ctx.learn(name, country, role, self._honorific_aliases(name), org)
        self._emit(i, i + k, actor.id, "learned", role)
        return k

    def run(self) -> list[ActorMention]:
        """Scan the text once; fills self.mentions (sorted, non-overlapping)."""
        keys = self.keys
        n, i = len(keys), 0
        roles = self.gaz.roles
        starts = self.gaz.first_keys
        ctx_trie = self.ctx.trie
        self._learn_orgs()
        corefs = self.gaz.cues.get("coreference", {})
        epithets = self.gaz.cues.get("coreference_epithets", {})
        heads = epithets.get("heads", {})
        named_heads = self.gaz.cues.get("coreference_named", {})
        heads_of_coreference = corefs.keys() | named_heads.keys() | heads.keys()  # (one look-up for most words)
        described = self._described
        while i < n:
            key = keys[i]
            if key in heads_of_coreference:
                if key in corefs and (
                    (i > 0 and keys[i - 1].lower() == "the" and self._coreference(i, corefs[key]))
                    or ((t := self._ranked_epithet(i)) >= 0 and self._coreference(i, corefs[key], t))
                ):
                    i += 1
                    continue
                if (
                    key in named_heads
                    and i > 0
                    and keys[i - 1].lower() == "the"
                    and self._named_again(i, named_heads[key])
                ):
                    i += 1
                    continue
                if key in heads and self._epithet(i, heads[key], epithets):
                    i += 1
                    continue
            if key in described and self._described_again(i):
                i += 1
                continue
            if key not in starts and key not in ctx_trie and not (key.isupper() and key.capitalize() in starts):
                # most words are lower case, which opens no appositive nor name (_appositive_at would give 1)
                i += self._appositive_at(i, key) if key[:1].isupper() else 1
                continue
            m = self._best_match(i)
            rm = self._role_match(i) if key.lower() in roles else None
            if rm is not None and (m is None or rm.j >= m.j):
                i = self._handle_role(rm)
                continue
            if m is not None:
                choice = self._choose(m)
                if choice is not None and self._time_zone(m.i, choice[0]):
                    i = m.j  # "Page last updated at 15:47 GMT, ... 15:47 UK", "14:19 UK time": a clock's zone
                    continue
                if (
                    choice is not None
                    and choice[1].via in ("city", "capital")
                    and choice[0] != "USA"
                    and (town := self._us_town(m)) > 0
                ):
                    i = town  # "Venice, La.", "Panama City Beach": a town of the United States, not the city abroad
                    continue
                if (
                    choice is not None
                    and choice[1].via in ("name", "city", "capital")
                    and m.j < len(self.keys)
                    and self.keys[m.j] in self.gaz.feature_heads
                    and getattr(self._actor(choice[0]), "type", "") in ("country", "region")
                ):
                    i = m.j + 1  # "east of the Mississippi River": the river, not the state
                    continue
                if (
                    choice is not None
                    and choice[0] in self.gaz.open_names
                    and m.j < len(self.keys)
                    and self.keys[m.j][:1].isupper()
                ):
                    i = m.i + 1  # "the West Bank": not the West, read again from "West"
                    continue
                if choice is not None:
                    aid, hit = choice
                    first = m.i
                    actor = self._actor(aid)
                    if actor is not None and actor.type == "person":
                        q = self._qualifier(m.i)
                        if (
                            q is not None
                            and self.mentions[q].type == "country"
                            and self.mentions[q].country == actor.country
                        ):
                            first = self.ment_tok[q][0]
                            self._drop_last_if(q)
                    agency = self._un_agency(first, m.j) if aid == self._un.get("body") else None
                    if agency is not None:
                        self._emit(agency[2], agency[1], agency[0], "coreference")
                        i = agency[1]
                        continue
                    self._emit(first, m.j, aid, hit.via)
                i = m.j
                continue
            owner = self._organ_owner(i)
            if owner:
                self._organ_countries[key.lower()] = owner  # "Niger's junta": a later "the junta" is Niger's
            elif self._organ_at(i):
                if key.lower() in self._organ_countries:
                    self._emit(i, i + 1, self._organ_countries[key.lower()], "organ")
                else:
                    self._organs.append(i)
            i += self._appositive_at(i, key)
        if self._pending or self._organs:
            self._resolve_pending()
        return self.mentions

    def _us_town(self, m: _Match) -> int:
        """The token to go on from when the city abroad matched at m is a town of the United States ([towns] of
        the gazetteer's cues): its state written right after it ("Venice, Louisiana"; "Venice, La.", where the
        abbreviation is a mention of the state), a place's head word after it ("Panama City Beach"), or a name
        the article has already shown to be such a town. Else 0."""
        key, keys, gaz = tuple(self.keys[m.i : m.j]), self.keys, self.gaz
        if key in self._towns:
            return m.j
        if m.j < len(keys) and keys[m.j] in gaz.place_heads:
            return m.j + 1
        if m.j + 1 >= len(keys) or keys[m.j] != ",":
            return 0
        state = keys[m.j + 1]
        if state in gaz.state_abbreviations and m.j + 2 < len(keys) and keys[m.j + 2] == ".":
            self._towns.add(key)
            self._emit(m.j + 1, m.j + 2, gaz.state_abbreviations[state], "abbreviation")
            return m.j + 3
        n = 1 if state in gaz.us_states else 2 if " ".join(keys[m.j + 1 : m.j + 3]) in gaz.us_states else 0
        after = keys[m.j + 1 + n] if m.j + 1 + n < len(keys) else "."
        if n and (
            after in (",", ".", ")", ";", ":") or "\n" in self.text[self.ends[m.j + n] : self._start(m.j + 1 + n)]
        ):
            self._towns.add(key)  # "Louisiana" after the comma is found as itself; not "Baghdad, Texas officials"
            return m.j
        return 0

    def _time_zone(self, i: int, aid: str) -> bool:
        """True for a country named right after a clock time: the time's zone, no mention of the country."""
        actor = self._actor(aid)
        if actor is None or actor.type != "country":
            return False
        start = self._start(i)
        return _CLOCK_BEFORE.search(self.text, max(0, start - 8), start) is not None

    def _organ_at(self, i: int) -> bool:
        """True for an unnamed organ of a state at token i that no country word qualifies: "the junta",
        "Police" (not "the Israeli army", "Niger's junta", "the government of Niger")."""
        key = self.keys[i].lower()
        prev = self.keys[i - 1].lower() if i > 0 else ""
        nxt = self.keys[i + 1].lower() if i + 1 < len(self.keys) else ""
        if nxt in ("of", "in", "'", "-") or nxt in self.gaz.organs_not_before:
            return False
        if key in self.gaz.organs_after_the:
            return prev == "the"
        if key in self.gaz.organs_bare:
            qualified = bool(self.ment_tok) and self.ment_tok[-1][1] == i
            return not qualified and prev not in ("'", "s", "local", "state", "military", "secret", "religious")
        return False

    def _organ_owner(self, i: int) -> str:
        """The state actor id owning the organ word at token i when a state mention stands right before it,
        with or without a possessive ("Niger's junta", "the Nigerien junta"), else "". A later bare "the
        junta" stands for the same state, not for the country the article names most."""
        key = self.keys[i].lower()
        if key not in self.gaz.organs_after_the and key not in self.gaz.organs_bare or not self.ment_tok:
            return ""
        _s, e = self.ment_tok[-1]
        gap = [self.keys[t].lower() for t in range(e, i)]
        if gap not in ([], ["'", "s"], ["'s"], ["'"], ["’", "s"], ["’s"]):
            return ""
        m = self.mentions[-1]
        return m.actor_id if m.type == "country" else ""

    def _appositive_at(self, i: int, key: str) -> int:
        """Tokens consumed by a person introduced in an appositive starting at token i ("X, a Hamas official,"),
        or by a full name the article shows to be a person's (_full_name); else 1."""
        if key[:1].isupper():
            if not self._is_name_word(i):
                return 1  # both read a person's name of two words or more opening at i (_name_at), none here
            if "," in self.keys[i + 2 : i + 6]:
                used = self._appositive(i)
                if used:
                    return used
            return self._full_name(i) or 1
        return 1

    def _coreference(self, i: int, kinds: list[str], first: int | None = None) -> bool:
        """ "the company", "the group": a mention of the last actor of those kinds named before token i
        (the mention spans tokens first..i, by default "the" and the head)."""
        for m in reversed(self.mentions):
            learned = m.actor_id.startswith("org:learned-")
            if learned and state_body_name(m.name.split(), self.gaz):
                continue  # "the company" is no agency of a state ("the Environmental Protection Agency")
            if ("learned" in kinds and learned) or (not learned and m.type in kinds):
                self._emit(i - 1 if first is None else first, i + 1, m.actor_id, "coreference")
                return True
        return False

    def _ranked_epithet(self, i: int) -> int:
        """Index of the "the" opening "the world's second biggest <noun>" (a rank in the world or the country
        before a noun of [coreference] at token i: "The world's second biggest drugmaker opened a plant"), not
        before a name; else -1."""
        keys = self.keys
        if i + 1 < len(keys) and keys[i + 1][:1].isupper():
            return -1
        k = i - 1
        while k > i - 4 and k >= 0 and keys[k].isalpha() and keys[k].islower() and keys[k] != "s":
            k -= 1  # "second", "biggest", "largest", "leading"
        # k now stands on the "s" of "world's", split as "world", "'", "s"
        if k == i - 1 or k < 3 or keys[k] != "s" or keys[k - 1] != "'":
            return -1
        if keys[k - 2].lower() not in ("world", "country", "nation", "region"):
            return -1
        return k - 3 if keys[k - 3].lower() == "the" else -1

    def _named_again(self, i: int, last_words: list[str]) -> bool:
        """ "the school", "the hospital" ([coreference_named]): a mention of the last body named before token i
        whose name ends in one of `last_words` ("Eton College"), unless a name follows ("the school Eton")."""
        if i + 1 < len(self.keys) and self.keys[i + 1][:1].isupper():
            return False
        for m in reversed(self.mentions):
            if m.type in ("organization", "name") and m.name.split()[-1] in last_words:
                self._emit(i - 1, i + 1, m.actor_id, "coreference")
                return True
        return False

    def _generals(self) -> dict[str, list[str]]:
        """descriptor noun -> the general nouns that also name whom it describes ([coreference_descriptors].general,
        "musician" -> ["star"])."""
        if self._general_of is None:
            out: dict[str, list[str]] = {}
            for general, nouns in self.gaz.cues.get("coreference_descriptors", {}).get("general", {}).items():
                for noun in nouns:
                    out.setdefault(noun, []).append(general)
            self._general_of = out
        return self._general_of

    def _describes(self, word: str) -> bool:
        """A noun that describes a person before the name (gazetteer cues [coreference_descriptors], or a role)."""
        lower = word.lower()
        nouns = self.gaz.cues.get("coreference_descriptors", {}).get("nouns", ())
        role = self.gaz.roles.get(lower)
        return word.isalpha() and (
            lower in nouns or (isinstance(role, dict) and END in role)
        )  # "judge", not "opposition"

    def _described_again(self, i: int) -> bool:
        """ "the actor", "the judge": "the" and a lower-case word the article wrote right before a person's name
        ("actor Kevin Costner", "Judge Carl Barbier") name that person, the last one it described so (not before a
        name: "the judge Ann Lee" introduces someone)."""
        keys = self.keys
        if i == 0 or keys[i - 1].lower() != "the" or not keys[i].islower():
            return False
        if i + 1 < len(keys) and keys[i + 1][:1].isupper():
            return False
        self._emit(i - 1, i + 1, self._described[keys[i]], "coreference")
        return True

    def _un_agency(self, i: int, j: int) -> tuple[str, int, int] | None:
        """(actor id, end token, token of "the") when the United Nations named at tokens i..j opens "the U.N.
        agency", "the UN's health agency" ([coreference_un]) and an agency of it was named before: the last one
        named; else None."""
        keys, spec = self.keys, self._un
        t = next((t for t in range(i - 1, max(i - 5, -1), -1) if keys[t].lower() == "the"), -1)
        if t < 0 or not _UN_MODIFIERS.fullmatch(self.text[self.ends[t] : self._start(i)]):
            return None  # "the", or "the Geneva-based", before the United Nations' name
        k = j
        if k + 1 < len(keys) and keys[k] in ("'", "’") and keys[k + 1] == "s":
            k += 2
        elif k < len(keys) and keys[k] in ("'s", "’s"):
            k += 1
        if k < len(keys) and keys[k].isalpha() and keys[k].islower() and keys[k] not in spec["heads"]:
            k += 1
        if not (k < len(keys) and keys[k] in spec["heads"]):
            return None
        if k + 1 < len(keys) and keys[k + 1][:1].isupper():
            return None  # "the UN agency UNICEF" introduces it
        members = spec["members"]
        last = next((m.actor_id for m in reversed(self.mentions) if m.actor_id in members), None)
        return (last, k + 1, t) if last is not None else None

    def _epithet(self, i: int, kinds: list[str], spec: dict) -> bool:
        """ "the oil giant", "the global health body": "the", one or two lower-case modifiers and a head of
        [coreference_epithets] name the last actor of the head's kinds (not before a name: "the oil giant
        BP" introduces BP; not with a modifier of `not_modifiers`: "the dead body")."""
        keys = self.keys
        blocked = spec.get("not_modifiers", [])
        for width in (1, 2):
            t = i - width - 1
            if t < 0 or keys[t].lower() != "the":
                continue
            mods = keys[t + 1 : i]
            if not all(w.isalpha() and w.islower() and w not in blocked for w in mods):
                continue
            if i + 1 < len(keys) and keys[i + 1][:1].isupper():
                return False
            return self._coreference(i, kinds, t)
        return False

    def _name_run(self, i: int) -> int:
        """Tokens of a run of capitalized words (or acronyms) starting at token i, at most three, no sentence
        starter, weekday or place word among them (0 when none)."""
        k, keys = i, self.keys
        while k < len(keys) and k - i < 3:
            key = keys[k]
            if not (key[:1].isupper() and key.replace("&", "").isalnum()) or key in self.gaz.not_name_words:
                break
            if k > i and self.text[self.ends[k - 1] : self._start(k)] != " ":
                break
            k += 1
        return k - i

    def _learn_orgs(self) -> None:
        """Learn the article's named bodies the gazetteer does not know (cues.toml [learned_orgs]) before the
        scan, so that every mention of them, the first included, is an actor."""
        spec = self.gaz.cues.get("learned_orgs")
        if not spec:
            return
        keys, n = self.keys, len(self.keys)
        before, suffixes = set(spec["before_name"]), set(spec["suffixes"])
        appositive, verbs = set(spec["appositive"]), set(spec["acronym_verbs"])
        found: set[tuple[int, int]] = set()
        headed: dict[str, str] = {}  # names ending in a body's head word -> the country of a place in them
        acronyms: Counter = Counter()
        acronym_subject: set[str] = set()
        heads = set(spec.get("name_heads", ()))
        gate = before | {w.capitalize() for w in before} | suffixes | heads | {",", "based"}
        for i, key in enumerate(keys):
            if key not in gate:
                if key.isupper() and 2 <= len(key) <= 5 and key.isalpha() and key not in self.gaz.caps_common:
                    acronyms[key] += 1
                    if i + 1 < n and keys[i + 1] in verbs:
                        acronym_subject.add(key)
                continue
            if key == "based" and 0 < i < n - 1 and keys[i - 1][:1].isupper():
                k = self._name_run(i + 1)  # "London-based Kestrel", "Houston-based Transocean"
                while k and keys[i + k] in suffixes:
                    k -= 1
                if k:
                    found.add((i + 1, i + 1 + k))
            elif key.lower() in before and i + 1 < n:
                k = self._name_run(i + 1)
                while k and keys[i + k] in suffixes:
                    k -= 1
                if k:
                    found.add((i + 1, i + 1 + k))
            elif key in heads and i > 0 and keys[i - 1][:1].isupper():
                # a name that says it is a body and ends there: "Eton College", "Clinton Bush Haiti Fund", "Devon
                # Energy" (not "Senate Energy and Natural Resources Committee"), or with its city after the head
                # ("Imperial College London", "University College London")
                e = i + 1
                if e < n and keys[e][:1].isupper():
                    place, q = self._state_or_org_at(e)
                    e = q if place is not None and place.type == "country" and q - e <= 2 else e
                ends = e == n or not (keys[e][:1].isupper() or keys[e] in ("and", "&", "of"))
                if ends and (j := self._head_run(i)) < i:
                    headed.setdefault(" ".join(keys[j:e]), self._place_country(j, e))
            elif key in suffixes and i > 0 and keys[i - 1][:1].isupper():
                j = i - 1
                while j > 0 and i - j < 3 and self._name_run(j - 1) >= i - j + 1:
                    j -= 1
                if self._name_run(j) >= i - j:
                    found.add((j, i))
            elif (
                key == ","
                and i + 2 < n
                and keys[i + 1].lower() in ("the", "a")
                and self._appositive_noun(i + 2, appositive)
            ):
                j = i - 1
                while j > 0 and i - j < 3 and self._name_run(j - 1) >= i - j + 1:
                    j -= 1
                if j >= 0 and self._name_run(j) >= i - j and (j == 0 or not keys[j - 1][:1].isupper()):
                    found.add((j, i))
        spelled = self._spelled_out()  # "Health Protection Agency (HPA)": one body, the acronym an alias
        for long, acronym in spelled.items():
            toks = _phrase_tokens(long)
            if toks and not self._alias(toks) and not self._alias([acronym]):
                self.ctx.learn_org(long, (acronym,))
        found = {(a, b) for a, b in found if " ".join(keys[a:b]) not in spelled.values()}
        names = {" ".join(keys[a:b]) for a, b in found}
        names |= {a for a in acronym_subject if acronyms[a] >= 2}
        # An acronym the article keeps using ("BP's", "for BP to be barred", "A BP spokesman") names a body even
        # when no verb follows it: at least `acronym_uses` times, not a word the article also writes in lower
        # case ("OIL" in a shouted headline), not a time zone, not one of `not_acronyms` (titles, weapons, diseases).
        lower, plain = self._lower_words(), self.gaz.not_acronyms | set(time_zones())
        uses = int(spec.get("acronym_uses", 0))
        names |= {a for a, n in acronyms.items() if uses and n >= uses and a.lower() not in lower and a not in plain}
        names -= set(spelled.values()) | lower_case_acronyms(self.text)
        for name in sorted(names):
            toks = _phrase_tokens(name)
            if toks and not self._known(toks):
                self.ctx.learn_org(name)
        for name in sorted(set(headed) - names - set(spelled.values()) - set(spelled)):
            toks = _phrase_tokens(name)
            if toks and not self._alias(toks):
                self.ctx.place_org(self.ctx.learn_org(name), headed[name])  # "Kabul Zoo": its place's country
        self._learn_org_countries(before | appositive)
        self._learn_companies()

    def _learn_companies(self) -> None:
        """Learn the companies of companies.csv the article names ("Anadarko said", "Transocean's rig"), as bodies
        it learned (no country of their own, so "the company" refers back to them), under the list's name ("British
        Petroleum" is BP). A name after "the" is a thing ("the Amazon"), and a one-word name the article also
        writes in lower case ("shell", "total"), or only at a sentence's start, is a common word."""
        keys, n = self.keys, len(self.keys)
        lower = self._lower_words()
        firsts = {
            toks[0] for names in self.gaz.firms for toks in _names_tokens(names) if toks and toks[0][:1].isupper()
        }
        at: dict[str, list[int]] = {}  # where each capitalized first word of a company's name stands
        for i, key in enumerate(keys):
            if key in firsts:
                at.setdefault(key, []).append(i)
        for names in self.gaz.firms:
            written: list[str] = []  # the names the article writes, in the list's order
            inside = False  # one of them written inside a sentence (or of several words)
            for name, toks in zip(names, _names_tokens(names), strict=True):
                if not toks or toks[0] not in at or (len(toks) == 1 and toks[0].lower() in lower):
                    continue
                for i in at.get(toks[0], ()):
                    if keys[i : i + len(toks)] != toks or (i > 0 and keys[i - 1].lower() == "the"):
                        continue
                    if len(toks) == 1 and i + 1 < n and keys[i + 1][:1].isupper():
                        continue  # "Shell Oil", "Total Recall": part of a longer name
                    if name not in written:
                        written.append(name)
                    if len(toks) > 1 or not self._opens_sentence(i):
                        inside = True
            if not inside or any(self._alias(_phrase_tokens(name)) for name in written):
                continue
            self.ctx.learn_org(names[0], names[1:])  # under the list's name: "British Petroleum" is BP

    def _head_run(self, i: int) -> int:
        """First token of the capitalized words right before token i that name a body with it ("Clinton Bush
        Haiti Fund": places and persons' names included), at most four; i when there is none. Words such as
        "The", weekdays and other bodies' heads end it."""
        keys, stop = self.keys, self.gaz.not_name_words - self.gaz.org_words
        j = i
        while (
            j > 0
            and i - j < 4
            and keys[j - 1][:1].isupper()
            and keys[j - 1].isalpha()
            and keys[j - 1] not in stop
            and self.text[self.ends[j - 1] : self._start(j)] == " "
        ):
            j -= 1
        return j

    def _place_country(self, j: int, i: int) -> str:
        """The country of the first country or capital named among tokens j..i-1 ("Kabul Zoo" -> AFG), else ""."""
        for p in range(j, i):
            actor, _ = self._state_or_org_at(p)
            if actor is not None and actor.type == "country" and actor.country:
                return actor.country
        return ""

    def _appositive_noun(self, p: int, nouns: set[str]) -> bool:
        """True when a noun of `nouns` heads the phrase at token p: at once ("the company"), or after a country
        word and up to two lower-case modifiers ("the Swiss drilling company", "the British oil group")."""
        keys, n = self.keys, len(self.keys)
        if p < n and keys[p] in nouns:
            return True
        state, q = self._state_or_org_at(p)
        if state is None or state.type != "country":
            return False
        k = q
        while k < n and k - q < 2 and keys[k].isalpha() and keys[k].islower() and keys[k] not in nouns:
            k += 1
        return k < n and keys[k] in nouns

    def _learn_org_countries(self, nouns: set[str]) -> None:
        """A learned body's country where the article says it: a country word before a trade noun ("British
        oil giant", up to two lower-case words between; "Swiss-based company") right before the name ("British
        oil giant BP", "London-based BP"), in apposition after it ("BP, the British oil company,"), or after
        "the" elsewhere ("pressure on the beleaguered British oil company"): the body named last before it (which
        may be wrong when another firm the article did not learn stands between). The last such phrase for a
        body gives its country (on the real-news dev split a later phrase is right more often than the first);
        a firm's country does not count towards the article's (_emit)."""
        keys, n = self.keys, len(self.keys)
        learned = [a for a in self.ctx.learned.values() if a.id.startswith("org:learned-")]
        if not learned:
            return
        firsts: dict[str, list[tuple[list[str], Actor]]] = {}
        for actor in learned:
            toks = _phrase_tokens(actor.name)
            if toks:
                firsts.setdefault(toks[0], []).append((toks, actor))

        def body_at(p: int) -> Actor | None:
            for toks, actor in firsts.get(keys[p], []):
                if keys[p : p + len(toks)] == toks:
                    return actor
            return None

        def last_body(p: int) -> Actor | None:
            """The body named last before token p (within 60 tokens)."""
            return next((a for b in range(p - 1, max(p - 60, -1), -1) if (a := body_at(b)) is not None), None)

        # A country counts only with "based" or a noun of `nouns` at most two tokens past its name, which spans
        # at most `reach` tokens: a capitalized word with neither that near opens no such phrase (nothing is
        # matched there; the most capitalized words are no country).
        cue_keys = {
            key for key in set(keys) if key == "based" or key.lower().removesuffix("'s").removesuffix("’s") in nouns
        }
        if not cue_keys:
            return
        cues = [t for t, key in enumerate(keys) if key in cue_keys]
        reach = max(_gazetteer_depth(self.gaz), _trie_depth(self.ctx.trie)) + 2
        for p in range(n):
            if not keys[p][:1].isupper():
                continue
            near = bisect.bisect_right(cues, p)
            if near == len(cues) or cues[near] > p + reach:
                continue
            state, q = self._state_or_org_at(p)
            if state is None or state.type != "country" or not state.country:
                continue
            based = q < n and keys[q] == "based"
            if based:
                q += 1  # "London-based", "Swiss-based" (the hyphen is no key)
            k = q
            while k < n and k - q < 2 and keys[k].isalpha() and keys[k].islower() and keys[k] not in nouns:
                k += 1
            noun = k < n and keys[k].lower().removesuffix("'s").removesuffix("’s") in nouns
            if based and not noun:
                body = body_at(q) if q < n else None  # "London-based BP"
            elif not noun:
                continue
            else:
                body = body_at(k + 1) if k + 1 < n else None
            lead = p - 1
            if lead >= 0 and keys[lead].islower() and keys[lead] not in ("the", "a", "an"):
                lead -= 1  # "the beleaguered British oil company"
            det = lead >= 0 and keys[lead].lower() in ("the", "a", "an")
            if body is None and det and lead > 0 and keys[lead - 1] == ",":
                # in apposition: "BP, the British oil company," is the body whose name ends at the comma
                body = next(
                    (
                        a
                        for b in range(max(lead - 8, 0), lead - 1)
                        if (a := body_at(b)) is not None and b + len(_phrase_tokens(a.name)) == lead - 1
                    ),
                    None,
                )
            elif body is None and det:
                body = last_body(lead)
            if body is not None:
                self.ctx.place_org(body, state.country)

    def _spelled_out(self) -> dict[str, str]:
        """Bodies the article spells out before their acronym in brackets, long name -> acronym: "the Health
        Protection Agency (HPA)", "National Oceanic and Atmospheric Administration (NOAA)". The acronym's
        letters are the initials of the name's capitalized words (lower-case "of", "and", "for", "the" between
        them are skipped or, in "NOAA", counted)."""
        keys, out = self.keys, {}
        for i in range(1, len(keys) - 2):
            acr = keys[i + 1]
            if keys[i] != "(" or keys[i + 2] != ")" or not (acr.isupper() and acr.isalpha() and 2 <= len(acr) <= 6):
                continue
            j = i
            while j > 0 and i - j < 8 and (keys[j - 1][:1].isupper() or keys[j - 1] in ("of", "and", "for", "on")):
                j -= 1
            while j < i and not keys[j][:1].isupper():
                j += 1
            for start in range(j, i):  # the shortest run of capitalized words whose initials spell it
                if not keys[start][:1].isupper():
                    continue
                words = keys[start:i]
                capitals = "".join(w[0] for w in words if w[:1].isupper())
                every = "".join(w[0].upper() for w in words)
                if acr in (capitals, every) and len(words) >= 2:
                    out[" ".join(words)] = acr
                    break
        return out

    def _alias(self, toks: list[str]) -> bool:
        """True when a phrase is, as a whole, an alias of the gazetteer ("World Health Organization", "WHO")."""
        node = self.gaz.trie
        for tok in toks:
            node = node.get(tok)
            if node is None:
                return False
        return END in node

    def _known(self, toks: list[str]) -> bool:
        """True when a phrase is (or starts with) an alias of the gazetteer, a role or a given name."""
        node = self.gaz.trie
        for tok in toks:
            node = node.get(tok)
            if node is None:
                break
            if END in node:
                return True
        return toks[0].lower() in self.gaz.roles or toks[0] in self.gaz.given_names or toks[0] in self.gaz.honorifics

    def _titled_surnames(self) -> frozenset[str]:
        """Words the article writes as a surname after a title ("Dr Murray", "Mr. Hayward"), computed once."""
        if self._surnames_cache is None:
            keys, out, honorifics = self.keys, set(), self.gaz.honorifics
            for k, key in enumerate(keys):
                if key in honorifics:
                    j = k + 2 if k + 1 < len(keys) and keys[k + 1] == "." else k + 1
                    if self._is_name_word(j) and not self._is_name_word(j + 1):
                        out.add(keys[j])
            self._surnames_cache = frozenset(out)
        return self._surnames_cache

    def _lone_surnames(self) -> frozenset[str]:
        """Words the article writes alone as a name twice or more, the way a story names a person after
        introducing them in full ("Thad W. Allen ..." then "Allen announced ..."), computed once."""
        if self._lone_cache is None:
            keys, seen, placed = self.keys, Counter(), set()
            name = [*self._name_word_flags(), False]  # name[k]: _is_name_word(k), one past the last token too
            for k, key in enumerate(keys):
                if not name[k] or name[k + 1]:
                    continue
                before = keys[k - 1] if k > 0 else ""
                after = keys[k + 1] if k + 1 < len(keys) else ""
                if before in self.gaz.not_before_surname or after.lower() in self.gaz.roles:
                    placed.add(key)  # "the Valdez", "in Louisiana", "Louisiana Gov.": a thing or a place
                if before == "." and k > 1 and len(keys[k - 2]) == 1 and keys[k - 2].isupper():
                    continue  # after a middle initial: part of the full name
                if k > 0 and name[k - 1] and self.text[self.ends[k - 1] : self._start(k)] == " ":
                    continue
                seen[key] += 1
            self._lone_cache = frozenset(w for w, n in seen.items() if n >= 2 and w not in placed)
        return self._lone_cache

    def _lone_name(self, i: int, k: int, words: list[int]) -> bool:
        """A full name whose last word the article goes on to write alone (_lone_surnames), none of its words
        a word the article also writes in lower case ("Several Democratic", "Public Health"), joined by
        spaces ("Coca-Cola" is no given name and surname)."""
        last = self.keys[words[-1]]
        if last not in self._lone_surnames() or self.text[self.ends[i] : self._start(i + 1)] != " ":
            return False
        if i + k < len(self.keys) and self.keys[i + k] == "'":
            return False  # "Exxon Valdez's"
        lower = self._lower_words()
        return not any(self.keys[t].lower() in lower for t in words)

    def _lower_words(self) -> frozenset[str]:
        if self._lower_cache is None:
            self._lower_cache = frozenset(filter(str.islower, self.keys))
        return self._lower_cache

    def _full_name(self, i: int) -> int:
        """Learn an unknown full name of two or three words starting at token i when it is a person's: it
        opens with a common given name ("Martin Blount"), or the article calls its last word "Dr/Mr ..."
        ("physician Conrad Murray" ... "Dr Murray"). Later mentions of the surname name the same person.
        Returns the tokens consumed (0 when it is no such name)."""
        keys = self.keys
        if keys[i] not in self.gaz.given_names:
            # else its last word must be one the article writes after a title or alone: none near, no name
            near = keys[i + 1 : i + MAX_NAME_TOKENS + 3]
            if self._titled_surnames().isdisjoint(near) and self._lone_surnames().isdisjoint(near):
                return 0
        if i > 0 and self._is_name_word(i - 1) and self.text[self.ends[i - 1] : self._start(i)] == " ":
            return 0  # inside a longer capitalized run
        k = self._name_at(i)
        words = [t for t in range(i, i + k) if self._is_name_word(t)]  # without middle initials ("Thad W. Allen")
        if not 2 <= len(words) <= 3 or (i + k < len(keys) and keys[i + k] in self.gaz.org_words):
            return 0
        last = keys[i + k - 1]
        if (
            keys[i] not in self.gaz.given_names
            and last not in self._titled_surnames()
            and not self._lone_name(i, k, words)
        ):
            return 0
        if self._has_place_word(i, i + k):
            return 0  # a place
        for t in range(i, i + k):
            m = self._best_match(t)
            if m is not None and not (t > i and self._other_given_name(i, m)):
                return 0  # a name the gazetteer knows a part of ("Joseph Biden"), unless its given name differs
        # without middle initials ("Thad Allen"), with an Arabic article as written ("Hafez al-Mirazi")
        initials = any(len(keys[t]) == 1 and keys[t].isupper() for t in range(i, i + k))
        name = " ".join(keys[t] for t in words) if initials else self._name_text(i, i + k)
        actor = self.ctx.learn(name, "", "", self._honorific_aliases(name))
        self._emit(i, i + k, actor.id, "learned")
        return k

    def _resolve_pending(self) -> None:
        """Bare roles met before the article named any country, and unnamed organs of a state ("the junta"):
        resolve them with the whole article's country."""
        added = False
        for i, j, role, _ in self._pending:
            pid = self._resolve_role(role, "", "")
            if pid:
                self._emit(i, j, pid, "office", role)
                added = True
        home = self._dominant_country()
        if home and self._organs:
            for i in self._organs:
                self._emit(i, i + 1, home, "organ")
            added = True
        if added:
            order = sorted(range(len(self.mentions)), key=lambda k: self.mentions[k].start)
            self.mentions = [self.mentions[k] for k in order]
            self.ment_tok = [self.ment_tok[k] for k in order]
