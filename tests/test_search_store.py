"""The SQLite search index ranks exactly as the JSON one (issue 12: a query reads only what it needs)."""

from __future__ import annotations

import json

import yaml

from conftest import REPO
from policykb.search.engine import SearchIndex
from policykb.search.store import SQLITE_FILE, SqliteStore


def results(index, query, **kw):
    hits, notes = index.search(query, limit=20, **kw)
    return [(h.item["id"], h.score, h.matched, h.item["text"], h.item["url"], h.item["kind"], h.item["paper"]) for h in hits], notes


def test_sqlite_and_json_indexes_give_the_same_results(built_project):
    memory = SearchIndex(json.loads((built_project / "corpus" / "search_index.json").read_text(encoding="utf-8")))
    disk = SearchIndex(store=SqliteStore(built_project / SQLITE_FILE))
    assert isinstance(SearchIndex.load(built_project).store, SqliteStore)
    queries = [q["query"] for q in yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]]
    assert len(queries) > 40
    for q in queries + ["数据 要素", "ai", "算力", "xyzzy"]:
        for kw in ({}, {"kind": "recommendation"}, {"actor": "政府"}, {"paper": "cao-liu-zheng-2025"}):
            assert results(disk, q, **kw) == results(memory, q, **kw), (q, kw)
    assert (disk.papers, disk.topics, disk.actors) == (memory.papers, memory.topics, memory.actors)
