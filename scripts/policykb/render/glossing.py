"""Hover tooltips: the first occurrence of each glossary term on a page becomes a link to its
glossary entry with the English name as tooltip (<abbr title>), because Material's own `abbr`
extension matches on word boundaries and never fires inside running Chinese text."""

from __future__ import annotations

import re

from policykb.render.markdown import attr


def translation_applies(e: dict, paper: str | None) -> bool:
    """Whether a glossary entry's English may be shown for ``paper`` (None: a page about no one
    paper): a curated entry, a translation printed by two or more papers, or one printed by that
    paper."""
    if e.get("origin") == "curated":
        return True
    sources = set()
    for t in e.get("translations") or []:
        sources.add(t.get("source"))
        sources.update(t.get("also") or [])
    return not sources or paper in sources or len(sources) >= 2


class Glossator:
    def __init__(self, glossary: list[dict], glossary_url: str, pages: dict[str, str] | None = None):
        """``pages``: {entry key: URL of its page} when the glossary is split (render.glossary_page)."""
        self.entries = {e["zh"]: e for e in glossary if e.get("en") or e.get("abbr")}
        self.pages = pages or {}
        terms = sorted(self.entries, key=len, reverse=True)
        self.rx = re.compile("|".join(map(re.escape, terms))) if terms else None
        self.url = glossary_url
        self.seen: set[str] = set()

    def new_page(self, url: str | None = None, paper: str | None = None) -> "Glossator":
        """A glossator for one page; on a paper's page (``paper``) a translation that only some
        other paper printed is not shown (知识 · idea in one paper is not the 知识 of another)."""
        g = Glossator.__new__(Glossator)
        g.entries, g.rx, g.url, g.seen = self.entries, self.rx, url or self.url, set()
        g.pages = self.pages if url is None else {}
        g.paper = paper
        return g

    def applies(self, e: dict) -> bool:
        paper = getattr(self, "paper", None)
        return paper is None or translation_applies(e, paper)

    def tip(self, e: dict) -> str:
        parts = [e["en"] or ""]
        if e.get("abbr"):
            parts.append(e["abbr"])
        return " · ".join(p for p in parts if p)

    def __call__(self, escaped: str) -> str:
        """Wrap the first not-yet-seen occurrence of each term in ``escaped`` (already escaped text)."""
        if self.rx is None:
            return escaped
        out, last = [], 0
        for m in self.rx.finditer(escaped):
            term = m.group(0)
            if term in self.seen:
                continue
            e = self.entries[term]
            if not self.applies(e):
                continue
            self.seen.add(term)
            out.append(escaped[last : m.start()])
            # a Markdown link (MkDocs rewrites and checks it) around an <abbr> tooltip
            out.append(f'[<abbr title="{attr(self.tip(e))}">{term}</abbr>]({self.pages.get(e["key"], self.url)}#{e["key"]})')
            last = m.end()
        out.append(escaped[last:])
        return "".join(out)
