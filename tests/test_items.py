"""Items over the whole corpus: grounded quotes, unique ids, and ids stable across rebuilds."""

import copy

import pytest

from conftest import PAPER_IDS, REPO
from policykb.extract import ITEM_KINDS
from policykb.grounding import is_grounded
from policykb.ids import assign_ids


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_every_quote_is_grounded(papers, pid):
    raw = (REPO / "corpus" / "raw" / f"{pid}.txt").read_text(encoding="utf-8")
    bad = [it["id"] for k in ITEM_KINDS for it in papers[pid][k] if not is_grounded(it["quote"], raw)]
    assert bad == []


def test_ids_are_unique_and_prefixed(papers):
    ids = [it["id"] for p in papers.values() for k in ITEM_KINDS for it in p[k]]
    assert len(ids) == len(set(ids)) > 300
    for pid, p in papers.items():
        assert all(it["id"].startswith(pid + ".") for k in ITEM_KINDS for it in p[k])


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_each_paper_has_every_kind(papers, pid):
    for k in ITEM_KINDS:
        assert papers[pid][k], f"{pid} has no {k}"


def test_recommendation_hierarchy(papers):
    recs = papers["zhang-lei-intelligent-revolution"]["recommendations"]
    r1 = next(r for r in recs if r["level"] == 1)
    assert r1["id"] == "zhang-lei-intelligent-revolution.r1"
    kids = [r for r in recs if r["parent"] == r1["id"]]
    assert [k["id"].rsplit(".", 2)[-2:] for k in kids] == [["r1", str(i)] for i in range(1, 6)]
    assert kids[0]["title"] == "建立国家统一的数字管理战略和体制"


def test_table_cells_are_statistics(papers):
    cells = [s for s in papers["cao-liu-zheng-2025"]["statistics"] if s.get("table") == "表2"]
    assert len(cells) == 18
    enterprises = [s for s in cells if s["indicator"] == "AI企业数"]
    assert {(s["entity"], s["value"]) for s in enterprises} == {("中国", 5734.0), ("美国", 12925.0)}
    assert all(s["period"] == "2023" for s in enterprises)
    assert "《2024年人工智能指数报告》" in enterprises[0]["source"]


def test_claims_link_statistics_as_evidence(papers):
    p = papers["anon-ai-nqpf-logic-path"]
    stat_ids = {s["id"] for s in p["statistics"]}
    linked = [c for c in p["claims"] if c["evidence"]]
    assert linked and all(set(c["evidence"]) <= stat_ids for c in linked)


def test_evidence_of_a_paragraph_with_many_statistics_is_the_nearest():
    from policykb import rules
    from policykb.extract import link_evidence

    limit = rules.load("claims.yaml")["max_evidence"]
    # one paragraph (line 7) quoting 3 * limit statistics, 10 characters apart; one without a span
    stats = [{"id": f"p.s{i}", "_line": 7, "span": {"line": 7, "start": 10 * i, "end": 10 * i + 5}} for i in range(3 * limit)]
    stats.append({"id": "p.sx", "_line": 7, "span": None})
    few = [{"id": "p.s900", "_line": 9, "span": {"line": 9, "start": 5000, "end": 5004}}]
    claims = [
        {"id": "p.c1", "_line": 7, "span": {"line": 7, "start": 10 * limit + 3, "end": 10 * limit + 40}},
        {"id": "p.c2", "_line": 7, "span": {"line": 7, "start": 0, "end": 30}},
        {"id": "p.c3", "_line": 7, "span": None},
        {"id": "p.c4", "_line": 9, "span": {"line": 9, "start": 4000, "end": 4030}},
    ]
    items = {"claims": claims, "statistics": stats + few, "frameworks": [], "recommendations": []}
    link_evidence(items)
    half = limit // 2
    # nearest the claim's start (ties: the earlier), listed in the paragraph's order
    assert claims[0]["evidence"] == [f"p.s{i}" for i in range(limit - half + 1, 2 * limit - half + 1)]
    assert claims[1]["evidence"] == [f"p.s{i}" for i in range(limit)]
    assert claims[2]["evidence"] == [f"p.s{i}" for i in range(limit)]  # no span: the first ones
    assert claims[3]["evidence"] == ["p.s900"]  # a paragraph with few statistics: all of them
    assert all("_line" not in it for it in claims + stats)


def _stat(value, quote):
    return {"id": None, "value": value, "quote": quote}


def test_ids_survive_a_rebuild_with_changed_rules():
    first = {"statistics": [_stat(1, "甲增长1%。"), _stat(2, "乙增长2%。"), _stat(3, "丙增长3%。")]}
    for k in ("claims", "frameworks", "recommendations"):
        first[k] = []
    prev = assign_ids(copy.deepcopy(first), "p", {})
    assert [s["id"] for s in prev["statistics"]] == ["p.s1", "p.s2", "p.s3"]
    # a rule change finds a new figure before the others and loses 乙
    second = {"statistics": [_stat(9, "新增9%。"), _stat(1, "甲增长1%。"), _stat(3, "丙增长3%。")]}
    for k in ("claims", "frameworks", "recommendations"):
        second[k] = []
    out = assign_ids(second, "p", prev)
    assert [s["id"] for s in out["statistics"]] == ["p.s4", "p.s1", "p.s3"]
    assert [r["id"] for r in out["retired_ids"]] == ["p.s2"]
    # 乙 comes back: its retired id is not reused for anything else, a new one is given
    third = {"statistics": [_stat(5, "戊增长5%。")] + out["statistics"]}
    for k in ("claims", "frameworks", "recommendations"):
        third[k] = []
    again = assign_ids(copy.deepcopy(third), "p", out)
    assert again["statistics"][0]["id"] == "p.s5"


def test_recommendation_sub_ids_survive(papers):
    prev = copy.deepcopy(papers["zhang-lei-intelligent-revolution"])
    from policykb.pipeline import extract_paper

    again = extract_paper(REPO / "corpus" / "raw" / "zhang-lei-intelligent-revolution.txt",
                          paper_id="zhang-lei-intelligent-revolution", previous=prev).paper
    assert [r["id"] for r in again["recommendations"]] == [r["id"] for r in prev["recommendations"]]
