"""Benchmark `policykb search`: per-query time in-process (on the real index and on a synthetic
500-paper index) and the time of a whole `policykb search` process. Prints medians and p95.

    python scripts/benchmark_search.py            # needs `policykb build` (and builds the synthetic index)
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from policykb.search.engine import SearchIndex  # noqa: E402
from policykb.search.store import SQLITE_FILE, SqliteStore, write_sqlite  # noqa: E402

QUERIES = [q["query"] for q in yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]]


def per_query(index: SearchIndex, repeats: int = 5) -> list[float]:
    times = []
    for _ in range(repeats):
        for q in QUERIES:
            t = time.perf_counter()
            index.search(q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
    return times


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"median {statistics.median(ms):.1f} ms, p95 {ms[int(len(ms) * 0.95) - 1]:.1f} ms, max {ms[-1]:.1f} ms"


def process_runs(root: Path) -> list[float]:
    """Milliseconds of a whole `policykb search` process for each of the first ten queries."""
    runs = []
    for q in QUERIES[:10]:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "policykb", "--root", str(root), "search", q], capture_output=True, check=True)
        runs.append((time.perf_counter() - t) * 1000)
    return runs


def main() -> None:
    t = time.perf_counter()
    real = SearchIndex.load(ROOT)
    print(f"real index: {len(real.items)} items, loaded in {(time.perf_counter() - t) * 1000:.0f} ms")
    print("  in-process per query:", summary(per_query(real)))
    print("  whole `policykb search` process:", summary(process_runs(ROOT)))
    synth_path = ROOT / "build" / "synthetic_index.json"
    if not synth_path.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_synthetic_corpus.py")], check=True)
    t = time.perf_counter()
    synth_data = json.loads(synth_path.read_text(encoding="utf-8"))
    synth = SearchIndex(synth_data)
    papers = len({it["paper"] for it in synth.items})
    print(f"synthetic index: {papers} papers, {len(synth.items)} items, loaded in {(time.perf_counter() - t) * 1000:.0f} ms")
    print("  in-process per query:", summary(per_query(synth, repeats=2)))
    # the same index as SQLite (what `policykb search` reads): a project folder with only that file
    proj = ROOT / "build" / "synthetic_project"
    (proj / "corpus").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    t = time.perf_counter()
    write_sqlite(proj, synth_data)
    print(f"  as SQLite: written in {(time.perf_counter() - t):.1f} s, {(proj / SQLITE_FILE).stat().st_size / 1e6:.0f} MB")
    t = time.perf_counter()
    disk = SearchIndex(store=SqliteStore(proj / SQLITE_FILE))
    print(f"  SQLite opened in {(time.perf_counter() - t) * 1000:.0f} ms; in-process per query:", summary(per_query(disk, repeats=1)))
    print("  whole `policykb search` process on it:", summary(process_runs(proj)))


if __name__ == "__main__":
    main()
