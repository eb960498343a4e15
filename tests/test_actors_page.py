"""Recommendations by actor and theme (issue 11, item 3): the filterable list and the matrix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from policykb.extract.topics import topic_names
from policykb.render import actors_page as ap
from policykb.render.textfit import truncate

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def papers():
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((REPO / "corpus/papers").glob("*.yaml"))]


def test_every_recommendation_listed_once_with_filter_data(papers):
    page = ap.render_recommendations(papers)
    items = re.findall(r'<li[^>]* data-actor="([^"]*)" data-topic="([^"]*)" data-paper="([^"]*)"', page)
    assert len(items) == sum(len(p["recommendations"]) for p in papers)
    assert all(a and t and p for a, t, p in items)  # no-actor items carry 未注明 so they can be selected
    assert 'class="pkb-filterable" data-filters="actor,topic,paper"' in page


def test_matrix_counts_match_items(papers):
    actors, topics, cells = ap.matrix(papers, topic_names())
    for (a, t), items in cells.items():
        for p, r in items:
            assert a in ap._actors(r) and t in ap._topics(r)
    total = sum(len(ap._actors(r)) * len(ap._topics(r)) for p in papers for r in p["recommendations"])
    assert sum(len(v) for v in cells.values()) == total
    page = ap.render_actor_matrix(papers, topic_names())
    for (a, t), items in cells.items():
        i, j = actors.index(a), topics.index(t)
        assert f'<a href="#m-{i}-{j}"' in page and f'id="m-{i}-{j}"' in page
    assert "pkb-converge" in page and "pkb-single" in page


def _paper(pid, recs):
    return {"id": pid, "meta": {"title": {"zh": pid, "en": None}}, "recommendations": [
        {"id": f"{pid}.r{i + 1}", "title": None, "text": text, "quote": text, "section": "s1", "level": 1,
         "parent": None, "actors": actors, "topics": topics} for i, (text, actors, topics) in enumerate(recs)]}


def test_escaped_everywhere():
    evil = '<img src=x onerror=alert(1)>"&'
    papers = [_paper("a", [(evil + "建议", [evil], [evil])])]
    for page in (ap.render_recommendations(papers), ap.render_actor_matrix(papers, [evil])):
        assert "<img" not in page and "&lt;img" in page
        assert 'data-actor="&lt;img src=x onerror=alert(1)&gt;&quot;&amp;"' in page or "data-actor" not in page


def test_converge_vs_single():
    papers = [_paper("a", [("甲", ["政府"], ["数据要素"])]), _paper("b", [("乙", ["政府"], ["数据要素"]), ("丙", ["企业"], ["数据要素"])]),
              _paper("c", [("丁", ["政府"], ["数据要素"])])]
    page = ap.render_actor_matrix(papers, ["数据要素"])
    conv = page.split("## 观点汇聚")[1].split("## 仅一篇")[0]
    single = page.split("## 仅一篇")[1].split("## 各格")[0]
    assert "政府 × 数据要素" in conv and "企业" not in conv
    assert "企业 × 数据要素" in single


@pytest.mark.parametrize("text,limit,expected", [
    ("短句", 10, "短句"),
    ("加快建设全国一体化算力网络，推动算力资源高效配置与共享", 20, "加快建设全国一体化算力网络，…"),
    ("Reinforcement Learning with Human Feedback", 20, "Reinforcement…"),
])
def test_truncate_at_word_boundary(text, limit, expected):
    out = truncate(text, limit)
    assert out == expected and len(out) <= limit


def test_truncate_never_splits_a_chinese_word():
    text = "人工智能核心技术攻关布局" * 3
    out = truncate(text, 15)
    assert out.endswith("…") and len(out) <= 15
    import jieba

    words = list(jieba.cut(text))
    bounds = {sum(len(w) for w in words[:k]) for k in range(len(words) + 1)}
    assert len(out) - 1 in bounds
