"""Shared test fixtures.

`shared_dir` gives ../shared (the real corpora). Where it is absent (a user's clone) tests that
need it skip with a clear reason; with REQUIRE_SHARED=1 (set by .ci/run) that skip is a failure.

The dashboard's tests (tests/test_app_*.py) share `dashboard_events` (a generated events table with one
hostile event), `store_env` (a store of such events that the dashboard is pointed at) and `empty_store_env`
(a store path holding nothing).
"""

from __future__ import annotations

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))


def need_shared(*parts: str) -> pathlib.Path:
    """Return ../shared/<parts>; skip (or fail under REQUIRE_SHARED=1) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is absent: the shared corpora sit beside the checkout only on project machines"
        if os.environ.get("REQUIRE_SHARED") == "1":
            pytest.fail(f"REQUIRE_SHARED=1 but {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture
def shared_dir() -> pathlib.Path:
    return need_shared()


@pytest.fixture(scope="session")
def dashboard_events():
    """400 generated events plus the hostile one (tests/dashboard_store.py). Shared: do not modify it."""
    import pandas as pd

    from service.synth import generate_events
    from tests.dashboard_store import hostile_row

    df = generate_events(400, seed=11)
    return pd.concat([df, hostile_row(df)], ignore_index=True)


@pytest.fixture
def store_env(tmp_path, monkeypatch):
    """A store of 300 generated events and the hostile one in tmp_path, shown by the dashboard ($EVENTS_STORE);
    the chart renderer is not warmed up (no Chromium started by AppTest runs)."""
    from tests.dashboard_store import make_store

    store = make_store(tmp_path / "store")
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    return store


@pytest.fixture
def empty_store_env(tmp_path, monkeypatch):
    """The dashboard pointed at a store path that holds nothing yet."""
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    return tmp_path / "nothing-here"
