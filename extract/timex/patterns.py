"""Regular expressions of the recognizer, assembled from the vocabulary.

Each pattern is one kind of temporal expression; its named groups are read by the matching
resolver in resolve.py. Patterns avoid nested unbounded repetition so that every match attempt is
linear in the text it looks at (no catastrophic backtracking on long runs of digits or spaces).
"""

from __future__ import annotations

import functools
import re

from extract.timex import vocab


def _words(table: dict | list) -> list[str]:
    return list(table)


@functools.cache
def fragments() -> dict[str, str]:
    """Named regex pieces shared by the patterns."""
    v = vocab.load()
    months = v["months"]
    weekdays = {k: n for k, n in v["weekdays"].items() if len(k) > 4}
    short_wd = v["weekday_short"]["forms"]
    numbers = [w for w in v["numbers"] if w not in ("a", "an")]
    f: dict[str, str] = {}
    f["MON"] = vocab.alternation(_words(months), abbrev_dot=True, caps=True) + r"(?![A-Za-z])"
    f["WD"] = vocab.alternation(_words(weekdays), caps=True) + r"(?![A-Za-z])"
    f["WDRAW"] = vocab.alternation(_words(weekdays), caps=True)
    f["WDS"] = vocab.alternation(short_wd, caps=True) + r"\.?"
    num_word = "(?i:" + vocab.alternation(numbers) + ")"
    f["NUMW"] = rf"{num_word}(?:[\s-]{num_word}){{0,3}}(?![A-Za-z])"
    f["NUMD"] = r"(?<![\d,.])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s\d/\d)?(?![\d,]\d)|(?<![\d/])\d/\d(?![\d/])"
    f["VAGUE"] = "(?i:" + vocab.alternation(v["vague_numbers"]) + ")"
    f["UNIT"] = "(?i:" + vocab.alternation(_words(v["units"])) + r")(?![A-Za-z])"
    f["SEASON"] = "(?i:" + vocab.alternation(_words(v["seasons"])) + r")(?![A-Za-z])"
    f["DAYPART"] = "(?i:" + vocab.alternation(_words(v["day_parts"])) + r")(?![A-Za-z])"
    f["ORD"] = "(?i:" + vocab.alternation([w for w in v["ordinals"]]) + r"|[1-4](?:st|nd|rd|th))"
    f["ZONE"] = vocab.alternation(v["time_zones"]) + r"(?![A-Za-z])"
    f["APPROX"] = "(?i:" + vocab.alternation(_words(v["approx_mods"])) + ")"
    f["POS"] = "(?i:" + vocab.alternation(_words(v["position_mods"])) + ")"
    f["DEIC"] = "(?i:" + vocab.alternation(_words(v["deictic"])) + ")"
    f["RELDAY"] = "(?i:" + vocab.alternation(_words(v["relative_days"])) + r")(?![A-Za-z])"
    f["HOLIDAY"] = vocab.alternation(_words(v["holidays"])) + r"(?![A-Za-z])"
    tens = "(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    units = "(?i:one|two|three|four|five|six|seven|eight|nine)"
    teens = "(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    f["SPOKEN_YEAR"] = (
        rf"(?:(?i:nineteen|eighteen|twenty)[\s-]+(?:{tens}(?:[\s-]{units})?|{teens}|(?i:oh)[\s-]{units})"
        rf"|(?i:two\s+thousand)(?:\s+(?i:and\s+)?(?:{teens}|{units}|{tens}(?:[\s-]{units})?))?)(?![A-Za-z-])"
    )
    f["YEAR4"] = r"(?<![\d$#£€.,/:])(?<!\d-)(?:1[0-9]\d\d|20\d\d)(?![\d]|,\d|\.\d|%)"
    f["YEAR"] = rf"(?:{f['YEAR4']}|'\d\d(?![\d']))"
    f["DAYNUM"] = r"(?<![\d,.$])(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?(?![\d%]|[:,.]\d)"
    return f


def _c(pattern: str) -> re.Pattern:
    return re.compile(r"(?<![A-Za-z0-9])" + pattern.format(**fragments()))


@functools.cache
def sources() -> list[tuple[str, str]]:
    """(rule name, regex source) in priority order: earlier wins between spans of equal length."""
    rules = [
        # Monday, Nov. 13, 2024 / Nov 13 / November 13th 1990
        (
            "date_mdy",
            r"(?:(?P<wd>{WD}|{WDS}),?\s+)?(?P<mon>{MON})\s*(?P<day>{DAYNUM})"
            r"(?:(?:,\s*|\s+)(?P<year>{YEAR}|{SPOKEN_YEAR}))?",
        ),
        # 13 November 2024 / Tuesday 13 Nov
        (
            "date_dmy",
            r"(?:(?P<wd>{WD}|{WDS}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MON})"
            r"(?:,?\s+(?P<year>{YEAR}))?",
        ),
        (
            "date_iso",
            r"(?<![\d-])(?P<year>\d{{4}})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
            r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::\d\d)?)?(?![\d])",
        ),
        ("date_slash", r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{{4}}|\d\d)(?![\d/])"),
        # March 2023, early March 1990, the middle of March 1990, January this year, June last year
        # the week of March 6
        (
            "week_of",
            r"(?:(?i:the)\s+)?(?i:week)\s+(?i:of)\s+(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?",
        ),
        (
            "month_year",
            r"(?:(?P<pos>{POS})[\s-]*)?(?P<mon>{MON}),?\s+(?:(?i:of)\s+)?"
            r"(?:(?P<year>{YEAR}|{SPOKEN_YEAR})|(?P<deic>(?i:this|last|next|that|the\s+same|the\s+following|"
            r"the\s+previous))\s+(?i:year)(?!['’]))",
        ),
        # clock times: 10:35 a.m., 4 a.m. EDT Thursday, 16:16 JST, noon Thursday
        (
            "time",
            r"(?<![\d.:,$])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
            r"(?:(?P<ampm>(?i:[ap]\.\s?m\.|[ap]m(?![A-Za-z])|[ap]\.m(?![A-Za-z])))"
            r"|(?P<oclock>(?i:o'clock)))"
            r"(?:\s+(?i:in\s+the)\s+(?P<half>(?i:morning|afternoon|evening))|\s+(?i:at\s+night))?"
            r"(?:\s+(?P<zone>{ZONE}))?(?:,?\s+(?P<wd>{WD})|\s+(?P<rel>{RELDAY})"
            r"|,?\s+(?:(?i:on)\s+)?(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?"
            r"|,?\s+(?:(?i:on)\s+)?(?P<day2>{DAYNUM})\s+(?P<mon2>{MON})(?:,?\s+(?P<year2>{YEAR4}))?)?",
        ),
        (
            "time24",
            r"(?<![\d.:,$])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])"
            r"(?:\s+(?P<zone>{ZONE}))?(?:,?\s+(?P<wd>{WD})|\s+(?P<rel>{RELDAY})"
            r"|,?\s+(?:(?i:on)\s+)?(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?"
            r"|,?\s+(?:(?i:on)\s+)?(?P<day2>{DAYNUM})\s+(?P<mon2>{MON})(?:,?\s+(?P<year2>{YEAR4}))?)?",
        ),
        (
            "noon",
            r"(?P<word>(?i:noon|midnight|midday))(?![A-Za-z])(?:\s+(?:(?i:on\s+))?(?P<wd>{WD})"
            r"|\s+(?P<rel>{RELDAY}))?",
        ),
        # weekdays: Tuesday, last Friday, Friday morning, early Tuesday
        (
            "weekday",
            r"(?:(?P<pos>(?i:early|late|earlier|later))\s+)?(?:(?P<deic>(?i:last|next|this\s+coming|this|coming|past|the\s+previous|the\s+following|the\s+next))\s+)?"
            r"(?P<wd>{WD})(?:(?P<poss>(?=['’]s))|\s+(?P<part>{DAYPART}))?",
        ),
        (
            "weekday_set",
            r"(?P<wd>{WDRAW})(?:s(?![A-Za-z])(?:\s+(?P<part>(?i:mornings|afternoons|evenings|nights)))?"
            r"|(?![A-Za-z])\s+(?P<part2>(?i:mornings|afternoons|evenings|nights)))(?![A-Za-z])",
        ),
        ("daypart_of", r"(?P<part>{DAYPART})\s+(?:(?i:of|on)\s+)?(?P<wd>{WD})"),
        # months without a day: in March, last April, early December, mid-November
        (
            "month",
            r"(?:(?P<pos>{POS})[\s-]*)?(?:(?P<deic>(?i:last|next|this|coming|past))\s+)?(?P<mon>{MON})"
            r"(?!\.?\s*\d)",
        ),
        # yesterday, today, tomorrow morning, late yesterday, the day before yesterday
        (
            "relday",
            r"(?:(?P<pos>(?i:early|earlier|late|later|mid))[\s-]*)?(?P<rel>{RELDAY})"
            r"(?:\s+(?P<part>{DAYPART}))?",
        ),
        (
            "daypart",
            r"(?:(?P<pos>(?i:early|earlier|late|later|mid))[\s-]*)?"
            r"(?P<deic>(?i:this|last|tomorrow|yesterday|that|the\s+next|the\s+following|the\s+same))\s+"
            r"(?P<part>{DAYPART})",
        ),
        ("daypart_of_rel", r"(?P<part>{DAYPART})\s+(?P<rel>{RELDAY})"),
        # the third quarter, third-quarter, fiscal 1989 first quarter, next year's first quarter
        (
            "quarter",
            r"(?:(?P<det>(?i:the))\s+(?=(?:[\w'’-]+\s+){{0,3}}(?i:quarter|half)(?![\w-])))?"
            r"(?:(?P<yrel>(?i:this|last|next))\s+(?i:year)['’]s\s+)?"
            r"(?:(?P<adj>(?i:fiscal|calendar|latest|year-ago|year-earlier|comparable|year-before|prior-year)(?:\s+(?i:fiscal))?)\s+)?"
            r"(?:(?P<year0>{YEAR4})\s+)?"
            r"(?:(?i:fiscal)[\s-]+)?(?P<ord>{ORD})[\s-]+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter|half))(?![A-Za-z])"
            r"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<year>{YEAR4}))?",
        ),
        (
            "period",
            r"(?P<det>(?i:the|this|that|its|a|last\s+year['’]s|the\s+latest|the\s+current|the\s+same))\s+"
            r"(?P<adj>(?i:latest|current|recent|previous|past|last|year-ago|year-earlier|year-before|"
            r"comparable|corresponding|same|just-ended|just\s+ended|prior-year|fiscal|first|second|1\d\d\d|20\d\d))?\s*"
            r"(?P<unit>(?i:quarter|period))(?![A-Za-z-])(?P<ly>\s+(?i:(?:a\s+)?year\s+(?:earlier|ago)|last\s+year))?",
        ),
        ("yearago_adj", r"(?P<adj>(?i:year-earlier|year-ago|year-before|prior-year|year-end))(?![A-Za-z])"),
        # years: 1990, fiscal 1989, mid-1996, the 1990s, the late '80s
        (
            "year",
            r"(?:(?P<fiscal>(?i:fiscal)(?:\s+(?i:year))?)\s+)?(?:(?P<pos>{POS})[\s-]*)?"
            r"(?P<year>{YEAR4}|{SPOKEN_YEAR})(?!\s*-?\s*(?i:[a-z]+\s+)?(?:quarter|half)\b)"
            # a 24-hour clock reading ("at 1653 local time", "0900 GMT") is not a year
            r"(?!\s+(?:(?i:local\s+time)|GMT|UTC|(?i:hours|hrs)(?![A-Za-z])(?!\s+(?i:of)\b)))(?P<s>['’]?s(?![A-Za-z]))?",
        ),
        ("decade_the", r"(?P<the>(?i:the))\s+(?:(?P<pos>{POS})[\s-]*)?(?P<year>1\d\d0|20\d0)['’]?s(?![A-Za-z])"),
        ("the_year", r"(?i:the\s+year\s+)(?P<year>{YEAR4}|{SPOKEN_YEAR})"),
        ("decade_short", r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pos>{POS})[\s-]*)?['’](?P<dec>\d)0['’]?s(?![A-Za-z])"),
        (
            "decade_word",
            r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pos>{POS})[\s-]*)?"
            r"(?P<dec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
            r"(?![A-Za-z])",
        ),
        (
            "century",
            r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pos>{POS})[\s-]*)?(?P<n>(?:1\d|20|21|[1-9])(?i:st|nd|rd|th)"
            r"|{ORD}|(?i:twentieth|nineteenth|twenty-first|eighteenth))[\s-]+(?i:century)(?![A-Za-z])",
        ),
        # last year, this week, earlier this month, the end of this year, next spring
        (
            "relunit",
            r"(?:(?P<pos>{POS})[\s-]*)?(?P<deic>{DEIC})\s+"
            r"(?P<unit>(?i:year|month|week|weekend|quarter|decade|century|day|fiscal\s+year)(?![A-Za-z])"
            r"|{SEASON})",
        ),
        (
            "season",
            r"(?:(?P<pos>{POS})[\s-]*)?(?:(?P<the>(?i:the))\s+)?(?P<season>{SEASON})"
            r"(?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR4}|{SPOKEN_YEAR}))?",
        ),
        ("year_season", r"(?P<year>{YEAR4})\s+(?P<season>{SEASON})"),
        # two days ago, a year earlier, nearly four years ago, a week or so ago
        (
            "ago",
            r"(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUMD}|{NUMW}|(?i:an?|several|a\s+few|a\s+couple\s+of|many|few))"
            r"\s+(?P<unit>{UNIT})(?:\s+(?i:or\s+so))?\s+"
            r"(?P<dir>(?i:ago|earlier|back|from\s+now|hence|previously)|(?i:before|after)(?=\s*[,.;)]|\s*$))"
            r"(?![A-Za-z])",
        ),
        # durations: three years, the past two months, 24 hours, a decade, two-year, 5 1/2 hours
        (
            "duration",
            r"(?:(?P<approx>{APPROX})\s+)?(?:(?P<det>(?i:the|a|an|another|its|their|his|her))\s+)?"
            r"(?:(?P<deic>(?i:past|last|next|first|coming|previous|final|following|latest|preceding|"
            r"remaining|initial|same|whole|entire|full))\s+)?"
            r"(?P<num>{NUMD}|{NUMW}|{VAGUE})\s+(?:(?i:more|additional|straight|consecutive|full|trading|business|working|"
            r"calendar|school)\s+)?"
            r"(?P<unit>{UNIT})(?P<half>\s+(?i:and\s+a\s+half))?",
        ),
        (
            "duration_a",
            r"(?:(?P<approx>{APPROX})\s+)?(?P<halfa>(?i:half)\s+)?(?P<det>(?i:an?|one|another))\s+(?P<half>(?i:half\s+))?"
            r"(?:(?i:full|whole|entire|additional|extra|trading|business|working)\s+)?(?P<unit>{UNIT})(?P<half2>\s+(?i:and\s+a\s+half))?",
        ),
        ("duration_adj", r"(?P<num>\d{{1,3}}|{NUMW}|(?i:one|half))\s?-(?P<unit>{UNIT})(?P<tail>-(?i:long|old))?"),
        (
            "duration_plural",
            r"(?:(?P<det>(?i:the\s+past|the\s+last|the\s+next|the\s+coming|recent|coming|past|"
            r"the\s+first|future))\s+)?(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|"
            r"centuries|quarters))(?![A-Za-z])",
        ),
        (
            "unit_long",
            r"(?P<unit>(?i:decades|years|months|weeks|days|hours|minutes|centuries))-(?i:long|old)"
            r"|(?P<unit1>(?i:day|week|month|year|hour|decade|century))-(?i:long)(?![A-Za-z])",
        ),
        (
            "year_end",
            r"(?:(?P<approx>(?i:around|about|by|at))\s+)?(?P<word>(?i:year)(?:['’]s)?[\s-](?i:end))(?![A-Za-z])",
        ),
        (
            "time_part",
            r"(?P<hour>[01]?\d)\s+(?i:in\s+the)\s+(?P<part>(?i:morning|afternoon|evening|night))(?![A-Za-z])",
        ),
        ("daypart_mod", r"(?P<pos>(?i:early|late|mid))[\s-]*(?P<part>(?i:morning|afternoon|evening))(?![A-Za-z])"),
        # sets: every Friday, each year, daily
        (
            "set_every",
            r"(?P<q>(?i:every|each|per))\s+(?:(?P<other>(?i:other))\s+)?"
            r"(?P<what>{WD}|{MON}|(?i:day|week|month|year|quarter|hour|minute|night|morning|weekend"
            r"|evening|decade|season|summer|winter|spring|fall|autumn)(?![A-Za-z]))",
        ),
        (
            "set_word",
            r"(?P<word>(?i:" + vocab.alternation(list(vocab.load()["set_words"])) + "))"
            r"(?![A-Za-z])",
        ),
        ("holiday", r"(?:(?P<deic>(?i:last|next|this))\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<year>{YEAR4}))?"),
        # the following day, that day, the next morning, earlier that day, later that year
        (
            "anaphoric",
            r"(?:(?P<pos>(?i:early|earlier|late|later))\s+)?(?P<deic>(?i:the\s+following|the\s+next|"
            r"the\s+previous|the\s+preceding|the\s+same|that\s+same|that|the\s+prior))\s+"
            r"(?P<unit>(?i:day|week|month|year|morning|night|evening|afternoon|weekend))(?![A-Za-z])",
        ),
        (
            "the_unit",
            r"(?:(?P<pos>{POS})\s+|(?P<in>(?i:earlier|later)\s+(?i:in)\s+))?(?P<det>(?i:the))\s+"
            r"(?P<full>(?i:full|fiscal|calendar)\s+)?(?P<unit>(?i:year|week|weekend|month))(?![A-Za-z-])",
        ),
        ("ref", r"(?P<word>(?i:" + vocab.alternation(list(vocab.load()["references"])) + r"))(?![A-Za-z-])"),
    ]
    return rules


@functools.cache
def rule_names() -> tuple[str, ...]:
    return tuple(name for name, _ in sources())


@functools.cache
def compiled_rule(name: str) -> re.Pattern:
    """The compiled pattern of one rule, compiled the first time a text triggers it."""
    return _c(dict(sources())[name])


def compiled() -> list[tuple[str, re.Pattern]]:
    """Every (rule name, compiled pattern) in priority order."""
    return [(name, compiled_rule(name)) for name in rule_names()]


# ---------------------------------------------------------------- triggers
# A pattern is only run near the words that must occur in any of its matches (its triggers), so the
# text between temporal words is never scanned 40 times over.

LEFT = 56  # characters before a trigger where a match may start ("nearly the past three ...")
RIGHT = 40  # characters after a trigger where a match may end ("... November 13, 2024 16:16 JST")


@functools.cache
def triggers() -> dict[str, tuple[frozenset, frozenset, frozenset]]:
    """rule name -> (lowercase trigger words, exact-case trigger words, digit kinds 'd4'/'d12'/'d').

    A lowercase trigger written "-word" fires only on a word right after a hyphen ("two-year").
    """
    v = vocab.load()
    months = frozenset(k for k in v["months"]) | frozenset(k.upper() for k in v["months"])
    weekdays = frozenset(k for k in v["weekdays"]) | frozenset(k.upper() for k in v["weekdays"])
    weekdays_pl = frozenset(k.lower() + "s" for k in v["weekdays"] if len(k) > 4)
    units = frozenset(k.split("-")[0] for k in v["units"])
    seasons = frozenset(v["seasons"])
    parts = frozenset(w for k in v["day_parts"] for w in k.split("-"))
    reldays = frozenset(w for k in v["relative_days"] for w in k.split() if w not in ("the", "day", "before", "after"))
    stop = {"the", "in", "at", "a", "this", "these", "more", "until", "most", "just", "right"}
    refs = frozenset(w for k in v["references"] for w in k.split() if w not in stop)
    holidays = frozenset(w.lower().split("'")[0] for k in v["holidays"] for w in k.split() if w not in ("the", "of"))
    spoken = frozenset({"nineteen", "eighteen", "twenty", "two"})
    decade_words = frozenset(
        {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}
    )
    set_words = frozenset(v["set_words"])
    e: frozenset = frozenset()
    return {
        "date_mdy": (e, months, e),
        "date_dmy": (e, months, e),
        "date_iso": (e, e, frozenset({"d4"})),
        "date_slash": (e, e, frozenset({"d12"})),
        "month_year": (e, months, e),
        "week_of": (e, months, e),
        "time": (frozenset({"o"}), e, frozenset({"d12"})),
        "time24": (e, e, frozenset({"d12"})),
        "noon": (frozenset({"noon", "midnight", "midday"}), e, e),
        "weekday": (e, weekdays, e),
        "weekday_set": (weekdays_pl | frozenset({"mornings", "afternoons", "evenings", "nights"}), e, e),
        "daypart_of": (parts, e, e),
        "month": (e, months, e),
        "relday": (reldays, e, e),
        "daypart": (parts, e, e),
        "daypart_of_rel": (parts, e, e),
        "quarter": (frozenset({"quarter", "half"}), e, e),
        "period": (frozenset({"quarter", "period"}), e, e),
        "yearago_adj": (frozenset({"year"}), e, e),
        "year": (spoken, e, frozenset({"d4"})),
        "the_year": (frozenset({"year"}), e, e),
        "decade_the": (e, e, frozenset({"d4"})),
        "decade_short": (e, e, frozenset({"d"})),
        "decade_word": (decade_words, e, e),
        "century": (frozenset({"century"}), e, e),
        "relunit": (units | seasons | frozenset({"fiscal"}), e, e),
        "season": (seasons, e, e),
        "year_season": (seasons, e, e),
        "ago": (units, e, e),
        "duration": (units, e, e),
        "duration_a": (units, e, e),
        "duration_adj": (frozenset("-" + u for u in units), e, e),  # "two-year": a unit right after a hyphen
        "duration_plural": (units, e, e),
        "unit_long": (frozenset({"-long", "-old"}), e, e),
        "set_every": (frozenset({"every", "each", "per"}), e, e),
        "set_word": (set_words, e, e),
        "holiday": (holidays, e, e),
        "anaphoric": (units | parts, e, e),
        "ref": (refs, e, e),
        "year_end": (frozenset({"year"}), e, e),
        "time_part": (parts, e, e),
        "daypart_mod": (parts, e, e),
        "the_unit": (frozenset({"year", "week", "weekend", "month"}), e, e),
    }
