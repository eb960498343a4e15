"""Item extraction: claims, frameworks, recommendations, statistics and terms.

Each extractor takes the structured :class:`~policykb.structure.Document` and returns items
with a verbatim ``quote`` and a ``section``; :mod:`policykb.ids` then gives them stable ids.
"""

from __future__ import annotations

import re

from policykb import ids
from policykb.extract.claims import extract_claims
from policykb.extract.frameworks import extract_frameworks
from policykb.extract.recommendations import extract_recommendations
from policykb.extract.statistics import extract_statistics
from policykb.extract.terms import extract_definitions, extract_terms
from policykb.extract.topics import topics_in
from policykb.structure import Document
from policykb.text import Text

ITEM_KINDS = ("claims", "frameworks", "recommendations", "statistics")


def extract_items(
    doc: Document, text: Text, paper_id: str, previous: dict | None = None, known: dict | None = None
) -> dict:
    known = known or {}
    terms = extract_terms(doc, known)
    quoted = {m.group(1) for p in doc.paragraphs for m in re.finditer(r"“([\u4e00-\u9fff]{2,10})”", p.text)}
    definable = {t["zh"] for t in terms} | set(known) | set(doc.meta.keywords_zh) | quoted
    items = {
        "claims": extract_claims(doc, doc.meta.keywords_zh),
        "frameworks": extract_frameworks(doc),
        "recommendations": extract_recommendations(doc),
        "statistics": extract_statistics(doc),
        "terms": terms,
    }
    attach_spans(items, text)
    items = ids.assign_ids(items, paper_id, previous or {})
    link_evidence(items)
    for kind in ("recommendations", "claims"):
        for it in items[kind]:
            it["topics"] = topics_in((it.get("title") or "") + it["text"])
    abbreviations = {t["abbr"]: t["zh"] for t in terms if t.get("abbr")}
    items["definitions"] = extract_definitions(doc, definable, abbreviations)
    attach_spans({"definitions": items["definitions"]}, text)
    return items


SURFACE_FIELDS = ("quote", "text", "title", "name")


def attach_spans(items: dict, text: Text) -> None:
    """Give each item its raw span and take its quote (and text, title, name where they are
    spans of the paper) back from the analysis view to the characters as printed."""
    for kind, lst in items.items():
        for it in lst:
            span = text.span_of(it.get("quote", ""))
            for f in SURFACE_FIELDS:
                if isinstance(it.get(f), str):
                    it[f] = text.surface(it[f])
            it["span"] = span.to_dict() if span else None


def link_evidence(items: dict) -> None:
    """A claim's evidence: the statistics quoted in the same paragraph."""
    by_line: dict[int, list[str]] = {}
    for s in items["statistics"]:
        if s.get("_line") is not None:
            by_line.setdefault(s["_line"], []).append(s["id"])
    for c in items["claims"]:
        c["evidence"] = by_line.get(c.get("_line"), [])
    for kind in ITEM_KINDS:
        for it in items[kind]:
            for k in [k for k in it if k.startswith("_")]:
                del it[k]
