"""Recommendations: what each paper says should be done.

Structured items come from the concluding/countermeasures section at their printed
hierarchy (sub-sections, 第一/第二 paragraphs, titled lead sentences, 一是/二是 items);
inline items are prescriptive sentences elsewhere (亟需/应当/必须/要/建议 …). Rules are in
``rules/recommendations.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykb import rules
from policykb.extract.actors import actors_in
from policykb.model import Recommendation
from policykb.structure.document import Document, Paragraph, Section

_SENT = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")


@lru_cache(maxsize=None)
def _cfg():
    return rules.load("recommendations.yaml")


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]


def _cue(title: str, key: str) -> bool:
    return any(c in title for c in _cfg()[key])


def is_plan(doc: Document) -> bool:
    """A government plan or opinion (通知/意见/实施方案/行动计划): its headings or its title say so."""
    cfg = _cfg()
    titles = [s.title for s in doc.sections if s.kind == "heading"]
    if any(_cue(t, "plan_heading_cues") for t in titles):
        return True
    title = doc.meta.title_zh or ""
    return bool(title) and bool(re.search(cfg["plan_title"], title))


@lru_cache(maxsize=None)
def action_verb_alternation() -> str:
    """The action verbs (rules: action_verbs) as one regex alternation, longest first."""
    return "|".join(map(re.escape, sorted(_cfg()["action_verbs"], key=len, reverse=True)))


@lru_cache(maxsize=None)
def _action_verbs() -> tuple[str, ...]:
    return tuple(_cfg()["action_verbs"])


def _starts_with_verb(title: str) -> bool:
    return title.startswith(_action_verbs())


def prescriptive_parts(doc: Document) -> list[Section]:
    """The level-1 sections whose content is prescriptive, in order.

    A plan's every task part and its 保障措施 (all parts but 总体要求/指导思想/目标/原则 and
    annexes); a paper's countermeasures section (对策/建议/启示 …), never its conclusion — the
    last section with a strong cue, else the last with a weak cue (路径/举措 …)."""
    level1 = [s for s in doc.sections if s.level == 1 and s.kind == "heading"]
    if is_plan(doc):
        return [
            s for s in level1
            if not _cue(s.title, "not_prescriptive")
            and (_cue(s.title, "section_cues") or _starts_with_verb(s.title) or _holds_measures(doc, s))
        ]
    strong = [s for s in level1 if _cue(s.title, "section_cues_strong")]
    if strong:
        return [strong[-1]]  # "结论和对策" too: the countermeasures are there
    weak = [s for s in level1 if _cue(s.title, "section_cues") and not _cue(s.title, "not_prescriptive")]
    if weak:
        return [weak[-1]]
    if level1 and not _cue(level1[-1].title, "not_prescriptive") and len(level1) >= 2:
        return [level1[-1]]  # a commentary's closing part ("# 以…为…")
    return []


def _holds_measures(doc: Document, part: Section) -> bool:
    """A plan's part whose numbered items are measures (titles opening with an action verb: "（一）
    壮大…产业。", "1. 推动…"), whatever its own title says ("二、数字产业化")."""
    titles = [t.title for t in _children(doc, part.id)]
    for p in _paragraphs(doc, {part.id}):
        m = next((m for m in map(lambda rx: re.match(rx, p.text), _cfg()["paragraph_markers"]) if m), None)
        if m:
            titles.append(p.text[m.end():])
    return len(titles) >= 2 and sum(map(_starts_with_verb, titles)) * 2 > len(titles)


def countermeasure_section(doc: Document) -> Section | None:
    """The last prescriptive part (the countermeasures section of a paper)."""
    parts = prescriptive_parts(doc)
    return parts[-1] if parts else None


def _children(doc: Document, sid: str) -> list[Section]:
    return [s for s in doc.sections if s.parent == sid]


def _subtree(doc: Document, sid: str) -> set[str]:
    out = {sid}
    for c in _children(doc, sid):
        out |= _subtree(doc, c.id)
    return out


def _paragraphs(doc: Document, sids: set[str]) -> list[Paragraph]:
    return [p for p in doc.paragraphs if p.section in sids]


def lead_sentence(text: str) -> str | None:
    """A short sentence opening a paragraph with an action verb ("构建健康完善的产业生态。").

    >>> lead_sentence("构建健康完善的产业生态。创新是人工智能发展的动力。")
    '构建健康完善的产业生态'
    >>> lead_sentence("当前,我国人工智能发展进入新阶段。应当清醒看到差距。") is None
    True
    """
    spans = sentences(text)
    if len(spans) < 1:
        return None
    a, b = spans[0]
    first = text[a:b].strip()
    body = first.rstrip("。！？!?”’」』）)")
    if len(body) > _cfg()["lead_max_chars"] or not first.endswith("。"):
        return None
    if _starts_with_verb(body):
        return body
    # "以“人工智能+”培育壮大新兴产业": an instrument phrase, then the verb
    if re.match(rf"^以[^，,。]{{1,16}}?(?:{action_verb_alternation()})", body):
        return body
    return None


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _in_sequence(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (number, position) marks that count up from 1 in reading order."""
    seq = []
    expect = 1
    for n, pos in sorted(found, key=lambda x: x[1]):
        if n == expect:
            seq.append((n, pos))
            expect += 1
    return seq


def enumerated_spans(text: str) -> list[tuple[int, int, int]]:
    """(number, start, end) of 一是/二是… items in ``text``, in sequence from 一.

    >>> t = "具体地讲，一是建立体制。二是建设语料库。"
    >>> [(n, t[a:b]) for n, a, b in enumerated_spans(t)]
    [(1, '一是建立体制。'), (2, '二是建设语料库。')]
    >>> t = "从两个方面给予支持。在融资方面，鼓励设立基金。在场景方面，推动开放场景。"
    >>> [(n, t[a:b]) for n, a, b in enumerated_spans(t)]
    [(1, '在融资方面，鼓励设立基金。'), (2, '在场景方面，推动开放场景。')]
    >>> enumerated_spans("在上游环节，机器视觉已广泛应用。在下游环节，大模型已进入客服。")
    []
    """
    from policykb.extract.numerals import parse_chinese

    found = []
    for pat in _cfg()["inline_markers"]:
        for m in re.finditer(pat, text):
            raw = m.group("n")
            n = CIRCLED.index(raw) + 1 if raw in CIRCLED else int(raw) if raw.isdigit() else parse_chinese(raw)
            start = m.start("n")
            while start > 0 and text[start - 1] in "其第（(":
                start -= 1
            found.append((n, start))
        if found:
            break
    if not found:
        # 首先，…其次，…最后，…: ordinal words at sentence starts, in order
        words = _cfg()["ordinal_words"]
        rx = "|".join(map(re.escape, words))
        for m in re.finditer(rf"(?:^|(?<=[。；;：:]))\s*({rx})[，,]", text):
            w = m.group(1)
            n = len(found) + 1 if w == "最后" else words.index(w) + 1
            found.append((n, m.start(1)))
    if not found:
        # parallel openers inside one paragraph: "在融资方面，…。在场景方面，…"
        ms = list(re.finditer(_cfg()["parallel_inline"], text))
        parallel = [m.start(1) for m in ms]
        # only when each part prescribes ("应…", or an action verb right after the opener:
        # "在融资方面，鼓励…"): "在上游环节，…已广泛应用" describes
        ends = parallel[1:] + [len(text)]
        if all(_is_prescriptive(text[a:b]) or _starts_with_verb(text[m.end(1) : b].lstrip()) for m, a, b in zip(ms, parallel, ends)):
            found.extend((i + 1, a) for i, a in enumerate(parallel))
    seq = _in_sequence(found)
    if len(seq) < 2:
        return []
    out = []
    for i, (n, pos) in enumerate(seq):
        end = seq[i + 1][1] if i + 1 < len(seq) else len(text)
        out.append((n, pos, end))
    return out


def _title_of(span: str) -> str:
    t = re.sub(r"^\s*(?:(?:其)?[一二三四五六七八九十]是(?:要)?|[（(]\d{1,2}[)）]|(?:首先|其次|再次|第三|最后)[，,])", "", span).strip()
    t = re.sub(r"^第[一二三四五六七八九十]+[，,、：:]\s*", "", t)
    t = re.sub(r"^\d{1,2}\s*[.．、]\s*(?!\d)", "", t)  # "1．发放…" (a number, not "1.5倍")
    first = re.split(r"[。！？；;]", t, maxsplit=1)[0]
    if len(first) > 40:
        first = re.split(r"[，,]", first, maxsplit=1)[0]
    return first.strip()


class _Collector:
    def __init__(self):
        self.items: list[Recommendation] = []
        self.n = 0

    def add(self, *, title, text, quote, section, level, parent_key=None) -> str:
        self.n += 1
        key = f"k{self.n}"
        self.items.append(
            Recommendation(
                title=title or None,
                text=text.strip(),
                quote=quote.strip(),
                section=section,
                level=level,
                actors=actors_in((title or "") + text),
                key=key,
                parent_key=parent_key,
            )
        )
        return key


def _children_from_paragraph(col: _Collector, p: Paragraph, parent_key: str, level: int = 2) -> bool:
    spans = enumerated_spans(p.text)
    for _, a, b in spans:
        span = p.text[a:b].strip()
        col.add(title=_title_of(span), text=span, quote=span, section=p.section, level=level, parent_key=parent_key)
    return bool(spans)


def responsibility(text: str) -> list[str] | None:
    """The units a plan names after a measure ("（牵头单位：省发展改革委；责任单位：省经信厅、各市州人民政府）"),
    or None when the paragraph is not such a line.

    >>> responsibility("（牵头单位：省数据局；责任单位：省委网信办、省公安厅）")
    ['省数据局', '省委网信办', '省公安厅']
    """
    m = re.match(_cfg()["responsibility_line"], text.strip())
    if not m:
        return None
    body = re.sub(_cfg()["responsibility_label"], "", m.group(1))
    return [u.strip() for u in re.split(r"[、，,；;]|以及|及(?=[\u4e00-\u9fff]{2,}(?:部|委|局|厅|办|政府))", body) if u.strip()]


def _content(paras: list[Paragraph]) -> str:
    return "\n".join(p.text for p in paras if responsibility(p.text) is None)


def _runin(p: Paragraph, T: Section) -> bool:
    """``p`` opens with a run-in heading numbered like ``T``'s heading, after it: "（二）推进…。…"."""
    m = re.match(_cfg()["runin_heading"], p.text)
    return bool(m) and bool(re.match(r"^\s*[（(][一二三四五六七八九十]+[)）]", T.text or ""))


def _runin_items(col: _Collector, paras: list[Paragraph], T: Section, used: set) -> None:
    """Level-1 items from run-in headings (each with its paragraphs up to the next one)."""
    groups: list[list[Paragraph]] = []
    for p in paras:
        if _runin(p, T) or not groups:
            groups.append([p])
        else:
            groups[-1].append(p)
    for g in groups:
        head = g[0]
        m = re.match(_cfg()["runin_heading"], head.text)
        title = m.group("title").strip() if m else _title_of(head.text)
        text = _content(g)
        key = col.add(title=title, text=text, quote=head.text[: m.end()] if m else head.text, section=head.section, level=1)
        item = col.items[-1]
        rest = head.text[m.end():] if m else ""
        first = [Paragraph(head.section, rest, head.offs[m.end():] if m else head.offs, head.markers, head.line, None, head.kind)] if rest.strip() else []
        used.update(id(p) for p in g)
        _children_of(col, first + g[1:], key, item, used)


def _section_items(col: _Collector, doc: Document, T: Section, level: int, parent_key: str | None, used: set,
                   paras: list[Paragraph] | None = None) -> str:
    """One sub-section as an item (title, its whole text) and the items under it; returns its key."""
    paras = _paragraphs(doc, {T.id}) if paras is None else paras
    body = _content(paras)
    key = col.add(
        title=T.title, text=T.title + ("\n" + body if body else ""), quote=T.text or T.title,
        section=T.id, level=level, parent_key=parent_key,
    )
    item = col.items[-1]
    if level >= 2:
        for p in paras:
            item.actors = _merge(item.actors, responsibility(p.text) or [])
            used.add(id(p))
        return key
    grand = _children(doc, T.id)
    if grand:
        for U in grand:
            _section_items(col, doc, U, 2, key, used)
        for p in paras:
            item.actors = _merge(item.actors, responsibility(p.text) or [])
        return key
    _children_of(col, paras, key, item, used)
    return key


def _merge(a: list[str], b: list[str]) -> list[str]:
    return a + [x for x in b if x not in a]


def _children_of(col: _Collector, paras: list[Paragraph], parent_key: str, parent, used: set) -> None:
    """Level-2 items in the paragraphs of a level-1 item: 一是/二是 enumerations (also across
    paragraphs), numbered or titled lead paragraphs, parallel openers; a responsibility line goes
    to the item before it when every sub-item has its own, else to the parent."""
    opener = re.compile(_cfg()["parallel_openers"])
    parallel = [p for p in paras if opener.match(p.text)]
    resp_lines = [p for p in paras if responsibility(p.text) is not None]
    last_child = None
    for p in _join_enumeration(paras):
        units = responsibility(p.text)
        if units is not None:
            target = last_child if (last_child is not None and len(resp_lines) >= 2) else parent
            target.actors = _merge(target.actors, units)
            used.add(id(p))
            continue
        if _children_from_paragraph(col, p, parent_key):
            used.add(id(p))
            last_child = col.items[-1]
            continue
        lead = lead_sentence(p.text)
        if lead or p.number or (len(parallel) >= 2 and p in parallel):
            title = lead or (_title_of(p.text) if not (len(parallel) >= 2 and p in parallel) else opener.match(p.text).group(0).rstrip("，,"))
            col.add(title=title, text=p.text, quote=p.text, section=p.section, level=2, parent_key=parent_key)
            used.add(id(p))
            last_child = col.items[-1]


def _join_enumeration(paras: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs, with an enumeration broken over several ("一是…。" / "二是…。") read as one."""
    out: list[Paragraph] = []
    for p in paras:
        if out and _marker_number(p.text) and _marker_number(p.text) == _last_number(out[-1].text) + 1:
            prev = out[-1]
            out[-1] = Paragraph(prev.section, prev.text + p.text, prev.offs + p.offs, prev.markers, prev.line, prev.number, prev.kind)
            continue
        out.append(p)
    return out


def _marker_number(text: str) -> int:
    from policykb.extract.numerals import parse_chinese

    m = re.match(r"^\s*(?:其)?([一二三四五六七八九十])是", text)
    if m:
        return parse_chinese(m.group(1))
    m = re.match(rf"^\s*([{CIRCLED}])", text)  # ①…；/ ②…； on lines of their own
    return CIRCLED.index(m.group(1)) + 1 if m else 0


def _last_number(text: str) -> int:
    """The number of the last 一是/二是 item of a text: an introduction joined to its "一是…" paragraph
    ends with item 1, so a "二是…" paragraph goes on with it."""
    from policykb.extract.numerals import parse_chinese

    spans = enumerated_spans(text)
    if spans:
        return spans[-1][0]
    marks = [(parse_chinese(m.group("n")), m.start("n")) for m in re.finditer(_cfg()["inline_markers"][0], text)]
    return max(_marker_number(text), len(_in_sequence(marks)))


def _slogan_paragraphs(paras: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs that open with a short prescriptive sentence ("要坚持创新引领，夯实人工智能发展
    根基。", "必须统筹发展和安全，…。"): a commentary's measures, when it has three or more."""
    rx = re.compile(_cfg()["slogan_opener"])
    out = []
    for p in paras:
        first = sentences(p.text)[0] if sentences(p.text) else (0, len(p.text))
        head = p.text[first[0] : first[1]].strip()
        if rx.match(head) and len(head) <= _cfg()["slogan_max_chars"] and len(p.text) > len(head) + 20:
            out.append(p)
    return out if len(out) >= 3 else []


def _level1_from_paragraphs(col: _Collector, paras: list[Paragraph], used: set, require_prescriptive: bool) -> None:
    """Level-1 items in a part without sub-sections: numbered or titled paragraphs (with their
    一是 items as level 2), or, failing those, enumerations whose items prescribe."""
    markers = [re.compile(m) for m in _cfg()["paragraph_markers"]]
    ranks = _cfg()["paragraph_marker_rank"]

    def rank_of(p: Paragraph) -> int | None:
        hit = next((i for i, m in enumerate(markers) if m.match(p.text)), None)
        return ranks[hit] if hit is not None else None

    numbered_ranks = [r for r in (rank_of(p) for p in paras) if r is not None]
    top = min(numbered_ranks) if numbered_ranks else None
    last_key = None
    found = False
    if require_prescriptive:
        slogans = _slogan_paragraphs(paras)
        numbered_elsewhere = any(
            p.number is not None or any(m.match(p.text) for m in markers) for p in paras if p not in slogans
        )  # "其次，应善用…" is one of the slogans, not a numbered list
        if slogans and not numbered_elsewhere:
            for p in slogans:
                head = p.text[: sentences(p.text)[0][1]].strip()
                col.add(title=head.rstrip("。；;"), text=p.text, quote=head, section=p.section, level=1)
                used.add(id(p))
            return
    last = None
    for p in paras:
        units = responsibility(p.text)
        if units is not None and last is not None:
            last.actors = _merge(last.actors, units)
            used.add(id(p))
            continue
        numbered = p.number is not None or any(m.match(p.text) for m in markers)
        lead = lead_sentence(p.text)
        if not (numbered or lead):
            continue
        r = rank_of(p)
        sub = r is not None and top is not None and r > top and last_key is not None
        if require_prescriptive and not sub and not (_prescribes(lead) if lead else _is_prescriptive(p.text) or numbered and _prescribes(_unnumbered_head(p.text))):
            continue  # "发展新质生产力，人工智能是关键变量。": a lead that states, not prescribes
        found = True
        if sub:
            # "1. …" under "（二）…。": a lower style of numbering is a level-2 item of the one before
            col.add(title=_title_of(p.text), text=p.text, quote=p.text, section=p.section, level=2, parent_key=last_key)
            used.add(id(p))
            continue
        spans = enumerated_spans(p.text)
        head_end = spans[0][1] if spans else len(p.text)
        head = p.text[:head_end].strip()
        title = lead or _title_of(p.text)
        k1 = col.add(title=title, text=p.text, quote=head, section=p.section, level=1)
        last_key = k1
        last = col.items[-1]
        used.add(id(p))
        for _, a, b in spans:
            span = p.text[a:b].strip()
            col.add(title=_title_of(span), text=span, quote=span, section=p.section, level=2, parent_key=k1)
    if found:
        return
    # parallel paragraphs ("在算力方面，…" / "在数据方面，…"), two or more in a row, that prescribe
    opener = re.compile(_cfg()["parallel_openers"])
    label = re.compile(_cfg()["speaker_label"])
    run: list[Paragraph] = []
    for p in paras + [None]:
        if p is not None and opener.match(label.sub("", p.text, count=1)):
            run.append(p)
            continue
        if len(run) >= 2 and (not require_prescriptive or sum(_is_prescriptive(x.text) for x in run) * 2 >= len(run)):
            for x in run:
                t = label.sub("", x.text, count=1)
                quote = t[: sentences(t)[0][1]] if sentences(t) else t
                col.add(title=opener.match(t).group(0).rstrip("，,"), text=t, quote=quote, section=x.section, level=1)
                used.add(id(x))
        run = []
    _enumeration_items(col, paras, used, lambda intro, items: not require_prescriptive or (
        _is_prescriptive(intro) or re.search(_cfg()["enumeration_intro"], intro) or _mostly_prescribe(items)))


def _mostly_prescribe(items: list[str]) -> bool:
    return sum(_prescribes(x) for x in items) * 2 > len(items)


def _enumeration_items(col: _Collector, paras: list[Paragraph], used: set, accept) -> None:
    """Level-1 items from the 一是/二是 enumerations of ``paras`` (also across paragraphs) whose
    introduction and items ``accept(intro, items)`` takes."""
    for p in _join_enumeration(paras):
        spans = enumerated_spans(p.text)
        if not spans:
            continue
        intro = p.text[: spans[0][1]]
        items = [p.text[a:b].strip() for _, a, b in spans]
        if not accept(intro, items):
            continue
        for span in items:
            col.add(title=_title_of(span), text=span, quote=span, section=p.section, level=1)
        used.add(id(p))


def _announced_enumerations(col: _Collector, paras: list[Paragraph], used: set) -> None:
    """Level-1 items from 一是/二是 enumerations announced as measures (rules: enumeration_intro)
    whose items mostly open with an action verb."""
    _enumeration_items(col, paras, used, lambda intro, items: len(items) >= 2 and bool(
        re.search(_cfg()["enumeration_intro"], intro)) and _mostly_prescribe(items))


@lru_cache(maxsize=None)
def _any_marker() -> re.Pattern:
    """Any of the paragraph markers (rules: paragraph_markers), compiled once: a number to drop."""
    return re.compile("|".join(_cfg()["paragraph_markers"]))


def _unnumbered_head(text: str) -> str:
    """A numbered paragraph's first sentence without its number ("首先，加快公共数据开放。" ->
    "加快公共数据开放。")."""
    spans = sentences(text)
    head = text[: spans[0][1]] if spans else text
    return _any_marker().sub("", head, count=1)


def _announced_paragraph_lists(col: _Collector, paras: list[Paragraph], used: set) -> None:
    """Level-1 items (their lower-numbered points as level 2) from a section's numbered or ordinal
    paragraphs ("第一，降低用智成本…" / "首先，加快公共数据开放。…") that a paragraph before them
    announces as measures (rules: enumeration_intro) and that mostly prescribe: an interview's
    answer that lists a plan's measures, outside the document's prescriptive part."""
    markers = [re.compile(m) for m in _cfg()["paragraph_markers"]]
    by_section: dict[str, list[Paragraph]] = {}
    for p in paras:
        if id(p) not in used:
            by_section.setdefault(p.section, []).append(p)
    for group in by_section.values():
        first = next((i for i, p in enumerate(group) if any(m.match(p.text) for m in markers)), None)
        if not first:  # none, or no introduction before the first
            continue
        ranks = [next((r for m, r in zip(markers, _cfg()["paragraph_marker_rank"]) if m.match(p.text)), None) for p in group[first:]]
        top = min(r for r in ranks if r is not None)
        items = [p for p, r in zip(group[first:], ranks) if r == top]  # "第一，…" without its "1." points
        intro = group[first - 1].text
        heads = [_unnumbered_head(p.text) for p in items]
        if len(items) >= 2 and re.search(_cfg()["enumeration_intro"], intro) and _mostly_prescribe(heads):
            _level1_from_paragraphs(col, group[first:], used, require_prescriptive=True)


def _title_core(title: str) -> str:
    """An item's title without its number ("（二）夯实数据要素基础" -> "夯实数据要素基础")."""
    return _any_marker().sub("", title.strip(), count=1).rstrip("。；;")


def _advice_sentences(col: _Collector, paras: list[Paragraph], used: set, own_only: bool = False, known: list[str] = ()) -> None:
    """In a text without a prescriptive part (a news report), a speaker's advice ("陈立新建议，要把
    人工智能应用纳入企业技术改造支持范围，…") is one of its level-1 recommendations."""
    cfg = _cfg()
    # outside a document's prescriptive parts only the authors' own advice ("本中心建议…")
    rxs = [re.compile(cfg["own_advice"])] if own_only else [re.compile(cfg["advice_sentence"]), re.compile(cfg["own_advice"])]
    quoted = None if own_only else re.compile(cfg["quoted_advice"])
    for p in paras:
        if id(p) in used:
            continue
        spans = sentences(p.text)
        for k, (a, b) in enumerate(spans):
            sent = p.text[a:b].strip()
            m = next((m for m in (r.search(sent) for r in rxs) if m), None)
            if m and sum(1 for t in known if t and _title_core(t) in sent) >= 2:
                continue  # "报告建议，分类推进…，夯实…": a summary of the structured items, not one more
            if m and not enumerated_spans(sent):
                title = re.split(r"[，,；;。]", sent[m.end("lead") :].strip(), maxsplit=1)[0]
                # the advice goes on in the sentences that continue it ("同时，要…", "还应…")
                end = b
                for a2, b2 in spans[k + 1 :]:
                    nxt = p.text[a2:b2].strip()
                    if any(r.search(nxt) for r in rxs) or (quoted and quoted.match(nxt)) or not re.match(cfg["advice_continues"], nxt):
                        break
                    end = b2
                whole = p.text[a:end].strip()
                # "他建议，以…建设…；同时，高校和职业院校应加快…": a second piece of advice after 同时/此外
                pieces: list[str] = []
                for n, piece in enumerate(re.split(cfg["advice_also"], whole)):
                    if n and re.search(cfg["quoted_advice_cue"], piece):
                        pieces.append(piece)
                    elif pieces:
                        pieces[-1] += piece  # no advice of its own: it goes on with the one before
                    else:
                        pieces.append(piece)
                for n, piece in enumerate(pieces):
                    t = title if n == 0 else re.split(r"[，,；;。]", re.sub(r"^(?:同时|此外|另外)[，,]\s*", "", piece), maxsplit=1)[0]
                    col.add(title=t, text=piece, quote=piece, section=p.section, level=1)
                continue
            # "“应加快…。”" then "她说。" (the quotation and who said it) or "她还建议，…"
            q = quoted.match(sent) if quoted else None
            by = re.match(cfg["quoted_advice_by"], p.text[b:]) if q else None
            then = re.match(cfg["quoted_advice_then"], p.text[b:]) if q and not by else None
            if (by or then) and re.search(cfg["quoted_advice_cue"], q.group("inner")) and not re.search(cfg["quoted_advice_not"], q.group("inner")):
                title = re.split(r"[，,；;。]", q.group("inner").strip(), maxsplit=1)[0]
                whole = p.text[a : b + by.end()].strip() if by else sent
                col.add(title=title, text=whole, quote=whole, section=p.section, level=1)


def _prescribes(item: str) -> bool:
    """An enumerated item that prescribes: its title opens with an action verb or a cue."""
    bare = re.sub(_cfg()["parallel_inline"], "", item, count=1)
    return _starts_with_verb(_title_of(item)) or _starts_with_verb(bare) or _is_prescriptive(item)


def extract_recommendations(doc: Document) -> list[Recommendation]:
    col = _Collector()
    used: set[int] = set()
    parts = prescriptive_parts(doc)
    for S in parts:
        subs = [T for T in _children(doc, S.id) if not _cue(T.title, "not_prescriptive")]
        if subs:
            for T in subs:
                paras = _paragraphs(doc, {T.id})
                split = next((i for i, p in enumerate(paras) if _runin(p, T)), len(paras))
                _section_items(col, doc, T, 1, None, used, paras[:split])
                _runin_items(col, paras[split:], T, used)
        else:
            _level1_from_paragraphs(col, _paragraphs(doc, {S.id}), used, require_prescriptive=False)
    if not col.items:
        # no prescriptive part (commentary, interpretation, news): prescriptive enumerations
        body = [p for p in doc.paragraphs if p.kind != "abstract"]
        _level1_from_paragraphs(col, body, used, require_prescriptive=True)
        _advice_sentences(col, body, used)
    else:
        # outside the prescriptive parts, an enumeration that a paragraph announces as measures
        # ("…部署了五项重点任务。一是实施…二是推进…", "…应从四方面着手：一是…") and whose items prescribe
        inside_parts = set().union(*[_subtree(doc, S.id) for S in parts]) if parts else set()
        rest = [p for p in doc.paragraphs if p.kind != "abstract" and p.section not in inside_parts and id(p) not in used]
        _announced_enumerations(col, rest, used)
        _announced_paragraph_lists(col, rest, used)
        # a paper quotes others' advice in its review; an interview or a report gives experts' advice
        # as its own content
        paper = bool(doc.meta.abstract_zh or doc.references)
        _advice_sentences(col, rest, used, own_only=paper, known=[it.title for it in col.items if it.level == 1])
    structured = list(col.items)
    col.items = []
    # inline items: elsewhere in the body; inside the prescriptive parts only their own
    # introductory paragraphs (their sub-sections elaborate the structured items)
    inside = set().union(*[_subtree(doc, S.id) - {S.id} for S in parts]) if parts else set()
    for p in doc.paragraphs:
        if id(p) in used or p.section in inside:
            continue
        for a, b in sentences(p.text):
            sent = p.text[a:b].strip()
            if _is_prescriptive(sent) and not any(sent in r.quote or r.quote in sent for r in structured):
                col.add(title=None, text=sent, quote=sent, section=p.section, level="inline")
    return structured + col.items


@lru_cache(maxsize=None)
def _inline_cues() -> tuple[re.Pattern, ...]:
    return tuple(rules.regex(p) for p in _cfg()["inline_cues"])


def _is_prescriptive(sentence: str) -> bool:
    if len(sentence) < 10:
        return False
    if sentence.count("”") > sentence.count("“"):
        return False  # the end of a quotation that began in an earlier sentence
    for rx in _inline_cues():
        for m in rx.finditer(sentence):
            # a cue inside a quotation is someone else's words
            before = sentence[: m.start()]
            if before.count("“") > before.count("”"):
                continue
            return True
    return False
