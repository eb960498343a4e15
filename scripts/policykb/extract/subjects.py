"""Subjects of statistics: who or what a figure is about (中国, 美国, 湖北省, 全球 …).

Rules in ``rules/subjects.yaml``. A figure's subject is the last place name before it in its
sentence that is not a reference ("占全球的34%", "仅次于美国"); a sentence without one keeps the
subject of the sentence before it in the same paragraph; a paragraph starts from the document's
own region (the province or city its title names, 香港 for a text that says 本港, else 中国).
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykb import rules


@lru_cache(maxsize=None)
def _cfg():
    return rules.load("subjects.yaml")


@lru_cache(maxsize=None)
def _names() -> dict[str, str]:
    c = _cfg()
    out = dict(c["names"])
    for p in c["provinces"]:
        canon = p if p in ("香港", "澳门") else p + ("市" if p in c["municipalities"] else "省")
        if p in ("内蒙古", "广西", "西藏", "宁夏", "新疆"):
            canon = p
        out.setdefault(p, canon)
        out.setdefault(canon, canon)
    for city in c["cities"]:
        out.setdefault(city, city)
        out.setdefault(city + "市", city)
    for w in c["own_region"]:
        out[w] = "@own"
    return out


@lru_cache(maxsize=None)
def _rx() -> re.Pattern:
    names = sorted(_names(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def mentions(text: str) -> list[tuple[int, str, str]]:
    """(position, name as written, canonical subject) of each place name in ``text``.

    >>> [(n, s) for _, n, s in mentions("美国算力规模占全球的34%")]
    [('美国', '美国'), ('全球', '全球')]
    """
    names = _names()
    return [(m.start(), m.group(), names[m.group()]) for m in _rx().finditer(text)]


def own_region(title: str, text: str) -> str:
    """The document's own region: a province or city its title names, else 香港 for a text
    that speaks of 本港, else 中国.

    >>> own_region("湖北省人工智能赋能新质生产力发展实施方案", ""), own_region("x", "本港企业"), own_region("x", "")
    ('湖北省', '香港', '中国')
    """
    for _, _, canon in mentions(title or ""):
        if canon not in ("@own", "中国", "全球") and canon not in _cfg()["names"].values():
            return canon
    if any(w in text for w in _cfg()["own_region_hk"]):
        return "香港"
    return "中国"


def subject_for(sentence: str, pos: int, carry: str, own: str) -> str:
    """The subject of the figure at ``pos`` in ``sentence``: the last place name before it that
    is not a reference; else ``carry`` (the subject so far in the paragraph).

    >>> subject_for("美国算力规模占全球的34%，位列第一", 15, "中国", "中国")
    '美国'
    >>> subject_for("东部地区的算力需求占全国接近一半", 12, "中国", "中国")
    '东部地区'
    >>> subject_for("我省数字经济规模达到6万亿元", 9, "中国", "湖北省")
    '湖北省'
    """
    c = _cfg()
    best = None
    found = mentions(sentence[:pos])
    i = 0
    while i < len(found):
        start, name, canon = found[i]
        end = start + len(name)
        # a list of places ("广东、北京、上海和浙江") is one subject, written as printed
        j = i
        while j + 1 < len(found) and re.match(c["list_joiners"], sentence[found[j][0] + len(found[j][1]) : found[j + 1][0]]):
            j += 1
        if j > i:
            end = found[j][0] + len(found[j][1])
        i = j + 1
        if _in_title(sentence, start) or re.search(c["reference_before"], sentence[:start]):
            continue
        if re.match(c["reference_after"], sentence[end:pos]):
            continue
        if end - start > len(name):
            best = sentence[start:end]
        else:
            best = own if canon == "@own" else canon
    if best is None and re.search(c["target_opening"], sentence[:pos]):
        return own  # "到2027年，…普及率超过70%": a target is the document's own
    return best or carry


def _in_title(text: str, pos: int) -> bool:
    return text[:pos].count("《") > text[:pos].count("》")
