"""What the stages of the events pipeline pass along: the settings, one article's carrier, its candidates.

Settings   the knobs of extraction (a frozen dataclass; Settings() holds the defaults).
ArticleDoc one article on its way through the stages of extract/events/stages.py: every stage reads some
           of its fields and fills others (the PIPELINE table there says which).
Candidate  one happening the stages are still deciding about: picked by the mode or nouns stage, given
           actors by roles, a date by dating, topics by topics, a confidence by confidence, and turned into a row
           by rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.actors import ActorMention
from extract.events.clauses import Clause
from extract.events.dating import Period
from extract.events.mode import Reading
from extract.events.plover import Cue
from extract.events.sentences import Sentence
from extract.events.tokens import Token
from extract.model import Article, Timex

if TYPE_CHECKING:  # extract.classify imports from this package
    from extract.classify import Scores

Placed = tuple[int, ActorMention]  # (token index in its sentence, mention)


@dataclass(frozen=True)
class Settings:
    """How events are extracted; the defaults are the project's measured choice."""

    keep_modes: tuple[str, ...] = ("actual", "statement", "future", "negated")  # modes that become rows
    merge: bool = True  # one row per happening of an article (merge.py)
    min_confidence: float = 0.0  # rows below it are dropped (confidence: a probability, confidence.py)
    noun_weight: float = 0.35  # cue weight of a happening named only by a dated noun (a verb is surer)
    noun_roles: bool = True  # noun-named happenings take the clause's actors as source and target
    actorless_dated: bool = True  # a clause with no actor is still an event when a day governs it
    narrative: bool = True  # an undated past clause takes the day the sentences before were telling about
    pronoun_lookback: int = 6  # actor mentions to look back over for the person "he"/"she" stands for
    summary_chars: int = 200  # longest summary before it is cut at a word and ends with "…"
    home_country: bool = True  # a name or group with no country takes the article's main country (if it has one)
    lone_openers: bool = True  # a lone sentence opener is a name only if capitalized in prose or a verb follows
    # Names spaCy's entity recognizer tags (PERSON, ORG) that the gazetteer does not know become actors: the "names"
    # stage reads `name_reach` words either side of each unknown capitalized word of a candidate's clause that holds
    # fewer than two known actors (needs the parser's model package; without it nothing changes). Figures:
    # extract/events/README.md, "Names the gazetteer does not know (session 29)".
    tagged_names: bool = True
    name_reach: int = 1
    syntax: bool = False  # roles from a dependency parse of trigger sentences (syntax.py; needs the parser)
    # The learned classifier (extract.classify; the classify stage of stages.py), chosen on the dev split of the
    # real-news gold, the own gold and Timeline17 dev (extract/classify/README.md, "In the events pipeline").
    # A threshold of 1.01: never.
    classifier: bool = True  # the classify stage runs (needs extract/classify/data/model.json, `make model`)
    classifier_type: float = 0.4  # a clause's type is the classifier's when its probability is at least this
    classifier_margin: float = 0.0  # ... and ahead of the rule type's probability by at least this
    classifier_drop: float = 0.5  # a clause the classifier calls no happening at least this sure is dropped
    classifier_mode: float = 0.0  # a clause's mode is the classifier's when its probability is at least this
    classifier_new: float = 0.9  # a clause with no candidate but a trigger becomes one at least this sure


DEFAULT_SETTINGS = Settings()


@dataclass(eq=False)
class Candidate:
    """A possible event: one cue in one clause of sentence `s` (an index into ArticleDoc.sentences)."""

    s: int
    clause: Clause
    cue: Cue
    reading: Reading
    kind: str  # "verb" (a cue of the clause, mode stage) or "noun" (a noun with a day attached, nouns stage)
    timexes: list[Timex]  # the expressions that may date it: its sentence's, or a noun's own day
    reacting: bool = False  # noun: a verbal cue before it says the subject only spoke of the happening
    actors: list[Placed] = field(default_factory=list)  # roles: the clause's actors, in token order
    source: ActorMention | None = None  # roles
    target: ActorMention | None = None  # roles
    period: Period | None = None  # dating
    date_text: str = ""  # dating: the words that gave the date ("" for the publication day)
    date_from_publication: bool = False  # dating
    topics: list[str] = field(default_factory=list)  # topics
    partners: list[ActorMention] = field(default_factory=list)  # syntax: actors coordinated with source/target
    needs_actor: bool = False  # roles: no actor found by word order; the syntax stage keeps it only if it finds one
    rule_type: str = ""  # classify: the rule cue's type when the classifier changed it ("" otherwise)
    rule_mode: str = ""  # classify: the rule reading's mode when the classifier changed it ("" otherwise)
    scores: Scores | None = None  # classify: what the classifier said of the clause (None: not scored)
    model_made: bool = False  # classify: a clause the rules gave no predicate, made a candidate by the classifier
    confidence: float = 0.0  # confidence: how likely an analyst would mark it as a happening (confidence.py)


@dataclass(eq=False)
class ArticleDoc:
    """One article and everything the stages found in it so far.

    The pipeline starts from `article` and `settings`; each other field is written by the stage that
    the PIPELINE table of stages.py names. Sentence-level fields are keyed by the sentence's index in
    `sentences`. A stage that finds nothing left to do sets `note` (why the article gives no event) and
    the pipeline stops there.
    """

    article: Article
    settings: Settings = DEFAULT_SETTINGS
    note: str = ""
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)  # the whole text's, in order
    sentence_timexes: list[list[Timex]] = field(default_factory=list)  # per sentence, parallel to sentences
    tokens: dict[int, list[Token]] = field(default_factory=dict)  # sentences that may hold a cue
    cues: dict[int, list[Cue]] = field(default_factory=dict)  # sentences kept: a cue, or a date and a noun
    clauses: dict[int, list[Clause]] = field(default_factory=dict)  # of the sentences in cues
    mentions: list[ActorMention] = field(default_factory=list)  # the whole text's actor mentions, in order
    actors: dict[int, list[Placed]] = field(default_factory=dict)  # mentions of each sentence in cues
    candidates: list[Candidate] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # the events table's rows


# Fields an ArticleDoc holds before the first stage runs.
INPUTS = ("article", "settings")
