"""Paper records and a glossary for N papers without extraction: the corpus papers' records
(corpus/papers/*.yaml, corpus/glossary.yaml) copied under new ids, the way
scripts/benchmark_build.py's make_project copies raw files (paper i is corpus paper i % 5,
copy k = i // 5 named <paper>-x<k:03d>). For tests of how pages grow with the corpus."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from policykb import yamlio

REPO = Path(__file__).resolve().parents[1]


def _renamed(obj, old: str, new: str):
    """obj with every string equal to ``old`` or starting with ``old.`` renamed to ``new``."""
    text = json.dumps(obj, ensure_ascii=False)
    text = text.replace(f'"{old}"', f'"{new}"').replace(f'"{old}.', f'"{new}.')
    return json.loads(text)


def corpus_records() -> tuple[list[dict], list[dict]]:
    papers = [yamlio.read(f) for f in sorted((REPO / "corpus" / "papers").glob("*.yaml"))]
    glossary = yamlio.read(REPO / "corpus" / "glossary.yaml")["terms"]
    return papers, glossary


def synthetic_records(n: int) -> tuple[list[dict], list[dict]]:
    """(papers, glossary) for ``n`` papers, sorted by id like the build's."""
    base, glossary = corpus_records()
    papers, copies = [], {}
    for i in range(n):
        src = base[i % len(base)]
        k = i // len(base)
        if k == 0:
            papers.append(copy.deepcopy(src))
            continue
        new = f"{src['id']}-x{k:03d}"
        papers.append(_renamed(src, src["id"], new))
        copies.setdefault(src["id"], []).append(new)
    glossary = copy.deepcopy(glossary)
    for e in glossary:
        for field in ("occurrences", "items"):
            d = e.get(field) or {}
            for pid in list(d):
                for new in copies.get(pid, []):
                    d[new] = _renamed(d[pid], pid, new)
        if e.get("papers"):
            e["papers"] = sorted(set(e["papers"]) | {c for pid in e["papers"] for c in copies.get(pid, [])})
    return sorted(papers, key=lambda p: p["id"]), glossary
