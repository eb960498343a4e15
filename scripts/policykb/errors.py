"""Errors a user can fix. The CLI turns them into one line and exit status 1."""

from __future__ import annotations

from pathlib import Path


class PolicyKBError(Exception):
    """A problem with the user's input, reported as ``file:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"
