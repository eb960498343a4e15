"""Related across papers: for each claim and recommendation, the closest items in other papers.

Each item is a bag of features — its words (jieba, on the normalised text: simplified, half
width), the glossary terms it uses and its topics — weighted by TF-IDF over all claims and
recommendations of the corpus. Candidates come from an inverted index: two items are compared
only when they share a term that at most ``candidate_df`` items use (a constant, so the work is
linear in the number of items, never all pairs), the best ``candidates_scored`` by their shared
rare terms are scored by cosine, and an item keeps at most ``max_related`` items of other papers
at or above ``threshold`` (``rules/related.yaml``; the threshold is tuned on
``tests/related_gold.yaml``, see ``tests/related_eval.py``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from policykb import rules
from policykb.render.markdown import esc
from policykb.render.paper_page import short_id
from policykb.render.textfit import truncate

KINDS = (("claims", "论点", "claim"), ("recommendations", "建议", "recommendation"))
KIND_LABEL = {"claim": "论点", "recommendation": "建议"}
_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[a-z][a-z0-9+\-]{1,}")


@dataclass(frozen=True)
class Related:
    id: str
    paper: str
    kind: str  # claim | recommendation
    score: float
    text: str


def config() -> dict:
    return rules.load("related.yaml")


def item_text(it: dict) -> str:
    return it.get("text") or it.get("quote") or ""


def _words(text: str, stop: frozenset) -> list[str]:
    from policykb.glossary.segmenter import memoised
    from policykb.search.normalize import norm
    from policykb.segment import words

    out = []
    # jieba's words of the text (no user dictionary), kept in the build's segmentation memo
    for w in memoised(b"jieba words", norm(text), words):
        w = w.strip()
        if w in stop or not _WORD.fullmatch(w):
            continue
        out.append(w)
    return out


def features(papers: list[dict], glossary: list[dict]) -> dict[str, dict[str, float]]:
    """Raw term counts per item id (claims and recommendations), deterministic."""
    cfg = config()
    stop = frozenset(cfg["stop_words"])
    by_item: dict[str, list[str]] = {}
    for e in sorted(glossary, key=lambda e: e["key"]):
        for ids in (e.get("items") or {}).values():
            for iid in ids:
                by_item.setdefault(iid, []).append(e["key"])
    feats: dict[str, dict[str, float]] = {}
    for p in papers:
        for field, _, _ in KINDS:
            for it in p[field]:
                f: dict[str, float] = {}
                for w in _words(item_text(it), stop):
                    f["w:" + w] = f.get("w:" + w, 0.0) + 1.0
                # a recommendation's heading says what it is about: its words count extra
                for w in _words(it.get("title") or "", stop):
                    f["w:" + w] = f.get("w:" + w, 0.0) + cfg["title_weight"]
                for key in by_item.get(it["id"], []):
                    f["g:" + key] = cfg["glossary_weight"]
                for t in it.get("topics") or []:
                    f["t:" + t] = cfg["topic_weight"]
                feats[it["id"]] = f
    return feats


def vectors(feats: dict[str, dict[str, float]]) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Unit TF-IDF vectors (sublinear tf, idf = log(N/df)) and the document frequency of each term.
    A term more than ``max_df`` of the items use (the corpus' own theme) is left out, so two items
    are not related merely for being about the corpus' subject."""
    df: dict[str, int] = {}
    for f in feats.values():
        for t in f:
            df[t] = df.get(t, 0) + 1
    n = len(feats)
    max_df = config()["max_df"] * n
    vecs = {}
    for iid, f in feats.items():
        v = {t: (1.0 + math.log(c) if c >= 1 else c) * math.log(n / df[t]) for t, c in f.items() if df[t] <= max_df}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[iid] = {t: x / norm for t, x in v.items()}
    return vecs, df


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b[t] for t, x in a.items() if t in b)


def scored_pairs(papers: list[dict], glossary: list[dict]) -> dict[str, list[tuple[float, str]]]:
    """For each item, its candidates in other papers with their cosine, best first (no threshold)."""
    cfg = config()
    feats = features(papers, glossary)
    vecs, df = vectors(feats)
    paper_of = {it["id"]: p["id"] for p in papers for field, _, _ in KINDS for it in p[field]}
    cap, n_terms, n_scored = cfg["candidate_df"], cfg["candidate_terms"], cfg["candidates_scored"]
    # each posting carries its item's paper and weight, so the loop below looks nothing up
    postings: dict[str, list[tuple[str, str, float]]] = {}
    for iid in sorted(vecs):
        for t, x in vecs[iid].items():
            if 2 <= df[t] <= cap:
                postings.setdefault(t, []).append((iid, paper_of[iid], x))
    out: dict[str, list[tuple[float, str]]] = {}
    for iid in sorted(vecs):
        v = vecs[iid]
        own = paper_of[iid]
        rare = sorted((t for t in v if t in postings), key=lambda t: (df[t], t))[:n_terms]
        acc: dict[str, float] = {}
        get = acc.get
        for t in rare:
            vt = v[t]
            for j, pj, x in postings[t]:
                if pj != own:
                    acc[j] = get(j, 0.0) + vt * x
        best = sorted(acc, key=lambda j: (-acc[j], j))[:n_scored]
        out[iid] = sorted(((round(_cos(v, vecs[j]), 6), j) for j in best), key=lambda x: (-x[0], x[1]))
    return out


def related_index(papers: list[dict], glossary: list[dict], threshold: float | None = None,
                  limit: int | None = None) -> dict[str, list[Related]]:
    """item id -> at most ``limit`` related items of other papers, best first."""
    cfg = config()
    threshold = cfg["threshold"] if threshold is None else threshold
    limit = cfg["max_related"] if limit is None else limit
    info = {}
    for p in papers:
        for field, _, kind in KINDS:
            for it in p[field]:
                info[it["id"]] = (p["id"], kind, it.get("title") or item_text(it))
    index: dict[str, list[Related]] = {}
    for iid, cands in scored_pairs(papers, glossary).items():
        keep = [Related(j, info[j][0], info[j][1], s, info[j][2]) for s, j in cands if s >= threshold][:limit]
        if keep:
            index[iid] = keep
    return index


def related_lines(item_id: str, index: dict[str, list[Related]], to_paper: str = "{paper}.md") -> list[str]:
    """The short list shown under an item on its paper page (Markdown; paper text escaped)."""
    rel = index.get(item_id)
    if not rel:
        return []
    parts = []
    for r in rel:
        href = to_paper.format(paper=r.paper) + "#" + r.id
        parts.append(f"[{esc(truncate(r.text, 28))}]({href})（{KIND_LABEL[r.kind]} · {esc(r.paper)}）")
    # excluded from site search: the texts belong to other papers' items, which have their own entries
    return ['<div class="pkb-related" data-search-exclude markdown="1">', "",
            "<small>相关 Related：" + "；".join(parts) + "</small>", "", "</div>", ""]


def shared_recommendations(papers: list[dict], index: dict[str, list[Related]], limit: int = 8) -> list[tuple[str, str, list[Related]]]:
    """Recommendations whose related recommendations come from the most other papers:
    [(paper id, item id, related recommendations)], strongest first."""
    title = {it["id"]: (p["id"], it) for p in papers for it in p["recommendations"]}
    rows = []
    for iid in sorted(title):
        recs = [r for r in index.get(iid, []) if r.kind == "recommendation"]
        papers_n = len({r.paper for r in recs})
        if papers_n:
            rows.append((-papers_n, -sum(r.score for r in recs), iid, recs))
    rows.sort(key=lambda x: (x[0], x[1], x[2]))
    # one entry per group: skip a recommendation already listed as related to an earlier one
    shown: set[str] = set()
    out = []
    for _, _, iid, recs in rows:
        if iid in shown:
            continue
        shown.add(iid)
        shown.update(r.id for r in recs)
        out.append((title[iid][0], iid, recs))
        if len(out) == limit:
            break
    return out
