"""Incremental, parallel extraction: one paper's inputs -> its record, cached by content hash.

Extraction is a pure function of one paper's inputs (:class:`PaperInputs`: raw bytes, curated
metadata, curation file, the previous record whose ids are kept, the curated glossary's terms)
and of the code and rules that extract (:func:`code_version`). The cache key is the SHA-256 of
all of them, so a paper whose inputs are unchanged is read back from
``.cache/policykb/extract/`` instead of being extracted again, and anything that could change
its record (a rule file, a source file of the extractor, jieba's version) makes it a miss.

The papers that miss are extracted in worker processes (``workers``), each a call of
:func:`extract_one`; results are collected in paper order, so the output does not depend on the
number of workers.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from policykb.errors import PolicyKBError
from policykb.paper import Paper

CACHE_DIR = Path(".cache") / "policykb" / "extract"
CACHE_FORMAT = 1
PACKAGE = Path(__file__).resolve().parent
# Parts of the package that never run during extraction (a change there keeps the cache).
NOT_EXTRACTION = {
    "cli", "render", "search", "build.py", "check.py", "cite.py", "export.py",
    "incremental.py", "progress.py", "__main__.py", "buildcache.py", "forked.py",
}  # fmt: skip


@lru_cache(maxsize=None)
def code_version() -> str:
    """SHA-256 over every source and rule file that extraction runs or reads (and the versions of
    Python, jieba, OpenCC and PyYAML), so an edited rule or extractor invalidates every paper."""
    return package_digest(frozenset(NOT_EXTRACTION), ("jieba", "opencc", "yaml", "rapidfuzz"))


def package_digest(skip: frozenset, modules: tuple) -> str:
    """SHA-256 over the package's source and rule files (but the top-level parts in ``skip``),
    Python's version and the versions of ``modules``."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        if not path.is_file() or "__pycache__" in rel.parts or rel.parts[0] in skip:
            continue
        if path.suffix not in {".py", ".yaml", ".yml", ".json", ".tsv", ".txt"}:
            continue
        h.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = [sys.version]
    for mod in modules:
        try:
            versions.append(f"{mod} {getattr(__import__(mod), '__version__', '?')}")
        except ImportError:
            versions.append(f"{mod} absent")
    h.update("\n".join(versions).encode())
    return h.hexdigest()


@dataclass(frozen=True)
class PaperInputs:
    """Everything one paper's extraction depends on besides the code (all picklable)."""

    path: str
    paper_id: str
    source_file: str
    meta_file: str
    previous_file: str
    known: tuple  # ((zh, (en, ...)), ...) sorted
    ledger_file: str = ""  # corpus/ids/<paper>.tsv: the ids ever given, which no rebuild may move

    def key(self) -> str:
        h = hashlib.sha256()
        h.update(f"{CACHE_FORMAT}\0{code_version()}\0{self.paper_id}\0{self.source_file}\0".encode())
        for f in (self.path, self.meta_file, self.previous_file, _curation_file(self), self.ledger_file):
            p = Path(f)
            h.update(hashlib.sha256(p.read_bytes()).digest() if p.is_file() else b"absent")
        h.update(repr(self.known).encode())
        return h.hexdigest()


def _curation_file(inp: PaperInputs) -> str:
    # corpus/curation/<paper>.yaml (human corrections, DESIGN): part of the key once it exists
    return str(Path(inp.meta_file).parent.parent / "curation" / f"{inp.paper_id}.yaml")


def freeze_known(known: dict) -> tuple:
    return tuple(sorted((k, tuple(sorted(v))) for k, v in known.items()))


def extract_one(inp: PaperInputs) -> tuple:
    """Extract one paper: ``("ok", paper record, full text)`` or ``("error", message, path, line)``."""
    from policykb import ids
    from policykb.build import read_previous
    from policykb.pipeline import extract_paper

    try:
        # an unreadable previous record stops the build (renumbering from it would move ids);
        # the ledger brings back every id a lost or truncated record no longer shows
        previous = read_previous(Path(inp.previous_file), inp.paper_id)
        ledger = ids.read_ledger(inp.ledger_file) if inp.ledger_file else {}
        if ledger:
            previous = ids.with_ledger(previous, ledger)
        ex = extract_paper(
            inp.path,
            paper_id=inp.paper_id,
            source_file=inp.source_file,
            meta_file=Path(inp.meta_file),
            previous=previous,
            known={k: frozenset(v) for k, v in inp.known},
        )
    except PolicyKBError as exc:  # sent back as data: the exception does not pickle its path
        return ("error", exc.message, exc.path, exc.line)
    # the body paragraphs with their sections: the passage search index (search/index.py)
    return ("ok", ex.paper, ex.full_text, [(p.section, p.text) for p in ex.document.paragraphs])


def _cache_path(root: Path, inp: PaperInputs, key: str) -> Path:
    return root / CACHE_DIR / f"{inp.paper_id}.{key[:32]}.pickle"


def _read_cache(path: Path):
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        return None  # absent or damaged: extract again


def _write_cache(path: Path, value) -> None:
    """Atomic: a temporary file in the same folder, then a rename; old entries of the paper go."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    pid = path.name.split(".")[0]
    for old in path.parent.glob(f"{pid}.*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass
class ExtractResult:
    paper_id: str
    paper: Paper
    full_text: str
    cached: bool
    inputs: PaperInputs | None = None
    key: str = ""
    paragraphs: list = field(default_factory=list)  # [(section id, text)] of the body


def extract_all(root: Path, inputs: list[PaperInputs], workers: int | None = None, cache: bool = True) -> list[ExtractResult]:
    """Extract every paper (from the cache where its key is known), in the order of ``inputs``."""
    workers = workers or default_workers()
    results: list[ExtractResult | None] = [None] * len(inputs)
    keys = [inp.key() for inp in inputs]
    todo = []
    for i, (inp, key) in enumerate(zip(inputs, keys)):
        hit = _read_cache(_cache_path(root, inp, key)) if cache else None
        if hit is not None and hit[0] == key and len(hit) == 4:  # an entry before paragraphs were kept: extract again
            results[i] = ExtractResult(inp.paper_id, hit[1], hit[2], True, inp, key, hit[3])
        else:
            todo.append(i)
    if len(todo) > 1 and workers > 1:
        from policykb.segment import _jieba

        _jieba()  # load jieba's dictionary once, before the fork: workers share it
        import jieba.posseg  # noqa: F401  its part-of-speech tables too (terms, indicators): 0.2 s a worker
        ctx = get_context("fork") if "fork" in get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=ctx) as pool:
            outs = list(pool.map(extract_one, [inputs[i] for i in todo]))
    else:
        outs = [extract_one(inputs[i]) for i in todo]
    for i, out in zip(todo, outs):
        if out[0] == "error":
            raise PolicyKBError(out[1], out[2], out[3])
        results[i] = ExtractResult(inputs[i].paper_id, out[1], out[2], False, inputs[i], keys[i], out[3])
        if cache:
            _write_cache(_cache_path(root, inputs[i], keys[i]), (keys[i], out[1], out[2], out[3]))
    return results  # type: ignore[return-value]


def remember_written(root: Path, results: list[ExtractResult]) -> None:
    """After the build wrote corpus/papers/<paper>.yaml: file each result also under the key that
    has the written file as its previous record, so the next build finds it.

    This relies on id assignment being idempotent: extracting a paper again with its own output as
    the previous record gives that output (tests/test_incremental.py checks it against a build
    without the cache)."""
    for r in results:
        if r.inputs is None:
            continue
        key = r.inputs.key()
        if key != r.key:
            path = _cache_path(root, r.inputs, key)
            old = _read_cache(_cache_path(root, r.inputs, r.key))
            if old is not None and len(old) == 4:
                _write_cache(path, (key, *old[1:]))
