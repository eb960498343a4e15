"""`policykb build`: every raw paper -> YAML -> pages -> site/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from policykb import yamlio
from policykb.check import check_corpus
from policykb.errors import PolicyKBError
from policykb.glossary.curated import CURATED_FILE, known_terms, load_curated
from policykb.glossary.merge import build_glossary, claim_terms
from policykb.glossary.segmenter import load_memo, save_memo
from policykb.incremental import PaperInputs, extract_all, freeze_known, remember_written
from policykb.progress import Progress
from policykb.render.site import render_site
from policykb.sitepatch import patch_search_worker
from policykb.search.index import build_index, site_url, write_index
from policykb.search.store import write_sqlite

GLOSSARY_FILE = Path("corpus") / "glossary.yaml"
SEGMENT_MEMO = Path(".cache") / "policykb" / "segment.pickle"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class BuildReport:
    papers: list[dict] = field(default_factory=list)
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
    return files


def extract_corpus(root: Path, workers: int | None = None, cache: bool = True) -> list:
    """Extract every raw paper (cached by content hash, misses in ``workers`` processes; see
    incremental.py); returns per paper an object with ``.paper``, ``.full_text`` and ``.cached``."""
    known = freeze_known(known_terms(root))
    inputs = []
    for path in raw_files(root):
        pid = path.stem
        if not SLUG.match(pid):
            raise PolicyKBError(
                "file name must be an ASCII slug (lowercase letters, digits, '-'), e.g. zhang-lei-2024.txt",
                path,
            )
        inputs.append(
            PaperInputs(
                path=str(path),
                paper_id=pid,
                source_file=str(path.relative_to(root)),
                meta_file=str(root / "corpus" / "meta" / f"{pid}.yaml"),
                previous_file=str(root / "corpus" / "papers" / f"{pid}.yaml"),
                known=known,
            )
        )
    return extract_all(root, inputs, workers=workers, cache=cache)


def make_glossary(root: Path, extractions: list) -> list[dict]:
    papers = [ex.paper for ex in extractions]
    curated = load_curated(root / CURATED_FILE, {p["id"]: p for p in papers})
    glossary = build_glossary(papers, curated, {ex.paper["id"]: ex.full_text for ex in extractions})
    claim_terms(papers, glossary)
    return glossary


def write_corpus(root: Path, papers: list[dict], glossary: list[dict]) -> list[Path]:
    written = []
    for p in papers:
        path = root / "corpus" / "papers" / f"{p['id']}.yaml"
        yamlio.write(path, p)
        written.append(path)
    path = root / GLOSSARY_FILE
    yamlio.write(path, {"schema_version": 1, "terms": glossary})
    written.append(path)
    return written


def run_mkdocs(root: Path, command: str = "build", extra: list[str] | None = None) -> None:
    args = [sys.executable, "-m", "mkdocs", command, "--config-file", str(root / "mkdocs.yml")]
    if command == "build":
        args += ["--strict", "--site-dir", str(root / "site")]
    args += extra or []
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if command != "build":
        subprocess.run(args, cwd=root, env=env, check=False)
        return
    proc = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln for ln in (proc.stderr + proc.stdout).splitlines() if "WARNING" in ln or "ERROR" in ln]
        detail = lines[0] if lines else (proc.stderr.strip().splitlines() or ["mkdocs failed"])[-1]
        raise PolicyKBError(f"mkdocs build --strict failed: {detail}", root / "mkdocs.yml")


USER_DICT = Path("corpus") / "jieba_userdict.txt"


def write_user_dict(root: Path, glossary: list[dict]) -> Path:
    """The glossary as jieba user dictionary for the site's search index."""
    path = root / USER_DICT
    text = "".join(f"{e['zh']} 200000 n\n" for e in glossary if " " not in e["zh"])
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def build_corpus(
    root: Path, *, site: bool = True, workers: int | None = None, cache: bool = True, quiet: bool | None = None
) -> BuildReport:
    """The whole build; ``workers`` extraction processes (default: the cores), ``cache`` reuses
    unchanged papers' extraction, ``quiet`` silences the per-stage lines (default: quiet unless
    stderr is a terminal)."""
    report = BuildReport()
    prog = Progress(enabled=None if quiet is None else not quiet)
    with prog.stage("extract") as st:
        extractions = extract_corpus(root, workers=workers, cache=cache)
        cached = sum(ex.cached for ex in extractions)
        st["note"] = f"{len(extractions)} papers, {cached} unchanged from the cache"
    report.papers = [ex.paper for ex in extractions]
    report.extracted = [ex.paper_id for ex in extractions if not ex.cached]
    memo = root / SEGMENT_MEMO
    load_memo(memo if cache else None)  # the glossary's and the index's segmentations of the last build
    with prog.stage("glossary"):
        report.glossary = make_glossary(root, extractions)
    with prog.stage("write"):
        report.written += write_corpus(root, report.papers, report.glossary)
        if cache:
            remember_written(root, extractions)
    with prog.stage("check"):
        problems = check_corpus(root)
    if problems:
        raise PolicyKBError(f"{len(problems)} problem(s) in the corpus, first: {problems[0]}", root)
    with prog.stage("search index"):
        index = build_index(report.papers, report.glossary, site_url(root))
        report.written.append(write_index(root, index))
        report.written.append(write_sqlite(root, index))
        if cache:
            save_memo(memo)
    with prog.stage("render"):
        report.written += render_site(report.papers, report.glossary, root, site_url(root))
        report.written.append(write_user_dict(root, report.glossary))
    if site:
        with prog.stage("mkdocs"):
            run_mkdocs(root)
            patch_search_worker(root / "site")
    report.seconds = prog.seconds
    return report
