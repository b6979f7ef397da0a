"""Widget state <-> URL query parameters, so a copied link reproduces the view.

Every mirrored widget is declared once in PARAMS: its name in the URL, its session-state key, its kind and
its default (the chart widgets come from the chart registry, app.figures.CHARTS). Values at their default are left out of the URL. Reading a URL never fails: a value that
cannot be understood is dropped and reported, so the page can say which part of the link was ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from app.figures import WIDGETS, Widget
from store.query import DEFAULT_MODES, REVIEW_STATES, Filters

OPTIONAL_MODES = ("statement", "future", "hypothetical", "negated")


@dataclass(frozen=True)
class Param:
    """One mirrored widget: url name, session-state key, kind (list/text/float/bool/date/choice), default."""

    url: str
    key: str
    kind: str
    default: object = None
    choices: tuple[str, ...] = ()


def _widget_param(w: Widget) -> Param:
    """The URL mirror of a chart widget the registry declares with a url (toggles as bool, choices as choice)."""
    if w.kind == "toggle":
        return Param(w.url or "", w.key, "bool", False)
    return Param(w.url or "", w.key, "choice", w.default, tuple(w.choices))


PARAMS: tuple[Param, ...] = (
    Param("from", "f_start", "date", None),
    Param("to", "f_end", "date", None),
    Param("country", "f_countries", "list", ()),
    Param("actor", "f_actors", "list", ()),
    Param("topic", "f_topics", "list", ()),
    Param("type", "f_types", "list", ()),
    Param("q", "f_text", "text", ""),
    Param("min_salience", "f_salience", "float", 0.0),
    Param("min_confidence", "f_confidence", "float", 0.0),
    *(Param(m, f"f_mode_{m}", "bool", False) for m in OPTIONAL_MODES),
    # which events by their review state (analysts' corrections): hidden events only when asked for
    Param("review", "f_review", "choice", "visible", tuple(REVIEW_STATES)),
    # views of single pages: the chart widgets of app.figures.CHARTS that have a url, and the Timeline's event
    *(_widget_param(w) for w in WIDGETS.values() if w.url),
    Param("event", "tl_event", "text", ""),
)
BY_URL = {p.url: p for p in PARAMS}
FILTER_KEYS = tuple(p.key for p in PARAMS if p.key.startswith("f_"))


def _parse(p: Param, values: list[str]) -> object:
    """The typed value of one parameter from its URL strings; raises ValueError when not understood."""
    if p.kind == "list":
        out: list[str] = []
        for v in values:
            out.extend(x.strip() for x in v.split(",") if x.strip())
        return list(dict.fromkeys(out))
    last = values[-1].strip()
    if p.kind == "text":
        return last
    if p.kind == "float":
        x = float(last)
        if not 0.0 <= x <= 1.0:
            raise ValueError("must be between 0 and 1")
        return x
    if p.kind == "bool":
        if last.lower() in ("1", "true", "yes", "on"):
            return True
        if last.lower() in ("0", "false", "no", "off", ""):
            return False
        raise ValueError("must be 1 or 0")
    if p.kind == "date":
        return dt.date.fromisoformat(last)
    if p.kind == "choice":
        if last not in p.choices:
            raise ValueError(f"must be one of {', '.join(p.choices)}")
        return last
    raise ValueError(f"unknown kind {p.kind}")


def state_from_params(params: Mapping[str, list[str]]) -> tuple[dict[str, object], list[str]]:
    """Session-state values from URL parameters (name -> every value given), and the problems found.

    Unknown parameter names are ignored; a bad value is dropped with a problem naming it."""
    state: dict[str, object] = {}
    problems: list[str] = []
    for name, values in params.items():
        p = BY_URL.get(name)
        if p is None or not values:
            continue
        try:
            state[p.key] = _parse(p, list(values))
        except ValueError as exc:
            problems.append(f"{name}={values[-1]!r} ignored: {exc}")
    return state, problems


def _render(p: Param, value: object) -> list[str] | str | None:
    if p.kind == "list":
        vals = [str(v) for v in (value or ())]
        return vals or None
    if p.kind == "bool":
        return "1" if value else None
    if p.kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else None
    if p.kind == "float":
        return f"{float(value):g}" if value else None
    text = "" if value is None else str(value)
    return text or None


def params_from_state(state: Mapping[str, object]) -> dict[str, list[str] | str]:
    """URL parameters for the mirrored widgets in state whose value differs from the default."""
    out: dict[str, list[str] | str] = {}
    for p in PARAMS:
        if p.key not in state:
            continue
        value = state[p.key]
        default = list(p.default) if isinstance(p.default, tuple) else p.default
        if value == default or (p.kind == "list" and not value):
            continue
        rendered = _render(p, value)
        if rendered is not None:
            out[p.url] = rendered
    return out


def filters_from_state(state: Mapping[str, object]) -> Filters:
    """The Filters the sidebar widgets describe (missing keys count as their defaults)."""

    def get(key: str, default: object) -> object:
        value = state.get(key, default)
        return default if value is None else value

    start = state.get("f_start")
    end = state.get("f_end")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and start > end:
        start, end = end, start
    modes = DEFAULT_MODES + tuple(m for m in OPTIONAL_MODES if get(f"f_mode_{m}", False))
    return Filters(
        start=start if isinstance(start, dt.date) else None,
        end=end if isinstance(end, dt.date) else None,
        countries=tuple(get("f_countries", ())),
        actors=tuple(get("f_actors", ())),
        topics=tuple(get("f_topics", ())),
        event_types=tuple(get("f_types", ())),
        text=str(get("f_text", "")),
        min_salience=float(get("f_salience", 0.0)),
        min_confidence=float(get("f_confidence", 0.0)),
        modes=modes,
        review=review if (review := str(get("f_review", "visible"))) in REVIEW_STATES else "visible",
    )


def defaults() -> dict[str, object]:
    """Every mirrored key at its default value (lists as lists, as widgets hold them)."""
    return {p.key: (list(p.default) if isinstance(p.default, tuple) else p.default) for p in PARAMS}
