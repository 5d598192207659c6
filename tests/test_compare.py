"""The compare page in a real browser: the choice lives in the URL (a shared or reloaded
URL shows the same columns, Back and Forward step through changes), it works from the
keyboard, in both languages, from a system page's compare action, and without JavaScript
it still links to every system's page. No request leaves 127.0.0.1 (the page fixture)."""
from __future__ import annotations

import gzip
from urllib.parse import parse_qs, urlparse

import pytest

from .test_browser import ARGS, CHROMIUM, browser, page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.site]
STATUS = {"en": "Comparing {count} systems.", "zh": "正在比较 {count} 个系统。"}
ADD = {"en": "Add a system", "zh": "添加系统"}


def columns(page) -> list[str]:
    return [text.strip() for text in page.locator("table.compare-table thead th a").all_inner_texts()]


def chosen(page) -> list[str]:
    return parse_qs(urlparse(page.url).query).get("systems", [""])[0].split(",")


def wait_for_columns(page, names: list[str]):
    from playwright.sync_api import expect
    expect(page.locator("table.compare-table thead th a")).to_have_text(names)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_url_holds_the_choice(page, built_site, language):
    from playwright.sync_api import expect
    prefix = "" if language == "en" else "zh/"
    page.goto(f"{built_site.base_url}{prefix}compare/?systems=liquid,rootstock")
    wait_for_columns(page, ["Liquid Network", "Rootstock"])
    expect(page.locator("p.compare-status")).to_have_text(STATUS[language].format(count=2))
    page.get_by_label(ADD[language]).select_option("lightning")
    wait_for_columns(page, ["Liquid Network", "Rootstock", "Lightning Network"])
    assert chosen(page) == ["liquid", "rootstock", "lightning"]
    page.reload()
    wait_for_columns(page, ["Liquid Network", "Rootstock", "Lightning Network"])
    page.go_back()
    wait_for_columns(page, ["Liquid Network", "Rootstock"])
    assert chosen(page) == ["liquid", "rootstock"]
    page.go_forward()
    wait_for_columns(page, ["Liquid Network", "Rootstock", "Lightning Network"])
    # a column's own link leads to the system's page in the same language
    page.locator("table.compare-table thead th a", has_text="Rootstock").click()
    expect(page).to_have_url(f"{built_site.base_url}{prefix}projects/rootstock/")


def test_keyboard_removes_and_the_limit_holds(page, built_site):
    from playwright.sync_api import expect
    page.goto(built_site.base_url + "compare/?systems=liquid,rootstock,stacks,sbtc,lightning")
    wait_for_columns(page, ["Liquid Network", "Rootstock", "Stacks", "sBTC"])   # four at most
    expect(page.get_by_label(ADD["en"])).to_be_disabled()
    remove = page.get_by_role("button", name="Remove Stacks")
    remove.focus()
    page.keyboard.press("Enter")
    wait_for_columns(page, ["Liquid Network", "Rootstock", "sBTC"])
    assert chosen(page) == ["liquid", "rootstock", "sbtc"]
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Remove sBTC"      # focus moves to the next column's button, not to the top
    add = page.get_by_label(ADD["en"])
    add.focus()
    add.select_option("lightning")
    wait_for_columns(page, ["Liquid Network", "Rootstock", "sBTC", "Lightning Network"])


def test_every_rated_cell_cites_its_sources(page, built_site):
    page.goto(built_site.base_url + "compare/?systems=liquid,lightning")
    wait_for_columns(page, ["Liquid Network", "Lightning Network"])
    rows = page.locator("table.compare-table tbody tr")
    labels = [text.strip() for text in page.locator("table.compare-table tbody th").all_inner_texts()]
    assert labels[:4] == ["Category", "Status", "Token", "Maturity level"]
    for label in ("Status", "Maturity level", "Shared public ledger", "Open membership", "No new token",
                  "BTC custody, per peg", "Data availability", "Network operators", "Finality and settlement",
                  "User burden"):
        row = rows.nth(labels.index(label))
        for column in range(2):
            links = row.locator("td").nth(column).locator(".compare-sources a")
            assert links.count() >= 1, f"{label}, column {column + 1} cites nothing"
            href = links.first.get_attribute("href")
            assert href.startswith("https://") and links.first.get_attribute("title")
    maturity = rows.nth(labels.index("Maturity level")).locator("td")
    assert maturity.nth(0).inner_text().startswith("Level 0: Trusted custody")
    assert maturity.nth(1).inner_text().startswith("Level 3: Self-sovereign exit")


def test_a_system_page_offers_to_compare_it(page, built_site):
    page.goto(built_site.base_url + "zh/projects/liquid/")
    page.locator("a.compare-action").click()
    wait_for_columns(page, ["Liquid Network"])
    assert urlparse(page.url).path == "/zh/compare/" and chosen(page) == ["liquid"]
    assert page.locator("p.compare-status").inner_text() != ""


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_matrix_rows_choose_what_to_compare(page, built_site, language):
    from playwright.sync_api import expect
    prefix = "" if language == "en" else "zh/"
    page.goto(f"{built_site.base_url}{prefix}matrix/comparison/")
    label = {"en": "Compare {name}", "zh": "比较 {name}"}[language]
    page.get_by_label(label.format(name="Liquid Network")).check()
    box = page.get_by_label(label.format(name="Rootstock"))
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    page.locator("div.compare-pick a").click()
    wait_for_columns(page, ["Liquid Network", "Rootstock"])
    assert urlparse(page.url).path == f"/{prefix}compare/" and chosen(page) == ["liquid", "rootstock"]


def test_without_javascript_it_links_to_the_systems(browser, built_site):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(built_site.base_url + "compare/?systems=liquid,rootstock")
    for slug in ("liquid", "rootstock"):
        link = tab.locator(f'.compare-fallback a[href="../projects/{slug}/"]')
        assert link.is_visible()
    assert tab.locator("table.compare-table").count() == 0
    context.close()


def test_what_the_page_loads(built_site):
    """At today's size the page's own data stay far under 200 KB gzipped: the index and
    one file per chosen system."""
    data = built_site.site / "data" / "compare"
    for language in ("en", "zh"):
        index = len(gzip.compress((data / language / "index.json").read_bytes()))
        largest = max(len(gzip.compress(p.read_bytes())) for p in (data / language).glob("*.json"))
        assert index + 4 * largest < 200_000, (language, index, largest)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_screenshot(page, built_site, language):
    """test-output/screenshots/compare-<language>.png, for the record."""
    from .test_browser import SHOTS
    prefix = "" if language == "en" else "zh/"
    page.goto(f"{built_site.base_url}{prefix}compare/?systems=liquid,rootstock,lightning")
    wait_for_columns(page, ["Liquid Network", "Rootstock", "Lightning Network"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"compare-{language}.png"), full_page=True)
    assert (SHOTS / f"compare-{language}.png").stat().st_size > 20_000
