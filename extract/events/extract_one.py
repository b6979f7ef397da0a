"""One article -> its event rows (plain dicts with the columns of core.schema.EVENT_COLUMNS).

article_events(article) -> (rows, note). `note` says why an article yields nothing ("" otherwise).
Stages, each its own module: sentences -> tokens -> PLOVER cues -> clauses -> mode -> actors/roles
-> dating -> topics. One event per clause: the first cue in it that reads as a predicate, in a
clause that names at least one actor. Undated simple-past clauses take the day the preceding
sentences were telling about (dating.narrative); other undated clauses take the publication day (flagged
date_from_publication) unless they read as background (present perfect or habitual present, or
a background marker such as "throughout"); hypothetical happenings are not emitted.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re

from core.schema import QUAD_CLASS
from extract.actors import ActorContext, ActorMention, find_actors
from extract.events import dating, mode, roles
from extract.events._data import cues, wordset
from extract.events._data import summary as summary_data
from extract.events.clauses import Clause, split_clauses
from extract.events.merge import merge_rows
from extract.events.plover import Cue, find_cues, may_hold_cue, noun_type
from extract.events.sentences import split_sentences
from extract.events.tokens import Token, tokenize
from extract.events.topics import topics_for
from extract.model import Article, Timex

MIN_CONFIDENCE = 0.0
SUMMARY_CHARS = 200
KEEP_MODES = ("actual", "statement", "future", "negated")
MERGE = True
NOUN_WEIGHT = 0.35  # a happening named only by a dated noun is less sure than one with a verb
PRONOUN_LOOKBACK = 6  # actor mentions to look back over for the person "he"/"she" stands for
ACTORLESS_DATED = True
NOUN_ROLES = True  # give noun-named happenings a source and target like verb ones
NARRATIVE = True  # an undated past clause takes the day the preceding sentences were telling about


def _looks_english(text: str) -> bool:
    """False when a text of some length has almost none of English's commonest words."""
    words = [w.lower() for w in text[:4000].split()]
    if len(words) < 12:
        return True
    fw = wordset("language", "function_words")
    return sum(w in fw for w in words) >= 0.06 * len(words)


def _background(tokens: list[Token], clause: Clause, reading: mode.Reading) -> bool:
    """True when the undated clause states a standing fact rather than one happening."""
    words = [t.lower for t in tokens[clause.i0 : clause.i1]]
    if any(w in wordset("mode", "background") for w in words):
        return True
    joined = " " + " ".join(words) + " "
    if any(" " + p + " " in joined for p in cues()["mode"]["background_phrases"]):
        return True
    return reading.present


def _past(reading: mode.Reading) -> bool:
    """A simple-past happening: not present, not present perfect, not future."""
    return reading.mode in ("actual", "statement", "negated") and not reading.present and not reading.perfect


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


def _summary(text: str, tokens: list[Token], clause: Clause, cue: Cue, source_tok: int | None) -> str:
    a = tokens[source_tok].start if source_tok is not None else tokens[clause.i0].start
    b = _clause_end(tokens, clause, cue, a)
    s = text[a:b].strip(" ,;:-")
    if len(s) > SUMMARY_CHARS:
        cut = s.rfind(" ", 0, SUMMARY_CHARS)
        s = s[: cut if cut > 0 else SUMMARY_CHARS] + "…"
    return s


def _event_id(article_id: str, sent_start: int, clause_start: int, etype: str) -> str:
    key = f"{article_id}|{sent_start}|{clause_start}|{etype}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _confidence(
    cue: Cue, source: ActorMention | None, target: ActorMention | None, dated: bool, mode_name: str, caption: bool
) -> float:
    c = 0.35 + 0.35 * cue.weight
    c += 0.1 if source is not None else -0.1
    c += 0.05 if target is not None else 0.0
    c += 0.1 if dated else 0.0
    c -= 0.1 if mode_name in ("statement", "future") else 0.0
    c -= 0.05 if caption else 0.0
    c += 0.03 * (cue.j - cue.i - 1)
    return round(min(1.0, max(0.05, c)), 3)


def article_events(article: Article) -> tuple[list[dict], str]:
    """Event rows of one article and a note ("" when it gave events; else why it gave none)."""
    text = article.text or ""
    if not text.strip():
        return [], "no text"
    if article.language and not article.language.lower().startswith("en"):
        return [], f"language {article.language!r} is not English; events are extracted from English only"
    if not _looks_english(text):
        return [], "does not read as English text; events are extracted from English only"
    sentences = split_sentences(text, article.segments)
    if not sentences:
        return [], "no story sentences (only headlines, tables or credits)"
    on = article.published_date
    # Cheap pass first: which sentences hold a cue at all.
    work: list[tuple[int, int, int, str, list[Token], list[Cue]]] = []
    from extract.timex import tag

    timexes: list[Timex] = tag(text, article.published) if article.published else tag(text, None)
    tx_starts = [t.start for t in timexes]

    def sent_has_tx(a: int, b: int) -> bool:
        return bisect.bisect_left(tx_starts, a) < bisect.bisect_left(tx_starts, b)

    lower = text.lower()
    for s_index, s in enumerate(sentences):
        if not may_hold_cue(lower, s.start, s.end):
            continue
        toks = tokenize(text, s.start, s.end)
        found = find_cues(toks)
        if found or (sent_has_tx(s.start, s.end) and any(noun_type(t.lower) for t in toks)):
            work.append((s_index, s.start, s.end, s.kind, toks, found))
    if not work:
        return [], "no sentence names an action of the event lexicon"
    mentions = find_actors(text, on=on, context=ActorContext(on=on))
    m_starts = [m.start for m in mentions]
    pub = dating.publication(article.published)
    speech = wordset("mode", "speech")
    rows: list[dict] = []
    for s_index, s_start, s_end, kind, toks, found in work:
        told = dating.narrative(text, timexes, tx_starts, sentences, s_index, article.published_date)
        clauses = split_clauses(toks)
        lo_m, hi_m = bisect.bisect_left(m_starts, s_start), bisect.bisect_left(m_starts, s_end)
        tok_starts = [t.start for t in toks]
        placed = [(bisect.bisect_right(tok_starts, m.start) - 1, m) for m in mentions[lo_m:hi_m]]
        sent_tx = timexes[bisect.bisect_left(tx_starts, s_start) : bisect.bisect_left(tx_starts, s_end)]
        attribution = [c for c in clauses if c.attribution]
        taken: set[int] | None = None
        ranked_cues = sorted(found, key=lambda c: c.dated_only)  # a political cue outranks a [dated_cues] verb
        for clause in clauses:
            if clause.attribution:
                continue
            for cue in ranked_cues:
                if not (clause.i0 <= cue.i < clause.i1):
                    continue
                speech_before = any(
                    toks[k].lower in speech
                    and toks[k].lower != "according"
                    and not any(c.i0 <= k < c.i1 for c in attribution)
                    for k in range(0, cue.i)
                )
                reading = mode.classify(toks, clause, cue, speech_before)
                if not reading.mode:
                    continue
                if cue.dated_only and not _explicitly_dated(text, sent_tx, s_start, toks, clause, cue, True):
                    continue  # "the well exploded" names a happening only with its day: "exploded on April 20"
                in_clause = [(k, m) for k, m in placed if clause.i0 <= k < clause.i1]
                if not any(k < cue.i for k, _ in in_clause):
                    pron = _pronoun_subject(toks, clause, cue, mentions, m_starts)
                    if pron is not None:
                        in_clause = sorted([pron, *in_clause], key=lambda km: km[0])
                if not any(k < cue.i for k, _ in in_clause):
                    # No known actor before the verb: a capitalized name there stands in for one.
                    if taken is None:
                        taken = _taken(toks, tok_starts, placed, sent_tx)
                    names = [pm for pm in roles.proper_names(toks, clause.i0, cue.i, taken)]
                    in_clause = sorted(names + in_clause, key=lambda km: km[0])
                if in_clause or _explicitly_dated(text, sent_tx, s_start, toks, clause, cue):
                    row = _row(
                        article,
                        text,
                        toks,
                        clause,
                        cue,
                        reading,
                        in_clause,
                        sent_tx,
                        s_start,
                        s_end,
                        kind,
                        pub,
                        told=told,
                    )
                    if row is not None:
                        rows.append(row)
                break  # one happening per clause
        rows.extend(
            _noun_events(article, text, toks, tok_starts, clauses, placed, sent_tx, s_start, s_end, kind, found)
        )
    if not rows:
        return [], "no clause pairs an action with an actor and a date"
    return (merge_rows(rows) if MERGE else rows), ""


def _explicitly_dated(
    text: str, sent_tx: list[Timex], s_start: int, toks: list[Token], clause: Clause, cue: Cue, always: bool = False
) -> bool:
    """True when a day-precision date governs the cue (an actorless clause may then still be an event;
    a [dated_cues] verb needs one). `always` checks even when ACTORLESS_DATED is off."""
    if not (ACTORLESS_DATED or always):
        return False
    span = (toks[clause.i0].start, toks[clause.i1 - 1].end)
    tx = dating.govern(text, sent_tx, s_start, span, toks[cue.i].start)
    return tx is not None and tx.precision in ("day", "minute")


_AFTER = re.compile(r"(?:['’]s)?((?:\s+[a-z][a-z-]*){1,3})")
_BEFORE = re.compile(r"\b([a-z]+)\s+(?:on|of)\s+(?:the\s+)?$")


def _noun_events(
    article: Article,
    text: str,
    toks: list[Token],
    tok_starts: list[int],
    clauses: list[Clause],
    placed: list[tuple[int, ActorMention]],
    sent_tx: list[Timex],
    s_start: int,
    s_end: int,
    kind: str,
    found: list[Cue] = (),
) -> list[dict]:
    """Happenings named by a noun with a day attached: "Tuesday's attack", "the April 20 explosion",
    "talks on Monday". Future days read as planned (mode future). The clause's actors take their roles
    unless a verbal cue before the noun says the subject only spoke about the happening."""
    out = []
    for tx in sent_tx:
        if tx.precision not in ("day", "minute") or not dating.governs(text, tx, s_start):
            continue
        noun_at, etype = -1, ""
        m = _AFTER.match(text, tx.end, s_end)
        if m:
            pos = m.start(1)
            for w in m.group(1).split():
                pos = text.index(w, pos)
                if noun_type(w):
                    noun_at, etype = pos, noun_type(w)
                    break
                pos += len(w)
        if not etype:
            b = _BEFORE.search(text[max(s_start, tx.start - 40) : tx.start])
            if b and noun_type(b.group(1)):
                etype = noun_type(b.group(1))
                noun_at = max(s_start, tx.start - 40) + b.start(1)
        if not etype:
            continue
        k = bisect.bisect_right(tok_starts, noun_at) - 1
        clause = next((c for c in clauses if c.i0 <= k < c.i1), None)
        if clause is None or clause.attribution:
            continue
        cue = Cue(k, k + 1, etype, QUAD_CLASS[etype], NOUN_WEIGHT, "noun", toks[k].lower)
        per = dating.period(tx.value)
        pub_day = article.published_date
        mode_name = "future" if (pub_day is not None and per is not None and per.start > pub_day) else "actual"
        in_clause = [(j, mm) for j, mm in placed if clause.i0 <= j < clause.i1]
        # the clause's subject did the happening ("Russia carried out Monday's attack"), unless it only
        # speaks about it ("Ukraine praised Monday's sanctions"): a verbal cue before the noun
        reacting = any(clause.i0 <= c.i < k and c.quad_class.startswith("verbal") for c in found)
        row = _row(
            article,
            text,
            toks,
            clause,
            cue,
            mode.Reading(mode_name),
            in_clause,
            [tx],
            s_start,
            s_end,
            kind,
            None,
            source_role=NOUN_ROLES and not reacting,
        )
        if row is not None:
            out.append(row)
    return out


def _pronoun_subject(
    toks: list[Token], clause: Clause, cue: Cue, mentions: list[ActorMention], m_starts: list[int]
) -> tuple[int, ActorMention] | None:
    """ "he"/"she" just before the verb stands for the last person the article named before it."""
    for k in range(cue.i - 1, max(clause.i0, cue.i - 4) - 1, -1):
        if toks[k].lower in ("he", "she"):
            n = bisect.bisect_left(m_starts, toks[k].start) - 1
            back = 0
            while n >= 0 and back < PRONOUN_LOOKBACK:
                m = mentions[n]
                if m.type == "person":
                    return k, m
                n -= 1
                back += 1
            return None
    return None


def _taken(
    toks: list[Token], tok_starts: list[int], placed: list[tuple[int, ActorMention]], sent_tx: list[Timex]
) -> set[int]:
    """Token indexes covered by actor mentions or temporal expressions."""
    out: set[int] = set()
    for _k, m in placed:
        a = bisect.bisect_left(tok_starts, m.start)
        b = bisect.bisect_left(tok_starts, m.end)
        out.update(range(a, b))
    for tx in sent_tx:
        a = bisect.bisect_left(tok_starts, tx.start)
        b = bisect.bisect_left(tok_starts, tx.end)
        out.update(range(a, b))
    return out


def _row(
    article: Article,
    text: str,
    toks: list[Token],
    clause: Clause,
    cue: Cue,
    reading: mode.Reading,
    in_clause: list[tuple[int, ActorMention]],
    sent_tx: list[Timex],
    s_start: int,
    s_end: int,
    kind: str,
    pub: dating.Period | None,
    source_role: bool = True,
    told: Timex | None = None,
) -> dict | None:
    if reading.mode not in KEEP_MODES:
        return None
    source, target = roles.assign(toks, clause, cue, in_clause, reading.passive) if source_role else (None, None)
    clause_span = (toks[clause.i0].start, toks[clause.i1 - 1].end)
    tx = dating.govern(text, sent_tx, s_start, clause_span, toks[cue.i].start)
    if tx is not None:
        per = dating.period(tx.value)
        date_text, from_pub = tx.text, False
    elif _background(toks, clause, reading):
        return None
    elif NARRATIVE and told is not None and _past(reading):
        per, date_text, from_pub = dating.period(told.value), told.text, False  # the day the story is telling
    elif pub is None:
        return None
    else:
        per, date_text, from_pub = pub, "", True
    if per is None or not dating.on_timeline(per):
        return None  # e.g. "the treaty of 1648": background far outside the news timeline
    actors = list(dict.fromkeys(m.name for _, m in in_clause))
    countries: dict[str, None] = {}
    for m in (source, target):
        if m is not None and m.country:
            countries.setdefault(m.country, None)
    for _, m in in_clause:
        if m.type != "country" and m.country:
            countries.setdefault(m.country, None)
    source_tok = next((k for k, m in in_clause if m is source), None)
    summary = _summary(text, toks, clause, cue, source_tok if source_tok is not None and source_tok < cue.i else None)
    return {
        "event_id": _event_id(article.id, s_start, clause_span[0], cue.event_type),
        "date": per.date,
        "date_precision": per.precision,
        "date_start": dt.datetime.combine(per.start, dt.time()),
        "date_end": dt.datetime.combine(per.end, dt.time()),
        "date_text": date_text,
        "date_from_publication": from_pub,
        "source_actor": source.name if source is not None else "",
        "target_actor": target.name if target is not None else "",
        "actors": actors,
        "countries": list(countries),
        "event_type": cue.event_type,
        "quad_class": cue.quad_class,
        "topics": topics_for(toks, cue.event_type),
        "mode": reading.mode,
        "summary": summary,
        "sentence": text[s_start:s_end],
        "sentence_start": s_start,
        "sentence_end": s_end,
        "confidence": _confidence(cue, source, target, not from_pub, reading.mode, kind == "caption"),
        "article_id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published,
    }
