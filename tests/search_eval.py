"""Score `policykb search` on the query set in tests/search_queries.yaml: recall@10 and MRR,
per language group. Run `python tests/search_eval.py [ROOT]` after `policykb build`."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import yaml  # noqa: E402

from policykb.search.engine import SearchIndex  # noqa: E402


def _live_ids(root: Path) -> set[str]:
    out: set[str] = set()
    for f in sorted((root / "corpus" / "papers").glob("*.yaml")):
        paper = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for kind in ("claims", "frameworks", "recommendations", "statistics"):
            out |= {it["id"] for it in paper.get(kind) or []}
    return out


def evaluate(root: Path, k: int = 10) -> dict:
    queries = yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
    index = SearchIndex.load(root)
    live = _live_ids(root)
    groups: dict[str, list[tuple[float, float]]] = {}
    rows = []
    for q in queries:
        hits, _ = index.search(q["query"], limit=k)
        got = [h.item["id"] for h in hits]
        # an expected item the knowledge base has since withdrawn (its id retired) cannot be found
        expect = [i for i in q["expect"] if i in live] or q["expect"]
        recall = len(set(got) & set(expect)) / len(expect)
        rank = next((i + 1 for i, g in enumerate(got) if g in expect), None)
        rr = 1 / rank if rank else 0.0
        groups.setdefault(q["lang"], []).append((recall, rr))
        groups.setdefault("all", []).append((recall, rr))
        rows.append((q["lang"], q["query"], recall, rr))
    summary = {g: (sum(r for r, _ in v) / len(v), sum(m for _, m in v) / len(v), len(v)) for g, v in groups.items()}
    return {"summary": summary, "rows": rows}


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO
    res = evaluate(root)
    for lang, q, r, m in res["rows"]:
        print(f"{lang:8s} {r:4.2f} {m:4.2f}  {q}")
    print()
    print("| group | queries | recall@10 | MRR |\n|---|---|---|---|")
    for g, (r, m, n) in sorted(res["summary"].items()):
        print(f"| {g} | {n} | {r:.2f} | {m:.2f} |")
