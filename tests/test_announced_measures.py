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
