"""Curated facts: corpus/meta/<paper>.yaml (metadata the text does not print).

Curation files hold only what the paper's text shows or what the corpus documentation
states, never guesses. Each value set here is marked ``curated`` in ``meta.provenance``
(unless the text already says the same thing), or ``public listing`` when the file's
``provenance:`` mapping says the value comes from a public listing of the article.
"""

from __future__ import annotations

from pathlib import Path

from policykb import yamlio
from policykb.errors import PolicyKBError
from policykb.structure.document import Author, Meta

# curated key -> (Meta attribute, expected type)
META_FIELDS = {
    "title.zh": ("title_zh", str),
    "title.en": ("title_en", str),
    "venue": ("venue", str),
    "venue_en": ("venue_en", str),
    "year": ("year", int),
    "date": ("date", str),
    "issue": ("issue", str),
    "pages": ("pages", str),
    "abstract.zh": ("abstract_zh", str),
    "abstract.en": ("abstract_en", str),
    "keywords.zh": ("keywords_zh", list),
    "keywords.en": ("keywords_en", list),
    "authors": ("authors", list),
}


def _line_of_key(path: Path, key: str) -> int | None:
    head = key.split(".")[0]
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().startswith(f"{head}:") or line.strip().startswith(f"{key}:"):
            return no
    return None


def _flatten(meta: dict) -> dict:
    flat = {}
    for key, value in meta.items():
        if key in ("title", "abstract", "keywords") and isinstance(value, dict):
            for lang, v in value.items():
                flat[f"{key}.{lang}"] = v
        else:
            flat[key] = value
    return flat


PROVENANCES = ("curated", "public listing")


class CuratedMeta(dict):
    """Flat ``{field: value}`` plus ``provenance``: ``{field: curated | public listing}``."""

    provenance: dict

    def __init__(self, values=(), provenance=None):
        super().__init__(values)
        self.provenance = dict(provenance or {})


def load_meta_curation(path: Path) -> dict:
    """Read and validate a curated-metadata file; returns flat ``{field: value}`` (a
    :class:`CuratedMeta` carrying the file's optional ``provenance`` mapping)."""
    if not path.exists():
        return {}
    data = yamlio.read(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PolicyKBError("expected a mapping with a 'meta' key", path, 1)
    unknown = set(data) - {"meta", "notes", "provenance"}
    if unknown:
        key = sorted(unknown)[0]
        raise PolicyKBError(f"unknown key {key!r} (expected 'meta', 'notes' and 'provenance')", path, _line_of_key(path, key))
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise PolicyKBError("'meta' must be a mapping", path, _line_of_key(path, "meta"))
    flat = _flatten(meta)
    for key, value in flat.items():
        if key not in META_FIELDS:
            raise PolicyKBError(
                f"unknown meta field {key!r}; known: {', '.join(sorted(META_FIELDS))}",
                path,
                _line_of_key(path, key),
            )
        typ = META_FIELDS[key][1]
        if value is not None and not isinstance(value, typ):
            raise PolicyKBError(f"meta field {key!r} must be {typ.__name__}", path, _line_of_key(path, key))
        if key == "authors" and value:
            for a in value:
                if not isinstance(a, dict) or not isinstance(a.get("name"), str):
                    raise PolicyKBError("each author needs a 'name'", path, _line_of_key(path, "authors"))
    prov = data.get("provenance") or {}
    if not isinstance(prov, dict):
        raise PolicyKBError("'provenance' must be a mapping of meta field to source", path, _line_of_key(path, "provenance"))
    for key, source in prov.items():
        if key not in flat:
            raise PolicyKBError(f"provenance for {key!r}, which this file does not set", path, _line_of_key(path, "provenance"))
        if source not in PROVENANCES:
            raise PolicyKBError(f"provenance of {key!r} must be one of {', '.join(PROVENANCES)}, not {source!r}", path, _line_of_key(path, "provenance"))
    return CuratedMeta(flat, prov)


def apply_meta_curation(meta: Meta, curated: dict) -> None:
    for key, value in curated.items():
        attr = META_FIELDS[key][0]
        if key == "authors":
            value = [
                Author(name=a["name"], name_en=a.get("name_en"), affiliation=a.get("affiliation"))
                for a in value or []
            ]
        current = getattr(meta, attr)
        if current == value and meta.provenance.get(key) == "text":
            continue
        setattr(meta, attr, value)
        if value in (None, [], ""):
            meta.provenance.pop(key, None)
        else:
            meta.provenance[key] = getattr(curated, "provenance", {}).get(key, "curated")
