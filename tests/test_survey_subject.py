"""A survey the abstract says the paper rests on is the population of the body's figures that report
it (the sample's composition), unless the sentence has left the survey behind; a survey run across
the whole country (对全国…家企业) is not about a place."""

from __future__ import annotations

from policykb.pipeline import extract_paper

PAPER = """数据要素与企业人工智能应用

摘要：本文基于对全国1 200家企业开展的问卷调查，考察数据要素对企业人工智能应用的影响。
关键词：数据要素；人工智能；问卷调查

一、引言

2024年，全国数据生产总量达到41.06泽字节。

二、样本特征

从所有制看，民营企业占70.5%，国有企业占19.5%。

表1 样本企业基本特征
类别\t企业数（家）\t占比（%）
民营企业\t846\t70.5
国有企业\t234\t19.5
"""


def _subjects(tmp_path, text):
    p = tmp_path / "survey.txt"
    p.write_text(text, encoding="utf-8")
    return {s["value"]: s["subject"] for s in extract_paper(p, paper_id="survey").paper["statistics"]}


def test_the_abstracts_survey_is_the_population_of_its_figures(tmp_path):
    subjects = _subjects(tmp_path, PAPER)
    assert subjects[1200] == "受访企业"
    assert "受访" in subjects[70.5] and "受访" in subjects[19.5], subjects
    assert subjects[41.06] == "中国"  # a national figure, not the survey's
    assert subjects[846] == "受访企业" and subjects[234] == "受访企业", subjects  # the sample's table


def test_without_a_survey_the_shares_stay_the_countrys(tmp_path):
    subjects = _subjects(tmp_path, PAPER.replace("本文基于对全国1 200家企业开展的问卷调查，", "本文"))
    assert "受访" not in subjects[70.5], subjects
