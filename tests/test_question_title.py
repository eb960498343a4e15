"""A journal title that asks a question, and a byline whose names are padded with spaces and
carry affiliation marks (read as a table row before), are the paper's title and authors."""

from __future__ import annotations

from policykb.pipeline import extract_paper

TEXT = """人工智能应用如何重塑企业就业结构？
——来自制造业上市公司与浙江企业调查的证据

周晓峰1  林  静2
（1．浙江财经大学 经济学院，浙江 杭州 310018；2．宁波大学 商学院，浙江 宁波 315211）

摘　要：本文研究人工智能应用对企业就业结构的影响。
关键词：人工智能；就业结构

一、引言

人工智能正在重塑企业的就业结构。
"""


def test_question_title_and_spaced_byline(tmp_path):
    p = tmp_path / "q.txt"
    p.write_text(TEXT, encoding="utf-8")
    meta = extract_paper(p, paper_id="q").paper["meta"]
    assert meta["title"]["zh"].startswith("人工智能应用如何重塑企业就业结构？")
    assert [a["name"] for a in meta["authors"]] == ["周晓峰", "林静"]
