"""Build the search index (corpus/search_index.json) from the paper records and the glossary."""

from __future__ import annotations

import json
import re
from pathlib import Path

from policykb.glossary.segmenter import GlossarySegmenter
from policykb.search.normalize import norm

INDEX_FILE = Path("corpus") / "search_index.json"
# the papers' paragraphs: searched after the items, for a query no item answers in full
PASSAGES_FILE = Path("corpus") / "search_passages.json"
KINDS = {"claims": "claim", "recommendations": "recommendation", "statistics": "statistic", "frameworks": "framework"}


def site_url(root: Path) -> str:
    """The site's base URL: ``site_url`` in mkdocs.yml, the one place it is set (read as text:
    the file holds Python tags safe_load refuses). Unset (absent, commented out or empty): "",
    and permalinks are page paths relative to the site's root (``papers/<paper>/#<id>``)."""
    path = root / "mkdocs.yml"
    if path.exists():
        m = re.search(r"^site_url:[ \t]*([^\s#]*)", path.read_text(encoding="utf-8"), re.M)
        if m and m.group(1).strip("'\""):
            return m.group(1).strip("'\"").rstrip("/") + "/"
    return ""


def paper_url(base: str, paper_id: str) -> str:
    """A paper's page: ``<base>papers/<paper>/`` (just the page path when ``base`` is "")."""
    return f"{base}papers/{paper_id}/"


def permalink(base: str, paper_id: str, item_id: str) -> str:
    """An item's permalink: its paper's page plus ``#<id>``.

    >>> permalink("", "p", "p.r1"), permalink("https://kb.test/x/", "p", "p.r1")
    ('papers/p/#p.r1', 'https://kb.test/x/papers/p/#p.r1')
    """
    return f"{paper_url(base, paper_id)}#{item_id}"


def display_text(kind: str, it: dict) -> str:
    if kind == "statistics":
        rng = f"–{it['range_to']}" if it.get("range_to") is not None else ""
        ind = it.get("indicator") or ""
        return f"{ind}：{it['value']}{rng}{it.get('unit') or ''}（{it['quote']}）"
    if kind == "frameworks":
        comps = "、".join(c["name"] for c in it["components"])
        return f"{it['name']}：{comps}" if comps else it["name"]
    if kind == "recommendations" and it.get("title") and it["title"] not in it["text"][: len(it["title"]) + 4]:
        return f"{it['title']}：{it['text']}"
    return it["text"]


def add_inner_words(items: list[dict]) -> None:
    """Give an item every index word of four or more characters inside one of its longer words
    (jieba's search mode splits 数据要素市场 into 数据, 要素, 市场 but never yields 数据要素), so the
    postings of a word find every item that says it, and a query needs no scan of the texts."""
    vocab = {t for it in items for t in it["tokens"] if len(t) >= 4}
    for it in items:
        extra = {
            w[i : i + n]
            for w in it["tokens"] if len(w) >= 5
            for n in range(4, len(w))
            for i in range(len(w) - n + 1)
            if w[i : i + n] in vocab
        }
        if extra - set(it["tokens"]):
            it["tokens"] = sorted(set(it["tokens"]) | extra)


def correction_mark(it: dict) -> str:
    """How a search result says that a human corrected or added the item (never passed off as
    extracted; the paper page shows the reason).

    >>> correction_mark({"curated": {"fields": ["indicator"], "reason": "r"}}), correction_mark({})
    ('（已校订 corrected: indicator）', '')
    >>> correction_mark({"curated": {"added": True, "reason": "r"}})
    '（人工补充 added by hand）'
    """
    cur = it.get("curated")
    if not isinstance(cur, dict):
        return ""
    if cur.get("added"):
        return "（人工补充 added by hand）"
    return f"（已校订 corrected: {', '.join(cur.get('fields') or [])}）" if cur.get("fields") else ""


def build_index(papers: list[dict], glossary: list[dict], base_url: str) -> dict:
    seg = GlossarySegmenter([e["zh"] for e in glossary])
    items = []
    for p in sorted(papers, key=lambda p: p["id"]):
        for kind, label in KINDS.items():
            for it in p[kind]:
                text = display_text(kind, it) + correction_mark(it)
                body = " ".join([text, it.get("quote", ""), it.get("title") or "", it.get("name") or ""])
                tokens = seg.search_tokens(body, norm)
                items.append(
                    {
                        "id": it["id"],
                        "kind": label,
                        "paper": p["id"],
                        "text": text,
                        "quote": it.get("quote", ""),
                        "section": it.get("section"),
                        "topics": it.get("topics", []),
                        "actors": it.get("actors", []),
                        "url": permalink(base_url, p["id"], it["id"]),
                        "tokens": tokens,
                    }
                )
    # in id order: a paper's items are one run, its claims, frameworks, recommendations and
    # statistics runs within it (c < f < r < s), and ties broken by id are broken by position
    items.sort(key=lambda it: it["id"])
    add_inner_words(items)
    gl = [
        {
            "zh": e["zh"],
            "names": sorted({norm(n) for n in [e["zh"], *(e["aliases"] or []), *(t["en"] for t in e["translations"]), e["abbr"] or ""] if n}),
        }
        for e in glossary
    ]
    return {"version": 1, "site_url": base_url, "items": items, "glossary": gl}


def build_passages(paragraphs: dict[str, list[tuple[str, str]]], glossary: list[dict], base_url: str) -> dict:
    """The passage index: one record per body paragraph of a paper (``paragraphs``: paper id ->
    [(section id, text)]), id ``<paper>.<section>.p<k>``, landing on the section's anchor; the
    same tokens, glossary and shape as the item index, so the same engine searches it."""
    seg = GlossarySegmenter([e["zh"] for e in glossary])
    items = []
    for pid in sorted(paragraphs):
        seen: dict[str, int] = {}
        for section, text in paragraphs[pid]:
            if not text.strip():
                continue
            seen[section] = seen.get(section, 0) + 1
            items.append({
                "id": f"{pid}.{section}.p{seen[section]}", "kind": "passage", "paper": pid, "text": text, "quote": "",
                "section": section, "topics": [], "actors": [], "url": f"{paper_url(base_url, pid)}#{section}",
                "tokens": seg.search_tokens(text, norm),
            })  # fmt: skip
    items.sort(key=lambda it: it["id"])
    add_inner_words(items)
    index = build_index([], glossary, base_url)
    index["items"] = items
    return index


def index_json(index: dict) -> str:
    """The JSON of an index as written (write_index) and stamped (store.write_sqlite)."""
    return json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_index(root: Path, index: dict, rel: Path = INDEX_FILE, text: str | None = None) -> Path:
    """Write ``index`` as JSON (``text``: its :func:`index_json`, if already made)."""
    path = root / rel
    text = index_json(index) if text is None else text
    from policykb.atomic import write_text

    write_text(path, text)
    return path
