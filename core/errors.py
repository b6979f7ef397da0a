"""The project's error types. Raised deep, turned into messages once at the edge (CLI, page).

Every message names the input and says what to do about it.
"""

from __future__ import annotations


class ExtractError(Exception):
    """Base class: anything the user can act on."""


class InputRejected(ExtractError):
    """One input (file, URL, text) could not be read. The batch goes on without it."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ReferenceTimeError(ExtractError):
    """A reference/publication time that cannot be parsed."""


class StoreError(ExtractError):
    """The event store cannot be read or written (read-only, full, locked, newer schema)."""


class ImportFormatError(ExtractError):
    """A GDELT/ACLED file of the wrong shape."""


def user_message(exc: BaseException) -> str:
    """The one place that turns an exception into text for a person."""
    if isinstance(exc, ExtractError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return f"{exc.filename}: no such file"
    if isinstance(exc, PermissionError):
        return f"{exc.filename}: permission denied"
    if isinstance(exc, MemoryError):
        return "out of memory: try a smaller batch"
    return f"unexpected error ({type(exc).__name__}): {exc}"
