"""corpus/glossary.curated.yaml: central terms with their translations and where each comes from."""

from __future__ import annotations

import re
from pathlib import Path

from policykb import yamlio
from policykb.errors import PolicyKBError
from policykb.yamlpos import YamlLines

CURATED_FILE = Path("corpus") / "glossary.curated.yaml"


def _english_text(paper: dict) -> str:
    m = paper["meta"]
    parts = [m["title"]["en"] or "", m["abstract"]["en"] or "", " ; ".join(m["keywords"]["en"])]
    return re.sub(r"\s+", " ", " ".join(parts)).lower()


def load_curated(path: Path, papers: dict[str, dict] | None = None) -> list[dict]:
    """Read and validate the curated glossary.

    Each entry needs ``zh`` and at least one translation; exactly one translation is
    ``preferred``; a translation whose ``source`` is a paper id must be printed in that paper's
    English title, abstract or keywords (checked when ``papers`` is given). Errors name the
    file and line.
    """
    if not path.exists():
        return []
    data = yamlio.read(path)
    text = path.read_text(encoding="utf-8")
    lines = YamlLines(text)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise PolicyKBError("expected a mapping with a 'terms' list", path, 1)
    seen: dict[str, int] = {}
    out = []
    for i, entry in enumerate(data["terms"]):
        where = lambda *p: lines.line(["terms", i, *p])  # noqa: E731
        if not isinstance(entry, dict) or not isinstance(entry.get("zh"), str) or not entry["zh"].strip():
            raise PolicyKBError("each term needs a Chinese 'zh'", path, where())
        zh = entry["zh"].strip()
        if zh in seen:
            raise PolicyKBError(f"duplicate term {zh!r} (first at line {seen[zh]})", path, where("zh"))
        seen[zh] = where("zh")
        unknown = set(entry) - {"zh", "abbr", "translations", "aliases", "topic", "definition", "note"}
        if unknown:
            raise PolicyKBError(f"unknown key {sorted(unknown)[0]!r} in term {zh}", path, where())
        trs = entry.get("translations") or []
        if not trs or not all(isinstance(t, dict) and isinstance(t.get("en"), str) for t in trs):
            raise PolicyKBError(f"term {zh}: 'translations' needs at least one {{en, source}}", path, where())
        if sum(1 for t in trs if t.get("preferred")) != 1:
            raise PolicyKBError(f"term {zh}: exactly one translation must be preferred", path, where("translations"))
        for j, t in enumerate(trs):
            src = t.get("source")
            if not isinstance(src, str):
                raise PolicyKBError(f"term {zh}: translation {t['en']!r} needs a source", path, where("translations", j))
            if papers is not None and src != "curated":
                if src not in papers:
                    raise PolicyKBError(f"term {zh}: unknown source paper {src!r}", path, where("translations", j))
                if t["en"].lower() not in _english_text(papers[src]):
                    raise PolicyKBError(
                        f"term {zh}: {t['en']!r} is not printed in the English block of {src}",
                        path,
                        where("translations", j),
                    )
        out.append(
            {
                "zh": zh,
                "abbr": entry.get("abbr"),
                "translations": [
                    {"en": t["en"], "source": t["source"], "preferred": bool(t.get("preferred")), "note": t.get("note")}
                    for t in trs
                ],
                "aliases": list(entry.get("aliases") or []),
                "topic": entry.get("topic"),
            }
        )
    return out


def known_terms(root: Path) -> dict[str, frozenset]:
    """Curated terms -> their English names, lower-cased (used to find term boundaries)."""
    return {
        e["zh"]: frozenset(t["en"].lower() for t in e["translations"]) for e in load_curated(root / CURATED_FILE)
    }
