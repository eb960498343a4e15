"""框架 Frameworks drawn: every framework as a Mermaid diagram, frameworks of all papers side by side.

Shapes follow what the paper presents: a chain (A—B—C) or a series is a flow; parts named as
layers (…层) are a stack; a cross-tabulated typology table (two dimensions, two levels each) is
a 2×2 grid; a dichotomy is two boxes; any other set of parts hangs from the framework's name.
Diagrams are rendered in the browser by Material from a vendored mermaid.min.js (loaded only
on this page; Material would otherwise fetch it from a CDN).

Every label is encoded for Mermaid: all characters but letters, digits and spaces become
Mermaid entity codes (``#60;``), so quotes, brackets and HTML in paper text stay text.
"""

from __future__ import annotations

import re
from html import escape

from policykb.render import parts
from policykb.render.markdown import GENERATED, esc
from policykb.render.paper_page import curated_badge, paper_title, short_id

HEAD = "---\nsearch:\n  exclude: true\n---\n\n"
MERMAID_JS = "javascripts/vendor/mermaid.min.js"
LAYER = re.compile(r"(层|层次|层级)$")
MAX_LABEL = 40

SHAPES = [
    ("flow", "链条与过程 Chains and sequences", "依次相连的环节（A—B—C），按原文顺序画成流程。"),
    ("stack", "层级 Layered schemes", "由若干“层”组成的框架，自下而上画成堆叠。"),
    ("grid", "类型 Typologies", "两个维度交叉的类型表画成 2×2 格；二分法画成并列的两类。"),
    ("parts", "构成 Components", "由并列的部分、特征或维度组成的框架。"),
    ("sections", "章节结构 Section outlines", "原文以一节的小标题呈现的分析框架。"),
    ("none", "仅有名称 Named only", "原文以图呈现、文本中没有列出组成部分的框架。"),
]


def mlabel(text: str, limit: int = MAX_LABEL) -> str:
    """A Mermaid node label: letters, digits and spaces kept, everything else as an entity code.

    >>> mlabel('A"<b>[x]')
    'A#34;#60;b#62;#91;x#93;'
    """
    t = " ".join((text or "").split())
    if len(t) > limit:
        t = t[: limit - 1] + "…"
    return "".join(c if (c.isalnum() or c == " ") else f"#{ord(c)};" for c in t)


def _node(nid: str, name: str, desc: str | None = None) -> str:
    label = mlabel(name)
    if desc:
        label += "<br/><small>" + mlabel(desc, 24) + "</small>"
    return f'{nid}["{label}"]'


def _crosstab(paper: dict, fw: dict):
    """(dimension X, X levels, dimension Y, [(Y level, [cells])]) for a typology table laid out as
    [[corner, X], ['', x1, x2], [Y, y1, cells…], ['', y2, cells…]]; else None."""
    if fw.get("kind") != "table":
        return None
    table = next((t for t in paper.get("tables", []) if t.get("kind") == "table" and t.get("caption") and t["caption"] in fw["name"]), None)
    rows = (table or {}).get("rows") or []
    if len(rows) != 4 or len(rows[0]) != 2 or rows[1][0] or rows[3][0] or not rows[2][0]:
        return None
    xlev = rows[1][1:]
    if len(xlev) != 2:
        return None
    return rows[0][1], xlev, rows[2][0], [(rows[2][1], rows[2][2:]), (rows[3][1], rows[3][2:])]


def shape(paper: dict, fw: dict) -> str:
    kind = fw.get("kind")
    comps = fw.get("components") or []
    if not comps:
        return "none"
    if kind == "sections":
        return "sections"
    if _crosstab(paper, fw) or kind == "dichotomy":
        return "grid"
    if len(comps) >= 2 and all(LAYER.search(c["name"]) for c in comps):
        return "stack"
    if kind in ("chain", "series"):
        return "flow"
    return "parts"


def mermaid(paper: dict, fw: dict) -> str | None:
    """The Mermaid source of a framework's diagram (None when it has no parts to draw)."""
    comps = fw.get("components") or []
    sh = shape(paper, fw)
    if sh == "none":
        return None
    if sh == "flow":
        direction = "LR" if len(comps) <= 4 else "TB"
        lines = [f"flowchart {direction}"]
        lines += [f"    {_node(f'n{i}', c['name'], c.get('description'))}" for i, c in enumerate(comps)]
        lines.append("    " + " --> ".join(f"n{i}" for i in range(len(comps))))
        return "\n".join(lines)
    if sh == "stack":
        lines = ["block-beta", "    columns 1"]
        for i, c in reversed(list(enumerate(comps))):  # the first layer named is the base
            lines.append(f"    {_node(f'n{i}', c['name'], c.get('description'))}")
        return "\n".join(lines)
    if sh == "grid":
        ct = _crosstab(paper, fw)
        if ct:
            x, xlev, y, yrows = ct
            lines = ["block-beta", "    columns 3", "    space",
                     f'    x0["{mlabel(x)}：{mlabel(xlev[0])}"]', f'    x1["{mlabel(x)}：{mlabel(xlev[1])}"]']
            for r, (ylev, cells) in enumerate(yrows):
                lines.append(f'    y{r}["{mlabel(y)}：{mlabel(ylev)}"]')
                if len(cells) == 2:
                    lines += [f'    c{r}{k}["{mlabel(cells[k], 60)}"]' for k in range(2)]
                else:
                    lines.append(f'    c{r}["{mlabel(" ".join(cells), 80)}"]:2')
            return "\n".join(lines)
        lines = ["block-beta", f"    columns {len(comps)}"]
        lines += [f"    {_node(f'n{i}', c['name'], c.get('description'))}" for i, c in enumerate(comps)]
        return "\n".join(lines)
    # the name on the left, its parts stacked on the right: legible in a narrow card
    lines = ["flowchart LR", f"    {_node('root', fw['name'])}"]
    for i, c in enumerate(comps):
        lines.append(f"    {_node(f'n{i}', c['name'], c.get('description'))}")
        lines.append(f"    root --- n{i}")
    return "\n".join(lines)


def _card(paper: dict, fw: dict, prefix: str = "") -> list[str]:
    pid = paper["id"]
    lines = [
        f'<div class="pkb-fw-card{" pkb-wide" if shape(paper, fw) == "grid" else ""}" markdown>',
        "",
        f'<a id="fw-{escape(fw["id"], quote=True)}"></a>**{esc(fw["name"])}** · '
        f"[{short_id(fw['id'])}]({prefix}papers/{pid}.md#{fw['id']})" + curated_badge(fw),
        "",
        f'<span class="pkb-tags">{esc(paper_title(paper))}</span>',
        "",
    ]
    src = mermaid(paper, fw)
    if src:
        lines += ["``` mermaid", src, "```", ""]
    described = [c for c in fw.get("components") or [] if c.get("description")]
    if described:
        lines += [f"- **{esc(c['name'])}**：{esc(c['description'])}" for c in described] + [""]
    lines += ["</div>", ""]
    return lines


def _head(title: str, depth: int = 1) -> list[str]:
    return [
        HEAD + GENERATED.format(source="corpus/papers/*.yaml"),
        "",
        f'<script src="{"../" * depth}{MERMAID_JS}"></script>',
        "",
        f"# {title}",
        "",
    ]


def _counts(by_shape: dict[str, list[tuple[dict, dict]]]) -> dict[tuple[str, str], int]:
    """{(paper id, shape): frameworks}, so the paper × shape table is linear in the frameworks."""
    out: dict[tuple[str, str], int] = {}
    for s, items in by_shape.items():
        for p, _ in items:
            out[(p["id"], s)] = out.get((p["id"], s), 0) + 1
    return out


def _by_shape(papers: list[dict]) -> dict[str, list[tuple[dict, dict]]]:
    by_shape: dict[str, list[tuple[dict, dict]]] = {s: [] for s, _, _ in SHAPES}
    for p in papers:
        for fw in p["frameworks"]:
            by_shape[shape(p, fw)].append((p, fw))
    return by_shape


def _shape_sections(by_shape: dict[str, list[tuple[dict, dict]]], prefix: str = "") -> list[str]:
    lines = []
    for s, title, intro in SHAPES:
        items = by_shape[s]
        if not items:
            continue
        lines += [f"## {title} ({len(items)}) {{ #shape-{s} }}", "", intro, "", '<div class="pkb-fw-grid" markdown>', ""]
        for p, fw in items:
            lines += _card(p, fw, prefix)
        lines += ["</div>", ""]
    return lines


def render_frameworks(papers: list[dict]) -> str:
    papers = sorted(papers, key=lambda p: p["id"])
    by_shape = _by_shape(papers)
    n_shape = _counts(by_shape)
    total = sum(len(v) for v in by_shape.values())
    lines = _head("框架 Frameworks") + [
        f"各文献提出或使用的分析框架共 {total} 个，按形态并列展示：链条画成流程，分层画成堆叠，类型表画成 2×2 格，"
        "其余画成由名称展开的组成部分；点击编号回到原文位置。",
        "",
        "*Every framework of every paper as a diagram, grouped by shape so papers sit side by side.*",
        "",
        "| 文献 Paper | " + " | ".join(title.split(" ", 1)[0] for s, title, _ in SHAPES) + " |",
        "|---|" + "---|" * len(SHAPES),
    ]
    for p in papers:
        counts = [n_shape.get((p["id"], s), 0) for s, _, _ in SHAPES]
        lines.append(f"| [{esc(paper_title(p))}](papers/{p['id']}.md) | " + " | ".join(str(c) if c else "" for c in counts) + " |")
    lines.append("")
    lines += _shape_sections(by_shape)
    return "\n".join(lines)


def render_frameworks_pages(papers: list[dict]) -> dict[str, str]:
    """{file under docs/: page}: ``frameworks.md`` as one page when its diagrams fit in one part,
    else an index (counts per shape and per paper, each linked into its part) and
    ``frameworks/<k>.md``, each with the diagrams of its papers grouped by shape."""
    papers = sorted(papers, key=lambda p: p["id"])
    chunks = parts.paper_parts([sum((_card(p, fw, "../") for fw in p["frameworks"]), []) for p in papers])
    if len(chunks) == 1:
        return {"frameworks.md": render_frameworks(papers)}
    by_shape = _by_shape(papers)
    n_shape = _counts(by_shape)
    total = sum(len(v) for v in by_shape.values())
    lines = _head("框架 Frameworks") + [
        f"各文献提出或使用的分析框架共 {total} 个，按文献分为 {len(chunks)} 个部分；每部分按形态并列展示"
        "（链条画成流程，分层画成堆叠，类型表画成 2×2 格）。下表的数字打开该部分中该形态的图。",
        "",
        f"*Every framework of every paper as a diagram, in {len(chunks)} parts by paper, grouped by shape "
        "within a part. A number opens that shape's diagrams in the paper's part.*",
        "",
        "## 各形态 Shapes { #shapes }",
        "",
    ]
    lines += [f"- {title}：{len(by_shape[s])} 个" for s, title, _ in SHAPES if by_shape[s]] + [""]
    lines += ["## 各部分 Parts { #parts }", ""]
    lines += parts.parts_list("frameworks", papers, chunks, lambda p: len(p["frameworks"]))
    lines += ["## 各文献 Papers { #papers }", "",
              "| 文献 Paper | " + " | ".join(title.split(" ", 1)[0] for s, title, _ in SHAPES) + " | 部分 Part |",
              "|---|" + "---|" * len(SHAPES) + "---|"]
    out = {}
    names = [f"{k + 1}.md" for k in range(len(chunks))]
    for k, chunk in enumerate(chunks):
        name = parts.part_name("frameworks", k)
        for i in chunk:
            p = papers[i]
            counts = [n_shape.get((p["id"], s), 0) for s, _, _ in SHAPES]
            cells = " | ".join(f"[{c}]({name}#shape-{s})" if c else "" for c, (s, _, _) in zip(counts, SHAPES))
            lines.append(f"| [{esc(paper_title(p))}](papers/{p['id']}.md) | {cells} | [{k + 1}]({name}) |")
        part_papers = [papers[i] for i in chunk]
        part_shapes = _by_shape(part_papers)
        page = _head(f"框架 Frameworks（{k + 1}/{len(chunks)}）", depth=2) + [
            f"本部分 {len(chunk)} 篇文献的框架 {sum(len(v) for v in part_shapes.values())} 个（全部 {total} 个），"
            "按形态并列。[← 框架 Frameworks](../frameworks.md)",
            "",
        ] + parts.part_nav(names, k)
        page += _shape_sections(part_shapes, "../")
        out[name] = "\n".join(page)
    lines.append("")
    return {"frameworks.md": "\n".join(lines), **out}
