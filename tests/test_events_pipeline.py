"""The events pipeline's shape: named stages whose declared reads and writes hold, and the settings they obey."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
import pickle

import pytest

from extract.events.doc import INPUTS, ArticleDoc, Settings
from extract.events.extract_one import article_events
from extract.events.pipeline import iter_events, load_inputs
from extract.events.stages import PIPELINE
from extract.model import Article

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIELDS = {f.name for f in dataclasses.fields(ArticleDoc)}


def _article(text: str, day: str = "2024-03-06", **kw) -> Article:
    return Article(id="t", text=text, published=dt.datetime.fromisoformat(day + "T12:00:00+00:00"), **kw)


# the declared contract -----------------------------------------------------------------------------


def test_stages_have_distinct_names_and_declare_real_fields():
    names = [st.name for st in PIPELINE]
    assert len(names) == len(set(names))
    for st in PIPELINE:
        assert st.writes, f"stage {st.name} writes nothing"
        assert set(st.reads) <= FIELDS and set(st.writes) <= FIELDS, st.name
        assert not set(st.writes) & set(INPUTS), f"stage {st.name} overwrites an input"


def test_every_stage_reads_only_what_an_earlier_stage_wrote():
    available = set(INPUTS)
    for st in PIPELINE:
        missing = set(st.reads) - available
        assert not missing, f"stage {st.name} reads {sorted(missing)} before any stage writes it"
        available |= set(st.writes)


def test_the_flow_runs_from_sentences_to_merge():
    names = [st.name for st in PIPELINE]
    order = ["sentences", "tokens", "cues", "clauses", "mode", "roles", "dating", "topics", "rows", "merge"]
    assert [n for n in names if n in order] == order


def test_the_readme_table_lists_the_stages_with_their_reads_and_writes():
    readme = (ROOT / "extract" / "events" / "README.md").read_text(encoding="utf-8")
    names = {st.name for st in PIPELINE}
    table = []
    for line in readme.splitlines():
        cells = [c.strip() for c in line.split("|")[1:-1]] if line.startswith("|") else []
        if cells and cells[0].strip("`") in names:
            reads, writes = (part.split(", ") for part in cells[1].split(" -> "))
            table.append((cells[0].strip("`"), tuple(reads), tuple(writes)))
    assert table == [(st.name, st.reads, st.writes) for st in PIPELINE]


# the contract holds when the stages run ----------------------------------------------------------


class _Watch:
    """Stands for an ArticleDoc inside one stage: records which fields the stage reads before writing
    them, and which it assigns."""

    def __init__(self, doc: ArticleDoc):
        object.__setattr__(self, "_doc", doc)
        object.__setattr__(self, "read", set())
        object.__setattr__(self, "assigned", set())

    def __getattr__(self, name: str):
        if name not in self.assigned:
            self.read.add(name)
        return getattr(self._doc, name)

    def __setattr__(self, name: str, value) -> None:
        self.assigned.add(name)
        setattr(self._doc, name, value)


EDGE_TEXTS = [
    "",  # no text
    "Der Bundestag hat am Montag ein neues Gesetz beschlossen, und die Regierung will es bald umsetzen und auch prüfen.",
    "Top Stories\nMarkets Rally As Oil Prices Slide\n",  # headline lines only
    "The weather was mild and the harvest was good this year.",  # no cue
    "Hamas said Monday's ceasefire with Israel would hold.",  # a noun with a day attached
    "Voters in Portugal elected a new parliament on Monday. The prime minister conceded defeat.",  # narrative day
    "Russian President Vladimir Putin spoke on television. On Monday he accused Ukraine of sabotage.",  # "he"
    "A bomb exploded in the market on Monday.",  # no actor, a day
    "If Washington allowed Kyiv to fire missiles, Moscow would strike NATO.",  # hypothetical only
]


def _docs() -> list[Article]:
    articles, _notes = load_inputs([str(ROOT / "data" / "articles" / "articles.jsonl")])
    assert len(articles) > 50
    return articles + [_article(t) for t in EDGE_TEXTS]


def _snapshot(doc: ArticleDoc) -> dict[str, bytes]:
    return {name: pickle.dumps(getattr(doc, name)) for name in FIELDS}


def test_each_stage_reads_and_changes_only_what_it_declares():
    ran = dict.fromkeys((st.name for st in PIPELINE), 0)
    stopped_at: set[str] = set()
    for article in _docs():
        doc = ArticleDoc(article, Settings())
        for st in PIPELINE:
            before = _snapshot(doc)
            watch = _Watch(doc)
            st(watch)
            ran[st.name] += 1
            undeclared_reads = watch.read - set(st.reads)
            assert not undeclared_reads, f"stage {st.name} reads {sorted(undeclared_reads)} (article {article.id})"
            assert watch.assigned <= set(st.writes), f"stage {st.name} assigns {sorted(watch.assigned)}"
            after = _snapshot(doc)
            changed = {name for name in FIELDS if before[name] != after[name]}
            assert changed <= set(st.writes), f"stage {st.name} changes {sorted(changed - set(st.writes))}"
            if doc.note:
                stopped_at.add(st.name)
                break
    assert all(ran.values()), ran  # every stage ran on some article
    assert {"language", "sentences", "cues", "rows"} <= stopped_at  # and every kind of early stop was seen


# settings ----------------------------------------------------------------------------------------


def _rows(text: str, day: str = "2024-03-06", **settings) -> list[dict]:
    rows, _note = article_events(_article(text, day), Settings(**settings))
    return rows


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().merge = False  # type: ignore[misc]


def test_merge_off_keeps_a_repeated_happening_twice():
    text = "Russia attacked Kyiv on Monday. Russian missiles attacked Kyiv on Monday, officials said."
    assert [r["event_type"] for r in _rows(text)] == ["ASSAULT"]
    assert [r["event_type"] for r in _rows(text, merge=False)] == ["ASSAULT", "ASSAULT"]


def test_keep_modes_and_min_confidence_drop_rows():
    text = "Moscow said Kyiv is attacking Belgorod. Russia attacked Kyiv on Monday."
    assert [r["mode"] for r in _rows(text)] == ["statement", "actual"]
    assert [r["mode"] for r in _rows(text, keep_modes=("actual",))] == ["actual"]
    rows = _rows(text)
    floor = max(r["confidence"] for r in rows)
    assert min(r["confidence"] for r in rows) < floor
    assert [r["confidence"] for r in _rows(text, min_confidence=floor)] == [floor]


def test_noun_roles_narrative_actorless_and_pronoun_switches():
    truce = "Hamas said Monday's ceasefire with Israel would hold."
    assert [(r["source_actor"], r["target_actor"]) for r in _rows(truce)] == [("Hamas", "Israel")]
    assert [(r["source_actor"], r["target_actor"]) for r in _rows(truce, noun_roles=False)] == [("", "")]

    told = "Voters in Portugal elected a new parliament on Monday. The prime minister conceded defeat."
    concede = [r for r in _rows(told) if r["event_type"] == "CONCEDE"]
    assert [(r["date"], r["date_from_publication"]) for r in concede] == [("2024-03-04", False)]
    concede = [r for r in _rows(told, narrative=False) if r["event_type"] == "CONCEDE"]
    assert [(r["date"], r["date_from_publication"]) for r in concede] == [("2024-03-06", True)]

    bomb = "A bomb exploded in the market on Monday."
    assert [r["event_type"] for r in _rows(bomb)] == ["ASSAULT"]
    assert _rows(bomb, actorless_dated=False) == []

    he = "Russian President Vladimir Putin spoke on state television about NATO. On Monday he accused Ukraine."
    assert [r["source_actor"] for r in _rows(he)] == ["Vladimir Putin"]
    assert [r["source_actor"] for r in _rows(he, pronoun_lookback=1)] == [""]  # NATO is nearer than Putin
    # States named on the way are no rival for "he" (roles.py's lookback does not count them).
    states = "Vladimir Putin spoke about China, Iran and India. On Monday he accused Ukraine."
    assert [r["source_actor"] for r in _rows(states, pronoun_lookback=1)] == ["Vladimir Putin"]


def test_a_row_names_someone_or_somewhere_unless_it_is_violence_by_unknown_hands():
    # No one did it and it happened nowhere: no row.
    assert _rows("Closing statements will begin on Thursday.") == []
    assert _rows("The organiser defended the concert on Monday.") == []
    # A place gives the row its country; violence needs neither ("actorless_dated" keeps the dated clause).
    troops = _rows("Thousands of troops were deployed in Haiti on Monday.")
    assert [(r["event_type"], r["source_actor"], r["countries"]) for r in troops] == [("MOBILIZE", "", ["HTI"])]
    assert [r["event_type"] for r in _rows("A bomb exploded in the market on Monday.")] == ["ASSAULT"]
    # ... but with no doer named and no weapon or war in the story, a death is an accident
    assert _rows("On Tuesday the rig exploded and sank off Louisiana, killing 11 workers.") == []
    killed = "Eleven workers were killed off Louisiana on Tuesday when {} the rig."
    assert _rows(killed.format("a fire swept")) == []
    assert [r["target_actor"] for r in _rows(killed.format("militants bombed"))] == ["Eleven workers"]
    assert [r["event_type"] for r in _rows("Eleven soldiers were killed on Tuesday.")] == ["ASSAULT"]


def test_summary_chars_cuts_the_summary_at_a_word():
    text = "Israel struck Gaza on Monday, and the strikes went on and on through the night and into the day."
    (row,) = _rows(text, summary_chars=30)
    assert row["summary"] == "Israel struck Gaza on Monday,…"


def test_settings_reach_the_worker_processes():
    articles = _docs()[:30]
    assert len(articles) >= 24  # enough for iter_events to use two processes
    settings = Settings(merge=False, keep_modes=("actual",))
    got = [(a.id, rows, note) for a, rows, note in iter_events(articles, workers=2, settings=settings)]
    want = [(a.id, *article_events(a, settings)) for a in articles]
    assert got == want
    assert got != [(a.id, *article_events(a)) for a in articles]  # the settings did change something


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural noun of unrest before a verb of coming about is its subject, no present-tense verb: undated, it
        # is dated as published like any past happening
        ("Protests erupted in Tbilisi after parliament passed a foreign agents law.", ("PROTEST", "2024-03-06")),
        # "carried out air strikes": the phrase with its modifier, not a present "strikes" (a standing fact)
        ("Pakistan carried out air strikes inside Iran.", ("ASSAULT", "2024-03-06")),
        # an embargo imposed: the verb tells when ("imposed", past), not the noun read as a present verb
        ("The Security Council imposed an arms embargo on South Sudan.", ("SANCTION", "2024-03-06")),
    ],
)
def test_a_plural_noun_of_happening_is_no_verb_in_the_present(text, expected):
    assert [(r["event_type"], r["date"]) for r in _rows(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sum is one modifier of what is sent, "in" after it none
        (
            "The Pentagon said it would send another $300 million in weapons to Ukraine.",
            ("AID", "future", "United States", "Ukraine"),
        ),
        ("Japan sent $5 million in aid to Turkey on Monday.", ("AID", "actual", "Japan", "Turkey")),
        # "set fire to" is an attack done, not a verb "fire" in the present
        (
            "A Ukrainian drone attack set fire to an oil depot in Russia's Bryansk region on Monday.",
            ("ASSAULT", "actual", "Ukraine", "Russia"),
        ),
        # a noun of happening "of" its target, then a verb of coming about: that noun's happening, not "began"
        ("Russia's invasion of Ukraine began on 24 February 2022.", ("ASSAULT", "actual", "Russia", "Ukraine")),
    ],
)
def test_wire_phrasings_of_sums_fires_and_beginnings(text, expected):
    rows = _rows(text)
    assert [(r["event_type"], r["mode"], r["source_actor"], r["target_actor"]) for r in rows] == [expected]


def test_troops_recalled_are_a_pull_back_and_off_ends_a_noun_phrase():
    # "recalled its troops" pulls them back (RETREAT), unlike an ambassador recalled in protest
    rows = _rows("Serbia recalled its troops from the Kosovo border on Saturday.")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [("RETREAT", "Serbia", "Kosovo")]
    # "off the peninsula" ends the drills' noun phrase as "near the coast" does
    rows = _rows("South Korea and the US conducted joint naval exercises off the peninsula on Monday.")
    assert [(r["event_type"], r["source_actor"]) for r in rows] == [("MOBILIZE", "South Korea")]


def test_a_subject_nouns_by_agent_acts_and_leaving_people_dead_is_an_attack():
    rows = _rows("An attack by Boko Haram on a village in Borno killed 30 people on Sunday.")
    assert [(r["event_type"], r["source_actor"]) for r in rows] == [("ASSAULT", "Boko Haram")]
    # "left 12 dead" is what the raid did, no one leaving (RETREAT)
    rows = _rows("A raid by Israeli forces on Jenin left 12 dead on Monday.")
    assert [(r["event_type"], r["source_actor"]) for r in rows] == [("ASSAULT", "Israel")]
    rows = _rows("The French ambassador left Niamey on Monday.")
    assert [r["event_type"] for r in rows] == ["RETREAT"]
