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
