"""Benchmark the site's search page at scale in headless Chromium: bytes downloaded for a first
search and time from the last keystroke to results shown.

The built site of the project (run `policykb build` first) is copied to a temporary folder and
its static search index (site/pkb-search/) replaced by one made from a synthetic corpus
(scripts/make_synthetic_corpus.py: N papers recombined from the real items). Every query starts
from a cold browser cache on a freshly opened search page.

    python scripts/benchmark_site_search.py [--papers 500] [--index build/synthetic_index.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

QUERIES = ["数据要素", "算力", "computing power", "數據要素", "人工只能", "新型举国体制", "发展", "人才培养 高校"]


def synthetic_index(papers: int, path: Path | None) -> dict:
    if path and path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    from make_synthetic_corpus import synthesize

    from policykb import yamlio
    from policykb.search.index import build_index, site_url

    real = [yamlio.read(f) for f in sorted((ROOT / "corpus" / "papers").glob("*.yaml"))]
    glossary = yamlio.read(ROOT / "corpus" / "glossary.yaml")["terms"]
    index = build_index(synthesize(real, papers), glossary, site_url(ROOT))
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return index


def folder_size(d: Path) -> tuple[int, int]:
    files = [p for p in d.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure(driver, base: str, query: str) -> dict:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get(base + "/search/")
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.getElementById('pkb-search-form').dataset.state === 'idle'"))
    t = driver.execute_script(
        """const f = document.getElementById('pkb-search-form'), box = f.elements.q;
        box.value = arguments[0]; f.dataset.state = 'typing';
        window.__t0 = performance.now(); box.dispatchEvent(new Event('input', {bubbles: true}));
        return window.__t0;""",
        query,
    )
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.getElementById('pkb-search-form').dataset.state === 'done'"))
    res = driver.execute_script(
        """const f = document.getElementById('pkb-search-form');
        const mine = performance.getEntriesByType('resource').filter(e => e.name.includes('/pkb-search/'));
        return {done: Number(f.dataset.doneAt), search_ms: Number(f.dataset.ms), stats: window.pkbSearchStats,
                files: mine.length, transfer: mine.reduce((a, e) => a + e.transferSize, 0),
                hits: document.querySelectorAll('#pkb-search-results li.pkb-hit').length}"""
    )
    return {"query": query, "ms": res["done"] - t, "search_ms": res["search_ms"], "bytes": res["stats"]["bytes"],
            "files": res["stats"]["files"], "transfer": res["transfer"], "hits": res["hits"]}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=500)
    ap.add_argument("--index", type=Path, default=None, help="a synthetic index JSON to reuse (written when absent)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--real", action="store_true", help="the built site's own index (the corpus papers), no synthetic one")
    args = ap.parse_args()
    from browser import browser, serve

    from policykb.search.static import DIR, write_static

    if not (ROOT / "site" / "search" / "index.html").exists():
        sys.exit("build the site first: policykb build")
    index = json.loads((ROOT / "corpus" / "search_index.json").read_text(encoding="utf-8")) if args.real else synthetic_index(args.papers, args.index)
    tmp = Path(tempfile.mkdtemp(prefix="pkb-bench-"))
    site = tmp / "site"
    shutil.copytree(ROOT / "site", site, ignore=shutil.ignore_patterns(DIR))
    t = time.time()
    passages = ROOT / "corpus" / "search_passages.json"  # the real corpus has its paragraphs too
    write_static(site, index, None, json.loads(passages.read_text(encoding="utf-8")) if args.real and passages.exists() else None)
    written = time.time() - t
    args.papers = len({it["paper"] for it in index["items"]})
    nfiles, nbytes = folder_size(site / DIR)
    meta = (site / DIR / "meta.json").stat().st_size
    print(f"{args.papers} papers, {len(index['items'])} items; static index {nfiles} files, {nbytes / 1e6:.1f} MB "
          f"(meta.json {meta / 1e3:.0f} KB), written in {written:.1f} s")  # fmt: skip
    rows: dict[str, list] = {}
    with serve(site) as base, browser(tmp) as driver:
        for _ in range(args.runs):
            for q in QUERIES:
                rows.setdefault(q, []).append(measure(driver, base, q))
    print("\n| query | bytes downloaded (first search, cold cache) | files | time to results after the last keystroke (median ms) | of which search (ms) | results |")
    print("|---|---|---|---|---|---|")
    for q, rs in rows.items():
        print(f"| {q} | {rs[0]['bytes'] / 1e3:.0f} KB | {rs[0]['files']} | {statistics.median(r['ms'] for r in rs):.0f} "
              f"| {statistics.median(r['search_ms'] for r in rs):.0f} | {rs[0]['hits']} |")  # fmt: skip
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("CI", "1")
    main()
