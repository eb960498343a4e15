"""Write the generated pages of the site (and the navigation) from the paper records."""

from __future__ import annotations

from pathlib import Path

from policykb import yamlio
from policykb.atomic import write_text
from policykb.render.markdown import GENERATED, esc, html_text
from policykb.export import csl_records, to_bibtex, to_csl_json, to_csv, to_json, to_ris
from policykb.extract.topics import topic_names
from policykb.forked import fork_call, fork_map
from policykb.render import listings
from policykb.render.glossary_page import glossary_pages
from policykb.render.glossing import Glossator
from policykb.render.paper_page import authors_line, paper_title, render_paper
from policykb.render.stats_page import statistics_site
from policykb.render.frameworks_page import render_frameworks_pages
from policykb.render.actors_page import actor_anchor, render_actor_matrix, render_recommendations_pages
from policykb.render.related import related_index
from policykb.render.home_page import render_home
from policykb.render.compare import group_statistics
from policykb.render.topics_page import render_topic_matrix, render_topic_pages, topic_slug
from policykb.render.search_page import render_search_page

# parts of the listings (render/parts.py) live in claims/, recommendations/ … when a listing is split
GENERATED_DIRS = ("papers", "downloads", "topics", "claims", "recommendations", "statistics", "frameworks", "glossary")
NAV_FILE = "mkdocs.nav.yml"


def _write(path: Path, text: str, written: list[Path]) -> None:
    write_text(path, text)  # temp file + rename, and only when the bytes differ (CSVs keep their \r\n)
    written.append(path)


def render_papers_index(papers: list[dict]) -> str:
    lines = [GENERATED.format(source="corpus/papers/*.yaml"), "", "# 文献 Papers", ""]
    for p in papers:
        en = p["meta"]["title"]["en"]
        note = f" — *{esc(en)}*" if en and p["meta"]["title"]["zh"] else (" <small>（原文未印中文题名 no Chinese title printed）</small>" if en else "")
        lines.append(f"- [{esc(paper_title(p))}]({p['id']}.md)" + note)
    lines.append("")
    return "\n".join(lines)


# Up to this many papers are listed in the navigation; a larger corpus lists only the papers'
# index (every page carries the navigation, so listing 500 papers would make each page's HTML grow
# with the corpus: 41% of the HTML at 500 papers was sidebar).
NAV_PAPERS_MAX = 20


def render_nav(papers: list[dict]) -> dict:
    """The navigation. MkDocs' templates print nav titles as HTML without escaping, so a
    paper's title is escaped here (it is shown as written, never run)."""
    listed = papers if len(papers) <= NAV_PAPERS_MAX else []
    return {
        "nav": [
            {"首页 Home": "index.md"},
            {"文献 Papers": ["papers/index.md"] + [{html_text(paper_title(p)): f"papers/{p['id']}.md"} for p in listed]},
            {"论点 Claims": "claims.md"},
            {"框架 Frameworks": "frameworks.md"},
            {"建议 Recommendations": "recommendations.md"},
            {"行动者 × 主题 Actors": "actors.md"},
            {"数据 Statistics": "statistics.md"},
            {"主题 Topics": ["topics.md"] + [{t: f"topics/{topic_slug(t)}.md"} for t in topic_names()]},
            {"术语 Glossary": "glossary.md"},
            {"搜索 Search": "search.md"},
        ]
    }


def _written(folder: Path, files: list[tuple[str, str]]) -> list[Path]:
    """Write each (name, text) under ``folder``; their paths, in order."""
    written: list[Path] = []
    for name, text in files:
        _write(folder / name, text, written)
    return written


def _downloads(papers: list[dict], glossary: list[dict], base_url: str) -> list[tuple[str, str]]:
    """The downloads (spreadsheets, the whole knowledge base, a bibliography): (file name, text)."""
    items = ["recommendations", "statistics", "frameworks", "claims"]
    paper_recs = csl_records(papers, None, base_url)  # CSL-JSON and RIS from the same records
    item_recs = csl_records(papers, items, base_url)
    return [
        ("recommendations.csv", to_csv(papers, ["recommendations"], base_url)),
        ("statistics.csv", to_csv(papers, ["statistics"], base_url)),
        ("knowledge-base.json", to_json(papers, glossary)),
        ("papers.bib", to_bibtex(papers, None, base_url)),
        ("papers.csl.json", to_csl_json(papers, None, base_url, paper_recs)),
        ("papers.ris", to_ris(papers, None, base_url, paper_recs)),
        ("items.csl.json", to_csl_json(papers, items, base_url, item_recs)),
        ("items.ris", to_ris(papers, items, base_url, item_recs)),
    ]


def render_site(papers: list[dict], glossary: list[dict], root: Path, base_url: str = "/") -> list[Path]:
    """Write every generated page under ``root/docs`` and the nav file; remove stale ones."""
    docs = root / "docs"
    written: list[Path] = []
    papers = sorted(papers, key=lambda p: p["id"])
    # the downloads, made and written beside the pages (forked.py); their paths listed in their place below
    downloads = fork_call(lambda: _written(docs / "downloads", _downloads(papers, glossary, base_url)))
    # the listings and matrices that read only the papers, made beside the rest (written below, in order)
    paper_listings = fork_call(lambda: (listings.render_claims_pages(papers), render_frameworks_pages(papers),
                                        render_actor_matrix(papers, topic_names()), render_topic_matrix(papers, topic_names()),
                                        render_topic_pages(papers, topic_names())))
    _write(docs / "papers" / "index.md", render_papers_index(papers), written)
    # listings split into parts when big (render/parts.py): {file under docs/: page}
    gloss_pages, term_page = glossary_pages(glossary, papers)
    split_terms = {k: v for k, v in term_page.items() if v != "glossary.md"}
    glossator = Glossator(glossary, "../glossary.md", {k: f"../{v}" for k, v in split_terms.items()})
    terms_by_item: dict[str, list] = {}
    for e in glossary:
        if e.get("en"):
            for ids in e.get("items", {}).values():
                for iid in ids:
                    terms_by_item.setdefault(iid, []).append((e["zh"], e["en"]))
    related = related_index(papers, glossary)
    groups = group_statistics(papers, glossary)
    stats_pages, group_page = statistics_site(papers, glossary, groups)
    rec_pages = render_recommendations_pages(papers)
    actor_href = (lambda a: f"recommendations/#{actor_anchor(a)}") if len(rec_pages) > 1 else None
    group_page = {k: v for k, v in group_page.items() if v != "statistics.md"}
    _write(docs / "index.md", render_home(papers, glossary, topic_names(), related, groups, split_terms, group_page,
                                          actor_href), written)
    dl_written = downloads()  # (done by now: it started first)
    # each page a pure function of its paper and the corpus-wide data above: made and written
    # over the cores, listed in paper order
    written += fork_map(lambda p: _written(docs / "papers", [(f"{p['id']}.md", render_paper(
        p, glossator.new_page(paper=p["id"]), base_url, terms_by_item, related))])[0], papers)
    claims_pages, frameworks_pages, actors_page, topics_page, topic_pages = paper_listings()
    listing_pages = {**gloss_pages, **claims_pages, **frameworks_pages, **rec_pages, **stats_pages}
    for name, page in listing_pages.items():
        _write(docs / name, page, written)
    _write(docs / "actors.md", actors_page, written)
    _write(docs / "topics.md", topics_page, written)
    _write(docs / "search.md", render_search_page(), written)
    for name, page in topic_pages.items():
        _write(docs / "topics" / name, page, written)
    # downloads: spreadsheets, the whole knowledge base, a bibliography
    written += dl_written
    nav_text = "# generated by `policykb build`; do not edit by hand\n" + yamlio.dump(render_nav(papers))
    _write(root / NAV_FILE, nav_text, written)
    keep = set(written)
    for d in GENERATED_DIRS:
        for f in sorted((docs / d).glob("*.*")):
            if f not in keep:
                f.unlink()
    return written
