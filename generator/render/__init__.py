"""Render the clean catalogue and the hand-written content into a docs directory.

Reads a Catalog (records that passed the check) and content/. Writes nothing itself:
`render_docs` yields every file of the docs directory as (relative path, bytes), and
`sync_tree` writes them, touching only files whose bytes changed and removing files
that are no longer produced, so watchers and MkDocs' dirty builds see real changes only.
`write_tree` and `prune_tree` are its two halves, for renders split across processes
(generator/languages_render.py).
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import ui
from ..catalog import Catalog
from ..rasterize import Rasterizer
from ..translations import SOURCE_LANGUAGE
from .badges import render_badges
from .cards import page_words, render_cards
from .content import ContentError, render_content
from .compare import render_compare
from .downloads import render_downloads
from .history import SiteHistory, render_history
from .ladder import render_ladder
from .matrices import render_matrices
from .pages import SiteConfig, render_pages
from .reference import render_reference
from .tooltips import Tooltips

__all__ = ["ContentError", "SiteConfig", "SiteHistory", "prune_tree", "render_docs", "sync_tree", "write_tree"]


def localized_path(path: str, language: str) -> str:
    """'projects/liquid.md' -> 'projects/liquid.zh.md' (mkdocs-static-i18n's suffix convention)."""
    return path if language == SOURCE_LANGUAGE or not path.endswith(".md") else f"{path[:-3]}.{language}.md"


def render_docs(catalogs: dict[str, Catalog], site: SiteConfig, content_dir: Path,
                schema_path: Path, translated_pages: dict | None = None,
                languages=None, previous: Path | None = None) -> Iterator[tuple[str, bytes]]:
    """Every file of the docs directory as (relative path, bytes), one at a time, in every
    language: at 10,000 systems, holding every page at once would cost hundreds of MB.
    catalogs maps each language to its catalogue ('en' first); translated_pages maps each
    other language to its current translated content pages (see content_translation).
    languages, if given, narrows the files to those of these languages (the downloads and
    the content's other files are the source language's). Each page's social card, and each
    system's badge, come after the pages; previous, a docs directory rendered before, lends
    the cards whose drawing has not changed (generator/rasterize.py)."""
    english = catalogs[SOURCE_LANGUAGE]
    rasterizer = Rasterizer(previous)
    for language, catalog in catalogs.items():
        if languages is not None and language not in languages:
            continue
        with ui.language(language):
            pages = (translated_pages or {}).get(language, {})
            content = render_content(content_dir, catalog, pages)   # first, so its errors come before any output
            system_pages = {f"projects/{s.slug}.md" for s in catalog.systems}
            titled = []             # (path, title, description) of every page but the systems'
            tooltips = Tooltips(catalog)
            with tooltips.active():
                generated = itertools.chain(render_pages(catalog, site),
                                            render_matrices(catalog, site.history).items(),
                                            render_ladder(catalog).items(), render_compare(catalog).items(),
                                            render_history(catalog, site.history).items(),
                                            render_reference(catalog).items())
                for path, text in generated:
                    if path in content:
                        raise ContentError(f"content/{path}", 1, "has the same path as a generated page; rename it")
                    if path.endswith(".md") and path not in system_pages:
                        titled.append((path, *page_words(text)))
                    yield localized_path(path, language), text.encode()
            for path, data in content.items():
                if path.endswith(".md"):
                    titled.append((path, *page_words(data.decode())))
                    yield localized_path(path, language), tooltips.mark_markdown(data.decode()).encode()
                elif language == SOURCE_LANGUAGE:
                    yield path, data
            for card in render_cards(catalog, site.brands[language], language, titled):
                yield card.path, rasterizer.png(card.path, card.svg())
            for path, svg in render_badges(catalog, site.brands[language], language):
                yield path, svg.encode()
    if languages is None or SOURCE_LANGUAGE in languages:
        yield from render_downloads(english, schema_path.read_bytes(),
                                    (schema_path.parent / "export.schema.json").read_bytes()).items()


def sync_tree(root: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Make root hold exactly `files`. Returns how many files were written or removed."""
    wanted, changed = write_tree(root, files)
    return changed + prune_tree(root, wanted)


def write_tree(root: Path, files: Iterable[tuple[str, bytes]]) -> tuple[set[str], int]:
    """Write `files` under root, each only if its bytes changed. Returns (their paths, how many were written)."""
    changed = 0
    wanted = set()
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in files:
        wanted.add(rel)
        path = root / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        changed += 1
    return wanted, changed


def prune_tree(root: Path, wanted: set[str]) -> int:
    """Remove every file under root that is not `wanted`, and the directories left empty. Returns how many files."""
    changed = 0
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            rel = Path(dirpath, name).relative_to(root).as_posix()
            if rel not in wanted:
                os.remove(Path(dirpath, name))
                changed += 1
        if dirpath != str(root) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return changed
