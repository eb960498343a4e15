"""建议 Recommendations by actor and theme: a filterable list and an actor × topic matrix.

The list is grouped by paper (readable without JavaScript); ``pkb-tables.js`` adds filters by
actor, topic and paper. The matrix counts recommendations per actor and topic, links each cell
to the list of its items, and marks where several papers converge and where only one goes.
Actors are the ``actors`` field as extracted (canonical names from ``rules/actors.yaml``).
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from pypinyin import lazy_pinyin

from policykb import rules
from policykb.render import parts
from policykb.render.markdown import GENERATED, esc
from policykb.render.paper_page import curated_badge, paper_title, short_id
from policykb.render.textfit import truncate

HEAD = "---\nsearch:\n  exclude: true\n---\n\n"
NO_ACTOR = "未注明 not stated"
NO_TOPIC = "未归类 no topic"
LEVEL = {1: "一级", 2: "二级", "inline": "行文中"}


def h(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def actor_names(papers: list[dict]) -> list[str]:
    """Actors in the order of ``rules/actors.yaml``, then any other actor found, then 未注明."""
    order = list(rules.load("actors.yaml")["actors"])
    seen = {a for p in papers for r in p["recommendations"] for a in r.get("actors") or []}
    return [a for a in order if a in seen] + sorted(seen - set(order)) + [NO_ACTOR]


def _actors(r: dict) -> list[str]:
    return list(r.get("actors") or []) or [NO_ACTOR]


def _topics(r: dict) -> list[str]:
    return list(r.get("topics") or []) or [NO_TOPIC]


def _slug(text: str) -> str:
    return "-".join(lazy_pinyin(text.split(" ")[0])).replace(" ", "")


def _item_li(p: dict, r: dict, depth: int = 1) -> str:
    head = r.get("title") or ""
    body = r.get("text") or ""
    if head and body.startswith(head):
        body = body[len(head):]
    text = f"<strong>{h(truncate(head, 60))}</strong> " if head else ""
    text += h(truncate(body, 110 if head else 140))
    cls = ' class="pkb-l2"' if r.get("level") == 2 else ""
    return (
        f'<li{cls} data-actor="{h("|".join(_actors(r)))}" data-topic="{h("|".join(_topics(r)))}" '
        f'data-paper="{h(p["id"])}">'
        f'<a href="{"../" * depth}papers/{h(p["id"])}/#{h(r["id"])}">{h(short_id(r["id"]))}</a>{curated_badge(r)} '
        f"{text} <span class=\"pkb-tags\">{h(LEVEL.get(r.get('level'), ''))} · "
        f"行动者 {h('、'.join(_actors(r)))} · 主题 {h('、'.join(_topics(r)))}</span></li>"
    )


def _recs_head(n: int, actors_link: str = "actors.md") -> list[str]:
    return [
        HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
        "",
        "# 建议 Recommendations",
        "",
        f"各文献的政策建议共 {n} 条，按文献与原文层级排列（一级、二级，及正文中的行文建议）。"
        f"可按行动者、主题和文献筛选；行动者 × 主题的分布见 [行动者 × 主题]({actors_link})。",
        "",
    ]


FILTER_BOX = ('<div class="pkb-filterable" data-filters="actor,topic,paper" data-label-actor="行动者 Actor" '
              'data-label-topic="主题 Topic" data-label-paper="文献 Paper"></div>')


def _recs_block(p: dict, depth: int = 1) -> list[str]:
    prefix = "../" * (depth - 1)
    return [f"## [{esc(paper_title(p))}]({prefix}papers/{p['id']}.md) {{ #{p['id']} }}", "",
            '<ul class="pkb-group pkb-recs">' + "".join(_item_li(p, r, depth) for r in p["recommendations"]) + "</ul>", ""]


def render_recommendations(papers: list[dict]) -> str:
    papers = sorted(papers, key=lambda p: p["id"])
    n = sum(len(p["recommendations"]) for p in papers)
    lines = _recs_head(n) + [
        "*Every recommendation, filterable by actor, topic and paper (without JavaScript: grouped by paper).*",
        "",
        FILTER_BOX,
        "",
    ]
    for p in papers:
        lines += _recs_block(p)
    return "\n".join(lines)


def recommendation_parts(papers: list[dict]) -> list[list[int]]:
    """Indexes into ``papers`` (sorted by id) of each part of the recommendations listing (one
    part: the single page of today)."""
    return parts.paper_parts([_recs_block(p) for p in sorted(papers, key=lambda p: p["id"])])


def actor_anchor(actor: str) -> str:
    """The id of an actor's line on the split listing's index (``recommendations/#a-zheng-fu``)."""
    return "a-" + _slug(actor)


def render_recommendations_pages(papers: list[dict]) -> dict[str, str]:
    """{file under docs/: page}: ``recommendations.md`` as one page when it fits in one part,
    else an index (per actor: counts per part, linked to the part with the actor's filter preset;
    every paper with its part) and ``recommendations/<k>.md``, each filterable within itself."""
    papers = sorted(papers, key=lambda p: p["id"])
    chunks = recommendation_parts(papers)
    if len(chunks) == 1:
        return {"recommendations.md": render_recommendations(papers)}
    n = sum(len(p["recommendations"]) for p in papers)
    lines = _recs_head(n) + [
        f"建议按文献分为 {len(chunks)} 个部分；筛选在一个部分之内进行（全库的筛选见站内搜索）。"
        "下面按行动者列出各部分的条数，点数字打开该部分并按该行动者筛选。",
        "",
        f"*{len(chunks)} parts by paper; the filters work within a part. Per actor, the number of "
        "recommendations in each part, linked to that part with the actor's filter preset.*",
        "",
        "## 按行动者 By actor { #by-actor }",
        "",
    ]
    for a in actor_names(papers):
        counts = [sum(1 for i in chunk for r in papers[i]["recommendations"] if a in _actors(r)) for chunk in chunks]
        links = " · ".join(f'<a href="{k + 1}/#actor={quote(a)}">{k + 1}</a> <small>({c})</small>'
                           for k, c in enumerate(counts) if c)
        lines.append(f'<p class="pkb-cell" id="{h(actor_anchor(a))}"><strong>{h(a)}</strong> '
                     f"<small>{sum(counts)} 条</small><br>部分 Parts：{links}</p>")
    lines += ["", "## 各部分 Parts { #parts }", ""]
    lines += parts.parts_list("recommendations", papers, chunks, lambda p: len(p["recommendations"]))
    lines += ["## 各文献 Papers { #papers }", ""]
    lines += parts.papers_table("recommendations", papers, chunks, [
        ("建议 Recommendations", lambda p: len(p["recommendations"])),
    ], lambda p: esc(paper_title(p)))
    out = {"recommendations.md": "\n".join(lines)}
    names = [f"{k + 1}.md" for k in range(len(chunks))]
    for k, chunk in enumerate(chunks):
        m = sum(len(papers[i]["recommendations"]) for i in chunk)
        page = [
            HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
            "",
            f"# 建议 Recommendations（{k + 1}/{len(chunks)}）",
            "",
            f"本部分 {len(chunk)} 篇文献的建议 {m} 条（全部 {n} 条），可按行动者、主题和文献筛选（仅本部分）。"
            "[← 建议 Recommendations](../recommendations.md) · [行动者 × 主题](../actors.md)",
            "",
        ] + parts.part_nav(names, k) + [FILTER_BOX, ""]
        for i in chunk:
            page += _recs_block(papers[i], depth=2)
        out[parts.part_name("recommendations", k)] = "\n".join(page)
    return out


def matrix(papers: list[dict], topics: list[str]) -> tuple[list[str], list[str], dict]:
    """(actors, topics, {(actor, topic): [(paper, rec)]})."""
    actors = actor_names(papers)
    topics = list(topics) + ([NO_TOPIC] if any(not r.get("topics") for p in papers for r in p["recommendations"]) else [])
    cells: dict[tuple[str, str], list] = {}
    for p in sorted(papers, key=lambda p: p["id"]):
        for r in p["recommendations"]:
            for a in _actors(r):
                for t in _topics(r):
                    cells.setdefault((a, t), []).append((p, r))
    return actors, topics, cells


def render_actor_matrix(papers: list[dict], topic_names: list[str]) -> str:
    actors, topics, cells = matrix(papers, topic_names)
    n_papers = len(papers)
    ordered = sorted(papers, key=lambda p: p["id"])
    chunks = recommendation_parts(ordered)
    split = len(chunks) > 1  # the recommendations listing is split: cells link into its parts
    part_of = {ordered[i]["id"]: k for k, chunk in enumerate(chunks) for i in chunk}
    lines = [
        HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
        "",
        "# 行动者 × 主题 Actors × topics",
        "",
        "每格是该行动者、该主题下的建议条数（括号内为文献篇数）；**加底色**的格有两篇及以上文献的建议（观点汇聚），"
        "灰色的格只有一篇文献涉及。点数字看这些建议。行动者取自抽取结果（`actors`），一条建议可有多个行动者与主题。",
        "",
        "*Recommendations per actor and topic (papers in brackets): shaded where two or more papers converge, grey "
        "where only one paper goes. A recommendation counts under each of its actors and topics.*",
        "",
    ]
    head = "".join(f"<th>{h(t)}</th>" for t in topics)
    rows = [f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="pkb-matrix"><thead><tr><th>行动者 Actor</th>{head}</tr></thead><tbody>']
    for i, a in enumerate(actors):
        tds = []
        for j, t in enumerate(topics):
            items = cells.get((a, t), [])
            if not items:
                tds.append("<td></td>")
                continue
            k = len({p["id"] for p, _ in items})
            cls = "pkb-converge" if k >= 2 else "pkb-single"
            tds.append(f'<td class="{cls}"><a href="#m-{i}-{j}" title="{h(a)} × {h(t)}">{len(items)}</a> <small>({k})</small></td>')
        rows.append(f"<tr><th>{h(a)}</th>{''.join(tds)}</tr>")
    rows.append("</tbody></table></div></div>")
    lines += ["".join(rows), ""]

    ranked = sorted(
        ((len({p["id"] for p, _ in v}), len(v), actors.index(a), topics.index(t), a, t) for (a, t), v in cells.items()),
        key=lambda x: (-x[0], -x[1], x[2], x[3]),
    )
    converge = [x for x in ranked if x[0] >= min(3, n_papers) and x[4] != NO_ACTOR]
    lines += ["## 观点汇聚 Where papers converge { #converge }", ""]
    if converge:
        lines += [f"- [{esc(a)} × {esc(t)}](#m-{actors.index(a)}-{topics.index(t)})：{k} 篇文献，{m} 条建议" for k, m, _, _, a, t in converge]
    else:
        lines.append("（没有三篇及以上文献共同涉及的行动者与主题）")
    single = [x for x in ranked if x[0] == 1 and x[4] != NO_ACTOR]
    lines += ["", "## 仅一篇文献 Only one paper { #single }", ""]
    lines += [f"- [{esc(a)} × {esc(t)}](#m-{actors.index(a)}-{topics.index(t)})：{esc(cells[(a, t)][0][0]['id'])}，{m} 条"
              for _, m, _, _, a, t in single] or ["（无）"]
    lines += ["", "## 各格的建议 Recommendations per cell { #cells }", "",
              "建议页分为几个部分：每格列出各部分中的条数，点数字打开该部分并按该行动者与主题筛选。" if split else
              "每格的建议编号（按文献），点编号看原文；“筛选”在建议页按该行动者与主题筛选。", ""]
    for i, a in enumerate(actors):
        for j, t in enumerate(topics):
            items = cells.get((a, t))
            if not items:
                continue
            query = "actor=" + quote(a) + "&amp;topic=" + quote(t)
            if split:  # counts per part, each linked to its part with the cell's filters preset
                per_part: dict[int, int] = {}
                for p, _ in items:
                    per_part[part_of[p["id"]]] = per_part.get(part_of[p["id"]], 0) + 1
                cell = "部分 Parts：" + " · ".join(
                    f'<a href="../recommendations/{k + 1}/#{query}">{k + 1}</a> <small>({c})</small>'
                    for k, c in sorted(per_part.items()))
                lines.append(f'<p class="pkb-cell" id="m-{i}-{j}"><strong>{h(a)} × {h(t)}</strong> '
                             f"<small>{len(items)} 条，{len({p['id'] for p, _ in items})} 篇</small><br>{cell}</p>")
                continue
            by_paper: dict[str, list[str]] = {}
            for p, r in items:
                by_paper.setdefault(p["id"], []).append(
                    f'<a href="../papers/{h(p["id"])}/#{h(r["id"])}">{h(short_id(r["id"]))}</a>{curated_badge(r)}')
            cell = "；".join(f"{h(pid)}：{' '.join(links)}" for pid, links in by_paper.items())
            lines.append(
                f'<p class="pkb-cell" id="m-{i}-{j}"><strong>{h(a)} × {h(t)}</strong> '
                f"<small>{len(items)} 条，{len(by_paper)} 篇</small><br>{cell} · "
                f'<a href="../recommendations/#{query}">在建议页筛选 filter</a></p>'
            )
    lines.append("")
    return "\n".join(lines)
