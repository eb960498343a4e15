"""A jieba tokenizer of its own with the glossary as user dictionary (the global jieba used by
extraction is left untouched, so extraction does not depend on the glossary's state)."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from pathlib import Path


_TOKENIZERS: dict = {}


def _tokenizer(terms: tuple):
    """One jieba Tokenizer per glossary (loading a dictionary costs ~0.6 s, copying it ~0.05 s)."""
    tok = _TOKENIZERS.get(terms)
    if tok is None:
        import jieba

        from policykb.segment import _jieba

        # a copy of the default dictionary the process already holds (jieba.dt, loaded once and
        # never given words) instead of loading it from disk again for each glossary
        default = _jieba().dt
        default.check_initialized()
        tok = jieba.Tokenizer()
        tok.FREQ, tok.total, tok.initialized = dict(default.FREQ), default.total, True
        for t in terms:
            tok.add_word(t, freq=200000)
        _TOKENIZERS.clear()
        _TOKENIZERS[terms] = tok
    return tok


# Results of segmenting a text, by (glossary, function, text) digest: each text is segmented once
# per build, and, with load_memo/save_memo (policykb build: .cache/policykb/segment.pickle), once
# for as long as the text and the glossary do not change. A result is a pure function of jieba's
# dictionary (its version is part of the file), the glossary terms and the text.
_MEMO: dict[bytes, object] = {}
_USED: set[bytes] = set()
MEMO_VERSION = 1


def _memo_header() -> str:
    import jieba

    return f"{MEMO_VERSION} jieba {getattr(jieba, '__version__', '?')}"


def load_memo(path: Path | None) -> None:
    """Start a build with the segmentations of the last one (a missing or stale file: none)."""
    _MEMO.clear()
    _USED.clear()
    if path is None:  # a build without the cache: segment everything again
        return
    try:
        with Path(path).open("rb") as fh:
            header, memo = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return
    if header == _memo_header():
        _MEMO.update(memo)


def memoised(what: bytes, text: str, compute):
    """``compute(text)``, remembered under (``what``, ``text``) for this build and the next."""
    k = hashlib.sha256(what + b"\0" + text.encode()).digest()
    _USED.add(k)
    value = _MEMO.get(k)
    if value is None:
        value = _MEMO[k] = compute(text)
    return value


def save_memo(path: Path) -> None:
    """Keep the segmentations this build used (and only those: the file does not grow), atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump((_memo_header(), {k: _MEMO[k] for k in sorted(_USED) if k in _MEMO}), fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


class GlossarySegmenter:
    def __init__(self, terms: list[str]):
        key = self._key = tuple(sorted(set(terms)))
        self._digest = hashlib.sha256("\n".join(key).encode()).digest()
        self.terms = set(terms)
        self._inner = {t: sorted(u for u in self.terms if u != t and u in t) for t in self.terms}

    @property
    def tok(self):
        """The tokenizer, loaded on first use (a build whose segmentations are all known needs none)."""
        return _tokenizer(self._key)

    def _memo(self, what: str, text: str, compute):
        return memoised(self._digest + what.encode(), text, compute)

    def search_tokens(self, text: str, norm) -> list[str]:
        """The search index's tokens of ``text``: jieba's search mode, normalised, sorted, no punctuation."""
        return list(self._memo(
            "search", text, lambda t: sorted({norm(w) for w in self.tok.lcut_for_search(t) if w.strip() and not re.fullmatch(r"\W+", w)})
        ))

    def count(self, text: str) -> dict[str, int]:
        """Term -> mentions in ``text``: a jieba token equal to the term, or a glossary term
        inside such a token (数据要素 inside 数据要素市场). A bare character never counts."""
        return dict(self._memo("count", text, self._count))

    def _count(self, text: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for w in self.tok.lcut(text):
            if w in self.terms:
                counts[w] = counts.get(w, 0) + 1
                for inner in self._inner[w]:
                    counts[inner] = counts.get(inner, 0) + 1
        return counts
