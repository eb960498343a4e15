"""The page of one paper: bilingual title, authors, venue/year, abstract, keywords, outline."""

from __future__ import annotations

import html
import json

from policykb.cite import sections_by_id
from policykb.render.markdown import GENERATED, NOT_STATED, esc, html_text, or_not_stated
from policykb.render.textfit import truncate


def paper_title(paper: dict) -> str:
    t = paper["meta"]["title"]
    return t["zh"] or t["en"] or paper["id"]


def authors_line(paper: dict) -> str:
    authors = paper["meta"]["authors"]
    if not authors:
        return NOT_STATED
    parts = []
    for a in authors:
        s = esc(a["name"])
        if a.get("name_en") and a["name_en"] != a["name"]:
            s += f" ({esc(a['name_en'])})"
        if a.get("affiliation"):
            s += f"，{esc(a['affiliation'])}"
        parts.append(s)
    return "；".join(parts)


def venue_line(paper: dict) -> str:
    m = paper["meta"]
    venue = m.get("venue")
    venue_en = m.get("venue_en")
    if venue and venue_en:
        text = f"《{esc(venue)}》 ({esc(venue_en)})"
    elif venue:
        text = f"《{esc(venue)}》"
    elif venue_en:
        text = esc(venue_en)
    else:
        return NOT_STATED
    return text


def provenance_note(paper: dict, field: str) -> str:
    prov = paper["meta"]["provenance"].get(field)
    labels = {"text": "", "curated": " <small>(据整理 / curated)</small>",
              "public listing": " <small>(据公开著录 / public listing)</small>", "inferred": " <small>(推断 / inferred)</small>"}
    return labels.get(prov, "")


def missing_line(paper: dict) -> str:
    """What a full reference of the paper lacks: flagged, never guessed (add it to
    corpus/meta/<paper>.yaml when a reliable source states it)."""
    from policykb.cite import missing_fields

    missing = missing_fields(paper)
    if not missing:
        return "无 none"
    return "⚠ " + "、".join(missing) + f" <small>(补充于 add to `corpus/meta/{esc(paper['id'])}.yaml`)</small>"


def render_paper(paper: dict, gloss=lambda s: s, base_url: str = "/", terms_by_item: dict | None = None,
                 related: dict | None = None) -> str:
    """``gloss`` marks the first use of each glossary term (see render.glossing)."""
    m = paper["meta"]
    pid = paper["id"]
    # The page title as front matter: Material prints ``page.meta.title`` in <title> as is,
    # whereas the nav title goes through ``striptags``, which undoes escaping.
    front = json.dumps(html_text(paper_title(paper)), ensure_ascii=False)
    lines = ["---", f"title: {front}", "---", GENERATED.format(source=f"corpus/papers/{pid}.yaml"), ""]
    lines.append(f"# {esc(paper_title(paper))}")
    lines.append("")
    if m["title"]["zh"] and m["title"]["en"]:
        lines += [f"*{esc(m['title']['en'])}*", ""]
    year = m.get("year")
    issue = m.get("issue")
    pages = m.get("pages")
    pub = or_not_stated(year)
    if year and issue:
        pub += f"，第 {esc(issue)} 期"
    if pages:
        pub += f"，第 {esc(pages)} 页"
    if m.get("date"):
        pub += f"（{esc(m['date'])}）"
    rows = [
        ("标题 Title", esc(m["title"]["zh"]) + provenance_note(paper, "title.zh")),
        ("英文标题 English title", esc(m["title"]["en"]) + provenance_note(paper, "title.en")),
        ("作者 Authors", authors_line(paper) + provenance_note(paper, "authors")),
        ("刊物 Venue", venue_line(paper) + provenance_note(paper, "venue")),
        ("年份 Year", pub + provenance_note(paper, "year")),
        ("引用缺项 Missing for citation", missing_line(paper)),
        ("编号 ID", f"`{pid}`"),
        ("原文 Source", f"`{esc(paper['source']['file'])}` · sha256 `{paper['source']['sha256'][:12]}…`"),
    ]
    lines += ["| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    lines.append("")

    lines += ["## 摘要 Abstract { #abstract }", ""]
    lines += [gloss(esc(m["abstract"]["zh"])) if m["abstract"]["zh"] else f"中文摘要：{NOT_STATED}", ""]
    if m["abstract"]["en"]:
        for para in m["abstract"]["en"].split("\n\n"):
            lines += [f"> {esc(para)}", ""]
    kw_zh = "；".join(esc(k) for k in m["keywords"]["zh"]) or NOT_STATED
    kw_en = "; ".join(esc(k) for k in m["keywords"]["en"]) or NOT_STATED
    lines += [f"**关键词** {kw_zh}", "", f"**Keywords** {kw_en}", ""]

    # one outline: each entry is its section's anchor (items link to it) with the line where the
    # section starts in the source text
    lines += ["## 章节 Outline { #outline }", ""]
    for s in paper["sections"]:
        if s.get("kind") == "abstract":
            continue
        indent = "    " * (s["level"] - 1)
        label = f"{esc(s['number'])} " if s["number"] else ""
        where = f" <small>原文第 {s['line']} 行</small>" if s.get("line") else ""
        lines.append(f'{indent}- <span id="{html.escape(s["id"], quote=True)}"></span>{label}{esc(s["title"])}{where}')
    lines.append("")
    lines += render_items(paper, gloss, base_url, terms_by_item, related)
    lines += cite_templates(paper)
    if paper.get("notes"):
        lines += ["## 注释 Notes { #notes }", ""]
        for n in paper["notes"]:
            lines.append(f"- {esc(n['label'])} {esc(n['text'])}")
        lines.append("")
    if paper.get("references"):
        lines += ["## 参考文献 References { #references }", ""]
        for r in paper["references"]:
            num = f"[{esc(r['number'])}] " if r["number"] else ""
            lines.append(f"- {num}{esc(r['text'])}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def short_id(item_id: str) -> str:
    return item_id.split(".", 1)[1] if "." in item_id else item_id


def section_link(paper: dict, sid: str) -> str:
    sec = sections_by_id(paper)[0].get(sid)
    if sec is None:
        return esc(sid)
    label = f"{sec['number']} " if sec.get("number") else ""
    return f"[{esc(label + sec['title'])}](#{sid})"


def _quote_block(text: str, gloss=lambda s: s) -> list[str]:
    return [f"> {gloss(esc(text))}", ""]


def cite_templates(paper: dict) -> list[str]:
    """Once per page: the citation templates of the paper (see cite.citation_templates) that the
    Cite control of each item fills in on demand (docs/javascripts/pkb-cite.js). JSON with every
    non-ASCII and markup-significant character as a \\u escape, so no paper text can end the
    script element."""
    import json

    from policykb.cite import citation_templates

    data = json.dumps(citation_templates(paper), ensure_ascii=True, sort_keys=True)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return [f'<script type="application/json" id="pkb-cite-templates">{data}</script>', ""]


def cite_block(paper: dict, item: dict, base_url: str) -> list[str]:
    """One Cite control per item: a collapsible block carrying the item's short id, locator and
    permalink; its GB/T 7714, APA and BibTeX texts (with copy buttons) are composed when it is
    opened, from the page's templates. Raw HTML so the block carries ``data-search-exclude``.
    With no base URL set the permalink is the page path and the link points at the anchor."""
    import html

    from policykb.cite import bibtex_locator, locator
    from policykb.search.index import permalink

    url = permalink(base_url, paper["id"], item["id"])
    href = url if base_url else f"#{item['id']}"
    loc = locator(paper, item)
    bibloc = bibtex_locator(paper, item)
    data = f' data-pkb-key="{html.escape(short_id(item["id"]))}" data-pkb-loc="{html.escape(loc)}"'
    if bibloc != loc:
        data += f' data-pkb-bibloc="{html.escape(bibloc)}"'
    return [
        f'<details class="quote pkb-cite" data-search-exclude{data}><summary>引用 Cite · {html.escape(short_id(item["id"]))}</summary>'
        f'<p>永久链接 Permalink: <a class="pkb-permalink" href="{html.escape(href)}">{html.escape(url)}</a></p></details>',
        "",
    ]


CLAIM_KINDS = {"topic": "主题句", "assertion": "论断", "conclusion": "结论", "finding": "发现", "abstract": "摘要"}


def _claim_label(paper: dict, c: dict) -> str:
    """A claim's heading: its kind and section, not its text (the quote below shows the text once)."""
    kind = CLAIM_KINDS.get(c.get("kind") or "", "论点")
    sec = sections_by_id(paper)[0].get(c["section"])
    if sec is None:
        where = c["section"]
    elif "".join(sec["title"].split())[:8] in "".join(c["quote"].split()):  # the claim is the heading
        where = sec.get("number") or c["section"]
    else:
        where = truncate(((sec.get("number") or "") + " " + sec["title"]).strip(), 24)
    if where == kind:
        return kind
    # the section, linked: the heading is the one place the claim's section is shown
    return f"{kind} · [{esc(where)}](#{c['section']})" if sec is not None else f"{kind} · {esc(where)}"


def _heading(item_id: str, text: str) -> str:
    return f"#### {text} {{ #{item_id} }}"


def _terms_line(item: dict, terms_by_item: dict) -> str:
    """The item's glossary terms with their English names: readers see both, and the site's
    search finds the Chinese item from an English query."""
    found = terms_by_item.get(item["id"], [])
    if not found:
        return ""
    return "术语 Terms " + "；".join(f"{esc(zh)} {esc(en)}" for zh, en in found)


def _show(value) -> str:
    if value is None:
        return NOT_STATED
    if isinstance(value, list):
        return "、".join(_show(v.get("name") if isinstance(v, dict) else v) for v in value) or "∅"
    return esc(str(value))


def curated_mark(item: dict) -> str:
    """What a human changed in this item (corpus/curation/<paper>.yaml), shown next to its
    fields so that nothing typed by hand passes for extracted: 已校订 corrected (each field with
    its extracted value, and the reason) or 人工补充 added by hand."""
    cur = item.get("curated")
    if not isinstance(cur, dict):
        return ""
    reason = esc(cur.get("reason") or "")
    if cur.get("added"):
        return f'<span class="pkb-curated">人工补充 added by hand（{reason}）</span>'
    orig = cur.get("original") or {}
    changed = "；".join(f"{esc(f)}（原抽取 extracted: {_show(orig.get(f))}）" for f in cur.get("fields") or [])
    return f'<span class="pkb-curated">已校订 corrected: {changed} — {reason}</span>'


def curated_badge(item: dict) -> str:
    """A short mark for lists and tables of items from several papers (the paper page says what
    changed): 已校订 for a corrected item, 人工补充 for one added by hand; the reason on hover."""
    cur = item.get("curated")
    if not isinstance(cur, dict):
        return ""
    label = "人工补充 added" if cur.get("added") else "已校订 corrected: " + ", ".join(cur.get("fields") or [])
    title = html.escape(str(cur.get("reason") or ""), quote=True)
    return f' <small class="pkb-curated" title="{title}">{html.escape(label, quote=False)}</small>'


def _with_mark(meta: list[str], item: dict) -> list[str]:
    mark = curated_mark(item)
    return [mark, *meta] if mark else meta


def render_items(paper: dict, gloss=lambda s: s, base_url: str = "/", terms_by_item: dict | None = None,
                 related: dict | None = None) -> list[str]:
    """``related``: item id -> related items of other papers (render.related), listed under the item."""
    from policykb.render.related import related_lines

    terms_by_item = terms_by_item or {}
    related = related or {}
    lines: list[str] = []
    recs = paper["recommendations"]
    lines += [f"## 建议 Recommendations ({len(recs)}) {{ #recommendations }}", ""]
    for r in recs:
        level = {1: "一级", 2: "二级", "inline": "行文中"}.get(r["level"], str(r["level"]))
        title = esc(r["title"]) if r["title"] else esc(truncate(r["text"], 40))
        lines += [_heading(r["id"], f"{short_id(r['id'])} · {title}"), ""]
        lines += _quote_block(r["quote"], gloss)
        meta = [f"层级 {level}", f"章节 {section_link(paper, r['section'])}"]
        if r.get("parent"):
            meta.append(f"上级 [{short_id(r['parent'])}](#{r['parent']})")
        if r["actors"]:
            meta.append("行动者 " + "、".join(esc(a) for a in r["actors"]))
        if r.get("topics"):
            meta.append("主题 " + "、".join(esc(t) for t in r["topics"]))
        if _terms_line(r, terms_by_item):
            meta.append(_terms_line(r, terms_by_item))
        lines += ["<small>" + " · ".join(_with_mark(meta, r)) + "</small>", ""]
        lines += related_lines(r["id"], related)
        lines += cite_block(paper, r, base_url)
    stats = paper["statistics"]
    lines += [f"## 数据 Statistics ({len(stats)}) {{ #statistics }}", ""]
    first_of_quote: dict | None = None  # the statistic that showed the current sentence
    for st in stats:
        value = f"{st['value']}" + (f"–{st['range_to']}" if st["range_to"] is not None else "")
        ent = f"（{esc(st['entity'])}）" if st.get("entity") else ""
        head = f"{short_id(st['id'])} · {esc(st['indicator'] or '')}{ent}：{value} {esc(st['unit'] or '')}".rstrip()
        lines += [_heading(st["id"], head), ""]
        if first_of_quote is not None and first_of_quote["quote"] == st["quote"]:
            # several figures of one sentence: the sentence is shown once, under the first
            lines += [f"<small>原句同 same sentence as [{short_id(first_of_quote['id'])}](#{first_of_quote['id']})</small>", ""]
        else:
            first_of_quote = st
            lines += _quote_block(st["quote"], gloss)
        meta = [f"时间 {esc(st['period'] or '未注明')}", f"来源 {esc(st['source'] or '未注明')}", f"章节 {section_link(paper, st['section'])}"]
        if st.get("precision"):
            meta.append(f"精度 {esc(st['precision'])}")
        if _terms_line(st, terms_by_item):
            meta.append(_terms_line(st, terms_by_item))
        lines += ["<small>" + " · ".join(_with_mark(meta, st)) + "</small>", ""]
        lines += cite_block(paper, st, base_url)
    fws = paper["frameworks"]
    lines += [f"## 框架 Frameworks ({len(fws)}) {{ #frameworks }}", ""]
    for f in fws:
        lines += [_heading(f["id"], f"{short_id(f['id'])} · {esc(f['name'])}"), ""]
        for c in f["components"]:
            desc = f"：{esc(c['description'])}" if c.get("description") else ""
            lines.append(f"- {esc(c['name'])}{desc}")
        if f["components"]:
            lines.append("")
        lines += _quote_block(f["quote"], gloss)
        fmeta = [f"章节 {section_link(paper, f['section'])}"]
        if _terms_line(f, terms_by_item):
            fmeta.append(_terms_line(f, terms_by_item))
        lines += ["<small>" + " · ".join(_with_mark(fmeta, f)) + "</small>", ""]
        lines += cite_block(paper, f, base_url)
    claims = paper["claims"]
    core = [c for c in claims if c.get("core")]
    lines += [f"## 论点 Claims ({len(claims)}，核心 {len(core)}) {{ #claims }}", ""]
    for c in sorted(claims, key=lambda c: (not c.get("core"), claims.index(c))):
        star = "★ " if c.get("core") else ""
        lines += [_heading(c["id"], f"{star}{short_id(c['id'])} · {_claim_label(paper, c)}"), ""]
        lines += _quote_block(c["quote"], gloss)
        meta = []  # kind and section are in the heading
        if c.get("evidence"):
            meta.append("证据 " + "、".join(f"[{short_id(e)}](#{e})" for e in c["evidence"]))
        if _terms_line(c, terms_by_item):
            meta.append(_terms_line(c, terms_by_item))
        meta = _with_mark(meta, c)
        if meta:
            lines += ["<small>" + " · ".join(meta) + "</small>", ""]
        lines += related_lines(c["id"], related)
        lines += cite_block(paper, c, base_url)
    retired = paper.get("retired_ids") or []
    if retired:
        lines += ["## 已撤回 Withdrawn { #withdrawn }", "", "这些编号曾经发布，其条目已不再从原文抽取；编号保留、不再复用。", ""]
        for r in retired:  # one line each: the anchor a cited id lands on, and the start of its quote
            quote = esc(truncate(r.get("quote", ""), 32))
            if isinstance(r.get("curated"), dict):  # withdrawn by a human correction, not by the rules
                quote += f' <span class="pkb-curated">人工删除 dropped by hand（{esc(r["curated"].get("reason") or "")}）</span>'
            lines += [f'<p class="pkb-withdrawn" id="{html.escape(r["id"], quote=True)}"><code>{esc(short_id(r["id"]))}</code> {quote}</p>', ""]
    return lines
