"""The typed model of extracted items: one record class per kind, each carrying its raw span.

Extractors build these records; :func:`policykb.extract.extract_items` gives them spans, topics
and evidence and turns them into the paper record's dicts (the YAML contract) with
:meth:`Item.to_dict`. Working fields that are not part of the contract (the paragraph line, the
keys linking a recommendation to its parent) are typed fields too, left out of ``to_dict``
unless asked for. Records also answer ``item["field"]`` and ``item.get("field")`` so rule code
can treat them like the dicts they become.

>>> s = Statistic(value=12.5, unit="万亿元", quote="规模达到12.5万亿元", section="s1")
>>> s["unit"], s.to_dict()["kind"], "line" in s.to_dict()
('万亿元', 'value', False)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from policykb.kinds import KINDS

#: metadata flag of a working field (not written to the YAML)
WORK = {"work": True}
#: metadata flag of an optional field (written only when it has a value)
OPTIONAL = {"optional": True}


@dataclass(frozen=True)
class Span:
    """Where a quote stands in the raw text: the 1-based line of its start and the character
    offsets [start, end) in the decoded text."""

    line: int
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"line": self.line, "start": self.start, "end": self.end}


class _Record:
    """Dict-style access and serialisation shared by every record."""

    def __getitem__(self, key: str):
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value) -> None:
        if key not in {f.name for f in fields(self)}:  # type: ignore[arg-type]
            raise KeyError(f"{type(self).__name__} has no field {key!r}")
        setattr(self, key, value)

    def get(self, key: str, default=None):
        return getattr(self, key, default)

    def __contains__(self, key: str) -> bool:
        return hasattr(self, key)

    def to_dict(self, work: bool = False) -> dict:
        out = {}
        for f in fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            if f.metadata.get("work"):
                if work:
                    out["_" + f.name] = v
                continue
            if f.metadata.get("optional") and v is None:
                continue
            if isinstance(v, Span):
                v = v.to_dict()
            elif isinstance(v, list):
                v = [x.to_dict() if isinstance(x, _Record) else x for x in v]
            out[f.name] = v
        return out


@dataclass
class Claim(_Record):
    text: str
    quote: str
    section: str
    kind: str = "assertion"
    terms: list[str] = field(default_factory=list)
    score: float = 0.0
    core: bool = False
    evidence: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    id: str | None = None
    span: Span | None = None
    line: int | None = field(default=None, metadata=WORK)
    KIND = "claims"


@dataclass
class Component(_Record):
    name: str
    description: str | None = None


@dataclass
class Framework(_Record):
    name: str
    quote: str
    section: str
    components: list[Component] = field(default_factory=list)
    kind: str | None = None
    id: str | None = None
    span: Span | None = None
    KIND = "frameworks"


@dataclass
class Recommendation(_Record):
    title: str | None
    text: str
    quote: str
    section: str
    level: int | str  # 1 | 2 | "inline"
    parent: str | None = None
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    id: str | None = None
    span: Span | None = None
    key: str | None = field(default=None, metadata=WORK)
    parent_key: str | None = field(default=None, metadata=WORK)
    KIND = "recommendations"


@dataclass
class Statistic(_Record):
    value: float | int
    quote: str
    section: str
    range_to: float | int | None = None
    unit: str | None = None
    indicator: str | None = None
    subject: str | None = None
    period: str | None = None
    source: str | None = None
    kind: str = "value"  # value | rank
    precision: str | None = field(default=None, metadata=OPTIONAL)
    entity: str | None = field(default=None, metadata=OPTIONAL)
    table: str | None = field(default=None, metadata=OPTIONAL)
    id: str | None = None
    span: Span | None = None
    line: int | None = field(default=None, metadata=WORK)
    KIND = "statistics"


@dataclass
class Term(_Record):
    zh: str
    en: str | None
    abbr: str | None
    quote: str
    source: str = "text"  # text | note | keywords
    span: Span | None = None
    alt_zh: str | None = None  # a second Chinese name printed in the same bracket (算力（计算能力，computing power）)


@dataclass
class Definition(_Record):
    term: str
    text: str
    quote: str
    where: str
    span: Span | None = None


# the YAML key order of each item kind: id first, then the record's fields
_ORDER = {
    "claims": ("id", "text", "quote", "section", "kind", "terms", "score", "core", "evidence", "topics", "span"),
    "frameworks": ("id", "name", "quote", "section", "components", "kind", "span"),
    "recommendations": ("id", "title", "text", "quote", "section", "level", "parent", "actors", "topics", "span"),
    "statistics": (
        "id", "value", "range_to", "unit", "indicator", "subject", "period", "source", "quote", "section",
        "kind", "precision", "entity", "table", "span",
    ),
}
assert set(_ORDER) == set(KINDS), "every item kind of the registry has a record class"
RECORDS = {"claims": Claim, "frameworks": Framework, "recommendations": Recommendation, "statistics": Statistic}


def item_dict(item: _Record, work: bool = False) -> dict:
    """The YAML dict of an item, keys in the contract's order (working fields as ``_name``)."""
    d = item.to_dict(work=work)
    kind = type(item).KIND  # type: ignore[attr-defined]
    out = {k: d[k] for k in _ORDER[kind] if k in d}
    out.update({k: v for k, v in d.items() if k not in out})
    return out
