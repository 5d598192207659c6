"""One search index per language, so each edition finds its own pages.

Reads site/search/search_index.json, which MkDocs' search plugin (with mkdocs-static-i18n)
writes with every language's pages in it. Rewrites it with the source language's pages
only, and writes site/<language>/search/search_index.json with that language's pages, their
locations relative to the language's root: the translated pages' search is configured to
read it there (site_overrides/main.html). Output is deterministic (same order, no dates).

Zero-width spaces that jieba leaves beside a space are dropped: the space already separates
the words, so search is unchanged and the Chinese index is about 73 KB smaller.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .translations import LANGUAGES, SOURCE_LANGUAGE


def split_search_index(site: Path) -> None:
    """Split the index, and give each language root a sitemap of its own pages (Material
    reads <base>/sitemap.xml; a sitemap may only list pages under its own directory)."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = [_without_redundant_breaks(doc) for doc in index["docs"]]
    for language in LANGUAGES:
        prefix = f"{language}/"
        own = [{**doc, "location": doc["location"][len(prefix):]} for doc in docs
               if doc["location"].startswith(prefix)]
        target = site / language / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**index["config"], "lang": [SOURCE_LANGUAGE, language]}
        target.write_text(json.dumps({**index, "config": config, "docs": own}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")
        _language_sitemap(site, language)
    rest = [doc for doc in docs if not doc["location"].startswith(tuple(f"{lang}/" for lang in LANGUAGES))]
    config = {**index["config"], "lang": [SOURCE_LANGUAGE]}
    path.write_text(json.dumps({**index, "config": config, "docs": rest}, ensure_ascii=False,
                               separators=(",", ":")), encoding="utf-8")


_BREAK_BESIDE_SPACE = re.compile(r"\u200b+(?=\s)|(?<=\s)\u200b+")


def _without_redundant_breaks(doc: dict) -> dict:
    return {**doc, **{key: _BREAK_BESIDE_SPACE.sub("", doc[key]) for key in ("title", "text") if key in doc}}


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
