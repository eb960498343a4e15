"""The site's search client (docs/javascripts/pkb-search.js, run under Node on the static index
of search/static.py) ranks exactly as the Python engine (`policykb search`): the same ids, scores
and query notes for every query of the query set, with and without each filter. Fast: the index
is built from the committed paper records, no site."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from conftest import REPO
from policykb import yamlio
from policykb.search.engine import SearchIndex, search_with_passages
from policykb.search.index import build_index, build_passages
from policykb.search.static import static_files, write_static

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")
EXTRA = ["数据 要素", "ai", "AI", "算力", "xyzzy", "人工智能+", "人工智能＋", "人工智能+行动", "算例", "鲍莫尔成本病",
         "  數據要素  ", "GPT", "General Purpose Technology", "入表", "发展", "全要素生产率 提升", "鲍莫尔病", "索洛悖论"]  # fmt: skip


@pytest.fixture(scope="module")
def glossary() -> list[dict]:
    return yamlio.read(REPO / "corpus" / "glossary.yaml")["terms"]


@pytest.fixture(scope="module")
def index(glossary) -> dict:
    papers = [yamlio.read(f) for f in sorted((REPO / "corpus" / "papers").glob("*.yaml"))]
    return build_index(papers, glossary, "")


@pytest.fixture(scope="module")
def passages(glossary, documents) -> dict:
    return build_passages({pid: [(p.section, p.text) for p in doc.paragraphs] for pid, (doc, _) in documents.items()}, glossary, "")


def requests() -> list[dict]:
    queries = [q["query"] for q in yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]]
    out = []
    for q in queries + EXTRA:
        for kw in ({}, {"kind": "recommendation"}, {"kind": "statistic"}, {"kind": "passage"}, {"actor": "政府"},
                   {"paper": "cao-liu-zheng-2025"}, {"topic": "数据要素"}):  # fmt: skip
            out.append({"query": q, "limit": 10, **kw})
    return out


def run_client(directory, reqs: list[dict]) -> list[dict]:
    proc = subprocess.run(
        [NODE, str(REPO / "tests" / "search_client.js"), str(directory)],
        input=json.dumps(reqs, ensure_ascii=False), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@needs_node
def test_client_and_engine_agree_on_the_query_set(index, passages, tmp_path):
    site = tmp_path / "site"
    d = write_static(site, index, None, passages)
    reqs = requests()
    got = run_client(d, reqs)
    engine, pengine = SearchIndex(index), SearchIndex(passages)
    differ = []
    for req, js in zip(reqs, got):
        kw = {k: v for k, v in req.items() if k not in ("query", "limit")}
        hits, notes = search_with_passages(engine, pengine, req["query"], limit=10, **kw)
        py = {"ids": [h.item["id"] for h in hits], "scores": [h.score for h in hits], "notes": notes}
        if py != {k: js[k] for k in py}:
            differ.append((req, py, js))
    assert len(reqs) > 400
    assert differ == []
    kinds = {i.split(".")[-1][0] for js in got for i in js["ids"]}
    assert "p" in kinds  # some queries reach the passages


def test_static_index_is_deterministic_and_sharded(index):
    a, b = static_files(index), static_files(index)
    assert a == b
    meta = json.loads(a["meta.json"])
    assert meta["n"] == len(index["items"])
    assert sum(len(json.loads(t)) for k, t in a.items() if k.startswith("v/")) == len({t for it in index["items"] for t in it["tokens"]})
    # a query's files are small: no shard holds a large share of the index
    assert max(len(t.encode()) for k, t in a.items() if k.startswith(("p/", "v/", "i/"))) < 64_000
    assert meta["t2s"][0].index("數") == meta["t2s"][1].index("数")
