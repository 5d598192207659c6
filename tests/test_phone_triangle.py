"""The trilemma triangle as drawn in a real browser (Debian's chromium), on phones and on a desktop.

On 390 and 360 px wide screens, in English and in Chinese, on the home page and on the
trilemma page: every word of the figure is drawn at least 12 CSS px tall (the font size
times the SVG's scale, and the height of its box), no two words overlap, no word covers a
dot of another group, and every dot has a visible name: a number beside its group, and the
same number in the list under the figure, whose entry links the system. At 1280 px and at
700 px (the narrowest screen given the wide figure) the wide figure shows instead, with each
dot's name beside its group, no name over another or over another group's dot, and none
clipped. The small figure on system pages is readable at 360 px. axe finds nothing serious
on the narrow figure. Screenshots: test-output/screenshots/phone-triangle-{en,zh}.png.
"""
from __future__ import annotations

import math
from urllib.parse import urlparse

import pytest

from .test_accessibility import AXE
from .test_browser import SHOTS, browser  # noqa: F401  (the module's browser fixture)

pytestmark = [pytest.mark.browser, pytest.mark.site]
PHONES = [(390, 844), (360, 740)]
PAGES = ["", "trilemma/"]
LANGUAGES = ["", "zh/"]
MIN_PX = 12.0
NEAR_PX = 14.0        # a key sits this close to its group's nearest dot, at most
NAME_NEAR_PX = 40.0   # a wide figure's names sit this close to their group of dots, at most

# Every box the reader sees, in CSS px: SVG text (font size times the SVG's scale), the
# keys, the dots, and HTML links measured by the extent of their text (a Range), line by line.
MEASURE = """(figure) => {
  const rect = r => ({x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
  const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
    && getComputedStyle(e).visibility !== 'hidden'; };
  const svg = [...figure.querySelectorAll('svg')].filter(shown);
  if (svg.length !== 1) return {error: 'figures shown: ' + svg.length};
  const s = svg[0], scale = s.getScreenCTM().a, frame = rect(s.getBoundingClientRect());
  const texts = [...s.querySelectorAll('text')].map(t => ({
    kind: t.closest('.tri-key') ? 'key' : 'corner', text: t.textContent,
    px: parseFloat(getComputedStyle(t).fontSize) * scale, box: rect(t.getBoundingClientRect()),
    key: (t.closest('[data-key]') || {dataset: {}}).dataset.key || null}));
  const lines = a => { const range = document.createRange(); range.selectNodeContents(a);
    return [...range.getClientRects()].filter(r => r.width > 0).map(rect); };
  const names = [...s.querySelectorAll('a')].map(a => ({
    text: a.textContent, href: new URL(a.href).pathname, key: (a.closest('[data-key]') || {dataset: {}}).dataset.key,
    px: parseFloat(getComputedStyle(a).fontSize) * scale, lines: lines(a)}));
  const keys = [...s.querySelectorAll('.tri-key')].map(g => ({key: g.dataset.key, box: rect(g.getBoundingClientRect())}));
  const dots = [...s.querySelectorAll('circle[data-system]')].map(c => ({
    system: c.dataset.system, key: c.dataset.key, box: rect(c.getBoundingClientRect())}));
  const legend = [...figure.querySelectorAll('.tri-legend li')].filter(shown).map(li => ({
    key: li.dataset.key, badge: li.querySelector('.tri-badge').textContent,
    badgePx: parseFloat(getComputedStyle(li.querySelector('.tri-badge')).fontSize),
    links: [...li.querySelectorAll('a')].map(a => ({href: new URL(a.href).pathname, text: a.textContent,
      px: parseFloat(getComputedStyle(a).fontSize), lines: lines(a)}))}));
  return {cls: s.getAttribute('class'), scale, frame, texts, names, keys, dots, legend};
}"""


SLACK = 1.0           # px: glyph boxes include the font's ascent and descent, a touch taller
                      # than the 16-unit line spacing; an intrusion under 1 px draws nothing


def overlap(a, b) -> bool:
    return (a["x0"] + SLACK < b["x1"] and b["x0"] + SLACK < a["x1"]
            and a["y0"] + SLACK < b["y1"] and b["y0"] + SLACK < a["y1"])


def distance(a, b) -> float:
    dx = max(a["x0"] - b["x1"], b["x0"] - a["x1"], 0)
    dy = max(a["y0"] - b["y1"], b["y0"] - a["y1"], 0)
    return math.hypot(dx, dy)


def union(boxes):
    return {"x0": min(b["x0"] for b in boxes), "y0": min(b["y0"] for b in boxes),
            "x1": max(b["x1"] for b in boxes), "y1": max(b["y1"] for b in boxes)}


def open_page(browser, built_site, path, width, height):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto(built_site.base_url + path)
    tab.wait_for_load_state("networkidle")
    figure = tab.locator("figure.trilemma").first
    figure.scroll_into_view_if_needed()
    tab.wait_for_timeout(200)     # content-visibility: let the figure paint
    return context, tab, figure


def close_page(context, tab, built_site):
    hosts = {urlparse(url).netloc for url in tab.requests if urlparse(url).scheme in ("http", "https")}
    assert hosts <= {urlparse(built_site.base_url).netloc}, f"requests to other hosts: {hosts}"
    assert tab.errors == []
    context.close()


def pairwise_clear(boxes, what):
    for i, (name_a, a) in enumerate(boxes):
        for name_b, b in boxes[i + 1:]:
            assert not overlap(a, b), f"{what}: {name_a!r} overlaps {name_b!r}"


def text_readable(entry):
    assert entry["px"] >= MIN_PX, f"{entry['text']!r} is drawn {entry['px']:.1f}px tall"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width, height", PHONES)
def test_phone_triangle_is_readable_and_names_every_dot(browser, built_site, width, height, path, lang):  # noqa: F811
    context, tab, figure = open_page(browser, built_site, lang + path, width, height)
    m = figure.evaluate(MEASURE)
    assert "error" not in m, m
    assert m["cls"] == "tri-narrow" and m["names"] == []
    # readable: SVG words by font size times scale, and by the height of their box
    for text in m["texts"]:
        text_readable(text)
        assert text["box"]["y1"] - text["box"]["y0"] >= MIN_PX, text
        assert text["box"]["x0"] >= m["frame"]["x0"] - 1 and text["box"]["x1"] <= m["frame"]["x1"] + 1, text
    assert {t["text"] for t in m["texts"] if t["kind"] == "key"} == {str(i) for i in range(1, len(m["keys"]) + 1)}
    # no overlaps: corner names and keys with each other; each with another group's dots
    words = [(t["text"], t["box"]) for t in m["texts"] if t["kind"] == "corner"]
    words += [(f"key {k['key']}", k["box"]) for k in m["keys"]]
    pairwise_clear(words, f"{width}px {lang}{path}")
    for name, box in words:
        for dot in m["dots"]:
            if name != f"key {dot['key']}":
                assert not overlap(box, dot["box"]), f"{name!r} covers the dot of {dot['system']}"
    # the list: readable, one entry per key, badge = key; no two link lines overlap
    assert [e["key"] for e in m["legend"]] == [k["key"] for k in m["keys"]]
    lines = []
    for entry in m["legend"]:
        assert entry["badge"] == entry["key"] and entry["badgePx"] >= MIN_PX
        for link in entry["links"]:
            text_readable(link)
            lines += [(link["text"], line) for line in link["lines"]]
    pairwise_clear(lines, "list")
    # every dot has a visible name: its key beside its group, and its link in that key's entry
    keys = {k["key"]: k["box"] for k in m["keys"]}
    legend = {e["key"]: e for e in m["legend"]}
    for dot in m["dots"]:
        group = [d["box"] for d in m["dots"] if d["key"] == dot["key"]]
        assert min(distance(keys[dot["key"]], g) for g in group) <= NEAR_PX, f"key {dot['key']} is far from its dots"
        links = [a for a in legend[dot["key"]]["links"] if a["href"].endswith(f"/projects/{dot['system']}/")]
        assert links and links[0]["lines"] and links[0]["text"].strip(), f"{dot['system']} has no visible name"
    if path == "" and width == 390:
        SHOTS.mkdir(parents=True, exist_ok=True)
        clip = figure.evaluate("f => { const r = f.getBoundingClientRect(), y = r.y + scrollY; scrollTo(0, 0); "
                               "return {x: r.x, y: y, width: r.width, height: r.height}; }")   # the header stays on top
        tab.screenshot(path=str(SHOTS / f"phone-triangle-{'zh' if lang else 'en'}.png"), full_page=True, clip=clip)
    close_page(context, tab, built_site)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1280, 700])
def test_wide_triangle_names_every_dot_beside_it(browser, built_site, width, path, lang):  # noqa: F811
    context, tab, figure = open_page(browser, built_site, lang + path, width, 900)
    m = figure.evaluate(MEASURE)
    assert "error" not in m, m
    assert m["cls"] == "tri-wide" and m["keys"] == [] and m["legend"] == []
    for entry in m["texts"] + m["names"]:
        text_readable(entry)
    words = [(t["text"], t["box"]) for t in m["texts"]]
    words += [(n["text"], line) for n in m["names"] for line in n["lines"]]
    pairwise_clear(words, f"{width}px {lang}{path}")
    for name, box in words:
        assert m["frame"]["x0"] - 1 <= box["x0"] and box["x1"] <= m["frame"]["x1"] + 1, f"{name!r} is clipped"
        assert m["frame"]["y0"] - 1 <= box["y0"] and box["y1"] <= m["frame"]["y1"] + 1, f"{name!r} is clipped"
    names = [n for n in m["names"] if n["lines"]]
    for dot in m["dots"]:
        mine = [n for n in names if n["href"].endswith(f"/projects/{dot['system']}/")]
        assert mine, f"{dot['system']} has no visible name"
        block = union([line for n in names if n["key"] == dot["key"] for line in n["lines"]])
        group = union([d["box"] for d in m["dots"] if d["key"] == dot["key"]])
        assert distance(block, group) <= NAME_NEAR_PX, f"the names of {dot['system']}'s group are far from its dots"
        others = [n for n in names if n["key"] != dot["key"]]
        for n in others:
            for line in n["lines"]:
                assert not overlap(line, dot["box"]), f"{n['text']!r} covers the dot of {dot['system']}"
    close_page(context, tab, built_site)


@pytest.mark.parametrize("slug", ["liquid", "fractal", "lightning", "goat-network"])
def test_small_triangle_is_readable_on_a_phone(browser, built_site, slug):  # noqa: F811
    context, tab, figure = open_page(browser, built_site, f"projects/{slug}/", 360, 740)
    m = figure.evaluate(MEASURE)
    assert "error" not in m, m
    for entry in m["texts"] + m["names"]:
        text_readable(entry)
    words = [(t["text"], t["box"]) for t in m["texts"]] + [(n["text"], line) for n in m["names"] for line in n["lines"]]
    assert len(m["names"]) == 1
    pairwise_clear(words, slug)
    for name, box in words:
        assert m["frame"]["x0"] - 1 <= box["x0"] and box["x1"] <= m["frame"]["x1"] + 1, f"{name!r} is clipped"
    close_page(context, tab, built_site)


@pytest.mark.parametrize("path", ["", "zh/"])
def test_phone_triangle_has_no_serious_axe_violation(browser, built_site, path):  # noqa: F811
    if not AXE.exists():
        pytest.skip("axe-core is missing; `npm ci` installs it")
    context, tab, figure = open_page(browser, built_site, path, 390, 844)
    tab.add_script_tag(content=AXE.read_text())
    violations = tab.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))""")
    assert violations == []
    close_page(context, tab, built_site)
