"""One search index per language, so each edition finds its own pages.

Reads site/search/search_index.json, which MkDocs' search plugin (with mkdocs-static-i18n)
writes with every language's pages in it. Rewrites it with the source language's pages
only, and writes site/<language>/search/search_index.json with that language's pages, their
locations relative to the language's root: the translated pages' search is configured to
read it there (site_overrides/main.html). Output is deterministic (same order, no dates).

Given each language's system words (search_names.py), a system page's entry gets a `names`
field holding them, which the index configuration declares with NAMES_BOOST: a query for a
name, alias, ticker or local name then scores the system's own page above every page that
only mentions it (measured 2026-12 on 65 systems: with this field alone, 218 of 224 English
words and 221 of 227 Chinese ones put the page first, against 183 and 171 without it; the
worker names-first.js settles the rest, where one system's word begins another's: Ark and
Arkade).
Zero-width spaces that jieba leaves beside another separator (a space, a hyphen, Chinese
punctuation: the index's own separator) are dropped: that character already separates the
words, so the tokens are the same, and the Chinese index is about 120 KB smaller.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .translations import LANGUAGES, SOURCE_LANGUAGE

NAMES_FIELD = "names"
NAMES_BOOST = 1e6     # Material's own tags field has 1e6; titles 1e3, text 1


def split_search_index(site: Path, names: dict[str, dict[str, list[str]]] | None = None) -> None:
    """Split the index, give system pages their names (language -> location -> words), and
    give each language root a sitemap of its own pages (Material reads <base>/sitemap.xml;
    a sitemap may only list pages under its own directory)."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    names = names or {}
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    docs = [_without_redundant_breaks(doc, separator) for doc in index["docs"]]
    for language in LANGUAGES:
        prefix = f"{language}/"
        own = [{**doc, "location": doc["location"][len(prefix):]} for doc in docs
               if doc["location"].startswith(prefix)]
        target = site / language / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(target, index, [SOURCE_LANGUAGE, language], own, names.get(language, {}))
        _language_sitemap(site, language)
    rest = [doc for doc in docs if not doc["location"].startswith(tuple(f"{lang}/" for lang in LANGUAGES))]
    _write(path, index, [SOURCE_LANGUAGE], rest, names.get(SOURCE_LANGUAGE, {}))


def _write(target: Path, index: dict, languages: list[str], docs: list[dict], names: dict) -> None:
    config = {**index["config"], "lang": languages}
    if names:
        config["fields"] = {**config["fields"], NAMES_FIELD: {"boost": NAMES_BOOST}}
        docs = [{**doc, NAMES_FIELD: names[doc["location"]]} if doc["location"] in names else doc
                for doc in docs]
    target.write_text(json.dumps({**index, "config": config, "docs": docs}, ensure_ascii=False,
                                 separators=(",", ":")), encoding="utf-8")


_BREAKS = re.compile("\u200b+")


def _without_redundant_breaks(doc: dict, separator: re.Pattern) -> dict:
    def keep(text: str, match: re.Match) -> str:
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        redundant = not before or not after or separator.fullmatch(before) or separator.fullmatch(after)
        return "" if redundant else match.group()
    return {**doc, **{key: _BREAKS.sub(lambda m, text=doc[key]: keep(text, m), doc[key])
                      for key in ("title", "text") if key in doc}}


_URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.S)


def _language_sitemap(site: Path, language: str) -> None:
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    entries = [m.group() for m in _URL_ENTRY.finditer(text)
               if re.search(rf"<loc>[^<]*/{language}/[^<]*</loc>", m.group())]
    head = text[:text.index("<url>")].rstrip() if "<url>" in text else text.rsplit("</urlset>", 1)[0].rstrip()
    (site / language / "sitemap.xml").write_text(head + "".join(entries) + "\n</urlset>\n", encoding="utf-8")
