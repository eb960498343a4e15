"""The built site in a real browser (headless Chromium): search and citations."""

import re
import time

from browser import browser, needs_browser, serve

pytestmark = needs_browser


def _search(driver, base, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + "/")
    WebDriverWait(driver, 20).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "label.md-search__icon, .md-search__input")))
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    driver.execute_script("arguments[0].focus()", box)
    box.send_keys(query)
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
    time.sleep(0.5)
    return driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")


def test_search_for_data_elements_finds_items_of_three_papers(built_project, tmp_path):
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        links = _search(driver, base, "数据要素")
        hrefs = [a.get_attribute("href") for a in links]
        papers = {m.group(1) for h in hrefs for m in [re.search(r"/papers/([^/]+)/", h)] if m}
        assert len(papers) >= 3, hrefs
        item_links = [a for a in links if re.search(r"#[a-z0-9-]+\.[crsf]\d", a.get_attribute("href"))]
        assert item_links, hrefs
        target = item_links[0].get_attribute("href")
        anchor = target.split("#", 1)[1]
        driver.execute_script("arguments[0].click()", item_links[0])
        time.sleep(1.0)
        assert driver.current_url.split("#", 1)[1] == anchor
        heading = driver.find_element("id", anchor)
        assert "数据" in heading.text or heading.is_displayed()


def test_last_word_of_a_chinese_query_counts(built_project, tmp_path):
    """数据要素 must not be searched as 数据 (the worker bug patched after the build)."""
    with serve(built_project / "site") as base, browser(tmp_path) as driver:
        links = _search(driver, base, "合成数据")
        texts = " ".join(a.text for a in links[:5])
        assert "合成" in texts


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
