"""主题 Topics: a topic × paper matrix (topics.md) and one page per topic (topics/<slug>.md).

A cell counts the recommendations and claims of a paper that touch the topic (``topics`` of the
item, from ``rules/topics.yaml``) and links to that paper's part of the topic page. A topic page
lists those items by paper, recommendations first, core claims (★) before the others, so the
matrix page stays small whatever the number of papers and each topic page holds only its items.
"""

from __future__ import annotations

from html import escape

from pypinyin import lazy_pinyin

from policykb.render.markdown import GENERATED, esc
from policykb.render.paper_page import paper_title, short_id
from policykb.render.textfit import truncate

HEAD = "---\nsearch:\n  exclude: true\n---\n\n"


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


def render_topic_matrix(papers: list[dict], topics: list[str]) -> str:
    papers = sorted(papers, key=lambda p: p["id"])
    items = topic_items(papers, topics)
    lines = [
        HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
        "",
        "# 主题 Topics",
        "",
        "跨文献主题（主题词表见 `rules/topics.yaml`）。每格为该文献涉及该主题的建议条数 / 论点条数，点数字看这些条目；"
        "点主题名看该主题下全部文献的条目。",
        "",
        "*Topic × paper: recommendations / claims of each paper that touch the topic. A number opens that "
        "paper's items on the topic page.*",
        "",
    ]
    head = "".join(f'<th title="{h(paper_title(p))}">{h(p["id"])}</th>' for p in papers)
    rows = [f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pkb-matrix pkb-topics">'
            f"<thead><tr><th>主题 Topic</th><th>文献 Papers</th>{head}</tr></thead><tbody>"]
    for t in topics:
        slug = topic_slug(t)
        by_paper = items[t]
        tds = []
        for p in papers:
            cell = by_paper.get(p["id"])
            if not cell:
                tds.append("<td></td>")
                continue
            nr, nc = len(cell["recommendations"]), len(cell["claims"])
            tds.append(f'<td><a href="{slug}/#{h(p["id"])}" title="{h(t)} · {h(p["id"])}">{nr} / {nc}</a></td>')
        rows.append(f'<tr><th><a href="{slug}/">{h(t)}</a></th><td>{len(by_paper)}</td>{"".join(tds)}</tr>')
    rows.append("</tbody></table></div></div>")
    lines += ["".join(rows), ""]
    lines += ["## 各主题 Topics", ""]
    for t in topics:
        by_paper = items[t]
        nr = sum(len(c["recommendations"]) for c in by_paper.values())
        nc = sum(len(c["claims"]) for c in by_paper.values())
        lines.append(f"- [{esc(t)}](topics/{topic_slug(t)}.md)：{len(by_paper)} 篇文献，建议 {nr} 条，论点 {nc} 条")
    lines.append("")
    return "\n".join(lines)


def _li(p: dict, it: dict, label: str) -> str:
    star = "★ " if it.get("core") else ""
    text = it.get("title") or it.get("text") or ""
    return f"- {star}{label} [{short_id(it['id'])}](../papers/{p['id']}.md#{it['id']}) {esc(truncate(text, 70))}"


def render_topic_page(papers: list[dict], topic: str, by_paper: dict[str, dict[str, list[dict]]]) -> str:
    pmap = {p["id"]: p for p in papers}
    nr = sum(len(c["recommendations"]) for c in by_paper.values())
    nc = sum(len(c["claims"]) for c in by_paper.values())
    lines = [
        HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
        "",
        f"# 主题：{esc(topic)}",
        "",
        f"{len(by_paper)} 篇文献，建议 {nr} 条，论点 {nc} 条。[← 主题 × 文献 Topics × papers](../topics.md)",
        "",
    ]
    for pid in sorted(by_paper):
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
    return {f"{topic_slug(t)}.md": render_topic_page(papers, t, items[t]) for t in topics}
