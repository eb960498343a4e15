"""The home page (issue 11, item 6) and the topic × paper matrix with one page per topic (item 4)."""

from __future__ import annotations

import copy
import random
import re
from pathlib import Path

import pytest
import yaml

from policykb.extract.topics import topic_names
from policykb.render.compare import group_statistics
from policykb.render.home_page import render_home
from policykb.render.related import related_index
from policykb.render.topics_page import render_topic_matrix, render_topic_pages, topic_items, topic_slug

REPO = Path(__file__).resolve().parents[1]
HOSTILE = '<script>alert(1)</script>*x*[y](javascript:z)'


@pytest.fixture(scope="module")
def corpus():
    papers = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((REPO / "corpus/papers").glob("*.yaml"))]
    glossary = yaml.safe_load((REPO / "corpus/glossary.yaml").read_text(encoding="utf-8"))["terms"]
    return papers, glossary


def _home(papers, glossary):
    return render_home(papers, glossary, topic_names(), related_index(papers, glossary), group_statistics(papers, glossary))


def test_home_answers_what_is_in_here(corpus):
    papers, glossary = corpus
    page = _home(papers, glossary)
    counts = re.search(r"\| 文献 papers \|.*\n\|[-|]+\n\| (.*) \|", page).group(1).split(" | ")
    assert counts[:5] == [str(len(papers))] + [str(sum(len(p[k]) for p in papers))
                                                 for k in ("claims", "recommendations", "statistics", "frameworks")]
    assert counts[6] == str(len(glossary))
    # most-cited indicator: China's AI core industry, three figures from two papers, flagged
    line = next(l for l in page.splitlines() if "人工智能核心产业规模" in l)
    assert "2 篇文献，3 个数值" in line and "5000亿元" in line and "6000亿元" in line and "4000亿元" in line and "⚠" in line
    # recommendations several papers share, from the related index
    shared = page.split("Recommendations several papers share")[1].split("###")[0]
    assert shared.count("\n- ") >= 3 and "相近" in shared
    # ways in: every paper, every topic page, actors preset on the recommendations page, statistics, terms
    for p in papers:
        assert f"(papers/{p['id']}.md)" in page
    for t in topic_names():
        assert f"(topics/{topic_slug(t)}.md)" in page
    assert 'href="recommendations/#actor=' in page
    assert "(statistics.md#comparison)" in page and "(glossary.md#" in page


def test_home_and_topics_are_deterministic(corpus):
    papers, glossary = corpus
    shuffled = papers[:]
    random.Random(5).shuffle(shuffled)
    assert _home(papers, glossary) == _home(shuffled, glossary)
    assert render_topic_matrix(papers, topic_names()) == render_topic_matrix(shuffled, topic_names())
    assert render_topic_pages(papers, topic_names()) == render_topic_pages(shuffled, topic_names())


def test_topic_matrix_counts_and_links(corpus):
    papers, _ = corpus
    topics = topic_names()
    page = render_topic_matrix(papers, topics)
    items = topic_items(papers, topics)
    for t in topics:
        for p in papers:
            nr = sum(1 for r in p["recommendations"] if t in (r.get("topics") or []))
            nc = sum(1 for c in p["claims"] if t in (c.get("topics") or []))
            cell = f'<a href="{topic_slug(t)}/#{p["id"]}">{nr} / {nc}</a>'
            assert (cell in page) == bool(nr or nc), (t, p["id"])
    pages = render_topic_pages(papers, topics)
    assert len(pages) == len(topics)
    for t in topics:
        body = pages[f"{topic_slug(t)}.md"]
        n = sum(len(c["recommendations"]) + len(c["claims"]) for c in items[t].values())
        assert len(re.findall(r"^- ", body, re.M)) == n
        for pid in items[t]:
            assert f"{{ #{pid} }}" in body


def test_paper_text_is_escaped_on_home_and_topic_pages(corpus):
    papers, glossary = corpus
    papers = copy.deepcopy(papers)
    p = papers[0]
    p["meta"]["title"]["zh"] = HOSTILE
    p["recommendations"][0]["title"] = HOSTILE + "数据要素"
    p["recommendations"][0]["topics"] = [topic_names()[0]]
    for q in papers[:2]:
        q["frameworks"][0]["components"].append({"name": "<b>共有</b>", "description": None})
    out = _home(papers, glossary) + render_topic_matrix(papers, topic_names())
    out += "".join(render_topic_pages(papers, topic_names()).values())
    assert "<script>" not in out and "<b>共有</b>" not in out
    text = re.sub(r'title="[^"<>]*"', "", out)  # attribute values are HTML-escaped, never Markdown
    assert not re.search(r"(?<!\\)\]\(javascript", text)  # "\](" is a literal bracket in Markdown, not a link
    assert "&lt;script&gt;" in out


def test_topic_pages_split_at_scale(corpus, monkeypatch):
    from policykb.render import topics_page

    papers, _ = corpus
    monkeypatch.setattr(topics_page, "PAPERS_PER_PAGE", 2)
    topics = topic_names()
    pages = render_topic_pages(papers, topics)
    matrix = render_topic_matrix(papers, topics)
    items = topic_items(papers, topics)
    for t in topics:
        parts = topics_page.topic_parts(items[t], t)
        assert [len(pids) for _, pids in parts][:-1] == [2] * (len(parts) - 1)
        for name, pids in parts:
            assert name in pages
            for pid in pids:
                assert f'href="{name[:-3]}/#{pid}"' in matrix and f"{{ #{pid} }}" in pages[name]
