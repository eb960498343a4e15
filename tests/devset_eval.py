"""Score extraction on the development set (tests/devset/): documents written for the project
across genres — plans, interpretations, commentary, journal papers, think-tank reports, some in
traditional characters or PDF layout — each with a gold file.

The set is split: `dev/` may be used to tune rules; `test/` is only measured and reported, never
tuned on. `python tests/devset_eval.py [dev|test] [--docs]` prints precision/recall per item type
for the split (per genre, and per document with --docs).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "tests"))

import yaml  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

import score as scoring  # noqa: E402
from policykb.chinese import to_simplified  # noqa: E402
from policykb.glossary.curated import known_terms  # noqa: E402
from policykb.grounding import normalise  # noqa: E402
from policykb.pipeline import extract_paper  # noqa: E402

DEVSET = Path(__import__("os").environ.get("POLICYKB_DEVSET", REPO / "tests" / "devset"))
SPLITS = ("dev", "test")


def documents(split: str, root: Path = DEVSET) -> list[Path]:
    return sorted((root / split).glob("*.txt"))


def _norm(s: str | None) -> str:
    return normalise(to_simplified(s or "")).lower()


def indicator_ok(g: dict, it: dict) -> bool:
    """The extracted indicator names the same measure: fuzzy containment of the simplified forms."""
    a, b = _norm(g.get("indicator")), _norm(it.get("indicator"))
    if not a or not b:
        return a == b
    return fuzz.partial_ratio(a, b) >= 70 and min(len(a), len(b)) >= 0.35 * max(len(a), len(b))


def _respondents(s: str) -> str:
    """受访 wherever it stands: "受访国有企业" and "国有受访企业" name the same respondents (the
    gold files write both)."""
    return s.replace("受访", "") + "（受访）" if "受访" in s else s


def subject_ok(g: dict, it: dict) -> bool:
    a, b = _respondents(_norm(g.get("subject"))), _respondents(_norm(it.get("subject")))
    if not a or not b:
        return a == b
    return a in b or b in a


def score_document(txt: Path) -> dict[str, scoring.Score]:
    gold = yaml.safe_load(txt.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    paper = extract_paper(txt, paper_id=txt.stem, known=known_terms(REPO)).paper
    stats = paper["statistics"]
    res = {"statistics": scoring.score_statistics(gold.get("statistics") or [], stats)}
    # indicator / subject / kind accuracy over the matched statistics
    pairs, _ = scoring.match(
        gold.get("statistics") or [],
        stats,
        lambda g, it: scoring._inside(g["anchor"], it["quote"]) and scoring.same_value(g, it),
    )
    matched = [(g, stats[h]) for g, h in pairs if h is not None]
    res["statistics"].extra.update(
        indicator=(sum(indicator_ok(g, it) for g, it in matched), len(matched)),
        subject=(sum(subject_ok(g, it) for g, it in matched), len(matched)),
        kind=(sum((g.get("kind") or "value") == it.get("kind", "value") for g, it in matched), len(matched)),
    )
    # figures that must not be statistics
    bad = [a for a in gold.get("not_statistics") or [] if any(normalise(a) in normalise(s["quote"]) and
           any(str(int(s["value"])) in a for _ in [0]) for s in stats)]
    res["statistics"].extra["non-statistics taken"] = (len(bad), len(gold.get("not_statistics") or []))
    recs = scoring.score_recommendations(gold.get("recommendations") or [], paper["recommendations"])
    res.update({f"recommendations-{k}": v for k, v in recs.items() if k != "inline"})
    listed = [t for t in paper["terms"] if t.get("source") != "keywords"]
    gterms = gold.get("terms") or []
    tpairs, tused = scoring.match(gterms, paper["terms"], scoring.term_ok)
    res["terms"] = scoring._counts(tpairs, tused, len(paper["terms"]))
    del listed
    res["frameworks"] = scoring.score_frameworks(gold.get("frameworks") or [], paper["frameworks"])
    claims = paper["claims"]
    cl = scoring.score_claims(gold.get("claims") or [], claims)
    core = [c for c in claims if c.get("core")]
    core_hit = sum(any(scoring._inside(g["anchor"], c["quote"]) for g in gold.get("claims") or []) for c in core)
    chars = sum(len(p) for p in txt.read_text(encoding="utf-8").split())
    # a sentence may hold several gold anchors (clauses of one long sentence): how many anchors
    # some claim contains, beside the one-to-one match above
    covered = sum(any(scoring._inside(g["anchor"], c["quote"]) for c in claims) for g in gold.get("claims") or [])
    cl.extra = {
        "core precision": (core_hit, len(core)),
        "anchors covered": (covered, len(gold.get("claims") or [])),
        "claims per 10k chars": (round(len(claims) * 10000 / max(chars, 1)), 1),
    }
    res["claims"] = cl
    res["_genre"] = gold.get("genre", "?")
    return res


def evaluate(split: str, root: Path = DEVSET) -> dict:
    out: dict = {}
    by_genre: dict = {}
    total: dict = {}
    for txt in documents(split, root):
        res = score_document(txt)
        genre = res.pop("_genre")
        out[txt.stem] = res
        for k, v in res.items():
            total.setdefault(k, scoring.Score()).add(v)
            by_genre.setdefault(f"genre:{genre}", {}).setdefault(k, scoring.Score()).add(v)
    return {"docs": out, "genres": by_genre, "total": total}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    for split in args or SPLITS:
        ev = evaluate(split)
        table = dict(ev["genres"], total=ev["total"])
        if "--docs" in sys.argv:
            table = dict(ev["docs"], **table)
        print(f"## {split}\n")
        print(scoring.format_table(table))
        print()
