"""policykb extract PATH"""

from __future__ import annotations

import sys
from pathlib import Path

from policykb import yamlio

HELP = "print the paper YAML for any UTF-8 text file to stdout (no corpus needed)"


def register(sub) -> None:
    p = sub.add_parser("extract", help=HELP, description=HELP)
    p.add_argument("path", type=Path, help="a paper as plain text (UTF-8; GB18030/GBK is decoded too)")
    p.add_argument("--id", dest="paper_id", default=None, help="paper id (default: from the file name)")
    p.set_defaults(func=run)


def run(args, root) -> int:
    from policykb.glossary.curated import known_terms  # imported here: other commands need not load them
    from policykb.pipeline import extract_paper

    # inside a project, the curated glossary helps find term boundaries (as in `build`)
    known = known_terms(root) if (root / "corpus").is_dir() else {}
    ex = extract_paper(args.path, paper_id=args.paper_id, known=known)
    for w in ex.paper.get("warnings") or []:
        print(f"warning: {args.path}: {w}", file=sys.stderr)
    sys.stdout.write(yamlio.dump(ex.paper))
    return 0
