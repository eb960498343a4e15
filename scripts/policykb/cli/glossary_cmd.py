"""policykb glossary [TERM]"""

from __future__ import annotations

from policykb.errors import PolicyKBError
from policykb.glossary.lookup import load_glossary, lookup, suggestions

HELP = "print glossary entries: all, or one TERM given in Chinese, English or as an abbreviation"


def register(sub) -> None:
    p = sub.add_parser("glossary", help=HELP, description=HELP)
    p.add_argument("term", nargs="?", help="a term: 算力, computing power, GPT, 數據要素 …")
    p.set_defaults(func=run)


def _show(e: dict) -> str:
    lines = [f"{e['zh']} → {e['en'] or '(no English name)'}" + (f" [{e['abbr']}]" if e.get("abbr") else "")]
    for t in e["translations"]:
        if not t["preferred"]:
            lines.append(f"  variant: {t['en']} ({t['source']})")
    if e["aliases"]:
        lines.append(f"  aliases: {'、'.join(e['aliases'])}")
    if e["definition"]:
        lines.append(f"  definition ({e['definition']['paper']}): {e['definition']['text']}")
    if e["occurrences"]:
        lines.append("  occurs in: " + ", ".join(f"{p} ({n})" for p, n in e["occurrences"].items()))
    lines.append(f"  origin: {e['origin']}")
    return "\n".join(lines)


def run(args, root) -> int:
    glossary = load_glossary(root)
    if not args.term:
        for e in glossary:
            print(f"{e['zh']}\t{e['en'] or ''}\t{e['abbr'] or ''}")
        return 0
    if not args.term.strip():
        raise PolicyKBError("empty term")
    found = lookup(glossary, args.term)
    if not found:
        hint = suggestions(glossary, args.term)
        more = f"; did you mean: {', '.join(hint)}?" if hint else ""
        raise PolicyKBError(f"unknown term {args.term!r}{more}")
    print("\n\n".join(_show(e) for e in found))
    return 0
