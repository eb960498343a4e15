"""`policykb extract` on papers in layouts the corpus does not have, built on the fly."""

import textwrap

from conftest import run_cli
from policykb import yamlio


def wrap(text: str, width: int = 18, blank: bool = False) -> str:
    """Hard-wrap Chinese text the way PDF extraction does (optionally with blank lines)."""
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    return ("\n\n" if blank else "\n").join(lines)


def extract(tmp_path, name, content):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    proc = run_cli("extract", str(p))
    assert proc.returncode == 0, proc.stderr
    return yamlio.load_yaml_text(proc.stdout, name) if hasattr(yamlio, "load_yaml_text") else __import__("yaml").safe_load(proc.stdout)


PARA = "数据要素市场化配置改革正在深入推进，公共数据开放共享的制度框架逐步完善，为人工智能模型训练提供了高质量数据供给。"


def test_decimal_numbering_and_wrapped_lines(tmp_path):
    content = "\n".join(
        [
            "数据要素与人工智能融合发展研究",
            "",
            "王 小 明 1, 李 华 1",
            "",
            "摘要：本文讨论数据要素与人工智能的融合。研究发现，数据要素显著提升了模型质量。",
            "",
            "关键词：数据要素；人工智能；融合发展",
            "",
            "1 引言",
            "",
            wrap(PARA),
            "",
            "1.1 研究背景",
            "",
            wrap(PARA),
            "",
            "1.2 研究问题",
            "",
            wrap(PARA),
            "",
            "2 结论与建议",
            "",
            wrap(PARA),
            "",
        ]
        + [wrap(PARA) for _ in range(3)]
    )
    paper = extract(tmp_path, "wang-2024.txt", content)
    assert paper["id"] == "wang-2024"
    assert paper["meta"]["title"]["zh"] == "数据要素与人工智能融合发展研究"
    assert [a["name"] for a in paper["meta"]["authors"]] == ["王小明", "李华"]
    assert paper["meta"]["keywords"]["zh"] == ["数据要素", "人工智能", "融合发展"]
    heads = [(s["number"], s["title"], s["level"]) for s in paper["sections"] if s["kind"] == "heading"]
    assert heads == [
        ("1", "引言", 1),
        ("1.1", "研究背景", 2),
        ("1.2", "研究问题", 2),
        ("2", "结论与建议", 1),
    ]
    assert paper["sections"][2]["parent"] == paper["sections"][1]["id"]


def test_chapter_and_paren_numbering_with_blank_wrapped_lines(tmp_path):
    content = "\n\n".join(
        [
            "第一章 总论",
            wrap(PARA, 20, blank=True),
            "(一) 发展现状",
            wrap(PARA, 20, blank=True),
            "(二) 主要问题",
            wrap(PARA, 20, blank=True),
            "第二章 对策",
            wrap(PARA, 20, blank=True),
        ]
        + [wrap(PARA, 20, blank=True) for _ in range(4)]
    )
    paper = extract(tmp_path, "chapters.txt", content)
    heads = [(s["title"], s["level"]) for s in paper["sections"] if s["kind"] == "heading"]
    assert heads == [("总论", 1), ("发展现状", 2), ("主要问题", 2), ("对策", 1)]


def test_markdown_headings_and_publication_line(tmp_path):
    content = textwrap.dedent(
        """\
        # 加快发展新质生产力

        ■ 清华大学 张三

        导语段落，说明文章的背景。

        ## 一个小标题

        正文段落一。

        ## 另一个小标题

        正文段落二。

        (《光明日报》2024年3月5日)

        广告

        # 与本文无关的横幅
        """
    )
    paper = extract(tmp_path, "markdown.txt", content)
    m = paper["meta"]
    assert m["title"]["zh"] == "加快发展新质生产力"
    assert m["authors"] == [{"name": "张三", "name_en": None, "affiliation": "清华大学"}]
    assert (m["venue"], m["year"], m["date"]) == ("光明日报", 2024, "2024-03-05")
    titles = [s["title"] for s in paper["sections"] if s["kind"] == "heading"]
    assert titles == ["一个小标题", "另一个小标题"]
    assert [d["text"] for d in paper["excluded_lines"]] == ["广告", "# 与本文无关的横幅"]


def test_english_first_block_and_footnotes(tmp_path):
    content = "\n\n".join(
        [
            "Title of an English block",
            "一、问题提出",
            "人工智能正在改变生产方式^①。",
            "① 这是一个脚注。",
            "参考文献：",
            "[1] 张三. 论文一[J]. 期刊, 2024(1): 1-10.",
            "[2] LI S. Paper two[J]. Journal, 2023, 1(2): 3-4.",
        ]
    )
    paper = extract(tmp_path, "notes.txt", content)
    assert [n["text"] for n in paper["notes"]] == ["这是一个脚注。"]
    assert [r["number"] for r in paper["references"]] == ["1", "2"]


def test_web_page_furniture_is_excluded_and_the_title_found(tmp_path):
    content = "\n".join(
        [
            "首页 > 新闻中心 > 科技 > 正文",
            "东海市人工智能产业规模突破千亿元",
            "来源：东海日报  发布时间：2025-05-06 08:00",
            "【字体：大 中 小】  【打印】  【关闭】",
            "",
            "记者从市工业和信息化局获悉，2024年全市人工智能核心产业规模达到1 020亿元，同比增长18.5%。",
            "",
            PARA,
            "",
            "责任编辑：王芳",
            "分享到：微信  微博",
        ]
    )
    paper = extract(tmp_path, "web-news.txt", content)
    assert paper["meta"]["title"]["zh"] == "东海市人工智能产业规模突破千亿元"
    reasons = {x["text"]: x["reason"] for x in paper["excluded_lines"]}
    assert reasons["首页 > 新闻中心 > 科技 > 正文"].startswith("web page")
    assert reasons["【字体：大 中 小】  【打印】  【关闭】"].startswith("web page")
    assert reasons["分享到：微信  微博"].startswith("web page")
    stat = next(s for s in paper["statistics"] if s["value"] == 1020)
    assert stat["quote"].startswith("记者从市工业和信息化局获悉")
