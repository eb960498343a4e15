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
