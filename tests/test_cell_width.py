"""A PDF wraps lines at a printed width, where Latin letters and digits are half as wide as Chinese
characters: a full line with English in it holds more characters. The wrap width is measured the
way the document's lines show (characters or cells), so such a line is not taken for a paragraph's
end even when it ends with a sentence mark."""

from __future__ import annotations

from policykb.layout import build_blocks, cell_len, han_len, measure_width, split_lines

HAN = "人工智能正在深刻改变生产方式和组织形态推动经济高质量发展与新质生产力形成"  # 36 characters


def _page(mixed_line: str) -> str:
    lines = [HAN[i % 6 :][:30] + HAN[:30 - len(HAN[i % 6 :][:30])] for i in range(30)]
    return "\n".join(lines[:15] + [mixed_line, "续行文字继续说明这一现象。", ""] + lines[15:])


def test_cells_when_lines_with_english_are_as_wide_as_chinese_ones():
    # 30 cells (38 characters, 16 of them Latin), ending with a semicolon
    mixed = "劳动力市场里出现了就业极化又称两极分化（job polarization）；"
    assert cell_len(mixed) == 30 and han_len(mixed) > 33
    text = _page(mixed)
    width, length = measure_width(split_lines(text))
    assert length is cell_len and width == 30
    blocks, _, _ = build_blocks(text)
    joined = next(b for b in blocks if any(ln.text == mixed for ln in b.lines))
    assert any(ln.text.startswith("续行文字") for ln in joined.lines)  # the paragraph goes on


def test_characters_when_a_program_wrapped_the_text():
    # a text wrapped at 30 characters, English or not (29 and a semicolon-ended line as full)
    mixed = "市场出现就业极化（job polarization）现象；"
    assert han_len(mixed) == 29
    width, length = measure_width(split_lines(_page(mixed)))
    assert length is han_len and width == 30
