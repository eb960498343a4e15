"""Cross-paper pages: 论点 Claims, 框架 Frameworks, 建议 Recommendations, 数据 Statistics (主题 Topics: topics_page.py).

They list items of every paper and link to the item's anchor on its paper page (the permalink);
they are excluded from site search so each item has one search entry, on its paper page.
"""

from __future__ import annotations

from policykb.render import parts
from policykb.render.markdown import GENERATED, esc
from policykb.render.textfit import truncate
from policykb.render.paper_page import curated_badge, paper_title, short_id

HEAD = "---\nsearch:\n  exclude: true\n---\n\n"


def _link(p: dict, it: dict, prefix: str = "") -> str:
    return f"[{short_id(it['id'])}]({prefix}papers/{p['id']}.md#{it['id']})" + curated_badge(it)


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


def _claims_block(p: dict, prefix: str = "", anchor: bool = False) -> list[str]:
    lines = [f"## [{esc(paper_title(p))}]({prefix}papers/{p['id']}.md)" + (f" {{ #{p['id']} }}" if anchor else ""), ""]
    for c in sorted(p["claims"], key=lambda c: (not c.get("core"), p["claims"].index(c))):
        star = "★ " if c.get("core") else ""
        lines.append(f"- {star}{_link(p, c, prefix)} {esc(c['text'])}")
    lines.append("")
    return lines


CLAIMS_INTRO = "各文献的核心论点（★）及其他论断。"


def render_claims(papers: list[dict]) -> str:
    lines = _page("论点 Claims", CLAIMS_INTRO)
    for p in papers:
        lines += _claims_block(p)
    return "\n".join(lines)


def render_claims_pages(papers: list[dict]) -> dict[str, str]:
    """{file under docs/: page}: ``claims.md`` as one page when the claims fit in one part, else
    an index (parts, and every paper with its counts) and ``claims/<k>.md``."""
    papers = sorted(papers, key=lambda p: p["id"])
    chunks = parts.paper_parts([_claims_block(p) for p in papers])
    if len(chunks) == 1:
        return {"claims.md": render_claims(papers)}
    n = sum(len(p["claims"]) for p in papers)
    lines = _page("论点 Claims", CLAIMS_INTRO + f"共 {len(papers)} 篇文献、{n} 条论点，按文献分为 {len(chunks)} 个部分。")
    lines += ["## 各部分 Parts { #parts }", ""] + parts.parts_list("claims", papers, chunks, lambda p: len(p["claims"]))
    lines += ["## 各文献 Papers { #papers }", ""]
    lines += parts.papers_table("claims", papers, chunks, [
        ("论点 Claims", lambda p: len(p["claims"])),
        ("核心 ★", lambda p: sum(1 for c in p["claims"] if c.get("core"))),
    ], lambda p: esc(paper_title(p)))
    out = {"claims.md": "\n".join(lines)}
    names = [f"{k + 1}.md" for k in range(len(chunks))]
    for k, chunk in enumerate(chunks):
        page = _page(f"论点 Claims（{k + 1}/{len(chunks)}）", "[← 论点 Claims](../claims.md)")
        page += parts.part_nav(names, k)
        for i in chunk:
            page += _claims_block(papers[i], "../", anchor=True)
        out[parts.part_name("claims", k)] = "\n".join(page)
    return out


def render_frameworks(papers: list[dict]) -> str:
    lines = _page("框架 Frameworks", "各文献提出或使用的分析框架、模型与分类。")
    for p in papers:
        lines += [f"## [{esc(paper_title(p))}](papers/{p['id']}.md)", ""]
        for f in p["frameworks"]:
            comps = "、".join(esc(c["name"]) for c in f["components"])
            lines.append(f"- {_link(p, f)} **{esc(f['name'])}**" + (f"：{comps}" if comps else ""))
        lines.append("")
    return "\n".join(lines)
