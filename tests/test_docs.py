"""ARCHITECTURE.md's module map matches the folders: what it names exists, and every package is on it."""

from __future__ import annotations

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAP = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
PACKAGES = ("core", "extract", "store", "service", "app")
# Folders whose modules must each be named on the map (the small layers); in the larger ones each
# sub-package must be, and its README lists the modules.
EVERY_MODULE = ("core", "store", "service")


def _named_paths() -> list[str]:
    """Backticked things on the map that look like paths of the project."""
    found = re.findall(r"`([A-Za-z_][\w./-]*)`", MAP)
    return [f for f in found if "/" in f or f.endswith(".py")]


def test_every_path_the_map_names_exists():
    named = _named_paths()
    assert len(named) > 20
    missing = [p for p in named if not (ROOT / p).exists()]
    assert not missing, f"ARCHITECTURE.md names paths that do not exist: {missing}"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_sub_package_is_on_the_map(package):
    subs = sorted(
        str(d.relative_to(ROOT)) + "/"
        for d in (ROOT / package).rglob("*")
        if d.is_dir() and (d / "__init__.py").exists() and d != ROOT / package
    )
    missing = [s for s in subs if f"`{s}`" not in MAP]
    assert f"`{package}/`" in MAP
    assert not missing, f"ARCHITECTURE.md does not show {missing}"


@pytest.mark.parametrize("package", EVERY_MODULE)
def test_every_module_of_the_small_layers_is_on_the_map(package):
    modules = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / package).glob("*.py") if p.name not in ("__init__.py", "__main__.py")
    )
    missing = [m for m in modules if m not in MAP]
    assert not missing, f"ARCHITECTURE.md does not name {missing}"


def test_the_map_says_where_new_things_go():
    section = MAP.split("## Where a new thing goes", 1)[-1]
    for thing in ("input format", "event cue", "chart", "page"):
        assert f"**{'an' if thing[0] in 'aeiou' else 'a'} {thing}**" in section, thing
