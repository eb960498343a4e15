"""The search index as static files for the site's search client (docs/javascripts/pkb-search.js).

Written by ``policykb build`` into ``site/pkb-search/`` from the same index as
``corpus/search_index.json``; a query fetches only what it needs:

- ``meta.json``: corpus statistics, the ranking constants of engine.py, the glossary's names, the
  papers (each paper's items are one run of positions, its kinds runs within it), topics and
  actors, and the character tables of the query's normalisation (OpenCC's traditional →
  simplified characters, the full-width fold);
- ``v/<k>.json``: the vocabulary with document frequencies, split by a hash of a word's first
  character (segmenting a query looks up the substrings starting at each of its characters);
- ``p/<k>.json``: postings (item positions as gaps, each item's length in words and how often
  its text says the word), split by a hash of the word;
- ``l/<n>.json``: every word of n characters with its frequency (read only to correct an
  unknown word);
- ``i/<k>.json``: the items in blocks of BLOCK by position (id, kind, paper, text, quote,
  permalink, matching form);
- ``f/t<k>.json``, ``f/a<k>.json``: the items of topic / actor k (the filters);
- ``passages/``: the same for the papers' paragraphs (searched after the items when fewer than
  the results asked for match), its meta.json without the glossary names and tables.

Shard counts are powers of two chosen from the corpus size, so files stay small as it grows.
The hash is 32-bit FNV-1a over UTF-8, the same in Python and JavaScript.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from policykb.search import engine
from policykb.search.normalize import fold_map, norm, t2s_char_map
from policykb.search.store import MemoryStore

DIR = "pkb-search"
VERSION = 2
BLOCK = 4
KIND_LETTERS = (("c", "claim"), ("f", "framework"), ("r", "recommendation"), ("s", "statistic"))


def fnv1a(text: str) -> int:
    """
    >>> fnv1a(""), fnv1a("数据")
    (2166136261, 2280214293)
    """
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def _shards(total_bytes: int, target: int, least: int) -> int:
    n = least
    while total_bytes / n > target:
        n *= 2
    return n


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _gaps(ids: list[int]) -> list[int]:
    out, last = [], 0
    for i in ids:
        out.append(i - last)
        last = i
    return out


def static_files(index: dict, titles: dict[str, str] | None = None, passages: dict | None = None) -> dict[str, str]:
    """Relative path -> text of every file of the static index (``passages``: the passage index,
    under ``passages/`` with a meta.json of its own that leaves out what the items' holds)."""
    mem = MemoryStore(index)
    items = mem.items
    if [it["id"] for it in items] != sorted(it["id"] for it in items):
        raise ValueError("search index items must be in id order")
    files: dict[str, str] = {}
    # papers: each paper's items are one run; within it one run per kind, in id order
    # (claims c < frameworks f < recommendations r < statistics s; passages are an index of their own)
    present = {it["kind"] for it in items}
    order = [kind for _, kind in KIND_LETTERS] + sorted(present - {kind for _, kind in KIND_LETTERS})
    kinds = [k for k in order if k in present]
    papers = []
    for i, it in enumerate(items):
        if not papers or papers[-1][0] != it["paper"]:
            papers.append([it["paper"], i, (titles or {}).get(it["paper"]) or ""] + [0] * len(kinds))
        papers[-1][3 + kinds.index(it["kind"])] += 1
    for p in papers:  # the kind runs must be contiguous: check by recomputing positions
        start = p[1]
        for k, kind in enumerate(kinds):
            for j in range(start, start + p[3 + k]):
                if items[j]["kind"] != kind or items[j]["paper"] != p[0]:
                    raise ValueError(f"item {items[j]['id']} out of its paper's kind run")
            start += p[3 + k]
    names: dict[str, set] = {}
    for e in mem.glossary:
        for n in e["names"]:
            names.setdefault(n, set()).add(norm(e["zh"]))
    name_list = list(names)
    by_len = sorted(range(len(name_list)), key=lambda k: (-len(name_list[k]), name_list[k]))
    postings = mem._postings
    post_bytes = sum(len(t) * 3 + 8 * len(p) for t, p in postings.items())
    vocab_bytes = sum(len(t) * 3 + 8 for t in postings)
    n_post = _shards(post_bytes, 16_000, 16)
    n_vocab = _shards(vocab_bytes, 4_000, 8)
    t2s = t2s_char_map()
    fm = fold_map()
    meta = {
        "version": VERSION, "site_url": mem.site_url, "n": mem.n, "total_length": mem.total_length,
        "max_word": mem.max_word, "k1": engine.K1, "b": engine.B, "phrase_bonus": engine.PHRASE_BONUS,
        "phrase_pool": engine.PHRASE_POOL, "occurs_pool": engine.OCCURS_POOL, "kind_weight": engine.KIND_WEIGHT,
        "kinds": kinds, "block": BLOCK, "vocab_shards": n_vocab,
        "post_shards": n_post, "names": [[n, sorted(names[n])] for n in name_list], "names_by_len": by_len,
        "spellings": engine.spellings(mem.glossary),
        "papers": papers, "topics": mem.topics, "actors": mem.actors,
        "lengths": sorted({len(t) for t in postings}),
        "t2s": ["".join(t2s), "".join(t2s.values())], "fold": ["".join(fm), "".join(fm.values())],
    }  # fmt: skip
    if passages is not None:
        meta["passages"] = True
        for rel, text in static_files(passages, titles).items():
            if rel == "meta.json":
                sub = json.loads(text)
                for shared in ("names", "names_by_len", "spellings", "t2s", "fold"):  # the same glossary and tables
                    del sub[shared]
                text = _dump(sub)
            files[f"passages/{rel}"] = text
    files["meta.json"] = _dump(meta)
    vocab: dict[int, dict] = {}
    post: dict[int, dict] = {}
    by_len: dict[int, list] = {}
    for t in sorted(postings):
        ids = postings[t]
        vocab.setdefault(fnv1a(t[0]) % n_vocab, {})[t] = len(ids)
        post.setdefault(fnv1a(t) % n_post, {})[t] = [_gaps(ids), [mem.lengths[i] for i in ids], mem.counts(t)]
        by_len.setdefault(len(t), []).append(t)
    for k, v in vocab.items():
        files[f"v/{k}.json"] = _dump(v)
    for k, v in post.items():
        files[f"p/{k}.json"] = _dump(v)
    for n, words in by_len.items():
        files[f"l/{n}.json"] = _dump([words, [len(postings[w]) for w in words]])
    for b in range(0, mem.n, BLOCK):
        rows = [
            [it["id"], it["kind"], it["paper"], it["text"], it["quote"], it["url"], mem._norm_text[i]]
            for i, it in enumerate(items[b : b + BLOCK], start=b)
        ]
        files[f"i/{b // BLOCK}.json"] = _dump(rows)
    for prefix, names_, key in (("t", mem.topics, "topics"), ("a", mem.actors, "actors")):
        for k, name in enumerate(names_):
            files[f"f/{prefix}{k}.json"] = _dump(_gaps([i for i, it in enumerate(items) if name in (it.get(key) or [])]))
    return files


def write_static(site_dir: Path, index: dict, titles: dict[str, str] | None = None, passages: dict | None = None) -> Path:
    """Write the static index into ``site_dir/pkb-search`` (replacing what was there)."""
    out = site_dir / DIR
    tmp = site_dir / f".{DIR}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    for rel, text in static_files(index, titles, passages).items():
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    os.replace(tmp, out)
    return out
