"""数据 Statistics: comparable groups side by side (with flags and charts) and a sortable,
filterable table of every figure.

Paper text lands inside raw HTML here, so it is escaped with ``html.escape`` (never with the
Markdown escaper, whose backslashes would show inside HTML).
"""

from __future__ import annotations

from html import escape

from policykb.render import compare, parts
from policykb.render.markdown import GENERATED, esc
from policykb.render.paper_page import curated_badge, paper_title, short_id
from policykb.render.svgchart import bar_chart

HEAD = "---\nsearch:\n  exclude: true\n---\n\n"
MIN_CHART = 3
MAX_FLAGS = 8  # per kind and group; the rest are counted
FLAG_LABEL = {
    "disagree": ("warning", "数值不一致 Disagree"),
    "trend": ("warning", "时期不能解释 Not explained by periods"),
    "sources": ("info", "同一数值，来源不同 Same figure, different sources"),
    "source-missing": ("note", "来源仅一篇注明 Source in one paper only"),
}


def h(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def item_href(paper_id: str, item_id: str, depth: int = 1) -> str:
    """Link from a page at ``<name>/`` (directory URLs) to an item's anchor on its paper page."""
    return "../" * depth + f"papers/{paper_id}/#{item_id}"


def _value_text(s: dict) -> str:
    v = compare.fmt(s["value"]) + (f"–{compare.fmt(s['range_to'])}" if s.get("range_to") is not None else "")
    return v + (s.get("unit") or "")


PRECISION = {"about": "约", "under": "不到/接近", "over": "超过", "exact": ""}


def _quotes(g: compare.Group) -> frozenset:
    return frozenset(e.stat["quote"] for e in g.entries)


def _siblings(groups: list[compare.Group]) -> dict[str, list[compare.Group]]:
    """{group anchor: the other groups drawn from the same quotes}, in the groups' order (by a
    dict on the quotes, not by comparing all pairs)."""
    same: dict[frozenset, list[compare.Group]] = {}
    for g in groups:
        same.setdefault(_quotes(g), []).append(g)
    return {g.anchor: [o for o in same[_quotes(g)] if o is not g] for g in groups}


def render_group(g: compare.Group, siblings: list[compare.Group] = (), depth: int = 1,
                 group_link=lambda o: f"#{o.anchor}") -> list[str]:
    """A group's table, flags and chart; ``depth``: how deep its page's URL is (1: ``statistics/``),
    ``group_link``: the Markdown link from its page to another group (a sibling)."""
    unit = g.unit or "（无单位）"
    subj = g.subject or "主体未注明"
    title = g.label or "（指标未注明）"
    lines = [
        f'<a id="{h(g.anchor)}"></a>',
        "",
        f"### {esc(title)} · {esc(subj)}",
        "",
        f"{len(g.entries)} 个数值，{len(g.papers)} 篇文献；统一单位 unit: {esc(unit)}。",
        "",
    ]
    rows = [
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pkb-compare">',
        "<thead><tr><th>数值 Value</th><th>换算 Converted</th><th>时期 Period</th><th>指标（原文）Indicator</th>"
        "<th>来源 Source</th><th>文献 Paper</th></tr></thead><tbody>",
    ]
    for e in g.entries:
        s = e.stat
        conv = compare.fmt(g.display(e)) + (
            f"–{compare.fmt(e.base_to / g.factor)}" if e.base_to is not None else "") + (g.unit or "")
        prec = PRECISION.get(s.get("precision") or "exact", "")
        rows.append(
            f'<tr><td><a href="{h(item_href(e.paper["id"], e.id, depth))}">{h(_value_text(s))}</a>{curated_badge(s)}'
            + (f' <small>{h(prec)}</small>' if prec else "")
            + f"</td><td>{h(conv)}</td><td>{h(s.get('period') or '未注明')}</td><td>{h(s.get('indicator') or '')}</td>"
            f"<td>{h(s.get('source') or '未注明')}</td>"
            f'<td><a href="{"../" * depth}papers/{h(e.paper["id"])}/" title="{h(paper_title(e.paper))}">{h(e.paper["id"])}</a> '
            f"<small>{h(short_id(e.id))}</small></td></tr>"
        )
    rows.append("</tbody></table></div></div>")
    lines += ["".join(rows), ""]
    if siblings:
        links = "、".join(f"[{esc(o.label or '组')}]({group_link(o)})" for o in siblings)
        lines += [f"同一批引文中的其他可比数据 cited in the same passages: {links}", ""]
    for fkind, (kind, label) in FLAG_LABEL.items():
        texts = [f.text for f in g.flags if f.kind == fkind]
        if texts:
            more = [f"    - ……另有 {len(texts) - MAX_FLAGS} 条 and {len(texts) - MAX_FLAGS} more"] if len(texts) > MAX_FLAGS else []
            lines += [f'!!! {kind} "{label}"', ""] + [f"    - {esc(t)}" for t in texts[:MAX_FLAGS]] + more + [""]
    if len(g.entries) >= MIN_CHART:
        chart_rows = [
            {
                "label": f"{e.stat.get('period') or '未注明'} · {e.paper['id']}",
                "value": g.display(e),
                "value_to": None if e.base_to is None else e.base_to / g.factor,
                "value_text": compare.fmt(g.display(e)) + (g.unit or ""),
                "href": item_href(e.paper["id"], e.id, depth),
            }
            for e in g.entries
        ]
        svg = bar_chart(chart_rows, g.unit, f"{title} · {subj}（{unit}）")
        lines += [f'<figure class="pkb-figure">{svg}<figcaption>{h(title)} · {h(subj)}，按时期排列（{h(unit)}）</figcaption></figure>', ""]
    return lines


def render_table(es: list[compare.Entry], groups: list[compare.Group], depth: int = 1,
                 group_href=lambda g: f"#{g.anchor}", paper_ids: bool = False) -> str:
    """Every figure of ``es``; ``group_href``: the URL of a group from the table's page;
    ``paper_ids``: the first row of each paper carries the paper's id as anchor."""
    first = {}
    for e in es:
        first.setdefault(e.paper["id"], e.id)
    in_group = {e.id: g for g in groups for e in g.entries}
    cols = [("ID", "text", ""), ("指标 Indicator", "text", ""), ("主体 Subject", "text", "select"),
            ("数值 Value", "num", ""), ("单位 Unit", "text", "select"), ("时期 Period", "text", ""),
            ("来源 Source", "text", ""), ("文献 Paper", "text", "select"), ("比较 Group", "text", "")]
    out = ['<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
           '<table class="pkb-table pkb-sortable" data-pkb-filter><thead><tr>']
    for name, typ, filt in cols:
        out.append(f'<th data-type="{typ}"' + (f' data-filter="{filt}"' if filt else "") + f">{name}</th>")
    out.append("</tr></thead><tbody>")
    for e in es:
        s, p = e.stat, e.paper
        g = in_group.get(e.id)
        ent = f"（{h(s['entity'])}）" if s.get("entity") else ""
        glink = f'<a href="{h(group_href(g))}">{h(g.label or "组")}</a>' if g else ""
        out.append(
            ("<tr" + (f' id="{h(p["id"])}"' if paper_ids and first[p["id"]] == e.id else "") + ">")
            + f'<td><a href="{h(item_href(p["id"], e.id, depth))}">{h(short_id(e.id))}</a>{curated_badge(s)}</td>'
            f"<td>{h(s.get('indicator') or '')}{ent}</td>"
            f"<td>{h(e.subject)}</td>"
            f'<td data-sort="{h(repr(float(e.base)))}">{h(_value_text(s).removesuffix(s.get("unit") or ""))}</td>'
            f"<td>{h(s.get('unit') or '')}</td><td>{h(s.get('period') or '')}</td><td>{h(s.get('source') or '')}</td>"
            f'<td>{h(p["id"])}</td>'
            f"<td>{glink}</td></tr>"
        )
    out.append("</tbody></table></div></div>")
    return "".join(out)


def render_statistics(papers: list[dict], glossary: list[dict], groups: list | None = None) -> str:
    """``groups``: the comparison groups when already computed (render_site shares them with the home page)."""
    papers = sorted(papers, key=lambda p: p["id"])
    es = compare.entries(papers, glossary)
    if groups is None:
        groups = compare.group_statistics(papers, glossary, es)
    n = sum(len(p["statistics"]) for p in papers)
    flagged = sum(1 for g in groups if g.flags)
    lines = [HEAD + GENERATED.format(source="corpus/papers/*.yaml"), "", "# 数据 Statistics", ""]
    lines += [
        f"各文献引用的统计数据共 {n} 条。下面先把可比的数据并列（同一指标、同一主体、同一单位族，量级已换算），"
        f"共 {len(groups)} 组，其中 {flagged} 组有提示；然后是全部数据的表格（点表头排序，表头下的输入框筛选）。",
        "",
        "*Comparable figures side by side — same measure, same subject, magnitudes converted — with flags where "
        "figures disagree beyond what their periods explain or the same figure is cited with different sources; "
        "then every figure in a sortable, filterable table.*",
        "",
        "## 可比数据 Comparison groups { #comparison }",
        "",
        "分组规则：指标去掉地名、修饰词与虚词，术语表缩写展开（AI → 人工智能），近义词统一后相同或高度相似"
        "（rapidfuzz）；两篇文献引用同一个有效数字较多的数值（如 61.47%）也视为同一数据。规则见 "
        "`scripts/policykb/rules/compare.yaml`。",
        "",
    ]
    if not groups:
        lines += ["（暂无可比数据 no comparable figures yet）", ""]
    sibs = _siblings(groups)
    for g in groups:
        lines += render_group(g, sibs[g.anchor])
    lines += ["## 全部数据 All figures { #all }", "", render_table(es, groups), ""]
    return "\n".join(lines)


GROUPS_BUDGET = 250_000  # bytes of Markdown of comparison groups kept on a split listing's index


def _group_parts(groups: list[compare.Group], blocks: list[list[str]]) -> list[list[int]]:
    """Where the groups go on a split listing: [[all]] = on the index (they fit), else parts."""
    sizes = [parts.size(b) for b in blocks]
    if sum(sizes) <= GROUPS_BUDGET:
        return [list(range(len(groups)))]
    return parts.pack(sizes, parts.PART_BUDGET, 50)


def render_statistics_pages(papers: list[dict], glossary: list[dict], groups: list | None = None) -> dict[str, str]:
    """{file under docs/: page}: ``statistics.md`` as one page when it fits in one part, else an
    index with the comparison groups (or, when they are too many, a line per group linking to
    ``statistics/groups-<k>.md``) and the figures' table split by paper into
    ``statistics/<k>.md`` (sortable and filterable within a part)."""
    return statistics_site(papers, glossary, groups)[0]


def statistics_site(papers: list[dict], glossary: list[dict], groups: list | None = None
                    ) -> tuple[dict[str, str], dict[str, str]]:
    """(render_statistics_pages' pages, {group anchor: the page under docs/ that shows the group}),
    the second for links from other pages (the home page)."""
    papers = sorted(papers, key=lambda p: p["id"])
    es = compare.entries(papers, glossary)
    if groups is None:
        groups = compare.group_statistics(papers, glossary, es)
    single = render_statistics(papers, glossary, groups)
    if parts.size(single) <= parts.PART_BUDGET:
        return {"statistics.md": single}, {g.anchor: "statistics.md" for g in groups}
    by_paper: dict[str, list[compare.Entry]] = {}
    for e in es:
        by_paper.setdefault(e.paper["id"], []).append(e)
    sibs = _siblings(groups)
    gblocks = [render_group(g, sibs[g.anchor]) for g in groups]
    gchunks = _group_parts(groups, gblocks)
    on_index = len(gchunks) == 1
    gpage = {g.anchor: (None if on_index else f"groups-{k + 1}.md") for k, c in enumerate(gchunks) for i in c
             for g in [groups[i]]}

    def group_href(g, depth: int = 2) -> str:  # raw HTML, from statistics/<k>/
        return ("../" * (depth - 1)) + (f"#{g.anchor}" if gpage[g.anchor] is None else f"{gpage[g.anchor][:-3]}/#{g.anchor}")

    tblocks = [render_table(by_paper.get(p["id"], []), groups, 2, group_href) for p in papers]
    chunks = parts.paper_parts([[b] for b in tblocks])
    n = len(es)
    flagged = sum(1 for g in groups if g.flags)
    lines = [HEAD + GENERATED.format(source="corpus/papers/*.yaml"), "", "# 数据 Statistics", ""]
    lines += [
        f"各文献引用的统计数据共 {n} 条。下面先把可比的数据并列（同一指标、同一主体、同一单位族，量级已换算），"
        f"共 {len(groups)} 组，其中 {flagged} 组有提示；全部数据的表格按文献分为 {len(chunks)} 个部分"
        "（排序与筛选在一个部分之内）。",
        "",
        "*Comparable figures side by side, with flags; every figure in sortable, filterable tables, "
        f"in {len(chunks)} parts by paper (sorting and filters work within a part).*",
        "",
        "## 可比数据 Comparison groups { #comparison }",
        "",
    ]
    if not groups:
        lines += ["（暂无可比数据 no comparable figures yet）", ""]
    elif on_index:
        for b in gblocks:
            lines += b
    else:
        lines += [f"可比数据共 {len(groups)} 组，分为 {len(gchunks)} 页；每组一行，点击查看数值、时期、来源与图。", ""]
        for g in groups:
            kinds = "、".join(sorted({FLAG_LABEL[f.kind][1] for f in g.flags if f.kind in FLAG_LABEL}))
            lines.append(f"- [{esc(g.label or '（指标未注明）')} · {esc(g.subject or '主体未注明')}]"
                         f"(statistics/{gpage[g.anchor]}#{g.anchor})：{len(g.entries)} 个数值，{len(g.papers)} 篇文献"
                         + (f" ⚠ {esc(kinds)}" if kinds else ""))
        lines.append("")
    lines += ["## 全部数据 All figures { #all }", ""]
    lines += parts.parts_list("statistics", papers, chunks, lambda p: len(by_paper.get(p["id"], [])))
    lines += ["### 各文献 Papers { #papers }", ""]
    lines += parts.papers_table("statistics", papers, chunks, [("数据 Statistics", lambda p: len(by_paper.get(p["id"], [])))],
                                lambda p: esc(paper_title(p)), lambda p: p["id"] in by_paper)
    out = {"statistics.md": "\n".join(lines)}
    names = [f"{k + 1}.md" for k in range(len(chunks))]
    for k, chunk in enumerate(chunks):
        m = sum(len(by_paper.get(papers[i]["id"], [])) for i in chunk)
        page = [HEAD + GENERATED.format(source="corpus/papers/*.yaml"), "",
                f"# 数据 Statistics（{k + 1}/{len(chunks)}）", "",
                f"本部分 {len(chunk)} 篇文献的数据 {m} 条（全部 {n} 条），点表头排序，表头下的输入框筛选（仅本部分）。"
                "[← 数据 Statistics](../statistics.md) · [可比数据 Comparison groups](../statistics.md#comparison)", ""]
        page += parts.part_nav(names, k)
        page += [render_table([e for i in chunk for e in by_paper.get(papers[i]["id"], [])], groups, 2, group_href,
                              paper_ids=True), ""]
        out[parts.part_name("statistics", k)] = "\n".join(page)
    if not on_index:
        gnames = [f"groups-{k + 1}.md" for k in range(len(gchunks))]

        def group_link(o) -> str:  # Markdown, from statistics/groups-<k>.md
            return f"{gpage[o.anchor]}#{o.anchor}"

        for k, chunk in enumerate(gchunks):
            page = [HEAD + GENERATED.format(source="corpus/papers/*.yaml"), "",
                    f"# 可比数据 Comparison groups（{k + 1}/{len(gchunks)}）", "",
                    "[← 数据 Statistics](../statistics.md#comparison)", ""]
            page += [f"分页 Pages：" + " · ".join(f"**{j + 1}**" if j == k else f"[{j + 1}]({nm})"
                                                for j, nm in enumerate(gnames)), ""]
            for i in chunk:
                page += render_group(groups[i], sibs[groups[i].anchor], 2, group_link)
            out[f"statistics/{gnames[k]}"] = "\n".join(page)
    return out, {a: ("statistics.md" if name is None else f"statistics/{name}") for a, name in gpage.items()}
