"""Front matter: title, authors, affiliations, abstract, keywords and publication data."""

from __future__ import annotations

import re

from policykb import rules
from policykb.inline import MARKER_RE, is_han
from policykb.structure.document import Author, Meta


def _cfg():
    return rules.load("layout.yaml")


def strip_label(text: str, key: str) -> str:
    return rules.regex(_cfg()[key]).sub("", text, count=1).strip()


def split_keywords(text: str) -> list[str]:
    """Split a keyword list on ;，、 or, when no separator is used, on spaces.

    >>> split_keywords("智能产业革命 大模型驱动的人工智能 增长动力转换")
    ['智能产业革命', '大模型驱动的人工智能', '增长动力转换']
    >>> split_keywords("a; b；c")
    ['a', 'b', 'c']
    """
    text = text.strip().rstrip("。.;；")
    if re.search(r"[;；,，、]", text):
        parts = re.split(r"\s*[;；,，、]\s*", text)
    else:
        parts = text.split()
    return [p.strip() for p in parts if p.strip()]


def organisation_prefix(text: str) -> str | None:
    """The longest prefix of ``text`` that ends in an organisation suffix.

    >>> organisation_prefix("中国社会科学院经济研究所人工智能经济研究室主任、研究员")
    '中国社会科学院经济研究所'
    """
    best = None
    for suf in _cfg()["organisation_suffixes"]:
        for m in re.finditer(re.escape(suf), text):
            end = m.end()
            if best is None or end > best:
                best = end
    return text[:best] if best else None


def is_organisation(token: str) -> bool:
    return any(token.endswith(s) or s in token for s in _cfg()["organisation_suffixes"])


def parse_author_line(raw_line: str) -> tuple[list[Author], str | None] | None:
    """Authors (and an affiliation) from a byline, or None if the line is not one.

    >>> a, aff = parse_author_line("■ 北京大学 董志勇")
    >>> [x.name for x in a], aff
    (['董志勇'], '北京大学')
    >>> [x.name for x in parse_author_line("张 磊")[0]]
    ['张磊']
    >>> [x.name for x in parse_author_line("孙一凡  黄  蕾")[0]]
    ['孙一凡', '黄蕾']
    >>> [x.name for x in parse_author_line("曹玉平¹, 刘竟威¹, 郑展鹏¹")[0]]
    ['曹玉平', '刘竟威', '郑展鹏']
    >>> [(x.name, x.label) for x in parse_author_line("周晓峰1  林  静2")[0]]
    [('周晓峰', '1'), ('林静', '2')]
    >>> a, aff = parse_author_line("作者：赵 强（华北能源经济研究院）")
    >>> [x.name for x in a], aff
    (['赵强'], '华北能源经济研究院')
    """
    t = rules.regex(_cfg()["author_line_bullet"]).sub("", raw_line.strip())
    t = re.sub(r"^作\s*者\s*[:：]\s*", "", t)  # "作者：赵 强（某研究院）"
    if re.match(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹*\d]", t) or re.search(r"\d{6}", t):
        return None  # "¹ 河南大学 经济学院·河南 开封 475000" is an affiliation line
    t = MARKER_RE.sub("", t)
    bracketed = [b for b in re.findall(r"[（(]([^）)]{2,40})[）)]", t) if is_organisation(b.replace(" ", ""))]
    t = re.sub(r"[（(][^）)]{2,40}[）)]", " ", t) if bracketed else t
    if not t or re.search(r"[。：:！？]", t) or len(t) > 60:
        return None
    merged: list[str] = []
    labels: dict[str, str] = {}
    for part in re.split(r"[,，、;；]+", t):
        # affiliation labels printed as plain digits or asterisks ("王 小 明 1")
        label = "".join(re.findall(r"(?:^|\s|(?<=[\u4e00-\u9fff]))(\d{1,2})(?=\s|$)", part)) or None
        # each token without the affiliation mark printed after it ("周晓峰1  林  静2")
        tokens = [(re.sub(r"[\d*]+$", "", x), re.search(r"(\d{1,2})$", x)) for x in part.split() if x and not re.fullmatch(r"[\d*]+", x)]
        own_marks = any(m for _, m in tokens) and len(tokens) > 1
        # a run of single characters is one name spread by stray or padding spaces:
        # "张 磊" -> 张磊, "孙一凡  黄  蕾" -> 孙一凡, 黄蕾
        run: list[str] = []
        for x, mark in tokens + [("", None)]:
            if len(x) == 1 and is_han(x):
                run.append(x)
                if mark and own_marks:
                    merged.append("".join(run))  # "林  静2": the mark ends the name
                    labels[merged[-1]] = mark.group(1)
                    run = []
                continue
            if run:
                merged.append("".join(run))
                run = []
            if x:
                merged.append(x)
                if mark and own_marks:
                    labels[x] = mark.group(1)
        if label and merged and not own_marks:
            labels[merged[-1]] = label
    authors, aff = [], None
    for tok in merged:
        if not all(map(is_han, tok.replace("·", ""))):
            return None
        if is_organisation(tok):
            aff = tok if aff is None else aff + tok
        elif 2 <= len(tok) <= 4 or "·" in tok:
            authors.append(Author(name=tok, label=labels.get(tok)))
        else:
            return None
    if not authors:
        return None
    if bracketed and aff is None:
        aff = bracketed[0].replace(" ", "")
    return authors, aff


def affiliation_label(raw_line: str) -> str | None:
    """The mark an affiliation line starts with ("1." / "¹"), to match it with authors."""
    m = re.match(r"^\s*(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(\d{1,2})\s*[.．、]?)", raw_line)
    if not m:
        return None
    return (m.group(1) or "").translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")) or m.group(2)


def parse_affiliation_line(text: str) -> str | None:
    """'河南大学经济学院·河南开封475000' -> '河南大学经济学院'.

    >>> parse_affiliation_line("1.北京大学经济学院，北京100871")
    '北京大学经济学院'
    """
    t = re.sub(r"^\d{1,2}\s*[.．、]?\s*", "", text)
    t = re.split(r"[·•，,]", t)[0]
    t = re.sub(r"\d{6}.*$", "", t).strip(" ,，")
    return organisation_prefix(t) if is_organisation(t) else None


ENGLISH_NAME = re.compile(r"\b([A-Z]{2,}(?:-[A-Z]+)?)\s+([A-Z][a-z]+(?:-[a-z]+)?)\b")


def parse_english_authors(text: str) -> list[str]:
    """'ZHOU Wen YANG Zheng-yuan' -> ['ZHOU Wen', 'YANG Zheng-yuan']."""
    return [f"{a} {b}" for a, b in ENGLISH_NAME.findall(text)]


def looks_like_english_authors(text: str) -> bool:
    names = parse_english_authors(text)
    rest = ENGLISH_NAME.sub("", text)
    return bool(names) and not re.search(r"[A-Za-z]{2,}", rest.replace("et al", ""))


def apply_article_number(meta: Meta, value: str) -> None:
    """文章编号 1002-2848-2025(04)-0080-17: ISSN, year, issue, first page, page count."""
    m = re.match(r"^\s*(\d{4}-\d{3}[\dXx])-(\d{4})\s*\((\d{1,2})\)\s*-\s*(\d{1,4})\s*-\s*(\d{1,3})", value)
    meta.article_number = value.strip()
    if not m:
        return
    first, count = int(m.group(4)), int(m.group(5))
    meta.year = int(m.group(2))
    meta.issue = str(int(m.group(3)))
    meta.pages = f"{first}-{first + count - 1}"
    for field in ("year", "issue", "pages"):
        meta.provenance[field] = "text"


def apply_publication_line(meta: Meta, text: str) -> None:
    """(《人民日报》2025年1月13日): venue and date printed at the end of an article."""
    m = rules.regex(_cfg()["publication_line"]).match(text.strip())
    if not m:
        return
    meta.venue = m.group(1)
    meta.year = int(m.group(2))
    meta.date = f"{int(m.group(2)):04d}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"
    for field in ("venue", "year", "date"):
        meta.provenance[field] = "text"


def apply_head_date(meta: Meta, fields: dict[str, str]) -> None:
    """The year (and date) of a document from the lines of its head that are not its title (a date,
    a journal issue, a document number's 〔2025〕), when nothing else gave one."""
    if meta.year is not None:
        return
    m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", fields.get("日期", ""))
    if m:
        meta.year = int(m.group(1))
        meta.date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        meta.provenance["year"] = meta.provenance["date"] = "text"
        return
    for field, pattern in (("日期", r"(\d{4})\s*年"), ("期号", r"(\d{4})\s*年"), ("文号", r"〔(\d{4})〕")):
        m = re.search(pattern, fields.get(field, ""))
        if m and 1990 <= int(m.group(1)) <= 2100:
            meta.year = int(m.group(1))
            meta.provenance["year"] = "text"
            return
