"""Find glossary entries by Chinese (simplified or traditional), English or abbreviation."""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz, process

from policykb import yamlio
from policykb.chinese import to_simplified
from policykb.errors import PolicyKBError


def load_glossary(root: Path) -> list[dict]:
    path = root / "corpus" / "glossary.yaml"
    if not path.exists():
        raise PolicyKBError("no glossary; run `policykb build` first", path)
    data = yamlio.read(path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise PolicyKBError("expected a mapping with a 'terms' list", path, 1)
    return data["terms"]


def _names(e: dict) -> list[str]:
    names = [e["zh"], *e.get("aliases", [])]
    names += [t["en"] for t in e.get("translations", [])]
    if e.get("abbr"):
        names.append(e["abbr"])
    return names


def lookup(glossary: list[dict], query: str) -> list[dict]:
    """Entries whose Chinese, alias, English (any translation) or abbreviation equals ``query``
    (case-insensitive; traditional characters are mapped to simplified)."""
    q = query.strip()
    qs = to_simplified(q).lower()
    return [e for e in glossary if any(qs == to_simplified(n).lower() or q.lower() == n.lower() for n in _names(e))]


def suggestions(glossary: list[dict], query: str, limit: int = 3) -> list[str]:
    choices = {}
    for e in glossary:
        for n in _names(e):
            choices[n] = e["zh"] if n == e["zh"] else f"{n} ({e['zh']})"
    found = process.extract(to_simplified(query), list(choices), scorer=fuzz.QRatio, limit=limit * 2)
    out = []
    for name, score, _ in found:
        label = choices[name]
        if score >= 50 and label not in out:
            out.append(label)
    return out[:limit]
