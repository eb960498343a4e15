"""Check the development-set gold files: YAML parses, keys are present, anchors are in the text.

Usage: python tests/devset/check_gold.py [tests/devset/dev ...]   (default: every split folder)

An anchor is checked the way the scorer compares: delete all whitespace (spaces, tabs, newlines,
full-width spaces) from document and anchor; the anchor must then be a substring of the document.
U+200B is not whitespace, so an anchor must not span one. Exit 1 with one line per problem.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
WS = re.compile(r"\s+")
GENRES = {"plan", "interpretation", "commentary", "journal", "think-tank", "news"}
FEATURES = {"traditional", "pdf-layout", "split-numbers", "running-headers", "page-footers",
            "english-before-body", "english-after-body", "fullwidth-digits", "annex-table",
            "responsibility-lines"}
LISTS = ("statistics", "not_statistics", "recommendations", "terms", "frameworks", "claims")


def squash(text: str) -> str:
    return WS.sub("", text)


def check_file(gold_path: Path) -> list[str]:
    problems: list[str] = []
    where = str(gold_path)
    txt = gold_path.with_name(gold_path.name[: -len(".gold.yaml")] + ".txt")
    if not txt.exists():
        return [f"{where}: no document {txt.name}"]
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"{where}: YAML error: {exc}".splitlines()[0]]
    if not isinstance(gold, dict):
        return [f"{where}: not a mapping"]
    raw = txt.read_text(encoding="utf-8")
    doc = squash(raw)
    lines = [ln.strip() for ln in raw.splitlines()]
    # running headers (repeated, or short lines padded with runs of spaces) and page numbers
    repeated = {ln for ln in lines if ln and len(ln) <= 40
                and (lines.count(ln) > 1 or re.search(r"\S\s{2,}\S", ln) or re.fullmatch(r"[·—\-\s\d]+", ln))}
    body = squash("\n".join(ln for ln in lines if ln not in repeated))

    def need(anchor, label):
        if not isinstance(anchor, str) or not anchor.strip():
            problems.append(f"{where}: {label}: empty anchor")
        elif squash(anchor) not in doc:
            problems.append(f"{where}: {label}: anchor not in text: {anchor!r}")

    if gold.get("genre") not in GENRES:
        problems.append(f"{where}: genre {gold.get('genre')!r} not one of {sorted(GENRES)}")
    if gold.get("split") != gold_path.parent.name:
        problems.append(f"{where}: split {gold.get('split')!r} but folder {gold_path.parent.name}")
    for feat in gold.get("features") or []:
        if feat not in FEATURES:
            problems.append(f"{where}: unknown feature {feat!r}")
    if not gold.get("title"):
        problems.append(f"{where}: no title")
    for name in LISTS:
        if not isinstance(gold.get(name) or [], list):
            problems.append(f"{where}: {name} is not a list")
    for i, st in enumerate(gold.get("statistics") or []):
        label = f"statistics[{i}]"
        for key in ("value", "range_to", "unit", "kind", "indicator", "subject", "period", "anchor"):
            if key not in st:
                problems.append(f"{where}: {label}: missing key {key}")
        if not isinstance(st.get("value"), (int, float)):
            problems.append(f"{where}: {label}: value is not a number")
        if st.get("kind") not in ("value", "rank"):
            problems.append(f"{where}: {label}: kind must be value or rank")
        if not st.get("indicator"):
            problems.append(f"{where}: {label}: no indicator")
        need(st.get("anchor"), label)
    for i, anchor in enumerate(gold.get("not_statistics") or []):
        need(anchor, f"not_statistics[{i}]")
    keys = set()
    for i, rec in enumerate(gold.get("recommendations") or []):
        label = f"recommendations[{i}] {rec.get('key')}"
        if rec.get("key") in keys:
            problems.append(f"{where}: {label}: duplicate key")
        keys.add(rec.get("key"))
        if rec.get("level") not in (1, 2):
            problems.append(f"{where}: {label}: level must be 1 or 2")
        if rec.get("level") == 2 and rec.get("parent") not in keys:
            problems.append(f"{where}: {label}: parent {rec.get('parent')!r} not an earlier key")
        if rec.get("level") == 1 and rec.get("parent") is not None:
            problems.append(f"{where}: {label}: level 1 with a parent")
        if not isinstance(rec.get("actors", []), list):
            problems.append(f"{where}: {label}: actors is not a list")
        need(rec.get("anchor"), label)
    for i, term in enumerate(gold.get("terms") or []):
        label = f"terms[{i}]"
        if not term.get("zh") or not (term.get("en") or term.get("abbr")):
            problems.append(f"{where}: {label}: needs zh and en or abbr")
        for key in ("zh", "alt_zh", "en", "abbr"):
            # a running header may fall inside an English name ("General Data / header / Protection"):
            # names are looked for in the text with the page's header and footer lines taken out
            if term.get(key) and squash(term[key]) not in body:
                need(term[key], f"{label}.{key}")
    for i, fw in enumerate(gold.get("frameworks") or []):
        label = f"frameworks[{i}]"
        need(fw.get("anchor"), label)
        if not fw.get("components"):
            problems.append(f"{where}: {label}: no components")
    for i, cl in enumerate(gold.get("claims") or []):
        need(cl.get("anchor"), f"claims[{i}]")
    return problems


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or sorted(p for p in HERE.iterdir() if p.is_dir())
    problems: list[str] = []
    count = 0
    for folder in folders:
        for gold_path in sorted(folder.glob("*.gold.yaml")):
            count += 1
            problems += check_file(gold_path)
    for line in problems:
        print(line)
    print(f"{count} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
