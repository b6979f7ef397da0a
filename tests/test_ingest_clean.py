"""Ingest cleaning and publication times: the seed article, generic furniture shapes, wire datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import InputRejected
from extract.ingest import load_articles
from extract.ingest.build import build_article
from extract.ingest.clean import clean_text, looks_like_listing
from extract.ingest.language import detect_language
from extract.ingest.published import find_dateline, parse_published
from extract.ingest.readers import RawArticle
from tests.conftest import need_shared

SEED = ("seed", "000_38deb2ecbac005e4.txt")


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# ---------------------------------------------------------------- the seed article


def test_seed_story_whole_and_headline_lists_gone():
    raw = need_shared(*SEED).read_text(encoding="utf-8")
    result = load_articles([str(need_shared(*SEED))])
    assert not result.rejected
    art = result.articles[0]
    lines = raw.splitlines()
    story_end = lines.index("Top Articles in News Services")
    # Every line of the story, caption to credit, comes through unchanged and in order.
    assert art.text.splitlines() == lines[:story_end]
    # None of the headline lists' lines reach the text.
    for line in lines[story_end:]:
        if line.strip("- "):
            assert line not in art.text
    assert "ACCESS RANKING" not in art.text and "Top Articles" not in art.text


def test_seed_segments_and_publication_time():
    art = load_articles([str(need_shared(*SEED))]).articles[0]
    spans = [(s.kind, art.text[s.start : s.end]) for s in art.segments]
    assert [k for k, _ in spans] == ["caption", "dateline", "body", "credit"]
    assert spans[0][1].startswith("U.S. President Joe Biden speaks during an event")
    assert spans[0][1].endswith("November 13, 2024.")
    assert spans[1][1] == "16:16 JST, November 20, 2024"
    assert spans[2][1].startswith("President Joe Biden has approved provision of anti-personnel land mines")
    assert spans[2][1].endswith("directly involved in the war in Ukraine.")
    assert spans[3][1] == (
        "(Reporting by Mike Stone and Costas Pitas; Additional reporting by Lidia Kelly "
        "in Melbourne; Editing by Clarence Fernandez)"
    )
    assert art.published == dt.datetime(2024, 11, 20, 16, 16, tzinfo=tz(9))
    assert art.published_date == dt.date(2024, 11, 20)  # still the 19th in Washington
    assert (art.published_precision, art.published_from, art.language) == ("minute", "dateline", "en")


# ---------------------------------------------------------------- generic furniture shapes

STORY = (
    "The regional assembly passed the water bill on Thursday after a long debate over pricing.\n"
    "Farm groups said the new tariffs would raise costs for irrigators in the dry south.\n"
)


def test_trailing_title_case_headlines_without_heading_removed():
    links = "Minister Resigns Over Housing Row\nFloods Hit Coastal Towns Again\nLocal Team Wins Cup Final\n"
    cleaned = clean_text(STORY + links)
    assert cleaned.text == STORY.strip()


def test_heading_block_in_the_middle_removed_and_story_after_kept():
    block = "Related\n• Dam levels fall to record low\n• Opinion: why water should cost more\n"
    tail = "The bill now goes to the governor, who is expected to sign it next week.\n"
    cleaned = clean_text(STORY + block + tail)
    assert "Dam levels" not in cleaned.text and "Related" not in cleaned.text
    assert cleaned.text == (STORY + tail).strip()


@pytest.mark.parametrize(
    "furniture",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Share on Facebook",
        "Sign up for our newsletter to get the day's headlines",
        "This website uses cookies to give you the best experience.",
        "Read more: Drought declared in three districts",
        "Skip to main content",
        "To order a copy for 14.99 with free p & p go to the bookshop.",
    ],
)
def test_furniture_lines_removed_anywhere(furniture):
    lines = STORY.splitlines()
    cleaned = clean_text("\n".join([lines[0], furniture, lines[1]]))
    assert cleaned.text == STORY.strip()
    assert cleaned.removed_lines == 1


def test_short_closing_lines_of_a_story_are_kept():
    ending = "Asked about the vote, he said:\nWe will see.\nThe count resumes at dawn.\nNo date was set.\n"
    cleaned = clean_text(STORY + ending)
    assert cleaned.text == (STORY + ending).strip()


def test_story_mentioning_cookies_at_length_is_kept():
    line = (
        "The bakery chain said sales of cookies and cakes rose 12 percent in the quarter, helped by new stores "
        "in the capital and a price cut on its cheapest lines, while costs of flour and sugar kept rising and "
        "the company warned that margins would stay thin into next year."
    )
    assert clean_text(line).text == line


def test_credit_closes_a_wire_story_and_the_tail_goes():
    text = STORY + "(Reporting by A. Writer; Editing by B. Editor) We welcome comments on this story.\nFirst!!!\n"
    cleaned = clean_text(text)
    assert cleaned.text.endswith("(Reporting by A. Writer; Editing by B. Editor)")
    assert "First!!!" not in cleaned.text
    assert [s.kind for s in cleaned.segments] == ["body", "credit"]


def test_run_on_photo_credit_marked_as_caption_up_to_the_agency():
    line = (
        "Photograph: Jane Doe/AP The ministry said on Friday that the border would stay closed for another "
        "week while inspectors examined the new customs building, which was damaged in the storm last month "
        "and has not yet been repaired."
    )
    cleaned = clean_text(line)
    kinds = [(s.kind, cleaned.text[s.start : s.end]) for s in cleaned.segments]
    assert kinds[0] == ("caption", "Photograph: Jane Doe/AP")
    assert kinds[1][0] == "body" and kinds[1][1].startswith("The ministry said on Friday")


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("KYIV (Reuters) - Officials said", "KYIV (Reuters) -"),
        ("BARATARIA BAY, La. -- The executive said", "BARATARIA BAY, La. --"),
        ("GENEVA, May 4 (AP) — Delegates agreed", "GENEVA, May 4 (AP) —"),
        ("(AP) WASHINGTON -- The president said", "(AP) WASHINGTON --"),
    ],
)
def test_place_datelines_marked(opening, dateline):
    cleaned = clean_text(opening + " on Monday that the talks would go on.")
    assert (cleaned.segments[0].kind, cleaned.text[cleaned.segments[0].start : cleaned.segments[0].end]) == (
        "dateline",
        dateline,
    )
    assert cleaned.segments[1].kind == "body"


@pytest.mark.parametrize(
    "line, dateline",
    [
        # a copied wire page: summary bullets, an update note and the byline run into the dateline
        (
            "\\* Port reopens after strike \\* Unions to vote (Updates with quotes) By Jane Doe "
            "VALPARAISO, Chile, March 3 (Reuters) - Dockers went back to work on Monday.",
            "VALPARAISO, Chile, March 3 (Reuters) -",
        ),
        ("Grain deal extended LIMA/QUITO (AP) -- The two ministers signed on Monday.", "LIMA/QUITO (AP) --"),
    ],
)
def test_a_wire_dateline_later_in_an_opening_line_is_marked(line, dateline):
    cleaned = clean_text(line)
    marked = [cleaned.text[s.start : s.end] for s in cleaned.segments if s.kind == "dateline"]
    assert marked == [dateline]


def test_capitals_inside_a_sentence_are_no_place_dateline():
    cleaned = clean_text("The talks in GENEVA (Switzerland) - a neutral venue - went on.")
    assert [s.kind for s in cleaned.segments] == ["body"]


@pytest.mark.parametrize(
    "first",
    [
        # a wire photo's caption closed by the day it was taken, with or without a comma after the weekday
        "The minister waves to reporters outside the talks in Geneva, Tuesday, Nov. 2, 2010.",
        "Fishermen haul a boom ashore in Grand Isle, La., Thursday Aug. 5, 2010.",
        # one opened by the picture it describes
        "In this May 26 photo provided by the coast guard, a supply ship holds position over the well.",
        "In this image taken from video, a robot arm cuts the riser pipe.",
    ],
)
def test_a_news_photo_caption_opening_the_article_is_a_caption(first):
    cleaned = clean_text(first + "\n" + STORY)
    spans = [(s.kind, cleaned.text[s.start : s.end]) for s in cleaned.segments]
    assert spans[0] == ("caption", first)
    assert [k for k, _ in spans[1:]] == ["body"]


def test_a_full_date_closing_a_later_line_or_a_headline_is_no_caption():
    later = "The hearing opened in Geneva, Tuesday, Nov. 2, 2010."
    cleaned = clean_text(STORY + "\n" + later)
    assert [s.kind for s in cleaned.segments] == ["body"]
    # "In this" with no picture after it opens a sentence of the story
    first = "In this town of 4,000 people, the flood reached the church steps on Monday."
    cleaned = clean_text(first + "\n" + STORY)
    assert [s.kind for s in cleaned.segments] == ["body"]


def test_headline_above_dateline_is_not_a_caption():
    cleaned = clean_text("Flood barrier tested\nMarch 3, 2025\n" + STORY)
    assert [s.kind for s in cleaned.segments] == ["body", "dateline", "body"]


# ---------------------------------------------------------------- datelines and published values


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        (
            "16:16 JST, November 20, 2024\nPresident Joe Biden",
            dt.datetime(2024, 11, 20, 16, 16, tzinfo=tz(9)),
            "minute",
        ),
        (
            "HONG KONG | Tue May 12, 2009 8:56 am EDT HONG KONG (Reuters) - A leading virologist",
            dt.datetime(2009, 5, 12, 8, 56, tzinfo=tz(-4)),
            "minute",
        ),
        ("Saturday, May 15, 2010; 11:47 PM\nThe spill", dt.datetime(2010, 5, 15, 23, 47, tzinfo=dt.UTC), "minute"),
        (
            "Swine flu could affect third of world's population Tuesday 12 May 2009 16.36 BST The swine flu virus",
            dt.datetime(2009, 5, 12, 16, 36, tzinfo=tz(1)),
            "minute",
        ),
        ("Published: 3 March 2025\nThe talks", dt.datetime(2025, 3, 3, tzinfo=dt.UTC), "day"),
        ("June 28, 2010 - 6:39 AM\nOil", dt.datetime(2010, 6, 28, 6, 39, tzinfo=dt.UTC), "minute"),
        ("KYIV | Mon Feb 24, 2025 10:05 GMT+2 The", dt.datetime(2025, 2, 24, 10, 5, tzinfo=tz(2)), "minute"),
    ],
)
def test_datelines(text, expected, precision):
    found = find_dateline(text)
    assert found is not None
    assert found.value == expected and found.value.utcoffset() == expected.utcoffset()
    assert found.precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "On May 12, 2009 the virus reached the city.",  # a date inside a sentence is no dateline
        "The 2009 outbreak began in Mexico.",
        "Officials met at 10:30 to discuss the plan.",
        "",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_far_into_text_is_ignored():
    assert find_dateline("x " * 400 + "16:16 JST, November 20, 2024") is None


@pytest.mark.parametrize(
    "value, expected, precision",
    [
        ("2009-05-12", dt.datetime(2009, 5, 12, tzinfo=dt.UTC), "day"),
        ("2024-11-20T16:16:00+09:00", dt.datetime(2024, 11, 20, 16, 16, tzinfo=tz(9)), "minute"),
        ("2024-11-20T07:16:00.123Z", dt.datetime(2024, 11, 20, 7, 16, tzinfo=dt.UTC), "minute"),
        ("2024-11-20 16:16", dt.datetime(2024, 11, 20, 16, 16, tzinfo=dt.UTC), "minute"),
        ("Wed, 20 Nov 2024 07:16:00 -0500", dt.datetime(2024, 11, 20, 7, 16, tzinfo=tz(-5)), "minute"),
        ("November 20, 2024", dt.datetime(2024, 11, 20, tzinfo=dt.UTC), "day"),
        (1732086960, dt.datetime(2024, 11, 20, 7, 16, tzinfo=dt.UTC), "minute"),
        (1732086960000, dt.datetime(2024, 11, 20, 7, 16, tzinfo=dt.UTC), "minute"),
        (dt.date(2024, 11, 20), dt.datetime(2024, 11, 20, tzinfo=dt.UTC), "day"),
    ],
)
def test_parse_published(value, expected, precision):
    parsed = parse_published(value)
    assert parsed.value == expected and parsed.value.utcoffset() == expected.utcoffset()
    assert parsed.precision == precision


@pytest.mark.parametrize("value", ["", None, "soon", "2024-13-45", "yesterday afternoon", True])
def test_parse_published_rejects_non_dates(value):
    assert parse_published(value) is None


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The government said on Monday that it would raise taxes on fuel from next year.", "en"),
        ("Le gouvernement a annoncé lundi que les taxes sur le carburant seront relevées l'an prochain.", "fr"),
        ("Die Regierung hat am Montag angekündigt, dass die Steuern auf Kraftstoff im nächsten Jahr steigen.", "de"),
        ("El gobierno anunció el lunes que los impuestos sobre el combustible subirán el próximo año.", "es"),
        ("Il governo ha annunciato lunedì che le tasse sul carburante aumenteranno dal prossimo anno.", "it"),
        ("Правительство объявило в понедельник о повышении налогов на топливо со следующего года.", "ru"),
        ("政府は月曜日、来年から燃料税を引き上げると発表した。", "ja"),
        ("Yes.", ""),
    ],
)
def test_language(text, lang):
    assert detect_language(text) == lang


EARTHQUAKE_PAGE = """Image source, Getty Images
Image caption, Rescue workers search the rubble in the old town
Rescue teams pulled two more survivors from a collapsed apartment block on Sunday, two days after the earthquake.
The regional governor said 41 people had died and more than 300 were injured.
Sign up for our morning briefing to get the news in your inbox
Aid convoys reached the worst-hit villages by the evening, the Red Crescent said.
___
Associated Press writer Lena Example in Ankara contributed to this report.
Related Topics
Earthquakes
Turkey
More on this story
Survivors describe night of terror
Published 2 days ago
How earthquakes are measured
Published 1 day ago
Share
Reuse this content"""


def test_other_site_shapes_topics_story_lists_and_sign_ups():
    cleaned = clean_text(EARTHQUAKE_PAGE)
    lines = EARTHQUAKE_PAGE.splitlines()
    assert cleaned.text.splitlines() == lines[0:4] + [lines[5], lines[7]]
    spans = [(s.kind, cleaned.text[s.start : s.end]) for s in cleaned.segments]
    assert [k for k, _ in spans] == ["caption", "caption", "body", "credit"]
    assert spans[3][1] == lines[7]


def test_furniture_sentence_after_a_credit_cut_and_credit_kept():
    text = STORY + "Writing by Ann Example; editing by Bo Sample) We welcome comments that advance the story.\n"
    cleaned = clean_text(text)
    assert cleaned.text.endswith("Writing by Ann Example; editing by Bo Sample)")
    assert "We welcome" not in cleaned.text


def test_a_newspapers_print_note_cuts_its_line_however_long():
    # a page copied as one line: the note runs on into the site's feeds, which name actors and verbs of their own
    feed = " ".join(["Follow the top stories of the day with our world news team: police raided a depot today."] * 8)
    text = (
        STORY + "A version appeared on p17 of the Main section of the Daily Example on Monday 3 May 2010 " + feed + "\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == clean_text(STORY).text
    # the story's own line before the note stays
    cleaned = clean_text(STORY.rstrip("\n") + " A version appeared on p2 of the Main section on Monday.\n")
    assert cleaned.text == clean_text(STORY).text


def test_a_line_of_other_sites_headlines_stamped_with_their_age_is_dropped():
    headlines = (
        "Example Post Rescuers reach the flooded valley - 12 hrs ago Daily Example Minister calls for calm - "
        "1 hr ago Example Times Aid convoy attacked near the border - 45 mins ago\n"
    )
    assert clean_text(STORY + headlines).text == clean_text(STORY).text
    # an age in the story's own prose is no stamp
    prose = "The attack came two hours ago and 3 hours ago the police had warned of it.\n"
    assert "3 hours ago" in clean_text(STORY + prose).text


def test_lone_headline_line_becomes_the_title(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "Ceasefire takes hold along the river\n\nKHERSON, Ukraine, Nov 11, 2022 (Example Wire) - "
        "The guns fell silent at dawn, officials said.\n"
    )
    art = load_articles([str(path)]).articles[0]
    assert art.title == "Ceasefire takes hold along the river"
    assert art.text.startswith("KHERSON, Ukraine, Nov 11, 2022 (Example Wire) - The guns")
    assert (art.segments[0].kind, art.text[art.segments[0].start : art.segments[0].end]) == (
        "dateline",
        "KHERSON, Ukraine, Nov 11, 2022 (Example Wire) -",
    )
    assert (art.published, art.published_precision, art.published_from) == (
        dt.datetime(2022, 11, 11, tzinfo=dt.UTC),
        "day",
        "dateline",
    )


def test_first_sentence_is_not_taken_for_a_title():
    text = "The guns fell silent at dawn, officials said.\n\nTalks resume on Monday."
    art = load_articles([text]).articles[0]
    assert art.title == "" and art.text == text


def test_bracketed_photo_credit_marks_a_caption():
    cleaned = clean_text(
        "Officers board a plane in Nairobi. (Photo: Example Courier)\n08:00 EAT, June 26, 2024\n" + STORY
    )
    spans = [(s.kind, cleaned.text[s.start : s.end]) for s in cleaned.segments]
    assert spans[0] == ("caption", "Officers board a plane in Nairobi. (Photo: Example Courier)")
    assert spans[1] == ("dateline", "08:00 EAT, June 26, 2024")
    assert cleaned.dateline.value == dt.datetime(2024, 6, 26, 8, 0, tzinfo=tz(3))


def test_reader_comment_thread_is_cut_from_its_first_header():
    story = (
        "Flood defences failed in the river town on Monday, officials said.\n"
        "Engineers began pumping water out of the lower streets the next morning.\n"
    )
    thread = (
        "At 2:04 pm on 29 May 2009, riverwatcher wrote: The council ignored every warning.\n"
        "At 09:53 am on 30 May 2009, Ann_B wrote: My street was under water by noon.\n"
    )
    cleaned = clean_text(story + thread)
    assert "riverwatcher" not in cleaned.text and "council ignored" not in cleaned.text
    assert "Engineers began pumping water" in cleaned.text
    # the BBC's blogs write the header without "on": "At 12:19 26th Apr 2009, Jim213 wrote:"
    cleaned = clean_text(story + "At 12:19 26th Apr 2009, Jim213 wrote: The council ignored every warning.")
    assert "council ignored" not in cleaned.text and "Engineers began pumping water" in cleaned.text


def test_a_header_inside_a_line_also_opens_the_thread():
    text = (
        "Ministers met in Geneva on Tuesday to discuss the ceasefire.\n"
        "Talks will resume next week. At 11:20 pm on 3 Jun 2010, observer7 wrote: a waste of time."
    )
    assert clean_text(text).text.endswith("Talks will resume next week.")


def test_a_thread_signed_after_each_post_is_cut_at_the_first_signature():
    story = "The agency fined the operator on Monday for the leak.\nThe operator said it would appeal the fine.\n"
    thread = (
        "Nobody believes a word they say. Posted by: river_rat | July 19, 2010 9:25 AM | Report abuse "
        "They should pay ten times that. Posted by: ann_b | July 19, 2010 9:31 AM | Report abuse"
    )
    cleaned = clean_text(story + thread).text
    assert "ten times" not in cleaned and "ann_b" not in cleaned and "Posted by" not in cleaned
    assert "The operator said it would appeal the fine." in cleaned
    # a story that names who posted something, with no time after it, is kept
    text = "The video was posted by: a local group, police said on Monday."
    assert clean_text(text).text == text


def test_story_quoting_what_someone_wrote_is_kept():
    text = (
        "The envoy wrote: the talks have stalled. At the summit on 3 June 2010, leaders agreed "
        "to meet again in the autumn."
    )
    assert clean_text(text).text == text


def _listing(n_slots: int) -> str:
    slots = [
        f"{h}.00-{h + 1}.00 pm A presenter plays new music and talks to a guest. Presenter/Jo Bloggs, "
        f"Producer/Sam Smith"
        for h in range(1, n_slots + 1)
    ]
    return "Transmission details in the programme information are not updated.\n" + "\n".join(slots)


def test_broadcast_listings_read_as_listings_and_are_rejected():
    assert looks_like_listing(_listing(6))
    with pytest.raises(InputRejected, match="broadcast listings"):
        build_article(RawArticle(origin="guide.txt", text=_listing(6)))


def test_a_story_with_a_few_times_and_a_producer_is_no_listing():
    text = (
        "The film's producer/director said on Monday that shooting would run from 9.00-11.00 am each day "
        "on the island. " * 2
    ) + "Local officials welcomed the production, which will employ 200 people. " * 20
    assert not looks_like_listing(text)
    assert not looks_like_listing(_listing(1))


def test_furniture_run_into_the_story_is_cut_and_the_story_kept():
    # a page's prompt to download a document, with no stop before the story's next sentence
    raw = (
        "The latest case, an adult from Slough, was confirmed.\n"
        "Most computers will open this document automatically, but you may need Adobe Reader "
        "It brought the overall totals to 24 in England.\n"
        "Most computers will open this document automatically, but you may need Adobe Reader\n"
        "Five schools have closed."
    )
    assert clean_text(raw).text == (
        "The latest case, an adult from Slough, was confirmed.\n"
        "It brought the overall totals to 24 in England.\n"
        "Five schools have closed."
    )
    # a blog's byline and clock run into its first sentence
    raw = "Olek Brandt | 09:26 UK time, Friday, 11 June 2010 Commentators discuss the spill.\nThe mayor left."
    assert clean_text(raw).text == "Commentators discuss the spill.\nThe mayor left."
    # a bar inside a sentence is no byline
    assert clean_text("Kenya | Uganda talks resumed on Friday.").text == "Kenya | Uganda talks resumed on Friday."


def test_a_wire_agency_in_brackets_opening_a_line_is_a_credit():
    # left by a photo's credit: the story goes on after it, and the agency is no one's name in it
    raw = (
        "The hearing ended at noon.\n(AP) Senators rebuked one of their own on Friday.\n(AP Photo) The vote was close."
    )
    cleaned = clean_text(raw)
    credits = [cleaned.text[s.start : s.end] for s in cleaned.segments if s.kind == "credit"]
    bodies = [cleaned.text[s.start : s.end] for s in cleaned.segments if s.kind == "body"]
    assert credits == ["(AP)", "(AP Photo)"]
    assert bodies == [
        "The hearing ended at noon.",
        "Senators rebuked one of their own on Friday.",
        "The vote was close.",
    ]
    # a photo's caption may follow the credit on its line
    raw = "The hearing ended at noon.\n(AP) Ana Costa, left, hugs her son at the pier in Kenner, La., Thursday, April 22, 2010."
    cleaned = clean_text(raw)
    assert [s.kind for s in cleaned.segments] == ["body", "credit", "caption"]
    # a bracket of other words opening a line is the story's own
    cleaned = clean_text("(Updated) Senators rebuked one of their own on Friday.")
    assert [s.kind for s in cleaned.segments] == ["body"]


def test_the_clocks_opening_a_live_pages_entries_are_stamps_not_years():
    raw = (
        "Live: the quake in Haiti\n"
        "1654 Ana Costa, writing in a blog, urged aid groups to plan ahead.\n"
        "1643 US officials say aid flights have resumed.\n"
        '1630 "We are sending teams," the UN said.\n'
        "1994 was the year US troops last landed there."
    )
    cleaned = clean_text(raw)
    stamps = [cleaned.text[s.start : s.end] for s in cleaned.segments if s.kind == "dateline"]
    assert stamps == ["1654", "1643", "1630"]  # "1994" is no time of day
    # two clocks at a line's start make no live page
    cleaned = clean_text("1654 people were evacuated.\n1643 homes were lost.\nThe mayor spoke.")
    assert [s.kind for s in cleaned.segments] == ["body"]
