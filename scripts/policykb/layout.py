"""Line layout: classify the raw lines of a paper and group them into blocks.

PDF extraction leaves hard line breaks inside sentences, blank lines between wrapped lines,
running headers and footnotes in the middle of paragraphs. This module decides, line by line,
what each line is (heading, note, caption, table row, front matter, English block, body …)
and joins the lines of one paragraph back together. The rules it uses are data
(``rules/layout.yaml``); the decisions it makes are recorded on the blocks so nothing is lost
silently: a line that is not body text becomes a block of kind ``dropped`` with its reason.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from policykb import rules
from policykb.inline import Marker, clean_segments, ends_sentence, han_count
from policykb.segment import crosses


@dataclass
class Line:
    no: int  # 1-based line number in the raw file
    start: int  # offset of the first character of the line in the raw text
    raw: str  # the line without its newline

    @cached_property
    def text(self) -> str:  # a line is never edited: stripped once
        return self.raw.strip()

    @cached_property
    def hans(self) -> int:
        """How many Chinese characters the line holds (measured once)."""
        return han_count(self.text)


@dataclass
class Block:
    kind: str
    lines: list[Line]
    meta: dict = field(default_factory=dict)
    text: str = ""
    offs: list[int] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    surface: str = ""  # ``text`` with the characters as printed (set by policykb.text.clean)

    @property
    def line(self) -> int:
        return self.lines[0].no

    @property
    def last_text(self) -> str:
        return self.lines[-1].text

    def finish(self, cut_at: int | None = None, words: frozenset[str] = frozenset()) -> None:
        """Clean the block's text. ``cut_at``: in a text a program wrapped at that many characters,
        a break between two Latin letters falls inside a word when the line is exactly that long, or
        when the two pieces make a word the document prints whole elsewhere (``words``, lower case)."""
        cut = frozenset(i for i in range(len(self.lines) - 1) if cut_at and _cuts_word(self.lines[i].raw, self.lines[i + 1].raw, cut_at, words))
        self.text, self.offs, self.markers = clean_segments([(ln.start, ln.raw) for ln in self.lines], cut)


_EDGE_LEFT = re.compile(r"[A-Za-z]+$")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_EDGE_RIGHT = re.compile(r"^[A-Za-z]+")


def _cuts_word(line: str, nxt: str, cut_at: int, words: frozenset[str]) -> bool:
    """Whether a fixed-width wrap cut a word between ``line`` and ``nxt`` (see Block.finish)."""
    left, right = _EDGE_LEFT.search(line), _EDGE_RIGHT.match(nxt)
    if not (left and right):
        return False
    return len(line) == cut_at or (left.group(0) + right.group(0)).lower() in words


def inner_words(lines: list[Line]) -> frozenset[str]:
    """The English words of a text that no line break touches (lower case): the words a line
    break may have cut are judged against them."""
    out: set[str] = set()
    for ln in lines:
        raw = ln.raw
        if any("A" <= c <= "z" for c in raw):
            out.update(m.group(0).lower() for m in _LATIN_WORD.finditer(raw) if m.start() > 0 and m.end() < len(raw))
    return frozenset(out)


def _is_affiliation(text: str) -> bool:
    sufs = rules.load("layout.yaml")["organisation_suffixes"]
    return any(x in text for x in sufs) and len(text) <= 60 and not ends_sentence(text)


def split_lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for no, raw in enumerate(text.split("\n"), 1):
        out.append(Line(no=no, start=pos, raw=raw.rstrip("\r")))
        pos += len(raw) + 1
    return out


def _rx(key: str) -> re.Pattern:
    return rules.regex(rules.load("layout.yaml")[key])


@lru_cache(maxsize=None)
def _front_label_rx(label: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(label)}\s*[:：]")


_ASCII = re.compile(r"[\x00-\x7f]")


def latin_ratio(s: str) -> float:
    letters = "".join(s.split())  # the characters that are not spaces
    if not letters:
        return 0.0
    return len(_ASCII.findall(letters)) / len(letters)


def is_latin_line(s: str) -> bool:
    return latin_ratio(s) >= 0.8 and sum(c.isalpha() for c in s) >= 3


def han_len(s: str) -> int:
    """The length of a line in characters."""
    return len(s.strip())


def cell_len(s: str) -> int:
    """The printed width of a line in full-width cells: a Latin letter, digit or space is half a
    cell (a PDF wraps a line with English in it at the same printed width as an all-Chinese one)."""
    s = s.strip()
    narrow = len(_ASCII.findall(s))
    return round((len(s) - narrow) + narrow * 0.5)  # exact in floating point, as the sum was


# --- heading candidates ------------------------------------------------------------------


@dataclass(frozen=True)
class HeadingMatch:
    style: str
    rank: int
    number: str
    title: str


def match_heading(text: str) -> HeadingMatch | None:
    """Match a line against the numbered heading styles (not Markdown headings)."""
    cfg = rules.load("layout.yaml")
    for st in cfg["heading_styles"]:
        m = rules.regex(st["pattern"]).match(text)
        if m:
            title = m.group(2).strip()
            if st["name"] == "arabic-space" and re.search(r"[，,。；;：:、%]", title):
                continue  # "10 倍，人工智能…" is a wrapped line, not a heading
            return HeadingMatch(st["name"], st["rank"], m.group(1), title)
    return None


def match_markdown(text: str):
    m = _rx("markdown_heading").match(text)
    if m:
        return len(m.group(1)), m.group(2).strip()
    return None


def heading_like(text: str) -> bool:
    """Short and without sentence-final punctuation: the shape of a heading."""
    limit = rules.load("layout.yaml")["heading_max_chars"]
    return len(text) <= limit and not re.search(r"[。！？!?；;]", text)


# --- document-wide measurements ----------------------------------------------------------


def _width(lines: list[Line], length) -> tuple[int, float] | None:
    """(wrap width, share of lines near the typical full line) with one way of measuring a line."""
    lens = [length(ln.raw) for ln in lines if ln.text and ln.hans >= 5]
    if len(lens) < 20:
        return None
    # the typical full line: the length with most lines within ±3 (short last lines, headings and
    # table rows pull a median down)
    counts = Counter(lens)
    med = max(sorted(counts), key=lambda n: sum(counts[k] for k in range(n - 3, n + 4)))
    if med > 50:
        return None
    near = sum(1 for n in lens if med - 3 <= n <= med + 3) / len(lens)
    if near < 0.5:
        # fewer full lines where every paragraph's first line is shorter (an indent, or a wrap that
        # started further in): still wrapped when most long lines stop mid-sentence (whole
        # paragraphs and titles rarely do)
        long = [ln.text for ln in lines if ln.text and ln.hans >= 5 and len(ln.text) >= 12]
        if near < 0.35 or not long or sum(1 for t in long if not ends_sentence(t)) < 0.7 * len(long):
            return None
    return int(sorted(lens)[int(len(lens) * 0.9)]), near


def measure_width(lines: list[Line]):
    """(the wrap width of a hard-wrapped paper, the way its lines are measured), the width None when
    lines are whole paragraphs. A text wrapped by a program counts characters; a PDF wraps at a
    printed width, where English and digits are narrow: the lines with Latin characters in them tell
    which — full ones are as long as the all-Chinese full lines in characters, or in cells."""
    found = {f: _width(lines, f) for f in (han_len, cell_len)}
    if not any(found.values()):
        return None, han_len
    pure = [ln for ln in lines if ln.text and not re.search(r"[A-Za-z0-9]", ln.text)]
    if _width(pure, han_len):
        # the all-Chinese full line, and how many lines with Latin characters are that long either way
        typical = Counter(han_len(ln.raw) for ln in pure).most_common(1)[0][0]
        mixed = [ln.raw for ln in lines if len(re.findall(r"[A-Za-z0-9]", ln.text)) >= 3 and ln.hans >= 5]
        fits = {f: sum(1 for t in mixed if abs(f(t) - typical) <= 2) for f in found}
        length = cell_len if fits[cell_len] > fits[han_len] and found[cell_len] else han_len
    else:  # too few all-Chinese lines: the measure under which line lengths are the more regular
        length = max((f for f in found if found[f]), key=lambda f: found[f][1])
    return (found[length][0] if found[length] else None), length


def find_running_headers(lines: list[Line]) -> set[str]:
    cfg = rules.load("layout.yaml")
    counts = Counter(ln.text for ln in lines if ln.text)
    found = set()
    for text, n in counts.items():
        if n < cfg["running_header_min_repeats"] or len(text) < cfg["running_header_min_chars"]:
            continue
        if ends_sentence(text) or "\t" in text or match_heading(text) or _rx("caption_note").match(text):
            continue
        if is_latin_line(text) or not _balanced(text):
            continue
        found.add(text)
    return found


_PAIRS = {"《": "》", "（": "）", "(": ")", "“": "”", "【": "】", "「": "」"}


def _balanced(text: str) -> bool:
    """No bracket or quote left open: a fragment of a wrapped table cell is not a header."""
    return all(text.count(o) == text.count(c) for o, c in _PAIRS.items())


def find_english_start(lines: list[Line]) -> int | None:
    """Index of the first line of an English block (title/abstract/keywords)."""
    span = find_english_block(lines)
    return span[0] if span else None


def find_english_block(lines: list[Line]) -> tuple[int, int] | None:
    """(first, end) line indexes of the English title/abstract/keywords block, wherever it stands:
    after the body (then it runs to the end) or before it (it ends where Chinese lines resume after
    its keywords line, or after its abstract when it prints no keywords)."""
    label = _rx("english_abstract_label")
    keywords = _rx("english_keywords_label")
    n = len(lines)
    for i in range(n):
        if not lines[i].text or not is_latin_line(lines[i].text):
            continue
        seen = 0
        for j in range(i, n):
            t = lines[j].text
            if not t:
                continue
            if not is_latin_line(t) and not t.startswith(("—", "-")):
                break
            if label.match(t) and j > i:
                return i, _english_end(lines, j, keywords)
            seen += 1
            if seen > 12:
                break
    return None


def _english_end(lines: list[Line], abstract: int, keywords: re.Pattern) -> int:
    """The index after the block: the first line of a run of Chinese text (three non-blank
    non-Latin lines, or one heading) that follows the abstract; the end of the file otherwise."""
    n = len(lines)
    k = abstract + 1
    while k < n:
        t = lines[k].text
        if t and not is_latin_line(t) and not keywords.match(t) and not t.startswith(("—", "-")):
            following = [ln.text for ln in lines[k:] if ln.text][:3]
            chinese = [x for x in following if not is_latin_line(x)]
            if len(chinese) == len(following) and (len(chinese) >= 3 or match_heading(t) or match_markdown(t)):
                return k
        k += 1
    return n


def _split_trailing_latin(line: Line) -> tuple[Line, Line] | None:
    """'…再上新台阶。 Reform' -> ('…再上新台阶。', 'Reform') when a Latin tail follows a
    Chinese sentence end (a journal's English name printed before its English block)."""
    m = re.match(r"^(.*[。！？”])(\s+)([A-Za-z][A-Za-z .,&'-]{1,60})\s*$", line.raw)
    if not m:
        return None
    head = Line(line.no, line.start, m.group(1))
    tail_start = line.start + len(m.group(1)) + len(m.group(2))
    return head, Line(line.no, tail_start, m.group(3))


# --- the block builder -------------------------------------------------------------------

JOINABLE = {"body", "abstract", "keywords", "front", "note", "reference", "head-paragraph"}


class _Builder:
    def __init__(self, lines: list[Line], width: int | None, headers: set[str], length=han_len):
        self.lines = lines
        self.width = width
        self.len = length  # how a line's length is measured (han_len or cell_len, see measure_width)
        self.headers = headers
        self.blocks: list[Block] = []
        cfg = rules.load("layout.yaml")
        self.cfg = cfg
        self.front_labels = cfg["front_matter_labels"]
        self.front_label_rxs = [(lab, _front_label_rx(lab)) for lab in self.front_labels]
        self.non_body = [(rules.regex(r["pattern"]), r["reason"]) for r in cfg["non_body_lines"]]
        self.end_markers = [rules.regex(p) for p in cfg["end_markers"]]
        self.has_inline_notes = False
        self.english_tail: Line | None = None
        # the length of a typical full wrapped line (the median; `width` is a high percentile)
        lens = [length(ln.raw) for ln in lines if ln.text and ln.hans >= 5]
        self.full_line = statistics.median(lens) if lens else 0

    # -- helpers
    def add(self, kind: str, line: Line, **meta) -> Block:
        b = Block(kind=kind, lines=[line], meta=dict(meta))
        self.blocks.append(b)
        return b

    def is_open(self, b: Block) -> bool:
        if b.kind not in JOINABLE and not (b.kind == "heading" and not b.meta.get("closed")):
            return False
        if b.kind == "front" and b.meta.get("closed"):
            return False
        last = b.last_text
        if not ends_sentence(last):
            return True
        if b.lines and b.meta.get("blank_after_line") == b.lines[-1].no:
            return False  # where blank lines separate paragraphs, a sentence end before one ends it
        # a full line that ends a sentence goes on in a wrapped text: in a paragraph, and in a numbered
        # paragraph read as a heading ("（一）明确了发展目标。《方案》提出，…；" + "培育工业大模型30个…")
        numbered_paragraph = b.kind == "heading" and not heading_like(b.lines[0].text)
        return bool(self.width) and (b.kind != "heading" or numbered_paragraph) and self.len(last) >= self.width - 1

    def last_open_body(self) -> Block | None:
        for b in reversed(self.blocks):
            if b.kind in ("body", "abstract", "head-paragraph"):
                return b if self.is_open(b) else None
            if b.kind in ("heading",):
                return None
        return None

    def front_label(self, text: str) -> str | None:
        t = text.lstrip("[［【").strip()
        for lab, rx in self.front_label_rxs:
            if rx.match(t):
                return lab
        if _rx("author_bio_pattern").match(t):
            return "作者简介"
        return None

    def note_label(self, text: str, in_notes: bool) -> str | None:
        m = _rx("note_start").match(text)
        if not m:
            return None
        label = next(g for g in m.groups() if g)
        if in_notes or self.has_inline_notes or text.startswith("^"):
            return label
        return None

    def start_kind(self, line: Line, zone: str) -> tuple[str, dict] | None:
        """What a line starts, or None for a plain line (a continuation candidate)."""
        t = line.text
        if t in self.headers:
            return "dropped", {"reason": "running header"}
        for rx, reason in self.non_body:
            if rx.match(t):
                return "dropped", {"reason": reason}
        if _rx("publication_line").match(t):
            return "publication", {}
        if any(rx.match(t) for rx in self.end_markers):
            return "end", {}
        label = self.front_label(t)
        if label:
            return "front", {"label": label}
        if _rx("references_heading").match(t):
            return "references-heading", {}
        if _rx("notes_heading").match(t):
            return "notes-heading", {}
        if zone == "references":
            return None
        lab = self.note_label(t, zone == "notes")
        if lab:
            return "note", {"label": lab}
        if zone == "notes":
            return None
        if _rx("abstract_label").match(t):
            return "abstract", {}
        if _rx("keywords_label").match(t):
            return "keywords", {}
        if _rx("english_keywords_label").match(t):
            return "keywords", {"english": True}  # "Keywords: …" right under 关键词, no English block
        if "\t" in line.raw or (_rx("aligned_row").match(t) and re.search(r"\d", t)):
            return "table-row", {}
        m = _rx("table_caption").match(t)
        if m and not ends_sentence(t):
            return "caption", {"type": "table", "number": m.group(1) or None}
        m = _rx("figure_caption").match(t)
        if m and not ends_sentence(t):
            return "caption", {"type": "figure", "number": m.group(1)}
        md = match_markdown(t)
        if md:
            return "heading", {"markdown": md[0], "title": md[1]}
        hm = match_heading(t)
        if hm:
            return "heading", {"style": hm.style, "rank": hm.rank, "number": hm.number}
        return None

    # -- main loop
    def build(self) -> list[Block]:
        lines = self.lines
        # Where wrapped lines follow each other without blank lines, a blank line is a real break.
        nonblank = sum(1 for ln in lines if ln.text)
        self.blank_is_break = (len(lines) - nonblank) < 0.35 * nonblank
        # Blank lines that only ever follow a sentence end separate paragraphs; where some fall
        # inside a sentence (page breaks of a PDF), a blank line after a full line may not.
        blanks_after = [lines[i - 1].text for i in range(1, len(lines)) if not lines[i].text and lines[i - 1].text]
        full = self.width * 0.8 if self.width else 24  # a wrapped line, not a title or a byline
        inside = sum(1 for t in blanks_after if not ends_sentence(t) and self.len(t) >= full)
        self.blank_is_paragraph = self.blank_is_break and bool(blanks_after) and inside <= 0.05 * len(blanks_after)
        self.has_inline_notes = any(
            re.search(r"\S\^\{?[①-⑳*]|\^\{\[", ln.raw) for ln in lines
        )
        eng = find_english_block(lines)
        english, english_end = eng if eng else (None, len(lines))
        if english is not None and english_end == len(lines):
            # a Latin tail on the last Chinese line belongs to the English block
            k = english - 1
            while k >= 0 and not lines[k].text:
                k -= 1
            if k >= 0:
                split = _split_trailing_latin(lines[k])
                if split:
                    lines = lines[:k] + [split[0], split[1]] + lines[k + 1 :]
                    english = k + 1
                    english_end = len(lines)
                    self.english_tail = split[1]
        zone = "head"
        head_lines = 0
        caption_gap = 99  # non-blank lines since the last caption/table row
        loose_table: Block | None = None
        for idx, line in enumerate(lines):
            t = line.text
            if english is not None and english <= idx < english_end:
                if t:
                    b = self.add("english", line)
                    if line is self.english_tail:
                        b.meta["venue_en"] = True
                        b.meta["para_end"] = True
                elif self.blocks and self.blocks[-1].kind == "english":
                    self.blocks[-1].meta["para_end"] = True
                continue
            if not t:
                last = self.blocks[-1] if self.blocks else None
                if self.blank_is_break and last is not None and last.kind == "heading":
                    last.meta["closed"] = True  # a blank line after a heading ends it
                if last is not None and last.kind == "front":
                    last.meta["closed"] = True  # "来源：…" then a blank line: the body starts after it
                if self.blank_is_paragraph and last is not None and last.kind in JOINABLE and last.lines:
                    last.meta["blank_after_line"] = last.lines[-1].no  # a sentence end, then a blank line
                continue
            if zone == "after":
                self.add("dropped", line, reason="after the end of the article")
                continue
            kind_meta = self.start_kind(line, zone)
            kind, meta = kind_meta if kind_meta else (None, {})

            if zone == "head" and kind == "dropped" and not (head_lines == 0 and meta.get("reason") == "running header"):
                self.add("dropped", line, **meta)  # a web page's breadcrumb or toolbar above the title
                continue
            if zone == "head":
                if self.head_line(line, kind, meta, head_lines):
                    head_lines += 1
                    continue
                zone = "body"

            if loose_table is not None:
                # a table without tab stops runs to the next heading, or to the first two
                # consecutive full-width lines (body text again)
                ends = kind == "heading" and "markdown" not in meta and meta.get("rank", 9) <= 2
                full = self.width - 2 if self.width else 80
                nxt = next((ln.text for ln in lines[idx + 1 :] if ln.text), "")
                body_again = self.len(t) >= full and self.len(nxt) >= full
                # a prose line (a sentence mark, no column gap) after a blank line is body text
                prev_blank = idx > 0 and not lines[idx - 1].text
                if prev_blank and not re.search(r"\S {2,}\S", line.raw.strip()) and self.len(t) >= 15 and re.search(r"[。，；：]", t):
                    body_again = True
                rows = loose_table.meta["rows"]
                if ends or body_again or kind in ("caption", "front", "note") or len(rows) > 80:
                    loose_table = None
                else:
                    rows.append(line)
                    continue

            if kind == "dropped":
                self.add("dropped", line, **meta)
                continue
            if kind == "end":
                self.add("dropped", line, reason="end of the article (banner)")
                zone = "after"
                continue
            if kind == "publication":
                self.add("publication", line)
                zone = "after"
                continue
            if kind == "references-heading":
                self.add("references-heading", line)
                zone = "references"
                continue
            if kind == "notes-heading":
                self.add("notes-heading", line)
                zone = "notes"
                continue
            if kind == "front":
                self.add("front", line, **meta)
                continue
            if zone == "references":
                self.reference_line(line)
                continue
            if kind == "caption":
                b = self.add("caption", line, **meta)
                caption_gap = 0
                nxt = next((ln for ln in lines[idx + 1 :] if ln.text), None)
                if (meta["type"] == "table" and nxt is not None and self.start_kind(nxt, zone) != ("table-row", {})
                        and not _rx("aligned_row").match(nxt.text)):
                    b.meta["rows"] = []
                    loose_table = b
                continue
            if kind is None and self.blocks and self.blocks[-1].kind == "caption" and _rx("aligned_row").match(t):
                kind = "table-row"  # a header row without figures, right under the table's caption
            if kind == "table-row":
                self.add("table-row", line)
                caption_gap = 0
                continue
            caption_gap += 1
            if caption_gap <= 3 and _rx("caption_note").match(t):
                self.add("caption-note", line)
                continue
            if kind == "heading":
                closed = "markdown" in meta or heading_like(t) and not self.width
                nxt = next((ln.text for ln in lines[idx + 1 :] if ln.text), "")
                if re.search(r"\d$", t) and re.match(r"\d", nxt) and "markdown" not in meta:
                    closed = False  # "3. …不少于1" + "000个，…": a number broken by the line wrap goes on
                self.add("heading", line, closed=closed, **meta)
                continue
            if kind in ("note", "abstract", "keywords"):
                self.add(kind, line, **meta)
                continue
            self.continuation(line)
        self.join_wrapped_items()
        # a program that wraps at a count of characters cuts English words anywhere; a PDF (measured in
        # printed cells) breaks lines between words
        cut_at = self.width if self.width and self.len is han_len else None
        words = inner_words(self.lines) if cut_at else frozenset()
        for b in self.blocks:
            b.finish(cut_at, words)
        return self.blocks

    def join_wrapped_items(self) -> None:
        """A numbered list item read as a heading because the wrap ended its first line where a
        heading could end ("（１）在北部都會區預留不少於１０公頃土地，興建以" + "可再生能源…中心；") is
        one paragraph with the lines under it, when its list is a list of paragraphs (a sibling
        item of the same style holds a sentence mark: an item that holds none is unfinished) and
        the line under it is a wrapped line, not a short title."""
        if not self.width:
            return
        blocks = self.blocks
        items = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.meta.get("style") in ("arabic-dot", "arabic-paren") and "markdown" not in b.meta]
        if not items:
            return
        texts = {i: "".join(ln.text for ln in blocks[i].lines) for i in items}
        drop: set[int] = set()
        for i in items:
            b, nxt = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is None or nxt.kind != "body" or not heading_like(texts[i]):
                continue
            first = nxt.lines[0].text
            gap = nxt.lines[0].no - b.lines[-1].no - 1  # blank lines between (a wrap may put them anywhere)
            if gap and self.blank_is_break or not (ends_sentence(first) or self.len(first) >= self.width * 0.6):
                continue
            # the siblings: the items of the same style up to a heading of a higher rank either way
            style, rank = b.meta["style"], b.meta["rank"]
            run = []
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(blocks):
                    o = blocks[j]
                    if o.kind == "heading" and (o.meta.get("rank", 9) < rank or "markdown" in o.meta):
                        break
                    if o.kind == "heading" and o.meta.get("style") == style:
                        run.append(j)
                    j += step
            if any(not heading_like(texts[j]) for j in run if j in texts):
                b.lines.extend(nxt.lines)
                b.meta["closed"] = True
                drop.add(i + 1)
        if drop:
            self.blocks = [b for k, b in enumerate(blocks) if k not in drop]

    def head_line(self, line: Line, kind: str | None, meta: dict, seen: int) -> bool:
        """Take a line of the head zone (title, byline, affiliations before the abstract/body)."""
        t = line.text
        if seen >= 8:
            return False
        if seen == 0 and kind == "dropped" and meta.get("reason") == "running header":
            kind, meta = None, {}  # the title printed first, then repeated as running header
        if seen and re.match(self.cfg["affiliation_line"], t) and _is_affiliation(t):
            self.add("head", line)  # "1. 某某大学经济学院，北京 100871" is not a section heading
            return True
        # a title or byline is short and never a sentence
        # (a sentence mark inside the line, or a news dateline "新华社武汉9月5日电", opens the body)
        long_para = (len(t) >= 80 or ends_sentence(t) or "，" in t or re.search(r"[。！？；]", t) is not None
                     or re.match(r"^(?:新华社|中新社|人民网|新华网|央视网|本报)\S{0,12}?\d{1,2}月\d{1,2}日电", t) is not None)
        if seen == 0 and len(t) <= 40 and re.fullmatch(r"[^，,。；;！!？?]+[？?]", t):
            long_para = False  # a title that asks a question ("人工智能应用如何重塑企业就业结构？")
        md_top = kind == "heading" and "markdown" in meta and not self.blocks
        bullet = re.match(self.cfg["author_line_bullet"], t)
        if seen and kind == "table-row":
            from policykb.structure.front import parse_author_line

            if parse_author_line(t):  # "周晓峰1  林  静2": a byline spaced like a table row
                kind, meta = None, {}
        if kind in (None, "front") and not long_para or md_top or bullet:
            self.add("head" if kind != "front" else "front", line, **meta)
            return True
        return False

    def reference_line(self, line: Line) -> None:
        t = line.text
        m = re.match(r"^[-•·]?\s*[\[［](\d+)[\]］]\s*(.*)$", t) or re.match(r"^(\d+)[.．]\s+(.*)$", t)
        if m:
            self.add("reference", line, number=m.group(1))
            return
        if re.match(r"^[-•·]\s+", t) and self.blocks and self.blocks[-1].kind in ("reference", "reference-alt"):
            self.add("reference-alt", line, number=self.blocks[-1].meta.get("number"))
            return
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.kind in ("reference", "reference-alt"):
            last.lines.append(line)
        else:
            self.add("reference", line, number=None)

    def continuation(self, line: Line) -> None:
        t = line.text
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.kind == "heading" and not last.meta.get("closed"):
            prev = last.last_text
            if (
                self.width
                and len(last.lines) == 1
                and heading_like(prev)
                and self.len(prev) >= self.width * 0.6
                and self.len(t) <= self.width // 2
                and not re.search(r"[，,。；;：:]", t)
            ):
                last.lines.append(line)  # a heading wrapped onto a second line
                last.meta["closed"] = True
                return
            numbered_paragraph = (
                self.width
                and last.meta.get("style") in ("arabic-dot", "arabic-paren")  # list items, not "5.2"
                and len(last.lines) == 1
                and self.len(prev) >= self.width * 0.75
                and (self.len(prev) >= self.full_line - 1 or crosses(prev, t))
                and (self.len(t) > self.width // 2 or ends_sentence(t))
                # a clause goes on across the break (a comma or list mark before it, a clause mark soon
                # after it, a bracket left open)
                and (re.search(r"[，,、]", prev) or re.match(r"^\S{1,6}?[，。,；;]", t) or not _balanced(prev))
            )
            number_split = (
                last.meta.get("style") in ("arabic-dot", "arabic-paren", "han-paren", "han-comma")
                and len(last.lines) == 1
                and re.search(r"\d$", prev) is not None
                and re.match(r"\d", t) is not None
            )
            if numbered_paragraph or number_split:
                # "1. 数据要素加入生产函数，形成新质要素组" + "合结构。…"; "3. …不少于1" + "000个，…"
                last.lines.append(line)
                return
            if heading_like(prev) and len(last.lines) == 1:
                last.meta["closed"] = True
            elif self.is_open(last):
                last.lines.append(line)  # a numbered paragraph going on
                return
        opens = ends_sentence(last.last_text) if last is not None else False
        if opens and any(re.match(p, t) for p in self.cfg["paragraph_openers"]):
            self.add("body", line)  # "在应用落地阶段，…" after a sentence end opens a paragraph
            return
        if last is not None and last.kind in JOINABLE and self.is_open(last):
            last.lines.append(line)
            return
        if last is not None and last.kind in ("note", "caption", "caption-note", "table-row", "dropped", "front", "heading"):
            body = self.last_open_body()
            if body is not None and last.kind != "heading":
                body.lines.append(line)
                return
        self.add("body", line)


def build_blocks(text: str) -> tuple[list[Block], int | None, set[str]]:
    lines = split_lines(text)
    width, length = measure_width(lines)
    headers = find_running_headers(lines)
    builder = _Builder(lines, width, headers, length)
    return builder.build(), width, headers
