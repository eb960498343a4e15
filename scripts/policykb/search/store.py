"""Where the search engine reads its index from: the JSON in memory, or SQLite on disk.

``corpus/search_index.sqlite`` (written by the build from the same index as the JSON) lets one
``policykb search`` read only what its query needs: the postings of its words (a B-tree lookup),
the few vocabulary words it could be made of, how often each item says a word (stored with the
postings), the texts of a bounded pool of candidates (for a phrase that is no word) and the rows
of the items it scores. Both stores answer the same questions with the same values, so a query ranks the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from array import array
from pathlib import Path

from policykb.search.normalize import norm

SQLITE_FILE = Path("corpus") / "search_index.sqlite"
PASSAGES_SQLITE = Path("corpus") / "search_passages.sqlite"
SQLITE_VERSION = 3
ITEM_KEYS = ("id", "kind", "paper", "text", "quote", "section", "topics", "actors", "url")


class MemoryStore:
    """The whole index in memory (built from the JSON dict)."""

    def __init__(self, data: dict):
        self.items = data["items"]
        self.site_url = data.get("site_url", "/")
        self.glossary = data.get("glossary", [])
        self._postings: dict[str, list[int]] = {}
        self.lengths = []
        for i, it in enumerate(self.items):
            self.lengths.append(len(it["tokens"]) or 1)
            for t in it["tokens"]:
                self._postings.setdefault(t, []).append(i)
        self.n = len(self.items)
        self.total_length = sum(self.lengths)
        self._by_len: dict[int, list[str]] = {}
        for w in sorted(self._postings):
            self._by_len.setdefault(len(w), []).append(w)
        self.max_word = max((len(w) for w in self._postings), default=1)
        self._norm_text = [norm(it["text"] + " " + it["quote"]) for it in self.items]
        self.papers = sorted({it["paper"] for it in self.items})
        self.topics = sorted({t for it in self.items for t in it.get("topics", [])})
        self.actors = sorted({a for it in self.items for a in it.get("actors", [])})

    def postings(self, token: str) -> list[int]:
        return self._postings.get(token, [])

    def df(self, tokens) -> dict[str, int]:
        return {t: len(self._postings[t]) for t in tokens if t in self._postings}

    def words_of_len(self, n: int) -> list[str]:
        return self._by_len.get(n, [])

    def texts(self, ids) -> dict[int, str]:
        """The matching form (normalised text and quote) of the items ``ids``."""
        return {i: self._norm_text[i] for i in ids}

    def counts(self, token: str) -> list[int]:
        """How often each item of ``token``'s postings says it (in its matching form), in postings order."""
        return [self._norm_text[i].count(token) for i in self.postings(token)]

    def rows(self, ids, keys=None) -> dict[int, dict]:
        return {i: self.items[i] for i in ids}


class SqliteStore:
    """The index in SQLite: opened read-only, read by query."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        if int(meta["version"]) != SQLITE_VERSION:
            raise KeyError(f"version {meta['version']}")
        self.site_url = meta["site_url"]
        self.glossary = json.loads(meta["glossary"])
        self.papers, self.topics, self.actors = (json.loads(meta[k]) for k in ("papers", "topics", "actors"))
        self.n, self.total_length, self.max_word = (int(meta[k]) for k in ("n", "total_length", "max_word"))
        self.lengths = array("I")
        self.lengths.frombytes(self.db.execute("SELECT data FROM blobs WHERE key='lengths'").fetchone()[0])
        self._df: dict[str, int] = {}

    def _ints(self, column: str, token: str) -> list[int]:
        row = self.db.execute(f"SELECT {column} FROM postings WHERE token=?", (token,)).fetchone()
        if row is None:
            return []
        a = array("I")
        a.frombytes(row[0])
        return a.tolist()

    def postings(self, token: str) -> list[int]:
        return self._ints("items", token)

    def df(self, tokens) -> dict[str, int]:
        ask = [t for t in set(tokens) if t not in self._df]
        for k in range(0, len(ask), 500):
            part = ask[k : k + 500]
            for t, d in self.db.execute(f"SELECT token, df FROM postings WHERE token IN ({','.join('?' * len(part))})", part):
                self._df[t] = d
            for t in part:
                self._df.setdefault(t, 0)
        return {t: self._df[t] for t in tokens if self._df.get(t)}

    def words_of_len(self, n: int) -> list[str]:
        rows = self.db.execute("SELECT token, df FROM postings WHERE len=? ORDER BY token", (n,)).fetchall()
        for t, d in rows:
            self._df[t] = d
        return [t for t, _ in rows]

    def counts(self, token: str) -> list[int]:
        return self._ints("counts", token)

    def texts(self, ids) -> dict[int, str]:
        ids = sorted(ids)
        out = {}
        for k in range(0, len(ids), 900):
            part = ids[k : k + 900]
            for i, t in self.db.execute(f"SELECT i, txt FROM texts WHERE i IN ({','.join('?' * len(part))})", part):
                out[i] = t
        return out

    def rows(self, ids, keys=ITEM_KEYS) -> dict[int, dict]:
        """The items ``ids`` with the fields ``keys`` only (ranking needs id and kind, not text)."""
        ids = sorted(ids)
        out = {}
        for k in range(0, len(ids), 900):
            part = ids[k : k + 900]
            q = f"SELECT i, {', '.join(keys)} FROM items WHERE i IN ({','.join('?' * len(part))})"
            for row in self.db.execute(q, part):
                it = dict(zip(keys, row[1:]))
                for lst in ("topics", "actors"):
                    if lst in it:
                        it[lst] = json.loads(it[lst])
                out[row[0]] = it
        return out


def _stamp(path: Path) -> str | None:
    """The digest of the index the SQLite file was made from (None: absent, old or broken)."""
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('version', 'index_sha256')"))
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return meta.get("index_sha256") if meta.get("version") == str(SQLITE_VERSION) else None


def write_sqlite(root: Path, index: dict, rel: Path = SQLITE_FILE, text: str | None = None) -> Path:
    """Write ``index`` (the dict of build_index) as SQLite; replaced atomically, and only when the
    bytes differ (the same inserts in the same order give the same file). ``text``: the index's
    JSON (search.index.index_json), if already made."""
    path = root / rel
    if text is None:
        text = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    stamp = hashlib.sha256(text.encode()).hexdigest()
    if _stamp(path) == stamp:
        return path  # made from this very index: nothing to do
    mem = MemoryStore(index)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE blobs (key TEXT PRIMARY KEY, data BLOB NOT NULL);
        CREATE TABLE postings (token TEXT PRIMARY KEY, len INTEGER NOT NULL, df INTEGER NOT NULL, items BLOB NOT NULL,
                               counts BLOB NOT NULL) WITHOUT ROWID;
        CREATE INDEX postings_len ON postings (len, token);
        CREATE TABLE items (i INTEGER PRIMARY KEY, id TEXT, kind TEXT, paper TEXT, text TEXT, quote TEXT,
                            section TEXT, topics TEXT, actors TEXT, url TEXT);
        CREATE TABLE texts (i INTEGER PRIMARY KEY, txt TEXT NOT NULL);
        """
    )
    dumps = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))  # noqa: E731
    meta = {
        "version": SQLITE_VERSION, "site_url": index.get("site_url", "/"), "glossary": dumps(mem.glossary),
        "papers": dumps(mem.papers), "topics": dumps(mem.topics), "actors": dumps(mem.actors),
        "n": mem.n, "total_length": mem.total_length, "max_word": mem.max_word, "index_sha256": stamp,
    }  # fmt: skip
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted((k, str(v)) for k, v in meta.items()))
    db.execute("INSERT INTO blobs VALUES ('lengths', ?)", (array("I", mem.lengths).tobytes(),))
    db.executemany(
        "INSERT INTO postings VALUES (?, ?, ?, ?, ?)",
        ((t, len(t), len(p), array("I", p).tobytes(), array("I", mem.counts(t)).tobytes()) for t, p in sorted(mem._postings.items())),
    )
    db.executemany(
        "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((i, *(dumps(it.get(k, [])) if k in ("topics", "actors") else it.get(k) for k in ITEM_KEYS)) for i, it in enumerate(mem.items)),
    )
    db.executemany("INSERT INTO texts VALUES (?, ?)", enumerate(mem._norm_text))
    db.commit()
    db.execute("VACUUM")
    db.close()
    if path.exists() and path.read_bytes() == tmp.read_bytes():
        tmp.unlink()
    else:
        os.replace(tmp, path)
    return path
