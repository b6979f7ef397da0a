"""Countries of every actor and people the article names, on sentences written for these tests.

Expected values were worked out by hand from each sentence, following tests/gold/README.md (countries: the
actors' countries, the country where the happening takes place, countries named as taking part).
"""

from __future__ import annotations

import datetime as dt

import pytest

from extract.actors import find_actors
from extract.events.extract_one import article_events
from extract.model import Article


def _rows(text: str, day: str = "2024-03-08") -> list[dict]:
    art = Article(id="t", text=text, published=dt.datetime.fromisoformat(day + "T12:00:00+00:00"))
    rows, _note = article_events(art)
    return rows


def _first(text: str, etype: str, day: str = "2024-03-08") -> dict:
    rows = [r for r in _rows(text, day) if r["event_type"] == etype]
    assert rows, f"no {etype} event in {text!r}"
    return rows[0]


def test_countries_named_as_taking_part_count():
    row = _first("On Friday Chile condemned Bolivia, along with Peru and Paraguay, for closing its border.", "ACCUSE")
    assert {"CHL", "BOL", "PER", "PRY"} <= set(row["countries"])


def test_a_company_adds_its_home_country_beside_the_place_where_it_acts():
    # BP, a British company, in a story from the Gulf of Mexico: both countries take part
    row = _first(
        "The spill hit Louisiana beaches on Monday. Transocean accused BP of lying on Tuesday.", "ACCUSE", "2010-06-27"
    )
    assert {"USA", "GBR", "CHE"} <= set(row["countries"])  # Transocean, named with no body learned, is Swiss


def test_country_of_the_place_counts():
    row = _first("Rebels attacked an army convoy in Mali on Tuesday.", "ASSAULT")
    assert "MLI" in row["countries"]


def test_countries_of_a_trailing_comment_do_not_count():
    row = _first("Kenya deployed troops to Haiti on Tuesday, where Canada and Brazil once led missions.", "MOBILIZE")
    assert {"KEN", "HTI"} <= set(row["countries"])
    assert "CAN" not in row["countries"] and "BRA" not in row["countries"]


def test_country_modifier_of_a_weapon_does_not_count():
    row = _first("Ukraine fired US-made missiles at Russia on Tuesday.", "ASSAULT")
    assert "USA" not in row["countries"]


def test_a_place_of_several_words_fused_to_a_hyphenated_word_only_modifies():
    row = _first("Madonna gave $1m to the Los Angeles-based Aids Project on Friday.", "AID")
    assert row["target_actor"] == "Aids Project"
    # before a word of leading, the state still acts
    assert _first("The United States-led coalition struck Mosul on Monday.", "ASSAULT")["source_actor"] == (
        "United States"
    )


def test_person_the_article_introduces_takes_its_country():
    text = (
        "Brazil's health ministry reported 40 new cases on Monday. Brazilian officials met in Brasilia on Monday. "
        "Dr Anna Ferreira Campos accused the ministry of hiding figures on Tuesday."
    )
    row = _first(text, "ACCUSE")
    assert row["source_actor"] == "Anna Ferreira Campos"
    assert "BRA" in row["countries"]


def test_with_no_country_named_by_half_the_mentions_the_first_named_of_the_most_named_is_home():
    # Britain, Canada and Mexico once each: the story opens on Britain, whose officials warn
    text = (
        "Government officials today warned that anyone with flu symptoms should stay away from pigs. "
        "Scientists at a British laboratory showed that the virus infects pigs. A farm in Canada reported a case, "
        "and Mexico reported more."
    )
    row = _first(text, "REQUEST", "2009-06-17")
    assert row["source_actor"] == "United Kingdom" and row["countries"] == ["GBR"]


def test_titled_full_name_is_learned_and_its_short_forms_follow():
    text = "Dr Helena Varga examined the samples. Later Dr Varga said the samples were clean. Varga left."
    found = [(m.text, m.actor_id) for m in find_actors(text)]
    assert found == [
        ("Helena Varga", "person:helena-varga"),
        ("Dr Varga", "person:helena-varga"),
        ("Varga", "person:helena-varga"),
    ]


def test_full_name_whose_surname_the_article_titles_is_a_person():
    text = "The club's physician Tomas Oyelaran prescribed the pills. Mr Oyelaran later resigned."
    found = [(m.text, m.actor_id) for m in find_actors(text)]
    assert ("Tomas Oyelaran", "person:tomas-oyelaran") in found
    assert ("Mr Oyelaran", "person:tomas-oyelaran") in found


def test_full_name_opening_with_a_given_name_is_a_person():
    found = [(m.text, m.type) for m in find_actors("Witnesses said Michael Ostrowski drove the truck.")]
    assert found == [("Michael Ostrowski", "person")]


def test_place_and_gazetteer_names_are_not_learned_as_people():
    found = [m.actor_id for m in find_actors("Angela Merkel met officials in New Mexico.")]
    assert found == ["person:angela-merkel", "region:us-new-mexico"]  # the state (regions.csv), no "Mexico" person
    assert find_actors("Victoria Falls drew tourists.") == []
    assert find_actors("Tourists left Martin Lake in a hurry.") == []


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor_id, m.via) for m in find_actors(text)]


def test_body_named_after_a_trade_noun_is_learned_everywhere():
    text = "Shares of Kestrel fell. Mining group chief executive said miner Kestrel Holdings PLC would cut jobs."
    assert ("Kestrel Holdings", "org:learned-kestrel-holdings", "learned") in _found(text)
    text = "Shipping firm Norvale cut its routes on Monday. Later Norvale denied the report."
    assert [f for f in _found(text) if f[1] == "org:learned-norvale"] == [
        ("Norvale", "org:learned-norvale", "learned"),
        ("Norvale", "org:learned-norvale", "learned"),
    ]


def test_body_in_apposition_and_the_company_after_it():
    text = "Corvina, the company that ran the mine, blamed its partner. Regulators fined the company on Friday."
    assert _found(text) == [
        ("Corvina", "org:learned-corvina", "learned"),
        ("the company", "org:learned-corvina", "coreference"),
        ("the company", "org:learned-corvina", "coreference"),
    ]


def test_acronym_used_as_a_subject_twice_is_a_body():
    text = "The XQT said on Monday it would appeal. Critics say XQT ignored warnings."
    assert [f[1] for f in _found(text)] == ["org:learned-xqt", "org:learned-xqt"]
    # Used only to name a weapon, an acronym is no actor.
    assert _found("Kyiv fired ATACMS missiles. The ATACMS missiles hit a depot.") == [("Kyiv", "UKR", "capital")]


def test_acronym_the_article_keeps_using_is_a_body():
    # Three uses and never before a verb ("for QRV to be barred", "QRV's"): still the firm the story is about.
    text = "Critics called for QRV to be barred. QRV's shares fell. A QRV spokesman declined to comment."
    assert [f[1] for f in _found(text)] == ["org:learned-qrv"] * 3
    # Twice is not enough without a verb after it; a weapon, a time zone, a title are no bodies however often.
    assert _found("Critics called for QRV to be barred. QRV's shares fell.") == []
    weapons = "Kyiv fired ATACMS missiles. The ATACMS missiles hit a depot. More ATACMS rockets came."
    assert _found(weapons) == [("Kyiv", "UKR", "capital")]
    assert _found("At 9 GMT the CEO spoke. By 10 GMT the CEO left. At 11 GMT the CEO returned.") == []
    # A shouted headline word the article also writes in lower case is a word, not a name.
    assert _found("OIL PRICES RISE. The oil price rose. OIL FIRMS GAIN. OIL DEMAND GROWS.") == []


def test_the_group_is_the_last_armed_group():
    text = "Hamas fired rockets at Israel on Monday. The group said the barrage was a warning."
    assert ("The group", "group:hamas", "coreference") in _found(text)
    assert [m.actor_id for m in find_actors("The group met on Monday.")] == []


def test_company_coreference_gives_the_target():
    text = (
        "Oil firm Dunmore said on Monday it had stopped the leak. "
        "On Tuesday the state's governor accused the company of hiding the damage."
    )
    row = _first(text, "ACCUSE", day="2010-06-02")
    assert row["target_actor"] == "Dunmore"


def test_accused_named_body_after_the_verb_is_the_target():
    text = "Oil firm Dunmore said on Monday it had stopped the leak. Rival Tessaly accused Dunmore of lying on Tuesday."
    row = _first(text, "ACCUSE", day="2010-06-02")
    assert (row["source_actor"], row["target_actor"]) == ("Tessaly", "Dunmore")


def _roles(text: str, etype: str, day: str = "2024-03-08") -> tuple[str, str]:
    row = _first(text, etype, day)
    return row["source_actor"], row["target_actor"]


def test_she_skips_the_states_named_since_the_person():
    text = (
        "On Friday Foreign Minister Ilse Roderburg criticised Chile, along with Peru, Bolivia, Cuba and Ecuador, "
        "for closing their borders to Austria. She also urged Austrians to avoid travel to Chile on Friday."
    )
    assert _roles(text, "REQUEST")[0] == "Ilse Roderburg"


def test_relative_clause_is_about_the_mention_before_it():
    text = "Vladimir Putin, who met Xi Jinping in Beijing on Tuesday, later flew home."
    assert _roles(text, "CONSULT", "2024-05-17") == ("Vladimir Putin", "Xi Jinping")


@pytest.mark.parametrize(
    ("text", "etype", "source"),
    [
        # past a bracket after the name
        ("Rep. Kathy Castor (D-Fla.), who requested the report, criticised BP on Wednesday.", "ACCUSE", "Kathy Castor"),
        # past a state's organ after its country
        (
            "The U.S. government, which has vowed to make Kenya pay for the damage, told its ambassador on Monday it "
            "was resolved.",
            "THREATEN",
            "United States",
        ),
        # a body the gazetteer does not know, named by its last word
        (
            "Olek Brandt works for the Lake Nakuru Rescue Center, which sent a team to Uganda on Monday.",
            "AID",
            "Lake Nakuru Rescue Center",
        ),
    ],
)
def test_relative_clause_is_about_the_body_or_person_before_it(text, etype, source):
    assert _first(text, etype, "2024-03-08")["source_actor"] == source


def test_a_country_after_a_clock_time_is_a_time_zone_and_lends_no_home():
    # a page's "15:47 UK" tells the zone of its clock; the story's country is the one it names
    text = (
        "Page last updated at 15:47 GMT, Wednesday, 28 September 2011 15:47 UK\n"
        "The doctor was arrested in Texas on Monday. Prosecutors charged him with fraud on Tuesday."
    )
    assert _first(text, "COERCE", "2011-09-28")["source_actor"] == "United States"  # (a criminal charge)
    assert all(m.text != "UK" for m in find_actors("Posted at 14:19 UK time by Olek Brandt."))


def test_relative_clause_after_a_title_or_a_place_has_no_subject():
    # a book's title or a street is no body that acts
    rows = _rows("Olek Brandt wrote Elusive Peace, which criticised Kenya on Monday.")
    assert "Elusive Peace" not in {r["source_actor"] for r in rows}
    rows = _rows("The march reached Moi Avenue Street, which welcomed Olek Brandt on Monday.")
    assert "Moi Avenue Street" not in {r["source_actor"] for r in rows}


def test_place_then_a_second_verb_does_not_make_a_title():
    text = "President Joe Biden visited Mexico City on Monday, praised Andres Manuel Lopez Obrador and left."
    assert _roles(text, "CONSULT", "2023-01-10") == ("Joe Biden", "Mexico")


def test_named_person_after_a_body_and_a_role_is_the_actor():
    text = "Police arrested a senior UN official, Olek Brandt, in Nairobi on Monday."
    assert _roles(text, "COERCE", "2005-03-01")[1] == "Olek Brandt"
    text = "On Monday Kenya's foreign minister, Marta Okonjo, warned Uganda."
    assert _roles(text, "THREATEN", "2005-03-01") == ("Marta Okonjo", "Uganda")


def test_sentence_adverb_is_no_stand_in_name():
    text = "Also on Friday, the Coastal Survey Office announced the reopening of the fishing grounds."
    rows = _rows(text, "2010-10-02")
    assert all(r["source_actor"] != "Also" for r in rows)


def test_the_prosecution_is_the_state_that_prosecutes():
    # "the prosecution" speaks for the state as "prosecutors" do (an organ named without its country)
    text = (
        "A court in Kenya heard the case of Dr Otieno Mwangi on Monday. Kenya's courts are busy. "
        "The prosecution alleges Dr Mwangi gave the patient a fatal dose."
    )
    row = _first(text, "ACCUSE", "2011-01-05")
    assert row["source_actor"] == "Kenya" and "KEN" in row["countries"]


def test_a_state_body_named_by_its_function_is_its_state():
    # tests/gold/README_t17.md: the Justice Department, an agency of a state, acts as the state
    text = "Chile closed its border on Monday. The Justice Department sued Dunmore Mining on Tuesday."
    assert _roles(text, "ACCUSE", day="2024-03-06")[0] == "Chile"
    # the country named right before the body gives its state, whatever the article is about
    text = "Chile's president met miners on Monday. The Peruvian Department of Energy fined Dunmore Mining on Tuesday."
    row = _first(text, "SANCTION", day="2024-03-06")
    assert row["source_actor"] == "Peru" and "PER" in row["countries"]
    # a body the gazetteer knows keeps its name (the FBI), and a name with no office word stays as written
    text = "Chile closed its border on Monday. The FBI arrested two Chilean diplomats on Tuesday."
    assert _roles(text, "COERCE", day="2024-03-06")[0] == "FBI"


def test_a_body_spelled_out_before_its_acronym_is_one_actor():
    text = (
        "The Regional Health Protection Office (RHPO) said on Monday that the school would close. "
        "Later the RHPO urged parents to keep their children at home."
    )
    found = [(m.text, m.actor_id) for m in find_actors(text)]
    assert found == [
        ("Regional Health Protection Office", "org:learned-regional-health-protection-office"),
        ("RHPO", "org:learned-regional-health-protection-office"),
        ("RHPO", "org:learned-regional-health-protection-office"),
    ]
    # the letters must be the name's initials; a known body keeps its gazetteer entry
    # (the trust is a body by its last word, below, but "XYZ" does not become its alias)
    assert [m.text for m in find_actors("The Blue Harbour Trust (XYZ) said on Monday.")] == ["Blue Harbour Trust"]
    assert {m.actor_id for m in find_actors("The World Health Organization (WHO) warned on Monday.")} == {"org:who"}


def test_the_company_does_not_refer_back_to_a_state_agency():
    text = "The Environmental Protection Agency (EPA) said on Monday that the company must stop."
    assert [m.text for m in find_actors(text)] == ["Environmental Protection Agency", "EPA"]


def test_a_group_after_by_is_the_agent_of_a_passive():
    # the "no gazetteer actor" sentences, in the passive: the group's words are kept as the source
    text = "A police academy in Baghdad was targeted by a suicide bomber on Monday."
    row = _first(text, "ASSAULT", day="2024-03-06")
    assert row["source_actor"] == "suicide bomber" and "IRQ" in row["countries"]
    text = "Two aid workers were kidnapped by militants near Kandahar on Monday."
    assert _roles(text, "COERCE", day="2024-03-06")[0] == "militants"
    # a known actor after "by" stays the agent, and a word that heads no group is none
    assert _roles("The convoy was attacked by Russia on Monday.", "ASSAULT", day="2024-03-06")[0] == "Russia"
    assert _roles("Kyiv was struck by a missile on Monday.", "ASSAULT", day="2024-03-06")[0] == ""


def test_a_group_backed_by_a_state_is_the_group_not_the_state():
    # "Iran-backed militias": the state fused to the hyphenated word only modifies the group, which acted
    src, tgt = _roles("Iran-backed militias attacked a US base in Syria on Monday.", "ASSAULT", day="2024-03-06")
    assert (src, tgt) == ("Iran-backed militias", "United States")
    assert _roles("Russian-backed separatists shelled Mariupol on Monday.", "ASSAULT", day="2024-03-06")[0] == (
        "Russian-backed separatists"
    )


def test_a_firms_country_is_learned_where_the_article_says_it():
    def country(text: str, name: str) -> set[str]:
        return {m.country for m in find_actors(text, "2010-06-01") if m.text == name}

    # a country word before a trade noun right before the name, in apposition after it, or "-based"
    assert country("British oil giant Kestrel said on Monday it would pay. Kestrel shares fell.", "Kestrel") == {"GBR"}
    assert country("Norvale, the Swiss drilling company, said it would not pay. Norvale said more.", "Norvale") == {
        "CHE"
    }
    assert country("A suit was filed as London-based Kestrel said no. Kestrel again. Kestrel more.", "Kestrel") == {
        "GBR"
    }
    # after "the" elsewhere: the firm named last before it
    text = "Oil firm Kestrel said no on Monday. Senators kept up the pressure on the beleaguered British oil company."
    assert country(text, "Kestrel") == {"GBR"}
    # nothing said, nothing learned
    assert country("Oil firm Kestrel said no on Monday. Kestrel shares fell.", "Kestrel") == {""}


def test_a_firms_country_does_not_become_the_articles():
    # Kestrel is British and named often, the story is American: a group with no country of its own is American
    text = (
        "US officials said on Monday that British oil giant Kestrel must pay. Kestrel said it would. "
        "Kestrel shares fell. Kestrel paid. On Tuesday, fishermen sued Kestrel in a US court."
    )
    row = _first(text, "ACCUSE", day="2010-06-02")
    assert (row["source_actor"], row["target_actor"]) == ("fishermen", "Kestrel")
    assert {"USA", "GBR"} <= set(row["countries"])


def test_a_firms_spokesperson_speaks_for_the_firm():
    # tests/gold/README_t17.md: a spokesman the article introduces for a body stands for it, later mentions too
    text = "Oil firm Kestrel said on Monday. Jon Harte, a spokesman for Kestrel, said the leak was small. Harte added."
    found = [(m.text, m.actor_id) for m in find_actors(text, "2010-06-01")]
    assert found == [
        ("Kestrel", "org:learned-kestrel"),
        ("Jon Harte", "org:learned-kestrel"),
        ("Kestrel", "org:learned-kestrel"),
        ("Harte", "org:learned-kestrel"),
    ]
    row = _first("Oil firm Kestrel said on Monday. Jon Harte, a spokesman for Kestrel, denied the report.", "REJECT")
    assert row["source_actor"] == "Kestrel"
    # a spokesperson the gazetteer knows stays a person, and so does one who speaks for a state
    assert [m.actor_id for m in find_actors("Kremlin spokesman Dmitry Peskov said no.", "2024-03-01")][0] == (
        "person:dmitry-peskov"
    )
    found = find_actors("Rob Smith, a spokesman for the Pentagon, said no.", "2024-03-01")
    assert (found[0].actor_id, found[0].country) == ("person:rob-smith", "USA")


def test_a_material_happening_with_no_one_acted_upon_takes_place_in_the_articles_country():
    story = "Iraq's parliament met on Monday. Insurgents in Iraq attacked Baghdad and Mosul on Monday. "
    # nothing acted upon: the troops leave the country the story is about, which is the one acted upon
    row = _first(story + "Italy withdrew 300 soldiers on Tuesday.", "RETREAT", day="2024-03-06")
    assert row["target_actor"] == "Iraq" and {"ITA", "IRQ"} <= set(row["countries"])
    # so is the country a foreign donor's gift goes to, and the one a group with no country attacks in
    row = _first(story + "The singer Mara Vell gave $1m on Tuesday.", "AID", day="2024-03-06")
    assert (row["source_actor"], row["target_actor"]) == ("Mara Vell", "Iraq")
    row = _first(
        "Iraq's parliament met on Monday. Iraq's army patrolled Mosul. Gunmen attacked a checkpoint on Monday.",
        "ASSAULT",
        day="2024-03-06",
    )
    assert row["target_actor"] == "Iraq"
    # not when the doer is of that country: Iraq's own soldiers pull back from nobody
    row = _first(story + "Iraqi troops withdrew from the town on Tuesday.", "RETREAT", day="2024-03-06")
    assert row["target_actor"] == "" and "IRQ" in row["countries"]
    # nor when no country has half the article's mentions: the guess of where it happens is too weak to name
    mixed = "Kenya, Haiti and Jamaica met on Monday. Canada and Brazil spoke on Monday. "
    row = _first(mixed + "Italy withdrew 300 soldiers on Tuesday.", "RETREAT", day="2024-03-06")
    assert row["target_actor"] == ""
    # a verbal happening is no place's, and a named target gives the place itself
    row = _first(story + "Italy criticised the plan on Tuesday.", "ACCUSE", day="2024-03-06")
    assert row["countries"] == ["ITA"]
    row = _first(story + "Italy sent aid to Chad on Tuesday.", "AID", day="2024-03-06")
    assert "IRQ" not in row["countries"]


def test_a_name_ending_in_a_bodys_word_is_a_body():
    text = (
        "Eton College closed on Monday after a pupil fell ill. The actor gave $1m to the Clinton Bush Haiti Fund. "
        "Kabul Zoo isolated its only pig. Devon Energy said it would sell assets."
    )
    found = {m.text: (m.type, m.country) for m in find_actors(text)}
    assert found["Eton College"] == ("organization", "")
    # places and persons' names inside the name do not split it; a country or capital in it gives its country
    assert found["Clinton Bush Haiti Fund"] == ("organization", "HTI")
    assert found["Kabul Zoo"] == ("organization", "AFG")
    assert found["Devon Energy"] == ("organization", "")
    assert "Bush" not in found and "Kabul" not in found
    # the word must end the name: a committee's longer name is not cut after it
    assert "Senate Energy" not in {
        m.text for m in find_actors("The Senate Energy and Natural Resources Committee met.")
    }
    # a name the gazetteer knows as a whole keeps its entry
    assert [m.actor_id for m in find_actors("The World Bank lent $2bn on Monday.")] == ["org:world-bank"]
    # a word opening a subordinate clause is no part of the name
    opened = {m.text for m in find_actors("Although Devon Energy sold its fields in 2009, it kept its staff.")}
    assert "Devon Energy" in opened and "Although Devon Energy" not in opened


def test_a_us_state_acts_and_places_the_story_in_the_united_states():
    text = "Louisiana sued Kestrel Drilling on Monday over the spill. Kestrel Drilling turned down Alabama's claim."
    row = _first(text, "ACCUSE", "2010-06-08")
    assert (row["source_actor"], list(row["countries"])) == ("Louisiana", ["USA"])
    # a state named before a person only qualifies them
    row = _first("Alabama Governor Bob Riley accused Kestrel Drilling on Monday of stalling.", "ACCUSE", "2010-06-08")
    assert (row["source_actor"], list(row["countries"])) == ("Bob Riley", ["USA"])


def test_a_place_named_before_a_later_speaker_is_no_target():
    text = (
        "With fears growing that the leaking well could spread damage from Louisiana to Florida, Interior "
        "Secretary Dana Okafor told a Senate panel Tuesday that her department had been lax in policing offshore rigs."
    )
    assert [(r["source_actor"], r["target_actor"]) for r in _rows(text, "2010-05-19")] == [("Dana Okafor", "")]


def test_every_rows_source_and_target_are_among_its_actors():
    # the place of a happening and the doer of one named before come from outside the clause's mentions; the
    # dashboard's actor filter and network read the actors list, so they must be in it too
    import json
    import pathlib

    from extract.events import extract_events
    from extract.ingest import load_articles

    path = pathlib.Path(__file__).resolve().parents[1] / "data" / "articles" / "articles.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    frame = extract_events(load_articles(items).articles, workers=1)
    missing = [
        (r["article_id"], r["source_actor"], r["target_actor"], list(r["actors"]))
        for r in frame.to_dict("records")
        if {r["source_actor"], r["target_actor"]} - {""} - set(r["actors"])
    ]
    assert missing == []


def test_an_organ_after_a_place_opening_the_sentence_is_that_places():
    # a British story: an unnamed organ is its country, unless a place opens the sentence before it
    story = "Britain confirmed two more cases of swine flu on Monday. {}"
    for sentence, etype in (
        ("In Mexico, police arrested three men accused of selling fake vaccines.", "COERCE"),
        ("Meanwhile, in Mexico, officials arrested three men accused of selling fake vaccines.", "COERCE"),
        ("Meanwhile in Mexico, police arrested three men accused of selling fake vaccines.", "COERCE"),
        ("Meanwhile in Mexico officials are set to relax flu restrictions.", "CONCEDE"),
    ):
        row = _first(story.format(sentence), etype)
        assert row["source_actor"] == "Mexico", sentence
    row = _first(story.format("Police arrested three men accused of selling fake vaccines."), "COERCE")
    assert row["source_actor"] == "United Kingdom"


def test_an_organ_with_a_place_of_its_own_is_that_places():
    # a British story: prosecutors at a trial in Los Angeles are the United States'
    story = "Fans in Cardiff and London held a vigil on Monday. {}"
    sentence = "Prosecutors at the trial in Los Angeles claim Dr Conrad Murray caused the death of Michael Jackson."
    row = _first(story.format(sentence), "ACCUSE")
    assert row["source_actor"] == "United States"
    # a group or organ before "in" and a place's name is the subject
    story = "Britain confirmed two more cases of swine flu on Monday. {}"
    row = _first(story.format("Police in Mexico City arrested three men accused of selling fake vaccines."), "COERCE")
    assert row["source_actor"] == "Mexico"
    row = _first("Shrimp fishermen in Louisiana filed a lawsuit against BP on Monday.", "ACCUSE")
    assert (row["source_actor"], row["target_actor"]) == ("Shrimp fishermen", "BP")


def test_a_person_named_after_their_company_brings_its_country():
    # "BP chairman Carl-Henric Svanberg": Britain, BP's home, joins the event's countries as BP's own would
    text = (
        "BP said on Monday it would pay the claims. BP chairman Carl-Henric Svanberg praised Tony Hayward on Tuesday."
    )
    row = _first(text, "SUPPORT", "2010-07-27")
    assert (row["source_actor"], row["countries"]) == ("Carl-Henric Svanberg", ["GBR"])


def test_authorities_named_by_no_state_are_the_articles_state():
    # like "police": unnamed authorities act for the article's country, named ones for theirs
    story = "Cuba said on Monday it was ready to help. {}"
    for sentence, source in (
        ("Authorities brought in Venezuelan experts on Tuesday to advise on the spill.", "Cuba"),
        ("Mexican authorities arrested two men on Tuesday.", "Mexico"),
    ):
        rows = [r for r in _rows(story.format(sentence), "2010-06-16") if "uthorities" in r["summary"]]
        assert [r["source_actor"] for r in rows] == [source], sentence


def test_a_state_body_named_department_of_x_is_its_state_not_a_stand_in_department():
    text = (
        "Britain confirmed two new cases on Sunday. The Department of Health urged people in Britain on Monday to wash."
    )
    row = _first(text, "REQUEST", "2009-05-04")
    assert row["source_actor"] == "United Kingdom"


def test_senators_and_a_partys_senators_are_their_state_as_lawmakers_are():
    text = "BP was in new trouble in the United States. On Sunday 54 Democratic senators demanded that BP pay a fund."
    row = _first(text, "REQUEST", "2010-06-14")
    assert (row["source_actor"], row["target_actor"]) == ("United States", "BP")


def test_a_noun_of_happening_takes_its_doer_from_a_by_after_it():
    # "the decision to begin the evacuation was made ... by X": the decision's maker
    row = _first(
        "The decision to begin the evacuation was made late Thursday by Adm. Thad Allen.", "RETREAT", "2010-07-23"
    )
    assert row["source_actor"] == "Thad Allen"
    row = _first("Monday's attack on the convoy by Taliban fighters killed four.", "ASSAULT", "2005-04-20")
    assert row["source_actor"] == "Taliban"


def test_a_name_after_both_the_is_the_object():
    # "working with both the Coast Guard and ...": the Coast Guard, an office of the story's state
    text = (
        "President Obama visited Louisiana on Monday. "
        "Taylor Energy said on Tuesday that it had been working with both the Coast Guard and the Navy."
    )
    row = _first(text, "COOPERATE")
    assert (row["source_actor"], row["target_actor"]) == ("Taylor Energy", "United States")


def test_a_group_in_a_part_of_a_country_acts_not_the_country():
    for text, group, country in (
        ("Rebels in eastern Congo seized the town of Bunagana on Wednesday.", "rebels", "COD"),
        ("Insurgents in northern Mali attacked an army post on Wednesday.", "insurgents", "MLI"),
    ):
        row = _first(text, "ASSAULT")
        assert row["source_actor"] == group, text
        assert country in row["countries"], text
    # a state's forces in a part of another country are still the state's
    assert _first("Russian forces in eastern Ukraine shelled Kharkiv on Monday.", "ASSAULT")["source_actor"] == "Russia"
