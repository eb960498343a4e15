"""`policykb add FILE`: a sixth paper in one command."""

from __future__ import annotations

from conftest import REPO, copy_project, run_cli
from policykb import yamlio

KINDS = ("claims", "frameworks", "recommendations", "statistics")
HK = REPO / "tests" / "devset" / "dev" / "hk-commentary-ai-trad.txt"


def ids_of(root):
    return {f.stem: [it["id"] for k in KINDS for it in yamlio.read(f)[k]] for f in (root / "corpus" / "papers").glob("*.yaml")}


def test_add_a_big5_paper_with_a_venue(tmp_path):
    root = copy_project(tmp_path / "p")
    before = ids_of(root)
    src = tmp_path / "HK Commentary 2025.txt"
    src.write_bytes(HK.read_text(encoding="utf-8").encode("big5hkscs"))
    proc = run_cli("--root", str(root), "add", str(src), "--venue", "信報", "--no-site")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "added corpus/raw/hk-commentary-2025.txt (big5hkscs" in out
    assert "venue: 信報 (curated)" in out
    assert "found: " in out and " statistics" in out
    assert (root / "corpus" / "raw" / "hk-commentary-2025.txt").read_bytes() == src.read_bytes()
    meta = yamlio.read(root / "corpus" / "meta" / "hk-commentary-2025.yaml")
    assert meta["meta"] == {"venue": "信報"}
    paper = yamlio.read(root / "corpus" / "papers" / "hk-commentary-2025.yaml")
    assert paper["meta"]["venue"] == "信報" and paper["meta"]["provenance"]["venue"] == "curated"
    assert paper["statistics"] and (root / "corpus" / "ids" / "hk-commentary-2025.tsv").is_file()
    after = ids_of(root)
    assert {k: v for k, v in after.items() if k in before} == before  # the other papers keep every id
    # the same paper again is refused, naming the file
    proc = run_cli("--root", str(root), "add", str(src), "--no-site")
    assert proc.returncode == 1 and "already in the corpus" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_add_refuses_a_file_in_another_encoding_and_copies_nothing(tmp_path):
    root = copy_project(tmp_path / "p")
    src = tmp_path / "jp-paper.txt"
    src.write_bytes("人工知能と新しい生産力について。\n東京大学の研究者が論文を書きました。\n".encode("shift_jis"))
    proc = run_cli("--root", str(root), "add", str(src), "--no-site")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert f"{src}:1: not valid UTF-8" in proc.stderr
    assert not (root / "corpus" / "raw" / "jp-paper.txt").exists()
    assert not (root / "corpus" / "meta" / "jp-paper.yaml").exists()


def test_add_refuses_an_id_that_is_not_a_slug(tmp_path):
    root = copy_project(tmp_path / "p")
    proc = run_cli("--root", str(root), "add", str(HK), "--id", "Bad Id", "--no-site")
    assert proc.returncode == 1 and "ASCII slug" in proc.stderr
