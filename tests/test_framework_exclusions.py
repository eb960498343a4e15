"""A counted list that describes the literature, the data or the method is not a framework; the
paper's own counted list is."""

from __future__ import annotations

from policykb.pipeline import extract_paper

TEXT = """人工智能与就业

一、引言

现有研究主要集中在两个方面。一是技能偏向型技术进步；二是任务偏向型技术进步。
本文数据来自两个部分。一是企业问卷调查；二是上市公司面板数据。
稳健性检验方面，本文替换被解释变量、采用工具变量两阶段最小二乘法重新估计。
人工智能的就业效应遵循“技术应用—任务重组—岗位调整—技能升级”的传导链条。
"""


def test_review_data_and_method_counts_are_not_frameworks(tmp_path):
    p = tmp_path / "fw.txt"
    p.write_text(TEXT, encoding="utf-8")
    frameworks = extract_paper(p, paper_id="fw").paper["frameworks"]
    comps = [[c["name"] for c in f["components"]] for f in frameworks]
    assert ["技术应用", "任务重组", "岗位调整", "技能升级"] in comps, comps
    assert not any("问卷" in " ".join(c) or "技能偏向" in " ".join(c) or "最小二乘" in " ".join(c) for c in comps), comps


SECTIONS = """人工智能与新质生产力

一、引言

人工智能正在改变生产方式。

二、文献综述与理论机制

（一）文献综述

已有研究讨论了人工智能的影响。

（二）理论机制

人工智能通过三条渠道作用于生产率。

三、结论

人工智能是新质生产力的重要引擎。
"""


def test_a_section_on_two_topics_is_not_a_framework(tmp_path):
    p = tmp_path / "sec.txt"
    p.write_text(SECTIONS, encoding="utf-8")
    names = [f["name"] for f in extract_paper(p, paper_id="sec").paper["frameworks"]]
    assert not any("文献综述" in n for n in names), names


def test_a_pair_of_aspects_is_not_a_framework_but_two_parts_and_three_aspects_are(tmp_path):
    p = tmp_path / "pair.txt"
    p.write_text("人工智能与中小企业\n\n一、引言\n\n中小企业使用人工智能工具主要集中在文案翻译和客服应答两个环节。"
                 "智能经济转型包括智能产业化和产业智能化两部分。"
                 "本文从技术供给、场景牵引和生态支撑三个方面分析人工智能的赋能机制。"
                 "《意见》从融资、场景、服务三个方面给予支持。\n", encoding="utf-8")
    comps = [[c["name"] for c in f["components"]] for f in extract_paper(p, paper_id="pair").paper["frameworks"]]
    assert not any("客服应答" in " ".join(c) or "融资" in c for c in comps), comps  # a pair; a document's coverage
    assert ["智能产业化", "产业智能化"] in comps and ["技术供给", "场景牵引", "生态支撑"] in comps, comps


def test_a_two_by_two_typology_is_one_framework(tmp_path):
    p = tmp_path / "typo.txt"
    p.write_text("大模型与企业创新\n\n一、类型划分\n\n依据应用深度和数据基础两个维度，本文将企业划分为引领型、探索型、跟随型和观望型四种类型。"
                 "不同类型企业的创新效应差异明显。\n", encoding="utf-8")
    frameworks = extract_paper(p, paper_id="typo").paper["frameworks"]
    comps = [[c["name"] for c in f["components"]] for f in frameworks]
    assert comps == [["应用深度", "数据基础", "引领型", "探索型", "跟随型", "观望型"]], comps
