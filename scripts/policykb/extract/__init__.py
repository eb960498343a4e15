"""Item extraction: claims, frameworks, recommendations, statistics and terms.

Each extractor takes the structured :class:`~policykb.structure.Document` (whose text is the
analysis view) and returns typed records (:mod:`policykb.model`) with a ``quote`` and a
``section``. :func:`extract_items` is the one place where records get their raw span, their quote
as printed, their topics and evidence, and become the paper record's dicts; :mod:`policykb.ids`
then gives them stable ids.
"""

from __future__ import annotations

import bisect
import re

from policykb import ids, rules
from policykb.extract.claims import extract_claims
from policykb.extract.frameworks import extract_frameworks
from policykb.extract.recommendations import extract_recommendations
from policykb.extract.statistics import extract_statistics
from policykb.extract.terms import extract_definitions, extract_terms
from policykb.extract.topics import topics_in
from policykb.kinds import ITEM_KINDS
from policykb.model import item_dict
from policykb.structure import Document
from policykb.text import Text


def extract_records(doc: Document, text: Text, known: dict | None = None) -> dict[str, list]:
    """Every typed record of a paper, grounded: kind (plural) -> records, plus terms and definitions."""
    known = known or {}
    terms = extract_terms(doc, known)
    quoted = {m.group(1) for p in doc.paragraphs for m in re.finditer(r"“([\u4e00-\u9fff]{2,10})”", p.text)}
    definable = {t.zh for t in terms} | set(known) | set(doc.meta.keywords_zh) | quoted
    abbreviations = {t.abbr: t.zh for t in terms if t.abbr}
    records = {
        "claims": extract_claims(doc),
        "frameworks": extract_frameworks(doc),
        "recommendations": extract_recommendations(doc),
        "statistics": extract_statistics(doc),
        "terms": terms,
        "definitions": extract_definitions(doc, definable, abbreviations),
    }
    for kind in ("recommendations", "claims"):
        for it in records[kind]:
            it.topics = topics_in((it.get("title") or "") + it.text)
    # a claim's terms are the glossary terms it mentions, which depend on the whole corpus: their
    # one owner is glossary.merge.claim_terms (called by build.make_glossary, for `build` and
    # `extract` alike), not the extractor, which leaves them empty
    for lst in records.values():
        for it in lst:
            ground(it, text)
    return records


SURFACE_FIELDS = ("quote", "text", "title", "name", "source", "zh", "alt_zh", "term")


def ground(item, text: Text) -> None:
    """Give a record its raw span (from the offset map) and take its quote — and its text, title
    or name where they are spans of the paper — back from the analysis view to the characters as
    printed."""
    item.span = text.span_of(item.quote)
    for f in SURFACE_FIELDS:
        value = getattr(item, f, None)
        if isinstance(value, str):
            setattr(item, f, text.surface(value))


def extract_items(
    doc: Document,
    text: Text,
    paper_id: str,
    previous: dict | None = None,
    known: dict | None = None,
    curation_file=None,
) -> dict:
    """The item lists of a paper record (dicts of the YAML contract), with stable ids.

    ``curation_file`` (corpus/curation/<paper>.yaml) holds human corrections: drops and additions
    are applied before ids are given, fixes after (:mod:`policykb.item_curation`); corrections
    that no longer apply are returned as ``items["curation_warnings"]``."""
    from policykb import item_curation

    records = extract_records(doc, text, known)
    items = {kind: [item_dict(it, work=True) for it in records[kind]] for kind in ITEM_KINDS}
    corrections, display = [], ""
    if curation_file is not None:
        display = f"corpus/{item_curation.CURATION_DIR}/{paper_id}.yaml"
        corrections = item_curation.load(curation_file, display)
    # a fixed item of the last build is matched on its extracted values, not the corrected ones
    previous = item_curation.uncorrected_previous(previous or {})
    dropped, warnings = item_curation.apply_before_ids(
        items, corrections, previous, text, display, item_curation.section_finder(doc)
    )
    items = ids.assign_ids(items, paper_id, previous)
    warnings += item_curation.apply_after_ids(items, corrections, previous, dropped, display)
    link_evidence(items)
    for kind in ITEM_KINDS:  # the `curated` record goes last in each item
        for it in items[kind]:
            if "curated" in it:
                it["curated"] = it.pop("curated")  # last key, after span
    items["curation_warnings"] = warnings
    items["terms"] = [t.to_dict() for t in records["terms"]]
    items["definitions"] = [d.to_dict() for d in records["definitions"]]
    return items


def link_evidence(items: dict) -> None:
    """A claim's evidence: the statistics quoted in the same paragraph — of a paragraph quoting
    more than ``max_evidence`` (rules/claims.yaml), the ones nearest the claim, so a text printed
    as one enormous line does not give every claim every statistic. Drops the working fields."""
    limit = rules.load("claims.yaml")["max_evidence"]
    by_line: dict[int, list[dict]] = {}
    for s in items["statistics"]:
        if s.get("_line") is not None:
            by_line.setdefault(s["_line"], []).append(s)
    nearest: dict[int, _Nearest] = {}
    for c in items["claims"]:
        stats = by_line.get(c.get("_line"), [])
        if len(stats) > limit:
            line = c["_line"]
            if line not in nearest:
                nearest[line] = _Nearest(stats)
            stats = nearest[line].pick(c.get("span"), limit)
        c["evidence"] = [s["id"] for s in stats]
    for kind in ITEM_KINDS:
        for it in items[kind]:
            for k in [k for k in it if k.startswith("_")]:
                del it[k]


class _Nearest:
    """The statistics of one paragraph by where their quotes start, to pick the ``k`` nearest a
    claim's start (ties: the earlier) in O(k + log n); statistics without a span come after."""

    def __init__(self, stats: list[dict]):
        self.stats = stats
        spanned = sorted((s["span"]["start"], i) for i, s in enumerate(stats) if s.get("span"))
        self.starts = [a for a, _ in spanned]
        self.order = [i for _, i in spanned]
        self.unspanned = [i for i, s in enumerate(stats) if not s.get("span")]

    def pick(self, span: dict | None, k: int) -> list[dict]:
        """The ``k`` statistics nearest ``span`` (the first ``k`` when there is none), in the
        paragraph's order."""
        if not span:
            return self.stats[:k]
        at = span["start"]
        lo = bisect.bisect_left(self.starts, at)
        hi = lo  # the window order[lo:hi] holds the nearest so far
        while hi - lo < k and (lo > 0 or hi < len(self.starts)):
            if hi == len(self.starts) or (lo > 0 and at - self.starts[lo - 1] <= self.starts[hi] - at):
                lo -= 1
            else:
                hi += 1
        chosen = self.order[lo:hi] + self.unspanned[: k - (hi - lo)]
        return [self.stats[i] for i in sorted(chosen)]
