"""The recognizer's rules, each declared once: its name, its pattern, the words that trigger it, its resolver.

A rule finds one kind of temporal expression. Its pattern is a regular expression whose {FRAGMENT} names are
filled in from the vocabulary (patterns.fragments(): month names, units, ...) and whose named groups are read
by its resolver (resolve_days, resolve_periods, resolve_amounts). Its triggers are the words one of which
must occur in any match: the pattern is only run near them (tagger.py). Everything else is derived from this
table: patterns.sources() / rule_names() / compiled_rule() / triggers(), resolve.RESOLVERS.

RULES is in priority order: between matches of equal length, the earlier rule wins.

Triggers:
    words   lowercase words ("year"); "@name" stands for a word set built from the vocabulary
            (patterns.trigger_sets(): @months, @units, ...); a word written "-word" fires only right after
            a hyphen ("two-year"), and "-@units" is every unit so written
    cased   exact-case words or sets (month and weekday names: "May" triggers, "may" does not)
    digits  digit tokens: "d4" four digits, "d12" one or two digits, "d" any number of digits

Adding a rule: one Rule below (a resolver in the resolve_* module of its kind), and a test in
tests/test_timex_values.py giving an expression it finds with its value.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.timex import resolve_amounts as amounts
from extract.timex import resolve_days as days
from extract.timex import resolve_periods as periods
from extract.timex.context import Resolver

DIGIT_KINDS = ("d4", "d12", "d")


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression (see the module doc)."""

    name: str
    pattern: str
    resolve: Resolver
    words: tuple[str, ...] = ()
    cased: tuple[str, ...] = ()
    digits: tuple[str, ...] = ()


RULES: tuple[Rule, ...] = (
    # Monday, Nov. 13, 2024 / Nov 13 / November 13th 1990
    Rule(
        "date_mdy",
        r"(?:(?P<wd>{WD}|{WDS}),?\s+)?(?P<mon>{MON})\s*(?P<day>{DAYNUM})"
        r"(?:(?:,\s*|\s+)(?P<year>{YEAR}|{SPOKEN_YEAR}))?",
        days.r_date_md,
        cased=("@months",),
    ),
    # 13 November 2024 / Tuesday 13 Nov
    Rule(
        "date_dmy",
        r"(?:(?P<wd>{WD}|{WDS}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MON})"
        r"(?:,?\s+(?P<year>{YEAR}))?",
        days.r_date_md,
        cased=("@months",),
    ),
    Rule(
        "date_iso",
        r"(?<![\d-])(?P<year>\d{{4}})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::\d\d)?)?(?![\d])",
        days.r_date_iso,
        digits=("d4",),
    ),
    Rule(
        "date_slash",
        r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{{4}}|\d\d)(?![\d/])",
        days.r_date_slash,
        digits=("d12",),
    ),
    # the week of March 6
    Rule(
        "week_of",
        r"(?:(?i:the)\s+)?(?i:week)\s+(?i:of)\s+(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?",
        days.r_week_of,
        cased=("@months",),
    ),
    # March 2023, early March 1990, the middle of March 1990, January this year, June last year
    Rule(
        "month_year",
        r"(?:(?P<pos>{POS})[\s-]*)?(?P<mon>{MON}),?\s+(?:(?i:of)\s+)?"
        r"(?:(?P<year>{YEAR}|{SPOKEN_YEAR})|(?P<deic>(?i:this|last|next|that|the\s+same|the\s+following|"
        r"the\s+previous))\s+(?i:year)(?!['’]))",
        periods.r_month_year,
        cased=("@months",),
    ),
    # clock times: 10:35 a.m., 4 a.m. EDT Thursday, 16:16 JST, noon Thursday
    Rule(
        "time",
        r"(?<![\d.:,$])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
        r"(?:(?P<ampm>(?i:[ap]\.\s?m\.|[ap]m(?![A-Za-z])|[ap]\.m(?![A-Za-z])))"
        r"|(?P<oclock>(?i:o'clock)))"
        r"(?:\s+(?i:in\s+the)\s+(?P<half>(?i:morning|afternoon|evening))|\s+(?i:at\s+night))?"
        r"(?:\s+(?P<zone>{ZONE}))?(?:,?\s+(?P<wd>{WD})|\s+(?P<rel>{RELDAY})"
        r"|,?\s+(?:(?i:on)\s+)?(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?"
        r"|,?\s+(?:(?i:on)\s+)?(?P<day2>{DAYNUM})\s+(?P<mon2>{MON})(?:,?\s+(?P<year2>{YEAR4}))?)?",
        days.r_time,
        words=("o",),
        digits=("d12",),
    ),
    Rule(
        "time24",
        r"(?<![\d.:,$])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])"
        r"(?:\s+(?P<zone>{ZONE}))?(?:,?\s+(?P<wd>{WD})|\s+(?P<rel>{RELDAY})"
        r"|,?\s+(?:(?i:on)\s+)?(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?"
        r"|,?\s+(?:(?i:on)\s+)?(?P<day2>{DAYNUM})\s+(?P<mon2>{MON})(?:,?\s+(?P<year2>{YEAR4}))?)?",
        days.r_time,
        digits=("d12",),
    ),
    Rule(
        "noon",
        r"(?P<word>(?i:noon|midnight|midday))(?![A-Za-z])(?:\s+(?:(?i:on\s+))?(?P<wd>{WD})"
        r"|\s+(?P<rel>{RELDAY}))?",
        days.r_noon,
        words=("noon", "midnight", "midday"),
    ),
    # weekdays: Tuesday, last Friday, Friday morning, early Tuesday
    Rule(
        "weekday",
        r"(?:(?P<pos>(?i:early|late|earlier|later))\s+)?(?:(?P<deic>(?i:last|next|this\s+coming|this|coming|past|the\s+previous|the\s+following|the\s+next))\s+)?"
        r"(?P<wd>{WD})(?:(?P<poss>(?=['’]s))|\s+(?P<part>{DAYPART}))?",
        days.r_weekday,
        cased=("@weekdays",),
    ),
    Rule(
        "weekday_set",
        r"(?P<wd>{WDRAW})(?:s(?![A-Za-z])(?:\s+(?P<part>(?i:mornings|afternoons|evenings|nights)))?"
        r"|(?![A-Za-z])\s+(?P<part2>(?i:mornings|afternoons|evenings|nights)))(?![A-Za-z])",
        days.r_weekday_set,
        words=("@weekday_plurals", "mornings", "afternoons", "evenings", "nights"),
    ),
    Rule(
        "daypart_of",
        r"(?P<part>{DAYPART})\s+(?:(?i:of|on)\s+)?(?P<wd>{WD})",
        days.r_daypart_of,
        words=("@day_parts",),
    ),
    # months without a day: in March, last April, early December, mid-November
    Rule(
        "month",
        r"(?:(?P<pos>{POS})[\s-]*)?(?:(?P<deic>(?i:last|next|this|coming|past))\s+)?(?P<mon>{MON})"
        r"(?!\.?\s*\d)",
        periods.r_month,
        cased=("@months",),
    ),
    # yesterday, today, tomorrow morning, late yesterday, the day before yesterday
    Rule(
        "relday",
        r"(?:(?P<pos>(?i:early|earlier|late|later|mid))[\s-]*)?(?P<rel>{RELDAY})"
        r"(?:\s+(?P<part>{DAYPART}))?",
        days.r_relday,
        words=("@relative_days",),
    ),
    Rule(
        "daypart",
        r"(?:(?P<pos>(?i:early|earlier|late|later|mid))[\s-]*)?"
        r"(?P<deic>(?i:this|last|tomorrow|yesterday|that|the\s+next|the\s+following|the\s+same))\s+"
        r"(?P<part>{DAYPART})",
        days.r_daypart,
        words=("@day_parts",),
    ),
    Rule(
        "daypart_of_rel",
        r"(?P<part>{DAYPART})\s+(?P<rel>{RELDAY})",
        days.r_daypart_of,
        words=("@day_parts",),
    ),
    # the third quarter, third-quarter, fiscal 1989 first quarter, next year's first quarter
    Rule(
        "quarter",
        r"(?:(?P<det>(?i:the))\s+(?=(?:[\w'’-]+\s+){{0,3}}(?i:quarter|half)(?![\w-])))?"
        r"(?:(?P<yrel>(?i:this|last|next))\s+(?i:year)['’]s\s+)?"
        r"(?:(?P<adj>(?i:fiscal|calendar|latest|year-ago|year-earlier|comparable|year-before|prior-year)(?:\s+(?i:fiscal))?)\s+)?"
        r"(?:(?P<year0>{YEAR4})\s+)?"
        r"(?:(?i:fiscal)[\s-]+)?(?P<ord>{ORD})[\s-]+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter|half))(?![A-Za-z])"
        r"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<year>{YEAR4}))?",
        periods.r_quarter,
        words=("quarter", "half"),
    ),
    Rule(
        "period",
        r"(?P<det>(?i:the|this|that|its|a|last\s+year['’]s|the\s+latest|the\s+current|the\s+same))\s+"
        r"(?P<adj>(?i:latest|current|recent|previous|past|last|year-ago|year-earlier|year-before|"
        r"comparable|corresponding|same|just-ended|just\s+ended|prior-year|fiscal|first|second|1\d\d\d|20\d\d))?\s*"
        r"(?P<unit>(?i:quarter|period))(?![A-Za-z-])(?P<ly>\s+(?i:(?:a\s+)?year\s+(?:earlier|ago)|last\s+year))?",
        periods.r_period,
        words=("quarter", "period"),
    ),
    Rule(
        "yearago_adj",
        r"(?P<adj>(?i:year-earlier|year-ago|year-before|prior-year|year-end))(?![A-Za-z])",
        periods.r_yearago_adj,
        words=("year",),
    ),
    # years: 1990, fiscal 1989, mid-1996, the 1990s, the late '80s
    Rule(
        "year",
        r"(?:(?P<fiscal>(?i:fiscal)(?:\s+(?i:year))?)\s+)?(?:(?P<pos>{POS})[\s-]*)?"
        r"(?P<year>{YEAR4}|{SPOKEN_YEAR})(?!\s*-?\s*(?i:[a-z]+\s+)?(?:quarter|half)\b)"
        # a 24-hour clock reading ("at 1653 local time", "0900 GMT") is not a year
        r"(?!\s+(?:(?i:local\s+time)|GMT|UTC|(?i:hours|hrs)(?![A-Za-z])(?!\s+(?i:of)\b)))(?P<s>['’]?s(?![A-Za-z]))?",
        periods.r_year,
        words=("nineteen", "eighteen", "twenty", "two"),
        digits=("d4",),
    ),
    Rule(
        "decade_the",
        r"(?P<the>(?i:the))\s+(?:(?P<pos>{POS})[\s-]*)?(?P<year>1\d\d0|20\d0)['’]?s(?![A-Za-z])",
        periods.r_decade_the,
        digits=("d4",),
    ),
    Rule(
        "the_year",
        r"(?i:the\s+year\s+)(?P<year>{YEAR4}|{SPOKEN_YEAR})",
        periods.r_the_year,
        words=("year",),
    ),
    Rule(
        "decade_short",
        r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pos>{POS})[\s-]*)?['’](?P<dec>\d)0['’]?s(?![A-Za-z])",
        periods.r_decade_short,
        digits=("d",),
    ),
    Rule(
        "decade_word",
        r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pos>{POS})[\s-]*)?"
        r"(?P<dec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        r"(?![A-Za-z])",
        periods.r_decade_word,
        words=("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
    ),
    Rule(
        "century",
        r"(?:(?P<the>(?i:the))\s+)?(?:(?P<pos>{POS})[\s-]*)?(?P<n>(?:1\d|20|21|[1-9])(?i:st|nd|rd|th)"
        r"|{ORD}|(?i:twentieth|nineteenth|twenty-first|eighteenth))[\s-]+(?i:century)(?![A-Za-z])",
        periods.r_century,
        words=("century",),
    ),
    # last year, this week, earlier this month, the end of this year, next spring
    Rule(
        "relunit",
        r"(?:(?P<pos>{POS})[\s-]*)?(?P<deic>{DEIC})\s+"
        r"(?P<unit>(?i:year|month|week|weekend|quarter|decade|century|day|fiscal\s+year)(?![A-Za-z])"
        r"|{SEASON})",
        periods.r_relunit,
        words=("@units", "@seasons", "fiscal"),
    ),
    Rule(
        "season",
        r"(?:(?P<pos>{POS})[\s-]*)?(?:(?P<the>(?i:the))\s+)?(?P<season>{SEASON})"
        r"(?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR4}|{SPOKEN_YEAR}))?",
        periods.r_season,
        words=("@seasons",),
    ),
    Rule(
        "year_season",
        r"(?P<year>{YEAR4})\s+(?P<season>{SEASON})",
        periods.r_year_season,
        words=("@seasons",),
    ),
    # two days ago, a year earlier, nearly four years ago, a week or so ago
    Rule(
        "ago",
        r"(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUMD}|{NUMW}|(?i:an?|several|a\s+few|a\s+couple\s+of|many|few))"
        r"\s+(?P<unit>{UNIT})(?:\s+(?i:or\s+so))?\s+"
        r"(?P<dir>(?i:ago|earlier|back|from\s+now|hence|previously)|(?i:before|after)(?=\s*[,.;)]|\s*$))"
        r"(?![A-Za-z])",
        amounts.r_ago,
        words=("@units",),
    ),
    # durations: three years, the past two months, 24 hours, a decade, two-year, 5 1/2 hours
    Rule(
        "duration",
        r"(?:(?P<approx>{APPROX})\s+)?(?:(?P<det>(?i:the|a|an|another|its|their|his|her))\s+)?"
        r"(?:(?P<deic>(?i:past|last|next|first|coming|previous|final|following|latest|preceding|"
        r"remaining|initial|same|whole|entire|full))\s+)?"
        r"(?P<num>{NUMD}|{NUMW}|{VAGUE})\s+(?:(?i:more|additional|straight|consecutive|full|trading|business|working|"
        r"calendar|school)\s+)?"
        r"(?P<unit>{UNIT})(?P<half>\s+(?i:and\s+a\s+half))?",
        amounts.r_duration,
        words=("@units",),
    ),
    Rule(
        "duration_a",
        r"(?:(?P<approx>{APPROX})\s+)?(?P<halfa>(?i:half)\s+)?(?P<det>(?i:an?|one|another))\s+(?P<half>(?i:half\s+))?"
        r"(?:(?i:full|whole|entire|additional|extra|trading|business|working)\s+)?(?P<unit>{UNIT})(?P<half2>\s+(?i:and\s+a\s+half))?",
        amounts.r_duration_a,
        words=("@units",),
    ),
    Rule(
        "duration_adj",
        r"(?P<num>\d{{1,3}}|{NUMW}|(?i:one|half))\s?-(?P<unit>{UNIT})(?P<tail>-(?i:long|old))?",
        amounts.r_duration_adj,
        words=("-@units",),
    ),
    Rule(
        "duration_plural",
        r"(?:(?P<det>(?i:the\s+past|the\s+last|the\s+next|the\s+coming|recent|coming|past|"
        r"the\s+first|future))\s+)?(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|"
        r"centuries|quarters))(?![A-Za-z])",
        amounts.r_duration_plural,
        words=("@units",),
    ),
    Rule(
        "unit_long",
        r"(?P<unit>(?i:decades|years|months|weeks|days|hours|minutes|centuries))-(?i:long|old)"
        r"|(?P<unit1>(?i:day|week|month|year|hour|decade|century))-(?i:long)(?![A-Za-z])",
        amounts.r_unit_long,
        words=("-long", "-old"),
    ),
    Rule(
        "year_end",
        r"(?:(?P<approx>(?i:around|about|by|at))\s+)?(?P<word>(?i:year)(?:['’]s)?[\s-](?i:end))(?![A-Za-z])",
        periods.r_year_end,
        words=("year",),
    ),
    Rule(
        "time_part",
        r"(?P<hour>[01]?\d)\s+(?i:in\s+the)\s+(?P<part>(?i:morning|afternoon|evening|night))(?![A-Za-z])",
        days.r_time_part,
        words=("@day_parts",),
    ),
    Rule(
        "daypart_mod",
        r"(?P<pos>(?i:early|late|mid))[\s-]*(?P<part>(?i:morning|afternoon|evening))(?![A-Za-z])",
        days.r_daypart_mod,
        words=("@day_parts",),
    ),
    # sets: every Friday, each year, daily
    Rule(
        "set_every",
        r"(?P<q>(?i:every|each|per))\s+(?:(?P<other>(?i:other))\s+)?"
        r"(?P<what>{WD}|{MON}|(?i:day|week|month|year|quarter|hour|minute|night|morning|weekend"
        r"|evening|decade|season|summer|winter|spring|fall|autumn)(?![A-Za-z]))",
        amounts.r_set_every,
        words=("every", "each", "per"),
    ),
    Rule(
        "set_word",
        r"(?P<word>(?i:{SET_WORD}))(?![A-Za-z])",
        amounts.r_set_word,
        words=("@set_words",),
    ),
    Rule(
        "holiday",
        r"(?:(?P<deic>(?i:last|next|this))\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<year>{YEAR4}))?",
        days.r_holiday,
        words=("@holidays",),
    ),
    # the following day, that day, the next morning, earlier that day, later that year
    Rule(
        "anaphoric",
        r"(?:(?P<pos>(?i:early|earlier|late|later))\s+)?(?P<deic>(?i:the\s+following|the\s+next|"
        r"the\s+previous|the\s+preceding|the\s+same|that\s+same|that|the\s+prior))\s+"
        r"(?P<unit>(?i:day|week|month|year|morning|night|evening|afternoon|weekend))(?![A-Za-z])",
        days.r_anaphoric,
        words=("@units", "@day_parts"),
    ),
    Rule(
        "the_unit",
        r"(?:(?P<pos>{POS})\s+|(?P<in>(?i:earlier|later)\s+(?i:in)\s+))?(?P<det>(?i:the))\s+"
        r"(?P<full>(?i:full|fiscal|calendar)\s+)?(?P<unit>(?i:year|week|weekend|month))(?![A-Za-z-])",
        periods.r_the_unit,
        words=("year", "week", "weekend", "month"),
    ),
    Rule(
        "ref",
        r"(?P<word>(?i:{REFERENCE}))(?![A-Za-z-])",
        amounts.r_ref,
        words=("@references",),
    ),
)
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
