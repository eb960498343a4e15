"""Sentence spans of a paragraph (Chinese and English punctuation)."""

from __future__ import annotations

import re

_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\.(?=\s|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the final fragment counts as a sentence.

    >>> t = "第一句。“第二句！”第三"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['第一句。', '“第二句！”', '第三']
    """
    spans = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    # drop leading whitespace of each span
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        out.append((a, b))
    return out


def clause_start(text: str, pos: int) -> int:
    """Start of the clause (after the last comma-like mark) that contains ``pos``."""
    i = pos
    while i > 0 and text[i - 1] not in "，,。；;：:！？!?、（(":
        i -= 1
    return i
