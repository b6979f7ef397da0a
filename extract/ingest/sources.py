"""Turn the things a caller passes (paths, directories, URLs, "-", raw text, uploads) into blobs.

`iter_blobs(inputs, ...)` yields `Blob`s (a name, bytes or text, an optional content type) and
InputRejected errors, one per input that cannot be opened. Nothing here parses formats.
"""

from __future__ import annotations

import os
import pathlib
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from core.errors import InputRejected
from extract.ingest.fetch import fetch
from extract.ingest.formats import suffixes

# File name endings read when walking a directory: every format's (extract/ingest/formats.py).
KNOWN_SUFFIXES = suffixes()
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]{1,15}):(?://)?\S*$")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass
class Blob:
    """One input's content before its format is known."""

    name: str  # path, URL, "-", "text" or an upload's file name
    data: bytes | None = None
    text: str | None = None  # raw text handed over directly
    content_type: str = ""
    url: str = ""
    record: dict | None = None  # an article handed over as a mapping of fields


def looks_like_raw_text(item: str) -> bool:
    """True when a string is article text rather than a path or an address.

    Text: anything with a line break or over 1000 characters; otherwise a string that names no
    existing file and has eight words or more, or four or more with no path-like characters.
    """
    if "\n" in item or len(item) > 1000:
        return True
    stripped = item.strip()
    if " " not in stripped or _SCHEME.match(stripped) or os.path.exists(stripped):
        return False
    words = len(stripped.split())
    if words >= 8:
        return True
    if "/" in stripped or "\\" in stripped or stripped.lower().endswith(KNOWN_SUFFIXES):
        return False
    return words >= 4


def _read_file(path: pathlib.Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise InputRejected(name, f"cannot read the file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputRejected(name, "not a regular file (a device, pipe or socket is not read)")
    size = info.st_size
    if size > max_bytes:
        raise InputRejected(name, f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit (see max_bytes)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputRejected(name, f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputRejected(name, f"the file is over the {max_bytes:,}-byte limit")
    return data


def _walk(root: pathlib.Path) -> Iterator[pathlib.Path]:
    """Files under `root` with a known suffix, in a stable order; hidden entries skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            if not fname.startswith(".") and fname.lower().endswith(KNOWN_SUFFIXES):
                yield pathlib.Path(dirpath) / fname


def _one(item: object, max_bytes: int, fetch_timeout: float) -> Iterator[Blob | InputRejected]:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes | bytearray):
        name, data = str(item[0]), bytes(item[1])
        if len(data) > max_bytes:
            yield InputRejected(name, f"the upload is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
        else:
            yield Blob(name, data=data)
        return
    if isinstance(item, dict):
        yield Blob(str(item.get("url") or item.get("id") or "record"), record=item)
        return
    if isinstance(item, bytes | bytearray):
        yield Blob("bytes", data=bytes(item))
        return
    if isinstance(item, os.PathLike):
        item = os.fspath(item)
    if not isinstance(item, str):
        yield InputRejected(repr(item)[:80], f"cannot read an input of type {type(item).__name__}")
        return
    if item == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield InputRejected("-", f"standard input is over the {max_bytes:,}-byte limit")
        else:
            yield Blob("-", data=data)
        return
    if looks_like_raw_text(item):
        yield Blob("text", text=item)
        return
    stripped = item.strip()
    scheme = _SCHEME.match(stripped)
    if scheme and not _WINDOWS_DRIVE.match(stripped) and not os.path.exists(stripped):
        try:
            got = fetch(stripped, timeout=fetch_timeout, max_bytes=max_bytes)
        except InputRejected as exc:
            yield exc
            return
        yield Blob(stripped, data=got.data, content_type=got.content_type, url=got.url)
        return
    path = pathlib.Path(item)
    if path.is_dir():
        found = False
        for file in _walk(path):
            found = True
            try:
                yield Blob(str(file), data=_read_file(file, max_bytes))
            except InputRejected as exc:
                yield exc
        if not found:
            yield InputRejected(item, f"the directory holds no readable files ({', '.join(KNOWN_SUFFIXES)})")
        return
    if not path.exists():
        yield InputRejected(item, "no such file or directory")
        return
    try:
        yield Blob(item, data=_read_file(path, max_bytes))
    except InputRejected as exc:
        yield exc


def iter_blobs(inputs: Iterable[object], *, max_bytes: int, fetch_timeout: float) -> Iterator[Blob | InputRejected]:
    """Yield one Blob per readable input (directories give one per file), or an InputRejected."""
    if isinstance(inputs, str | bytes | os.PathLike | dict) or (
        isinstance(inputs, tuple) and len(inputs) == 2 and isinstance(inputs[1], bytes)
    ):
        inputs = [inputs]
    for item in inputs:
        yield from _one(item, max_bytes, fetch_timeout)
