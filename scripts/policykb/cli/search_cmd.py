"""policykb search QUERY"""

from __future__ import annotations

import json
import sys

from policykb.errors import PolicyKBError
from policykb.search.engine import KIND_ALIASES, SearchIndex, highlight, search_with_passages

HELP = "ranked items matching a query (Chinese, English via the glossary, traditional characters, small typos)"


def register(sub) -> None:
    p = sub.add_parser("search", help=HELP, description=HELP)
    p.add_argument("query", nargs="+", help="words to look for, e.g. 数据要素 or \"computing power\"")
    p.add_argument("--kind", help="claim | recommendation | statistic | framework | passage (the papers' paragraphs)")
    p.add_argument("--paper", help="a paper id")
    p.add_argument("--topic", help="a topic (主题), e.g. 数据要素")
    p.add_argument("--actor", help="an actor, e.g. 政府, 企业, 高校")
    p.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    p.add_argument("--json", action="store_true", help="print a JSON list of {id, kind, paper, text, score, url}")
    p.set_defaults(func=run)


def run(args, root) -> int:
    query = " ".join(args.query)
    if not query.strip():
        raise PolicyKBError("empty query")
    kind = None
    if args.kind:
        kind = KIND_ALIASES.get(args.kind.lower())
        if kind is None:
            raise PolicyKBError(f"unknown kind {args.kind!r}; use claim, recommendation, statistic, framework or passage")
    if args.limit < 1:
        raise PolicyKBError("--limit must be at least 1")
    index = SearchIndex.load(root)
    for value, known, label in ((args.paper, index.papers, "paper"), (args.topic, index.topics, "topic"), (args.actor, index.actors, "actor")):
        if value and value not in known:
            raise PolicyKBError(f"unknown {label} {value!r}; known: {', '.join(known)}")
    def passages():
        try:
            return SearchIndex.load(root, passages=True)
        except PolicyKBError:
            return None  # an index built before passages were indexed: items only

    hits, notes = search_with_passages(
        index, passages, query, kind=kind, paper=args.paper, topic=args.topic, actor=args.actor, limit=args.limit
    )
    if args.json:
        out = [
            {"id": h.item["id"], "kind": h.item["kind"], "paper": h.item["paper"], "text": h.item["text"], "score": h.score, "url": h.item["url"]}
            for h in hits
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    tty = sys.stdout.isatty()
    start, end = ("\033[1;33m", "\033[0m") if tty else ("【", "】")
    for note in notes:
        print(f"(query: {note})")
    if not hits:
        print(f"no results for {query!r}")
        return 0
    for h in hits:
        it = h.item
        print(f"{it['id']}  [{it['kind']}]  score {h.score}")
        print(f"  {highlight(it['text'], h.matched, start, end)}")
        print(f"  {it['url']}")
    return 0
