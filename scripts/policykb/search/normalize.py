"""One matching form for index and queries: simplified characters, half width, lower case.

Index texts and queries are normalised alike, character by character: each character alone
through OpenCC, which is exactly the table the site's search client gets (``t2s_char_map``), so
the command line and the browser read a query the same way. (The index used OpenCC's
phrase-aware conversion, and a traditional phrase it converts differently as a phrase, 乾隆 (a
name, 乾 kept) against 干 for 乾 alone, then missed: both sides now fold 乾 to 干.)"""

from __future__ import annotations

from functools import lru_cache

from policykb.chinese import to_simplified
from policykb.inline import _FOLD, fold

# the Han blocks OpenCC's character table covers (BMP radicals to compatibility ideographs, and
# the supplementary ideographic plane)
HAN_RANGES = ((0x2E80, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20))


def norm(text: str) -> str:
    """The matching form of an index text: the same as a query's (``query_norm``).

    >>> norm("數據要素（ＧＰＴ）"), norm("乾隆") == query_norm("乾隆")
    ('数据要素(gpt)', True)
    """
    return query_norm(text)


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    if ord(ch) < 0x2E80:
        return ch
    s = to_simplified(ch)
    return s if len(s) == 1 else ch


def query_norm(text: str) -> str:
    """A query's matching form: traditional to simplified one character at a time, then fold.

    >>> query_norm("數據要素（ＧＰＴ）")
    '数据要素(gpt)'
    """
    return fold(text.translate(_T2S)).lower()


class _CharTable(dict):
    """``_char`` as a ``str.translate`` table filled on demand (code point -> character): the
    same result as joining ``_char`` of each character, several times faster."""

    def __missing__(self, cp: int) -> str:
        self[cp] = out = _char(chr(cp))
        return out


_T2S = _CharTable()


def t2s_char_map() -> dict[str, str]:
    """Every character OpenCC simplifies on its own, to its simplified form (for the browser)."""
    out = {}
    for lo, hi in HAN_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            s = _char.__wrapped__(ch)
            if s != ch:
                out[ch] = s
    return out


def fold_map() -> dict[str, str]:
    """``fold``'s table as characters (for the browser)."""
    return {chr(k): chr(v) for k, v in sorted(_FOLD.items())}
