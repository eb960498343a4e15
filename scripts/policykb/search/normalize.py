"""One matching form for index and queries: simplified characters, half width, lower case."""

from __future__ import annotations

from policykb.chinese import to_simplified
from policykb.inline import fold


def norm(text: str) -> str:
    """
    >>> norm("數據要素（ＧＰＴ）")
    '数据要素(gpt)'
    """
    return fold(to_simplified(text)).lower()
