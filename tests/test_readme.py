"""The README starts with exactly two commands, and .ci/run runs the second one."""

import re

from conftest import REPO


def readme_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^# policykb\n+```sh\n(.*?)\n```", text, re.S)
    assert m, "README must start with a ```sh block right after the title"
    return [ln for ln in m.group(1).splitlines() if ln.strip()]


def test_readme_starts_with_two_commands():
    cmds = readme_commands()
    assert len(cmds) == 2
    assert "policykb build" in cmds[0]
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
