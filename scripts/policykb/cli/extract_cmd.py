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
    from policykb.build import corpus_record, make_glossary  # imported here: other commands need not load them
    from policykb.glossary.curated import known_terms
    from policykb.pipeline import extract_paper

    # inside a project, the curated glossary helps find term boundaries (as in `build`)
    known = known_terms(root) if (root / "corpus").is_dir() else {}
    raw_dir = (root / "corpus" / "raw").resolve()
    path = args.path
    if path.is_file() and not path.is_symlink() and path.resolve().parent == raw_dir and args.paper_id in (None, path.stem):
        # a paper of the corpus: its record as `build` writes it (curated metadata, corrections
        # in corpus/curation/, ids from its last record and ledger, claim terms from the corpus glossary)
        paper = corpus_record(root.resolve(), path.resolve())
    else:
        ex = extract_paper(path, paper_id=args.paper_id, known=known)
        make_glossary(root, [ex], corpus=False)  # claim terms: the terms of this paper and the curated glossary
        paper = ex.paper
    for w in paper.warnings:
        print(f"warning: {args.path}: {w}", file=sys.stderr)
    sys.stdout.write(yamlio.dump(paper.to_dict()))
    return 0
