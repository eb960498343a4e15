"""Make a synthetic search index of N papers (default 500) by recombining the real items.

Deterministic (fixed seed): each synthetic paper takes items of the five real papers and
recombines their quotes (the first half of one sentence with the second half of another), so
the vocabulary and text statistics stay those of real Chinese policy papers.

    python scripts/make_synthetic_corpus.py --papers 500 --out build/synthetic_index.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from policykb import yamlio  # noqa: E402
from policykb.search.index import build_index, site_url  # noqa: E402


def synthesize(papers: list[dict], n: int, seed: int = 20261126) -> list[dict]:
    rng = random.Random(seed)
    kinds = ("claims", "recommendations", "statistics", "frameworks")
    pool = {k: [it for p in papers for it in p[k]] for k in kinds}
    out = []
    for i in range(n):
        src = papers[i % len(papers)]
        pid = f"synthetic-{i:04d}"
        p = {"id": pid, "meta": src["meta"], "sections": src["sections"]}
        for k in kinds:
            items = []
            for j, it in enumerate(rng.sample(pool[k], min(len(pool[k]), len(src[k]) or 1))):
                other = rng.choice(pool[k])
                q1, q2 = it["quote"], other["quote"]
                quote = q1[: len(q1) // 2] + q2[len(q2) // 2 :]
                new = dict(it, id=f"{pid}.{k[0]}{j + 1}", quote=quote)
                if "text" in new:
                    new["text"] = quote
                items.append(new)
            p[k] = items
        out.append(p)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=500)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "synthetic_index.json")
    args = ap.parse_args()
    papers = [yamlio.read(f) for f in sorted((ROOT / "corpus" / "papers").glob("*.yaml"))]
    glossary = yamlio.read(ROOT / "corpus" / "glossary.yaml")["terms"]
    synth = synthesize(papers, args.papers)
    index = build_index(synth, glossary, site_url(ROOT))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"{args.papers} papers, {len(index['items'])} items -> {args.out}")


if __name__ == "__main__":
    main()
