"""The event store: idempotent, merging, atomic, versioned (real files in tmp_path, real processes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

from core.errors import StoreError
from core.schema import EVENT_COLUMNS, STORE_COLUMNS
from core.validate import coerce
from store import AddSummary, EventStore

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def report(
    eid,
    article,
    source,
    day,
    sentence,
    *,
    etype="ASSAULT",
    src="Russia",
    tgt="Ukraine",
    countries=("RUS", "UKR"),
    topics=("war",),
    mode="actual",
    precision="day",
    published=None,
):
    start = pd.Timestamp(day[:7] + "-01") if precision == "month" else pd.Timestamp(day)
    end = start + (pd.offsets.MonthBegin(1) if precision == "month" else pd.Timedelta(days=1))
    return {
        "event_id": eid,
        "date": day[:7] if precision == "month" else day,
        "date_precision": precision,
        "date_start": start,
        "date_end": end,
        "date_text": "",
        "date_from_publication": False,
        "source_actor": src,
        "target_actor": tgt,
        "actors": [a for a in (src, tgt) if a],
        "countries": list(countries),
        "event_type": etype,
        "quad_class": "material_conflict",
        "topics": list(topics),
        "mode": mode,
        "summary": sentence,
        "sentence": sentence,
        "sentence_start": 0,
        "sentence_end": len(sentence),
        "confidence": 0.8,
        "article_id": article,
        "title": f"Title of {article}",
        "url": f"https://news.example/{article}",
        "source": source,
        "published": pd.Timestamp(published or day, tz="UTC"),
    }


def batch(*rows) -> pd.DataFrame:
    return coerce(pd.DataFrame(list(rows)))


KHARKIV_1 = report("r1", "a1", "Reuters", "2024-03-02", "Russian missiles struck an energy plant in Kharkiv overnight")
KHARKIV_2 = report(
    "r2",
    "a2",
    "AP",
    "2024-03-02",
    "Russia struck an energy plant in Kharkiv with missiles on Saturday",
    published="2024-03-03 09:00",
)
SWAP = report("r3", "a3", "BBC", "2024-05-02", "Russia and Ukraine exchanged prisoners of war", etype="CONCEDE")


def test_new_store_is_an_empty_table_with_every_column(tmp_path):
    store = EventStore(tmp_path / "store")
    df = store.events()
    assert list(df.columns) == list(EVENT_COLUMNS) + list(STORE_COLUMNS)
    assert len(df) == 0
    assert str(df["date_start"].dtype) == "datetime64[ns]"
    assert str(df["published"].dtype) == "datetime64[ns, UTC]"
    assert store.version() == "empty"
    assert len(store.mentions(["nothing"])) == 0


def test_add_merges_reports_of_one_happening_and_keeps_each_sentence(tmp_path):
    store = EventStore(tmp_path)
    s = store.add_events(batch(KHARKIV_1, KHARKIV_2, SWAP))
    assert (s.added, s.merged, s.skipped, s.rejected) == (2, 1, 0, [])
    assert s.summary_line() == "added 2, merged 1, skipped 0, rejected 0"
    ev = store.events().set_index("event_id")
    assert len(ev) == 2
    strike = ev.loc["r1"]
    assert strike["mentions"] == 2
    assert list(strike["sources"]) == ["Reuters", "AP"]
    assert list(strike["article_ids"]) == ["a1", "a2"]
    assert strike["first_reported"] == pd.Timestamp("2024-03-02", tz="UTC")
    assert strike["last_reported"] == pd.Timestamp("2024-03-03 09:00", tz="UTC")
    assert strike["origin"] == "extracted"
    assert strike["origin_ref"] == f"a1:0-{len(KHARKIV_1['sentence'])}"
    m = store.mentions(["r1"])
    assert list(m["article_id"]) == ["a1", "a2"]
    assert list(m["sentence"]) == [KHARKIV_1["sentence"], KHARKIV_2["sentence"]]
    assert set(m.columns) >= {
        "event_id",
        "article_id",
        "title",
        "url",
        "source",
        "published",
        "sentence",
        "sentence_start",
        "sentence_end",
        "origin_ref",
    }


def test_the_same_reports_twice_add_nothing(tmp_path):
    store = EventStore(tmp_path)
    store.add_events(batch(KHARKIV_1, KHARKIV_2, SWAP))
    version = store.version()
    again = store.add_events(batch(KHARKIV_1, KHARKIV_2, SWAP))
    assert (again.added, again.merged, again.skipped) == (0, 0, 3)
    assert store.version() == version
    assert len(store.events()) == 2
    assert len(store.mentions(["r1", "r3"])) == 3


def test_a_later_report_merges_into_a_stored_event(tmp_path):
    store = EventStore(tmp_path)
    store.add_events(batch(KHARKIV_1))
    v1 = store.version()
    s = store.add_events(batch(KHARKIV_2))
    assert (s.added, s.merged) == (0, 1)
    assert store.version() != v1
    ev = store.events()
    assert len(ev) == 1 and ev.iloc[0]["mentions"] == 2


@pytest.mark.parametrize(
    "change",
    [
        {"etype": "ACCUSE"},  # another kind of happening
        {"src": "Belarus"},  # another actor acts
        {"day": "2024-03-09"},  # a week later
        {"mode": "future"},  # a plan, not the strike
        {"sentence": "Ukraine won the Eurovision song contest in Turin"},  # nothing in common
        {"sentence": "Russian drones struck the port of Odesa"},  # another strike, elsewhere
    ],
)
def test_reports_that_differ_stay_separate(tmp_path, change):
    args = {"day": "2024-03-02", "sentence": KHARKIV_2["sentence"]}
    args.update(change)
    other = report("r9", "a9", "AP", args.pop("day"), args.pop("sentence"), **args)
    s = EventStore(tmp_path).add_events(batch(KHARKIV_1, other))
    assert (s.added, s.merged) == (2, 0)


def test_two_sentences_of_one_article_are_not_merged(tmp_path):
    same_article = dict(KHARKIV_2, article_id="a1", event_id="r2b")
    s = EventStore(tmp_path).add_events(batch(KHARKIV_1, same_article))
    assert (s.added, s.merged) == (2, 0)


def test_a_finer_date_from_a_later_report_refines_the_event(tmp_path):
    month = report(
        "m1", "b1", "DW", "2024-03-01", "Russian missiles struck an energy plant in Kharkiv", precision="month"
    )
    store = EventStore(tmp_path)
    store.add_events(batch(month, dict(KHARKIV_1, article_id="b2", event_id="m2")))
    ev = store.events()
    assert len(ev) == 1
    assert ev.iloc[0]["date"] == "2024-03-02" and ev.iloc[0]["date_precision"] == "day"


def test_salience_is_between_0_and_1_and_rises_with_reports(tmp_path):
    store = EventStore(tmp_path)
    store.add_events(batch(KHARKIV_1, KHARKIV_2, dict(SWAP, published=pd.Timestamp("2024-03-03 09:00", tz="UTC"))))
    ev = store.events().set_index("event_id")
    assert ev["salience"].between(0, 1).all()
    assert ev.loc["r1", "salience"] > ev.loc["r3", "salience"]


def test_rows_with_an_unknown_event_type_are_rejected_and_the_rest_stored(tmp_path):
    bad = dict(SWAP, event_id="bad", event_type="EXPLODE")
    s = EventStore(tmp_path).add_events(pd.DataFrame([KHARKIV_1, bad]))
    assert s.added == 1 and len(s.rejected) == 1
    assert "EXPLODE" in s.rejected[0][1]


def test_the_store_path_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "elsewhere"))
    store = EventStore()
    store.add_events(batch(SWAP))
    assert (tmp_path / "elsewhere" / "meta.json").exists()


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    store = EventStore(tmp_path)
    store.add_events(batch(SWAP))
    meta = json.loads((tmp_path / "meta.json").read_text())
    meta["schema_version"] = 99
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(StoreError, match="newer version"):
        EventStore(tmp_path).events()
    with pytest.raises(StoreError, match="newer version"):
        EventStore(tmp_path).add_events(batch(KHARKIV_1))


def test_an_unreadable_meta_file_is_refused(tmp_path):
    (tmp_path / "meta.json").write_bytes(b"\x00\xff not json")
    with pytest.raises(StoreError, match="meta"):
        EventStore(tmp_path).events()


def test_a_damaged_snapshot_is_refused_not_misread(tmp_path):
    store = EventStore(tmp_path)
    store.add_events(batch(SWAP))
    meta = json.loads((tmp_path / "meta.json").read_text())
    (tmp_path / meta["events"]).write_bytes(b"garbage" * 10)
    with pytest.raises(StoreError, match="damaged or unreadable"):
        EventStore(tmp_path).events()


def test_a_version_1_store_is_migrated(tmp_path):
    """Version 1 had no cameo_code, location, latitude, longitude, fatalities: they get their defaults."""
    import pyarrow as pa

    from store import disk

    store = EventStore(tmp_path)
    store.add_events(batch(KHARKIV_1, SWAP))
    meta = json.loads((tmp_path / "meta.json").read_text())
    path = tmp_path / meta["events"]
    with pa.memory_map(str(path)) as src:
        table = pa.ipc.open_file(src).read_all()
    old = table.drop_columns(["cameo_code", "location", "latitude", "longitude", "fatalities"])
    path.unlink()
    disk._write_ipc(old, path)
    meta["schema_version"] = 1
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    part = EventStore(tmp_path).events(["fatalities", "event_id", "countries"])
    assert list(part.columns) == ["fatalities", "event_id", "countries"] and part["fatalities"].isna().all()
    ev = EventStore(tmp_path).events()
    assert len(ev) == 2
    assert list(ev["cameo_code"]) == ["", ""] and ev["fatalities"].isna().all()
    assert str(ev["latitude"].dtype) == "float64"
    s = EventStore(tmp_path).add_events(batch(KHARKIV_2))
    assert s.merged == 1
    assert json.loads((tmp_path / "meta.json").read_text())["schema_version"] == disk.SCHEMA_VERSION


def test_some_columns_are_loaded_alone_and_follow_every_write(tmp_path):
    store = EventStore(tmp_path)
    assert list(store.events(["event_id", "topics"]).columns) == ["event_id", "topics"]
    store.add_events(batch(KHARKIV_1, SWAP))
    part = store.events(["countries", "event_id"])
    assert list(part.columns) == ["countries", "event_id"]
    assert sorted(part["event_id"]) == ["r1", "r3"] and list(part["countries"].iloc[0]) == ["RUS", "UKR"]
    full = store.events()  # the columns not loaded yet are added to the ones already held
    assert list(full.columns) == list(EVENT_COLUMNS) + list(STORE_COLUMNS)
    assert full["event_id"].tolist() == part["event_id"].tolist()
    assert list(full["article_ids"].iloc[0]) == ["a1"]
    store.add_events(batch(KHARKIV_2))
    again = store.events(["event_id", "mentions"])
    assert sorted(zip(again["event_id"], again["mentions"], strict=True)) == [("r1", 2), ("r3", 1)]
    fresh = EventStore(tmp_path)
    assert fresh.events(["mentions"])["mentions"].tolist() == again["mentions"].tolist()
    with pytest.raises(KeyError, match="no_such_column"):
        store.events(["event_id", "no_such_column"])


def test_list_counts_count_each_element_once_per_event(tmp_path):
    store = EventStore(tmp_path)
    assert store.list_counts("countries").empty
    store.add_events(
        batch(
            KHARKIV_1,
            SWAP,
            report(
                "r4",
                "a4",
                "AFP",
                "2024-06-01",
                "Israel struck targets in Gaza",
                src="Israel",
                tgt="",
                countries=("ISR", "ISR", "PSE"),
                topics=(),
            ),
        )
    )
    store.add_events(
        batch(
            report(
                "r5",
                "a5",
                "AFP",
                "2024-07-01",
                "Ukraine shelled a depot in Belgorod",
                src="Ukraine",
                tgt="Russia",
                countries=("UKR", "RUS"),
            )
        )
    )
    counts = store.list_counts("countries")
    assert counts.to_dict() == {"RUS": 3, "UKR": 3, "ISR": 1, "PSE": 1}
    assert list(counts.index) == ["RUS", "UKR", "ISR", "PSE"] and str(counts.dtype) == "int64"
    assert store.list_counts("topics").to_dict() == {"war": 3}
    assert store.list_counts("actors").to_dict() == {"Russia": 3, "Ukraine": 3, "Israel": 1}
    with pytest.raises(KeyError, match="event_type"):
        store.list_counts("event_type")


def test_a_file_where_the_store_should_be_is_refused(tmp_path):
    (tmp_path / "store").write_text("not a directory")
    with pytest.raises(StoreError, match="directory"):
        EventStore(tmp_path / "store")


def test_summary_line_counts_rejects():
    s = AddSummary(added=12, merged=3, rejected=[("x", "bad")])
    assert s.summary_line() == "added 12, merged 3, skipped 0, rejected 1"


# ---- real processes: crash, concurrency, read-only, full ---------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from store import EventStore
    from service.synth import generate_events
    n, seed = int(sys.argv[2]), int(sys.argv[3])
    df = generate_events(n, seed=seed)
    print("ready", flush=True)
    print(EventStore(sys.argv[1]).add_events(df).summary_line(), flush=True)
""")


def _writer(store, n, seed, **kw):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store), str(n), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": ROOT},
        **kw,
    )


def _wait_for(predicate, proc, timeout=120.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("stage", ["events", "mentions"])
def test_killing_an_ingest_midway_leaves_the_store_as_it_was(tmp_path, stage):
    store = EventStore(tmp_path)
    store.add_events(batch(KHARKIV_1, KHARKIV_2, SWAP))
    before = store.events()
    version = store.version()
    proc = _writer(tmp_path, 150_000, 1)
    # events: kill while the new events file is being written; mentions: after it is in place, before the swap
    target = (
        (lambda: (tmp_path / "events-2.arrow.tmp").exists())
        if stage == "events"
        else (lambda: (tmp_path / "mentions-2.arrow.tmp").exists())
    )
    hit = _wait_for(target, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert hit, f"the writer finished or failed before the {stage} file was written: {proc.stderr.read()}"
    after = EventStore(tmp_path)
    assert after.version() == version
    pd.testing.assert_frame_equal(after.events(), before)
    # the lock died with the process, and the next write sweeps the orphans
    s = after.add_events(batch(dict(SWAP, event_id="r4", article_id="a4", source="AFP")))
    assert s.merged == 1
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(after.events()) == 2


def test_two_ingests_at_once_take_turns_and_lose_nothing(tmp_path):
    a = _writer(tmp_path, 3000, 11)
    b = _writer(tmp_path, 3000, 12)
    c = _writer(tmp_path, 3000, 11)  # the same events as a: must not be stored twice
    outs = [p.communicate(timeout=300) for p in (a, b, c)]
    assert all(p.returncode == 0 for p in (a, b, c)), [o[1] for o in outs]
    ev = EventStore(tmp_path).events()
    assert len(ev) == 6000
    assert ev["event_id"].is_unique
    lines = sorted(o[0].splitlines()[-1] for o in outs)
    assert lines.count("added 0, merged 0, skipped 3000, rejected 0") == 1


def _without_root_powers():
    """In the child before exec: drop the capabilities that let root write anywhere (so chmod binds it)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP


def test_a_read_only_store_gives_a_clear_error_and_keeps_its_events(tmp_path):
    store = EventStore(tmp_path / "s")
    store.add_events(batch(SWAP))
    before = store.events()
    os.chmod(tmp_path, 0o755)
    os.chmod(tmp_path / "s", 0o555)
    script = textwrap.dedent("""
        import sys
        import pandas as pd
        from core.errors import StoreError
        from store import EventStore
        from core.validate import coerce
        store = EventStore(sys.argv[1])
        row = store.events().iloc[[0]].drop(columns=["mentions"]).assign(event_id="new", article_id="zz")
        try:
            store.add_events(coerce(row))
        except StoreError as exc:
            print("StoreError:", exc)
    """)
    try:
        out = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "s")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": ROOT},
            preexec_fn=_without_root_powers if os.geteuid() == 0 else None,
            timeout=120,
        )
    finally:
        os.chmod(tmp_path / "s", 0o755)
    assert "StoreError:" in out.stdout and "read-only" in out.stdout, out.stdout + out.stderr
    pd.testing.assert_frame_equal(EventStore(tmp_path / "s").events(), before)


def test_a_full_disk_gives_a_clear_error_and_keeps_the_store(tmp_path):
    """RLIMIT_FSIZE makes the write fail for real (EFBIG) part-way through the new snapshot."""
    store = EventStore(tmp_path)
    store.add_events(batch(SWAP))
    before = store.events()
    script = textwrap.dedent("""
        import resource, signal, sys
        from core.errors import StoreError
        from store import EventStore
        from service.synth import generate_events
        df = generate_events(20000, seed=3)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
        try:
            EventStore(sys.argv[1]).add_events(df)
        except StoreError as exc:
            print("StoreError:", exc)
    """)
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ROOT},
        timeout=120,
    )
    assert "StoreError:" in out.stdout and "unchanged" in out.stdout, out.stdout + out.stderr
    pd.testing.assert_frame_equal(EventStore(tmp_path).events(), before)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_threads_of_one_process_take_turns(tmp_path):
    """A dashboard's sessions are threads of one process: their writes take turns too."""
    import threading

    from service.synth import generate_events

    frames = [generate_events(400, seed=s) for s in range(4)]
    errors = []

    def add(df):
        try:
            EventStore(tmp_path).add_events(df)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(f,)) for f in frames]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    ev = EventStore(tmp_path).events()
    assert len(ev) == 1600 and ev["event_id"].is_unique


def test_an_article_read_again_adds_nothing_even_if_cut_differently(tmp_path):
    store = EventStore(tmp_path)
    store.add_events(batch(KHARKIV_1, SWAP))
    recut = dict(KHARKIV_1, event_id="r1-new-offsets", sentence_start=5)
    s = store.add_events(batch(recut))
    assert (s.added, s.merged, s.skipped) == (0, 0, 1)
    assert len(store.events()) == 2


def test_an_empty_batch_writes_nothing(tmp_path):
    store = EventStore(tmp_path)
    s = store.add_events(batch(KHARKIV_1).iloc[0:0])
    assert s.summary_line() == "added 0, merged 0, skipped 0, rejected 0"
    assert store.version() == "empty"


def test_many_small_writes_keep_every_event_and_list_intact(tmp_path):
    """Each write appends a record batch; past 16 the snapshot is compacted. Lists must survive both."""
    store = EventStore(tmp_path)
    store.add_events(batch(KHARKIV_1))
    for i in range(20):
        day = f"2024-04-{i + 1:02d}"
        store.add_events(
            batch(
                report(
                    f"n{i}",
                    f"art{i}",
                    f"Outlet {i}",
                    day,
                    f"Protesters marched in city number {i}",
                    etype="PROTEST",
                    src=f"Group {i}",
                    tgt="",
                    countries=(f"C{i:02d}",),
                )
            )
        )
    s = store.add_events(batch(KHARKIV_2))
    assert s.merged == 1
    ev = store.events().set_index("event_id")
    assert len(ev) == 21
    assert list(ev.loc["r1", "sources"]) == ["Reuters", "AP"]
    assert [list(ev.loc[f"n{i}", "countries"]) for i in range(20)] == [[f"C{i:02d}"] for i in range(20)]
    assert [list(ev.loc[f"n{i}", "actors"]) for i in range(20)] == [[f"Group {i}"] for i in range(20)]
    assert len(store.mentions(None)) == 22


def _hyp_rows():
    from hypothesis import strategies as st

    sentences = st.sampled_from(
        [
            KHARKIV_1["sentence"],
            KHARKIV_2["sentence"],
            SWAP["sentence"],
            "Russian drones struck the port of Odesa",
            "Ukraine recaptured a village near Bakhmut",
        ]
    )
    return st.lists(
        st.tuples(
            st.integers(0, 5),
            st.integers(0, 3),
            sentences,
            st.sampled_from(["ASSAULT", "CONCEDE", "ACCUSE"]),
            st.sampled_from(["Russia", "Ukraine", ""]),
        ),
        min_size=1,
        max_size=8,
    )


def test_any_batch_added_twice_changes_nothing_the_second_time(tmp_path_factory):
    from hypothesis import given, settings

    @settings(max_examples=25, deadline=None)
    @given(_hyp_rows())
    def check(rows):
        store = EventStore(tmp_path_factory.mktemp("h"))
        recs = [
            report(f"e{i}", f"a{art}", f"S{art}", f"2024-03-0{1 + day}", text, etype=etype, src=src)
            for i, (art, day, text, etype, src) in enumerate(rows)
        ]
        first = store.add_events(batch(*recs))
        events, version = store.events(), store.version()
        assert first.added + first.merged + first.skipped == len(recs)
        assert int(events["mentions"].sum()) == first.added + first.merged
        assert len(store.mentions(events["event_id"].tolist())) == first.added + first.merged
        again = store.add_events(batch(*recs))
        assert (again.added, again.merged) == (0, 0)
        assert store.version() == version
        pd.testing.assert_frame_equal(store.events(), events)

    check()
