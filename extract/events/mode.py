"""Mode of a cue in its clause: actual, statement, future, hypothetical or negated.

classify(tokens, clause, cue, speech_before) -> Reading, saying how the cue's verb is used:
  mode     - one of core.schema.MODES, or "" when the cue is not a predicate at all (a noun such as
             "a nuclear strike", a gerund, or an infinitive under a verb of wanting: "wanted to escalate");
  passive  - "was struck by": the subject is the one acted upon;
  perfect  - "has provided": a present-perfect (background unless a date governs it);
  present  - simple present ("supplies"): habitual unless a date governs it; an infinitive of purpose after a
             past form takes that deed's tense ("has restarted the appeal to help people": perfect, not present).
Rules: a negator just before the verb -> negated; will/shall -> future; could/might/may/should or a
conditional ("if") -> hypothetical; "would" after a verb of saying -> future, else hypothetical;
"to" + cue after a scheduling word ("plans to", "is set to") -> future, after a verb of wanting -> "";
a verb of saying earlier in the sentence with a present or future verb ("Moscow said Kyiv is massing
troops") -> statement, with a past one ("said it had opened a case") -> actual; a cue that is itself a
speech act ("accused", "warned", "praised"; plover.toml [speech_acts]) -> statement, and so is what a verb of
contested claim before it in the clause reports ([mode].claims: "testified that ...", "his lawyers argue ..."),
whatever its own tense, modal or negation; a speech act is a statement also as an -ing form right
after a noun of [mode].speech_nouns ("issued a statement praising ..."). A noun cue that is the object of a
support verb of [mode].support_verbs ("carried out raids", "made no arrests") reads as that verb does, and "no"
before it negates it; a plural noun cue opening its clause as a passive's subject ("Sanctions were imposed on
Russia by the EU") reads as that passive, unless the participle is a cue of its own ("Sanctions were
criticised by China").
"""

from __future__ import annotations

import functools
import itertools
from typing import NamedTuple

from extract.events._data import wordset
from extract.events.clauses import Clause, auxiliaries, finite_word
from extract.events.plover import (
    Cue,
    find_cues,
    in_force,
    irregular_pasts,
    is_speech_act,
    noun_passive,
    sum_word,
    support_verb,
    unchanged_pasts,
    verb_forms,
)
from extract.events.tokens import Token, hyphenated_word
from extract.vocabulary import past_form

_ADVERB_SKIP = frozenset(
    {
        '"',  # a quotation opening on the verb: 'is "seeking assurances"'
        "“",
        "”",
        "also",
        "already",
        "reportedly",
        "allegedly",
        "first",
        "now",
        "then",
        "just",
        "again",
        "later",
        "finally",
        "formally",
        "officially",
        "jointly",
        "immediately",
        "quickly",
        "recently",
        "previously",
        "apparently",
        "repeatedly",
        "publicly",
        "personally",
        "yet",
        "since",
        "once",
        "still",
        "ever",
        "long",
        "even",
        "both",
        "all",
        "each",
        "newly",
        "successfully",
        "effectively",
        "partially",
        "partly",
        "largely",
        "further",
    }
)


_NUMBERS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
        "hundred",  # "1.18 billion pounds", "two million barrels": a count before a noun
        "thousand",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "several",
        "many",
        "few",
    }
)


def count_word(word: str) -> bool:
    """True for a lower-case word of a count: a figure or a number word ("300", "two", "dozens")."""
    return word[:1].isdigit() or word in _NUMBERS


class Reading(NamedTuple):
    mode: str
    passive: bool = False
    perfect: bool = False
    present: bool = False


@functools.cache
def _governing_base() -> frozenset[str]:
    """Words right before a base form that govern it, so it is neither a simple present nor a past: the infinitive
    marker, the modals of [mode].future and .hypothetical_modals, "would", "did" and a negator ("to testify",
    "will argue", "did not claim")."""
    return wordset("mode", "future") | wordset("mode", "hypothetical_modals") | {"to", "would", "did", "not", "n't"}


def _contracted(word: str, after: str = "") -> str:
    """The auxiliary a contraction ends in, else the word: the tokenizer keeps "I'll" and "it's" as one word.
    "i'll", "they’ll" -> "'ll"; "we're" -> "are"; "we've" -> "have"; "i'm" -> "am"; a pronoun's "'s" ([mode]
    .contracting_subjects: "it's", not the possessive "Russia's") -> "has" before "been" or "got", else "is"; "'d"
    -> "had" before "been" or a word in -ed, else "would". `after` is the next word, lower case."""
    if "'" not in word and "’" not in word:
        return word  # (most words: no look further)
    word = word.replace("’", "'")
    if len(word) < 3 or "'" not in word[1:]:
        return word
    stem, _, end = word.rpartition("'")
    if end == "ll":
        return "'ll"
    if end == "re":
        return "are"
    if end == "ve":
        return "have"
    if end == "m" and stem == "i":
        return "am"
    if end == "s" and stem in wordset("mode", "contracting_subjects"):
        return "has" if after in ("been", "got") else "is"
    if end == "d" and stem in wordset("mode", "contracting_subjects"):
        return "had" if after == "been" or after.endswith("ed") else "would"
    return word


def auxiliary(tokens: list[Token], k: int) -> str:
    """tokens[k] as an auxiliary may be read: lower case and contracted (_contracted), except "May" written with a
    capital inside a sentence ("On May 6, Salazar announced", "Theresa May said"), a month or a name, never the modal
    (nothing, then)."""
    tok = tokens[k]
    if tok.text == "May" and k > 0 and tokens[k - 1].text not in _OPENING_MARKS:
        return ""
    return _contracted(tok.lower, tokens[k + 1].lower if k + 1 < len(tokens) else "")


_OPENING_MARKS = frozenset("\"“‘'(")


def _prev(tokens: list[Token], k: int, lo: int) -> int:
    """Index of the nearest token before k (>= lo) that is not an adverb of the skip list or another adverb in -ly
    ("is strongly endorsed by"); lo-1 if none."""
    k -= 1
    while k >= lo and (tokens[k].lower in _ADVERB_SKIP or _ly_adverb(tokens[k])):
        k -= 1
    return k


def _ly_adverb(t: Token) -> bool:
    """True for a lower-case word in -ly that is an adverb (not one of [mode].ly_not_adverbs: "family", "unlikely")."""
    w = t.lower
    return (
        len(w) > 4
        and w.endswith("ly")
        and t.text.islower()
        and w.isalpha()
        and w not in wordset("mode", "ly_not_adverbs")
    )


def claim_at(tokens: list[Token], lo: int, i: int) -> int:
    """Index of the first verb of contested claim ([mode].claims: "testified", "alleges", "argue") before the
    verb at i in its clause (from lo), else -1; a noun ("those claims", "his claim") is none."""
    claims, determiners = wordset("mode", "claims"), wordset("roles", "determiners")
    for k in range(lo, i):
        if tokens[k].lower in claims and tokens[k].text[:1].islower():
            prev = tokens[k - 1].lower if k > lo else ""
            if prev not in determiners and not prev.endswith(("'s", "’s")):
                return k
    return -1


def claimed(tokens: list[Token], lo: int, i: int) -> bool:
    """True when a verb of contested claim comes before the verb at i in its clause (claim_at): what follows
    is someone's claim, and the claim is the happening."""
    return claim_at(tokens, lo, i) >= 0


def claimed_now(tokens: list[Token], lo: int, i: int) -> bool:
    """True when the verb of contested claim before i, or at i (claim_at), is in the simple present ("the
    prosecution alleges", "defence lawyers argue"): a position held, not words said on one day."""
    k = claim_at(tokens, lo, i + 1)
    if k < 0 or tokens[k].lower.endswith("ed"):
        return False
    b = _prev(tokens, k, lo)
    return b < lo or _contracted(tokens[b].lower) not in _governing_base()


def _modified_after_preposition(tokens: list[Token], p: int, lo: int, cue: Cue) -> bool:
    """True when a plural -s form follows a preposition across up to three modifiers, names or [mode].adjectives
    ("was hit with new US sanctions", "protested against EU tariffs"): a noun, no verb."""
    if cue.form != "s" or p <= lo:
        return False
    k, names = p, 0
    while k > lo and p - k < 3:
        if tokens[k].lower in wordset("mode", "adjectives"):
            k -= 1
        elif tokens[k].text[:1].isupper() and tokens[k].text.isalpha() and names == 0:
            k, names = k - 1, 1  # one name: "US sanctions"; not "on Monday Britain sanctions"
        else:
            break
    return k < p and tokens[k].lower in wordset("roles", "prepositions") and tokens[k].lower != "to"


def _ends_object_of_preposition(tokens: list[Token], p: int, lo: int, cue: Cue) -> bool:
    """True when the cue word ends a noun phrase that a preposition and a determiner open, across up to three
    plain words or names, with punctuation or the sentence's end after it ("over bottles of beer in a north London
    bar.", "at the old fish market,"): no verb stands there."""
    j = cue.j
    if cue.form not in ("base", "s") or (j < len(tokens) and tokens[j].text[:1].isalnum()):
        return False
    determiners, prepositions = wordset("roles", "determiners"), wordset("roles", "prepositions")
    k = p
    for _ in range(3):
        if k <= lo or not tokens[k].text.isalpha() or tokens[k].lower == "to":
            return False  # "with its obligations to disarm": an infinitive
        if tokens[k].lower in determiners:
            b = _prev(tokens, k, lo)  # a demonstrative may be a conjunction: "in that case"
            demonstrative = tokens[k].lower in ("this", "that", "these", "those")
            return not demonstrative and b >= lo and tokens[b].lower in prepositions and tokens[b].lower != "to"
        k = _prev(tokens, k, lo)
    return False


def _modifier_after_determiner(tokens: list[Token], p: int, lo: int, cue: Cue) -> bool:
    """True when tokens[p] modifies the cue word as a noun after a determiner or a possessive "'s": an
    adjective ("its annual report", "BP's internal probe"), a singular noun before a base form ("the phone call
    on Saturday", "the oil spill has", "the oil spill site": a singular subject would take "calls"; with an object
    after it only when the form is no past too and the noun no collective that takes a plural verb), or a name
    before a base form followed by no object or by another verb's auxiliary ("the BP spill is gone", "the Gulf
    spill"). Not "the troops attack", "the Americans attack", "the army hit the town", "the police raid homes" nor
    "the United States would support" ([mode].adjectives, .adjective_endings, .plural_collectives)."""
    if p <= lo:
        return False
    word = tokens[p].lower
    nxt = tokens[cue.i + 1] if cue.i + 1 < len(tokens) else None
    no_object = nxt is None or not nxt.text[:1].isalnum() or nxt.lower in wordset("roles", "prepositions")
    singular_base = cue.form == "base" and not word.endswith("s")
    # a verb after a singular subject would take "-s": a base form with no object, or before an auxiliary, is a
    # noun ("the oil spill has linked ...")
    read_as_noun = singular_base and (no_object or nxt.lower in auxiliaries())
    if _name_word(tokens[p].text):
        if not read_as_noun:
            return False
    elif not (tokens[p].text.isalpha() and tokens[p].text.islower()):
        return False
    elif not (
        word in wordset("mode", "adjectives")
        or word.endswith(tuple(wordset("mode", "adjective_endings")))
        or read_as_noun
        # "the oil spill site", "the spill response": no past in the form ("the army hit the town"), and no
        # collective before it that takes a plural verb ("the police raid homes")
        or (
            singular_base
            and cue.phrase.split()[0] not in unchanged_pasts()
            and word not in wordset("mode", "plural_collectives")
            and word not in _governing_base()  # "the United States would support"
            and word not in auxiliaries()
        )
    ):
        return False
    b = _prev(tokens, p, lo)
    # over names and adjectives before it to the determiner: "a Russian missile strike", "the new US air raid"
    for _ in range(3):
        if b < lo or tokens[b].lower in wordset("roles", "determiners"):
            break
        if not (
            tokens[b].lower in wordset("mode", "adjectives") or _name_word(tokens[b].text) or hyphenated_word(tokens[b])
        ):
            break
        b = _prev(tokens, b, lo)
    # ... and over a sum: "a $20bn compensation fund"
    while b > lo and sum_word(tokens[b]):
        b = _prev(tokens, b, lo)
    if b < lo:
        return False
    before = tokens[b].lower
    return before in wordset("roles", "determiners") or before.endswith(("'s", "’s", "'"))


def _preposition_given(tokens: list[Token], i: int) -> bool:
    """True when "given" at tokens[i] is a preposition ("Given the collapse in prices", "but given the damage to",
    ", given the lack of"): it opens the sentence or follows one of [mode].given_after, and no pronoun object or
    particle of the verb follows ("and given him extra blood", ", given to the paper")."""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if not nxt or nxt in wordset("mode", "given_verb_next"):
        return False
    return i == 0 or tokens[i - 1].lower in wordset("mode", "given_after")


def compelled(tokens: list[Token], lo: int, cue: Cue) -> bool:
    """True when the cue verb follows "to" after a participle of compulsion after a form of "be", a few words
    allowed between ("BP was forced to suspend dividend payments", "was forced by the White House to suspend ...",
    "was compelled on Monday to agree", "were obliged to pay"): a deed done under pressure, a concession."""
    p = _prev(tokens, cue.i, lo)
    if p < lo or tokens[p].lower != "to":
        return False
    for g in range(p - 1, max(lo, p - 8) - 1, -1):
        if tokens[g].lower in wordset("mode", "compelled"):
            b = _prev(tokens, g, lo)
            return b >= lo and tokens[b].lower in wordset("mode", "be")
        if tokens[g].text in (",", ";") or tokens[g].lower == "to":
            return False
    return False


def _counted(tokens: list[Token], p: int, lo: int) -> bool:
    """True when tokens[p] is a number inside the clause's words, after a lower-case word ("reported 147 confirmed
    cases", "more than 27,000 abandoned wells"), not the clause's subject ("Thousands signed contracts")."""
    word = tokens[p].lower
    return count_word(word) and p > lo and tokens[p - 1].text.islower()


def _name_word(text: str) -> bool:
    """A capitalized word or initialism such as a demonym or a country's short name ("Russian", "US")."""
    return text[:1].isupper() and text.replace(".", "").isalpha()


@functools.cache
def _finite_forms(key: str) -> dict[str, str]:
    """The forms but the -ing of the verbs of [mode].`key` -> their form name ("began" -> "past")."""
    return {form: name for lemma in wordset("mode", key) for form, name in verb_forms(lemma).items() if name != "ing"}


def _onset_forms() -> dict[str, str]:
    """The forms of [mode].onset verbs ("began", "started", "resumed", "kept") -> their form name: an -ing cue right
    after one is told in its tense."""
    return _finite_forms("onset")


def _means_forms() -> dict[str, str]:
    """The forms of [mode].means verbs ("responded", "retaliated") -> their form name: an -ing cue after one and "by"
    is the deed it was done with, in its tense ("Hezbollah responded by firing rockets")."""
    return _finite_forms("means")


def _cessation_forms() -> dict[str, str]:
    """The forms of [mode].cessation verbs ("stopped", "ceased", "halts") -> their form name."""
    return _finite_forms("cessation")


def stopped(tokens: list[Token], lo: int, i: int) -> bool:
    """True when tokens[i] is an -ing word after a verb of stopping ([mode].cessation: "stopped sending weapons",
    "ceased firing rockets"), or that verb itself before one, and no negator denies the stopping ("won't stop
    firing" goes on)."""
    if i + 1 < len(tokens) and tokens[i].lower in _cessation_forms() and tokens[i + 1].lower.endswith("ing"):
        p = i
    else:
        p = _prev(tokens, i, lo)
        if not (tokens[i].lower.endswith("ing") and p >= lo and tokens[p].lower in _cessation_forms()):
            return False
    q = _prev(tokens, p, lo)
    return not (q >= lo and negating(tokens[q].lower))


def onset_past(word: str) -> bool:
    """True for a past form of a [mode].onset verb ("started", "began", "kept")."""
    return _onset_forms().get(word) == "past"


def called_off_by(tokens: list[Token], lo: int, cue: Cue) -> int:
    """Index of the verb that calls off the noun cue at tokens[cue.i], its object ([mode].calling_off: "cancelled
    a planned meeting", "postponed his visit"); -1 when there is none. Only meetings and visits ([mode].called_off
    types) are called off this way: cancelling sanctions lifts them."""
    if cue.event_type not in wordset("mode", "called_off_types"):
        return -1
    support = support_verb(tokens, lo, cue)
    return support.start if support is not None and support.off else -1


def refused_to(tokens: list[Token], lo: int, cue: Cue) -> bool:
    """True when the verb at tokens[cue.i] is the infinitive after a verb of refusing or failing ([mode].refused:
    "failed to clinch a full deal", "declined to sign"), or after "yet" or "unable" that a form of "be" or "have"
    governs ([mode].not_yet: "has yet to sign", "was unable to reach"): the happening did not take place."""
    p = _prev(tokens, cue.i, lo)
    if p < lo or tokens[p].lower != "to":
        return False
    if p - 2 >= lo and tokens[p - 1].lower in wordset("mode", "not_yet"):  # (_prev would skip "yet", an adverb)
        return tokens[p - 2].lower in wordset("mode", "be") | wordset("mode", "have")
    g = _prev(tokens, p, lo)
    return g >= lo and tokens[g].lower in wordset("mode", "refused")


def negating(word: str) -> bool:
    """True for a lower-case word that denies the verb after it ([mode].negators, or a contraction in "n't")."""
    return word in wordset("mode", "negators") or word.endswith("n't")


def modal_before(tokens: list[Token], lo: int, i: int) -> bool:
    """True when a modal of possibility or duty ([mode].hypothetical_modals, "would") stands in the four words before
    the verb at tokens[i], within its clause ("could threaten Gulf oil production", "can help them"), or "whether"
    before it in its clause with no comma between (in_question: "it was not clear whether Hayward took part",
    "questions about whether BP pumped enough cement"): told as possible or asked about, not as done."""
    modals = wordset("mode", "hypothetical_modals") | {"would", "'d"}
    return any(auxiliary(tokens, k) in modals for k in range(max(lo, i - 4), i)) or in_question(tokens, lo, i)


def conditioned(tokens: list[Token], lo: int, cue: Cue) -> bool:
    """True when a conditional word ([mode].conditional: "if", "unless") stands before the cue in its clause. A
    speech act it reaches only with no comma between: in "X will happen if it spreads, scientists warned today" the
    condition is part of what was said, and the warning was given. "As if", and "even if", "if anything", "whether or
    not" before a comma, set no condition on the verb ("Even if talks resume, Russia attacked Kyiv")."""
    conditional = wordset("mode", "conditional")
    speech = is_speech_act(cue)
    comma = False  # a comma stands between
    for k in range(cue.i - 1, lo - 1, -1):
        if tokens[k].text == ",":
            if speech:
                return False
            comma = True
        if tokens[k].lower in conditional:
            before = tokens[k - 1].lower if k > lo else ""
            after = [t.lower for t in tokens[k + 1 : k + 3]]
            if before == "as" or (comma and (before == "even" or after[:1] == ["anything"] or after == ["or", "not"])):
                continue  # "As if to prove the point", "Even if talks resume, Russia attacked": no condition on it
            return True
    return False


_CONDITION_REACH = 12  # words after the verb where the "if" of its condition may stand


def conditioned_after(tokens: list[Token], cue: Cue) -> bool:
    """True when a conditional word ([mode].conditional) follows the cue within _CONDITION_REACH words, before a
    semicolon, a colon or a quotation mark: "said it would send aid to Nepal if the floods spread" promises only
    on a condition. Not "as if", "even if"."""
    conditional = wordset("mode", "conditional")
    for k in range(cue.j, min(len(tokens), cue.j + _CONDITION_REACH)):
        if tokens[k].text in (";", ":", '"', "“", "”"):
            return False
        if tokens[k].lower in conditional and tokens[k - 1].lower not in ("as", "even"):
            return True
    return False


def in_question(tokens: list[Token], lo: int, i: int) -> bool:
    """True when "whether" stands before the verb at tokens[i] in its clause with no comma between ("it was not
    clear whether Hayward took part", "questions about whether BP pumped down enough cement to seal off the
    well"): what is asked about, not told as done."""
    for k in range(i - 1, lo - 1, -1):
        if tokens[k].text in (",", ";", ":"):
            return False
        if tokens[k].lower == "whether":
            return True
    return False


def unplanned(tokens: list[Token], lo: int, cue: Cue) -> bool:
    """True when the verb at tokens[cue.i] is the infinitive after a word of planning ([mode].scheduled) that a
    negator denies, within the three words before "to" ("is not planning to resign", "has no plans to visit",
    "was not going to send"): no plan of it."""
    p = _prev(tokens, cue.i, lo)
    if p >= lo and tokens[p].lower == "be":
        p = _prev(tokens, p, lo)  # "were not going to be deployed"
    if p < lo or tokens[p].lower != "to":
        return False
    window = [tokens[k].lower for k in range(max(lo, p - 3), p)]
    return any(w in wordset("mode", "scheduled") for w in window) and any(negating(w) for w in window)


def _subject_of_past(tokens: list[Token], cue: Cue, prev: str) -> bool:
    """True when a base or -s form stands right before a past form that is a cue, with no auxiliary or "to"
    before it: it is that verb's subject ("A Chinese coast guard ship rammed a vessel", "The strikes killed
    ten")."""
    aux = wordset("mode", "future") | wordset("mode", "hypothetical_modals") | wordset("mode", "negators")
    if cue.j >= len(tokens) or prev in aux or prev in ("to", "would", "did", "do", "does"):
        return False
    nxt = tokens[cue.j]
    if not (nxt.text.islower() and (past_form(nxt.text) or nxt.lower in irregular_pasts())):
        return False
    # that verb names the happening itself ("ship rammed"); "Protests broke out" keeps the noun's
    return any(q.i == cue.j and not q.dated_only for q in find_cues(tokens, cue.j, min(len(tokens), cue.j + 4)))


def _plural_coming_about(tokens: list[Token], clause: Clause, cue: Cue) -> bool:
    """True when a plural -s form is followed by a verb of coming about ([passive_nouns].in_force: "Protests erupted
    in Tbilisi", "Clashes broke out"): the noun is that verb's subject, no verb in the present."""
    return cue.form == "s" and tokens[cue.i].lower.endswith("s") and in_force(tokens, cue.j, clause.i1)


def _modifies_subject(tokens: list[Token], lo: int, cue: Cue, p: int) -> bool:
    """True when an uninflected cue word opens the clause and a lower-case noun after it is the subject of the
    verb that follows ("Protest leaders met the minister", "Riot police sealed off the square", "Aid workers have
    reached the town"): the cue word only modifies that noun. An order opening the clause takes an object
    after it instead ("Stop the war")."""
    if cue.form != "base" or p >= lo or cue.j != cue.i + 1 or cue.j + 1 >= len(tokens):
        return False
    noun, verb = tokens[cue.j], tokens[cue.j + 1]
    if not (noun.text.isalpha() and noun.text.islower()) or noun.lower in wordset("roles", "determiners"):
        return False
    if noun.lower in wordset("roles", "prepositions") or noun.lower in wordset("mode", "be"):
        return False
    return finite_word(verb)


def _passive_of(tokens: list[Token], clause: Clause, cue: Cue) -> int:
    """Index of the past participle whose passive subject the plural noun cue at tokens[cue.i] is ("Sanctions
    were imposed on Russia", "New curfews have been imposed", "Talks were held"), or -1. The noun opens its
    clause, after at most a determiner and modifiers; "be" (after "has/have/had" or a modal) follows it."""
    if not (cue.form == "noun" or (cue.form == "s" and tokens[cue.i].lower.endswith("s"))):
        return -1
    if any(not (tokens[k].text[:1].isalpha()) for k in range(clause.i0, cue.i)) or cue.i - clause.i0 > 3:
        return -1
    return noun_passive(tokens, cue.j, clause.i1)  # also after a phrase of scope: "Talks between X and Y were held"


def as_told(tokens: list[Token], lo: int, cue: Cue) -> Cue:
    """The cue as a past form when its word is a verb whose past is unchanged (plover.unchanged_pasts: "hit",
    "cut", "shut") with no infinitive marker, "do" or modal before it: in news "Russian missiles hit Kyiv" tells
    a past deed, not a habit. Other cues are returned unchanged."""
    if cue.form != "base" or tokens[cue.i].lower not in unchanged_pasts():
        return cue
    p = _prev(tokens, cue.i, lo)
    if p >= lo and _contracted(tokens[p].lower) in _governing_base() | {"do", "does"}:  # "do hit" is a present
        return cue
    return cue._replace(form="past")


def first_speech(tokens: list[Token], attribution: list[Clause]) -> int:
    """Index of the sentence's first verb of saying ([mode].speech, "according" aside) outside an attribution
    clause; len(tokens) when there is none. A cue has a speech verb before it (classify's speech_before) when this
    index is below the cue's."""
    speech = wordset("mode", "speech")
    return next(
        (
            k
            for k, t in enumerate(tokens)
            if t.lower in speech and t.lower != "according" and not any(c.i0 <= k < c.i1 for c in attribution)
        ),
        len(tokens),
    )


# Readings given lately, by (id of the token list, clause, cue, speech_before), each with its token list: the mode
# stage and the classifier's rule features (extract.classify.features) ask for the same readings of a sentence.
# At most _ENTRIES are kept; the events pipeline lets them go after each article (forget_readings).
_READINGS: dict[tuple[int, Clause, Cue, bool], tuple[list[Token], Reading]] = {}
_ENTRIES = 4096


def forget_readings() -> None:
    """Let go of the readings classify remembers, and of the token lists they hold."""
    _READINGS.clear()


def classify(tokens: list[Token], clause: Clause, cue: Cue, speech_before: bool) -> Reading:
    """How the cue at tokens[cue.i] reads in its clause (see module doc); remembered for the same token list (the
    lists of a sentence's tokens are never changed once made)."""
    key = (id(tokens), clause, cue, speech_before)
    known = _READINGS.get(key)
    if known is not None and known[0] is tokens:
        return known[1]
    reading = _read(tokens, clause, cue, speech_before)
    if len(_READINGS) >= _ENTRIES:
        _READINGS.clear()
    _READINGS[key] = (tokens, reading)
    return reading


def unfounded(tokens: list[Token], lo: int, i: int) -> bool:
    """True when the verb at tokens[i] is told after "no <noun> that" ([mode].unfounded_nouns: "found no evidence
    that gunmen had kidnapped", "no evidence to suggest that"), in its clause or one the "that" opens."""
    nouns, links = wordset("mode", "unfounded_nouns"), wordset("mode", "unfounded_links")
    for k in range(i - 1, max(0, i - 12), -1):
        if k < lo and tokens[k].lower != "that":
            return False
        if tokens[k].lower != "that":
            continue
        n = k - 1
        while n > 0 and tokens[n].lower in links:
            n -= 1
        # "no evidence", "no hard evidence"
        return tokens[n].lower in nouns and "no" in (tokens[n - 1].lower, tokens[n - 2].lower if n > 1 else "")
    return False


def attributive_participle(tokens: list[Token], lo: int, cue: Cue) -> bool:
    """True for a one-word past form (in a clause from lo) standing before a noun as its adjective, after a
    determiner, a word of quantity, a count or a preposition: "more confirmed cases", "the proposed deal", "27,000
    abandoned oil wells", "to accepted practice". It is no predicate (classify() reads no mode), and no trigger for
    the classifier either (stages._trigger)."""
    i = cue.i
    if cue.form != "past" or cue.j != i + 1:
        return False
    p = _prev(tokens, i, lo)
    prev = tokens[p].lower if p >= lo else ""
    determiners = wordset("roles", "determiners")
    prepositions = wordset("roles", "prepositions")
    if not (
        prev in determiners
        or prev in wordset("mode", "quantifiers")
        or _counted(tokens, p, lo)
        or (prev in prepositions and p == i - 1)  # "according to accepted industry practice"
    ):
        return False
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return (
        nxt.isalpha()
        and nxt.islower()
        and nxt not in prepositions
        and (nxt not in determiners or prev not in prepositions)  # "BP early on invited the major oil companies"
        and nxt not in wordset("nonevent", "after_participle")
        and nxt not in ("and", "or", "but")  # "250,000 injured and 1.5 million left homeless"
    )


def _read(tokens: list[Token], clause: Clause, cue: Cue, speech_before: bool) -> Reading:
    """classify(), worked out."""
    by = _passive_of(tokens, clause, cue)
    if by >= 0 and any(q.i == by for q in find_cues(tokens, by, min(len(tokens), by + 4))):
        return Reading("")  # "Sanctions were criticised by China": the criticism is the happening, not these
    if by >= 0:
        reading = classify(tokens, clause, cue._replace(i=by, j=by + 1, form="past"), speech_before)
        return reading._replace(passive=True) if reading.mode else reading
    support = support_verb(tokens, clause.i0, cue)
    if support is not None:
        reading = classify(
            tokens, clause, cue._replace(i=support.start, j=support.end, form=support.form), speech_before
        )
        if support.negated and reading.mode == "actual":
            return Reading("negated", reading.passive, reading.perfect)
        return reading
    lo = clause.i0
    i = cue.i
    p = _prev(tokens, i, lo)
    prev = _contracted(tokens[p].lower, tokens[p + 1].lower) if p >= lo else ""  # "it's sending": "is"
    if tokens[i].lower == "given" and _preposition_given(tokens, i):
        return Reading("")  # "But given past mishaps, officials muted their celebration": no one gave anything
    be = wordset("mode", "be")
    have = wordset("mode", "have")
    negators = wordset("mode", "negators")
    determiners = wordset("roles", "determiners")
    prepositions = wordset("roles", "prepositions")

    # Nouns: "a strike", "the attack", "of support", "Russia's attack" (the tokens keep "Russia's" whole; neither
    # "is" nor "has" comes before a base form).
    if cue.form in ("base", "s") and (
        prev in determiners
        or (prev in prepositions and prev != "to")
        or prev in ("'s", "’s", "'")
        or prev.endswith(("'s", "’s"))
        or count_word(prev)
        or (p >= lo and sum_word(tokens[p]))  # "a $7bn rescue"
        or _modifier_after_determiner(tokens, p, lo, cue)
        or _modified_after_preposition(tokens, p, lo, cue)
        or _ends_object_of_preposition(tokens, p, lo, cue)
        or _subject_of_past(tokens, cue, prev)
        or _modifies_subject(tokens, lo, cue, p)
        or _plural_coming_about(tokens, clause, cue)
    ):
        if in_force(tokens, cue.j, clause.i1):
            return Reading("actual")  # "Russia's attack on Ukraine began on 24 February 2022": the noun's verb
        return Reading("")
    if attributive_participle(tokens, lo, cue):
        return Reading("")  # "the proposed deal", "more confirmed cases": an adjective, no predicate
    cue = as_told(tokens, lo, cue)
    if cue.form == "past" and prev == "be" and (t := _prev(tokens, p, lo)) >= lo and tokens[t].lower == "to":
        # a passive infinitive ("are due to be deployed", "refused to be questioned") reads as its "to be"
        reading = classify(tokens, clause, cue._replace(i=p, j=p + 1, form="base"), speech_before)
        return reading._replace(passive=True) if reading.mode else reading
    passive = perfect = ongoing = standing = False
    done_before = False  # an infinitive of purpose after a past form ("sent troops to help")
    # Infinitive: "to strike".
    if prev == "to" and compelled(tokens, lo, cue):
        # "BP was forced to suspend dividend payments": made to do it, and it was done, in the tense of "be"
        mode, done_before = "actual", True
    elif prev == "to":
        g = _prev(tokens, p, lo)
        # Walk back over the infinitive's subject noun phrase to its governor ("used missiles to strike").
        window = [tokens[k].lower for k in range(max(lo, p - 6), p)]
        if refused_to(tokens, lo, cue):
            return Reading("negated")
        scheduled = wordset("mode", "scheduled")
        denied = unplanned(tokens, lo, cue)
        if g >= lo and tokens[g].lower in scheduled:
            return Reading("negated" if denied else "future")
        if cue.event_type in wordset("mode", "threat_types") and any(w in wordset("mode", "vows") for w in window[-3:]):
            return Reading("statement")  # "vowed to kill anyone involved": a threat made
        if any(w in wordset("mode", "willingness") for w in window[-3:]):
            return Reading("statement")  # "said it was ready to cooperate": declared willingness (tests/gold/README.md)
        if cue.event_type not in wordset("mode", "threat_types") and any(
            w in wordset("mode", "promise_verbs") for w in window[-3:]
        ):
            return Reading("future")  # "vowed on Monday to pay all clean-up costs", "pledged to rebuild": a promise
        if any(w in wordset("mode", "intent") for w in window):
            return Reading("")
        if any(w in wordset("mode", "refused") for w in window):
            return Reading("negated")
        if any(w in scheduled for w in window[-3:]):
            return Reading("negated" if denied else "future")
        mode = "actual"
        # A purpose after a done deed takes the deed's tense: "has restarted the appeal to help people" is no
        # standing present ("to help" alone reads as one), and a perfect deed stays perfect.
        for k in range(p - 1, max(lo, p - 7) - 1, -1):
            if past_form(tokens[k].text) or tokens[k].text in irregular_pasts():
                done_before = True
                b = _prev(tokens, k, lo)
                perfect = b >= lo and tokens[b].lower in have
                break
    elif cue.form == "ing":
        if prev in wordset("mode", "speech_nouns") and is_speech_act(cue):
            return Reading("statement")  # "issued a statement praising the rescuers": the statement does it
        if p < lo and clause.coordinated and is_speech_act(cue):
            return Reading("statement")  # "..., accusing Western countries of nuclear blackmail": the subject does it
        onset = _onset_forms().get(prev)
        if onset is not None:
            # "had started striking Hamas targets", "began shelling": told as the verb of onset is
            return classify(tokens, clause, cue._replace(i=p, j=p + 1, form=onset), speech_before)
        g = _prev(tokens, p, lo)
        if prev == "by" and g >= lo and (means := _means_forms().get(tokens[g].lower)) is not None:
            # "Hezbollah responded by firing rockets at Israel": the response is the firing, told as "responded" is
            return classify(tokens, clause, cue._replace(i=g, j=g + 1, form=means), speech_before)
        if prev in wordset("mode", "done_before_ing"):
            # "told reporters after meeting with state and federal prosecutors": a deed done before the main one
            return Reading("actual", False, False)
        if prev not in be and tokens[i].lower not in be:  # "is in talks with" (plover._standing_talks) goes on
            return Reading("")
        mode = "actual"
    else:
        # a negator between the auxiliary and the participle: "Cuba was not given aid", "was never invited"
        a = p
        while a >= lo and tokens[a].lower in negators:
            a = _prev(tokens, a, lo)
        if cue.form == "past" and a >= lo and auxiliary(tokens, a) in be and not tokens[i].lower.endswith("ing"):
            passive = True  # (not a word in -ing the classify stage made a trigger: "were not giving cause")
            ongoing = tokens[a].lower == "being"  # "their citizens were being unfairly confined"
            # "Dr Murray is charged with involuntary manslaughter": a present passive tells a standing state
            standing = auxiliary(tokens, a) in wordset("mode", "present_be")
        if prev in have or (prev in be and p - 1 >= lo and auxiliary(tokens, _prev(tokens, p, lo)) in have):
            perfect = True  # ("it's been sent": "has been")
        mode = "actual"
    if in_question(tokens, lo, i):
        return Reading("hypothetical", passive, perfect)  # "it was not clear whether Hayward took part"
    if claimed(tokens, lo, i):
        return Reading("statement", passive, perfect)  # "testified that Murray never mentioned ...": the claim
    if unfounded(tokens, lo, i):
        return Reading("negated", passive, perfect)
    # Words before the verb in the clause (nearest first), for modals and negation.
    window = [auxiliary(tokens, k) for k in range(i - 1, max(lo, i - 6) - 1, -1)]
    near = window[:4]
    # a negator before "that" is the governing verb's ("there is no doubt that rebels attacked"); a modal there
    # still reaches the verb ("it may be that ...")
    before_that = list(itertools.takewhile(lambda w: w != "that", near))
    if any(
        negating(w)
        and not (w == "not" and k and before_that[k - 1] in wordset("mode", "not_only"))
        and not (w == "without" and "," in before_that[:k])  # "Without warning, rebels attacked the town"
        for k, w in enumerate(before_that)
    ):
        return Reading("negated", passive, perfect)  # (not "will not only kill the grass but also the roots")
    if any(w in wordset("mode", "future") for w in near):
        return Reading("future", passive, perfect)
    if "would" in near:
        if (
            is_speech_act(cue)
            and i >= 2
            and tokens[i - 1].lower == "would"
            and tokens[i - 2].lower in wordset("mode", "first_person")
        ):
            return Reading("statement", passive, perfect)  # '"I would ask the media to respect our privacy"': asked
        if speech_before and cue.quad_class.endswith("cooperation") and conditioned_after(tokens, cue):
            # "said it would send aid if the floods spread": help on a condition ("would strike if attacked" is a
            # threat, its own type: the classify stage)
            return Reading("hypothetical", passive, perfect)
        return Reading("future" if speech_before else "hypothetical", passive, perfect)
    if any(w in wordset("mode", "hypothetical_modals") for w in near):
        return Reading("hypothetical", passive, perfect)
    if conditioned(tokens, lo, cue):
        return Reading("hypothetical", passive, perfect)
    present = (
        cue.form in ("s", "base")
        and not perfect
        and not passive
        and prev not in ("did", "does", "do")
        and not done_before
    ) or (standing and not perfect)
    if speech_before and (not (cue.form == "past" or perfect) or ongoing):
        # "Moscow said Kyiv is preparing ..." and "said their citizens were being confined" are claims; "said it had
        # opened a case" reports a done deed.
        return Reading("statement", passive, perfect, present)
    if is_speech_act(cue):
        return Reading("statement", passive, perfect, present)
    return Reading(mode, passive, perfect, present)
