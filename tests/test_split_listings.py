"""Listings split into parts (issue 12 item 4, issue 11 item 5): at 500 papers no generated page
passes 1 MB of HTML, no link between the pages dangles, every item is listed within two clicks of
home (three to its anchor), and a small corpus keeps its single pages.

Pure and fast: the pages are rendered from paper records (tests/synthetic_records.py: the corpus
papers' records copied under new ids), no extraction and no mkdocs. The HTML of a page is bounded
from its Markdown by the ratio measured on a built 50-paper synthetic project (`policykb build`,
then every docs/*.md against its site/…/index.html): HTML ≤ 1.75 × Markdown + 25 KB, the worst
being the topic pages (1.70 after the 18–25 KB of theme and navigation every page carries;
claims 1.17, statistics and recommendations ≈ 1.1).
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from html.parser import HTMLParser

import pytest

from synthetic_records import corpus_records, synthetic_records
from policykb.extract.topics import topic_names
from policykb.render import actors_page, frameworks_page, glossary_page, listings, parts, stats_page
from policykb.render.compare import group_statistics
from policykb.render.home_page import render_home
from policykb.render.site import render_papers_index
from policykb.render.topics_page import render_topic_matrix, render_topic_pages

HTML_PER_MD = 1.75
CHROME = 25_000
PAGE_LIMIT = 1_000_000  # bytes of HTML
MD_LIMIT = int((PAGE_LIMIT - CHROME) / HTML_PER_MD)  # 557,142 bytes of Markdown
KINDS = ("claims", "recommendations", "statistics", "frameworks")


def site_pages(papers: list[dict], glossary: list[dict]) -> dict[str, str]:
    """{file under docs/: Markdown} of every generated page but the paper pages, wired as
    render_site wires them (related items left out of the home page: they are few and capped)."""
    papers = sorted(papers, key=lambda p: p["id"])  # as render_site does
    topics = topic_names()
    groups = group_statistics(papers, glossary)
    gloss, term_page = glossary_page.glossary_pages(glossary, papers)
    stats, group_page = stats_page.statistics_site(papers, glossary, groups)
    recs = actors_page.render_recommendations_pages(papers)
    actor_href = (lambda a: f"recommendations/#{actors_page.actor_anchor(a)}") if len(recs) > 1 else None
    group_page = {k: v for k, v in group_page.items() if v != "statistics.md"}
    split_terms = {k: v for k, v in term_page.items() if v != "glossary.md"}
    pages = {"index.md": render_home(papers, glossary, topics, {}, groups, split_terms, group_page, actor_href),
             "papers/index.md": render_papers_index(papers),
             "actors.md": actors_page.render_actor_matrix(papers, topics),
             "topics.md": render_topic_matrix(papers, topics),
             **gloss, **stats, **recs, **listings.render_claims_pages(papers),
             **frameworks_page.render_frameworks_pages(papers)}
    pages.update({f"topics/{k}": v for k, v in render_topic_pages(papers, topics).items()})
    return pages


@lru_cache(maxsize=None)
def at(n: int):
    papers, glossary = synthetic_records(n)
    return papers, glossary, site_pages(papers, glossary)


LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")
ANCHOR = re.compile(r"\{ #([^ }]+) \}|id=\"([^\"]+)\"")


def _url_dir(page: str) -> str:
    """The directory URL a page is served at (MkDocs' directory URLs), relative to the site."""
    if page == "index.md":
        return ""
    return page[:-3].removesuffix("/index") + "/"


def links(page: str, text: str):
    """(target page under docs/, anchor) of every internal link of a page."""
    for md, raw in LINK.findall(text):
        target = md or raw
        if target.startswith(("http:", "https:", "mailto:", "#")) or "downloads/" in target:
            continue
        path, _, frag = target.partition("#")
        if md:  # a Markdown link: a .md file relative to the page's file
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        else:  # raw HTML: a URL relative to the page's directory URL
            url = posixpath.normpath(posixpath.join(_url_dir(page), path)) if path else _url_dir(page).rstrip("/")
            resolved = "index.md" if url in ("", ".") else url + ".md"
        yield resolved, frag


def test_no_page_over_1mb_of_html_at_500_papers():
    _, _, pages = at(500)
    sizes = {name: len(text.encode("utf-8")) for name, text in pages.items()}
    big = {n: s for n, s in sizes.items() if s >= MD_LIMIT}
    assert not big, f"pages past {MD_LIMIT} bytes of Markdown (1 MB of HTML): {big}"
    # the listings did split: an index and parts for each (the glossary by letter)
    for kind in KINDS:
        assert f"{kind}/1.md" in pages and f"{kind}/2.md" in pages, kind
        assert sizes[f"{kind}.md"] < 200_000, kind
    assert "glossary/s.md" in pages
    # a part holds at most the byte budget of papers' blocks, plus its head and part navigation
    listing = {n: s for n, s in sizes.items() if n.split("/")[0].removesuffix(".md") in (*KINDS, "glossary")}
    largest = max(listing, key=listing.get)
    assert listing[largest] <= parts.PART_BUDGET + 10_000, (largest, listing[largest])


def test_no_dangling_link_at_500_papers():
    papers, _, pages = at(500)
    items = {p["id"]: {it["id"] for k in KINDS for it in p[k]} for p in papers}
    anchors = {name: {a or b for a, b in ANCHOR.findall(text)} for name, text in pages.items()}
    bad = []
    for name, text in pages.items():
        for target, frag in links(name, text):
            if target.startswith("papers/") and target != "papers/index.md":
                pid = target[len("papers/"):-3]
                ok = pid in items and (not frag or frag in items[pid])
            elif target.startswith(("javascripts/", "stylesheets/")):
                ok = True
            else:
                ok = target in pages and (not frag or "=" in frag or frag in anchors[target])
            if not ok:
                bad.append((name, target, frag))
    assert not bad, bad[:20]


def test_every_item_listed_within_two_clicks_of_home():
    """home → a listing's index → its part lists the item (a third click opens its anchor)."""
    papers, _, pages = at(500)
    seen, frontier = {"index.md"}, ["index.md"]
    linked: set[str] = set()
    for _ in range(3):  # the pages at 0, 1 and 2 clicks
        nxt = []
        for name in frontier:
            for target, frag in links(name, pages[name]):
                if target.startswith("papers/") and frag:
                    linked.add(frag)
                if target in pages and target not in seen:
                    seen.add(target)
                    nxt.append(target)
        frontier = nxt
    missing = [it["id"] for p in papers for k in KINDS for it in p[k] if it["id"] not in linked]
    assert not missing, f"{len(missing)} items not listed within two clicks of home, e.g. {missing[:5]}"


def test_small_corpus_keeps_single_pages():
    papers, glossary = corpus_records()
    groups = group_statistics(papers, glossary)
    assert listings.render_claims_pages(papers) == {"claims.md": listings.render_claims(papers)}
    assert actors_page.render_recommendations_pages(papers) == {
        "recommendations.md": actors_page.render_recommendations(papers)}
    assert frameworks_page.render_frameworks_pages(papers) == {
        "frameworks.md": frameworks_page.render_frameworks(papers)}
    assert stats_page.render_statistics_pages(papers, glossary, groups) == {
        "statistics.md": stats_page.render_statistics(papers, glossary, groups)}
    pages, term_page = glossary_page.glossary_pages(glossary, papers)
    assert pages == {"glossary.md": glossary_page.render_glossary(glossary, papers)}
    assert set(term_page.values()) == {"glossary.md"}


def test_parts_are_stable_and_deterministic():
    papers, glossary, pages = at(500)
    # 25 papers a part in id order (the synthetic papers stay under the byte budget)
    assert "anon-ai-nqpf-logic-path-x025" in pages["claims/2.md"]
    assert "anon-ai-nqpf-logic-path-x024" not in pages["claims/2.md"].replace("anon-ai-nqpf-logic-path-x024 …", "")
    papers, glossary, pages = at(60)  # the input's order does not matter
    assert site_pages(list(reversed(papers)), glossary) == pages


EVIL = '<script>alert(1)</script><img src=x onerror="a()">[x](javascript:a) {: onclick="a()" } $x$'


def test_split_pages_keep_strings_escaped():
    """Paper text in the indexes and parts is shown, never run: converted with mkdocs.yml's
    Markdown extensions, no tag, attribute or link of the payload appears."""
    from test_render_escaping import _md

    papers, glossary = synthetic_records(60)
    for p in papers:
        p["meta"]["title"]["zh"] = EVIL
        for kind in KINDS:
            for it in p[kind]:
                for field in ("text", "title", "name", "indicator", "source"):
                    if it.get(field):
                        it[field] = EVIL + it[field]
        for r in p["recommendations"]:
            r["actors"] = [EVIL]
    pages = site_pages(papers, glossary)
    checked = [n for n in pages if n.split("/")[0].removesuffix(".md") in (*KINDS, "actors", "glossary")
               and (n.endswith("/1.md") or "/" not in n)]
    assert {"claims/1.md", "recommendations/1.md", "statistics/1.md", "frameworks/1.md"} <= set(checked)
    for name in checked:
        tags = _Tags()
        tags.feed(_md().convert(pages[name].split("---\n", 2)[-1]))
        bad = [(t, a) for t, a in tags.found
               if t == "img" or (t == "script" and not (a.get("src") or "").endswith("mermaid.min.js"))
               or any(k.startswith("on") for k in a) or (a.get("href") or "").startswith("javascript:")]
        assert not bad, (name, bad[:3])


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize("budget,most,sizes,expected", [
    (10, 3, [4, 4, 4, 4], [[0, 1], [2, 3]]),
    (100, 2, [1, 1, 1], [[0, 1], [2]]),
    (5, 9, [9, 1], [[0], [1]]),
])
def test_pack(budget, most, sizes, expected):
    assert parts.pack(sizes, budget, most) == expected
