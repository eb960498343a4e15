"""Advice in news reports (no prescriptive part): a speaker's advice is a level-1 recommendation,
whole (with the sentences that continue it); a speaker's own plan or a figure of speech is not."""

from __future__ import annotations

from policykb.pipeline import extract_paper

NEWS = """东海市举行人工智能产业发展座谈会

本报讯（记者 李明）12日，东海市举行人工智能产业发展座谈会，来自高校和企业的代表参加会议。

东海大学教授周立新认为，数据供给不足是制约本地企业应用大模型的主要因素。他建议，由行业协会牵头建设行业高质量数据集，降低中小企业用数成本。同时，要完善数据标注和质量评估规则。

某软件企业负责人王芳说，企业间的数据共享意愿仍然不高。“应加快制定数据资产评估标准，建立第三方评估机构的资质管理制度。”她说。

“靠的不是扩产能，而是向人工智能要效益。”一家纺织企业负责人说。“我们要继续加大研发投入，明年推出新一代产品。”他表示。

市工业和信息化局副局长陈刚还建议，各区要加大对智能化改造服务商的培育力度，避免企业买了系统却用不起来。
"""


def _recs(tmp_path):
    p = tmp_path / "news.txt"
    p.write_text(NEWS, encoding="utf-8")
    return [r for r in extract_paper(p, paper_id="news").paper["recommendations"] if r["level"] != "inline"]


def test_news_advice_is_level_one_and_whole(tmp_path):
    recs = _recs(tmp_path)
    quotes = [r["quote"] for r in recs]
    assert all(r["level"] == 1 for r in recs)
    assert any(q.startswith("他建议，由行业协会牵头") and q.endswith("要完善数据标注和质量评估规则。") for q in quotes), quotes
    assert any(q.startswith("“应加快制定数据资产评估标准") and q.endswith("她说。") for q in quotes), quotes
    assert any(q.startswith("市工业和信息化局副局长陈刚还建议，各区要加大") for q in quotes), quotes


def test_a_speakers_own_plan_or_a_figure_of_speech_is_not_advice(tmp_path):
    quotes = [r["quote"] for r in _recs(tmp_path)]
    assert not any("要效益" in q or "我们要继续" in q for q in quotes), quotes
    assert len(quotes) == 3


SUBHEADS = """东海市企业智能化调查发布

本报讯 7月15日，市经信局发布《东海市企业人工智能应用情况调查报告》，这是我市首次对企业人工智能应用情况开展全面摸底。

■ 总体：应用面扩大

调查显示，受访企业中已应用人工智能技术的占38.6%。

■ 建议：找准场景 补齐服务

东海大学教授周敏认为，难的不是技术，而是找准场景。“中小企业应用人工智能，应从质检、排产这些见效快的环节切入。”她还建议，各区要结合主导产业建设行业数据集。

研究院副院长郑浩表示，集群里的企业痛点相似。他建议，以产业集群为单位建设“行业大脑”，由龙头企业共同运营；同时，高校和职业院校应加快开设工业人工智能相关课程。
"""


def test_subheads_quoted_advice_and_a_second_piece_of_advice(tmp_path):
    p = tmp_path / "subheads.txt"
    p.write_text(SUBHEADS, encoding="utf-8")
    paper = extract_paper(p, paper_id="subheads").paper
    assert [s["title"] for s in paper["sections"] if s["kind"] == "heading"] == ["总体：应用面扩大", "建议：找准场景补齐服务"]
    level1 = [r["quote"] for r in paper["recommendations"] if r["level"] == 1]
    assert len(level1) == 4, level1
    assert level1[0].startswith("“中小企业应用人工智能，应从质检") and level1[0].endswith("”")
    assert level1[1].startswith("她还建议，各区要结合主导产业")
    assert level1[2].endswith("由龙头企业共同运营；") and level1[3].startswith("同时，高校和职业院校应加快开设")
    inline = [r["quote"] for r in paper["recommendations"] if r["level"] == "inline"]
    assert not any(q in l1 or l1 in q for q in inline for l1 in level1), inline  # no item twice


def test_a_part_after_tongshi_without_advice_goes_on_with_the_advice(tmp_path):
    p = tmp_path / "goes_on.txt"
    p.write_text("东海市座谈会\n\n本报讯 东海市举行座谈会。\n\n他建议，由行业协会牵头建设行业数据集；同时，这也有利于降低中小企业用数成本。\n", encoding="utf-8")
    level1 = [r["quote"] for r in extract_paper(p, paper_id="goes_on").paper["recommendations"] if r["level"] == 1]
    assert level1 == ["他建议，由行业协会牵头建设行业数据集；同时，这也有利于降低中小企业用数成本。"], level1
