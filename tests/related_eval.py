"""Precision and recall of the related-items index on tests/related_gold.yaml, per threshold.

    python tests/related_eval.py            # a table of thresholds
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from policykb.render.related import config, scored_pairs  # noqa: E402


def load():
    papers = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((REPO / "corpus/papers").glob("*.yaml"))]
    glossary = yaml.safe_load((REPO / "corpus/glossary.yaml").read_text(encoding="utf-8"))["terms"]
    gold = yaml.safe_load((REPO / "tests/related_gold.yaml").read_text(encoding="utf-8"))["pairs"]
    return papers, glossary, gold


def pair_scores(papers, glossary, gold) -> list[tuple[float, bool]]:
    """The index's score of each labelled pair (0 when the index never compares them)."""
    sp = scored_pairs(papers, glossary)
    score = {}
    for i, cands in sp.items():
        for s, j in cands:
            key = tuple(sorted((i, j)))
            score[key] = max(score.get(key, 0.0), s)
    return [(score.get(tuple(sorted((a, b))), 0.0), bool(label)) for a, b, label in gold]


def measure(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float, int]:
    shown = [label for s, label in scored if s >= threshold]
    tp = sum(shown)
    positives = sum(label for _, label in scored)
    return (tp / len(shown) if shown else 1.0), (tp / positives if positives else 1.0), len(shown)


def main() -> None:
    scored = pair_scores(*load())
    print(f"{len(scored)} pairs, {sum(l for _, l in scored)} related; configured threshold {config()['threshold']}")
    for t in (0.05, 0.08, 0.10, 0.12, 0.15, 0.18, 0.20, 0.22, 0.25, 0.30):
        p, r, n = measure(scored, t)
        print(f"threshold {t:.2f}: precision {p:.2f} recall {r:.2f} ({n} shown)")


if __name__ == "__main__":
    main()
