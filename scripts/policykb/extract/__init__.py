"""Item extraction: claims, frameworks, recommendations, statistics and terms.

Each extractor takes the structured :class:`~policykb.structure.Document` and returns items
with a verbatim ``quote`` and a ``section``; :mod:`policykb.ids` then gives them stable ids.
"""

from __future__ import annotations

from policykb.structure import Document
from policykb.text import Text

ITEM_KINDS = ("claims", "frameworks", "recommendations", "statistics")


def extract_items(doc: Document, text: Text, paper_id: str, previous: dict | None = None) -> dict:
    return {kind: [] for kind in ITEM_KINDS} | {"terms": []}
