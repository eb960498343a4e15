"""One matching form for index and queries: simplified characters, half width, lower case."""

from __future__ import annotations

from functools import lru_cache

from policykb.inline import fold


@lru_cache(maxsize=None)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def norm(text: str) -> str:
    """
    >>> norm("數據要素（ＧＰＴ）")
    '数据要素(gpt)'
    """
    return fold(_t2s().convert(text)).lower()
