"""Exports of the whole knowledge base: CSV (UTF-8 with BOM), JSON, BibTeX, CSL-JSON, RIS."""

from __future__ import annotations

import csv
import io
import math
from json.encoder import encode_basestring

from policykb.cite import bibtex, csl_item, ris
from policykb.paper import as_dict
from policykb.search.index import paper_url, permalink

KINDS = ("claims", "recommendations", "statistics", "frameworks")
KIND_NAMES = {"claim": "claims", "recommendation": "recommendations", "statistic": "statistics", "framework": "frameworks"}

COLUMNS = {
    "recommendations": ["id", "paper", "level", "parent", "title", "text", "actors", "topics", "section", "quote", "url", "curated"],
    "statistics": ["id", "paper", "indicator", "value", "range_to", "unit", "precision", "period", "entity", "source", "section", "quote", "url", "curated"],
    "claims": ["id", "paper", "text", "kind", "core", "terms", "topics", "evidence", "section", "quote", "url", "curated"],
    "frameworks": ["id", "paper", "name", "components", "section", "quote", "url", "curated"],
}


# A cell starting with one of these is a formula to Excel/LibreOffice (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula with ``'``.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-5%"), neutralise("5%")
    ("'=HYPERLINK(1)", "'-5%", '5%')
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)  # a number is data, never a formula (-5 stays -5)
    if isinstance(value, list):
        return neutralise("; ".join(c["name"] if isinstance(c, dict) else str(c) for c in value))
    return neutralise(str(value))


def curated_note(item: dict) -> str | None:
    """The `curated` column: what a human changed in the item (corpus/curation/), so a corrected
    or added item never passes for extracted in a spreadsheet either."""
    cur = item.get("curated")
    if not isinstance(cur, dict):
        return None
    if cur.get("added"):
        return f"added by hand: {cur.get('reason', '')}"
    orig = cur.get("original") or {}
    fields = "; ".join(f"{f} (extracted: {_cell(orig.get(f)).lstrip(chr(39))})" for f in cur.get("fields") or [])
    return f"corrected {fields}: {cur.get('reason', '')}"


def to_csv(papers: list[dict], kinds: list[str], base_url: str) -> str:
    """CSV with a UTF-8 BOM (spreadsheet programs then read Chinese correctly).

    One kind: that kind's columns. Several kinds: a `kind` column and the union of columns.
    """
    cols = ["kind"] + sorted({c for k in kinds for c in COLUMNS[k]}, key=lambda c: min(COLUMNS[k].index(c) if c in COLUMNS[k] else 99 for k in kinds)) if len(kinds) > 1 else COLUMNS[kinds[0]]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    for p in sorted(papers, key=lambda p: p["id"]):
        for k in kinds:
            for it in p[k]:
                row = dict(it, paper=p["id"], url=permalink(base_url, p["id"], it["id"]), kind=k.rstrip("s"))
                row["curated"] = curated_note(it)
                w.writerow([_cell(row.get(c)) for c in cols])
    return "\ufeff" + buf.getvalue()


def to_json(papers: list, glossary: list[dict]) -> str:
    """The papers (:class:`~policykb.paper.Paper` or their dicts) and the glossary as one JSON document."""
    data = {"schema_version": 1, "papers": sorted((as_dict(p) for p in papers), key=lambda p: p["id"]), "glossary": glossary}
    return json_indented(data) + "\n"


def _json_float(o: float) -> str:
    if o != o:
        return "NaN"
    if o in (math.inf, -math.inf):
        return "Infinity" if o > 0 else "-Infinity"
    return float.__repr__(o)


def _json_key(k) -> str:
    if isinstance(k, str):
        return k
    if isinstance(k, float):
        return _json_float(k)
    if k is True or k is False or k is None:
        return {True: "true", False: "false", None: "null"}[k]
    if isinstance(k, int):
        return int.__repr__(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")


def json_indented(obj, indent: int = 1) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=indent)``, the same characters, about three
    times faster (the standard library encodes indented JSON in pure Python generators). Plain
    dicts, lists and strings take a path of their own; every other value (subclasses included)
    goes through the general one, which is the same as before."""
    parts: list[str] = []
    app = parts.append
    enc = encode_basestring
    pad = " " * indent

    def emit(o, nl: str) -> None:
        t = type(o)
        if t is str:
            app(enc(o))
        elif t is dict and o:
            inner = nl + pad
            sep = "," + inner
            app("{" + inner)
            first = True
            for k, v in o.items():
                if first:
                    first = False
                else:
                    app(sep)
                app(enc(k if type(k) is str else _json_key(k)) + ": ")
                if type(v) is str:
                    app(enc(v))
                else:
                    emit(v, inner)
            app(nl + "}")
        elif t is list and o:
            inner = nl + pad
            sep = "," + inner
            app("[" + inner)
            first = True
            for v in o:
                if first:
                    first = False
                else:
                    app(sep)
                if type(v) is str:
                    app(enc(v))
                else:
                    emit(v, inner)
            app(nl + "]")
        else:
            general(o, nl)

    def general(o, nl: str) -> None:
        if isinstance(o, str):
            app(encode_basestring(o))
        elif o is None:
            app("null")
        elif o is True:
            app("true")
        elif o is False:
            app("false")
        elif isinstance(o, int):
            app(int.__repr__(o))
        elif isinstance(o, float):
            app(_json_float(o))
        elif isinstance(o, (list, tuple, dict)):
            if not o:
                app("{}" if isinstance(o, dict) else "[]")
                return
            inner = nl + " " * indent
            app(("{" if isinstance(o, dict) else "[") + inner)
            pairs = o.items() if isinstance(o, dict) else ((None, v) for v in o)
            for i, (k, v) in enumerate(pairs):
                if i:
                    app("," + inner)
                if isinstance(o, dict):
                    app(encode_basestring(_json_key(k)) + ": ")
                emit(v, inner)
            app(nl + ("}" if isinstance(o, dict) else "]"))
        else:
            raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    emit(obj, "\n")
    return "".join(parts)


def to_bibtex(papers: list[dict], kinds: list[str] | None, base_url: str) -> str:
    entries = []
    for p in sorted(papers, key=lambda p: p["id"]):
        if not kinds:
            entries.append(bibtex(p, None, paper_url(base_url, p["id"])))
            continue
        for k in kinds:
            for it in p[k]:
                entries.append(bibtex(p, it, permalink(base_url, p["id"], it["id"])))
    return "\n\n".join(entries) + "\n"


def _records(papers: list[dict], kinds: list[str] | None, base_url: str):
    """(paper, item or None, url) for every paper, or for every item of ``kinds``."""
    for p in sorted(papers, key=lambda p: p["id"]):
        if not kinds:
            yield p, None, paper_url(base_url, p["id"])
            continue
        for k in kinds:
            for it in p[k]:
                yield p, it, permalink(base_url, p["id"], it["id"])


def csl_records(papers: list[dict], kinds: list[str] | None, base_url: str) -> list[tuple]:
    """(paper, item or None, url, CSL-JSON record) of :func:`to_csl_json` and :func:`to_ris`,
    to make both from one pass (each record's locator is the cost)."""
    return [(p, it, url, csl_item(p, it, url)) for p, it, url in _records(papers, kinds, base_url)]


def to_csl_json(papers: list[dict], kinds: list[str] | None, base_url: str, records: list[tuple] | None = None) -> str:
    """CSL-JSON (Zotero, citeproc processors): papers, or items with their locator as ``note``
    (``records``: their :func:`csl_records`, if already made)."""
    recs = [r[3] for r in records] if records is not None else [csl_item(p, it, url) for p, it, url in _records(papers, kinds, base_url)]
    return json_indented(recs) + "\n"


def to_ris(papers: list[dict], kinds: list[str] | None, base_url: str, records: list[tuple] | None = None) -> str:
    """RIS (EndNote, Zotero): papers, or items with their locator (N1) and quote (AB)
    (``records``: their :func:`csl_records`, if already made)."""
    if records is not None:
        return "\r\n".join(ris(p, it, url, rec) for p, it, url, rec in records)
    return "\r\n".join(ris(p, it, url) for p, it, url in _records(papers, kinds, base_url))
