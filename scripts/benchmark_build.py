"""Benchmark `policykb build` on synthetic corpora of N papers made from the corpus papers.

A corpus of N papers holds the five papers of corpus/raw (with their corpus/meta files) and
copies of them under new ids (``<paper>-x001`` …), so extraction, glossary, pages and site grow
with N while every paper stays a real one. For each size, each of ``--runs`` runs (medians are
reported) does in a fresh project folder:

* a **cold** build (empty extraction cache, no docs/ or site/),
* ``mkdocs build --strict`` alone on the pages it generated (the yardstick: ratios are to it),
* a **no-change** rebuild (nothing edited; papers come from the cache).

Per stage (the build's own timing), the whole command, the peak memory of its largest process,
the site's size, what a browser downloads before its first search (Material's search index in
builds before issue 10; since then the site search's meta.json, the rest is fetched per query:
see scripts/benchmark_site_search.py) and the largest page. The machine is shared and timings are noisy: compare ratios
measured in the same run, not seconds across machines.

    python scripts/benchmark_build.py --papers 5 50 --runs 3 [--workers N] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIET = ["--quiet"]
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "dt = time.perf_counter() - t\n"
    "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
    "print(f'@@ {dt} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr)\n"
    "sys.exit(r.returncode)\n"
)


def make_project(dest: Path, n: int) -> Path:
    """A project folder with ``n`` papers: the corpus papers, then copies under new ids."""
    raws = sorted((ROOT / "corpus" / "raw").glob("*.txt"))
    (dest / "corpus" / "raw").mkdir(parents=True)
    (dest / "corpus" / "meta").mkdir(parents=True)
    for i in range(n):
        src = raws[i % len(raws)]
        k = i // len(raws)
        pid = src.stem if k == 0 else f"{src.stem}-x{k:03d}"
        shutil.copy(src, dest / "corpus" / "raw" / f"{pid}.txt")
        meta = ROOT / "corpus" / "meta" / f"{src.stem}.yaml"
        if meta.exists():
            shutil.copy(meta, dest / "corpus" / "meta" / f"{pid}.yaml")
    shutil.copy(ROOT / "corpus" / "glossary.curated.yaml", dest / "corpus" / "glossary.curated.yaml")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "docs").mkdir()
    for f in (ROOT / "docs").rglob("*") if (ROOT / "docs").exists() else []:
        rel = f.relative_to(ROOT / "docs")
        if f.is_file() and rel.parts[0] not in ("papers", "downloads") and rel.name != "index.md":
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest / "docs" / rel)
    return dest


def measured(args: list[str], cwd: Path) -> tuple[float, int, str]:
    """(seconds, peak RSS in MB of the largest process, stdout) of one command."""
    proc = subprocess.run([sys.executable, "-c", MEASURE, *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"benchmark: {' '.join(args[:4])} failed: {proc.stderr.strip().splitlines()[-2:]}")
    m = re.search(r"^@@ (\S+) (\d+)$", proc.stderr, re.M)
    return float(m.group(1)), int(m.group(2)) // 1024, proc.stdout


def stages(stdout: str) -> dict[str, float]:
    m = re.search(r"\(([^()]*\d+\.\d+s[^()]*)\)\s*$", stdout.splitlines()[0])
    return {k.strip(): float(v) for k, v in re.findall(r"([a-z ]+) (\d+\.\d+)s", m.group(1))} if m else {}


def site_stats(site: Path) -> dict:
    files = [f for f in site.rglob("*") if f.is_file()]
    pages = [f for f in files if f.suffix == ".html"]
    largest = max(pages, key=lambda f: f.stat().st_size)
    search = site / "search" / "search_index.json"
    if not search.exists():  # policykb's own search: meta.json opens it, the shards come per query
        search = site / "pkb-search" / "meta.json"
    return {
        "site_mb": sum(f.stat().st_size for f in files) / 1e6,
        "search_mb": search.stat().st_size / 1e6 if search.exists() else 0.0,
        "largest_kb": largest.stat().st_size / 1e3,
        "largest": str(largest.relative_to(site).parent) or "index",
    }


def one_run(n: int, workers: int | None, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"policykb-bench-{n}-") as tmp:
        root = make_project(Path(tmp) / "p", n)
        cmd = [sys.executable, "-m", "policykb", "--root", str(root), "build", *QUIET, *extra]
        if workers:
            cmd += ["--workers", str(workers)]
        cold_s, cold_mb, out = measured(cmd, ROOT)
        out_cold = stages(out)
        mk = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(root / "mkdocs.yml"),
              "--site-dir", str(Path(tmp) / "site-mkdocs-only")]  # fmt: skip
        mk_s, _, _ = measured(mk, root)
        again_s, again_mb, out2 = measured(cmd, ROOT)
        return {
            "cold": cold_s, "cold_stages": out_cold, "cold_mb": cold_mb, "mkdocs": mk_s,
            "again": again_s, "again_stages": stages(out2), "again_mb": again_mb, **site_stats(root / "site"),
        }  # fmt: skip


def median(runs: list[dict], key: str, sub: str | None = None) -> float:
    vals = [(r[key].get(sub, 0.0) if sub else r[key]) for r in runs]
    return statistics.median(vals)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores usable, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, nargs="+", default=[5, 50])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=None, help="passed to policykb build (default: its own)")
    ap.add_argument("--no-cache", action="store_true", help="pass --no-cache (then the rebuild extracts again)")
    ap.add_argument("--out", type=Path, help="also write the Markdown table here")
    ap.add_argument("--plain", action="store_true", help="no --quiet (for an older policykb, with PYTHONPATH=<its scripts/>)")
    args = ap.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    extra = ["--no-cache"] if args.no_cache else []
    global QUIET
    QUIET = [] if args.plain else ["--quiet"]
    stage_names = ["extract", "glossary", "write", "check", "search index", "render"]
    head = ("| papers | build | " + " | ".join(stage_names) + " | policykb's own | `mkdocs build` alone | own ÷ mkdocs "
            "| no-change rebuild | rebuild ÷ mkdocs | rebuild's own | peak memory | site | search download | largest page |")  # fmt: skip
    lines = [f"Machine: {machine()}; median of {args.runs} runs; workers: {args.workers or 'default'}"
             f"{'; --no-cache' if args.no_cache else ''}.", "", head, "|" + "---|" * (head.count("|") - 1)]  # fmt: skip
    for n in args.papers:
        t0 = time.perf_counter()
        runs = [one_run(n, args.workers, extra) for _ in range(args.runs)]
        own = statistics.median([sum(v for k, v in r["cold_stages"].items() if k != "mkdocs") for r in runs])
        own_again = statistics.median([sum(v for k, v in r["again_stages"].items() if k != "mkdocs") for r in runs])
        mk = median(runs, "mkdocs")
        largest = max(runs, key=lambda r: r["largest_kb"])
        cells = [str(n), f"{median(runs, 'cold'):.1f} s"]
        cells += [f"{median(runs, 'cold_stages', s):.2f} s" for s in stage_names]
        cells += [f"{own:.1f} s", f"{mk:.1f} s", f"{own / mk:.2f}", f"{median(runs, 'again'):.1f} s",
                  f"{median(runs, 'again') / mk:.2f}", f"{own_again:.1f} s", f"{max(r['cold_mb'] for r in runs)} MB",
                  f"{median(runs, 'site_mb'):.1f} MB", f"{median(runs, 'search_mb'):.2f} MB",
                  f"{largest['largest_kb']:.0f} KB ({largest['largest']})"]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
        print(f"benchmark: {n} papers done in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
