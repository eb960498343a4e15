"""Where a glossed Chinese term starts: not at a verb or preposition before it (透过, 来自), at 在 when
the English has "in", not at a known term the English does not name, and not cut to a shorter
candidate that never stands on its own."""

from __future__ import annotations

import pytest

from policykb.glossary.curated import known_terms
from policykb.pipeline import extract_paper

REPO = __import__("pathlib").Path(__file__).resolve().parents[1]

TEXT = """术语测试

一、引言

特区政府透过香港科学园（HKSTP）支持初创企业，香港科学园已培育多家企业。本文数据来自国泰安数据库（CSMAR）。
生成式人工智能的关键环节，人在回路（human-in-the-loop）。金融管理局扩大人工智能监管沙盒（regulatory sandbox），监管沙盒运作良好。
技能偏向型技术进步（skill-biased technological change，SBTC）与任务偏向型技术进步（routine-biased technological change，RBTC）不同。
"""


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    p = tmp_path_factory.mktemp("terms") / "t.txt"
    p.write_text(TEXT, encoding="utf-8")
    return {(t["en"] or t["abbr"]): t["zh"] for t in extract_paper(p, paper_id="t", known=known_terms(REPO)).paper["terms"]}


@pytest.mark.parametrize("gloss, zh", [
    ("HKSTP", "香港科学园"),
    ("CSMAR", "国泰安数据库"),
    ("human-in-the-loop", "人在回路"),
    ("regulatory sandbox", "监管沙盒"),
    ("skill-biased technological change", "技能偏向型技术进步"),
    ("routine-biased technological change", "任务偏向型技术进步"),
])
def test_term_start(terms, gloss, zh):
    assert terms.get(gloss) == zh, terms


MORE = """术语测试二

一、引言

美国发布人工智能风险管理框架（AI RMF，Artificial Intelligence Risk Management Framework）。随着智能体（AI agents）普及，风险上升。
推动面向人工智能的软件物料清单（Software Bill of Materials，SBOM）建设。
"""


def test_spaced_abbreviation_verbs_and_a_known_modifier(tmp_path):
    p = tmp_path / "more.txt"
    p.write_text(MORE, encoding="utf-8")
    terms = {(t["abbr"] or t["en"]): t for t in extract_paper(p, paper_id="more", known=known_terms(REPO)).paper["terms"]}
    assert terms["AI RMF"]["zh"] == "人工智能风险管理框架" and terms["AI RMF"]["en"] == "Artificial Intelligence Risk Management Framework"
    assert terms["AI agents"]["zh"] == "智能体"
    assert terms["SBOM"]["zh"] == "软件物料清单"


def test_english_keywords_right_under_the_chinese_ones(tmp_path):
    p = tmp_path / "kw.txt"
    p.write_text("人工智能与金融风险管理\n\n摘要：本文研究人工智能在金融风险管理中的应用。\n关键词：人工智能；金融风险管理；可解释性\nKeywords: artificial intelligence; financial risk management; explainability\n\n一、引言\n\n人工智能正在改变金融业。\n", encoding="utf-8")
    paper = extract_paper(p, paper_id="kw").paper
    assert paper["meta"]["keywords"]["en"] == ["artificial intelligence", "financial risk management", "explainability"]
    assert {(t["zh"], t["en"]) for t in paper["terms"] if t["source"] == "keywords"} >= {("金融风险管理", "financial risk management"), ("可解释性", "explainability")}


def test_a_chinese_name_ending_in_a_latin_word_of_its_english(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_text("主权人工智能\n\n一、引言\n\n各国纷纷倡议主权AI（Sovereign AI），加快建设本国算力。\n", encoding="utf-8")
    terms = {t["en"]: t["zh"] for t in extract_paper(p, paper_id="mixed").paper["terms"]}
    assert terms.get("Sovereign AI") == "主权AI", terms


def test_glued_preposition_a_verb_a_grant_number_and_an_ampersand(tmp_path):
    # jieba reads "对算力" as one word: the preposition still ends the term; 经过 ends it; a grant
    # number in brackets is not an abbreviation; R&D is one
    p = tmp_path / "glued.txt"
    p.write_text("算力需求\n\n一、引言\n\n大模型推理对算力（computing power）的需求快速增长，基础模型经过微调（fine-tuning）后适配下游任务。"
                 "本文为国家社会科学基金重点项目（24EYA007）的阶段性成果。企业研发（R&D）投入持续增加。\n", encoding="utf-8")
    terms = {(t["en"] or t["abbr"]): t["zh"] for t in extract_paper(p, paper_id="glued").paper["terms"]}
    assert terms.get("computing power") == "算力" and terms.get("fine-tuning") == "微调", terms
    assert "24EYA007" not in terms and "R&D" in terms, terms


@pytest.mark.parametrize("sentence, zh", [
    ("银行利用机器学习改进风险价值（Value at Risk，VaR）模型。", "风险价值"),  # "at" names nothing
    ("企业在关键岗位保持人在回路（human-in-the-loop）机制。", "人在回路"),
    ("深度学习被称为发明方法的发明（invention of a method of invention，IMI）。", "发明方法的发明"),  # 的 is "of"
    ("机器人仿真到现实迁移（Sim-to-Real）技术。", "仿真到现实迁移"),  # 到 links the term
])
def test_a_verb_before_the_term_is_cut_when_the_rest_names_the_english(tmp_path, sentence, zh):
    p = tmp_path / "v.txt"
    p.write_text("术语\n\n一、引言\n\n" + sentence + "\n", encoding="utf-8")
    assert [t["zh"] for t in extract_paper(p, paper_id="v", known=known_terms(REPO)).paper["terms"]] == [zh]
