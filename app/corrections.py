"""Analysts correct the record from the dashboard: the forms under a selected event (Timeline and Events pages)
that change its fields, hide it, merge or split it, note it and undo the last correction, with its history.

Every edit is one or more lines of the store's correction log (store/corrections.py), written by a button's
callback before the page runs again, so the whole page (charts, tables, exports) already reads the corrected
events. Only the fields a person changed are written: a form remembers the values it showed (SHOWN), so two
people editing different fields of one event at once both keep their edits. A correction the store refuses
(CorrectionError) is shown through the app's one error display and nothing is stored.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re

import pandas as pd
import pycountry
import streamlit as st

from app import data, tables
from app.labels import country_name, event_type_label, topic_label
from app.messages import md_escape
from app.view import View, show_error
from core.schema import MODES, PLOVER_TYPES
from extract.events._data import topics as taxonomy
from store.corrections import DATE_PRECISIONS, HIDE_REASONS, MAX_TEXT, record, record_many

FLASH = "cx_flash"  # (kind, payload) shown once at the top of the panel after an edit
SHOWN = "cx_shown"  # the values the fields form was drawn with, and for which (event id, store version)
WHO = "cx_who"  # the analyst's name, kept with each correction
FIELD_KEYS = {
    "event_type": "cx_type",
    "mode": "cx_mode",
    "date": "cx_date",
    "precision": "cx_precision",
    "source_actor": "cx_source",
    "target_actor": "cx_target",
    "countries": "cx_countries",
    "topics": "cx_topics",
    "note": "cx_note",
}
MERGE_CHOICES = 200  # the merge chooser offers the events in view nearest in time
_SHAPES = {
    "day": re.compile(r"^\d{4}-\d\d-\d\d$"),
    "month": re.compile(r"^\d{4}-\d\d$"),
    "year": re.compile(r"^\d{4}$"),
}


def plain(value) -> str:
    """A cell as text ("" for a missing value)."""
    return "" if value is None or (not isinstance(value, list | tuple) and pd.isna(value)) else str(value)


def _codes(values) -> list[str]:
    return [str(v) for v in (values if values is not None else ())]


def form_values(ev: pd.Series) -> dict[str, object]:
    """The values the fields form shows for an event, by FIELD_KEYS name."""
    return {
        "event_type": plain(ev["event_type"]),
        "mode": plain(ev["mode"]),
        "date": plain(ev["date"]),
        "precision": plain(ev["date_precision"]),
        "source_actor": plain(ev["source_actor"]),
        "target_actor": plain(ev["target_actor"]),
        "countries": _codes(ev["countries"]),
        "topics": _codes(ev["topics"]),
        "note": plain(ev.get("note", "")),
    }


def _seed(ev: pd.Series, version: str) -> None:
    """Put the event's values into the form's widgets when the event or the store changed (or the widgets were
    not drawn last run, on another page); otherwise leave what the person is typing alone."""
    marker = [str(ev["event_id"]), version]
    shown = st.session_state.get(SHOWN) or {}
    if shown.get("_for") == marker and all(k in st.session_state for k in FIELD_KEYS.values()):
        return
    values = form_values(ev)
    for name, key in FIELD_KEYS.items():
        st.session_state[key] = list(values[name]) if isinstance(values[name], list) else values[name]
    st.session_state[SHOWN] = {**values, "_for": marker}


def _flash(kind: str, payload) -> None:
    st.session_state[FLASH] = (kind, payload)


def _show_flash() -> None:
    """The message of the last edit (shown once)."""
    kind, payload = st.session_state.pop(FLASH, (None, None))
    if kind == "error":
        show_error(payload)
    elif kind == "success":
        st.success(md_escape(payload), icon=":material/check:")
    elif kind == "info":
        st.info(md_escape(payload))


def _write(path: str, event_id: str, changes: list[dict]) -> bool:
    """Store the changes of one event (all or none) and say what happened; whether they were stored."""
    who = str(st.session_state.get(WHO) or "").strip()
    try:
        if changes[0]["action"] == "undo":
            lines = [record(data.store(path), "", "undo", target=changes[0]["target"], who=who)]
        else:
            lines = record_many(data.store(path), event_id, changes, who=who)
    except Exception as exc:  # a refused correction (CorrectionError) or a store that cannot be written
        _flash("error", exc)
        return False
    entries = data.store(path).corrections.entries()
    by_id = {str(e.get("id")): e for e in entries}
    _flash("success", "Saved: " + "; ".join(tables.describe_correction(line, by_id) for line in lines))
    return True


# ---- callbacks (run before the page, so the page reads the corrected store) -----------------------------
def _save_fields(path: str, event_id: str) -> None:
    shown = st.session_state.get(SHOWN) or {}
    if (shown.get("_for") or [None])[0] != event_id:
        _flash("info", "The form was for another event; nothing was saved. Check the values and save again.")
        return
    state = st.session_state
    changes: list[dict] = []
    for name in ("event_type", "mode", "source_actor", "target_actor"):
        new = str(state.get(FIELD_KEYS[name]) or "").strip()
        if new != str(shown.get(name, "")).strip():
            changes.append({"action": "set", "field_name": name, "value": new})
    for name in ("countries", "topics"):
        new = [str(v) for v in state.get(FIELD_KEYS[name]) or []]
        if set(new) != set(shown.get(name) or []):
            changes.append({"action": "set", "field_name": name, "value": new})
    date = str(state.get(FIELD_KEYS["date"]) or "").strip()
    precision = str(state.get(FIELD_KEYS["precision"]) or "")
    if date != shown.get("date") or precision != shown.get("precision"):
        if precision == shown.get("precision"):  # precision left alone: it follows the shape of the new date
            precision = next((p for p, shape in _SHAPES.items() if shape.match(date)), precision)
        changes.append({"action": "set", "field_name": "date", "value": date, "precision": precision})
    if not changes:
        _flash("info", "Nothing changed: edit a field, then save.")
        return
    _write(path, event_id, changes)


def _save_note(path: str, event_id: str) -> None:
    note = str(st.session_state.get(FIELD_KEYS["note"]) or "")
    if note == (st.session_state.get(SHOWN) or {}).get("note"):
        _flash("info", "The note is unchanged.")
        return
    _write(path, event_id, [{"action": "note", "note": note}])


def _hide(path: str, event_id: str) -> None:
    _write(path, event_id, [{"action": "hide", "reason": st.session_state.get("cx_reason") or ""}])


def _unhide(path: str, event_id: str) -> None:
    _write(path, event_id, [{"action": "unhide"}])


def _merge(path: str, event_id: str) -> None:
    other = st.session_state.get("cx_merge_with") or ""
    if not other:
        _flash("info", "Choose the event to merge with this one.")
        return
    if _write(path, event_id, [{"action": "merge", "other_event_id": other}]):
        st.session_state["cx_merge_with"] = ""


def _split(path: str, event_id: str) -> None:
    picked = list(st.session_state.get("cx_split") or [])
    if not picked:
        _flash("info", "Choose the reports to split off.")
        return
    if _write(path, event_id, [{"action": "split", "split_event_ids": picked}]):
        st.session_state["cx_split"] = []


def _undo(path: str, target: str) -> None:
    _write(path, "", [{"action": "undo", "target": target}])


# ---- choices ---------------------------------------------------------------------------------------------
@functools.cache
def _all_countries() -> tuple[str, ...]:
    codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    return tuple(sorted(codes, key=lambda c: country_name(c)))


def _country_label(code: str) -> str:
    name = country_name(code)
    return f"{name} ({code})" if name != code else code


def _with(options, *current) -> list[str]:
    """The options, plus current values they lack (a stored value outside today's lists stays choosable)."""
    out = list(options)
    for values in current:
        out += [v for v in (values if isinstance(values, list) else [values]) if v and v not in out]
    return out


def _keep_valid(key: str, options: list[str], default) -> None:
    """Drop a widget's kept value that the options no longer hold (another event was chosen meanwhile)."""
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif value is not None and value not in options:
        st.session_state[key] = default


# ---- drawing ---------------------------------------------------------------------------------------------
def panel(v: View, ev: pd.Series) -> None:
    """The correction forms and history of one event (a row of the view's table, with the corrections'
    columns)."""
    if v.tier == "warehouse":
        st.caption(
            "Corrections are kept for a store of your own articles; this store is a warehouse, whose events "
            "cannot be corrected yet."
        )
        return
    event_id = str(ev["event_id"])
    _seed(ev, v.version)
    entries, in_force = v.corrections()
    keys = v.keys(event_id)
    lines = tables.event_corrections(entries, keys)
    last = tables.last_in_force(lines, set(in_force))
    with st.container(border=True, key="cx_panel"):
        st.markdown("##### Correct this event")
        _show_flash()
        c1, c2 = st.columns([2, 1], vertical_alignment="bottom")
        c1.text_input("Your name", key=WHO, placeholder="kept with each correction", max_chars=200)
        by_id = {str(e.get("id")): e for e in entries}
        c2.button(
            "Undo last correction",
            key="cx_undo",
            icon=":material/undo:",
            on_click=_undo,
            args=(v.path, str(last["id"]) if last else ""),
            disabled=last is None,
            help=md_escape(f"Takes back: {tables.describe_correction(last, by_id)}") if last else "No correction yet",
        )
        if last is not None:
            st.caption("Last correction: " + md_escape(tables.describe_correction(last, by_id)))
        # tabs with state: the one a person was in stays open after an edit, although the page above it changed
        t_fields, t_hide, t_merge, t_note, t_history = st.tabs(
            ["Fields", "Hide", "Merge or split", "Note", "History"], key="cx_tab", on_change="rerun"
        )
        with t_fields:
            _fields_form(v, ev)
        with t_hide:
            _hide_form(v, ev)
        with t_merge:
            _merge_forms(v, ev, keys)
        with t_note:
            with st.form("cx_note_form", border=False):
                st.text_area("Note", key=FIELD_KEYS["note"], max_chars=MAX_TEXT, help="Ctrl+Enter saves")
                st.form_submit_button("Save note", on_click=_save_note, args=(v.path, event_id))
        with t_history:
            if lines:
                st.dataframe(tables.history_table(lines, set(in_force), entries), hide_index=True, width="stretch")
            else:
                st.caption("No corrections of this event yet.")


def _fields_form(v: View, ev: pd.Series) -> None:
    shown = st.session_state.get(SHOWN) or {}
    event_id = str(ev["event_id"])
    with st.form("cx_fields", border=False, enter_to_submit=True):
        c1, c2, c3, c4 = st.columns([2, 2, 2, 1])
        c1.selectbox("Type", _with(PLOVER_TYPES, shown.get("event_type")), key="cx_type", format_func=event_type_label)
        c2.selectbox("Mode", _with(MODES, shown.get("mode")), key="cx_mode")
        c3.text_input("Date", key="cx_date", help="YYYY-MM-DD, YYYY-MM or YYYY; the precision follows its shape")
        c4.selectbox("Precision", _with(DATE_PRECISIONS, shown.get("precision")), key="cx_precision")
        a1, a2 = st.columns(2)
        a1.text_input("Source actor", key="cx_source", max_chars=MAX_TEXT)
        a2.text_input("Target actor", key="cx_target", max_chars=MAX_TEXT)
        b1, b2 = st.columns(2)
        b1.multiselect(
            "Countries",
            _with(_all_countries(), shown.get("countries") or []),
            key="cx_countries",
            format_func=_country_label,
            placeholder="no country",
        )
        b2.multiselect(
            "Topics",
            _with(taxonomy(), shown.get("topics") or []),
            key="cx_topics",
            format_func=topic_label,
            placeholder="no topic",
        )
        st.form_submit_button(
            "Save corrections", type="primary", on_click=_save_fields, args=(v.path, event_id), icon=":material/save:"
        )
    st.caption("Enter in a text box saves. Only the fields you change are recorded; the extracted event is kept.")


def _hide_form(v: View, ev: pd.Series) -> None:
    event_id, reason = str(ev["event_id"]), plain(ev.get("hidden_reason", ""))
    if reason:
        st.markdown(f"Hidden as **{md_escape(reason)}**: it is left out of every chart, table and export.")
        st.button("Show it again", key="cx_unhide", on_click=_unhide, args=(v.path, event_id))
        return
    with st.form("cx_hide", border=False):
        st.selectbox("Reason", HIDE_REASONS, key="cx_reason")
        st.form_submit_button("Hide event", on_click=_hide, args=(v.path, event_id), icon=":material/visibility_off:")
    st.caption("A hidden event leaves every chart, table and export; the sidebar's Review box lists hidden events.")


def _merge_forms(v: View, ev: pd.Series, keys: list[str]) -> None:
    event_id = str(ev["event_id"])
    near = v.neighbours(event_id, MERGE_CHOICES)
    labels = {str(r["event_id"]): tables.event_label(r) for r in near.to_dict("records")}
    options = [""] + list(labels)
    _keep_valid("cx_merge_with", options, "")
    with st.form("cx_merge", border=False):
        st.selectbox(
            "Merge with",
            options,
            key="cx_merge_with",
            format_func=lambda e: labels.get(e, "Choose an event (nearest in time first)"),
            help=f"The {MERGE_CHOICES} events in view nearest in time; type to search",
        )
        st.form_submit_button("Merge into this event", on_click=_merge, args=(v.path, event_id))
    st.caption("The other event's reports join this one; it leaves the charts. Undo or a split takes it back.")
    if len(keys) < 2:
        st.caption("This event has one report: there is nothing to split.")
        return
    reports = v.mentions(event_id)
    named = {str(r["key"]): r for r in reports.to_dict("records")}

    def label(key: str) -> str:
        r = named.get(key)
        if r is None:
            return key
        return f"{plain(r['source']) or '?'} · {plain(r['title'])[:70] or key}"

    _keep_valid("cx_split", keys, [])
    with st.form("cx_split_form", border=False):
        st.multiselect("Reports to split off", keys, key="cx_split", format_func=label, placeholder="choose reports")
        st.form_submit_button("Split off as a new event", on_click=_split, args=(v.path, event_id))


def hidden_notice(ev: pd.Series) -> None:
    """Say that the selected event is hidden (it shows here so it can be shown again or the hiding undone)."""
    st.warning(
        f"This event is hidden ({md_escape(plain(ev['hidden_reason']))}): it has left every chart. "
        "Show it again under Hide, or undo below.",
        icon=":material/visibility_off:",
    )


# ---- the Events page ------------------------------------------------------------------------------------
PICKED = "ev_event"  # the event chosen in the Events table


def table_key(v: View) -> str:
    """The Events table's widget key: a new one whenever the table can change (store version, filters), so a
    selected row always means a row of the table drawn now."""
    digest = hashlib.sha1(repr((v.version, v.filters)).encode()).hexdigest()[:12]
    return f"ev_table_{digest}"


def picked_event(key: str, ids: pd.Series) -> str:
    """The event chosen in the Events table: a newly selected row picks its event; a fresh table (after an edit)
    keeps the event chosen before; unselecting a row clears it."""
    state = st.session_state.get(key) or {}
    rows = list((state.get("selection") or {}).get("rows") or [])
    before = st.session_state.get("ev_seen")
    st.session_state["ev_seen"] = [key, rows]
    if rows and before != [key, rows] and 0 <= rows[0] < len(ids):
        st.session_state[PICKED] = str(ids.iloc[rows[0]])
    elif not rows and before and before[0] == key and before[1]:
        st.session_state[PICKED] = ""
    return str(st.session_state.get(PICKED) or "")


def log_bytes(path: str) -> bytes:
    """The store's correction log as JSON lines (what `extract export --corrections` writes)."""
    lines = data.store(path).corrections.entries()
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")


def orphans(v: View) -> None:
    """The corrections whose event has left the store, in an expander (kept, never dropped)."""
    lost = v.orphans()
    if not lost:
        return
    with st.expander(f"Corrections whose event is gone ({len(lost)})", icon=":material/link_off:"):
        st.caption(
            "Their event is no longer in the store (re-extracted differently, or its article removed). They stay "
            "in the log and apply again when an event with those reports returns."
        )
        st.dataframe(tables.orphans_table(lost), hide_index=True, width="stretch")
