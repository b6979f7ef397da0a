"""The recognizer's rules are declared once (extract/timex/rules.py); every other table derives from it."""

from __future__ import annotations

import ast
import inspect
import pathlib
import re

from extract.timex import patterns, resolve_amounts, resolve_days, resolve_periods, rules
from extract.timex.resolve import RESOLVERS

TIMEX = pathlib.Path(rules.__file__).parent


def test_rule_names_are_unique_and_every_table_has_the_same_rules_in_order():
    names = [r.name for r in rules.RULES]
    assert len(names) == len(set(names))
    assert list(patterns.rule_names()) == names
    assert list(RESOLVERS) == names
    assert list(patterns.triggers()) == names


def test_every_rule_compiles_resolves_and_has_triggers():
    sets = patterns.trigger_sets()
    for rule in rules.RULES:
        assert isinstance(patterns.compiled_rule(rule.name), re.Pattern), rule.name
        assert callable(rule.resolve), rule.name
        lower, exact, digits = patterns.triggers()[rule.name]
        assert lower or exact or digits, rule.name
        for item in rule.words + rule.cased:
            if "@" in item:
                assert item.lstrip("-@") in sets, (rule.name, item)
        assert set(rule.digits) <= set(rules.DIGIT_KINDS), rule.name


def _string_constants(path: pathlib.Path) -> set[str]:
    return {n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Constant)}


def test_no_rule_is_named_outside_the_rules_table():
    """A rule named in another module is a second table that can drift: the names live in rules.py only.
    (Rule names that are plain words, "year" or "time", are also vocabulary and units, so only the
    compound names are looked for.)"""
    compound = {r.name for r in rules.RULES if "_" in r.name or any(c.isdigit() for c in r.name)}
    assert len(compound) > 20
    for path in sorted(TIMEX.glob("*.py")):
        if path.name == "rules.py":
            continue
        named = compound & _string_constants(path)
        assert not named, f"{path.name} names rules {sorted(named)}: declare them in rules.py only"
    for path in sorted((TIMEX / "data").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        named = {n for n in compound if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)}
        assert not named, f"{path.name} names rules {sorted(named)}"


def test_every_resolver_serves_a_rule():
    """A resolver left behind by a renamed or removed rule shows up here."""
    used = {r.resolve for r in rules.RULES}
    for module in (resolve_days, resolve_periods, resolve_amounts):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("r_") and fn.__module__ == module.__name__:
                assert fn in used, f"{module.__name__}.{name} is no rule's resolver"
