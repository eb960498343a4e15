"""Incremental and parallel builds give the bytes of a clean build (issue 12, items 1 and 2)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from conftest import PAPER_IDS, REPO, copy_project, run_cli
from policykb import incremental
from policykb.build import build_corpus

pytestmark = pytest.mark.slow

OUTPUTS = ("corpus/papers/*.yaml", "corpus/glossary.yaml", "corpus/search_index.json", "corpus/search_index.sqlite",
           "docs/**/*.md", "docs/downloads/*", "mkdocs.nav.yml")  # fmt: skip


def snapshot(root):
    out = {}
    for pattern in OUTPUTS:
        for f in sorted(root.glob(pattern)):
            out[str(f.relative_to(root))] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def mtimes(root):
    return {str(f.relative_to(root)): f.stat().st_mtime_ns for p in OUTPUTS for f in root.glob(p)}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """One worker, no cache: the reference bytes."""
    root = copy_project(tmp_path_factory.mktemp("clean"))
    build_corpus(root, site=False, workers=1, cache=False, quiet=True)
    return root


@pytest.fixture(scope="module")
def cached(tmp_path_factory):
    """Two workers, cold cache, then a rebuild that reads every paper from the cache."""
    root = copy_project(tmp_path_factory.mktemp("cached"))
    first = build_corpus(root, site=False, workers=2, quiet=True)
    assert first.extracted == PAPER_IDS
    return root


def test_worker_count_does_not_change_output(clean, cached):
    ref = snapshot(clean)
    assert len(ref) > 15 and any(k.endswith(".csv") for k in ref)
    assert snapshot(cached) == ref


def test_no_change_rebuild_reads_the_cache_and_rewrites_nothing(clean, cached):
    before = mtimes(cached)
    report = build_corpus(cached, site=False, workers=2, quiet=True)
    assert report.extracted == []
    assert snapshot(cached) == snapshot(clean)
    assert mtimes(cached) == before  # the CSV downloads included (written with \r\n)


def test_changed_curation_reextracts_exactly_that_paper(tmp_path, cached):
    root = tmp_path / "p"
    shutil.copytree(cached, root)
    meta = root / "corpus" / "meta" / "dong-zhiyong-2025.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("meta: {}", "meta:\n  issue: '99'"), encoding="utf-8")
    report = build_corpus(root, site=False, workers=2, quiet=True)
    assert report.extracted == ["dong-zhiyong-2025"]
    assert "issue: '99'" in (root / "corpus" / "papers" / "dong-zhiyong-2025.yaml").read_text(encoding="utf-8")
    # the same inputs extracted from scratch give the same bytes
    incremental_out = snapshot(root)
    build_corpus(root, site=False, workers=1, cache=False, quiet=True)
    assert snapshot(root) == incremental_out


def test_changed_rule_file_changes_the_code_version(tmp_path, monkeypatch):
    pkg = tmp_path / "policykb"
    shutil.copytree(REPO / "scripts" / "policykb", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(incremental, "PACKAGE", pkg)
    incremental.code_version.cache_clear()
    try:
        v1 = incremental.code_version()
        (pkg / "render" / "listings.py").write_text("# rendering is not extraction\n", encoding="utf-8")
        incremental.code_version.cache_clear()
        assert incremental.code_version() == v1
        rule = pkg / "rules" / "statistics.yaml"
        rule.write_bytes(rule.read_bytes() + b"\n# one more line\n")
        incremental.code_version.cache_clear()
        assert incremental.code_version() != v1
    finally:
        incremental.code_version.cache_clear()


def test_changed_code_version_reextracts_every_paper(tmp_path, cached, monkeypatch):
    root = tmp_path / "p"
    shutil.copytree(cached, root)
    monkeypatch.setattr(incremental, "code_version", lambda: "another rules version")
    report = build_corpus(root, site=False, workers=2, quiet=True)
    assert report.extracted == PAPER_IDS


def test_build_options(tmp_path):
    proc = run_cli("--root", str(tmp_path), "build", "--workers", "0")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "--workers" in proc.stderr


def test_first_build_without_previous_records_is_cached_and_idempotent(tmp_path):
    """A project without corpus/papers/: the second build reads every paper from the cache (filed
    under the records the first build wrote) and gives what a build without the cache gives."""
    root = copy_project(tmp_path / "p")
    shutil.rmtree(root / "corpus" / "papers")
    assert build_corpus(root, site=False, workers=2, quiet=True).extracted == PAPER_IDS
    assert build_corpus(root, site=False, workers=2, quiet=True).extracted == []
    cached_out = snapshot(root)
    build_corpus(root, site=False, workers=2, cache=False, quiet=True)
    assert snapshot(root) == cached_out
