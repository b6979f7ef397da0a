"""A cheap language guess: writing system first, then the share of common function words.

`detect_language(text)` returns an ISO 639-1 code, or "" when the text is too short or no
language stands out. The word lists are in extract/data/function_words.toml. No external library.
"""

from __future__ import annotations

import re
from collections import Counter

from extract.vocabulary import all_function_words

_TOKEN = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 2000
MIN_TOKENS = 5
MIN_SHARE = 0.12

# Scripts that settle the language (or its family) by themselves: (first, last code point, language).
_SCRIPTS = (
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),
    (0xAC00, 0xD7AF, "ko"),
    (0x4E00, 0x9FFF, "zh"),
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x04FF, "ru"),
)
_UKRAINIAN = set("іїєґІЇЄҐ")


def stopwords() -> dict[str, frozenset[str]]:
    """Language code -> its common function words (extract/data/function_words.toml)."""
    return all_function_words()


_NON_LATIN = re.compile(
    r"[\u0370-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)


def _script_language(sample: str) -> str:
    if not _NON_LATIN.search(sample):
        return ""
    counts: dict[str, int] = {}
    letters = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        cp = ord(ch)
        if cp < 0x0370:
            continue
        for lo, hi, lang in _SCRIPTS:
            if lo <= cp <= hi:
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not counts or not letters:
        return ""
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 0.3 * letters:
        return ""
    if lang == "zh" and counts.get("ja", 0) > 0.05 * letters:
        return "ja"
    if lang == "ru" and any(ch in _UKRAINIAN for ch in sample):
        return "uk"
    return lang


def detect_language(text: str) -> str:
    """Guess the language of `text` (ISO 639-1 code), or "" when unsure."""
    sample = text[:SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    tokens = _TOKEN.findall(sample.lower())
    if len(tokens) < MIN_TOKENS:
        return ""
    counts = Counter(tokens)
    best, best_hits = "", 0
    for lang, words in stopwords().items():
        hits = sum(counts[w] for w in words if w in counts)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits >= MIN_SHARE * len(tokens) else ""
