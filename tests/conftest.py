"""Shared test fixtures.

`shared_dir` gives ../shared (the real corpora). Where it is absent (a user's clone) tests that
need it skip with a clear reason; with REQUIRE_SHARED=1 (set by .ci/run) that skip is a failure.
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
