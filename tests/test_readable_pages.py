"""Pages people can read (issue 11, item 5): claim headings do not repeat the quote, cut text
ends with "…" at a word boundary, quotes in readable contrast."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from policykb.render.paper_page import render_paper

REPO = Path(__file__).resolve().parents[1]
PAPERS = sorted((REPO / "corpus/papers").glob("*.yaml"))


@pytest.mark.parametrize("path", PAPERS, ids=[p.stem for p in PAPERS])
def test_claim_headings_do_not_repeat_their_quote(path):
    paper = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = render_paper(paper)
    for c in paper["claims"]:
        heading = next(line for line in page.splitlines() if line.endswith(f"{{ #{c['id']} }}"))
        start = "".join(c["quote"].split())[:12]
        assert start not in "".join(heading.split()), heading
        assert c["quote"][:20] in html.unescape(page.replace("\\", ""))  # the text is still shown


@pytest.mark.parametrize("path", PAPERS, ids=[p.stem for p in PAPERS])
def test_cut_recommendation_titles_end_with_ellipsis(path):
    paper = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = render_paper(paper)
    for r in paper["recommendations"]:
        if r["title"] or len(" ".join(r["text"].split())) <= 40:
            continue
        heading = next(line for line in page.splitlines() if line.endswith(f"{{ #{r['id']} }}"))
        assert re.search(r"…\s*\{ #", heading), heading


def test_quotes_have_readable_contrast():
    css = (REPO / "docs/stylesheets/pkb-analysis.css").read_text(encoding="utf-8")
    assert re.search(r"\.md-typeset blockquote\s*\{[^}]*color:\s*var\(--md-default-fg-color\)", css)


@pytest.mark.parametrize("path", PAPERS, ids=[p.stem for p in PAPERS])
def test_each_statistic_sentence_is_shown_once_and_sections_are_outline_anchors(path):
    paper = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = render_paper(paper)
    stats_part = page[page.index("{ #statistics }") : page.index("{ #frameworks }")]
    quotes = [s["quote"] for s in paper["statistics"]]
    for q in set(quotes):
        shown = stats_part.count("> " + q[:15]) + stats_part.count("> " + html.escape(q[:15], quote=False))
        assert shown >= 1  # every sentence is on the page
    runs = sum(1 for i, q in enumerate(quotes) if i == 0 or quotes[i - 1] != q)
    assert stats_part.count("same sentence as") == len(quotes) - runs
    for s in paper["sections"]:
        if s.get("kind") != "abstract":
            assert page.count(f'<span id="{s["id"]}"></span>') == 1
    assert "正文结构" not in page


def test_navigation_lists_papers_only_for_a_small_corpus():
    from policykb.render.site import NAV_PAPERS_MAX, render_nav

    paper = yaml.safe_load(PAPERS[0].read_text(encoding="utf-8"))
    few = [dict(paper, id=f"p{i:03d}") for i in range(3)]
    many = [dict(paper, id=f"p{i:03d}") for i in range(NAV_PAPERS_MAX + 1)]
    section = lambda nav: next(e["文献 Papers"] for e in nav["nav"] if "文献 Papers" in e)  # noqa: E731
    assert len(section(render_nav(few))) == 1 + 3
    assert section(render_nav(many)) == ["papers/index.md"]  # the index lists them all


def test_papers_index_says_when_a_paper_prints_no_chinese_title():
    from policykb.render.site import render_papers_index

    papers = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in PAPERS]
    page = render_papers_index(papers)
    for p in papers:
        line = next(x for x in page.splitlines() if f"]({p['id']}.md)" in x)
        assert ("原文未印中文题名" in line) == (not p["meta"]["title"]["zh"] and bool(p["meta"]["title"]["en"]))
