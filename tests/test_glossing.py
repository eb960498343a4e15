"""Hover tooltips on paper pages: a translation that one paper prints is not shown on another
paper's page (issue 11: 知识 · idea from one paper was shown where 知识 means knowledge)."""

from __future__ import annotations

from policykb.render.glossing import Glossator

GLOSSARY = [
    {"zh": "知识", "key": "zhi-shi", "en": "idea", "abbr": None, "origin": "text",
     "translations": [{"en": "idea", "source": "paper-a", "preferred": True}]},
    {"zh": "数据要素", "key": "shu-ju-yao-su", "en": "data factor", "abbr": None, "origin": "curated",
     "translations": [{"en": "data factor", "source": "curated", "preferred": True}]},
    {"zh": "新质生产力", "key": "xin-zhi", "en": "new quality productive forces", "abbr": None, "origin": "text",
     "translations": [{"en": "new quality productive forces", "source": "paper-b", "also": ["paper-c"], "preferred": True}]},
]


def test_a_paper_specific_translation_stays_on_its_paper():
    g = Glossator(GLOSSARY, "../glossary.md")
    text = "知识和数据要素推动新质生产力"
    other = g.new_page(paper="paper-z")(text)
    own = g.new_page(paper="paper-a")(text)
    assert 'title="idea"' in own and 'title="idea"' not in other
    # curated entries and translations printed by several papers apply everywhere
    assert 'title="data factor"' in other and 'title="new quality productive forces"' in other


def test_one_abbreviation_printed_two_ways_is_one_entry():
    from policykb.glossary.merge import _merge_same_abbreviation

    def entry(zh, en):
        return {"zh": zh, "abbr": "AIGC", "origin": "text", "aliases": [], "definitions": [],
                "translations": [{"en": en, "source": "p1", "preferred": False}] if en else []}

    entries = {"人工智能内容生成": entry("人工智能内容生成", "AI Generated Content"),
               "人工智能生成内容": entry("人工智能生成内容", None),
               "生成式人工智能": entry("生成式人工智能", None)}  # other characters: not merged
    _merge_same_abbreviation(entries)
    assert sorted(entries) == ["人工智能内容生成", "生成式人工智能"]
    assert "人工智能生成内容" in entries["人工智能内容生成"]["aliases"]
