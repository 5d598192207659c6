"""The Chinese edition of the built site: every page under /zh/ in Chinese, alternates and
the sitemap in both directions, Material's Chinese interface, a search index of its own,
and Chinese typography in what the templates write."""
from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.catalog import check_all

from .conftest import CATALOG, TODAY

pytestmark = pytest.mark.site
CJK = "\u3400-\u9fff\uf900-\ufaff"


@functools.cache
def catalogue():
    return check_all(CATALOG, TODAY).catalog


def english_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith(("zh/", "404")))


def test_every_page_has_its_chinese_twin(built_site):
    pages = english_pages(built_site.site)
    assert len(pages) >= 80
    for page in pages:
        twin = built_site.site / "zh" / page.relative_to(built_site.site)
        assert twin.is_file(), twin
        assert '<html lang="zh"' in twin.read_text(encoding="utf-8"), twin
    for system in catalogue().systems:
        assert (built_site.site / "zh/projects" / system.slug / "index.html").is_file(), system.slug


def _sitemap_alternates(site: Path) -> dict:
    """Each page's language alternates, as sitemap.xml declares them: {loc: {lang: href}}."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    return {loc: dict((lang, href) for lang, href in re.findall(r'hreflang="([^"]*)" href="([^"]*)"', entry))
            for loc, entry in re.findall(r"<url>\s*<loc>([^<]*)</loc>(.*?)</url>", sitemap, re.S)}


def test_pages_leave_their_alternates_to_the_sitemap(built_site):
    """Material fetches "sitemap.xml" under every <link rel="alternate"> of a page; the
    alternates are in the sitemap, so a page's head has none but its feed."""
    for page in english_pages(built_site.site)[:5] + [built_site.site / "zh/projects/liquid/index.html"]:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert re.findall(r'<link rel="alternate"(?! type="application/atom\+xml")[^>]*>', head) == [], page


def test_alternates_are_absolute_and_point_both_ways(built_site):
    """Search engines ignore an hreflang alternate that is not an absolute address."""
    site, base = built_site.site, built_site.base_url
    alternates = _sitemap_alternates(site)
    for page in english_pages(site):
        relative = page.relative_to(site).parent.as_posix()
        english = base + ("" if relative == "." else relative + "/")
        chinese = base + "zh/" + ("" if relative == "." else relative + "/")
        assert alternates[english] == alternates[chinese] == {"en": english, "zh": chinese}, relative
        assert (site / "zh" / relative / "index.html").is_file(), relative


def test_sitemap_lists_both_languages(built_site):
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    base = built_site.base_url
    for slug in ("liquid", "lightning"):
        entry = re.search(rf"<url>\s*<loc>{re.escape(base)}projects/{slug}/</loc>.*?</url>", sitemap, re.S).group()
        assert f'hreflang="zh" href="{base}zh/projects/{slug}/"' in entry
        assert f"<loc>{base}zh/projects/{slug}/</loc>" in sitemap
    assert sitemap.count("<url>") == 2 * len(english_pages(built_site.site))


def test_chinese_pages_use_materials_chinese_interface(built_site):
    page = (built_site.site / "zh/projects/liquid/index.html").read_text(encoding="utf-8")
    assert "跳转至" in page and 'placeholder="搜索"' in page
    assert "<title>Liquid Network - 比特币 L2 不可能三角</title>" in page
    assert '"base": "../../../zh/"' in page       # searches the Chinese index


def test_permalinks_and_back_links_are_titled_in_the_pages_language(built_site):
    """generator/markdown_words.py: the toc and footnotes extensions' titles (what a screen
    reader says for the ¶ and ↩ links) are Chinese on every Chinese page, English on every
    English one; the explainers' Markdown footnotes and the system pages' alike."""
    wrong, counts = [], {"永久链接": 0, "返回正文": 0, "Permanent link": 0, "Back to the text": 0}
    for path in built_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        chinese = path.relative_to(built_site.site).parts[0] == "zh"
        for title in counts:
            found = text.count(f'title="{title}"')
            counts[title] += found
            if found and chinese != (title in ("永久链接", "返回正文")):
                wrong.append((path.relative_to(built_site.site).as_posix(), title))
    assert wrong == []
    assert all(count > 100 for count in counts.values()), counts
    trilemma = (built_site.site / "zh/trilemma/index.html").read_text(encoding="utf-8")
    assert 'class="footnote-backref" href="#fnref:' in trilemma and 'title="返回正文"' in trilemma


def test_each_language_searches_its_own_pages(built_site):
    english = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    chinese = json.loads((built_site.site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in english["docs"] if d["location"].startswith("zh/")]
    assert {d["location"] for d in chinese["docs"]} >= {"projects/liquid/", "trilemma/"}
    assert chinese["config"]["lang"] == ["en", "zh"] and english["config"]["lang"] == ["en"]
    lightning = next(d for d in chinese["docs"] if d["location"] == "projects/lightning/")
    assert lightning["title"].replace("\u200b", "") == "Lightning Network（闪电网络）"
    assert "\u200b" in lightning["text"]          # jieba segmented the Chinese


class ProseParser(HTMLParser):
    """The text of an article, outside code, scripts and styles. Element boundaries are kept
    as a marker: a space beside an element (before a <small> date, around <code>) is layout,
    a space between two words of one text is what a template must not put in Chinese."""
    SKIP = {"code", "pre", "script", "style", "svg"}

    def __init__(self):
        super().__init__()
        self.depth, self.inside, self.text = 0, False, []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.inside = True
        if tag in self.SKIP:
            self.depth += 1
        self.text.append("\x00")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth -= 1
        if tag == "article":
            self.inside = False
        self.text.append("\x00")

    def handle_data(self, data):
        if self.inside and not self.depth:
            self.text.append(data)


def test_no_spaces_between_chinese_characters_on_any_page(built_site):
    offenders = []
    for page in sorted((built_site.site / "zh").rglob("*.html")):
        parser = ProseParser()
        parser.feed(page.read_text(encoding="utf-8"))
        text = "".join(parser.text)
        offenders += [(page.relative_to(built_site.site).as_posix(), m.group())
                      for m in re.finditer(f"[{CJK}][ \t]+[{CJK}]", text)]
    assert offenders == []


def test_names_numbers_and_dates_are_the_same_on_both_sides(built_site):
    english = (built_site.site / "projects/liquid/index.html").read_text(encoding="utf-8")
    chinese = (built_site.site / "zh/projects/liquid/index.html").read_text(encoding="utf-8")
    for kept in ("Liquid Network", "L-BTC", "11-of-15", "2026-04-09", "2018-09", "https://liquid.net/"):
        assert kept in english and kept in chinese, kept
    assert '<span lang="en">Understanding the' in chinese    # source titles stay as published, marked


def test_untranslated_marker_is_absent_from_a_fully_translated_site(built_site):
    for page in (built_site.site / "zh").rglob("*.html"):
        assert 'class="untranslated"' not in page.read_text(encoding="utf-8"), page
