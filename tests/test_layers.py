"""The folders show the flow article -> events -> store -> chart: each layer imports only the layers below it.

core/ (the contract) <- extract/ (articles -> events) and store/ (events on disk), side by side
<- service/ (read, extract, store; the CLI) <- app/, dashboard.py, dashboard_pages/ (the dashboard).
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
OURS = {"core", "extract", "store", "service", "app"}
ALLOWED = {
    "core": {"core"},
    "extract": {"core", "extract"},
    "store": {"core", "store"},
    "service": {"core", "extract", "store", "service"},
    "app": {"core", "extract", "store", "service", "app"},
}
# Entry points may sit above their package: `python -m extract` runs the whole command line.
ENTRY_SHIMS = {"extract/__main__.py"}


# Parsed in a fresh interpreter: CPython 3.11's ast.parse can raise a spurious "AST constructor recursion depth
# mismatch" SystemError in a process whose earlier work (other tests of the same worker) left its AST state off
# (python/cpython#106905); this test is about our imports, not about that.
_SCAN = """
import ast, json, sys
out = {}
for name in sys.argv[1:]:
    tree = ast.parse(open(name, encoding="utf-8").read(), filename=name)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    out[name] = sorted(found)
print(json.dumps(out))
"""


def _imports_of(paths: list[pathlib.Path]) -> dict[pathlib.Path, set[str]]:
    """The top-level packages of ours each file imports (absolute imports only)."""
    out = subprocess.run(
        [sys.executable, "-c", _SCAN, *map(str, paths)], capture_output=True, text=True, check=True, timeout=120
    )
    return {pathlib.Path(k): set(v) & OURS for k, v in json.loads(out.stdout).items()}


def _imports(path: pathlib.Path) -> set[str]:
    return _imports_of([path])[path]


def _modules(package: str) -> list[pathlib.Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if str(p.relative_to(ROOT)) not in ENTRY_SHIMS)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(package):
    modules = _modules(package)
    assert modules, f"{package}/ has no modules"
    found = _imports_of(modules)
    wrong = {
        str(p.relative_to(ROOT)): sorted(found[p] - ALLOWED[package]) for p in modules if found[p] - ALLOWED[package]
    }
    assert not wrong, f"{package}/ reaches above itself: {wrong}"


def test_the_checker_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from extract.ingest import load_articles\nimport app.figures\n", encoding="utf-8")
    assert _imports(bad) - ALLOWED["store"] == {"extract", "app"}
