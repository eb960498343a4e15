"""policykb cite ID"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import process

from policykb.cite import STYLES, citation
from policykb.errors import PolicyKBError
from policykb.paper import Paper, read_paper
from policykb.search.index import paper_url, permalink, site_url

HELP = "a ready citation of an item (or a paper), with its permalink"
KINDS = ("claims", "frameworks", "recommendations", "statistics")


def register(sub) -> None:
    p = sub.add_parser("cite", help=HELP, description=HELP)
    p.add_argument("id", help="an item id such as cao-liu-zheng-2025.r5.1, or a paper id")
    p.add_argument("--style", default="gbt7714", choices=STYLES, help="citation style (default gbt7714)")
    p.set_defaults(func=run)


def load_papers(root: Path) -> dict[str, Paper]:
    """Every paper record of the corpus (a malformed file: one line naming it)."""
    files = sorted((root / "corpus" / "papers").glob("*.yaml"))
    if not files:
        raise PolicyKBError("no paper files; run `policykb build` first", root / "corpus" / "papers")
    return {f.stem: read_paper(f) for f in files}


def find(papers: dict[str, Paper], item_id: str):
    if item_id in papers:
        return papers[item_id], None
    pid = item_id.split(".", 1)[0]
    p = papers.get(pid)
    if p is not None:
        for k in KINDS:
            for it in p[k]:
                if it["id"] == item_id:
                    return p, it
        for r in p.get("retired_ids", []):
            if r["id"] == item_id:
                raise PolicyKBError(f"{item_id} was withdrawn (its text is no longer extracted): “{r.get('quote', '')[:60]}”")
    ids = [it["id"] for p in papers.values() for k in KINDS for it in p[k]] + list(papers)
    near = [m for m, score, _ in process.extract(item_id, ids, limit=3) if score >= 60]
    more = f"; did you mean: {', '.join(near)}?" if near else ""
    raise PolicyKBError(f"unknown id {item_id!r}{more}")


def run(args, root) -> int:
    papers = load_papers(root)
    paper, item = find(papers, args.id.strip())
    base = site_url(root)
    url = permalink(base, paper["id"], item["id"]) if item else paper_url(base, paper["id"])
    print(citation(paper, item, args.style, url))
    return 0
