"""Item extraction: claims, frameworks, recommendations, statistics and terms.

Each extractor takes the structured :class:`~policykb.structure.Document` and returns items
with a verbatim ``quote`` and a ``section``; :mod:`policykb.ids` then gives them stable ids.
"""

from __future__ import annotations

from policykb import ids
from policykb.extract.recommendations import extract_recommendations
from policykb.extract.statistics import extract_statistics
from policykb.structure import Document
from policykb.text import Text

ITEM_KINDS = ("claims", "frameworks", "recommendations", "statistics")


def extract_items(doc: Document, text: Text, paper_id: str, previous: dict | None = None) -> dict:
    items = {
        "claims": [],
        "frameworks": [],
        "recommendations": extract_recommendations(doc),
        "statistics": extract_statistics(doc),
        "terms": [],
    }
    return ids.assign_ids(items, paper_id, previous or {})
