"""Actors named (or implied) in a recommendation, from the lexicon in rules/actors.yaml."""

from __future__ import annotations

from functools import lru_cache

from policykb import rules


@lru_cache(maxsize=None)
def _lexicon() -> tuple[list[tuple[str, str]], list[str], list[str]]:
    cfg = rules.load("actors.yaml")
    words = [(w, canon) for canon, ws in cfg["actors"].items() for w in ws]
    words.sort(key=lambda x: -len(x[0]))
    return words, list(cfg["actors"]), cfg["implied_government"]


def actors_in(text: str) -> list[str]:
    """Canonical actors named in ``text`` (longest words first, each span used once).

    >>> actors_in("中央与地方政府应鼓励高等院校、科研院所提高办学层次")
    ['地方政府', '高校', '科研院所']
    >>> actors_in("完善数据隐私保护的法律框架"), actors_in("加强人工智能人才队伍建设")
    (['政府'], ['政府'])
    """
    words, order, implied = _lexicon()
    masked = text
    found = set()
    for w, canon in words:
        if w in masked:
            found.add(canon)
            masked = masked.replace(w, "\u0000" * len(w))
    if not found and any(w in text for w in implied):
        found.add("政府")
    return [a for a in order if a in found]
