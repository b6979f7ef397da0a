"""Records passed between the stages of the pipeline.

ingest -> Article -> timex (Timex list) -> actors -> topics -> events (rows of the events table)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Where an article's publication time came from, in order of trust.
PUBLISHED_FROM = ("metadata", "html", "dateline", "cli", "unknown")

# Kinds of segments inside Article.text.
SEGMENT_KINDS = ("body", "caption", "dateline", "credit")


@dataclass
class Segment:
    """A span of Article.text with a role: story body, photo caption, dateline, credit line."""

    start: int
    end: int
    kind: str


@dataclass
class Article:
    """One clean article: the unit every later stage reads.

    `text` holds only what belongs to the story (site furniture such as headline lists,
    cookie notices and share prompts is already gone); `segments` says which parts of it
    are captions, datelines or credits. `published` is timezone-aware when known; its
    calendar date in that zone is the article's local publication date.
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    language: str = ""
    published: dt.datetime | None = None
    published_precision: str = ""  # "day" (a date alone) or "minute" (date and time); "" when unknown
    published_from: str = "unknown"  # one of PUBLISHED_FROM
    origin: str = ""  # the input it was read from: a path, a URL, "-" (stdin), or "text"
    segments: list[Segment] = field(default_factory=list)

    @property
    def published_date(self) -> dt.date | None:
        """The local calendar date of publication (in the article's own time zone)."""
        return self.published.date() if self.published else None


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in text, normalized in the TimeML TIMEX3 convention.

    value examples: 2024-11-19, 2024-11, 2024-W47, 2024-Q3, 2024-SU, 2024, 199, 2024-11-19T16:16,
    P3D, PT24H, PRESENT_REF, PAST_REF, FUTURE_REF, XXXX-WXX-5.
    type: DATE, TIME, DURATION or SET.
    precision (DATE/TIME only): minute, day, week, month, quarter, season, year, decade, century.
    """

    start: int
    end: int
    text: str
    value: str
    type: str
    precision: str = ""
    mod: str = ""  # TIMEX3 mod: START, MID, END, BEFORE, AFTER, APPROX, ...

    def as_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value, "type": self.type}
