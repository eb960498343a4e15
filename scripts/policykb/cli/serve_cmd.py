"""policykb serve"""

from __future__ import annotations


HELP = "build, then serve the site locally (mkdocs serve)"


def register(sub) -> None:
    p = sub.add_parser("serve", help=HELP, description=HELP)
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    p.set_defaults(func=run)


def run(args, root) -> int:
    from policykb.build import build_corpus, run_mkdocs  # imported here: other commands need not load it

    build_corpus(root)
    run_mkdocs(root, "serve", ["--dev-addr", args.dev_addr])
    return 0
