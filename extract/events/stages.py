"""The events pipeline for one article: an ordered list of named stages over one ArticleDoc.

PIPELINE (at the end of this file) is the whole flow; each Stage names the ArticleDoc fields it reads
and the ones it writes, and every field a stage reads was written by an earlier stage (or is one of
doc.INPUTS: article, settings). run(doc) applies the stages in order and stops at the first that sets
doc.note (why the article gives no event). The rules each stage applies live in their own modules
(sentences, tokens, plover, clauses, mode, roles, dating, topics, rows, merge); this file only wires them.
"""

from __future__ import annotations

import bisect
import calendar
import collections
import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from core.schema import QUAD_CLASS
from extract.actors import ActorContext, ActorMention, find_actors, load_gazetteer, office_length
from extract.actors.tagged import learn_tagged
from extract.events import confidence, dating, mode, plover, roles, syntax
from extract.events._data import cues as cue_lists
from extract.events._data import wordset
from extract.events.clauses import (
    Clause,
    auxiliaries,
    finite_word,
    in_relative,
    span_subordinator,
    split_clauses,
    split_coordinated,
)
from extract.events.doc import ArticleDoc, Candidate, Placed, Settings
from extract.events.merge import merge_rows
from extract.events.plover import Cue, find_cues, is_speech_act, may_hold_cue, noun_type
from extract.events.rows import build_row
from extract.events.sentences import split_sentences
from extract.events.tokens import Token, tokenize
from extract.events.topics import topics_for
from extract.model import Timex
from extract.timex.vocab import number_value
from extract.vocabulary import function_words, holds_past_form, honorifics, past_form


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: a function ArticleDoc -> ArticleDoc and the fields it reads and writes."""

    name: str
    run: Callable[[ArticleDoc], ArticleDoc]
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        return self.run(doc)


# language ----------------------------------------------------------------------------------------


def _looks_english(text: str) -> bool:
    """False when a text of some length has almost none of English's commonest words."""
    words = [w.lower() for w in text[:4000].split()]
    if len(words) < 12:
        return True
    fw = wordset("language", "function_words")
    return sum(map(fw.__contains__, words)) >= 0.06 * len(words)


def check_language(doc: ArticleDoc) -> ArticleDoc:
    """The article's text, when there is some and it reads as English."""
    article = doc.article
    text = article.text or ""
    doc.text = text
    if not text.strip():
        doc.note = "no text"
    elif article.language and not article.language.lower().startswith("en"):
        doc.note = f"language {article.language!r} is not English; events are extracted from English only"
    elif not _looks_english(text):
        doc.note = "does not read as English text; events are extracted from English only"
    return doc


# sentences, dates, tokens, cues, clauses, actors ---------------------------------------------------


def find_sentences(doc: ArticleDoc) -> ArticleDoc:
    """Story sentences (sentences.py): datelines, credits, headline lists and tables left out."""
    doc.sentences = split_sentences(doc.text, doc.article.segments)
    if not doc.sentences:
        doc.note = "no story sentences (only headlines, tables or credits)"
    return doc


def tag_timexes(doc: ArticleDoc) -> ArticleDoc:
    """Temporal expressions of the whole text (extract.timex), and those of each sentence."""
    from extract.timex import tag

    published = doc.article.published
    timexes: list[Timex] = tag(doc.text, published) if published else tag(doc.text, None)
    starts = [t.start for t in timexes]
    doc.timexes = timexes
    doc.sentence_timexes = [
        timexes[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)] for s in doc.sentences
    ]
    return doc


def _reads_fresh(settings: Settings) -> bool:
    """True when the classifier reads clauses that have no candidate (settings.classifier_new on)."""
    return settings.classifier and settings.classifier_new <= 1.0


def find_tokens(doc: ArticleDoc) -> ArticleDoc:
    """Word tokens of the sentences that may hold a cue (a cheap look at their words first), or, when the
    classifier reads clauses with no cue (settings.classifier_new), a lower-case past form."""
    text = doc.text
    lower = text.lower()
    past = _reads_fresh(doc.settings)
    doc.tokens = {
        n: tokenize(text, s.start, s.end)
        for n, s in enumerate(doc.sentences)
        if may_hold_cue(lower, s.start, s.end) or (past and holds_past_form(text, s.start, s.end))
    }
    return doc


def find_event_cues(doc: ArticleDoc) -> ArticleDoc:
    """PLOVER cues of each tokenized sentence (plover.py, extract/data/plover.toml). A sentence is kept
    when it has a cue, or a date and a noun of the lexicon's [nouns] ("Tuesday's attack"), or, when the
    classifier reads clauses with no cue (settings.classifier_new), a lower-case past form ("derailed")."""
    kept: dict[int, list[Cue]] = {}
    past = _reads_fresh(doc.settings)
    for n, toks in doc.tokens.items():
        found = [c for c in find_cues(toks) if not _heading_word(toks, c)]
        if (
            found
            or (doc.sentence_timexes[n] and any(noun_type(t.lower) for t in toks))
            or (past and any(past_form(t.text) for t in toks))
        ):
            kept[n] = found
    doc.cues = kept
    if not kept:
        doc.note = "no sentence names an action of the event lexicon"
    return doc


_QUESTION_OPENERS = frozenset({":", ";", '"', "“", "”", "‘", "’", "`", "'", "--", "—"})


def _questioned(toks: list[Token], after: int, phrase: str = "") -> bool:
    """True when the word before toks[after] (a cue of lemma `phrase`) stands in a direct question: a "?" ends its
    stretch of the sentence (up to the next colon, semicolon, quote or dash), as in "Why has Australia pledged
    $435m?" or "Did Downing Street really think it could declare a war on terror?". A verb of asking stays (it
    tells the asking: "he asked me: 'Where's your motorbike?'", [nonevent].questions)."""
    if phrase in wordset("nonevent", "questions"):
        return False
    for tok in toks[after:]:
        if tok.text == "?":
            return True
        if tok.text in _QUESTION_OPENERS or tok.text in (".", "!"):
            return False
    return False


def _heading_word(toks: list[Token], cue: Cue) -> bool:
    """True for a cue written in capitals in a sentence otherwise in lower case: a heading run into the text
    ("CALLS FOR PUNISHMENT OF COMPANIES The Senate hearing follows ..."), site furniture and not a verb of it."""
    word = toks[cue.i].text
    return len(word) > 1 and word.isupper() and sum(t.text[:1].islower() for t in toks) >= 3


def find_clauses(doc: ArticleDoc) -> ArticleDoc:
    """Clauses of the kept sentences (clauses.py); ", the official said" attributions marked; coordinated
    past-tense predicates ("visited ..., praised ... and offered ...") each a clause of their own."""
    doc.clauses = {}
    for n, found in doc.cues.items():
        toks = doc.tokens[n]
        # a dated-only verb is a predicate too ("ordered ..., and warned"), but not in a relative clause, where it
        # tells background ("Assad, whose family had ruled Syria ..., flew to Moscow"), nor in reported words
        # ("Japan said five of them landed inside its zone ... and lodged a protest": Japan lodged it)
        speech = wordset("mode", "speech")
        verbs = {
            c.i
            for c in found
            if c.form == "past"
            and not (c.dated_only and (in_relative(toks, c.i) or any(t.lower in speech for t in toks[: c.i])))
        }
        # an -ing cue right after a past verb of onset: the predicate stands at that verb ("had started striking")
        verbs |= {c.i - 1 for c in found if c.form == "ing" and c.i > 0 and mode.onset_past(toks[c.i - 1].lower)}
        # a modal or auxiliary right after "and" or a comma, before a cue verb: a predicate of its own ("said
        # Washington fully supported Israel and would discuss a response")
        if verbs:
            verbs |= {k for c in found if (k := _coordinated_auxiliary(toks, c)) >= 0}
        doc.clauses[n] = split_coordinated(toks, split_clauses(toks), sorted(verbs))
    return doc


def _coordinated_auxiliary(toks: list[Token], cue: Cue) -> int:
    """Index of a modal or auxiliary ([clauses].coordinated_auxiliaries) right after "and", "but" or a comma that
    opens the verb phrase of a verbal cue (at most one adverb between: "and would also discuss", "but was denied
    access"), or -1."""
    if cue.form not in ("base", "past"):
        return -1
    auxiliaries = wordset("clauses", "coordinated_auxiliaries")
    for k in (cue.i - 1, cue.i - 2):
        if k >= 1 and toks[k].lower in auxiliaries and toks[k - 1].lower in ("and", ",", "but"):
            return k
    return -1


def find_actor_mentions(doc: ArticleDoc) -> ArticleDoc:
    """Actor mentions of the whole text (extract.actors; a person's possessive before kin is the family,
    roles.kin_group), and those of each kept sentence placed at the token they start in."""
    on = doc.article.published_date
    return _place_mentions(doc, find_actors(doc.text, on=on, context=ActorContext(on=on)))


def _place_mentions(doc: ArticleDoc, found: list[ActorMention]) -> ArticleDoc:
    """doc.mentions and doc.actors from the recognizer's mentions of the whole text."""
    mentions = roles.named_offices(
        [
            roles.government_of(
                doc.text,
                roles.people(
                    doc.text,
                    roles.armed_opposition(doc.text, roles.stakeholders(doc.text, roles.kin_group(doc.text, m))),
                ),
            )
            for m in found
        ]
    )
    starts = [m.start for m in mentions]
    placed: dict[int, list[Placed]] = {}
    for n in doc.cues:
        s = doc.sentences[n]
        tok_starts = [t.start for t in doc.tokens[n]]
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        placed[n] = [(bisect.bisect_right(tok_starts, m.start) - 1, m) for m in mentions[lo:hi]]
    doc.mentions = mentions
    doc.actors = placed
    return doc


_POSSESSIVE = re.compile(r"['’]s?$")


@functools.cache
def _plain_capitals() -> frozenset[str]:
    """Capitalized words the gazetteer knows are no name: not-a-name words, honorifics, common all-caps words."""
    gaz = load_gazetteer()
    return gaz.not_name_words | gaz.honorifics | gaz.caps_common


def _name_windows(
    doc: ArticleDoc, n: int, spans: list[tuple[int, int]], reach: int, namesakes_only: bool = False
) -> list[tuple[int, int]]:
    """Token spans of sentence n around the capitalized words of `spans` (the token ranges of its candidates'
    clauses), past the sentence's first word, that no actor mention covers and that are no words the
    gazetteer knows are not names (names the recognizer may have missed), `reach` tokens either side,
    overlapping spans merged. Such a word right before a known person's mention may be another person of
    that surname ("Jermaine Jackson" read as Michael Jackson's "Jackson"): the window then runs past the
    mention; `namesakes_only` keeps only those words."""
    toks, placed = doc.tokens[n], doc.actors.get(n, [])
    covered = [(m.start, m.end) for _, m in placed]
    gaz = load_gazetteer()
    plain = _plain_capitals()
    out: list[tuple[int, int]] = []
    for k in sorted({k for i0, i1 in spans for k in range(max(i0, 1), i1)}):
        t = toks[k]
        if not t.text[:1].isupper():
            continue  # (most words: the test below says the same without the regex)
        word = _POSSESSIVE.sub("", t.text)
        if (
            len(word) < 2
            or not word[:1].isupper()
            or word in plain
            or word in gaz.trie  # a word the gazetteer names with, left unread by the recognizer ("Gulf of Mexico")
            or any(a <= t.start < b for a, b in covered)
        ):
            continue
        after = next((m for i, m in placed if i == k + 1 and m.type == "person"), None)
        if after is None and namesakes_only:
            continue
        lo, hi = max(0, k - reach), min(len(toks), k + reach + 1)
        if after is not None:  # the surname and a word past it: the tagger reads "Jermaine Jackson criticised"
            hi = min(len(toks), bisect.bisect_left([t.start for t in toks], after.end) + reach)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def learn_names(doc: ArticleDoc) -> ArticleDoc:
    """With settings.tagged_names, the names spaCy's entity recognizer tags as PERSON or ORG around the unknown
    capitalized words of the candidates' clauses that hold fewer than two known actors (settings.name_reach
    words either side) and that look like names (extract/actors/tagged.py) become actors of the article: the
    whole text is scanned again with them learned, so every mention of "Greenpeace" or "Hafez al-Mirazi" is
    an actor. Without the model nothing changes."""
    if not doc.settings.tagged_names or not doc.candidates:
        return doc
    text, pieces = doc.text, []
    clauses: dict[tuple[int, bool], list[tuple[int, int]]] = collections.defaultdict(list)
    for c in doc.candidates:
        # a clause holding two known actors already has a source and a target to choose from: only its
        # namesakes are read (speed)
        known = len({m.actor_id for k, m in doc.actors.get(c.s, []) if c.clause.i0 <= k < c.clause.i1})
        clauses[(c.s, known >= 2)].append((c.clause.i0, c.clause.i1))
    for n, namesakes_only in sorted(clauses):
        toks = doc.tokens[n]
        windows = _name_windows(doc, n, clauses[(n, namesakes_only)], doc.settings.name_reach, namesakes_only)
        pieces += [(toks[a].start, toks[b - 1].end) for a, b in windows]
    if not pieces:
        return doc
    found = syntax.entities([text[a:b] for a, b in pieces], frozenset({"PERSON", "ORG"}))
    spans = [(a + x, a + y, label) for (a, _b), ents in zip(pieces, found, strict=False) for x, y, label in ents]
    if not spans:
        return doc
    on = doc.article.published_date
    context = ActorContext(on=on)
    if not learn_tagged(context, text, spans, doc.mentions, syntax.titles()):
        return doc
    return _place_mentions(doc, find_actors(text, on=on, context=context))


# mode: which cue of a clause names its happening ----------------------------------------------------


def _day_governs(text: str, sent_tx: list[Timex], s_start: int, toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when a day-precision date governs the cue."""
    span = (toks[clause.i0].start, toks[clause.i1 - 1].end)
    tx = dating.govern(text, sent_tx, s_start, span, toks[cue.i].start)
    return tx is not None and tx.precision in ("day", "minute")


def _asked_about(toks: list[Token], clause: Clause, q: Cue, cue: Cue) -> bool:
    """True when cue stands in what the question of `q` asks about (plover.asks_question: "asked top officials why
    the government did not take over"), with no verb of saying between ("Biden, asked about the result, said
    Washington did not support ..." tells the answer)."""
    if not (clause.i0 <= q.i < cue.i) or not plover.asks_question(toks, q):
        return False
    speech = wordset("mode", "speech")
    return not any(t.lower in speech for t in toks[q.j : cue.i])


def _standing_type(toks: list[Token], i0: int, cue: Cue, rule_type: str, passive: bool = False) -> str:
    """The type the rules give a verb cue whatever the classifier reads, else "": a question put is a verbal
    exchange, CONSULT ("asked top officials why ...", plover.asks_question); a deed of `rule_type` done under
    pressure is a concession, CONCEDE ("BP was forced to suspend dividend payments", mode.compelled,
    [mode].conceded_types); a withdrawal of troops named right after the verb is RETREAT ([roles].troop_nouns); a
    trip of troops is a deployment, MOBILIZE ([roles].travel_cues: "Russian troops arrived in Niger"); help vowed is
    AID ("vowed to pay all legitimate claims", however much a vow sounds like a threat to the model); a killing told
    in the passive is an ASSAULT ("Eleven workers were killed off Louisiana": [roles].killing_cues)."""
    if plover.asks_question(toks, cue):
        return "CONSULT"
    if rule_type in wordset("mode", "conceded_types") and mode.compelled(toks, i0, cue):
        return "CONCEDE"
    if rule_type == "RETREAT" and any(t.lower in wordset("roles", "troop_nouns") for t in toks[cue.j : cue.j + 5]):
        return "RETREAT"  # "Italy withdrew 300 soldiers last month": a withdrawal of forces, whatever else it is
    if cue.phrase in wordset("roles", "travel_cues") and _troops_before(toks, i0, cue.i):
        return "MOBILIZE"  # "Russian troops arrived in Niger": forces sent, no visit
    if rule_type == "AID" and _promise_before(toks, i0, cue.i, wordset("mode", "vows")) >= 0:
        return "AID"  # "BP vowed to pay all legitimate claims": the help vowed, no threat
    if passive and rule_type == "ASSAULT" and cue.phrase in wordset("roles", "killing_cues"):
        return "ASSAULT"  # "were killed", "was shot dead": whatever else the sentence's words sound like
    return ""


def _troops_before(toks: list[Token], i0: int, i: int) -> bool:
    """True when a noun of armed forces ([roles].troop_nouns) is the subject right before the verb at i, past its
    auxiliaries and adverbs ("Russian troops have arrived in Niger")."""
    skip = wordset("mode", "be") | wordset("mode", "have") | wordset("roles", "vp_adverbs")
    k = i - 1
    while k >= i0 and (toks[k].lower in skip or toks[k].lower.endswith("ly")):
        k -= 1
    return k >= i0 and toks[k].lower in wordset("roles", "troop_nouns")


def _to_the_reader(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True for a verb the text tells the reader they may or will do: "you" + a modal, a negator or "be" between
    ("You can donate", "You can't blame Jindal", "you could be forgiven for thinking"; [mode].reader)."""
    k = cue.i - 1
    while k > clause.i0 and (toks[k].lower in wordset("mode", "negators") or toks[k].lower == "be"):
        k -= 1
    if k <= clause.i0 or toks[k].lower not in _reader_modals():
        return False
    return toks[k - 1].lower in wordset("mode", "reader")


@functools.cache
def _reader_modals() -> frozenset[str]:
    """The modals after "you" that tell the reader what they may or will do (_to_the_reader), read once."""
    return wordset("mode", "hypothetical_modals") | wordset("mode", "future") | {"can't", "cannot"}


def _opens_name(toks: list[Token], cue: Cue, placed: Iterable[Placed]) -> bool:
    """True when the cue's capitalized word opens an actor mention of more words ("Ban Ki-moon", "March of Dimes"):
    part of a name, no verb."""
    if not toks[cue.i].text[:1].isupper():
        return False
    return any(k == cue.i and m.end > toks[cue.j - 1].end for k, m in placed)


def pick_predicates(doc: ArticleDoc) -> ArticleDoc:
    """One candidate per clause: the first cue that reads as a predicate (mode.py), a political cue before
    a [dated_cues] verb, which counts only when a day governs it. Candidates whose mode is not in
    settings.keep_modes (hypothetical ones) are dropped; their clause gives nothing (with
    settings.classifier the classify stage drops them, after it may have read another mode)."""
    text = doc.text
    keep = doc.settings.keep_modes
    armed = plover.armed_text(text.lower())
    out: list[Candidate] = []
    for n, found in doc.cues.items():
        toks, clauses = doc.tokens[n], doc.clauses[n]
        s_start, sent_tx = doc.sentences[n].start, doc.sentence_timexes[n]
        attribution = [c for c in clauses if c.attribution]
        first_speech: int | None = None
        ranked_cues = sorted(found, key=lambda c: c.dated_only)  # a political cue outranks a [dated_cues] verb
        for clause in clauses:
            if clause.attribution:
                continue
            for cue in ranked_cues:
                if not (clause.i0 <= cue.i < clause.i1):
                    continue
                if _accident(toks, clause, cue, armed):
                    if _aside_ends_after(toks, clause, cue):
                        continue  # "Egypt, already hit hard by bird flu, ordered ...": the aside's accident only
                    break  # "the explosion killed 11 workers": an accident, no assault by an actor
                if plover.market_move(toks, cue.i, clause.i0):
                    continue  # "BP's shares closed down 1.4 percent": a price
                if _opens_name(toks, cue, doc.actors.get(n, ())):
                    continue  # "Ban Ki-moon urged ...": the first word of a name the gazetteer knows
                if _questioned(toks, cue.j, cue.phrase):
                    continue  # "Why has Australia pledged $435m?": a question asked, not a happening told
                if any(q.i <= cue.i and clause.i0 <= q.i and _risk_warned(toks, clause, q) for q in found):
                    continue  # "forecasters warned that winds could push the oil inland": a risk foretold, and its words
                if any(_asked_about(toks, clause, q, cue) for q in found):
                    continue  # "asked top officials why the government did not take over": what is asked about
                if _to_the_reader(toks, clause, cue):
                    continue  # "You can donate via the DEC website": the reader told what they may do
                if _ill_before_death(toks, clauses, clause, cue):
                    continue  # "Ana Ruiz, who had been ill for some time, died on Friday": a death from illness
                if _describes(toks, cue) and not _dated_participle(text, toks, clause, cue, sent_tx):
                    continue  # "video released by BP showed", "The shooting began", "arrived at hospital"
                if any(q.i > cue.i and mode.called_off_by(toks, clause.i0, q) == cue.i for q in found):
                    continue  # "cancelled a planned meeting": the meeting called off is the happening
                if _vowed_help(toks, cue, found):
                    continue  # "BP vowed to pay all legitimate claims": a promise of what follows, no threat
                if first_speech is None:
                    first_speech = mode.first_speech(toks, attribution)
                speech_before = first_speech < cue.i
                reading = mode.classify(toks, clause, cue, speech_before)
                if not reading.mode and speech_before and _ascribed_intent(toks, clause, cue):
                    # "Zelensky said Russia was trying to destroy Ukraine": the speaker accuses Russia of the aim
                    cue = cue._replace(event_type="ACCUSE", quad_class=QUAD_CLASS["ACCUSE"])
                    reading = mode.Reading("statement")
                standing = _standing_type(toks, clause.i0, cue, cue.event_type) if reading.mode else ""
                if standing:
                    # "asked top officials why ...": a verbal exchange; "was forced to suspend": a concession
                    cue = cue._replace(event_type=standing, quad_class=QUAD_CLASS[standing])
                    reading = reading._replace(mode="statement") if standing == "CONSULT" else reading
                if not reading.mode:
                    continue
                cue = mode.as_told(toks, clause.i0, cue)  # "missiles hit Kyiv": a past form, as classify read it
                if cue.dated_only and not _day_governs(text, sent_tx, s_start, toks, clause, cue):
                    continue  # "the well exploded" names a happening only with its day: "exploded on April 20"
                if cue.dated_only and _press_report(toks, clause, cue):
                    continue  # "the Guardian website reported on Sunday that BP was in talks": the press telling
                if reading.mode in keep or doc.settings.classifier:  # the classify stage may change the mode
                    out.append(Candidate(n, clause, cue, reading, "verb", sent_tx))
                break  # one happening per clause
    doc.candidates = out
    return doc


_PARTICIPLE_REACH = 7  # words after a participle where its own date may stand ("donated by China in 2002")


def _dated_participle(text: str, toks: list[Token], clause: Clause, cue: Cue, timexes: list) -> bool:
    """True when a participle describing a noun (plover.reduced_relative) carries a date of its own in the words
    after it and is a material deed, no [dated_cues] verb: "a pair of pigs donated by China in 2002" tells a gift
    with its year, where "a statement released by the Elysee on Tuesday" and "video released by BP" name things."""
    if cue.dated_only or not cue.quad_class.startswith("material") or not plover.reduced_relative(toks, cue):
        return False
    if plover.described_thing(toks, cue):
        return False
    stop = next((k for k in range(cue.j, clause.i1) if not toks[k].text[:1].isalnum()), clause.i1)
    end = toks[min(stop, cue.j + _PARTICIPLE_REACH) - 1].end
    start = toks[cue.i].end
    return any(start <= tx.start < end and tx.type == "DATE" and dating.period(tx.value) is not None for tx in timexes)


def _press_report(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True for a [dated_cues] verb of reporting ([mode].press_verbs) in a clause that names a news outlet
    ([roles].news_outlets, capitalized: "the Guardian website reported on Sunday that ...", "was first reported
    Wednesday by the Wall Street Journal"): the press telling of a happening is none itself; the clause's next
    cue may name the one it tells of."""
    if cue.phrase not in wordset("mode", "press_verbs"):
        return False
    outlets = wordset("roles", "news_outlets")
    for k in range(clause.i0, clause.i1):
        if toks[k].text[:1].isupper():
            for n in (3, 2, 1):
                words = toks[k : min(k + n, clause.i1)]
                if len(words) == n and all(w.text[:1].isupper() for w in words):
                    if " ".join(w.lower for w in words) in outlets:
                        return True
    return False


def _infinitive_of(toks: list[Token], clause: Clause, cue: Cue, words: str) -> bool:
    """True when the cue is an infinitive ("to" right before it) governed by a word of [mode].`words` among the
    three words before that "to"."""
    if cue.i < clause.i0 + 2 or toks[cue.i - 1].lower != "to":
        return False
    governors = wordset("mode", words)
    return any(toks[k].lower in governors for k in range(max(clause.i0, cue.i - 4), cue.i - 1))


def _declared_force(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when a conflict cue of [mode].threat_types follows a word of declared willingness ("ready to strike",
    "prepared to use force") or of a vow ("vowed to kill")."""
    return cue.event_type in wordset("mode", "threat_types") and (
        _infinitive_of(toks, clause, cue, "willingness") or _infinitive_of(toks, clause, cue, "vows")
    )


def _refusal_said(toks: list[Token], clauses: list[Clause], clause: Clause, cue: Cue) -> bool:
    """True when a speaker says it will not do the cue's deed, or did not do it: a pronoun of
    [mode].refusing_subjects, then "will", "would", "did", "had" or "has" and a negator right before the verb,
    after a verb of saying or telling ("Murray has told a judge he will not testify", "the government said it would
    not lift the ban", "Russia said it had not violated the treaty"). The refusal or the denial is the happening,
    REJECT statement (tests/gold/README_t17.md: "declining to testify is REJECT"; a denial is REJECT); a passive
    ("will not be welcomed") tells no deed of the speaker's."""
    if cue.event_type in ("REJECT", "ACCUSE") or cue.i - 2 < clause.i0:
        return False
    negator = toks[cue.i - 1].lower.replace("’", "'")
    if negator in ("won't", "wouldn't", "didn't", "hadn't", "hasn't", "haven't"):  # one token: "it won't pay"
        subject_at = cue.i - 2
    elif negator in ("not", "never") and toks[cue.i - 2].lower in ("will", "would", "did", "had", "has", "have"):
        subject_at = cue.i - 3
    else:
        return False
    if subject_at < clause.i0:
        return False
    subject = toks[subject_at]
    if subject.lower not in wordset("mode", "refusing_subjects"):
        return False
    speech = wordset("mode", "speech")
    # said before it, or in a quotation whose speaker follows ('"We will never recognise the annexation," Zelensky
    # said')
    return any(t.lower in speech for t in toks[:subject_at]) or _attributed_quote(toks, clauses, clause) is not None


def _attributed_quote(toks: list[Token], clauses: list[Clause], clause: Clause) -> Clause | None:
    """The attribution right after the clause when the clause is a quotation that opens the sentence ('"Russia must
    withdraw its troops," the G7 leaders said': ", the G7 leaders said ..."), or reported words without quotation
    marks that do ("Russia must withdraw its troops, the G7 leaders said"); None otherwise."""
    if not toks or (toks[0].text not in _QUOTES and clause.i0 != 0):
        return None
    n = clauses.index(clause)
    after = clauses[n + 1] if n + 1 < len(clauses) else None
    return after if after is not None and after.attribution else None


def _quoted_demand(toks: list[Token], clauses: list[Clause], clause: Clause, cue: Cue) -> Clause | None:
    """The attribution clause right after a quotation that opens the sentence and tells another what it must do
    ('"Russia must withdraw its troops from Ukraine," the G7 leaders said'): a word of [roles].obligations right
    before the cue (an -ly adverb between), its subject no first person ("we must act" asks no one else); None
    otherwise."""
    k = cue.i - 1
    while k > clause.i0 and toks[k].lower.endswith("ly"):
        k -= 1
    if k <= clause.i0 or toks[k].lower not in wordset("roles", "obligations"):
        return None
    if toks[k - 1].lower in wordset("mode", "first_person"):
        return None
    return _attributed_quote(toks, clauses, clause)


def _ascribed_intent(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when a conflict cue is the infinitive of a hostile aim ascribed to someone ([mode].ascribed_intent:
    "was trying to destroy Ukraine", "wanted to leave a city of death behind")."""
    return cue.quad_class.startswith("material_conflict") and _infinitive_of(toks, clause, cue, "ascribed_intent")


def _aside_ends_after(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when the cue stands in an aside set off by commas after the clause's subject ("Egypt, already hit
    hard by bird flu, ordered the slaughter"): the clause's own predicate comes after it."""
    before = [k for k in range(clause.i0, cue.i) if toks[k].text == ","]
    after = next((k for k in range(cue.j, clause.i1) if toks[k].text == ","), -1)
    return bool(before) and after > 0 and after + 1 < clause.i1 and finite_word(toks[after + 1])


def _accident(toks: list[Token], clause: Clause, cue: Cue, armed: bool) -> bool:
    """True when an accident or a natural force does the cue's deed ("the explosion killed 11 workers"); in a
    story that names weapons (plover.armed_text), only one no weapon makes ("was killed in a crash in Kuwait",
    "the accident which killed": plover.accident_subject)."""
    return plover.accident_subject(toks, _doer_from(toks, clause), cue, armed)


def _ill_before_death(toks: list[Token], clauses: list[Clause], clause: Clause, cue: Cue) -> bool:
    """True for a verb that can only tell a death ([nonevent].deaths_only) after a relative clause that speaks of the
    dead one's illness ([nonevent].ill_before_death: "Ana Ruiz, who had been ill for some time, died on Friday")."""
    if cue.phrase not in wordset("nonevent", "deaths_only"):
        return False
    span = _relative_before(toks, clauses, clause, cue)
    ill = wordset("nonevent", "ill_before_death")
    return span is not None and any(span[0] <= t.start < span[1] and t.lower in ill for t in toks)


def _doer_from(toks: list[Token], clause: Clause) -> int:
    """Where an assault verb's doer may stand: the clause's start, or a few words before a clause opening
    with "which"/"that" ("the April 20 disaster, which killed 11 workers")."""
    if toks[clause.i0].lower in wordset("clauses", "relative"):
        return clause.i0 - 6
    return clause.i0


def _describes(toks: list[Token], cue: Cue) -> bool:
    """True when a cue names no happening where it stands (plover.py, cues.toml [nonevent]): a participle
    describing a noun, a verb of beginning with a happening as subject, a trip to a private place, declining
    to comment, helping to make something, joining a body as one of its people, battling to do something, a
    photo's "left" after a name, "given" read as "considering", an adjective ("were not welcome"), a verb whose
    object gives it another sense ("released a report", "provided details"), a word opening the name of an office
    ("former finance minister Jorge Matos": the gazetteer's roles), a capacity ("its ability to help"), a job lost
    ("he was fired")."""
    return (
        plover.striving(toks, cue)
        or plover.capacity(toks, cue)
        or plover.dismissed(toks, cue)
        or plover.reduced_relative(toks, cue)
        or plover.purpose_of_passive(toks, cue)
        or plover.aspect_of_happening(toks, cue)
        or plover.private_errand(toks, cue)
        or plover.no_comment(toks, cue)
        or plover.photo_position(toks, cue)
        or plover.considering(toks, cue)
        or plover.adjective_reading(toks, cue)
        or plover.work_not_aid(toks, cue)
        or plover.job_move(toks, cue)
        or plover.other_sense(toks, cue)
        or office_length([t.lower for t in toks[cue.i : cue.i + 4]]) > cue.j - cue.i  # "the finance minister"
    )


# nouns: happenings named by a noun with a day attached ---------------------------------------------

_AFTER = re.compile(r"(?:['’]s)?((?:\s+[a-z][a-z-]*){1,3})")
_BEFORE = re.compile(r"\b([a-z]+)\s+(?:on|of)\s+(?:the\s+)?$")


@functools.cache
def _clause_openers() -> frozenset[str]:
    """Words that open a clause of their own after a date ("said on Sunday that the attack ..."): no noun after
    them is the date's."""
    return wordset("clauses", "relative") | wordset("clauses", "subordinators") | frozenset({"and", "but", "if"})


def _dated_noun(text: str, tx: Timex, s_start: int, s_end: int) -> tuple[int, str]:
    """(offset, event type) of a lexicon noun the date is attached to ("Tuesday's attack", "the April 20
    explosion", "talks on Monday"); (-1, "") when there is none."""
    m = _AFTER.match(text, tx.end, s_end)
    if m:
        pos = m.start(1)
        for w in m.group(1).split():
            if w in _clause_openers() or (w in wordset("roles", "prepositions") and w != "in"):
                # "said on Sunday that the attack would ...", "protested on Monday over the detention": not its day
                # (but "resigned on Sunday in protest", "killed on Monday in an attack": the deed's manner)
                break
            pos = text.index(w, pos)
            if noun_type(w):
                return pos, noun_type(w)
            pos += len(w)
    b = _BEFORE.search(text[max(s_start, tx.start - 40) : tx.start])
    if b and noun_type(b.group(1)):
        return max(s_start, tx.start - 40) + b.start(1), noun_type(b.group(1))
    return -1, ""


def _outbreak_type(word: str) -> str:
    """PLOVER type of a noun that may break out: a noun of happening, or one of [nonevent].outbreak_nouns."""
    return noun_type(word) or ("ASSAULT" if word in wordset("nonevent", "outbreak_nouns") else "")


def _outbreak(
    text: str, toks: list[Token], clause: Clause, timexes: list[Timex], s_start: int
) -> tuple[int, Timex] | None:
    """(noun index, its day) for a noun that may break out (_outbreak_type) opening the clause after at most two
    lower-case modifiers, followed by a verb of [nonevent].outbreaks, right after it or after a phrase of place or
    scope (plover.after_scope: "Heavy fighting broke out in Khartoum on Saturday", "Fighting between Armenia and
    Azerbaijan erupted on Tuesday"), with a name after the noun and a day governing the clause; None otherwise."""
    k = clause.i0
    if k < clause.i1 and toks[k].lower in wordset("roles", "determiners"):
        k += 1
    for _ in range(3):
        if (
            k >= clause.i1
            or _outbreak_type(toks[k].lower)
            or not toks[k].text.isalpha()
            or toks[k].lower in function_words()
        ):
            break  # "Heavy fighting", not "The pause in fighting"
        k += 1
    if k >= clause.i1 - 1 or not _outbreak_type(toks[k].lower):
        return None
    verb = next(  # right after the noun, or after a phrase of place or scope ("Fighting between A and B broke out")
        (
            n
            for n in plover.after_scope(toks, k + 1, clause.i1)
            if any(
                (after := " ".join(t.lower for t in toks[n : n + 2])) == p or after.startswith(p + " ")
                for p in wordset("nonevent", "outbreaks")
            )
        ),
        -1,
    )
    if verb < 0:
        return None
    a, b = toks[clause.i0].start, toks[clause.i1 - 1].end
    dated = [(tx.start, tx.end) for tx in timexes]
    if not any(t.text[:1].isupper() and not any(x <= t.start < y for x, y in dated) for t in toks[k + 1 : clause.i1]):
        return None  # no name after the verb: "The shooting continued until dawn on Tuesday" places no one
    day = next(
        (
            tx
            for tx in timexes
            if a <= tx.start < b and tx.precision in ("day", "minute") and dating.governs(text, tx, s_start)
        ),
        None,
    )
    return (k, day) if day is not None else None


def clause_of(clauses: list[Clause], k: int) -> Clause | None:
    """The clause holding token k, if any."""
    return next((c for c in clauses if c.i0 <= k < c.i1), None)


def _cue_words(toks: list[Token], cue: Cue) -> range | list[int]:
    """Token indexes of a cue's words, with the words after the gap of a "verb ... words" phrase ("put Bazoum under
    house arrest": "under house arrest" too)."""
    if " ... " not in cue.phrase:
        return range(cue.i, cue.j)
    k = plover.gap_words_at(toks, cue.j, len(toks), cue.phrase)
    tail = len(cue.phrase.split(" ... ", 1)[1].split())
    return [*range(cue.i, cue.j), *(range(k, k + tail) if k >= 0 else ())]


def _over_noun(toks: list[Token], k: int) -> bool:
    """True when the noun at k is the object of a preposition of reason ([roles].reason_preps: "over the protests",
    "over the deal"), right before it or before its determiner."""
    j = k - 1 - (k > 1 and toks[k - 1].lower in ("the", "a", "an", "its", "their", "his", "her"))
    return j >= 0 and toks[j].lower in wordset("roles", "reason_preps")


def _denied_after_model(toks: list[Token], c: Candidate) -> bool:
    """True when a happening the classifier reads as done (or to come) is not done: the meeting read into a verb of
    calling it off ("Russia cancelled the talks with Ukraine"), the type of a noun the clause lacks read into the verb
    ("The talks ended without agreement"), or a deed read over the verb of stopping it, or as its -ing form ("Germany
    stopped sending weapons", "will stop sending"; read as the stopping, SANCTION, "Russia has stopped sending gas"
    is done)."""
    if c.reading.mode == "actual" and (
        c.cue.event_type in wordset("mode", "called_off_types") and c.cue.phrase in wordset("mode", "calling_off")
    ):
        return True
    if c.reading.mode == "actual" and c.rule_type:
        if any(
            noun_type(toks[k].lower) == c.cue.event_type and _lacked(toks, c.clause, k)
            for k in range(c.cue.j, c.clause.i1)
        ):
            return True
    return (
        c.reading.mode in ("actual", "future")
        and bool(c.rule_type or toks[c.cue.i].lower.endswith("ing"))
        and mode.stopped(toks, c.clause.i0, c.cue.i)
    )


def _lacked(toks: list[Token], clause: Clause, k: int) -> bool:
    """True when "without" or "no" stands right before the noun at k, or before its determiner or one modifier
    ("ended without agreement", "without a deal", "with no final agreement")."""
    for j in range(k - 1, max(clause.i0, k - 3) - 1, -1):
        w = toks[j].lower
        if w in ("without", "no"):
            return True
        if not (w.isalpha() and toks[j].text.islower()) or w in wordset("roles", "prepositions"):
            return False
    return False


def _deal_of_deed(
    toks: list[Token], clauses: list[Clause], found: list[Cue], k: int, verb_at: set[tuple[int, int]], n: int
) -> bool:
    """True for a noun after "in a"/"under a"/"under the", or after "in" and a day in the possessive, that a verb
    cue of its clause before it was done in ("swapped 200 prisoners on Friday in a deal brokered by the UAE",
    "released the hostages under an agreement", "had used North Korean missiles in Tuesday's attack"): the terms or
    the name of that deed, no happening of its own."""
    q = k - 1
    if q > 0 and toks[q].text in ("'s", "’s"):
        q -= 1  # "in Tuesday 's attack"
    if q > 0 and toks[q].text.endswith(("'s", "’s")) and (toks[q].text[:1].isupper() or toks[q].text[:1].isdigit()):
        while q > 1 and toks[q - 1].text[:1].isupper() and k - q <= 3:
            q -= 1  # "in Tuesday's attack", "in last Tuesday's attack" is no such day
    elif q < 1 or toks[q].lower not in ("a", "an", "the"):
        return False
    if q < 1 or toks[q - 1].lower not in ("in", "under"):
        return False
    clause = clause_of(clauses, k)
    return clause is not None and any(clause.i0 <= c.i < q - 1 and (n, c.i) in verb_at for c in found)


def find_noun_events(doc: ArticleDoc) -> ArticleDoc:
    """A candidate for each noun with a day attached, in a clause that is no attribution; mode future when
    the day is after publication. A verbal or protest cue before the noun ("Ukraine praised Monday's sanctions")
    marks it `reacting`: the subject only spoke of it, and a day after such a noun is the reaction's, not the
    noun's ("condemned the Israeli strike on Monday" gives no strike). A noun on the word of a verb candidate ("on Tuesday it
    would strike") is that verb's happening, not a second one, and a verb's base form after "to" is an
    infinitive ("warned the US not to attack on Monday"). Candidates keep sentence order, a sentence's
    clause candidates first."""
    text, settings = doc.text, doc.settings
    # the words of a verb candidate's cue phrase ("violated the ceasefire on Monday": no ceasefire agreed)
    verb_at = {(c.s, k) for c in doc.candidates if c.kind == "verb" for k in _cue_words(doc.tokens[c.s], c.cue)}
    pub_day = doc.article.published_date
    armed = plover.armed_text(text.lower())
    added: list[Candidate] = []
    manner: set[tuple[int, Clause | None]] = set()  # clauses whose deed a noun after "in" names ("in protest")
    for n, found in doc.cues.items():
        s, toks, clauses = doc.sentences[n], doc.tokens[n], doc.clauses[n]
        tok_starts = [t.start for t in toks]
        for tx in doc.sentence_timexes[n]:
            if tx.precision not in ("day", "minute") or not dating.governs(text, tx, s.start):
                continue
            noun_at, etype = _dated_noun(text, tx, s.start, s.end)
            if not etype:
                continue
            k = bisect.bisect_right(tok_starts, noun_at) - 1
            if (n, k) in verb_at:
                continue
            if k > 0 and toks[k - 1].lower == "to" and any(c.i == k and c.form == "base" for c in found):
                continue  # "warned the US not to attack on Monday": an infinitive, no attack
            if _deal_of_deed(toks, clauses, found, k, verb_at, n):
                continue  # "swapped 200 prisoners on Friday in a deal brokered by the UAE": the swap's own terms
            if k > 0 and toks[k - 1].lower == "in":
                # "resigned on Sunday in protest": the deed is done as the noun says, one happening of its type
                manner.add((n, clause_of(clauses, k)))
            if not armed and plover.accident_noun(toks[k].lower):
                continue  # "the April 20 explosion" in a story with no weapons: an accident
            clause = clause_of(clauses, k)
            if clause is None or clause.attribution:
                continue
            per = dating.period(tx.value)
            mode_name = "future" if (pub_day is not None and per is not None and per.start > pub_day) else "actual"
            if _lacked(toks, clause, k):
                mode_name = "negated"  # "the talks ended without agreement on Monday": no agreement reached
            if mode_name not in settings.keep_modes:
                continue
            cue = Cue(k, k + 1, etype, QUAD_CLASS[etype], settings.noun_weight, "noun", toks[k].lower)
            if plover.other_sense(toks, cue):
                continue  # "suffered a heart attack on Friday", "a cardiac arrest": the noun's other sense
            reacting = any(
                clause.i0 <= c.i < k and (c.quad_class.startswith("verbal") or c.event_type == "PROTEST") for c in found
            )  # (a protest over a happening reacts to it: "protested to China over the attack on Monday")
            # ... and so does any deed over it: "Iran executed a man over the protests on Monday" (the reason's noun)
            reacting = reacting or (_over_noun(toks, k) and any(clause.i0 <= c.i < k for c in found))
            if reacting and noun_at < tx.start:
                continue  # "condemned the Israeli strike on Monday": the day is the condemnation's
            added.append(Candidate(n, clause, cue, mode.Reading(mode_name), "noun", [tx], reacting=reacting))
        for clause in clauses:
            found_at = _outbreak(text, toks, clause, doc.sentence_timexes[n], s.start)
            if found_at is None or (n, found_at[0]) in verb_at:
                continue
            k, tx = found_at
            if any(c.s == n and c.cue.i == k for c in added):
                continue
            etype = _outbreak_type(toks[k].lower)
            cue = Cue(k, k + 1, etype, QUAD_CLASS[etype], settings.noun_weight, "noun", toks[k].lower)
            added.append(Candidate(n, clause, cue, mode.Reading("actual"), "noun", [tx]))
    kept = [c for c in doc.candidates if not (c.kind == "verb" and (c.s, c.clause) in manner)]
    doc.candidates = sorted(kept + added, key=lambda c: c.s)  # stable: clause candidates first
    return doc


# classify: the learned classifier's type and mode ---------------------------------------------------


def _trigger(toks: list[Token], clause: Clause, found: list[Cue], armed: bool) -> int:
    """Token index standing for the verb of a clause the rules give no predicate: its first rule cue (a
    noun or gerund reading), else its first lower-case past form ("derailed"); -1 when there is neither, or
    when the rules found why a cue of the clause names no happening (an accident's deed, "released a report",
    "declined to comment", "You can donate", "the proposed deal": the mode stage's _accident, _describes,
    _to_the_reader, mode.attributive_participle), which the classifier does not overrule."""
    here = [cue for cue in found if clause.i0 <= cue.i < clause.i1]
    if any(
        _accident(toks, clause, cue, armed)
        or _describes(toks, cue)
        or plover.market_move(toks, cue.i, clause.i0)
        or _questioned(toks, cue.j, cue.phrase)
        or _to_the_reader(toks, clause, cue)
        or _risk_warned(toks, clause, cue)
        or mode.attributive_participle(toks, clause.i0, cue)
        for cue in here
    ):
        return -1
    if here and all(cue.dated_only and cue.event_type == "ASSAULT" for cue in here):
        return -1  # "the Gulf oil spill disaster": a noun of an accident
    if here and any(
        cue.dated_only and cue.event_type == "ASSAULT" and cue.form == "past" and cue.i == here[0].j for cue in here
    ):
        # "A car bomb exploded in Baghdad": the verb of accident right after the noun needs a day of its own
        # (plover.toml [dated_cues]); its subject is no happening of its own (not "died in a suicide attack")
        return -1
    if here:
        return here[0].i
    for k in range(clause.i0, clause.i1):
        if past_form(toks[k].text):
            # "BP shares tumbled 16 percent", "where were the dead fighters the Americans had killed?"
            return -1 if plover.market_move(toks, k, clause.i0) or _questioned(toks, k + 1) else k
    return -1


_COMING = frozenset({"next", "tomorrow", "later", "soon", "upcoming"})  # words of time to come


@functools.cache
def _will_words() -> frozenset[str]:
    """The modals of the future ([mode].future) and "would", which tell a plan in reported words."""
    return wordset("mode", "future") | {"would", "'d"}


@functools.cache
def _future_words() -> frozenset[str]:
    """Words that tell time to come on their own: the modals of _will_words, the hypothetical modals, _COMING."""
    return _will_words() | wordset("mode", "hypothetical_modals") | _COMING


def _future_told(doc: ArticleDoc, c: Candidate) -> bool:
    """True when the candidate's sentence can tell a plan: a modal ("will", "would", "could"), a verb of plan or
    schedule before "to" ("plans to", "is to", "expected to"), a word of time to come, or a date after
    publication."""
    toks = doc.tokens[c.s]
    future = _future_words()
    scheduled = wordset("mode", "scheduled")
    for k, t in enumerate(toks):
        # (mode.auxiliary: "On May 6" names a month, no modal)
        if mode.auxiliary(toks, k) in future or (
            t.lower in scheduled and k + 1 < len(toks) and toks[k + 1].lower == "to"
        ):
            return True
    pub = doc.article.published_date
    for tx in doc.sentence_timexes[c.s]:
        per = dating.period(tx.value) if tx.type in ("DATE", "TIME") else None
        if pub is not None and per is not None and per.start > pub:
            return True
    return False


def _not_excluded(toks: list[Token], clause: Clause) -> bool:
    """True when the clause denies excluding something ([mode].excluding after a negator, up to three words before:
    "did not rule out", "has not ruled it out"): what was not ruled out is left possible."""
    for k in range(clause.i0, clause.i1):
        for phrase in wordset("mode", "excluding"):
            words = phrase.split()
            if toks[k].lower not in plover.verb_forms(words[0]):
                continue
            if len(words) > 1 and not any(t.lower == words[1] for t in toks[k + 1 : min(clause.i1, k + 4)]):
                continue
            if any(mode.negating(t.lower) for t in toks[max(clause.i0, k - 3) : k]):
                return True
    return False


def _conditional(toks: list[Token], words: frozenset[str]) -> bool:
    """True when the sentence holds a conditional ("if", "unless"): a hypothetical reading is kept only then."""
    return any(t.lower in words for t in toks)


def _conditional_threat(toks: list[Token], cue: Cue, conditional: frozenset[str]) -> bool:
    """True when a cue is a speaker's warning of its own harm to another: a conflict (of [mode].threat_types)
    under "would"/"will" right before it, said (a verb of saying or warning before it), on a condition that follows
    it ("said it would respond militarily if Russia used the corridor") or said by a speaker after it and a comma
    ("Israel would strike Iran if talks failed, Netanyahu warned"), or a verb of warning followed by such a
    "would"/"will" and condition ("warned it would tighten sanctions if ..."); the real-news gold codes such a
    clause THREATEN statement (tests/gold/README_t17.md)."""
    if cue.event_type not in wordset("mode", "threat_types"):
        return False
    modals = ("would", "will", "'d", "’d", "'ll", "’ll")
    said = wordset("mode", "speech") | wordset("mode", "warning_verbs")

    def saying(t: Token) -> bool:  # a verb of saying, not a word of a name ("the United States")
        return t.lower in said and not t.text[:1].isupper()

    if toks[cue.i].lower in said:  # "warned it would tighten sanctions if ...": the warning verb is the cue
        k = next((k for k in range(cue.j, len(toks)) if toks[k].lower in modals), -1)
        return k >= 0 and any(t.lower in conditional for t in toks[k + 1 :])
    before = [t.lower for t in toks[max(0, cue.i - 4) : cue.i]]
    if not any(w in modals for w in before):
        return False
    cond = next((k for k in range(cue.j, len(toks)) if toks[k].lower in conditional), -1)
    opening = _opening_condition(toks, conditional)
    if 0 < opening < cue.i:
        # the condition opens the sentence: "If Israel attacks Rafah, the United States will halt weapons
        # shipments, Biden said"
        if any(saying(t) for t in toks[opening : cue.i]):
            return True
        cond = cue.j
    if cond < 0:
        return False
    if any(saying(t) for t in toks[: cue.i]):
        return True
    # said after the condition, by a speaker set off by a comma ("Israel would strike Iran if talks failed, a
    # senior official warned")
    comma = next((k for k in range(cond, len(toks)) if toks[k].text == ","), -1)
    if comma < 0:
        return False
    v = next((k for k in range(comma + 1, min(len(toks), comma + 1 + _TRAILING_SPEAKER)) if toks[k].lower in said), -1)
    # an onlooker's forecast is no threat ("Russia would only attack if Ukraine joined NATO, analysts said")
    return v > 0 and not any(t.lower in wordset("mode", "onlooker_speakers") for t in toks[comma + 1 : v])


_TRAILING_SPEAKER = 7  # words after the comma that ends a condition where the verb of its speaker may stand


def _conditioned(
    toks: list[Token], cue: Cue, placed: list[roles.Placed], source: ActorMention | None
) -> ActorMention | None:
    """The subject of a condition that opens the sentence before the cue ("If Israel attacks Rafah, ..."), when it
    is not the source; else None."""
    end = _opening_condition(toks, wordset("mode", "conditional"))
    if not 0 < end < cue.i:
        return None
    first = roles.first_subject(toks, 1, end, placed)
    found = roles.as_actor(first[1]) if first is not None else None
    return found if found is not None and (source is None or found.actor_id != source.actor_id) else None


def _opening_condition(toks: list[Token], conditional: frozenset[str]) -> int:
    """The index of the comma that closes a condition opening the sentence ("If Israel attacks Rafah, ..."), else
    -1: what follows it is the consequence."""
    if not toks or toks[0].lower not in conditional:
        return -1
    return next((k for k in range(1, len(toks)) if toks[k].text == ","), -1)


_JOINING = frozenset({"but", "and", "or", "yet"})  # words that join a later predicate to the clause


def _other_predicate_negated(toks: list[Token], clause: Clause, cue_i: int, negators: frozenset[str]) -> bool:
    """True when every negator of the clause stands after a coordinator that follows the cue: the "not" of
    "carried out some air strikes but did not send reinforcements" negates the second predicate, not the
    strikes."""
    joined = False
    seen = False
    for i in range(clause.i0, clause.i1):
        w = toks[i].lower
        if w in negators or w.endswith("n't"):
            if i <= cue_i or not joined:
                return False
            seen = True
        elif i > cue_i and w in _JOINING:
            joined = True
    return seen


def classify_clauses(doc: ArticleDoc) -> ArticleDoc:
    """With settings.classifier, the learned classifier (extract.classify) reads the clauses of the article
    that carry an event trigger, in their sentence and with the rule cues among its features, all in one
    numpy pass from the pipeline's own tokens and clauses (extract.classify.clause_features / score_features):

    - a verb candidate's clause: the classifier's type replaces the cue's when it is at least classifier_type
      sure and ahead of the rule type's own probability by at least classifier_margin (an unsure model, or
      one torn between its type and the rule's, leaves the rule type); its mode replaces the rule reading's
      when at least classifier_mode sure; a clause it calls no happening at least classifier_drop sure is
      dropped; its "hypothetical" needs a conditional in the sentence, and its "negated" a negator that is not
      in a later predicate joined by "but"/"and" ("carried out strikes but did not send troops");
    - a clause of a kept sentence with no candidate but a trigger (a non-predicate rule cue, or a lower-case
      past form such as "derailed") becomes a candidate when the classifier names a type at least
      classifier_new sure (its "negated" needs a negator in the clause, else the rules' reading stands, and
      a pledge of help is `future` as for a verb candidate); clauses without a trigger are not scored.
    Then candidates whose mode
    is not in keep_modes, or hypothetical in a sentence with no conditional ("if", "unless"), are dropped
    (the mode stage left them for this stage). A missing or damaged model file raises
    extract.classify.ModelFileError, which names the command that rebuilds it. Figures and the choice of the
    thresholds: extract/classify/README.md, "In the events pipeline"."""
    settings = doc.settings
    if not settings.classifier:
        return doc
    from extract.classify import Features, clause_features, score_features
    from extract.classify.model import default_model

    model = default_model()  # ModelFileError (an ExtractError): no silent fallback to the rules, see README
    keep = settings.keep_modes
    conditional = wordset("mode", "conditional")
    negators = wordset("mode", "negators")
    speech_verbs = wordset("mode", "speech")
    # What to score: each verb candidate's clause, then the trigger-carrying clauses without a candidate.
    cands = list(doc.candidates)
    verbs = [c for c in cands if c.kind == "verb"]
    fresh: list[tuple[int, Clause, int]] = []  # (sentence, clause, trigger token)
    if _reads_fresh(settings):
        armed = plover.armed_text(doc.text.lower())
        taken = {(c.s, c.clause.i0) for c in doc.candidates}
        for n, found in doc.cues.items():
            for clause in doc.clauses[n]:
                if clause.attribution or (n, clause.i0) in taken:
                    continue
                k = _trigger(doc.tokens[n], clause, found, armed)
                if k >= 0:
                    fresh.append((n, clause, k))
    text = doc.text

    def features_of(n: int, clause: Clause) -> Features:
        """The clause's features; a clause that is its whole sentence has the sentence's cues (find_event_cues)."""
        toks = doc.tokens[n]
        whole = clause.i0 == 0 and clause.i1 == len(toks)
        return clause_features(toks, clause.i0, clause.i1, text, doc.clauses[n], doc.cues[n] if whole else None)

    many = [features_of(c.s, c.clause) for c in verbs]
    many += [features_of(n, cl) for n, cl, _k in fresh]
    scores = score_features(many, model=model)
    verb_scores = dict(zip(map(id, verbs), scores, strict=False))
    kept: list[Candidate] = []
    for c in cands:
        sc = verb_scores.get(id(c))
        if sc is not None:
            c.scores = sc
            if sc.event_type is None:
                if sc.type_p >= settings.classifier_drop:
                    continue
            elif (
                sc.event_type != c.cue.event_type
                and sc.type_p >= settings.classifier_type
                and sc.type_p - sc.p(c.cue.event_type) >= settings.classifier_margin
            ):
                if c.cue.phrase in wordset("nonevent", "deaths_only"):
                    continue  # "her son also died today", read as another type: a death is all the verb can tell
                c.rule_type = c.cue.event_type
                c.cue = c.cue._replace(event_type=sc.event_type, quad_class=QUAD_CLASS[sc.event_type])
            # A speech act the classifier reads as the same type stays a statement, as the gold conventions
            # code it ("criticised China", "rejected the allegation"), and so does a contested claim ("testified
            # that ...", mode.claimed); "actual" there is the model's confusion.
            speech_act = (
                c.reading.mode == "statement"
                and sc.mode == "actual"
                and ((is_speech_act(c.cue) and not c.rule_type) or mode.claimed(doc.tokens[c.s], c.clause.i0, c.cue.i))
            )
            # The model's "hypothetical" needs a conditional in the sentence; without one the rule's reading
            # stands ("he will meet Hayward, in what may be a tense encounter" is a plan, not a possibility).
            unsupported = (
                (sc.mode == "hypothetical" and not _conditional(doc.tokens[c.s], conditional))
                # the model's "future" needs a word of the future in the sentence, or a date after publication
                or (sc.mode == "future" and not _future_told(doc, c))
                # "was denied access": a deed the rules read as done; the model's "statement" is the verb's
                # usual sense ("denied the claim")
                or (sc.mode == "statement" and c.reading.mode == "actual" and plover.is_deed_of_saying_verb(c.cue))
                # "urging her supporters not to give up": the negation is the content's, the urging was made
                or (
                    sc.mode == "negated"
                    and c.reading.mode == "statement"
                    and is_speech_act(c.cue)
                    and not any(doc.tokens[c.s][k].lower in negators for k in range(c.clause.i0, c.cue.i))
                )
                or (sc.mode == "negated" and _other_predicate_negated(doc.tokens[c.s], c.clause, c.cue.i, negators))
                # "People were ordered not to kiss", "BP stopped pumping": no negator before the verb, so nothing
                # denies it was done (a negation after it is its content's)
                or (
                    sc.mode == "negated"
                    and not any(
                        mode.negating(t.lower) or t.lower in wordset("mode", "negative_subjects")
                        for t in doc.tokens[c.s][c.clause.i0 : c.cue.j]
                    )
                )
                # "cancelled a planned meeting": the rule's negation by a verb of calling off stands
                or (c.reading.mode == "negated" and mode.called_off_by(doc.tokens[c.s], c.clause.i0, c.cue) >= 0)
                # "found no evidence that gunmen had kidnapped", "failed to clinch a deal": the rule's negation by an
                # unfounded claim or a verb of failing stands
                or (c.reading.mode == "negated" and mode.unfounded(doc.tokens[c.s], c.clause.i0, c.cue.i))
                # "they can hang this ID card on a wall", "the bad weather could threaten Gulf oil production": the
                # rule's possibility stands, unless someone is told saying it ("Pelosi said BP should be subjected to
                # unlimited liability": a call made)
                or (
                    c.reading.mode == "hypothetical"
                    and mode.modal_before(doc.tokens[c.s], c.clause.i0, c.cue.i)
                    and not any(t.lower in speech_verbs for t in doc.tokens[c.s][: c.cue.i])
                )
                # "the WHO emergency committee will not be meeting today", "said she could not agree to military
                # action", "they don't approve of Obama's handling", "will not give free vaccines": a negator right
                # before the verb denies it, whoever says so and whatever the model reads as done or planned (a
                # refusal or a charge said, "said it would not accept the cap", "said the missiles could not be
                # launched without American specialists", is a REJECT or ACCUSE statement: the type holds the
                # negation; a condition "if BP does not suspend ..." stays the model's possibility)
                or (
                    c.reading.mode == "negated"
                    and sc.mode in ("statement", "actual", "future")
                    and not {"REJECT", "ACCUSE"} & {sc.event_type, c.cue.event_type}
                    and any(mode.negating(t.lower) for t in doc.tokens[c.s][max(c.clause.i0, c.cue.i - 3) : c.cue.i])
                )
                # "is not planning to send troops": the rule's negation of a plan stands
                or (c.reading.mode == "negated" and mode.unplanned(doc.tokens[c.s], c.clause.i0, c.cue))
                or (
                    c.reading.mode == "negated"
                    and not c.rule_type
                    and mode.refused_to(doc.tokens[c.s], c.clause.i0, c.cue)
                )
                # "Although many will become infected, the team declined to estimate ...": a verb in the simple
                # past tells no plan; the "will" the model read is another clause's
                or (
                    sc.mode == "future"
                    and _past(c.reading)
                    and not c.reading.passive
                    and _simple_past(doc.tokens[c.s], c.clause, c.cue)
                )
            )
            if (
                sc.mode != c.reading.mode
                and sc.mode_p >= settings.classifier_mode
                and not speech_act
                and not unsupported
            ):
                c.rule_mode = c.reading.mode
                c.reading = c.reading._replace(mode=sc.mode)
            if _denied_after_model(doc.tokens[c.s], c):
                c.rule_mode = c.rule_mode or c.reading.mode
                c.reading = c.reading._replace(mode="negated")
        standing = (
            _standing_type(doc.tokens[c.s], c.clause.i0, c.cue, c.rule_type or c.cue.event_type, c.reading.passive)
            if c.kind == "verb"
            else ""
        )
        if standing:
            # the rules' type stands over the model's (_standing_type), and a question put stays a statement
            if standing == "CONSULT":
                c.reading = c.reading._replace(mode="statement")
            else:
                c.rule_type = c.rule_type or c.cue.event_type
            c.cue = c.cue._replace(event_type=standing, quad_class=QUAD_CLASS[standing])
        rule_cue = c.cue._replace(event_type=c.rule_type or c.cue.event_type)
        if c.reading.mode in ("hypothetical", "future", "statement") and (
            _conditional_threat(doc.tokens[c.s], rule_cue, conditional)
            or (c.reading.mode == "statement" and _declared_force(doc.tokens[c.s], c.clause, rule_cue))
        ):
            # "said they would tighten sanctions if Moscow kept refusing", "Russia is ready to strike": the warning
            # is made, a threat (the rule cue's type says what is threatened; the model may read the condition's
            # "refusing" instead)
            c.rule_type = c.rule_type or c.cue.event_type
            c.cue = c.cue._replace(event_type="THREATEN", quad_class=QUAD_CLASS["THREATEN"])
            c.reading = c.reading._replace(mode="statement")
        if (
            c.kind == "verb"
            and c.reading.mode in ("hypothetical", "future")
            and _quoted_demand(doc.tokens[c.s], doc.clauses[c.s], c.clause, rule_cue) is not None
        ):
            # '"Russia must withdraw its troops," the G7 leaders said': the speaker asks it of the subject
            c.rule_type = c.rule_type or c.cue.event_type
            c.cue = c.cue._replace(event_type="REQUEST", quad_class=QUAD_CLASS["REQUEST"])
            c.reading = c.reading._replace(mode="statement")
        if (
            c.reading.mode == "negated"
            and not c.reading.passive
            and _refusal_said(doc.tokens[c.s], doc.clauses[c.s], c.clause, rule_cue)
        ):
            # "Murray has told a judge he will not testify": the refusal said is the happening
            c.rule_type = c.rule_type or c.cue.event_type
            c.cue = c.cue._replace(event_type="REJECT", quad_class=QUAD_CLASS["REJECT"])
            c.reading = c.reading._replace(mode="statement")
        if c.reading.mode == "future" and 0 < _opening_condition(doc.tokens[c.s], conditional) < c.cue.i:
            c.reading = c.reading._replace(mode="hypothetical")  # "If talks fail, Israel will strike Rafah"
        if c.reading.mode in ("actual", "statement") and _promised_help(doc.tokens[c.s], c):
            c.reading = c.reading._replace(mode="future")  # "offered more U.S. help", "offered to donate"
        if c.reading.mode == "actual" and _admitted_fact(doc.tokens[c.s], c):
            c.reading = c.reading._replace(mode="statement")  # "admitted the insurgency had been stronger"
        left_open = c.reading.mode == "negated" and _not_excluded(doc.tokens[c.s], c.clause)
        if left_open:
            c.reading = c.reading._replace(mode="hypothetical")  # "did not rule out working with the opposition"
            if c.cue.event_type == "REJECT":
                # a REJECT is the ruling out, which did not happen: what was left possible is the deed after it
                left = next(
                    (
                        q.event_type
                        for q in doc.cues.get(c.s, [])
                        if c.cue.i < q.i < c.clause.i1 and q.event_type != "REJECT"
                    ),
                    c.rule_type if c.rule_type != "REJECT" else "",
                )
                if left:
                    c.cue = c.cue._replace(event_type=left, quad_class=QUAD_CLASS[left])
        if c.reading.mode in keep and (
            c.reading.mode != "hypothetical" or left_open or _conditional(doc.tokens[c.s], conditional)
        ):
            kept.append(c)
    if fresh:
        speech = wordset("mode", "speech")
        for (n, clause, k), sc in zip(fresh, scores[len(verbs) :], strict=True):
            toks = doc.tokens[n]
            if sc.event_type is None or sc.type_p < settings.classifier_new or sc.mode not in keep:
                continue
            if sc.mode == "hypothetical" and not _conditional(toks, conditional):
                continue
            cue = Cue(k, k + 1, sc.event_type, QUAD_CLASS[sc.event_type], sc.type_p, "past", toks[k].lower)
            speech_before = any(toks[i].lower in speech for i in range(clause.i0, k))
            reading = mode.classify(toks, clause, cue, speech_before)
            told = sc.mode
            if told == "negated" and not any(toks[i].lower in negators for i in range(clause.i0, clause.i1)):
                told = reading.mode or "actual"  # "Germany has offered 1m euro in aid": no negator, no negation
            if told in ("actual", "future") and mode.stopped(toks, clause.i0, k):
                told = "negated"  # "Germany stopped sending weapons": from then on not done
            fresh_c = Candidate(
                n, clause, cue, reading._replace(mode=told), "verb", doc.sentence_timexes[n], scores=sc, model_made=True
            )
            if told in ("actual", "statement") and _promised_help(toks, fresh_c):
                fresh_c.reading = fresh_c.reading._replace(mode="future")  # a pledge of help is a promise
            if fresh_c.reading.mode in keep:
                kept.append(fresh_c)
        kept.sort(key=lambda c: c.s)  # stable: a sentence's earlier candidates first
    doc.candidates = kept
    return doc


# roles ---------------------------------------------------------------------------------------------


def _admitted_fact(toks: list[Token], c: Candidate) -> bool:
    """True when a verb of admitting ([mode].admitting) is followed by what is admitted as a clause ("admitted this
    week that its managers missed", "admitted the insurgency had been stronger"): an admission said, `statement`
    (tests/gold/README_t17.md); "conceded defeat", "conceded the race" stay done."""
    if c.kind != "verb" or toks[c.cue.i].lower not in wordset("mode", "admitting"):
        return False
    finite = wordset("mode", "be") | wordset("mode", "have") | wordset("mode", "future") | {"would", "could", "had"}
    for k in range(c.cue.j, min(len(toks), c.cue.j + 8)):
        w = toks[k].lower
        if w == "that":
            return True
        if not w[:1].isalnum():
            return False
        if w in wordset("mode", "admitted_subjects"):
            return any(toks[q].lower in finite or past_form(toks[q].text) for q in range(k + 1, min(len(toks), k + 4)))
    return False


def _promise_before(toks: list[Token], i0: int, i: int, words: frozenset[str]) -> int:
    """Index of a verb of `words` before "to" + the verb at i, over words of when or adverbs in -ly between ("vowed
    on Monday to pay": [evaluations].said_when, [roles].time_adverbs); -1 when there is none."""
    if i < 2 or toks[i - 1].lower != "to":
        return -1
    when = plover.said_when() | wordset("roles", "time_adverbs")
    for j in range(i - 2, max(i0, i - 5) - 1, -1):
        if toks[j].lower in words:
            return j if all(t.lower in when or t.lower.endswith("ly") for t in toks[j + 1 : i - 1]) else -1
    return -1


def _vowed_help(toks: list[Token], cue: Cue, found: list[Cue]) -> bool:
    """True for a vow ("vow to", a THREATEN cue) whose infinitive is a cue of no conflict ([mode].threat_types):
    "vowed to pay all legitimate claims" promises the payment (its own cue, read `future`), while "vowed to
    kill anyone involved" stays a threat."""
    if cue.phrase != "vow to":
        return False
    return any(q.i == cue.j and q.event_type not in wordset("mode", "threat_types") for q in found)


def _promised_help(toks: list[Token], c: Candidate) -> bool:
    """True when the subject offers, pledges or promises material help ([mode].promise_verbs): the verb of the cue
    ("offered more U.S. help", "pledged 400m euros"), or before "to" and the cue ("offered to donate"). Such a
    promise is `future` (tests/gold/README.md); offered to someone ("pupils were being offered support") is not."""
    if c.kind != "verb" or c.cue.quad_class != "material_cooperation":
        return False
    promise = wordset("mode", "promise_verbs")
    k = c.cue.i
    before = _promise_before(toks, c.clause.i0, k, promise)  # "vowed on Monday to pay"
    if before >= 0:
        k = before
    elif toks[k].lower not in promise:
        return False
    return k == 0 or toks[k - 1].lower not in wordset("mode", "be")


@dataclass(frozen=True)
class _Antecedents:
    """What a pronoun or a counted group is looked up in: the article's actor mentions in text order, their start
    offsets, how many mentions back it may reach (settings.pronoun_lookback), and the article's text (a title before
    a name tells the person's sex)."""

    mentions: list[ActorMention]
    starts: list[int]
    lookback: int
    text: str
    sentence_starts: list[int]  # where the article's sentences start (find_sentences)

    @classmethod
    def of(cls, doc: ArticleDoc) -> _Antecedents:
        return cls(
            doc.mentions,
            [m.start for m in doc.mentions],
            doc.settings.pronoun_lookback,
            doc.text,
            [s.start for s in doc.sentences],
        )

    def same_sentence(self, a: int, b: int) -> bool:
        """True when text offsets a and b stand in one sentence."""
        return bisect.bisect_right(self.sentence_starts, a) == bisect.bisect_right(self.sentence_starts, b)


def _pronoun_subject(
    toks: list[Token], clause: Clause, cue: Cue, found_in: _Antecedents, pronouns: tuple[str, ...] = ("he", "she")
) -> Placed | None:
    """ "he"/"she" just before the verb stands for the last person the article named before it (of the pronoun's
    sex, as far as the article and the gazetteer tell it)."""
    for k in range(cue.i - 1, max(clause.i0, cue.i - 4) - 1, -1):
        if toks[k].lower in pronouns:
            m = _last_person_before(toks[k].start, found_in, pronoun=toks[k].lower)
            if m is None and k == 0:
                # "Sudan's army chief rejected the proposal. He vowed to fight on": the office holder's state
                m = _previous_office(toks[k].start, found_in)
            if m is not None and k == 0:
                # opening its sentence, the pronoun carries on the sentence before's subject rather than its object
                # ("Zelensky met Biden on Tuesday. He asked him for air defence": Zelensky)
                subject = _previous_subject(toks[k].start, found_in, toks[k].lower)
                if subject is not None and found_in.same_sentence(subject.start, m.start):
                    m = subject
            return None if m is None else (k, m)
    return None


_ANY_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _first_mention_before(pos: int, found_in: _Antecedents) -> tuple[ActorMention, int, int] | None:
    """The first mention of the sentence before the one at offset `pos`, with that sentence's start and end; None
    when there is no sentence before or it names no one."""
    starts = found_in.sentence_starts
    n = bisect.bisect_right(starts, pos) - 1
    if n < 1:
        return None
    lo, hi = starts[n - 1], starts[n]
    at = bisect.bisect_left(found_in.starts, lo)
    if at >= len(found_in.mentions) or found_in.mentions[at].start >= hi:
        return None
    return found_in.mentions[at], lo, hi


def _previous_subject(pos: int, found_in: _Antecedents, pronoun: str) -> ActorMention | None:
    """The person who opens the sentence before the one at offset `pos` as its subject: its first mention, with
    only capitalized words (a title, a day) or an article before it in that sentence, of the pronoun's sex as far
    as it is told; None otherwise."""
    first = _first_mention_before(pos, found_in)
    if first is None:
        return None
    m, lo, _hi = first
    if m.type != "person" or _sex_of(m, found_in.text) == _OTHER_SEX.get(pronoun):
        return None
    # only a title, a name or an article before it: not a clause opener ("Because Jackson was so frail, ...")
    articles = ("the", "a", "an")
    openers = function_words("en") | wordset("clauses", "subordinators") | wordset("mode", "conditional")
    before = _ANY_WORD.findall(found_in.text[lo : m.start])
    if not all(w in articles or (w[:1].isupper() and w.lower() not in openers) for w in before):
        return None
    return m


def _previous_office(pos: int, found_in: _Antecedents) -> ActorMention | None:
    """The state whose office holder opens the sentence before the one at offset `pos` as its subject ("Sudan's army
    chief rejected ...": a state in the possessive, up to three lower-case words, a word of
    [roles].singular_offices), with only capitalized words or an article before it; None otherwise."""
    first = _first_mention_before(pos, found_in)
    if first is None:
        return None
    m, lo, hi = first
    text = found_in.text
    if m.type != "country" or not text.startswith(("'s ", "’s "), m.end):
        return None
    before = _ANY_WORD.findall(text[lo : m.start])
    if not all(w.lower() in ("the", "a", "an") or w[:1].isupper() for w in before):
        return None
    words = _ANY_WORD.findall(text[m.end + 3 : hi])[:4]
    offices = wordset("roles", "singular_offices")
    k = next((i for i, w in enumerate(words) if w.lower() in offices), -1)
    return m if k >= 0 and all(w.islower() for w in words[: k + 1]) else None


def _last_person_before(
    pos: int, found_in: _Antecedents, doer: ActorMention | None = None, pronoun: str = ""
) -> ActorMention | None:
    """The last person mentioned before offset `pos` other than `doer`, within `found_in.lookback` mentions that are no
    country (states named on the way, "criticised China, Peru and Cuba", are no rival); None past them. For a
    `pronoun` of one sex ("he", "him", "she", "her"), a person whose given name or title is of the other is passed
    over ("Heather's husband, Stephen, ... he was shot dead": Stephen). For "he" and "she" a person named in the
    possessive is passed over for another the same sentence names ("Mr Alvarez was the first person to reach
    Jackson's bedroom. He was giving evidence": Alvarez), and stands when the sentence names no other."""
    mentions, text = found_in.mentions, found_in.text
    n = bisect.bisect_left(found_in.starts, pos) - 1
    back = 0
    other = _OTHER_SEX.get(pronoun)
    owner: ActorMention | None = None  # a person named in the possessive, passed over for one named in full
    while n >= 0 and back < found_in.lookback:
        m = mentions[n]
        if owner is not None and not found_in.same_sentence(m.start, owner.start):
            return owner  # no other person in the owner's sentence
        if (
            m.type == "person"
            and (doer is None or m.actor_id != doer.actor_id)
            and (other is None or _sex_of(m, text) != other)
        ):
            if pronoun not in ("he", "she") or not text.startswith(("'s", "’s"), m.end):
                return m
            owner = owner or m  # "Mr Alvarez was the first to reach Jackson's bedroom ... He was giving evidence"
        n -= 1
        back += m.type != "country"
    return owner


_OTHER_SEX = {"he": "female", "him": "female", "his": "female", "she": "male", "her": "male"}


def _sex_of(m: ActorMention, text: str = "") -> str:
    """ "female" or "male" when the person's title written before the mention in the article's `text`
    (extract/data/honorifics.toml: "Mrs", "Sir") or given name (the gazetteer's genders.toml) tells it, else ""."""
    gaz = load_gazetteer()
    before = text[max(0, m.start - 12) : m.start].replace(".", "").split()
    title = before[-1].lower() if before else ""
    first = m.text.split()[0].replace(".", "").lower() if len(m.text.split()) > 1 else ""
    if first in honorifics().female or first in honorifics().male:
        title = first  # the mention holds its title: "Ms Rishawi"
    if title in honorifics().female:
        return "female"
    if title in honorifics().male:
        return "male"
    given = m.name.split()[0].split("-")[0] if m.name else ""  # "Marie-Laurence": Marie
    return "female" if given in gaz.female_names else "male" if given in gaz.male_names else ""


def _pronoun_object(toks: list[Token], clause: Clause, cue: Cue) -> int:
    """The token of "him" right after the verb ("Republicans accused him of exploiting the tragedy", "Unicef thanked
    him"), or of "her" there when no noun it would own follows ("accused her of lying", "thanked her.", "gave her a
    medal"; not "accused her husband"), which stands for the last person named before it who is not the doer
    (_last_person_before; for "her", only a woman by her given name or title); -1 when there is none."""
    k = cue.j
    if k >= clause.i1:
        return -1
    if toks[k].lower == "him":
        return k
    if toks[k].lower != "her":
        return -1
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    object_next = nxt is None or not nxt.text[:1].isalnum() or nxt.lower in wordset("roles", "her_object_next")
    return k if object_next else -1


_IT_BACK = 2  # sentences back where the body "it" stands for may be the subject


def _it_subject(doc: ArticleDoc, n: int, clause: Clause, cue: Cue) -> Placed | None:
    """ "it" right before the verb (auxiliaries and adverbs between: "it has agreed to", "It hosted"), or "its" and
    a part of a body ([roles].its_parts: "Its humanitarian department is sending"), stands for the body or state
    that opens its sentence, when "it" stands in a later clause ("BP's bill has been $3.1bn - and it has agreed"),
    else the sentence before (within _IT_BACK sentences, among its first words): "Qatar ... It hosted US forces";
    "they" so too, for a body or state named with a plural head of people ("EU foreign ministers met ... They
    agreed"). None when that subject is a person or a name, or the verb is an attack (a storm, a virus or a bomb is "it"
    there more often than a state)."""
    toks = doc.tokens[n]
    if cue.event_type == "ASSAULT":
        return None
    between = wordset("roles", "vp_adverbs") | wordset("mode", "future") | wordset("mode", "hypothetical_modals")
    k = cue.i - 1
    while k > clause.i0 and (toks[k].lower in between or toks[k].lower in ("would", "not", "now")):
        k -= 1
    if toks[k].lower in wordset("roles", "its_parts") and k - 1 >= clause.i0:
        j = k - 1  # "Its humanitarian department is sending": a part of the body stands for it
        while j > clause.i0 and j >= k - 2 and toks[j].lower != "its" and toks[j].text.islower():
            j -= 1
        k = j
    they = toks[k].lower == "they"
    if toks[k].lower not in ("it", "its", "they") or k >= cue.i:
        return None
    preps = wordset("roles", "prepositions")
    # a clause after the first one looks at its own sentence's opening first ("BP's bill so far has been more than
    # $3.1bn - and it has agreed to set up a fund"), then at the sentences before
    for back in range(0 if clause.i0 > 0 else 1, _IT_BACK + 1):
        if n - back < 0:
            return None
        sent = doc.sentences[n - back]
        first = next(_mentions_in(doc, sent.start, toks[clause.i0].start if back == 0 else sent.end), None)
        if first is None:
            continue
        before = doc.text[sent.start : first.start].split()
        if len(before) > 3 or (before and before[-1].lower() in preps):
            return None  # no actor opens it ("In Haiti, ...", "The spill ..."): "it" may be anything
        if they:
            # "they" stands for the people a body or state opening the sentence sends ("EU foreign ministers met
            # ... They agreed"): a plural head of people right after its name
            stoks = doc.tokens[n - back]
            e = bisect.bisect_left([t.start for t in stoks], first.end)
            people = any(
                t.lower in wordset("roles", "of_heads") or syntax.group_word(t.lower) for t in stoks[e : e + 3]
            )
            kinds = ("organization", "armed_group", "political_party", *roles.STATE_TYPES)
            return (k, first) if people and first.type in kinds else None
        return (k, first) if first.type in ("organization", *roles.STATE_TYPES) else None
    return None


def _group_reference(
    toks: list[Token], clause: Clause, cue: Cue, found_in: _Antecedents
) -> tuple[int, list[ActorMention]] | None:
    """(index of the phrase, the actors it stands for in the order the article named them) for a group named by its
    number as the subject right before the verb ("The two leaders met", "both countries had violated"; [roles]
    group_states / group_persons): the last distinct actors of its kind named before it, as many as it
    counts ("both": two), within `found_in.lookback` mentions of the kind; None when there are not that many."""
    k = cue.i - 1
    between = wordset("roles", "vp_adverbs") | wordset("mode", "future") | {"would", "could", "might"}
    while k > clause.i0 and (toks[k].lower in between or toks[k].lower.endswith("ly")):
        k -= 1  # "The three countries will hold joint drills": a modal between
    if k - 1 < clause.i0:
        return None
    noun, before = toks[k].lower, toks[k - 1].lower
    if before == "both":
        count, at = 2, k - 1
    elif before in _COUNTS and k - 2 >= clause.i0 and toks[k - 2].lower in ("the", "all"):
        count, at = _COUNTS[before], k - 2
    else:
        return None
    kind = next((kind for kind in ("states", "persons") if noun in wordset("roles", "group_" + kind)), "")
    if not kind:
        return None
    found: dict[str, ActorMention] = {}
    n, seen = bisect.bisect_left(found_in.starts, toks[at].start) - 1, 0
    while n >= 0 and seen < found_in.lookback and len(found) < count:
        m = found_in.mentions[n]
        ident = _group_member(kind, m)
        if ident:
            seen += 1
            found.setdefault(ident, m)  # keeps the latest mention of each; text order comes from the found order
        n -= 1
    if len(found) < count:
        return None
    return at, list(reversed(list(found.values())))


_COUNTS = {"two": 2, "three": 3, "four": 4}  # "the two leaders", "all three countries"


def _group_member(kind: str, m: ActorMention) -> str:
    """What makes mention m one member of a group of `kind` (_group_reference): a state's country, a person's id;
    "" when m is no member of such a group."""
    if kind == "states":
        return m.country if m.type in roles.STATE_TYPES else ""
    return m.actor_id if m.type == "person" else ""


def _quoted_speaker(
    toks: list[Token], clauses: list[Clause], clause: Clause, cue: Cue, placed: list[Placed]
) -> Placed | None:
    """ "We"/"I" opening quoted words before the verb stand for their speaker, named in the clause before, which
    ends with a verb of saying ('Mary Selecky, Washington state's secretary of health, said: "We urge ..."'), or
    in the attribution after ('"We urge ...," Anne Schuchat said'). None when there is no such speaker."""
    k = next((k for k in range(clause.i0, cue.i) if toks[k].text[:1].isalnum()), None)
    if k is not None and toks[k].lower not in wordset("mode", "first_person"):
        # "we"/"I" as the subject right before the verb, inside a quotation opened earlier in the sentence ('"This
        # road will not be easy, but we will continue ...," the president said')
        k = next(
            (
                j
                for j in range(cue.i - 1, max(clause.i0, cue.i - 4) - 1, -1)
                if toks[j].lower in wordset("mode", "first_person")
            ),
            k,
        )
    if k is None or toks[k].lower not in wordset("mode", "first_person"):
        return None
    opened = any(t.text in ('"', "“", "'") for t in toks[clause.i0 : k])
    if not opened and sum(t.text in _QUOTES for t in toks[:k]) % 2 == 0:
        return None
    n = clauses.index(clause)
    for lo, hi in ((n - 2, n), (n + 1, n + 2)):  # the saying before (its subject may be a clause earlier), after
        around = clauses[max(0, lo) : hi]
        if not around or not any(roles.says(toks, j) for j in range(around[-1].i0, around[-1].i1)):
            continue
        if lo > n and not around[0].attribution:
            continue
        a, b = around[0].i0, around[-1].i1
        speaker = next((m for j, m in placed if a <= j < b and m.type in ("person", "organization", "name")), None)
        if speaker is not None:
            return k, speaker
    return None


def _represented(toks: list[Token], clause: Clause, cue: Cue, found_in: _Antecedents) -> Placed | None:
    """ "his/her lawyers" (or spokesman, [roles].representatives) before the verb stand for the last person the
    article named before them: lawyers speaking for a named client are the client (tests/gold/README_t17.md)."""
    reps = wordset("roles", "representatives")
    for k in range(clause.i0, cue.i - 1):
        if toks[k].lower not in ("his", "her"):
            continue
        if not (toks[k + 1].lower in reps or (k + 2 < cue.i and toks[k + 2].lower in reps)):
            continue
        at = cue._replace(i=k + 1, j=k + 2)  # look back from the possessive itself
        return _pronoun_subject(toks, clause, at, found_in, ("his", "her"))
    return None


_DEFENDANT = re.compile(
    r"\s+(?:(?:is|was|has been|had been|stands|stood|is being)\s+(?:charged|accused|indicted|on trial|tried)\b"
    r"|(?:denies|denied|has denied|pleaded|has pleaded)\b)"
)


def _defence(text: str, toks: list[Token], clause: Clause, cue: Cue, mentions: list[ActorMention]) -> Placed | None:
    """ "Defense lawyers" ("defence counsel", "the defence team") before the verb, with no client named, stand for
    the defendant: the last person the article, before them, says is charged, accused or on trial, or denies or
    pleaded ("Dr Murray is charged with involuntary manslaughter. Defense lawyers argue that ..."). None when it
    says so of no one (the victim named last is no client)."""
    reps = wordset("roles", "representatives") | {"team"}
    at = next(
        (
            k
            for k in range(clause.i0, cue.i - 1)
            if toks[k].lower in ("defense", "defence") and toks[k + 1].lower in reps
        ),
        None,
    )
    if at is None or (at > 0 and toks[at - 1].lower in ("his", "her", "their", "its")):
        return None
    here = toks[at].start
    for m in reversed(mentions):
        if m.end <= here and m.type == "person" and _DEFENDANT.match(text, m.end):
            return at, m
    return None


def _relative_subject(
    toks: list[Token],
    clause: Clause,
    placed: list[Placed],
    names: Callable[[int, int], list[Placed]] | None = None,
) -> Placed | None:
    """The actor a relative clause opening with "who"/"which" is about: the mention just before it ("Mr Annan,
    who met ..." -> Annan; past a bracket, "Rep. Kathy Castor (D-Fla.), who"; past a state's organ, "the US
    authorities, who" -> the United States), else a stand-in name there that `names(i0, i1)` finds ("the
    International Bird Rescue Research Center, which sent a team"; the caller keeps bodies only), placed at the
    pronoun, where the clause's subject stands."""
    if toks[clause.i0].lower not in wordset("roles", "relative_pronouns"):
        return None
    before = clause.i0 - 1 if clause.i0 > 0 and toks[clause.i0 - 1].text == "," else clause.i0
    if before > 0 and toks[before - 1].text == ")":
        opening = next((q for q in range(before - 2, max(-1, before - 8), -1) if toks[q].text == "("), -1)
        before = opening if opening > 0 else before
    organs = wordset("roles", "organ_subjects")
    tok_starts = [t.start for t in toks]
    for _k, m in placed:
        after = bisect.bisect_left(tok_starts, m.end)
        # the name may end short of the comma by a capitalized word or its stop: "Anadarko Petroleum Corp., which"
        if after == before or (
            after < before <= after + 3
            and all(toks[q].text[:1].isupper() or toks[q].text == "." for q in range(after, before))
        ):
            return clause.i0, m
        if m.country and after < before <= after + 2 and all(toks[q].lower in organs for q in range(after, before)):
            return clause.i0, m  # "The U.S. government, which has vowed", "the US authorities, who"
    if names is not None and before > 0 and before < clause.i0:
        found = [
            (k, m) for k, m in names(max(0, before - 8), before) if bisect.bisect_left(tok_starts, m.end) == before
        ]
        if found:
            return clause.i0, found[-1][1]
    return None


def _bodies(found: list[Placed]) -> list[Placed]:
    """The stand-in names whose last word says they are a body ("Gulf Coast Claims Facility", "Minerals Management
    Agency": the gazetteer's org_words), not a place or thing ([roles].thing_name_heads) nor a title ("Life
    Backwards", "Elusive Peace")."""
    return [
        (k, m)
        for k, m in found
        if (last := m.text.split()[-1]) in load_gazetteer().org_words
        and last.lower() not in wordset("roles", "thing_name_heads")
    ]


def _after_relative(toks: list[Token], clause: Clause, cue: Cue) -> int:
    """Index of the comma that closes a relative clause opening the clause ("Obama, who was in Ohio, met
    Medvedev") when the cue stands after it, else -1: the cue is then the antecedent's own predicate, and
    the names inside the relative clause ("Ohio") are not its subject."""
    if toks[clause.i0].lower not in wordset("roles", "relative_pronouns"):
        return -1
    return next((k for k in range(clause.i0 + 2, cue.i) if toks[k].text == ","), -1)


def _antecedent(
    toks: list[Token], relative: Clause, placed: list[Placed], names: Callable[[int, int], list[Placed]], cue: Cue
) -> Placed | None:
    """The subject of the predicate after a relative clause: the name right before it (_relative_subject: "Hezbollah,
    which is backed by Iran, fired"), unless a person opens the sentence and that name is none (the head of an
    apposition the relative clause qualifies: "Elizabeth Birnbaum, head of Minerals Management Service, which
    issues permits, resigned"); else the first subject, or a group the words before it name ("The rebels, who
    control much of the north, seized the town")."""
    rel = _relative_subject(toks, relative, placed, names)
    first = roles.first_subject(toks, 0, relative.i0, placed)
    if first is not None and first[1].type == "person" and (rel is None or rel[1].type != "person"):
        return first  # "Elizabeth Birnbaum, head of Minerals Management Service, which issues permits, resigned"
    if rel is not None or first is not None or relative.i0 < 2:
        return rel or first
    comma = relative.i0 - 1  # the group is read as the subject of a verb standing where that comma is
    at = cue._replace(i=comma, j=comma + 1)
    return roles.group_subject(toks, Clause(0, comma), at, syntax.group_word)


def _relative_clause_before(toks: list[Token], clauses: list[Clause], clause: Clause) -> Clause | None:
    """The relative clause right before a clause that is its antecedent's own predicate (split_clauses:
    "Hezbollah, which is backed by Iran, fired rockets" -> "which is backed by Iran"); None otherwise."""
    if not clause.coordinated:
        return None
    before = next((c for c in reversed(clauses) if c.i1 < clause.i0), None)
    if before is None or toks[before.i0].lower not in wordset("roles", "relative_pronouns"):
        return None
    return before


def _relative_before(toks: list[Token], clauses: list[Clause], clause: Clause, cue: Cue) -> tuple[int, int] | None:
    """Character span of the relative clause told before the cue's predicate about its subject: inside the clause,
    before its closing comma (_after_relative), or the clause right before when the predicate is the antecedent's
    own (split_clauses: "Dudley, who takes over on 1 October, met the board"); None when there is none."""
    closing = _after_relative(toks, clause, cue)
    if closing >= 0:
        return toks[clause.i0].start, toks[closing].start
    before = _relative_clause_before(toks, clauses, clause)
    return (toks[before.i0].start, toks[before.i1 - 1].end) if before is not None else None


def _taken(toks: list[Token], placed: list[Placed], sent_tx: list[Timex]) -> set[int]:
    """Token indexes covered by actor mentions or temporal expressions."""
    tok_starts = [t.start for t in toks]
    out: set[int] = set()
    for _k, m in placed:
        out.update(range(bisect.bisect_left(tok_starts, m.start), bisect.bisect_left(tok_starts, m.end)))
    for tx in sent_tx:
        out.update(range(bisect.bisect_left(tok_starts, tx.start), bisect.bisect_left(tok_starts, tx.end)))
    return out


def _first_saying(toks: list[Token], clause: Clause, cue: Cue, last: bool = False) -> int:
    """Index of the first (or `last`) verb of saying before the verb cue in its clause (roles.says), else -1."""
    order = range(cue.i - 1, clause.i0 - 1, -1) if last else range(clause.i0, cue.i)
    return next((k for k in order if roles.says(toks, k) and toks[k].lower != "according"), -1)


def _after_saying(toks: list[Token], k: int) -> tuple[int, int]:
    """Character span of the three words right after the verb of saying at k: a date there is the saying's
    ("said on Wednesday that ...")."""
    return toks[min(k + 1, len(toks) - 1)].start, toks[min(k + 3, len(toks) - 1)].end


_ADVICE_REACH = 3  # words after "against", "about" or "to" that name what a warning warns of


_WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)


def _risk_warned(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True for a warning of a risk ("experts have warned that it could cost millions of lives" is not, "warned that
    the total could be an underestimate", "forecasters warned that strong winds could push the oil inland" are):
    a [roles].advice_cues verb whose words, after "that" and words of time, open on a thing named in lower case
    ([roles].risk_openers, or a determiner and a lower-case noun that is no group of people) and hold a modal or
    "there", no obligation (that is advice, _advice) and no cue of material conflict (a threat): no happening between
    actors (the gold has warnings only as requests or threats)."""
    if cue.phrase not in wordset("roles", "advice_cues") or _advice(toks, clause, cue):
        return False
    after = toks[cue.j : clause.i1]
    that = next((n for n, t in enumerate(after[:5]) if t.lower == "that"), -1)  # "warned on Monday that ..."
    skip = wordset("roles", "time_adverbs") | wordset("roles", "risk_time_words")
    if any(
        not (t.text in ",." or t.lower in skip or t.lower in _WEEKDAYS or t.text[:1].isdigit())
        for t in after[: max(that, 0)]
    ):
        return False  # "warned the opposition that any attempt at unrest would be crushed": a warning to someone
    k = that + 1
    while k < len(after) and (after[k].text == "," or after[k].lower in skip or after[k].lower in _WEEKDAYS):
        k += 1
    if k >= len(after):
        return False
    first = after[k]
    if first.lower in wordset("roles", "risk_not_openers"):
        return False  # "warned that any disruption would be met with a robust response": deterrence
    if first.lower in wordset("roles", "determiners") and k + 1 < len(after):
        first = after[k + 1]  # "the total", "the oil leak"
    if not (first.lower in wordset("roles", "risk_openers") or first.text.isalpha() and first.text.islower()):
        return False  # a name or a pronoun may be the speaker's side: "warned that Washington will not pay"
    no_thing = (
        wordset("roles", "risk_not_openers") | wordset("roles", "prepositions") | wordset("roles", "organ_subjects")
    )
    if first.lower in no_thing or syntax.group_word(first.lower):
        return False  # "warned they would", "warned that the army would retaliate", "officials would"
    if any(t.lower == "to" for t in after[k : k + 4]):
        return False  # "warned countries to be on alert": whom the warning tells to act
    words = {t.lower for t in after[k:]}
    if words & (wordset("roles", "obligations") | {"needed"}) or not words & wordset("roles", "risk_modals"):
        return False
    # a threat names a deed of force ("warned that the army would strike"); a spill's "damage" is none
    return not any(q.quad_class == "material_conflict" and not q.dated_only for q in find_cues(toks, cue.j, clause.i1))


def _advice(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True for a warning whose words tell others what they should do ("warned that anyone with symptoms
    should stay at home"): advice to act is a REQUEST; THREATEN is kept for the speaker's own harmful action
    (tests/gold/README_t17.md). The warning is a [roles].advice_cues phrase; the advice an [roles].obligations
    word after it in the clause, or, in its next words and before any clause of their own ("warned on Monday it
    was ready to strike"), an infinitive ("warned people not to shake hands") or an [roles].advice_preps word
    ("warned by a nurse about using the sedative")."""
    if cue.event_type != "THREATEN" or cue.phrase not in wordset("roles", "advice_cues"):
        return False
    after = toks[cue.j : clause.i1]
    if any(t.lower in wordset("roles", "obligations") for t in after):
        return True
    # "warned people not to shake hands", "was warned by a nurse about using the sedative", "warned against travel"
    words = [t.lower for t in after[:5]]
    verbs = wordset("mode", "be") | wordset("mode", "have") | {"that"}

    def hostile(k: int) -> bool:
        """Deterrence is no advice: "warned Britain against further strikes", "warned the US not to attack"."""
        at = cue.j + k + 1
        return any(q.quad_class == "material_conflict" for q in find_cues(toks, at, min(clause.i1, at + _ADVICE_REACH)))

    for k, w in enumerate(words):
        if w in verbs:
            return False  # "warned on Monday it was ready to strike": the words are a clause of their own
        if w in wordset("roles", "advice_preps"):
            return not hostile(k)
        if w == "to" and k + 1 < len(after):
            return after[k + 1].text.islower() and after[k + 1].lower not in function_words() and not hostile(k)
    return False


def _obliged(toks: list[Token], clause: Clause, cue: Cue, names_in) -> ActorMention | None:
    """Whom advice or a demand obliges, when no known actor is the target: a stand-in name right before the
    first obligation word after the verb ("said BP must meet its obligations", "urged that Transocean should
    pay"). `names_in(i0, i1)` finds the stand-in names of tokens[i0:i1] (assign_roles)."""
    k = next((k for k in range(cue.j, clause.i1) if toks[k].lower in wordset("roles", "obligations")), -1)
    if k < 0:
        return None
    names = names_in(max(cue.j, k - 4), k)
    if not names:
        return None
    end = bisect.bisect_left([t.start for t in toks], names[-1][1].end)
    return names[-1][1] if end == k else None


def _accusing_claim(toks: list[Token], c: Candidate) -> bool:
    """True for a contested claim (mode.claimed: "testified that", "his lawyers argue that") that someone else
    did the reported deed: its words open with an actor other than the speaker, who is the target, and deny
    nothing. Testimony and claims against someone are accusations (tests/gold/README_t17.md)."""
    clause, cue = c.clause, c.cue
    if c.source is None or c.target is None or c.reading.mode != "statement" or cue.event_type == "REJECT":
        return False
    at = mode.claim_at(toks, clause.i0, cue.i)
    if at < 0 or any(mode.negating(t.lower) for t in toks[at : cue.i]):
        return False
    first = next((m for k, m in c.actors if k > at), None)
    return first is not None and roles.as_actor(first).actor_id == c.target.actor_id


REPORTED_DEEDS = ("material_conflict", "material_cooperation", "verbal_cooperation")


def _announced_plan(c: Candidate, toks: list[Token]) -> bool:
    """True when a speaker announces what an actor of its own state will do ("The White House said Biden would
    travel to Kyiv", "The Kremlin said Putin would meet Xi"), or a speaker of no known side tells a plan to
    meet, talk or agree with a word of the future before it ("Gibbs said Obama would meet Medvedev", "planned
    to meet"): a plan, not a speech act. The doer then acts; another side's plan stays the speaker's claim."""
    if not (
        c.reading.mode in ("future", "statement")
        and c.cue.quad_class in REPORTED_DEEDS
        and not is_speech_act(c.cue)
        and c.source is not None
        and c.target is not None
    ):
        return False
    if c.source.country and c.source.country == c.target.country:
        return True
    if c.cue.quad_class != "verbal_cooperation" or c.source.country:
        return False  # a speaker of another side tells a claim; of its own company, an undertaking
    plan = _will_words() | (wordset("mode", "scheduled") - wordset("mode", "be"))
    return any(toks[k].lower in plan for k in range(c.clause.i0, c.cue.i))


def _reported_deed(text: str, toks: list[Token], c: Candidate) -> tuple[int, int] | None:
    """(verb of saying, doer) token indices when a speaker reports that another actor did a deed, or agreed or
    met ("Ukraine said Russia attacked Kyiv", "Qatar said Israel and Hamas had agreed to a truce"): the roles of
    reported words made the speaker the source and the doer the target. None for a deed the speaker's own side
    did ("Israel said its jets struck ..."), a passive ("confirmed that its leader had been killed"), a
    possessive ("declared the end of Assad's rule"), and for what the speaker says others should do or did wrong
    (REQUEST, ACCUSE and the other verbal conflicts are the speaker's)."""
    # a reported speech act of the doer's own, in the past: "Kyiv said Moscow had rejected the offer"
    spoken = c.reading.mode == "statement" and is_speech_act(c.cue) and c.cue.form == "past"
    if (
        not (
            spoken
            or (c.reading.mode == "actual" and c.cue.quad_class in REPORTED_DEEDS)
            or _announced_plan(c, toks)
            or (c.reading.mode == "statement" and c.cue.quad_class.startswith("material") and c.cue.form == "past")
        )
        or c.reading.passive
        or c.source is None
        or c.target is None
        or c.source.actor_id == c.target.actor_id
    ):
        return None
    clause, cue = c.clause, c.cue
    said = _first_saying(toks, clause, cue, last=True)
    if said < 0:
        return None
    placed = next(((k, m) for k, m in c.actors if said < k < cue.i), None)
    if placed is None or not any(roles.as_actor(m).actor_id == c.source.actor_id for k, m in c.actors if k < said):
        return None
    k, doer = placed
    if roles.as_actor(doer).actor_id != c.target.actor_id or text[doer.end : doer.end + 2] in ("'s", "’s"):
        return None
    # the doer (or the last actor coordinated with it) is the verb's subject: a few lower-case words between
    # ("Russian troops had withdrawn"), not "declared Maduro the winner ..., a result the opposition rejected"
    last = max(m.end for q, m in c.actors if said < q < cue.i)
    between = [t for t in toks[: cue.i] if t.start >= last]
    if len(between) > 3 or any(
        not t.text.isalpha() or not t.text.islower() or t.lower in wordset("roles", "determiners") for t in between
    ):
        return None
    return said, k


def _report_roles(text: str, toks: list[Token], c: Candidate) -> None:
    """A speaker's report of another actor's deed (_reported_deed). A deed of material conflict with no date of
    its own is the speaker's accusation (ACCUSE, statement), as the gold conventions code "Congo's government
    says Rwandan troops fought alongside the rebels". Any other is the doer's, on the first other actor after
    it: a dated incident ("the ministry said on Wednesday that Ukraine fired missiles at Bryansk on Tuesday"), a
    withdrawal ("Kyiv said Russian troops had withdrawn from Kherson"), an agreement ("Qatar said Israel and
    Hamas had agreed")."""
    found = _reported_deed(text, toks, c)
    if found is None:
        return
    said, k = found
    saying_words = _after_saying(toks, said)[1]
    own_day = any(
        (tx.start > saying_words or text[tx.end : tx.end + 2] in ("'s", "’s"))  # "said Monday's drone attack hit"
        and tx.start > toks[said].start
        and dating.governs(text, tx, toks[0].start)
        for tx in c.timexes
    )
    own_day = own_day or _overnight(toks, said + 1, c.clause.i1) is not None  # "said missiles struck ... overnight"
    planned = _announced_plan(c, toks)
    if c.cue.quad_class == "material_conflict" and not own_day and not planned:
        c.cue = c.cue._replace(event_type="ACCUSE", quad_class=QUAD_CLASS["ACCUSE"])
        c.reading = c.reading._replace(mode="statement")
        return
    if planned:
        c.reading = c.reading._replace(mode="future")  # "said Biden would travel": the plan, told ahead
    elif c.cue.quad_class.startswith("material"):
        c.reading = c.reading._replace(mode="actual")  # an attributed deed took place (the gold conventions)
    doer = c.target
    after = [
        m
        for q, m in c.actors
        if q > k and roles.as_actor(m).actor_id != doer.actor_id and not roles.instrument_maker(toks, q, m, c.cue)
    ]
    c.source, c.target = doer, (roles.as_actor(after[0]) if after else None)


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")  # a word written in lower case (assign_roles' lower_words)


class _WordsReadOnce:
    """A set of the article's words, read from the article the first time a word is looked up in it: proper_names
    asks only about a capitalized word opening a sentence, which half the articles never have (speed)."""

    __slots__ = ("_read", "_words")

    def __init__(self, read: Callable[[], frozenset[str]]):
        self._read = read
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = self._read()
        return word in self._words


def _noun_in_phrase(toks: list[Token], k: int) -> bool:
    """True when the dated noun at k is the object of a preposition other than "during", past its day, names and
    figures (roles.after_preposition skips the article: "a role in the September 11 attacks", "four weeks on from
    the Thursday July 7 attacks"): for an attack the clause's subject and object are not its parties, only the
    noun's own words name them ("Russia's attack on Kyiv", "the raid by US forces": roles.noun_parties, noun_agent);
    one goes on a visit or to a march one takes part in."""
    j = k
    while (
        j > 0
        and k - j < 6
        and (
            toks[j - 1].text[:1].isdigit()
            or (toks[j - 1].text[:1].isupper() and not roles.possessive(toks[j - 1].text))
        )
    ):
        j -= 1
    return roles.after_preposition(toks, j, 0, wordset("roles", "prepositions") - {"during"})


def _responsibility_claimed(toks: list[Token], clause: Clause, k: int) -> bool:
    """True when the noun at k is what the clause's subject claims or takes responsibility for ("Boko Haram claimed
    responsibility for the attack", [roles].responsibility_verbs): the subject names itself the doer."""
    r = next((j for j in range(max(clause.i0, k - 5), k) if toks[j].lower == "responsibility"), -1)
    return r > clause.i0 and toks[r - 1].lower in wordset("roles", "responsibility_verbs")


def _participle_aside(toks: list[Token], cue: Cue) -> bool:
    """True for a cue that is a past participle opening an aside after a comma, its agent after it ("Iraqi forces,
    backed by US air strikes, attacked ..."): it describes the subject before the comma."""
    return (
        cue.i > 1
        and toks[cue.i - 1].text == ","
        and cue.j < len(toks)
        and toks[cue.j].lower == "by"
        and (past_form(toks[cue.i].text) or toks[cue.i].lower in plover.irregular_pasts())
    )


def _opening_phrase_parties(
    toks: list[Token], clause: Clause, cue: Cue, placed: list[roles.Placed]
) -> tuple[ActorMention, ActorMention | None] | None:
    """(the main clause's subject, the first other actor after it in the sentence) when the cue stands in a phrase
    opening the sentence with one of [roles].opening_phrase_preps and closed by a comma ("Following talks with
    Erdogan on Monday, Putin said": Putin held them; "In a phone call on Saturday, Biden pressed Netanyahu to ...":
    Biden, Netanyahu); None otherwise."""
    if clause.i0 != 0 or not toks or toks[0].lower not in wordset("roles", "opening_phrase_preps"):
        return None
    if past_form(toks[cue.i].text) or toks[cue.i].lower in plover.irregular_pasts():
        return None  # "After the administration reached a deal with BP, ...": a clause with its own subject
    comma = next((k for k in range(1, len(toks)) if toks[k].text == ","), -1)
    if comma < cue.j or any(toks[k].lower == "between" for k in range(cue.j, comma)):
        return None  # "After a meeting between government scientists and BP engineers, ...": its own parties
    first = roles.first_subject(toks, comma + 1, len(toks), placed)
    if first is None:
        return None
    subject = roles.as_actor(first[1])
    other = next(
        (
            roles.as_actor(m)
            for k, m in placed
            if k > first[0] and not roles.generic(m) and roles.as_actor(m).actor_id != subject.actor_id
        ),
        None,
    )
    return subject, other


def assign_roles(doc: ArticleDoc) -> ArticleDoc:
    """The clause's actors, then source and target (roles.py). With no known actor before a verb cue,
    "he"/"she" stands for the last named person, else capitalized names stand in. A verb candidate with no
    actor at all stays only when a day governs it (settings.actorless_dated). A noun candidate takes
    roles when settings.noun_roles and it is not `reacting`."""
    text, settings = doc.text, doc.settings
    antecedents: _Antecedents | None = None  # built when a pronoun is first looked up
    home: str | None = None  # the article's country (_home_country), found when first needed
    named: frozenset[str] | None = None  # words it writes capitalized inside a sentence, read when first needed
    taken: dict[int, set[int]] = {}
    cue_at: dict[int, set[int]] = collections.defaultdict(set)
    for c in doc.candidates:
        if c.kind == "verb":
            cue_at[c.s].add(c.cue.i)
    verbs = {n: frozenset(at) for n, at in cue_at.items()}  # each sentence's verb cues (roles.proper_names)
    kept: list[Candidate] = []

    def article_home() -> str:
        nonlocal home
        if home is None:
            home = _home_country(doc.mentions) if settings.home_country else ""
        return home

    def found_in() -> _Antecedents:
        """What a pronoun or a counted group is looked up in, built when first needed."""
        nonlocal antecedents
        if antecedents is None:
            antecedents = _Antecedents.of(doc)
        return antecedents

    def lower_words() -> frozenset[str]:
        """Words the article writes in lower case (roles.proper_names)."""
        return frozenset(_LOWER_WORD.findall(doc.text))

    def inner_capitals() -> frozenset[str]:
        """Words the article writes capitalized right after a lower-case word, in running prose rather than a
        title-case headline (roles.proper_names), read once."""
        nonlocal named
        if named is None:
            named = frozenset(
                t.text
                for toks in doc.tokens.values()
                for before, t in itertools.pairwise(toks)
                if t.text[:1].isupper() and before.text[:1].islower()
            )
        return named

    common = _WordsReadOnce(lower_words)

    def names_in(s: int, i0: int, i1: int) -> list[Placed]:
        """Stand-in names in tokens[i0:i1] of sentence s (roles.proper_names), outside its mentions and dates."""
        if s not in taken:
            taken[s] = _taken(doc.tokens[s], doc.actors[s], doc.sentence_timexes[s])
        inner = inner_capitals() if settings.lone_openers else None
        found = roles.proper_names(doc.tokens[s], i0, i1, taken[s], common, inner, verbs.get(s, frozenset()))
        return [(k, _short_form_of(m, doc.mentions)) for k, m in found]

    for c in doc.candidates:
        toks, placed, clause, cue = doc.tokens[c.s], doc.actors[c.s], c.clause, c.cue
        # "In Mexico, police arrested ...": the police are Mexico's, not the article's country's
        in_clause = roles.placed_organs(toks, clause, [(k, m) for k, m in placed if clause.i0 <= k < clause.i1])
        inherited: ActorMention | None = None  # the subject of a coordinated predicate
        state_doer: ActorMention | None = None  # the state behind a passive that names no one
        grouped: list[ActorMention] = []  # the others a group subject stands for ("the two leaders")
        if c.kind == "verb":
            relative = _relative_clause_before(toks, doc.clauses[c.s], clause)
            if relative is not None and not any(k < cue.i for k, _ in in_clause):
                # "Hezbollah, which is backed by Iran, fired rockets": the relative clause's antecedent did it, not
                # that clause's doer
                rel = _antecedent(toks, relative, placed, lambda i0, i1, s=c.s: _bodies(names_in(s, i0, i1)), cue)
                inherited = roles.as_actor(rel[1]) if rel is not None else None
            elif clause.coordinated and not any(k < cue.i for k, _ in in_clause):
                # "Obama visited Mexico City, praised Calderon": the predicate before it in the sentence did it
                before = next((p for p in reversed(kept) if p.s == c.s and p.kind == "verb"), None)
                if before is not None and _participle_aside(toks, before.cue):
                    before = None  # "Iraqi forces, backed by US air strikes, attacked ...": the aside's agent did not
                inherited = before.source if before is not None else None
                if before is None:
                    # no predicate before it gave a row: the sentence's first subject ("Modi announced ... at the
                    # opening session and invited its chairman")
                    first = roles.first_subject(toks, 0, clause.i0, placed)
                    inherited = roles.as_actor(first[1]) if first is not None else None
            rep = _represented(toks, clause, cue, found_in())
            if rep is None:
                rep = _defence(doc.text, toks, clause, cue, doc.mentions)
            if rep is not None and not any(k <= rep[0] for k, _ in in_clause):
                in_clause = [rep, *in_clause]
            closing = _after_relative(toks, clause, cue)
            if closing >= 0 or not any(k < cue.i for k, _ in in_clause):
                rel = _relative_subject(toks, clause, placed, lambda i0, i1, s=c.s: _bodies(names_in(s, i0, i1)))
                if rel is not None:
                    if closing >= 0:
                        in_clause = [p for p in in_clause if not clause.i0 <= p[0] < closing]
                    in_clause = [rel, *in_clause]
            if not any(k < cue.i for k, _ in in_clause):
                quoted = _quoted_speaker(toks, doc.clauses[c.s], clause, cue, placed)
                if quoted is not None:
                    in_clause = [quoted, *in_clause]
            said = _first_saying(toks, clause, cue)
            if not any(k < cue.i and not roles.in_phrase(toks, k, clause.i0) for k, _ in in_clause):
                # (a mention after a preposition is no subject: "he exchanged words with Hitchens, and accused him")
                # "he"/"she" right before the verb; else opening a clause whose first subject the verb shares ("he
                # said he would stay on, and did not rule out ..."); else right before the saying ("He said the
                # missiles could not be launched without ..."): the person named before it
                anchors = [cue]
                if roles.shares_first_subject(toks, clause, cue):
                    anchors.append(cue._replace(i=min(cue.i, clause.i0 + 4)))
                if said > clause.i0:
                    anchors.append(cue._replace(i=said))
                pron = None
                for at in anchors:
                    pron = _pronoun_subject(toks, clause, at, found_in())
                    if pron is not None:
                        break
                if pron is None:
                    pron = _it_subject(doc, c.s, clause, cue)
                if pron is None:
                    group = _group_reference(toks, clause, cue, found_in())
                    if group is not None:
                        pron, grouped = (group[0], group[1][0]), group[1][1:]  # "The two leaders met": the first named
                if pron is not None:
                    in_clause = sorted([pron, *in_clause], key=lambda km: km[0])
            if not any(k < cue.i and not roles.in_phrase(toks, k, clause.i0) for k, _ in in_clause):
                # No known actor before the verb (a place "In Los Angeles" is none, nor a body "from the HPA"): a
                # capitalized name there stands in for one.
                in_clause = sorted(names_in(c.s, clause.i0, cue.i) + in_clause, key=lambda km: km[0])
            if not any(k == cue.j for k, _ in in_clause):
                # No known actor right after the verb: a name of two words or more there is its object
                # ("Police arrested Olga Cristina Lerma, ... of the Sinaloa cartel"); one word may be a place or
                # a common word.
                at = cue.j + (cue.j < clause.i1 and toks[cue.j].lower in ("both", "either"))  # "with both the ..."
                the = at < clause.i1 and toks[at].lower == "the"
                at += the
                obj = next(iter(names_in(c.s, cue.j, min(clause.i1, at + 4))), None)
                if (
                    obj is not None
                    and the
                    and (cue.event_type in wordset("roles", "home_target_types") or not _named_object(toks, obj))
                ):
                    # after "the", a name may be a place or qualify a noun ("the Deepwater Horizon rig"); an attack
                    # on or aid to "the Grand Hyatt" is placed in its country (home_countries)
                    obj = None
                if (
                    obj is not None
                    and obj[0] == at
                    and (len(obj[1].text.split()) > 1 or roles.possessive(toks[cue.j].text))
                ):
                    in_clause = sorted([*in_clause, obj], key=lambda km: km[0])
            if said >= 0 and not any(k < said and not roles.in_phrase(toks, k, clause.i0) for k, _ in in_clause):
                # A speaker the gazetteer does not know: a capitalized name right before the verb of saying
                # stands in ("Dr Richelle Cooper testified that ...").
                in_clause = sorted(names_in(c.s, clause.i0, said) + in_clause, key=lambda km: km[0])
            if not any(
                k < cue.i
                and m.type != "name"
                and not roles.hyphen_modifier(toks, k, m)
                and not roles.in_phrase(toks, k, clause.i0)
                and not _group_modifier(toks, k, m, cue)
                for k, m in in_clause
            ):
                # No gazetteer actor before the verb (one fused to a hyphenated word only modifies: "Iran-backed"; a
                # place is none: "In Baghdad"): a group the text names stands in ("Insurgents derailed a train",
                # "Pig breeders threatened": the stand-in name "Pig" is part of it; "Iran-backed militias attacked").
                group = roles.group_subject(toks, clause, cue, syntax.group_word)
                if group is not None and (body := _members_body(toks, group, in_clause, cue)) is not None:
                    group = body  # "Rebels from the M23 group seized Goma": M23 did
                if group is None and settings.home_country:
                    # "Government officials warned": the article's country; "In Mexico, officials ...": Mexico
                    place = roles.opening_place(toks, clause, in_clause)[0]
                    group = roles.organ_subject(
                        toks, clause, cue, place or article_home(), in_clause, acting=not c.reading.passive
                    )
                if group is not None:
                    g_end = bisect.bisect_left([t.start for t in toks], group[1].end)
                    inside = [(k, m) for k, m in in_clause if group[0] <= k < g_end]
                    if not any(
                        k > 0 and m.type == "name" and m.text not in wordset("roles", "party_adjectives")
                        for k, m in inside
                    ):
                        # a name written capitalized inside the sentence is whom the group acts for ("Two
                        # Greenpeace campaigners chained themselves": Greenpeace); a word capitalized only for
                        # the sentence's start ("Pig breeders"), or a party's adjective ("54 Democratic senators"),
                        # is part of the group
                        rest = [(k, m) for k, m in in_clause if not group[0] <= k < g_end]
                        group = (group[0], _with_inner_country(group[1], inside))  # "Louisiana shrimpers": USA
                        in_clause = sorted([*rest, group], key=lambda km: km[0])
            by_state = roles.by_agent(toks, cue, clause.i1, in_clause) if c.reading.passive else None
            if by_state is not None and (people := roles.people_group(text, by_state[1])) is not by_state[1]:
                # "were blocked by Israeli protesters": the protesters did it, not the state
                in_clause = sorted(
                    [km for km in in_clause if km != by_state] + [(by_state[0], people)], key=lambda km: km[0]
                )
            if c.reading.passive and by_state is None:
                # No known actor after "by": the last name of the capitalized words there did it ("was warned by
                # Cherilyn Lee", "fired by Home Secretary Alan Johnson"), else a group the text names there ("was
                # targeted by a suicide bomber", "were ambushed by Islamist militants")
                lo, hi = roles.agent_words(toks, cue, clause.i1)
                by_names = names_in(c.s, lo, hi) if hi > lo else []
                group = roles.group_agent(toks, clause, cue, syntax.group_word)
                if group is not None and group[0] <= lo:  # "by Islamist militants": no name "Islamist"
                    by_names = []
                agent = by_names[-1] if by_names else group
                if agent is not None:
                    in_clause = sorted([*in_clause, agent], key=lambda km: km[0])
            if (
                not in_clause
                and inherited is None
                and c.reading.passive
                and cue.event_type in wordset("roles", "passive_state_types")
                and article_home()
            ):
                # "all those who came in contact with her have been asked to report any symptoms": advice or a
                # coercion in the passive that names no one is the state's, the article's country
                cue_tok = toks[cue.i]
                state_doer = roles.state_mention(cue_tok.start, cue_tok.end, cue_tok.text, article_home(), "organ")
            if (
                not in_clause
                and state_doer is None
                and inherited is None
                and not (
                    settings.actorless_dated
                    and _day_governs(text, c.timexes, doc.sentences[c.s].start, toks, clause, cue)
                )
            ):
                if not (settings.syntax and syntax.available()):
                    continue
                c.needs_actor = True  # "Insurgents derailed a train": the parse may find who acted
            with_roles = True
        else:
            with_roles = settings.noun_roles and not c.reacting
        c.actors = in_clause
        if c.kind == "verb" and _advice(toks, clause, cue):
            c.cue = cue = cue._replace(event_type="REQUEST", quad_class=QUAD_CLASS["REQUEST"])
        if (
            with_roles
            and c.kind == "noun"
            and cue.event_type == "ASSAULT"
            and _noun_in_phrase(toks, cue.i)
            and not _responsibility_claimed(toks, clause, cue.i)
        ):
            # "a role in the September 11 attacks": not the clause's subject's deed; only the noun's own words name
            # its parties ("after the raid by US forces on Falluja")
            parties = roles.noun_parties(toks, cue, in_clause) or roles.noun_agent(toks, cue, clause, in_clause)
            if parties is not None:
                c.source, c.target = parties
        elif with_roles:
            c.source, c.target = roles.assign(
                toks,
                clause,
                cue,
                in_clause,
                c.reading.passive,
                bool(c.rule_type) or c.model_made,
                article_home(),
                c.reading.mode == "statement",
            )
            demand_at = _quoted_demand(toks, doc.clauses[c.s], clause, cue) if cue.event_type == "REQUEST" else None
            asker = next((m for k, m in placed if demand_at is not None and demand_at.i0 <= k < demand_at.i1), None)
            if asker is not None:
                # '"Russia must withdraw its troops," the G7 leaders said': the G7 ask it of Russia
                asked = roles.first_subject(toks, clause.i0, cue.i, in_clause)
                c.source = roles.as_actor(asker)
                c.target = roles.as_actor(asked[1]) if asked is not None else None
            if grouped and c.source is not None and c.source.actor_id != grouped[0].actor_id:
                others = [roles.as_actor(m) for m in grouped]
                if c.target is None and cue.event_type in wordset("roles", "symmetric_types"):
                    c.target, others = others[0], others[1:]  # "The two leaders met": the first with the second
                c.partners = c.partners + others
            if inherited is not None and not c.reading.passive and (c.source is None or c.source.type == "crowd"):
                # the coordinated predicate's doer outranks a crowd stand-in ("Japan ... and lodged a protest")
                c.source = inherited
                if c.target is not None and c.target.actor_id == inherited.actor_id:
                    c.target = None
            elif clause.coordinated and c.reading.passive and c.target is None:
                # a coordinated passive's subject, the sentence's first, is acted upon: "Mr Guajardo tried to
                # visit them but was denied access by Chinese officials"
                first = roles.first_subject(toks, 0, clause.i0, placed)
                patient = roles.as_actor(first[1]) if first is not None else None
                if patient is not None and (c.source is None or c.source.actor_id != patient.actor_id):
                    c.target = patient
            parties = roles.noun_parties(toks, cue, in_clause) if "noun" in (c.kind, cue.form) else None
            if parties is None and ("noun" in (c.kind, cue.form) or (cue.form == "base" and c.source is None)):
                parties = roles.noun_agent(toks, cue, clause, in_clause)
            if parties is not None:
                # "the phone call on Saturday between David Cameron and Obama", "the visit to Washington by Sudan's
                # intelligence chief"
                c.source, c.target = parties
            if c.kind == "verb" and c.source is None and not c.reading.passive:
                # "An attack by Boko Haram on a village killed 30 people": the subject noun's "by" names the doer
                c.source = _subject_noun_agent(toks, clause, cue, in_clause)
            if c.kind == "verb" and not c.reading.passive and (origin := _fired_from(toks, clause, cue, placed)):
                # "a rocket fired from Lebanon hit a village in northern Israel": Lebanon, to Israel
                if c.target is not None and c.target.actor_id == origin.actor_id:
                    c.target = next(
                        (
                            roles.as_actor(m)
                            for k, m in placed
                            if k >= cue.j and m.type in _PLACE_TYPES and m.country and m.country != origin.country
                        ),
                        None,
                    )
                if c.source is None or c.source.actor_id == origin.actor_id:
                    c.source = origin
            if c.source is None and c.target is not None:
                # "Following talks with Erdogan on Monday, Putin said ...": the main clause's subject held them
                opening = _opening_phrase_parties(toks, clause, cue, placed)
                if opening is not None and opening[0].actor_id != c.target.actor_id:
                    c.source = opening[0]
                elif opening is not None and cue.event_type in wordset("roles", "symmetric_types"):
                    # "In a phone call on Saturday, Biden pressed Netanyahu": the call was Biden's with Netanyahu
                    c.source, c.target = opening
            if c.kind == "verb" and c.target is None and c.cue.event_type == "REQUEST":
                c.target = _obliged(toks, clause, cue, lambda i0, i1, s=c.s: names_in(s, i0, i1))
            if c.kind == "verb" and c.target is None and c.cue.event_type == "THREATEN":
                # "If Israel attacks Rafah, the United States will halt weapons shipments": the condition's subject
                # is the one warned
                c.target = _conditioned(toks, cue, placed, c.source)
            if (
                c.kind == "verb"
                and c.reading.passive
                and c.source is None
                and c.target is not None
                and cue.event_type in wordset("roles", "own_force_types")
                and c.target.type not in ("person", "name")  # "he was abandoned", "Mia was pulled out": acted upon
            ):
                # "Syrian troops were deployed to the border", "British troops were withdrawn from Basra": the force
                # moved is the doer's own; its state did it
                c.source, c.target = c.target, None
            if c.kind == "verb" and c.reading.passive and (sender := _sending_state(toks, c, in_clause)) is not None:
                # "Three Russian diplomats were expelled from Poland": the state they are sent from did it
                c.source = sender
                if c.target is not None and c.target.actor_id == sender.actor_id:
                    c.target = None
            if c.kind == "verb" and c.reading.passive and c.source is None and c.target is not None:
                c.source = _coercing_state(toks, c, in_clause, article_home()) or _intercepting_state(
                    toks, c, in_clause
                )
                if c.source is not None and c.target.type in _PLACE_TYPES and c.target.country == c.source.country:
                    c.target = None  # a place is where its own state did it, no one it was done to
            elif c.kind == "verb" and c.reading.passive and c.source is None and c.target is None:
                # "recruits at an army camp in the western Swiss canton of Fribourg were placed under quarantine":
                # the state of the place the subject stands in did it, to no place of its own
                c.source = _coercing_state(toks, c, in_clause, "", before=True)
            if c.source is None and state_doer is not None:
                c.source = state_doer
            if c.source is not None and c.source.type == "name" and _inert_name(c.source):
                c.source = None  # "on the U.S. East Coast warned", "the Jones Act": a place or a law does nothing
            c.source, c.target = (_legislature_state(m, article_home()) for m in (c.source, c.target))
            if c.kind == "verb" and _accusing_claim(toks, c):
                c.cue = c.cue._replace(event_type="ACCUSE", quad_class=QUAD_CLASS["ACCUSE"])
            elif c.kind == "verb":
                _report_roles(text, toks, c)
            if c.kind == "verb" and c.cue.event_type == "ACCUSE":
                # the words of the charge follow the saying, or the verb of accusing itself ("allege his ...")
                words_at = said if said >= 0 else c.cue.j - 1
                blamed = _blamed_owner(doc, c.s, words_at)
                if blamed is not None and (c.source is None or blamed.actor_id != c.source.actor_id):
                    c.target = blamed
            if c.target is not None and roles.staff_of(toks, placed, c.source, c.target):
                c.target = None  # "BP chief executive Tony Hayward said the company disagreed": his own company
            if _undergone(c):
                c.source, c.target = None, c.source  # "Prigozhin's jet crashed": he suffered it
            if (giver := _received_from(toks, c)) is not None:
                # "Ukraine received tanks from Germany": Germany's aid to Ukraine
                received = _received_type(toks[c.cue.j : giver[0]])
                c.rule_type = c.rule_type or c.cue.event_type
                c.cue = c.cue._replace(event_type=received, quad_class=QUAD_CLASS[received])
                c.source, c.target = roles.as_actor(giver[1]), c.source
            if _rescued(toks, c):
                # "was pulled out alive by an Israeli search team": a rescue, aid to the one pulled out
                c.rule_type = c.rule_type or c.cue.event_type
                c.cue = c.cue._replace(event_type="AID", quad_class=QUAD_CLASS["AID"])
            doer = _modifier_doer(toks, c) if "noun" in (c.kind, c.cue.form) else None
            if doer is not None and (c.source is None or c.source.actor_id != doer.actor_id):
                # "Gaza was pounded by Israeli air strikes": the state the noun names did it, to the clause's subject
                rest = [m for m in (c.source, c.target) if m is not None and m.actor_id != doer.actor_id]
                c.source, c.target = doer, (rest[0] if rest else None)
            if c.kind == "verb" and c.target is None and c.cue.event_type in wordset("roles", "referring_types"):
                c.target = _referred_doer(toks, c, kept)
            if c.kind == "verb" and c.target is None and c.source is not None:
                c.target = _answered_doer(toks, c, kept)
            if c.kind == "verb" and c.target is None and not c.reading.passive:
                if (him := _pronoun_object(toks, clause, c.cue)) >= 0:
                    pronoun = toks[him].lower
                    obj = _last_person_before(toks[him].start, found_in(), c.source, pronoun)
                    if obj is not None and pronoun == "her" and _sex_of(obj, doc.text) != "female":
                        obj = None  # "her" for a person of unknown sex is left unread
                    c.target = roles.as_actor(obj) if obj is not None else None
            if c.kind == "verb" and c.target is None and not c.reading.passive:
                # "fired tear gas at protesters", "killed 40 militants": a group acted upon, as the text names it
                if (group := roles.group_object(toks, clause, c.cue)) is not None:
                    c.target = _with_inner_country(group[1], c.actors)
            if c.kind == "verb" and c.target is None and not c.reading.passive and article_home():
                # "is in talks with central government", "urged the authorities to act": an office without a name is
                # its country, the article's (tests/gold/README.md)
                state = roles.organ_object(toks, clause, c.cue, article_home())
                if state is not None and (
                    c.source is None or c.source.actor_id != state.actor_id or c.source.type == "person"
                ):
                    c.target = state
        kept.append(c)
    doc.candidates = _when_doers(doc, kept)
    return doc


_PLACE_TYPES = (*roles.STATE_TYPES, "city", "region")  # mention types naming a place


def _with_inner_country(group: ActorMention, mentions: list[Placed]) -> ActorMention:
    """A group with the country of a place or demonym inside its words ("Palestinian gunmen": Palestine)."""
    place = next(
        (m.country for _, m in mentions if group.start <= m.start < group.end and m.country and m.type in _PLACE_TYPES),
        "",
    )
    return replace(group, country=place) if place and not group.country else group


def _members_body(toks: list[Token], group: Placed, mentions: list[Placed], cue: Cue) -> Placed | None:
    """The armed group or organization the gazetteer knows that a group subject is drawn from: "from" or "of" (and
    "the") right after the group's words, then the body, before the verb ("Rebels from the M23 group seized",
    "Fighters of Hamas attacked", "Activists from Greenpeace boarded"); None otherwise."""
    e = bisect.bisect_left([t.start for t in toks], group[1].end)
    if e >= cue.i or toks[e].lower not in ("from", "of"):
        return None
    at = e + 1 + (e + 1 < cue.i and toks[e + 1].lower == "the")
    return next(
        ((k, m) for k, m in mentions if k == at and k < cue.i and m.type in ("armed_group", "organization")), None
    )


def _group_modifier(toks: list[Token], k: int, m: ActorMention, cue: Cue) -> bool:
    """True when the place mention at k only modifies a group noun right after it, before the verb ("Louisiana
    shrimpers have filed", "Gaza residents fled"): the group is the subject, the place says where it is from."""
    if m.type not in _PLACE_TYPES:
        return False
    e = bisect.bisect_left([t.start for t in toks], m.end)
    return e < cue.i and toks[e].text.islower() and syntax.group_word(toks[e].text)


def _blamed_owner(doc: ArticleDoc, n: int, said: int) -> ActorMention | None:
    """The person a charge blames when its words open with "his"/"her" and a noun ("Prosecutors say his negligence
    led to Jackson's death"): the first person the sentence before names, its subject more often than not ("Dr
    Murray, shown here in February, joined Jackson's entourage ..."; "Guterres met Putin ... Ukraine had criticised
    his decision to attend"); None otherwise."""
    toks = doc.tokens[n]
    k = said + 1
    if k < len(toks) and toks[k].lower == "that":
        k += 1
    if not (k + 1 < len(toks) and toks[k].lower in ("his", "her") and toks[k + 1].text.islower()) or n == 0:
        return None
    before = doc.sentences[n - 1]
    return next((m for m in _mentions_in(doc, before.start, before.end) if m.type == "person"), None)


def _mentions_in(doc: ArticleDoc, start: int, end: int):
    """The article's actor mentions that start in text[start:end], in order."""
    lo = bisect.bisect_left(doc.mentions, start, key=lambda m: m.start)
    return itertools.takewhile(lambda m: m.start < end, doc.mentions[lo:])


def _sending_state(toks: list[Token], c: Candidate, placed: list[Placed]) -> ActorMention | None:
    """The state named right after "from" after a passive verb of sending away ([roles].sending_verbs: "were expelled
    from Poland", "were deported from Iran last week"), with no "by" agent: the one that sent them; else None."""
    if c.cue.phrase not in wordset("roles", "sending_verbs"):
        return None
    if roles.by_agent(toks, c.cue, c.clause.i1, placed) is not None:
        return None
    k = c.cue.j
    if k >= c.clause.i1 or toks[k].lower != "from":
        return None
    k += 1 + (k + 1 < c.clause.i1 and toks[k + 1].lower == "the")
    got = next((m for q, m in placed if q == k and m.type in roles.STATE_TYPES and m.country), None)
    return roles.state_mention(got.start, got.end, got.text, got.country, "place") if got is not None else None


def _fired_from(toks: list[Token], clause: Clause, cue: Cue, placed: list[Placed]) -> ActorMention | None:
    """The state of the place a weapon that is the verb's subject was fired or launched from ("a rocket fired from
    Lebanon hit a village": Lebanon; syntax.toml's weapon_heads, [roles].launch_participles), else None."""
    weapons, launched = syntax.words("weapon_heads"), wordset("roles", "launch_participles")
    for k in range(clause.i0, min(cue.i, clause.i1 - 3)):
        if toks[k].lower in weapons and toks[k + 1].lower in launched and toks[k + 2].lower == "from":
            m = next((m for q, m in placed if q == k + 3 and m.type in _PLACE_TYPES and m.country), None)
            return roles.state_mention(m.start, m.end, m.text, m.country, "place") if m is not None else None
    return None


def _intercepting_state(toks: list[Token], c: Candidate, placed: list[Placed]) -> ActorMention | None:
    """The state over whose place a weapon was brought down, told in the passive with no doer ("A Ukrainian drone
    was shot down over Belgorod": Russia; [roles].interception_cues): the country of the place after "over", "in",
    "near" or "off (the coast of)", when it is not the weapon's own; None otherwise."""
    if c.cue.phrase not in wordset("roles", "interception_cues") or c.target is None:
        return None
    place = next(
        (
            m
            for k, m in placed
            if k >= c.cue.j
            and m.type in _PLACE_TYPES
            and m.country
            and (toks[k - 1].lower in ("over", "in", "near") or _off_coast(toks, k))
        ),
        None,
    )
    if place is None or place.country == c.target.country:
        return None
    return roles.state_mention(place.start, place.end, place.text, place.country, "place")


def _off_coast(toks: list[Token], k: int) -> bool:
    """True when "off" or "off the coast of" stands right before token k ("shot down off the coast of South
    Carolina")."""
    return toks[k - 1].lower == "off" or (
        k >= 4 and [t.lower for t in toks[k - 4 : k]] == ["off", "the", "coast", "of"]
    )


def _coercing_state(
    toks: list[Token], c: Candidate, placed: list[Placed], home: str, before: bool = False
) -> ActorMention | None:
    """The state that did a coercion told in the passive with no doer ("Conrad Murray was found guilty", "several
    Britons were quarantined in a hotel in Hong Kong"): the country of the place the clause puts it in, else the
    one acted upon belongs to, else the article's; None for another type, for a coercion of criminals or armed
    groups ([roles].nonstate_coercions: "was kidnapped"), or when none is known. With `before`, also a place in a
    phrase before the verb ("recruits at a camp in the Swiss canton of Fribourg were placed under quarantine")."""
    if c.cue.event_type not in wordset("roles", "state_coercion_types"):
        return None
    if c.cue.phrase in wordset("roles", "nonstate_coercions"):
        return None  # "was kidnapped": no state's deed
    place = next(
        (
            m.country
            for k, m in placed
            if k >= c.cue.j and m.type in _PLACE_TYPES and m.country and toks[k - 1].lower in ("in", "at")
        ),
        "",
    )
    if not place and before:
        place = next(
            (
                m.country
                for k, m in placed
                if k < c.cue.i and m.type in _PLACE_TYPES and m.country and roles.in_phrase(toks, k, c.clause.i0)
            ),
            "",
        )
    target = c.target.country if c.target is not None and c.target.type != "organization" else ""
    country = place or target or home
    if not country:
        return None
    cue_tok = toks[c.cue.i]
    return roles.state_mention(cue_tok.start, cue_tok.end, cue_tok.text, country, "organ")


def _legislature_state(m: ActorMention | None, home: str) -> ActorMention | None:
    """The article's country for a stand-in name that is a house of its legislature without its country
    ([roles].legislatures: "the House approved a version of the bill", "the Senate is seeking to raise the cap"), an
    organ of the state as the gold codes it (tests/gold/README_t17.md), when that country is one whose reporting
    names its houses bare ([roles].legislature_homes: "the Senate" in a story about Iraq is no Iraqi body); other
    mentions unchanged."""
    if m is None or m.type != "name" or home not in wordset("roles", "legislature_homes"):
        return m
    if m.text.lower() not in wordset("roles", "legislatures"):
        return m
    return roles.state_mention(m.start, m.end, m.text, home, "organ")


def _inert_name(m: ActorMention) -> bool:
    """True for a stand-in name whose last word makes it a place, a law or a prize ([roles].inert_name_heads: "East
    Coast", "Jones Act", "Victoria Cross"), which names no doer."""
    return m.text.split()[-1].lower() in wordset("roles", "inert_name_heads")


def _named_object(toks: list[Token], obj: Placed) -> bool:
    """True when a stand-in name after "the" is the object itself ("met the Coast Guard"), not a place, law or prize
    ("visits the Gulf Coast", "signed the Clean Air Act": [roles].thing_name_heads), a heading ("SHUT DOWN THE
    ENTIRE GULF COAST"), part of a longer name ("the Hope For Haiti Now telethon") or a modifier of the common noun
    after it ("destroyed the Deepwater Horizon rig")."""
    k, m = obj
    end = bisect.bisect_right([t.start for t in toks], m.end - 1)
    if m.text.split()[-1].lower() in wordset("roles", "thing_name_heads") or (end - k > 1 and m.text.isupper()):
        return False
    if end >= len(toks):
        return True
    after = toks[end]
    if after.lower == "of" and end + 1 < len(toks) and toks[end + 1].text[:1].isupper():
        return False  # "the International Confederation of Free Trade Unions congress"
    return not (after.text[:1].isupper() and after.text[:1].isalpha()) and not (
        after.text.isalpha()
        and after.text[:1].islower()
        and after.lower not in wordset("roles", "prepositions")
        and after.lower not in wordset("language", "function_words")
    )


def _short_form_of(m: ActorMention, mentions: list[ActorMention]) -> ActorMention:
    """A one-word stand-in name that is the last word of a body the article named before in full stands for that
    body ("Royal Dutch Shell ... Shell decided against a bid": Royal Dutch Shell); else the stand-in itself."""
    if " " in m.text or not m.actor_id.startswith("name:"):
        return m
    for full in reversed(mentions):
        if full.start >= m.start:
            continue
        words = full.name.split()
        if full.type == "organization" and len(words) > 1 and words[-1] == m.text:
            return replace(m, actor_id=full.actor_id, name=full.name, type=full.type, country=full.country)
    return m


def _when_doers(doc: ArticleDoc, candidates: list[Candidate]) -> list[Candidate]:
    """A happening told with no doer ("Eleven workers were killed on Tuesday") followed by a clause opening with
    "when" that tells a happening of the same type by someone ("when militants bombed the rig") is one
    happening: the first takes that doer, and the second, its means, is no row of its own."""
    dropped: set[int] = set()
    openers = wordset("clauses", "without_comma")
    for a in candidates:
        if a.source is not None or a.kind != "verb":
            continue
        toks = doc.tokens[a.s]
        for b in candidates:
            if (
                b.s == a.s
                and b is not a
                and b.kind == "verb"
                and b.source is not None
                and b.cue.event_type == a.cue.event_type
                and b.clause.i0 >= a.clause.i1
                and toks[b.clause.i0].lower in openers
                and all(t.text == "," for t in toks[a.clause.i1 : b.clause.i0])
            ):
                a.source = b.source
                dropped.add(id(b))
                break
    return [c for c in candidates if id(c) not in dropped]


_REFERENCE_REACH = 6  # words after the verb where the happening's noun may stand ("condemned what he called a ...")
_REFERENCE_BACK = 8  # sentences back where the happening it names may have been told
_REFERENCE_BACK_ANY = 2  # ... when a noun of any happening names it ("condemned the launch", "the move")


def _referred_doer(toks: list[Token], c: Candidate, before: list[Candidate]) -> ActorMention | None:
    """The doer of a happening an accusation names by a definite noun and no actor ("Biden condemned the attack",
    "called the blasts a grave violation", "condemned what he called a reckless attack"): the source of the
    latest earlier candidate of the noun's type within _REFERENCE_BACK sentences that is not the speaker's own
    ("Iran fired missiles at Qatar ... Qatar said it intercepted the missiles and condemned the attack": Iran);
    an accusation of a noun of [roles].referring_any ("condemned the launch", "the move") names the latest happening
    with a doer, of any type, within _REFERENCE_BACK_ANY sentences, and one of "it" or "this" right after the verb
    the latest happening with a doer of the sentence before or its own; None when it names none."""
    hi = min(c.clause.i1, c.cue.j + _REFERENCE_REACH)
    answered = wordset("roles", "accusation_nouns") if c.cue.event_type == "REJECT" else frozenset()
    if c.cue.event_type == "ACCUSE" and c.cue.j < c.clause.i1 and toks[c.cue.j].lower in ("it", "this"):
        # "Iran seized a ship on Saturday. Israel called it an act of piracy": the deed the sentence before told
        speaker = c.source.actor_id if c.source is not None else ""
        told = next((p for p in reversed(before) if p.source is not None and c.s - p.s <= 1), None)
        return told.source if told is not None and told.source.actor_id != speaker else None
    k = next((k for k in range(c.cue.j, hi) if _referring_type(toks[k], c.cue.event_type, answered)), -1)
    if k < 0:
        return None
    # the noun's own determiner refers ("the attack", "these blasts"), or "what" opens the object ("condemned what
    # he called a reckless attack"); not a determiner of another noun ("accused the opposition of ... a coup")
    d = k - 1
    while (
        d > c.cue.j and toks[d].text.isalpha() and toks[d].text.islower() and toks[d].lower not in function_words("en")
    ):
        d -= 1  # over modifiers: "the reckless attack"
    marks = wordset("roles", "referring_marks")
    if not (toks[d].lower in marks and d >= c.cue.j) and toks[c.cue.j].lower != "what":
        return None
    etype = _referring_type(toks[k], c.cue.event_type, answered)
    speaker = c.source.actor_id if c.source is not None else ""
    told = next(
        (
            p
            for p in reversed(before)
            if (
                p.cue.event_type == etype
                or p.rule_type == etype  # the rules' type, before the classifier retyped it
                or p.cue.phrase in (toks[k].lower, toks[k].lower.removesuffix("s"))  # "raided ... the raid"
                or (etype == "ACCUSE" and _criminal_charge(p))
                or (etype == "*" and p.source is not None and c.s - p.s <= _REFERENCE_BACK_ANY)
            )
            and c.s - p.s <= _REFERENCE_BACK
            and (p.source is None or p.source.actor_id != speaker)  # "Qatar said it intercepted ...": its own
        ),
        None,
    )
    return told.source if told is not None else None


def _answered_doer(toks: list[Token], c: Candidate, before: list[Candidate]) -> ActorMention | None:
    """The doer of a deed done to the source in the sentence before or its own, when the clause answers it
    ([roles].answering_words: "The EU adopted sanctions against Russia. Moscow vowed to retaliate": the EU); None
    otherwise."""
    words = wordset("roles", "answering_words")
    if not any(toks[k].lower in words for k in range(c.clause.i0, c.clause.i1)):
        return None
    done = next(
        (
            p
            for p in reversed(before)
            if c.s - p.s <= 1
            and p.target is not None
            and p.source is not None
            and p.target.actor_id == c.source.actor_id
            and p.source.actor_id != c.source.actor_id
        ),
        None,
    )
    return done.source if done is not None else None


def _criminal_charge(c: Candidate) -> bool:
    """True for a criminal charge told as COERCE (tests/gold/README_t17.md: "criminal charges ... are COERCE") by a
    cue of charging ([roles].charging_cues: "charged", "indicted"): a claim that a denial may answer ("Spain's
    prosecutors charged Repsol ... Repsol has disputed these claims")."""
    return c.cue.event_type == "COERCE" and c.cue.phrase in wordset("roles", "charging_cues")


def _referring_type(tok: Token, etype: str, answered: frozenset[str]) -> str:
    """The type of the happening a noun after an accusation or a denial names: the lexicon's noun of happening
    ("the attack"); for a denial ("REJECT") only an accusation, named by the lexicon or by [roles].accusation_nouns
    ("denied the allegations", "disputed these claims"); "" for none."""
    if etype == "REJECT":
        return "ACCUSE" if tok.lower in answered or plover.noun_type(tok.text) == "ACCUSE" else ""
    if etype == "ACCUSE" and tok.lower in wordset("roles", "referring_any"):
        return "*"  # "condemned the launch", "criticised the move": the happening just told, of whatever type
    return plover.noun_type(tok.text)


def _subject_noun_agent(toks: list[Token], clause: Clause, cue: Cue, mentions: list[Placed]) -> ActorMention | None:
    """The doer a noun of happening opening the clause names after "by", before the verb ("An attack by Boko Haram
    on a village killed 30 people": Boko Haram; roles.noun_agent); None otherwise."""
    k = next((k for k in range(clause.i0, min(cue.i, clause.i0 + 4)) if plover.noun_type(toks[k].lower)), -1)
    if k < 0:
        return None
    got = roles.noun_agent(toks, cue._replace(i=k, j=k + 1), Clause(clause.i0, cue.i), mentions)
    return got[0] if got is not None else None


def _modifier_doer(toks: list[Token], c: Candidate) -> ActorMention | None:
    """A state named as a modifier of a noun of happening, across lower-case modifiers ("new US sanctions",
    "Israeli air strikes", "the Russian attack"): the happening's doer; None otherwise."""
    at = {k: m for k, m in c.actors}
    common = function_words("en")
    k = c.cue.i - 1
    while k >= c.clause.i0 and c.cue.i - k <= 3:
        m = at.get(k)
        if m is not None:
            return m if m.type == "country" else None
        if not (toks[k].text.isalpha() and toks[k].text.islower() and toks[k].lower not in common):
            return None
        k -= 1
    return None


def _rescued(toks: list[Token], c: Candidate) -> bool:
    """True for a withdrawal verb of pulling ([roles].rescue_verbs) told in the passive of a person or a name, or
    with a word of rescue ([roles].rescue_words) in the six words after it ("Emmannuel Buso was pulled out alive by
    an Israeli search team", "survivors that have been pulled out by the international rescue teams"): someone
    rescued, not troops withdrawn ("troops were pulled out of Iraq")."""
    if not (
        c.kind == "verb"
        and c.reading.passive
        and c.cue.event_type == "RETREAT"
        and c.cue.phrase in wordset("roles", "rescue_verbs")
    ):
        return False
    person = c.target is not None and c.target.type in ("person", "name")
    return person or any(t.lower in wordset("roles", "rescue_words") for t in toks[c.cue.j : c.cue.j + 6])


def _received_from(toks: list[Token], c: Candidate) -> Placed | None:
    """The giver when the verb "receive", active, takes a thing and then "from" and an actor in its clause ("Ukraine
    received tanks from Germany", "they received the first isolate of the virus from colleagues in the US"): that
    actor's deed to the subject (aid, unless a word of the thing names another: _received_type), not a visit
    received. None when an actor stands between the verb and "from" ("received the envoy from Qatar": a visitor),
    when nothing does, when there is no such "from", or when the giver is the subject or its own state."""
    if not (c.kind == "verb" and c.cue.phrase == "receive" and not c.reading.passive and c.source is not None):
        return None
    at = next((k for k in range(c.cue.j, c.clause.i1) if toks[k].lower == "from"), -1)
    if at <= c.cue.j or any(c.cue.j <= k < at for k, _m in c.actors):
        return None  # (nothing between: the thing may stand before the verb, "the order he received from London")
    giver = next(((k, m) for k, m in c.actors if at < k <= at + 4), None)
    if giver is None:
        return None
    given, got = roles.as_actor(giver[1]), c.source
    if given.actor_id == got.actor_id or (
        given.type in roles.STATE_TYPES and got.type in roles.STATE_TYPES and given.country == got.country
    ):
        return None  # one state's own business (a ministry's funds from its government): no deed between two parties
    return giver


@functools.cache
def _received_words() -> dict[str, str]:
    """word of a thing received -> the type of the giver's deed ([roles].received_concede, ... of cues.toml)."""
    return {
        w: etype
        for etype in ("CONCEDE", "REQUEST", "CONSULT", "THREATEN")
        for w in wordset("roles", f"received_{etype.lower()}")
    }


def _received_type(words: list[Token]) -> str:
    """The type of the giver's deed for the words of the thing received (_received_from): AID unless one of them is
    in a [roles].received_* list."""
    return next((t for w in words if (t := _received_words().get(w.lower))), "AID")


def _undergone(c: Candidate) -> bool:
    """True for an ASSAULT named by a [dated_cues] verb its subject undergoes (`[roles].undergone`: "died",
    "crashed", "sank"), in the active voice, with a subject; an actor after the verb is only where it happened
    ("crashed in Russia's Tver region")."""
    return (
        c.kind == "verb"
        and c.cue.dated_only
        and c.cue.event_type == "ASSAULT"
        and c.cue.phrase in wordset("roles", "undergone")
        and not c.reading.passive
        and c.source is not None
    )


# syntax: roles from a dependency parse ---------------------------------------------------------------

_DATELINE = re.compile(r"[A-Z][A-Z .'/]+(?:,\s*[A-Z][A-Za-z .]+)?\s+[-–—]\s+")  # "KINGSTON, Jamaica - "
_PARSE_BEFORE = 300  # characters before the trigger parsed; further back the parse starts at the clause
_PARSE_AFTER = 10  # tokens after the trigger parsed (its objects and complements; the parse costs its length)


def _simple_past(toks: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when the cue word is a finite simple past ("the team declined"): a past form after a word that is no
    comma, with no auxiliary or "to" in the two words before it ("has since resigned", "to remain closed") and no
    "will"/"shall" in the three ("will likely cut": a base form)."""
    word = toks[cue.i]
    if cue.form != "past" or not finite_word(word) or word.lower in auxiliaries() or cue.i == clause.i0:
        return False
    before = [t.lower for t in toks[max(clause.i0, cue.i - 3) : cue.i]]
    if before[-1] == "," or any(w in auxiliaries() or w == "to" for w in before[-2:]):
        return False  # "signed by", "has since resigned", "plans to remain closed"
    return not any(w in wordset("mode", "future") for w in before)


def _saying_among(toks: Iterable[Token], words: frozenset[str]) -> bool:
    """True when one of the tokens is a lower-case verb of saying of `words` ("according" reports nothing)."""
    return any(t.lower in words and t.lower != "according" and t.text[:1].islower() for t in toks)


def _said_in(toks: list[Token], c: Candidate) -> bool:
    """True when a verb of saying other than the trigger stands anywhere in its sentence ("said it would",
    "will deploy troops, officials said")."""
    return _saying_among((t for n, t in enumerate(toks) if n != c.cue.i), roles.saying())


def _reported(toks: list[Token], c: Candidate) -> bool:
    """True when a verb of saying comes before the trigger in its sentence (mode.py's reported speech):
    the gold conventions keep the speaker as the doer, which word order finds, so no parse is needed."""
    return _saying_among(toks[: c.cue.i], roles.saying() | syntax.words("finding_verbs"))


def _parse_worth(toks: list[Token], c: Candidate) -> bool:
    """True when the parse may change a verb candidate's roles: word order found no source and a group noun
    comes before the trigger ("Insurgents derailed"), or found one in a clause that is not plain subject-verb-
    object, outside reported speech (whose speaker word order finds), with more than one actor or a name after
    the trigger that word order does not place."""
    if c.kind != "verb":
        return False
    if c.source is None:
        return bool(c.actors) or any(syntax.group_word(t.lower) for t in toks[c.clause.i0 : c.cue.i])
    if _reported(toks, c) or _plain(c):
        return False
    return len(c.actors) > 1 or any(t.text[:1].isupper() for t in toks[c.cue.j : c.clause.i1])


def _plain(c: Candidate) -> bool:
    """True for a clause word order reads without doubt: one actor before the trigger (the source) and one
    after it (the target), nothing else ("Russia attacked Ukraine on Monday")."""
    return (
        c.target is not None
        and c.source is not None
        and c.source.type != "name"  # a stand-in may be only part of the subject ("Pig" of "Pig breeders")
        and len(c.actors) == 2
        and c.actors[0][1] is c.source
        and c.actors[1][1] is c.target
        and c.actors[0][0] < c.cue.i <= c.actors[1][0]
    )


def _parse_span(doc: ArticleDoc, c: Candidate) -> tuple[int, int]:
    """The article span parsed for a candidate: from its sentence's start (after a dateline; from the clause's
    start when that is far back) to a few tokens after the trigger."""
    toks, sent = doc.tokens[c.s], doc.sentences[c.s]
    at = toks[c.cue.i].start
    start = sent.start if at - sent.start <= _PARSE_BEFORE else toks[c.clause.i0].start
    line = _DATELINE.match(doc.text, start, at)
    end = toks[min(len(toks) - 1, c.cue.j + _PARSE_AFTER)].end
    return (line.end() if line else start), min(sent.end, max(end, toks[c.cue.i].end))


def _parsed_spans(doc: ArticleDoc) -> dict[int, tuple[object, int]]:
    """id(candidate) -> (spaCy Doc, its article offset) for the verb candidates whose roles the parse may
    change; each distinct span parsed once, all of an article's in one nlp.pipe call."""
    spans: dict[int, tuple[int, int]] = {}
    for c in doc.candidates:
        if _parse_worth(doc.tokens[c.s], c):
            spans[id(c)] = _parse_span(doc, c)
    unique = sorted(set(spans.values()))
    parsed = dict(zip(unique, syntax.parse([doc.text[a:b] for a, b in unique]), strict=True))
    return {key: (parsed[span], span[0]) for key, span in spans.items()}


def _placed(toks: list[Token], m: ActorMention) -> Placed:
    return max(0, bisect.bisect_right([t.start for t in toks], m.start) - 1), m


def _first_actor(
    phrases: list[syntax.Phrase], mentions: list[ActorMention], groups: bool, names: bool = True
) -> tuple[ActorMention | None, list[ActorMention]]:
    """The actor of the first phrase and the gazetteer actors of the phrases coordinated with it."""
    if not phrases:
        return None, []
    first = syntax.actor_of(phrases[0], mentions, groups=groups, names=names)
    rest = [syntax.actor_of(p, mentions, groups=False, names=False) for p in phrases[1:]]
    rest = [roles.as_actor(m) for m in rest if m is not None and m.type != "name"]
    return (roles.as_actor(first) if first is not None else None), rest


_NAMED_TARGET_VIA = frozenset({"obj", "against", "with", "on", "to"})  # where an unknown name may be a target


def _syntax_roles(
    c: Candidate, fr: syntax.Frame, mentions: list[ActorMention], symmetric: frozenset[str]
) -> tuple[ActorMention | None, ActorMention | None, list[ActorMention]]:
    """(source, target, partners) of a verb candidate from its frame; the word-order roles where the parse
    cannot tell (see parse_roles)."""
    if fr.speakers and c.source is not None:
        # Reported words with a speaker: the gold conventions name the speaker as the doer of what they are
        # reported to say, and word order already finds the speaker and whom the words are about.
        return c.source, c.target, []
    doers = fr.agents if fr.passive else fr.subjects
    if fr.passive and not fr.agents:
        return c.source, c.target, []  # "was destroyed", "was sworn in": the parse adds nothing sure
    if not doers or doers[0].pronoun:
        source, partners = c.source, []
        if doers and fr.speakers and doers[0].head in ("it", "they", "we", "i", "he", "she"):
            source, _ = _first_actor(fr.speakers, mentions, groups=True)
            source = source or c.source
    else:
        source, partners = _first_actor(doers, mentions, groups=True)
        if source is None:
            source = c.source  # the subject names no actor the parse can map ("few foreign leaders")
        if c.source is not None and c.source.type == "crowd" and (source is None or source.type == "group"):
            source = c.source  # "<Demonym> protesters" (tests/gold/README.md)
    target, acted = None, []
    if fr.passive:
        if fr.subjects and not fr.subjects[0].pronoun:
            target, acted = _first_actor(fr.subjects, mentions, groups=False)
    else:
        direct = False  # the target is a direct object or "to" complement ("have spoken to BP chairman ...")
        for obj in fr.objects:
            got, more = _first_actor(obj, mentions, groups=False, names=obj[0].via in _NAMED_TARGET_VIA)
            if got is not None:
                target, acted, direct = got, more, obj[0].via in ("obj", "to")
                break
        else:
            target = c.target  # no object names an actor: word order's target ("arrived in Haiti's capital")
        if c.cue.event_type in symmetric and len(partners) == 1 and not direct:
            target, acted, partners = partners[0], [], []  # "Biden and Kishida agreed": the first with the second
    if source is not None and target is not None and source.actor_id == target.actor_id:
        target = None
    return source, target, partners + acted


def parse_roles(doc: ArticleDoc) -> ArticleDoc:
    """Source and target of each verb candidate from the dependency parse of its sentence (syntax.py), when
    settings.syntax and the parser is installed: the subject acts (a passive's "by" agent), the object or an
    "against/on/at/with/to" complement is acted upon (a passive's subject); coordinated actors are partners
    (their countries count); a noun phrase with no gazetteer actor keeps its text (a name the gazetteer does
    not know, or a group: "Insurgents"). Where the parse cannot tell (reported words with a speaker, a
    passive with no agent, no subject, a pronoun) the word-order roles stay. A candidate the roles stage
    kept only for the parse (needs_actor) is dropped when the parse finds no actor either."""
    settings = doc.settings
    if not settings.syntax or not doc.candidates or not syntax.available():
        doc.candidates = [c for c in doc.candidates if not c.needs_actor]
        return doc
    speech = roles.saying() | syntax.words("finding_verbs")
    place_types = wordset("roles", "place_target_types")
    symmetric = wordset("roles", "symmetric_types")
    parsed = _parsed_spans(doc)
    kept: list[Candidate] = []
    for c in doc.candidates:
        if id(c) not in parsed:
            if not c.needs_actor:
                kept.append(c)
            continue
        sdoc, offset = parsed[id(c)]
        toks, sent = doc.tokens[c.s], doc.sentences[c.s]
        fr = syntax.frame(sdoc, offset, toks[c.cue.i].start, speech, c.cue.event_type in place_types)
        if fr is None:
            if not c.needs_actor:
                kept.append(c)
            continue
        # "US-made missiles": a mention fused to a hyphenated word only modifies a noun (roles.hyphen_modifier).
        mentions = [m for k, m in doc.actors[c.s] if not roles.hyphen_modifier(toks, k, m)]
        mentions += [
            m for _, m in c.actors if m.type == "name" and sent.start <= m.start < sent.end and not roles.generic(m)
        ]
        mentions.sort(key=lambda m: m.start)
        times = [(tx.start, tx.end) for tx in doc.sentence_timexes[c.s]]
        fr.drop(lambda p, times=times: any(a < p.end and p.start < b for a, b in times))  # "on Tuesday": no one
        source, target, partners = _syntax_roles(c, fr, mentions, symmetric)
        if c.needs_actor and source is None and target is None:
            continue
        known = {id(m) for _, m in c.actors}
        extra = [_placed(toks, m) for m in (source, target, *partners) if m is not None and id(m) not in known]
        c.actors = sorted(c.actors + extra, key=lambda km: km[0])
        c.source, c.target, c.partners = source, target, partners
        kept.append(c)
    doc.candidates = kept
    return doc


def home_countries(doc: ArticleDoc) -> ArticleDoc:
    """A source or target that is a name, group or person the article introduced with no country of its own
    (no gazetteer entry, no demonym or place in its phrase) takes the article's country, when
    settings.home_country and one country has at least half of the article's mentions with a country. The
    states the clause names before its target stretch's soft stop (roles.clause_states: "along with Peru and
    Chile", "in Mali") join the candidate's partners, so their countries count."""
    home = _home_country(doc.mentions) if doc.settings.home_country else ""
    place = _home_country(doc.mentions, majority=True) if doc.settings.home_country else ""
    place_types = wordset("roles", "home_place_types")
    target_types = wordset("roles", "home_target_types")
    starts = [m.start for m in doc.mentions]

    def as_state(m: ActorMention | None) -> ActorMention | None:
        """A state body named by its function ("the Justice Department") as its state (roles.state_body)."""
        if m is None:
            return None
        k = bisect.bisect_left(starts, m.start) - 1
        before = doc.mentions[k] if k >= 0 else None
        if before is not None and not _ADJACENT.fullmatch(doc.text[before.end : m.start]):
            before = None
        return roles.state_body(m, before, home)

    for c in doc.candidates:
        c.source, c.target = as_state(c.source), as_state(c.target)
        own = c.source.country if c.source is not None else ""  # the doer's country before the article's is lent
        if home:
            c.source, c.target = _at_home(c.source, home), _at_home(c.target, home)
        for m in (c.source, c.target):
            firm = roles.firm_country(m) or _staff_country(m)
            if firm and firm != m.country:
                # "BP" in a story about the Gulf of Mexico: the United States where it acts, and Britain, its home
                c.partners = [*c.partners, roles.state_mention(m.start, m.end, m.text, firm, "firm")]
        known = {id(m) for m in c.partners}
        states = roles.clause_states(doc.tokens[c.s], c.clause, c.cue, c.actors)
        c.partners = c.partners + [m for m in states if id(m) not in known]
        if home and c.target is None and c.cue.event_type in place_types:
            # no one acted upon: the happening takes place in the article's country
            cue_tok = doc.tokens[c.s][c.cue.i]
            where = roles.state_mention(cue_tok.start, cue_tok.end, cue_tok.text, home, "place")
            if home == place and c.kind == "verb" and c.cue.event_type in target_types and own != home:
                c.target = where
            else:
                c.partners.append(where)
    return doc


_ADJACENT = re.compile(r"\s*(?:['’]s)?\s*")  # between a state and the body it qualifies ("U.S. Justice Department")


def _home_country(mentions: list[ActorMention], majority: bool = False) -> str:
    """The country the article is about: the one at least half of its mentions with a country name, else the
    first named of those named most; with `majority`, only one that more than half of them name."""
    counts = collections.Counter(m.country for m in mentions if m.country and not m.actor_id.startswith("org:learned-"))
    if not counts:
        return ""
    country, n = counts.most_common(1)[0]
    if majority:
        return country if 2 * n > sum(counts.values()) else ""
    if 2 * n >= sum(counts.values()):
        return country
    # no majority: the first named of the most named, the way a story opens on its own country
    return next(c for c, k in counts.items() if k == n)


def _staff_country(m: ActorMention | None) -> str:
    """The home country of the company a person is named after ("BP chairman Carl-Henric Svanberg": Britain,
    extract/data/gazetteer/companies.csv), which joins the event's countries as the company's own does; else
    ""."""
    words = roles.post_words(m)
    firms = load_gazetteer().firm_countries
    return next((firms[n] for k in range(len(words), 0, -1) if (n := " ".join(words[:k])) in firms), "")


def _at_home(m: ActorMention | None, home: str) -> ActorMention | None:
    """A name or group with no country of its own takes the article's country ("paramedic Martin Blount" in
    a story about Los Angeles, "Rebels in Misrata" in one about Libya)."""
    if m is None or m.country or m.type not in ("name", "group", "person", "organization"):
        return m
    if m.type == "organization" and not m.actor_id.startswith("org:learned-"):
        return m  # an international body
    if m.type == "person" and m.actor_id in load_gazetteer().actors:
        return m  # a gazetteer person with no country serves an international body (the UN secretary-general)
    return replace(m, country=home)


# dating --------------------------------------------------------------------------------------------


_QUOTES = frozenset({'"', "“", "”"})


def _background(tokens: list[Token], clause: Clause, reading: mode.Reading, cue: Cue) -> bool:
    """True when the undated clause states a standing fact rather than one happening. A relative clause after the
    verb is left out ("said BP must meet its obligations to those whose lives have been disrupted"), and so is a
    clause joined after it with its own subject and auxiliary ("... have now arrived and relief efforts are
    continuing")."""
    if is_speech_act(cue) and _performative(tokens, clause, cue):
        return False  # '"We urge people to ...," she said': said in the present, done as it is said
    relative = wordset("clauses", "relative")
    # a relative clause or a quotation after the verb is left out: "... the Coast Guard " to address the impacts
    # of one of the most intense hurricanes ever recorded ."
    end = next(
        (k for k in range(cue.j, clause.i1) if tokens[k].lower in relative or tokens[k].text in _QUOTES), clause.i1
    )
    # ... and so is a clause joined after it with a subject and an auxiliary of its own ("experts have now arrived
    # and relief efforts are continuing": the relief goes on, the arrival is one happening)
    joins, aux = wordset("mode", "background_joins"), wordset("mode", "be") | wordset("mode", "have")
    end = next(
        (
            k
            for k in range(cue.j, end)
            if tokens[k].lower in joins and any(tokens[q].lower in aux for q in range(k + 2, min(end, k + 5)))
        ),
        end,
    )
    if is_speech_act(cue):
        end = cue.j  # what is vowed or urged is the content: "vowed to continue its battle" is said once
    words = [t.lower for t in tokens[clause.i0 : end]]
    if clause.i0 < cue.i <= end and tokens[cue.i - 1].lower == "been" and not tokens[cue.i].lower.endswith("ing"):
        # "has been withdrawn from auction": a passive present perfect tells one happening, not a state
        words[cue.i - 1 - clause.i0] = ""
    markers = wordset("mode", "background")
    if not reading.present:
        markers = markers - wordset("mode", "background_present_only")
    if reading.perfect and is_speech_act(cue) and cue.event_type in wordset("mode", "repeated_types"):
        # "US lawmakers have repeatedly accused BP of ...": accusations made of late, one verbal conflict of the month
        # (not "has repeatedly vowed to destroy Israel", a standing stance)
        markers = markers - wordset("mode", "repeated_markers")
    if any(w in markers for w in words):
        return True
    joined = " " + " ".join(words) + " "
    joined = _recent_span().sub(" ", joined)  # "over the past day", "in the last 24 hours": no standing state
    if any(" " + p + " " in joined for p in cue_lists()["mode"]["background_phrases"]):
        return True
    return reading.present and not (is_speech_act(cue) and cue.form == "s")


@functools.cache
def _recent_span() -> re.Pattern[str]:
    """ "over the past" / "in the last" and a word of [mode].recent_spans, between spaces: one day's span of
    happenings ("struck 50 targets over the past day"), not the background the phrase tells otherwise."""
    recent = "|".join(re.escape(w) for w in sorted(wordset("mode", "recent_spans")))
    return re.compile(r" (?:over|in|during) the (?:past|last) (?:" + recent + r") ")


def _performative(tokens: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when "We"/"I" right before the verb of a speech act open the clause: the speaker does what the verb
    says by saying it ("We urge people", "I condemn")."""
    words = [k for k in range(clause.i0, cue.i) if tokens[k].text[:1].isalnum()]
    return len(words) == 1 and tokens[words[0]].lower in wordset("mode", "first_person")


@functools.cache
def _overnight_phrases() -> dict[str, list[list[str]]]:
    """The words of each [dating].overnight phrase, by its first word."""
    out: dict[str, list[list[str]]] = {}
    for p in wordset("dating", "overnight"):
        out.setdefault(p.split()[0], []).append(p.split())
    return out


def _overnight(toks: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Token span of "overnight" or "through the night" as an adverb among toks[lo:hi] ([dating].overnight; not
    before a noun of [dating].overnight_not_before: "overnight rates"), else None."""
    phrases = _overnight_phrases()
    for k in range(lo, hi):
        for words in phrases.get(toks[k].lower, ()):
            n = len(words)
            if k + n <= hi and all(toks[k + q].lower == words[q] for q in range(n)):
                nxt = toks[k + n].lower if k + n < len(toks) else ""
                if nxt not in wordset("dating", "overnight_not_before"):
                    return k, k + n
    return None


def _night_of(toks: list[Token], c: Candidate) -> tuple[int, int] | None:
    """The span of the "overnight" (_overnight) dating a verb candidate told as done (a simple past or a perfect:
    "said it had shot down 20 drones overnight"): in its clause, and not after a verb of saying that follows the
    cue ("thanked the allies and said ... overnight" is not the thanks' night); else None."""
    if c.kind != "verb" or c.reading.mode not in ("actual", "statement", "negated") or c.reading.present:
        return None
    span = _overnight(toks, c.clause.i0, c.clause.i1)
    if span is None or any(roles.says(toks, j) for j in range(c.cue.j, span[0])):
        return None
    return span


def _past(reading: mode.Reading) -> bool:
    """A simple-past happening: not present, not present perfect, not future."""
    return reading.mode in ("actual", "statement", "negated") and not reading.present and not reading.perfect


def _span_before_main(toks: list[Token], clause: Clause) -> int | None:
    """Days from the main clause's day to the happening of a clause opened, after a comma, by a span of days or
    weeks and "after" or "before" ("..., a day after Iran struck": -1; ", two weeks before the vote": +14; ",
    hours after": 0); None for a clause opened otherwise, or by a span of months or years."""
    if clause.i0 == 0 or toks[clause.i0 - 1].text != ",":
        return None
    k = span_subordinator(toks, clause.i0, clause.i1)
    days = _span_days(toks, clause.i0, k) if k > 0 else None
    return None if days is None else -days


def _span_days(toks: list[Token], i0: int, k: int) -> int | None:
    """The days that the span from token i0 to the "after" or "before" at k tells, "after" counting forward ("a
    day after": 1, "two weeks before": -14, "hours after": 0); None for a span of months or years or one that does
    not say how many ("days after", "several weeks before")."""
    unit = toks[k - 1].lower
    days = {"day": 1, "days": 1, "week": 7, "weeks": 7}.get(unit)
    if days is None:
        same_day = unit in ("hour", "hours", "minute", "minutes", "shortly", "soon", "just")
        return 0 if same_day else None
    if k - 1 > i0:
        n = int(number_value(toks[k - 2].text) or 0)  # "a day", "two weeks", "3 days"; "several days": none told
    else:
        n = 0 if unit.endswith("s") else 1  # "days after": how many is not told; "day after" is one
    if not n:
        return None
    return n * days if toks[k].lower == "after" else -n * days


def _had_done_after(toks: list[Token], clause: Clause, c: Candidate, opening: tuple[int, int] | None) -> bool:
    """A past perfect after a sentence's opening span ("Two weeks before the attack, Israel had struck ..."): the
    opening says how long before the day told it happened."""
    r = c.reading
    return (
        opening is not None
        and c.cue.i > opening[0]
        and r.mode in ("actual", "negated")
        and r.perfect
        and not _present_perfect(toks, clause, c.cue.i)
    )


def _opening_span(toks: list[Token]) -> tuple[int, int] | None:
    """(index of the comma that ends it, days) for a sentence opened by a span of days and "after" or "before"
    ("Two days after the coup, the junta closed the borders": 2; "A week before the vote, ...": -7): the main
    clause happened that many days from the happening the opening names, which the day the opening gives, or else
    the day the story was telling about, dates. None for any other opening."""
    k = span_subordinator(toks, 0, len(toks))
    if k < 0:
        return None
    comma = next((j for j in range(k + 1, min(len(toks), k + 12)) if toks[j].text == ","), None)
    days = _span_days(toks, 0, k) if comma is not None else None
    return None if days is None else (comma, days)


def _told_past(toks: list[Token], clause: Clause, c: Candidate) -> bool:
    """A happening told in the simple past (_past), or a promise made in it: a future the cue's own past verb
    gives, with no modal before it ("Berlin also promised more air defence systems": promised that day, for later)."""
    if _past(c.reading):
        return True
    r = c.reading
    if r.mode != "future" or r.passive or r.perfect or c.cue.form != "past" or not past_form(toks[c.cue.i].text):
        return False
    return not any(toks[k].lower in wordset("mode", "future") for k in range(max(clause.i0, c.cue.i - 3), c.cue.i))


def _present_perfect(tokens: list[Token], clause: Clause, i: int) -> bool:
    """The perfect's auxiliary before the cue word i is "has"/"have", not "had"."""
    for k in range(i - 1, max(clause.i0, i - 5) - 1, -1):
        w = tokens[k].lower
        if w in ("has", "have", "'ve", "’ve"):
            return True
        if w in ("had", "'d", "’d"):
            return False
    return False


def _held_by_others(
    toks: list[Token], clauses: list[Clause], cues: list[Cue], clause: Clause, cue: Cue, dated: set[int] = frozenset()
) -> list[tuple[int, int]]:
    """Character spans where a date belongs to another happening of the sentence than `cue`'s (dating.govern):
    another clause holding a cue, from the last comma before its first cue ("On Friday, 11 weeks after the
    well was capped July 15": not "On Friday"), the three words right after another cue ("was capped July
    15") and, for a material deed, after a verb of saying before it ("said on Wednesday that Ukraine fired")."""
    spans = []
    for o in clauses:
        first = next((q.i for q in cues if o.i0 <= q.i < o.i1), None)
        if o != clause and first is not None:
            start = next((k + 1 for k in range(first - 1, o.i0 - 1, -1) if toks[k].text == ","), o.i0)
            spans.append((toks[start].start, toks[o.i1 - 1].end))
    for q in cues:
        if q.i != cue.i and q.j < len(toks) and q.i not in dated:  # `dated`: nouns with a date of their own
            spans.append((toks[q.j].start, toks[min(q.j + 3, len(toks)) - 1].end))
    if cue.quad_class.startswith("material"):
        # a material deed's report: "the ministry said on Wednesday that Ukraine fired missiles on Tuesday"
        for k in range(clause.i0, min(cue.i, len(toks) - 1)):
            if roles.says(toks, k):
                spans.append(_after_saying(toks, k))
    return spans


_DETERMINED = re.compile(r"(?:^|\s)(?:the|a|an|this|that|last|its|their)\s*$", re.IGNORECASE)


def _noun_dates(
    text: str, toks: list[Token], timexes: list[Timex], cues: list[Cue], cue: Cue
) -> dict[int, tuple[int, int]]:
    """Token index of another cue's noun -> character span of a date written as its modifier ("the architect of
    the October 7 attack", "praised Monday's sanctions on Tuesday"): that date is the noun's, so another date is
    preferred (dating.govern), and the words after the noun are not its."""
    starts = [t.start for t in toks]
    out = {}
    for tx in timexes:
        k = bisect.bisect_left(starts, tx.end)
        while k < len(toks) and not toks[k].text[:1].isalnum() and toks[k].text not in ("'s", "’s"):
            k += 1
        if k < len(toks) and toks[k].text in ("'s", "’s"):
            k, determined = k + 1, True
        else:
            determined = text[tx.end : tx.end + 2] in ("'s", "’s") or bool(
                _DETERMINED.search(text[max(0, tx.start - 8) : tx.start])
            )
        if determined and any(q.i == k and q.i != cue.i for q in cues):
            out[k] = (tx.start, tx.end)
    return out


def _possessive_of_another(text: str, toks: list[Token], tx: Timex, cue: Cue) -> bool:
    """True for a date in the possessive after the cue and a preposition ([dating].possessive_after) that
    qualifies a noun other than the cue ("ordered an investigation into Friday's fire", "help the survivors of
    Tuesday's earthquake"): the noun's date, not the happening's."""
    if text[tx.end : tx.end + 2] not in ("'s", "’s") or tx.start <= toks[cue.i].start:
        return False
    k = bisect.bisect_left([t.start for t in toks], tx.start)  # the date's first token
    return 0 < k and cue.i < k - 1 and toks[k - 1].lower in wordset("dating", "possessive_after")


def _attributive_date(text: str, toks: list[Token], tx: Timex, cue: Cue) -> bool:
    """True for a date written as a modifier of a noun that is not the cue ("would suspend the 2018 military
    agreement", "quit the 2015 nuclear deal"): after a determiner and before a word of the noun phrase, it dates
    that noun, not the happening; not a happening noun's date before the cue, the subject's own ("The 1988
    bombing killed 270 people"; a cue noun's own date, "the July 26 coup", is _noun_dates')."""
    if text[tx.end : tx.end + 2] in ("'s", "’s") or not _DETERMINED.search(text[max(0, tx.start - 8) : tx.start]):
        return False
    k = bisect.bisect_left([t.start for t in toks], tx.end)
    if k >= len(toks) or not toks[k].text.isalpha() or cue.i in range(k, k + 3):
        return False
    word = toks[k].lower
    if word in function_words() or word in plover.modifier_ends():
        return False
    if k > cue.i:
        return True  # "would suspend the 2018 military agreement"
    # a subject happening's own day: "The 1988 bombing of Pan Am flight 103 killed 270 people", "An April 20
    # explosion killed 11 workers"
    end = next((j for j in range(k, min(len(toks), k + 3)) if not toks[j].text.isalpha()), min(len(toks), k + 3))
    return not any(plover.noun_type(toks[j].lower) or plover.accident_noun(toks[j].lower) for j in range(k, end))


def _bounded(text: str, timexes: list[Timex], s_start: int, span: tuple[int, int]) -> bool:
    """True when the clause holds a bound ("since January 5", "until May"): it tells of a span of time."""
    return any(
        span[0] <= tx.start < span[1]
        and tx.type in ("DATE", "TIME")
        and dating.period(tx.value) is not None
        and not dating.governs(text, tx, s_start)
        for tx in timexes
    )


def date_candidates(doc: ArticleDoc) -> ArticleDoc:
    """The period of each candidate (dating.py): the date expression governing its clause; else, for an
    undated verb candidate that is no background, the day the sentences before were telling about (a simple
    past, settings.narrative), the day a story dated only by its day is about (dating.story_day) or the
    publication day (flagged); its month for a present perfect past the lead, an unreported past perfect (before
    the time told of), a plan no one in the sentence is said to announce ("The concert will raise money": later,
    on a day not given) or a claim held in the present. Dates off the table's range date nothing."""
    text, settings, article = doc.text, doc.settings, doc.article
    pub = dating.publication(article.published)
    tx_starts: list[int] = []
    told: dict[int, Timex | None] = {}

    def told_day(n: int) -> Timex | None:
        """The day the sentences before sentence n were telling about (dating.narrative), once per sentence."""
        if n not in told:
            if not tx_starts:
                tx_starts.extend(t.start for t in doc.timexes)
            told[n] = dating.narrative(text, doc.timexes, tx_starts, doc.sentences, n, article.published_date)
        return told[n]

    # the story's lead: its present perfect is the day's news ("Biden has approved ..."), dated as published
    lead = next((n for n, s in enumerate(doc.sentences) if s.kind == "body"), -1)
    # the day the story is about, when its lead names one before a publication known only by its date ("was in
    # doubt last night" in a story dated the next day: the date may be the day it was filed or archived)
    story = (
        dating.story_day(text, doc.timexes, doc.sentences, article.published_date)
        if settings.narrative and article.published_precision == "day"
        else None
    )
    kept: list[Candidate] = []
    for c in doc.candidates:
        toks, clause, s_start = doc.tokens[c.s], c.clause, doc.sentences[c.s].start
        clause_span = (toks[clause.i0].start, toks[clause.i1 - 1].end)
        timexes = c.timexes
        inside = _relative_before(toks, doc.clauses[c.s], clause, c.cue) if c.kind == "verb" else None
        if inside is not None:
            # "Dudley, who takes over on 1 October, met the board": the relative clause's day is not the meeting's
            timexes = [tx for tx in timexes if not inside[0] <= tx.start < inside[1]]
        opening = _opening_span(toks)
        if opening is not None and c.cue.i < opening[0]:
            opening = None  # the happening the opening names is dated as it is
        # (a date of the noun an opening span counts from is the one to count from: "Two days after the July 26
        # coup, ...")
        opening_end = toks[opening[0]].start if opening is not None else -1
        timexes = [
            tx
            for tx in timexes
            if not _possessive_of_another(text, toks, tx, c.cue)
            and (tx.start < opening_end or not _attributive_date(text, toks, tx, c.cue))
        ]
        noun_dates = _noun_dates(text, toks, timexes, doc.cues.get(c.s, []), c.cue)
        others = _held_by_others(toks, doc.clauses[c.s], doc.cues.get(c.s, []), clause, c.cue, set(noun_dates))
        others += list(noun_dates.values())
        tx = dating.govern(text, timexes, s_start, clause_span, toks[c.cue.i].start, others)
        if (
            tx is not None
            and not clause_span[0] <= tx.start < clause_span[1]
            and _bounded(text, timexes, s_start, clause_span)
        ):
            continue  # "Since January 5, Russia has shelled Kharkiv, and on Monday ...": a span, not Monday's happening
        night = _night_of(toks, c) if pub is not None else None
        if night is not None and (tx is None or not clause_span[0] <= tx.start < clause_span[1]):
            date_text = text[toks[night[0]].start : toks[night[1] - 1].end]  # "overnight", "through the night"
            per, from_pub = dating.night_before(pub), False
        elif tx is not None:
            per, date_text, from_pub = dating.period(tx.value), tx.text, False
            shift = _span_before_main(toks, clause) if not clause_span[0] <= tx.start < clause_span[1] else None
            if opening is not None and tx.start < opening_end:
                shift = opening[1]  # "Two days after the July 26 coup, the junta closed ...": July 28
            if shift is not None and per is not None and per.precision == "day":
                per = dating.days_from(per, shift)  # "..., on Thursday, a day after Iran struck": Wednesday
        elif c.kind != "verb" or _background(toks, clause, c.reading, c.cue):
            continue  # a standing fact, not one happening (a noun candidate is dated by its own day or not at all)
        elif (
            settings.narrative
            and (_told_past(toks, clause, c) or _had_done_after(toks, clause, c, opening))
            and (day := told_day(c.s)) is not None
        ):
            per, date_text, from_pub = dating.period(day.value), day.text, False  # the day the story is telling
            if opening is not None and per is not None and per.precision == "day":
                per = dating.days_from(per, opening[1])  # "Two days after the coup, ..." told after the coup's day
        elif story is not None and story[0] < c.s and _told_past(toks, clause, c):
            per, date_text, from_pub = dating.period(story[1].value), story[1].text, False  # the story's day
        elif pub is None:
            continue
        elif c.s != lead and c.reading.perfect and _present_perfect(toks, clause, c.cue.i):
            per, date_text, from_pub = dating.month_of(pub), "", True  # "has launched": recent, day unknown
        elif c.reading.perfect and not _present_perfect(toks, clause, c.cue.i) and not _reported(toks, c):
            per, date_text, from_pub = dating.month_of(pub), "", True  # "had ordered": before the telling, day unknown
        elif (
            c.reading.mode in ("future", "hypothetical")
            and not _said_in(toks, c)
            and _overnight(toks, clause.i0, clause.i1) is None  # "will attack Kyiv overnight": tonight
        ):
            per, date_text, from_pub = dating.month_of(pub), "", True  # "will raise money": later, day unknown
        elif mode.claimed_now(toks, clause.i0, c.cue.i):
            per, date_text, from_pub = dating.month_of(pub), "", True  # "prosecutors argue": a position, no one day
        else:
            per, date_text, from_pub = pub, "", True
        if per is None or not dating.on_timeline(per):
            continue  # e.g. "the treaty of 1648": background far outside the news timeline
        c.period, c.date_text, c.date_from_publication = per, date_text, from_pub
        kept.append(c)
    doc.candidates = kept
    return doc


# topics, rows, merge -------------------------------------------------------------------------------


def find_topics(doc: ArticleDoc) -> ArticleDoc:
    """Topic ids of each candidate from its sentence's words and its type (topics.py, extract/data/topics.toml)."""
    for c in doc.candidates:
        c.topics = topics_for(doc.tokens[c.s], c.cue.event_type)
    return doc


def rate_candidates(doc: ArticleDoc) -> ArticleDoc:
    """Each candidate's confidence: how likely an analyst would mark it as a happening (confidence.py, a
    logistic regression fitted on the real-news gold's dev split)."""
    return confidence.rate(doc)


def _machine_accident(c: Candidate, armed: bool) -> bool:
    """True for a verb of accident whose subject is the thing it befell ([nonevent].accident_verbs: "the
    Deepwater Horizon rig exploded", "his car engine blew up"), kept as an assault by that thing with no person
    undergoing it, in a story that names no weapon or war (plover.violent_text: there a car that explodes may
    be a bomb)."""
    return (
        not armed
        and c.cue.event_type == "ASSAULT"
        and not c.rule_type  # the rules' reading, which the classifier kept
        and c.cue.phrase in wordset("nonevent", "accident_verbs")
        and (c.target is None or c.target.type != "person")
    )


def make_rows(doc: ArticleDoc) -> ArticleDoc:
    """One events-table row per candidate (rows.py); rows under settings.min_confidence are dropped, and so are
    rows that name no one (_names_someone)."""
    floor = doc.settings.min_confidence
    armed = plover.violent_text(doc.text.lower())
    doc.rows = [
        r
        for c in doc.candidates
        if (r := build_row(doc, c))["confidence"] >= floor
        and _names_someone(r, armed, c.target is not None and c.target.type == "person")
        and not _trip_of_no_one(r, c)
        and not _machine_accident(c, armed)
        and not _danger_of_no_one(r, c)
    ]
    if not doc.rows:
        doc.note = "no clause pairs an action with an actor and a date"
    return doc


def _danger_of_no_one(row: dict, c: Candidate) -> bool:
    """True for a row whose own cue is of a type that needs a doer ([rows].need_a_doer) and that names no source:
    "The spill is threatening to eclipse the Exxon Valdez leak", "the slick threatens three states", "Of all the
    threatened states" tell a danger, no threat. A warning the rules read from a conditional ("said they could use
    force if the deadline was ignored", c.rule_type set) stays: its speaker may only be left unread."""
    return not row["source_actor"] and row["event_type"] in wordset("rows", "need_a_doer") and not c.rule_type


def _trip_of_no_one(row: dict, c: Candidate) -> bool:
    """True for a visit or a meeting ([rows].need_a_visitor) that names no one who went, only the place gone to
    ("adults who had visited Mexico", "people had visited Thailand on holidays"): travel, not diplomacy."""
    return (
        not row["source_actor"]
        and row["event_type"] in wordset("rows", "need_a_visitor")
        and c.target is not None
        and c.target.type in _PLACE_TYPES
    )


def _names_someone(row: dict, armed: bool, undergone: bool) -> bool:
    """False for a row that names no one: of a type that needs a party ([rows].need_a_party: a meeting or visit)
    with neither a source nor a target ("Tuesday's meeting was part of ...", "people had visited Thailand"); of a
    type that needs a weapon when no doer is named ([rows].need_a_weapon) and no person undergoes it (`undergone`:
    "Prigozhin's jet crashed", "Michael Jackson died") in a story that names no weapon or war (plover.violent_text:
    "The explosion aboard the rig killed 11 workers", "oil would leak": an accident); of any
    other type but violence by unknown hands ([rows].actorless_types: "A bomb exploded in the market") with
    neither a source, a target nor a country ("Closing statements will begin on Thursday")."""
    etype = row["event_type"]
    if not row["source_actor"] and not armed and etype in wordset("rows", "need_a_weapon") and not undergone:
        return False
    if row["source_actor"] or row["target_actor"]:
        return True
    if etype in wordset("rows", "need_a_party"):
        return False
    return bool(len(row["countries"])) or etype in wordset("rows", "actorless_types")


def merge_happenings(doc: ArticleDoc) -> ArticleDoc:
    """One row per happening of the article (merge.py), when settings.merge."""
    if doc.settings.merge:
        doc.rows = merge_rows(doc.rows)
    return doc


# what the nouns and classify stages read: the article and its clauses, with the candidates so far
_CLAUSE_READS = (
    "article",
    "settings",
    "text",
    "sentences",
    "sentence_timexes",
    "tokens",
    "cues",
    "clauses",
    "candidates",
)

PIPELINE: tuple[Stage, ...] = (
    Stage("language", check_language, reads=("article",), writes=("text", "note")),
    Stage("sentences", find_sentences, reads=("article", "text"), writes=("sentences", "note")),
    Stage("timexes", tag_timexes, reads=("article", "text", "sentences"), writes=("timexes", "sentence_timexes")),
    Stage("tokens", find_tokens, reads=("settings", "text", "sentences"), writes=("tokens",)),
    Stage("cues", find_event_cues, reads=("settings", "tokens", "sentence_timexes"), writes=("cues", "note")),
    Stage("clauses", find_clauses, reads=("tokens", "cues"), writes=("clauses",)),
    Stage(
        "actors",
        find_actor_mentions,
        reads=("article", "text", "sentences", "tokens", "cues"),
        writes=("mentions", "actors"),
    ),
    Stage(
        "mode",
        pick_predicates,
        reads=("settings", "text", "sentences", "sentence_timexes", "tokens", "cues", "clauses", "actors"),
        writes=("candidates",),
    ),
    Stage(
        "nouns",
        find_noun_events,
        reads=_CLAUSE_READS,
        writes=("candidates",),
    ),
    Stage(
        "classify",
        classify_clauses,
        reads=_CLAUSE_READS,
        writes=("candidates",),
    ),
    Stage(
        "names",
        learn_names,
        reads=("article", "settings", "text", "sentences", "tokens", "cues", "actors", "mentions", "candidates"),
        writes=("mentions", "actors"),
    ),
    Stage(
        "roles",
        assign_roles,
        reads=(
            "settings",
            "text",
            "sentences",
            "sentence_timexes",
            "tokens",
            "clauses",
            "mentions",
            "actors",
            "candidates",
        ),
        writes=("candidates",),
    ),
    Stage(
        "dating",
        date_candidates,
        reads=("article", "settings", "text", "sentences", "timexes", "tokens", "cues", "clauses", "candidates"),
        writes=("candidates",),
    ),
    Stage(
        "syntax",
        parse_roles,
        reads=("settings", "text", "sentences", "sentence_timexes", "tokens", "actors", "candidates"),
        writes=("candidates",),
    ),
    Stage(
        "countries",
        home_countries,
        reads=("settings", "text", "tokens", "mentions", "candidates"),
        writes=("candidates",),
    ),
    Stage("topics", find_topics, reads=("tokens", "candidates"), writes=("candidates",)),
    Stage("confidence", rate_candidates, reads=("sentences", "candidates"), writes=("candidates",)),
    Stage(
        "rows",
        make_rows,
        reads=("article", "settings", "text", "sentences", "tokens", "candidates"),
        writes=("rows", "note"),
    ),
    Stage("merge", merge_happenings, reads=("settings", "rows"), writes=("rows",)),
)


def run(doc: ArticleDoc, stages: tuple[Stage, ...] = PIPELINE) -> ArticleDoc:
    """Apply the stages in order; stop after the first one that sets doc.note."""
    for stage in stages:
        doc = stage(doc)
        if doc.note:
            break
    mode.forget_readings()  # the article's sentences are not read again
    return doc
