"""Within-article merging: rows of one article that report the same happening become one.

merge_rows(rows) -> rows. Two rows of one article are the same happening when they carry the same
date (and precision), the same event type, and an actor (or one of them names none, or is dated only by
the publication day or by an earlier sentence): articles repeat their key happening ("BP capped the well on July 15 ... after BP
capped it on July 15"). Rows with two different named sources are two happenings, even undated, when neither
source takes part in the other row (two witnesses testifying against one man; "Madonna gave $250,000 ...
Clooney had donated $1m"), or when both name targets and these differ ("Transocean accused BP ...", "the
report blamed Halliburton ..."; not a meeting, deal or cooperation told from each side, A with B and B with A),
or when one is negated and the other not, or when both are statements told in
two sentences that each name the speaker (a witness's two accusations are two speech acts), or when both are
dated in their own sentences to a month or a year and their targets differ ("Annan ordered an inquiry last
year", "Annan angered the US last year when he declared the war illegal"). Of a happening's
rows, one that names a doer or a receiver is kept before one that names neither, then the most confident, except
that a row about as confident (within CLOSE) that names more of a doer and a receiver goes first. Rows without a
shared date are never merged.
"""

from __future__ import annotations

from core.schema import PRECISIONS
from extract.events._data import wordset


def _undated(row: dict) -> bool:
    """Dated by the publication day or by an earlier sentence (its date words are not in its sentence)."""
    return bool(row["date_from_publication"]) or row.get("date_text", "") not in row.get("sentence", "")


def _apart(a: dict, b: dict) -> bool:
    """True when one doer acts upon two different receivers, or when two rows name different doers and one's doer
    is the other's receiver (an attack and the reply), or neither doer takes part in the other row ("a nurse
    testified that Dr Murray ...", "a paramedic testified that Dr Murray ...", "Madonna gave ...", "Clooney
    donated ...") or both name receivers and these differ ("Transocean accused BP", "the report blamed
    Halliburton"): two happenings, even on one day."""
    sa, sb = a.get("source_actor", ""), b.get("source_actor", "")
    ta, tb = a.get("target_actor", ""), b.get("target_actor", "")
    if sa and sa == sb and ta and tb and ta != tb:
        return True  # one doer upon two receivers: "Israeli aircraft pounded Gaza ... Israel shelled southern Lebanon"
    if not (sa and sb) or sa == sb:
        return False
    if sa == tb and sb == ta and a["event_type"] in wordset("roles", "symmetric_types"):
        return False  # a meeting or a deal between two, told from each side: one happening
    if sa == tb or sb == ta:
        return True  # one acts upon the other and the other replies: "Hezbollah fired rockets ... Israel answered"
    if not (ta and tb):  # "Madonna gave $250,000 ... Clooney had donated $1m": two doers, neither in the other row
        return sa not in b["actors"] and sb not in a["actors"]
    return ta != tb or (sa not in b["actors"] and sb not in a["actors"])


def _same(a: dict, b: dict) -> bool:
    if a["event_type"] != b["event_type"] or _apart(a, b):
        return False
    if (a["mode"] == "negated") != (b["mode"] == "negated"):
        return False  # a visit called off is not the meeting held that day
    if (
        a["mode"] == b["mode"] == "statement"
        and a["sentence"] != b["sentence"]
        and a["source_actor"]
        and b["source_actor"]
    ):
        return False  # two sentences that each say who spoke: two speech acts ("Dr Shafer said ... also criticised")
    if _undated(a) or _undated(b) or not a["actors"] or not b["actors"]:
        return True  # undated clauses of one type cannot be told apart in time: one happening
    if a["date_precision"] in _COARSE and a.get("target_actor", "") != b.get("target_actor", ""):
        # a month or a year holds many happenings: each dated in its own sentence, one doer's deeds of one type
        # upon different receivers (or upon one and upon none) are two ("Annan ordered an inquiry last year",
        # "Annan angered the US last year when he declared the war illegal")
        return False
    return bool(set(a["actors"]) & set(b["actors"]))


def _parties(row: dict) -> int:
    """How many of a doer and a receiver the row names."""
    return bool(row.get("source_actor")) + bool(row.get("target_actor"))


CLOSE = 0.1  # confidences this close are the confidence model's noise (its test AUC is about 0.6)


def _fuller_first(rows: list[dict], ranked: list[int]) -> list[int]:
    """`ranked` (most confident first) with the row that names the most parties among those about as confident as
    the first (within CLOSE) moved to the front: "In a phone call on Monday" naming only Biden gives way to "Biden
    and Netanyahu discussed the deal" (0.51 against 0.48); a doubtful row with a speaker read as the doer does not
    displace a confident one (0.18 against 0.48)."""
    if not ranked:
        return ranked
    top = rows[ranked[0]]["confidence"]
    near = [n for n in ranked if rows[n]["confidence"] >= top - CLOSE]
    best = max(near, key=lambda n: (_parties(rows[n]), rows[n]["confidence"]))
    return [best, *(n for n in ranked if n != best)]


_COARSE = frozenset(PRECISIONS[PRECISIONS.index("month") :])  # a month and wider: many happenings fit in it


def merge_rows(rows: list[dict]) -> list[dict]:
    """Rows with same-happening duplicates removed, in their original order."""
    groups: dict[tuple[str, str], list[int]] = {}
    for n, r in enumerate(rows):
        groups.setdefault((r["date"], r["date_precision"]), []).append(n)
    drop: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda n: (_parties(rows[n]) == 0, -rows[n]["confidence"], n))
        ranked = _fuller_first(rows, ranked)
        kept: list[int] = []
        for n in ranked:
            if any(_same(rows[n], rows[k]) for k in kept):
                drop.add(n)
            else:
                kept.append(n)
    return [r for n, r in enumerate(rows) if n not in drop]
