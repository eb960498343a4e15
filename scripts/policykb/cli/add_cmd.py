"""policykb add FILE"""

from __future__ import annotations

import re
from pathlib import Path

from policykb import yamlio
from policykb.atomic import BuildLock, write_bytes, write_text
from policykb.errors import PolicyKBError

HELP = ("add a paper: copy FILE into corpus/raw under a slug, write a metadata stub, extract, "
        "report what was found and rebuild")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = ("claims", "frameworks", "recommendations", "statistics", "terms", "definitions")


def register(sub) -> None:
    p = sub.add_parser("add", help=HELP, description=HELP)
    p.add_argument("file", type=Path, help="the paper as plain text (UTF-8, GB18030/GBK or Big5)")
    p.add_argument("--id", dest="paper_id", help="paper id, an ASCII slug (default: from the file name)")
    p.add_argument("--title", help="title (zh), when the text does not print it")
    p.add_argument("--authors", help="authors, separated by commas or 、")
    p.add_argument("--venue", help="journal or newspaper, when the text does not print it")
    p.add_argument("--year", type=int, help="year of publication, when the text does not print it")
    p.add_argument("--no-site", action="store_true", help="write YAML and pages but do not run mkdocs")
    p.set_defaults(func=run)


def curated_meta(args) -> dict:
    meta: dict = {}
    if args.title:
        meta["title"] = {"zh": args.title}
    if args.authors:
        names = [n.strip() for n in re.split(r"[,，、;；]", args.authors) if n.strip()]
        meta["authors"] = [{"name": n} for n in names]
    if args.venue:
        meta["venue"] = args.venue
    if args.year is not None:
        meta["year"] = args.year
    return meta


def stub_text(source: Path, shown: dict, meta: dict) -> str:
    """corpus/meta/<id>.yaml: what the text shows (as comments) and what the user gave."""
    lines = [
        f"# Curated metadata of this paper (added by `policykb add` from {source.name}).",
        "# Only facts the text shows or a reliable source states, never a guess. The text shows:",
    ]
    for key, value in shown.items():
        lines.append(f"#   {key}: {value if value not in (None, [], '') else '(not printed)'}")
    data = {"notes": "Added with policykb add; values under meta were given on the command line."
            if meta else "Added with policykb add; everything read from the text.", "meta": meta}
    return "\n".join(lines) + "\n" + yamlio.dump(data)


def run(args, root) -> int:
    from policykb.build import _build
    from policykb.pipeline import extract_paper
    from policykb.reading import read_raw
    from policykb.slug import paper_id_for

    src = args.file
    raw = read_raw(src)  # missing, empty, binary, other encodings: one line naming the file
    pid = args.paper_id or paper_id_for(src.stem, raw.data)
    if not SLUG.match(pid):
        raise PolicyKBError(f"paper id {pid!r} must be an ASCII slug (lowercase letters, digits, '-'); use --id")
    if not (root / "corpus").is_dir() or not (root / "mkdocs.yml").is_file():
        raise PolicyKBError("not a policykb project (no corpus/ and mkdocs.yml); use --root", root)
    raw_path = root / "corpus" / "raw" / f"{pid}.txt"
    meta_path = root / "corpus" / "meta" / f"{pid}.yaml"
    for p in (raw_path, root / "corpus" / "papers" / f"{pid}.yaml", root / "corpus" / "ids" / f"{pid}.tsv"):
        if p.exists():
            raise PolicyKBError(f"paper {pid!r} is already in the corpus; choose another --id", p)
    if meta_path.exists():
        raise PolicyKBError(f"a metadata file for {pid!r} exists already; choose another --id", meta_path)

    with BuildLock(root):
        # try the paper before anything is copied: an extraction error leaves the corpus as it was
        ex = extract_paper(src, paper_id=pid, source_file=f"corpus/raw/{pid}.txt")
        m = ex.paper.meta
        shown = {
            "title": m.title.zh or m.title.en,
            "authors": "、".join(a.name for a in m.authors),
            "venue": m.venue,
            "year": m.year,
        }
        meta = curated_meta(args)
        write_bytes(raw_path, raw.data)
        write_text(meta_path, stub_text(src, shown, meta))
        print(f"added {raw_path.relative_to(root)} ({raw.encoding}, {raw.text.count(chr(10)) + 1} lines) "
              f"and {meta_path.relative_to(root)}")
        try:
            report = _build(root, site=not args.no_site)
        except BaseException:
            if not (root / "corpus" / "papers" / f"{pid}.yaml").exists():  # nothing of it written: undo
                raw_path.unlink(missing_ok=True)
                meta_path.unlink(missing_ok=True)
            raise
    paper = next(p for p in report.papers if p.id == pid)
    pm = paper.meta
    for key, value in (("title", pm.title.zh or pm.title.en),
                       ("authors", "、".join(a.name for a in pm.authors)),
                       ("venue", pm.venue), ("year", pm.year)):
        prov = pm.provenance.get("title.zh" if key == "title" else key)
        print(f"  {key}: {value if value not in (None, '') else '未注明 / not stated'}" + (f" ({prov})" if prov and value else ""))
    print("  found: " + ", ".join(f"{len(paper[k])} {k}" for k in KINDS))
    print(f"  sections: {len(paper.sections)}, excluded lines: {len(paper.excluded_lines)}")
    warnings = list(paper.warnings)
    if not pm.title.zh and not pm.title.en:
        warnings.append("no title found: give --title or add it to " + str(meta_path.relative_to(root)))
    if not pm.authors:
        warnings.append("no authors found: give --authors if the paper names them")
    if sum(len(paper[k]) for k in KINDS[:4]) == 0:
        warnings.append("no items extracted: is the layout recognised? see `policykb extract`")
    for w in warnings:
        print(f"  warning: {w}")
    items = sum(len(p[k]) for p in report.papers for k in KINDS[:4])
    print(f"built {len(report.papers)} papers, {items} items" + ("" if args.no_site else f"; site: {root / 'site' / 'index.html'}"))
    return 0
