"""Citations (GB/T 7714-2015, APA 7, BibTeX, Markdown) and exports (CSV with BOM, JSON, BibTeX)."""

import csv
import io
import json

import jsonschema
import pytest

from conftest import copy_project, run_cli
from policykb.check import paper_schema
from policykb.cite import apa, bibtex, gbt7714, section_path

CAO_R51 = "cao-liu-zheng-2025.r5.1"


def item(paper, item_id):
    return next(it for k in ("recommendations", "claims", "statistics", "frameworks") for it in paper[k] if it["id"] == item_id)


# GB/T 7714-2015 §8: 主要责任者. 题名[文献类型标识]. 刊名, 年, 卷(期): 页码.  [N] 报纸: 报纸名, 出版日期.
# Fields the paper does not state are left out (no venue for cao, no year for zhang/anon).
GBT = {
    "cao-liu-zheng-2025": "曹玉平, 刘竟威, 郑展鹏. 新一代人工智能发展驱动产业深度转型升级研究——生产函数变革与要素协同匹配视角[J]. 2025(4): 80-96.",
    "dong-zhiyong-2025": "董志勇. “人工智能+”赋能新质生产力发展[N]. 人民日报, 2025-01-13.",
    "zhou-yang-ai-empowering-nqpf": "ZHOU W, YANG Z Y. Artificial Intelligence Empowering New Quality Productive Forces: Mechanism of Action and Practical Path[J]. 改革.",
    "zhang-lei-intelligent-revolution": "张磊. 智能产业革命和我国中长期经济增长动力转换初探[Z].",
    "anon-ai-nqpf-logic-path": "人工智能赋能新质生产力的理论逻辑及实践路径[Z].",
}
# APA 7: Author, A. A., & Author, B. B. (Year). Title. Source, (issue), pages.  (n.d.) without a year.
APA = {
    "cao-liu-zheng-2025": "曹玉平, 刘竟威, & 郑展鹏. (2025). 新一代人工智能发展驱动产业深度转型升级研究——生产函数变革与要素协同匹配视角.",
    "dong-zhiyong-2025": "董志勇. (2025, January 13). “人工智能+”赋能新质生产力发展. 人民日报.",
    "zhou-yang-ai-empowering-nqpf": "Zhou, W., & Yang, Z.-Y. (n.d.). Artificial Intelligence Empowering New Quality Productive Forces: Mechanism of Action and Practical Path. 改革.",
    "zhang-lei-intelligent-revolution": "张磊. (n.d.). 智能产业革命和我国中长期经济增长动力转换初探.",
    "anon-ai-nqpf-logic-path": "人工智能赋能新质生产力的理论逻辑及实践路径. (n.d.).",
}


@pytest.mark.parametrize("pid", sorted(GBT))
def test_paper_citations(papers, pid):
    assert gbt7714(papers[pid]) == GBT[pid]
    assert apa(papers[pid]) == APA[pid]


@pytest.mark.parametrize("pid", sorted(GBT))
def test_bibtex_omits_what_is_not_stated(papers, pid):
    b = bibtex(papers[pid])
    assert b.startswith("@article{" if pid in ("cao-liu-zheng-2025", "dong-zhiyong-2025", "zhou-yang-ai-empowering-nqpf") else "@misc{")
    assert ("year = " in b) == (papers[pid]["meta"]["year"] is not None)
    assert ("journal = " in b) == (papers[pid]["meta"]["venue"] is not None)
    assert ("author = " in b) == bool(papers[pid]["meta"]["authors"])
    assert b.count("{") == b.count("}")


def test_item_citation_has_locator_and_permalink(papers):
    p = papers["cao-liu-zheng-2025"]
    assert section_path(p, "s6.5.1") == "六(五)1"
    assert gbt7714(p, item(p, CAO_R51)) == GBT["cao-liu-zheng-2025"] + " 建议 r5.1 (六(五)1)."


@pytest.mark.parametrize("style", ["gbt7714", "apa", "bibtex", "markdown"])
def test_cli_cite(built_project, style):
    proc = run_cli("--root", str(built_project), "cite", CAO_R51, "--style", style)
    assert proc.returncode == 0, proc.stderr
    assert "https://policykb.example.org/papers/cao-liu-zheng-2025/#cao-liu-zheng-2025.r5.1" in proc.stdout


def test_cli_cite_unknown_id_suggests(built_project):
    proc = run_cli("--root", str(built_project), "cite", "cao-liu-zheng-2025.r51")
    assert proc.returncode == 1
    assert "did you mean: cao-liu-zheng-2025.r5.1" in proc.stderr


def test_csv_export_opens_with_bom_and_columns(built_project):
    proc = run_cli("--root", str(built_project), "export", "--format", "csv", "--kind", "recommendation")
    assert proc.returncode == 0
    raw = (built_project / "site" / "downloads" / "recommendations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["id", "paper", "level", "parent", "title", "text", "actors", "topics", "section", "quote", "url"]
    assert len(rows) - 1 == sum(len(p["recommendations"]) for p in _papers(built_project))
    stats = list(csv.reader(io.StringIO((built_project / "site" / "downloads" / "statistics.csv").read_bytes().decode("utf-8-sig"))))
    assert stats[0][:4] == ["id", "paper", "indicator", "value"]


def _papers(root):
    from policykb import yamlio

    return [yamlio.read(f) for f in sorted((root / "corpus" / "papers").glob("*.yaml"))]


def test_json_export_validates(built_project, tmp_path):
    out = tmp_path / "kb.json"
    proc = run_cli("--root", str(built_project), "export", "--format", "json", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["papers"]) == 5 and data["glossary"]
    for p in data["papers"]:
        jsonschema.validate(p, paper_schema())


def test_bibtex_export(built_project):
    proc = run_cli("--root", str(built_project), "export", "--format", "bibtex")
    assert proc.stdout.count("@") == 5
    proc = run_cli("--root", str(built_project), "export", "--format", "bibtex", "--kind", "recommendation")
    assert "note = {建议 r5.1 (六(五)1)}" in proc.stdout


def test_export_errors(built_project):
    proc = run_cli("--root", str(built_project), "export", "--format", "csv", "--kind", "poem")
    assert proc.returncode == 1 and "unknown kind" in proc.stderr
    proc = run_cli("--root", str(built_project), "export", "--format", "xml")
    assert proc.returncode == 2


def test_retired_id_keeps_an_anchor(tmp_path, built_project):
    """An id that was published and is no longer extracted still resolves on the site."""
    from policykb import yamlio

    root = copy_project(tmp_path / "p")
    path = root / "corpus" / "papers" / "dong-zhiyong-2025.yaml"
    data = yamlio.read(built_project / "corpus" / "papers" / "dong-zhiyong-2025.yaml")
    data["statistics"].append(dict(data["statistics"][0], id="dong-zhiyong-2025.s99", value=1, quote="一个已经不再被抽取的旧数据。"))
    path.write_text(yamlio.dump(data), encoding="utf-8")
    proc = run_cli("--root", str(root), "build")
    assert proc.returncode == 0, proc.stderr
    rebuilt = yamlio.read(path)
    assert "dong-zhiyong-2025.s99" in [r["id"] for r in rebuilt["retired_ids"]]
    assert all(s["id"] != "dong-zhiyong-2025.s99" for s in rebuilt["statistics"])
    html = (root / "site" / "papers" / "dong-zhiyong-2025" / "index.html").read_text(encoding="utf-8")
    assert 'id="dong-zhiyong-2025.s99"' in html and "已撤回" in html
    proc = run_cli("--root", str(root), "cite", "dong-zhiyong-2025.s99")
    assert proc.returncode == 1 and "withdrawn" in proc.stderr
