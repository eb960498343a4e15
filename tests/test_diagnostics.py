"""Loud failures (issue 8 item 8): a document whose structure looks wrong is reported by
`extract`, `build` and `check`, naming the file; well-formed documents raise no warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policykb.pipeline import extract_paper

REPO = Path(__file__).resolve().parents[1]
WELL_FORMED = sorted((REPO / "corpus" / "raw").glob("*.txt")) + sorted((REPO / "tests" / "devset").glob("*/*.txt"))


@pytest.mark.parametrize("path", WELL_FORMED, ids=lambda p: p.stem)
def test_no_warning_on_well_formed_documents(path):
    assert extract_paper(path).paper["warnings"] == []


def _headless(tmp_path: Path) -> Path:
    """A corpus paper with every heading line removed and its paragraphs run together."""
    src = (REPO / "corpus" / "raw" / "zhou-yang-ai-empowering-nqpf.txt").read_text(encoding="utf-8")
    body = [ln for ln in src.splitlines() if ln.strip() and not ln.strip()[:2] in {"一、", "二、", "三、", "四、", "五、", "六、", "（一", "（二", "（三", "（四"}]
    f = tmp_path / "headless.txt"
    f.write_text("一篇没有标题的长文\n\n" + "".join(body) + "\n", encoding="utf-8")
    return f


def test_few_sections_for_length_is_reported(tmp_path):
    warnings = extract_paper(_headless(tmp_path)).paper["warnings"]
    assert any("few sections" in w for w in warnings), warnings


def test_figures_without_statistics_are_reported(tmp_path):
    f = tmp_path / "codes.txt"
    rows = "\n".join(f"代码 {1000 + 7 * i} 与 {3000 + 11 * i} 相关，参数 {20 + i} 和 {i + 31} 见下。" for i in range(12))
    f.write_text("附录编号表\n\n" + rows + "\n", encoding="utf-8")
    warnings = extract_paper(f).paper["warnings"]
    assert any("figures in the body" in w for w in warnings), warnings


def test_extract_prints_the_warning_naming_the_file(tmp_path):
    f = _headless(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "policykb", "extract", str(f)], capture_output=True, text=True)
    assert proc.returncode == 0
    assert f"warning: {f}: few sections" in proc.stderr
    assert "warnings:" in proc.stdout


def test_check_lists_stored_warnings(tmp_path):
    from policykb.check import structure_warnings

    (tmp_path / "corpus" / "papers").mkdir(parents=True)
    (tmp_path / "corpus" / "papers" / "a.yaml").write_text("id: a\nwarnings:\n- few sections for its length\n", encoding="utf-8")
    (tmp_path / "corpus" / "papers" / "b.yaml").write_text("id: b\nwarnings: []\n", encoding="utf-8")
    assert structure_warnings(tmp_path) == [f"warning: {Path('corpus/papers/a.yaml')}: few sections for its length"]
