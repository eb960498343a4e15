"""Check the development set's gold files.

Usage: python tests/devset/check_gold.py [tests/devset/dev tests/devset/test ...]

For every <doc-id>.gold.yaml next to <doc-id>.txt: the YAML parses, the required
keys are present, and every anchor (statistics, not_statistics, recommendations,
frameworks, claims) is a substring of the document once all whitespace is deleted
from both (U+200B is not whitespace). Recommendation parents must name an earlier
key. Prints one line per problem and a summary line per document; exit 1 on any
problem.
"""
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
GENRES = {"plan", "interpretation", "commentary", "journal", "think-tank", "news"}
TOP_KEYS = ("genre", "split", "title", "statistics", "not_statistics",
            "recommendations", "terms", "frameworks", "claims")
WS = re.compile(r"\s+")


def squash(text):
    r"""Delete all whitespace; U+200B is not whitespace, so it stays.

    >>> squash("达到1\n2.5万亿元")
    '达到12.5万亿元'
    >>> squash("45\u200b00家") == "45\u200b00家"
    True
    """
    return WS.sub("", text)


def check_doc(gold_path):
    problems = []
    txt_path = gold_path.with_name(gold_path.name[: -len(".gold.yaml")] + ".txt")
    if not txt_path.exists():
        return [f"{gold_path}: no document {txt_path.name}"], {}
    text = txt_path.read_text(encoding="utf-8")
    flat = squash(text)
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"{gold_path}: YAML does not parse: {exc}"], {}
    for key in TOP_KEYS:
        if key not in gold:
            problems.append(f"{gold_path}: missing key {key}")
    if gold.get("genre") not in GENRES:
        problems.append(f"{gold_path}: genre {gold.get('genre')!r} not one of {sorted(GENRES)}")
    if gold.get("split") != gold_path.parent.name:
        problems.append(f"{gold_path}: split {gold.get('split')!r} but folder {gold_path.parent.name}")

    def need(where, anchor):
        if not isinstance(anchor, str) or not anchor.strip():
            problems.append(f"{gold_path}: {where}: empty anchor")
            return
        if "\u200b" in anchor:
            problems.append(f"{gold_path}: {where}: anchor contains U+200B")
        if squash(anchor) not in flat:
            problems.append(f"{gold_path}: {where}: anchor not in document: {anchor!r}")
        elif flat.count(squash(anchor)) > 1:
            print(f"note {gold_path.name}: {where}: anchor occurs {flat.count(squash(anchor))} times: {anchor!r}")

    if gold.get("title") and squash(gold["title"]) not in flat:
        problems.append(f"{gold_path}: title not in document")
    for i, st in enumerate(gold.get("statistics") or []):
        for key in ("value", "range_to", "unit", "kind", "indicator", "subject", "period", "anchor"):
            if key not in st:
                problems.append(f"{gold_path}: statistics[{i}]: missing {key}")
        if st.get("kind") not in ("value", "rank"):
            problems.append(f"{gold_path}: statistics[{i}]: kind {st.get('kind')!r}")
        if not isinstance(st.get("value"), (int, float)):
            problems.append(f"{gold_path}: statistics[{i}]: value not a number")
        need(f"statistics[{i}]", st.get("anchor"))
    for i, anchor in enumerate(gold.get("not_statistics") or []):
        need(f"not_statistics[{i}]", anchor)
    keys = set()
    for i, rec in enumerate(gold.get("recommendations") or []):
        if rec.get("level") not in (1, 2):
            problems.append(f"{gold_path}: recommendations[{i}]: level {rec.get('level')!r}")
        if rec.get("level") == 2 and rec.get("parent") not in keys:
            problems.append(f"{gold_path}: recommendations[{i}]: parent {rec.get('parent')!r} unknown")
        keys.add(rec.get("key"))
        need(f"recommendations[{i}]", rec.get("anchor"))
    for i, term in enumerate(gold.get("terms") or []):
        if not term.get("zh") or not (term.get("en") or term.get("abbr")):
            problems.append(f"{gold_path}: terms[{i}]: needs zh and en or abbr")
    for i, fw in enumerate(gold.get("frameworks") or []):
        need(f"frameworks[{i}]", fw.get("anchor"))
    for i, claim in enumerate(gold.get("claims") or []):
        need(f"claims[{i}]", claim.get("anchor"))
    counts = {
        "chars": len(text),
        "statistics": len(gold.get("statistics") or []),
        "not_statistics": len(gold.get("not_statistics") or []),
        "recommendations": len(gold.get("recommendations") or []),
        "terms": len(gold.get("terms") or []),
        "frameworks": len(gold.get("frameworks") or []),
        "claims": len(gold.get("claims") or []),
    }
    return problems, counts


def main(argv):
    folders = [Path(a) for a in argv] or sorted(p for p in HERE.iterdir() if p.is_dir())
    failed = False
    for folder in folders:
        for gold_path in sorted(folder.glob("*.gold.yaml")):
            problems, counts = check_doc(gold_path)
            for line in problems:
                print(line)
            failed = failed or bool(problems)
            summary = " ".join(f"{k}={v}" for k, v in counts.items())
            print(f"{'FAIL' if problems else 'ok  '} {gold_path.relative_to(folder.parent)} {summary}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
