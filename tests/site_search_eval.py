"""Score the built site's own search (Material + jieba, in headless Chromium) on the query set:
recall@10 and MRR over item anchors. Run `python tests/site_search_eval.py [ROOT]` after a build;
used to decide whether the site's jieba gets the glossary as user dictionary."""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import yaml  # noqa: E402
from browser import browser, serve  # noqa: E402


def run_queries(root: Path, queries: list[dict]) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    out = []
    with serve(root / "site") as base, browser(Path(tempfile.mkdtemp())) as d:
        d.get(base + "/")
        time.sleep(1.5)
        box = d.find_element(By.CSS_SELECTOR, "input.md-search__input")
        for q in queries:
            d.execute_script("arguments[0].focus(); arguments[0].value='';", box)
            box.send_keys(q["query"])
            time.sleep(0.8)
            # expand every "more results on this page" group, then read the anchors in order
            for more in d.find_elements(By.CSS_SELECTOR, ".md-search-result__more summary"):
                d.execute_script("arguments[0].click()", more)
            hrefs = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")]
            ids = [m.group(1) for h in hrefs for m in [re.search(r"#([a-z0-9-]+\.[crsf][\d.]+)$", h or "")] if m]
            out.append(list(dict.fromkeys(ids)))
            d.execute_script("arguments[0].value=''", box)
    return out


def evaluate(root: Path, k: int = 10) -> dict:
    queries = yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
    results = run_queries(root, queries)
    groups: dict[str, list] = {}
    for q, got in zip(queries, results):
        got = got[:k]
        recall = len(set(got) & set(q["expect"])) / len(q["expect"])
        rank = next((i + 1 for i, g in enumerate(got) if g in q["expect"]), None)
        for g in (q["lang"], "all"):
            groups.setdefault(g, []).append((recall, 1 / rank if rank else 0.0))
    return {g: (sum(r for r, _ in v) / len(v), sum(m for _, m in v) / len(v), len(v)) for g, v in groups.items()}


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO
    print("| group | queries | recall@10 | MRR |\n|---|---|---|---|")
    for g, (r, m, n) in sorted(evaluate(root).items()):
        print(f"| {g} | {n} | {r:.2f} | {m:.2f} |")
