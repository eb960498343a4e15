"""Cross-paper listings split into parts, so no page grows with the corpus (issue 12, item 4).

A listing (claims, recommendations, statistics, frameworks; the glossary by pinyin initial) is
rendered as blocks — one per paper, or per glossary letter — and the blocks are packed in order
into parts of ``PAPERS_PER_PART`` blocks, fewer only when they would pass ``PART_BUDGET`` bytes of
Markdown (a part of the synthetic 500-paper corpus is at most 370 KB, so there part k holds
papers 25(k-1)+1 … 25k in id order). When the whole listing fits in the budget it stays the
single page it always was (the five papers, and the 25-paper synthetic project);
otherwise its first page (``claims.md``) is an index linking to the parts
(``claims/1.md``, ``claims/2.md`` … — papers in id order, so a part's URL changes only when papers
before it are added or removed, like the topic pages' parts).

The budget keeps a part's HTML far under 1 MB: on a built site the HTML of a listing page is at
most 1.35 × its Markdown plus about 25 KB of theme and navigation (measured on a 25-paper
synthetic project: glossary 1.32, claims 1.28, frameworks 1.23, statistics and recommendations
1.11, actors 1.07).
"""

from __future__ import annotations

from policykb.render.markdown import esc

PART_BUDGET = 400_000  # bytes of Markdown per part
PAPERS_PER_PART = 25


def size(lines: list[str] | str) -> int:
    text = lines if isinstance(lines, str) else "\n".join(lines)
    return len(text.encode("utf-8")) + 1


def pack(sizes: list[int], budget: int = PART_BUDGET, most: int = PAPERS_PER_PART) -> list[list[int]]:
    """Indexes of blocks of the given sizes, packed in order: a part takes the next block while it
    stays within ``budget`` bytes and ``most`` blocks (a block larger than the budget is a part
    of its own).

    >>> pack([3, 3, 3, 5], budget=7, most=10)
    [[0, 1], [2], [3]]
    >>> pack([1, 1, 1], budget=7, most=2)
    [[0, 1], [2]]
    >>> pack([])
    [[]]
    """
    out: list[list[int]] = [[]]
    used = 0
    for i, s in enumerate(sizes):
        if out[-1] and (used + s > budget or len(out[-1]) >= most):
            out.append([])
            used = 0
        out[-1].append(i)
        used += s
    return out


def part_nav(names: list[str], current: int) -> list[str]:
    """The line linking a part to its siblings (``names``: file names in the same folder)."""
    nav = " · ".join(f"**{i + 1}**" if i == current else f"[{i + 1}]({name})" for i, name in enumerate(names))
    return [f"分部 Parts：{nav}", ""]


def paper_parts(blocks: list[list[str]], budget: int = PART_BUDGET, most: int = PAPERS_PER_PART) -> list[list[int]]:
    """Packed indexes of per-paper blocks (lists of Markdown lines); one part when all of them
    fit in the budget, however many papers (a listing is split only when it would be big)."""
    sizes = [size(b) for b in blocks]
    if sum(sizes) <= budget:
        return [list(range(len(blocks)))]
    return pack(sizes, budget, most)


def part_name(folder: str, k: int) -> str:
    """The file of part ``k`` (0-based) under docs/: ``claims/1.md``."""
    return f"{folder}/{k + 1}.md"


def papers_table(folder: str, papers: list[dict], chunks: list[list[int]], columns: list[tuple[str, object]],
                 title, anchored=lambda p: True) -> list[str]:
    """The index's table of papers: one row per paper, linked to its section in its part, with
    ``columns`` [(header, paper -> cell Markdown)] and the part."""
    lines = ["| 文献 Paper | " + " | ".join(h for h, _ in columns) + " | 部分 Part |",
             "|---|" + "---|" * len(columns) + "---|"]
    for k, chunk in enumerate(chunks):
        name = part_name(folder, k)
        for i in chunk:
            p = papers[i]
            cells = " | ".join(str(f(p)) for _, f in columns)
            target = f"{name}#{p['id']}" if anchored(p) else name
            lines.append(f"| [{title(p)}]({target}) | {cells} | [{k + 1}]({name}) |")
    return lines + [""]


def parts_list(folder: str, papers: list[dict], chunks: list[list[int]], count) -> list[str]:
    """One line per part: its papers (first … last) and how many items (``count(paper)``)."""
    lines = []
    for k, chunk in enumerate(chunks):
        first, last = papers[chunk[0]]["id"], papers[chunk[-1]]["id"]
        n = sum(count(papers[i]) for i in chunk)
        lines.append(f"- [第 {k + 1} 部分 Part {k + 1}]({part_name(folder, k)})：{len(chunk)} 篇文献"
                     f"（{esc(first)} … {esc(last)}），{n} 条")
    return lines + [""]
