"""Actor recognition on hand-written sentences: namesakes of gazetteer people and epithets of a known body."""

from __future__ import annotations

import datetime as dt

from extract.actors import find_actors

D2010 = dt.date(2010, 6, 1)


def found(text: str, on: dt.date = D2010) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in find_actors(text, on)]


def test_a_different_given_name_is_not_the_gazetteer_person():
    got = found("The film director James Cameron joined a panel of engineers. Cameron said the leak was hard to reach.")
    assert got == [("James Cameron", "James Cameron"), ("Cameron", "James Cameron")]


def test_another_given_name_before_a_famous_surname_is_someone_else():
    assert found("Michelle Obama opened a school garden in Chicago.")[0] == ("Michelle Obama", "Michelle Obama")
    # a given name outside the common list, when the article goes on to write the surname alone or after a title
    text = "In Geneva, Keiji Fukuda of the WHO spoke. Fukuda said the virus spread. Fukuda left."
    assert [name for _, name in found(text, dt.date(2009, 5, 1))] == [
        "Switzerland",
        "Keiji Fukuda",
        "World Health Organization",
        "Keiji Fukuda",
        "Keiji Fukuda",
    ]
    # a word opening a sentence, or one the article also writes in lower case, gives no such name
    text = "Even Fukuda disagreed. Fukuda said so. Fukuda left."
    assert {name for _, name in found(text, dt.date(2008, 5, 1))} == {"Yasuo Fukuda"}
    text = "Critics said the team was unsure, and Team Fukuda said so. Fukuda left. Fukuda came back."
    assert {name for _, name in found(text, dt.date(2008, 5, 1))} == {"Yasuo Fukuda"}
    # a word that is no name before the surname leaves the gazetteer person
    text = "But Fukuda said the party would win. Fukuda left. Fukuda came back."
    assert {name for _, name in found(text, dt.date(2008, 5, 1))} == {"Yasuo Fukuda"}


def test_the_gazetteer_person_keeps_his_surname():
    got = found("Prime Minister David Cameron phoned the president. Cameron said the call went well.")
    assert [name for _, name in got if name != "United States"] == ["David Cameron", "David Cameron"]


def test_a_full_alias_with_a_longer_given_name_is_the_same_person():
    assert found("Joseph Biden arrived in Kyiv.")[0] == ("Joseph Biden", "Joe Biden")
    assert found("Joe Biden spoke first; Biden then left.", dt.date(2022, 3, 1))[1] == ("Biden", "Joe Biden")


def test_the_surname_alone_is_still_the_gazetteer_person():
    assert found("Cameron told MPs the inquiry would report in the autumn.")[0] == ("Cameron", "David Cameron")


def test_an_epithet_names_the_last_body_of_its_kind():
    got = found("Libya reported two cases to the World Health Organization. It asked the global health body for help.")
    assert got[-1] == ("the global health body", "World Health Organization")


def test_the_un_agency_names_the_last_agency_of_the_united_nations_named():
    got = found("The World Health Organization raised its alert. The Geneva-based U.N. agency said it was in contact.")
    assert got[-1] == ("The Geneva-based U.N. agency", "World Health Organization")
    got = found("UNICEF flew in supplies. NATO troops helped. The United Nations agency said more was needed.")
    assert got[-1] == ("The United Nations agency", "UNICEF")
    # with no agency named before, the words name the United Nations itself
    assert found("The U.N. agency said it was in contact.")[0][1] == "United Nations"


def test_the_oil_giant_names_the_firm_just_named():
    got = found("The oil giant Chevron said it would pay. Later the oil giant agreed to a fund.")
    assert got[-1] == ("the oil giant", "Chevron")


def test_an_epithet_before_a_name_introduces_it_and_a_dead_body_is_no_body():
    got = found("The WHO sent experts. Police found the dead body of a fisherman.")
    assert got == [("WHO", "World Health Organization")]
    got = found("The WHO met on Monday. The body was found on a beach.")
    assert got == [("WHO", "World Health Organization")]


def test_a_listed_company_the_article_names_is_an_actor_under_its_listed_name():
    got = found("Regulators questioned Halliburton and British Petroleum on Monday. Later BP paid.")
    assert ("Halliburton", "Halliburton") in got
    assert ("British Petroleum", "BP") in got and ("BP", "BP") in got


def test_a_company_name_that_is_a_common_word_or_a_place_is_no_actor():
    # written in lower case elsewhere, after "the", or only opening a sentence
    names = [
        name for _, name in found("The shell hit a house. Shell shares fell. The Amazon burned. Total costs rose.")
    ]
    assert not {"Royal Dutch Shell", "Amazon", "TotalEnergies"} & set(names)


def test_the_noun_that_described_a_person_names_that_person_again():
    got = found("Hollywood actor Dan Marlow urged senators to act. The actor later met the governor.")
    assert ("The actor", "Dan Marlow") in got


def test_a_noun_that_never_described_a_person_or_is_only_part_of_a_role_names_no_one():
    # "the singer" with no "singer <name>" before it; "opposition" only opens the role "opposition leader"
    got = found(
        "Dan Marlow arrived in Lima. The singer performed later. Opposition leader Ana Ruiz spoke. The opposition left."
    )
    assert not any(text.lower() in ("the singer", "the opposition") for text, _ in got)


def learned_people(text: str) -> list[str]:
    from extract.actors.recognizer import ActorContext

    ctx = ActorContext.from_text(text)
    return [a.name for a in ctx.learned.values() if a.type == "person"]


def test_a_full_name_opening_with_a_listed_given_name_is_a_person():
    text = "Earlier this month Jackson's doctor, Conrad Murray, was found guilty of manslaughter."
    assert learned_people(text) == ["Conrad Murray"]
    assert found(text) == [("Conrad Murray", "Conrad Murray")]
    assert learned_people("Mohamed Salem and Yoshihiko Sato met Volodymyr Petrenko.") == [
        "Mohamed Salem",
        "Yoshihiko Sato",
        "Volodymyr Petrenko",
    ]


def test_a_given_name_that_is_also_a_word_of_institutions_opens_a_titled_name():
    # "Bill" closes the name of a law ("the Health Care Bill") but opens a person's after a title
    assert found("Florida Sen. Bill Nelson criticised BP.") == [
        ("Florida", "Florida"),
        ("Sen. Bill Nelson", "Bill Nelson"),
        ("BP", "BP"),
    ]
    assert found("The Senate passed the Health Care Bill. Senator Bill Nelson voted for it.")[-1] == (
        "Senator Bill Nelson",
        "Bill Nelson",
    )
    assert learned_people("The Health Care Bill passed the Senate.") == []


def test_a_learned_full_name_keeps_an_arabic_article_as_written_and_drops_initials():
    assert learned_people("Officials met Hafez al-Mirazi on Monday.") == ["Hafez al-Mirazi"]
    assert found("Officials met Hafez al-Mirazi on Monday. Mirazi said little.") == [
        ("Hafez al-Mirazi", "Hafez al-Mirazi"),
        ("Mirazi", "Hafez al-Mirazi"),
    ]
    assert learned_people("The report was signed by Kenneth R. Feinberg on Monday.") == ["Kenneth Feinberg"]


def test_a_common_word_or_place_before_a_capitalized_word_is_no_person():
    assert learned_people("Christian Aid said the camps were full. Virginia Tech sent engineers.") == []
    assert learned_people("Will Britain act? May Day marches began. Grace Church opened.") == []
    assert learned_people("Consulting firm Oliver Wyman found a gap. The island of Diego Garcia is a base.") == []


def test_a_body_named_with_its_city_after_the_head_is_one_name():
    got = found("The Imperial College London team declined to estimate the toll.")
    assert got == [("Imperial College London", "Imperial College London")]
    # a head word followed by another capitalized word that is no place still ends the name there or not at all
    assert ("Imperial College", "Imperial College") in found("The Imperial College team declined to estimate it.")


def test_a_comparison_opening_the_sentence_is_no_given_name():
    # "Like Eden in 1956, he ...": "Like" compares, and Eden is written alone after it
    text = (
        "Like Eden in 1956, he took the country to war in error, but whereas Eden was forced to resign within three "
        "months, Kovacs stayed. Eden had no choice but to take the blame."
    )
    assert all(not name.startswith("Like") for _text, name in found(text))


def _places(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.country) for m in find_actors(text) if m.type in ("country", "region")]


def test_a_city_abroad_with_a_us_state_after_it_is_the_american_town():
    # the state written after the comma makes it the town in that state, here and wherever the article names it again
    assert _places("Volunteers started arriving in Venice, La., on Friday. Boats left Venice at dawn.") == [
        ("La", "USA")
    ]
    assert _places("Mike Ellis, a skipper from Venice, Louisiana, accused BP.") == [("Louisiana", "USA")]
    assert _places("Fishermen in Vienna, New Jersey, protested.") == [("New Jersey", "USA")]
    # a place's head word after it names another place ("Panama City Beach"), not the capital abroad
    assert _places("She spoke at the Panama City Beach welcome center.") == []
    # a list of cities, a state opening the next clause, a US city's county: as before
    assert _places("Leaders met in Venice, Rome and Paris.") == [("Venice", "ITA"), ("Rome", "ITA"), ("Paris", "FRA")]
    assert _places("Troops left Baghdad, Texas officials said.") == [("Baghdad", "IRQ"), ("Texas", "USA")]
    assert _places("the Los Angeles County coroner") == [("Los Angeles", "USA")]


def test_a_state_or_country_before_the_head_of_a_river_or_valley_names_the_feature():
    assert _places("Fishing was closed east of the Mississippi River and in the Ohio Valley.") == []
    assert _places("Oil reached the Mississippi River delta; Mississippi and Ohio sued.") == [
        ("Mississippi", "USA"),
        ("Ohio", "USA"),
    ]
    assert _places("Rebels fled into the Congo Basin from Rwanda.") == [("Rwanda", "RWA")]


def test_a_press_freedom_group_named_with_a_group_word_first_is_one_body():
    # "Reporters" is a word for a group, yet the body's name opens with it (gazetteer organizations.csv)
    got = found("Reporters Without Borders warned that journalists in Baghdad were at risk.")
    assert got[0] == ("Reporters Without Borders", "Reporters Without Borders")
    assert found("The Committee to Protect Journalists said two reporters were held.")[0][1] == (
        "Committee to Protect Journalists"
    )


def test_a_time_opening_the_sentence_before_a_title_is_no_person():
    # "Last May, President Obama ...": no person called "Last May" whose role is president
    got = found("Last May, President Barack Obama appointed two commissioners.")
    assert [name for _, name in got] == ["Barack Obama"]


def test_a_known_surname_that_opens_a_hyphenated_given_name_is_not_that_person():
    text = "Governor General Michaelle Jean urged calm. Prime Minister Jean-Max Bellerive said 100 people died."
    assert [name for _, name in found(text)] == ["Michaelle Jean", "Jean-Max Bellerive"]


def test_campaign_groups_named_in_the_news_are_known_bodies():
    assert found("Greenpeace has accused BP of slashing investment in clean energy.") == [
        ("Greenpeace", "Greenpeace"),
        ("BP", "BP"),
    ]
    assert found("The consumer watchdog Public Citizen called for a boycott.") == [("Public Citizen", "Public Citizen")]


def test_a_state_named_after_pro_is_a_side_taken_not_the_state():
    # "pro-Russian separatists" are no Russians, and a pro-Palestinian protest in London names no Palestine
    assert found("Pro-Russian separatists shelled Ukrainian positions near Donetsk.") == [
        ("Ukrainian", "Ukraine"),
        ("Donetsk", "Ukraine"),
    ]
    got = found("Police arrested 40 people at a pro-Palestinian protest in London.")
    assert got == [("Police", "United Kingdom"), ("London", "United Kingdom")]
    # a protest against a state is aimed at it: the state stays named
    assert ("American", "United States") in found("Anti-American demonstrators burned flags in Baghdad.")
