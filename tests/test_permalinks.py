"""Real permalinks: the base URL is set in one place (site_url in mkdocs.yml); with none set no
output carries a made-up domain, permalinks are page paths, and the build says so."""

import re

import pytest

from conftest import copy_project, run_cli

PLACEHOLDER = re.compile(rb"example\.(org|com|net)|policykb\.example")


def _unset(root):
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^site_url:", text, re.M), "the repository's mkdocs.yml sets no made-up site_url"
    return root


def _files_with_placeholder(*dirs):
    hits = []
    for d in dirs:
        for f in sorted(d.rglob("*")) if d.is_dir() else [d]:
            if f.is_file() and PLACEHOLDER.search(f.read_bytes()):
                hits.append(str(f))
    return hits


@pytest.fixture(scope="module")
def pages_only(tmp_path_factory):
    root = _unset(copy_project(tmp_path_factory.mktemp("perma")))
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 0, proc.stderr
    return root, proc.stdout


def test_build_says_the_base_url_is_unset(pages_only):
    root, out = pages_only
    assert "base URL unset" in out and "site_url" in out


def test_no_generated_file_or_export_has_a_placeholder_domain(pages_only):
    root, _ = pages_only
    assert _files_with_placeholder(root / "docs", root / "corpus", root / "mkdocs.nav.yml") == []
    for fmt in ("csv", "json", "bibtex", "csl-json", "ris"):
        proc = run_cli("--root", str(root), "export", "--format", fmt)
        assert proc.returncode == 0, proc.stderr
        assert not PLACEHOLDER.search(proc.stdout.encode()), fmt
    proc = run_cli("--root", str(root), "search", "数据要素", "--json")
    assert '"url": "papers/' in proc.stdout and not PLACEHOLDER.search(proc.stdout.encode())


def test_unset_base_gives_id_and_page_path(pages_only):
    root, _ = pages_only
    proc = run_cli("--root", str(root), "cite", "cao-liu-zheng-2025.r5.1")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith(" papers/cao-liu-zheng-2025/#cao-liu-zheng-2025.r5.1")
    page = (root / "docs" / "papers" / "cao-liu-zheng-2025.md").read_text(encoding="utf-8")
    # on the page the permalink points at the anchor itself (a page path would resolve wrongly)
    assert '<a class="pkb-permalink" href="#cao-liu-zheng-2025.r5.1">papers/cao-liu-zheng-2025/#cao-liu-zheng-2025.r5.1</a>' in page


def test_site_url_is_the_one_place(pages_only, tmp_path):
    root, _ = pages_only
    cfg = root / "mkdocs.yml"
    original = cfg.read_text(encoding="utf-8")
    try:
        cfg.write_text(original + "\nsite_url: https://kb.invalid/policy\n", encoding="utf-8")
        proc = run_cli("--root", str(root), "cite", "cao-liu-zheng-2025.r5.1", "--style", "apa")
        assert proc.stdout.rstrip().endswith(" https://kb.invalid/policy/papers/cao-liu-zheng-2025/#cao-liu-zheng-2025.r5.1")
        out = tmp_path / "p.ris"
        run_cli("--root", str(root), "export", "--format", "ris", "--output", str(out))
        assert "UR  - https://kb.invalid/policy/papers/dong-zhiyong-2025/" in out.read_text(encoding="utf-8")
    finally:
        cfg.write_text(original, encoding="utf-8")


@pytest.mark.slow
def test_built_site_has_no_placeholder_domain(built_project):
    assert _files_with_placeholder(built_project / "site", built_project / "docs") == []
