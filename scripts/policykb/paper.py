"""The typed paper record: one :class:`Paper` per corpus/papers/<id>.yaml (DESIGN §2).

:func:`policykb.pipeline.document_to_paper` builds it; :func:`read_paper` is the one loader of a
paper YAML (``Paper.from_dict`` checks its shape and raises one ``file:line: message`` error);
:meth:`Paper.to_dict` gives the YAML contract, keys in the order they are written. Sub-records
(source, metadata, sections, notes, references, tables, excluded lines) are typed; the item lists
(claims, frameworks, recommendations, statistics, retired ids) and the terms and definitions stay
the contract's dicts, which :mod:`policykb.model`'s records become at extraction.

Every record also reads like the dict it was, so code can move to attributes gradually:
``paper["meta"]["title"]["zh"] == paper.meta.title.zh``, ``paper.get("warnings")``,
``dict(paper.source)``. Keys the contract does not name ("extra keys are allowed") are kept in
``extra`` and written after the named ones.

>>> p = Paper.from_dict({"schema_version": 1, "id": "p", "source": {"file": "corpus/raw/p.txt", "sha256": "0" * 64},
...     "meta": {"title": {"zh": "标题", "en": None}}, "sections": [], "claims": [], "frameworks": [],
...     "recommendations": [], "statistics": [], "retired_ids": []})
>>> p.meta.title.zh, p["meta"]["title"]["zh"], p.get("warnings"), "encoding" in p.source
('标题', '标题', [], False)
>>> list(p.to_dict())[:5]
['schema_version', 'id', 'source', 'meta', 'sections']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from policykb.errors import PolicyKBError

#: metadata flag of a field written only when it has a value (not None)
OPTIONAL = {"optional": True}


class PaperShapeError(PolicyKBError):
    """A paper YAML whose shape is not a paper record's (the message names the place in it)."""


class _Where:
    """Where a record being read comes from: the file and, when the text is known, its lines."""

    def __init__(self, path: str | Path | None, lines=None):
        self.path, self.lines = path, lines

    def error(self, at: tuple, message: str, line: int | None = None) -> PaperShapeError:
        if line is None and self.lines is not None:
            line = self.lines.line(list(at))
        return PaperShapeError(message, self.path, line)


def _loc(at: tuple) -> str:
    """``("meta", "authors", 0)`` -> ``meta.authors[0]``."""
    out = ""
    for k in at:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out


def _type_name(v) -> str:
    return "nothing" if v is None else type(v).__name__


@lru_cache(maxsize=None)
def _fields(cls) -> tuple:
    """(name, optional, required) of each contract field of ``cls`` (``extra`` excluded), in order."""
    from dataclasses import MISSING

    out = []
    for f in fields(cls):
        if f.name == "extra":
            continue
        required = f.default is MISSING and f.default_factory is MISSING  # type: ignore[misc]
        out.append((f.name, bool(f.metadata.get("optional")), required))
    return tuple(out)


@lru_cache(maxsize=None)
def _names(cls) -> dict:
    """name -> whether the field is optional (left out of the dict when None)."""
    return {n: opt for n, opt, _ in _fields(cls)}


def _plain(v):
    if isinstance(v, _Node):
        return v.to_dict()
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


class _Node(Mapping):
    """A typed record that also reads (and is written to) like the dict of the YAML contract."""

    #: field -> record class (a mapping) or [record class] (a list of mappings)
    NESTED: ClassVar[dict] = {}
    #: fields whose value must be a list / a mapping (when present)
    LISTS: ClassVar[tuple] = ()
    MAPS: ClassVar[tuple] = ()
    #: what the record is, for error messages
    WHAT: ClassVar[str] = "a record"

    extra: dict  # declared by each dataclass (last field)

    # --- dict-style reading ------------------------------------------------------------------
    def _present(self, name: str) -> bool:
        optional = _names(type(self)).get(name)
        return optional is not None and not (optional and getattr(self, name) is None)

    def __getitem__(self, key):
        # _present inlined: this is the hottest call of the derived stages (millions per build)
        optional = _names(type(self)).get(key) if isinstance(key, str) else None
        if optional is not None:
            v = getattr(self, key)
            if not (optional and v is None):
                return v
        if key in self.extra:
            return self.extra[key]
        raise KeyError(key)

    def get(self, key, default=None):
        """Mapping.get without its try/except around __getitem__ (the same answer)."""
        optional = _names(type(self)).get(key) if isinstance(key, str) else None
        if optional is not None:
            v = getattr(self, key)
            if not (optional and v is None):
                return v
        return self.extra.get(key, default)

    def __setitem__(self, key: str, value) -> None:
        if key in _names(type(self)):
            setattr(self, key, value)
        else:
            self.extra[key] = value

    def __iter__(self):
        for name, _, _ in _fields(type(self)):
            if self._present(name):
                yield name
        yield from self.extra

    def __len__(self) -> int:
        return sum(1 for _ in self)

    # --- the YAML contract -------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The record as the YAML contract's dict: named keys in order, then the extra keys."""
        out = {}
        for name, optional, _ in _fields(type(self)):
            v = getattr(self, name)
            if optional and v is None:
                continue
            out[name] = _plain(v)
        out.update(self.extra)
        return out

    @classmethod
    def _read(cls, d, where: _Where, at: tuple):
        if not isinstance(d, dict):
            raise where.error(at, f"{_loc(at) or 'record'}: expected {cls.WHAT} (a mapping), not {_type_name(d)}")
        kwargs: dict[str, Any] = {}
        for name, _, required in _fields(cls):
            if name not in d:
                if required:
                    raise cls._missing(name, where, at)
                continue
            v = d[name]
            sub = cls.NESTED.get(name)
            if isinstance(sub, list):
                v = _read_list(v, sub[0], where, at + (name,))
            elif sub is not None:
                v = sub._read(v, where, at + (name,))
            elif name in cls.LISTS and not isinstance(v, list):
                raise where.error(at + (name,), f"{_loc(at + (name,))}: expected a list, not {_type_name(v)}")
            elif name in cls.MAPS and not isinstance(v, dict):
                raise where.error(at + (name,), f"{_loc(at + (name,))}: expected a mapping, not {_type_name(v)}")
            kwargs[name] = v
        extra = {k: v for k, v in d.items() if k not in _names(cls)}
        return cls(**kwargs, extra=extra)

    @classmethod
    def _missing(cls, name: str, where: _Where, at: tuple) -> PaperShapeError:
        return where.error(at, f"{_loc(at)}: no {name!r}")


def _read_list(v, cls, where: _Where, at: tuple) -> list:
    if not isinstance(v, list):
        raise where.error(at, f"{_loc(at)}: expected a list, not {_type_name(v)}")
    return [cls._read(x, where, at + (i,)) for i, x in enumerate(v)]


@dataclass(eq=True)
class Source(_Node):
    file: str
    sha256: str
    encoding: str | None = field(default=None, metadata=OPTIONAL)
    extra: dict = field(default_factory=dict, repr=False)
    WHAT = "a source"


@dataclass(eq=True)
class Bilingual(_Node):
    """A title or abstract: the Chinese and the English text (None where the paper has none)."""

    zh: str | None = None
    en: str | None = None
    extra: dict = field(default_factory=dict, repr=False)
    WHAT = "a zh/en pair"


@dataclass(eq=True)
class Keywords(_Node):
    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict, repr=False)
    LISTS = ("zh", "en")
    WHAT = "zh/en keyword lists"


@dataclass(eq=True)
class Author(_Node):
    name: str
    name_en: str | None = None
    affiliation: str | None = None
    extra: dict = field(default_factory=dict, repr=False)
    WHAT = "an author"


@dataclass(eq=True)
class Meta(_Node):
    """Bibliographic metadata; ``provenance`` says where each field came from (text, curated, …)."""

    title: Bilingual
    authors: list[Author] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    abstract: Bilingual = field(default_factory=Bilingual)
    keywords: Keywords = field(default_factory=Keywords)
    provenance: dict = field(default_factory=dict)
    # extra keys welcome by the contract: what else the text prints
    venue_en: str | None = None
    date: str | None = None
    issue: str | None = None
    pages: str | None = None
    article_number: str | None = None
    extra: dict = field(default_factory=dict, repr=False)
    NESTED = {"title": Bilingual, "authors": [Author], "abstract": Bilingual, "keywords": Keywords}
    MAPS = ("provenance",)
    WHAT = "a metadata record"


@dataclass(eq=True)
class Section(_Node):
    id: str
    number: str | None = None
    title: str = ""
    level: int = 1
    parent: str | None = None
    kind: str | None = None
    line: int | None = None
    extra: dict = field(default_factory=dict, repr=False)
    WHAT = "a section"


@dataclass(eq=True)
class Note(_Node):
    label: str | None = None
    text: str = ""
    line: int | None = None
    extra: dict = field(default_factory=dict, repr=False)
    WHAT = "a note"


@dataclass(eq=True)
class Reference(_Node):
    number: int | str | None = None
    text: str = ""
    alternates: list = field(default_factory=list)
    line: int | None = None
    extra: dict = field(default_factory=dict, repr=False)
    LISTS = ("alternates",)
    WHAT = "a reference"


@dataclass(eq=True)
class Table(_Node):
    kind: str | None = None
    number: str | int | None = None
    caption: str | None = None
    section: str | None = None
    line: int | None = None
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    extra: dict = field(default_factory=dict, repr=False)
    LISTS = ("rows", "notes")
    WHAT = "a table"


@dataclass(eq=True)
class ExcludedLine(_Node):
    """A line of the raw text left out of the paper, and why."""

    line: int | None = None
    reason: str = ""
    text: str = ""
    extra: dict = field(default_factory=dict, repr=False)
    WHAT = "an excluded line"


#: the item lists whose entries must be mappings with a string ``id`` (ids are kept from them)
ID_LISTS = ("claims", "frameworks", "recommendations", "statistics", "retired_ids")


@dataclass(eq=True)
class Paper(_Node):
    """One paper record. The fields without a default are the ones a record must have (a file
    without them is truncated or not a paper record); the others default to empty."""

    schema_version: int
    id: str
    source: Source
    meta: Meta
    sections: list[Section]
    claims: list[dict]
    frameworks: list[dict]
    recommendations: list[dict]
    statistics: list[dict]
    terms: list[dict] = field(default_factory=list)
    definitions: list[dict] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    front_matter: dict = field(default_factory=dict)
    excluded_lines: list[ExcludedLine] = field(default_factory=list)
    retired_ids: list[dict] = field(default_factory=list)
    # what looks wrong about the document's structure (diagnostics.py); `check` lists these
    warnings: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict, repr=False)
    NESTED = {
        "source": Source, "meta": Meta, "sections": [Section], "notes": [Note], "references": [Reference],
        "tables": [Table], "excluded_lines": [ExcludedLine],
    }  # fmt: skip
    LISTS = ("claims", "frameworks", "recommendations", "statistics", "terms", "definitions", "retired_ids", "warnings")
    MAPS = ("front_matter",)
    WHAT = "a paper record"

    @classmethod
    def from_dict(cls, d, where: str | Path | None = None, text: str | None = None) -> Paper:
        """The record of a parsed paper YAML. A value of the wrong shape raises
        :class:`PaperShapeError` naming ``where`` (the file) and, given the file's ``text``, the line."""
        from policykb.yamlpos import YamlLines

        w = _Where(where, YamlLines(text) if text is not None else None)
        if not isinstance(d, dict):
            raise w.error((), "not a paper record (empty or truncated?)", 1)
        paper = cls._read(d, w, ())
        if not isinstance(paper.id, str):
            raise w.error(("id",), f"id: expected a string, not {_type_name(paper.id)}")
        for kind in ID_LISTS:
            for i, it in enumerate(getattr(paper, kind)):
                if not isinstance(it, dict) or not isinstance(it.get("id"), str):
                    raise w.error((kind, i), f"{kind}: expected a list of items with ids")
        return paper

    @classmethod
    def _missing(cls, name: str, where: _Where, at: tuple) -> PaperShapeError:
        if not at:
            return where.error(at, f"incomplete paper record, no {name!r} (truncated?)", None)
        return super()._missing(name, where, at)

    def item_lists(self):
        """(kind, items) of the four item kinds, in the registry's order."""
        from policykb.kinds import ITEM_KINDS

        return [(k, getattr(self, k)) for k in ITEM_KINDS]


def read_paper(path: str | Path, expect_id: str | None = None) -> Paper:
    """The one loader of corpus/papers/<id>.yaml: parse it (bad YAML: ``file:line``), check its shape
    (:meth:`Paper.from_dict`) and, given ``expect_id``, that it is that paper's record."""
    from policykb import yamlio

    p = Path(path)
    data, text = yamlio.read_with_text(p)
    paper = Paper.from_dict(data, where=p, text=text)
    if expect_id is not None and paper.id != expect_id:
        from policykb.yamlpos import line_of

        line = line_of(text, ["id"])
        raise PaperShapeError(f"paper record of {paper.id!r}, expected {expect_id!r}", p, line)
    return paper


def as_dict(paper) -> dict:
    """The YAML dict of a paper given as a :class:`Paper` or already as a dict."""
    return paper.to_dict() if isinstance(paper, Paper) else paper
