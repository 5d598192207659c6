"""The social cards: what they print, in which font, and when they are drawn again.

The cards of Liquid Network in both languages, and the Chinese one drawn with a font that
has no Chinese glyphs, are saved to test-output/cards/ to be looked at.
"""
from __future__ import annotations

import dataclasses
import functools

import pytest
from hypothesis import given, settings, strategies as st

from generator import ui
from generator.card_font import card_font
from generator.catalog import check_all
from generator.rasterize import Rasterizer, render_png, stamped_identity
from generator.render.cards import HEIGHT, LEFT, TEXT_WIDTH, WIDTH, card_path, page_card, system_card

from .conftest import CATALOG, ROOT, TODAY
from .png import decode, size
from .render_support import SITE

OUTPUT = ROOT / "test-output" / "cards"
BRANDS = SITE.brands


@functools.cache
def catalogues():
    return check_all(CATALOG, TODAY).catalogs


def card_of(slug: str, language: str, catalog=None):
    catalog = catalog or catalogues()[language]
    with ui.language(language):
        system = next(s for s in catalog.systems if s.slug == slug)
        return system_card(system, catalog, BRANDS[language], language)


def test_card_addresses_follow_the_page_addresses():
    assert card_path("projects/liquid.md", "en") == "cards/en/projects/liquid.png"
    assert card_path("categories/index.md", "zh") == "cards/zh/categories.png"
    assert card_path("index.md", "zh") == "cards/zh/index.png"
    assert card_path("reference/glossary.md", "en") == "cards/en/reference/glossary.png"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_system_card_prints_only_what_the_font_has_within_the_card(language):
    font = card_font()
    for system in catalogues()[language].systems:
        card = card_of(system.slug, language)
        assert font.missing("".join(card.text)) == set(), system.slug
        for line in card.lines:
            assert LEFT <= line.x and line.x + font.width(line.text, line.size) <= LEFT + TEXT_WIDTH, \
                (system.slug, line.text)
            assert line.size <= line.y <= HEIGHT - 20, (system.slug, line.text)
        for label in card.corner_labels + card.wedge_labels:
            half = font.width(label.text, label.size) / 2
            assert LEFT + TEXT_WIDTH < label.x - (half if label.anchor == "middle" else 0) - \
                (2 * half if label.anchor == "end" else 0), (system.slug, label.text)
            assert label.x + (half if label.anchor == "middle" else 2 * half if label.anchor == "start" else 0) \
                <= WIDTH, (system.slug, label.text)


def test_the_card_says_the_systems_name_category_corners_maturity_and_date():
    english, chinese = card_of("liquid", "en"), card_of("liquid", "zh")
    assert [line.text for line in english.lines] == [
        "Bitcoin L2 Trilemma", "Liquid Network", "Federated sidechains",
        "Keeps shared public ledger and no new token;", "gives up open membership.",
        "Maturity: Level 0: Trusted custody (level 1 under", "review)",
        "As of 2026-12-01 · example.org/catalogue"]
    assert [line.text for line in chinese.lines] == [
        "比特币 L2 不可能三角", "Liquid Network", "联合侧链", "保有共享公共账本和无新代币；放弃开放成员资格。",
        "成熟度：第 0 级：依赖信任的托管（第 1 级待审核）", "截至 2026-12-01 · example.org/catalogue"]
    assert english.dot is not None and [w["rating"] for w in english.wedges] == \
        ["medium", "medium", "high", "high", "medium"]


def test_a_chinese_card_draws_chinese_glyphs_not_boxes(tmp_path):
    """The Chinese card, drawn with the card font and with the same font cut down to ASCII:
    the Latin name is the same in both, the Chinese category differs (boxes instead)."""
    from fontTools import subset
    import resvg_py
    cut = tmp_path / "ascii-only.otf"
    subset.main([str(card_font().path), "--unicodes=20-7E", "--notdef-outline", f"--output-file={cut}",
                 "--name-IDs=*"])
    card = card_of("liquid", "zh")
    svg = card.svg()
    real = render_png(svg)
    boxes = bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=[str(cut)],
                                        font_family=card_font().family, sans_serif_family=card_font().family))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "liquid.zh.png").write_bytes(real)
    (OUTPUT / "liquid.zh.no-cjk-font.png").write_bytes(boxes)
    (OUTPUT / "liquid.en.png").write_bytes(render_png(card_of("liquid", "en").svg()))
    first, second = decode(real), decode(boxes)

    def region(line):
        return (int(line.x), int(line.y - line.size), int(line.x + card_font().width(line.text, line.size)),
                int(line.y + line.size * 0.3))

    name, category = card.lines[1], card.lines[2]
    assert (name.text, category.text) == ("Liquid Network", "联合侧链")
    assert first.ink(*region(name)) == second.ink(*region(name)) != set()
    drawn, boxed = first.ink(*region(category)), second.ink(*region(category))
    assert drawn and boxed
    assert len(drawn ^ boxed) > 0.5 * len(drawn | boxed)


def test_a_card_is_drawn_again_only_when_what_it_shows_changes(tmp_path):
    catalog = catalogues()["en"]
    liquid = next(s for s in catalog.systems if s.slug == "liquid")
    before = card_of("liquid", "en")
    (tmp_path / before.path).parent.mkdir(parents=True)
    (tmp_path / before.path).write_bytes(render_png(before.svg()))
    risks = {**liquid.risks, "finality": dataclasses.replace(liquid.risks["finality"], rating="low")}
    changed = dataclasses.replace(catalog, systems=tuple(dataclasses.replace(s, risks=risks) if s is liquid else s
                                                         for s in catalog.systems))
    after = card_of("liquid", "en", changed)
    assert [w["rating"] for w in after.wedges] == ["medium", "medium", "high", "low", "medium"]
    old = (tmp_path / before.path).read_bytes()
    kept = Rasterizer(tmp_path).png(before.path, before.svg())
    redrawn = Rasterizer(tmp_path).png(after.path, after.svg())
    assert kept == old and stamped_identity(kept) is not None
    assert redrawn != old and redrawn == render_png(after.svg()) and size(redrawn) == (WIDTH, HEIGHT)


def test_a_page_card_breaks_its_title_and_description_to_the_width():
    with ui.language("en"):
        card = page_card("token-question.md", "The token question", "Why " * 200, BRANDS["en"], "en")
    font = card_font()
    assert card.path == "cards/en/token-question.png" and card.lines[1].text == "The token question"
    description = [line.text for line in card.lines[2:-1]]
    assert len(description) == 5 and description[-1].endswith("…")
    assert all(font.width(text, 28) <= TEXT_WIDTH for text in description)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab 比特币（闪电网络）、。,;:"), max_size=120),
       st.integers(min_value=1, max_value=4))
def test_wrapped_lines_fit_their_width(text, lines):
    font = card_font()
    wrapped = font.wrap(text, 30, 400, lines)
    assert len(wrapped) <= lines
    assert all(font.width(line, 30) <= 400 for line in wrapped)
    if not text.strip():
        assert wrapped == []
