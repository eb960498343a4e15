"""The built site's search page in headless Chromium: the whole query set, compared with
`policykb search` (one index, one query pipeline), recall floors per group, and each filter."""

from __future__ import annotations

import pytest

import search_eval
from browser import browser, needs_browser, serve
from site_search_eval import evaluate, site_results

pytestmark = [pytest.mark.slow, needs_browser]


def test_a_query_no_item_answers_in_full_finds_the_passages(built_project, tmp_path):
    """鲍莫尔成本病: one item says it; two papers discuss it — their paragraphs come after the item,
    each landing on its section."""
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        got = site_results(driver, base, "鲍莫尔成本病")
        kinds = driver.execute_script("return [...document.querySelectorAll('#pkb-search-results .pkb-hit__kind')].map(e => e.textContent)")
        links = driver.execute_script("return [...document.querySelectorAll('#pkb-search-results a.pkb-hit__link')].map(a => a.href)")
    assert kinds[0] != "段落 Passage" and "段落 Passage" in kinds
    assert kinds == sorted(kinds, key=lambda k: k == "段落 Passage")  # items first
    papers = {h.split("/papers/")[1].split("/")[0] for h, k in zip(links, kinds) if k == "段落 Passage"}
    assert {"zhang-lei-intelligent-revolution", "cao-liu-zheng-2025"} <= papers, links
    assert all("#s" in h or "#abstract" in h for h, k in zip(links, kinds) if k == "段落 Passage")
    assert len(got["ids"]) == len(kinds)


def test_query_set_on_the_site_agrees_with_the_command_line(built_project):
    res = evaluate(built_project)
    recall, mrr, overlap, n = res["all"]
    assert n >= 40
    assert overlap >= 0.9, res  # top 10 of the site against the command line's, per query on average
    cli = search_eval.evaluate(built_project)["summary"]
    for group, floor in (("zh", 0.85), ("en", 0.8), ("zh-hant", 0.9), ("typo", 0.8)):
        assert res[group][0] >= floor, (group, res[group])
        assert res[group][0] >= cli[group][0] - 0.02, (group, res[group], cli[group])


@pytest.mark.parametrize(
    "query, filters",
    [
        ("算力", {"kind": "statistic"}),
        ("人才", {"paper": "dong-zhiyong-2025"}),
        ("建设", {"actor": "高校"}),
        ("数据", {"topic": "数据要素"}),
        ("computing power", {"kind": "recommendation", "actor": "政府"}),
        ("鲍莫尔成本病", {"kind": "passage"}),
    ],
    ids=["kind", "paper", "actor", "topic", "kind+actor", "passages"],
)
def test_each_filter_narrows_as_the_command_line_does(built_project, tmp_path, query, filters):
    from policykb.search.engine import SearchIndex, search_with_passages

    index, passages = SearchIndex.load(built_project), SearchIndex.load(built_project, passages=True)
    hits, _ = search_with_passages(index, passages, query, limit=20, **filters)
    expect = [h.item["id"] for h in hits]
    assert expect
    for h in hits:  # what the filter means, checked on the items (and passages) themselves
        row = h.item
        assert all(row[k] == v if k in ("kind", "paper") else v in row[k + "s"] for k, v in filters.items()), (h.item["id"], filters)
    unfiltered, _ = search_with_passages(index, passages, query, limit=20)
    assert [h.item["id"] for h in unfiltered] != expect  # the filter changes something
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        got = site_results(driver, base, query, limit=20, **filters)
        assert got["ids"] == expect, got
        # the form shows the filter as chosen (the address presets it)
        for k, v in filters.items():
            assert driver.execute_script(f"return document.querySelector('#pkb-search-form [name={k}]').value") == v
