"""Hostile papers: HTML, Markdown, template syntax, $…$, zero-width and full-width characters in
titles, authors, headings and quotes are shown as written and never run.

The fast tests build one hostile paper without the site (`build --no-site`) and read the
generated Markdown, navigation and downloads; the slow test builds the site and loads every
page in headless Chromium, where any payload that runs sets ``window.__xss``.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from browser import browser, needs_browser, serve
from conftest import REPO, run_cli

PID = "hostile-2025"
# Each payload sets window.__xss if it ever runs; none may appear unescaped in a page.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    '<svg onload="window.__xss=5">',
    '<iframe src="javascript:window.parent.__xss=7">',
    "</title><script>window.__xss=6</script>",
    "<b onmouseover=window.__xss=10>",
]
TITLE = (
    "<script>window.__xss=1</script>人工\u200b智能<img src=x onerror=\"window.__xss=2\">赋能"
    "{{ config.site_name }}{% raw %}新质生产力$x$与*强调*[链接](javascript:alert(1))＜ｓｃｒｉｐｔ＞研究"
    "</title><script>window.__xss=6</script>"
)
AUTHOR = "李<img src=x onerror=window.__xss=8>四"
AUTHOR_EN = "Li <script>window.__xss=9</script>"
AFFILIATION = "{{ 7*7 }}大学 $x$ [a](javascript:alert(1)) ~~删~~"
VENUE = "<b onmouseover=window.__xss=10>期刊</b>"
RAW = f"""# 人工智能研究

摘要：本文研究人工智能<script>window.__xss=3</script>与新质生产力的关系，*强调*[链接](javascript:alert(1))和＜ｓｃｒｉｐｔ＞。

## 一、<img src=x onerror="window.__xss=4">发展现状{{: onclick="window.__xss=12" }}

截至2024年末，我国人工智能<svg onload="window.__xss=5">核心产业规模达到5000亿元，同比增长13.9%。$a+b$ {{{{ 7*7 }}}} `code` <!-- comment -->

## 二、对策建议</title><script>window.__xss=6</script>

要加快构建<iframe src="javascript:window.parent.__xss=7">人工智能产业生态。应当完善数据要素市场=SUM(A1:A9)。
"""
META = {
    "meta": {
        "title": {"zh": TITLE},
        "authors": [{"name": AUTHOR, "name_en": AUTHOR_EN, "affiliation": AFFILIATION}],
        "venue": VENUE,
    }
}


GLOSSARY = """terms:
  - zh: 人工智能
    translations:
      - {en: "<img src=x onerror=window.__xss=14> AI \\" onmouseover=\\"window.__xss=15", source: curated, preferred: true}
    aliases: ["<script>window.__xss=16</script>"]
"""


def make_hostile_project(dest: Path) -> Path:
    (dest / "corpus" / "raw").mkdir(parents=True)
    (dest / "corpus" / "meta").mkdir(parents=True)
    (dest / "docs").mkdir()
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", dest / "overrides")  # the theme override mkdocs.yml names
    for d in ("javascripts", "stylesheets"):  # the vendored scripts: the search page runs its own
        shutil.copytree(REPO / "docs" / d, dest / "docs" / d)
    (dest / "corpus" / "raw" / f"{PID}.txt").write_text(RAW, encoding="utf-8")
    (dest / "corpus" / "glossary.curated.yaml").write_text(GLOSSARY, encoding="utf-8")
    (dest / "corpus" / "meta" / f"{PID}.yaml").write_text(
        yaml.safe_dump(META, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return dest


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = make_hostile_project(tmp_path_factory.mktemp("hostile"))
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 0, proc.stderr
    return root


def _generated_text(root: Path) -> dict[str, str]:
    files = sorted((root / "docs").rglob("*.md")) + [root / "mkdocs.nav.yml"]
    return {str(f.relative_to(root)): f.read_text(encoding="utf-8") for f in files}


JSON_SCRIPT = re.compile(r'<script type="application/json"[^>]*>(.*?)</script>', re.S)


def test_no_payload_reaches_a_page_or_the_navigation_unescaped(hostile):
    for name, text in _generated_text(hostile).items():
        # the citation templates are JSON in a data <script>: '<' is \u003c there, so no payload
        # can close it
        for block in JSON_SCRIPT.findall(text):
            assert "<" not in block, name
        text = JSON_SCRIPT.sub("", text)
        # the page's own vendored assets (mermaid on the frameworks page) are not paper text
        text = re.sub(r'<script src="(?:\.\./)*javascripts/[\w./-]+"></script>', "", text)
        for payload in PAYLOADS:
            assert payload not in text, (name, payload)
        assert not re.search(r"<(script|img|svg|iframe|b)\b", text, re.I), name


def test_hostile_glossary_entry_stays_text(hostile):
    glossary = (hostile / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=window.\\_\\_xss=14&gt; AI" in glossary
    page = (hostile / "docs" / "papers" / f"{PID}.md").read_text(encoding="utf-8")
    # the tooltip: an attribute value, every quote escaped
    assert 'title="&lt;img src=x onerror=window.__xss=14&gt; AI &quot; onmouseover=&quot;window.__xss=15"' in page


def test_navigation_title_is_the_escaped_title(hostile):
    nav = yaml.safe_load((hostile / "mkdocs.nav.yml").read_text(encoding="utf-8"))["nav"]
    papers = next(e["文献 Papers"] for e in nav if "文献 Papers" in e)
    titles = [next(iter(e)) for e in papers if isinstance(e, dict)]
    assert titles == [html.escape(TITLE, quote=True)]


def test_paper_page_title_front_matter_is_escaped(hostile):
    page = (hostile / "docs" / "papers" / f"{PID}.md").read_text(encoding="utf-8")
    front = page.split("---\n")[1]
    assert yaml.safe_load(front)["title"] == html.escape(TITLE, quote=True)


def _markdown_part(page: str) -> str:
    """The page without its citation blocks and templates (BibTeX escapes $ and _ its own way;
    Markdown never reads inside them)."""
    page = JSON_SCRIPT.sub("", page)  # the citation templates (BibTeX in JSON)
    return re.sub(r'<details class="quote pkb-cite".*?</details>', "", page, flags=re.S)


def test_dollar_and_tilde_show_without_a_backslash(hostile):
    page = _markdown_part((hostile / "docs" / "papers" / f"{PID}.md").read_text(encoding="utf-8"))
    assert "\\$" not in page and "\\~" not in page
    assert "&#36;x&#36;" in page


def test_template_syntax_and_attribute_lists_stay_text(hostile):
    page = _markdown_part((hostile / "docs" / "papers" / f"{PID}.md").read_text(encoding="utf-8"))
    # Markdown braces are escaped, so attr_list never reads {: onclick=…} from a heading
    assert '{: onclick="window.__xss=12" }' not in page
    assert "\\{\\{ config.site\\_name \\}\\}" in page


def test_csv_cells_that_spreadsheets_run_are_neutralised():
    from policykb.export import to_csv

    item = {"id": "p.r1", "level": 1, "parent": None, "title": "=HYPERLINK(\"http://x\")", "text": "+1+1",
            "actors": ["@SUM(A1)"], "topics": ["-2+3"], "section": "\tx", "quote": "\r=1", "url": ""}
    stat = {"id": "p.s1", "indicator": "增长", "value": -5, "range_to": None, "unit": "%", "precision": None,
            "period": None, "entity": None, "source": "=cmd|' /C calc'!A0", "section": "s1", "quote": "下降5%"}
    paper = {"id": "p", "recommendations": [item], "statistics": [stat]}
    rows = list(csv.reader(io.StringIO(to_csv([paper], ["recommendations"], "/").lstrip("\ufeff"))))
    cells = dict(zip(rows[0], rows[1]))
    assert cells["title"] == "'=HYPERLINK(\"http://x\")"
    assert cells["text"] == "'+1+1"
    assert cells["actors"] == "'@SUM(A1)"
    assert cells["topics"] == "'-2+3"
    assert cells["section"] == "'\tx"
    assert cells["quote"] == "'\r=1"
    rows = list(csv.reader(io.StringIO(to_csv([paper], ["statistics"], "/").lstrip("\ufeff"))))
    cells = dict(zip(rows[0], rows[1]))
    assert cells["value"] == "-5"  # a number is data
    assert cells["source"].startswith("'=")


def test_downloads_neutralise_the_hostile_quote(hostile):
    text = (hostile / "docs" / "downloads" / "recommendations.csv").read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in row), row


def test_escaping_a_2mb_single_line_is_fast():
    from policykb.render.markdown import esc, html_text

    line = ("人工智能<img src=x onerror=window.__xss=11>$x$*y*" * 60000)[: 2_000_000]
    t0 = time.perf_counter()
    out = esc(line)
    html_text(line)
    assert time.perf_counter() - t0 < 2.0
    assert "<img" not in out and "\n" not in out


def test_symlink_in_corpus_raw_is_refused(tmp_path):
    root = make_hostile_project(tmp_path / "p")
    secret = tmp_path / "secret.txt"
    secret.write_text("人工智能赋能新质生产力。\n", encoding="utf-8")
    (root / "corpus" / "raw" / "linked-paper.txt").symlink_to(secret)
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert "corpus/raw/linked-paper.txt: not a regular file inside corpus/raw" in proc.stderr


def test_zero_width_space_in_body_text_builds(tmp_path):
    root = make_hostile_project(tmp_path / "p")
    raw = root / "corpus" / "raw" / f"{PID}.txt"
    raw.write_text(RAW.replace("与新质生产力", "与新质\u200b生产力"), encoding="utf-8")
    proc = run_cli("--root", str(root), "build", "--no-site")
    assert proc.returncode == 0, proc.stderr


@pytest.mark.slow
def test_a_2mb_single_line_paper_extracts_in_time(tmp_path):
    import subprocess
    import sys

    p = tmp_path / "long-line.txt"
    body = ("人工智能推动产业升级，<img src=x onerror=window.__xss=11>数据要素增长5%。" * 40000)[: 700_000]
    p.write_text("# 长行测试\n\n摘要：本文研究长行。\n\n## 一、正文\n\n" + body + "\n", encoding="utf-8")
    try:
        proc = subprocess.run([sys.executable, "-m", "policykb", "extract", str(p)], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("extract took over 60 s")
    assert proc.returncode == 0


@pytest.mark.slow
@needs_browser
def test_hostile_site_runs_no_script_in_chromium(tmp_path):
    root = make_hostile_project(tmp_path / "site-project")
    proc = run_cli("--root", str(root), "build")
    assert proc.returncode == 0, proc.stderr
    # the site's search index holds paper text as data; the search page sets it as textContent
    assert (root / "site" / "pkb-search" / "meta.json").exists()
    pages = sorted(p.relative_to(root / "site") for p in (root / "site").rglob("index.html"))
    assert len(pages) >= 8
    with serve(root / "site") as url, browser(tmp_path) as driver:
        for page in pages:
            driver.get(f"{url}/{page.parent.as_posix()}/".replace("/./", "/"))
            time.sleep(0.3)
            ran = driver.execute_script("return window.__xss === undefined ? null : window.__xss")
            assert ran is None, (str(page), ran)
            injected = driver.execute_script(
                "return [...document.querySelectorAll('img[src=x], svg[onload], iframe, [onmouseover], [onclick]')]"
                ".map(e => e.outerHTML.slice(0, 80))"
            )
            assert injected == [], (str(page), injected)
        driver.get(f"{url}/papers/{PID}/")
        time.sleep(0.3)
        # shown as written: the page title, the nav entry and the heading are the title itself
        assert driver.title.startswith(TITLE.replace("\u200b", "")) or driver.title.startswith(TITLE)
        h1 = driver.execute_script("return document.querySelector('article h1').textContent")
        assert TITLE in h1
        nav = driver.execute_script(
            "return [...document.querySelectorAll('.md-nav__link')].map(e => e.textContent.trim())"
        )
        assert TITLE in nav
        # the search page: results whose payloads stay text
        from site_search_eval import site_results

        for query in ("人工智能", "script", "svg"):
            results = site_results(driver, url, query)["ids"]
            assert len(results) >= 1, query
            injected = driver.execute_script(
                "return [...document.querySelectorAll('#pkb-search-results img, #pkb-search-results script, #pkb-search-results svg, #pkb-search-results iframe, #pkb-search-results [onerror], #pkb-search-results [onload]')].length"
            )
            assert injected == 0, query
            shown = driver.execute_script("return document.getElementById('pkb-search-results').textContent")
            assert "<svg onload=" in shown or query != "svg", shown[:300]  # the payload shown as text
        ran = driver.execute_script("return window.__xss === undefined ? null : window.__xss")
        assert ran is None, ran
