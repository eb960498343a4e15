"""Validate the corpus: schema, grounded quotes, unique ids, resolvable links."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from policykb import yamlio
from policykb.errors import PolicyKBError
from policykb.grounding import is_grounded
from policykb.forked import fork_map
from policykb.paper import Paper, PaperShapeError, as_dict
from policykb.yamlpos import YamlLines

ITEM_LISTS = ("claims", "frameworks", "recommendations", "statistics")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def paper_schema() -> dict:
    ref = resources.files("policykb").joinpath("schema/paper.schema.json")
    return json.loads(ref.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    return jsonschema.Draft202012Validator(paper_schema())


@lru_cache(maxsize=1)
def _fast_validator():
    """The schema compiled to Python by fastjsonschema (about 20 times faster than jsonschema on
    a record), or None when it is not installed. It only says whether a record is valid: the
    errors of an invalid one come from jsonschema, so every message stays jsonschema's."""
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover - a dependency; jsonschema alone still gives the answer
        return None
    return fastjsonschema.compile(paper_schema(), use_default=False)


def _fast_valid(paper: dict) -> bool:
    fast = _fast_validator()
    if fast is None:
        return False
    try:
        fast(paper)
    except Exception:  # JsonSchemaValueException, or anything the compiled code trips on: ask jsonschema
        return False
    return True


@lru_cache(maxsize=1)
def _schema_version() -> bytes:
    from importlib import metadata

    schema = json.dumps(paper_schema(), sort_keys=True)
    return f"paper schema {metadata.version('jsonschema')} {hashlib.sha256(schema.encode()).hexdigest()}".encode()


def schema_errors(paper: dict, yaml_text: str) -> list[tuple[list, str]]:
    """(path, message) of each schema error of ``paper``, sorted by path. Kept in the build's
    memo (glossary/segmenter.py) under its YAML text, which stands for the record exactly."""
    from policykb.glossary.segmenter import memoised

    def validate(_text: str) -> list[tuple[list, str]]:
        if _fast_valid(paper):
            return []
        errors = sorted(_validator().iter_errors(paper), key=lambda e: [str(p) for p in e.absolute_path])
        return [(list(e.absolute_path), e.message) for e in errors]

    return memoised(_schema_version(), yaml_text, validate)


def check_paper(paper: dict, yaml_path: Path, root: Path, yaml_text: str, seen_ids: dict) -> list[Problem]:
    problems: list[Problem] = []
    rel = str(yaml_path.relative_to(root)) if yaml_path.is_relative_to(root) else str(yaml_path)

    lines = YamlLines(yaml_text)

    def add(path: list, message: str) -> None:
        problems.append(Problem(rel, lines.line(path), message))

    errors = schema_errors(paper, yaml_text)
    for path, message in errors:
        loc = "/".join(str(p) for p in path) or "(top)"
        add(path, f"schema: {loc}: {message}")
    if errors:
        return problems

    pid = paper["id"]
    if yaml_path.stem != pid:
        add(["id"], f"id {pid!r} does not match the file name {yaml_path.name!r}")
    src = root / paper["source"]["file"]
    raw_text = None
    if not src.exists():
        add(["source", "file"], f"source file {paper['source']['file']} does not exist")
    else:
        data = src.read_bytes()
        if hashlib.sha256(data).hexdigest() != paper["source"]["sha256"]:
            add(["source", "sha256"], f"sha256 does not match {paper['source']['file']} (rebuild with `policykb build`)")
        try:
            raw_text = data.decode(paper["source"].get("encoding", "utf-8").replace("utf-8", "utf-8-sig"))
        except (UnicodeDecodeError, LookupError):
            add(["source", "file"], "source file cannot be decoded")

    section_ids = {s["id"] for s in paper["sections"]}
    for i, s in enumerate(paper["sections"]):
        if s["parent"] is not None and s["parent"] not in section_ids:
            add(["sections", i, "parent"], f"section {s['id']} has unknown parent {s['parent']!r}")
    local_ids = {}
    for kind in ITEM_LISTS:
        for i, item in enumerate(paper[kind]):
            iid = item["id"]
            if not iid.startswith(pid + "."):
                add([kind, i, "id"], f"id {iid!r} does not start with the paper id {pid!r}")
            if iid in seen_ids:
                first_rel, first_lines, first_path = seen_ids[iid]
                add([kind, i, "id"], f"duplicate id {iid!r} (first at {first_rel}:{first_lines.line(first_path)})")
            else:
                seen_ids[iid] = (rel, lines, [kind, i, "id"])
            local_ids[iid] = kind
            if item["section"] not in section_ids:
                add([kind, i, "section"], f"{iid}: unknown section {item['section']!r}")
            if raw_text is not None:
                problem = quote_problem(item, raw_text)
                if problem:
                    add([kind, i, "span" if "span" in problem else "quote"], f"{iid}: {problem} of {paper['source']['file']}")
    for i, r in enumerate(paper["recommendations"]):
        if r["parent"] is not None and local_ids.get(r["parent"]) != "recommendations":
            add(["recommendations", i, "parent"], f"{r['id']}: parent {r['parent']!r} is not a recommendation of this paper")
    for kind in ITEM_LISTS:
        for i, item in enumerate(paper[kind]):
            for j, ref in enumerate(item.get("evidence", []) or []):
                if ref not in local_ids:
                    add([kind, i, "evidence", j], f"{item['id']}: evidence {ref!r} does not resolve")
    for i, t in enumerate(paper["terms"]):
        if raw_text is not None and quote_problem(t, raw_text):
            add(["terms", i, "quote"], f"term {t['zh']}: quote is not a verbatim span of the paper")
    return problems


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def quote_problem(item: dict, raw_text: str) -> str | None:
    """Why an item's quote is not grounded, or None. An item with a raw span is verified on its
    span (the quote must be the span's text, whitespace and markers aside, and the span's line
    must be right); one without (a quote that crosses a block) is searched in the whole text."""
    span = item.get("span")
    if span:
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw_text)):
            return "span is outside the text"
        if _line_of(raw_text, start) != span.get("line"):
            return f"span starts on line {_line_of(raw_text, start)}, not {span.get('line')},"
        if not is_grounded(item["quote"], raw_text[start:end]):
            return "quote is not the text of its span"
        return None
    if not is_grounded(item["quote"], raw_text):
        return "quote is not a verbatim span"
    return None


def check_glossary(root: Path, item_ids: set[str], paper_ids: set[str], data=None, text: str | None = None) -> list[Problem]:
    """Check corpus/glossary.yaml, or ``data`` (the glossary about to be written, ``text`` its
    YAML if already dumped) in memory."""
    path = root / "corpus" / "glossary.yaml"
    rel = str(path.relative_to(root))
    if data is not None:
        lines = YamlLines(yamlio.dump(data) if text is None else text)
    else:
        if not path.exists():
            return []
        try:
            data = yamlio.read(path)
        except PolicyKBError as exc:
            return [Problem(rel, exc.line, exc.message)]
        lines = YamlLines(path.read_text(encoding="utf-8"))
    problems = []
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        return [Problem(rel, 1, "expected a mapping with a 'terms' list")]
    keys: dict[str, int] = {}
    for i, e in enumerate(data["terms"]):
        if not isinstance(e, dict) or not all(k in e for k in ("key", "zh", "en", "abbr", "definition", "aliases", "papers", "origin")):
            problems.append(Problem(rel, lines.line(["terms", i]), "entry needs key, zh, en, abbr, definition, aliases, papers, origin"))
            continue
        if e["key"] in keys:
            problems.append(Problem(rel, lines.line(["terms", i, "key"]), f"duplicate key {e['key']!r}"))
        keys[e["key"]] = i
        if e["origin"] not in ("text", "curated"):
            problems.append(Problem(rel, lines.line(["terms", i, "origin"]), f"origin must be text or curated, not {e['origin']!r}"))
        for j, pid in enumerate(e["papers"]):
            if pid not in paper_ids:
                problems.append(Problem(rel, lines.line(["terms", i, "papers", j]), f"term {e['zh']}: unknown paper {pid!r}"))
        for pid, ids in (e.get("items") or {}).items():
            for j, iid in enumerate(ids):
                if iid not in item_ids:
                    problems.append(Problem(rel, lines.line(["terms", i, "items", pid, j]), f"term {e['zh']}: item {iid!r} does not resolve"))
    return problems


def check_ledger(paper: dict, yaml_path: Path, root: Path, yaml_text: str) -> list[Problem]:
    """The paper's ids agree with its id ledger corpus/ids/<paper>.tsv (when there is one): each
    id has a row of the same kind whose last state is the id's state in the YAML."""
    from policykb import ids

    pid = paper.get("id")
    if not isinstance(pid, str):
        return []
    lpath = ids.ledger_path(root, pid)
    lrel = str(lpath.relative_to(root)) if lpath.is_relative_to(root) else str(lpath)
    rel = str(yaml_path.relative_to(root)) if yaml_path.is_relative_to(root) else str(yaml_path)
    try:
        ledger = ids.read_ledger(lpath)
    except PolicyKBError as exc:
        return [Problem(lrel, exc.line, exc.message)]
    if not lpath.exists():
        return []
    lines = YamlLines(yaml_text)
    problems = []
    entries = [(kind, i, it, "live") for kind in ITEM_LISTS for i, it in enumerate(paper.get(kind) or []) if isinstance(it, dict)]
    entries += [("retired_ids", i, r, "retired") for i, r in enumerate(paper.get("retired_ids") or []) if isinstance(r, dict)]
    for kind, i, it, state in entries:
        iid = it.get("id")
        row = ledger.get(iid)
        where = lines.line([kind, i, "id"])
        if row is None:
            problems.append(Problem(rel, where, f"{iid}: not in the id ledger {lrel} (ids are given by the build only)"))
        elif row["state"] != state:
            problems.append(Problem(rel, where, f"{iid}: {state} here, {row['state']} in {lrel}:{row['line']}"))
        elif state == "live" and row["kind"] != kind:
            problems.append(Problem(rel, where, f"{iid}: a {kind} item here, {row['kind']} in {lrel}:{row['line']}"))
    return problems


def check_curation(root: Path, papers: dict[str, dict]) -> list[Problem]:
    """corpus/curation/<paper>.yaml: well-formed, about a paper of the corpus, every id one the
    paper has (live or withdrawn) or ever had (its id ledger), every added quote grounded."""
    from policykb import ids, item_curation

    problems: list[Problem] = []
    for f in sorted((root / "corpus" / item_curation.CURATION_DIR).glob("*.yaml")):
        rel = str(f.relative_to(root))
        try:
            corrections = item_curation.load(f, rel)
        except PolicyKBError as exc:
            problems.append(Problem(rel, exc.line, exc.message))
            continue
        paper = papers.get(f.stem)
        if paper is None:
            problems.append(Problem(rel, 1, f"no paper {f.stem!r} in corpus/papers"))
            continue
        try:
            ledger = ids.read_ledger(ids.ledger_path(root, f.stem))
        except PolicyKBError:  # reported by check_ledger
            ledger = {}
        known = item_curation.known_ids(paper, ledger)
        raw_text = None
        src = root / paper["source"]["file"]
        if src.is_file():
            try:
                raw_text = src.read_bytes().decode(paper["source"].get("encoding", "utf-8").replace("utf-8", "utf-8-sig"))
            except (UnicodeDecodeError, LookupError):
                pass
        for c in corrections:
            if c.item_id is not None:
                if not c.item_id.startswith(f.stem + "."):
                    problems.append(Problem(rel, c.line, f"{c.item_id}: not an item of {f.stem}"))
                elif c.item_id not in known:
                    problems.append(Problem(rel, c.line, f"unknown id {c.item_id!r}: {f.stem} has no such item"))
            elif raw_text is not None and not is_grounded(c.quote, raw_text):
                problems.append(Problem(rel, c.quote_line, f"the added item's quote is not a verbatim span of {paper['source']['file']}"))
    return problems


def check_corpus(root: Path) -> list[Problem]:
    papers_dir = root / "corpus" / "papers"
    files = sorted(papers_dir.glob("*.yaml"))
    if not files:
        raise PolicyKBError("no paper files; run `policykb build` first", papers_dir)
    problems: list[Problem] = []
    seen_ids: dict = {}
    paper_ids: set = set()
    records: dict[str, dict] = {}
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(str(f.relative_to(root)), None, "not valid UTF-8"))
            continue
        try:
            paper = yamlio.read(f)
        except PolicyKBError as exc:
            problems.append(Problem(str(f.relative_to(root)), exc.line, exc.message))
            continue
        if not isinstance(paper, dict):
            problems.append(Problem(str(f.relative_to(root)), 1, "expected a mapping (a paper record)"))
            continue
        found = check_paper(paper, f, root, text, seen_ids)
        if not found:  # sound for the schema: also a record the build can read (the one loader's shape)
            try:
                Paper.from_dict(paper, where=f.relative_to(root), text=text)
            except PaperShapeError as exc:
                found.append(Problem(exc.path, exc.line, exc.message))
        problems += found
        problems += check_ledger(paper, f, root, text)
        paper_ids.add(paper.get("id"))
        if isinstance(paper.get("source"), dict) and isinstance(paper["source"].get("file"), str):
            records[f.stem] = paper
    problems += check_glossary(root, set(seen_ids), paper_ids)
    problems += check_curation(root, records)
    return problems


def check_records(root: Path, papers: list[Paper], glossary: list[dict], texts: dict[Path, str] | None = None) -> list[Problem]:
    """Check paper records and the glossary in memory, before anything is written: problems are
    reported at the file and line they would have, and a bad record never becomes the basis of
    the next build. ``texts``: the YAML about to be written, by path, if already dumped."""
    texts = texts or {}
    problems: list[Problem] = []
    seen_ids: dict = {}
    if not _all_sound(root, papers, texts):
        for paper in papers:
            data = as_dict(paper)  # the YAML the build would write, as the schema sees it
            path = root / "corpus" / "papers" / f"{data['id']}.yaml"
            text = texts.get(path)
            problems += check_paper(data, path, root, yamlio.dump(data) if text is None else text, seen_ids)
    else:  # every paper sound on its own and no id in two papers: what the loop above would find
        for paper in papers:
            for kind in ITEM_LISTS:
                for i, item in enumerate(paper[kind]):
                    seen_ids[item["id"]] = None
    glossary_data = {"schema_version": 1, "terms": glossary}
    gpath = root / "corpus" / "glossary.yaml"
    problems += check_glossary(root, set(seen_ids), {p["id"] for p in papers}, glossary_data, texts.get(gpath))
    return problems


def _all_sound(root: Path, papers: list, texts: dict[Path, str]) -> bool:
    """Whether :func:`check_paper` finds nothing in any paper: each checked on its own (the papers
    split over the cores, forked.py), then no item id in two papers (a duplicate across papers
    is the one problem that needs the papers before it). False sends check_records to its
    paper-by-paper loop, which gives every problem in order."""

    def sound(paper) -> bool:
        data = as_dict(paper)
        path = root / "corpus" / "papers" / f"{data['id']}.yaml"
        text = texts.get(path)
        return not check_paper(data, path, root, yamlio.dump(data) if text is None else text, {})

    if not all(fork_map(sound, papers)):
        return False
    ids = [item["id"] for paper in papers for kind in ITEM_LISTS for item in paper[kind]]
    return len(ids) == len(set(ids))


def structure_warnings(root: Path) -> list[str]:
    """The structure warnings stored in each paper YAML (diagnostics.py), one line each."""
    out = []
    for f in sorted((root / "corpus" / "papers").glob("*.yaml")):
        try:  # read leniently: a file of the wrong shape is reported by check_corpus, its warnings still count
            paper = yamlio.read(f)
        except Exception:  # an unreadable file is reported by check_corpus
            continue
        if not isinstance(paper, dict):
            continue
        for w in paper.get("warnings") or []:
            out.append(f"warning: {f.relative_to(root)}: {w}")
    return out
