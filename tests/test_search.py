"""`policykb search`: ranking quality on the query set, filters, JSON, errors."""

import json

import pytest

import search_eval
from conftest import run_cli


def test_query_set_quality(built_project):
    s = search_eval.evaluate(built_project)["summary"]
    recall, mrr, n = s["all"]
    assert n >= 30
    assert recall >= 0.80 and mrr >= 0.80, s
    for group in ("zh", "en", "zh-hant", "typo"):
        assert s[group][0] >= 0.6, (group, s[group])


def search(root, *args):
    return run_cli("--root", str(root), "search", *args)


def test_json_output(built_project):
    proc = search(built_project, "数据要素", "--json", "--limit", "5")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert len(hits) == 5
    assert set(hits[0]) == {"id", "kind", "paper", "text", "score", "url"}
    assert hits[0]["url"].startswith("papers/") and "#" in hits[0]["url"]  # no site_url set: page path
    assert all("数据要素" in h["text"] for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


@pytest.mark.parametrize(
    "args, check",
    [
        (["算力", "--kind", "statistic"], lambda h: h["kind"] == "statistic"),
        (["人才", "--paper", "dong-zhiyong-2025"], lambda h: h["paper"] == "dong-zhiyong-2025"),
        (["建设", "--actor", "高校"], lambda h: True),
        (["数据", "--topic", "数据要素"], lambda h: True),
    ],
    ids=["kind", "paper", "actor", "topic"],
)
def test_filters(built_project, args, check):
    proc = search(built_project, *args, "--json")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert hits and all(check(h) for h in hits)


def test_english_traditional_and_typo_queries(built_project):
    for q in ("computing power", "算力", "數據要素", "数据要数"):
        proc = search(built_project, q, "--json", "--limit", "3")
        assert proc.returncode == 0
        assert json.loads(proc.stdout), q
    out = search(built_project, "computing power", "--limit", "1").stdout
    assert "(query: computing power → 算力)" in out
    assert "【算力】" in out


def test_passages_come_after_items(built_project):
    """A query few items answer finds the papers' paragraphs that mention it, after the items."""
    hits = json.loads(search(built_project, "鲍莫尔成本病", "--json").stdout)
    kinds = [h["kind"] for h in hits]
    assert kinds[0] != "passage" and "passage" in kinds
    assert kinds == sorted(kinds, key=lambda k: k == "passage")
    assert {h["paper"] for h in hits if h["kind"] == "passage"} >= {"zhang-lei-intelligent-revolution", "cao-liu-zheng-2025"}
    assert all(h["url"].startswith(f"papers/{h['paper']}/#") for h in hits)
    only = json.loads(search(built_project, "鲍莫尔成本病", "--kind", "passage", "--json").stdout)
    assert only and all(h["kind"] == "passage" for h in only)
    assert json.loads(search(built_project, "鲍莫尔成本病", "--actor", "政府", "--json").stdout) == []  # passages have no actors


@pytest.mark.parametrize(
    "args, message",
    [
        (["  "], "empty query"),
        (["数据", "--kind", "poem"], "unknown kind 'poem'"),
        (["数据", "--paper", "nobody-2099"], "unknown paper 'nobody-2099'"),
        (["数据", "--limit", "0"], "--limit must be at least 1"),
    ],
)
def test_errors(built_project, args, message):
    proc = search(built_project, *args)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("policykb: error: ") and message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_index_is_a_clear_error(tmp_path):
    proc = run_cli("--root", str(tmp_path), "search", "数据")
    assert proc.returncode == 1 and "run `policykb build` first" in proc.stderr


def test_a_corrected_item_says_so_in_search_results():
    """A human correction is never passed off as extracted: the search text carries the mark."""
    import glob

    import yaml as _yaml

    from policykb.search.index import build_index

    papers = [_yaml.safe_load(open(f, encoding="utf-8")) for f in sorted(glob.glob(str(__import__("conftest").REPO / "corpus" / "papers" / "*.yaml")))]
    index = build_index(papers, [], "")
    curated = {it["id"] for p in papers for k in ("statistics", "claims", "recommendations", "frameworks") for it in p[k] if isinstance(it.get("curated"), dict)}
    assert curated
    for it in index["items"]:
        assert ("已校订 corrected" in it["text"] or "人工补充" in it["text"]) == (it["id"] in curated)
