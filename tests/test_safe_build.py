"""Safe builds: a lock per project folder, a build that fails says so, and a build killed at any
moment (SIGINT or SIGKILL) leaves every id in place and the site either the old or the new one."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project, run_cli
from policykb import yamlio
from policykb.atomic import BuildLock, write_text
from policykb.buildcache import STAMP

KINDS = ("claims", "frameworks", "recommendations", "statistics")


def all_ids(root: Path) -> dict:
    out = {}
    for f in sorted((root / "corpus" / "papers").glob("*.yaml")):
        p = yamlio.read(f)
        out[p["id"]] = ([(it["id"], it["quote"]) for k in KINDS for it in p[k]], sorted(r["id"] for r in p["retired_ids"]))
    return out


def test_second_build_in_the_same_folder_stops_with_one_line(tmp_path):
    root = copy_project(tmp_path / "p")
    with BuildLock(root):
        proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "another build is running in this folder" in lines[0], proc.stderr
    assert not (root / "corpus" / "glossary.yaml").exists()  # it wrote nothing


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    p = tmp_path / "a" / "f.txt"
    assert write_text(p, "一\n") is True
    assert write_text(p, "一\n") is False
    assert p.read_text(encoding="utf-8") == "一\n"
    assert [f.name for f in p.parent.iterdir()] == ["f.txt"]


def _site_state(root: Path, names: tuple[str, str]) -> str:
    """'old' or 'new' when every page of site/ carries one site name and the site is whole."""
    site = root / "site"
    assert site.is_dir(), "site/ is missing"
    pages = sorted(site.rglob("*.html"))
    assert (site / "pkb-search" / "meta.json").is_file() and (site / "index.html").is_file()
    seen = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        seen |= {n for n in names if n in text}
    assert len(seen) == 1, f"site/ mixes both builds: {seen}"
    return "old" if names[0] in seen else "new"


def _runs_mkdocs(pid: int) -> bool:
    """Whether process ``pid`` has a child running mkdocs (Linux /proc)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and b"mkdocs" in (stat.parent / "cmdline").read_bytes():
                return True
        except (OSError, IndexError, ValueError):
            continue
    return False


@pytest.mark.slow
def test_killed_builds_keep_ids_and_the_last_good_site(tmp_path):
    root = copy_project(tmp_path / "p")
    proc = run_cli("--root", str(root), "build")
    assert proc.returncode == 0, proc.stderr
    ids_before = all_ids(root)
    cfg = root / "mkdocs.yml"
    old_name = "人工智能与新质生产力政策知识库 · policykb"
    new_name = "政策知识库第二版 · policykb"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(old_name, new_name), encoding="utf-8")
    pages_before = sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*.html"))

    # a build that fails (a hand-written page with a broken link: mkdocs --strict) exits 1 and
    # keeps the last good site
    (root / "docs" / "broken.md").write_text("# 坏链接\n\n[x](nowhere.md)\n", encoding="utf-8")
    proc = run_cli("--root", str(root), "build")
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert _site_state(root, (old_name, new_name)) == "old"
    (root / "docs" / "broken.md").unlink()

    seed = int(os.environ.get("KILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    outcomes = []
    # one kill anywhere in the first seconds (extraction), two inside the site step: once the
    # staging site exists, after a random delay (mkdocs running, the static search index, the swap)
    for sig, in_site_step in ((signal.SIGINT, False), (signal.SIGKILL, True), (signal.SIGINT, True)):
        (root / "site" / STAMP).unlink(missing_ok=True)  # a build before may have finished: run mkdocs again
        child = subprocess.Popen([sys.executable, "-m", "policykb", "--root", str(root), "build"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        t0 = time.perf_counter()
        if in_site_step:  # until this build runs mkdocs
            while child.poll() is None and time.perf_counter() - t0 < 300 and not _runs_mkdocs(child.pid):
                time.sleep(0.05)
            outcomes.append(("site step at", round(time.perf_counter() - t0, 1)))
        delay = rng.uniform(0.0, 4.0) if in_site_step else rng.uniform(0.5, 10.0)
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.send_signal(sig)
        _, err = child.communicate(timeout=300)
        assert "Traceback" not in err, (seed, sig, err)
        if child.returncode not in (0, -signal.SIGKILL):
            assert child.returncode in (1, 130) and len(err.strip().splitlines()) <= 1, (seed, sig, err)
        state = _site_state(root, (old_name, new_name))
        outcomes.append((sig.name, round(time.perf_counter() - t0, 1), child.returncode, state))
        assert all_ids(root) == ids_before, (seed, outcomes)
        if state == "old":
            assert sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*.html")) == pages_before
    print(f"kill seed {seed}: {outcomes}")
    proc = run_cli("--root", str(root), "build")
    assert proc.returncode == 0, proc.stderr
    assert _site_state(root, (old_name, new_name)) == "new"
    assert all_ids(root) == ids_before
    assert not (root / ".site-new").exists() and not (root / ".site-old").exists()
    assert sum(1 for o in outcomes if o[0] == "site step at") == 2


def _site(path: Path, name: str) -> Path:
    (path / "pkb-search").mkdir(parents=True)
    (path / "index.html").write_text(f"<title>{name}</title>", encoding="utf-8")
    (path / "pkb-search" / "meta.json").write_text("{}", encoding="utf-8")
    return path


def test_swap_puts_the_new_site_in_place_and_removes_the_old(tmp_path):
    from policykb.build import _exchange, swap_in_site

    a, b = _site(tmp_path / "a", "a"), _site(tmp_path / "b", "b")
    if _exchange(a, b):  # Linux: one atomic exchange, no moment without a site
        assert (b / "index.html").read_text(encoding="utf-8") == "<title>a</title>"
    for d in (a, b):
        shutil.rmtree(d)

    _site(tmp_path / "site", "old")
    swap_in_site(tmp_path, _site(tmp_path / ".site-new", "new"))
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<title>new</title>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    swap_in_site(tmp_path, _site(tmp_path / ".site-new", "newer"))  # and again, over the swapped-in one
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<title>newer</title>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_first_site_is_moved_in(tmp_path):
    from policykb.build import swap_in_site

    swap_in_site(tmp_path, _site(tmp_path / ".site-new", "first"))
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<title>first</title>"


def test_recover_after_a_kill_between_the_two_renames(tmp_path):
    """Where the system has no atomic exchange, a SIGKILL between moving site/ aside and moving
    the new one in leaves .site-old and no site/: the next build puts the old one back."""
    from policykb.build import recover_site

    _site(tmp_path / ".site-old", "old")
    _site(tmp_path / ".site-new", "half")
    recover_site(tmp_path)
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<title>old</title>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_without_atomic_exchange(tmp_path, monkeypatch):
    from policykb import build

    monkeypatch.setattr(build, "_exchange", lambda a, b: False)
    _site(tmp_path / "site", "old")
    build.swap_in_site(tmp_path, _site(tmp_path / ".site-new", "new"))
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<title>new</title>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
