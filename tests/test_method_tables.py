"""Numbers in a paper's method tables (an index's construction, estimates with significance
stars) are not statistics; a table of targets is."""

from __future__ import annotations

from policykb.pipeline import extract_paper

TEXT = """人工智能与区域创新研究

摘要：本文测度区域创新指数并检验人工智能的影响。

关键词：人工智能；区域创新

一、指标与数据

本文构建区域创新评价指标体系（见表1）。

表1  区域创新评价指标体系
一级指标      二级指标                          三级指标数
创新投入      研发经费、研发人员                6
创新产出      专利、新产品                      5

二、实证结果

表2报告了回归结果。

表2  基准回归结果
变量        全国         东部         西部
AI          0.213***     0.301***     0.044
控制变量    是           是           是
N           270          99           81

三、发展目标

表3  主要发展目标
指标                    单位      2024年    2027年
人工智能核心产业规模    亿元      420       800
人工智能企业数量        家        600       1000
"""


def test_method_tables_give_no_statistics_and_target_tables_do(tmp_path):
    p = tmp_path / "tables.txt"
    p.write_text(TEXT, encoding="utf-8")
    stats = extract_paper(p, paper_id="tables").paper["statistics"]
    values = sorted(s["value"] for s in stats)
    assert values == [420, 600, 800, 1000], values


RANKING = """区域数字经济报告

一、总体情况

各省数字经济指数差异明显。

表1  2024年省域数字经济指数前三位
排名    省份      指数
1       浙江      88.1
2       江苏      85.4
3       广东      84.9
"""


def test_a_ranking_table_gives_ranks_and_values(tmp_path):
    p = tmp_path / "ranking.txt"
    p.write_text(RANKING, encoding="utf-8")
    stats = extract_paper(p, paper_id="ranking").paper["statistics"]
    ranks = sorted((s["value"], s["subject"]) for s in stats if s["kind"] == "rank")
    assert [v for v, _ in ranks] == [1, 2, 3], ranks
    assert dict((v, subj) for v, subj in ranks)[1] == "浙江" or "浙江" in dict(ranks)[1]
    assert sorted(s["value"] for s in stats if s["kind"] == "value") == [84.9, 85.4, 88.1]


def test_a_table_of_places_is_measured_by_its_caption(tmp_path):
    p = tmp_path / "ranking.txt"
    p.write_text(RANKING, encoding="utf-8")
    stats = extract_paper(p, paper_id="ranking").paper["statistics"]
    value = next(s for s in stats if s["value"] == 88.1)
    rank = next(s for s in stats if s["kind"] == "rank" and s["value"] == 1)
    assert value["indicator"] == "省域数字经济指数" and value["period"] == "2024"
    assert rank["indicator"] == "省域数字经济指数排名"
