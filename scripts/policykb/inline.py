"""Character-level cleaning of one block of text, keeping an offset map to the raw file.

A block is built from one or more raw line segments. Cleaning joins them (no space between
Chinese characters, one space between English words), lifts footnote/citation markers out of
the text into structured :class:`Marker` records, and removes the stray spaces PDF
extraction leaves between Chinese characters while keeping spaces inside English text and
between the digit groups of one number ("6 710"). Every character of the result keeps the
offset of the raw character it came from, so any span can be located in the raw file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress

from policykb import rules
from policykb.analysis import zero_width


@dataclass(frozen=True)
class Marker:
    """A footnote or citation marker found in the text (``^①``, ``［12］``, ``^[3]``…)."""

    label: str  # "①", "*", "12", "11,13"
    kind: str  # "note" | "citation" | "affiliation"
    pos: int  # index in the cleaned block text the marker followed
    raw_offset: int  # offset of the marker in the raw text


# --- character classes -------------------------------------------------------------------

def is_han(c: str) -> bool:
    """True for CJK ideographs.

    >>> is_han("数"), is_han("a"), is_han("，")
    (True, False, False)
    """
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


# the same ranges as is_han, for counting with one regex instead of a call per character
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")


def han_count(s: str) -> int:
    """How many characters of ``s`` are CJK ideographs (``sum(map(is_han, s))``).

    >>> han_count("GPT-4与大模型")
    4
    """
    return len(_HAN.findall(s))


_WIDE_PUNCT = set("，。、；：？！…—～·《》〈〉「」『』【】（）〔〕“”‘’■●◆▲")


def is_wide(c: str) -> bool:
    """Han characters and the punctuation of Chinese text."""
    o = ord(c)
    return is_han(c) or c in _WIDE_PUNCT or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60


def is_cjk_punct(c: str) -> bool:
    return is_wide(c) and not is_han(c)


SENTENCE_END = set("。！？!?；;…")
CLOSERS = set("”’」』）)》】")


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence (closing quotes/brackets after the stop allowed).

    >>> ends_sentence("发展。"), ends_sentence("发展。”"), ends_sentence("发展所")
    (True, True, False)
    """
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in SENTENCE_END


# --- markers -----------------------------------------------------------------------------

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"

MARKER_RE = re.compile(
    r"""
    \^\{(?P<brace>[^{}\n]{1,40})\}                        # ^{*}  ^{[11,13]①}
  | \^\[(?P<caret>\d{1,3}(?:\s*[,，\-–~]\s*\d{1,3})*)\]     # ^[3]  ^[7,13]
  | \^(?P<caretsym>[①-⑳*])                               # ^①
  | ［(?P<wide>\d{1,3}(?:\s*[,，\-–~]\s*\d{1,3})*)］         # ［12］
  | \[(?P<narrow>\d{1,3}(?:\s*[,，\-–~]\s*\d{1,3})*)\]      # [1]  [9,10]
  | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)                                # 曹玉平¹
    """,
    re.VERBOSE,
)


def _split_brace(label: str) -> list[tuple[str, str]]:
    """``[11,13]①`` -> [("11,13", "citation"), ("①", "note")]."""
    out = []
    for m in re.finditer(r"\[([^\]]*)\]|([①-⑳*])|(\d+(?:[,，]\d+)*)", label):
        if m.group(1) is not None:
            out.append((re.sub(r"\s+", "", m.group(1)), "citation"))
        elif m.group(2):
            out.append((m.group(2), "note"))
        elif m.group(3):
            out.append((m.group(3), "citation"))
    return out or [(label, "note")]


def marker_parts(m: re.Match) -> list[tuple[str, str]]:
    if m.group("brace") is not None:
        return _split_brace(m.group("brace"))
    if m.group("caret") is not None:
        return [(re.sub(r"\s+", "", m.group("caret")), "citation")]
    if m.group("caretsym") is not None:
        return [(m.group("caretsym"), "note")]
    for name in ("wide", "narrow"):
        if m.group(name) is not None:
            return [(re.sub(r"\s+", "", m.group(name)), "citation")]
    sup = m.group("sup")
    return [(sup.translate(str.maketrans(_SUPERSCRIPT, "0123456789")), "affiliation")]


def strip_markers(text: str) -> str:
    """The text without markers (used to compare quotes with the raw file).

    >>> strip_markers("增长［48］。GPMT^[4]与^{*}")
    '增长。GPMT与'
    """
    return MARKER_RE.sub("", text)


# --- cleaning ----------------------------------------------------------------------------


def _needs_space(left: str, right: str) -> bool:
    """Whether a line break between two characters stands for a space (English words)."""
    return (left.isascii() and left.isalnum() or left in ",.;:)") and right.isascii() and right.isalnum()


def _unit_goes_on(chars: list[str], body: str) -> bool:
    """A Latin unit after a figure broken by the line wrap ("280 EF" + "LOPS").

    >>> _unit_goes_on(list("规模达到280 EF"), "LOPS，"), _unit_goes_on(list("GPT"), "API")
    (True, False)
    """
    left = re.search(r"\d\s*([A-Za-z]+)$", "".join(chars[-16:]))
    right = re.match(r"[A-Za-z]+", body)
    if not (left and right):
        return False
    units = rules.load("statistics.yaml")["latin_units"]
    return left.group(1) + right.group(0) in units


def join_segments(segments: list[tuple[int, str]], cut: frozenset[int] = frozenset()) -> tuple[str, list[int]]:
    """Join raw line segments ``(raw_offset, text)`` into one string with an offset per char.
    ``cut`` holds the indices of segments a program cut at a fixed count of characters: there a
    break between two Latin letters falls inside a word, so it stands for no space.

    >>> join_segments([(0, "基于人"), (10, "类反馈")])[0]
    '基于人类反馈'
    >>> join_segments([(0, "General Purpose"), (20, "Technology")])[0]
    'General Purpose Technology'
    >>> join_segments([(0, "General Purpose Techn"), (21, "ology")], cut=frozenset({0}))[0]
    'General Purpose Technology'
    """
    chars: list[str] = []
    offs: list[int] = []
    zw = zero_width()
    for k, (start, seg) in enumerate(segments):
        lead = len(seg) - len(seg.lstrip())
        body = seg.strip()
        if not body:
            continue
        if chars:
            if chars[-1] == "-" and len(chars) > 1 and chars[-2].isalpha() and body[0].isalpha():
                pass  # hyphenated word split across lines: keep the hyphen, no space
            elif _number_goes_on(chars, body):
                pass  # "达到400" + "0亿元": one number broken by the line wrap
            elif _unit_goes_on(chars, body):
                pass  # "280 EF" + "LOPS": a unit broken by the line wrap
            elif k - 1 in cut and chars[-1].isascii() and chars[-1].isalpha() and body[0].isascii() and body[0].isalpha() and not lead:
                pass  # "Regulator" + "y Sandbox": a word cut by a fixed-width wrap
            elif _needs_space(chars[-1], body[0]):
                chars.append(" ")
                offs.append(offs[-1] + 1)
        if zw.isdisjoint(body):  # the usual case: every character, one offset each
            chars.extend(body)
            offs.extend(range(start + lead, start + lead + len(body)))
            continue
        for i, c in enumerate(body):
            if c in zw:
                continue
            chars.append(c)
            offs.append(start + lead + i)
    return "".join(chars), offs


def _number_goes_on(chars: list[str], body: str) -> bool:
    """Whether a line break falls inside a number of Chinese text (digits or a decimal point on
    both sides, and no Latin word before the number).

    >>> _number_goes_on(list("达到400"), "0亿元"), _number_goes_on(list("增长3."), "6%")
    (True, True)
    >>> _number_goes_on(list("Table 1"), "2 shows")
    False
    """
    left = chars[-1]
    right = body[0]
    if not ((left.isdigit() and (right.isdigit() or right == ".")) or (left == "." and right.isdigit())):
        return False
    k = len(chars) - 1
    while k >= 0 and (chars[k].isdigit() or chars[k] in ".,"):
        k -= 1
    if k == len(chars) - 2 and left == ".":
        return False  # a sentence-final "." after a word, not a decimal point
    while k >= 0 and chars[k] == " ":
        k -= 1
    before = chars[k] if k >= 0 else ""
    return not (before.isascii() and before.isalpha())


def lift_markers(text: str, offs: list[int]) -> tuple[str, list[int], list[Marker]]:
    """Remove footnote/citation markers, returning them as :class:`Marker` records."""
    out_c: list[str] = []
    out_o: list[int] = []
    markers: list[Marker] = []
    last = 0
    for m in MARKER_RE.finditer(text):
        # a bracketed number at the very start of a block is a list label, not a marker
        if m.start() == 0 and (m.group("narrow") is not None or m.group("wide") is not None):
            continue
        out_c.extend(text[last : m.start()])
        out_o.extend(offs[last : m.start()])
        for label, kind in marker_parts(m):
            markers.append(Marker(label=label, kind=kind, pos=len(out_c), raw_offset=offs[m.start()]))
        last = m.end()
    out_c.extend(text[last:])
    out_o.extend(offs[last:])
    return "".join(out_c), out_o, markers


def _removable_space(left: str, right: str) -> bool:
    if is_cjk_punct(left) or is_cjk_punct(right):
        return True
    if is_wide(left) and (is_wide(right) or right.isdigit() or right in "%‰"):
        return True
    if is_wide(right) and (left.isdigit() or left in "%‰"):
        return True
    return False


_SPACE = re.compile(r"\s")  # what str.isspace() is true of
_SPACES = re.compile(r"\s+")


def squeeze_spaces(text: str, offs: list[int], markers: list[Marker] | None = None):
    """Collapse whitespace; drop spaces between Chinese characters (and between Chinese and
    digits), keep them inside English and between digit groups. Marker positions are
    shifted to the new text.

    >>> squeeze_spaces("都 以 DeepSeek 为 基 座， 由 此", list(range(21)))[0]
    '都以 DeepSeek 为基座，由此'
    >>> squeeze_spaces("达 6 710 亿 参数", list(range(14)))[0]
    '达6 710亿参数'
    """
    n = len(text)
    keep = [1] * n  # 1: the character stays
    for m in _SPACES.finditer(text):
        i, j = m.span()
        keep[i:j] = [0] * (j - i)
        left = text[i - 1] if i > 0 else ""
        right = text[j] if j < n else ""
        if left and right and not _removable_space(left, right):
            keep[i] = 1  # keep exactly one space
    squeezed = _SPACE.sub(" ", "".join(compress(text, keep)))  # a space kept is printed " "
    new_offs = list(compress(offs, keep))
    new_markers = None
    if markers is not None:
        new_index = [0, *accumulate(keep)]  # a position's position in the new text
        new_markers = [
            Marker(m.label, m.kind, new_index[min(m.pos, n)], m.raw_offset) for m in markers
        ]
    return squeezed, new_offs, new_markers


def clean_segments(segments: list[tuple[int, str]], cut: frozenset[int] = frozenset()) -> tuple[str, list[int], list[Marker]]:
    """Join, lift markers and squeeze spaces: the whole cleaning of one block (``cut``: see
    :func:`join_segments`)."""
    text, offs = join_segments(segments, cut)
    text, offs, markers = lift_markers(text, offs)
    text, offs, markers = squeeze_spaces(text, offs, markers)
    return text, offs, markers


# --- matching form -----------------------------------------------------------------------

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x201C: 0x22, 0x201D: 0x22, 0x2018: 0x27, 0x2019: 0x27})


def fold(text: str) -> str:
    """Full-width forms to half width, curly quotes to straight: a same-length matching form.

    >>> fold("（GPT，Ａ１）“x”")
    '(GPT,A1)"x"'
    """
    return text.translate(_FOLD)
