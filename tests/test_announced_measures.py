"""An enumeration announced as measures ("《方案》部署了三项重点任务。一是…", "具体可从三方面著手：
一是…") is level-1 recommendations even outside a prescriptive part; a list of problems is not."""

from __future__ import annotations

from policykb.pipeline import extract_paper

TEXT = """《东海市数据要素行动方案》解读

一、出台背景

当前，我市数据要素市场仍面临不少问题：一是数据资源分布不均，二是数据流通机制不健全，三是数据安全风险上升。

二、主要内容

《方案》部署了三项重点任务。一是建设公共数据授权运营平台，推动公共数据有序开放。二是培育数据交易市场，支持数据交易所拓展业务。三是完善数据安全保障体系，开展数据分类分级保护。

三、对策建议

（一）加强组织领导。各区要建立工作推进机制，明确责任分工。

（二）加大政策支持。各部门要落实财政资金保障，完善考核评估。

四、结语

数据要素市场建设任重道远。本中心建议市政府设立数据要素发展专项基金，支持公共数据开发利用。
"""


def test_announced_measures_outside_the_prescriptive_part(tmp_path):
    p = tmp_path / "interp.txt"
    p.write_text(TEXT, encoding="utf-8")
    recs = [r for r in extract_paper(p, paper_id="interp").paper["recommendations"] if r["level"] == 1]
    quotes = " ".join(r["quote"] for r in recs)
    for item in ("一是建设公共数据授权运营平台", "二是培育数据交易市场", "三是完善数据安全保障体系"):
        assert item in quotes, quotes
    assert "数据资源分布不均" not in quotes  # problems, not measures


def test_the_authors_own_advice_outside_the_prescriptive_part(tmp_path):
    p = tmp_path / "interp.txt"
    p.write_text(TEXT, encoding="utf-8")
    recs = [r for r in extract_paper(p, paper_id="interp").paper["recommendations"] if r["level"] == 1]
    assert any(r["quote"].startswith("本中心建议市政府设立数据要素发展专项基金") for r in recs), [r["quote"] for r in recs]
    assert not any("任重道远" in r["quote"] for r in recs)


QA = """《南岭省人工智能行动方案》答记者问

一、谈任务：四个方面十项举措

记者：《方案》部署了哪些重点任务？

答：《方案》从四个方面部署了十项举措。

一是实施“人工智能+制造”行动。推动规模以上工业企业全面实施智能化改造。

二是实施“人工智能+民生”行动。在教育、医疗等领域推广智能化服务。

二、谈中小企业

记者：对中小企业有哪些支持？

答：《方案》主要从两个方面发力。

第一，降低用智成本。具体包括以下措施：

1.发放“算力券”，对中小企业购买算力服务给予补贴；

2.遴选一批解决方案服务商，组建服务商资源池。

第二，加强能力培训。分批次培训中小企业经营管理人员。

三、谈数据

记者：数据供给方面有哪些安排？

答：省数据局将重点抓好两件事。

首先，加快公共数据开放。推动交通、气象等领域数据开放。

最后，培育数据要素市场。支持数据交易中心扩大交易规模。

据了解，我省数据交易规模增长较快，市场主体不断增加。

四、专家点评

南岭大学教授刘建华认为，《方案》目标明确、举措务实。他建议，各市在落实中应当立足本地产业基础，错位发展，避免一哄而上。
"""


def test_an_interviews_measures_in_every_answer(tmp_path):
    # 一是/二是 paragraphs after the answer that announces them; 第一/第二 and 首先/最后 paragraphs
    # in other answers, announced by 发力/抓好, with their 1. 2. points as level 2
    p = tmp_path / "qa.txt"
    p.write_text(QA, encoding="utf-8")
    recs = extract_paper(p, paper_id="qa").paper["recommendations"]
    level1 = " ".join(r["quote"] for r in recs if r["level"] == 1)
    level2 = " ".join(r["quote"] for r in recs if r["level"] == 2)
    for item in ("一是实施“人工智能+制造”行动", "二是实施“人工智能+民生”行动", "第一，降低用智成本", "第二，加强能力培训",
                 "首先，加快公共数据开放", "最后，培育数据要素市场"):
        assert item in level1, level1
    assert "发放“算力券”" in level2 and "遴选一批解决方案服务商" in level2, level2
    assert "据了解" not in level1 + level2
    # an expert's advice in an interview is one of its items (a paper's review quoting advice is not)
    assert "各市在落实中应当立足本地产业基础" in level1, level1


REPORT = """算力发展报告

报告建议，加快算力设施建设，培育数据要素市场。

一、现状

我省算力规模持续增长，智能算力占比不断提升，算力设施布局逐步优化。

二、对策建议

（一）加快算力设施建设。各地要统筹布局智算中心，提高算力利用效率。

（二）培育数据要素市场。支持数据交易机构拓展业务，完善数据交易规则。
"""


def test_a_summary_of_the_structured_items_is_not_one_more(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    level1 = [r["quote"] for r in extract_paper(p, paper_id="report").paper["recommendations"] if r["level"] == 1]
    assert len(level1) == 2 and not any("报告建议" in q for q in level1), level1
