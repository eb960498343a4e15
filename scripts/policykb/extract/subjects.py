"""Subjects of statistics: who or what a figure is about (中国, 美国, 湖北省, 全球 …).

Rules in ``rules/subjects.yaml``. A figure's subject is the last place name before it in its
sentence that is not a reference ("占全球的34%", "仅次于美国"); a sentence without one keeps the
subject of the sentence before it in the same paragraph; a paragraph starts from the document's
own region (the province or city its title names, 香港 for a text that says 本港, else 中国).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from policykb import rules
from policykb.inline import is_han
from policykb.extract.sentences import clause_start


@lru_cache(maxsize=None)
def _cfg():
    return rules.load("subjects.yaml")


@lru_cache(maxsize=None)
def _names() -> dict[str, str]:
    c = _cfg()
    out = dict(c["names"])
    for p in c["provinces"]:
        canon = p if p in ("香港", "澳门", "台湾") else p + ("市" if p in c["municipalities"] else "省")
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


#: the local places (counties, districts, county-level cities) of the document being extracted,
#: set by ``document_places`` around a document's extraction and read by ``mentions``
_LOCAL: ContextVar[tuple[str, ...]] = ContextVar("local_places", default=())


def local_places(text: str) -> tuple[str, ...]:
    """The local places a text names more than once that the rules do not list: a two- or
    three-character name with 区/县/市/旗 after a clause boundary ("分地区看，柯桥区和诸暨市的样本
    最多", "嵊州市最低"), not a generic word (园区, 开发区, 城市, 全市).

    >>> local_places("分地区看，柯桥区和诸暨市的样本最多；嵊州市最低，诸暨市次之，柯桥区最高。支持产业园区和高新区发展。在港上市")
    ('柯桥区', '诸暨市')
    """
    c = _cfg()
    found = []
    for m in re.finditer(c["local_place_name"], text):
        name, stem = m.group(), m.group("stem")
        if re.search(c["not_in_place_name"], stem) or re.search(c["not_local_stem"], stem) or mentions(name):
            continue
        if name not in found and text.count(name) >= 2:  # named more than once
            found.append(name)
    return tuple(found)


@contextmanager
def document_places(names: tuple[str, ...]):
    """Within this block ``mentions`` also finds ``names`` (the document's local places)."""
    token = _LOCAL.set(names)
    try:
        yield
    finally:
        _LOCAL.reset(token)


@lru_cache(maxsize=64)
def _local_rx(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def mentions(text: str) -> list[tuple[int, str, str]]:
    """(position, name as written, canonical subject) of each place name in ``text``: the places
    of the rules, and the document's local places (see ``document_places``).

    >>> [(n, s) for _, n, s in mentions("美国算力规模占全球的34%")]
    [('美国', '美国'), ('全球', '全球')]
    """
    names = _names()
    out = [(m.start(), m.group(), names[m.group()]) for m in _rx().finditer(text)]
    local = _LOCAL.get()
    if local:
        taken = [(a, a + len(n)) for a, n, _ in out]
        for m in _local_rx(local).finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append((m.start(), m.group(), m.group()))
        out.sort()
    return out


def whole_place(name: str) -> str | None:
    """The canonical place ``name`` is, when the whole of it is one place name, else None.

    >>> whole_place("北京"), whole_place("北京市场")
    ('北京市', None)
    """
    found = mentions(name)
    return found[0][2] if found and found[0][0] == 0 and found[0][1] == name else None


def _named_own(title: str, head: str) -> str | None:
    """The city (province, district) a title calls 我市 (我省, 我区): of the "<name>市" the opening
    text prints whose name it prints at least twice, the one named first (a masthead, breadcrumb
    or source line: "绍兴新闻 … 来源：绍兴日报 … 《2025年绍兴市企业…报告》 … 诸暨市" -> 绍兴市).

    >>> _named_own("我市首份企业人工智能应用调查报告", "首页 > 绍兴新闻 来源：绍兴日报 《2025年绍兴市企业报告》，诸暨市、诸暨市")
    '绍兴市'
    """
    c = _cfg()
    word = next((w for w in c["own_region"] if w in title and w[-1] in c["own_region_levels"]), None)
    if not word:
        return None
    level = word[-1]
    stems = [head[i - n : i] for i, ch in enumerate(head) if ch == level for n in (2, 3) if i >= n]
    stems = [
        t for t in stems
        if all(is_han(ch) for ch in t) and not re.search(c["not_in_place_name"], t) and head.count(t) >= 2
        and not (t + level).endswith(tuple(c["own_region"]))  # "比全市"
    ]
    if not stems:
        return None
    best = min(stems, key=lambda t: (head.find(t), -len(t)))  # the masthead, breadcrumb or source line names it first
    return best + level


def _most_named(head: str) -> str | None:
    """The province or city the opening text is about: named in its opening sentence, at least
    three times and more than twice as often as any other province or city ("人工智慧热潮席卷全球，
    台湾正站在…台湾…台湾…"; a journal whose abstract describes a survey in 浙江省 is not about it)."""
    c = _cfg()
    local = set(_names()[p] for p in c["provinces"]) | set(c["cities"])
    counts: dict[str, int] = {}
    for _, _, canon in mentions(head):
        if canon in local:
            counts[canon] = counts.get(canon, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > 2 * ranked[1][1]):
        lead = {canon for _, _, canon in mentions(head[: _cfg()["lead_chars"]])}
        if ranked[0][0] in lead:  # named in the opening sentence, not only in a survey's description
            return ranked[0][0]
    return None


def _stem_places(stem: str, head: str) -> list[tuple[int, str]]:
    """Where ``stem`` followed by a place suffix occurs in ``head``, with that name: what
    ``re.finditer(re.escape(stem) + local_place_suffix, head)`` finds (non-overlapping, left to
    right), without compiling one pattern per title stem (which flushed re's cache of compiled
    patterns). The suffix pattern looks only ahead, so matching it after the stem is the same."""
    suffix = rules.regex(_cfg()["local_place_suffix"])
    out = []
    i = head.find(stem)
    while i >= 0:
        m = suffix.match(head, i + len(stem))
        if m:
            out.append((i, head[i : m.end()]))
            i = head.find(stem, m.end())
        else:
            i = head.find(stem, i + 1)
    return out


def own_region(title: str, text: str, front: str = "") -> str:
    """The document's own region: a province or city its title names, else 香港 for a text
    that speaks of 本港, else the city a title calling it 我市 names in its front matter and opening
    text, else the province or city its opening text keeps naming (台湾), else 中国.

    >>> own_region("湖北省人工智能赋能新质生产力发展实施方案", ""), own_region("x", "本港企业"), own_region("x", "")
    ('湖北省', '香港', '中国')
    >>> own_region("吴江一家纺织企业的转型路", "走进位于吴江区盛泽镇的…。吴江区工信局介绍…")
    '吴江区'
    >>> own_region("湘潭智能制造观察", "湘潭市工信局…湘潭市已建成…"), own_region("人工智能与城市发展", "城市…城市…")
    ('湘潭市', '中国')

    """
    for _, _, canon in mentions(title or ""):
        if canon not in ("@own", "中国", "全球") and canon not in _cfg()["names"].values():
            return canon
    if any(w in text for w in _cfg()["own_region_hk"]):
        return "香港"
    # a local paper names its city in its front matter (来源：绍兴日报); an author's affiliation there
    # (河南大学) does not make a paper about that province, so only the body is counted for _most_named
    named = _named_own(title or "", (front + "\n" + text)[:1000]) or _most_named(text[:1000])
    if named:
        return named
    # a county or district the title names without its suffix and the opening text with it
    # ("吴江一家老牌纺织企业…" + "位于吴江区盛泽镇的…" -> 吴江区)
    t = re.sub(r"[^\u4e00-\u9fff]", " ", title or "")
    stems = {t[i : i + n] for n in (2, 3) for i in range(len(t) - n + 1) if " " not in t[i : i + n]}
    head = text[:1000]
    found = [
        (start, name) for stem in sorted(stems) if not re.search(_cfg()["not_in_place_name"], stem)
        for start, name in _stem_places(stem, head)
        if not mentions(name) and head.count(name) >= 2  # named more than once
    ]
    return min(found)[1] if found else "中国"


def survey_population(sentence: str, own: str = "中国") -> tuple[int, str, frozenset, str] | None:
    """The population a survey or sample in ``sentence`` measured: (where it is named, its name,
    the places it names, the phrase naming it), or None when it names where it was run (those
    places remain the subject, as elsewhere). A word for the document's own region (本地, 本港,
    全省) becomes ``own``.

    >>> survey_population("课题组对2 140家企业的问卷调查显示，已应用人工智能的企业占38.5%")[1]
    '受访企业'
    >>> survey_population("对长三角地区412家外贸企业的问卷调查显示") is None
    True
    >>> survey_population("本文基于对全国2 016家企业开展的问卷调查")[1]
    '受访企业'
    >>> survey_population("本中心对612家本地企业进行问卷调查", "香港")[1]
    '香港受访企业'
    >>> survey_population("本文以2011—2022年沪深A股上市公司为样本")[1]
    '样本上市公司'
    """
    c = _cfg()
    m = re.search(c["survey_population"], sentence)
    if m:
        pop = m.group("pop").split("的")[-1]
        # "对全国2 016家企业": the whole country or province is where it was run, not a place apart
        found = [f for f in mentions(m.group("where")) if not f[1].startswith("全")]
        if found and not pop.startswith("受访"):
            return None  # "对长三角地区412家外贸企业的问卷调查": the places stay the subject
        at = mentions(pop)
        if at and at[0][0] == 0:  # "本地企业" -> 香港受访企业
            place = _own(at[0][1], own) if at[0][2] == "@own" else at[0][2]
            return m.start(), place + "受访" + pop[len(at[0][1]) :].removeprefix("受访"), frozenset({place}), m.group()
        return m.start(), pop if pop.startswith("受访") else "受访" + pop, frozenset(), m.group()
    m = re.search(c["sample_population"], sentence)
    if m:
        return m.start(), "样本" + m.group("pop"), frozenset(f[2] for f in mentions(m.group())), m.group()
    m = re.search(c["respondents"], sentence)
    if m:
        return m.start(), m.group("pop"), frozenset(), m.group()
    return None


def respective(sentence: str, starts: list[int]) -> dict[int, str]:
    """Figures given place by place after 分别 ("上虞区、越城区分别为43.1%和40.2%", "柯桥区和诸暨市的样本
    最多，分别为312家和287家"): index of the figure (in ``starts``, their positions) -> its place.

    >>> respective("北京、上海分别为43.1%和40.2%", [8, 15])
    {0: '北京市', 1: '上海市'}
    """
    c = _cfg()
    out: dict[int, str] = {}
    for m in re.finditer(r"分别", sentence):
        p = m.start()
        begin = max(sentence.rfind(x, 0, p) for x in "；;。") + 1
        end = min([e for e in (sentence.find(x, m.end()) for x in "；;。") if e >= 0] + [len(sentence)])
        after = [i for i, at in enumerate(starts) if m.end() <= at < end]
        found = mentions(sentence[begin:p])
        run: list = []
        for f in found:  # the last list of places before 分别 ("上虞区、越城区")
            if run and re.match(c["list_joiners"], sentence[begin + run[-1][0] + len(run[-1][1]) : begin + f[0]]):
                run.append(f)
            else:
                run = [f]
        if len(run) >= 2 and len(run) == len(after) and all(canon != "@own" for *_, canon in run):
            out.update({i: canon for i, (*_, canon) in zip(after, run)})
    return out


def study_sample(text: str) -> tuple[int, str, frozenset, str] | None:
    """The sample an empirical paper states it estimates on ("本文以2011—2022年沪深A股上市公司为
    研究样本"), as a population (see ``survey_population``), or None."""
    m = re.search(_cfg()["sample_population"], text)
    return (0, "样本" + m.group("pop"), frozenset(), m.group()) if m else None


def estimate(sentence: str) -> bool:
    """Does the sentence report an estimate of the paper's own model (系数, 每提高…平均提高, 效应…)?"""
    return bool(re.search(_cfg()["estimate_cues"], sentence))


def survey_continues(sentence: str) -> bool:
    """Does a later sentence of a survey's paragraph still report the survey (names it or whom it asked)?"""
    return bool(re.search(_cfg()["survey_continues"], sentence))


def measured_population(subject: str, population: tuple[int, str, frozenset, str], carry: str, own: str, clause: str = "") -> str:
    """The subject of a figure in a survey's paragraph: the surveyed population when the figure
    names no other subject (the paragraph's place, a place or a phrase of the survey itself, or a
    subgroup described by a relative clause: "已应用人工智能的企业"); a subgroup named on its own
    ("其中中小企业仅为29.7%") is that group of the respondents (受访中小企业). A figure whose
    ``clause`` (its part of the sentence up to the figure) names a sector ("其中金融服务业的使用率最高，
    达到62.8%") is that sector's."""
    _, name, places, phrase = population
    if re.search(_cfg()["sector_in_clause"], clause):
        return subject
    if subject in (carry, own) or subject in places or subject[-4:] in phrase or (subject.endswith(("企业", "公司")) and "的" in subject):
        return name
    if name.startswith("受访") and subject.endswith(("企业", "公司")) and not subject.startswith("受访"):
        return "受访" + subject
    return subject


def carries(subject: str) -> bool:
    """Is ``subject`` a place (kept for the next sentences of the paragraph)? An organisation or
    group named in one sentence is the subject of that sentence only."""
    found = mentions(subject)
    return bool(found) and found[0][0] == 0


def events(text: str) -> dict[str, str]:
    """The full name of each event a text names, by its head word (the first printed wins).

    >>> events("第七届长江人工智能产业大会在武汉开幕")
    {'大会': '第七届长江人工智能产业大会'}
    """
    out: dict[str, str] = {}
    for m in re.finditer(_cfg()["event_name"], text):
        head = next(h for h in _cfg()["event_heads"] if m.group().endswith(h))
        out.setdefault(head, m.group())
    return out


def _own(word: str, own: str) -> str:
    """What a word for the document's own region stands for: ``own``, or the province of ``own``
    when ``own`` is a city and the word names a province.

    >>> _own("全省", "武汉"), _own("全市", "武汉"), _own("全省", "湖北省")
    ('湖北省', '武汉', '湖北省')
    """
    c = _cfg()
    province = c["city_province"].get(own[:-1] if own.endswith("市") else own)
    if word in c["own_province_words"] and province:
        return _names()[province]
    return own


def subject_for(sentence: str, pos: int, carry: str, own: str, named: bool = True) -> str:
    """The subject of the figure at ``pos`` in ``sentence``: the last place name before it that
    is not a reference, or an organisation or group named later at the start of a clause
    (``named``, see ``entities``); else ``carry`` (the subject so far in the paragraph).

    >>> subject_for("美国算力规模占全球的34%，位列第一", 15, "中国", "中国")
    '美国'
    >>> subject_for("东部地区的算力需求占全国接近一半", 12, "中国", "中国")
    '东部地区'
    >>> subject_for("我省数字经济规模达到6万亿元", 9, "中国", "湖北省")
    '湖北省'
    """
    c = _cfg()
    best, best_at, soft = None, -1, None
    ents = entities(sentence, pos) if named else []
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
        listed, i = j - i + 1, j + 1
        if listed >= 3 and re.match(c["place_list_closing"], sentence[end:]) and re.search(r"(?:在|于)$", sentence[:start]):
            continue  # "在京津冀、长三角、成渝等地": where, not who
        if _in_title(sentence, start):
            continue
        surveyed = sentence[:start].endswith("对") and re.match(c["survey_after"], sentence[end:])
        if re.search(c["reference_before"], sentence[:start]) and not surveyed:
            if sentence[:start].endswith("占") and re.match(c["share_within"], sentence[end:]):
                soft = soft or (_own(name, own) if canon == "@own" else canon)  # "占我国算力总规模的比重"
            continue
        if re.match(c["reference_after"], sentence[end:pos]):
            continue
        if canon in c["scope_places"] and re.match(c["scope_after"], sentence[end:pos]):
            continue  # "封测产值全球市占率约五成", "排名全球第一": the world is the scope, not who
        if (
            re.search(c["soft_reference_before"], sentence[:start])
            or re.match(c["soft_reference_after"], sentence[end:])
            or re.match(c["whole_after"], sentence[end:])
        ):
            soft = soft or (_own(name, own) if canon == "@own" else sentence[start:end] if end - start > len(name) else canon)
            continue
        if any(a <= start < b or (a < start and clause_start(sentence, start) <= a) for a, b, _ in ents):
            continue  # inside an entity named at the clause start, or its object ("中卫集群承接东部地区的…")
        if end - start > len(name):
            best = sentence[start:end]
        else:
            best = _own(name, own) if canon == "@own" else canon
        best_at = start
    if ents and ents[-1][0] > best_at:
        best = ents[-1][2]
    if found:
        # "较新加坡（第3位）", "少于美国的61家": the figure is that of the place right before it
        last_end = found[-1][0] + len(found[-1][1])
        bracketed = last_end == pos and sentence[pos : pos + 1] in ("（", "(")
        counted = last_end == pos - 1 and sentence[pos - 1] == "的" and COUNTED.match(sentence[pos : pos + 14])
        if bracketed or counted:
            return _own(found[-1][1], own) if found[-1][2] == "@own" else found[-1][2]
    if best is None and soft:
        return soft  # a weak reference with no other subject in the sentence is the subject
    if best is None and re.search(c["target_opening"], sentence[:pos]):
        return own  # "到2027年，…普及率超过70%": a target is the document's own
    return best or carry


@lru_cache(maxsize=None)
def _entity_rx() -> re.Pattern:
    c = _cfg()
    heads = "|".join(map(re.escape, sorted(c["entity_heads"] + c["group_heads"], key=len, reverse=True)))
    openers = "|".join(map(re.escape, sorted(c["entity_openers"], key=len, reverse=True)))
    return re.compile(
        rf"\s*(?P<op>{openers})?(?P<e>[\u4e00-\u9fff“”「」A-Za-z·]{{0,16}}?(?:{heads}))"
    )


COUNTED = re.compile(r"[\d.,，\s]+(?:余|多)?\s*(?:万|亿)?(?:家|个|名|所|座|间)")


def entities(sentence: str, pos: int) -> list[tuple[int, int, str]]:
    """Organisations and groups named at the start of a clause before ``pos``: (start, end, name).
    A group of enterprises counts only when set apart as the population measured.

    >>> [n for *_, n in entities("东风汽车集团相关负责人介绍，检出率提升至99.2%", 25)]
    ['东风汽车集团']
    >>> [n for *_, n in entities("分规模看，大型企业应用比例达到43.2%，而中小企业仅为9.7%", 33)]
    ['大型企业', '中小企业']
    >>> [n for *_, n in entities("国有企业的应用比例为56.1%，民营企业为39.4%", 21)]
    ['民营企业']
    >>> [n for *_, n in entities("相关企业数量超过5 000家", 8)]
    []
    """
    c = _cfg()
    out = []
    for m in re.finditer(c["anaphora"], sentence[:pos]):
        noun = m.group("n")
        counted = re.search(rf"\d[\d.,\s]*(?:余|多)?\s*[家个所座]([^，,。；;\d]{{0,14}}{re.escape(noun)})", sentence[: m.start()])
        if counted:
            out.append((m.start(), m.end(), counted.group(1)))  # "…421家国家级智能制造示范工厂，这些工厂的…"
    starts = [0] + [m.end() for m in re.finditer(r"[，,；;：:]", sentence[:pos])]
    event = re.match(rf"\s*(?:{'|'.join(c['event_heads'])})(?=[\u4e00-\u9fff])", sentence)
    if event and pos > event.end():
        out.append((event.start(), event.end(), event.group().strip()))  # "大会为期3天，…"
    for s in starts:
        m = _entity_rx().match(sentence, s)
        if not m or m.end("e") > pos:
            continue
        a, b = m.start("e"), m.end("e")
        name = m.group("e")
        for q in c["entity_quantifiers"]:
            if name.startswith(q):
                name, a = name[len(q) :], a + len(q)
        if re.match(c["entity_measured_after"], sentence[b:]) or _in_title(sentence, a) or re.search(c["reference_before"], sentence[:a]):
            continue

            continue
        rest = sentence[b:pos]
        if len(rest) <= 4 and not re.search(r"[，,；;：:]", rest) and COUNTED.match(sentence[pos : pos + 14]):
            continue  # "入库企业不少于300家": the entity is what is counted
        head = next(h for h in sorted(c["entity_heads"] + c["group_heads"], key=len, reverse=True) if name.endswith(h))
        if head in c["group_heads"] and re.match(r"[\u4e00-\u9fff]{1,3}的", sentence[b:]):
            continue  # "中小企业贷款的平均审批时间": a modifier inside what is measured
        if head in c["group_heads"] and not (
            re.search(c["group_markers"], name)
            or m.group("op") in ("在", "而")
            or (s > 0 and re.search(c["group_clause_before"], sentence[clause_start(sentence, s - 1) : s - 1]))
            or re.match(r"中[，,]|中(?:仅|只)?有", sentence[b:])
            or re.fullmatch(c["group_figure_after"], sentence[b:pos])
        ):
            continue  # a group named in passing ("制造企业…"), not set apart as the population measured
        modifier = name[: -len(head)]
        if (len(modifier) < 2 and len(head) < 4) or any(modifier.startswith(g) for g in c["entity_generic"]):
            continue
        if re.search(r"[“”「」]", modifier) and modifier.count("“") + modifier.count("「") != modifier.count("”") + modifier.count("」"):
            continue
        tail = name[name.rfind("的") + 1 :]
        if any(w in (name if tail == name else tail[: -len(head)]) or name.startswith(w) for w in c["entity_predicate_words"]):
            continue
        if re.search(r"[一二两三四五六七八九十]成|分之|[一二两三四五六七八九十百千万]+[家个名]", name):
            continue
        if head in c["legal_suffixes"] and len(name) <= 24:
            pass  # a company's registered name may open with a place ("浙江恒创智能装备有限公司")
        elif mentions(name) or len(name) > 14:
            continue  # "我国企业", "今年全市规上企业", "芜湖集群": the place is the subject
        out.append((a, b, name))
    return sorted(out)


def _in_title(text: str, pos: int) -> bool:
    return text[:pos].count("《") > text[:pos].count("》")


def main_firm(text: str) -> tuple[str, list[str]] | None:
    """The company a text reports on (the first full company name it prints) and the words that
    refer to it at the start of a clause: 公司/该公司 and its short name (the name without a
    leading place and its legal suffix).

    >>> main_firm("走进位于吴江区盛泽镇的江苏恒锦纺织科技有限公司，2 600台织机…")
    ('江苏恒锦纺织科技有限公司', ['恒锦纺织', '该公司', '这家公司', '公司'])
    >>> main_firm("全市人工智能企业超过600家。") is None
    True
    """
    c = _cfg()
    m = re.search(c["firm_name"], text)
    if not m:
        return None
    name = re.split(c["firm_name_cut"], m.group())[-1]
    core = name
    for suf in c["firm_suffixes"]:
        if core.endswith(suf) and len(core) - len(suf) >= 2:
            core = core[: -len(suf)]
            break
    found = mentions(core)
    if found and found[0][0] == 0 and len(core) - len(found[0][1]) >= 2:
        core = core[len(found[0][1]) :]  # "江苏恒锦纺织" -> "恒锦纺织"
    refs = ([core] if len(core) >= 3 and core != name else []) + list(c["firm_refs"])
    return name, refs


def firm_clauses(sentence: str, refs: list[str]) -> list[int]:
    """Positions in ``sentence`` from which the company is the subject: the start of each clause
    (after a leading time or place phrase such as "2024年，") that opens with a reference to it."""
    starts = [0] + [m.end() for m in re.finditer(r"[，,；;：:]", sentence)]
    alt = "|".join(map(re.escape, sorted(refs, key=len, reverse=True)))
    return [s for s in starts if re.match(rf"\s*(?:{alt})(?=[\u4e00-\u9fff])", sentence[s:])]
