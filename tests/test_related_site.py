"""The built site (issue 11, items 4 and 6): related lists on paper pages, topic pages, the home
page; every link of these pages resolves, every claim and recommendation is reachable from home."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
PAGE_LIMIT = 200_000


def _ids(page: Path, cache: dict) -> set[str]:
    if page not in cache:
        cache[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
    return cache[page]


def _links(page: Path) -> list[tuple[Path, str]]:
    out = []
    for path, frag in re.findall(r'href="([^"#:?]*)(#[^"]*)?"', page.read_text(encoding="utf-8")):
        if path.startswith("/") or re.search(r"\.(css|js|csv|json|bib|ris|xml|png|svg|ico)$", path) or "assets" in path:
            continue
        target = (page.parent / path).resolve()
        if target.is_dir() or not path:
            target = (target / "index.html") if path else page
        out.append((target, html.unescape(frag[1:]) if frag else ""))
    return out


def test_new_pages_link_only_to_existing_pages_and_anchors(built_project):
    site = built_project / "site"
    pages = [site / "index.html", site / "topics" / "index.html", *sorted(site.glob("topics/*/index.html")),
             *sorted(site.glob("papers/*/index.html"))]
    assert len(pages) > 10
    cache: dict = {}
    bad = []
    for page in pages:
        for target, frag in _links(page):
            if not target.exists():
                bad.append(f"{page.relative_to(site)} -> {target}")
            elif frag and "=" not in frag and frag not in _ids(target, cache):
                bad.append(f"{page.relative_to(site)} -> {target.relative_to(site)}#{frag}")
    assert not bad, bad[:10]


def test_related_topics_and_home_in_the_site(built_project, papers):
    site = built_project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "人工智能核心产业规模" in home and "Recommendations several papers share" in home
    n_related = sum(p.read_text(encoding="utf-8").count('class="pkb-related"') for p in site.glob("papers/*/index.html"))
    assert n_related >= 20
    for page in [site / "index.html", site / "topics" / "index.html", *site.glob("topics/*/index.html")]:
        assert page.stat().st_size < PAGE_LIMIT, page
    # every claim and recommendation within three clicks of home: home -> paper page (item anchor)
    home_links = {t for t, _ in _links(site / "index.html")}
    for pid, p in papers.items():
        page = site / "papers" / pid / "index.html"
        assert page.resolve() in home_links
        ids = _ids(page, {})
        assert all(it["id"] in ids for k in ("claims", "recommendations") for it in p[k])
