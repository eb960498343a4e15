"""policykb extract PATH"""

from __future__ import annotations

import sys
from pathlib import Path

from policykb import yamlio
from policykb.pipeline import extract_paper

HELP = "print the paper YAML for any UTF-8 text file to stdout (no corpus needed)"


def register(sub) -> None:
    p = sub.add_parser("extract", help=HELP, description=HELP)
    p.add_argument("path", type=Path, help="a paper as plain text (UTF-8; GB18030/GBK is decoded too)")
    p.add_argument("--id", dest="paper_id", default=None, help="paper id (default: from the file name)")
    p.set_defaults(func=run)


def run(args, root) -> int:
    ex = extract_paper(args.path, paper_id=args.paper_id)
    sys.stdout.write(yamlio.dump(ex.paper))
    return 0
