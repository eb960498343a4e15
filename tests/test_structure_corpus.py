"""Structure of the five papers: metadata, sections, notes, references, tables, exclusions."""

import pytest

from conftest import PAPER_IDS

LEVEL1 = {
    "zhang-lei-intelligent-revolution": [
        "智能产业革命正在悄然加速",
        "智能产业革命要求我国加快中长期增长动力转换",
        "我国智能产业革命动态和战略布局",
        "智能产业革命的治理",
        "结论和对策",
    ],
    "zhou-yang-ai-empowering-nqpf": [
        "人工智能对生产力与生产关系的系统性重构",
        "人工智能赋能新质生产力的机理分析",
        "人工智能赋能新质生产力的风险挑战",
        "人工智能赋能新质生产力的实践进路",
    ],
    "cao-liu-zheng-2025": [
        "问题提出",
        "基础内涵研究",
        "新一代AI驱动传统产业系统性优化重组的理论机制",
        "新一代AI赋能现代产业体系全方位构建的理论机制",
        "新一代AI驱动产业深度转型升级的突出问题",
        "新一代AI驱动产业深度转型升级的对策建议",
    ],
    "anon-ai-nqpf-logic-path": [
        "引言",
        "人工智能赋能新质生产力的现实基础",
        "人工智能赋能新质生产力的理论逻辑",
        "人工智能赋能新质生产力的实践路径",
    ],
    "dong-zhiyong-2025": [
        "我国人工智能发展成就斐然",
        "人工智能打开新质生产力新的发展空间",
        "牢牢把握人工智能发展的重大历史机遇",
    ],
}
# level-2 and level-3 heading counts a careful reader finds
DEEPER = {
    "zhang-lei-intelligent-revolution": (4, 0),
    "zhou-yang-ai-empowering-nqpf": (13, 0),
    "cao-liu-zheng-2025": (20, 40),
    "anon-ai-nqpf-logic-path": (11, 0),
    "dong-zhiyong-2025": (0, 0),
}


def headings(doc, level):
    return [s for s in doc.sections if s.level == level and s.kind == "heading"]


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_level1_sections(documents, pid):
    doc, _ = documents[pid]
    assert [s.title for s in headings(doc, 1)] == LEVEL1[pid]


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_deeper_section_counts(documents, pid):
    doc, _ = documents[pid]
    assert (len(headings(doc, 2)), len(headings(doc, 3))) == DEEPER[pid]


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_section_parents_are_consistent(documents, pid):
    doc, _ = documents[pid]
    by_id = {s.id: s for s in doc.sections}
    for s in doc.sections:
        if s.parent:
            assert by_id[s.parent].level == s.level - 1


def test_wrapped_headings_are_rejoined(documents):
    doc, _ = documents["zhou-yang-ai-empowering-nqpf"]
    titles = [s.title for s in doc.sections]
    assert "以“人工智能+”赋能现代化产业体系建设" in titles
    assert "就业结构转型阵痛与数字劳动的不稳定性" in titles


def test_running_header_never_inside_a_paragraph(documents):
    doc, text = documents["anon-ai-nqpf-logic-path"]
    header = "人工智能赋能新质生产力的理论逻辑及实践路径"
    assert header in text.running_headers
    assert all(header not in p.text for p in doc.paragraphs)
    assert sum(1 for d in doc.dropped if d.reason == "running header") == 5
    # the paragraph the header interrupted is whole again
    assert any("在生产过程中获得可替代其他要素的数字化属性" in p.text for p in doc.paragraphs)


def test_banner_after_article_is_not_body(documents):
    doc, _ = documents["dong-zhiyong-2025"]
    assert not any("公益宣传" in p.text or "图源" in p.text for p in doc.paragraphs)
    assert not any(s.title.startswith("创新是人工智能发展的动力") for s in doc.sections)
    assert {d.text for d in doc.dropped} >= {"公益宣传", "图源千图网"}
    assert doc.paragraphs[-1].text.startswith("优化人工智能监管政策。")


def test_english_tail_is_not_body(documents):
    doc, _ = documents["zhou-yang-ai-empowering-nqpf"]
    assert doc.paragraphs[-1].text.endswith("推动世界生产力发展再上新台阶。")
    assert doc.meta.venue_en == "Reform"


META = {
    "zhang-lei-intelligent-revolution": dict(
        title_zh="智能产业革命和我国中长期经济增长动力转换初探", authors=["张磊"], year=None, venue=None,
        keywords_zh=["智能产业革命", "大模型驱动的人工智能", "增长动力转换"],
    ),
    "zhou-yang-ai-empowering-nqpf": dict(
        # authors' Chinese names and the year: curated from the public listing (corpus/meta); the
        # text's own English names stay as name_en (checked in test_english_names_kept)
        title_zh=None, authors=["周文", "杨正源"], year=2025, venue="改革", keywords_zh=[],
    ),
    "cao-liu-zheng-2025": dict(
        title_zh="新一代人工智能发展驱动产业深度转型升级研究——生产函数变革与要素协同匹配视角",
        authors=["曹玉平", "刘竟威", "郑展鹏"], year=2025, venue=None,
        keywords_zh=["新一代人工智能", "产业转型升级", "通用元技术", "生产函数变革", "要素协同匹配", "新质生产力", "智能化转型"],
    ),
    "anon-ai-nqpf-logic-path": dict(
        title_zh="人工智能赋能新质生产力的理论逻辑及实践路径", authors=[], year=None, venue=None, keywords_zh=[],
    ),
    "dong-zhiyong-2025": dict(
        title_zh="“人工智能+”赋能新质生产力发展", authors=["董志勇"], year=2025, venue="人民日报", keywords_zh=[],
    ),
}


@pytest.mark.parametrize("pid", PAPER_IDS)
def test_metadata(papers, pid):
    m = papers[pid]["meta"]
    want = META[pid]
    assert m["title"]["zh"] == want["title_zh"]
    assert [a["name"] for a in m["authors"]] == want["authors"]
    assert m["year"] == want["year"]
    assert m["venue"] == want["venue"]
    assert m["keywords"]["zh"] == want["keywords_zh"]


def test_provenance_marks_curated_and_text(papers):
    assert papers["zhou-yang-ai-empowering-nqpf"]["meta"]["provenance"]["venue"] == "curated"
    assert papers["zhou-yang-ai-empowering-nqpf"]["meta"]["provenance"]["year"] == "public listing"
    assert papers["anon-ai-nqpf-logic-path"]["meta"]["provenance"]["title.zh"] == "curated"
    assert papers["dong-zhiyong-2025"]["meta"]["provenance"]["venue"] == "text"
    assert papers["cao-liu-zheng-2025"]["meta"]["provenance"]["year"] == "text"
    assert "venue" not in papers["zhang-lei-intelligent-revolution"]["meta"]["provenance"]


def test_english_names_kept(papers, documents):
    doc, _ = documents["zhou-yang-ai-empowering-nqpf"]
    assert [a.name for a in doc.meta.authors] == ["ZHOU Wen", "YANG Zheng-yuan"]  # as the text prints them
    assert [a["name_en"] for a in papers["zhou-yang-ai-empowering-nqpf"]["meta"]["authors"]] == ["ZHOU Wen", "YANG Zheng-yuan"]


def test_affiliations(papers):
    aff = lambda pid: [a["affiliation"] for a in papers[pid]["meta"]["authors"]]
    assert aff("zhang-lei-intelligent-revolution") == ["中国社会科学院经济研究所"]
    assert aff("cao-liu-zheng-2025") == ["河南大学经济学院"] * 3
    assert aff("dong-zhiyong-2025") == ["北京大学"]


def test_article_number_gives_issue_and_pages(papers):
    m = papers["cao-liu-zheng-2025"]["meta"]
    assert (m["year"], m["issue"], m["pages"]) == (2025, "4", "80-96")


def test_publication_line_gives_venue_and_date(papers):
    m = papers["dong-zhiyong-2025"]["meta"]
    assert m["date"] == "2025-01-13"


@pytest.mark.parametrize(
    "pid, abstract_start, en_start",
    [
        ("zhang-lei-intelligent-revolution", "智能产业革命主要涉及大模型驱动的人工智能发展", None),
        ("zhou-yang-ai-empowering-nqpf", "新一轮科技革命与大国博弈深度交织", "The new round of technological revolution"),
        ("cao-liu-zheng-2025", "新一代人工智能作为新质生产力的典型代表", "Deep industrial transformation and upgrading"),
        ("anon-ai-nqpf-logic-path", None, None),
        ("dong-zhiyong-2025", None, None),
    ],
)
def test_abstracts(papers, pid, abstract_start, en_start):
    ab = papers[pid]["meta"]["abstract"]
    assert (ab["zh"] or "").startswith(abstract_start or "") and (ab["zh"] is None) == (abstract_start is None)
    assert (ab["en"] or "").startswith(en_start or "") and (ab["en"] is None) == (en_start is None)


def test_english_metadata(papers):
    m = papers["zhou-yang-ai-empowering-nqpf"]["meta"]
    assert m["title"]["en"] == "Artificial Intelligence Empowering New Quality Productive Forces: Mechanism of Action and Practical Path"
    assert m["keywords"]["en"][-1] == "data elements"
    c = papers["cao-liu-zheng-2025"]["meta"]
    assert c["title"]["en"].startswith("Research on New Generation Artificial Intelligence")
    assert [a["name_en"] for a in c["authors"]] == ["CAO Yuping", "LIU Jingwei", "ZHENG Zhanpeng"]
    assert len(c["keywords"]["en"]) == 7


def test_notes_and_references(papers):
    z = papers["zhang-lei-intelligent-revolution"]
    assert [n["label"] for n in z["notes"]] == ["*"] + list("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬")
    assert "“Growth: With or without scale effects?”" in z["notes"][3]["text"]
    c = papers["cao-liu-zheng-2025"]
    assert len(c["references"]) == 27  # [1]..[26] with [10] printed twice
    ref13 = next(r for r in c["references"] if r["number"] == "13")
    assert ref13["alternates"][0].startswith("CAI Y Z, CHEN N.")
    assert [n["label"] for n in c["notes"]] == ["①", "②", "③", "④", "①", "①", "①"]


def test_tables(papers):
    tabs = [t for t in papers["cao-liu-zheng-2025"]["tables"] if t["kind"] == "table"]
    assert [t["number"] for t in tabs] == ["1", "2"]
    t2 = tabs[1]
    assert t2["rows"][0] == ["发展指标", "中国", "美国"]
    assert t2["rows"][8] == ["AI企业数(2023年)", "5 734.00", "12 925.00"]
    assert len(t2["rows"]) == 10
    assert t2["notes"][0].startswith("注:数据来源为《人工智能全域变革图景展望")
    anon = papers["anon-ai-nqpf-logic-path"]["tables"]
    assert anon[0]["caption"] == "近年中国人工智能政策梳理"
    assert anon[0]["rows"][0] == ["政策 时间 部门 内容"]


@pytest.mark.parametrize(
    "pid, labels",
    [
        ("cao-liu-zheng-2025", {"收稿日期", "基金项目", "作者简介", "文章编号", "文献标识码", "编辑"}),
        ("zhang-lei-intelligent-revolution", {"作者简介", "责任编辑"}),
    ],
)
def test_front_matter_is_not_body(documents, papers, pid, labels):
    assert set(papers[pid]["front_matter"]) == labels
    doc, _ = documents[pid]
    assert not any(p.text.startswith(("收稿日期", "基金项目", "作者简介", "文章编号", "编辑:", "[责任编辑")) for p in doc.paragraphs)
