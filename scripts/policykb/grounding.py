"""Is a quote a verbatim span of its paper? (whitespace, line breaks, markers and zero-width
characters aside)

A quote normally is a substring of the raw file once whitespace, footnote markers and
zero-width characters (``zero_width`` in ``rules/analysis.yaml``: they carry no text and are
dropped when lines are joined, so no quote holds one) are removed from both. A paragraph interrupted by a line that is not body text (a running
header, a footnote printed mid-paragraph) yields a quote that skips those lines: such a
quote is accepted when it is a sequence of raw pieces whose gaps are whole raw lines.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from policykb.analysis import zero_width
from policykb.inline import MARKER_RE

MAX_PIECES = 4
_WS = re.compile(r"\s+")


@lru_cache(maxsize=None)
def _no_zero_width() -> dict[int, None]:
    return dict.fromkeys(map(ord, zero_width()))


def normalise(text: str) -> str:
    """Remove zero-width characters, markers and all whitespace (zero-width characters first, as
    the cleaning does: they are dropped when lines are joined, before markers are lifted).

    >>> normalise("6 710 亿［48］\\n参数")
    '6710亿参数'
    >>> normalise("新质\\u200b生产力")
    '新质生产力'
    """
    return _WS.sub("", MARKER_RE.sub("", text.translate(_no_zero_width())))


@dataclass(frozen=True)
class _Raw:
    text: str
    boundaries: tuple  # sorted offsets (in ``text``) where a raw line starts


MAX_GAP = 800  # characters of skipped lines between two pieces of one quote


@lru_cache(maxsize=64)
def _prepare(raw_text: str) -> _Raw:
    parts = []
    bounds = []
    pos = 0
    for line in raw_text.split("\n"):
        bounds.append(pos)
        n = normalise(line)
        parts.append(n)
        pos += len(n)
    bounds.append(pos)
    return _Raw("".join(parts), tuple(sorted(set(bounds))))


def _common(a: str, i: int, b: str, j: int) -> int:
    n = 0
    while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
        n += 1
    return n


def _occurrences(r: str, needle: str, limit: int = 5000) -> list[int]:
    out = []
    p = r.find(needle)
    while p >= 0 and len(out) < limit:
        out.append(p)
        p = r.find(needle, p + 1)
    return out


def _match(q: str, i: int, raw: _Raw, starts: list[int], depth: int) -> bool:
    r, bounds = raw.text, raw.boundaries
    for p in starts:
        run = _common(q, i, r, p)
        if run == 0:
            continue
        if i + run == len(q):
            return True
        if depth >= MAX_PIECES:
            continue
        # the piece may end at any line end inside the run; the next piece starts on a later line
        lo = bisect.bisect_right(bounds, p)
        hi = bisect.bisect_right(bounds, p + run)
        for b in reversed(bounds[lo:hi]):
            k = b - p
            nxt_lo = bisect.bisect_left(bounds, b)
            nxt_hi = bisect.bisect_right(bounds, b + MAX_GAP)
            nxt = [b2 for b2 in bounds[nxt_lo:nxt_hi] if b2 < len(r) and r[b2] == q[i + k]]
            if nxt and _match(q, i + k, raw, nxt, depth + 1):
                return True
    return False


def is_grounded(quote: str, raw_text: str) -> bool:
    q = normalise(quote)
    if not q:
        return False
    raw = _prepare(raw_text)
    if q in raw.text:
        return True
    return _match(q, 0, raw, _occurrences(raw.text, q[:2]), 1)
