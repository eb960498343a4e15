"""Atomic file writes and the build lock.

Every file the build writes goes through :func:`write_text`: the text is written to a temporary
file in the same folder, flushed to disk, then renamed over the target (``os.replace`` is atomic
on POSIX), so a build killed at any moment leaves each file either as it was or complete.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from policykb.errors import PolicyKBError


def write_text(path: str | Path, text: str, *, newline: str | None = None) -> bool:
    """Write ``text`` (UTF-8) to ``path`` atomically if it differs; returns whether it was written."""
    p = Path(path)
    data = text.encode("utf-8") if newline is None else text.replace("\n", newline).encode("utf-8")
    try:
        if p.is_file() and p.read_bytes() == data:
            return False
    except OSError:
        pass
    write_bytes(p, data)
    return True


class BuildLock:
    """An exclusive lock on a project folder (``.policykb.lock``, flock): a second build in the
    same folder stops at once with a one-line error instead of interleaving its writes. The
    kernel releases the lock when the process dies, so a killed build never leaves it stuck."""

    NAME = ".policykb.lock"

    def __init__(self, root: Path):
        self.path = Path(root) / self.NAME
        self.fh = None

    def __enter__(self) -> "BuildLock":
        import fcntl

        self.fh = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "another process"
            self.fh.close()
            self.fh = None
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise PolicyKBError(f"another build is running in this folder ({holder}); wait for it to finish", self.path) from None
            raise PolicyKBError(f"cannot lock the project folder: {exc.strerror}", self.path) from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()}\n")
        self.fh.flush()
        return self

    def __exit__(self, *exc) -> None:
        import fcntl

        if self.fh is not None:
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder + rename)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
