"""`policykb build`: every raw paper -> YAML -> pages -> site/."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from policykb import ids, yamlio
from policykb.atomic import BuildLock, write_text
from policykb.check import check_records
from policykb.errors import PolicyKBError
from policykb.glossary.curated import CURATED_FILE, known_terms, load_curated
from policykb.glossary.merge import build_glossary, claim_terms
from policykb.pipeline import extract_paper
from policykb.render.site import render_site
from policykb.sitepatch import patch_search_worker
from policykb.search.index import build_index, site_url, write_index

GLOSSARY_FILE = Path("corpus") / "glossary.yaml"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class BuildReport:
    papers: list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    seconds: dict = field(default_factory=dict)


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


def extract_corpus(root: Path) -> list:
    """Extract every raw paper; returns the Extraction of each (paper record + document)."""
    known = known_terms(root)
    out = []
    for path in raw_files(root):
        pid = path.stem
        if not SLUG.match(pid):
            raise PolicyKBError(
                "file name must be an ASCII slug (lowercase letters, digits, '-'), e.g. zhang-lei-2024.txt",
                path,
            )
        prev_file = root / "corpus" / "papers" / f"{pid}.yaml"
        previous = read_previous(prev_file, pid)
        ledger = ids.read_ledger(ids.ledger_path(root, pid))
        if ledger:
            previous = ids.with_ledger(previous, ledger)
        ex = extract_paper(
            path,
            paper_id=pid,
            source_file=str(path.relative_to(root)),
            meta_file=root / "corpus" / "meta" / f"{pid}.yaml",
            previous=previous,
            known=known,
        )
        out.append(ex)
    return out


RECORD_KEYS = ("schema_version", "id", "source", "meta", "sections", "claims", "frameworks",
               "recommendations", "statistics", "retired_ids")


def read_previous(path: Path, paper_id: str) -> dict | None:
    """The previous build's record of a paper, whose ids the build keeps; None if there is none.

    A file that exists but is not a whole paper record (empty, truncated, broken, another
    paper's) stops the build: renumbering its items from it would silently move ids.
    """
    if not path.exists():
        return None
    data = yamlio.read(path)  # broken YAML: file:line
    hint = (f"; restore it (git checkout) or delete it to rebuild its ids from "
            f"corpus/ids/{paper_id}.tsv")
    if not isinstance(data, dict):
        raise PolicyKBError("not a paper record (empty or truncated?)" + hint, path, 1)
    missing = [k for k in RECORD_KEYS if k not in data]
    if missing:
        raise PolicyKBError(f"incomplete paper record, no {missing[0]!r} (truncated?)" + hint, path)
    if data["id"] != paper_id:
        raise PolicyKBError(f"paper record of {data['id']!r}, expected {paper_id!r}" + hint, path)
    for kind in ("claims", "frameworks", "recommendations", "statistics", "retired_ids"):
        items = data[kind]
        if not isinstance(items, list) or not all(isinstance(it, dict) and isinstance(it.get("id"), str) for it in items):
            raise PolicyKBError(f"{kind}: expected a list of items with ids" + hint, path)
    return data


def make_glossary(root: Path, extractions: list) -> list[dict]:
    papers = [ex.paper for ex in extractions]
    curated = load_curated(root / CURATED_FILE, {p["id"]: p for p in papers})
    glossary = build_glossary(papers, curated, {ex.paper["id"]: ex.full_text for ex in extractions})
    claim_terms(papers, glossary)
    return glossary


def write_corpus(root: Path, papers: list[dict], glossary: list[dict]) -> list[Path]:
    """Record every id in the ledgers (append-only, flushed), then write each paper's YAML and
    the glossary atomically."""
    written = []
    for p in papers:
        lpath = ids.ledger_path(root, p["id"])
        ids.append_ledger(lpath, ids.ledger_rows(p, ids.read_ledger(lpath)))
    for p in papers:
        path = root / "corpus" / "papers" / f"{p['id']}.yaml"
        yamlio.write(path, p)
        written.append(path)
    path = root / GLOSSARY_FILE
    yamlio.write(path, {"schema_version": 1, "terms": glossary})
    written.append(path)
    return written


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


USER_DICT = Path("corpus") / "jieba_userdict.txt"


def write_user_dict(root: Path, glossary: list[dict]) -> Path:
    """The glossary as jieba user dictionary for the site's search index."""
    path = root / USER_DICT
    text = "".join(f"{e['zh']} 200000 n\n" for e in glossary if " " not in e["zh"])
    write_text(path, text)
    return path


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


def build_corpus(root: Path, *, site: bool = True) -> BuildReport:
    """The whole build, holding the project's lock (a second build in the folder stops)."""
    with BuildLock(root):
        return _build(root, site=site)


def _build(root: Path, *, site: bool) -> BuildReport:
    report = BuildReport()
    t0 = time.perf_counter()
    recover_site(root)
    extractions = extract_corpus(root)
    report.papers = [ex.paper for ex in extractions]
    for paper in report.papers:  # a document whose structure looks wrong is reported, never silent
        for w in paper.get("warnings") or []:
            print(f"warning: {paper['source']['file']}: {w}", file=sys.stderr)
    report.glossary = make_glossary(root, extractions)
    # validate in memory; nothing is written unless every record is sound
    problems = check_records(root, report.papers, report.glossary)
    if problems:
        raise PolicyKBError(f"{len(problems)} problem(s) in the corpus, first: {problems[0]}", root)
    report.written += write_corpus(root, report.papers, report.glossary)
    t1 = time.perf_counter()
    report.written.append(write_index(root, build_index(report.papers, report.glossary, site_url(root))))
    report.written += render_site(report.papers, report.glossary, root, site_url(root))
    report.written.append(write_user_dict(root, report.glossary))
    t2 = time.perf_counter()
    report.seconds = {"extract": t1 - t0, "render": t2 - t1}
    if site:
        staging = root / SITE_STAGING
        try:
            run_mkdocs(root, site_dir=staging)
            patch_search_worker(staging)
        except PolicyKBError:
            shutil.rmtree(staging, ignore_errors=True)  # the last good site stays as it is
            raise
        swap_in_site(root, staging)
        report.seconds["mkdocs"] = time.perf_counter() - t2
    return report
