"""Score extraction on the held-out papers in tests/unseen/ (written without looking at the
extractor): statistics, recommendations and term pairs. `python tests/unseen_eval.py`."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "tests"))

import yaml  # noqa: E402

import score as scoring  # noqa: E402
from policykb.glossary.curated import known_terms  # noqa: E402
from policykb.pipeline import extract_paper  # noqa: E402

UNSEEN = REPO / "tests" / "unseen"


def evaluate() -> dict:
    out = {}
    total: dict[str, scoring.Score] = {}
    for txt in sorted(UNSEEN.glob("*.txt")):
        gold = yaml.safe_load(txt.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
        # as `policykb extract` runs inside the project: the curated glossary is known
        paper = extract_paper(txt, paper_id=txt.stem, known=known_terms(REPO)).paper
        res = {"statistics": scoring.score_statistics(gold.get("statistics", []), paper["statistics"])}
        recs = scoring.score_recommendations(gold.get("recommendations", []), paper["recommendations"])
        res.update({f"recommendations-{k}": v for k, v in recs.items() if k != "inline"})
        listed = [t for t in paper["terms"] if t.get("source") != "keywords"]
        pairs, used = scoring.match(gold.get("terms", []), listed, scoring.term_ok)
        terms = scoring._counts(pairs, used, len(listed))
        res["terms"] = terms
        out[txt.stem] = res
        for k, v in res.items():
            total.setdefault(k, scoring.Score()).add(v)
    out["total"] = total
    return out


if __name__ == "__main__":
    print(scoring.format_table(evaluate()))
