"""Cleaning rules, one small input each (the artefacts listed in shared/papers/README.md)."""

import pytest

from policykb.inline import clean_segments, fold, squeeze_spaces, strip_markers
from policykb.layout import build_blocks


def cleaned(segments):
    text, offs, markers = clean_segments(segments)
    return text, markers


def body_texts(text: str) -> list[str]:
    blocks, _, _ = build_blocks(text)
    return [b.text for b in blocks if b.kind == "body"]


def test_hard_wrapped_lines_are_joined_without_space():
    assert cleaned([(0, "大模型驱动的人工"), (20, "智能发展")])[0] == "大模型驱动的人工智能发展"


def test_english_words_wrapped_get_one_space():
    assert cleaned([(0, "General Purpose"), (30, "Technology")])[0] == "General Purpose Technology"


def test_page_break_split_with_blank_lines_is_joined():
    text = "与此同时，基于人\n\n类反馈的强化学习又赋予大模型新功能。\n"
    assert body_texts(text) == ["与此同时，基于人类反馈的强化学习又赋予大模型新功能。"]


def test_separate_paragraphs_stay_separate():
    text = "第一段到此结束。\n\n第二段另起一行。\n"
    assert body_texts(text) == ["第一段到此结束。", "第二段另起一行。"]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("都 以 DeepSeek 为 基 座， 由 此 构 建", "都以 DeepSeek 为基座，由此构建"),
        ("丰 富 的 国 家。 根 据《2024-2029 年 中 国", "丰富的国家。根据《2024-2029年中国"),
        ("拥有 6 710 亿参数", "拥有6 710亿参数"),
        ("AI企业数 5 734.00 家", "AI企业数5 734.00家"),
        ("以 GPT 为代表的通用", "以 GPT 为代表的通用"),
        ("式。 ”人工智能", "式。”人工智能"),
    ],
    ids=["stray-spaces", "punct-and-years", "thousands-space", "decimal-thousands", "english-kept", "space-before-quote"],
)
def test_spaces(raw, expected):
    assert squeeze_spaces(raw, list(range(len(raw))))[0] == expected


@pytest.mark.parametrize(
    "raw, text, labels",
    [
        ("初探^{*}", "初探", [("*", "note")]),
        ("新动能。”^①大模型", "新动能。”大模型", [("①", "note")]),
        ("历史性交汇”［1］，人类", "历史性交汇”，人类", [("1", "citation")]),
        ("GPMT^[4]。如表1", "GPMT。如表1", [("4", "citation")]),
        ("深刻影响着人民生活福祉。”[1] 人工智能", "深刻影响着人民生活福祉。”人工智能", [("1", "citation")]),
        ("法挑战^{[11,13]①}。因此", "法挑战。因此", [("11,13", "citation"), ("①", "note")]),
        ("曹玉平¹, 刘竟威¹", "曹玉平, 刘竟威", [("1", "affiliation"), ("1", "affiliation")]),
    ],
    ids=["caret-star", "caret-circled", "fullwidth-bracket", "caret-bracket", "halfwidth-bracket", "combined", "superscript"],
)
def test_markers_become_structured_references(raw, text, labels):
    out, markers = cleaned([(0, raw)])
    assert out == text
    assert [(m.label, m.kind) for m in markers] == labels


def test_marker_position_points_into_cleaned_text():
    out, markers = cleaned([(0, "分为流程创新和产品创新^②。流程")])
    assert out[: markers[0].pos] == "分为流程创新和产品创新"


def test_offset_map_locates_spans_in_raw():
    raw = "数 据 生 产 总 量 达 32.85ZB，\n同比增长 22.44%。"
    lines = raw.split("\n")
    segs = [(0, lines[0]), (len(lines[0]) + 1, lines[1])]
    text, offs, _ = clean_segments(segs)
    start = text.index("22.44%")
    assert raw[offs[start] : offs[start + 5] + 1] == "22.44%"
    s2 = text.index("数据生产")
    assert raw[offs[s2] : offs[s2 + 3] + 1] == "数 据 生 产"


def test_fold_unifies_width_for_matching_and_keeps_length():
    s = "（GPT，General Purpose Technology）：７０％"
    assert fold(s) == "(GPT,General Purpose Technology):70%"
    assert len(fold(s)) == len(s)


def test_strip_markers_used_by_grounding():
    assert strip_markers("增长 16.5% ［48］。") == "增长 16.5% 。"


def test_running_header_inside_paragraph_is_removed():
    header = "人工智能赋能新质生产力的理论逻辑及实践路径"
    text = "\n\n".join(
        ["一、引言", "传统生产要素可以通过数据赋能，在生产", header, "过程中获得数字化属性。", "二、结论", header, "结论。"]
    )
    blocks, _, headers = build_blocks(text)
    assert header in headers
    bodies = [b.text for b in blocks if b.kind == "body"]
    assert bodies[0] == "传统生产要素可以通过数据赋能，在生产过程中获得数字化属性。"
    assert all(header not in b for b in bodies)
    assert [b.kind for b in blocks].count("dropped") == 2


def test_footnote_printed_mid_paragraph_does_not_break_it():
    text = (
        "一、引言\n\n"
        "可以降低资金供需方、人才^①\n\n"
        "① 一个典型的例子是围棋。\n\n"
        "与雇主之间的信息不对称程度。\n"
    )
    blocks, _, _ = build_blocks(text)
    assert [b.kind for b in blocks] == ["heading", "body", "note"]
    assert blocks[1].text == "可以降低资金供需方、人才与雇主之间的信息不对称程度。"


def test_paragraph_opener_after_full_line_starts_a_paragraph():
    """In a hard-wrapped paper a full line ending a sentence usually goes on; "在…阶段，" opens."""
    base = "新型举国体制强调在政府和市场有机结合的前提下引导社会资本流向急需的创新环节并形成合力"
    # twelve different 40-character sentences (identical lines would be running headers)
    para = "".join((base[k:] + base[:k])[:39] + "。" for k in range(12))
    lines = [para[i : i + 20] for i in range(0, len(para), 20)]
    assert lines[-1].endswith("。") and len(lines[-1]) == 20
    second = "在应用落地阶段，市场主体应利用其灵活性实现从原型技术到规模化商业模式的加速演进。"
    text = "一、引言\n" + "\n".join(lines + [second[:20], second[20:]]) + "\n"
    bodies = [b.text for b in build_blocks(text)[0] if b.kind == "body"]
    assert bodies == [para, second]


def _wrapped(width: int, para: str, n: int = 24) -> str:
    """``n`` copies of a paragraph, hard-wrapped by a program at ``width`` characters (words cut)."""
    text = para * n
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def test_word_cut_by_a_fixed_width_wrap_is_joined_without_space():
    # a text a program wrapped at 30 characters cuts English words anywhere: a full line that ends
    # inside a word continues it ("Regu" + "latory"), a break at a space keeps the space
    para = "香港推出人工智能监管沙盒（Regulatory Sandbox）以支持金融科技企业测试新产品并完善规则。"
    text = " ".join(body_texts(_wrapped(30, para)))
    assert "Regulatory Sandbox" in text and "Regulator y" not in text and "RegulatorySandbox" not in text


def test_english_broken_between_words_in_pdf_keeps_its_space():
    # a PDF breaks lines between words: the same break in a line of printed width keeps the space
    lines = ["这是一个较长的段落中文字符用来测试宽度的测试，其中术语为", "General Purpose", "Technology，在下文中将详细说明这一概念。"]
    assert cleaned([(0, lines[1]), (20, lines[2])])[0].startswith("General Purpose Technology")


def test_keyword_wrapped_inside_a_keyword_is_one_keyword(tmp_path):
    from policykb.reading import read_raw
    from policykb.structure.builder import build_document
    from policykb.text import clean

    p = tmp_path / "kw.txt"
    p.write_text("生成式人工智能与全要素生产率\n\n摘要：本文讨论生成式人工智能。\n关键词：生成式人工智能；全要素生产率；人机\n协同\n\n一、引言\n\n正文。\n", encoding="utf-8")
    assert build_document(clean(read_raw(p))).meta.keywords_zh == ["生成式人工智能", "全要素生产率", "人机协同"]


def _shifted(paras: list[str], width: int = 30, first: int = 24) -> str:
    """Paragraphs hard-wrapped at ``width`` with every first line cut shorter (at ``first``)."""
    out = []
    for p in paras:
        out.append(p[:first])
        out.extend(p[i:i + width] for i in range(first, len(p), width))
    return "\n".join(out)


_BODY = "人工智能正在成为推动新质生产力发展的重要引擎，各地加快布局算力基础设施和数据要素市场建设，企业应用场景不断拓展。"
_ITEMS = [
    "（1）在北部都会区预留不少于十公顷土地，兴建以可再生能源供电的大型人工智能数据中心；",
    "（2）将超级计算中心的算力于二〇二七年前提升至一万PFLOPS，并向初创企业开放使用；",
    "（3）向本地初创企业及科研团队发放算力券，每间企业每年资助上限为五十万元。",
]


def test_numbered_item_cut_where_a_heading_could_end_is_one_paragraph():
    # a wrap that starts each paragraph further in cuts "（1）…兴建以" where a heading could end;
    # its siblings hold sentence marks, so the list is a list of paragraphs and the item goes on
    blocks, width, _ = build_blocks(_shifted([_BODY] * 12 + ["二、政策建议"] + _ITEMS + [_BODY] * 2))
    assert width == 30
    items = [b.text for b in blocks if b.text.startswith("（")]
    assert items == [i for i in _ITEMS]


def test_numbered_titles_stay_headings():
    # a list of short titles (no sentence mark in any of them) with body text under each stays
    # a list of headings
    titles = ["1. 加快建设算力基础设施", "2. 推动数据要素市场化配置", "3. 培育人工智能产业集群"]
    paras = [_BODY] * 12
    for t in titles:
        paras += [t, _BODY]
    blocks, width, _ = build_blocks(_shifted(paras))
    assert width == 30
    assert [b.text for b in blocks if b.kind == "heading"] == titles


def test_a_web_pages_related_links_end_the_article():
    blocks, _, _ = build_blocks("标题\n\n正文第一段，人工智能发展迅速。\n\n相关阅读：\n· 《某某行动方案》全文\n· 一图读懂《某某行动方案》\n")
    assert [b.text for b in blocks if b.kind == "body"] == ["正文第一段，人工智能发展迅速。"]
    assert all(b.kind == "dropped" for b in blocks if "行动方案" in b.text)


def test_a_numbered_paragraph_goes_on_after_a_full_line_that_ends_a_clause():
    # "（一）明确了发展目标。…；" fills its line exactly and the item goes on on the next line
    head = "（一）明确了发展目标。"
    first = head + ("全省工业企业人工智能应用普及率持续提高" * 2)[: 30 - len(head) - 1] + "；"
    assert len(first) == 30
    text = _shifted([_BODY] * 12, first=30) + "\n" + first + "\n培育工业大模型三十个，建成一批智能工厂。\n" + _shifted([_BODY] * 2, first=30)
    blocks, width, _ = build_blocks(text)
    assert width == 30
    item = next(b for b in blocks if b.text.startswith("（一）"))
    assert "培育工业大模型三十个" in item.text, [b.text[:20] for b in blocks]


@pytest.mark.parametrize("head, title, field", [
    ("某某市人民政府办公室关于印发某某市人工智能三年行动方案的通知\n\n某政办发〔2025〕7号\n", "某某市人民政府办公室关于印发某某市人工智能三年行动方案的通知", ("文号", "某政办发〔2025〕7号")),
    ("以人工智能赋能新型工业化\n\n本报评论员\n", "以人工智能赋能新型工业化", ("署名", "本报评论员")),
    ("AI晶片撐起出口榮景\n\n經濟時報社論　2025年11月10日\n", "AI晶片撑起出口荣景", ("日期", "经济时报社论2025年11月10日")),
    ("中国智能算力发展报告（2025）\n\n某某数字经济研究院算力经济研究中心\n\n2025年6月\n", "中国智能算力发展报告（2025）", ("机构", "某某数字经济研究院算力经济研究中心")),
    ("经济管理研究2025年第4期（第46卷）\n\n人工智能应用与企业全要素生产率\n", "人工智能应用与企业全要素生产率", ("期号", "经济管理研究2025年第4期（第46卷）")),
])
def test_head_lines_that_are_not_the_title(tmp_path, head, title, field):
    # a document number, a byline, a date, the issuing body or a journal issue goes to the front
    # matter, not into the title
    from policykb.reading import read_raw
    from policykb.structure.builder import build_document
    from policykb.text import clean

    p = tmp_path / "head.txt"
    p.write_text(head + "\n一、引言\n\n人工智能正在改变产业组织方式，数据要素的作用日益突出。\n", encoding="utf-8")
    doc = build_document(clean(read_raw(p)))
    assert doc.meta.title_zh == title
    assert doc.front_matter.get(field[0]) == field[1], doc.front_matter


def test_the_heads_date_or_document_number_gives_the_year(tmp_path):
    from policykb.reading import read_raw
    from policykb.structure.builder import build_document
    from policykb.text import clean

    p = tmp_path / "y.txt"
    p.write_text("AI晶片撐起出口榮景\n\n經濟時報社論　2025年11月10日\n\n一、引言\n\n人工智能正在改变产业组织方式。\n", encoding="utf-8")
    meta = build_document(clean(read_raw(p))).meta
    assert (meta.year, meta.date) == (2025, "2025-11-10")
    p.write_text("某市关于印发人工智能行动方案的通知\n\n某政办发〔2024〕21号\n\n一、总体要求\n\n加快发展人工智能产业。\n", encoding="utf-8")
    assert build_document(clean(read_raw(p))).meta.year == 2024


def test_a_traditional_papers_title_keywords_and_headings_are_shown_as_printed(tmp_path):
    from policykb.pipeline import extract_paper

    p = tmp_path / "trad.txt"
    p.write_text("人工智能賦能金融風險管理\n\n摘要：人工智能正在深刻改變金融業的風險管理。\n關鍵詞：人工智能；金融風險管理\n\n一、引言\n\n"
                 "人工智能正在改變金融業，監管機構亦加強監管。\n", encoding="utf-8")
    paper = extract_paper(p, paper_id="trad").paper
    assert paper["meta"]["title"]["zh"] == "人工智能賦能金融風險管理"
    assert paper["meta"]["keywords"]["zh"] == ["人工智能", "金融風險管理"]
    assert paper["meta"]["abstract"]["zh"].startswith("人工智能正在深刻改變")
    assert "引言" in [s["title"] for s in paper["sections"]]
