"""Simplified/traditional conversion (OpenCC), loaded once."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """
    >>> to_simplified("數據要素")
    '数据要素'
    """
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """
    >>> to_traditional("数据要素")
    '數據要素'
    """
    return _converter("s2t").convert(text)
