"""Rank items for a query: vocabulary segmentation, glossary expansion, BM25, phrase bonus,
fuzzy correction of small typos. Pure Python + rapidfuzz; no jieba at query time.

The site's search client (docs/javascripts/pkb-search.js) is a port of this module over the
static index of static.py; both follow the same rules, which read only what the browser can
fetch cheaply: the postings of the query's words, the vocabulary (all of it only to correct an
unknown word) and the texts of a bounded pool of candidates. Change one, change the other:
tests/test_search_client.py runs both on the query set."""

from __future__ import annotations

import heapq
import json
import math
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from policykb.errors import PolicyKBError
from policykb.search.index import INDEX_FILE, PASSAGES_FILE
from policykb.search.normalize import norm, query_norm
from policykb.search.store import PASSAGES_SQLITE, SQLITE_FILE, MemoryStore, SqliteStore

K1, B = 1.2, 0.75
PHRASE_BONUS = 6.0
# the phrase bonus is decided on the best PHRASE_POOL candidates of the token ranking (after the
# filters), not on every item: a browser fetches the texts of those only
PHRASE_POOL = 60
# "is the query said somewhere" (should it be corrected?) is looked up in the texts of the
# OCCURS_POOL shortest items that have all of its words
OCCURS_POOL = 10
# What analysts look for first: what to do, then the evidence, then the arguments.
KIND_WEIGHT = {"recommendation": 1.2, "statistic": 1.0, "claim": 1.0, "framework": 0.9}
KIND_ALIASES = {
    "claim": "claim", "claims": "claim", "论点": "claim",
    "recommendation": "recommendation", "recommendations": "recommendation", "rec": "recommendation", "建议": "recommendation",
    "statistic": "statistic", "statistics": "statistic", "stat": "statistic", "数据": "statistic",
    "framework": "framework", "frameworks": "framework", "框架": "framework",
    "passage": "passage", "passages": "passage", "段落": "passage",
}


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def spellings(glossary: list[dict]) -> dict[str, list[str]]:
    """A term (normalised) -> its other Chinese names (aliases, the other order of an
    abbreviation's characters): an English name or abbreviation stands for the term in any of them."""
    out: dict[str, set] = {}
    for e in glossary:
        zh = norm(e["zh"])
        for n in e["names"]:
            n = n.strip("\"'")  # a quoted alias ("人工智能+") is the term itself
            if n != zh and HAN.search(n):
                out.setdefault(zh, set()).add(n)
    return {zh: sorted(v) for zh, v in sorted(out.items())}


@dataclass
class Hit:
    item: dict
    score: float
    matched: list[str]


class SearchIndex:
    """The ranking over a store (store.py): the JSON index in memory or the SQLite file."""

    def __init__(self, data: dict | None = None, *, store=None):
        self.store = store if store is not None else MemoryStore(data)
        st = self.store
        self.site_url = st.site_url
        self.glossary = st.glossary
        self.lengths = st.lengths
        self.avglen = st.total_length / max(st.n, 1)
        self.max_word = st.max_word
        self.names = {}
        for e in self.glossary:
            for n in e["names"]:
                self.names.setdefault(n, set()).add(norm(e["zh"]))
        self.names_by_len = sorted(self.names, key=lambda n: (-len(n), n))
        self.spellings = spellings(self.glossary)
        self.papers, self.topics, self.actors = st.papers, st.topics, st.actors
        self._post_sets: dict[str, frozenset] = {}
        self._vocab: set[str] = set()

    @property
    def items(self) -> list[dict]:
        """Every item (reads the whole index: for tools, not for a query)."""
        return [it for _, it in sorted(self.store.rows(range(self.store.n)).items())]

    @classmethod
    def load(cls, root: Path, passages: bool = False) -> "SearchIndex":
        """The SQLite index when the build wrote one (a query reads only what it needs), else the
        JSON; ``passages``: the index of the papers' paragraphs instead of the items."""
        db = root / (PASSAGES_SQLITE if passages else SQLITE_FILE)
        path = root / (PASSAGES_FILE if passages else INDEX_FILE)
        if db.exists() and (not path.exists() or db.stat().st_mtime_ns >= path.stat().st_mtime_ns):
            try:
                return cls(store=SqliteStore(db))
            except (sqlite3.Error, KeyError, TypeError, ValueError) as exc:
                raise PolicyKBError(f"broken search index ({exc}); run `policykb build` again", db) from None
        if not path.exists():
            raise PolicyKBError("no search index; run `policykb build` first", path)
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (json.JSONDecodeError, KeyError) as exc:
            raise PolicyKBError(f"broken search index ({exc}); run `policykb build` again", path) from None

    def _learn_vocab(self, text: str) -> None:
        """Look up at once every substring of ``text`` that could be an index word."""
        cands = {text[i : i + n] for i in range(len(text)) for n in range(2, self.max_word + 1) if i + n <= len(text)}
        cands |= set(text)
        self._vocab |= set(self.store.df(cands))

    # -- query analysis
    def segment(self, text: str, names: bool = True) -> list[str]:
        """Forward maximum matching against the index vocabulary (and glossary names, kept whole
        for the expansion; ``names=False``: index words only, to find a term's words)."""
        out = []
        self._learn_vocab(text)
        for chunk in re.findall(r"[a-z0-9][a-z0-9+/.'\-]*|[^\sa-z0-9]+", text):
            if re.match(r"[a-z0-9]", chunk):
                out.append(chunk)
                continue
            i, pending = 0, ""
            while i < len(chunk):
                for n in range(min(self.max_word, len(chunk) - i), 0, -1):
                    w = chunk[i : i + n]
                    if n == 1 or w in self._vocab or names and w in self.names:
                        if n == 1 and not re.fullmatch(r"\W", w):
                            pending += w  # characters that form no known word stay together
                        else:
                            if pending:
                                out.append(pending)
                                pending = ""
                            if not re.fullmatch(r"\W+", w):
                                out.append(w)
                        i += n
                        break
            if pending:
                out.append(pending)
        return out

    def occurs(self, text: str) -> bool:
        """Whether ``text`` is said somewhere, as the browser can tell cheaply: it is an index
        word, or its text is in one of the OCCURS_POOL shortest items that have all its words."""
        if not text:
            return self.store.n > 0
        toks = list(dict.fromkeys(self.segment(text)))
        if not toks or any(t not in self._vocab for t in toks):
            return False
        if toks == [text]:
            return True
        common = None
        for t in sorted(toks, key=lambda t: (self.store.df([t]).get(t, 0), t)):
            post = set(self.store.postings(t))
            common = post if common is None else common & post
            if not common:
                return False
        pool = sorted(common, key=lambda i: (self.lengths[i], i))[:OCCURS_POOL]
        texts = self.store.texts(pool)
        return any(text in texts[i] for i in pool)

    def correct(self, word: str, context: str = "") -> str | None:
        """The index word closest to an unknown ``word`` (same length ±1; for two-character
        words, one character in place: the one that makes ``context`` a phrase of some item,
        else the most frequent)."""
        if len(word) == 2:
            cands = [w for w in self.store.words_of_len(2) if (w[0] == word[0] or w[1] == word[1]) and w != word]
            df = self.store.df(cands)
            cands.sort(key=lambda w: (-df[w], w))
            if context:
                for c in cands[:20]:  # the most frequent few: bounded work on a large corpus
                    fixed = context.replace(word, c)
                    if self.occurs(fixed):
                        return c
            return cands[0] if cands else None
        words = [w for n in (len(word) - 1, len(word), len(word) + 1) for w in self.store.words_of_len(n)]
        best = process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=70)
        return best[0] if best else None

    def expand(self, q: str) -> tuple[list[str], list[str], list[str]]:
        """(phrases, tokens, notes): glossary names in the query become their Chinese terms;
        unknown words are corrected to the closest vocabulary word or glossary name."""
        phrases, notes, kept = [], [], []
        rest = q
        for name in self.names_by_len:
            if len(name) >= 2 and name in rest:
                for zh in sorted(self.names[name]):
                    if name != zh:  # an English name, abbreviation or alias: search its term, in any spelling
                        phrases += [zh, *self.spellings.get(zh, [])]
                        notes.append(f"{name} → {zh}")
                if any(name != zh for zh in self.names[name]):
                    rest = rest.replace(name, " ")
                    if self.store.df([name]).get(name):
                        kept.append(name)  # printed as such too (AIGC, GPT): a word of its own
        compact = re.sub(r"\s+", "", q)
        if not phrases and not self.occurs(compact):
            # a small typo: the closest glossary name or index word of about the same length
            names = [n for n in self.names if abs(len(n) - len(q)) <= 1]
            best = process.extractOne(q, names, scorer=fuzz.ratio, score_cutoff=75)
            if best is None and " " not in q:
                words = [w for n in (len(compact) - 1, len(compact), len(compact) + 1) if n >= 2 for w in self.store.words_of_len(n)]
                best = process.extractOne(compact, words, scorer=fuzz.ratio, score_cutoff=80)
            if best and best[0] != q:
                for zh in sorted(self.names.get(best[0], {best[0]})):
                    phrases.append(zh)
                notes.append(f"{q} ≈ {best[0]}")
                rest = compact = ""  # the query is a typo: its own text is no phrase to look for
        tokens = []
        for t in self.segment(rest):
            if t in self._vocab:
                tokens.append(t)
            elif len(t) >= 2:
                fixed = self.correct(t, compact)
                if fixed:
                    tokens.append(fixed)
                    notes.append(f"{t} ≈ {fixed}")
        tokens += kept
        for ph in phrases:
            tokens += [t for t in self.segment(ph, names=False) if t in self._vocab]
        if len(compact) >= 2 and not re.search(r"[a-z]", q):
            phrases.append(compact)
        return list(dict.fromkeys(phrases)), list(dict.fromkeys(tokens)), notes

    # -- ranking
    def search(self, query: str, *, kind=None, paper=None, topic=None, actor=None, limit=10) -> tuple[list[Hit], list[str]]:
        q = query_norm(query).strip()
        if not q:
            raise PolicyKBError("empty query")
        phrases, tokens, notes = self.expand(q)
        n = self.store.n
        scores: dict[int, float] = {}
        matched: dict[int, list[str]] = {}
        # rare words first; a very common word (in more than a tenth of the items) only adds to
        # items already found, which keeps a query fast on a large corpus
        df = self.store.df(tokens)
        for t in sorted(tokens, key=lambda t: df.get(t, 0)):
            post = self.store.postings(t) if df.get(t) else []
            if not post:
                continue
            idf = math.log(1 + (n - len(post) + 0.5) / (len(post) + 0.5))
            common = len(post) > n / 10 and scores
            if common:
                pset = self._post_sets.get(t)
                if pset is None:
                    pset = self._post_sets[t] = frozenset(post)
                targets = [i for i in scores if i in pset]
            else:
                targets = post
            for i in targets:
                denom = 1.0 + K1 * (1 - B + B * self.lengths[i] / self.avglen)
                scores[i] = scores.get(i, 0.0) + idf * (K1 + 1) / denom
                matched.setdefault(i, []).append(t)
        keys = ("id", "kind", "paper") + (("topics",) if topic else ()) + (("actors",) if actor else ())
        rows = self.store.rows(scores, keys)

        def keep(i: int) -> bool:
            it = rows[i]
            if kind and it["kind"] != kind or paper and it["paper"] != paper:
                return False
            return not (topic and topic not in it.get("topics", []) or actor and actor not in it.get("actors", []))

        def ranking(k: int, among=None):
            return heapq.nsmallest(
                k,
                (
                    (-round(sc * KIND_WEIGHT.get(rows[i]["kind"], 1.0), 4), rows[i]["id"], i)
                    for i, sc in scores.items()
                    if keep(i) and (among is None or i in among)
                ),
            )

        # the phrase bonus: the whole query (or its glossary term) said in the item, the more
        # often the more bonus. A phrase that is an index word: its postings count it in every
        # item found; any other phrase is looked for in the texts of the best PHRASE_POOL
        # candidates that have all of its words.
        def bonus(i: int, n_ph: int, ph: str) -> None:
            if n_ph:
                scores[i] += PHRASE_BONUS * (1 + 0.5 * min(n_ph - 1, 4))
                matched[i].append(ph)

        phrases = [ph for ph in phrases if len(ph) >= 2]
        words = self.store.df(phrases)
        for ph in phrases:
            if words.get(ph):
                for i, n_ph in zip(self.store.postings(ph), self.store.counts(ph)):
                    if i in scores:
                        bonus(i, n_ph, ph)
        rest = [ph for ph in phrases if not words.get(ph)]
        pools = {}
        for ph in rest:
            words_of_ph = list(dict.fromkeys(self.segment(ph, names=False)))
            if not words_of_ph or any(not self.store.df([w]).get(w) for w in words_of_ph):
                continue  # a phrase with a word no item has is said by no item
            among = set(self.store.postings(words_of_ph[0]))
            for w in words_of_ph[1:]:
                among &= set(self.store.postings(w))
            pools[ph] = [i for _, _, i in ranking(PHRASE_POOL, among)]
        texts = self.store.texts({i for pool in pools.values() for i in pool})
        for ph, pool in pools.items():
            for i in pool:
                bonus(i, texts[i].count(ph), ph)
        ranked = ranking(limit)
        full = self.store.rows([i for _, _, i in ranked])
        return [Hit(full[i], -neg, matched.get(i, [])) for neg, _, i in ranked], notes


def search_with_passages(index: SearchIndex, passages, query: str, *, kind=None, paper=None, topic=None, actor=None, limit=10):
    """Items first; when fewer than ``limit`` items match, the papers' passages that mention the
    query after them (``passages``: a SearchIndex of paragraphs, or a function giving it or None,
    called only then). Passages have no topics or actors, so those filters keep items only.
    The notes are the items'."""
    hits, notes = index.search(query, kind=kind, paper=paper, topic=topic, actor=actor, limit=limit)
    if len(hits) < limit and kind in (None, "passage") and not topic and not actor:
        more = passages() if callable(passages) else passages
        if more is not None:
            hits += more.search(query, paper=paper, limit=limit - len(hits))[0]
    return hits, notes


def highlight(text: str, words: list[str], start: str, end: str) -> str:
    """Mark the matched words in ``text`` (matching on the normalised form, same length)."""
    nt = norm(text)
    if len(nt) != len(text):
        return text
    marks = [False] * len(text)
    for w in sorted(set(words), key=len, reverse=True):
        for m in re.finditer(re.escape(w), nt):
            for k in range(m.start(), m.end()):
                marks[k] = True
    out, inside = [], False
    for ch, mk in zip(text, marks):
        if mk and not inside:
            out.append(start)
            inside = True
        elif not mk and inside:
            out.append(end)
            inside = False
        out.append(ch)
    if inside:
        out.append(end)
    return "".join(out)
