"""Both matrices keep their view in the page's address, in a real browser (Debian's chromium).

The sort, the filters and the search text go into the query string; reloading or opening
that address restores the same view (rows and their order, controls, the "Showing N of M"
line); Back and Forward step through the changes; typing makes one history entry per burst;
the address names columns and values by ids, so it opens the same view in English and in
Chinese; the controls work from the keyboard; the tables stay complete without JavaScript;
with Material's instant navigation switched on, the view survives leaving the page and
coming back. Every page asserts that no request left 127.0.0.1 and that no script failed.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlparse

import pytest

from .site import _server, copy_repository, free_port, run_build
from .test_accessibility import AXE
from .test_browser import _collation, browser  # noqa: F401  (browser: the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.site]

COMPARISON, TRILEMMA = "matrix/comparison/", "matrix/trilemma/"
WORDS = {"en": {"system": "System", "custody-risk": "Custody risk", "category": "Federated sidechains",
                "open-membership": "✔ Yes", "showing": "Showing {shown} of {total} systems."},
         "zh": {"system": "系统", "custody-risk": "托管风险", "category": "联合侧链",
                "open-membership": "✔ 是", "showing": "显示 {total} 个系统中的 {shown} 个。"}}
RANK = {"●": 1, "◐": 2, "○": 3, "–": 4, "?": 5, "✔": 1, "✘": 3}

# What the reader sees of a matrix: the visible rows in order (name and page), the sort
# shown by each heading, the controls' values and chosen options, the status line.
VIEW = """() => {
  const box = document.querySelector("div.matrix");
  const seen = element => element.getClientRects().length > 0;
  const rows = [...box.querySelectorAll("tbody tr")].filter(seen);
  return {
    names: rows.map(row => row.cells[0].textContent.trim()),
    tables: [...box.querySelectorAll("table")].filter(seen)
              .map(table => [...table.tBodies[0].rows].filter(seen).map(row => row.cells[0].textContent.trim())),
    pages: rows.map(row => row.cells[0].querySelector("a").getAttribute("href")),
    sort: [...box.querySelectorAll("table")].filter(seen)
             .map(table => [...table.tHead.rows[0].cells].map(th => th.getAttribute("aria-sort"))),
    search: box.querySelector(".matrix-controls input").value,
    filters: [...box.querySelectorAll(".matrix-controls select")].map(s => s.value),
    chosen: [...box.querySelectorAll(".matrix-controls select")].map(s => s.selectedOptions[0].textContent),
    status: box.querySelector(".matrix-status").textContent,
    empty: [...box.querySelectorAll(".matrix-empty")].filter(seen).length,
    total: box.querySelectorAll("tbody tr").length,
  };
}"""


def open_tab(browser, site_url: str, javascript: bool = True):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    tab = context.new_page()
    tab.requests, tab.errors, tab.site_url = [], [], site_url
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return tab


def close_tab(tab):
    hosts = {urlparse(url).netloc for url in tab.requests if urlparse(url).scheme in ("http", "https")}
    assert hosts <= {urlparse(tab.site_url).netloc}, f"requests to other hosts: {hosts}"
    assert tab.errors == []
    tab.context.close()


@pytest.fixture
def page(browser, built_site):  # noqa: F811
    tab = open_tab(browser, built_site.base_url)
    yield tab
    close_tab(tab)


def view(page) -> dict:
    return page.evaluate(VIEW)


def query(page) -> list[tuple[str, str]]:
    return parse_qsl(page.evaluate("location.search.slice(1)"))


def history_length(page) -> int:
    return page.evaluate("history.length")


def heading(page, text: str):
    return page.locator("div.matrix table:visible th button", has_text=text).first


def wait_for_query(page, part: str):
    page.wait_for_function("part => decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes(part)", arg=part)


def showing(language: str, shown: int, total: int) -> str:
    return WORDS[language]["showing"].format(shown=shown, total=total)


def columns(page, index: int) -> list[list[str]]:
    """The visible cells of one column, table by table."""
    return page.evaluate("""index => [...document.querySelectorAll("div.matrix table")].map(table =>
        [...table.tBodies[0].rows].filter(row => row.getClientRects().length > 0)
          .map(row => row.cells[index].textContent.trim())).filter(cells => cells.length)""", index)


def column(page, index: int) -> list[str]:
    return [cell for cells in columns(page, index) for cell in cells]


# ---------------------------------------------------------------- reload and direct addresses

@pytest.mark.parametrize("language", ["en", "zh"])
def test_comparison_view_survives_a_reload(page, built_site, language):
    words = WORDS[language]
    prefix = "zh/" if language == "zh" else ""
    page.goto(built_site.base_url + prefix + COMPARISON)
    total = view(page)["total"]
    heading(page, words["custody-risk"]).click()
    heading(page, words["custody-risk"]).click()
    ranks = [RANK[text[0]] for text in column(page, 11)]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) > 1, ranks
    page.locator("div.matrix-controls select").first.select_option(label=words["category"])
    page.locator("div.matrix-controls input[type=search]").type("i", delay=30)
    wait_for_query(page, "search=i")
    assert query(page) == [("sort", "custody-risk"), ("order", "desc"), ("category", "federated-sidechain"),
                           ("search", "i")]
    before = view(page)
    assert set(column(page, 1)) == {words["category"]} and 1 < len(before["names"]) < total
    assert before["status"] == showing(language, len(before["names"]), total)
    assert before["sort"][0][11] == "descending" and before["sort"][0].count("none") == 15
    page.reload()
    assert view(page) == before


@pytest.mark.parametrize("language", ["en", "zh"])
def test_trilemma_view_survives_a_reload(page, built_site, language):
    words = WORDS[language]
    prefix = "zh/" if language == "zh" else ""
    page.goto(built_site.base_url + prefix + TRILEMMA)
    total = view(page)["total"]
    heading(page, words["system"]).click()
    heading(page, words["system"]).click()
    page.locator("div.matrix-controls select").nth(1).select_option(label=words["open-membership"])
    page.locator("div.matrix-controls input[type=search]").type("k", delay=30)
    wait_for_query(page, "search=k")
    assert query(page) == [("sort", "system"), ("order", "desc"), ("open-membership", "yes"), ("search", "k")]
    before = view(page)
    assert before["names"] and all("k" in name.lower() for name in before["names"])
    assert all(names == sorted(names, key=_collation, reverse=True) for names in before["tables"])
    assert set(column(page, 2)) == {words["open-membership"]}
    assert before["empty"] >= 1                        # the federated family keeps no open membership
    assert all(sort == ["descending", "none", "none", "none"] for sort in before["sort"])
    assert before["status"] == showing(language, len(before["names"]), total)
    page.reload()
    assert view(page) == before


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_an_address_opens_its_view_in_either_language(page, built_site, prefix):
    language = "zh" if prefix else "en"
    page.goto(built_site.base_url + prefix + COMPARISON
              + "?sort=system&order=desc&category=federated-sidechain&search=liquid")
    shown = view(page)
    assert shown["names"] == ["Liquid Network"] and shown["search"] == "liquid"
    assert shown["chosen"][0] == WORDS[language]["category"]
    assert shown["sort"][0][0] == "descending"
    assert shown["status"] == showing(language, 1, shown["total"])

    page.goto(built_site.base_url + prefix + TRILEMMA + "?sort=open-membership&order=asc&no-new-token=yes")
    shown = view(page)
    assert shown["names"] and shown["filters"] == ["", "", "yes"]
    for cells in columns(page, 2):
        assert [RANK[text[0]] for text in cells] == sorted(RANK[text[0]] for text in cells)
    assert shown["status"] == showing(language, len(shown["names"]), shown["total"])


def test_the_same_address_shows_the_same_systems_in_both_languages(page, built_site):
    address = "?sort=custody-risk&order=asc&consensus=federation&status=live"
    page.goto(built_site.base_url + COMPARISON + address)
    english = view(page)
    page.goto(built_site.base_url + "zh/" + COMPARISON + address)
    chinese = view(page)
    assert english["pages"] == chinese["pages"] and len(english["pages"]) > 1
    assert english["filters"] == chinese["filters"] == ["", "live", "", "federation"]


@pytest.mark.parametrize("prefix, value", [("", "Federated%20sidechains"), ("zh/", "联合侧链")])
def test_a_value_written_in_the_pages_language_is_kept_as_its_id(page, built_site, prefix, value):
    page.goto(built_site.base_url + prefix + COMPARISON + f"?category={value}&h=liquid&bogus=1&status=nonsense")
    assert view(page)["filters"] == ["federated-sidechain", "", "", ""]
    # Material's own parameter (search highlighting) and any other stay; an unknown value goes
    assert query(page) == [("h", "liquid"), ("bogus", "1"), ("category", "federated-sidechain")]


def test_the_address_follows_the_view_and_drops_what_is_empty(page, built_site):
    page.goto(built_site.base_url + COMPARISON + "?sort=system&order=desc")
    heading(page, "System").click()
    assert query(page) == [("sort", "system"), ("order", "asc")]
    page.go_back()
    assert view(page)["sort"][0][0] == "descending"
    page.goto(built_site.base_url + COMPARISON + "?category=&search=+&sort=")
    assert page.evaluate("location.href") == built_site.base_url + COMPARISON
    assert view(page)["sort"][0] == ["none"] * 16


# ---------------------------------------------------------------- history

def test_back_and_forward_step_through_the_views(page, built_site):
    page.goto(built_site.base_url + COMPARISON)
    views = [view(page)]
    start = history_length(page)
    heading(page, "Custody risk").click()
    views.append(view(page))
    page.locator("div.matrix-controls select").nth(1).select_option(value="live")
    views.append(view(page))
    box = page.locator("div.matrix-controls input[type=search]")
    box.type("liq", delay=40)                 # one burst of typing: one entry
    wait_for_query(page, "search=liq")
    views.append(view(page))
    assert history_length(page) == start + 3
    page.wait_for_timeout(1200)               # a pause ends the burst
    box.type("uid", delay=40)
    wait_for_query(page, "search=liquid")
    views.append(view(page))
    assert history_length(page) == start + 4
    assert views[-1]["names"] == ["Liquid Network"] and len({str(v) for v in views}) == 5

    for expected in reversed(views[:-1]):
        page.go_back()
        assert view(page) == expected
    assert page.evaluate("location.search") == ""
    for expected in views[1:]:
        page.go_forward()
        assert view(page) == expected
    assert query(page) == [("sort", "custody-risk"), ("order", "asc"), ("status", "live"), ("search", "liquid")]


def test_chinese_trilemma_back_and_forward(page, built_site):
    page.goto(built_site.base_url + "zh/" + TRILEMMA)
    views = [view(page)]
    page.locator("div.matrix-controls select").first.select_option(value="no")
    views.append(view(page))
    heading(page, "无新代币").click()
    views.append(view(page))
    heading(page, "无新代币").click()
    views.append(view(page))
    assert views[-1]["sort"][0][3] == "descending" and views[-2]["sort"][0][3] == "ascending"
    assert views[-1]["status"] == showing("zh", len(views[-1]["names"]), views[-1]["total"])
    for expected in reversed(views[:-1]):
        page.go_back()
        assert view(page) == expected
    for expected in views[1:]:
        page.go_forward()
        assert view(page) == expected


def test_keyboard_use_records_the_view_too(page, built_site):
    page.goto(built_site.base_url + TRILEMMA)
    start = history_length(page)
    heading(page, "System").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "System"   # focus stays on the heading
    assert query(page) == [("sort", "system"), ("order", "asc")]
    page.keyboard.press("Space")
    assert query(page) == [("sort", "system"), ("order", "desc")]
    box = page.locator("div.matrix-controls input[type=search]")
    box.focus()
    page.keyboard.type("ar", delay=30)
    page.keyboard.press("Tab")                # leaving the box ends the burst
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    box.focus()
    page.keyboard.type("k", delay=30)
    wait_for_query(page, "search=ark")
    assert history_length(page) == start + 4
    shown = view(page)
    assert shown["names"] and all("ark" in name.lower() for name in shown["names"])
    assert all(names == sorted(names, key=_collation, reverse=True) for names in shown["tables"])
    page.go_back()
    assert view(page)["search"] == "ar"


# ---------------------------------------------------------------- without JavaScript

@pytest.mark.parametrize("path", [COMPARISON, TRILEMMA, "zh/" + COMPARISON, "zh/" + TRILEMMA])
def test_without_javascript_every_table_is_complete(browser, built_site, path):  # noqa: F811
    tab = open_tab(browser, built_site.base_url, javascript=False)
    tab.goto(built_site.base_url + path + "?sort=system&order=desc&search=liquid&category=federated-sidechain")
    for hidden in ("div.matrix-controls", "p.matrix-status", "input.compare-pick-box", ".compare-pick-count"):
        assert tab.locator(hidden + ":visible").count() == 0, hidden    # in the page, shown only with JavaScript
    assert tab.locator("div.matrix-controls").count() == 1
    rows = tab.locator("div.matrix tbody tr:visible")
    assert rows.count() > 40 and rows.count() == tab.locator("div.matrix tbody tr").count()
    close_tab(tab)


# ---------------------------------------------------------------- accessibility of restored views

@pytest.mark.parametrize("path", [TRILEMMA + "?open-membership=yes&search=n", "zh/" + TRILEMMA + "?sort=system",
                                  "zh/" + COMPARISON + "?category=federated-sidechain&sort=data-risk&order=desc"])
def test_restored_views_have_no_serious_violations(page, built_site, path):
    page.goto(built_site.base_url + path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=AXE.read_text())
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
    assert violations == []


# ---------------------------------------------------------------- Material's instant navigation

@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    """The site built once more with navigation.instant on, served on 127.0.0.1. Not strict:
    mkdocs-static-i18n warns that its contextual language switcher does not support it."""
    root = copy_repository(tmp_path_factory.mktemp("instant") / "repo")
    config = root / "mkdocs.yml"
    text = config.read_text().replace("  features:\n", "  features:\n    - navigation.instant\n", 1)
    config.write_text(text.replace("strict: true", "strict: false", 1))
    port = free_port()
    done = run_build(root, "--site-url", f"http://127.0.0.1:{port}/")
    assert done.returncode == 0, done.stdout + done.stderr
    _server(root / "site", port)
    return f"http://127.0.0.1:{port}/"


def ready(tab, label: str):
    tab.locator(f'div.matrix[data-ready][aria-label="{label}"]').wait_for()


def test_instant_navigation_keeps_the_view(browser, instant_site):  # noqa: F811
    tab = open_tab(browser, instant_site)
    tab.goto(instant_site)
    tab.evaluate("window.sameDocument = true")             # gone if a link reloads the page
    tab.locator("nav.md-nav--primary a", has_text="Comparison matrix").first.click()
    ready(tab, "Comparison matrix")   # the address changes before the new page arrives
    tab.locator("div.matrix-controls select").first.select_option(value="federated-sidechain")
    heading(tab, "System").click()
    filtered = view(tab)
    tab.locator("nav.md-nav--primary a", has_text="Trilemma matrix").first.click()
    ready(tab, "Trilemma matrix")
    assert view(tab)["filters"] == ["", "", ""] and tab.locator("div.matrix-controls").count() == 1
    tab.go_back()
    ready(tab, "Comparison matrix")
    assert view(tab) == filtered and tab.locator("div.matrix-controls").count() == 1
    tab.go_back()                                           # the same page, one change earlier
    assert view(tab)["sort"][0][0] == "none" and view(tab)["filters"][0] == "federated-sidechain"
    assert tab.evaluate("window.sameDocument") is True
    close_tab(tab)
