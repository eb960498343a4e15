"""policykb check"""

from __future__ import annotations

import sys

HELP = "validate the corpus: schema, grounded quotes, unique ids, resolvable links"


def register(sub) -> None:
    p = sub.add_parser("check", help=HELP, description=HELP)
    p.set_defaults(func=run)


def run(args, root) -> int:
    from policykb.check import check_corpus, structure_warnings  # imported here: other commands need not load it

    problems = check_corpus(root)
    for w in structure_warnings(root):  # listed, but not errors: the items are still valid
        print(w, file=sys.stderr)
    for pr in problems:
        print(pr, file=sys.stderr)
    n = len(list((root / "corpus" / "papers").glob("*.yaml")))
    if problems:
        print(f"policykb: error: {len(problems)} problem(s) in {n} paper file(s)", file=sys.stderr)
        return 1
    print(f"ok: {n} paper file(s) valid")
    return 0
