"""A report about one company: figures of clauses that refer to it (公司…, its short name) are
about that company, not the country."""

from __future__ import annotations

from policykb.pipeline import extract_paper

TEXT = """一家老牌电机企业的智能化转型

走进位于东海市的浙江华泰电机股份有限公司，800台数控机床整齐排列。

华泰电机成立于1996年，现有员工2 300人。2024年，公司实现营业收入41.2亿元，同比增长12.5%。

全市规模以上工业企业超过3 000家。
"""


def test_figures_about_the_company_a_report_is_about(tmp_path):
    p = tmp_path / "firm.txt"
    p.write_text(TEXT, encoding="utf-8")
    subj = {s["value"]: s["subject"] for s in extract_paper(p, paper_id="firm").paper["statistics"]}
    firm = "浙江华泰电机股份有限公司"
    assert subj[2300] == firm and subj[41.2] == firm and subj[12.5] == firm, subj
    assert subj[3000] != firm, subj  # a figure of the city is not the company's
