"""The built site in a real browser (headless Chromium): search and citations."""

import re
import time

from browser import browser, needs_browser, serve

pytestmark = needs_browser


def _search(driver, base, query):
    from selenium.webdriver.common.by import By

    from site_search_eval import site_results

    site_results(driver, base, query)
    return driver.find_elements(By.CSS_SELECTOR, "#pkb-search-results li.pkb-hit a.pkb-hit__link")


def test_search_for_data_elements_finds_items_of_three_papers(built_project, tmp_path):
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        links = _search(driver, base, "数据要素")
        hrefs = [a.get_attribute("href") for a in links]
        papers = {m.group(1) for h in hrefs for m in [re.search(r"/papers/([^/]+)/", h)] if m}
        assert len(papers) >= 3, hrefs
        assert all(re.search(r"#[a-z0-9-]+\.[crsf]\d", h) for h in hrefs), hrefs  # every result is an item
        target = links[0].get_attribute("href")
        anchor = target.split("#", 1)[1]
        driver.execute_script("arguments[0].click()", links[0])
        time.sleep(1.0)
        assert driver.current_url.split("#", 1)[1] == anchor
        heading = driver.find_element("id", anchor)
        assert "数据" in heading.text or heading.is_displayed()


def test_header_search_box_opens_the_search_page(built_project, tmp_path):
    """Every page's header has a search box (a form to search/?q=); the last word of a Chinese
    query counts (合成数据 is not searched as 合成)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        driver.get(base + "/papers/cao-liu-zheng-2025/")
        box = driver.find_element(By.CSS_SELECTOR, "form.pkb-header-search input[name=q]")
        box.send_keys("合成数据", Keys.ENTER)
        WebDriverWait(driver, 20).until(
            lambda d: d.execute_script("const f=document.getElementById('pkb-search-form'); return f && f.dataset.state === 'done'")
        )
        assert "/search/" in driver.current_url and "q=" in driver.current_url
        marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#pkb-search-results li.pkb-hit mark")]
        assert any("合成数据" in m for m in marks[:5]), marks[:10]


def test_copy_a_citation(built_project, tmp_path):
    from selenium.webdriver.common.by import By

    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        driver.get(base + "/papers/cao-liu-zheng-2025/#cao-liu-zheng-2025.r5.1")
        time.sleep(1.0)
        details = driver.find_element(By.CSS_SELECTOR, "h4[id='cao-liu-zheng-2025.r5.1'] ~ details.pkb-cite")
        driver.execute_script("arguments[0].open = true; arguments[0].scrollIntoView()", details)
        time.sleep(0.5)  # the Cite control composes its citations when it is opened
        button = details.find_element(By.CSS_SELECTOR, "button.md-code__button[data-md-type='copy'], button.md-clipboard")
        target = driver.find_element(By.CSS_SELECTOR, button.get_attribute("data-clipboard-target"))
        driver.execute_script("arguments[0].click()", button)
        time.sleep(0.5)
        # Material confirms the copy in its dialog ("已复制"); the copied block is the citation
        dialog = driver.find_element(By.CSS_SELECTOR, ".md-dialog").get_attribute("textContent")
        assert "已复制" in dialog
        text = target.get_attribute("textContent")
        assert text.startswith("曹玉平, 刘竟威, 郑展鹏. 新一代人工智能发展驱动产业深度转型升级研究")
        assert "[J]. 2025(4): 80-96. 第六部分（五）1 推动合成数据发展" in text
        assert text.endswith("#cao-liu-zheng-2025.r5.1")
