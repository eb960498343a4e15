"""Write the generated pages of the site (and the navigation) from the paper records."""

from __future__ import annotations

from pathlib import Path

from policykb import yamlio
from policykb.render.markdown import GENERATED, esc
from policykb.export import to_bibtex, to_csl_json, to_csv, to_json, to_ris
from policykb.extract.topics import topic_names
from policykb.render import listings
from policykb.render.glossary_page import render_glossary
from policykb.render.glossing import Glossator
from policykb.render.paper_page import authors_line, paper_title, render_paper
from policykb.render.stats_page import render_statistics
from policykb.render.frameworks_page import render_frameworks
from policykb.render.actors_page import render_actor_matrix, render_recommendations
from policykb.render.related import related_index

GENERATED_DIRS = ("papers", "downloads")
NAV_FILE = "mkdocs.nav.yml"


def _write(path: Path, text: str, written: list[Path]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    written.append(path)


def render_home(papers: list[dict]) -> str:
    lines = [GENERATED.format(source="corpus/papers/*.yaml"), ""]
    lines += [
        "# 人工智能与新质生产力政策知识库",
        "",
        "*policykb — a policy-analysis knowledge base built from Chinese research papers on "
        "artificial intelligence and new quality productive forces (新质生产力).*",
        "",
        f"收录文献 {len(papers)} 篇，抽取建议 {sum(len(p['recommendations']) for p in papers)} 条、"
        f"数据 {sum(len(p['statistics']) for p in papers)} 条、框架 {sum(len(p['frameworks']) for p in papers)} 个、"
        f"论点 {sum(len(p['claims']) for p in papers)} 条。每一条都附原文引文（quote）、章节、永久链接与引用格式；"
        "原文未注明的信息标为“未注明 / not stated”。",
        "",
        "浏览：[论点 Claims](claims.md) · [框架 Frameworks](frameworks.md) · [建议 Recommendations](recommendations.md) · "
        "[数据 Statistics](statistics.md) · [主题 Topics](topics.md) · [术语 Glossary](glossary.md)",
        "",
        "分析 Analysis：[数据比较 Statistics compared](statistics.md#comparison) · [框架图 Frameworks drawn](frameworks.md) · "
        "[按行动者与主题筛选建议 Recommendations by actor and topic](recommendations.md) · [行动者 × 主题 Actors × topics](actors.md)",
        "",
        "下载 Downloads：[recommendations.csv](downloads/recommendations.csv) · [statistics.csv](downloads/statistics.csv) · "
        "[knowledge-base.json](downloads/knowledge-base.json) · [papers.bib](downloads/papers.bib) · "
        "[papers.csl.json](downloads/papers.csl.json) · [papers.ris](downloads/papers.ris) · "
        "[items.csl.json](downloads/items.csl.json) · [items.ris](downloads/items.ris)"
        "（CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开）",
        "",
        "## 文献 Papers",
        "",
        "| 文献 Paper | 作者 Authors | 年份 Year |",
        "|---|---|---|",
    ]
    for p in papers:
        year = p["meta"]["year"] or "未注明"
        lines.append(f"| [{esc(paper_title(p))}](papers/{p['id']}.md) | {authors_line(p)} | {year} |")
    lines.append("")
    return "\n".join(lines)


def render_papers_index(papers: list[dict]) -> str:
    lines = [GENERATED.format(source="corpus/papers/*.yaml"), "", "# 文献 Papers", ""]
    for p in papers:
        en = p["meta"]["title"]["en"]
        lines.append(f"- [{esc(paper_title(p))}]({p['id']}.md)" + (f" — *{esc(en)}*" if en and p["meta"]["title"]["zh"] else ""))
    lines.append("")
    return "\n".join(lines)


def render_nav(papers: list[dict]) -> dict:
    return {
        "nav": [
            {"首页 Home": "index.md"},
            {"文献 Papers": ["papers/index.md"] + [{paper_title(p): f"papers/{p['id']}.md"} for p in papers]},
            {"论点 Claims": "claims.md"},
            {"框架 Frameworks": "frameworks.md"},
            {"建议 Recommendations": "recommendations.md"},
            {"行动者 × 主题 Actors": "actors.md"},
            {"数据 Statistics": "statistics.md"},
            {"主题 Topics": "topics.md"},
            {"术语 Glossary": "glossary.md"},
        ]
    }


def render_site(papers: list[dict], glossary: list[dict], root: Path, base_url: str = "/") -> list[Path]:
    """Write every generated page under ``root/docs`` and the nav file; remove stale ones."""
    docs = root / "docs"
    written: list[Path] = []
    papers = sorted(papers, key=lambda p: p["id"])
    _write(docs / "index.md", render_home(papers), written)
    _write(docs / "papers" / "index.md", render_papers_index(papers), written)
    glossator = Glossator(glossary, "../glossary.md")
    terms_by_item: dict[str, list] = {}
    for e in glossary:
        if e.get("en"):
            for ids in e.get("items", {}).values():
                for iid in ids:
                    terms_by_item.setdefault(iid, []).append((e["zh"], e["en"]))
    related = related_index(papers, glossary)
    for p in papers:
        _write(docs / "papers" / f"{p['id']}.md",
               render_paper(p, glossator.new_page(), base_url, terms_by_item, related), written)
    _write(docs / "glossary.md", render_glossary(glossary, papers), written)
    _write(docs / "claims.md", listings.render_claims(papers), written)
    _write(docs / "frameworks.md", render_frameworks(papers), written)
    _write(docs / "recommendations.md", render_recommendations(papers), written)
    _write(docs / "actors.md", render_actor_matrix(papers, topic_names()), written)
    _write(docs / "statistics.md", render_statistics(papers, glossary), written)
    _write(docs / "topics.md", listings.render_topics(papers, topic_names()), written)
    # downloads: spreadsheets, the whole knowledge base, a bibliography
    dl = docs / "downloads"
    _write(dl / "recommendations.csv", to_csv(papers, ["recommendations"], base_url), written)
    _write(dl / "statistics.csv", to_csv(papers, ["statistics"], base_url), written)
    _write(dl / "knowledge-base.json", to_json(papers, glossary), written)
    _write(dl / "papers.bib", to_bibtex(papers, None, base_url), written)
    _write(dl / "papers.csl.json", to_csl_json(papers, None, base_url), written)
    _write(dl / "papers.ris", to_ris(papers, None, base_url), written)
    _write(dl / "items.csl.json", to_csl_json(papers, ["recommendations", "statistics", "frameworks", "claims"], base_url), written)
    _write(dl / "items.ris", to_ris(papers, ["recommendations", "statistics", "frameworks", "claims"], base_url), written)
    nav_text = "# generated by `policykb build`; do not edit by hand\n" + yamlio.dump(render_nav(papers))
    _write(root / NAV_FILE, nav_text, written)
    keep = set(written)
    for d in GENERATED_DIRS:
        for f in sorted((docs / d).glob("*.*")):
            if f not in keep:
                f.unlink()
    return written
