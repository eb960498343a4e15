"""首页 Home: what is in here — counts, the strongest cross-paper findings, ways in.

Findings are computed, never written by hand: the comparison groups of the statistics page cited
by the most papers (render.compare), recommendations that related recommendations of other
papers echo (render.related), framework parts that frameworks of several papers share. Ways in
by paper, topic, actor, statistic and term. Every string from a paper is escaped.
"""

from __future__ import annotations

from urllib.parse import quote

from policykb.render.glossing import translation_applies
from policykb.render.markdown import GENERATED, attr, esc
from policykb.render.paper_page import authors_line, paper_title, short_id
from policykb.render.textfit import truncate
from policykb.render.topics_page import topic_items, topic_slug

KIND_LABELS = (("claims", "论点 claims"), ("recommendations", "建议 recommendations"),
               ("statistics", "数据 statistics"), ("frameworks", "框架 frameworks"))
TOP = 5
FLAG_LABELS = {"disagree": "数值不一致 figures disagree", "trend": "趋势存疑 trend", "sources": "来源不同 sources differ",
               "source-missing": "来源缺失 source missing"}


def _num(v) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _item_link(pid: str, it_id: str, text: str, width: int = 40) -> str:
    return f"[{esc(truncate(text, width))}](papers/{pid}.md#{it_id})"


def counts_lines(papers: list[dict], glossary: list[dict], topics: list[str]) -> list[str]:
    n = {k: sum(len(p[k]) for p in papers) for k, _ in KIND_LABELS}
    core = sum(1 for p in papers for c in p["claims"] if c.get("core"))
    actors = {a for p in papers for r in p["recommendations"] for a in r.get("actors") or []}
    rows = [("文献 papers", len(papers))] + [(label, n[k]) for k, label in KIND_LABELS]
    rows += [("核心论点 core claims", core), ("术语 glossary terms", len(glossary)), ("主题 topics", len(topics)),
             ("行动者 actors", len(actors))]
    head = "| " + " | ".join(r[0] for r in rows) + " |"
    return ["## 概览 What is in here { #counts }", "", head, "|" + "---|" * len(rows),
            "| " + " | ".join(str(r[1]) for r in rows) + " |", ""]


def indicator_lines(groups: list, group_page: dict | None = None) -> list[str]:
    ranked = sorted(groups, key=lambda g: (-len({e.paper["id"] for e in g.entries}), -len(g.entries), g.anchor))
    ranked = [g for g in ranked if len({e.paper["id"] for e in g.entries}) >= 2][:TOP]
    lines = ["### 多篇文献引用的指标 Indicators cited by several papers", ""]
    if not ranked:
        return lines + ["（暂无两篇及以上文献引用的可比数据）", ""]
    for g in ranked:
        k = len({e.paper["id"] for e in g.entries})
        values = "、".join(esc(f"{_num(e.stat['value'])}{e.stat.get('unit') or ''}") for e in g.entries[:6])
        kinds = sorted({f.kind for f in g.flags}, key=lambda k: list(FLAG_LABELS).index(k) if k in FLAG_LABELS else 99)
        flag = (" ⚠ " + "、".join(FLAG_LABELS.get(k, esc(k)) for k in kinds)) if kinds else ""
        lines.append(f"- [{esc(g.label)}（{esc(g.subject)}）]({(group_page or {}).get(g.anchor, 'statistics.md')}#{g.anchor})：{k} 篇文献，{len(g.entries)} 个数值"
                     f"（{values}）{flag}")
    return lines + [""]


def shared_recommendation_lines(papers: list[dict], related: dict) -> list[str]:
    from policykb.render.related import shared_recommendations

    rec = {r["id"]: r for p in papers for r in p["recommendations"]}
    lines = ["### 多篇文献共同的建议 Recommendations several papers share", "",
             "按相关条目（相似度达到阈值的其他文献的建议）所来自的文献数排列。", ""]
    shared = shared_recommendations(papers, related, TOP)
    if not shared:
        return lines + ["（暂无）", ""]
    for pid, iid, recs in shared:
        r = rec[iid]
        others = "；".join(_item_link(o.paper, o.id, o.text, 24) + f"（{esc(o.paper)}）" for o in recs)
        lines.append(f"- {_item_link(pid, iid, r.get('title') or r['text'])}（{esc(pid)}）— 相近 {others}")
    return lines + [""]


def framework_lines(papers: list[dict]) -> list[str]:
    """Framework parts named by the frameworks of two or more papers, most papers first."""
    part: dict[str, dict[str, list[str]]] = {}
    for p in papers:
        for f in p["frameworks"]:
            for c in f["components"]:
                name = "".join((c.get("name") or "").split())
                if 2 <= len(name) <= 12:
                    part.setdefault(name, {}).setdefault(p["id"], []).append(f["id"])
    shared = sorted(((len(v), name, v) for name, v in part.items() if len(v) >= 2), key=lambda x: (-x[0], x[1]))[:TOP]
    n_fw = sum(len(p["frameworks"]) for p in papers)
    n_papers = sum(1 for p in papers if p["frameworks"])
    lines = ["### 框架 Frameworks", "", f"{n_papers} 篇文献提出或使用了 {n_fw} 个框架，图示见 [框架 Frameworks](frameworks.md)。", ""]
    if shared:
        lines += ["多篇文献的框架共有的组成部分 Parts shared by frameworks of several papers：", ""]
        for k, name, v in shared:
            links = "、".join(f"[{short_id(fids[0])}](papers/{pid}.md#{fids[0]})（{esc(pid)}）" for pid, fids in sorted(v.items()))
            lines.append(f"- {esc(name)}：{k} 篇文献 — {links}")
        lines.append("")
    return lines


def ways_in_lines(papers: list[dict], glossary: list[dict], topics: list[str], groups: list,
                  term_page: dict | None = None, actor_href=None) -> list[str]:
    lines = ["## 从哪里开始 Ways in { #ways-in }", ""]
    # by topic
    items = topic_items(papers, topics)
    tl = []
    for t in topics:
        n = sum(len(c["recommendations"]) + len(c["claims"]) for c in items[t].values())
        tl.append(f"[{esc(t)}](topics/{topic_slug(t)}.md) <small>{len(items[t])} 篇 · {n} 条</small>")
    lines += ["**按主题 By topic**（[主题 × 文献矩阵 topic × paper](topics.md)）：" + " · ".join(tl), ""]
    # by actor
    count: dict[str, int] = {}
    for p in papers:
        for r in p["recommendations"]:
            for a in r.get("actors") or []:
                count[a] = count.get(a, 0) + 1
    actor_href = actor_href or (lambda a: f"recommendations/#actor={quote(a)}")
    al = [f'<a href="{attr(actor_href(a))}">{esc(a)}</a> <small>{n}</small>'
          for a, n in sorted(count.items(), key=lambda x: (-x[1], x[0]))[:12]]
    lines += ["**按行动者 By actor**（[行动者 × 主题 actors × topics](actors.md)）：" + (" · ".join(al) or "（无）"), ""]
    # by statistic
    flagged = sum(1 for g in groups if g.flags)
    lines += [f"**按数据 By statistic**：[可比数据 {len(groups)} 组](statistics.md#comparison)（{flagged} 组有提示） · "
              f"[全部数据表 all figures](statistics.md#all)（可排序、筛选）", ""]
    # by term
    terms = sorted(glossary, key=lambda e: (-len(e.get("papers") or []), e["key"]))[:12]
    # a translation printed by one paper only is that paper's, not the term's (知识 · idea)
    def en(e: dict) -> str:
        return f" <small>{esc(e['en'])}</small>" if e.get("en") and translation_applies(e, None) else ""

    gl = [f"[{esc(e['zh'])}]({(term_page or {}).get(e['key'], 'glossary.md')}#{e['key']})" + en(e) for e in terms]
    lines += ["**按术语 By term**（[术语表 glossary](glossary.md)，多篇文献使用的在前）：" + (" · ".join(gl) or "（无）"), ""]
    return lines


def render_home(papers: list[dict], glossary: list[dict] | None = None, topics: list[str] | None = None,
                related: dict | None = None, groups: list | None = None, term_page: dict | None = None,
                group_page: dict | None = None, actor_href=None) -> str:
    """``term_page``, ``group_page``: the page (under docs/) of each glossary entry and comparison
    group when those listings are split; ``actor_href``: the link of an actor's recommendations."""
    glossary = glossary or []
    topics = topics or []
    related = related or {}
    groups = groups or []
    papers = sorted(papers, key=lambda p: p["id"])
    lines = [GENERATED.format(source="corpus/papers/*.yaml"), ""]
    lines += [
        "# 人工智能与新质生产力政策知识库",
        "",
        "*policykb — a policy-analysis knowledge base built from Chinese research papers on "
        "artificial intelligence and new quality productive forces (新质生产力).*",
        "",
        "每一条都附原文引文（quote）、章节、永久链接与引用格式；原文未注明的信息标为“未注明 / not stated”。",
        "",
    ]
    lines += counts_lines(papers, glossary, topics)
    lines += ["## 跨文献发现 Across papers { #findings }", ""]
    lines += indicator_lines(groups, group_page)
    lines += shared_recommendation_lines(papers, related)
    lines += framework_lines(papers)
    lines += ways_in_lines(papers, glossary, topics, groups, term_page, actor_href)
    lines += [
        "**浏览 Browse**：[论点 Claims](claims.md) · [框架 Frameworks](frameworks.md) · [建议 Recommendations](recommendations.md) · "
        "[数据 Statistics](statistics.md) · [主题 Topics](topics.md) · [行动者 Actors](actors.md) · [术语 Glossary](glossary.md)",
        "",
        "**下载 Downloads**：[recommendations.csv](downloads/recommendations.csv) · [statistics.csv](downloads/statistics.csv) · "
        "[knowledge-base.json](downloads/knowledge-base.json) · [papers.bib](downloads/papers.bib) · "
        "[papers.csl.json](downloads/papers.csl.json) · [papers.ris](downloads/papers.ris) · "
        "[items.csl.json](downloads/items.csl.json) · [items.ris](downloads/items.ris)"
        "（CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开）",
        "",
        "## 文献 Papers { #papers }",
        "",
        "**按文献 By paper**：",
        "",
        "| 文献 Paper | 作者 Authors | 年份 Year | 建议 | 论点 | 数据 | 框架 |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in papers:
        year = esc(str(p["meta"]["year"])) if p["meta"]["year"] else "未注明"
        lines.append(f"| [{esc(paper_title(p))}](papers/{p['id']}.md) | {authors_line(p)} | {year} | "
                     f"{len(p['recommendations'])} | {len(p['claims'])} | {len(p['statistics'])} | {len(p['frameworks'])} |")
    lines.append("")
    return "\n".join(lines)
