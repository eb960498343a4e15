"""Index texts and queries are folded to one matching form the same way, character by character
(the browser's table), so a traditional phrase OpenCC converts differently as a phrase (乾隆, a
name: 乾 kept) is still found."""

from __future__ import annotations

import pytest

from policykb.chinese import to_simplified
from policykb.search.normalize import norm, query_norm, t2s_char_map


@pytest.mark.parametrize("text", ["乾隆", "乾隆年間", "天乾物燥", "乾淨", "數據要素", "人工智能＋", "ＧＰＴ－４"])
def test_index_and_query_fold_alike(text):
    assert norm(text) == query_norm(text)
    # a simplified text in the index matches the traditional query, and the simplified one
    assert norm(to_simplified(text)) == query_norm(text) == query_norm(to_simplified(text))


def test_the_browser_table_is_the_fold():
    table = t2s_char_map()
    assert "".join(table.get(ch, ch) for ch in "乾隆數據") == query_norm("乾隆數據")
