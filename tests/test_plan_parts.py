"""A plan's part holds measures when its numbered items open with action verbs, whatever its title
says ("二、做大做强数字产业"); a report's "建议一：…" headings are level-1 items with their "（1）…"
points as level-2 items."""

from __future__ import annotations

from policykb.pipeline import extract_paper

PLAN = """东海市数字经济重点任务实施方案

一、总体要求

（一）主要目标。到2027年，全市数字经济规模突破1万亿元。

二、数字产业

（一）壮大电子信息制造业。以东海为核心，打造电子信息产业集群。

（二）前瞻布局未来产业。支持高校开展前沿技术研究。

三、保障措施

（一）加强统筹推进。市数字经济领导小组负责统筹协调。
"""

BRIEF = """香港人工智能發展政策簡報

一、現狀

香港人工智能產業起步較早，但規模仍小。

二、政策建議

基於上述分析，本中心提出以下兩項建議。

建議一：擴大公共算力供給
（１）在北部都會區預留土地，興建大型人工智能數據中心；
（２）向本地初創企業發放「算力券」。

建議二：完善人工智能治理框架
（１）制定以風險為本的人工智能治理原則；
（２）設立人工智能倫理及安全諮詢委員會。
"""


def _recs(tmp_path, name, text):
    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    return extract_paper(p, paper_id=name).paper["recommendations"]


def test_a_part_of_measures_with_a_noun_title(tmp_path):
    level1 = [r["quote"] for r in _recs(tmp_path, "plan", PLAN) if r["level"] == 1]
    assert any("壮大电子信息制造业" in q for q in level1), level1
    assert any("前瞻布局未来产业" in q for q in level1), level1
    assert not any("主要目标" in q for q in level1), level1


def test_numbered_recommendation_headings(tmp_path):
    recs = _recs(tmp_path, "brief", BRIEF)
    level1 = [r for r in recs if r["level"] == 1]
    level2 = [r for r in recs if r["level"] == 2]
    assert [r["quote"][:4] for r in level1] == ["建議一：", "建議二："], [r["quote"] for r in level1]
    assert len(level2) == 4 and {r["parent"] for r in level2} == {r["id"] for r in level1}, [(r["quote"], r["parent"]) for r in level2]
