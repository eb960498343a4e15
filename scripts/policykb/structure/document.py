"""Domain objects of a structured paper."""

from __future__ import annotations

from dataclasses import dataclass, field

from policykb.inline import Marker


@dataclass
class Section:
    id: str
    number: str | None
    title: str
    level: int
    parent: str | None
    kind: str = "heading"  # heading | abstract | preamble
    line: int | None = None
    text: str = ""  # the heading as printed (cleaned), number included


@dataclass
class Paragraph:
    section: str
    text: str
    offs: list[int]
    markers: list[Marker]
    line: int
    number: str | None = None  # label of a numbered paragraph ("1", "一", "第一")
    kind: str = "body"  # body | abstract


@dataclass
class Note:
    label: str
    text: str
    line: int
    offs: list[int] = field(default_factory=list)


@dataclass
class Reference:
    number: str | None
    text: str
    line: int
    alternates: list[str] = field(default_factory=list)


@dataclass
class Table:
    kind: str  # table | figure
    number: str | None
    caption: str
    section: str | None
    line: int
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    has_tab_stops: bool = True


@dataclass
class Author:
    name: str
    name_en: str | None = None
    affiliation: str | None = None
    label: str | None = None  # the affiliation mark printed after the name ("1", "¹")


@dataclass
class Meta:
    title_zh: str | None = None
    title_printed: str | None = None  # the title as printed (traditional stays traditional)
    title_en: str | None = None
    authors: list[Author] = field(default_factory=list)
    venue: str | None = None
    venue_en: str | None = None
    year: int | None = None
    date: str | None = None
    issue: str | None = None
    pages: str | None = None
    article_number: str | None = None
    abstract_zh: str | None = None
    abstract_en: str | None = None
    keywords_zh: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class Dropped:
    line: int
    reason: str
    text: str


@dataclass
class Document:
    meta: Meta
    sections: list[Section]
    paragraphs: list[Paragraph]
    notes: list[Note]
    references: list[Reference]
    tables: list[Table]
    front_matter: dict[str, str]
    dropped: list[Dropped]

    def section(self, sid: str) -> Section | None:
        return next((s for s in self.sections if s.id == sid), None)

    def note(self, label: str) -> Note | None:
        return next((n for n in self.notes if n.label == label), None)
