"""Topics an item touches, from the seed lexicon in rules/topics.yaml."""

from __future__ import annotations

from functools import lru_cache

from policykb import rules


@lru_cache(maxsize=None)
def _topics() -> dict[str, list[str]]:
    return rules.load("topics.yaml")["topics"]


def topics_in(text: str) -> list[str]:
    """
    >>> topics_in("构建有效的数据要素市场，加强算力基础设施建设")
    ['数据要素', '算力与基础设施']
    """
    return [t for t, seeds in _topics().items() if any(s in text for s in seeds)]


def topic_names() -> list[str]:
    return list(_topics())
