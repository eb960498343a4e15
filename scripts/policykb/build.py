"""`policykb build`: every raw paper -> YAML -> pages -> site/."""

from __future__ import annotations

import ctypes
import gc
import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from policykb import ids, yamlio
from policykb.atomic import BuildLock, write_text
from policykb.buildcache import derived_key, load_derived, save_derived, site_is_current, site_key, write_stamp
from policykb.check import check_records
from policykb.errors import PolicyKBError
from policykb.forked import fork_call, fork_map
from policykb.glossary.curated import CURATED_FILE, known_terms, load_curated
from policykb.glossary.merge import build_glossary, claim_terms
from policykb.glossary.segmenter import load_memo, save_memo
from policykb.incremental import PaperInputs, extract_all, freeze_known, remember_written
from policykb.paper import Paper, PaperShapeError, read_paper
from policykb.progress import Progress
from policykb.render.paper_page import paper_title
from policykb.render.site import GENERATED_DIRS, render_site
from policykb.search.index import PASSAGES_FILE, build_index, build_passages, index_json, site_url, write_index
from policykb.search.static import write_static
from policykb.search.store import PASSAGES_SQLITE, write_sqlite

GLOSSARY_FILE = Path("corpus") / "glossary.yaml"
SEGMENT_MEMO = Path(".cache") / "policykb" / "segment.pickle"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class BuildReport:
    papers: list[Paper] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    seconds: dict = field(default_factory=dict)
    extracted: list[str] = field(default_factory=list)  # papers extracted (not from the cache)


def raw_files(root: Path) -> list[Path]:
    raw_dir = root / "corpus" / "raw"
    if not raw_dir.is_dir():
        raise PolicyKBError("no corpus/raw directory (is this a policykb project?)", root)
    files = sorted(raw_dir.glob("*.txt"))
    if not files:
        raise PolicyKBError("no .txt papers in corpus/raw", raw_dir)
    real_dir = raw_dir.resolve()
    for f in files:
        # a paper is a regular file inside corpus/raw: never a link to a file elsewhere
        if f.is_symlink() or not f.is_file() or f.resolve().parent != real_dir:
            raise PolicyKBError("not a regular file inside corpus/raw (a symbolic link?); copy the text here", f)
    return files


def extract_corpus(root: Path, workers: int | None = None, cache: bool = True) -> list:
    """Extract every raw paper (cached by content hash, misses in ``workers`` processes; see
    incremental.py); returns per paper an object with ``.paper``, ``.full_text``, ``.paragraphs`` and ``.cached``."""
    known = freeze_known(known_terms(root))
    inputs = []
    for path in raw_files(root):
        pid = path.stem
        if not SLUG.match(pid):
            raise PolicyKBError(
                "file name must be an ASCII slug (lowercase letters, digits, '-'), e.g. zhang-lei-2024.txt",
                path,
            )
        inputs.append(paper_inputs(root, path, known))
    return extract_all(root, inputs, workers=workers, cache=cache)


def paper_inputs(root: Path, path: Path, known: tuple) -> PaperInputs:
    """What the extraction of corpus paper ``path`` depends on: its text, curated metadata and
    corrections, last record and id ledger (the same for `build` and `extract`)."""
    pid = path.stem
    return PaperInputs(
        path=str(path),
        paper_id=pid,
        source_file=str(path.relative_to(root)),
        meta_file=str(root / "corpus" / "meta" / f"{pid}.yaml"),
        previous_file=str(root / "corpus" / "papers" / f"{pid}.yaml"),
        ledger_file=str(ids.ledger_path(root, pid)),
        known=known,
    )


def read_previous(path: Path, paper_id: str) -> Paper | None:
    """The previous build's record of a paper, whose ids the build keeps; None if there is none.

    A file that exists but is not a whole paper record (empty, truncated, broken, another
    paper's) stops the build: renumbering its items from it would silently move ids.
    """
    if not path.exists():
        return None
    try:
        return read_paper(path, expect_id=paper_id)  # broken YAML or shape: file:line
    except PaperShapeError as exc:
        hint = (f"; restore it (git checkout) or delete it to rebuild its ids from "
                f"corpus/ids/{paper_id}.tsv")
        raise PolicyKBError(exc.message + hint, exc.path, exc.line) from None


def make_glossary(root: Path, extractions: list, corpus: bool = True) -> list[dict]:
    """The glossary of the extracted papers (curated terms first), and each claim's ``terms``:
    the glossary terms it mentions (glossary.merge.claim_terms, their one owner). ``corpus``:
    the extractions are the whole corpus, so the curated translations' source papers are checked."""
    papers = [ex.paper for ex in extractions]
    curated = load_curated(root / CURATED_FILE, {p.id: p for p in papers} if corpus else None)
    glossary = build_glossary(papers, curated, {ex.paper.id: ex.full_text for ex in extractions})
    claim_terms(papers, glossary)
    return glossary


def corpus_record(root: Path, path: Path, workers: int | None = None) -> Paper:
    """The record `policykb build` writes for corpus paper ``path`` (``policykb extract`` of a
    corpus paper): every paper extracted (unchanged ones from the cache), as the glossary and so
    the claims' terms depend on them all."""
    extractions = extract_corpus(root, workers=workers)
    make_glossary(root, extractions)
    return next(ex.paper for ex in extractions if ex.paper_id == path.stem)


def corpus_texts(root: Path, papers: list[Paper], glossary: list[dict]) -> dict[Path, str]:
    """The YAML of each paper record and of the glossary, by the path it is written to (dumped
    once: `check` reads its line numbers, `write` its bytes)."""
    dumped = fork_map(lambda p: yamlio.dump(p.to_dict()), papers)  # pure: the cores share the papers
    texts = {root / "corpus" / "papers" / f"{p.id}.yaml": text for p, text in zip(papers, dumped)}
    texts[root / GLOSSARY_FILE] = yamlio.dump({"schema_version": 1, "terms": glossary})
    return texts


def write_corpus(root: Path, papers: list[Paper], texts: dict[Path, str]) -> list[Path]:
    """Record every id in the ledgers (append-only, flushed), then write each paper's YAML and
    the glossary (``texts``, from :func:`corpus_texts`) atomically."""
    for p in papers:
        lpath = ids.ledger_path(root, p["id"])
        ids.append_ledger(lpath, ids.ledger_rows(p, ids.read_ledger(lpath)))
    for path, text in texts.items():  # the papers, then the glossary
        write_text(path, text)
    return list(texts)


def _die_with_parent() -> None:
    """In the mkdocs child: be killed when the build dies (even by SIGKILL), so no orphan
    keeps writing into the staging site (Linux prctl PR_SET_PDEATHSIG; elsewhere a no-op)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def run_mkdocs(root: Path, command: str = "build", extra: list[str] | None = None, site_dir: Path | None = None) -> None:
    args = [sys.executable, "-m", "mkdocs", command, "--config-file", str(root / "mkdocs.yml")]
    if command == "build":
        args += ["--strict", "--site-dir", str(site_dir or root / "site")]
    args += extra or []
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if command != "build":
        subprocess.run(args, cwd=root, env=env, check=False)
        return
    proc = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, preexec_fn=_die_with_parent)
    if proc.returncode != 0:
        lines = [ln for ln in (proc.stderr + proc.stdout).splitlines() if "WARNING" in ln or "ERROR" in ln]
        detail = lines[0] if lines else (proc.stderr.strip().splitlines() or ["mkdocs failed"])[-1]
        raise PolicyKBError(f"mkdocs build --strict failed: {detail}", root / "mkdocs.yml")


SITE_STAGING = ".site-new"
SITE_OLD = ".site-old"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux renameat2 RENAME_EXCHANGE)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in_site(root: Path, new: Path) -> None:
    """Put the freshly built ``new`` in place of ``root/site``: an interrupted build leaves the
    last good site. The swap is one atomic exchange where the system has it; otherwise two
    renames with Ctrl-C held off between them (and recover_site() repairs a SIGKILL there)."""
    site, old = root / "site", root / SITE_OLD
    if old.exists():
        shutil.rmtree(old)
    if site.is_dir() and _exchange(new, site):
        shutil.rmtree(new)
        return
    blocked = {signal.SIGINT, signal.SIGTERM}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        if site.exists():
            os.replace(site, old)
        os.replace(new, site)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    if old.exists():
        shutil.rmtree(old)


def recover_site(root: Path) -> None:
    """Clean what an interrupted build left: a half-built staging site, or a site moved aside."""
    site, old, new = root / "site", root / SITE_OLD, root / SITE_STAGING
    if not site.exists() and old.is_dir():
        os.replace(old, site)
    for d in (new, old):
        if d.exists():
            shutil.rmtree(d)


def build_corpus(
    root: Path, *, site: bool = True, workers: int | None = None, cache: bool = True, quiet: bool | None = None
) -> BuildReport:
    """The whole build, holding the project's lock (a second build in the folder stops);
    ``workers`` extraction processes (default: the cores), ``cache`` reuses unchanged papers'
    extraction, ``quiet`` silences the per-stage lines (default: quiet unless stderr is a terminal)."""
    with BuildLock(root):
        try:
            return _build(root, site=site, workers=workers, cache=cache, quiet=quiet)
        finally:
            gc.unfreeze()


def _build(root: Path, *, site: bool = True, workers: int | None = None, cache: bool = True, quiet: bool | None = None) -> BuildReport:
    report = BuildReport()
    prog = Progress(enabled=None if quiet is None else not quiet)
    recover_site(root)
    with prog.stage("extract") as st:
        extractions = extract_corpus(root, workers=workers, cache=cache)
        cached = sum(ex.cached for ex in extractions)
        st["note"] = f"{len(extractions)} papers, {cached} unchanged from the cache"
    # the records live as long as the build: the cyclic collector need not scan them again and
    # again (its full passes grew with the corpus, a cost of every later stage)
    gc.freeze()
    report.papers = [ex.paper for ex in extractions]
    report.extracted = [ex.paper_id for ex in extractions if not ex.cached]
    for paper in report.papers:  # a document whose structure looks wrong is reported, never silent
        for w in paper.get("warnings") or []:
            where = "" if w.startswith("corpus/curation/") else f"{paper['source']['file']}: "
            print(f"warning: {where}{w}", file=sys.stderr)
    titles = {p["id"]: paper_title(p) for p in report.papers}
    with prog.stage("verify") as st:
        # the derived stages' inputs and outputs as the last build left them (buildcache.py)
        curated = [root / CURATED_FILE] + sorted((root / "corpus" / "curation").glob("*.yaml"))
        key = derived_key(root, extractions, site_url(root), curated)
        entry = load_derived(root, key, GENERATED_DIRS) if cache else None
        current = entry is not None and (not site or site_is_current(root, site_key(root, titles)))
        st["note"] = "nothing changed: pages, indexes and site kept" if current else ""
    if current:
        report.glossary = entry["glossary"]
        for p in report.papers:
            for c in p["claims"]:
                c["terms"] = entry["claim_terms"][c["id"]]
        report.seconds = prog.seconds
        return report
    memo = root / SEGMENT_MEMO
    load_memo(memo if cache else None)  # the glossary's and the index's segmentations of the last build
    with prog.stage("glossary"):
        report.glossary = make_glossary(root, extractions)
    with prog.stage("check"):
        # validate in memory; nothing is written unless every record is sound
        texts = corpus_texts(root, report.papers, report.glossary)
        problems = check_records(root, report.papers, report.glossary, texts)
    if problems:
        raise PolicyKBError(f"{len(problems)} problem(s) in the corpus, first: {problems[0]}", root)
    with prog.stage("write"):
        report.written += write_corpus(root, report.papers, texts)
        if cache:
            remember_written(root, extractions)
    with prog.stage("search index"):
        paragraphs = {ex.paper["id"]: ex.paragraphs for ex in extractions}

        def passage_index() -> tuple:  # the passages' index, beside the items' one (forked.py)
            passages = build_passages(paragraphs, report.glossary, site_url(root))
            text = index_json(passages)  # written as JSON, and the SQLite file's stamp
            paths = [write_index(root, passages, PASSAGES_FILE, text), write_sqlite(root, passages, PASSAGES_SQLITE, text)]
            return (passages if site else None), paths

        passages_done = fork_call(passage_index)
        index = build_index(report.papers, report.glossary, site_url(root))
        text = index_json(index)
        report.written.append(write_index(root, index, text=text))
        report.written.append(write_sqlite(root, index, text=text))
        del text
        passages, paths = passages_done()
        report.written += paths
    with prog.stage("render"):
        report.written += render_site(report.papers, report.glossary, root, site_url(root))
        if cache:
            save_memo(memo)
            ledgers = [ids.ledger_path(root, p["id"]) for p in report.papers]
            save_derived(root, key, report.written + ledgers, GENERATED_DIRS, report.glossary, report.papers)
    if site:
        with prog.stage("site stamp") as st:
            skey = site_key(root, titles)
            keep = cache and site_is_current(root, skey)
            st["note"] = "site unchanged: mkdocs not run" if keep else ""
        if not keep:
            with prog.stage("mkdocs"):
                staging = root / SITE_STAGING
                try:
                    run_mkdocs(root, site_dir=staging)
                    write_static(staging, index, titles, passages)
                except PolicyKBError:
                    shutil.rmtree(staging, ignore_errors=True)  # the last good site stays as it is
                    raise
                swap_in_site(root, staging)
                write_stamp(root, skey)  # only now: a build killed before it runs mkdocs again
    report.seconds = prog.seconds

    return report
