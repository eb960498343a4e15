"""Shortening text for listings: cut at a word boundary and mark the cut with "…"."""

from __future__ import annotations

import re

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
    room = t[: limit - 1]
    cut = None
    for m in _PUNCT.finditer(room):
        if m.end() >= len(room) * 2 // 3:
            cut = m.end()
    if cut is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" lines on stderr
        pos = 0
        for w in jieba.cut(t[: limit + 8]):
            if pos + len(w) > limit - 1:
                break
            pos += len(w)
        cut = pos or limit - 1
    return t[:cut].rstrip() + "…"
