"""Generated events with the full stored schema, for benchmarks and tests (never shown as news).

generate_events(n, seed) draws countries, actors, PLOVER types, topics, modes, date precisions and
outlets from the weighted pools in data/synth.toml (topics from the real taxonomy), dates uniformly over 2022-2025, and a report
count with a long tail, then scores salience like the store does. Vectorized: 1,000,000 rows in a
few seconds.
"""

from __future__ import annotations

import functools
import hashlib
import pathlib
import tomllib

import numpy as np
import pandas as pd

from core.schema import QUAD_CLASS
from core.validate import cast, stored_dtypes
from store import salience
from store.columns import ALL_COLUMNS

DATA = pathlib.Path(__file__).with_name("data") / "synth.toml"
START = np.datetime64("2022-01-01")
DAYS = 4 * 365 + 1


TAXONOMY = pathlib.Path(__file__).resolve().parents[1] / "extract" / "data" / "topics.toml"


@functools.cache
def pools() -> dict:
    """The pools of data/synth.toml, with the topics taken from the real taxonomy (extract/data/topics.toml)."""
    with DATA.open("rb") as fh:
        out = tomllib.load(fh)
    with TAXONOMY.open("rb") as fh:
        out["topics"] = [k for k, v in tomllib.load(fh).items() if isinstance(v, dict)]
    return out


def _weighted(rng: np.random.Generator, table: dict[str, int], n: int) -> np.ndarray:
    keys = np.array(list(table), dtype=object)
    w = np.array(list(table.values()), dtype="float64")
    return keys[rng.choice(len(keys), size=n, p=w / w.sum())]


def _periods(start: np.ndarray, precision: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """TIMEX-style date strings and [start, end) days for each precision."""
    ts = pd.DatetimeIndex(start.astype("datetime64[ns]"))
    year, month, day = ts.year.to_numpy(), ts.month.to_numpy(), ts.day.to_numpy()
    s = start.copy()
    e = start + np.timedelta64(1, "D")
    dates = np.empty(len(start), dtype=object)
    is_day = precision == "day"
    dates[is_day] = (
        np.char.mod("%04d-", year[is_day]).astype(object)
        + np.char.mod("%02d-", month[is_day])
        + np.char.mod("%02d", day[is_day])
    )
    m = precision == "month"
    first = (ts.to_period("M").to_timestamp()).to_numpy().astype("datetime64[D]")
    nxt = ((ts.to_period("M") + 1).to_timestamp()).to_numpy().astype("datetime64[D]")
    s[m], e[m] = first[m], nxt[m]
    dates[m] = np.char.mod("%04d-", year[m]).astype(object) + np.char.mod("%02d", month[m])
    w = precision == "week"
    monday = start - ((ts.day_of_week.to_numpy()).astype("timedelta64[D]"))
    s[w], e[w] = monday[w], monday[w] + np.timedelta64(7, "D")
    iso = pd.DatetimeIndex(monday.astype("datetime64[ns]")).isocalendar()
    dates[w] = np.char.mod("%04d-W", iso["year"].to_numpy()[w]).astype(object) + np.char.mod(
        "%02d", iso["week"].to_numpy()[w]
    )
    y = precision == "year"
    s[y] = np.array([np.datetime64(f"{v:04d}-01-01") for v in year[y]], dtype="datetime64[D]")
    e[y] = np.array([np.datetime64(f"{v + 1:04d}-01-01") for v in year[y]], dtype="datetime64[D]")
    dates[y] = np.char.mod("%04d", year[y]).astype(object)
    q = precision == "quarter"
    qn = (month - 1) // 3 + 1
    s[q] = np.array(
        [np.datetime64(f"{yy:04d}-{3 * (qq - 1) + 1:02d}-01") for yy, qq in zip(year[q], qn[q], strict=True)],
        dtype="datetime64[D]",
    )
    e[q] = np.array(
        [
            np.datetime64(f"{yy + (qq == 4):04d}-{(3 * qq) % 12 + 1:02d}-01")
            for yy, qq in zip(year[q], qn[q], strict=True)
        ],
        dtype="datetime64[D]",
    )
    dates[q] = np.char.mod("%04d-Q", year[q]).astype(object) + qn[q].astype(str).astype(object)
    se = precision == "season"  # summer: June to August
    s[se] = np.array([np.datetime64(f"{v:04d}-06-01") for v in year[se]], dtype="datetime64[D]")
    e[se] = np.array([np.datetime64(f"{v:04d}-09-01") for v in year[se]], dtype="datetime64[D]")
    dates[se] = np.char.mod("%04d-SU", year[se]).astype(object)
    return dates.tolist(), s, e


def _share_lists(keys: np.ndarray, make) -> np.ndarray:
    """One list object per distinct key (rows with equal lists share it, as the store does on load)."""
    inv, uniq = pd.factorize(keys)
    objs = np.empty(len(uniq), dtype=object)
    for i, k in enumerate(uniq):
        objs[i] = make(k)
    return objs[inv]


def generate_events(n: int, seed: int = 0) -> pd.DataFrame:
    """n generated events with every stored column (EVENT_COLUMNS + STORE_COLUMNS) and declared dtypes."""
    rng = np.random.default_rng(seed)
    p = pools()
    actor_names = np.array(list(p["actors"]), dtype=object)
    actor_country = p["actors"]
    types = _weighted(rng, p["types"], n)
    src = actor_names[rng.integers(0, len(actor_names), n)]
    tgt = actor_names[rng.integers(0, len(actor_names), n)]
    no_target = rng.random(n) < 0.15
    tgt = np.where(no_target | (tgt == src), "", tgt)
    extra_country = _weighted(rng, p["countries"], n)
    add_extra = rng.random(n) < 0.3
    country_key = np.array(
        [
            "|".join(dict.fromkeys([actor_country[a]] + ([actor_country[t]] if t else []) + ([c] if x else [])))
            for a, t, c, x in zip(src, tgt, extra_country, add_extra, strict=True)
        ],
        dtype=object,
    )
    countries = _share_lists(country_key, lambda k: k.split("|"))
    actors = _share_lists(
        np.array([f"{a}|{t}" if t else a for a, t in zip(src, tgt, strict=True)], dtype=object), lambda k: k.split("|")
    )
    topic_pool = np.array(p["topics"], dtype=object)
    t1 = topic_pool[rng.integers(0, len(topic_pool), n)]
    t2 = topic_pool[rng.integers(0, len(topic_pool), n)]
    two = rng.random(n) < 0.4
    topics = _share_lists(np.where(two & (t1 != t2), t1 + "|" + t2, t1), lambda k: k.split("|"))
    precision = _weighted(rng, p["precisions"], n)
    day0 = START + rng.integers(0, DAYS, n).astype("timedelta64[D]")
    dates, ds, de = _periods(day0, precision)
    mentions = np.minimum(rng.geometric(0.45, n), 60)
    outlets = np.array(p["outlets"], dtype=object)
    first_src = outlets[rng.integers(0, len(outlets), n)]
    second_src = outlets[rng.integers(0, len(outlets), n)]
    multi = (mentions > 1) & (second_src != first_src)
    sources = _share_lists(np.where(multi, first_src + "|" + second_src, first_src), lambda k: k.split("|"))
    ids = [hashlib.blake2b(f"{seed}:{i}".encode(), digest_size=8).hexdigest() for i in range(n)]
    article_ids = np.array([f"syn-{h}" for h in ids], dtype=object)
    delay = rng.integers(0, 36, n).astype("timedelta64[h]")
    published = day0.astype("datetime64[ns]") + np.timedelta64(8, "h") + delay
    last = published + (rng.integers(0, 72, n) * (mentions > 1)).astype("timedelta64[h]")
    verbs = pd.Series(types).map(p["verbs"]).to_numpy(dtype=object)
    places = np.array(p["places"], dtype=object)[rng.integers(0, len(p["places"]), n)]
    obj = np.where(tgt == "", "positions in " + places, tgt)
    summary = src + " " + verbs + " " + obj
    sentence = summary + ", " + first_src + " reported from " + places + "."
    mode = _weighted(rng, p["modes"], n)
    origin = np.where(rng.random(n) < 0.9, "extracted", "gdelt")
    df = pd.DataFrame(
        {
            "event_id": [f"syn-{h}-e" for h in ids],
            "date": dates,
            "date_precision": precision,
            "date_start": ds.astype("datetime64[ns]"),
            "date_end": de.astype("datetime64[ns]"),
            "date_text": np.where(precision == "day", "", "that " + precision),
            "date_from_publication": rng.random(n) < 0.1,
            "source_actor": src,
            "target_actor": tgt,
            "actors": actors,
            "countries": countries,
            "event_type": types,
            "quad_class": pd.Series(types).map(QUAD_CLASS).to_numpy(),
            "topics": topics,
            "mode": mode,
            "summary": summary,
            "sentence": sentence,
            "sentence_start": rng.integers(0, 4000, n),
            "confidence": rng.uniform(0.4, 1.0, n).round(3),
            "article_id": article_ids,
            "title": src + " and " + np.where(tgt == "", places, tgt) + ": latest",
            "url": "https://news.example/" + article_ids,
            "source": first_src,
            "published": pd.DatetimeIndex(published).tz_localize("UTC"),
            "mentions": mentions,
            "sources": sources,
            "article_ids": _share_lists(article_ids, lambda k: [k]),
            "first_reported": pd.DatetimeIndex(published).tz_localize("UTC"),
            "last_reported": pd.DatetimeIndex(last).tz_localize("UTC"),
            "salience": 0.0,
            "origin": origin,
            "origin_ref": np.where(
                origin == "extracted", article_ids + ":0-120", "synthetic.csv:" + np.arange(n).astype(str)
            ),
            "cameo_code": np.where(origin == "gdelt", "190", ""),
            "location": places,
            "latitude": rng.uniform(-40, 60, n).round(4),
            "longitude": rng.uniform(-100, 140, n).round(4),
            "fatalities": np.where(types == "ASSAULT", rng.poisson(3, n).astype("float64"), np.nan),
        }
    )
    df["sentence_end"] = df["sentence_start"] + df["sentence"].str.len()
    df = df[list(ALL_COLUMNS)]
    plain = {c: d for c, d in stored_dtypes().items() if d != "object"}
    out = cast(df[list(plain)], plain)
    for c in ("actors", "countries", "topics", "sources", "article_ids"):
        out[c] = df[c].to_numpy()
    out = out[list(ALL_COLUMNS)]
    out["salience"] = salience.compute(out)
    return out
