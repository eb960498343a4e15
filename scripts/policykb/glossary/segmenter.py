"""A jieba tokenizer of its own with the glossary as user dictionary (the global jieba used by
extraction is left untouched, so extraction does not depend on the glossary's state)."""

from __future__ import annotations

import logging


_TOKENIZERS: dict = {}


def _tokenizer(terms: tuple):
    """One jieba Tokenizer per glossary (loading a dictionary costs ~0.6 s)."""
    tok = _TOKENIZERS.get(terms)
    if tok is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        for t in terms:
            tok.add_word(t, freq=200000)
        _TOKENIZERS.clear()
        _TOKENIZERS[terms] = tok
    return tok


class GlossarySegmenter:
    def __init__(self, terms: list[str]):
        self.tok = _tokenizer(tuple(sorted(set(terms))))
        self.terms = set(terms)
        self._inner = {t: sorted(u for u in self.terms if u != t and u in t) for t in self.terms}

    def count(self, text: str) -> dict[str, int]:
        """Term -> mentions in ``text``: a jieba token equal to the term, or a glossary term
        inside such a token (数据要素 inside 数据要素市场). A bare character never counts."""
        counts: dict[str, int] = {}
        for w in self.tok.lcut(text):
            if w in self.terms:
                counts[w] = counts.get(w, 0) + 1
                for inner in self._inner[w]:
                    counts[inner] = counts.get(inner, 0) + 1
        return counts
