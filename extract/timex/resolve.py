"""Resolvers: turn one regex match into a TIMEX3 (value, type, mod), relative to the reference date.

Each rule of rules.py names its resolver; RESOLVERS maps rule names to them. A resolver takes the match and the document Context and returns
a Resolution, or None when the match is not a temporal expression after all ("May" the name, "1990 shares") or
cannot be resolved (a relative expression with no reference date). The resolvers live in three modules by kind:
resolve_days (dates, times, weekdays), resolve_periods (months to centuries), resolve_amounts (durations, sets).
"""

from __future__ import annotations

from extract.timex.context import Context, Resolution, Resolver
from extract.timex.rules import RULES

__all__ = ["RESOLVERS", "Context", "Resolution", "Resolver"]

# rule name -> resolver, from the rules table (rules.py)
RESOLVERS: dict[str, Resolver] = {rule.name: rule.resolve for rule in RULES}
