"""Add articles: upload files, paste text or give URLs and feeds; the events found are added to the store.
GDELT and ACLED exports are imported here too. The last result stays on the page until the next one."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from app import data, tables
from app.view import show_error
from extract.ingest.formats import upload_suffixes
from service.ingest import add_articles

ARTICLE_TYPES = upload_suffixes()  # every suffix the readers take (extract/ingest/formats.py)
IMPORT_TYPES = ["csv", "tsv", "txt", "zip"]
RESULT = "add_result"


def _inputs(files, text: str, urls: str) -> list[object]:
    """What to hand to the store: (name, bytes) uploads, the pasted text, and one URL per line."""
    items: list[object] = [(f.name, f.getvalue()) for f in files or []]
    if text.strip():
        items.append(text)
    items.extend(line.strip() for line in urls.splitlines() if line.strip())
    return items


def _remember(title: str, summary) -> None:
    st.session_state[RESULT] = {
        "title": title,
        "line": summary.summary_line(),
        "rejected": list(summary.rejected),
        "new": list(summary.new_event_ids),
    }
    st.session_state["new_event_ids"] = list(summary.new_event_ids)


def _show_result(path: str) -> None:
    result = st.session_state.get(RESULT)
    if not result:
        return
    st.divider()
    st.subheader(result["title"])
    (st.success if result["new"] else st.info)(result["line"])
    if result["rejected"]:
        st.markdown(f"**Not added** ({len(result['rejected'])}): each input with the reason")
        st.dataframe(pd.DataFrame(result["rejected"], columns=["input", "problem"]), hide_index=True, width="stretch")
    if result["new"]:
        events = data.table(path)
        new = events[events["event_id"].isin(result["new"])]
        st.markdown(f"**New events** ({len(new):,}); they are outlined on the Timeline until you add more.")
        st.dataframe(
            tables.events_table(new),
            hide_index=True,
            width="stretch",
            column_config={"link": st.column_config.LinkColumn("link", display_text="open article")},
        )
        st.page_link("dashboard_pages/timeline.py", label="Open the Timeline", icon=":material/timeline:")


path = data.store_path()
st.title("Add articles")
if data.tier(path) == "warehouse":
    st.info(
        f"The store in `{path}` is a warehouse (a large store, read through DuckDB), and this page adds to a store "
        "of your own articles only. Import GDELT or ACLED files into the warehouse with "
        f"`python -m extract import gdelt FILES --store {path}` (or `acled`), or open the dashboard on another store "
        "(set EVENTS_STORE) to add articles."
    )
    st.stop()
st.caption(f"Events are added to the store in `{path}`.")
articles_tab, import_tab = st.tabs(["Articles", "GDELT or ACLED file"])
with articles_tab, st.form("add_form", clear_on_submit=False):
    files = st.file_uploader(
        "Article files",
        type=ARTICLE_TYPES,
        accept_multiple_files=True,
        key="add_files",
        help="Text, Markdown, HTML pages, JSON / JSON lines / CSV of articles, RSS or Atom feeds",
    )
    text = st.text_area(
        "Or paste an article",
        key="add_text",
        height=160,
        placeholder="Headline on the first line, then the article's text",
    )
    urls = st.text_area(
        "Or give addresses of articles or feeds, one per line", key="add_urls", height=90, placeholder="https://..."
    )
    published = st.date_input(
        "Publication date for articles that state none",
        value=None,
        key="add_published",
        min_value=dt.date(1900, 1, 1),
        max_value=dt.date(2100, 12, 31),
        format="YYYY-MM-DD",
    )
    go = st.form_submit_button("Extract events and add them", type="primary")
if go:
    items = _inputs(files, text, urls)
    if not items:
        st.warning("Nothing to add yet: choose files, paste an article or give an address.")
    else:
        bar = st.progress(0.0, text="Reading the inputs…")

        def progress(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), text=f"Extracting events: {done} of {total} articles")

        try:
            summary = add_articles(
                data.store(path), items, published=published.isoformat() if published else None, progress=progress
            )
        except Exception as exc:  # the store or the extractor refused the whole batch: say why
            bar.empty()
            show_error(exc)
        else:
            bar.progress(1.0, text="Done")
            _remember("Articles added", summary)
with import_tab, st.form("import_form"):
    kind = st.radio(
        "Kind of file",
        ["gdelt", "acled"],
        key="imp_kind",
        horizontal=True,
        format_func=lambda k: {"gdelt": "GDELT 2.0 event export", "acled": "ACLED CSV export"}[k],
    )
    upload = st.file_uploader("File", type=IMPORT_TYPES, key="imp_file")
    do_import = st.form_submit_button("Import", type="primary")
if do_import:
    if upload is None:
        st.warning("Choose a GDELT or ACLED file first.")
    else:
        with st.spinner(f"Importing {upload.name}…"):
            try:
                summary = data.store(path).import_file(kind, (upload.name, upload.getvalue()))
            except Exception as exc:  # a file of the wrong shape or a store problem: say which
                show_error(exc)
            else:
                _remember(f"Imported {upload.name}", summary)
_show_result(path)
