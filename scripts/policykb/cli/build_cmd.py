"""policykb build"""

from __future__ import annotations

from policykb.errors import PolicyKBError

HELP = "extract every corpus/raw/*.txt, write the YAML, render the pages, build site/ (mkdocs --strict)"


def register(sub) -> None:
    p = sub.add_parser("build", help=HELP, description=HELP)
    p.add_argument("--no-site", action="store_true", help="write YAML and pages but do not run mkdocs")
    p.add_argument(
        "--workers", type=int, default=None, metavar="N",
        help="extraction processes (default: the number of cores); the output does not depend on it",
    )
    p.add_argument(
        "--no-cache", action="store_true",
        help="extract every paper again (default: reuse .cache/policykb/ for papers whose inputs are unchanged)",
    )
    p.add_argument(
        "--quiet", action="store_true",
        help="no per-stage progress lines (they are only printed when stderr is a terminal)",
    )
    p.set_defaults(func=run)


def run(args, root) -> int:
    from policykb.build import build_corpus  # imported here: `policykb search` need not load the pipeline
    from policykb.search.index import site_url

    if args.workers is not None and args.workers < 1:
        raise PolicyKBError("--workers must be at least 1")
    report = build_corpus(
        root, site=not args.no_site, workers=args.workers, cache=not args.no_cache, quiet=True if args.quiet else None
    )
    items = sum(len(p[k]) for p in report.papers for k in ("claims", "frameworks", "recommendations", "statistics"))
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items())
    print(f"built {len(report.papers)} papers, {items} items ({timing})")
    if not args.no_site:
        print(f"site: {root / 'site' / 'index.html'}")
    if not site_url(root):
        print(f"base URL unset (site_url in {root / 'mkdocs.yml'}): permalinks and citations carry page paths (papers/<paper>/#<id>)")
    return 0
