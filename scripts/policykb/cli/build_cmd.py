"""policykb build"""

from __future__ import annotations

from policykb.build import build_corpus
from policykb.search.index import site_url

HELP = "extract every corpus/raw/*.txt, write the YAML, render the pages, build site/ (mkdocs --strict)"


def register(sub) -> None:
    p = sub.add_parser("build", help=HELP, description=HELP)
    p.add_argument("--no-site", action="store_true", help="write YAML and pages but do not run mkdocs")
    p.set_defaults(func=run)


def run(args, root) -> int:
    report = build_corpus(root, site=not args.no_site)
    items = sum(len(p[k]) for p in report.papers for k in ("claims", "frameworks", "recommendations", "statistics"))
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items())
    print(f"built {len(report.papers)} papers, {items} items ({timing})")
    if not args.no_site:
        print(f"site: {root / 'site' / 'index.html'}")
    if not site_url(root):
        print(f"base URL unset (site_url in {root / 'mkdocs.yml'}): permalinks and citations carry page paths (papers/<paper>/#<id>)")
    return 0
