"""Words for people: empty results, missing stores, and escaping of article text before it is shown.

Article text is data from the outside world: it is escaped for the place it is shown in (plotly hover
labels read a subset of HTML; Streamlit markdown reads Markdown), and links are kept only when they are
plain http(s) URLs.
"""

from __future__ import annotations

import html
import re

from store.query import DEFAULT_MODES, Filters

EMPTY_STORE = (
    "There are no events yet. Open **Add articles** (in the page list on the left) to upload article files, "
    "paste text or give news URLs and feeds, or import a GDELT or ACLED export. From a terminal: "
    "`.venv/bin/python -m extract ingest PATH...`."
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


def hover_escape(text: object, limit: int = 240) -> str:
    """Text for a plotly hover label: shortened to limit characters, with <, > and & escaped."""
    s = "" if text is None else str(text)
    if s in ("nan", "<NA>", "None"):
        s = ""
    s = " ".join(s.split())
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return html.escape(s, quote=False)


def hover_lines(text: object, limit: int = 240, width: int = 80) -> str:
    """Text for a plotly hover label, shortened to limit characters and broken into lines of about width
    characters (a hover label never wraps by itself: one long line runs off the chart); escaped."""
    import textwrap

    s = hover_escape(text, limit)
    return "<br>".join(textwrap.wrap(s, width, break_long_words=True, break_on_hyphens=False)) if s else ""


def md_escape(text: object) -> str:
    """Text shown through st.markdown as literal characters: every Markdown/HTML sign is backslash-escaped."""
    s = "" if text is None else str(text)
    s = " ".join(s.split())
    return _MD_SPECIAL.sub(r"\\\1", s)


def safe_url(url: object) -> str | None:
    """The URL when it is a plain http(s) link, otherwise None (javascript:, data:, file: ... are dropped)."""
    s = "" if url is None else str(url).strip()
    if re.match(r"^https?://[^\s<>\"']+$", s, flags=re.IGNORECASE):
        return s
    return None


def active_restrictions(f: Filters) -> list[str]:
    """Each filter that narrows the view, in words ("countries: FRA, DEU")."""
    out = []
    if f.start is not None or f.end is not None:
        out.append(f"dates {f.start or '…'} to {f.end or '…'}")
    for label, values in (
        ("countries", f.countries),
        ("actors", f.actors),
        ("topics", f.topics),
        ("event types", f.event_types),
    ):
        if values:
            out.append(f"{label}: {', '.join(values)}")
    if f.text.strip():
        out.append(f'text "{f.text.strip()}"')
    if f.min_salience > 0:
        out.append(f"minimum salience {f.min_salience:.2f}")
    if f.min_confidence > 0:
        out.append(f"minimum confidence {f.min_confidence:.2f}")
    return out


def empty_result(f: Filters, total: int) -> str:
    """What to tell a person whose filters leave no events, and how to widen them (Markdown, escaped)."""
    parts = active_restrictions(f)
    lines = [f"No events match the current filters (the store holds {total:,} events)."]
    if parts:
        lines.append("To widen the view, clear or relax one of: " + "; ".join(md_escape(p) for p in parts) + ".")
    if tuple(f.modes) == DEFAULT_MODES:
        lines.append(
            "Statements, future, hypothetical and negated events are hidden; tick them in the sidebar to include them."
        )
    return "  \n".join(lines)
