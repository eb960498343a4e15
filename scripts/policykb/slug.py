"""Paper ids: ASCII slugs."""

from __future__ import annotations

import hashlib
import re


def paper_id_for(stem: str, data: bytes) -> str:
    """An ASCII slug from a file name; a hash-based id when the name has no ASCII letters.

    >>> paper_id_for("Zhang Lei 2024", b"")
    'zhang-lei-2024'
    >>> paper_id_for("论文", b"x")[:6]
    'paper-'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    if not re.search(r"[a-z]", slug):
        return "paper-" + hashlib.sha256(data).hexdigest()[:10]
    return slug
