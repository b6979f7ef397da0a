"""The rules' regular expressions and trigger words, assembled from the vocabulary (data/vocab.toml).

The rules themselves (name, pattern, triggers, resolver) are declared once, in rules.py; this module fills
in their {FRAGMENT} names, compiles them and turns their trigger specs into word sets. Patterns avoid
nested unbounded repetition so that every match attempt is linear in the text it looks at (no
catastrophic backtracking on long runs of digits or spaces).
"""

from __future__ import annotations

import functools
import re

from extract.timex import vocab
from extract.timex.rules import DIGIT_KINDS, RULES
from extract.vocabulary import time_zones


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
    # every time zone the dateline reader knows (extract/data/timezones.toml), and phrases like "local time"
    f["ZONE"] = vocab.alternation([*time_zones(), *v["zone_phrases"]]) + r"(?![A-Za-z])"
    f["APPROX"] = "(?i:" + vocab.alternation(_words(v["approx_mods"])) + ")"
    f["POS"] = "(?i:" + vocab.alternation(_words(v["position_mods"])) + ")"
    f["DEIC"] = "(?i:" + vocab.alternation(_words(v["deictic"])) + ")"
    f["RELDAY"] = "(?i:" + vocab.alternation(_words(v["relative_days"])) + r")(?![A-Za-z])"
    f["HOLIDAY"] = vocab.alternation(_words(v["holidays"])) + r"(?![A-Za-z])"
    f["SET_WORD"] = vocab.alternation(_words(v["set_words"]))
    f["REFERENCE"] = vocab.alternation(_words(v["references"]))
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
    """(rule name, regex source with {FRAGMENT} names) in priority order: earlier wins between spans of equal
    length (rules.RULES)."""
    return [(rule.name, rule.pattern) for rule in RULES]


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
def trigger_sets() -> dict[str, frozenset[str]]:
    """The word sets a rule's triggers may name as "@name", built from the vocabulary."""
    v = vocab.load()
    stop = {"the", "in", "at", "a", "this", "these", "more", "until", "most", "just", "right"}
    return {
        "months": frozenset(v["months"]) | frozenset(k.upper() for k in v["months"]),
        "weekdays": frozenset(v["weekdays"]) | frozenset(k.upper() for k in v["weekdays"]),
        "weekday_plurals": frozenset(k.lower() + "s" for k in v["weekdays"] if len(k) > 4),
        "units": frozenset(k.split("-")[0] for k in v["units"]),
        "seasons": frozenset(v["seasons"]),
        "day_parts": frozenset(w for k in v["day_parts"] for w in k.split("-")),
        "relative_days": frozenset(
            w for k in v["relative_days"] for w in k.split() if w not in ("the", "day", "before", "after")
        ),
        "references": frozenset(w for k in v["references"] for w in k.split() if w not in stop),
        "holidays": frozenset(
            w.lower().split("'")[0] for k in v["holidays"] for w in k.split() if w not in ("the", "of")
        ),
        "set_words": frozenset(v["set_words"]),
    }


def _expand(spec: tuple[str, ...]) -> frozenset[str]:
    """A trigger spec's words: "@name" is a set of trigger_sets(), "-@name" that set after a hyphen."""
    sets = trigger_sets()
    out: set[str] = set()
    for item in spec:
        if item.startswith("@"):
            out |= sets[item[1:]]
        elif item.startswith("-@"):
            out |= {"-" + w for w in sets[item[2:]]}
        else:
            out.add(item)
    return frozenset(out)


@functools.cache
def triggers() -> dict[str, tuple[frozenset, frozenset, frozenset]]:
    """rule name -> (lowercase trigger words, exact-case trigger words, digit kinds 'd4'/'d12'/'d').

    A lowercase trigger written "-word" fires only on a word right after a hyphen ("two-year").
    """
    out = {}
    for rule in RULES:
        unknown = set(rule.digits) - set(DIGIT_KINDS)
        if unknown:
            raise ValueError(f"rule {rule.name}: unknown digit trigger {sorted(unknown)}")
        out[rule.name] = (_expand(rule.words), _expand(rule.cased), frozenset(rule.digits))
    return out
