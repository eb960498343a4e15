"""policykb export"""

from __future__ import annotations

import sys
from pathlib import Path

from policykb import yamlio
from policykb.cli.cite_cmd import load_papers
from policykb.errors import PolicyKBError
from policykb.export import KIND_NAMES, KINDS, to_bibtex, to_csl_json, to_csv, to_json, to_ris
from policykb.search.engine import KIND_ALIASES
from policykb.search.index import site_url

HELP = "the whole knowledge base as CSV (UTF-8 with BOM), JSON, or BibTeX, CSL-JSON and RIS for reference managers"


def register(sub) -> None:
    p = sub.add_parser("export", help=HELP, description=HELP)
    p.add_argument("--format", required=True, choices=("csv", "json", "bibtex", "csl-json", "ris"), help="output format")
    p.add_argument("--kind", help="only claim | recommendation | statistic | framework")
    p.add_argument("--output", "-o", type=Path, help="write to this file instead of stdout")
    p.set_defaults(func=run)


def run(args, root) -> int:
    papers = list(load_papers(root).values())
    kinds = list(KINDS)
    if args.kind:
        k = KIND_ALIASES.get(args.kind.lower())
        if k not in KIND_NAMES:  # passages are searched, not exported
            raise PolicyKBError(f"unknown kind {args.kind!r}; use claim, recommendation, statistic or framework")
        kinds = [KIND_NAMES[k]]
    base = site_url(root)
    if args.format == "csv":
        out = to_csv(papers, kinds, base)
    elif args.format == "json":
        gpath = root / "corpus" / "glossary.yaml"
        glossary = yamlio.read(gpath)["terms"] if gpath.exists() else []
        if args.kind:
            papers = [dict(p.to_dict(), **{k: (p[k] if k in kinds else []) for k in KINDS}) for p in papers]
        out = to_json(papers, glossary)
    elif args.format == "csl-json":
        out = to_csl_json(papers, kinds if args.kind else None, base)
    elif args.format == "ris":
        out = to_ris(papers, kinds if args.kind else None, base)
    else:
        out = to_bibtex(papers, kinds if args.kind else None, base)
    if args.output:
        try:
            args.output.write_text(out, encoding="utf-8", newline="")
        except OSError as exc:
            raise PolicyKBError(f"cannot write: {exc.strerror}", args.output) from None
    else:
        sys.stdout.write(out)
    return 0
