"""Build progress: one line per stage with its time, silent under --quiet, CI and without a terminal."""

from __future__ import annotations

import io

from policykb.progress import Progress, interactive


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_one_line_per_stage_with_its_time():
    out = Tty()
    prog = Progress(enabled=True, stream=out)
    with prog.stage("extract") as st:
        st["note"] = "5 papers, 5 unchanged from the cache"
    with prog.stage("render"):
        pass
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("policykb: extract") and " s  (5 papers, 5 unchanged from the cache)" in lines[0]
    assert set(prog.seconds) == {"extract", "render"}


def test_quiet_without_a_terminal_or_under_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert interactive(Tty()) and not interactive(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not interactive(Tty())
    out = Tty()
    prog = Progress(stream=out)  # default: decided by the stream and CI
    with prog.stage("extract"):
        pass
    assert out.getvalue() == "" and "extract" in prog.seconds
    quiet = Progress(enabled=False, stream=Tty())
    with quiet.stage("extract"):
        pass
    assert quiet.stream.getvalue() == ""
