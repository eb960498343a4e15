"""Claims: the paper's central assertions (theses and findings), one self-contained sentence each.

Every sentence of the abstract and body is scored with the cues in ``rules/claims.yaml``
(abstract, "本文发现/揭示", concluding openers such as 由此可见/综上所述/因此, the topic
sentence of a section or paragraph, minus examples, questions, quotations and roadmap
sentences); prescriptive sentences are recommendations, not claims.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykb import rules
from policykb.extract.recommendations import _is_prescriptive, lead_sentence, sentences
from policykb.model import Claim
from policykb.structure.document import Document


@lru_cache(maxsize=None)
def _cfg():
    return rules.load("claims.yaml")


def _strip_opener(sentence: str) -> str:
    """The claim as a self-contained sentence: without a leading connective."""
    sentence = re.sub(_cfg()["prefix"], "", sentence)
    m = re.match(_cfg()["conclusion_openers"]["pattern"] + r"[，,：:]?\s*", sentence)
    t = sentence[m.end():] if m and m.end() < len(sentence) - 8 else sentence
    t = t.strip()
    return t[:-1] + "。" if t.endswith(("；", ";")) else t  # a part of a longer sentence ends as one


def core_terms(doc: Document) -> list[str]:
    """The paper's core terms: keywords, title words (jieba) and the domain terms in the rules."""
    from policykb.segment import words

    c = _cfg()
    terms = list(doc.meta.keywords_zh)
    if doc.meta.title_zh:
        terms += [w for w in words(doc.meta.title_zh) if len(w) >= 2 and w not in c["title_stopwords"] and not re.search(r"[^\u4e00-\u9fffA-Za-z+]", w)]
    terms += c["domain_terms"]
    return list(dict.fromkeys(terms))


def _subject(sentence: str) -> str:
    """The first clause with leading adverbials removed (作为…，/ 可以说，/ 从…看，)."""
    t = re.sub(r"^(?:作为[^，,]{1,40}[，,]|[^，,]{0,8}(?:说|讲|看|而言|来看)[，,])", "", sentence)
    return re.split(r"[，,。；;]", t, maxsplit=1)[0]


def _imperative(sentence: str) -> bool:
    """The sentence opens with an action verb, or with an instrument phrase and then one
    ("建立…机制", "以制造业为主战场，推动…"): a measure, not an assertion."""
    from policykb.extract.recommendations import _starts_with_verb, action_verb_alternation

    sentence = re.sub(_cfg()["enumerator"], "", sentence)
    if re.search(r"[，,][^，,。]{0,12}(?:是|在于)", sentence):
        return False  # "发展新质生产力，人工智能是关键变量": a topic phrase, then the assertion
    if _starts_with_verb(sentence):
        return True
    return bool(re.match(rf"^以[^，,。]{{1,16}}?为[^，,。]{{1,12}}[，,](?:{action_verb_alternation()})", sentence))


def split_parts(sentence: str) -> list[tuple[int, int]]:
    """The spans of a sentence's claims: the whole sentence, or its semicolon-separated parts
    when it strings several findings together ("研究发现：A；机制检验表明，B") or is too long."""
    c = _cfg()
    bounds = [m.end() for m in re.finditer(r"[；;]", sentence)]
    if not bounds:
        return [(0, len(sentence))]
    starts = [0, *bounds]
    ends = [*bounds, len(sentence)]
    parts = list(zip(starts, ends))
    later = [sentence[a:b].strip() for a, b in parts[1:]]
    if len(sentence.strip()) <= c["max_chars"] and not any(re.search(c["split_cue"], t) for t in later):
        return [(0, len(sentence))]
    return parts


@lru_cache(maxsize=None)
def _penalties() -> tuple[tuple[re.Pattern, float], ...]:
    """The penalty rules (rules: claims penalties), compiled once."""
    return tuple((rules.regex(p["pattern"]), p["score"]) for p in _cfg()["penalties"])


def score_sentence(sentence: str, *, abstract: bool, section_topic: bool, paragraph_topic: bool, core: list[str] = ()) -> tuple[float, str | None]:
    c = _cfg()
    sentence = re.sub(c["prefix"], "", sentence)
    sentence = re.sub(c["numbering"], "", sentence)
    n = len(sentence)
    if n < c["min_chars"] or n > c["max_chars"]:
        return -9.0, None
    score, kind = 0.0, None
    if abstract:
        score += c["abstract_score"]
        kind = "abstract"
    if section_topic:
        score += c["section_topic_score"]
        kind = kind or "topic"
    elif paragraph_topic:
        score += c["paragraph_topic_score"]
        kind = kind or "topic"
    if re.search(c["finding_cues"]["pattern"], sentence):
        score += c["finding_cues"]["score"]
        kind = "finding"
    if re.search(c["conclusion_openers"]["pattern"], sentence):
        score += c["conclusion_openers"]["score"]
        kind = "conclusion" if kind != "finding" else kind
    if re.search(c["assertive"]["pattern"], sentence):
        score += c["assertive"]["score"]
    subj = _subject(sentence)[: c["core_subject"]["window"]]
    if any(t in subj for t in core):
        score += c["core_subject"]["score"]
    for rx, penalty in _penalties():
        if rx.search(sentence):
            score += penalty
    thesis = re.search(c["thesis"]["pattern"], sentence)
    if thesis:
        score += c["thesis"]["score"]
        kind = kind or "thesis"
    judged = re.search(c["judgement"]["pattern"], sentence)
    if judged:
        score += c["judgement"]["score"]
        kind = "thesis" if kind in (None, "topic") else kind
    if re.search(c["attributed"]["pattern"], sentence):
        score += c["attributed"]["score"]
    if _imperative(sentence):
        score += c["imperative_score"]
    if not (thesis or judged or kind == "finding") and (
        len(re.findall(c["quantity"], sentence)) >= 2 or re.match(c["target"], sentence)
    ):
        score += c["figures_score"]
    # a judgement of a problem may end in what it calls for ("…仍存在短板，亟需加快补齐")
    if not judged and (_is_prescriptive(sentence) or lead_sentence(sentence)):
        # what to do is a recommendation, not a claim (unless it states a thesis)
        score -= 1 if thesis or kind == "conclusion" else 3
    return score, kind


def extract_claims(doc: Document) -> list[Claim]:
    """The claims of a document; their ``terms`` are filled by their one owner,
    :func:`policykb.glossary.merge.claim_terms`, from the corpus glossary."""
    out: list[Claim] = []
    core = core_terms(doc)
    seen_first: set[str] = set()
    for p in doc.paragraphs:
        section_topic = p.section not in seen_first and p.kind != "abstract"
        seen_first.add(p.section)
        if p.number is not None and len(p.text) < 60:
            continue
        for i, (a, b) in enumerate(sentences(p.text)):
            whole = p.text[a:b]
            for j, (pa, pb) in enumerate(split_parts(whole)):
                sent = whole[pa:pb].strip()
                score, kind = score_sentence(
                    sent,
                    abstract=p.kind == "abstract",
                    section_topic=section_topic and i == 0 and j == 0,
                    paragraph_topic=i == 0 and j == 0,
                    core=core,
                )
                if score < _cfg()["threshold"]:
                    continue
                text = _strip_opener(sent)
                out.append(
                    Claim(
                        text=text,
                        quote=sent,
                        section=p.section,
                        kind=kind or "assertion",
                        score=round(score, 2),
                        line=p.line,
                    )
                )
    # at most max_per_10k claims per 10,000 characters: the highest-scoring (ties: earlier first)
    chars = sum(len("".join(x.text.split())) for x in [*doc.paragraphs, *doc.notes, *doc.references])
    keep_n = max(3, round(_cfg()["max_per_10k"] * chars / 10000))
    ranked = sorted(range(len(out)), key=lambda i: (-out[i]["score"], i))
    kept = sorted(ranked[:keep_n])
    out = [out[i] for i in kept]
    # the highest-scoring claims (ties: earlier first) are the paper's core claims
    for item in sorted(out, key=lambda x: -x["score"])[: _cfg()["core_count"]]:
        item["core"] = True
    return out
