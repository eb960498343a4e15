"""Bilingual term pairs and definitions found in a paper's own text.

- 通用目的技术（GPT, General Purpose Technology）, 具身智能（Embodied Intelligence）, half- or
  full-width brackets, abbreviation and English in either order;
- English first: Deep Learning（深度学习）, AIGC（人工智能生成内容）;
- aligned Chinese/English keyword lists;
- the left boundary of the Chinese term is found with jieba: the longest word-suffix before the
  bracket that stops at a boundary word (rules/terms.yaml) and recurs elsewhere in the paper
  (a term is used again), so the term is 通用目的技术, not 一代数字通用目的技术;
- definitions: notes and sentences "X（…）是指/指/即 …" for terms the paper glosses or uses.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykb import rules
from policykb.extract.recommendations import sentences
from policykb.inline import is_han
from policykb.model import Definition, Term
from policykb.segment import words
from policykb.structure.document import Document


@lru_cache(maxsize=None)
def _cfg():
    return rules.load("terms.yaml")


BRACKET = re.compile(r"[（(]([^（）()]{1,80})[）)]")


def parse_gloss(content: str) -> tuple[str | None, str | None] | None:
    """(english, abbreviation) from a bracket's content, or None when it is not a gloss.

    >>> parse_gloss("GPT, General Purpose Technology")
    ('General Purpose Technology', 'GPT')
    >>> parse_gloss("Effective Accelerationism, e/acc")
    ('Effective Accelerationism', 'e/acc')
    >>> parse_gloss("Jones，1995&1999") is None
    True
    """
    c = content.strip()
    cfg = _cfg()
    if any(re.search(p, c) for p in cfg["not_gloss"]) or any(is_han(ch) for ch in c):
        return None
    if re.search(r"\b(?:et al|pp|vol|no)\b\.?|\d{4}", c, re.IGNORECASE):
        return None  # a citation (Smith et al., 2020), not a name
    if not re.search(r"[A-Za-z]{2,}|[A-Z]&[A-Z]", c):
        return None
    en, abbr = None, None
    for part in [p.strip() for p in re.split(r"[，,;；]", c) if p.strip()]:
        if (re.match(cfg["abbreviation"], part) and " " not in part) or re.fullmatch(cfg["spaced_abbreviation"], part):
            abbr = abbr or part  # "GPT", or capitals with a space ("AI RMF")
        elif re.fullmatch(r"[A-Za-z][A-Za-z'’\- ]{1,80}", part):
            en = en or part
        else:
            return None
    if en is None and abbr is None:
        return None
    return en, abbr


def split_alt(content: str) -> tuple[str | None, str]:
    """A second Chinese name before the English in one bracket: "计算能力，computing power" ->
    ("计算能力", "computing power"); "又称…；English" too.

    >>> split_alt("计算能力，computing power")
    ('计算能力', 'computing power')
    >>> split_alt("GPT, General Purpose Technology")
    (None, 'GPT, General Purpose Technology')
    """
    m = re.fullmatch(r"\s*(?:又称|亦称|也称|或称|简称)?\s*([\u4e00-\u9fff]{2,12})\s*[，,；;、]\s*([A-Za-z].*)", content)
    if m:
        return m.group(1), m.group(2)
    return None, content


def _english_words(english: str | None) -> int:
    """Words of an English name, hyphenated parts counted ("Pre-trained" is two)."""
    return len(re.findall(r"[A-Za-z]+", english)) if english else 99


def _left_run(text: str, end: int) -> str:
    """The Chinese characters right before ``end`` (a term's candidates end there)."""
    i = end
    while i > 0 and (is_han(text[i - 1]) or text[i - 1] in "·"):
        i -= 1
    return text[i:end]


def _pos(word: str) -> str:
    """jieba's part of speech of a single word ("" when it splits further)."""
    import jieba.posseg as pseg

    tags = [p.flag for p in pseg.lcut(word)]
    return tags[0] if len(tags) == 1 else ""


def _occurrences(text: str, term: str):
    """Where ``term`` occurs in ``text``, not overlapping, left to right (what
    ``re.finditer(re.escape(term), text)`` finds, without compiling a pattern per term)."""
    if not term:
        yield from (m.start() for m in re.finditer("", text))
        return
    i = text.find(term)
    while i >= 0:
        yield i
        i = text.find(term, i + len(term))


def _standalone(text: str, term: str) -> int:
    """How often ``term`` stands on its own in ``text``: after a non-Chinese character, a function
    word (rules: standalone_after) or a verb, adverb, preposition or conjunction ("替代常规任务",
    "工资的变异系数"); after anything else it is part of a longer name ("任务偏向型技术进步" and
    "技能偏向型技术进步" do not count for 偏向型技术进步).

    >>> _standalone("技能偏向型技术进步与任务偏向型技术进步", "偏向型技术进步")
    0
    >>> _standalone("要推动常规任务自动化，常规任务岗位减少", "常规任务")
    2
    """
    n = 0
    for i in _occurrences(text, term):
        if i == 0 or not is_han(text[i - 1]):
            n += 1
            continue
        before = words(text[max(0, i - 6) : i])
        if text[i - 1] in _cfg()["standalone_after"] or (before and _pos(before[-1])[:1] in ("v", "d", "p", "c", "u")):
            n += 1
    return n


def _glossed(word: str, english: str, known: dict) -> bool:
    """Does the English name name the known term ``word`` too ("Artificial Intelligence Generated
    Content" names 人工智能; "regulatory sandbox" does not name the 人工智能 of 人工智能监管沙盒)?"""
    e = f" {english.lower()} "
    return any(f" {n} " in e for n in known.get(word, ()))


@lru_cache(maxsize=None)
def _single_boundaries() -> frozenset[str]:
    """The one-character boundary words (prepositions and conjunctions)."""
    return frozenset(w for w in _cfg()["boundary_words"] if len(w) == 1)


def choose_term(run: str, english: str | None, corpus_text: str, known: dict | None = None, abbr: str | None = None) -> str | None:
    """The term at the end of ``run`` (the Chinese text before a gloss).

    Candidates are the jieba-word suffixes of ``run`` up to a boundary word. A candidate that
    is a known glossary term wins (longest first); otherwise the longest candidate, unless a
    shorter one (four characters or more) stands on its own elsewhere in the paper more often
    than the longer one: then the extra words are a modifier ("数字通用目的技术" -> "通用目的技术").
    """
    cfg = _cfg()
    known = known or {}
    if not run:
        return None
    ws = list(words(run))
    if ws and len(ws[-1]) >= 3 and ws[-1][0] in _single_boundaries():
        ws[-1:] = [ws[-1][0], ws[-1][1:]]  # jieba glued a preposition to the term ("推理" + "对算力")
    allow_de = bool(english) and any(f" {w} " in f" {english.lower()} " for w in cfg["of_words"])
    allow_and = bool(english) and " and " in f" {english.lower()} "  # 商业趋势与展望调查 (… Trends and Outlook …)
    allow_in = bool(english) and re.search(r"(?:^|[\s-])in(?:$|[\s-])", english.lower()) is not None  # 人在回路 (human-in-the-loop)
    candidates: list[tuple[str, str]] = []  # (candidate, its first word)
    cur = ""
    for k, w in enumerate(reversed(ws)):
        # the word touching the bracket is always part of the term (碳中和 may split as 碳/中/和)
        if k and ((w in cfg["boundary_words"] and not (allow_and and w in ("与", "和", "及")) and not (allow_in and w == "在"))
                  or (w == "的" and not allow_de)):
            break
        cur = w + cur
        if len(cur) > cfg["max_term_chars"]:
            break
        if not cur.startswith("的"):
            candidates.append((cur, w))
    cleaned = []
    for cand, first in candidates:
        if len(cand) > 3 and cand[0] in cfg["boundary_words"]:
            if cand[1:] in (c for c, _ in candidates):
                continue  # "据中国互联网络信息中心": the term is the rest
            cand = cand[1:]  # jieba glued a boundary word to the term ("以极" + "紫外")
        if len(cand) >= 2:
            cleaned.append((cand, first))
    if not cleaned:
        return None
    longest, first_word = max(cleaned, key=lambda cf: len(cf[0]))
    if not english and abbr:
        # an abbreviation alone: each capital stands for a word of about two characters
        # (电能利用效率（PUE）, 资讯通信媒体发展局（IMDA）); the closest length wins, ties the longer
        caps = sum(ch.isupper() or ch.isdigit() for ch in abbr)
        if caps >= 2 and longest in (run, run[1:]) and len(longest) < 3 * caps:
            return longest  # the whole phrase since a punctuation mark ("、国际机器人联合会（IFR）")
        if caps >= 2:
            per = cfg["chars_per_capital"]
            return min((c for c, _ in cleaned), key=lambda c: (abs(len(c) - per * caps), -len(c)))
    # a known term whose English is this gloss: the words before it are a modifier
    # ("数字通用目的技术（General Purpose Technology）" -> 通用目的技术), unlike 通用人工智能
    known_hits = [c for c, _ in cleaned if c in known and english and english.lower() in known[c]]
    if known_hits:
        return max(known_hits, key=len)
    if first_word in known and (not english or _glossed(first_word, english, known)):
        return longest  # "人工智能内容生成": a known term heads a compound term (and its English names it)
    n_en = _english_words(english)  # no English name: nothing to compare with
    # the words that name something ("Value at Risk", "human-in-the-loop": two each)
    n_content = len([w for w in re.findall(r"[A-Za-z]+", english) if w.lower() not in cfg["english_function_words"]]) if english else 99
    ws_long = words(longest)
    # cut after the rightmost verb that leaves at least as many words as the English name
    # ("外部自动调用混合专家模型（Mixed Expert Models）" -> 混合专家模型)
    def cut(tags: tuple) -> None:
        nonlocal ws_long
        for i in range(len(ws_long) - 2, -1, -1):
            rest = ws_long[i + 1 :]
            named = [w for w in rest if w not in cfg["chinese_function_words"]]  # as the English's content words
            # (a one-character verb, 到 in "仿真到现实迁移（Sim-to-Real）", is a link inside the term)
            w = ws_long[i]
            if _pos(w) in tags and (len(w) >= 2 or tags == ("p",) or w in cfg["boundary_words"]) and len(named) >= n_content and len("".join(rest)) >= 4:
                ws_long = rest
                return

    cut(("v", "vn"))
    if corpus_text.count("".join(ws_long)) < 2:
        cut(("p",))  # "基于机器学习（Machine Learning）" -> 机器学习, unless used again whole
    # a known term the English does not name is a modifier ("人工智能监管沙盒（regulatory sandbox）")
    head = next((k for k in known if english and "".join(ws_long).startswith(k) and len("".join(ws_long)) - len(k) >= 4
                 and not _glossed(k, english, known)), None)
    if head:
        ws_long = words("".join(ws_long)[len(head) :].removeprefix("的"))  # "人工智能的软件物料清单"
    if "".join(ws_long) != longest:
        longest = "".join(ws_long)
        cleaned = [(c, f) for c, f in cleaned if len(c) <= len(longest)]
    if corpus_text.count(longest) >= 2:
        return longest  # used again as a whole: it is the term
    shorter = [
        c for c, _ in cleaned
        if 4 <= len(c) < len(longest) and _standalone(corpus_text, c) > corpus_text.count(longest)
        and not (english and c in known and english.lower() not in known[c])  # 人工智能 is not AGI
    ]
    if shorter:
        return max(shorter, key=len)
    limit = max(cfg["fallback_max_chars"], 2 * n_en + 1) if english else cfg["fallback_max_chars"]
    if not english and abbr:  # each letter of an abbreviation stands for a word of one to three characters
        limit = max(limit, 3 * sum(ch.isupper() for ch in abbr))
    if len(longest) > limit:  # a four-word English name may stand for a nine-character term
        fits = [c for c, _ in cleaned if len(c) <= limit]
        return max(fits, key=len) if fits else longest
    return longest


def _term(zh, en, abbr, quote, source) -> Term:
    return Term(zh=zh, en=en, abbr=abbr, quote=quote, source=source)


def extract_terms(doc: Document, known: dict | None = None) -> list[Term]:
    """``known``: curated terms -> the lower-cased English names they are known by."""
    texts = [(p.text, "text") for p in doc.paragraphs] + [(n.text, "note") for n in doc.notes]
    corpus_text = "\n".join(t for t, _ in texts)
    out: list = []
    for text, where in texts:
        for m in BRACKET.finditer(text):
            content = m.group(1)
            alt, rest = split_alt(content)
            gloss = parse_gloss(rest)
            run = _left_run(text, m.start())
            titled = re.search(r"[《「“]([\u4e00-\u9fff·]{2,20})[》」”]\s*$", text[: m.start()])
            if gloss and titled:
                # a named document or programme: 《通用数据保障条例》（General Data Protection Regulation，GDPR）
                en, abbr = gloss
                t = _term(titled.group(1), en, abbr, text[titled.start() : m.end()], where)
                t.alt_zh = alt
                out.append(t)
                continue
            if gloss and (run or not alt):  # Chinese first: 通用目的技术（GPT, General Purpose Technology）
                en, abbr = gloss
                if "·" in run:
                    continue  # a person's name (凯茜·伍德（Cathie Wood）)
                zh = choose_term(run, en, corpus_text, known, abbr)
                mixed = re.search(r"[\u4e00-\u9fff]([A-Z][A-Za-z0-9]{0,4})$", text[: m.start()]) if not run else None
                if mixed and en and re.search(rf"\b{re.escape(mixed.group(1))}\b", en, re.IGNORECASE):
                    # a Chinese name ending in the Latin word its English has: 主权AI（Sovereign AI）
                    # its Chinese words, one for each other word of the English ("Sovereign" -> 主权)
                    rest = re.sub(rf"\b{re.escape(mixed.group(1))}\b", "", en, flags=re.IGNORECASE)
                    ws = words(_left_run(text, m.start() - len(mixed.group(1))))
                    han = "".join(ws[-max(1, len(re.findall(r"[A-Za-z]+", rest))) :])
                    zh = han + mixed.group(1) if len(han) >= 2 else None
                if zh:
                    t = _term(zh, en, abbr, text[m.start() - len(zh) : m.end()], where)
                    t.alt_zh = alt
                    out.append(t)
                continue
            ea = re.fullmatch(r"([A-Za-z][A-Za-z'’\- ]{3,100}?)\s*[，,；;]\s*([\u4e00-\u9fff]{2,20})", content)
            lab = re.search(r"([A-Z][A-Za-z0-9]{1,9})\s*$", text[: m.start()])
            if ea and lab and re.match(_cfg()["abbreviation"], lab.group(1)) and " " in ea.group(1).strip():
                # CPTPP（Comprehensive and Progressive Agreement for Trans-Pacific Partnership，全面与进步跨太平洋伙伴关系协定）
                out.append(_term(ea.group(2), ea.group(1).strip(), lab.group(1), text[lab.start(1) : m.end()], where))
                continue
            ab = re.fullmatch(r"([\u4e00-\u9fff0-9.]{2,12})\s*[，,；;]\s*([A-Za-z][A-Za-z0-9/\-]{1,9})", content)
            if ab and re.match(_cfg()["abbreviation"], ab.group(2)):
                # English first with an abbreviation: Large Language Model（大语言模型，LLM）
                lm = re.search(r"([A-Za-z][A-Za-z0-9/\- ]{1,60})\s*$", text[: m.start()])
                if lm and not re.match(_cfg()["abbreviation"], lm.group(1).strip()) and " " in lm.group(1).strip():
                    out.append(_term(ab.group(1), lm.group(1).strip(), ab.group(2), text[lm.start(1) : m.end()], where))
                    continue
            if sum(map(is_han, content)) >= 2 and re.fullmatch(r"[\u4e00-\u9fff0-9.]{2,12}", content):
                # English first: Deep Learning（深度学习）, AIGC（人工智能生成内容）
                lm = re.search(r"([A-Za-z][A-Za-z0-9/\- ]{1,40})\s*$", text[: m.start()])
                if not lm:
                    continue
                latin = lm.group(1).strip()
                if re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]+", latin):
                    continue  # a CamelCase product or company name (DeepSeek)
                if re.match(_cfg()["abbreviation"], latin):
                    en, abbr = None, latin
                else:
                    en, abbr = latin, None
                out.append(_term(content, en, abbr, text[lm.start(1) : m.end()], where))
    # aligned keyword lists
    zh_kw, en_kw = doc.meta.keywords_zh, doc.meta.keywords_en
    if zh_kw and len(zh_kw) == len(en_kw):
        for zh, en in zip(zh_kw, en_kw):
            out.append(_term(zh, en, None, zh, "keywords"))
    return _dedupe(out)


def _dedupe(items: list[Term]) -> list[Term]:
    seen: dict[str, dict] = {}
    out = []
    for it in items:
        key = it["zh"]
        if key in seen:
            prev = seen[key]
            prev["en"] = prev["en"] or it["en"]
            prev["abbr"] = prev["abbr"] or it["abbr"]
            continue
        seen[key] = it
        out.append(it)
    return out


def _first_search(patterns: list[re.Pattern], text: str) -> re.Match | None:
    """The match of the first pattern that matches ``text`` (each searched once)."""
    for rx in patterns:
        m = rx.search(text)
        if m:
            return m
    return None


def extract_definitions(doc: Document, terms: set[str], abbreviations: dict[str, str] | None = None) -> list[Definition]:
    """Sentences (and notes) that define a term: "X（…）是指/指/即 …", "把…称为X", "将X定义为…".

    ``abbreviations`` maps an abbreviation to its term (a note "GPT指…" defines 通用目的技术).
    """
    pats = _cfg()["definition_patterns"]
    abbreviations = abbreviations or {}
    names = sorted(set(terms) | set(abbreviations), key=len, reverse=True)
    known_alt = "|".join(map(re.escape, names)) if names else r"(?!x)x"
    rx_known = [re.compile(p.replace("{T}", f"(?P<term>{known_alt})")) for p in pats]
    rx_note = re.compile(pats[0].replace("{T}", f"(?P<term>{_cfg()['note_term']})"))
    rx_unknown = [re.compile(p) for p in _cfg()["unknown_term_patterns"]]
    out: list = []
    seen: set[str] = set()
    sources = [(n.text, f"注{n.label}", True) for n in doc.notes] + [(p.text, p.section, False) for p in doc.paragraphs]
    for text, where, is_note in sources:
        for a, b in sentences(text):
            sent = text[a:b].strip()
            clauses = [sent] + [c for c in re.split(r"(?<=[；;])|(?<=[,，])(?=而|则)", sent)[1:] if c]
            for clause in clauses:
                clause = re.sub(r"^(?:而|则)", "", clause.strip())
                m = _first_search(rx_known, clause)
                if m is None and is_note:
                    m = rx_note.search(clause)
                if m is None:
                    m = _first_search(rx_unknown, clause)
                if m is None:
                    continue
                term = abbreviations.get(m.group("term"), m.group("term"))
                if term in seen or len(sent) < len(term) + 8:
                    continue
                seen.add(term)  # one sentence may define several terms ("GPT指…；IMI指…")
                out.append(Definition(term=term, text=sent, quote=sent, where=where))
    return out
