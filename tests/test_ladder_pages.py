"""The maturity ladder on the built site, in both languages: each system page shows its
level, every requirement with its result and reason, its peg's sourced facts and what the
next level asks; the ladder page lists every system by level, and says why the others do
not fit; the methodology carries the same rule book."""
from __future__ import annotations

import html
import re

import pytest

pytestmark = pytest.mark.site
WORDS = {
    "en": {"top": "This is the ladder's top level.", "level3": "Level 3: Self-sovereign exit",
           "level0": "Level 0: Trusted custody (level 1 under review)", "signers": "11 of 15 must sign",
           "next": "To reach level 1 (Distributed custody):", "na": "It holds no BTC for its users",
           "met": "✔ Met", "review": "? Under review", "fits_not": "The maturity ladder does not apply here:"},
    "zh": {"top": "这是阶梯的最高级别。", "level3": "第 3 级：自主退出",
           "level0": "第 0 级：依赖信任的托管（第 1 级待审核）", "signers": "15 个中须有 11 个签名",
           "next": "要达到第 1 级（分布式托管）：", "na": "它不为用户持有 BTC",
           "met": "✔ 已满足", "review": "？ 待审核", "fits_not": "成熟度阶梯在此不适用："},
}


def page_text(built_site, path: str) -> str:
    raw = (built_site.site / path).read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    raw = re.sub(r"</?(?:abbr|a|code|small|strong|em|span)\b[^>]*>", "", raw)    # inline: no space
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_system_pages_show_level_requirements_facts_and_next_step(built_site, language):
    w = WORDS[language]
    prefix = "" if language == "en" else "zh/"
    lightning = page_text(built_site, f"{prefix}projects/lightning/index.html")
    assert w["level3"] in lightning and w["top"] in lightning
    assert lightning.count(w["met"]) >= 7
    liquid = page_text(built_site, f"{prefix}projects/liquid/index.html")
    assert w["level0"] in liquid and w["signers"] in liquid and w["next"] in liquid
    assert w["review"] in liquid
    ordinals = page_text(built_site, f"{prefix}projects/ordinals/index.html")
    assert w["fits_not"] in ordinals and w["na"] in ordinals


@pytest.mark.parametrize("language", ["en", "zh"])
def test_ladder_page_lists_every_system_once(built_site, language):
    from .test_site import catalogues
    catalog = catalogues()[language]
    prefix = "" if language == "en" else "zh/"
    raw = (built_site.site / f"{prefix}ladder/index.html").read_text(encoding="utf-8")
    body = raw[raw.index('id="level-3"'):]
    linked = re.findall(r'href="\.\./projects/([a-z0-9-]+)/', body)
    assert sorted(linked) == sorted(s.slug for s in catalog.systems)
    top = body[:body.index('id="level-2"')]
    assert set(re.findall(r'href="\.\./projects/([a-z0-9-]+)/', top)) == {"babylon", "lightning"}
    outside = body[body.index('id="not-applicable"'):]
    for slug in ("ordinals", "arbitrum", "drivechain"):
        assert f'href="../projects/{slug}/"' in outside


def test_methodology_carries_the_rule_book(built_site):
    for prefix in ("", "zh/"):
        text = page_text(built_site, f"{prefix}reference/methodology/index.html")
        for requirement in ("five-signers", "independent-signers", "one-honest-challenger", "exit-window-week",
                            "unilateral-exit", "anyone-challenges", "exit-window-month"):
            assert f"({requirement})" in text, (prefix, requirement)
