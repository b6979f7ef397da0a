"""Sentences that report no happening between actors give no event; happenings next to them still do.

Every sentence was written for these tests (cues.toml [nonevent], plover.py and the mode and nouns
stages of stages.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from extract.events.extract_one import article_events
from extract.events.plover import find_cues, other_sense, reduced_relative
from extract.events.tokens import tokenize
from extract.model import Article


def _rows(text: str, day: str = "2011-03-09") -> list[dict]:
    art = Article(id="t", text=text, published=dt.datetime.fromisoformat(day + "T12:00:00+00:00"))
    rows, _note = article_events(art)
    return rows


def _types(text: str, day: str = "2011-03-09") -> list[str]:
    return [r["event_type"] for r in _rows(text, day)]


@pytest.mark.parametrize(
    "text",
    [
        # a trip to a private place is no visit
        "The senator arrived at hospital at 9pm on Tuesday.",
        "Minister Ana Ruiz returned to work on Monday after a short illness.",
        "President Rui Matos left hospital on Monday after a minor stroke.",
        # a participle that only describes a noun
        "A statement released by the Elysee on Tuesday was brief.",
        "The vaccine is one of the drugs approved by the European Medicines Agency as safe for children.",
        # a verb of beginning whose subject is itself a happening
        "The shooting began shortly after dawn on Tuesday.",
        # declining to speak, a career, a new job
        "A ministry spokesman declined to comment on the report on Tuesday.",
        "The spokeswoman refused to give further details on Monday.",
        "The Imperial College London team declined to estimate the death toll on Monday.",
        "The minister refused to name the companies involved on Tuesday.",
        "Siemens declined comment on the claims on Monday.",
        "A Total official asked not to be identified on Monday.",
        "A Repsol spokesman did not immediately return a telephone message on Monday seeking additional details.",
        "A Total official, speaking on Monday on condition of anonymity because he was not authorized to discuss the "
        "reserves, gave a lower figure.",
        "Total has received thousands of suggestions from the public on how to stop the leak since Monday.",
        "Total said on Monday its relief well would intercept the leaking well in August.",
        "Total said on Monday its engineers would fight the leak with a new dome.",
        "Minister Ana Ruiz was met with scepticism in Lyon on Monday.",
        "A Total spokesman declined immediate comment on Tuesday.",
        # a running count or a reader's greeting names no one
        "A summary of events on Tuesday, May 25, Day 34 of the Gulf of Mexico oil spill that began with the April 20 "
        "explosion.",
        "Dear customers, thank you for your support of our company on Monday.",
        # meeting costs and receiving claims are no meeting and no visit
        "Under US law, BP will be expected to meet all the costs of the clean-up operation from Monday.",
        "BP also said on Monday it had received 15,000 claims for compensation.",
        "The president hosted a telethon for the flood victims on Friday.",
        "Leslie attended school in Eglwys-Fach on Monday.",
        # a trip that names no one who went, only where, is travel
        "The two other new cases of the virus confirmed on Monday were adults who had visited Mexico.",
        # a technique's name holding a cue word ("top kill", "junk shot"), and launching it, is no attack
        "BP launched the top kill on Wednesday.",
        "BP said on Friday the top kill had failed.",
        # "give" with a word of telling or ending after it gives no aid
        "Kent Wells was hesitant on Monday to give a firm timeframe for the test.",
        "A spokesman for Shell did not respond to requests for comment on Monday.",
        # what a passive was done for is an aim, not a happening
        "The concert was organised on Friday to raise funds for flood victims.",
        "Neither the ANP nor BP immediately responded to requests for a comment on Monday.",
        "Paul Hart studied physics and helped develop diving robots for the navy.",
        "Ana Ruiz helped oversee Repsol's safety records on Monday.",
        "A Kremlin aide who had helped arrange the president's schedule fell ill on Monday.",
        "In April 2009, Ana Ruiz joined the board of Repsol.",
        "Ukraine's border guards have given their lives in the line of duty, Kyiv said on Monday.",
        "The admiral said on Friday that he will join the Brookings Institution as a senior fellow.",
        # a verb of beginning after "which" that stands for a happening
        "Officials studied the outbreak, which began on March 3 in a market.",
        # an accident is no assault by an actor
        "The March 7 explosion at the Leeds chemical plant killed four workers.",
        "A refinery blast killed six workers in Texas on Monday.",
        # harm undergone in an accident named after the verb
        "Maria Lopes, a nurse from Porto, was killed in the earthquake on Friday.",
        "Prime Minister Rui Matos says 300 people may have been killed by Tuesday's 7.0-magnitude earthquake.",
        "The Red Cross said on Monday that four of its volunteers were injured in the storm.",
        "Canada said a teacher from Ottawa died of swine flu on Sunday.",
        # a heading in capitals run into the text names no one and does nothing
        "NEW SEAL FOR DAMAGED PIPELINE During Monday's test the flow of gas was suspended.",
        "DEMANDS FOR COMPENSATION GROW The hearing in Gdansk follows one held in Sopot on Monday.",
        # a market's move is a price, no deed
        "Siemens shares closed down 1.4 percent at 470 pence in Frankfurt on Monday.",
        "BP shares closed at 390p on Friday, recovering the losses of a choppy session on Thursday.",
        # a sum in pounds is no pounding
        "BP Asia last year chalked up 1.18 billion pounds in sales on Monday.",
        "The Nikkei average closed 0.6 percent lower on Tuesday.",
        "Repsol's shares in Madrid ended Monday trading down 2.1%.",
        "Shares in Repsol tumbled 16 percent on Monday.",
        # a tally with a virus's name between the verb and its noun
        "The WHO on Monday confirmed 412 H1N1 infections in nine countries.",
        # a death the model reads as another type is no happening of that type
        "Lothian health board said tonight that her son, named Tom, also died today.",
        "Ana Ruiz, who had been ill for some time, died on Friday evening at St Mary's hospital in London.",
        # a machine that blows up is an accident, and the company Shell or a "junk shot" names no weapon
        "The Brent Delta platform exploded on Sunday, Shell said on Monday.",
        "The Seacrest rig blew up on Sunday, the company said on Monday.",
        "Engineers tried a junk shot on Monday after the Seacrest rig exploded on Sunday.",
        # a storm is weather, not troops storming a building
        "Tropical storm Delia slowed the clean-up work off Veracruz on Monday.",
        "With Hurricane Delia approaching, Pemex said on Monday it would delay the work.",
        "The coming storm may push the oil into the marshes of Tabasco, Pemex said on Monday.",
        # a question asked is no happening told
        "Why has Canada pledged $80m and Norway $60m for Chad since Monday?",
        "Did Ottawa really think it could sanction Beijing on Monday without a reply?",
        # a duty, a cause, a salary and a question put are no charge, thanks, visit or request
        "The Danish Energy Agency, charged with overseeing drilling, did not respond on Monday.",
        "Maersk smashed forecasts on Monday thanks to rising freight rates.",
        "Danish output rose on Monday, thanks in large part to Maersk's work in the North Sea.",
        "Kasper Dolberg fired in his sixth goal of the season for Ajax on Monday.",
        "Former minister Rui Costa seriously injured himself in a fall near Porto on Monday.",
        "Four recent hurricanes have hit Ana Ruiz's coastal district in Tabasco, Pemex said on Monday.",
        "Rui Costa was airlifted by helicopter to hospital in Porto on Monday.",
        "Many Portuguese tourists came back from Mexico on Monday, Lisbon airport said.",
        "The fado singer Amalia Rodrigues: her biggest hits, played in Lisbon on Monday.",
        "Oil is seeping from the stricken Galp well, Portugal's premier Ana Ruiz said on Monday.",
        "The singer was found at his Lisbon home on Monday after he stopped breathing.",
        "Ana Ruiz will receive a year's salary plus benefits, Repsol said on Monday.",
        "Ana Ruiz was asked on Monday how confident she was that the plan would work.",
        # a count reached is no blow struck
        "Ohio's deer population had hit ten million by Monday.",
        # a ship on a reef, a slick reaching a coast, tools deployed, a closing price, a post taken over, a
        # reception and threats received, a fact shown: no deed between actors
        "The tanker Sea Empress hit a reef off Milford Haven on Monday.",
        "Galp and the Portuguese navy fought to contain a massive oil slick expected to hit the Algarve coast on Friday.",
        "Pemex deployed a long suction tube to the larger of the two leaks on Monday.",
        "Repsol closed 2 percent higher in Madrid on Thursday.",
        "Ana Ruiz took over that role on Monday from Rui Costa, who retires.",
        "His speech on Portugal was well received by Ana Ruiz on Monday.",
        "Rui Costa received a number of death threats on Monday after his report.",
        "Lisbon received four inches of rain on Monday.",
        "Neglect, as demonstrated by Lisbon's housing policy on Monday, has given way to anger.",
        # engineering, a speech, a cold pipe, wildlife, a premiere: no deed between actors
        "Repsol hopes a pair of relief wells now being drilled will halt the leak in August.",
        "Portugal's president Ana Ruiz delivered a speech in Porto on Monday on the economy.",
        "Ana Ruiz said on Monday the pigs would be slaughtered and their meat would be frozen.",
        "Repsol must ensure that the lines do not freeze once the flow of oil stops on Monday.",
        "Governor Ana Ruiz showed photos on Monday proving that oil was killing cane plants along the coast.",
        "Rui Costa's play about the war received its Spanish premiere in Madrid this week.",
        # tallies announced, an event attended, the father at an awards show: no deed between actors
        "The World Health Organisation reported on Friday that only 145 had died.",
        "Japan and Australia announced their first cases of the new flu on Saturday.",
        "Rodrigues's father joined celebrities at the annual music awards show in Lisbon on Sunday.",
        "Ana Ruiz and Repsol vice president Rui Costa were attending an event on Monday to promote the Lisbon games.",
        "The interview, snippets of which were released last night by RTP, is due to air in Portugal later today.",
        "Yesterday it emerged one armed officer involved has been given leave, Lisbon police said on Monday.",
        # a town hit hard by a spill, a game behind closed doors, fired up, aesthetic appeal, helping organise
        "Mayor Ana Ruiz of Faro, a tourist town hit particularly hard by the oil spill, spoke on Monday.",
        "Another game at the Estadio da Luz will also be played behind closed doors on Monday.",
        "But whatever happened on Monday, Rui Costa was fired up.",
        "Lisbon is famous for its hills, not aesthetic appeal, Ana Ruiz said on Monday.",
        "The singer helped organise a charity telethon with the actor Rui Costa last week.",
        # an investiture, a question asked, access given to a journalist, a photo released
        "Ana Ruiz was invested as a Commander of the Order of Santiago in Lisbon on Monday.",
        "Reporters asked an obvious question at the ministry on Friday.",
        "The journalist Rui Costa was one of the first to be given access to the plant on Monday.",
        "The Lisbon government released a photo of the president swimming on Monday.",
        "Ana Ruiz, mayor of Faro, one of the hardest hit areas along the coast, spoke on Monday.",
        "Repsol shares jumped 6.0 percent in Madrid on Monday on comments suggesting the flow of oil had already been"
        " restricted.",
        # a pronoun's contraction opening the sentence names no one
        "He's allowed them to define the facts of this spill, Ana Ruiz said on Monday.",
        # the reader told what they may do
        "You can donate to the Lisbon flood appeal via its website from Monday.",
        "You can't blame Ana Ruiz for being angry, Rui Costa said on Monday.",
        # a press release frees no one, and what is generally accepted is no one's acceptance
        "The Portuguese energy firm said in a press release Monday that the money will go to research.",
        "It's widely accepted that it will take months before Portuguese scientists know the damage done by Galp on "
        "Monday.",
        # "given" read as "considering" gives nothing to anyone
        "Given that Galp is a core holding of most Portuguese pension funds, that is billions of euros off the wealth "
        "of savers on Monday.",
        "It is tempting to rush to judgement on the Portuguese firm Galp on Monday, given the doubts expressed by "
        "engineers.",
        # "help" + a verb of causing tells a cause, no help given
        "Lisbon's backing helped boost Galp shares on Monday.",
        "Portugal's health ministry said testing had helped confirm that the fish was safe.",
        "The public anger helped prompt the Portuguese authorities into action on Monday.",
        # a career before joining a body
        "Prior to joining Galp, Rui Matos worked at newspapers in Lisbon and Porto until Monday.",
        # where a person stands in a photo
        "Rui Matos, left, hugs his neighbour at a hotel in Lisbon on Thursday.",
        "Ana Costa (left) greets Rui Matos in Lisbon on Thursday.",
        # an illness kills, no one attacks
        "Portugal's former finance minister Jorge Matos suffered a heart attack on Friday.",  # an office, no aid
        "Jorge Matos, a former Portuguese minister, suffered a heart attack on Friday.",
        "Corporal Rui Matos, 34, of the Portuguese army, died from natural causes on Friday.",
        "The Portuguese singer Ana Moura died of cancer in Lisbon on Friday.",
    ],
)
def test_no_event(text):
    assert _rows(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nor have they allowed Portuguese investigators to talk to the guard on Monday.",
        "Neither has been charged with any offence by the Lisbon police on Monday.",
    ],
)
def test_a_negator_opening_the_sentence_names_no_one(text):
    rows = _rows(text)
    assert rows  # what the sentence tells stays ...
    assert not {"Nor", "Neither"} & {a for r in rows for a in (r["source_actor"], r["target_actor"])}  # ... by no one


def test_the_accident_verb_after_which_names_no_assault():
    text = "Engineers studied the March 7 disaster at the Leeds plant, which killed four workers."
    assert "ASSAULT" not in _types(text)


def test_staff_killed_in_a_quake_are_no_attack_beside_the_aid_sent():
    text = "Oxfam, which had two of its staff killed in the quake, sent a team to Izmir on Monday."
    assert _types(text) == ["AID"]


def test_a_deal_told_after_a_market_move_is_still_one():
    text = "Repsol shares rose 3 percent on Monday after the company agreed to sell its Argentine unit to Sinopec."
    assert len(_rows(text)) == 1  # the sale's row (its type is the model's), not dropped with the price


def test_a_death_in_an_attack_named_after_the_verb_is_still_one():
    text = "Twelve soldiers were killed in an ambush by Taliban fighters in Helmand on Monday."
    assert "ASSAULT" in _types(text)


@pytest.mark.parametrize("text", ["Austria has offered 3m dollars in aid.", "Germany has offered 1m dollars in aid."])
def test_an_offer_the_model_alone_finds_is_a_promise_and_no_negation(text):
    # the model reads the clause with no rule cue; with no negator in it, its "negated" is no reading
    assert [r["mode"] for r in _rows(text)] == ["future"]


def test_help_vowed_is_a_promise_of_aid_and_the_spill_no_attack():
    # a vow to pay is a pledge of material help (AID future), not a threat; the oil spill named after it is no attack
    text = "Repsol vowed on Monday to pay all clean-up costs from the massive oil spill off Galicia."
    assert [(r["event_type"], r["mode"], r["source_actor"]) for r in _rows(text)] == [("AID", "future", "Repsol")]
    assert [(r["event_type"], r["mode"]) for r in _rows("BP vowed to pay all legitimate claims.")] == [
        ("AID", "future")
    ]
    # a vow of harm stays a threat
    assert _types("Al-Qaida vowed yesterday to kill anyone involved.") == ["THREATEN"]


def test_troops_deployed_and_ports_closed_are_still_events():
    assert _types("The Lebanese army deployed thousands of soldiers in the south on Sunday.") == ["MOBILIZE"]
    text = "On Monday Mexico closed its Gulf coast ports, which handle around 80% of the country's oil exports."
    assert len(_rows(text)) == 1  # a closure, not a price


def test_a_court_asked_to_rule_on_whether_is_still_a_request():
    text = "Repsol asked a court in Madrid on Monday to rule on whether the ban was lawful."
    assert _types(text) == ["REQUEST"]


def test_the_asking_of_a_quoted_question_is_still_told():
    rows = _rows("Minister Ana Ruiz asked the Chadian envoy on Monday: 'Will you release the prisoners?'")
    assert [r["source_actor"] for r in rows] == ["Ana Ruiz"]


def test_destroying_its_own_missiles_is_no_attack():
    text = "Libya agreed on Monday to a deadline to destroy its chemical weapons, Tripoli said."
    assert "ASSAULT" not in _types(text)


def test_storming_a_building_is_still_an_attack():
    assert "ASSAULT" in _types("Rebel fighters stormed the presidential palace in Bangui on Monday.")


def test_a_car_that_explodes_in_a_story_of_bombs_is_still_an_attack():
    text = "Insurgents planted bombs across Mosul. A car exploded near a police station in Mosul on Monday."
    assert "ASSAULT" in _types(text)


def test_a_blast_in_a_story_of_bombs_is_still_an_attack():
    text = "Militants planted a bomb near the market. The March 7 blast killed four soldiers in Kandahar."
    assert "ASSAULT" in _types(text)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Insurgents derailed a freight train in Idlib on Tuesday.", "ASSAULT"),
        ("Repsol said on Monday that its chairman Ana Ruiz will stand down after sustained criticism.", "CONCEDE"),
        ("BP was forced to suspend dividend payments on Monday.", "CONCEDE"),  # a passive governing the verb
        ("President Lula arrived in Buenos Aires on Monday for talks with Argentina's leaders.", "CONSULT"),
        ("Russian troops shelled the town of Kupiansk on Monday.", "ASSAULT"),
        ("Iran refused to give the inspectors access to the site on Monday.", "REJECT"),
        ("Turkish rescuers helped evacuate 300 villagers on Monday.", "AID"),
        ("Poland joined the coalition against Russia on Monday.", None),
        ("The Israeli army was accused by Amnesty International of killing two medics on Tuesday.", None),
    ],
)
def test_still_an_event(text, etype):
    types = _types(text)
    assert types, text
    if etype:
        assert etype in types


def _cue(text: str, word: str):
    toks = tokenize(text, 0, len(text))
    return toks, next(c for c in find_cues(toks) if toks[c.i].lower == word)


def test_reduced_relative_only_without_an_auxiliary():
    toks, cue = _cue("The aid was released by Turkey on Friday.", "released")
    assert not reduced_relative(toks, cue)
    toks, cue = _cue("New figures released by the ministry showed a fall.", "released")
    assert reduced_relative(toks, cue)
    toks, cue = _cue("The army attacked the town at dawn.", "attacked")
    assert not reduced_relative(toks, cue)


def test_a_bare_noun_after_a_preposition_is_described_by_the_participle_but_for_a_killing():
    toks, cue = _cue("This image made from video released by the navy shows the well.", "released")
    assert reduced_relative(toks, cue)
    toks, cue = _cue("Reports of protesters killed by police reached the capital.", "killed")
    assert not reduced_relative(toks, cue)


@pytest.mark.parametrize(
    ("text", "word", "other"),
    [
        ("The navy, which has been hit by scandals, said it would act.", "hit", True),
        ("The navy hit the rebel camp at dawn.", "hit", False),
        ("Yet the liability cap is problematic enough.", "cap", True),
        ("Many of the firm's shareholders are pension funds.", "funds", True),
        ("She died after suffering a cardiac arrest at home.", "arrest", True),
        ("Nobody gave him a chance in the final.", "gave", True),
        ("Turkey gave tents to the survivors.", "gave", False),
        ("Men in black turbans, as opposed to suits, stood at the gates.", "opposed", True),
        ("He had not abandoned hope of a return.", "abandoned", True),
        ("They have attacked the problem as if it were larger.", "attacked", True),
        ("The firm will have to meet compensation claims from its own resources.", "meet", True),
        ("Much discussed in recent days is the minister's failure to act.", "discussed", True),
        ("Pupils unable to attend an exam will get grades from coursework.", "attend", True),
        ("The firm will start to fight its own corner next week.", "fight", True),
        ("The rebels will fight the army next week.", "fight", False),
        ("The rig had overturned in an inland waterway.", "overturned", True),
        ("The court overturned the ban.", "overturned", False),
        ("The relationship had been scandalously close.", "close", True),
        ("Shares recovered to close nearly unchanged in Lisbon.", "close", True),
        ("The army will close the border crossing.", "close", False),
        ("The president is going to kill the industry in Louisiana.", "kill", True),
        ("Galp and Eni are the only fully publicly traded oil companies larger than Sonae.", "traded", True),
        ("Staff check passengers arriving from Mexico.", "arriving", True),
        ("The minister is arriving in Mexico on Monday.", "arriving", False),
        ("His crew on Wednesday found oil about 18 miles off the coast.", "found", True),
        ("The company had struck oil in April.", "struck", True),
        ("The cap was capturing much less of the leaking oil than before.", "capturing", True),
        ("Troops captured the rebel commander near the border.", "captured", False),
        ("The agency does not charge for its information.", "charge", True),
        ("Prosecutors will charge the doctor with manslaughter.", "charge", False),
        ("Drones struck oil facilities in the east.", "struck", False),
        ("The minister struck a conciliatory tone.", "struck", True),
        ("The boycotts have hardly wounded the firm's bottom line.", "wounded", True),
        ("A commission found that oil companies cut corners.", "found", False),
        ("Zoellick was bombarded with complaints about the pace of aid.", "bombarded", True),
        ("Repsol may have helped itself by setting up a fund.", "helped", True),
        ("This accident not only sets back Repsol but the industry.", "back", True),
        ("The tanker rammed the rocky reefs off the coast.", "rammed", True),
        ("So Repsol launched an online contest to find a new logo.", "launched", True),
        ("She gave him an encouraging pat on the back.", "gave", True),
        ("We welcome your comments on the programme.", "welcome", True),
        ("The firm has shelled out more than $8 billion in costs.", "shelled", True),
        ("The paper, citing sources close to the group, said the bid was off.", "close", True),
        ("Officials closed the public beach on Friday.", "closed", False),
        ("A vessel returns to port late in the afternoon.", "returns", True),
        ("Rui Costa, who will take charge on October 1, met the board.", "charge", True),
        ("Last year the firm paid out about 7bn euros in dividends.", "paid", True),
        ("The firm has paid out 30m euros to fishermen.", "paid", False),
        ("The flow has been declining from 5,000 barrels a day.", "declining", True),
        ("Lisbon declined the invitation to the summit.", "declined", False),
        ("Investors are giving more thought to the climate.", "giving", True),
        ("Her son settled there in 1862.", "settled", True),
        ("The two firms settled the lawsuit in Lisbon.", "settled", False),
        ("He is doing it to settle old scores with ministers.", "settle", True),
        ("Repsol has settled on a new cleaning approach.", "settled", True),
        ("Repsol took a 3.2 billion charge in the second quarter.", "charge", True),
        ("Rui Costa is in day-to-day charge of the response.", "charge", True),
        ("Prosecutors will charge Rui Costa with fraud.", "charge", False),
        ("The new valve is intended to give Repsol a way to disconnect its pipes.", "give", True),
        ("Yesterday there was only one gas station operating in town.", "station", True),
        ("Portugal will station troops in the south.", "station", False),
        ("The anniversary has received precious little coverage in Lisbon.", "received", True),
        ("My colleague Rui Costa will be taking over the blog for the rest of the day.", "taking", True),
        ("The rally gave Repsol a market value of 20 billion euros.", "gave", True),
        # a sum in another currency in brackets is an aside, not the end of the phrase
        ("The firm had been expected to pay out $10.5bn (£7.2bn) in dividends.", "pay", True),
        ("Repsol said it had captured 25,830 barrels (1,084,860 gallons) of oil.", "captured", True),
        # "seek to" is an attempt; "seek" with an object is a request
        ("BP sought to reassure investors on Tuesday.", "sought", True),
        ("Mexico sought assurances from China on Tuesday.", "sought", False),
        # stopping the oil or closing a valve is work on a well, no sanction
        ("The leaking oil was stopped on July 15.", "stopped", True),
        ("On Thursday the firm closed the vents on the riser.", "closed", True),
        ("The stocks trimmed early losses to close off their lows.", "close", True),
        ("Officials closed the border on Thursday.", "closed", False),
        # work on a well given up is no withdrawal, even with the work's name in quotes
        ('At the weekend Repsol abandoned a "top kill" operation to fix the leak.', "abandoned", True),
        ("Repsol abandoned an attempt to cap its well on Monday.", "abandoned", True),
        ("The rebels abandoned the town on Monday.", "abandoned", False),
        ("The president abandoned his bid for re-election on Sunday.", "abandoned", False),
        # a verb in quotes still takes its object's sense
        ('With a last shot of cement, Repsol permanently "killed" its well.', "killed", True),
        ('The tests would "provide" valuable data, officials said.', "provide", True),
        # a concert that clashes with a trial, and a clash in a debate, are a clash of dates and of words
        ("The brothers say the concert will clash with Rui Costa's trial.", "clash", True),
        ("The two men clashed in a heated debate on Iraq in New York.", "clashed", True),
        ("Thousands of people clashed with police after the trial.", "clashed", False),
        # an idiom of feeling helps no one; an argument bought is believed, not traded
        ("We can't help but share the minister's shock at the decision.", "help", True),
        ("Spain will help Portugal rebuild the bridge.", "help", False),
        ("He never bought the WMD argument put by the government.", "bought", True),
        ("Portugal bought two frigates from Spain in May.", "bought", False),
        # a fact recognized is granted, no state or government recognized
        ("The report does recognize there were gaping lapses in oversight.", "recognize", True),
        ("Officials recognized the need for change in May.", "recognized", True),
        ("Officials recognised the need for change in May.", "recognised", True),  # the British spelling
        ("Portugal recognized the new government in Tripoli.", "recognized", False),
        # a reminder to act is a request; being reminded of something, or by someone, is none
        ("Staff have been reminded to wash their hands.", "reminded", False),
        ("He reminded me of a European politician.", "reminded", True),
        ("The public were constantly reminded by priests that the war was just.", "reminded", True),
        # damages awarded are money; footage shot is filmed; papers leaked to the press are told, no oil spilled
        ("Rui Costa was awarded damages against two newspapers.", "damages", True),
        ("The storm damages homes along the coast.", "damages", False),
        ("The BBC used two phone sequences shot by members of the public.", "shot", True),
        ("The papers were controversially leaked to the press on Monday.", "leaked", True),
        ("Oil leaked into the bay on Monday.", "leaked", False),
        # what a thing lets happen is no concession; rules released are published
        ("Conditions were safe enough to allow the crane to lift the device.", "allow", True),
        ("The cash flows would allow it to raise spending.", "allow", True),
        ("Sudan allowed US personnel to interrogate suspects.", "allowed", False),
        ("Rui Costa will release his final rules on Monday.", "release", True),
        # rubbish rammed into a leak attacks no one; helping the economy aids no one
        ("The plan is to ram rubbish such as golf balls into the leak.", "ram", True),
        ("The tax will help the Greek economy.", "help", True),
        # an analyst's rating is no purchase
        ('The analyst raised Galp to "buy" from "hold" on Monday.', "buy", True),
        # a place in a photo, sign language and signing up for a scheme are no withdrawal and no accord
        ("Robots swarm the blowout preventer, bottom left.", "left", True),
        ("The villagers use sign language to talk.", "sign", True),
        ("Thousands signed up to a Facebook page on Monday.", "signed", True),
        ("Portugal and Spain signed a treaty in Lisbon.", "signed", False),
        # taking over an operation or a mill is a job, no seizure
        ("Texaco took over the operation in 1964.", "took", True),
    ],
)
def test_words_around_a_cue_that_give_it_another_sense(text, word, other):
    toks, cue = _cue(text, word)
    assert other_sense(toks, cue) is other


def test_a_describing_participle_with_a_date_of_its_own_tells_a_happening():
    # "a pair of pigs donated by China in 2002": the gift, with its year; undated, the participle names a thing
    rows = _rows("The zoo's last pig, one of a pair donated by China in 2002, was moved on Monday.", "2009-05-06")
    assert [(r["event_type"], r["source_actor"], r["date"]) for r in rows] == [("AID", "China", "2002")]
    assert _rows("The zoo's last pig, one of a pair donated by China, was moved on Monday.", "2009-05-06") == []


def _sentences(text: str) -> list[str]:
    from extract.events.sentences import split_sentences

    return [text[s.start : s.end] for s in split_sentences(text)]


def test_headline_and_standfirst_before_a_publication_stamp_are_left_out():
    text = (
        "Ministers clash over rail plan as unions threaten walkout Tuesday 4 March 2014 09.15 GMT "
        "The transport secretary met union leaders on Monday."
    )
    assert _sentences(text) == ["The transport secretary met union leaders on Monday."]


def test_a_headline_run_into_a_wire_stamp_and_dateline_is_left_out():
    # the headline's place and the wire's time stamp on one line with the story's lead: ingest marks the stamp
    # and the dateline; what the sentence holds before them is the headline
    from extract.ingest import load_articles

    text = (
        "LIMA, Peru | Mon May 25, 2009 9:19 pm EDT LIMA, Peru (Example Wire) - Peru on Monday reported its first "
        "case of the new flu in a traveller. Health officials traced his contacts."
    )
    art = load_articles([{"id": "t", "text": text}]).articles[0]
    from extract.events.sentences import split_sentences

    got = [art.text[s.start : s.end] for s in split_sentences(art.text, art.segments)]
    assert got == [
        "Peru on Monday reported its first case of the new flu in a traveller.",
        "Health officials traced his contacts.",
    ]


def test_a_page_stamp_and_a_server_error_after_it_are_left_out():
    # a news site's "last updated" stamp with its local time, and the server's message for a missing include
    text = (
        "Singer's family to tour Page last updated at 05:32 GMT, Tuesday, 6 September 2015 06:32 UK "
        "(an error occurred while processing this directive) The band's brothers will tour Europe next year."
    )
    assert _sentences(text) == ["The band's brothers will tour Europe next year."]
    text = "Verdict due Page last updated at 08:14 GMT, Tuesday, 8 November 2016 The jury met on Monday."
    assert _sentences(text) == ["The jury met on Monday."]
    # the shorter stamp with only a time and the page's help link
    text = "Singer's doctor jailed Last updated at 10:48 GMT Help The family of the singer met the judge on Monday."
    assert _sentences(text) == ["The family of the singer met the judge on Monday."]
    # no stamp: "last updated" in a story stays
    text = "The page was last updated at 05:32 GMT on Tuesday. The jury met on Monday."
    assert _sentences(text) == ["The page was last updated at 05:32 GMT on Tuesday.", "The jury met on Monday."]


def test_a_photo_credit_and_the_caption_before_it_are_left_out():
    text = (
        "Firefighters stand beside the damaged depot in Leeds.\n"
        "Photograph: Jane Hollis/Reuters The council closed the depot on Friday. Its owner appealed.\n"
        "Photograph: AFP/Getty Images Police charged the owner on Monday."
    )
    got = _sentences(text)
    assert "Firefighters stand beside the damaged depot in Leeds." not in got
    assert got[0] == "The council closed the depot on Friday."
    assert got[-1] == "Police charged the owner on Monday."


def test_a_caption_run_into_the_story_with_escaped_slashes_is_left_out():
    # pages copied from JSON keep the escaped slash of a credit ("Name\\/AFP\\/Getty Images")
    text = (
        "Ministers meet at the port in Leeds.\n"
        "Photograph: Jim Hollis\\/AFP\\/Getty Images Prolonged exposure to the fumes is a danger, doctors warned "
        "on Monday. The council closed the depot."
    )
    from extract.events.sentences import split_sentences
    from extract.ingest import load_articles

    art = load_articles([{"id": "t", "text": text, "published": "2011-03-09"}]).articles[0]
    got = [art.text[s.start : s.end] for s in split_sentences(art.text, art.segments)]
    assert got[0] == "Prolonged exposure to the fumes is a danger, doctors warned on Monday."


def test_bullets_and_a_headline_run_into_a_wire_dateline_are_left_out():
    text = (
        "Port strike ends. \\* Dockers to vote on pay deal \\* Exports resume By Jane Doe "
        "VALPARAISO, Chile, March 3 (Reuters) - Chilean dockers went back to work on Monday. The union met."
    )
    from extract.events.sentences import split_sentences
    from extract.ingest import load_articles

    art = load_articles([{"id": "t", "text": text, "published": "2014-03-03"}]).articles[0]
    got = [art.text[s.start : s.end] for s in split_sentences(art.text, art.segments)]
    assert got == ["Chilean dockers went back to work on Monday.", "The union met."]


def test_the_day_a_news_photo_opening_the_article_was_taken_does_not_date_the_story():
    from extract.events.extract_one import article_events
    from extract.ingest import load_articles

    text = (
        "The president walks out to meet reporters in the Rose Garden, Friday, May 14, 2010.\n"
        "(AP) WASHINGTON -- The president has cancelled a trip to Indonesia. He called its president."
    )
    art = load_articles([{"id": "t", "text": text, "published": "2010-06-04"}]).articles[0]
    rows, _note = article_events(art)
    story = [r for r in rows if "Rose Garden" not in r["summary"]]
    # the caption's own happening keeps its day; the story's undated lead is the day it was published
    assert story and {str(r["date"]) for r in story} == {"2010-06-04"}


def test_a_line_with_no_stamp_or_credit_is_untouched():
    text = "The minister resigned on Tuesday. Photographs of the meeting were published."
    assert _sentences(text) == ["The minister resigned on Tuesday.", "Photographs of the meeting were published."]


def test_a_headline_and_a_caption_run_into_the_lead_are_left_out():
    # a news page copied as one line: headline, photo caption and lead with no full stop between them
    text = (
        "Storm crews end search for missing hikers The volunteer team spent a week on the ridge "
        "A team of mountain rescuers is returning from the Tatra range. Their leader thanked the police."
    )
    assert _sentences(text) == [
        "A team of mountain rescuers is returning from the Tatra range.",
        "Their leader thanked the police.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister told The Associated Press that talks would resume.",  # a title after a verb
        "Doctors confirmed it was an influenza A virus and treated the patient.",  # a letter that labels a noun
        "She is the author of A journey through Haiti and lives in Port-au-Prince.",  # a title after "of"
        "The talks ended in 2009 and the two sides never met again.",  # no capital after the number
    ],
)
def test_a_capitalized_article_inside_a_sentence_is_no_seam(sentence):
    assert _sentences(sentence) == [sentence]


def test_a_passive_present_perfect_is_one_happening_not_a_state():
    # "has been" before the verb's participle is its passive, not a standing state; "has been working" still is one
    lead = "The Kabul police met on Monday."
    rows = _rows(lead + " Meanwhile, the city's mayor has been arrested by the police.")
    assert [(r["event_type"], r["date"]) for r in rows if r["event_type"] == "COERCE"] == [("COERCE", "2011-03")]
    rows = _rows(lead + " Meanwhile, the city's mayor has been working with the police.")
    assert [r["event_type"] for r in rows] == ["CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "In Cairo, police have blocked off the area around the farms.",  # a state restricting movement
        "Troops sealed off the border town on Monday.",
        "Police cordoned off the main square on Monday.",
    ],
)
def test_closing_off_a_place_is_a_coercion_not_a_refusal(text):
    assert "COERCE" in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a cue word opening the sentence before the noun that acts only modifies it
        ("Protest leaders met the interior minister on Monday.", "CONSULT"),
        ("Strike leaders met the transport minister on Monday.", "CONSULT"),
    ],
)
def test_a_cue_word_modifying_the_subject_is_no_verb(text, kind):
    rows = _rows(text)
    assert [(r["event_type"], r["source_actor"]) for r in rows] == [(kind, text.split(" met")[0])]


def test_advice_in_the_passive_that_names_no_one_is_the_states():
    text = "Floods hit Bangladesh on Monday, killing 20 people. Residents of the capital have been advised to stay indoors."
    rows = [r for r in _rows(text) if r["event_type"] == "REQUEST"]
    assert [(r["source_actor"], r["mode"]) for r in rows] == [("Bangladesh", "statement")]


def test_the_judge_is_the_judge_the_article_named():
    text = "U.S. District Judge Carl Barbier ordered a trial on Monday. The judge rejected the motion on Tuesday."
    rows = [r for r in _rows(text, "2010-06-10") if r["event_type"] == "REJECT"]
    assert [r["source_actor"] for r in rows] == ["Carl Barbier"]


def test_the_star_is_the_entertainer_the_article_described():
    # "musician Wyclef Jean": a later "the star" is Jean, as "the musician" would be
    text = (
        "Haitian-born musician Wyclef Jean wept at a press conference on Monday. "
        "The star also denied taking money from his charity on Monday."
    )
    rows = [r for r in _rows(text, "2010-01-19") if r["event_type"] == "REJECT"]
    assert [r["source_actor"] for r in rows] == ["Wyclef Jean"]


def test_the_school_is_the_school_the_article_named():
    # "Eton College" ... "the school": the body named before whose name ends in a word of its kind
    text = (
        "A pupil at Eton College tested positive for swine flu on Tuesday. "
        "Health authorities advised the school to shut on Tuesday."
    )
    rows = [r for r in _rows(text, "2009-05-27") if r["event_type"] == "REQUEST"]
    assert [r["target_actor"] for r in rows] == ["Eton College"]
    text = (
        "The patient was taken to the Royal Free Hospital on Monday. The hospital said on Tuesday it had closed a ward."
    )
    rows = [r for r in _rows(text, "2009-05-27") if r["event_type"] == "SANCTION"]
    assert [r["source_actor"] for r in rows] == ["Royal Free Hospital"]


def test_the_worlds_biggest_drugmaker_is_the_drugmaker_the_article_named():
    text = (
        "The drugmaker GlaxoSmithKline said on Monday it would supply vaccines. "
        "The world's second biggest drugmaker opened a plant in Singapore on Tuesday."
    )
    rows = [r for r in _rows(text, "2009-06-09") if "plant" in r["summary"]]
    assert [r["source_actor"] for r in rows] == ["GlaxoSmithKline"]


def test_rating_agencies_and_charities_are_bodies_the_gazetteer_knows():
    # a rating agency is no company "the company" refers back to; a charity keeps its whole name
    text = (
        "BP said on Monday it would pay the claims. Fitch Ratings downgraded BP on Thursday. "
        "The company sent a team to Louisiana on Friday."
    )
    rows = [r for r in _rows(text, "2010-06-08") if r["summary"].startswith(("Fitch", "The company"))]
    assert [(r["source_actor"], r["target_actor"]) for r in rows] == [
        ("Fitch Ratings", "BP"),
        ("BP", "Louisiana"),
    ]
    rows = _rows("Save the Children said on Tuesday it had sent a team to Haiti.", "2010-06-08")
    assert [r["source_actor"] for r in rows] == ["Save the Children"]


def test_a_call_after_a_comma_is_a_statement_of_the_subject_before_it():
    text = "Chile's president visited the flooded towns on Monday, calling for international aid."
    rows = [r for r in _rows(text) if r["event_type"] == "REQUEST"]
    assert [(r["mode"], r["summary"][:7]) for r in rows] == [("statement", "calling")]


def test_two_doers_against_two_receivers_are_two_happenings():
    text = "Mexico accused China of treating its citizens unfairly. Peru blamed Chile for the border delays."
    rows = [(r["source_actor"], r["target_actor"]) for r in _rows(text) if r["event_type"] == "ACCUSE"]
    assert rows == [("Mexico", "China"), ("Peru", "Chile")]


def test_a_verb_in_the_simple_past_tells_no_plan_whatever_will_stands_nearby():
    # the model reads the "will" of the subordinate clause; "declined" is a refusal made, not a plan
    text = (
        "Although one in three who come in contact will likely become infected, "
        "the Kenyan team declined to give a figure."
    )
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("REJECT", "actual")]
    # a plan stays one
    assert [r["mode"] for r in _rows("Kenya will close its border with Somalia on Friday.")] == ["future"]


def test_one_happening_told_twice_is_still_one_row():
    text = "Russian forces struck Kharkiv on Tuesday. Russia struck Kharkiv on Tuesday with glide bombs."
    assert len([r for r in _rows(text) if r["event_type"] == "ASSAULT"]) == 1


def test_two_doers_against_one_receiver_are_two_happenings():
    text = "Peru accused Chile of spying on its navy. Bolivia accused Chile of blocking its exports."
    rows = [(r["source_actor"], r["target_actor"]) for r in _rows(text) if r["event_type"] == "ACCUSE"]
    assert rows == [("Peru", "Chile"), ("Bolivia", "Chile")]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # cues.toml [senses]: the object gives the verb another sense
        ("The health ministry released its annual report on Tuesday.", "CONCEDE"),
        ("Two of the injured miners were admitted to hospital in Santiago on Tuesday.", "CONCEDE"),
        (
            "The singer recorded a charity song, which she released on Friday to raise money for flood victims.",
            "CONCEDE",
        ),
        ("Ministry officials provided a detailed briefing on the vaccine campaign on Monday.", "AID"),
        (
            "Researchers in Lyon demonstrated in a laboratory trial on Monday that the strain spreads between ferrets.",
            "PROTEST",
        ),
        ("Engineers demonstrated the new pump to reporters on Tuesday.", "PROTEST"),
        ("The ruling was received with dismay in Nairobi on Thursday.", "CONSULT"),
        ("Crew members treated the failed pressure test as a success on Friday.", "AID"),
        ("BP was hit with a record fine on Monday.", "ASSAULT"),
        ("The EU hit Russia with new sanctions on Monday.", "ASSAULT"),
        ("Iran was hit with new US sanctions on Monday.", "ASSAULT"),  # "sanctions" after "with new US": a noun
        ("Kenya charged Ugandan traders $50 a truck at the border on Monday.", "ACCUSE"),  # a price
        ("Kenya charged Ugandan truck drivers a fee at the border on Monday.", "ACCUSE"),
        ("BP killed the well with a cement plug on Sunday, officials said.", "ASSAULT"),
        ("Senate Republicans killed the bill on Tuesday.", "ASSAULT"),
        ("Under US law, BP will be expected to meet all the costs of the clean-up operation from Monday.", "CONSULT"),
    ],
)
def test_a_verb_in_another_sense_names_no_happening_of_its_type(text, absent):
    assert absent not in _types(text)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The rebels released two hostages near Goma on Monday.", "CONCEDE"),
        # a criminal charge is COERCE (tests/gold/README_t17.md: "criminal charges, trials ... are COERCE")
        ("Kenya charged two Ugandan traders with smuggling on Monday.", "COERCE"),
        # PLOVER's SANCTION includes reducing or stopping aid
        ("Britain cut its aid to Kenya on Monday.", "SANCTION"),
        ("The United States withheld military aid from Egypt on Monday.", "SANCTION"),
        ("Thousands demonstrated against the new law in Lima on Saturday.", "PROTEST"),
        ("Jordan provided food and tents to Gaza on Monday.", "AID"),
        ("Cuban doctors treated 40 wounded people in Port-au-Prince on Tuesday.", "AID"),
        ("Russia hit Kyiv with missiles on Monday.", "ASSAULT"),
        ("On Monday Britain sanctions Russian banks.", "SANCTION"),
    ],
)
def test_the_same_verbs_in_their_own_sense_still_name_it(text, etype):
    assert etype in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thirty-five new cases of the virus in Scotland were confirmed on Sunday.",
        "Health officials confirmed 40 new infections on Sunday.",
        "Another 486 possible cases are being investigated, officials said on Sunday.",
        "The song was released on Friday to raise money for flood victims.",
        "Tesco shares traded down 0.2 percent at 431 pence on Tuesday.",
        "The government received slightly better marks in a poll on Tuesday.",
    ],
)
def test_tallies_and_products_told_with_event_verbs_name_no_happening(text):
    assert _rows(text) == []


def test_suicide_bombers_blowing_themselves_up_attack():
    text = "Two suicide bombers blew themselves up in a police academy classroom in east Baghdad on Tuesday."
    rows = [r for r in _rows(text) if r["event_type"] == "ASSAULT"]
    assert [(r["source_actor"], r["target_actor"]) for r in rows] == [("suicide bombers", "Iraq")]


def test_a_news_outlet_reporting_is_no_happening():
    for text in (
        "Yedioth Ahronoth reported on Thursday that Israeli businessmen were selling equipment in the region.",
        "Her testimony was first reported on Wednesday by the Wall Street Journal.",
    ):
        assert not [r for r in _rows(text) if r["event_type"] == "CONSULT"], text
    # an agency that reports is a party to what it reports: its report on a day stays, but for a tally of deaths
    # or cases ([senses.report])
    rows = _rows("The World Health Organization reported on Friday that hospitals in Mexico were full.")
    assert [(r["event_type"], r["source_actor"]) for r in rows] == [("CONSULT", "World Health Organization")]
    assert _rows("The World Health Organization reported on Friday that 145 people had died.") == []


def test_teams_sent_to_help_are_aid_and_liaising_is_cooperation():
    rows = _rows("Britain is sending emergency response teams to Haiti.", "2010-01-20")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [
        ("AID", "United Kingdom", "Haiti")
    ]
    rows = _rows("Cuba sent 400 doctors to Haiti on Tuesday.", "2010-01-20")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [("AID", "Cuba", "Haiti")]
    rows = _rows("Ireland's foreign ministry is liaising with the US State Department.", "2010-01-20")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [
        ("COOPERATE", "Ireland", "United States")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Margaret Chan on Wednesday night raised the world flu alert level from 4 to 5.",
        "The WHO said on Monday it was raising its pandemic alert to phase four from three.",
    ],
)
def test_an_alert_raised_with_words_between_is_a_mobilization(text):
    # "raise ... alert", "raise ... to phase": the alert level's words may stand a few words after the verb
    assert _types(text) == ["MOBILIZE"]


def test_blame_said_with_no_other_cue_is_an_accusation():
    # a verb of saying with a word of blame after it, past "on Tuesday that", when what is said holds no cue
    assert _types("Galp said on Tuesday that Repsol's behaviour before the blowout was reckless.") == ["ACCUSE"]
    assert _types("Transocean said on Wednesday that the well design was fatally flawed.") == ["ACCUSE"]
    # a word that after saying mostly describes ([evaluations].plain_after_saying) blames no one
    assert _rows("Ana Ruiz said on Monday that the estimate could be wrong by 20 percent.") == []
    # a more precise act in what is said wins: the threat, not blame
    assert _types("Rui Costa said on Monday Iran had made a big mistake and would pay for it.") == ["THREATEN"]


def test_a_verb_of_saying_that_judges_is_no_attribution_to_cut_out():
    # ", Ana Ruiz, said the new findings were absolutely absurd": the saying is the blame, a happening of its own
    rows = _rows("The lawyer suing Repsol, Ana Ruiz, said the new findings were absolutely absurd.")
    assert ("ACCUSE", "statement", "Ana Ruiz") in [(r["event_type"], r["mode"], r["source_actor"]) for r in rows]


def test_a_word_opening_the_sentence_and_the_pronoun_i_are_no_name():
    from extract.events.roles import proper_names

    text = '"Honestly I wish we were never given that programme," Ana Ruiz said.'
    toks = tokenize(text, 0, len(text))
    assert [m.text for _k, m in proper_names(toks, 0, len(toks), set())] == ["Ana Ruiz"]


def test_a_surname_alias_before_another_name_is_someone_else():
    from extract.actors import find_actors

    text = "David Cameron met Barack Obama on Monday. Cameron Diaz provided some more star power."
    found = [(m.text, m.actor_id) for m in find_actors(text, on="2010-07-20")]
    assert ("Cameron", "person:david-cameron") not in found
    text = "David Cameron met Barack Obama on Monday. Later Mr Cameron said no."
    assert ("Cameron", "person:david-cameron") in [(m.text, m.actor_id) for m in find_actors(text, on="2010-07-20")]


def test_help_to_do_a_deed_is_still_help():
    rows = _rows("Portugal helped Mozambique rebuild its ports on Monday.", "2011-03-09")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [
        ("AID", "Portugal", "Mozambique")
    ]


def test_given_as_a_verb_still_gives():
    rows = _rows("Portugal has given Mozambique 20 million euros in aid on Monday.", "2011-03-09")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [
        ("AID", "Portugal", "Mozambique")
    ]


def test_an_accident_no_weapon_makes_stays_an_accident_in_a_story_of_war():
    # the story speaks of bombs, so an explosion might be an attack; a road crash or a disease never is
    text = (
        "A roadside bomb killed two Portuguese soldiers near Basra on Friday. "
        "Another Portuguese soldier was killed in a road accident in Basra on Saturday. "
        "A third died of swine flu in Kuwait on Sunday. "
        "Lt Rui Matos was hurt in the accident which killed Corporal Ana Costa on Sunday."
    )
    rows = _rows(text, "2005-05-09")
    assert [(r["event_type"], r["date"]) for r in rows] == [("ASSAULT", "2005-05-06")]


def test_an_accident_in_an_aside_leaves_the_clauses_own_deed():
    # "already hit hard by bird flu" is the aside's accident; the order after it is the happening
    rows = _rows(
        "Egypt, already hit hard by bird flu, ordered the slaughter of all its pigs on April 29.", "2009-04-30"
    )
    assert [(r["source_actor"], r["date"]) for r in rows] == [("Egypt", "2009-04-29")]
    # an accident that is the clause's own predicate still gives nothing
    assert _rows("Egypt, a poor country, was hit hard by bird flu on April 29.", "2009-04-30") == []


def test_the_first_word_of_a_quotation_after_a_colon_opens_it_and_names_no_one():
    from extract.events.roles import proper_names

    text = 'Ana Ruiz said: "Frankly I wish we had never signed that deal."'
    toks = tokenize(text, 0, len(text))
    assert [m.text for _k, m in proper_names(toks, 0, len(toks), set())] == ["Ana Ruiz"]
    text = 'The minister told reporters: "Honestly, rebels attacked the convoy."'
    toks = tokenize(text, 0, len(text))
    assert [m.text for _k, m in proper_names(toks, 0, len(toks), set(), named=frozenset())] == []


def test_a_long_attribution_after_a_quotation_names_its_speaker():
    # the speaker's title makes the attribution longer than a plain "..., X said"
    rows = _rows(
        '"We suspended the newspaper in Iran to investigate its role in the riots in Ahvaz," Karim Haddad of the '
        "culture and guidance ministry told state radio on Monday.",
        "2011-03-09",
    )
    # (a state suspending a newspaper of its own is censorship, COERCE by tests/gold/README.md; the rebuilt model of
    # session 57 reads it so, where the older one read SANCTION)
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [("COERCE", "Karim Haddad", "")]


def test_a_happening_no_one_found_evidence_of_is_negated():
    rows = _rows("Police found no evidence that gunmen had kidnapped the aid workers in Tikrit on Monday.")
    assert [(r["event_type"], r["mode"]) for r in rows] == [("COERCE", "negated")]
    rows = _rows("The inquiry found no evidence to suggest that the army had shelled the town of Zawiya on Monday.")
    assert [r["mode"] for r in rows] == ["negated"]
    # "no doubt that" affirms what follows
    rows = _rows("There is no doubt that rebels attacked the convoy near Zawiya on Monday.")
    assert [r["mode"] for r in rows if r["event_type"] == "ASSAULT"] != ["negated"]


def test_received_contributions_are_no_meeting():
    rows = _rows("Senator Ana Ruiz received $40,000 in campaign contributions from Chevron on Monday.")
    assert [r["event_type"] for r in rows] == []


def test_a_sum_before_the_noun_of_a_deal_is_one_modifier():
    text = "In 2007, Britain and Libya struck a $900 million oil deal."
    toks = tokenize(text, 0, len(text))
    assert [(c.phrase, c.event_type) for c in find_cues(toks)] == [("strike a deal", "AGREE")]
    text = "In 2007, Britain and Libya struck a lucrative new oil and gas deal."
    toks = tokenize(text, 0, len(text))
    assert [c.event_type for c in find_cues(toks)] != ["AGREE"]


@pytest.mark.parametrize(
    "text",
    [
        # the noun a participle describes is the object that gives the verb another sense
        "The fees charged to Chevron by the firm are fair, the judge wrote on Monday.",
        "The fees being charged to Chevron by the firm are fair, the judge wrote on Monday.",
        "A report released last night by the Senate committee presents new evidence.",
        "Documents released in March by the civil liberties union describe the abuse.",
        # "given" before a clause or the noun of what is considered, after any word
        "The fees are warranted given the enormous task, the judge wrote on Monday.",
        "The MP questioned the witness, given he was a prisoner facing a death sentence, on Monday.",
        # a job lost is no shot fired; a poll released frees no one
        "Karl Weber claims he was fired last week because he was seen as a threat.",
        "Professor Nutt was fired by Home Secretary Alan Johnson on Monday.",
        "A Rasmussen Reports poll released on Monday showed Jindal's approval rating at 74 percent.",
        # a lift given, a prediction given, coverage provided, devolution delivered, where one hails from
        "On Monday Karl Weber gave me a lift to the station.",
        "On Monday Karl Weber gave no prediction about the weather.",
        "On Monday the BBC News website provided live coverage of the match.",
        "The referendum of Monday failed to deliver devolution to Scotland.",
        "On Monday Karl Weber said his family hailed from Anglesey.",
        # "back" after "be" is an adverb; barrels released are oil, not prisoners
        "Karl Weber said on Monday that Iraq will be back to normal in two years.",
        "On Monday Karl Weber was back in Baghdad.",
        "On Monday the government said the well had released 4.9 million barrels of oil.",
        # what someone can do is no happening
        "The Pentagon said on Monday it is limited in its ability to help.",
        "Karl Weber cited health issues on Monday for his inability to attend a hearing in Louisiana.",
        # a teleconference given, a diagnosis confirmed, operations throttled back, a research ship launched
        "Gregory Hartl, a spokesman for the WHO, is giving a teleconference on Monday.",
        "Ana Ruiz was confirmed to have swine flu by the Health Protection Agency on Monday.",
        "Chevron may throttle back its trading operations, Karl Weber said on Monday.",
        "Chevron launched a research vessel on Wednesday to map the plumes of oil.",
        # an adjective between "be" and "given" ("was not unexpected given that") is no passive's auxiliary
        "Ana Ruiz said on Monday the timing of the concert is inappropriate given the trial.",
        "Karl Weber said on Monday it was not unexpected given that seasonal flu could do the same.",
        # oil captured from a well is no capture of anyone
        "Chevron captured 2,200 barrels from the leaking well on Monday.",
        "Chevron said on Monday that it was now capturing 5,000 barrels a day of crude.",
        # a verb's base form that is an adjective after "be" or "remain"
        "Silvio Berlusconi said on Monday that the poorly dressed were also not welcome.",
        "Schools in Britain have remained open on the advice of the Health Protection Agency on Monday.",
        # results given are no aid, a voice or credit given no gift
        "Ana Ruiz was given the results by telephone on Monday.",
        "Louisiana officials gave voice to rising frustration over the cleanup on Monday.",
        "Heather Conley said on Monday that Cameron should be given credit for the deal.",
        # a fall is no refusal: "decline" with no object and no "to"
        "Brazil's coffee output is declining and the growers need new land, Reuters reported on Monday.",
        "Exports from the Kirkuk field declined in the late 1990s, the ministry said on Monday.",
        "The flow from the Kirkuk pipeline declined a little to 40,000 barrels on Monday.",
        "Lula da Silva said on Monday that rice sales had declined for some traders.",
    ],
)
def test_a_verb_whose_object_or_place_gives_it_another_sense_tells_no_happening(text):
    assert _types(text) == []


def test_a_participle_of_a_deed_still_tells_it():
    # (a criminal charge: COERCE, tests/gold/README_t17.md)
    assert _types("The man charged with the murder of Ana Ruiz appeared in court on Monday.") == ["COERCE"]
    assert _types("On Monday Cuba had given the Haitians food and medicine.") == ["AID"]
    assert _types("Brazil declined an invitation to the Kirkuk talks on Monday.") == ["REJECT"]
    # shots fired at someone are still an attack; an address given is no aid but a consultation
    assert _types("On Monday two rockets were fired at Sderot by Hamas.") == ["ASSAULT"]
    assert _types("On Monday Jose Manuel Barroso gave his annual address to the European Parliament.") == ["CONSULT"]
    # backed by someone is still support
    assert _types("On Monday the plan was backed by Karl Weber, the head of the Kirkuk council.") == ["SUPPORT"]
    # clamouring for someone to act is a request
    text = "On Monday British business groups clamoured for Cameron to defend the company."
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("REQUEST", "statement")]
    # an appeal launched is a request, not an attack
    assert _types("The British Red Cross launched an appeal for Haiti on Monday.") == ["REQUEST"]
    # adverbs between the auxiliary and "given"
    assert _types("On Monday Brazil had just given Haiti 200 tonnes of food.") == ["AID"]
    assert _types("On Monday Haiti was quickly given 200 tonnes of food by Brazil.") == ["AID"]
    assert _types("Brazil declined to sign the grain deal on Monday.") == ["REJECT"]


def _parties(text: str, event_type: str) -> list[tuple[str, str]]:
    return [(r["source_actor"], r["target_actor"]) for r in _rows(text) if r["event_type"] == event_type]


def test_he_and_she_stand_for_a_person_of_their_sex():
    text = "John Smith met Ana Ruiz on Monday. On Tuesday she urged the government to resign."
    assert _parties(text, "REQUEST") == [("Ana Ruiz", "")]
    text = "Ana Ruiz met John Smith on Monday. On Tuesday he urged the government to resign."
    assert _parties(text, "REQUEST") == [("John Smith", "")]
    # a title tells it where the given name does not
    text = "Ana Ruiz met Mr Robin Kowalczyk on Monday. On Tuesday she urged the government to resign."
    assert _parties(text, "REQUEST") == [("Ana Ruiz", "")]


def test_a_name_after_a_preposition_is_not_the_subject_a_pronoun_gives():
    text = (
        "Karl Weber debated Pedro Alves on Monday. When Alves visited Berlin on Tuesday, he briefly exchanged "
        "words with the pro-war Weber, and accused him of lying."
    )
    rows = _rows(text)
    assert [(r["source_actor"], r["target_actor"]) for r in rows if r["event_type"] == "ACCUSE"] == [
        ("Pedro Alves", "Karl Weber")
    ]


def test_the_given_names_of_each_sex_are_apart():
    from extract.actors import load_gazetteer

    gaz = load_gazetteer()
    assert len(gaz.female_names) > 500 and len(gaz.male_names) > 500
    assert not gaz.female_names & gaz.male_names
    assert {"Mary", "Fatima"} <= gaz.female_names and {"John", "Mohammed"} <= gaz.male_names


def test_the_verb_of_an_adjective_still_tells_a_deed():
    assert _types("The decision was welcomed by Germany on Monday.") == ["SUPPORT"]
    assert _types("Israel will open the Kerem Shalom crossing on Monday.") != []


def test_fresh_highs_hit_no_one():
    text = "Anadarko Petroleum sued Chevron on Monday. Anadarko, which owns a stake in the well, hit fresh highs on Wednesday."
    assert _types(text) == ["ACCUSE"]


def test_the_first_word_of_a_known_name_is_no_cue():
    rows = _rows("Ban Ki-moon urged the World Bank on Monday to help people in Haiti.")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [
        ("REQUEST", "Ban Ki-moon", "World Bank")
    ]


def test_her_as_the_object_stands_for_the_last_woman_named():
    assert _parties("Ana Ruiz met John Smith on Monday. On Tuesday Unicef thanked her.", "SUPPORT") == [
        ("UNICEF", "Ana Ruiz")
    ]
    # a person whose sex the article does not tell is left unread
    assert _parties("Robin Kowalczyk met John Smith on Monday. On Tuesday Unicef thanked her.", "SUPPORT") == [
        ("UNICEF", "")
    ]


def test_an_attack_on_what_someone_decided_or_said_is_verbal():
    assert _types("Bill Clinton attacked the tone of the BBC coverage on Friday.") == ["ACCUSE"]
    assert _types("Russia attacked Ukraine on Friday.") == ["ASSAULT"]


def test_seizing_on_and_hitting_on_an_idea_are_no_deeds():
    assert _types("The disclosure was seized on last night by Britain's opposition politicians.") == []
    assert _types("Then George Bush hit on the idea of bombing them on Monday.") == []
    assert _types("Police seized the weapons in Basra on Monday.") == ["COERCE"]


def test_what_an_actor_failed_to_do_is_negated():
    # the model reads the clause as done; the verb of failing before "to" says it was not
    text = (
        "Chevron turned to the plan after failing to stop the leak at the spot where its platform exploded on April 20."
    )
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("AID", "negated")]


@pytest.mark.parametrize(
    "text",
    [
        "Asked on Monday whether she believed the star was murdered, Ana Ruiz said she did.",
        "When asked on Monday if Chevron had requested a statement from the White House, Karl Weber did not answer.",
        "Asked by reporters on Monday what Ankara would do if Chevron refused, Karl Weber smiled.",
    ],
)
def test_the_question_put_to_a_speaker_tells_no_happening(text):
    assert _types(text) == []


def test_the_answer_after_the_question_is_read_on_its_own():
    text = "Asked on Monday about the criticism, Karl Weber said Chevron was working with experts from other firms."
    assert _types(text) == ["COOPERATE"]


@pytest.mark.parametrize(
    "text",
    [
        "Ankara said on Monday that Turkey has no plans to send troops to Syria.",
        "Ankara said on Monday that Turkey is not planning to send troops to Syria.",
        "Ankara said on Monday that Turkey was not going to send troops to Syria.",
    ],
)
def test_a_plan_denied_is_negated_not_future(text):
    assert [r["mode"] for r in _rows(text) if r["event_type"] == "MOBILIZE"] == ["negated"]


def test_a_plan_not_denied_is_still_future():
    text = "Ankara said on Monday that Turkey is planning to send troops to Syria."
    assert [r["mode"] for r in _rows(text) if r["event_type"] == "MOBILIZE"] == ["future"]


@pytest.mark.parametrize(
    "text",
    [
        "We can at least support Obama in that.",
        "Obama should also apologize for his administration's role.",
    ],
)
def test_a_modal_possibility_or_duty_no_one_is_told_saying_is_no_happening(text):
    # the rules read a modal before the verb as a possibility; the model's "statement" does not overrule it
    assert _types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was not clear on Monday whether Tony Hayward took part in the race.",
        "There are also questions about whether Chevron pumped down enough cement to seal off the well.",
        "Investigators are examining whether Syrian troops shelled the town on Monday.",
    ],
)
def test_what_is_asked_whether_is_no_happening(text):
    assert _types(text) == []


def test_a_duty_someone_is_told_saying_is_still_their_call():
    text = "Nancy Pelosi said on Friday that Chevron should apologize to the fishermen."
    assert [(r["source_actor"], r["mode"]) for r in _rows(text)] == [("Nancy Pelosi", "statement")]


def test_a_negated_passive_still_makes_its_subject_the_target():
    assert _parties("On Monday Cuba was not given the aid.", "AID") == [("", "Cuba")]
    assert _parties("Cuba was not attacked by Venezuela on Monday.", "ASSAULT") == [("Venezuela", "Cuba")]
    assert _parties("Cuba was never attacked by Venezuela on Monday.", "ASSAULT") == [("Venezuela", "Cuba")]


@pytest.mark.parametrize(
    "text",
    [
        # a question asked is a verbal exchange, no request, and what it asks about is no happening
        "Karl Weber asked on Monday whether Chevron would pay for the damage.",
        'On Monday Ana Ruiz asked, "What did we do to deserve this?"',
        "Karl Weber is asking about reports of an argument on the rig, the committee said on Monday.",
    ],
)
def test_a_question_asked_is_no_request(text):
    assert set(_types(text)) <= {"CONSULT"}


def test_a_question_put_to_someone_is_an_exchange_with_them():
    text = "On Monday Eliot Engel asked Tony Hayward if he had read the report."
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("CONSULT", "statement")]
    assert _parties(text, "CONSULT") == [("Eliot Engel", "Tony Hayward")]
    # what is asked about is no happening of its own
    assert _types("Reporters asked top officials on Monday why the government did not take over.") == ["CONSULT"]
    # what is asked about holds no one acted upon
    assert _parties("Karl Weber asked on Monday whether Chevron would pay for the damage.", "CONSULT") == [
        ("Karl Weber", "")
    ]
    # the answer after a comma or a verb of saying is no longer what is asked about: it still gives its row
    text = "Boris Novak, asked about the vote on Monday, said Serbia did not support the plan."
    assert len(_rows(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Judge Ana Ruiz asked the lawyers who have brought lawsuits to submit applications on Monday.",
        "Zimbabwe is asking the WHO office for supplies, officials said on Monday.",
        "Venezuela asked Cuba on Monday for 200 doctors.",
    ],
)
def test_asking_someone_for_something_is_still_a_request(text):
    assert _types(text) == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Chevron was forced to suspend dividend payments on Monday following pressure from the US government.",
        "On Monday Karl Weber was forced by the White House to suspend dividend payments.",
        "Chevron was compelled on Monday to agree to a $20bn compensation fund.",
    ],
)
def test_a_deed_done_under_pressure_is_a_concession(text):
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("CONCEDE", "actual")]


def test_a_raid_or_a_denial_one_is_forced_into_stays_what_it_is():
    assert _types("US military police were forced to raid the Guest House on Monday.") == ["COERCE"]
    assert _types("Chevron was forced to deny the rumours on Monday.") == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Forecasters warned on Monday that strong winds could push the oil into inlets.",
        "On Monday experts warned that the total could be an underestimate.",
        "Scientists warned on Monday there was potential for even greater damage.",
    ],
)
def test_a_warning_of_a_risk_is_no_threat(text):
    assert _types(text) == []


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Iran warned on Monday that it would strike back.", "THREATEN"),
        ("On Monday Nicolas Maduro warned the opposition that any attempt at unrest would be crushed.", "THREATEN"),
        ("On Monday Iran warned that the army would retaliate.", "THREATEN"),
        ("The World Health Organisation warned countries on Monday to be on alert for unusual outbreaks.", "REQUEST"),
    ],
)
def test_a_threat_or_a_warning_to_act_stays(text, etype):
    assert _types(text) == [etype]


def test_a_warning_of_what_any_such_deed_would_meet_is_a_threat():
    text = "Josep Borrell warned on Monday that any disruption of the pipelines would be met with a robust response."
    assert _types(text) == ["THREATEN"]


def test_a_deed_done_under_pressure_is_a_concession_by_the_rules_alone():
    from extract.events.doc import Settings

    text = "Chevron was forced to suspend dividend payments on Monday following pressure from the US government."
    art = Article(id="t", text=text, published=dt.datetime.fromisoformat("2011-03-09T12:00:00+00:00"))
    rows, _note = article_events(art, Settings(classifier=False))
    assert [(r["event_type"], r["mode"]) for r in rows] == [("CONCEDE", "actual")]


def test_investors_named_by_a_firm_are_a_group_and_not_the_firm():
    text = "On Monday Chevron said it would cut jobs. On Tuesday some Chevron investors sued the company."
    assert _parties(text, "ACCUSE") == [("Chevron investors", "Chevron")]
    # those who work for a firm still act for it
    text = "On Monday Chevron said it would cut jobs. On Tuesday Chevron officials met Nigerian ministers."
    assert _parties(text, "CONSULT") == [("Chevron", "Nigeria")]


@pytest.mark.parametrize(
    "text, mode",
    [
        ("Extra UN peacekeepers are due to be deployed in Haiti, the UN said on Monday.", "future"),
        ("The UN said on Monday that its peacekeepers were not going to be deployed in Haiti.", "negated"),
    ],
)
def test_a_passive_infinitive_reads_as_its_to_be(text, mode):
    assert [r["mode"] for r in _rows(text) if r["event_type"] == "MOBILIZE"] == [mode]


@pytest.mark.parametrize(
    "text, etype, source",
    [
        ("Syrian troops were deployed to the Turkish border on Monday.", "MOBILIZE", "Syria"),
        ("British troops were withdrawn from Basra on Monday.", "RETREAT", "United Kingdom"),
    ],
)
def test_a_force_moved_in_the_passive_is_its_own_states_doing(text, etype, source):
    assert _parties(text, etype) == [(source, "")]
    # an attack on that force still acts upon it
    assert _parties("Syrian troops were attacked on Monday.", "ASSAULT") == [("", "Syria")]


def test_a_negation_after_the_verb_does_not_deny_it():
    # the model reads "negated"; no negator stands before the verb, so the order was given, the drilling suspended
    # (the type of an order to a crowd, REQUEST or COERCE, is the model's border: the mode is what is tested)
    text = "People in Mexico City were ordered not to kiss or shake hands on Monday."
    assert [r["mode"] for r in _rows(text)] == ["actual"]
    text = "Drilling has been suspended by Chevron so as not to disturb work on the new cap."
    assert [r["mode"] for r in _rows(text)] == ["actual"]


def test_a_negator_right_before_the_verb_denies_it_in_reported_speech():
    # the model reads a statement; the rules' negation stands, as the own gold codes "Madrid had not negotiated"
    text = "Spain's foreign minister said on Monday that Madrid had not negotiated anything with Caracas."
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("CONSULT", "negated")]
    # a refusal said keeps its type and stays a statement
    text = "Russia said on Monday it would not accept the cap."
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("REJECT", "statement")]


@pytest.mark.parametrize(
    "text",
    [
        "Thad Allen on Monday backed away from earlier assurances that the cap would seal the well.",
        "Jack Straw on Monday rowed back from his comments on Iraq.",
    ],
)
def test_backing_away_from_a_position_is_a_concession_not_support(text):
    assert _types(text) == ["CONCEDE"]


@pytest.mark.parametrize(
    "text, etype, parties",
    [
        ("Obama on Monday criticised British oil giant BP.", "ACCUSE", ("Barack Obama", "BP")),
        ("Ukraine on Monday accused Russian gas giant Gazprom of blackmail.", "ACCUSE", ("Ukraine", "Gazprom")),
        ("British oil giant BP on Monday agreed to pay Alabama $1bn.", "AGREE", ("BP", "Alabama")),
    ],
)
def test_a_country_before_a_trade_noun_names_the_firms_country_not_a_party(text, etype, parties):
    rows = [r for r in _rows(text) if r["event_type"] == etype]
    assert [(r["source_actor"], r["target_actor"]) for r in rows] == [parties]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The International Organisation for Migration warned on Monday that Haiti needs tents.",
            "International Organisation for Migration",
        ),
        (
            "The Center for Biological Diversity filed suit against Ken Salazar on Monday.",
            "Center for Biological Diversity",
        ),
    ],
)
def test_a_bodys_name_goes_on_past_of_or_for_after_its_head_word(text, source):
    assert [r["source_actor"] for r in _rows(text)] == [source]


def test_an_office_of_two_titles_is_no_stand_in_name():
    text = "The Attorney General's advice supported Blair's position on Monday."
    assert "General" not in {r["source_actor"] for r in _rows(text)}


def test_a_place_or_a_law_named_before_the_verb_does_nothing():
    text = "Attorneys general from 11 states on the U.S. East Coast warned they would hold the firm responsible."
    assert "East Coast" not in {r["source_actor"] for r in _rows(text, "2010-06-01")}
    text = "On Monday the Jones Act was said to stand in the way of foreign skimmers."
    assert "Jones Act" not in {r["source_actor"] for r in _rows(text, "2010-06-01")}


def test_someone_pulled_out_alive_is_rescued_not_withdrawn():
    text = "Emmannuel Buso was pulled out alive by an Israeli search team on Monday."
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in _rows(text)] == [
        ("AID", "Israel", "Emmannuel Buso")
    ]
    # troops pulled out are still withdrawn
    assert _types("British troops were pulled out of Basra on Monday.") == ["RETREAT"]


def test_a_negator_right_before_the_verb_stands_over_a_deed_or_plan_the_model_reads():
    # the model reads "actual" and "future"; "don't approve" and "will not give" deny the verb
    text = "Polls published on Tuesday show most voters say they don't approve of the governor's handling of the flood."
    assert [(r["event_type"], r["mode"]) for r in _rows(text)] == [("AGREE", "negated")]
    text = "Sanofi will not give free vaccines to Nigeria, a spokesman confirmed on Friday."
    assert [(r["event_type"], r["mode"], r["target_actor"]) for r in _rows(text)] == [("AID", "negated", "Nigeria")]
    # said by the one who will not give: a refusal (stages._refusal_said), still to Nigeria, no state of a French firm
    text = "Sanofi said on Friday it will not give free vaccines to Nigeria."
    assert [(r["event_type"], r["mode"], r["target_actor"]) for r in _rows(text)] == [
        ("REJECT", "statement", "Nigeria")
    ]


def test_an_organ_of_the_state_named_as_the_object_is_the_articles_country():
    # "the federal government", "central government" without a country: the country the article is about
    text = (
        "Louisiana's governor spoke in Baton Rouge on Monday. "
        "Louisiana Congressman Charlie Melancon urged the federal government on Tuesday to set up a fund."
    )
    rows = [r for r in _rows(text) if r["event_type"] == "REQUEST"]
    assert [(r["source_actor"], r["target_actor"]) for r in rows] == [("Charlie Melancon", "United States")]
    # a modifier of another noun is no object ("government officials")
    text = "Louisiana's governor spoke on Monday. Jindal met government officials in Baton Rouge on Tuesday."
    assert [(r["event_type"], r["target_actor"]) for r in _rows(text)] == [("CONSULT", "")]


def test_a_threat_no_one_makes_is_a_danger_not_an_event():
    # the subject is a thing: no one threatens ("The spill is threatening to eclipse ...")
    text = (
        "The slick, five times bigger than first thought, threatens the eastern shores of Louisiana, the Coast Guard"
        " said on Tuesday."
    )
    assert _rows(text) == []
    assert _rows("On Tuesday the swelling black tide threatened wildlife and beaches in Louisiana.") == []
    # a doer named: a threat
    text = "Louisiana Governor Bobby Jindal threatened on Tuesday to sue BP."
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in _rows(text)] == [
        ("THREATEN", "Bobby Jindal", "BP")
    ]


def test_stopping_the_flow_of_oil_is_work_on_the_well():
    # as "stop the leak", "stem the flow": AID, no sanction (plover.toml [dated_cues])
    rows = _rows("Mexico stopped the flow of oil from the broken well on Wednesday.")
    assert [(r["event_type"], r["source_actor"]) for r in rows] == [("AID", "Mexico")]


def test_closing_a_cap_on_a_well_is_capping_it():
    # "close ... cap" is a cue of its own (AID, plover.toml [dated_cues]); "close" alone would be a sanction
    toks = tokenize("BP closed a new cap it had put on the well on Thursday.")
    assert ("close ... cap", "AID") in [(c.phrase, c.event_type) for c in find_cues(toks)]


def test_a_participle_of_saying_after_a_possessive_is_an_adjective():
    # "Blair's reported comments": no one reports anything; the passive's agent criticised them
    text = "Blair's reported comments were strongly criticised last night by Martin Bell, the former BBC correspondent."
    rows = [r for r in _rows(text, "2005-09-17") if r["event_type"] == "ACCUSE"]
    assert [(r["source_actor"], r["target_actor"]) for r in rows] == [("Martin Bell", "Tony Blair")]


def test_the_subject_of_a_clause_of_concession_is_no_target():
    # "even though the WHO stresses ...": another clause, whose subject no one acted upon
    text = (
        "Egypt has ordered the slaughter of the estimated 250,000 pigs in the country on Monday, even though the World"
        " Health Organisation stresses that the virus cannot be passed on through cooked meat."
    )
    rows = [r for r in _rows(text, "2009-04-30") if r["source_actor"] == "Egypt"]
    assert rows and all(r["target_actor"] == "" for r in rows)


def test_an_ongoing_passive_in_reported_speech_is_a_claim():
    # "said their citizens were being unfairly confined": the speaker's charge, a statement (tests/gold/README.md)
    rows = _rows("Mexican officials said their citizens were being unfairly confined.", "2009-05-04")
    assert [(r["event_type"], r["mode"], r["source_actor"]) for r in rows] == [("ACCUSE", "statement", "Mexico")]
    rows = _rows(
        "Brazilian officials said on Monday their citizens were being unfairly detained in Beijing.", "2009-05-04"
    )
    assert [(r["mode"], r["source_actor"]) for r in rows] == [("statement", "Brazil")]


def test_a_house_of_the_legislature_named_bare_is_the_articles_country():
    # as the real-news gold codes "a measure approved by the House ... Committee": the United States
    text = "The Senate refused on Tuesday to grant such powers to the commission in Washington."
    assert [(r["event_type"], r["source_actor"]) for r in _rows(text, "2010-07-31")] == [("REJECT", "United States")]


def test_a_fine_is_a_penalty_and_a_party_dissolved_is_coerced():
    # a regulator's fine punishes (SANCTION, as the classifier corpus labels it), no accusation
    rows = _rows("The European Commission fined Apple 1.8 billion euros on Monday.", "2024-03-06")
    assert [(r["event_type"], r["source_actor"], r["target_actor"]) for r in rows] == [
        ("SANCTION", "European Union", "Apple")
    ]
    rows = _rows(
        "Thailand's Constitutional Court dissolved the opposition Move Forward party on Wednesday.", "2024-08-08"
    )
    assert [(r["event_type"], r["source_actor"]) for r in rows] == [("COERCE", "Thailand")]


def test_an_organ_takes_no_country_from_a_side_taken():
    # "pro-Palestinian" names no state: the police are those of the place named, London's
    rows = _rows("Police arrested 40 people at a pro-Palestinian protest in London on Saturday.", "2024-03-06")
    assert [(r["event_type"], r["source_actor"], r["countries"]) for r in rows] == [
        ("COERCE", "United Kingdom", ["GBR"])
    ]
