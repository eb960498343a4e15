"""Build progress: one line per stage with its time, on stderr.

Silent with ``--quiet`` and whenever stderr is not a terminal (CI, pipes, tests), so the
output of a build stays what it was for scripts.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager


def interactive(stream=None) -> bool:
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


class Progress:
    def __init__(self, enabled: bool | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = interactive(self.stream) if enabled is None else enabled
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        """Time a stage; ``yield``s a dict whose ``note`` is printed after the time."""
        info = {"note": ""}
        t0 = time.perf_counter()
        yield info
        dt = time.perf_counter() - t0
        self.seconds[name] = self.seconds.get(name, 0.0) + dt
        if self.enabled:
            note = f"  ({info['note']})" if info["note"] else ""
            print(f"policykb: {name:<13} {dt:6.2f} s{note}", file=self.stream, flush=True)
