"""Citations (GB/T 7714-2015 and APA 7 through citeproc-py, BibTeX, Markdown) and exports (CSV
with BOM, JSON, BibTeX, CSL-JSON, RIS)."""

import csv
import io
import json
import re

import jsonschema
import pytest

from conftest import PAPER_IDS, copy_project, run_cli
from policykb.check import paper_schema
from policykb.cite import (apa, bibtex, csl_item, gbt7714, locator, missing_fields, reference,
                           render_csl, ris, section_path)

CAO_R51 = "cao-liu-zheng-2025.r5.1"
KINDS = ("recommendations", "claims", "statistics", "frameworks")


def item(paper, item_id):
    return next(it for k in KINDS for it in paper[k] if it["id"] == item_id)


def _paper(authors, title, **meta):
    m = {"title": {"zh": title, "en": None}, "authors": [{"name": a} for a in authors], "venue": None,
         "year": None, "article_number": None}
    m.update(meta)
    return {"id": "example", "meta": m, "sections": []}


# Examples printed in GB/T 7714-2015 itself (appendix A, 连续出版物中的析出文献), with the
# metadata they show; spacing after punctuation is the CSL style's.
STANDARD = [
    (_paper(["丁文祥"], "数字革命与竞争国际化", venue="中国青年报", date="2000-11-20", year=2000, pages="15"),
     "丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15)."),
    (_paper(["袁训来", "陈哲", "肖书海", "张昀"], "蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口", venue="科学通报",
            year=2012, volume="55", issue="34", pages="3219"),
     "袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 55(34): 3219."),
    (_paper(["KANAMORI Hiroo"], "Shaking without quaking", venue="Science", year=1998, volume="279", issue="5359", pages="2063"),
     "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063."),
]


@pytest.mark.parametrize("paper, expected", STANDARD, ids=["newspaper-N", "journal-J-et-al", "latin-J"])
def test_gbt7714_matches_the_standards_examples(paper, expected):
    assert gbt7714(paper) == expected


def test_processor_gaps_are_closed():
    """What citeproc-py alone prints (the gaps the post-processing closes), so a fixed processor shows up."""
    rec = csl_item(_paper(["丁文祥"], "数字革命与竞争国际化", venue="中国青年报", date="2000-11-20", pages="15"))
    raw = render_csl(rec, "gbt7714")
    assert "[N]" not in raw  # citeproc-py drops the type mark of the style
    rec["author"] = [{"family": "丁", "given": "文祥"}]
    assert render_csl(rec, "gbt7714").startswith("[1]丁 文祥.")  # and spaces a family/given CJK name


# The five papers: the processor's output with the type mark restored; elements the metadata does
# not hold are absent, never invented (no journal name for cao, no year for zhang/anon).
GBT = {
    "cao-liu-zheng-2025": "曹玉平, 刘竟威, 郑展鹏. 新一代人工智能发展驱动产业深度转型升级研究——生产函数变革与要素协同匹配视角[J]. 2025(4): 80-96.",
    "dong-zhiyong-2025": "董志勇. “人工智能+”赋能新质生产力发展[N]. 人民日报, 2025-01-13.",
    "zhou-yang-ai-empowering-nqpf": "周文, 杨正源. Artificial Intelligence Empowering New Quality Productive Forces: Mechanism of Action and Practical Path[J]. 改革, 2025(4): 1-15.",
    "zhang-lei-intelligent-revolution": "张磊. 智能产业革命和我国中长期经济增长动力转换初探[Z].",
    "anon-ai-nqpf-logic-path": "人工智能赋能新质生产力的理论逻辑及实践路径[Z].",
}
APA = {
    "cao-liu-zheng-2025": "曹玉平, 刘竟威, & 郑展鹏. (2025). 新一代人工智能发展驱动产业深度转型升级研究——生产函数变革与要素协同匹配视角. (4), 80–96.",
    "dong-zhiyong-2025": "董志勇. (2025, January 13). “人工智能+”赋能新质生产力发展. 人民日报.",
    "zhou-yang-ai-empowering-nqpf": "周文, & 杨正源. (2025). Artificial Intelligence Empowering New Quality Productive Forces: Mechanism of Action and Practical Path. 改革, (4), 1–15.",
    "zhang-lei-intelligent-revolution": "张磊. (n.d.). 智能产业革命和我国中长期经济增长动力转换初探.",
    "anon-ai-nqpf-logic-path": "人工智能赋能新质生产力的理论逻辑及实践路径. (n.d.).",
}
MISSING = {
    "cao-liu-zheng-2025": ["刊名 journal"],
    "dong-zhiyong-2025": ["版次 page"],
    "zhou-yang-ai-empowering-nqpf": [],
    "zhang-lei-intelligent-revolution": ["刊名 journal", "年份 year"],
    "anon-ai-nqpf-logic-path": ["作者 authors", "刊名 journal", "年份 year"],
}


@pytest.mark.parametrize("pid", sorted(GBT))
def test_paper_citations(papers, pid):
    assert gbt7714(papers[pid]) == GBT[pid]
    assert apa(papers[pid]) == APA[pid]
    assert missing_fields(papers[pid]) == MISSING[pid]


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_every_element_of_the_metadata_is_cited(papers, pid):
    p = papers[pid]
    m = p["meta"]
    for style in ("gbt7714", "apa"):
        ref = reference(p, style)
        for a in m["authors"]:
            assert a["name"] in ref or a["name"].split()[0].capitalize() in ref
        assert (m["title"]["zh"] or m["title"]["en"]) in ref
        for key in ("venue", "year", "issue", "date"):
            if m.get(key) and not (key == "date" and style == "apa"):
                assert str(m[key]) in ref, (style, key)
        if m.get("pages"):
            assert m["pages"].replace("-", "–" if style == "apa" else "-") in ref
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", ref.split(".")[0])  # 曹 玉平
        assert not ref.startswith("[1]")


@pytest.mark.parametrize("pid", PAPER_IDS)
@pytest.mark.parametrize("kind", KINDS)
def test_item_citation_of_every_paper_and_kind(papers, pid, kind):
    p = papers[pid]
    if not p[kind]:
        pytest.skip(f"{pid} has no {kind}")
    it = p[kind][0]
    url = f"papers/{pid}/#{it['id']}"
    for style in ("gbt7714", "apa"):
        from policykb.cite import citation

        text = citation(p, it, style, url)
        assert text == f"{reference(p, style)} {locator(p, it)}. {url}"
        assert not re.search(r"\b[crsf]\d+(\.\d+)? \(", text)  # no internal code as locator


def test_item_citation_has_a_readable_locator(papers):
    p = papers["cao-liu-zheng-2025"]
    assert section_path(p, "s6.5.1") == "第六部分（五）1"
    assert locator(p, item(p, CAO_R51)) == "第六部分（五）1 推动合成数据发展,为产业深度转型升级奠定数据基础"
    assert gbt7714(p, item(p, CAO_R51)) == GBT["cao-liu-zheng-2025"] + " 第六部分（五）1 推动合成数据发展,为产业深度转型升级奠定数据基础."


def test_csl_json_and_ris_records(papers):
    p = papers["cao-liu-zheng-2025"]
    rec = csl_item(p, item(p, CAO_R51), "u")
    assert rec["type"] == "article-journal" and rec["author"][0] == {"literal": "曹玉平"}
    assert rec["issued"] == {"date-parts": [[2025]]} and rec["issue"] == "4" and rec["page"] == "80-96"
    assert rec["ISSN"] == "1002-2848" and rec["note"].startswith("第六部分（五）1") and rec["URL"] == "u"
    assert "container-title" not in rec
    r = ris(papers["dong-zhiyong-2025"])
    assert r.startswith("TY  - NEWS\r\n") and "DA  - 2025/01/13\r\n" in r and r.endswith("ER  - \r\n")


@pytest.mark.parametrize("pid", sorted(GBT))
def test_bibtex_omits_what_is_not_stated(papers, pid):
    b = bibtex(papers[pid])
    assert b.startswith("@article{" if pid in ("cao-liu-zheng-2025", "dong-zhiyong-2025", "zhou-yang-ai-empowering-nqpf") else "@misc{")
    assert ("year = " in b) == (papers[pid]["meta"]["year"] is not None)
    assert ("journal = " in b) == (papers[pid]["meta"]["venue"] is not None)
    assert ("author = " in b) == bool(papers[pid]["meta"]["authors"])
    assert b.count("{") == b.count("}")


@pytest.mark.parametrize("style", ["gbt7714", "apa", "bibtex", "markdown"])
def test_cli_cite(built_project, style):
    proc = run_cli("--root", str(built_project), "cite", CAO_R51, "--style", style)
    assert proc.returncode == 0, proc.stderr
    assert "papers/cao-liu-zheng-2025/#cao-liu-zheng-2025.r5.1" in proc.stdout  # no site_url: the page path
    assert "第六部分（五）1" in proc.stdout and "://" not in proc.stdout


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
    assert rows[0] == ["id", "paper", "level", "parent", "title", "text", "actors", "topics", "section", "quote", "url", "curated"]
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
    assert "note = {第六部分（五）1 推动合成数据发展,为产业深度转型升级奠定数据基础}" in proc.stdout


@pytest.mark.parametrize("fmt", ["csl-json", "ris"])
def test_reference_manager_exports(built_project, fmt):
    proc = run_cli("--root", str(built_project), "export", "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    if fmt == "csl-json":
        recs = json.loads(proc.stdout)
        assert [r["id"] for r in recs] == sorted(PAPER_IDS)
    else:
        assert proc.stdout.count("TY  - ") == 5 == proc.stdout.count("ER  - ")
    items = run_cli("--root", str(built_project), "export", "--format", fmt, "--kind", "recommendation")
    n = sum(len(p["recommendations"]) for p in _papers(built_project))
    assert (len(json.loads(items.stdout)) if fmt == "csl-json" else items.stdout.count("TY  - ")) == n
    for name in ("papers.csl.json", "papers.ris", "items.csl.json", "items.ris"):
        assert (built_project / "site" / "downloads" / name).stat().st_size > 0


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


def test_cite_control_composes_exactly_the_cli_citation(tmp_path):
    """Each paper page holds the citation templates once and, per item, the values the Cite
    control fills in; filling them (what docs/javascripts/pkb-cite.js does) gives citation()."""
    import html as html_lib

    from policykb import yamlio
    from policykb.cite import TEMPLATE_STYLES, citation, fill_template
    from policykb.render.paper_page import render_paper

    base = "https://kb.invalid/"
    for f in sorted((copy_project(tmp_path / "p") / "corpus" / "papers").glob("*.yaml")):
        paper = yamlio.read(f)
        page = render_paper(paper, base_url=base)
        assert page.count('id="pkb-cite-templates"') == 1
        raw = re.search(r'<script type="application/json" id="pkb-cite-templates">(.*?)</script>', page).group(1)
        assert not re.search(r"[<>&]|[^\x00-\x7f]", raw)  # nothing in it can end the script element
        templates = json.loads(raw)
        blocks = re.findall(r'<details class="quote pkb-cite"[^>]*>.*?</details>', page)
        items = [it for k in KINDS for it in paper[k]]
        assert len(blocks) == len(items)
        for block in blocks:
            attrs = {k: html_lib.unescape(v) for k, v in re.findall(r'data-pkb-(\w+)="([^"]*)"', block)}
            url = html_lib.unescape(re.search(r'class="pkb-permalink" href="[^"]*">([^<]*)</a>', block).group(1))
            it = next(i for i in items if i["id"] == f"{paper['id']}.{attrs['key']}")
            assert url == f"{base}papers/{paper['id']}/#{it['id']}"
            for style in TEMPLATE_STYLES:
                loc = attrs.get("bibloc", attrs["loc"]) if style == "bibtex" else attrs["loc"]
                assert fill_template(templates[style], attrs["key"], loc, url) == citation(paper, it, style, url)


def test_json_indented_is_json_dumps():
    from policykb.export import json_indented

    tricky = {"a": [], "b": {}, "c": [1, 2.5, -0.0, 1e300, float("nan"), float("inf"), -float("inf"), True, False, None],
              "文": "引号\"、反斜杠\\、换行\n、制表\t、\u2028、\x00、😀", 3: {"x": [[], [{}], ("t", 1)]}, 1.5: 0,
              True: 1, None: 2}  # fmt: skip
    for obj in (tricky, [], {}, "s", 7, [tricky, [tricky]]):
        for indent in (1, 2):
            assert json_indented(obj, indent) == json.dumps(obj, ensure_ascii=False, indent=indent)
    with pytest.raises(TypeError):
        json_indented({"a": {1, 2}})
