"""`policykb extract` finds items in papers with layouts the corpus does not have."""


import yaml

from conftest import run_cli


def extract(tmp_path, name, content):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    proc = run_cli("extract", str(p))
    assert proc.returncode == 0, proc.stderr
    return yaml.safe_load(proc.stdout)


def wrap(text, width=21):
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


PAPER = "\n\n".join(
    [
        "数字经济与新质生产力",
        "摘要：本文认为，数据要素是形成新质生产力的关键。",
        "1 引言",
        wrap("根据国家数据局的统计，2023年全国数据产量达32.85ZB，同比增长22.44%。数据要素市场规模约为1 200亿元。"),
        "2 对策建议",
        wrap("为此，本文提出以下建议。"),
        "2.1 完善数据基础制度",
        wrap("一是加快数据产权立法。二是建立数据交易所。政府应当发挥统筹作用。"),
        "2.2 培育数据要素市场",
        wrap("首先要扩大公共数据开放。"),
    ]
)


def test_unseen_paper_statistics_and_recommendations(tmp_path):
    paper = extract(tmp_path, "li-2024.txt", PAPER)
    stats = {(s["value"], s["unit"]) for s in paper["statistics"]}
    assert {(32.85, "ZB"), (22.44, "%"), (1200, "亿元")} <= stats
    zb = next(s for s in paper["statistics"] if s["unit"] == "ZB")
    assert zb["period"] == "2023" and zb["source"] == "国家数据局"
    recs = paper["recommendations"]
    level1 = [r["title"] for r in recs if r["level"] == 1]
    assert level1 == ["完善数据基础制度", "培育数据要素市场"]
    subs = [r for r in recs if r["level"] == 2]
    assert [s["title"] for s in subs] == ["加快数据产权立法", "建立数据交易所"]
    assert all(s["parent"] == recs[0]["id"] for s in subs)
    assert any("数据要素是形成新质生产力的关键" in c["quote"] for c in paper["claims"])


def test_unseen_paper_frameworks(tmp_path):
    content = "\n\n".join(
        [
            "一、分析框架",
            "本文从技术创新、制度创新和组织创新等三个维度构建分析框架。",
            "本文构建“数据—算力—算法—场景”的分析框架。",
        ]
    )
    paper = extract(tmp_path, "fw.txt", content)
    comps = [[c["name"] for c in f["components"]] for f in paper["frameworks"]]
    assert ["技术创新", "制度创新", "组织创新"] in comps
    assert ["数据", "算力", "算法", "场景"] in comps
