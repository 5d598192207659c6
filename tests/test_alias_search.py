"""Search finds every system by every word it goes by, in a real browser, in both languages.

Every name, alias and ticker in the catalogue (and, on the Chinese side, every local name),
read through the generator's own loader, is typed into Material's search box on / and on
/zh/; the first result must be that system's own page. One tab per language is reused: the
box is emptied, and the list seen empty, between queries.

Words are owned as the catalogue's duplicate-name rule compares them (case and spacing
folded). A word owned by two systems has no right answer and fails the test, asking for a
decision. A word that is only part of another system's word (Ark, and Arkade's "Ark Labs";
RSK, and PowPeg's "RSK 2-way peg") belongs to the system it names: that page comes first,
and the other system must still be among the results.
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import defaultdict
from urllib.parse import urlparse

import pytest

from .conftest import CATALOG, TODAY
from .test_browser import browser, page  # noqa: F401  (the fixtures: chromium, one tab with checks)

pytestmark = [pytest.mark.browser, pytest.mark.site]
MEGABYTE = 1_000_000


def fold(word: str) -> str:
    return "".join(unicodedata.normalize("NFKC", word).casefold().split())


def words_of(system) -> list[str]:
    words = [system.name, *system.aliases]
    words += [system.token.symbol] if system.token else []
    words += [system.local_name] if system.local_name else []
    return list(dict.fromkeys(words))


@pytest.fixture(scope="module")
def catalogs():
    from generator.catalog import check_catalog
    result = check_catalog(CATALOG, TODAY)
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalogs


def cases(catalog):
    """(word, owning slug, slugs that have the word inside one of their own words)."""
    owners, parts = defaultdict(set), defaultdict(set)
    for system in catalog.systems:
        for word in words_of(system):
            owners[fold(word)].add(system.slug)
            for part in re.split(r"[\s\-]+", word):
                parts[fold(part)].add(system.slug)
    found = []
    for system in catalog.systems:
        for word in words_of(system):
            key = fold(word)
            found.append((word, owners[key], sorted(parts[key] - owners[key])))
    return found


def first_results(page, word: str) -> list[str]:
    """The result pages for word, in order, as the list shows them after a fresh query."""
    from playwright.sync_api import expect
    box = page.locator("input.md-search__input")
    items = page.locator(".md-search-result__list > li")
    box.fill("")
    box.press("End")                       # Material reads the box on keyup
    expect(items).to_have_count(0)
    box.fill(word)
    box.press("End")
    expect(items.first).to_be_visible(timeout=15000)
    links = page.locator(".md-search-result__list > li > a.md-search-result__link")
    return [urlparse(href).path for href in links.evaluate_all("links => links.map(a => a.href)")]


def check_language(page, base_url: str, catalog, prefix: str):
    page.goto(base_url + prefix)
    page.locator("input.md-search__input").click()
    problems, started = [], time.perf_counter()
    for word, owners, sharing in cases(catalog):
        if len(owners) > 1:
            problems.append(f"{word!r} is a word of {sorted(owners)}: decide which page it finds")
            continue
        owner = next(iter(owners))
        pages = first_results(page, word)
        if not pages or pages[0] != f"/{prefix}projects/{owner}/":
            problems.append(f"{word!r}: expected /{prefix}projects/{owner}/ first, got {pages[:3]}")
        for other in sharing:
            if f"/{prefix}projects/{other}/" not in pages:
                problems.append(f"{word!r} is also inside a word of {other}, which is not among {pages}")
    took = time.perf_counter() - started
    print(f"{prefix or 'en/'}: {len(cases(catalog))} words in {took:.1f} s")
    assert problems == [], "\n".join(problems)


def test_every_name_alias_and_ticker_finds_its_system_first(page, built_site, catalogs):
    check_language(page, built_site.base_url, catalogs["en"], "")


def test_every_chinese_name_alias_ticker_and_local_name_finds_its_system_first(page, built_site, catalogs):
    assert any(s.local_name for s in catalogs["zh"].systems)        # 闪电网络 and others are checked
    check_language(page, built_site.base_url, catalogs["zh"], "zh/")


def test_search_indexes_stay_under_a_megabyte_and_name_system_pages(built_site, catalogs):
    for language, path in (("en", "search/search_index.json"), ("zh", "zh/search/search_index.json")):
        index_file = built_site.site / path
        assert index_file.stat().st_size < MEGABYTE, (path, index_file.stat().st_size)
        docs = {doc["location"]: doc for doc in json.loads(index_file.read_text(encoding="utf-8"))["docs"]}
        for system in catalogs[language].systems:
            assert docs[f"projects/{system.slug}/"]["names"] == words_of(system)
        assert not [loc for loc, doc in docs.items() if "names" in doc and not loc.startswith("projects/")]
