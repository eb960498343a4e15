"""What a no-change rebuild may skip: the derived stages and `mkdocs build` (issue 12).

**Derived stages** (glossary, check, write, search index, render) are a pure function of the
extraction results (records, full texts, body paragraphs), the curated glossary and curation
files, ``site_url`` and the code (all of the package and the libraries it calls). The SHA-256 of
all of it is the key of ``.cache/policykb/derived.pickle``, which also holds what those stages
wrote (path -> SHA-256 of the bytes, the ledgers included) and listed in the generated folders
of docs/. A build whose key is the stored one and whose outputs on disk are still those bytes
(and no stray file sits in a generated folder) skips the stages: a clean build would write the
same bytes. It takes back the glossary and the claims' terms from the entry.

**The site**: ``site/.policykb-stamp.json`` holds the digest of what `mkdocs build` and the
static search index read (docs/, mkdocs.yml, the generated navigation, overrides/, the search
indexes, the papers' titles, the code and every installed distribution's version) and a digest
of the path, size and modification time of every file of the site. It is written atomically
after the new site was swapped in; a build whose inputs hash the same and whose site still has
those files skips `mkdocs build` and keeps the site.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from functools import lru_cache
from pathlib import Path

from policykb.atomic import write_bytes
from policykb.incremental import package_digest

DERIVED_CACHE = Path(".cache") / "policykb" / "derived.pickle"
DERIVED_FORMAT = 1
STAMP = ".policykb-stamp.json"


@lru_cache(maxsize=None)
def full_code_version() -> str:
    """The whole package (render, search, check, cite and export included), the version of every
    installed distribution (the libraries it calls, MkDocs and its theme) and SQLite's."""
    return f"{package_digest(frozenset(), ())}\n{_distributions()}\nsqlite {sqlite3.sqlite_version}"


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _hash_files(h, root: Path, paths) -> None:
    for p in paths:
        h.update(str(p.relative_to(root)).encode() + b"\0" + (_file_digest(p) or "absent").encode() + b"\0")


def _tree(root: Path, rel: str) -> list[Path]:
    d = root / rel
    return sorted(f for f in d.rglob("*") if f.is_file()) if d.is_dir() else []


def derived_key(root: Path, extractions: list, site_url: str, extra_files: list[Path]) -> str:
    """The key of the derived stages: every extraction result, ``extra_files`` (the curated
    glossary and curation files, by content), the base URL and the code."""
    h = hashlib.sha256(f"{DERIVED_FORMAT}\0{full_code_version()}\0{site_url}\0".encode())
    for ex in extractions:
        data = json.dumps([ex.paper, ex.full_text, ex.paragraphs], separators=(",", ":"), default=repr)
        h.update(ex.paper_id.encode() + b"\0" + hashlib.sha256(data.encode()).digest())
    _hash_files(h, root, sorted(extra_files))
    return h.hexdigest()


def generated_listing(root: Path, dirs: tuple) -> list[str]:
    return [str(f.relative_to(root)) for d in dirs for f in sorted((root / "docs" / d).glob("*.*"))]


def load_derived(root: Path, key: str, dirs: tuple) -> dict | None:
    """The stored entry if ``key`` is its key and every output it lists still has its bytes."""
    try:
        with (root / DERIVED_CACHE).open("rb") as fh:
            entry = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    if generated_listing(root, dirs) != entry["listing"]:
        return None  # a generated page gone or a stray one (a clean build deletes it)
    for rel, digest in entry["outputs"].items():
        if _file_digest(root / rel) != digest:
            return None
    return entry


def save_derived(root: Path, key: str, outputs: list[Path], dirs: tuple, glossary: list[dict], papers: list[dict]) -> None:
    entry = {
        "key": key,
        "outputs": {str(p.relative_to(root)): _file_digest(p) for p in sorted(set(outputs))},
        "listing": generated_listing(root, dirs),
        "glossary": glossary,
        "claim_terms": {c["id"]: c.get("terms") for p in papers for c in p["claims"]},
    }
    write_bytes(root / DERIVED_CACHE, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))


@lru_cache(maxsize=None)
def _distributions() -> str:
    from importlib import metadata

    return "\n".join(sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()}))


def site_key(root: Path, titles: dict[str, str]) -> str:
    """What `mkdocs build` and the static search index read."""
    h = hashlib.sha256(f"{full_code_version()}\0".encode())
    h.update(json.dumps(titles, sort_keys=True).encode())
    files = [root / "mkdocs.yml", root / "mkdocs.nav.yml"]
    files += [root / "corpus" / n for n in ("search_index.json", "search_passages.json")]
    _hash_files(h, root, files + _tree(root, "docs") + _tree(root, "overrides"))
    return h.hexdigest()


def _site_files(site: Path) -> str:
    """SHA-256 over the path, size and modification time of every file of the site but the stamp."""
    h = hashlib.sha256()
    for f in sorted(site.rglob("*")):
        if f.is_file() and f.name != STAMP:
            st = f.stat()
            h.update(f"{f.relative_to(site)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def site_is_current(root: Path, key: str) -> bool:
    """Whether site/ was built from inputs with this key and still has the files it had."""
    site = root / "site"
    try:
        stamp = json.loads((site / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(stamp, dict) and stamp.get("inputs") == key and stamp.get("files") == _site_files(site)


def write_stamp(root: Path, key: str) -> None:
    """After the new site was swapped in (atomically: a killed build leaves no stamp, so the next
    build runs mkdocs again)."""
    site = root / "site"
    stamp = {"inputs": key, "files": _site_files(site)}
    write_bytes(site / STAMP, (json.dumps(stamp, sort_keys=True) + "\n").encode())
