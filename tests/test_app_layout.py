"""The dashboard's code keeps its pure parts free of Streamlit, and every page the entry lists exists."""

from __future__ import annotations

import ast
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
APP = ROOT / "app"

# Importable and testable without Streamlit: figures, tables, words, URL state, exports, map shapes.
PURE = {
    "app.figures",
    "app.figures.balance",
    "app.figures.framing",
    "app.figures.lanes",
    "app.figures.map",
    "app.figures.network",
    "app.figures.periods",
    "app.figures.style",
    "app.figures.timeline",
    "app.figures.top_actors",
    "app.figures.trends",
    "app.briefing",
    "app.exporting",
    "app.labels",
    "app.messages",
    "app.shapes",
    "app.source_charts",
    "app.tables",
    "app.urlstate",
}
# Bound to Streamlit (they draw, cache or read session state).
BOUND = {
    "app.charts",
    "app.corrections",
    "app.data",
    "app.downloads",
    "app.event_details",
    "app.preload",
    "app.serve",
    "app.sidebar",
    "app.view",
}


def modules() -> set[str]:
    """Every module of the app package by its dotted name."""
    names = set()
    for path in APP.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names - {"app"}


def imports_streamlit(module: str) -> bool:
    path = ROOT.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "streamlit" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit":
            return True
    return False


def test_every_module_is_either_pure_or_streamlit_bound():
    assert modules() == PURE | BOUND, "a new module of app/ belongs in PURE or BOUND here"
    assert not PURE & BOUND


def test_pure_modules_do_not_import_streamlit_even_indirectly():
    assert [m for m in sorted(PURE) if imports_streamlit(m)] == []
    script = "import sys\n" + "".join(f"import {m}\n" for m in sorted(PURE)) + "print('streamlit' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False", "importing the pure modules brought in Streamlit"


def test_streamlit_bound_modules_say_so():
    assert all(imports_streamlit(m) for m in BOUND)


def test_the_entry_lists_every_page_script_once():
    entry = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    listed = [
        node.args[0].value
        for node in ast.walk(entry)
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "Page"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]
    scripts = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "dashboard_pages").glob("*.py"))
    assert sorted(listed) == scripts
    assert not (ROOT / "pages").exists(), "a folder named pages/ turns on Streamlit's older multipage model"


def test_the_server_imports_at_start_every_app_module_the_pages_import():
    """app/serve.py imports the pages' modules before the server listens; a page importing one it misses would
    only be slower on a fresh server's first visit, so nothing else would notice."""
    wanted = set()
    for script in [ROOT / "dashboard.py", *(ROOT / "dashboard_pages").glob("*.py")]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "app":
                wanted |= {f"app.{a.name}" for a in node.names}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app."):
                wanted.add(node.module)
    assert {"app.data", "app.view", "app.charts"} <= wanted
    script = "import sys, json\nfrom app.serve import preimport\npreimport()\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(wanted - set(json.loads(done.stdout.strip().splitlines()[-1]))) == []
