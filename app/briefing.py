"""The briefing: a short written answer to "what happened here?" above the landing chart.

The most salient events of the current view (the same order as the Timeline's Key events: salience, then
reports), each as one dated line with its kind of event and its sources. Pure: the page loads the rows and
draws the Markdown; chart exports carry the same lines (figure_meta, read by app.exporting): as real text
above the chart in HTML, and as a caption under the chart in PNG, SVG and PDF, so a picture pasted into a
report keeps the events it shows.

Article text is never trusted: to_markdown escapes it for Streamlit's Markdown, to_html for HTML, and the
caption lines go through hover_escape before they reach a plotly annotation.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass

import pandas as pd

from app.labels import QUAD_LABELS, event_type_label
from app.messages import md_escape, safe_url

SIZE = 5  # events in a briefing ("five to ten": enough for the story, short enough to leave the chart in sight)
ORDER = ("salience", "mentions")  # most salient first; ties: more reports first (then the earlier date)
COLUMNS = (
    "event_id",
    "date",
    "date_precision",
    "date_start",
    "event_type",
    "quad_class",
    "summary",
    "source",
    "sources",
    "url",
    "salience",
    "mentions",
)
SUMMARY_LIMIT = 100  # characters of a summary (a line on a wide screen; its sources and date follow)
SOURCES_SHOWN = 2  # outlets named per line; the rest are counted
META_KEY = "briefing"  # where a figure carries its briefing (figure.layout.meta)
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}  # TIMEX3 season codes


@dataclass(frozen=True)
class Item:
    """One line of a briefing: plain text (escaping is the renderer's job)."""

    event_id: str
    when: str  # "24 Feb 2022", "Feb 2022", "2022"
    kind: str  # "Assault"
    summary: str
    sources: tuple[str, ...]
    url: str | None  # a plain http(s) link to one report, or None
    salience: float


def when_label(start: object, precision: object, date: object = "") -> str:
    """A date as a reader says it, at the precision it is known: "24 Feb 2022", "Feb 2022", "Q1 2022", "2022"."""
    t = pd.Timestamp(start) if start is not None and not pd.isna(start) else None
    p = "" if precision is None or pd.isna(precision) else str(precision)
    if t is None:
        return str(date or "undated")
    if p in ("minute", "day", ""):
        return f"{t.day} {t:%b %Y}"
    if p == "week":
        return f"week of {t.day} {t:%b %Y}"
    if p == "month":
        return f"{t:%b %Y}"
    if p == "quarter":
        return f"Q{(t.month - 1) // 3 + 1} {t.year}"
    if p == "season":
        season = SEASONS.get(str(date or "")[-2:], "")
        return f"{season} {t.year}".strip()
    if p == "decade":
        return f"the {t.year // 10 * 10}s"
    return str(t.year)


def one_line(text: object, limit: int = SUMMARY_LIMIT) -> str:
    """Text on one line (white space collapsed), at most limit characters, cut at a word with an ellipsis."""
    s = " ".join(("" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)).split())
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _sources(row: dict) -> tuple[str, ...]:
    outlets = row.get("sources")
    names = [str(s) for s in outlets] if outlets is not None and not isinstance(outlets, str) else []
    first = row.get("source")
    if not names and isinstance(first, str) and first.strip():
        names = [first]
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _kind(row: dict) -> str:
    """The kind of event in a word ("Assault"); its quad class when the type is not known."""
    kind = event_type_label(str(row.get("event_type") or ""))
    return kind or QUAD_LABELS.get(str(row.get("quad_class") or ""), "")


def brief(df: pd.DataFrame, n: int = SIZE) -> list[Item]:
    """The n most salient events of df as briefing lines, most salient first (ties: more reports, then the
    earlier date). An event whose summary repeats one already listed is skipped (two reports of a happening
    the store did not merge)."""
    if df.empty:
        return []
    order = [c for c in ORDER if c in df.columns]
    cols = order + (["date_start"] if "date_start" in df.columns else [])
    ranked = df.sort_values(cols, ascending=[False] * len(order) + [True] * (len(cols) - len(order)), kind="stable")
    items: list[Item] = []
    seen: set[str] = set()
    for row in ranked.head(n * 3).to_dict("records"):
        summary = one_line(row.get("summary"))
        if not summary or summary.lower() in seen:
            continue
        seen.add(summary.lower())
        salience = row.get("salience")
        items.append(
            Item(
                event_id=str(row.get("event_id", "")),
                when=when_label(row.get("date_start"), row.get("date_precision"), row.get("date")),
                kind=_kind(row),
                summary=summary,
                sources=_sources(row),
                url=safe_url(row.get("url")),
                salience=float(salience) if salience is not None and not pd.isna(salience) else 0.0,
            )
        )
        if len(items) == n:
            break
    return items


def heading(items: list[Item], n_view: int, n_axis: int | None = None) -> str:
    """What the briefing is: "The 6 most salient of 1,234 events in view", or, when the time axis leaves some
    events out, "... of the 1,230 events on the time axis (1,234 in view)"."""
    shown = n_view if n_axis is None else n_axis
    where = "in view" if n_axis is None or n_axis == n_view else f"on the time axis ({n_view:,} in view)"
    if not items:
        return f"No events {where}"
    if len(items) >= shown:
        return f"The {shown:,} event{'s' if shown != 1 else ''} {where}, most salient first"
    return f"The {len(items)} most salient of the {shown:,} events {where}"


def sources_text(item: Item, limit: int = SOURCES_SHOWN) -> str:
    """The outlets of a line: "Reuters, AP and 2 more"; "" when none is known."""
    names = list(item.sources)
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit} more"


def line_text(item: Item) -> str:
    """One briefing line as plain text: "24 Feb 2022 · Assault: ... (Reuters, AP)"."""
    src = sources_text(item)
    return f"{item.when} · {item.kind}: {item.summary}" + (f" ({src})" if src else "")


def to_text(items: list[Item], title: str) -> str:
    """The briefing as plain text lines (numbered), for a caption or a text file."""
    return "\n".join([title, *(f"{i}. {line_text(it)}" for i, it in enumerate(items, 1))])


def _md_url(url: str) -> str:
    """A URL safe inside a Markdown link target (no spaces or brackets that would end it)."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def to_markdown(items: list[Item]) -> str:
    """The briefing as a numbered Markdown list for Streamlit; every text from articles escaped."""
    lines = []
    for i, it in enumerate(items, 1):
        src = md_escape(sources_text(it))
        if it.url and src:
            src = f"[{src}]({_md_url(it.url)})"
        tail = f" — *{src}*" if src else ""
        lines.append(f"{i}. **{md_escape(it.when)}** · {md_escape(it.kind)}: {md_escape(it.summary)}{tail}")
    return "\n".join(lines)


def to_html(items: list[Item], title: str) -> str:
    """The briefing as an HTML section (for the standalone HTML export); every text escaped."""
    rows = []
    for it in items:
        src = html.escape(sources_text(it))
        if it.url and src:
            src = f'<a href="{html.escape(it.url, quote=True)}" rel="noopener noreferrer">{src}</a>'
        rows.append(
            f"<li><b>{html.escape(it.when)}</b> · {html.escape(it.kind)}: {html.escape(it.summary)}"
            + (f" <i>({src})</i>" if src else "")
            + "</li>"
        )
    return (
        '<section class="briefing" style="font-family: DejaVu Sans, Arial, sans-serif; font-size: 14px; '
        'max-width: 1200px; margin: 12px 16px;">'
        f'<h2 style="font-size: 17px; margin: 0 0 6px;">Briefing · {html.escape(title)}</h2>'
        f'<ol style="margin: 0; padding-left: 22px; line-height: 1.45;">{"".join(rows)}</ol></section>'
    )


def figure_meta(items: list[Item], title: str) -> dict:
    """What a figure carries in layout.meta for its exports: the title and the items as plain values."""
    return {META_KEY: {"title": title, "items": [asdict(it) for it in items]}}


def from_figure(meta: object) -> tuple[str, list[Item]] | None:
    """(title, items) of the briefing a figure's layout.meta carries, or None."""
    if not isinstance(meta, dict) or not isinstance(meta.get(META_KEY), dict):
        return None
    data = meta[META_KEY]
    items = []
    for d in data.get("items") or []:
        items.append(
            Item(
                event_id=str(d.get("event_id", "")),
                when=str(d.get("when", "")),
                kind=str(d.get("kind", "")),
                summary=str(d.get("summary", "")),
                sources=tuple(str(s) for s in d.get("sources") or ()),
                url=safe_url(d.get("url")),
                salience=float(d.get("salience") or 0.0),
            )
        )
    return str(data.get("title", "")), items
