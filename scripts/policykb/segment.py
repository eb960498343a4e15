"""Chinese word segmentation with jieba (loaded once, quietly)."""

from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=None)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def words(text: str) -> list[str]:
    """Segment ``text`` into words (precise mode, HMM on)."""
    return _jieba().lcut(text)


def unit_boundary(unit: str, following: str) -> str:
    """Shorten a unit that jieba says belongs to the next word ("亿人" in "亿人口" -> "亿").

    >>> unit_boundary("亿人", "亿人口"), unit_boundary("亿人", "亿人已迈入"), unit_boundary("万台", "万台，占")
    ('亿', '亿人', '万台')
    """
    if len(unit) < 2 or not following.startswith(unit):
        return unit
    total = ""
    for w in words(following[: len(unit) + 6]):
        if len(total) + len(w) > len(unit):
            break
        total += w
    return total if total and total != unit else unit


def crosses(left: str, right: str, window: int = 4) -> bool:
    """Whether jieba reads a word across the boundary between ``left`` and ``right`` (a line
    broken inside a word: "要素组" + "合结构" has 组合).

    >>> crosses("形成新质要素组", "合结构。"), crosses("奠定数据基础", "高质量数据不足")
    (True, False)
    """
    a, b = left[-window:], right[:window]
    if not a or not b:
        return False
    pos = 0
    for w in words(a + b):
        if pos < len(a) < pos + len(w):
            return True
        pos += len(w)
    return False
