"""From one text file to one paper record (:class:`policykb.paper.Paper`, whose ``to_dict`` is the
YAML contract of DESIGN §2)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policykb import curation, extract
from policykb.diagnostics import diagnose
from policykb.paper import Author, Bilingual, ExcludedLine, Keywords, Meta, Note, Paper, Reference, Section, Source, Table
from policykb.reading import RawText, read_raw
from policykb.slug import paper_id_for
from policykb.structure import Document, build_document
from policykb.text import Text, clean

SCHEMA_VERSION = 1


@dataclass
class Extraction:
    paper: Paper
    document: Document
    text: Text

    @property
    def full_text(self) -> str:
        """The cleaned body text (paragraphs and notes), for counting term occurrences."""
        return "\n".join([p.text for p in self.document.paragraphs] + [n.text for n in self.document.notes])


def _meta(doc: Document) -> Meta:
    m = doc.meta
    return Meta(
        title=Bilingual(m.title_zh, m.title_en),
        authors=[Author(a.name, a.name_en, a.affiliation) for a in m.authors],
        venue=m.venue,
        year=m.year,
        abstract=Bilingual(m.abstract_zh, m.abstract_en),
        keywords=Keywords(list(m.keywords_zh), list(m.keywords_en)),
        provenance=dict(sorted(m.provenance.items())),
        # extra keys (welcome by the contract): what else the text prints
        venue_en=m.venue_en,
        date=m.date,
        issue=m.issue,
        pages=m.pages,
        article_number=m.article_number,
    )


def document_to_paper(doc: Document, paper_id: str, source_file: str, raw: RawText, items: dict) -> Paper:
    return Paper(
        schema_version=SCHEMA_VERSION,
        id=paper_id,
        source=Source(file=source_file, sha256=raw.sha256, encoding=raw.encoding),
        meta=_meta(doc),
        sections=[Section(s.id, s.number, s.title, s.level, s.parent, s.kind, s.line) for s in doc.sections],
        claims=items.get("claims", []),
        frameworks=items.get("frameworks", []),
        recommendations=items.get("recommendations", []),
        statistics=items.get("statistics", []),
        terms=items.get("terms", []),
        definitions=items.get("definitions", []),
        notes=[Note(n.label, n.text, n.line) for n in doc.notes],
        references=[Reference(r.number, r.text, r.alternates, r.line) for r in doc.references],
        tables=[Table(t.kind, t.number, t.caption, t.section, t.line, t.rows, t.notes) for t in doc.tables],
        front_matter=dict(doc.front_matter),
        excluded_lines=[ExcludedLine(d.line, d.reason, d.text) for d in doc.dropped],
        retired_ids=items.get("retired_ids", []),
        # what looks wrong about the document's structure (diagnostics.py); `check` lists these
        warnings=diagnose(doc, items, raw.text),
    )


def _as_printed(paper: Paper, doc: Document, text) -> None:
    """What the paper's own text gave (title, abstract, keywords, section titles) as printed:
    rules read the analysis view (traditional folded to simplified), a reader sees the paper's
    characters. Curated metadata is left as written."""
    if not text.folded:
        return
    m, prov = paper.meta, doc.meta.provenance
    if prov.get("title.zh") == "text" and doc.meta.title_printed:
        m.title.zh = doc.meta.title_printed
    if prov.get("abstract.zh") == "text" and m.abstract.zh:
        m.abstract.zh = text.surface(m.abstract.zh)
    if prov.get("keywords.zh") == "text":
        m.keywords.zh = [text.surface(k) for k in m.keywords.zh]
    for s in paper.sections:
        if s.title and s.kind == "heading":
            s.title = text.surface(s.title)


def extract_paper(
    path: str | Path,
    *,
    paper_id: str | None = None,
    source_file: str | None = None,
    meta_file: Path | None = None,
    previous: Paper | dict | None = None,
    known: dict | None = None,
) -> Extraction:
    """Read, clean, structure and extract one paper.

    ``meta_file`` is its curated metadata (corpus/meta/<id>.yaml); ``previous`` the paper
    record of the last build, whose item ids are kept for items that did not change.
    """
    raw = read_raw(path)
    text = clean(raw)
    doc = build_document(text)
    if meta_file is not None:
        curation.apply_meta_curation(doc.meta, curation.load_meta_curation(meta_file))
    pid = paper_id or paper_id_for(Path(path).stem, raw.data)
    curation_file = None
    if meta_file is not None:  # corpus/curation/<paper>.yaml beside corpus/meta/
        curation_file = Path(meta_file).parent.parent / "curation" / f"{pid}.yaml"
    items = extract.extract_items(doc, text, pid, previous=previous, known=known, curation_file=curation_file)
    paper = document_to_paper(doc, pid, source_file or str(path), raw, items)
    _as_printed(paper, doc, text)
    # corrections that no longer find their item: "corpus/curation/<paper>.yaml:<line>: …"
    paper.warnings = list(paper.warnings) + items.get("curation_warnings", [])
    return Extraction(paper=paper, document=doc, text=text)
