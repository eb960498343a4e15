"""Shared fixtures: a throw-away copy of the project, built once per session."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/score.py
PAPER_IDS = [
    "anon-ai-nqpf-logic-path",
    "cao-liu-zheng-2025",
    "dong-zhiyong-2025",
    "zhang-lei-intelligent-revolution",
    "zhou-yang-ai-empowering-nqpf",
]


def copy_project(dest: Path) -> Path:
    """Copy what a build needs (never the repository's own generated files)."""
    for rel in ("corpus/raw", "corpus/meta", "corpus/curation", "corpus/ids"):
        src = REPO / rel
        if src.exists():
            shutil.copytree(src, dest / rel)
    curated = REPO / "corpus" / "glossary.curated.yaml"
    if curated.exists():
        (dest / "corpus").mkdir(parents=True, exist_ok=True)
        shutil.copy(curated, dest / "corpus" / curated.name)
    papers = REPO / "corpus" / "papers"
    if papers.exists():  # the previous build's ids are part of the input
        shutil.copytree(papers, dest / "corpus" / "papers")
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    if (REPO / "overrides").exists():  # the theme overrides mkdocs.yml names (custom_dir)
        shutil.copytree(REPO / "overrides", dest / "overrides")
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for f in (REPO / "docs").rglob("*"):
        rel = f.relative_to(REPO / "docs")
        if f.is_file() and rel.parts[0] not in ("papers",) and rel.name != "index.md":
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, docs / rel)
    return dest


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "policykb", *args], cwd=cwd or REPO, capture_output=True, text=True
    )


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A copy of the project after one full `policykb build` (site included)."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    proc = run_cli("--root", str(root), "build")
    assert proc.returncode == 0, proc.stderr
    return root


@pytest.fixture(scope="session")
def papers(built_project) -> dict:
    from policykb import yamlio

    return {p: yamlio.read(built_project / "corpus" / "papers" / f"{p}.yaml") for p in PAPER_IDS}


@pytest.fixture(scope="session")
def documents() -> dict:
    from policykb.reading import read_raw
    from policykb.structure import build_document
    from policykb.text import clean

    out = {}
    for p in PAPER_IDS:
        text = clean(read_raw(REPO / "corpus" / "raw" / f"{p}.txt"))
        out[p] = (build_document(text), text)
    return out


# The fast lane (`pytest -m "not slow"`) keeps the pure tests. A test is slow when it builds a
# project (the session's built project, a copy of the project, `policykb build`/`add`/`serve`) or drives
# the browser, whether or not it carries the marker itself.
_BUILDS = re.compile(r"copy_project\(|run_cli\([^)]*[\"'](?:build|add|serve)[\"']|\bbuild\.build\(|\bbuild_project\(")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("slow"):
            continue
        uses_build = "built_project" in getattr(item, "fixturenames", ())
        module = getattr(item, "module", None)
        browser = module is not None and module.__name__ == "test_browser"
        try:
            source = inspect.getsource(item.function) if hasattr(item, "function") else ""
        except (OSError, TypeError):
            source = ""
        if uses_build or browser or _BUILDS.search(source):
            item.add_marker(pytest.mark.slow)
