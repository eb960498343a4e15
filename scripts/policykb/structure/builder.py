"""Build a :class:`Document` from the cleaned blocks of a paper."""

from __future__ import annotations

import re

from policykb import rules
from policykb.inline import MARKER_RE, clean_segments, fold
from policykb.layout import Block, heading_like, match_heading
from policykb.structure import english as english_mod
from policykb.structure import front
from policykb.structure.document import (
    Document,
    Dropped,
    Meta,
    Note,
    Paragraph,
    Reference,
    Section,
    Table,
)
from policykb.text import Text

STYLE_LABEL = {
    "han-comma": "{}",
    "han-paren": "（{}）",
    "arabic-paren": "（{}）",
    "chapter": "第{}章",
}


def _heading_parts(block: Block) -> tuple[str | None, str]:
    """(number label, title) of a heading block, from its cleaned text."""
    if "markdown" in block.meta:
        return None, re.sub(r"^#+\s*", "", block.text).strip()
    first = block.lines[0]
    hm = match_heading(first.text)
    if hm is None:
        return None, block.text
    label = STYLE_LABEL.get(hm.style, "{}").format(hm.number)
    # the title is the rest of the first raw line (and any wrapped line), cleaned
    lead = len(first.raw) - len(first.raw.lstrip())
    cut = lead + len(first.text) - len(hm.title)
    segments = [(first.start + cut, first.raw[cut:])] + [(ln.start, ln.raw) for ln in block.lines[1:]]
    title, _, _ = clean_segments(segments)
    return label, title


def _is_real_heading(block: Block) -> bool:
    if block.kind != "heading":
        return False
    if "markdown" in block.meta:
        return True
    return heading_like(block.text)


def _style_key(block: Block) -> int:
    if "markdown" in block.meta:
        return block.meta["markdown"] - 10
    return block.meta["rank"]


class _Sections:
    def __init__(self, keys: list[int]):
        self.levels = {k: min(i + 1, 3) for i, k in enumerate(sorted(set(keys)))}
        self.sections: list[Section] = []
        self.counters = [0, 0, 0]
        self.stack: list[Section | None] = [None, None, None]
        self.current: str | None = None

    def add(self, block: Block) -> Section:
        level = self.levels[_style_key(block)]
        self.counters[level - 1] += 1
        for i in range(level, 3):
            self.counters[i] = 0
        parts = [str(c) for c in self.counters[:level]]
        # a level whose parent level was never opened counts from 0 ("s0.1")
        sid = "s" + ".".join(parts)
        parent = None
        for lv in range(level - 1, 0, -1):
            if self.stack[lv - 1] is not None:
                parent = self.stack[lv - 1].id
                break
        number, title = _heading_parts(block)
        sec = Section(
            id=sid, number=number, title=title, level=level, parent=parent, line=block.line,
            text=re.sub(r"^#+\s*", "", block.text),
        )
        self.sections.append(sec)
        self.stack[level - 1] = sec
        for i in range(level, 3):
            self.stack[i] = None
        self.current = sid
        return sec

    def ensure_preamble(self) -> str:
        if self.current is None:
            sec = Section(id="s0", number=None, title="（正文开头）", level=1, parent=None, kind="preamble")
            self.sections.append(sec)
            self.current = "s0"
        return self.current


def _note_text(block: Block) -> str:
    return re.sub(r"^[①-⑳*]\s*", "", block.text).strip()


def _cells(line, raw_text: str) -> list[str]:
    """Cells of a tab-separated row, each cleaned (stray spaces, markers)."""
    cells = []
    pos = line.start
    sep = re.compile(r"\t" if "\t" in line.raw else r" {2,}")
    last = 0
    for m in list(sep.finditer(line.raw)) + [None]:
        end = m.start() if m else len(line.raw)
        cell = line.raw[last:end]
        text, _, _ = clean_segments([(pos + last, cell)])
        if text or m is None or "\t" in line.raw:
            cells.append(text)
        last = m.end() if m else end
    while cells and not cells[-1]:
        cells.pop()
    return cells


def build_document(text: Text) -> Document:
    meta = Meta()
    blocks = text.blocks
    real_heads = [b for b in blocks if _is_real_heading(b)]
    secs = _Sections([_style_key(b) for b in real_heads])

    # --- head: title, authors, affiliation
    title_parts: list[str] = []
    printed_parts: list[str] = []
    head_fields: dict[str, str] = {}
    cfg_head = rules.load("layout.yaml")["head_fields"]
    for b in (b for b in blocks if b.kind == "head"):
        if "markdown" in b.meta and not title_parts and not meta.authors:
            title_parts.append(re.sub(r"^#+\s*", "", b.text).strip())
            continue
        parsed = front.parse_author_line(b.lines[0].raw)
        if parsed and (title_parts or meta.authors):
            authors, aff = parsed
            for a in authors:
                a.affiliation = aff
            meta.authors.extend(authors)
            continue
        aff = front.parse_affiliation_line(b.text) if meta.authors else None
        if aff:
            label = front.affiliation_label(b.lines[0].raw)
            labelled = [a for a in meta.authors if label and a.label == label]
            for a in labelled or meta.authors:
                a.affiliation = a.affiliation or aff
            continue
        # matched as cleaned and as printed (cleaning drops the space in "經濟時報社論　2025年11月10日")
        printed = fold(b.lines[0].text) if len(b.lines) == 1 else b.text
        label = next((r["label"] for r in cfg_head if any(rules.regex(r["pattern"]).match(t) for t in (b.text, printed))
                      and (title_parts or not r.get("after_title"))), None)
        if label:
            head_fields.setdefault(label, b.text)  # a document number, a date, a byline: not the title
            continue
        if not meta.authors:
            title_parts.append(b.text)
            printed_parts.append(b.surface or b.text)
    front.apply_head_date(meta, head_fields)
    if title_parts:
        meta.title_zh = "".join(title_parts)
        meta.title_printed = "".join(printed_parts)
        meta.provenance["title.zh"] = "text"
    if meta.authors:
        meta.provenance["authors"] = "text"

    paragraphs: list[Paragraph] = []
    notes: list[Note] = []
    references: list[Reference] = []
    tables: list[Table] = []
    front_matter: dict[str, str] = dict(head_fields)
    dropped: list[Dropped] = []
    english_blocks: list[Block] = []
    cfg = rules.load("layout.yaml")

    # a body paragraph between the abstract and the keywords continues the abstract
    kinds = [b.kind for b in blocks]
    for i, b in enumerate(blocks):
        if b.kind == "body" and "abstract" in kinds[:i]:
            prev = next(k for k in reversed(kinds[:i]) if k not in ("body",))
            nxt = next((k for k in kinds[i + 1 :] if k != "body"), None)
            if prev == "abstract" and nxt == "keywords":
                b.kind = "abstract-more"
    for b in blocks:
        k = b.kind
        if k == "head":
            continue
        if k == "abstract-more":
            meta.abstract_zh = (meta.abstract_zh or "") + "\n" + b.text
            paragraphs.append(Paragraph("abstract", b.text, b.offs, b.markers, b.line, kind="abstract"))
            continue
        if k == "heading" and _is_real_heading(b):
            secs.add(b)
            continue
        if k in ("body", "heading"):
            number = None
            if k == "heading":
                number, _ = _heading_parts(b)
            paragraphs.append(
                Paragraph(secs.ensure_preamble(), b.text, b.offs, b.markers, b.line, number=number)
            )
        elif k == "abstract":
            meta.abstract_zh = front.strip_label(b.text, "abstract_label")
            meta.provenance["abstract.zh"] = "text"
            label_len = len(b.text) - len(meta.abstract_zh)
            paragraphs.append(
                Paragraph("abstract", meta.abstract_zh, b.offs[label_len:], b.markers, b.line, kind="abstract")
            )
        elif k == "keywords":
            # split on the raw text: cleaning removes the spaces that separate keywords
            raw_kw = " ".join(MARKER_RE.sub("", ln.text) for ln in b.lines)
            if re.search(r"[;；,，、]", raw_kw):
                raw_kw = b.text  # separators: a line break inside a keyword joins it ("人机" + "协同")
            if b.meta.get("english"):
                meta.keywords_en = front.split_keywords(front.strip_label(raw_kw, "english_keywords_label"))
                meta.provenance["keywords.en"] = "text"
            else:
                meta.keywords_zh = front.split_keywords(front.strip_label(raw_kw, "keywords_label"))
                meta.provenance["keywords.zh"] = "text"
        elif k == "note":
            notes.append(Note(label=b.meta["label"], text=_note_text(b), line=b.line, offs=b.offs))
        elif k == "reference":
            t = re.sub(r"^[-•·]?\s*(?:[\[［]\d+[\]］]|\d+[.．])?\s*", "", b.text)
            references.append(Reference(number=b.meta.get("number"), text=t, line=b.line))
        elif k == "reference-alt":
            t = re.sub(r"^[-•·]\s*", "", b.text)
            if references:
                references[-1].alternates.append(t)
        elif k == "caption":
            rx = cfg["table_caption"] if b.meta["type"] == "table" else cfg["figure_caption"]
            m = rules.regex(rx).match(b.text) or rules.regex(r"^[表图]\s*(\d*)\s*(.*)$").match(b.text)
            tab = Table(
                kind=b.meta["type"],
                number=b.meta.get("number"),
                caption=m.group(2).strip() if m else b.text,
                section=secs.current,
                line=b.line,
            )
            if "rows" in b.meta:
                tab.has_tab_stops = False
                for ln in b.meta["rows"]:
                    # no tab stops: keep the printed spacing, it is all that separates the cells
                    tab.rows.append([" ".join(MARKER_RE.sub("", ln.raw).split())])
                    tab.row_lines.append(ln.no)
            tables.append(tab)
        elif k == "table-row":
            if not tables or tables[-1].kind != "table":
                tables.append(Table(kind="table", number=None, caption="", section=secs.current, line=b.line))
            tables[-1].rows.append(_cells(b.lines[0], text.raw.text))
            tables[-1].row_lines.append(b.line)
        elif k == "caption-note":
            if tables:
                tables[-1].notes.append(b.text)
            else:
                paragraphs.append(Paragraph(secs.ensure_preamble(), b.text, b.offs, b.markers, b.line))
        elif k == "front":
            label = b.meta.get("label", "")
            value = re.sub(r"^[\[［【]?\s*" + re.escape(label) + r"\s*[:：]\s*", "", b.text).rstrip("]］】")
            if label == "作者简介" and b.text.startswith("作者") and not b.text.startswith("作者简介"):
                m = rules.regex(cfg["author_bio_pattern"]).match(b.text)
                if m:
                    name, bio = m.group(1), m.group(2)
                    value = b.text
                    org = front.organisation_prefix(re.split(r"[(（]", bio)[0])
                    for a in meta.authors:
                        if a.name == name and not a.affiliation and org:
                            a.affiliation = org
            front_matter[label] = (front_matter[label] + "\n" + value) if label in front_matter else value
            if label == "文章编号":
                front.apply_article_number(meta, value)
        elif k == "publication":
            front.apply_publication_line(meta, b.text)
            front_matter["出处"] = b.text
        elif k == "english":
            english_blocks.append(b)
        elif k == "dropped":
            dropped.append(Dropped(line=b.line, reason=b.meta.get("reason", ""), text=b.lines[0].text))
        elif k in ("references-heading", "notes-heading"):
            continue
        else:  # pragma: no cover - every block kind is handled above
            raise AssertionError(f"unhandled block kind {k}")

    english_mod.apply_english(meta, english_blocks)

    if meta.title_zh is None and text.running_headers:
        # a paper printed without its title line repeats it as the running header
        meta.title_zh = max(sorted(text.running_headers), key=len)
        meta.provenance["title.zh"] = "inferred"

    sections = list(secs.sections)
    if meta.abstract_zh:
        sections.insert(0, Section(id="abstract", number=None, title="摘要", level=1, parent=None, kind="abstract"))
    return Document(
        meta=meta,
        sections=sections,
        paragraphs=paragraphs,
        notes=notes,
        references=references,
        tables=tables,
        front_matter=front_matter,
        dropped=dropped,
    )
