"""Loud failures: what looks wrong about one extracted document.

``diagnose`` looks at the structure and the items of one paper and returns one-line warnings
(thresholds in ``rules/diagnostics.yaml``). ``extract`` and ``build`` print them naming the file;
the paper YAML keeps them under ``warnings`` so ``check`` lists them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykb import rules

_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


@lru_cache(maxsize=None)
def _cfg() -> dict:
    return rules.load("diagnostics.yaml")


def _figures(text: str) -> int:
    return sum(1 for m in _FIGURE.finditer(text) if not _YEAR.match(m.group()))


def diagnose(doc, items: dict, raw_text: str) -> list[str]:
    """Warnings about ``doc`` (a structure.Document) and its extracted ``items``.

    >>> from types import SimpleNamespace as N
    >>> doc = N(sections=[N(kind="body", title="一、引言")], paragraphs=[N(text="正文" * 4000)], dropped=[], tables=[], notes=[])
    >>> diagnose(doc, {"statistics": [], "recommendations": []}, "正文" * 4000)
    ['few sections for its length: 1 section(s) in 8000 characters (headings not recognised?)']
    """
    c = _cfg()
    out: list[str] = []
    chars = sum(len(line.strip()) for line in raw_text.splitlines())
    body = [s for s in doc.sections if getattr(s, "kind", "body") not in ("abstract", "references", "front")]
    fs = c["few_sections"]
    if chars >= fs["min_chars"] and len(body) <= fs["max_sections"]:
        out.append(
            f"few sections for its length: {len(body)} section(s) in {chars} characters (headings not recognised?)"
        )
    body_chars = sum(len(p.text) for p in doc.paragraphs) + sum(
        len(" ".join(" ".join(r) for r in t.rows)) for t in doc.tables
    )
    if chars >= 2000 and body_chars < c["body_share_min"] * chars:
        out.append(
            f"body holds only {body_chars / chars:.0%} of the text ({body_chars} of {chars} characters): "
            "front matter or an English block may have swallowed it"
        )
    lines = [ln for ln in raw_text.splitlines() if ln.strip()]
    if lines and len(doc.dropped) > c["excluded_share_max"] * len(lines):
        out.append(f"{len(doc.dropped)} of {len(lines)} lines excluded as layout (page footers, headers, contents)")
    figures = sum(_figures(p.text) for p in doc.paragraphs)
    ds = c["digits_without_statistics"]
    stats = len(items.get("statistics") or [])
    if figures >= ds["min_figures"] and stats <= ds["max_share"] * figures:
        out.append(f"{figures} figures in the body but {stats} statistic(s) extracted")
    heading = rules.regex(c["prescriptive_heading"])
    pres = [s.title for s in doc.sections if s.title and heading.search(s.title)]
    if pres and not items.get("recommendations"):
        out.append(f"a prescriptive section ({pres[0][:30]}) but no recommendation extracted")
    return out
