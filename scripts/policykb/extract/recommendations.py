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


def countermeasure_section(doc: Document) -> Section | None:
    level1 = [s for s in doc.sections if s.level == 1 and s.kind == "heading"]
    matches = [s for s in level1 if any(c in s.title for c in _cfg()["section_cues"])]
    if matches:
        return matches[-1]
    return level1[-1] if level1 else None


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
    verbs = _cfg()["action_verbs"]
    if any(body.startswith(v) for v in verbs):
        return body
    # "以“人工智能+”培育壮大新兴产业": an instrument phrase, then the verb
    alt = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    if re.match(rf"^以[^，,。]{{1,16}}?(?:{alt})", body):
        return body
    return None


def enumerated_spans(text: str) -> list[tuple[int, int, int]]:
    """(number, start, end) of 一是/二是… items in ``text``, in sequence from 一.

    >>> t = "具体地讲，一是建立体制。二是建设语料库。"
    >>> [(n, t[a:b]) for n, a, b in enumerated_spans(t)]
    [(1, '一是建立体制。'), (2, '二是建设语料库。')]
    """
    from policykb.extract.numerals import parse_chinese

    found = []
    for pat in _cfg()["inline_markers"]:
        for m in re.finditer(pat, text):
            raw = m.group("n")
            n = int(raw) if raw.isdigit() else parse_chinese(raw)
            start = m.start("n")
            while start > 0 and text[start - 1] in "其（(":
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
    found.sort(key=lambda x: x[1])
    seq = []
    expect = 1
    for n, pos in found:
        if n == expect:
            seq.append((n, pos))
            expect += 1
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


def _children_from_paragraph(col: _Collector, p: Paragraph, parent_key: str) -> bool:
    spans = enumerated_spans(p.text)
    for _, a, b in spans:
        span = p.text[a:b].strip()
        col.add(title=_title_of(span), text=span, quote=span, section=p.section, level=2, parent_key=parent_key)
    return bool(spans)


def extract_recommendations(doc: Document) -> list[Recommendation]:
    col = _Collector()
    used_paragraphs: set[int] = set()
    S = countermeasure_section(doc)
    if S is not None:
        subs = _children(doc, S.id)
        if subs:
            for T in subs:
                k1 = col.add(title=T.title, text=T.title, quote=T.text or T.title, section=T.id, level=1)
                grand = _children(doc, T.id)
                if grand:
                    for U in grand:
                        col.add(title=U.title, text=U.title, quote=U.text or U.title, section=U.id, level=2, parent_key=k1)
                    continue
                paras = _paragraphs(doc, {T.id})
                opener = re.compile(_cfg()["parallel_openers"])
                parallel = [p for p in paras if opener.match(p.text)]
                for p in paras:
                    if _children_from_paragraph(col, p, k1):
                        used_paragraphs.add(id(p))
                        continue
                    lead = lead_sentence(p.text)
                    if lead or p.number or (len(parallel) >= 2 and p in parallel):
                        title = lead or (_title_of(p.text) if not (len(parallel) >= 2 and p in parallel) else opener.match(p.text).group(0).rstrip("，,"))
                        col.add(title=title, text=p.text, quote=p.text, section=p.section, level=2, parent_key=k1)
                        used_paragraphs.add(id(p))
        else:
            markers = [re.compile(m) for m in _cfg()["paragraph_markers"]]
            for p in _paragraphs(doc, {S.id}):
                numbered = p.number is not None or any(m.match(p.text) for m in markers)
                lead = lead_sentence(p.text)
                if not (numbered or lead):
                    continue
                spans = enumerated_spans(p.text)
                head_end = spans[0][1] if spans else len(p.text)
                head = p.text[:head_end].strip()
                title = lead or _title_of(p.text)
                k1 = col.add(title=title, text=head, quote=head, section=p.section, level=1)
                used_paragraphs.add(id(p))
                for _, a, b in spans:
                    span = p.text[a:b].strip()
                    col.add(title=_title_of(span), text=span, quote=span, section=p.section, level=2, parent_key=k1)
    structured = list(col.items)
    col.items = []
    # inline items: elsewhere in the body; inside the countermeasures section only its own
    # introductory paragraphs (its sub-sections elaborate the structured items)
    inside = (_subtree(doc, S.id) - {S.id}) if S is not None else set()
    for p in doc.paragraphs:
        if id(p) in used_paragraphs or p.section in inside:
            continue
        for a, b in sentences(p.text):
            sent = p.text[a:b].strip()
            if _is_prescriptive(sent):
                col.add(title=None, text=sent, quote=sent, section=p.section, level="inline")
    return structured + col.items


def _is_prescriptive(sentence: str) -> bool:
    cfg = _cfg()
    if len(sentence) < 10:
        return False
    if sentence.count("”") > sentence.count("“"):
        return False  # the end of a quotation that began in an earlier sentence
    for pat in cfg["inline_cues"]:
        for m in re.finditer(pat, sentence):
            # a cue inside a quotation is someone else's words
            before = sentence[: m.start()]
            if before.count("“") > before.count("”"):
                continue
            return True
    return False
