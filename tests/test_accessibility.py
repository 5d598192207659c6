"""Accessibility: axe-core (npm, vendored in node_modules) in Debian's chromium finds no
serious or critical violation on the home page, a system page, both matrices and the
glossary, the maturity ladder and the compare page (with systems chosen), and on the same
Chinese pages, in the light and the dark palette; and, at a phone's width, every touch target
meets WCAG 2.2's size (which axe checks only when asked)."""
from __future__ import annotations

import pytest

from .conftest import ROOT, require_tool
from .test_browser import ARGS, CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.site]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "projects/liquid/", "matrix/trilemma/", "matrix/comparison/", "reference/glossary/", "ladder/",
         "compare/?systems=liquid,rootstock,lightning",
         "zh/", "zh/projects/liquid/", "zh/matrix/comparison/", "zh/reference/glossary/", "zh/ladder/",
         "zh/compare/?systems=liquid,stacks"]


@pytest.fixture(scope="module")
def axe_browser():
    require_tool(CHROMIUM, "Debian's chromium")
    require_tool(str(AXE), "axe-core (npm ci)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violations(axe_browser, built_site, path, scheme):
    page = axe_browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.goto(built_site.base_url + path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=AXE.read_text())
    violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))""")
    page.close()
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['nodes']}" for v in violations)


@pytest.mark.parametrize("path", PAGES)
def test_touch_targets_are_large_enough_on_a_phone(axe_browser, built_site, path):
    """WCAG 2.2's target size (2.5.8, axe's rule 'target-size', which axe leaves out by
    default): each control is at least 24 px, or has that much room, at a phone's width."""
    context = axe_browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(built_site.base_url + path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=AXE.read_text())
    failing = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['target-size']},
        resultTypes: ['violations']})).violations.flatMap(v => v.nodes.map(n => n.target.join(' ')))""")
    context.close()
    assert failing == []
