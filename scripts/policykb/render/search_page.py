"""The search page (搜索 Search): a form and an empty result list, filled in the browser by
docs/javascripts/pkb-search.js from the static index site/pkb-search/ (search/static.py)."""

from __future__ import annotations

PAGE = """---
title: 搜索 Search
hide:
  - toc
---

# 搜索 Search

Chinese, English names and abbreviations (through the glossary), traditional characters and small
typos; the same ranking as `policykb search` on the command line.

<form id="pkb-search-form" class="pkb-search" role="search" action="./" method="get">
  <input type="search" name="q" class="pkb-search__q" placeholder="例如 数据要素、computing power、數據要素" aria-label="搜索 Search" autocomplete="off" autofocus>
  <div class="pkb-filter-bar">
    <label>类型 Kind <select name="kind"><option value="">全部 All</option></select></label>
    <label>文献 Paper <select name="paper"><option value="">全部 All</option></select></label>
    <label>行动者 Actor <select name="actor"><option value="">全部 All</option></select></label>
    <label>主题 Topic <select name="topic"><option value="">全部 All</option></select></label>
  </div>
</form>

<p id="pkb-search-status" class="pkb-search__status" aria-live="polite"></p>
<ol id="pkb-search-results" class="pkb-search__results"></ol>
<button type="button" id="pkb-search-more" class="md-button" hidden>更多结果 More results</button>

<noscript>The search runs in the browser and needs JavaScript; without it, use <code>policykb search</code> or the listings (论点, 建议, 数据, 框架).</noscript>
"""


def render_search_page() -> str:
    return PAGE
