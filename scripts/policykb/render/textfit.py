"""Shortening text for listings: cut at a word boundary and mark the cut with "…"."""

from __future__ import annotations

import re
from functools import lru_cache

_PUNCT = re.compile(r"[，。；：、,.;:！？!?）)》」”\s]")


def truncate(text: str | None, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters; a cut ends at a word boundary with "…".

    A cut prefers the last punctuation mark or space in the last third of the allowed length;
    else the last boundary between words (jieba), so a Chinese word is never split.

    >>> truncate("数据要素市场化配置改革", 20)
    '数据要素市场化配置改革'
    >>> truncate("推动人工智能与实体经济深度融合，加快培育新质生产力", 18)
    '推动人工智能与实体经济深度融合，…'
    >>> truncate("artificial intelligence everywhere", 16)
    'artificial…'
    """
    t = " ".join((text or "").split())
    if len(t) <= limit:
        return t
    return _cut(t, limit)


@lru_cache(maxsize=65536)
def _cut(t: str, limit: int) -> str:
    """The cut of :func:`truncate` (memoised: a related item's text is shortened on every page
    that lists it, with jieba)."""
    room = t[: limit - 1]
    cut = None
    for m in _PUNCT.finditer(room):
        if m.end() >= len(room) * 2 // 3:
            cut = m.end()
    if cut is None:
        from policykb.glossary.segmenter import memoised
        from policykb.segment import words

        pos = 0
        # jieba's words (in the build's memo: a rebuild need not load jieba's dictionary)
        for w in memoised(b"jieba words", t[: limit + 8], words):
            if pos + len(w) > limit - 1:
                break
            pos += len(w)
        cut = pos or limit - 1
    return t[:cut].rstrip() + "…"
