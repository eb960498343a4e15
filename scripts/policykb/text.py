"""The cleaned text of a paper: its blocks (logical paragraphs) with offset maps to the raw file.

Blocks are built from the analysis view of the raw text (:mod:`policykb.analysis`: width-folded,
traditional folded to simplified, one character for one), so every rule reads one canonical form
while each block character keeps the offset of the raw character it came from. ``surface`` gives
back the characters as printed, for quotes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from policykb import analysis
from policykb.layout import Block, build_blocks
from policykb.model import Span
from policykb.reading import RawText


@dataclass
class Text:
    raw: RawText
    view: str  # the analysis view of raw.text (same length)
    blocks: list[Block]
    width: int | None  # wrap width of a hard-wrapped paper, None when lines are paragraphs
    running_headers: set[str]
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _joined: tuple[str, str, list[int], list[Block]] | None = field(default=None, repr=False)
    _folded: bool | None = field(default=None, repr=False)

    def raw_span(self, block: Block, start: int, end: int) -> tuple[int, int]:
        """Raw offsets (start, end) of the cleaned span ``block.text[start:end]``."""
        return block.offs[start], block.offs[end - 1] + 1

    def line_of(self, offset: int) -> int:
        if not self._line_starts:
            self._line_starts = [0] + [i + 1 for i, c in enumerate(self.raw.text) if c == "\n"]
        return bisect.bisect_right(self._line_starts, offset)

    @property
    def folded(self) -> bool:
        """Whether the analysis view differs from the text as printed (compared once: asked for
        every item, and the texts may be megabytes)."""
        if self._folded is None:
            self._folded = self.view != self.raw.text
        return self._folded

    def _join(self):
        if self._joined is None:
            starts = []
            pos = 0
            for b in self.blocks:
                starts.append(pos)
                pos += len(b.text) + 1
            self._joined = (
                "\n".join(b.text for b in self.blocks),
                "\n".join(b.surface for b in self.blocks),
                starts,
                self.blocks,
            )
        return self._joined

    def locate(self, quote: str) -> tuple[Block, int] | None:
        """The block and index where the cleaned ``quote`` (analysis form) first stands."""
        if not quote:
            return None
        joined, _, starts, blocks = self._join()
        pos = joined.find(quote)
        if pos < 0:
            return None
        i = bisect.bisect_right(starts, pos) - 1
        start, block = starts[i], blocks[i]
        if pos + len(quote) > start + len(block.text):
            return None  # runs over a block boundary
        return block, pos - start

    def span_of(self, quote: str) -> Span | None:
        """The raw span of a quote found in one block, or None."""
        found = self.locate(quote)
        if found is None:
            return None
        block, i = found
        a, b = self.raw_span(block, i, i + len(quote))
        return Span(self.line_of(a), a, b)

    def surface(self, s: str | None) -> str | None:
        """``s`` (analysis form) as printed in the paper where it is a span of one block's text:
        traditional characters and full-width digits come back; anything else is returned as is."""
        if not s or not self.folded:
            return s
        joined, surf, _, _ = self._join()
        pos = joined.find(s)
        return surf[pos : pos + len(s)] if pos >= 0 else s


def _block_surface(block: Block, raw: str, view: str) -> str:
    return "".join(raw[o] if 0 <= o < len(view) and view[o] == c else c for c, o in zip(block.text, block.offs))


def clean(raw: RawText) -> Text:
    v = analysis.view(raw.text)
    blocks, width, headers = build_blocks(v)
    for b in blocks:
        b.surface = _block_surface(b, raw.text, v) if v != raw.text else b.text
    return Text(raw=raw, view=v, blocks=blocks, width=width, running_headers=headers)
