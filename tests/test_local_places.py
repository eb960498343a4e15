"""Counties and districts a document names more than once are places for its figures' subjects,
though the rules list only provinces and large cities; a title that says 我市 belongs to the city
its front matter names."""

from __future__ import annotations

from policykb.pipeline import extract_paper

NEWS = """首页 > 新闻中心 > 东阳新闻
我市企业人工智能应用调查发布
来源：东阳日报  发布时间：2025-07-16

本报讯 东阳市经信局发布《2025年东阳市企业人工智能应用调查报告》。分地区看，南湖区企业应用率最高，达到45.2%；西岭县最低，仅为24.8%。
南湖区今年新增应用企业126家。西岭县已安排专项资金2000万元。全市人工智能核心产业营业收入达到286亿元。
"""


def test_local_places_and_the_city_of_a_local_paper(tmp_path):
    p = tmp_path / "news.txt"
    p.write_text(NEWS, encoding="utf-8")
    subj = {s["value"]: s["subject"] for s in extract_paper(p, paper_id="news").paper["statistics"]}
    assert subj[45.2] == "南湖区" and subj[126] == "南湖区", subj
    assert subj[24.8] == "西岭县" and subj[2000] == "西岭县", subj
    assert subj[286] == "东阳市", subj  # 全市 in a paper whose title says 我市 and whose source is 东阳日报
