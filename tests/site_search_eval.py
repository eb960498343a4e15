"""Score the built site's search page (pkb-search.js in headless Chromium) on the query set:
recall@10 and MRR over item ids, and the overlap of its top 10 with `policykb search`'s.
Run `python tests/site_search_eval.py [ROOT]` after a build."""

from __future__ import annotations

import sys
import tempfile
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "scripts"))

import yaml  # noqa: E402
from browser import browser, serve  # noqa: E402


def site_results(driver, base: str, query: str, limit: int = 10, **filters) -> dict:
    """Open the search page with ``query`` (and filters) in the address; the ids in order, the
    status line and the client's time to results."""
    from selenium.webdriver.support.ui import WebDriverWait

    params = {"q": query, "n": limit, **{k: v for k, v in filters.items() if v}}
    driver.get(f"{base}/search/?{urllib.parse.urlencode(params)}")
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("const f=document.getElementById('pkb-search-form'); return f && f.dataset.state === 'done'")
    )
    return driver.execute_script(
        """const f = document.getElementById('pkb-search-form');
        return {ids: Array.from(document.querySelectorAll('#pkb-search-results li.pkb-hit')).map(li => li.dataset.id).slice(0, arguments[0]),
                status: document.getElementById('pkb-search-status').textContent, ms: Number(f.dataset.ms),
                stats: window.pkbSearchStats};""",
        limit,
    )


def run_queries(root: Path, queries: list[dict]) -> list[list[str]]:
    out = []
    with serve(root / "site") as base, browser(Path(tempfile.mkdtemp())) as d:
        for q in queries:
            out.append(site_results(d, base, q["query"])["ids"])
    return out


def evaluate(root: Path, k: int = 10) -> dict:
    from policykb.search.engine import SearchIndex, search_with_passages
    from search_eval import _live_ids

    queries = yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
    results = run_queries(root, queries)
    index, passages = SearchIndex.load(root), SearchIndex.load(root, passages=True)
    live = _live_ids(root)
    groups: dict[str, list] = {}
    for q, got in zip(queries, results):
        got = got[:k]
        cli = [h.item["id"] for h in search_with_passages(index, passages, q["query"], limit=k)[0]]
        overlap = len(set(got) & set(cli)) / len(cli) if cli else float(not got)
        # as search_eval: an expected item the knowledge base has since withdrawn cannot be found
        expect = [i for i in q["expect"] if i in live] or q["expect"]
        recall = len(set(got) & set(expect)) / len(expect)
        rank = next((i + 1 for i, g in enumerate(got) if g in expect), None)
        for g in (q["lang"], "all"):
            groups.setdefault(g, []).append((recall, 1 / rank if rank else 0.0, overlap))
    return {g: tuple(sum(x[j] for x in v) / len(v) for j in range(3)) + (len(v),) for g, v in groups.items()}


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO
    print("| group | queries | recall@10 | MRR | overlap with CLI top 10 |\n|---|---|---|---|---|")
    for g, (r, m, o, n) in sorted(evaluate(root).items()):
        print(f"| {g} | {n} | {r:.2f} | {m:.2f} | {o:.2f} |")
