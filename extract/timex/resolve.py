"""Resolvers: turn one regex match into a TIMEX3 (value, type, mod), relative to the reference date.

Each rule of patterns.py has a resolver here. A resolver takes the match and the document Context and returns
a Resolution, or None when the match is not a temporal expression after all ("May" the name, "1990 shares") or
cannot be resolved (a relative expression with no reference date). The resolvers live in three modules by kind:
resolve_days (dates, times, weekdays), resolve_periods (months to centuries), resolve_amounts (durations, sets).
"""

from __future__ import annotations

from extract.timex.context import Context, Resolution, Resolver
from extract.timex.resolve_amounts import (
    r_ago,
    r_duration,
    r_duration_a,
    r_duration_adj,
    r_duration_plural,
    r_ref,
    r_set_every,
    r_set_word,
    r_unit_long,
)
from extract.timex.resolve_days import (
    r_anaphoric,
    r_date_iso,
    r_date_md,
    r_date_slash,
    r_daypart,
    r_daypart_mod,
    r_daypart_of,
    r_holiday,
    r_noon,
    r_relday,
    r_time,
    r_time_part,
    r_week_of,
    r_weekday,
    r_weekday_set,
)
from extract.timex.resolve_periods import (
    r_century,
    r_decade_short,
    r_decade_the,
    r_decade_word,
    r_month,
    r_month_year,
    r_period,
    r_quarter,
    r_relunit,
    r_season,
    r_the_unit,
    r_the_year,
    r_year,
    r_year_end,
    r_year_season,
    r_yearago_adj,
)

__all__ = ["RESOLVERS", "Context", "Resolution", "Resolver"]

RESOLVERS: dict[str, Resolver] = {
    "date_mdy": r_date_md,
    "date_dmy": r_date_md,
    "date_iso": r_date_iso,
    "date_slash": r_date_slash,
    "month_year": r_month_year,
    "week_of": r_week_of,
    "time": r_time,
    "time24": r_time,
    "noon": r_noon,
    "weekday": r_weekday,
    "weekday_set": r_weekday_set,
    "daypart_of": r_daypart_of,
    "month": r_month,
    "relday": r_relday,
    "daypart": r_daypart,
    "daypart_of_rel": r_daypart_of,
    "quarter": r_quarter,
    "period": r_period,
    "yearago_adj": r_yearago_adj,
    "year": r_year,
    "the_year": r_the_year,
    "decade_the": r_decade_the,
    "decade_short": r_decade_short,
    "decade_word": r_decade_word,
    "century": r_century,
    "relunit": r_relunit,
    "season": r_season,
    "year_season": r_year_season,
    "ago": r_ago,
    "duration": r_duration,
    "duration_a": r_duration_a,
    "duration_adj": r_duration_adj,
    "duration_plural": r_duration_plural,
    "unit_long": r_unit_long,
    "set_every": r_set_every,
    "set_word": r_set_word,
    "holiday": r_holiday,
    "anaphoric": r_anaphoric,
    "ref": r_ref,
    "the_unit": r_the_unit,
    "year_end": r_year_end,
    "time_part": r_time_part,
    "daypart_mod": r_daypart_mod,
}
