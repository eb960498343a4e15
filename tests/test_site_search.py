"""The built site's search page in headless Chromium: the whole query set, compared with
`policykb search` (one index, one query pipeline), recall floors per group, and each filter."""

from __future__ import annotations

import pytest

import search_eval
from browser import browser, needs_browser, serve
from site_search_eval import evaluate, site_results

pytestmark = [pytest.mark.slow, needs_browser]


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
    ],
    ids=["kind", "paper", "actor", "topic", "kind+actor"],
)
def test_each_filter_narrows_as_the_command_line_does(built_project, tmp_path, query, filters):
    from policykb.search.engine import SearchIndex

    index = SearchIndex.load(built_project)
    hits, _ = index.search(query, limit=20, **filters)
    expect = [h.item["id"] for h in hits]
    assert expect
    for h in hits:  # what the filter means, checked on the items themselves
        it = index.store.rows([i for i, row in index.store.rows(range(index.store.n), ("id",)).items() if row["id"] == h.item["id"]])
        row = next(iter(it.values()))
        assert all(row[k] == v if k in ("kind", "paper") else v in row[k + "s"] for k, v in filters.items()), (h.item["id"], filters)
    unfiltered, _ = index.search(query, limit=20)
    assert [h.item["id"] for h in unfiltered] != expect  # the filter changes something
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        got = site_results(driver, base, query, limit=20, **filters)
        assert got["ids"] == expect, got
        # the form shows the filter as chosen (the address presets it)
        for k, v in filters.items():
            assert driver.execute_script(f"return document.querySelector('#pkb-search-form [name={k}]').value") == v
