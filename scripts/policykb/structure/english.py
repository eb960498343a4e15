"""The English block printed after (or before) a Chinese paper: title, authors, abstract, keywords."""

from __future__ import annotations

import re

from policykb import rules
from policykb.layout import Block
from policykb.structure.document import Meta
from policykb.structure.front import looks_like_english_authors, parse_english_authors, split_keywords

AFFILIATION_WORDS = re.compile(r"\b(University|School|Institute|Academy|College|Department|Center|Centre)\b")


def english_paragraphs(blocks: list[Block]) -> list[tuple[str, dict]]:
    """Join English lines into paragraphs (a blank line or a label starts a new one)."""
    cfg = rules.load("layout.yaml")
    labels = [rules.regex(cfg["english_abstract_label"]), rules.regex(cfg["english_keywords_label"])]
    paras: list[tuple[list[str], dict]] = []
    start_new = True
    for b in blocks:
        t = b.text
        byline = looks_like_english_authors(t) or (t.startswith("(") and AFFILIATION_WORDS.search(t))
        if start_new or any(lab.match(t) for lab in labels) or b.meta.get("venue_en") or byline:
            paras.append(([t], dict(b.meta)))
        else:
            paras[-1][0].append(t)
        start_new = bool(b.meta.get("para_end"))
    out = []
    for parts, meta in paras:
        text = ""
        for p in parts:
            if text and not text.endswith("-"):
                text += " "
            text += p
        out.append((text.strip(), meta))
    return out


def apply_english(meta: Meta, blocks: list[Block]) -> None:
    if not blocks:
        return
    cfg = rules.load("layout.yaml")
    abstract_rx = rules.regex(cfg["english_abstract_label"])
    keywords_rx = rules.regex(cfg["english_keywords_label"])
    title: list[str] = []
    abstract: list[str] = []
    state = "title"
    for text, bmeta in english_paragraphs(blocks):
        if bmeta.get("venue_en"):
            meta.venue_en = text
            meta.provenance["venue_en"] = "text"
            continue
        if keywords_rx.match(text):
            meta.keywords_en = split_keywords(keywords_rx.sub("", text, count=1))
            meta.provenance["keywords.en"] = "text"
            state = "done"
            continue
        if abstract_rx.match(text):
            abstract.append(abstract_rx.sub("", text, count=1).strip())
            state = "abstract"
            continue
        if state == "abstract":
            abstract.append(text)
            continue
        if state == "title":
            if looks_like_english_authors(text):
                names = parse_english_authors(text)
                for i, name in enumerate(names):
                    if i < len(meta.authors):
                        meta.authors[i].name_en = name
                    else:
                        from policykb.structure.document import Author

                        meta.authors.append(Author(name=name, name_en=name))
                meta.provenance.setdefault("authors", "text")
                state = "after-authors"
            else:
                title.append(text)
        elif state == "after-authors" and AFFILIATION_WORDS.search(text):
            continue
    if title:
        t = title[0]
        for extra in title[1:]:
            t += (" " if not extra.startswith(("—", "-")) else " ") + extra
        meta.title_en = re.sub(r"\s+", " ", t).strip()
        meta.provenance["title.en"] = "text"
    if abstract:
        meta.abstract_en = "\n\n".join(abstract)
        meta.provenance["abstract.en"] = "text"
