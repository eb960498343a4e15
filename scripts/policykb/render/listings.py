"""Cross-paper pages: 论点 Claims, 框架 Frameworks, 建议 Recommendations, 数据 Statistics (主题 Topics: topics_page.py).

They list items of every paper and link to the item's anchor on its paper page (the permalink);
they are excluded from site search so each item has one search entry, on its paper page.
"""

from __future__ import annotations

from policykb.render.markdown import GENERATED, esc
from policykb.render.textfit import truncate
from policykb.render.paper_page import curated_badge, paper_title, short_id

HEAD = "---\nsearch:\n  exclude: true\n---\n\n"


def _link(p: dict, it: dict) -> str:
    return f"[{short_id(it['id'])}](papers/{p['id']}.md#{it['id']})" + curated_badge(it)


def _page(title: str, intro: str) -> list[str]:
    return [HEAD + GENERATED.format(source="corpus/papers/*.yaml"), "", f"# {title}", "", intro, ""]


def render_recommendations(papers: list[dict]) -> str:
    lines = _page("建议 Recommendations", "各文献的政策建议，按原文层级排列（一级、二级），及正文中的行文建议。")
    for p in papers:
        lines += [f"## [{esc(paper_title(p))}](papers/{p['id']}.md)", ""]
        for r in p["recommendations"]:
            indent = "    " if r["level"] == 2 else ""
            tag = " <small>行文中 inline</small>" if r["level"] == "inline" else ""
            title = esc(r["title"] or truncate(r["text"], 60))
            actors = f" — {'、'.join(esc(a) for a in r['actors'])}" if r["actors"] else ""
            lines.append(f"{indent}- {_link(p, r)} {title}{actors}{tag}")
        lines.append("")
    return "\n".join(lines)


def render_statistics(papers: list[dict]) -> str:
    lines = _page("数据 Statistics", "各文献引用的统计数据。数值按原文，单位含量级；时间为数据所指时期。")
    lines += ["| ID | 文献 | 指标 Indicator | 数值 | 单位 | 时间 | 来源 |", "|---|---|---|---|---|---|---|"]
    for p in papers:
        for s in p["statistics"]:
            value = f"{s['value']}" + (f"–{s['range_to']}" if s["range_to"] is not None else "")
            ent = f"（{esc(s['entity'])}）" if s.get("entity") else ""
            lines.append(
                f"| {_link(p, s)} | {esc(p['id'])} | {esc(s['indicator'] or '')}{ent} | {value} | {esc(s['unit'] or '')} | "
                f"{esc(s['period'] or '')} | {esc(s['source'] or '')} |"
            )
    lines.append("")
    return "\n".join(lines)


def render_claims(papers: list[dict]) -> str:
    lines = _page("论点 Claims", "各文献的核心论点（★）及其他论断。")
    for p in papers:
        lines += [f"## [{esc(paper_title(p))}](papers/{p['id']}.md)", ""]
        for c in sorted(p["claims"], key=lambda c: (not c.get("core"), p["claims"].index(c))):
            star = "★ " if c.get("core") else ""
            lines.append(f"- {star}{_link(p, c)} {esc(c['text'])}")
        lines.append("")
    return "\n".join(lines)


def render_frameworks(papers: list[dict]) -> str:
    lines = _page("框架 Frameworks", "各文献提出或使用的分析框架、模型与分类。")
    for p in papers:
        lines += [f"## [{esc(paper_title(p))}](papers/{p['id']}.md)", ""]
        for f in p["frameworks"]:
            comps = "、".join(esc(c["name"]) for c in f["components"])
            lines.append(f"- {_link(p, f)} **{esc(f['name'])}**" + (f"：{comps}" if comps else ""))
        lines.append("")
    return "\n".join(lines)
