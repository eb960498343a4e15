"""Incremental and parallel builds give the bytes of a clean build (issue 12, items 1 and 2)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from conftest import PAPER_IDS, REPO, copy_project, run_cli
from policykb import incremental, yamlio
from policykb.build import build_corpus
from policykb.buildcache import STAMP

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


# --- skipping the derived stages and `mkdocs build` when nothing they read changed (buildcache.py)

DERIVED = ("glossary", "check", "write", "search index", "render")


def site_files(root):
    """Every file of site/ with its bytes' digest and modification time."""
    site = root / "site"
    return {str(f.relative_to(site)): (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns)
            for f in sorted(site.rglob("*")) if f.is_file()}  # fmt: skip


@pytest.fixture(scope="module")
def with_site(tmp_path_factory):
    """A project built with its site (cache on)."""
    root = copy_project(tmp_path_factory.mktemp("site"))
    report = build_corpus(root, workers=2, quiet=True)
    assert "mkdocs" in report.seconds and (root / "site" / STAMP).is_file()
    return root


def test_no_change_rebuild_skips_mkdocs_and_keeps_the_site(clean, with_site):
    site_before, outputs_before = site_files(with_site), mtimes(with_site)
    report = build_corpus(with_site, workers=2, quiet=True)
    assert "mkdocs" not in report.seconds and not set(DERIVED) & set(report.seconds)
    assert report.extracted == [] and len(report.glossary) > 10
    assert site_files(with_site) == site_before
    assert mtimes(with_site) == outputs_before and snapshot(with_site) == snapshot(clean)
    # the claims' terms (filled by the glossary stage) come back from the cache
    written = {c["id"]: c["terms"] for pid in PAPER_IDS
               for c in yamlio.read(with_site / "corpus" / "papers" / f"{pid}.yaml")["claims"]}  # fmt: skip
    assert any(written.values())
    assert {c["id"]: c["terms"] for p in report.papers for c in p["claims"]} == written


def test_changed_raw_text_reruns_the_stages_and_mkdocs(tmp_path, with_site):
    root = tmp_path / "p"
    shutil.copytree(with_site, root, symlinks=True)
    raw = root / "corpus" / "raw" / "dong-zhiyong-2025.txt"
    text = raw.read_text(encoding="utf-8")
    assert text.count("新质生产力") > 3
    raw.write_text(text.replace("新质生产力", "新型生产力", 1), encoding="utf-8")
    report = build_corpus(root, workers=2, quiet=True)
    assert report.extracted == ["dong-zhiyong-2025"]
    assert set(DERIVED) <= set(report.seconds) and "mkdocs" in report.seconds
    # and the result is a clean build's
    out = snapshot(root)
    build_corpus(root, site=False, workers=1, cache=False, quiet=True)
    assert snapshot(root) == out


def test_deleted_site_reruns_mkdocs(tmp_path, with_site):
    root = tmp_path / "p"
    shutil.copytree(with_site, root, symlinks=True)
    pages = sorted(str(f.relative_to(root / "site")) for f in (root / "site").rglob("*.html"))
    shutil.rmtree(root / "site")
    report = build_corpus(root, workers=2, quiet=True)
    assert "mkdocs" in report.seconds and (root / "site" / STAMP).is_file()
    assert sorted(str(f.relative_to(root / "site")) for f in (root / "site").rglob("*.html")) == pages


def test_touched_site_or_lost_stamp_reruns_mkdocs(tmp_path, with_site):
    root = tmp_path / "p"
    shutil.copytree(with_site, root, symlinks=True)
    (root / "site" / "index.html").write_text("<p>edited by hand</p>", encoding="utf-8")
    report = build_corpus(root, workers=2, quiet=True)
    assert "mkdocs" in report.seconds and "edited by hand" not in (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "mkdocs" not in build_corpus(root, workers=2, quiet=True).seconds
    (root / "site" / STAMP).unlink()
    assert "mkdocs" in build_corpus(root, workers=2, quiet=True).seconds


def test_no_cache_runs_everything(tmp_path, with_site):
    root = tmp_path / "p"
    shutil.copytree(with_site, root, symlinks=True)
    site_before = site_files(root)
    report = build_corpus(root, workers=2, cache=False, quiet=True)
    assert report.extracted == PAPER_IDS and set(DERIVED) <= set(report.seconds) and "mkdocs" in report.seconds
    assert site_files(root) != site_before  # mkdocs wrote a new site (new files, new times)


def test_edited_or_stray_generated_file_is_rebuilt(tmp_path, clean, cached):
    root = tmp_path / "p"
    shutil.copytree(cached, root)
    page = root / "docs" / "papers" / "cao-liu-zheng-2025.md"
    page.write_text("edited by hand\n", encoding="utf-8")
    report = build_corpus(root, site=False, workers=2, quiet=True)
    assert report.extracted == [] and "render" in report.seconds
    assert snapshot(root) == snapshot(clean)
    assert not set(DERIVED) & set(build_corpus(root, site=False, workers=2, quiet=True).seconds)
    stray = root / "docs" / "papers" / "gone-paper.md"
    stray.write_text("# a paper no longer in the corpus\n", encoding="utf-8")
    assert "render" in build_corpus(root, site=False, workers=2, quiet=True).seconds
    assert not stray.exists() and snapshot(root) == snapshot(clean)
    (root / "corpus" / "ids" / "dong-zhiyong-2025.tsv").unlink()  # a ledger is an output of `write` too
    assert "write" in build_corpus(root, site=False, workers=2, quiet=True).seconds
    assert (root / "corpus" / "ids" / "dong-zhiyong-2025.tsv").is_file()


def test_changed_curated_glossary_reruns_the_derived_stages(tmp_path, cached):
    root = tmp_path / "p"
    shutil.copytree(cached, root)
    cur = root / "corpus" / "glossary.curated.yaml"
    cur.write_bytes(cur.read_bytes() + b"\n# a comment changes the file, not the glossary\n")
    report = build_corpus(root, site=False, workers=2, quiet=True)
    assert report.extracted == [] and set(DERIVED) <= set(report.seconds)
