"""The folders show the flow article -> events -> store -> chart: each layer imports only the layers below it.

core/ (the contract) <- extract/ (articles -> events) and store/ (events on disk), side by side
<- service/ (read, extract, store; the CLI) <- app/, dashboard.py, dashboard_pages/ (the dashboard).
"""

from __future__ import annotations

import ast
import pathlib

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


def _imports(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & OURS


def _modules(package: str) -> list[pathlib.Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if str(p.relative_to(ROOT)) not in ENTRY_SHIMS)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_below_it(package):
    modules = _modules(package)
    assert modules, f"{package}/ has no modules"
    wrong = {
        str(p.relative_to(ROOT)): sorted(_imports(p) - ALLOWED[package])
        for p in modules
        if _imports(p) - ALLOWED[package]
    }
    assert not wrong, f"{package}/ reaches above itself: {wrong}"


def test_the_checker_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from extract.ingest import load_articles\nimport app.figures\n", encoding="utf-8")
    assert _imports(bad) - ALLOWED["store"] == {"extract", "app"}
