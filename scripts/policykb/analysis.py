"""The analysis view: one canonical form of a paper's text that every rule is written for.

The view is folded from the decoded raw text character by character — full-width digits, Latin
letters and ``％`` to half width (NFKC), traditional characters to simplified (OpenCC ``t2s``) — so
it has exactly the raw text's length and every offset into the view is the same offset into the raw
text. Zero-width characters stay in the view and are dropped when lines are joined
(:func:`policykb.inline.join_segments`), page furniture is dropped by the layout rules, and
numbers are rejoined across line breaks there too. Quotes are taken back from the raw characters
(:meth:`policykb.text.Text.surface`), so a traditional paper is quoted in traditional characters.
The folding rules are data: ``rules/analysis.yaml``.

>>> view("２０２３年增長１２．５％，達到１萬億元")
'2023年增长12.5%，达到1万亿元'
>>> len(view("數據\\u200b要素")) == len("數據\\u200b要素")
True
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from policykb import rules
from policykb.chinese import to_simplified


@lru_cache(maxsize=None)
def _table() -> dict[int, str]:
    cfg = rules.load("analysis.yaml")
    table: dict[int, str] = {}
    for lo, hi in cfg["width_fold_ranges"]:
        for o in range(lo, hi + 1):
            table[o] = unicodedata.normalize("NFKC", chr(o))
    for c in cfg["width_fold_symbols"]:
        table[ord(c)] = unicodedata.normalize("NFKC", c)
    table[0x3000] = " "  # ideographic space
    assert all(len(v) == 1 for v in table.values()), "a width fold must map one character to one"
    return table


@lru_cache(maxsize=None)
def zero_width() -> frozenset[str]:
    return frozenset(rules.load("analysis.yaml")["zero_width"])


def _simplify(text: str) -> str:
    """Traditional -> simplified without changing the length (line by line, then char by char)."""
    out = to_simplified(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        s = to_simplified(line)
        if len(s) != len(line):
            s = "".join(c2 if len(c2 := to_simplified(c)) == 1 else c for c in line)
        lines.append(s)
    return "\n".join(lines)


def view(text: str) -> str:
    """The analysis view of ``text``: same length, folded for matching."""
    folded = text.translate(_table())
    if rules.load("analysis.yaml")["traditional_to_simplified"]:
        folded = _simplify(folded)
    assert len(folded) == len(text)
    return folded


def is_zero_width(c: str) -> bool:
    return c in zero_width()
