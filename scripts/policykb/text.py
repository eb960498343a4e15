"""The cleaned text of a paper: its blocks (logical paragraphs) with offset maps to the raw file."""

from __future__ import annotations

from dataclasses import dataclass

from policykb.layout import Block, build_blocks
from policykb.reading import RawText


@dataclass
class Text:
    raw: RawText
    blocks: list[Block]
    width: int | None  # wrap width of a hard-wrapped paper, None when lines are paragraphs
    running_headers: set[str]

    def raw_span(self, block: Block, start: int, end: int) -> tuple[int, int]:
        """Raw offsets (start, end) of the cleaned span ``block.text[start:end]``."""
        return block.offs[start], block.offs[end - 1] + 1

    def line_of(self, offset: int) -> int:
        return self.raw.text.count("\n", 0, offset) + 1


def clean(raw: RawText) -> Text:
    blocks, width, headers = build_blocks(raw.text)
    return Text(raw=raw, blocks=blocks, width=width, running_headers=headers)
