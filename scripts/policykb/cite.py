"""Citations of papers and items: GB/T 7714-2015, APA 7, BibTeX and Markdown.

Fields the paper does not state are omitted, never invented. The document type follows what
the text shows: a newspaper date line -> [N] (newspaper); a journal name or a journal article
number -> [J]; otherwise [Z] (a document of unstated type). An item is cited as its paper
plus a locator: the item's kind and short id and its section path, e.g. "建议 r5.1 (六(五)1)".
"""

from __future__ import annotations

import re

KIND_LABEL = {"recommendations": ("建议", "Recommendation"), "claims": ("论点", "Claim"),
              "statistics": ("数据", "Statistic"), "frameworks": ("框架", "Framework")}
STYLES = ("gbt7714", "apa", "bibtex", "markdown")
_LETTER_KIND = {"r": "recommendations", "c": "claims", "s": "statistics", "f": "frameworks"}


def item_kind(item_id: str) -> str:
    m = re.search(r"\.([crsf])\d+(?:\.\d+)?$", item_id)
    return _LETTER_KIND[m.group(1)] if m else "claims"


def short_id(item_id: str) -> str:
    return item_id.split(".", 1)[1] if "." in item_id else item_id


def doc_type(paper: dict) -> str:
    m = paper["meta"]
    if m.get("date") and m.get("venue") and m["venue"].endswith("报"):
        return "N"
    if m.get("venue") or m.get("article_number"):
        return "J"
    return "Z"


def _is_latin(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z .'\-]+", name))


def gbt_name(name: str) -> str:
    """GB/T 7714: Latin names as SURNAME + initials ("YANG Zheng-yuan" -> "YANG Z Y").

    >>> gbt_name("YANG Zheng-yuan"), gbt_name("曹玉平")
    ('YANG Z Y', '曹玉平')
    """
    if not _is_latin(name):
        return name
    parts = name.split()
    surname, given = parts[0], parts[1:]
    initials = [p[0].upper() for g in given for p in re.split(r"-", g) if p]
    return " ".join([surname.upper(), *initials])


def apa_name(name: str) -> str:
    """APA 7: "Surname, I. I." for Latin names; Chinese names in full.

    >>> apa_name("YANG Zheng-yuan"), apa_name("董志勇")
    ('Yang, Z.-Y.', '董志勇')
    """
    if not _is_latin(name):
        return name
    parts = name.split()
    surname = parts[0].capitalize()
    given = " ".join("-".join(f"{p[0].upper()}." for p in g.split("-") if p) for g in parts[1:])
    return f"{surname}, {given}" if given else surname


def _authors(paper: dict) -> list[str]:
    return [a["name"] for a in paper["meta"]["authors"]]


def _title(paper: dict) -> str:
    t = paper["meta"]["title"]
    return t["zh"] or t["en"] or paper["id"]


def section_path(paper: dict, section_id: str) -> str:
    """Printed numbers of a section and its parents: s6.5.1 -> "六(五)1"."""
    by_id = {s["id"]: s for s in paper["sections"]}
    chain = []
    s = by_id.get(section_id)
    while s is not None:
        chain.append(s)
        s = by_id.get(s["parent"]) if s.get("parent") else None
    nums = []
    for s in reversed(chain):
        if s.get("number"):
            nums.append(s["number"].replace("（", "(").replace("）", ")"))
    if not nums:
        sec = by_id.get(section_id)
        return sec["title"] if sec else ""
    return "".join(nums)


def locator(paper: dict, item: dict, lang: str = "zh") -> str:
    zh, en = KIND_LABEL[item_kind(item["id"])]
    path = section_path(paper, item.get("section", ""))
    label = zh if lang == "zh" else en
    return f"{label} {short_id(item['id'])}" + (f" ({path})" if path else "")


def gbt7714(paper: dict, item: dict | None = None) -> str:
    m = paper["meta"]
    names = [gbt_name(n) for n in _authors(paper)]
    latin = names and all(_is_latin(n) for n in _authors(paper))
    if len(names) > 3:
        names = names[:3] + (["et al"] if latin else ["等"])
    head = f"{', '.join(names)}. " if names else ""
    typ = doc_type(paper)
    out = f"{head}{_title(paper)}[{typ}]."
    if typ == "N":
        out += f" {m['venue']}, {m['date']}."
    else:
        tail = ""
        if m.get("venue"):
            tail += f" {m['venue']},"
        if m.get("year"):
            tail += f" {m['year']}"
            if m.get("issue"):
                tail += f"({m['issue']})"
            if m.get("pages"):
                tail += f": {m['pages']}"
        tail = tail.rstrip(",")
        if tail:
            out += tail + "."
    if item is not None:
        out += f" {locator(paper, item)}."
    return out


def apa(paper: dict, item: dict | None = None) -> str:
    m = paper["meta"]
    names = [apa_name(n) for n in _authors(paper)]
    if len(names) > 20:
        names = names[:19] + ["…", names[-1]]
    if len(names) >= 2:
        who = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        who = names[0] if names else ""
    if m.get("date") and doc_type(paper) == "N":
        y, mo, d = m["date"].split("-")
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        when = f"({y}, {months[int(mo) - 1]} {int(d)})"
    elif m.get("year"):
        when = f"({m['year']})"
    else:
        when = "(n.d.)"
    title = _title(paper)
    if who:
        out = f"{who}{'' if who.endswith('.') else '.'} {when}. {title}."
    else:
        out = f"{title}. {when}."
    src = m.get("venue") or ""
    if src:
        out += f" {src}"
        if m.get("issue"):
            out += f", ({m['issue']})"
        if m.get("pages"):
            out += f", {m['pages'].replace('-', '–')}"
        out += "."
    if item is not None:
        out += f" {locator(paper, item, 'en')}."
    return out


def _bib_escape(text: str) -> str:
    return re.sub(r"([%&$#_{}])", r"\\\1", text)


def bibtex(paper: dict, item: dict | None = None, url: str | None = None) -> str:
    m = paper["meta"]
    typ = doc_type(paper)
    entry = "article" if typ in ("J", "N") else "misc"
    key = paper["id"] if item is None else f"{paper['id']}-{short_id(item['id'])}"
    fields = []
    if _authors(paper):
        fields.append(("author", " and ".join(_authors(paper))))
    fields.append(("title", _title(paper)))
    if m["title"]["zh"] and m["title"]["en"]:
        fields.append(("titleaddon", m["title"]["en"]))
    if m.get("venue"):
        fields.append(("journal", m["venue"]))
    if m.get("year"):
        fields.append(("year", str(m["year"])))
    if m.get("date"):
        fields.append(("date", m["date"]))
    if m.get("issue"):
        fields.append(("number", m["issue"]))
    if m.get("pages"):
        fields.append(("pages", m["pages"].replace("-", "--")))
    if item is not None:
        fields.append(("note", locator(paper, item)))
    if url:
        fields.append(("url", url))
    body = ",\n".join(f"  {k} = {{{_bib_escape(v) if k != 'url' else v}}}" for k, v in fields)
    return f"@{entry}{{{key},\n{body}\n}}"


def markdown(paper: dict, item: dict | None, url: str | None) -> str:
    cite = gbt7714(paper, item)
    link = f" [{url}]({url})" if url else ""
    if item is None:
        return cite + link
    quote = item.get("quote", "")
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
