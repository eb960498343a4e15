"""Merge curated and extracted terms into corpus/glossary.yaml entries."""

from __future__ import annotations

import re

from policykb.chinese import to_simplified, to_traditional
from policykb.glossary.segmenter import GlossarySegmenter

ITEM_KINDS = ("claims", "frameworks", "recommendations", "statistics")


def term_key(zh: str, taken: set[str]) -> str:
    """An ASCII slug from the pinyin of a term ("新质生产力" -> "xin-zhi-sheng-chan-li")."""
    from pypinyin import lazy_pinyin

    parts = []
    for p in lazy_pinyin(zh):
        p = re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-")
        if p:
            parts.append(p)
    key = "-".join(parts) or "term"
    base, n = key, 2
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    taken.add(key)
    return key


def _new(zh: str, origin: str) -> dict:
    return {
        "key": None,
        "zh": zh,
        "en": None,
        "abbr": None,
        "definition": None,
        "aliases": [],
        "papers": [],
        "origin": origin,
        "curated": origin == "curated",
        "translations": [],
        "definitions": [],
        "topic": None,
        "occurrences": {},
        "items": {},
    }


def build_glossary(papers: list[dict], curated: list[dict], texts: dict[str, str] | None = None) -> list[dict]:
    """``texts``: each paper's full cleaned text (default: the text of its record)."""
    entries: dict[str, dict] = {}
    for c in curated:
        e = _new(c["zh"], "curated")
        e["abbr"] = c["abbr"]
        for t in c["translations"]:
            same = next((x for x in e["translations"] if x["en"].lower() == t["en"].lower()), None)
            if same is None:
                e["translations"].append(dict(t))
            else:  # one rendering printed by several papers: one translation, several sources
                same.setdefault("also", []).append(t["source"])
                same["preferred"] = same["preferred"] or t["preferred"]
        e["aliases"] = list(c["aliases"])
        e["topic"] = c["topic"]
        entries[c["zh"]] = e
    for p in sorted(papers, key=lambda p: p["id"]):
        for t in p.get("terms", []):
            zh = to_simplified(t["zh"])  # a term printed in traditional characters joins its entry
            e = entries.get(zh)
            if e is None:
                e = entries[zh] = _new(zh, "text")
            else:
                e["origin"] = "text"
            if t["zh"] != zh and t["zh"] not in e["aliases"]:
                e["aliases"].append(t["zh"])
            e["abbr"] = e["abbr"] or t.get("abbr")
            if t.get("en"):
                same = next((x for x in e["translations"] if x["en"].lower() == t["en"].lower()), None)
                if same is None:
                    e["translations"].append({"en": t["en"], "source": p["id"], "preferred": False, "note": None, "quote": t["quote"]})
                elif same["source"] != p["id"] and p["id"] not in same.get("also", []):
                    same.setdefault("also", []).append(p["id"])  # the same rendering printed in another paper
        for d in p.get("definitions", []):
            e = entries.get(to_simplified(d["term"]))
            if e is not None:
                e["definitions"].append({"text": d["text"], "paper": p["id"], "quote": d["quote"], "where": d.get("where")})
    _merge_same_abbreviation(entries)
    for e in entries.values():
        trs = e["translations"]
        if trs and not any(t["preferred"] for t in trs):
            trs[0]["preferred"] = True
        pref = next((t for t in trs if t["preferred"]), None)
        e["en"] = pref["en"] if pref else None
        e["definition"] = e["definitions"][0] if e["definitions"] else None
        trad = to_traditional(e["zh"])
        if trad != e["zh"] and trad not in e["aliases"]:
            e["aliases"].append(trad)
        e["aliases"] = sorted(set(e["aliases"]))
        for t in trs:
            t.pop("note", None) if t.get("note") is None else None
    # occurrences (jieba with the glossary as user dictionary) and the items that use each term
    # an entry's merged names (_merge_same_abbreviation) count as the entry
    merged = {a: zh for zh, e in entries.items() for a in e.get("merged", [])}
    seg = GlossarySegmenter(list(entries) + sorted(merged))
    for p in sorted(papers, key=lambda p: p["id"]):
        text = (texts or {}).get(p["id"]) or "\n".join(_paper_texts(p))
        for term, n in seg.count(text).items():
            occ = entries[merged.get(term, term)]["occurrences"]
            occ[p["id"]] = occ.get(p["id"], 0) + n
        for kind in ITEM_KINDS:
            for it in p[kind]:
                for term in seg.count(_item_text(it)):
                    entries[merged.get(term, term)]["items"].setdefault(p["id"], []).append(it["id"])
    taken: set[str] = set()
    out = []
    for zh in sorted(entries, key=lambda z: (term_key(z, set()), z)):
        e = entries[zh]
        e["key"] = term_key(zh, taken)
        e["papers"] = sorted(set(e["occurrences"]) | {t["source"] for t in e["translations"] if t["source"] != "curated"} & {p["id"] for p in papers})
        e["occurrences"] = dict(sorted(e["occurrences"].items()))
        e["items"] = {k: sorted(set(v), key=v.index) for k, v in sorted(e["items"].items())}
        e.pop("merged", None)
        out.append(e)
    return out


def _merge_same_abbreviation(entries: dict) -> None:
    """Two extracted entries with one abbreviation whose Chinese names use the same characters in
    another order (人工智能内容生成 / 人工智能生成内容, both AIGC) are one term printed two ways: the
    one with more translations (then the first by key) keeps the entry, the other becomes an alias."""
    by_abbr: dict[tuple, list[str]] = {}
    for zh, e in entries.items():
        if e.get("abbr") and e.get("origin") == "text":
            by_abbr.setdefault((e["abbr"], "".join(sorted(zh))), []).append(zh)
    for names in by_abbr.values():
        if len(names) < 2:
            continue
        names.sort(key=lambda z: (-len(entries[z]["translations"]), term_key(z, set()), z))
        keep = entries[names[0]]
        for zh in names[1:]:
            other = entries.pop(zh)
            keep["aliases"] = sorted(set(keep["aliases"]) | {zh} | set(other["aliases"]))
            for t in other["translations"]:
                if not any(x["en"].lower() == t["en"].lower() for x in keep["translations"]):
                    keep["translations"].append(t)
            keep["definitions"] += other["definitions"]
            keep.setdefault("merged", []).append(zh)


def _paper_texts(p: dict) -> list[str]:
    """All text of a paper record that a reader sees: abstract, items, notes, tables."""
    m = p["meta"]
    texts = [m["title"]["zh"] or "", m["abstract"]["zh"] or ""] + list(m["keywords"]["zh"])
    for s in p["sections"]:
        texts.append(s["title"])
    seen = set()
    for kind in ITEM_KINDS:
        for it in p[kind]:
            if it["quote"] not in seen:
                seen.add(it["quote"])
                texts.append(it["quote"])
    texts += [n["text"] for n in p.get("notes", [])]
    return texts


def _item_text(it: dict) -> str:
    return " ".join(str(it.get(k) or "") for k in ("title", "name", "text", "quote", "indicator"))


def claim_terms(papers: list[dict], glossary: list[dict]) -> None:
    """Fill each claim's ``terms`` with the glossary terms it mentions (jieba + user dictionary)."""
    seg = GlossarySegmenter([e["zh"] for e in glossary])
    for p in papers:
        for c in p["claims"]:
            found = seg.count(c["quote"])
            c["terms"] = sorted(found, key=lambda t: c["quote"].find(t))
