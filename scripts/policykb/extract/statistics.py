"""Statistics: every cited quantitative fact, with value, unit, indicator, period and source.

Rules live in ``rules/statistics.yaml``. A candidate is a number followed by a unit (or a
fraction/ratio, or a numeric table cell). Dates, ordinals, model names ("GPT-4", "5G"),
numbers inside 《titles》, counts of the paper's own parts ("4 个层次") and bibliographic
numbers are not statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykb import rules
from policykb.extract.numerals import parse_arabic, parse_chinese
from policykb.extract.sentences import clause_start
from policykb.extract.subjects import (
    carries, document_places, estimate, events, firm_clauses, local_places, main_firm, measured_population,
    mentions, own_region, respective, study_sample, subject_for, survey_continues, survey_population, whole_place,
)
from policykb.model import Statistic
from policykb.segment import unit_boundary
from policykb.structure.document import Document, Paragraph

NUM = r"\d{1,2}[ ](?=\d{1,2}\.\d)\d{1,2}\.\d+|\d{1,3}(?:[ \u00a0]\d{3})+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:，\d{3}(?![\d、，,]))+(?:\.\d+)?|\d+(?:\.\d+)?"
CN = r"[零〇一二两三四五六七八九十百千]+"
DASH = r"[-－–—~～至到]"


@lru_cache(maxsize=None)
def _cfg():
    return rules.load("statistics.yaml")


@lru_cache(maxsize=None)
def _unit_rx() -> str:
    c = _cfg()
    mags = sorted(c["magnitudes"], key=len, reverse=True)
    bases = sorted(c["base_units"], key=len, reverse=True)
    alone = sorted(c["standalone_units"], key=len, reverse=True)
    mag = "|".join(map(re.escape, mags))
    base = "|".join(map(re.escape, bases))
    al = "|".join(map(re.escape, alone))
    return rf"(?:(?:{mag})(?:{base})?|{al}|{base})"


@lru_cache(maxsize=None)
def _candidate_rx() -> re.Pattern:
    unit = _unit_rx()
    quals = _cfg()["qualifiers_after"]
    after = "|".join(re.escape(q) for q in quals if len(q) == 1)  # 余, 多: between number and unit
    tail = "|".join(re.escape(q) for q in quals if len(q) > 1)  # 左右, 以上: after the unit
    return re.compile(
        rf"""
        (?P<num>{NUM})
        (?:\s*(?P<unit1>%|‰)?\s*{DASH}\s*(?P<num2>{NUM}))?      # a range: 70%～80%, 50-60年
        \s*(?P<after>{after})?
        \s*(?P<unit>{unit})?
        (?P<tail>{tail})?
        """,
        re.VERBOSE,
    )


FRACTION = re.compile(r"(?<![\d/])(?P<a>\d{1,3})\s*/\s*(?P<b>\d{1,3})(?![\d/])")
RATIO = re.compile(r"(?<![\d:])(?P<a>\d{1,2})\s*:\s*(?P<b>\d{1,2})(?![\d:])")
CN_TIMES = re.compile(rf"(?:翻了?(?P<fan>{CN})番|(?P<bei>{CN})倍)")
CN_FRACTION = re.compile(rf"(?P<den>{CN})分之(?P<num>{CN})")

DATE = re.compile(
    r"(?P<y1>(?:1[89]|20)\d{2})\s*(?:年)?\s*[-－–—~～至到]\s*(?P<y2>(?:1[89]|20)\d{2})\s*年"
    r"|(?P<y>(?:1[89]|20)\d{2})\s*年(?:\s*(?P<m>\d{1,2})\s*月)?"
)


@dataclass
class StatCandidate:
    value: float
    range_to: float | None
    unit: str | None
    start: int
    end: int
    qualifier: str | None = None
    kind: str = "value"
    subject: str | None = None  # named by the form itself ("北京、上海分列前两位": each its own)


def _is_year(num: str) -> bool:
    s = "".join(num.split())
    return bool(re.fullmatch(r"(1[89]|20)\d{2}", s))


def _inside_title(text: str, pos: int) -> bool:
    """Is ``pos`` inside 《…》 (a cited title) in ``text``?"""
    depth = 0
    for ch in text[:pos]:
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
    return depth > 0


@lru_cache(maxsize=None)
def _bare_comparator_rx() -> re.Pattern:
    """A comparator (rules: bare_comparators, longest first) ending a text."""
    comp = "|".join(map(re.escape, sorted(_cfg()["bare_comparators"], key=len, reverse=True)))
    return re.compile(rf"(?:{comp})\s*$")


@lru_cache(maxsize=None)
def _cn_quantity_rx() -> re.Pattern:
    """A Chinese numeral and a unit (rules: cn_measure_units, cn_count_units), with its qualifier."""
    c = _cfg()
    units = "|".join(map(re.escape, sorted(c["cn_measure_units"] + c["cn_count_units"], key=len, reverse=True)))
    quals = "|".join(map(re.escape, sorted(c["cn_count_qualifiers"], key=len, reverse=True)))
    return re.compile(rf"(?P<q>{quals})?(?<![第前后每周])(?P<cn>[一二两三四五六七八九十]{{1,3}})(?P<unit>{units})")


def _method_sentence(text: str, pos: int) -> bool:
    """Does the sentence around ``pos`` describe how the study measures or estimates (rules:
    method_sentence)?"""
    a = max(text.rfind(x, 0, pos) for x in "。；;！？") + 1
    ends = [e for e in (text.find(x, pos) for x in "。；;！？") if e >= 0]
    return re.search(_cfg()["method_sentence"], text[a : min(ends) if ends else len(text)]) is not None


def _excluded(text: str, m: re.Match, unit: str | None) -> bool:
    c = _cfg()
    start, end = m.start("num"), m.end()
    before = text[:start].rstrip()
    prev = before[-1:] if before else ""
    if re.match(r"\s*[×xX*]\s*\d", text[m.end("num"):]) or (prev and prev in "×*"):
        return True  # "2×2类型学", "4×4": a dimension, not a figure
    if prev and (prev.isascii() and prev.isalpha() or prev in "-./_" or any(before.endswith(w) for w in c["ordinal_prefixes"])):
        return True
    nxt = text[end : end + 3]
    raw_next = text[m.end("num") : m.end("num") + 1]
    if raw_next.isascii() and raw_next.isalpha() and not any(text[m.end("num") :].startswith(u) for u in c["latin_units"]):
        return True
    if unit is None:
        # a target or limit without a unit: "PUE不高于1.25", "降至1.3以下"; a measure's value:
        # "第一阶段F统计量为28.4", "经验临界值10"
        if (
            (_bare_comparator_rx().search(before) or re.search(c["bare_measure_before"], before))
            and not _is_year(m.group("num"))
            and re.match(r"\s*(?:以上|以下|以内|左右)?\s*(?:[，,。；;）)、]|$)", text[m.end():])
        ):
            return False
        # "指数均值由2015年的0.182上升至2023年的0.356", "高于中部地区的0.301": a decimal of a
        # measure named earlier in the sentence
        sentence = re.split(r"[。！？]", before)[-1]
        return not (
            "." in m.group("num")
            and re.search(c["bare_measure_in_sentence"], sentence)
            and re.search(c["bare_measure_before_value"], before)
            and re.match(c["bare_measure_after"], text[m.end():])
        )
    if re.search(c["marginal_step_before"], before) and m.group("num") == "1":
        return True  # "每提高1个单位": the step of a marginal effect
    if m.group("num").strip() == "1" and re.match(c["unit_defined_after"], text[m.end("num") :]):
        return True  # "1 EFLOPS（每秒百亿亿次浮点运算）等于1000 PFLOPS": a unit's definition
    if re.search(c["schedule_before"], before):
        return True  # "大会为期3天", "为期3个月的培训": how long an event lasts, not a finding
    if re.search(c["group_threshold_before"], before) and re.match(c["group_threshold_after"], text[end:]):
        return True  # "营业收入超10亿元的企业": a threshold that defines a group, not a figure
    if unit in (None, "个", "次") and _method_sentence(text, start):
        return True  # "选取3个一级指标、9个二级指标…", "重复抽样500次进行安慰剂检验": the study's method
    if re.match(c["not_a_figure_after"], text[end:]):
        return True  # "每提高1个标准差", "在1%的水平上显著"
    if unit == "岁" and re.match(c["age_attribute_after"], text[end:]):
        return True  # "48岁的验布班长", "45岁以上员工": a person's age or a group's bound, not a finding
    if unit in (None, "分") and re.match(c["coded_value"], text[end:]):
        return True  # "1分表示“完全不同意”": a scale point, not a figure (unlike "48.6%表示…")
    if unit in c["latin_units"] and re.match(r"[A-Za-z0-9]", text[m.end("unit") : m.end("unit") + 1] if m.group("unit") else ""):
        return True  # "500PUE": a Latin unit must end where the letters end
    num = m.group("num")
    if unit in c["date_suffixes"] or text[m.end("num") :].lstrip().startswith(("年", "月", "日", "号")):
        if _is_year(num) or unit != "年":
            return True
        measured = "." in num or re.search(c["duration_statistic_before"], before)
        if not m.group("num2") and not measured:
            return True  # a bare duration ("未来3年") is a timetable, not a statistic
        if re.match(r"\s*(?:左右)?的?时间", text[m.end():]) or re.search(r"(?:用|再用|花|未来|今后|经过)\s*$", before):
            return True  # "用3至5年时间": a timetable too
    if re.match(r"\s*[.．]\d", text[m.end("num") :]) and _is_year(num):
        return True  # 2018.03
    if unit in ("个", "次", "项") or unit is None:
        after = text[end:].lstrip()
        for n in c["structure_nouns"]:
            if nxt.lstrip().startswith(n) or after.startswith(n):
                rest = after[len(n) :] if after.startswith(n) else ""
                if n in c["structure_modifiers"] and re.match(r"[\u4e00-\u9fff]", rest) and not any(rest.startswith(x) for x in c["structure_nouns"]):
                    continue  # "27个重点行业": 重点 modifies what is counted
                return True
    if _inside_title(text, start):
        return True
    if re.search(c["unit_definition"], before):
        return True  # "1 EFLOPS等于1000 PFLOPS": a unit's definition, not a figure
    if unit in c["list_count_units"] and _closes_list(text, start, m.group("num")):
        return True
    return False


def _closes_list(text: str, start: int, num: str) -> bool:
    """A count right after the list it counts: "美国、中国、德国3个国家" (3 names, 3).

    >>> _closes_list("在武汉、襄阳、宜昌3个城市布局", 9, "3"), _closes_list("全省有武汉等3个城市", 6, "3")
    (True, False)
    """
    i = start
    while i > 0 and text[i - 1] not in "，,。；;：:！？!?（(":
        i -= 1
    clause = text[i:start]
    names = [n for n in re.split(r"[、和及与]", clause) if n.strip()]
    if len(names) < 2 or not re.search(r"、", clause):
        return False
    try:
        return int(num) == len(names)
    except ValueError:
        return False


def _qual_before(text: str, pos: int) -> str | None:
    head = text[:pos].rstrip()
    for word, q in sorted(_cfg()["qualifiers_before"].items(), key=lambda kv: -len(kv[0])):
        if head.endswith(word):
            return q
    return None


def find_numbers(text: str) -> list[StatCandidate]:
    """Statistic candidates in one sentence or paragraph (positions are into ``text``)."""
    c = _cfg()
    out: list[StatCandidate] = []
    taken: list[tuple[int, int]] = []
    for m in _candidate_rx().finditer(text):
        unit = m.group("unit")
        if unit and len(unit) > 1 and unit not in _cfg()["standalone_units"]:
            unit = unit_boundary(unit, text[m.start("unit") :])
        if m.group("unit1") and not unit:
            unit = m.group("unit1")
        if _excluded(text, m, unit):
            continue
        value = parse_arabic(m.group("num"))
        range_to = parse_arabic(m.group("num2")) if m.group("num2") else None
        if range_to is not None and _is_year(m.group("num2")) and _is_year(m.group("num")):
            continue
        qual = _qual_before(text, m.start())
        if m.group("after"):
            qual = c["qualifiers_after"][m.group("after")]
        if m.group("tail"):
            qual = c["qualifiers_after"][m.group("tail")]
        out.append(StatCandidate(value, range_to, unit, m.start(), m.end(), qual))
        taken.append((m.start(), m.end()))
    for rx, kind in ((FRACTION, "fraction"), (RATIO, "ratio")):
        for m in rx.finditer(text):
            if any(a <= m.start() < b for a, b in taken) or _inside_title(text, m.start()):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            if b == 0:
                continue
            value = round(a / b, 6) if kind == "fraction" else a
            out.append(StatCandidate(value, None, None, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in CN_FRACTION.finditer(text):  # 三分之一 -> 1/3
        den, num = parse_chinese(m.group("den")), parse_chinese(m.group("num"))
        if den and num is not None and not _inside_title(text, m.start()):
            if den in (100, 1000) and m.group("den") in ("百", "千", "一百", "一千"):
                # 百分之十五 -> 15 %, 千分之三 -> 3 ‰ (a percentage written out)
                out.append(StatCandidate(num, None, "%" if den == 100 else "‰", m.start(), m.end(), _qual_before(text, m.start())))
                continue
            out.append(StatCandidate(round(num / den, 6), None, None, m.start(), m.end()))
    c = _cfg()
    for m in re.finditer(c["chinese_tenths"], text):  # 两成, 逾九成 -> 2 成
        if _inside_title(text, m.start()) or any(text.startswith(w, m.start()) for w in c["chinese_tenths_idioms"]):
            continue
        if m.start() > 0 and re.match(r"[一二两三四五六七八九十百千]", text[m.start() - 1]):
            continue  # part of a longer numeral
        tenths = parse_chinese(m.group("n")) + (parse_chinese(m.group("m")) / 10 if m.group("m") else 0)  # 一成五 -> 1.5 成
        out.append(StatCandidate(tenths, None, "成", m.start(), m.end(), _qual_before(text, m.start())))
    for m in [*re.finditer(c["half"], text), *re.finditer(c["half_short"], text)]:  # 接近一半, 逾半 -> 0.5
        a = m.start("q")
        if not _inside_title(text, a):
            out.append(StatCandidate(0.5, None, None, a, m.end(), _qual_before(text, a)))
    for m in re.finditer(c["bare_magnitude"], text):  # 超千亿元 -> 1000 亿元
        if m.start() > 0 and re.match(r"[\d一二两三四五六七八九]", text[m.start() - 1]) or _inside_title(text, m.start()):
            continue
        a = m.start("m")
        out.append(StatCandidate(parse_chinese(m.group("m")), None, m.group("unit"), a, m.end(), _qual_before(text, a)))
    ranks = list(re.finditer(c["rank"], text))
    ranks += [m for m in re.finditer(c["rank_attribute"], text) if not any(r.start() <= m.start() < r.end() for r in ranks)]
    ranks += list(re.finditer(c["rank_bracket"], text))
    nxt_rx = re.compile(c["rank_next"].lstrip("^"))
    for r in list(ranks):
        nx = nxt_rx.match(text, r.end())  # "第25位和第31位": the second rank too
        if nx:
            ranks.append(nx)
    for m in ranks:  # 位居全国第6 -> rank 6
        raw = m.group("n")
        n = 1 if "first" in m.groupdict() and m.group("first") else int(raw) if raw.isdigit() else parse_chinese(raw)
        if n is None or _inside_title(text, m.start()):
            continue
        taken_here = [o for o in out if m.start() <= o.start < m.end()]
        for o in taken_here:
            out.remove(o)
        out.append(StatCandidate(n, None, None, m.start(), m.end(), None, kind="rank"))
    # several named places in order: "北京、上海、广东分列前三位" -> 1, 2, 3; "山东、安徽依次位列第6至第7位" -> 6, 7
    for key in ("rank_list", "rank_list_span", "rank_list_ordinals"):
        for m in re.finditer(c[key], text):
            if key == "rank_list":
                first, count = 1, (int(m.group("n")) if m.group("n").isdigit() else parse_chinese(m.group("n")))
            elif key == "rank_list_ordinals":
                a, b = (int(x) if x.isdigit() else parse_chinese(x) for x in (m.group("a"), m.group("b")))
                if not a or not b or b < a:
                    continue
                first, count = a, b - a + 1
            else:
                first, count = int(m.group("a")), int(m.group("b")) - int(m.group("a")) + 1
            names = list(re.finditer(r"[^、和与及]+", m.group("list")))
            if not count or count < 1 or len(names) != count or _inside_title(text, m.start()):
                continue
            # the figures inside the match are taken by the ranks (the ordinals' clause only: the
            # list's own figures before it stay, "分别为43.1%和40.2%，分列第二、三位")
            begin = m.start("scope") if key == "rank_list_ordinals" else m.start()
            for o in [o for o in out if begin <= o.start < m.end()]:
                out.remove(o)
            for k, name in enumerate(names):  # each rank starts after its own name (its subject)
                out.append(StatCandidate(first + k, None, None, m.start("list") + name.end(), m.end(), None, kind="rank", subject=name.group().strip()))
    for key in ("rank_moving", "rank_top", "rank_head"):
        for m in re.finditer(c[key], text):
            if any(o.kind == "rank" and o.start <= m.start("n" if key != "rank_head" else 0) < o.end for o in out) or _inside_title(text, m.start()):
                continue
            if key == "rank_moving" and not re.search(c["rank_moving_clause"], text[clause_start(text, m.start()) : m.start()] + text[: m.start()][-12:]):
                continue
            n = 1 if key == "rank_head" else int(m.group("n")) if m.group("n").isdigit() else parse_chinese(m.group("n"))
            if not n:
                continue
            for o in [o for o in out if m.start() <= o.start < m.end()]:
                out.remove(o)
            out.append(StatCandidate(n, None, None, m.start(), m.end(), None, kind="rank"))
    # Chinese numerals with a unit: a measure (三十个百分点, 四个月) always, a count only after a
    # qualifier that makes it a figure (近三个职缺, 约五所): "三个方面", "两家企业" in a story are not
    for m in _cn_quantity_rx().finditer(text):
        v = parse_chinese(m.group("cn"))
        if v is None or v < 1 or _inside_title(text, m.start("cn")) or any(o.start <= m.start("cn") < o.end for o in out):
            continue
        if m.group("unit") not in c["cn_measure_units"] and not m.group("q"):
            continue
        if any(text[m.end() :].startswith(n) for n in c["structure_nouns"]):
            continue
        if m.group("unit") == "个月" and (re.match(r"(?:来|以来|内|里|中|间|后|前)", text[m.end() :]) or re.search(r"(?:近|过去|最近|未来|前|后)$", text[: m.start("cn")])):
            continue  # "近三个月来", "未来三个月内": when, not how long
        out.append(StatCandidate(v, None, m.group("unit"), m.start("cn"), m.end()))
    for m in CN_TIMES.finditer(text):
        cn = m.group("fan") or m.group("bei")
        v = parse_chinese(cn)
        if v is None or _inside_title(text, m.start()):
            continue
        out.append(StatCandidate(v, None, "番" if m.group("fan") else "倍", m.start(), m.end()))
    return sorted(out, key=lambda s: s.start)


# --- context: indicator, period, source ---------------------------------------------------


def _trim_indicator(s: str) -> str:
    c = _cfg()
    s = re.sub(r"^[（(]?(?:如|例如|比如)", "", s.strip())
    s = re.sub(c["indicator_gloss"], "", s)
    s = re.sub(r"^[^（(]{0,6}[)）]\s*[，,]?", "", s)  # "（ZB），同比增长": the rest of the bracket before
    s = re.sub(c["indicator_frame"], "", s)
    # a date is the period, not part of the indicator; a baseline year stays ("占比较2023年提高")
    s = _drop_dates(s)
    s = re.sub(r"由(?=[\u4e00-\u9fff]{0,3}$)", "", s)  # "增速由年均" -> 增速年均
    s = re.sub(r"^(?:截至|截止|到|至|在|于|自)\s*(?:底|末|初|年底|年末)?", "", s).strip()
    s = re.sub(r"^(?:底|末|初)[，,]?", "", s)
    s = re.sub(r"^(?:力争)?[一二两三四五六七八九十]+年(?:内|来|间)将?", "", s)  # "力争三年内将…比例由"
    s = re.sub(c["per_unit_tail"], "", s)
    for _ in range(4):
        changed = False
        for w in sorted(c["indicator_trailing"], key=len, reverse=True):
            if s.endswith(w) and len(s) > len(w):
                s = s[: -len(w)].rstrip()
                changed = True
        for w in sorted(c["indicator_leading"], key=len, reverse=True):
            if s.startswith(w):
                s = s[len(w) :].lstrip()
                changed = True
        for w in c["qualifiers_before"]:
            if s.endswith(w) and len(s) > len(w):
                s = s[: -len(w)].rstrip()
                changed = True
        if not changed:
            break
    return s.strip(" ，,：:、（(“”\"")


def _drop_dates(s: str) -> str:
    """Dates out of an indicator (they are its period), except a baseline year after 较/比/是
    ("是2024年的两倍").

    >>> _drop_dates("2024年占比较2023年提高"), _drop_dates("增速由2000—2010年的年均")
    ('占比较2023年提高', '增速由年均')
    """
    s = DATE.sub(lambda m: m.group() if re.search(r"(?:较|比|相比|是)$", s[: m.start()]) else "\x00", s)
    return re.sub(r"\x00的?", "", s)  # "由2000—2010年的年均" -> 由年均


def _strip_opening(s: str) -> str:
    """Drop the sentence's subject and stance words from the start of an indicator:
    "我国已培育" -> "培育", "美国以" -> "以", "一项覆盖" -> "覆盖".

    >>> _strip_opening("（广东）企业"), _strip_opening("、上海企业比例"), _strip_opening("（一）企业")
    ('企业', '企业比例', '（一）企业')
    """
    c = _cfg()
    for _ in range(4):
        before = s
        s = re.sub(r"^[、，,；;]\s*", "", s)  # "上虞区、越城区…": the rest of a list of places
        bracket = re.match(r"^[（(]([^）)]{1,10})[）)]", s)
        if bracket and whole_place(bracket.group(1)):
            s = s[bracket.end() :]  # "东部地区（广东）企业": the place in brackets
        found = mentions(s)[:1]
        if found and found[0][0] == 1 and s.startswith("对"):
            s = s[1:]  # "对长三角地区…": the place is whom the survey asked
        for _, name, _canon in found:
            if s.startswith(name):
                s = s[len(name) :]
                while s[:1] in ("、", "和", "及", "与") and any(p == 1 for p, _, _ in mentions(s)[:1]):
                    s = s[1 + len(mentions(s)[0][1]) :]  # "珠三角和长三角…": the whole list of places
                s = re.sub(r"^等?地区", "", s)  # "京津冀和成渝地区"
                s = s[1:] if s.startswith("的") and len(s) > 2 else s  # "东部地区的系数" -> 系数
        for w in sorted(c["indicator_opening"], key=len, reverse=True):
            if s.startswith(w):
                s = s[len(w) :]
                break
        s = re.sub(c["indicator_frame"], "", s)  # "香港在一百多个经济体中排名" -> 排名
        s = re.sub(r"^于?第[一二三四]季度?", "", s)  # "本中心于第四季对…"
        s = re.sub(c["indicator_time_opening"], "", s)  # "今年前三季出口总值年增" -> 出口总值年增
        if s == before:
            break
    return s


@lru_cache(maxsize=None)
def _fillers_rx() -> re.Pattern:
    """The fillers after a number (rules: after_number_fillers) at a text's start."""
    fillers = "|".join(re.escape(f) + ("(?!游)" if f == "上下" else "") for f in _cfg()["after_number_fillers"])
    return re.compile(rf"^(?:{fillers})+")


def _noun_after(text: str, end: int) -> str | None:
    """What is counted, printed after the number: "培育100家以上具有国际影响力的人工智能企业"."""
    c = _cfg()
    rest = text[end:]
    rest = _fillers_rx().sub("", rest)  # "100家上下" but "600家上下游供应商"
    m = re.match(r"([^，,。；;：:！？!?（(\d%％]{2,24})", rest)
    if not m:
        return None
    noun = m.group(1)
    if noun[0] in c["not_noun_start"] or not re.search(r"[\u4e00-\u9fff]{2}", noun) or re.match(c["not_noun_after"], noun):
        return None
    noun = re.split(r"(?:等|的比例|左右)(?=$)", noun)[0].rstrip("".join(c["connectives"]))
    survey = re.fullmatch(c["surveyed_after"], noun)
    if survey:  # "412家外贸企业的问卷调查显示": the figure counts who was surveyed
        noun = survey.group("how") + survey.group("who")
    return _trim_indicator(noun) or None


def _clause_before(text: str, start: int) -> str | None:
    """The clause before the one at ``start`` when it names a measure and holds no figure:
    "应用层企业数量最多，达到2650家" -> 应用层企业数量."""
    if start <= 0 or text[start - 1] not in "，,":
        return None
    before = _trim_indicator(text[clause_start(text, start - 1) : start - 1])
    before = re.sub(_cfg()["superlative_tail"], "", before)
    if len(before) < 2 or find_numbers(before) or re.search(r"\d", before) or re.match(_cfg()["framing_clause"], before):
        return None
    return _strip_opening(before) or None


def indicator_for(text: str, cand: StatCandidate, prev: str | None, prev_end: int = 0) -> str | None:
    """What a figure measures, from the words before it in its clause, else from the words
    after it when those before are only a verb ("已培育421家国家级智能制造示范工厂")."""
    c = _cfg()
    start = max(clause_start(text, cand.start), prev_end)
    whole = start
    while whole > prev_end and whole > 0 and text[whole - 1] == "、":
        whole = clause_start(text, whole - 1)
    if whole < start and not re.search(r"\d", text[whole:start]):
        start = whole  # "建设智慧农场、数字牧场100个": a list of what is counted is one indicator
    head = text[start : cand.start]
    if head.count("）") > head.count("（") or head.count(")") > head.count("("):
        # "电能利用效率（PUE）不高于1.25": the clause reaches back over the bracket
        opening = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
        if opening >= 0:
            start = clause_start(text, opening)
            head = text[start : cand.start]
    ind = _trim_indicator(head)
    if prev_end and prev_end > clause_start(text, cand.start) and head and head[-1] in c["connectives"]:
        ind = ""  # "8个国家算力枢纽节点和10个…": the words between belong to the figure before
    if ind in c["indicator_trailing"] or ind in c["qualifiers_before"] or ind in c["connectives"]:
        ind = ""  # "超过六成的…", "8%和7%": only a qualifier or a link before the figure
    core = _strip_opening(ind) if ind else ""
    counted = cand.unit in c["count_units"] or (cand.unit or "")[-1:] in c["count_units"]
    if core and counted and (head.rstrip().endswith(("的", "等")) or any(len(v) >= 2 and core.endswith(v) for v in c["count_verbs"])):
        after = _noun_after(text, cand.end)  # "来自国内外的1 200余名官员", "…系统已覆盖7间公立医院"
        if after and head.rstrip().endswith(("的", "等")):  # "原材料、消费品、装备等31个工业门类"
            core = ""
        elif after and len(core) > 4:
            core = ind = core + after
    last_place = mentions(core)[-1][1] if core and mentions(core) else None
    verb = next((v for v in c["count_verbs"] if core.startswith(v)), None) if last_place else None
    if verb and core.endswith(last_place) and core[len(verb) : -len(last_place)] in ("", "了"):
        core = ""  # "集聚了全国约四成的人工智能企业": what is counted follows the figure
    verb_only = not core or len(core) <= 1 or core in c["count_verbs"] or (
        len(core) <= 4 and any(core.endswith(v) for v in c["count_verbs"]) and cand.unit not in ("%", "‰")
    ) or (counted and len(core) <= 12 and _ends_in_verb(core) and bool(_noun_after(text, cand.end)))
    # ("于2025年3月至4月访问了806家本地企业", "同时为300多名前线员工提供…": what is counted follows)
    if verb_only:
        after = _noun_after(text, cand.end)
        if cand.kind == "rank" and after and text[cand.end - 1] not in "的大":
            after = None  # "位列第二，…": what follows is another clause
        ind = after or (core if len(core) > 1 and core not in c["count_verbs"] else None)
        scope = re.match(r"(?:但|然而|而)?在(?P<s>[^，,]{2,20})中[，,]$", text[clause_start(text, start - 1) : start]) if start else None
        if not ind and cand.kind == "rank" and scope and re.search(c["rank_list_clause"], scope.group("s")):
            ind = scope.group("s")  # "在「商业环境」分项中，香港排名第6位": the rank is in that list
        elif not ind and not prev:
            ind = _clause_before(text, start)  # "应用层企业数量最多，达到2650家"
            if cand.kind == "rank" and ind and not re.search(c["rank_list_clause"], ind):
                ind = None
        if not ind and cand.kind == "rank":
            framing = re.match(c["framing_measure"], text)
            if framing and re.search(c["rank_list_clause"], framing.group("m")):
                ind = framing.group("m")  # "从综合指数看，北京、广东、上海分列前三位": ranks in that index
    elif core and len(core) >= 2:
        ind = core
        for v in c["count_verbs"]:  # "建成5G基站" -> "5G基站"
            if len(v) >= 2 and ind.startswith(v) and len(ind) - len(v) >= 2:
                ind = ind[len(v) :]
                if len(_strip_opening(ind)) <= 1:  # "拥有全部41个工业大类": what follows is counted
                    ind = _noun_after(text, cand.end) or ind
                break
        owner = re.match(r"(?:以上|以下|左右)?的([^，,。；;的]{2,16}?)(?=$|[，,。；;已有为是达将])", text[cand.end :])
        if re.match(c["measure_first"], ind) and owner:
            ind = owner.group(1) + re.match(c["measure_first"], ind).group("m")  # "设立规模50亿元的…基金"
        funding = re.search(c["funding_verb"], ind)
        purpose = re.match(c["funding_object_after"], text[cand.end :]) if funding and cand.unit and cand.unit.endswith("元") else None
        if purpose:
            every = re.match(r"每年度?|每月", ind[: funding.start()])
            verb = "资金" if funding.group("v").startswith("安排") else funding.group("v")
            # "拨款30亿港元推出「…计划」" -> …计划拨款; "每年安排3亿元用于支持…发展" -> 每年支持…发展资金
            ind = (every.group() if every else "") + purpose.group("o").strip("「」“”《》") + verb
    if ind and cand.unit in c["magnitudes"]:
        noun = re.match(r"([\u4e00-\u9fff]{1,4})(?=$|[，,。；;）)、])", text[cand.end :])
        if noun:
            ind += noun.group(1)  # "14 亿人口" -> 中国人口, "6 710 亿参数" -> …参数
    share = cand.unit in (None, "%", "‰", "成", "倍", "个百分点", "百分点")
    if ind and prev and share and cand.kind != "rank" and (re.match(c["subject_only_indicator"], ind) or (mentions(ind) and not _strip_opening(ind))):
        ind = prev  # "而中小企业仅为9.7%": only who it is about; the measure is the one before
    if ind and cand.unit and cand.unit.endswith(("元", "美元")):
        purpose = re.match(c["money_purpose_after"], text[cand.end :])
        if purpose and purpose.group("p") not in ind:
            ind += purpose.group("p")  # "单个项目最高给予1 000万元支持" -> 单个项目支持
    weak = not ind or len(ind) <= 2 or re.match(c["weak_indicator"], ind)
    if weak and ind and cand.kind != "rank":
        before = _clause_before(text, start)  # "其次是基础层企业，数量为1233家"
        if before:
            return before + ind
    if ind and prev and re.match(c["change_to"], ind):
        return prev  # "增速由年均2.8%降至年均0.9%"
    if weak and prev and prev != ind:
        prev = prev[: -len("排名")] if prev.endswith("排名") else prev
        ind = prev + (ind or "") if not (ind and prev.endswith(ind)) else prev
    beneficiary = re.match(c["beneficiary_opening"], text)
    if ind and beneficiary and len(ind) <= 6 and beneficiary.end() <= cand.start and beneficiary.group("x") not in ind:
        ind = beneficiary.group("x") + ind  # "对符合条件的…改造项目，…贴息比例" -> …改造项目贴息比例
    if cand.kind == "rank" and not ind:
        return "排名"  # "在四十多个经济体中排名第5位": nothing but the scope names it
    if cand.kind == "rank" and not ind.endswith("排名"):
        ind = re.sub(r"(?:约|近|接近)?(?:占[^，,]*|比重|份额)$", "", ind) + "排名"
    return ind or None


def sentence_indicators(sent: str, cands: list[StatCandidate]) -> list[str | None]:
    """The indicator of each figure of a sentence (see ``indicator_for``); figures given
    "分别" for a list share it out: "金融、制造和政务行业的占比分别为11%、9%和7%" ->
    金融行业的占比, 制造行业的占比, 政务行业的占比.

    >>> sentence_indicators("金融、制造和政务行业的占比分别为11%、9%和7%", find_numbers("金融、制造和政务行业的占比分别为11%、9%和7%"))
    ['金融行业的占比', '制造行业的占比', '政务行业的占比']
    """
    out: list[str | None] = []
    prev_ind, prev_end = None, 0
    for c in cands:
        ind = indicator_for(sent, c, prev_ind, prev_end)
        prev_ind, prev_end = ind, c.end
        out.append(ind)
    i = 0
    while i < len(cands):
        j = i + 1
        while j < len(cands) and re.fullmatch(r"\s*[、和及与,，]?\s*", sent[cands[j - 1].end : cands[j].start]):
            j += 1
        items = re.split(r"[、和及与]", out[i] or "")
        if j - i >= 2 and len(items) == j - i and "分别" in sent[clause_start(sent, cands[i].start) : cands[i].start]:
            k = len(items[0])
            if k >= 2 and all(len(t) == k for t in items[:-1]) and len(items[-1]) > k:
                suffix = items[-1][k:]
                for n, t in enumerate(items[:-1] + [items[-1][:k]]):
                    out[i + n] = t + suffix
        i = j
    return out


def owned_indicator(ind: str | None, subject: str, before: str) -> str | None:
    """A short indicator of an organisation named before the figure is that organisation's:
    "湘江智算中心一期算力规模达到500 PFLOPS" -> 湘江智算中心一期算力规模 (places are never
    prefixed: they are the subject).

    >>> owned_indicator("首期算力", "某智算中心", "某智算中心首期算力达到"), owned_indicator("算力规模", "中国", "我国算力规模")
    ('某智算中心首期算力', '算力规模')
    """
    if ind and not carries(subject) and subject not in ind and len(ind) <= 6 and subject in before:
        return subject + ind
    return ind


def period_for(text: str, upto: int) -> str | None:
    best = None
    for m in DATE.finditer(text[:upto]):
        if _inside_title(text, m.start()) or re.search(r"(较|比|相比|同比|相较于?)\s*$", text[: m.start()]):
            continue  # "较 2023 年末增长" names the baseline, not the period
        if m.group("y1"):
            best = f"{m.group('y1')}-{m.group('y2')}"
        else:
            best = m.group("y") + (f"-{int(m.group('m')):02d}" if m.group("m") else "")
    if best is None:
        m = re.search(r"到\s*((?:20|19)\d{2})\s*年", text)
        if m:
            best = m.group(1)
    return best


def source_for(text: str) -> str | None:
    for pat in _cfg()["source_patterns"]:
        m = re.search(pat, text)
        if m:
            src = m.group("src").strip(" ，,：:")
            if "rep" in m.groupdict() and m.group("rep"):
                src += m.group("rep")
            src = re.sub(r"^(?:[^，,]*?[，,])?(?:\s*(?:截至|到)\s*\d{4}.*)$", "", src) or src
            m2 = next((d for d in re.finditer(r"(?:在)?\s*\d{4}\s*年", src) if not _inside_title(src, d.start())), None)
            if m2:  # "凯茜·伍德在2024年的预测" -> the source is 凯茜·伍德 (dates inside 《titles》 stay)
                src = src[: m2.start()].strip() or src
            if 2 <= len(src) <= 80:
                return src
    return None


def note_source(para: Paragraph, a: int, b: int, doc: Document) -> str | None:
    for mk in para.markers:
        if a <= mk.pos <= b + 1:
            if mk.kind == "note":
                return f"注{mk.label}" if mk.label != "*" else None
            if mk.kind == "citation":
                return f"文献[{mk.label}]"
    return None


# --- driver ------------------------------------------------------------------------------

_SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*")
_BIBLIO = re.compile(r"出版社|年版|\[[JMRCDN]\]|第\s*\d+(?:[-–]\d+)?\s*页|Journal|Review|Press|\d+\s*\(\d+\)\s*:")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _stat(value, range_to, unit, indicator, period, source, quote, section, **extra) -> Statistic:
    return Statistic(
        value=value, range_to=range_to, unit=unit, indicator=indicator, period=period, source=source,
        quote=quote, section=section, **extra,
    )


def _canonical_place(name: str) -> str:
    """A place's canonical name (北京 -> 北京市), or the name as printed."""
    place = whole_place(name)
    return place if place and place != "@own" else name


def figure_subject(c: StatCandidate, sent: str, carry: str, own: str, named: dict | None = None,
                   firm: tuple[str, list[str]] | None = None, by_firm: list[int] = ()) -> str:
    """Whom the figure ``c`` of ``sent`` is about (``carry``: the subject so far in its paragraph)."""
    subject = _canonical_place(c.subject) if c.subject else subject_for(sent, c.start, carry, own)
    subject = (named or {}).get(subject, subject)  # "大会" -> the event the text reports
    if firm and by_firm and subject in (carry, own) and any(p <= c.start for p in by_firm):
        subject = firm[0]  # "公司实现营业收入38.6亿元": the company the text reports on
    return subject


def paragraph_figures(text: str, own: str = "中国", named: dict | None = None, firm: tuple[str, list[str]] | None = None,
                      survey: list | None = None, sample: tuple | None = None):
    """The figures of a paragraph with what each measures and whom it is about: yields
    ``(sentence span, candidate, indicator, subject)``. The subject carries from sentence to
    sentence (a place named once is the subject of the figures after it), a survey's or sample's
    population is the subject of the figures that report it, and a company the paragraph names
    is the 公司 of its clauses. ``survey`` (a one-item list) carries a survey's population in from
    the paragraphs before and out to the ones after (a survey section reports it over several);
    ``sample``, the sample an empirical paper estimates on, is the subject of its estimates."""
    carry = own
    survey = survey if survey is not None else [None]
    surveyed = survey[0]  # the population of a survey or sample named earlier
    firm = main_firm(text) or firm  # "湖北楚天精工机械有限公司是…。公司投入2 000万元…"
    for a, b in _sentences(text):
        sent = text[a:b]
        here = survey_population(sent, own)
        if surveyed and not here and not survey_continues(sent):
            surveyed = None  # the paragraph has moved on from the survey
        cands = find_numbers(sent)
        by_firm = firm_clauses(sent, firm[1]) if firm and cands else []
        each = respective(sent, [c.start for c in cands]) if cands else {}
        for k, (c, ind) in enumerate(zip(cands, sentence_indicators(sent, cands))):
            subject = each.get(k) or figure_subject(c, sent, carry, own, named, firm, by_firm)
            carry = subject if carries(subject) else carry
            population = here if here and here[0] <= c.start else surveyed
            if population is None and sample and estimate(sent):
                population = sample  # "人工智能应用水平每提高1个单位，全要素生产率平均提高5.2%"
            if population:
                part = sent[max(sent.rfind("；", 0, c.start), sent.rfind(";", 0, c.start)) + 1 : c.start]
                subject = measured_population(subject, population, carry, own, part)
            yield (a, b), c, owned_indicator(ind, subject, sent[: c.start]), subject
        surveyed = here or surveyed
    survey[0] = surveyed


def _from_paragraph(para: Paragraph, doc: Document, out: list[Statistic], own: str = "中国", named: dict | None = None,
                    firm: tuple[str, list[str]] | None = None, survey: list | None = None, sample: tuple | None = None) -> None:
    text = para.text
    before, last = {}, None  # the period of the sentences before each sentence
    for a, b in _sentences(text):
        before[a] = last
        last = period_for(text[a:b], b - a) or last
    for (a, b), c, ind, subject in paragraph_figures(text, own, named, firm, survey, sample):
        sent = text[a:b]
        src = source_for(sent) or note_source(para, a, b, doc)
        period = period_for(sent, c.start)
        if period is None and re.search(r"同年|当年|同期", sent):
            period = before[a]  # "中国同年…": the year of the sentence before
        out.append(
            _stat(
                c.value, c.range_to, c.unit, ind, period, src, sent.strip(), para.section,
                precision=c.qualifier, line=para.line, kind=c.kind, subject=subject,
            )
        )


def _from_tables(doc: Document, out: list[Statistic], own: str = "中国", population: tuple | None = None) -> None:
    """``population``: the survey or sample the paper rests on; a table of it ("表1 样本企业基本特征")
    reports it (its rows are about 受访企业, not the country)."""
    first_section = next((s.id for s in doc.sections if s.kind != "abstract"), "s0")
    for t in doc.tables:
        of_sample = population[1] if population and re.search(_cfg()["sample_table_caption"], t.caption or "") else None
        if t.kind != "table" or len(t.rows) < 2 or len(t.rows[0]) < 2:
            continue
        if re.search(_cfg()["method_table_caption"], t.caption or "") or any(
            re.search(r"\d\*{1,3}\s*$", cell) for row in t.rows for cell in row
        ):
            continue  # an index's construction, variable definitions, estimates (0.186***): method
        header = t.rows[0]
        src = None
        for n in t.notes:
            src = source_for(n)
            if src:
                break
        rank_col = next((k for k, h in enumerate(header) if re.fullmatch(_cfg()["rank_column"], h.strip())), None)
        for row in t.rows[1:]:
            if not row:
                continue
            # a serial-number column (序号 1, 2, 3 …): the label is the first cell that is not a number
            lab = next((k for k, cell in enumerate(row) if cell.strip() and not re.fullmatch(r"\d{1,3}[.、]?", cell.strip())), 0)
            label = row[lab]
            if rank_col is not None and rank_col < lab and re.fullmatch(r"\d{1,3}", row[rank_col].strip()):
                # a ranking table (排名 | 省份 | 指数): the rank column gives each row's rank
                subject = subject_for(label, len(label), own, own)
                out.append(
                    _stat(
                        int(row[rank_col].strip()), None, None, _table_measure(t.caption or "", "") + "排名", _caption_year(t.caption), src,
                        " ".join(row), t.section or first_section, subject=subject if subject != own else label.strip(),
                        kind="rank", table=f"表{t.number}" if t.number else "表",
                    )
                )
            if re.match(_cfg()["estimation_row_labels"], label.strip()):
                continue  # N, R², F of a regression table
            period = None
            m = re.search(r"[(（]\s*((?:19|20)\d{2})\s*年?\s*[)）]", label)
            if m:
                period = m.group(1)
            indicator = re.sub(r"\s*[(（]\s*(?:19|20)\d{2}\s*年?\s*[)）]\s*", "", label).strip() or label
            if whole_place(label.strip()) is not None:
                # the row is a place (省份 | 指数): what is measured is the column's, named by the caption
                indicator = None
            for j, cell in enumerate(row[lab + 1 :], lab + 1):
                if not re.fullmatch(rf"(?:{NUM})\s*%?", cell.strip()):
                    continue
                unit = "%" if cell.strip().endswith("%") else None
                col = header[j] if j < len(header) else ""
                ym = re.match(r"\s*((?:19|20)\d{2})\s*年", col)  # "2024年基数", "2027年目标"
                cell_period = ym.group(1) if ym else period
                unit = unit or _unit_in_label(col) or _unit_in_label(label) or _unit_in_label(t.caption)
                value = parse_arabic(cell.strip().rstrip("%"))
                entity = header[j] if j < len(header) and header[j] else None
                subject = subject_for(entity or "", len(entity or ""), subject_for(label, len(label), own, own, False), own, False)
                if of_sample and subject == own:
                    subject = of_sample
                measure = _label_without_unit(indicator) if indicator is not None else _table_measure(t.caption or "", col)
                out.append(
                    _stat(
                        value, None, unit, measure, cell_period or _caption_year(t.caption), src, " ".join(row), t.section or first_section,
                        subject=subject,
                        entity=entity,
                        table=f"表{t.number}" if t.number else "表",
                    )
                )


def _caption_year(caption: str | None) -> str | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", caption or "")
    return m.group(1) if m else None


def _table_measure(caption: str, column: str) -> str:
    """What a table of places measures: its caption without year, scope and list words
    ("2024年省域…指数前十位" -> "省域…指数"), with the column's name when the caption lacks it.

    >>> _table_measure("2024年省域数字经济指数前十位", "指数"), _table_measure("各省份情况", "算力规模（EFLOPS）")
    ('省域数字经济指数', '各省份算力规模')
    """
    stem = re.sub(_cfg()["table_caption_noise"], "", caption).strip()
    col = _label_without_unit(column).strip()
    if re.fullmatch(r"(?:(?:19|20)\d{2}\s*年)?|排名|名次|序号", col) or col in stem:
        return stem or col
    return f"{stem}{col}" if stem else col


def _label_without_unit(label: str) -> str:
    """"规模（万亿元）" -> "规模": the unit is kept in ``unit``."""
    m = re.search(r"\s*[（(]\s*(?:单位[:：])?\s*([^（）()]{1,6})\s*[)）]\s*$", label or "")
    if m and re.fullmatch(_unit_rx(), m.group(1)):
        return label[: m.start()].strip() or label
    return label


def _unit_in_label(label: str) -> str | None:
    """"碳排放降低（%）" -> "%", "规模（万亿元）" -> "万亿元": a unit printed in a table label."""
    m = re.search(r"[（(]\s*(?:单位[:：])?\s*([^（）()]{1,6})\s*[)）]\s*$", label or "")
    if m and re.fullmatch(_unit_rx(), m.group(1)):
        return m.group(1)
    return None


@lru_cache(maxsize=4096)
def _ends_in_verb(core: str) -> bool:
    """Does a short phrase before a count end in a verb or a preposition (访问了, 得到, 为)?"""
    import jieba.posseg as pseg

    t = core.rstrip("了过")
    toks = pseg.lcut(t[-6:]) if t else []
    return bool(toks) and (toks[-1].flag.startswith("v") or toks[-1].flag == "p")


def extract_statistics(doc: Document) -> list[Statistic]:
    out: list[Statistic] = []
    # the front matter (来源：绍兴日报) before the body: a local paper names its city there
    front = " ".join(str(v) for v in doc.front_matter.values())
    own = own_region(doc.meta.title_zh or "", "".join(p.text for p in doc.paragraphs[:200]), front)
    # the counties and districts the document names are places for its subjects ("嵊州市最低")
    with document_places(local_places("\n".join(p.text for p in doc.paragraphs))):
        named = events((doc.meta.title_zh or "") + "\n" + "\n".join(p.text for p in doc.paragraphs[:3]))
        firm = main_firm("\n".join(p.text for p in doc.paragraphs[:3]))
        surveys: dict[str, list] = {}  # per section: the population of its latest survey
        sample = study_sample("\n".join(p.text for p in doc.paragraphs))  # "本文以…上市公司为样本"
        # a survey the abstract says the paper is based on ("本文基于…对全国2 016家企业开展的问卷调查")
        # is the population of the body's figures that report it (sample shares, subgroups)
        abstract = [p for p in doc.paragraphs if p.kind == "abstract"]
        found = next((x for x in (survey_population(sent, own) for p in abstract for sent in p.text.split("。"))
                      if x and re.search(_cfg()["survey_cue"], x[3])), None)  # a survey, not an estimation sample
        for para in doc.paragraphs:
            holder = surveys.setdefault(para.section, [found if para.kind != "abstract" else None])
            _from_paragraph(para, doc, out, own, named, firm, holder, sample)
        _from_tables(doc, out, own, found or sample)
        # notes that are not bibliographic (examples, definitions) can carry figures too
        for n in doc.notes:
            if _BIBLIO.search(n.text):
                continue
            para = Paragraph(section=_section_of_note(doc, n), text=n.text, offs=[], markers=[], line=n.line)
            _from_paragraph(para, doc, out, own, named)
    return out


def _section_of_note(doc: Document, note) -> str:
    """The section in which the note's marker (or the note itself) stands."""
    for p in doc.paragraphs:
        if any(m.kind == "note" and m.label == note.label for m in p.markers) and p.line <= note.line:
            best = p.section
    try:
        return best  # type: ignore[possibly-undefined]
    except NameError:
        secs = [p for p in doc.paragraphs if p.line <= note.line]
        return secs[-1].section if secs else (doc.sections[0].id if doc.sections else "s0")
