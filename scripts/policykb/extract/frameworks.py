"""Frameworks: the analytical frameworks, models and typologies a paper proposes or uses.

Detectors (all general, rules in ``rules/frameworks.yaml``):
- dash chains in quotes: “要素配置—技术革命—产业升级—治理转型”;
- enumerations closed by a count noun: "从 A、B、C 和 D 等 4 个层次", "分为 A、B 和 C 三大阶段",
  and a count phrase followed by 其一/其二 … items ("双重特征。其一，…其二，…");
- dichotomies: "区分为 A 和 B", "分化为 A 和 B 两大流派";
- a section whose title is analytical (机理, 逻辑, 挑战 …) and whose sub-sections are the parts;
- parallel titled lead sentences opening three or more paragraphs of a section;
- a figure caption naming a model/framework, and a text-only table (a typology).
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykb import rules
from policykb.extract.numerals import parse_chinese
from policykb.extract.recommendations import countermeasure_section, sentences
from policykb.extract.subjects import whole_place
from policykb.model import Component, Framework
from policykb.structure.document import Document


@lru_cache(maxsize=None)
def _cfg():
    return rules.load("frameworks.yaml")


@lru_cache(maxsize=None)
def _count_rx() -> re.Pattern:
    c = _cfg()
    nouns = "|".join(map(re.escape, sorted(c["count_nouns"], key=len, reverse=True)))
    mods = "|".join(map(re.escape, c["count_modifiers"]))
    meas = "|".join(map(re.escape, c["count_measures"]))
    return re.compile(
        rf"(?P<deng>等)?\s*(?P<n>{c['count_words']})\s*(?:{meas})?\s*(?:{mods})?\s*(?P<noun>{nouns})"
    )


@lru_cache(maxsize=None)
def _uncounted_rx() -> re.Pattern:
    """等 + a noun of an uncounted list (rules: uncounted_nouns, longest first)."""
    nouns = "|".join(map(re.escape, sorted(_cfg()["uncounted_nouns"], key=len, reverse=True)))
    return re.compile(rf"等(?P<mod>[^，,。；;、]{{0,6}}?)(?P<noun>{nouns})")


@lru_cache(maxsize=None)
def _plain_suffixes() -> frozenset:
    """The series suffixes that are plain words (no regex syntax), which str.count can find."""
    return frozenset(s for s in _cfg()["series_suffixes"] if re.escape(s) == s)


def _count_value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s == "双":
        return 2
    return parse_chinese(s)


def _split_top(text: str, seps: str) -> list[str]:
    """Split on any of ``seps`` outside brackets and quotes."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "（(“《[":
            depth += 1
        elif ch in "）)”》]":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip(" “”\"") for p in parts if p.strip(" “”\"")]


def split_list(text: str, expected: int | None = None) -> list[str]:
    """Split "A、B、C 和 D" into components (brackets kept whole).

    >>> split_list("大模型基础设施、大模型核心投入和人工智能支柱产业")
    ['大模型基础设施', '大模型核心投入', '人工智能支柱产业']
    >>> split_list("大模型基础设施、人工智能引致支出和技术扩散", expected=2)
    ['大模型基础设施', '人工智能引致支出和技术扩散']
    """
    parts = _split_top(text, "、，,")
    if expected is not None and len(parts) == expected:
        return parts
    joiners = sorted(_cfg()["list_joiners"], key=len, reverse=True)
    if parts:
        last = parts[-1]
        for j in joiners:
            i = last.rfind(j)
            if i > 0 and last[:i].count("（") == last[:i].count("）"):
                head, tail = last[:i].strip(), last[i + len(j):].strip()
                if head and tail:
                    parts = parts[:-1] + [head, tail]
                break
    return parts


def _core_len(text: str) -> int:
    """Length without bracketed glosses ("有效加速主义（Effective Accelerationism, e/acc）" -> 6)."""
    return len(re.sub(r"[（(][^）)]*[）)]", "", text))


def _last_top_level(text: str, marks: str) -> int:
    """Index of the last mark outside brackets (-1 if none)."""
    depth, last = 0, -1
    for i, ch in enumerate(text):
        if ch in "（(“《[":
            depth += 1
        elif ch in "）)”》]":
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            last = i
    return last


def _fw(name: str, quote: str, section: str, components: list[str], descriptions: list[str | None] | None = None, kind: str = "") -> Framework:
    descriptions = descriptions or [None] * len(components)
    if kind in ("enumeration", "dichotomy", "series"):
        components = [clean_component(x) for x in components]
    return Framework(
        name=name,
        quote=quote.strip(),
        section=section,
        components=[Component(c, d) for c, d in zip(components, descriptions)],
        kind=kind or None,
    )


def _dash_chains(text: str) -> list[list[str]]:
    """“A—B—C” (dash chains) and “A+B+C” (plus chains) with three or more parts."""
    out = []
    for m in re.finditer(r"[“\"「]([^”\"」]{3,120})[”\"」]", text):
        inner = m.group(1)
        for sep, maxlen in ((r"—+|－+", 12), (r"\s*[+＋]\s*", 30)):
            parts = [p.strip() for p in re.split(sep, inner) if p.strip()]
            if len(parts) >= 3 and all(1 <= len(p) <= maxlen for p in parts):
                out.append(parts)
    return out


def _numbered_names(sentence: str) -> list[tuple[str, list[str]]]:
    """Frameworks named by numbers ("一核两翼", "四位一体") with their parts: a list printed right
    before the name ("算力、算法、数据、应用“四位一体”") or the 以…为核心/为两翼 clauses of the sentence.

    >>> _numbered_names("推动算力、算法、数据、应用“四位一体”协同发展")
    [('“四位一体”', ['算力', '算法', '数据', '应用'])]
    >>> _numbered_names("形成以智能算力为核心、以绿色低碳和安全可信为两翼的“一核两翼”发展格局")
    [('“一核两翼”', ['智能算力', '绿色低碳', '安全可信'])]
    """
    out = []
    for m in re.finditer(_cfg()["numbered_name"], sentence):
        name = m.group("name")
        if len(name) < 3 or not re.search(r"[核翼带点极圈轴心区链轮网位]", name):
            continue
        if not (m.group(0).startswith(("“", "「", '"')) or re.search(r"一体|[核翼]", name)):
            continue
        before = sentence[: m.start()]
        items: list[str] = []
        for part in re.finditer(r"以([^，,。；;以]{2,40}?)为(?:核心|一核|[两二三四五六七八九十多]?[翼带点极轴])", sentence):
            items += [clean_component(x) for x in re.split(r"和|与|、|及", part.group(1)) if x.strip()]
        if re.search(r"[”」]$", before) and re.search(r"[—－+＋]", before[-60:]):
            continue  # “人才—政策—产业链—文化”四位一体: the quoted chain is the framework
        lm = re.search(r"[“「]?([^，,。；;：:“”「」]{2,80}?)[”」]?$", before)
        if not items and lm and "、" in lm.group(1):
            # the verb before the list is not part of its first item ("推动算力、算法…“四位一体”")
            listed = re.sub(r"^(?:推动|推进|促进|实现|坚持|构建|打造|围绕|形成|以)", "", lm.group(1))
            items = [clean_component(x) for x in split_list(listed) if x]
        items = [x for x in items if x]
        if len(items) >= 2:
            out.append((f"“{name}”", items))
    return out


def _quoted_patterns(sentence: str) -> list[tuple[str, list[str]]]:
    """A quoted list of parallel phrases named as a pattern ("“东部训推一体、西部训练为主、中部特色
    承接”的分工态势").

    >>> _quoted_patterns("将形成「內地場景＋香港規則」的合作新模式")
    [('「內地場景＋香港規則」', ['內地場景', '香港規則'])]
    >>> _quoted_patterns("建立“人工智能+制造”推进机制")
    []
    """
    out = []
    for m in re.finditer(_cfg()["quoted_pattern"], sentence):
        inner = m.group("inner")
        parts = [x.strip() for x in re.split(r"、|＋|\+|，", inner) if x.strip()]
        if re.match(_cfg()["campaign_name"], inner):
            continue  # “人工智能+制造”: an initiative's name, not a pattern of parts
        if 2 <= len(parts) <= 6 and all(2 <= len(x) <= 14 for x in parts):
            out.append((m.group(0)[: m.group(0).index(inner) + len(inner) + 1], parts))
    return out


def _closed_lists(sentence: str) -> list[tuple[str, list[str]]]:
    """A list of three or more parts closed by 构成…支柱 / 出发 / 角度 (rules: list_closers)."""
    out = []
    for closer in _cfg()["list_closers"]:
        for m in rules.regex(closer).finditer(sentence):
            before = sentence[: m.start()]
            start = _last_top_level(before, "，,。；;：:") + 1
            seg = before[start:]
            if re.search(_cfg()["not_own_framework"], seg):
                continue  # "学者们多从劳动者、劳动资料和劳动对象三要素出发": others' framework
            seg = re.sub(r"^(?:以下)?(?:将|可)?(?:从|由|基于)", "", seg)
            items = split_list(seg)
            if len(items) >= 3 and all(2 <= len(x) <= 24 for x in items):
                out.append((sentence[m.start() : m.end()].strip("，, "), items))
    return out


def _series(sentence: str) -> list[list[str]]:
    """Three or more parallel phrases sharing a suffix, joined in a chain:
    "理论范式、实验范式、计算范式向最新的数据范式、智能范式", "从基础支撑层到核心技术层再向应用场景层"."""
    c = _cfg()
    out = []
    j = c["series_joiners"]
    mod = r"(?:(?:传统|最新|新)的)?"
    for suf in c["series_suffixes"]:
        if suf in _plain_suffixes() and sentence.count(suf) < 3:
            continue  # fewer than three of the suffix (a plain word): no three parts ending in it
        item = rf"{mod}[\u4e00-\u9fff]{{1,6}}?{suf}"
        for m in re.finditer(rf"{item}(?:{j}{item}){{2,}}", sentence):
            parts = [re.sub(rf"^{mod}", "", x) for x in re.split(j, m.group(0)) if x]
            parts = [clean_component(x) for x in parts]
            uniq = list(dict.fromkeys(x for x in parts if len(x) > len(suf)))
            if len(uniq) >= 3:
                out.append(uniq)
    return out


def clean_component(text: str) -> str:
    """Drop connectives and list-introducing verbs from a component's start, particles from its end.

    >>> clean_component("成从基础支撑层"), clean_component("而在科技创新"), clean_component("变革科研范式这")
    ('基础支撑层', '科技创新', '变革科研范式')
    >>> clean_component("依据应用深度"), clean_component("本文以“任务的可编码程度")
    ('应用深度', '任务的可编码程度')
    """
    from policykb.segment import words

    c = _cfg()
    t = text.strip(" “”\"")
    ws = words(t)
    lead = set(c["component_leading"])
    while len(ws) > 1 and ws[0] in lead:
        ws = ws[1:]
    t = "".join(ws).strip(" “”\"")
    # a verb that introduced the list inside the first component ("新一代AI是兼具A" -> A)
    m = re.search(r"(?:兼具|包括|涵盖|分为|从|由)(?=.{2,}$)", t)
    if m:
        t = t[m.end():]
    t = re.sub(r"^(?:传统|最新|新)的", "", t)
    while len(t) > 2 and t[-1] in c["component_trailing"]:
        t = t[:-1]
    return t


def _enumeration(sentence: str) -> list[tuple[str, list[str], str]]:
    """(name, components, noun) for "…从 A、B 和 C 等 3 个层次…" forms in one sentence."""
    c = _cfg()
    out = []
    found = [(m.start(), m.group("n"), m.group("noun")) for m in _count_rx().finditer(sentence)]
    # "具有 A、B、C 和 D 等技术—经济特征": no count, at least three items
    for m in _uncounted_rx().finditer(sentence):
        if not any(abs(m.start() - f[0]) <= 1 for f in found):
            found.append((m.start(), None, m.group("mod") + m.group("noun")))
    for pos, count, noun in found:
        n = _count_value(count) if count else None
        if count and (not n or n < 2 or n > 8):
            continue
        if n == 2 and noun in c["pair_not_framework"]:
            continue  # "主要集中在文案翻译和客服应答两个环节": two of a kind, not a framework
        before = sentence[:pos]
        openers = sorted(c["list_openers"], key=len, reverse=True)
        best, op_at = -1, -1
        for op in openers:
            i = before.rfind(op)
            if i >= 0 and i + len(op) > best:
                best, op_at = i + len(op), i
        clause = _last_top_level(before, "，,。；;：:")
        if best > clause + 1:
            start, ctx_end = best, op_at
        elif count:
            start, ctx_end = clause + 1, clause + 1
        else:
            continue  # an uncounted list needs its opener ("具有", "从", "通过" …)
        items = split_list(before[start:], expected=n)
        if any(_core_len(x) > 24 or _core_len(x) < 2 for x in items):
            continue
        if (n is not None and len(items) != n) or (n is None and len(items) < 3):
            continue
        context = re.split(r"[，,。；;：:]", before[:ctx_end])[-1]
        if (
            re.search(_cfg()["not_own_framework"], sentence[:pos])
            or re.search(_cfg()["method_context"], sentence)
            or (noun in _cfg()["outline_nouns"] and re.search(_cfg()["document_words"], before))
            or re.search(_cfg()["document_coverage"], before[:ctx_end])
        ):
            continue  # "学者们多从…三要素出发" (others'), "两阶段最小二乘" (method), "《方案》共分为…三个部分" (an outline)
        context = re.sub(r"(?:应|将|要|可以|可|则|来|对|本文|本部分|拟|主要|具有|是)$", "", context).strip()
        label = f"{count}{'个' if count and count.isdigit() else ''}{noun}" if count else noun
        name = f"{context}（{label}）" if context else label
        out.append((name, items, noun))
    return out


def _dichotomy(sentence: str) -> list[tuple[str, list[str]]]:
    out = []
    if "分为" not in sentence and "分化为" not in sentence:
        return out  # none of the verbs below (区分为 and 划分为 contain 分为): skip the slow scan
    for m in re.finditer(r"(?P<subj>[^，,。；;]{2,30}?)(?:可以|可)?(?:区分为|划分为|分化为|分为)(?P<list>[^，,。；;]{4,80})", sentence):
        lst = re.sub(r"(?:两|二|三|四)(?:大|种|类|个)?[\u4e00-\u9fff]{0,4}$", "", m.group("list"))
        items = split_list(lst)
        if 2 <= len(items) <= 6 and all(len(x) <= 20 for x in items):
            out.append((m.group("subj").strip(), items))
    return out


def _follow_items(text: str, after: int) -> list[str]:
    """Components announced by a count phrase and listed after it (第一步/其一/一是 …)."""
    rest = text[after:]
    for pat in _cfg()["follow_markers"]:
        ms = list(re.finditer(pat, rest))
        seq, expect = [], 1
        for m in ms:
            if parse_chinese(m.group("n")) == expect:
                seq.append(m)
                expect += 1
        if len(seq) >= 2:
            comps = []
            for i, m in enumerate(seq):
                end = seq[i + 1].start() if i + 1 < len(seq) else len(rest)
                seg = rest[m.end() : end].lstrip("，,、：: ")
                comps.append(_split_top(seg, "。；;，,")[0] if _split_top(seg, "。；;，,") else seg.strip())
            return comps
    return []


def _measures(parts: list[str]) -> bool:
    """Most parts open with an action verb ("实施…工程", "推进…培育"): a list of measures (the
    recommendations), not the parts of a framework.

    >>> _measures(["实施工业大模型培育工程", "推进智能工厂梯度培育", "数据集"]), _measures(["技术创新效应", "要素配置效应"])
    (True, False)
    """
    from policykb.extract.recommendations import _starts_with_verb

    return sum(_starts_with_verb(p) for p in parts) * 2 > len(parts)


def extract_frameworks(doc: Document) -> list[Framework]:
    out: list[Framework] = []
    S = countermeasure_section(doc)
    for p in doc.paragraphs:
        for a, b in sentences(p.text):
            sent = p.text[a:b]
            for parts in _dash_chains(sent):
                if any(cue in sent for cue in _cfg()["chain_cues"]):
                    out.append(_fw("“" + "—".join(parts) + "”", sent, p.section, parts, kind="chain"))
            roadmap = re.search(_cfg()["roadmap"], sent)
            for name, items, _noun in ([] if roadmap else _enumeration(sent)):
                out.append(_fw(name, sent, p.section, items, kind="enumeration"))
            for name, items in _numbered_names(sent):
                out.append(_fw(name, sent, p.section, items, kind="named"))
            for name, items in _quoted_patterns(sent):
                out.append(_fw(name, sent, p.section, items, kind="pattern"))
            for closer, items in _closed_lists(sent):
                out.append(_fw(f"{'、'.join(items)}（{closer}）", sent, p.section, items, kind="enumeration"))
            for items in _series(sent):
                out.append(_fw("—".join(items), sent, p.section, items, kind="series"))
            for subj, items in _dichotomy(sent):
                out.append(_fw(f"{subj}：{'与'.join(items)}", sent, p.section, items, kind="dichotomy"))
            # "…的双重特征。其一，…。其二，…" : a count phrase, then numbered items
            meas = "|".join(_cfg()["count_measures"])
            m = re.search(rf"(?P<n>{_cfg()['count_words']})(?:{meas})(?:主要|基本)?(?P<noun>[\u4e00-\u9fff]{{1,4}})[。：:]?$", sent.strip())
            if not m:
                m = re.search(rf"(?P<n>{_cfg()['count_words']})(?:{meas})(?:主要|基本)?(?P<noun>[\u4e00-\u9fff]{{1,4}})[：:]", sent)
            if m and _count_value(m.group("n")) and not (
                re.search(_cfg()["not_own_framework"], sent) or re.search(_cfg()["method_context"], sent)
            ):  # "现有研究主要集中在两个方面。", "本文数据来自两个部分。": a review, the data
                comps = _follow_items(p.text, a + m.end() if m.group(0).endswith(("：", ":")) else b)
                if len(comps) == _count_value(m.group("n")) and not _measures(comps):
                    name = re.split(r"[，,]", sent.strip().rstrip("。：:"))[-1]
                    out.append(_fw(name, sent, p.section, comps, kind="enumeration"))
    # sections whose sub-sections are the parts of a framework
    for s in doc.sections:
        if s.kind != "heading" or s.level > 2 or (S is not None and s.id == S.id):
            continue
        subs = [c for c in doc.sections if c.parent == s.id]
        if len(subs) == 2 and re.search(r"[与和及]", re.split(r"[：:]", s.title)[0]):
            continue  # "文献综述与理论机制", "现实基础与约束": a section on two topics, one sub-section each
        if 2 <= len(subs) <= 6 and any(cue in s.title for cue in _cfg()["section_cues"]):
            names = [re.split(r"[：:]", c.title, maxsplit=1)[0] for c in subs]
            descs = [re.split(r"[：:]", c.title, maxsplit=1)[1] if re.search(r"[：:]", c.title) else None for c in subs]
            out.append(_fw(s.title, s.text or s.title, s.id, names, descs, kind="sections"))
    # parallel titled lead sentences
    by_section: dict[str, list] = {}
    for p in doc.paragraphs:
        by_section.setdefault(p.section, []).append(p)
    for sid, paras in by_section.items():
        if S is not None and sid == S.id:
            continue
        leads = []
        body = [p for p in paras if not p.number][1:]  # the first paragraph introduces
        for p in body:
            spans = sentences(p.text)
            if len(spans) < 2:
                continue
            first = p.text[spans[0][0] : spans[0][1]].strip()
            if len(first) <= 25 and not re.search(r"[，,：:]", first) and first.endswith("。"):
                leads.append((p, first.rstrip("。")))
        if len(leads) >= 3 and len(leads) >= 0.75 * len(body):
            sec = doc.section(sid)
            out.append(_fw(sec.title if sec else sid, leads[0][0].text.split("。")[0] + "。", sid, [l for _, l in leads], kind="leads"))
    # figure captions that name a model or framework; text-only tables (typologies)
    for t in doc.tables:
        if t.kind == "figure" and any(c in t.caption for c in _cfg()["caption_cues"]):
            quote, section = (f"图{t.number} {t.caption}" if t.number else t.caption), t.section or "s0"
            for p in doc.paragraphs:  # the sentence that presents the figure
                # ("所示" in the text first: the pattern scans every sentence start otherwise)
                m = re.search(rf"[^。！？]*如?图\s*{t.number}所示[^。！？]*[。！？]", p.text) if t.number and "所示" in p.text else None
                if m:
                    quote, section = m.group(0), p.section
                    break
            parts = [c.title for c in doc.sections if c.parent == section]
            out.append(_fw(t.caption, quote, section, parts, kind="figure"))
        if t.kind == "table" and len(t.rows) >= 3 and t.number:
            cells = [c for row in t.rows[1:] for c in row[1:] if c and c not in ("是", "否") and not re.search(r"\d", c)]
            cells = [x for c in cells for x in re.split(r"\s{1,}(?=[\u4e00-\u9fff])", c) if x]
            places = sum(whole_place(c) is not None for c in cells)
            if len(cells) >= 2 and all(not re.fullmatch(r"[\d.\s%]+", c) for c in cells) and places * 2 < len(cells):
                out.append(_fw(t.caption, f"表{t.number} {t.caption}", t.section or "s0", cells, kind="table"))
    return _dedupe(_typologies(out, doc))


def _typologies(items: list[Framework], doc: Document) -> list[Framework]:
    """A 2×2 typology is one framework: the two dimensions a paragraph names ("以应用深度和数据基础两个
    维度") and the types it divides into there ("引领型、探索型、跟随型和观望型四种类型") become one
    framework, its parts the two dimensions then the types (the dimensions' sentence is its quote)."""
    dims = [i for i, f in enumerate(items) if f.get("kind") == "enumeration" and len(f["components"]) == 2
            and re.search(_cfg()["dimension_label"], f["name"])]
    types = [i for i, f in enumerate(items) if len(f["components"]) >= 3 and f.get("kind") in ("enumeration", "dichotomy")
             and all(c["name"].endswith(_cfg()["type_suffix"]) for c in f["components"])]
    drop: set[int] = set()
    for d in dims:
        for t in types:
            if t in drop or items[t]["section"] != items[d]["section"]:
                continue
            if not any(items[d]["quote"] in p.text and items[t]["quote"] in p.text for p in doc.paragraphs):
                continue  # not in one paragraph
            a, b = (c["name"] for c in items[d]["components"])
            kinds = [c["name"] for c in items[t]["components"]]
            items[d]["name"] = f"{a}×{b}：{'、'.join(kinds)}"
            items[d]["components"] = list(items[d]["components"]) + list(items[t]["components"])
            drop.add(t)
            break
    return [f for i, f in enumerate(items) if i not in drop]


def _same_parts(a: set, b: set) -> bool:
    """Two frameworks name the same parts: most parts of the smaller one are (inside) parts of
    the other ({要素替代, 要素协同, 要素创生} and the chain {替代, 协同, 创生}).

    >>> _same_parts({"要素替代", "要素协同", "要素创生"}, {"替代", "协同", "创生"})
    True
    >>> _same_parts({"数字化", "网络化", "智能化"}, {"数字化", "智能化", "绿色化", "融合化", "服务化"})
    False
    """
    if not a or not b:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(any(x in y or y in x for y in big) for x in small)
    return len(a & b) / len(a | b) >= 0.6 or (len(small) >= 3 and shared / len(small) >= 0.8 and len(big) <= len(small) + 1)


def _dedupe(items: list[Framework]) -> list[Framework]:
    """One framework per set of parts: the form that draws it best (a named scheme, a chain, a
    quoted pattern: rules/frameworks.yaml kind_preference) before a counted list of the same
    parts; of one kind, the one whose parts are named in full; else the first."""
    rank = {k: i for i, k in enumerate(_cfg()["kind_preference"])}
    def fullness(i: int) -> int:  # "要素配置—技术革命—…" names the parts better than "要素—技术—…"
        return sum(len(c["name"]) for c in items[i]["components"])

    order = sorted(range(len(items)), key=lambda i: (rank.get(items[i].get("kind") or "", len(rank)), -fullness(i), i))
    kept: list[int] = []
    for i in order:
        comps = {c["name"] for c in items[i]["components"]}
        if any(_same_parts(comps, {c["name"] for c in items[k]["components"]}) for k in kept):
            continue
        kept.append(i)
    return [items[i] for i in sorted(kept)]
