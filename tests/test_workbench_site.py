"""The analyst's pages in the built site (issue 11): diagrams rendered offline, the statistics
chart and table, the recommendations filter, page sizes. Slow: one site build, a browser."""

from __future__ import annotations

import time

import pytest

from browser import browser, needs_browser, serve

pytestmark = pytest.mark.slow
PAGE_LIMIT = 200_000  # bytes of HTML (issue 11, item 5)


def _svgs_in(driver) -> int:
    """SVG elements in the page, inside closed shadow roots too (Material renders Mermaid there)."""
    doc = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1, "pierce": True})
    count, stack = 0, [doc["root"]]
    while stack:
        node = stack.pop()
        count += node.get("nodeName", "").lower() == "svg"
        for key in ("children", "shadowRoots"):
            stack.extend(node.get(key, []))
    return count


def _foreign_requests(driver, base) -> list[str]:
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [u for u in urls if not u.startswith(base)]


@pytest.mark.parametrize("page", ["statistics", "frameworks", "recommendations", "actors"])
def test_new_pages_under_size_limit(built_project, page):
    size = (built_project / "site" / page / "index.html").stat().st_size
    assert size < PAGE_LIMIT, f"{page}: {size} bytes"


def test_largest_page_under_size_limit(built_project):
    sizes = {p: p.stat().st_size for p in (built_project / "site").rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] < PAGE_LIMIT, f"{largest.relative_to(built_project)}: {sizes[largest]} bytes"


def test_statistics_page_has_groups_and_chart(built_project):
    html = (built_project / "site" / "statistics" / "index.html").read_text(encoding="utf-8")
    assert 'id="cmp-anon-ai-nqpf-logic-path.s4"' in html
    assert html.count('<svg class="pkb-chart"') >= 1
    assert "同一数值，来源不同" in html


@needs_browser
def test_every_framework_diagram_renders_offline(built_project, tmp_path):
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        html = (built_project / "site" / "frameworks" / "index.html").read_text(encoding="utf-8")
        expected = html.count('<pre class="mermaid">')
        assert expected > 0
        driver.get(base + "/frameworks/")
        deadline = time.time() + 60
        while time.time() < deadline and driver.execute_script("return document.querySelectorAll('pre.mermaid').length"):
            time.sleep(0.5)
        assert driver.execute_script("return document.querySelectorAll('pre.mermaid').length") == 0
        diagrams = driver.execute_script("return document.querySelectorAll('div.mermaid').length")
        assert diagrams == expected
        heights = driver.execute_script("return Array.from(document.querySelectorAll('div.mermaid')).map(e => e.offsetHeight)")
        assert min(heights) > 20, heights
        assert _svgs_in(driver) >= diagrams
        assert _foreign_requests(driver, base) == []


@needs_browser
def test_filter_recommendations_by_actor(built_project, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        driver.get(base + "/recommendations/")
        time.sleep(1.0)
        visible = "return Array.from(document.querySelectorAll('li[data-paper]')).filter(l => !l.hidden).map(l => l.dataset.actor)"
        everything = driver.execute_script(visible)
        Select(driver.find_element(By.CSS_SELECTOR, "select[name=actor]")).select_by_value("高校")
        shown = driver.execute_script(visible)
        assert 0 < len(shown) < len(everything)
        assert all("高校" in a.split("|") for a in shown)
        assert len(shown) == sum("高校" in a.split("|") for a in everything)


@needs_browser
def test_statistics_table_sorts_and_filters(built_project, tmp_path):
    from selenium.webdriver.common.by import By

    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        driver.get(base + "/statistics/")
        time.sleep(1.0)
        rows = "return Array.from(document.querySelectorAll('table.pkb-table tbody tr')).filter(r => !r.hidden)"
        total = len(driver.execute_script(rows))
        driver.find_elements(By.CSS_SELECTOR, "table.pkb-table .pkb-filter-row input")[1].send_keys("核心产业")
        time.sleep(0.3)
        assert 0 < len(driver.execute_script(rows)) < total
        value_th = driver.find_elements(By.CSS_SELECTOR, "table.pkb-table thead th")[3]
        driver.execute_script("arguments[0].click()", value_th)
        values = driver.execute_script(rows + ".map(r => parseFloat(r.cells[3].dataset.sort))")
        assert values == sorted(values)
        assert _svgs_in(driver) >= 1


@needs_browser
def test_hostile_framework_labels_render_as_text(built_project, tmp_path):
    """Paper text with quotes, brackets and HTML in a diagram: shown as text, never markup."""
    import html

    from policykb.render import frameworks_page as fp

    src = fp.mermaid({"id": "p", "tables": []}, {"id": "p.f1", "name": "x", "kind": "chain", "components": [
        {"name": '"]; click n0 call alert(1) <script>window.PWN=1</script> [a]', "description": '<img src=x onerror="window.PWN=2">'},
        {"name": "B&amp;C #35; ;", "description": None}]})
    page = (built_project / "site" / "frameworks" / "index.html").read_text(encoding="utf-8")
    i = page.index('<pre class="mermaid"><code>')
    j = page.index("</code></pre>", i)
    (built_project / "site" / "frameworks" / "hostile.html").write_text(
        page[:i] + '<pre class="mermaid"><code>' + html.escape(src) + page[j:], encoding="utf-8")
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        driver.get(base + "/frameworks/hostile.html")
        time.sleep(5)
        assert driver.execute_script("return window.PWN") is None
        doc = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1, "pierce": True})
        texts, tags, stack = [], [], [doc["root"]]
        while stack:
            node = stack.pop()
            texts.append(node.get("nodeValue") or "")
            tags.append(node.get("nodeName", "").lower())
            for key in ("children", "shadowRoots"):
                stack.extend(node.get(key, []))
        assert any('<img src=x onerror="win' in t for t in texts)
        assert any(t.startswith('"]; click n0 call alert(1) <script>') for t in texts)
        assert "B&amp;C #35; ;" in texts
        assert not any("ﬂ°°" in t for t in texts)  # Mermaid's entity placeholders all decoded
        assert "img" not in tags
