"""An empirical paper's estimates are about the sample it estimates on (样本上市公司), not the
country; its other figures keep their subject."""

from __future__ import annotations

from policykb.pipeline import extract_paper

TEXT = """人工智能应用与企业全要素生产率

一、引言

2023年我国人工智能核心产业规模接近5 800亿元。

二、研究设计

本文以2011—2022年沪深A股上市公司为研究样本。

三、实证结果

基准回归结果显示，人工智能应用水平每提高1个单位，企业全要素生产率平均提高5.2%。
"""


def test_estimates_are_about_the_sample(tmp_path):
    p = tmp_path / "tfp.txt"
    p.write_text(TEXT, encoding="utf-8")
    subj = {s["value"]: s["subject"] for s in extract_paper(p, paper_id="tfp").paper["statistics"]}
    assert subj[5.2] == "样本上市公司", subj
    assert subj[5800] == "中国", subj
