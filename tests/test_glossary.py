"""Bilingual glossary: term pairs, definitions, curated layer, occurrences, site and CLI."""

import json
import re

import pytest

import score as scoring
from conftest import copy_project, run_cli
from policykb.errors import PolicyKBError
from policykb.extract.terms import choose_term, extract_terms, parse_gloss
from policykb.glossary.curated import load_curated
from policykb.glossary.segmenter import GlossarySegmenter
from policykb.reading import read_raw
from policykb.structure import build_document
from policykb.text import clean


def terms_of(tmp_path, body: str, known=None):
    p = tmp_path / "t.txt"
    p.write_text("一、正文\n\n" + body + "\n", encoding="utf-8")
    return {t["zh"]: (t["en"], t["abbr"]) for t in extract_terms(build_document(clean(read_raw(p))), known or {})}


@pytest.mark.parametrize(
    "body, zh, en, abbr",
    [
        ("新一代通用目的技术（GPT, General Purpose Technology）正在扩散。", "通用目的技术", "General Purpose Technology", "GPT"),
        ("兼具发明方法的发明(invention of a method of invention, IMI)的功能。", "发明方法的发明", "invention of a method of invention", "IMI"),
        ("代表的具身智能（Embodied Intelligence）极有可能取得突破。", "具身智能", "Embodied Intelligence", None),
        ("治理思路分化为有效加速主义（Effective Accelerationism, e/acc）和其他流派。", "有效加速主义", "Effective Accelerationism", "e/acc"),
        ("这就是波兰尼悖论(Polanyi's paradox)所说的情形。", "波兰尼悖论", "Polanyi's paradox", None),
        ("在 Deep Learning（深度学习）技术的推动下。", "深度学习", "Deep Learning", None),
        ("尤其是 AIGC（人工智能生成内容）的崛起。", "人工智能生成内容", None, "AIGC"),
        ("代表了人工智能（AI）领域的一次探索。", "人工智能", None, "AI"),
    ],
    ids=["fullwidth-abbr-first", "halfwidth-of", "english-only", "abbr-after-english", "apostrophe", "english-first", "abbr-first", "abbr-only"],
)
def test_bracket_styles(tmp_path, body, zh, en, abbr):
    assert terms_of(tmp_path, body)[zh] == (en, abbr)


def test_term_split_across_a_wrapped_line(tmp_path):
    body = "大模型驱动的人工智能被认为是一种新的具身\n\n智能（Embodied Intelligence）形态，它推动具身智能发展。"
    assert terms_of(tmp_path, body)["具身智能"] == ("Embodied Intelligence", None)


def test_term_boundary_uses_known_terms_and_recurrence():
    assert choose_term("新一代数字通用目的技术", "General Purpose Technology", "", {"通用目的技术": frozenset({"general purpose technology"})}) == "通用目的技术"
    text = "新一代数字通用目的技术（GPT）……通用目的技术……通用目的技术"
    assert choose_term("新一代数字通用目的技术", "General Purpose Technology", text) == "通用目的技术"
    assert choose_term("分化为有效加速主义", "Effective Accelerationism", "有效加速主义 有效加速主义") == "有效加速主义"


@pytest.mark.parametrize("content", ["2007", "Jones，1995&1999", "如无人驾驶", "含光互联"])
def test_brackets_that_are_not_glosses(content):
    assert parse_gloss(content) is None


def test_person_names_are_not_terms(tmp_path):
    assert "凯茜·伍德" not in terms_of(tmp_path, "根据凯茜·伍德（Cathie Wood）的预测。")


def test_term_and_definition_quality_floors():
    total = scoring.score_all()["total"]
    assert total["terms"].precision >= 0.9 and total["terms"].recall >= 0.9
    assert total["definitions"].precision >= 0.8


def test_occurrences_use_jieba_with_the_glossary():
    seg = GlossarySegmenter(["算力", "数据要素", "数据要素市场"])
    counts = seg.count("建设智能算力集群，培育数据要素市场，提升算力。人力和物力不是算力。")
    assert counts == {"算力": 3, "数据要素市场": 1, "数据要素": 1}
    assert "力" not in seg.count("力")


def test_glossary_entries(built_project):
    from policykb import yamlio

    terms = {e["zh"]: e for e in yamlio.read(built_project / "corpus" / "glossary.yaml")["terms"]}
    nq = terms["新质生产力"]
    assert nq["en"] == "new quality productive forces"
    srcs = {t["source"] for t in nq["translations"]}
    assert {"zhou-yang-ai-empowering-nqpf", "curated"} <= srcs
    assert any(t["en"] == "new productive forces" and not t["preferred"] for t in nq["translations"])
    assert len(nq["papers"]) == 5
    assert terms["数据要素"]["aliases"] == ["數據要素"]
    bm = terms["鲍莫尔成本病"]
    assert bm["origin"] == "text" and bm["definition"]["paper"] == "cao-liu-zheng-2025"
    assert terms["算力"]["origin"] == "curated"
    assert all(e["key"].isascii() for e in terms.values())


def test_tooltips_in_built_html(built_project):
    html = (built_project / "site" / "papers" / "zhou-yang-ai-empowering-nqpf" / "index.html").read_text(encoding="utf-8")
    tips = re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', html)
    assert ("new system for mobilizing resources nationwide", "新型举国体制") in tips
    assert len({zh for _, zh in tips}) == len(tips)  # first occurrence only
    assert 'href="../../glossary/#xin-xing-ju-guo-ti-zhi"' in html


def test_english_query_finds_chinese_entry_in_search_index(built_project):
    """The site's search client expands an English name to its Chinese term from meta.json."""
    meta = json.loads((built_project / "site" / "pkb-search" / "meta.json").read_text(encoding="utf-8"))
    names = {n: zh for n, zh in meta["names"]}
    assert names["computing power"] == ["算力"]


@pytest.mark.parametrize(
    "query, expect",
    [("算力", "算力 → computing power"), ("computing power", "算力 → computing power"), ("GPT", "通用目的技术 → general purpose technology [GPT]"), ("數據要素", "数据要素 → data elements")],
)
def test_cli_glossary_lookup(built_project, query, expect):
    proc = run_cli("--root", str(built_project), "glossary", query)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == expect


def test_cli_glossary_unknown_term_suggests(built_project):
    proc = run_cli("--root", str(built_project), "glossary", "算例")
    assert proc.returncode == 1
    assert proc.stderr.strip() == "policykb: error: unknown term '算例'; did you mean: 算力?"


def _curated(tmp_path, text):
    p = tmp_path / "glossary.curated.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_curated_translation_must_be_printed_by_its_source(tmp_path, papers):
    p = _curated(tmp_path, "terms:\n  - zh: 算力\n    translations:\n      - {en: compute capacity, source: zhou-yang-ai-empowering-nqpf, preferred: true}\n")
    with pytest.raises(PolicyKBError) as e:
        load_curated(p, papers)
    assert "not printed in the English block" in str(e.value) and e.value.line == 4


def test_curated_needs_exactly_one_preferred(tmp_path):
    p = _curated(tmp_path, "terms:\n  - zh: 算力\n    translations:\n      - {en: a, source: curated}\n      - {en: b, source: curated}\n")
    with pytest.raises(PolicyKBError, match="exactly one translation must be preferred"):
        load_curated(p)


def test_broken_curated_glossary_fails_build_with_file_and_line(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "corpus" / "glossary.curated.yaml").write_text("terms:\n  - zh: [\n", encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 1 and "glossary.curated.yaml:3" in proc.stderr
