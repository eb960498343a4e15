"""主题 Topics: a topic × paper matrix (topics.md) and one page per topic (topics/<slug>.md).

A cell counts the recommendations and claims of a paper that touch the topic (``topics`` of the
item, from ``rules/topics.yaml``) and links to that paper's part of the topic page. A topic page
lists those items by paper, recommendations first, core claims (★) before the others, so the
matrix has one row per paper and a column per topic, and a topic's items are split over pages of
at most ``PAPERS_PER_PAGE`` papers, so no page grows past a few hundred KB at 500 papers.
"""

from __future__ import annotations

from html import escape

from pypinyin import lazy_pinyin

from policykb.render.markdown import GENERATED, esc
from policykb.render.paper_page import paper_title, short_id
from policykb.render.textfit import truncate

HEAD = "---\nsearch:\n  exclude: true\n---\n\n"
PAPERS_PER_PAGE = 50


def h(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def topic_slug(topic: str) -> str:
    """A stable ASCII file name for a topic (pinyin), e.g. 数据要素 -> shu-ju-yao-su."""
    s = "-".join(lazy_pinyin(topic))
    return "".join(c if c.isascii() and (c.isalnum() or c == "-") else "-" for c in s).strip("-").lower() or "topic"


def topic_items(papers: list[dict], topics: list[str]) -> dict[str, dict[str, dict[str, list[dict]]]]:
    """topic -> paper id -> {"recommendations": [...], "claims": [...]} (papers by id, items in order)."""
    known = set(topics)
    out: dict[str, dict[str, dict[str, list[dict]]]] = {t: {} for t in topics}
    for p in sorted(papers, key=lambda p: p["id"]):
        for kind in ("recommendations", "claims"):
            for it in p[kind]:
                for t in it.get("topics") or []:
                    if t in known:
                        cell = out[t].setdefault(p["id"], {"recommendations": [], "claims": []})
                        cell[kind].append(it)
    return out


def topic_parts(by_paper: dict[str, dict[str, list[dict]]], topic: str) -> list[tuple[str, list[str]]]:
    """The pages of one topic: [(file name, paper ids)], at most PAPERS_PER_PAGE papers a page,
    so a topic page stays small at any number of papers (topics/<slug>.md, <slug>-2.md …)."""
    pids = sorted(by_paper)
    slug = topic_slug(topic)
    chunks = [pids[i:i + PAPERS_PER_PAGE] for i in range(0, len(pids), PAPERS_PER_PAGE)] or [[]]
    return [(f"{slug}.md" if i == 0 else f"{slug}-{i + 1}.md", c) for i, c in enumerate(chunks)]


def render_topic_matrix(papers: list[dict], topics: list[str]) -> str:
    """One row per paper, one column per topic (the topics are few, the papers many)."""
    papers = sorted(papers, key=lambda p: p["id"])
    items = topic_items(papers, topics)
    page_of = {(t, pid): name[:-3] for t in topics for name, pids in topic_parts(items[t], t) for pid in pids}
    lines = [
        HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
        "",
        "# 主题 Topics",
        "",
        "跨文献主题（主题词表见 `rules/topics.yaml`）。矩阵每行一篇文献、每列一个主题，每格为该文献涉及该主题的"
        "建议条数 / 论点条数，点数字看这些条目；点主题名看该主题下全部文献的条目。",
        "",
        "*Topic × paper: recommendations / claims of each paper that touch each topic. A number opens that "
        "paper's items on the topic page.*",
        "",
        "## 各主题 Topics",
        "",
    ]
    for t in topics:
        by_paper = items[t]
        nr = sum(len(c["recommendations"]) for c in by_paper.values())
        nc = sum(len(c["claims"]) for c in by_paper.values())
        lines.append(f"- [{esc(t)}](topics/{topic_slug(t)}.md)：{len(by_paper)} 篇文献，建议 {nr} 条，论点 {nc} 条")
    lines += ["", "## 主题 × 文献 Topics × papers { #matrix }", ""]
    head = "".join(f'<th><a href="{topic_slug(t)}/">{h(t)}</a></th>' for t in topics)
    rows = [f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pkb-matrix pkb-topics">'
            f"<thead><tr><th>文献 Paper</th>{head}</tr></thead><tbody>"]
    for p in papers:
        tds = []
        for t in topics:
            cell = items[t].get(p["id"])
            if not cell:
                tds.append("<td></td>")
                continue
            nr, nc = len(cell["recommendations"]), len(cell["claims"])
            tds.append(f'<td><a href="{page_of[(t, p["id"])]}/#{h(p["id"])}">{nr} / {nc}</a></td>')
        rows.append(f'<tr><th><a href="../papers/{h(p["id"])}/">{h(p["id"])}</a></th>{"".join(tds)}</tr>')
    rows.append("</tbody></table></div></div>")
    lines += ["\n".join(rows), ""]
    return "\n".join(lines)


def _li(p: dict, it: dict, label: str) -> str:
    star = "★ " if it.get("core") else ""
    text = it.get("title") or it.get("text") or ""
    return f"- {star}{label} [{short_id(it['id'])}](../papers/{p['id']}.md#{it['id']}) {esc(truncate(text, 70))}"


def render_topic_page(papers: list[dict], topic: str, by_paper: dict[str, dict[str, list[dict]]],
                      pids: list[str] | None = None, parts: list[str] | None = None, part: int = 0) -> str:
    """The page (part ``part`` of ``parts``) of one topic: the items of papers ``pids``."""
    pmap = {p["id"]: p for p in papers}
    pids = sorted(by_paper) if pids is None else pids
    nr = sum(len(c["recommendations"]) for c in by_paper.values())
    nc = sum(len(c["claims"]) for c in by_paper.values())
    lines = [
        HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
        "",
        f"# 主题：{esc(topic)}" + (f"（{part + 1}/{len(parts)}）" if parts and len(parts) > 1 else ""),
        "",
        f"{len(by_paper)} 篇文献，建议 {nr} 条，论点 {nc} 条。[← 主题 × 文献 Topics × papers](../topics.md)",
        "",
    ]
    if parts and len(parts) > 1:
        nav = " · ".join(f"**{i + 1}**" if i == part else f"[{i + 1}]({name})" for i, name in enumerate(parts))
        lines += [f"分页 Pages：{nav}", ""]
    for pid in pids:
        p, cell = pmap[pid], by_paper[pid]
        lines += [f"## [{esc(paper_title(p))}](../papers/{pid}.md) {{ #{pid} }}", ""]
        lines += [_li(p, r, "建议") for r in cell["recommendations"]]
        claims = sorted(cell["claims"], key=lambda c: (not c.get("core"), p["claims"].index(c)))
        lines += [_li(p, c, "论点") for c in claims]
        lines.append("")
    return "\n".join(lines)


def render_topic_pages(papers: list[dict], topics: list[str]) -> dict[str, str]:
    """{file name under docs/topics/: page}."""
    items = topic_items(papers, topics)
    out = {}
    for t in topics:
        parts = topic_parts(items[t], t)
        names = [n for n, _ in parts]
        for i, (name, pids) in enumerate(parts):
            out[name] = render_topic_page(papers, t, items[t], pids, names, i)
    return out
