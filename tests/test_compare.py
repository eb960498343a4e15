"""Statistics compared across papers (issue 11, item 1): groups, conversions, flags, charts.

The known cases are read from the committed corpus/papers/*.yaml (checked by hand: the size of
China's AI core industry is 5000亿元 (2023-06, 工信部) and 4000亿元 (2025, a 2022 report) in
anon-ai-nqpf-logic-path and 6000亿元 (2024-11) in cao-liu-zheng-2025; the 61.47/28.60/9.93% shares
of application/technology/foundation-layer firms are in both of those papers under two sources).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from policykb.render import compare
from policykb.render.stats_page import render_statistics
from policykb.render.svgchart import bar_chart

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():
    papers = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((REPO / "corpus/papers").glob("*.yaml"))]
    glossary = yaml.safe_load((REPO / "corpus/glossary.yaml").read_text(encoding="utf-8"))["terms"]
    return papers, glossary


def _group_of(groups, item_id):
    return next((g for g in groups if item_id in {e.id for e in g.entries}), None)


def test_ai_core_industry_size_one_group(corpus):
    groups = compare.group_statistics(*corpus)
    g = _group_of(groups, "anon-ai-nqpf-logic-path.s4")
    assert g is not None
    ids = {e.id for e in g.entries}
    assert {"anon-ai-nqpf-logic-path.s4", "anon-ai-nqpf-logic-path.s6", "cao-liu-zheng-2025.s3"} <= ids
    # nothing else in it (the storage-chip market, 5400亿元, is another measure)
    assert "anon-ai-nqpf-logic-path.s3" not in ids and "anon-ai-nqpf-logic-path.s7" not in ids
    assert g.subject == "中国" and g.unit == "亿元"
    assert sorted(compare.fmt(g.display(e)) for e in g.entries) == ["4000", "5000", "6000"]
    # sorted by period; the 2025 forecast below the 2023 and 2024 figures is flagged
    assert [e.stat["period"] for e in g.entries] == ["2023-06", "2024-11", "2025"]
    assert any(f.kind == "trend" and "anon-ai-nqpf-logic-path.s6" in f.items for f in g.flags)


@pytest.mark.parametrize("value,ids", [
    (61.47, ("anon-ai-nqpf-logic-path.s9", "cao-liu-zheng-2025.s9")),
    (28.6, ("anon-ai-nqpf-logic-path.s11", "cao-liu-zheng-2025.s10")),
    (9.93, ("anon-ai-nqpf-logic-path.s13", "cao-liu-zheng-2025.s11")),
], ids=["61.47", "28.60", "9.93"])
def test_shares_cited_twice_with_different_sources(corpus, value, ids):
    groups = compare.group_statistics(*corpus)
    g = _group_of(groups, ids[0])
    assert g is not None and set(ids) <= {e.id for e in g.entries}
    assert {e.stat["value"] for e in g.entries} == {value}
    flag = next(f for f in g.flags if f.kind == "sources")
    assert set(ids) == set(flag.items)


def test_industry_shares_not_merged(corpus):
    """第一/第二/第三产业占比 differ in one numeral: three measures, not one."""
    groups = compare.group_statistics(*corpus)
    for sid in ("cao-liu-zheng-2025.s6", "cao-liu-zheng-2025.s7", "cao-liu-zheng-2025.s8"):
        assert _group_of(groups, sid) is None


def _paper(pid, stats):
    return {"id": pid, "meta": {"title": {"zh": pid, "en": None}}, "statistics": [
        {"id": f"{pid}.s{i + 1}", "value": v, "range_to": None, "unit": u, "indicator": ind, "subject": "中国",
         "period": per, "source": src, "quote": f"{pid} {i} {ind}{v}{u}", "section": "s1", "kind": "value"}
        for i, (v, u, ind, per, src) in enumerate(stats)]}


def test_magnitudes_converted():
    a = _paper("a", [(5000, "亿元", "我国数字经济核心产业规模", "2023", None)])
    b = _paper("b", [(0.6, "万亿元", "数字经济核心产业市场规模", "2023", None)])
    [g] = compare.group_statistics([a, b], [])
    assert g.unit in ("亿元", "万亿元")
    values = sorted(e.base for e in g.entries)
    assert values == [5000e8, 0.6e12]
    assert [f.kind for f in g.flags] == ["disagree"]  # same period, 5000 vs 6000


def test_small_difference_within_precision_not_flagged():
    a = _paper("a", [(6000, "亿元", "云计算产业规模", "2024", None)])
    b = _paper("b", [(0.58, "万亿元", "云计算产业规模", "2024", None)])
    b["statistics"][0]["precision"] = "about"
    [g] = compare.group_statistics([a, b], [])
    assert g.flags == []


def test_round_numbers_from_two_papers_are_not_the_same_figure():
    a = _paper("a", [(40, "%", "专利数占全球比重", "2022", "甲")])
    b = _paper("b", [(40, "%", "芯片模组降价幅度", "2022", "乙")])
    assert compare.group_statistics([a, b], []) == []


@pytest.mark.parametrize("unit,expected", [
    ("亿元", (1e8, "元", "元")), ("万亿元", (1e12, "元", "元")), ("万台", (1e4, "台", "台")),
    ("%", (1, "%", "percent")), ("千瓦", (1, "千瓦", "千瓦")), (None, (1, "", "")),
])
def test_parse_unit(unit, expected):
    assert compare.parse_unit(unit) == expected


def test_page_escapes_paper_text_and_is_deterministic():
    evil = '<script>alert("x")</script>&"规模'
    a = _paper("a", [(1, "亿元", "人工智能算力规模" + evil, "2021", evil), (2, "亿元", "人工智能算力规模" + evil, "2022", None)])
    b = _paper("b", [(3, "亿元", "人工智能算力规模" + evil, "2023", None)])
    page = render_statistics([a, b], [])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'alert("x")' not in page
    assert "<svg" in page  # three comparable values: a chart
    assert page == render_statistics([copy.deepcopy(b), copy.deepcopy(a)], [])


def test_chart_labels_escaped():
    svg = bar_chart([{"label": '<b>"x"</b>', "value": 1, "value_to": None, "value_text": "1<", "href": 'a"b'}], "亿元", "<t>")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and 'href="a&quot;b"' in svg and "<title>&lt;t&gt;</title>" in svg


def test_unitless_table_count_joins_counts_and_same_year_disagreement(corpus):
    """A table cell (AI企业数 5734, 2023) is a count like 超过4400家 (2023-06): same year, 30% apart."""
    groups = compare.group_statistics(*corpus)
    g = _group_of(groups, "cao-liu-zheng-2025.s28")
    assert g is not None and "anon-ai-nqpf-logic-path.s5" in {e.id for e in g.entries}
    assert "cao-liu-zheng-2025.s29" not in {e.id for e in g.entries}  # the United States: another subject
    assert [f.kind for f in g.flags] == ["disagree"]


def test_measure_word_unified_only_at_the_end():
    assert compare.normalise_indicator("数据企业个数") == compare.normalise_indicator("数据企业数量")
    assert "数据" in compare.normalise_indicator("数据企业数量")


def test_groups_from_the_same_passages_link_each_other(corpus):
    page = render_statistics(*corpus)
    lines = [ln for ln in page.splitlines() if "cited in the same passages" in ln]
    assert len(lines) == 3  # the 61.47 / 28.60 / 9.93 shares: one passage in each of two papers
    assert all(ln.count("](#cmp-") == 2 for ln in lines)
