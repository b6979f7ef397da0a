"""A candidate that came through the stages -> one row of the events table (core.schema.EVENT_COLUMNS).

build_row(doc, candidate) -> dict. The summary runs from the source (or the clause start) to the clause end
or an earlier comma opening a trailing comment (data/summary.toml); the confidence is the candidate's, from
the confidence stage (confidence.py); the event id hashes article, sentence, clause and type.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from extract.actors import ActorMention
from extract.events._data import summary as summary_data
from extract.events._data import wordset
from extract.events.clauses import Clause
from extract.events.doc import ArticleDoc, Candidate
from extract.events.plover import Cue
from extract.events.syntax import words as syntax_words
from extract.events.tokens import Token


def _clause_end(tokens: list[Token], clause: Clause, cue: Cue, a: int) -> int:
    """Where the summary stops: the clause end, or an earlier comma after the cue that opens a trailing
    comment ("..., lowering the bar", "..., where some tried"; see data/summary.toml)."""
    b = tokens[clause.i1 - 1].end
    conf = summary_data()
    openers, not_ing = frozenset(conf["trailing_openers"]), frozenset(conf["not_participles"])
    for k in range(cue.j, clause.i1 - 1):
        if tokens[k].text != "," or tokens[k].start - a < conf["min_chars"]:
            continue
        w = tokens[k + 1].lower
        if w in openers or (w.endswith("ing") and len(w) > 4 and w not in not_ing):
            return tokens[k].start
    return b


def _summary(
    text: str, tokens: list[Token], clause: Clause, cue: Cue, source_tok: int | None, max_chars: int, opens: int = -1
) -> str:
    """The clause from its source (or its start, or `opens`, a character offset before it) to its end."""
    a = tokens[source_tok].start if source_tok is not None else tokens[clause.i0].start
    if 0 <= opens < a:
        a = opens
    b = _clause_end(tokens, clause, cue, a)
    s = text[a:b].strip(" ,;:-")
    if len(s) > max_chars:
        cut = s.rfind(" ", 0, max_chars)
        s = s[: cut if cut > 0 else max_chars] + "…"
    return s


def _event_id(article_id: str, sent_start: int, clause_start: int, etype: str) -> str:
    key = f"{article_id}|{sent_start}|{clause_start}|{etype}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _name(doc: ArticleDoc, m: ActorMention | None) -> str:
    """The actor's name as the row gives it. A group named at a sentence's start ("Scientists", "Environmental
    groups") is written as the article writes it elsewhere in lower case, so one group is one name in the actor
    lists; not one the article also capitalizes after a lower-case word ("most Americans"), nor one it never
    writes in lower case ("Palestinians", "Democrats"). A word of syntax.toml's group_heads ("Doctors",
    "Experts") is a common noun, lower case even where the article writes it nowhere else, unless it is a name
    there too (named_groups: "Republicans"), and so is one of group_modifiers ("Armed men")."""
    if m is None:
        return ""
    name = m.name
    if m.type == "group" and name[:1].isupper() and name[1:2].islower():
        lower = name[0].lower() + name[1:]
        first = name.split()[0]
        word = re.escape(first)
        common = (
            first.lower() in syntax_words("group_heads") | syntax_words("group_modifiers")
            and first.lower() not in syntax_words("named_groups")
        ) or re.search(r"(?<![\w-])" + re.escape(lower) + r"(?![\w-])", doc.text)
        if common and not re.search(r"[a-z,]\s+" + word + r"(?![\w-])", doc.text):
            return lower
    return name


def build_row(doc: ArticleDoc, c: Candidate) -> dict:
    """The events-table row of a candidate that has its roles, period and topics."""
    article, text = doc.article, doc.text
    sentence, toks = doc.sentences[c.s], doc.tokens[c.s]
    cue, source, target, per = c.cue, c.source, c.target, c.period
    countries: dict[str, None] = {}
    for m in (source, target, *c.partners):
        if m is not None and m.country:
            countries.setdefault(m.country, None)
    for _, m in c.actors:
        if m.type != "country" and m.country:
            countries.setdefault(m.country, None)
    source_tok = next((k for k, m in c.actors if m is source), None)
    if source_tok is not None and source_tok >= cue.i:
        source_tok = None  # a source after the verb (passive, reported words) does not open the summary
    opens = -1
    if (
        source is not None
        and source_tok == c.clause.i0
        and toks[source_tok].lower in wordset("roles", "relative_pronouns")
        and sentence.start <= source.start < toks[source_tok].start
    ):
        opens = source.start  # "Anadarko Petroleum Corp., which owns a quarter of the well, blasted BP"
    return {
        "event_id": _event_id(article.id, sentence.start, toks[c.clause.i0].start, cue.event_type),
        "date": per.date,
        "date_precision": per.precision,
        "date_start": dt.datetime.combine(per.start, dt.time()),
        "date_end": dt.datetime.combine(per.end, dt.time()),
        "date_text": c.date_text,
        "date_from_publication": c.date_from_publication,
        "source_actor": _name(doc, source),
        "target_actor": _name(doc, target),
        # every actor the clause names, and the source and target, which a later stage may have found elsewhere
        # (the place of the happening, the doer of a happening named before)
        "actors": list(
            dict.fromkeys([*(_name(doc, m) for _, m in c.actors), *(_name(doc, m) for m in (source, target) if m)])
        ),
        "countries": list(countries),
        "event_type": cue.event_type,
        "quad_class": cue.quad_class,
        "topics": c.topics,
        "mode": c.reading.mode,
        "summary": _summary(text, toks, c.clause, cue, source_tok, doc.settings.summary_chars, opens),
        "sentence": text[sentence.start : sentence.end],
        "sentence_start": sentence.start,
        "sentence_end": sentence.end,
        "confidence": c.confidence,
        "article_id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published,
    }
