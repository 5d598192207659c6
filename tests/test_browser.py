"""The site in a real browser: Debian's chromium, driven by Playwright.

Search finds systems by alias (in each language, its own pages), the comparison matrix
sorts and filters in both languages (with the mouse and with the keyboard), the language
switcher leads to the same page, no request leaves 127.0.0.1, and screenshots of the main
pages are saved to test-output/screenshots/.
"""
from __future__ import annotations

import unicodedata
from urllib.parse import urlparse

import pytest

from .conftest import ROOT, require_tool

pytestmark = [pytest.mark.browser, pytest.mark.site]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    require_tool(CHROMIUM, "Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, built_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    hosts = {urlparse(url).netloc for url in tab.requests if urlparse(url).scheme in ("http", "https")}
    assert hosts <= {urlparse(built_site.base_url).netloc}, f"requests to other hosts: {hosts}"
    assert tab.errors == []
    context.close()


def search(page, text):
    from playwright.sync_api import expect
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.type(text, delay=20)
    results = page.locator(".md-search-result__list a.md-search-result__link")
    expect(results.first).to_be_visible(timeout=15000)
    return results


def test_search_alias_reaches_liquid(page, built_site):
    from playwright.sync_api import expect
    page.goto(built_site.base_url)
    results = search(page, "L-BTC")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    liquid = next(i for i, href in enumerate(hrefs) if "projects/liquid/" in href)
    results.nth(liquid).click()
    expect(page.locator("article.md-content__inner h1")).to_contain_text("Liquid Network")


@pytest.mark.parametrize("query, expected", [
    ("RSK", {"projects/rootstock/"}), ("STX", {"projects/stacks/"}), ("RBTC", {"projects/rootstock/"}),
    ("merge mining", {"projects/rootstock/", "projects/namecoin/", "mining-vs-bridging/"}),
    ("federation", {"projects/liquid/", "families/federated-sidechains/", "categories/federated-sidechain/"}),
    ("peg", {"projects/powpeg/", "projects/sbtc/", "projects/liquid/", "mining-vs-bridging/"}),
])
def test_search_finds_tickers_and_concepts(page, built_site, query, expected):
    page.goto(built_site.base_url)
    results = search(page, query)
    page.wait_for_timeout(400)   # let the result list settle after the last keystroke
    pages = []
    for i in range(results.count()):
        path = urlparse(results.nth(i).get_attribute("href")).path.removeprefix("/")
        if path not in pages:
            pages.append(path)
    assert expected & set(pages[:5]), pages[:5]


def _column(page, header: str) -> list[str]:
    headers = page.locator("div.matrix thead th").all_inner_texts()
    index = next(i for i, text in enumerate(headers) if text.strip().startswith(header))
    return [text.strip() for text in page.locator(f"div.matrix tbody tr:not([hidden]) td:nth-child({index + 1})")
            .all_inner_texts()]


WORDS = {"en": {"system": "System", "category": "Category", "federated": "Federated sidechains", "all": "All",
                "showing": "Showing {shown} of"},
         "zh": {"system": "系统", "category": "类别", "federated": "联合侧链", "all": "全部",
                "showing": "个系统中的 {shown} 个"}}


def _collation(name: str) -> str:
    """Roughly how the browser's localeCompare orders names: "B² Network" as "b2 network"."""
    return unicodedata.normalize("NFKD", name).casefold()


def _check_sorting_and_filtering(page, keyboard: bool, language: str = "en"):
    from playwright.sync_api import expect
    words = WORDS[language]
    button = page.locator("div.matrix th button", has_text=words["system"])
    if keyboard:
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()
    expect(page.locator("div.matrix th", has_text=words["system"]).first).to_have_attribute("aria-sort", "ascending")
    names = _column(page, words["system"])
    assert names == sorted(names, key=_collation) and len(names) > 40
    if keyboard:
        page.keyboard.press("Enter")
    else:
        button.click()
    assert _column(page, words["system"]) == sorted(names, key=_collation, reverse=True)

    category = page.locator("div.matrix-controls select").first
    if keyboard:
        category.focus()
    category.select_option(label=words["federated"])
    shown = _column(page, words["category"])
    assert shown and set(shown) == {words["federated"]}
    expect(page.locator(".matrix-status")).to_contain_text(words["showing"].format(shown=len(shown)))
    page.locator("div.matrix-controls input[type=search]").fill("liquid")
    assert _column(page, words["system"]) == ["Liquid Network"]
    category.select_option(label=words["all"])
    page.locator("div.matrix-controls input[type=search]").fill("")
    assert len(_column(page, words["system"])) == len(names)


def test_matrix_sorts_and_filters(page, built_site):
    page.goto(built_site.base_url + "matrix/comparison/")
    _check_sorting_and_filtering(page, keyboard=False)


def test_matrix_works_from_the_keyboard_after_navigating(page, built_site):
    page.goto(built_site.base_url)
    page.locator("nav.md-nav--primary a", has_text="Comparison matrix").first.click()
    page.wait_for_url("**/matrix/comparison/")
    page.locator("div.matrix-controls").wait_for()
    _check_sorting_and_filtering(page, keyboard=True)


def test_chinese_matrix_sorts_and_filters_in_chinese(page, built_site):
    page.goto(built_site.base_url + "zh/matrix/comparison/")
    from playwright.sync_api import expect
    expect(page.locator("div.matrix-controls input[type=search]")).to_have_attribute("placeholder", "名称、代币、模式……")
    _check_sorting_and_filtering(page, keyboard=False, language="zh")


def test_language_switcher_leads_to_the_same_system(page, built_site):
    from playwright.sync_api import expect
    page.goto(built_site.base_url + "projects/liquid/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_url("**/zh/projects/liquid/")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(page.locator("article h1")).to_contain_text("Liquid Network")
    expect(page.locator("#key-facts")).to_contain_text("关键信息")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(lambda url: url.endswith("/projects/liquid/") and "/zh/" not in url)
    expect(page.locator("#key-facts")).to_contain_text("Key facts")


@pytest.mark.parametrize("query, expected, within", [
    ("闪电网络", {"zh/projects/lightning/"}, 1),
    ("联合侧链", {"zh/families/federated-sidechains/", "zh/categories/federated-sidechain/"}, 1),
    ("RSK", {"zh/projects/rootstock/"}, 5), ("STX", {"zh/projects/stacks/"}, 5),     # aliases and tickers
])
def test_chinese_search_finds_chinese_pages(page, built_site, query, expected, within):
    page.goto(built_site.base_url + "zh/")
    results = search(page, query)
    page.wait_for_timeout(400)
    paths = []
    for i in range(results.count()):
        path = urlparse(results.nth(i).get_attribute("href")).path.removeprefix("/")
        if path not in paths:
            paths.append(path)
    assert expected & set(paths[:within]), paths[:5]
    assert all(path.startswith("zh/") for path in paths), paths


@pytest.mark.parametrize("path, name", [("", "home"), ("projects/liquid/", "system-liquid"),
                                        ("matrix/trilemma/", "matrix-trilemma"),
                                        ("matrix/comparison/", "matrix-comparison"),
                                        ("zh/", "zh-home"), ("zh/projects/liquid/", "zh-system-liquid")])
def test_screenshots(page, built_site, path, name):
    page.goto(built_site.base_url + path)
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000


SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push({value: entry.value, nodes: (entry.sources || []).map(
      s => s.node ? s.node.nodeName + "." + (s.node.className || "") : "")});
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("prefix", ["", "zh/"])
@pytest.mark.parametrize("path", ["", "projects/liquid/", "matrix/trilemma/", "matrix/comparison/",
                                  "compare/?systems=liquid,rootstock,stacks"])
def test_nothing_moves_while_a_page_loads_on_a_phone(browser, built_site, path, prefix):
    """Layout shift on a phone-sized screen, with the CPU slowed down as Lighthouse slows it:
    the matrices' controls and checkboxes are in the page, and the compare page keeps its
    height while its data loads, so the page does not move when the scripts start."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.add_init_script(SHIFTS)
    context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    tab.goto(built_site.base_url + prefix + path, wait_until="load")
    tab.wait_for_timeout(1500)
    shifts = tab.evaluate("window.__shifts")
    context.close()
    assert sum(s["value"] for s in shifts) < 0.01, shifts


@pytest.mark.parametrize("device", ["light", "dark"])
def test_the_colour_toggle_follows_the_device_then_the_reader(browser, built_site, device):
    """site_overrides/partials/palette.html replaces Material's palette component: the page
    starts in the device's scheme, the toggle (mouse or Enter) switches it, and the choice
    holds on the next page, in either language."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=device)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    scheme = lambda: tab.evaluate("document.body.dataset.mdColorScheme")   # noqa: E731
    first, other = ("default", "slate") if device == "light" else ("slate", "default")
    tab.goto(built_site.base_url + "projects/liquid/")
    assert scheme() == first and tab.locator('[data-md-component="palette"]').count() == 0
    toggle = tab.locator("form.md-header__option label:visible")
    assert toggle.count() == 1
    toggle.click()
    assert scheme() == other
    tab.goto(built_site.base_url + "zh/matrix/trilemma/")
    assert scheme() == other
    tab.locator("form.md-header__option input:checked").focus()
    tab.keyboard.press("Enter")
    assert scheme() == first and not tab.evaluate("document.body.hasAttribute('data-md-color-switching')")
    context.close()
    assert errors == []


INDEX_TIMING = """() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  const index = performance.getEntriesByType("resource").filter(r => r.name.endsWith("/search/search_index.json"));
  return {load: navigation.loadEventEnd, index: index.map(r => r.startTime)};
}"""


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_search_index_waits_for_the_page_then_searches(page, built_site, prefix):
    """site_overrides/main.html holds Material's request for the search index until the page
    has loaded: one request, after the load event, under the page's language, and search
    then works."""
    page.goto(built_site.base_url + prefix + "projects/liquid/", wait_until="load")
    page.wait_for_function("performance.getEntriesByType('resource').some(r => r.name.endsWith('search_index.json'))")
    timing = page.evaluate(INDEX_TIMING)
    assert len(timing["index"]) == 1 and timing["index"][0] >= timing["load"] > 0, timing
    assert [url for url in page.requests if url.endswith("search_index.json")] == [
        built_site.base_url + prefix + "search/search_index.json"]
    assert "projects/liquid/" in search(page, "Liquid").first.get_attribute("href")


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_going_to_the_search_box_fetches_the_index_before_the_page_has_loaded(page, built_site, prefix):
    """A reader who goes to the search box while the page is still loading (here its last
    script is held back by the test) gets the index at once."""
    held = []
    page.route("**/assets/javascripts/compare.js", lambda route: held.append(route))
    page.goto(built_site.base_url + prefix, wait_until="commit")
    page.wait_for_function("typeof window.document$ !== 'undefined' && document.querySelector('input[name=query]')")
    page.wait_for_timeout(300)
    assert page.evaluate(INDEX_TIMING)["index"] == []      # not yet: the page is loading
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        page.locator("input[name=query]").focus()
    assert page.evaluate(INDEX_TIMING)["load"] == 0 and len(held) == 1
    held[0].continue_()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("prefix, label", [("", "Bitcoin L2 Trilemma: maturity level 0"),
                                           ("zh/", "比特币 L2 不可能三角：成熟度第 0 级")])
def test_a_system_page_shows_its_badge_and_copies_the_snippet_that_embeds_it(browser, built_site, prefix, label):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    try:
        tab.goto(built_site.base_url + prefix + "projects/liquid/")
        badge = tab.locator(".badge-embed img")
        badge.scroll_into_view_if_needed()
        assert badge.evaluate("image => image.complete && image.naturalWidth") > 200
        assert badge.get_attribute("alt").startswith(label)
        tab.locator(".badge-embed .md-code__button").first.click()
        copied = tab.evaluate("navigator.clipboard.readText()")
        language = "zh" if prefix else "en"
        assert copied == (f"[![{badge.get_attribute('alt')}]({built_site.base_url}badges/{language}/liquid.svg)]"
                          f"({built_site.base_url}{prefix}projects/liquid/)")
    finally:
        context.close()


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_a_system_pages_citations_look_like_the_explainers_footnotes(page, built_site, prefix):
    """A system page's citation links carry no class (generator/render/helpers.py); site.css
    gives them what Material gives .footnote-ref, so they look like an explainer's
    footnote references; the one reached from its source's back-link is outlined."""
    style = ("a => { const s = getComputedStyle(a); return [s.fontWeight, s.textDecorationLine, "
             "Math.round(100 * parseFloat(s.fontSize) / parseFloat(getComputedStyle(a.parentElement).fontSize)) / 100]; }")
    page.goto(built_site.base_url + prefix + "trilemma/")
    explainer = page.locator("a.footnote-ref").first.evaluate(style)
    page.goto(built_site.base_url + prefix + "projects/liquid/#fnref:1-2")
    citation = page.locator('sup[id^="fnref:"] > a').first
    assert citation.get_attribute("class") is None
    assert citation.evaluate(style) == explainer == ["700", "none", 0.75]
    assert page.locator('sup[id="fnref:1-2"] > a').evaluate("a => getComputedStyle(a).outlineStyle") == "auto"
