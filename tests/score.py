"""Score extraction against the gold annotations in tests/gold/: precision/recall per item type
and per paper. Run `python tests/score.py` for the table; the tests import `score_all`.

Matching rules (one-to-one, in order):
- statistics: the gold anchor (whitespace and markers removed) is inside the item's quote and
  the values are equal; `borderline: true` gold items count neither way;
- recommendations: the anchor is inside the quote, or the quote inside the anchor; level-1 and
  level-2 recall are reported separately, and "parent" accuracy over matched level-2 items;
- frameworks: the anchor overlaps the quote, or at least 60% of the gold components are among
  the item's components (fuzzy); component accuracy = share of gold components found;
- claims: the anchor is inside the claim's quote.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import yaml  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from policykb.grounding import normalise  # noqa: E402
from policykb.glossary.curated import known_terms  # noqa: E402
from policykb.pipeline import extract_paper  # noqa: E402

GOLD = REPO / "tests" / "gold"
PAPERS = sorted(p.name for p in GOLD.iterdir() if p.is_dir())


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for k, v in other.extra.items():
            a, b = self.extra.get(k, (0, 0))
            self.extra[k] = (a + v[0], b + v[1])


def load_gold(pid: str, kind: str) -> list[dict]:
    path = GOLD / pid / f"{kind}.yaml"
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8")).get(kind, []) or []


def extracted(pid: str) -> dict:
    ex = extract_paper(
        REPO / "corpus" / "raw" / f"{pid}.txt",
        paper_id=pid,
        meta_file=REPO / "corpus" / "meta" / f"{pid}.yaml",
        known=known_terms(REPO),
    )
    return ex.paper


def _inside(anchor: str, quote: str) -> bool:
    return normalise(anchor) in normalise(quote)


def match(gold: list[dict], items: list[dict], ok) -> tuple[list[tuple[dict, int | None]], set[int]]:
    """One-to-one, in gold order: each gold item takes the first unused item with ok(g, it)."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        hit = next((i for i, it in enumerate(items) if i not in used and ok(g, it)), None)
        if hit is not None:
            used.add(hit)
        pairs.append((g, hit))
    return pairs, used


def same_value(g: dict, it: dict) -> bool:
    """Equal values; N成 (tenths) and the fraction N/10 are the same figure written two ways."""
    a, b = float(g["value"]), float(it["value"])
    if abs(a - b) < 1e-6:
        return True
    # a fraction the gold wrote rounded (三分之一: 0.333 for 0.333333…)
    decimals = len(str(g["value"]).split(".")[1]) if "." in str(g["value"]) else 0
    if decimals >= 2 and abs(b - a) < 10 ** -decimals and round(b, decimals) == a:
        return True
    if it.get("unit") == "成" and g.get("unit") in (None, "%") and abs(b / 10 * (100 if g.get("unit") == "%" else 1) - a) < 1e-6:
        return True
    return g.get("unit") == "成" and it.get("unit") is None and abs(a / 10 - b) < 1e-6


def score_statistics(gold: list[dict], items: list[dict]) -> Score:
    def ok(g, it):
        # a table cell: its row (the quote) and the gold anchor share the row label
        cell = it.get("table") and it.get("indicator") and normalise(it["indicator"])[:4] in normalise(g["anchor"])
        return (_inside(g["anchor"], it["quote"]) or cell) and same_value(g, it)

    s = Score()
    pairs, used = match(gold, items, ok)
    unit_ok = period_ok = 0
    for g, hit in pairs:
        if g.get("borderline"):
            continue  # borderline gold counts neither way
        if hit is None:
            s.fn += 1
            continue
        s.tp += 1
        unit_ok += (items[hit]["unit"] or "") == (g.get("unit") or "")
        period_ok += (items[hit]["period"] or "") == (str(g.get("period") or ""))
    s.fp = len(items) - len(used)
    s.extra = {"unit": (unit_ok, s.tp), "period": (period_ok, s.tp)}
    return s


def score_recommendations(gold: list[dict], items: list[dict]) -> dict[str, Score]:
    def ok(g, it):
        q = normalise(it["quote"])
        same = _inside(g["anchor"], it["quote"]) or (len(q) >= 8 and q in normalise(g["anchor"]))
        return same and not (str(g["level"]) != "inline" and str(it["level"]) == "inline")

    by_level = {"1": Score(), "2": Score(), "inline": Score()}
    pairs, used = match(gold, items, ok)
    key_to_item = {g["key"]: items[hit] for g, hit in pairs if hit is not None}
    parent_ok = parent_n = 0
    for g, hit in pairs:
        lv = str(g["level"])
        if hit is None:
            by_level[lv].fn += 1
            continue
        by_level[lv].tp += 1
        if lv == "2":
            parent_n += 1
            want = key_to_item.get(g.get("parent"))
            parent_ok += bool(want) and items[hit]["parent"] == want["id"]
    for i, it in enumerate(items):
        if i not in used:
            by_level[str(it["level"])].fp += 1
    by_level["2"].extra = {"parent": (parent_ok, parent_n)}
    return by_level


def _names(it: dict) -> list[str]:
    return [c["name"] for c in it["components"]]


def score_frameworks(gold: list[dict], items: list[dict]) -> Score:
    def ok(g, it):
        a, q = normalise(g["anchor"]), normalise(it["quote"])
        gcomps, names = g.get("components", []), _names(it)
        shared = sum(any(fuzz.partial_ratio(gc, n) >= 80 for n in names) for gc in gcomps)
        same_parts = gcomps and shared / len(gcomps) >= 0.6 and len(names) <= 2 * len(gcomps)
        return a in q or q in a or fuzz.partial_ratio(a, q) >= 90 or same_parts

    s = Score()
    pairs, used = match(gold, items, ok)
    comp_ok = comp_n = 0
    for g, hit in pairs:
        if hit is None:
            s.fn += 1
            continue
        s.tp += 1
        for gc in g.get("components", []):
            comp_n += 1
            comp_ok += any(fuzz.partial_ratio(gc, n) >= 80 for n in _names(items[hit]))
    s.fp = len(items) - len(used)
    s.extra = {"components": (comp_ok, comp_n)}
    return s


def _counts(pairs, used, n_items) -> Score:
    s = Score()
    s.tp = sum(1 for _, hit in pairs if hit is not None)
    s.fn = len(pairs) - s.tp
    s.fp = n_items - len(used)
    return s


def score_claims(gold: list[dict], items: list[dict]) -> Score:
    pairs, used = match(gold, items, lambda g, it: _inside(g["anchor"], it["quote"]))
    return _counts(pairs, used, len(items))


def _gold_terms_file(pid: str) -> dict:
    path = GOLD / pid / "terms.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def _low(x) -> str:
    return (x or "").lower().strip()


def term_ok(g: dict, it: dict) -> bool:
    """Same Chinese term and the same English name or abbreviation (case-insensitive)."""
    same_en = bool(g.get("en")) and _low(g["en"]) == _low(it["en"])
    same_abbr = bool(g.get("abbr")) and g["abbr"] == it["abbr"]
    return it["zh"] == g["zh"] and (same_en or same_abbr)


def score_terms(pid: str, items: list[dict]) -> Score:
    """Term pairs: gold terms + aligned keyword pairs."""
    data = _gold_terms_file(pid)
    gold = list(data.get("terms") or []) + [dict(k, abbr=None) for k in data.get("keyword_pairs") or []]
    pairs, used = match(gold, items, term_ok)
    return _counts(pairs, used, len(items))


def score_definitions(pid: str, items: list[dict]) -> Score:
    gold = _gold_terms_file(pid).get("definitions") or []
    pairs, used = match(gold, items, lambda g, d: d["term"] == g["term"] and _inside(g["anchor"], d["quote"]))
    return _counts(pairs, used, len(items))


def score_all() -> dict:
    """{paper: {type: Score}} plus a "total" entry."""
    out: dict = {}
    total: dict = {}
    for pid in PAPERS:
        paper = extracted(pid)
        res = {"statistics": score_statistics(load_gold(pid, "statistics"), paper["statistics"])}
        recs = score_recommendations(load_gold(pid, "recommendations"), paper["recommendations"])
        res.update({f"recommendations-{k}": v for k, v in recs.items()})
        res["frameworks"] = score_frameworks(load_gold(pid, "frameworks"), paper["frameworks"])
        res["claims"] = score_claims(load_gold(pid, "claims"), paper["claims"])
        res["terms"] = score_terms(pid, paper["terms"])
        res["definitions"] = score_definitions(pid, paper.get("definitions", []))
        out[pid] = res
        for k, v in res.items():
            total.setdefault(k, Score()).add(v)
    out["total"] = total
    return out


def format_table(scores: dict) -> str:
    rows = ["| paper | type | P | R | tp | fp | fn | extra |", "|---|---|---|---|---|---|---|---|"]
    for pid, res in scores.items():
        for k, s in res.items():
            extra = ", ".join(f"{n} {a}/{b}" for n, (a, b) in s.extra.items())
            rows.append(f"| {pid} | {k} | {s.precision:.2f} | {s.recall:.2f} | {s.tp} | {s.fp} | {s.fn} | {extra} |")
    return "\n".join(rows)


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else None
    sc = score_all()
    if only:
        sc = {p: {k: v for k, v in r.items() if k.startswith(only)} for p, r in sc.items()}
    print(format_table(sc))
