"""Clause splitting: a sentence's tokens -> clauses, each a token range that may hold one happening.

split_clauses(tokens) -> list[Clause]. Boundaries are semicolons and a comma followed by a
conjunction or subordinator ("but", "while", "after", "which", ...; list in data/cues.toml), unless that word
stands alone between two commas ("Egypt, meanwhile, has ordered ...": an aside, the subject's clause goes on), or
by a span of time and "after"/"before" after a chunk with a cue ("..., a day after Iran struck Pakistan");
with no comma, "when" before a past deed (_opens_without_comma) and "and" before a name with a verb of its own
("... last month and Poland's force will go soon", _and_opens). After a relative clause set off by commas, a finite
verb opens the antecedent's own predicate, a clause coordinated with the subject before the relative clause
("Hamas, which has ruled Gaza since 2007, attacked Israel").
Comma-delimited attributions (", the official said", ", a U.S. official told Reuters") are cut out of
the clause they follow and returned with attribution=True, so their actors are not taken for the
clause's participants; so is a sentence's opening question to its subject ("Asked whether ..., Ruiz said").
Linear in the number of tokens.

split_coordinated(tokens, clauses, verbs) cuts a clause again before each past-tense verb that follows
another one after a comma or "and" ("Obama visited Mexico City, praised Calderon and offered help"): each
predicate is a happening of its own, done by the first one's subject (`coordinated` says so).
"""

from __future__ import annotations

import calendar
import functools
import itertools
from typing import NamedTuple

from extract.events._data import cues, wordset
from extract.events.plover import JUDGEMENTS, find_cues, irregular_pasts
from extract.events.tokens import Token
from extract.vocabulary import past_form

MAX_ATTRIBUTION = 10
# after a closing quotation mark the chunk is the quotation's attribution even when the speaker's title makes it
# longer ('..., " Mohammad Khoshvaght of the culture and Islamic guidance ministry told state television')
MAX_QUOTED_ATTRIBUTION = 16
_QUOTE_MARKS = frozenset({'"', "”", "“"})


class Clause(NamedTuple):
    """Tokens [i0, i1) of a sentence; attribution marks a "..., X said" span."""

    i0: int
    i1: int
    attribution: bool = False
    coordinated: bool = False  # opens with a verb whose subject is the one of the clause before


@functools.cache
def _after_comma_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of [clauses].after_comma by their first word, as word tuples."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for p in cues()["clauses"]["after_comma"]:
        words = tuple(p.split())
        by_first.setdefault(words[0], []).append(words)
    return {w: tuple(v) for w, v in by_first.items()}


def _starts_clause(tokens: list[Token], k: int, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """True when one of the after-comma phrases starts at token k."""
    if k >= len(tokens):
        return False
    for ph in phrases.get(tokens[k].lower, ()):
        n = len(ph)
        if k + n <= len(tokens) and all(tokens[k + m].lower == ph[m] for m in range(1, n)):
            return True
    return False


def span_subordinator(tokens: list[Token], k: int, hi: int) -> int:
    """The index of the "after" or "before" that a span of time starting at token k leads to, before `hi` (", a day
    after", ", 3 days before", ", shortly after": [clauses].span_words, span_units and figures, at most three
    words); -1 when none does."""
    words = cues()["clauses"]
    j = k
    while j < min(hi, k + 3) and (
        tokens[j].lower in words["span_words"] or tokens[j].lower in words["span_units"] or tokens[j].text.isdigit()
    ):
        j += 1
    return j if k < j < hi and tokens[j].lower in ("after", "before") else -1


def _span_then_after(tokens: list[Token], k: int) -> bool:
    """True when a span of hours, days or weeks and "after" or "before" start at token k (", a day after Iran
    struck", ", two weeks before the vote", ", shortly after"): a subordinate clause with a happening of its own,
    on a day the main clause's day gives, may follow. (A span of months or years tells background: ", two years
    after a war broke out".)"""
    j = span_subordinator(tokens, k, len(tokens))
    return j > 0 and tokens[j - 1].lower in cues()["clauses"]["span_ends"]


def split_clauses(tokens: list[Token]) -> list[Clause]:
    """Clauses of one sentence's tokens, in order; attributions flagged."""
    if not tokens:
        return []
    phrases = _after_comma_phrases()
    speech = wordset("mode", "speech")
    # 1. Comma chunks.
    chunks: list[tuple[int, int, bool]] = []  # (start, end, hard boundary before start)
    start, hard = 0, True
    openers = _comma_free_openers()
    for k, tok in enumerate(tokens):
        if tok.lower in openers and (_opens_without_comma(tokens, start, k) or _and_opens(tokens, start, k)):
            chunks.append((start, k, hard))  # "... were killed today when two suicide bombers blew themselves up"
            start, hard = k, True
            continue
        if tok.text in (",", ";", ":", "—", "–") or (
            tok.text == "-" and 0 < k < len(tokens) - 1 and tokens[k - 1].end < tok.start
        ):
            if k > start:
                chunks.append((start, k, hard))
            nxt = k + 1
            hard = (
                tok.text != ","
                or _starts_clause(tokens, nxt, phrases)
                or (_span_then_after(tokens, nxt) and bool(find_cues(tokens[start:k])))  # not after "On Friday,"
            )
            if tok.text == "," and nxt + 1 < len(tokens) and tokens[nxt + 1].text == ",":
                hard = False  # a word set off by commas after the subject: "Egypt, meanwhile, has ordered ..."
            start = nxt
    if start < len(tokens):
        chunks.append((start, len(tokens), hard))
    # A chunk after a subordinate phrase with a happening of its own ("11 weeks after the well was capped July
    # 15, Allen announced ...") opens a clause: the phrase's happening and the main one are two.
    subordinators = wordset("clauses", "subordinators")
    for n in range(1, len(chunks)):
        a, b, _ = chunks[n - 1]
        sub = next((k for k in range(a, b) if tokens[k].lower in subordinators), None)
        if sub is not None and find_cues(tokens[sub + 1 : b]):
            chunks[n] = (chunks[n][0], chunks[n][1], True)
    # 2. Attribution chunks: short, with a verb of saying, not the first chunk; or the first chunk when it is the
    # question put to the sentence's subject ("Asked whether ..., Ruiz said"), with a chunk after it.
    marked: list[tuple[int, int, bool, bool]] = []
    for n, (a, b, hard) in enumerate(chunks):
        words = [t.lower for t in tokens[a:b] if t.lower[0].isalnum()]
        closes_quote = tokens[a].text in _QUOTE_MARKS and sum(t.text in _QUOTE_MARKS for t in tokens[:a]) % 2 == 1
        attribution = (
            n > 0
            and len(words) <= (MAX_QUOTED_ATTRIBUTION if closes_quote else MAX_ATTRIBUTION)
            and any(w in speech for w in words)
            and words[0] not in ("that", "which", "who")
            and not _reports_a_happening(tokens, a, b, speech)
        ) or (n == 0 and len(chunks) > 1 and tokens[b].text == "," and _asked_first(tokens))
        marked.append((a, b, hard, attribution))
    # 3. Merge soft-joined chunks into clauses. The chunk after a relative clause set off by commas, when it opens
    # with a finite verb, is the antecedent's own predicate ("Hamas, which has ruled Gaza since 2007, attacked
    # Israel"): a clause of its own, coordinated with the subject before the relative clause.
    relative = wordset("roles", "relative_pronouns")
    out: list[Clause] = []
    cur_a = cur_b = None
    cur_coordinated = False
    for a, b, hard, attribution in marked:
        if attribution:
            if cur_a is not None:
                out.append(Clause(cur_a, cur_b, coordinated=cur_coordinated))
                cur_a = cur_b = None
            out.append(Clause(a, b, True))
            continue
        main = (
            cur_a is not None
            and not hard
            and cur_a > 0
            and tokens[cur_a - 1].text == ","
            and tokens[cur_a].lower in relative
            and cur_b - cur_a >= 2
            and finite_word(tokens[a])
            and not (a + 1 < b and tokens[a + 1].lower == "by")  # "..., chaired by the health secretary": a participle
        )
        if cur_a is None:
            cur_a, cur_b, cur_coordinated = a, b, False
        elif hard or main:
            out.append(Clause(cur_a, cur_b, coordinated=cur_coordinated))
            cur_a, cur_b, cur_coordinated = a, b, main
        else:
            cur_b = b
    if cur_a is not None:
        out.append(Clause(cur_a, cur_b, coordinated=cur_coordinated))
    # a speech act's participle after a comma ("..., accusing Western countries of nuclear blackmail") is a
    # predicate of the subject before it: a coordinated clause
    participles = wordset("clauses", "participle_openers")
    return [
        c._replace(coordinated=True) if n > 0 and tokens[c.i0].lower in participles and not c.attribution else c
        for n, c in enumerate(out)
    ]


def _asked_first(tokens: list[Token]) -> bool:
    """True when the sentence opens with a question put to its subject ([clauses].question_openers: "Asked
    whether ...", "When asked about ...")."""
    return any(len(tokens) > len(p) and all(tokens[m].lower == w for m, w in enumerate(p)) for p in _question_openers())


@functools.cache
def _question_openers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in cues()["clauses"]["question_openers"])


@functools.cache
def _comma_free_openers() -> frozenset[str]:
    """The only words that may open a clause with no comma before them: those of [clauses].without_comma
    (_opens_without_comma) and "and" (_and_opens). split_clauses asks those two tests about no other word."""
    return wordset("clauses", "without_comma") | {"and"}


def _opens_without_comma(tokens: list[Token], start: int, k: int) -> bool:
    """True when the word at k ([clauses].without_comma: "when") opens a clause with no comma before it: a past
    form stands in the chunk before it, and a simple past event cue after its subject, one to five words on
    ("43 people were killed today when two suicide bombers blew themselves up"; not "when asked", nor "asked
    when the troops would be withdrawn")."""
    if k <= start or tokens[k].lower not in wordset("clauses", "without_comma") or tokens[k - 1].text == ",":
        return False
    if not any(past_form(t.text) for t in tokens[start:k]):
        return False
    auxiliaries = wordset("mode", "be") | wordset("mode", "have") | wordset("mode", "future")
    after = tokens[k + 1 : k + 7]
    return any(c.form == "past" and c.i >= 1 and after[c.i - 1].lower not in auxiliaries for c in find_cues(after))


def _and_opens(tokens: list[Token], start: int, k: int) -> bool:
    """True when "and" at k, with no comma before it, opens a clause of its own: a finite verb stands in the chunk
    before it, and after it a name (with a possessive's noun phrase: "Poland's 2,400-strong force") is the subject
    of a verb of its own, a modal, a singular auxiliary or a past form ("Italy withdrew 300 soldiers last month and
    Poland will leave soon"). Not a plural verb after the name ("talks between Russia and Ukraine were held"),
    which rather has both names for its subject, nor after "between" or "both", nor between two names ("Rome and
    Washington sought"), nor after a verb of saying (the two halves are what is said)."""
    if k <= start or tokens[k].lower != "and" or tokens[k - 1].text == ",":
        return False
    if _and_opens_plain(tokens, start, k):
        return True
    before = tokens[k - 1].text
    if before[:1].isupper() and before not in _CALENDAR_WORDS:
        return False  # "Rome and Washington sought": one subject of two names
    j = k + 1
    while j < len(tokens) and j - k <= 4 and tokens[j].text[:1].isupper():
        j += 1
    if j == k + 1:
        return False
    split_possessive = j < len(tokens) and tokens[j].lower in ("'s", "’s", "'")
    if split_possessive or tokens[j - 1].lower.endswith(("'s", "’s")):
        j += split_possessive
        q = j
        while j < len(tokens) and j - q < 5 and (tokens[j].text[:1].islower() or tokens[j].text[:1] in "-0123456789"):
            if finite_word(tokens[j]):
                break
            j += 1
    if j >= len(tokens) or not finite_word(tokens[j]) or tokens[j].lower in ("are", "were", "have", "'re", "'ve"):
        return False
    return _first_half_stands(tokens, start, k)


def _first_half_stands(tokens: list[Token], start: int, k: int) -> bool:
    """True when the words before "and" at k are a clause of their own: a finite verb stands there, with no
    "between" or "both" just before (one subject of two names) and no verb of saying ("said the drug should never be
    used and Dr Murray had ...": both halves are what is said)."""
    if any(t.lower in ("between", "both") for t in tokens[max(start, k - 5) : k]):
        return False
    if any(t.lower in wordset("mode", "speech") for t in tokens[start:k]):
        return False
    return any(finite_word(t) for t in tokens[start:k])


def _and_opens_plain(tokens: list[Token], start: int, k: int) -> bool:
    """True when "and" at k opens a clause whose subject is a short lower-case noun phrase followed by an auxiliary
    and a verb form, after a chunk with a finite verb of its own ("Mexican officials have denied it came from pigs
    in Mexico and pork producers have been battling rumors": two clauses, two happenings). Not after a verb of
    saying (both halves are what is said), nor after "between" or "both"."""
    j = k + 1
    if j < len(tokens) and tokens[j].lower in wordset("roles", "determiners"):
        j += 1
    q = j
    while j < len(tokens) and j - q < 3 and tokens[j].text.isalpha() and tokens[j].text.islower():
        if finite_word(tokens[j]):
            break
        j += 1
    if j == q or j + 1 >= len(tokens) or tokens[j].lower not in auxiliaries():
        return False
    verb = tokens[j + 1]
    if not (verb.text.isalpha() and verb.text.islower() and (finite_word(verb) or verb.lower.endswith("ing"))):
        return False  # "and pork producers have been battling", not "and food prices are high"
    return _first_half_stands(tokens, start, k)


_CALENDAR_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:]])  # "on Monday and Ukraine has vowed"


def finite_word(tok: Token) -> bool:
    """A word that can carry a clause's tense: a lower-case past form (regular or not), a modal, a form of "be" or
    "have" (also mode._modifies_subject's test of the verb after a subject)."""
    if not tok.text.islower():
        return False
    return past_form(tok.text) or tok.lower in irregular_pasts() or tok.lower in auxiliaries()


@functools.cache
def auxiliaries() -> frozenset[str]:
    """Modals and the forms of "be" and "have" ([mode] lists of cues.toml)."""
    return frozenset().union(*(wordset("mode", k) for k in ("future", "hypothetical_modals", "be", "have")))


def _reports_a_happening(tokens: list[Token], a: int, b: int, speech: frozenset[str]) -> bool:
    """True when the words after a chunk's verb of saying hold an event cue, or open with "that" after a past
    tense (not ", defying opposition claims that ..."), or the verb opens a cue phrase of its own ("declared
    war"): ", the office said police arrested Olga Cristina Lerma" reports a happening and is no attribution to
    cut out."""
    last = max(k for k in range(a, b) if tokens[k].lower in speech)
    if any(c.i == last - a and (c.j - c.i > 1 or c.phrase in JUDGEMENTS) for c in find_cues(tokens[a:b])):
        # ", Israel's security cabinet formally declared war,": the verb opens a cue phrase of its own, or judges
        # what it names (", he declared the Iraq war illegal")
        return True
    said = tokens[last].lower
    if last + 1 < b and tokens[last + 1].lower == "that" and (said in ("said", "told") or said.endswith("ed")):
        return True  # ", Allen announced that the command was being dismantled": what is said follows
    return last + 2 < b and bool(find_cues(tokens[last + 1 : b]))


def split_coordinated(tokens: list[Token], clauses: list[Clause], verbs: list[int]) -> list[Clause]:
    """Clauses cut before each past-tense verb (token indexes `verbs`, in order) that follows an earlier one of
    the same clause right after a comma, "and" or "but" ("visited ..., praised ... and offered ..."); the new clauses
    are marked coordinated. Attributions are left whole."""
    out: list[Clause] = []
    for clause in clauses:
        inside = [k for k in verbs if clause.i0 <= k < clause.i1]
        if clause.attribution or len(inside) < 2:
            out.append(clause)
            continue
        start, coordinated = clause.i0, clause.coordinated
        for prev, k in itertools.pairwise(inside):
            subject = _named_subject(tokens, k, start)
            k0 = k if subject is None else subject  # where the new clause starts
            before = tokens[k0 - 1].lower
            if before not in (",", "and", "but") or k0 - 1 <= start or k0 - 1 == prev + 1:
                continue  # "announced and attacked Ukraine": two verbs of one object are one predicate
            end = k0 - 2 if before in ("and", "but") and tokens[k0 - 2].text == "," else k0 - 1
            out.append(Clause(start, end, False, coordinated))
            start, coordinated = k0, subject is None
        out.append(Clause(start, clause.i1, False, coordinated))
    return out


def in_relative(tokens: list[Token], k: int, reach: int = 10) -> bool:
    """True when the word at k stands in a relative clause opened after a comma before it, with no comma between
    (", whose family had ruled Syria", ", which had resisted rebels")."""
    relative = wordset("clauses", "relative") - {"that"}
    for q in range(k - 1, max(0, k - reach), -1):
        if tokens[q].text == ",":
            return False
        if tokens[q].lower in relative:
            return tokens[q - 1].text == ","
    return False


def _named_subject(tokens: list[Token], k: int, lo: int) -> int | None:
    """Start of a short name phrase right before the verb at k that opens a predicate of its own after a comma
    or "and" ("Madonna gave $250,000, Brad Pitt and Angelina Jolie gave $1m and supermodel Giselle Bundchen
    gave ..."): capitalized words, "and" between them, and at most one lower-case word (a title) before them.
    None when there is no such phrase."""
    j = k
    while (
        j - 1 > lo
        and k - j < 6
        and (tokens[j - 1].text[:1].isupper() or (tokens[j - 1].lower == "and" and tokens[j - 2].text[:1].isupper()))
    ):
        j -= 1
    if j == k or tokens[j].lower == "and":
        return None
    if j - 1 > lo and tokens[j - 1].text.isalpha() and tokens[j - 1].text.islower() and tokens[j - 1].lower != "and":
        j -= 1  # a title: "supermodel"
    return j if j - 1 > lo and tokens[j - 1].lower in (",", "and") else None
