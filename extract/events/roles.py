"""Roles: who acts (source) and who is acted upon (target) in a clause.

assign(tokens, clause, cue, mentions, passive) -> (source, target), each an ActorMention or None.
`mentions` are the clause's actor mentions paired with their first token index. The source is the
first mention before the verb that is not inside a prepositional phrase ("the office of Ukraine's
president" has no source); the target is the first other actor after the verb. In the passive
("Kyiv was struck by Russia") the agent after "by" is the source and the subject is the target.
"""
from __future__ import annotations

from extract.actors import ActorMention
from extract.events._data import wordset
from extract.events.clauses import Clause
from extract.events.plover import Cue
from extract.events.tokens import Token

Placed = tuple[int, ActorMention]  # (token index, mention)


def _after_preposition(tokens: list[Token], k: int, lo: int) -> bool:
    preps = wordset("roles", "prepositions")
    j = k - 1
    # Skip determiners and adjectives of the noun phrase: "of the Russian defence ministry".
    while j >= lo and tokens[j].lower in ("the", "a", "an"):
        j -= 1
    return j >= lo and tokens[j].lower in preps


def _hyphen_modifier(tokens: list[Token], k: int, m: ActorMention) -> bool:
    tok = tokens[k] if 0 <= k < len(tokens) else None
    if tok is None:
        return False
    return tok.end > m.end and tok.text[m.end - tok.start:m.end - tok.start + 1] == "-" or \
        (k + 1 < len(tokens) and tokens[k + 1].start == m.end and tokens[k + 1].text == "-")


def assign(tokens: list[Token], clause: Clause, cue: Cue, mentions: list[Placed],
           passive: bool) -> tuple[ActorMention | None, ActorMention | None]:
    """(source, target) of the clause's happening."""
    # "US-made missiles", "Iranian-backed groups": a mention fused to a hyphenated word only modifies a noun.
    mentions = [(k, m) for k, m in mentions if not _hyphen_modifier(tokens, k, m)]
    before = [(k, m) for k, m in mentions if k < cue.i]
    after = [(k, m) for k, m in mentions if k >= cue.j]
    subject = next((m for k, m in before if not _after_preposition(tokens, k, clause.i0)), None)
    if passive:
        agent = next((m for k, m in after if k > 0 and tokens[k - 1].lower == "by"), None)
        if agent is None:
            agent = next((m for k, m in after if k > 1 and tokens[k - 2].lower == "by"
                          and tokens[k - 1].lower in ("the", "a")), None)
        source, target = agent, subject
    else:
        source = subject
        target = next((m for k, m in after if source is None or m.actor_id != source.actor_id), None)
    if source is not None and target is not None and source.actor_id == target.actor_id:
        target = None
    return source, target


def proper_names(tokens: list[Token], i0: int, i1: int, taken: set[int]) -> list[Placed]:
    """Capitalized name phrases in tokens[i0:i1] that the gazetteer did not know ("BP", "Conrad Murray").

    `taken` holds token indexes already inside an actor mention or a temporal expression. A name stands
    in as an actor with no country (actor_id "name:<text>"). Function words that open a sentence
    ("The", "On") are not names.
    """
    stop = wordset("roles", "prepositions") | wordset("roles", "determiners") | wordset("sentences", "starters") \
        | wordset("language", "function_words")
    out: list[Placed] = []
    k = i0
    while k < i1:
        tok = tokens[k]
        if k in taken or not tok.text[:1].isupper() or not tok.text[:1].isalpha() or tok.lower in stop:
            k += 1
            continue
        j = k
        while j < i1 and j not in taken and tokens[j].text[:1].isupper() and tokens[j].text[:1].isalpha():
            j += 1
        if not (j - k == 1 and k == 0 and len(tok.text) > 1 and tok.text[1:].islower() and tok.lower in stop):
            text = " ".join(t.text for t in tokens[k:j])
            out.append((k, ActorMention(tok.start, tokens[j - 1].end, text, "name:" + text, text, "name", "")))
        k = j
    return out
