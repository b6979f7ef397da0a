"""Topics: taxonomy ids (extract/data/topics.toml) for an event's evidence sentence and type.

topics_for(tokens, event_type) -> list[str], in taxonomy order. A topic applies when one of its cues
occurs in the sentence or when the event type implies it. Compiled once per process; linear in tokens.
"""

from __future__ import annotations

import functools

from extract.events._data import topics as _taxonomy
from extract.events.tokens import Token


@functools.cache
def _compiled() -> tuple[
    list[str],
    dict[str, set[str]],
    dict[str, set[str]],
    dict[str, list[tuple[str, str]]],
    list[tuple[tuple[str, ...], str, bool]],
    dict[str, set[str]],
]:
    """(ids, exact lower word -> ids, exact cased word -> ids, first 3 letters -> [(prefix, id)],
    [(phrase words, id, prefix)],
    type -> ids)."""
    ids: list[str] = []
    exact: dict[str, set[str]] = {}
    cased: dict[str, set[str]] = {}
    prefixes: dict[str, list[tuple[str, str]]] = {}
    phrases: list[tuple[tuple[str, ...], str, bool]] = []
    by_type: dict[str, set[str]] = {}
    for tid, spec in _taxonomy().items():
        ids.append(tid)
        for cue in spec.get("cues", []):
            star = cue.endswith("*")
            cue = cue.rstrip("*")
            words = tuple(cue.split())
            if len(words) > 1:
                phrases.append((tuple(w.lower() for w in words), tid, star))
            elif cue != cue.lower():
                cased.setdefault(cue, set()).add(tid)
            elif star:
                if len(cue) < 3:
                    raise ValueError(f"topics.toml: prefix cue {cue!r}* is shorter than 3 letters")
                prefixes.setdefault(cue[:3], []).append((cue, tid))
            else:
                exact.setdefault(cue, set()).add(tid)
        for etype in spec.get("types", []):
            by_type.setdefault(etype, set()).add(tid)
    return ids, exact, cased, prefixes, phrases, by_type


def topics_for(tokens: list[Token], event_type: str = "") -> list[str]:
    """Topic ids whose cues occur in tokens (or which event_type implies), in taxonomy order."""
    ids, exact, cased, prefixes, phrases, by_type = _compiled()
    found: set[str] = set(by_type.get(event_type, ()))
    lowers = []
    for n, tok in enumerate(tokens):
        if tok.text in cased:
            found |= cased[tok.text]
        # A capitalized word inside a sentence is a name ("March", "Strike"): only its own spelling counts.
        if n and tok.text[:1].isupper() and not tok.text.isupper():
            lowers.append("")
            continue
        low = tok.lower
        lowers.append(low)
        if low in exact:
            found |= exact[low]
        for prefix, tid in prefixes.get(low[:3], ()):
            if low.startswith(prefix):
                found.add(tid)
    if phrases:
        joined = " " + " ".join(lowers) + " "
        for words, tid, star in phrases:
            if tid in found:
                continue
            needle = " " + " ".join(words) + ("" if star else " ")
            if needle in joined:
                found.add(tid)
    return [t for t in ids if t in found]
