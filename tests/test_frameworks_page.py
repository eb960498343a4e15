"""Frameworks drawn (issue 11, item 2): shapes, Mermaid sources, escaping, offline loading."""

from __future__ import annotations

from pathlib import Path

import yaml

from policykb.render import frameworks_page as fp

REPO = Path(__file__).resolve().parents[1]


def _fw(kind, names, name="框架", descs=None):
    descs = descs or [None] * len(names)
    return {"id": "p.f1", "name": name, "kind": kind, "quote": name,
            "components": [{"name": n, "description": d} for n, d in zip(names, descs)]}


PAPER = {"id": "p", "meta": {"title": {"zh": "题", "en": None}}, "tables": [], "frameworks": []}


def test_chain_is_a_flow():
    src = fp.mermaid(PAPER, _fw("chain", ["要素配置", "技术革命", "产业升级"]))
    assert src.startswith("flowchart LR") and "n0 --> n1 --> n2" in src


def test_layers_are_a_stack_with_the_base_last():
    src = fp.mermaid(PAPER, _fw("series", ["基础支撑层", "核心技术层", "应用场景层"]))
    lines = src.splitlines()
    assert lines[:2] == ["block-beta", "    columns 1"]
    assert "应用场景层" in lines[2] and "基础支撑层" in lines[-1]


def test_crosstab_table_is_a_2x2_grid():
    paper = dict(PAPER, tables=[{"kind": "table", "caption": "类型", "rows": [
        ["维度甲", "维度乙"], ["", "否", "是"], ["维度丙", "否", "A", "B"], ["", "是", "C", "D"]]}])
    fw = _fw("table", ["A", "B"], name="类型")
    assert fp.shape(paper, fw) == "grid"
    src = fp.mermaid(paper, fw)
    assert "columns 3" in src and 'c00["A"]' in src and 'c11["D"]' in src


def test_labels_escaped_for_mermaid_and_html():
    evil = '"]; click n0 call alert(1) <script>x</script> [a]'
    src = fp.mermaid(PAPER, _fw("chain", [evil, "B"], descs=["<img src=x onerror=alert(1)>", None]))
    import re

    labels = re.findall(r'\["(.*?)"\]', src)
    assert len(labels) == 2 and len(re.findall(r"\[", src)) == 2  # no node or bracket injected
    for label in labels:
        plain = label.replace("<br/><small>", "").replace("</small>", "")
        assert not set(plain) & set('<>[]"()'), label
    assert "#60;script#62;" in labels[0] and "#60;img" in labels[0]


def test_page_loads_vendored_mermaid_and_no_cdn():
    papers = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((REPO / "corpus/papers").glob("*.yaml"))]
    page = fp.render_frameworks(papers)
    assert f'<script src="../{fp.MERMAID_JS}"></script>' in page
    assert (REPO / "docs" / fp.MERMAID_JS).stat().st_size > 1_000_000
    assert "http://" not in page and "https://" not in page
    n = sum(len(p["frameworks"]) for p in papers)
    drawn = page.count("``` mermaid")
    assert drawn == n - sum(1 for p in papers for f in p["frameworks"] if not f["components"])
    assert page == fp.render_frameworks(list(reversed(papers)))


def test_card_text_escaped_for_markdown_and_html():
    paper = dict(PAPER, meta={"title": {"zh": "*强调* <b>粗</b> [链接](x)", "en": None}},
                 frameworks=[_fw("chain", ["甲", "乙"], name="<i>名</i> *x*", descs=["_描述_ <u>u</u>", None])])
    page = fp.render_frameworks([paper])
    import re

    for raw in ("<b>", "<i>", "<u>", "*强调*", "_描述_"):
        assert raw not in page, raw
    assert not re.search(r"(?<!\\)\]\(x\)", page)
