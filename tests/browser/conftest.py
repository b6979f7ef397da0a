"""Fixtures for the real-browser tests: a test store, a Streamlit server on a free 127.0.0.1 port, and
Debian's Chromium driven by Playwright (never Playwright's own browser download).

Every request the page makes is recorded; a test fails when any goes to a host other than this machine.
Screenshots go to screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.dashboard_store import make_store

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer at {url} within {timeout:.0f} s")


def start_server(store: pathlib.Path, log: pathlib.Path, extra_env: dict | None = None) -> tuple[str, subprocess.Popen]:
    """`python -m app.serve` (the README's `streamlit run dashboard.py` with the dashboard imported at start) on a
    free port, showing the store at store; returns (url, process)."""
    port = free_port()
    env = dict(os.environ, EVENTS_STORE=str(store), **(extra_env or {}))
    cmd = [
        sys.executable,
        "-m",
        "app.serve",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    out = log.open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
    except Exception:
        stop_server(proc)
        raise
    return url, proc


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"the browser tests need Chromium at {CHROMIUM}: install Debian's chromium "
            "(sudo apt-get install chromium chromium-driver), or run `make test`, which installs it"
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def dashboard(tmp_path_factory, chromium_path) -> str:
    """The URL of a dashboard serving a fresh test store (generated events + one hostile event)."""
    base = tmp_path_factory.mktemp("dashboard")
    make_store(base / "store", n=400, seed=5)
    # the chart renderer warms at once (a person's dashboard waits for 10 s without page runs; see
    # app.downloads.WARM_IDLE_S), so an export test does not also time Chromium starting on a busy machine
    url, proc = start_server(base / "store", base / "streamlit.log", extra_env={"DASHBOARD_WARM_IDLE": "0"})
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class RequestLog:
    """Every URL a page asked for, and the dialogs (alert/confirm) that fired."""

    def __init__(self):
        self.urls: list[str] = []
        self.dialogs: list[str] = []

    def outside(self) -> list[str]:
        bad = []
        for u in self.urls:
            parts = urllib.parse.urlsplit(u)
            if parts.scheme in ("data", "blob", "about", "chrome"):
                continue
            if parts.hostname not in LOCAL_HOSTS:
                bad.append(u)
        return bad


@pytest.fixture
def page(browser):
    """A fresh browser page; fails the test if it reached any host but this machine."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    log = RequestLog()
    context.on("request", lambda req: log.urls.append(req.url))

    def on_dialog(dialog):
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.request_log = log
    yield pg
    context.close()
    assert not log.outside(), f"requests left the machine: {log.outside()[:5]}"


def shoot(pg, name: str) -> pathlib.Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # Streamlit scrolls inside its main block, so make the window as tall as the content for the picture
    height = pg.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m ? m.scrollHeight : 1000 }"
    )
    pg.set_viewport_size({"width": 1400, "height": max(1000, min(int(height) + 40, 6000))})
    pg.wait_for_timeout(400)
    pg.screenshot(path=str(path), full_page=True)
    pg.set_viewport_size({"width": 1400, "height": 1000})
    return path


def wait_ready(pg, timeout: float = 60_000) -> None:
    """Wait until Streamlit has run the script to the end and nothing is still loading."""
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    pg.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)
    pg.wait_for_timeout(300)
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
