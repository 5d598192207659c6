"""Build the site's languages side by side, one process per language.

Reads build/docs through MkDocs. Writes the site into the directory MkDocs is given.
mkdocs-static-i18n builds the default language, then, from its post-build hook, each other
language in turn, in the same process. Here each other language is built at the same time
in a forked process (into a directory of its own, then moved into place), and the plugin's
loop is handed that result instead of building the language again: on a 2-core machine the
two editions take about as long as the larger one (BENCHMARKS.md).

The site is the one the plugin builds, with one correction: the plugin's last language
also rewrote the root's 404 page, so the English site's 404 page was in Chinese; here the
root keeps the default language's 404 page. The root sitemap lists every language's pages,
as the plugin's does.
"""
from __future__ import annotations

import json
import os
import shutil
import traceback
from pathlib import Path

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

import mkdocs_static_i18n.plugin as i18n_plugin

from . import hooks
from .forks import die_with

def build(config) -> None:
    """MkDocs' build of `config`, its other languages built in parallel when fork exists."""
    plugin = config.plugins.get("i18n")
    if plugin is None or not hasattr(os, "fork"):
        mkdocs_build(config)
        return
    site = Path(config.site_dir)
    sides = {lang: site.with_name(f"{site.name}.{lang}") for lang in plugin.build_languages
             if lang != plugin.default_language}     # where each other language is built
    children = {lang: _start(config, side, lang) for lang, side in sides.items()}

    def joined(language_config, dirty=False):   # called by the plugin's loop, once per other language
        language = plugin.current_language
        plugin.search_entries.extend(_join(children.pop(language), sides[language], site, language))

    sequential, clean = i18n_plugin.build, mkdocs_utils.clean_directory   # the plugin swaps the second
    i18n_plugin.build = joined
    try:
        mkdocs_build(config)
    finally:
        i18n_plugin.build, mkdocs_utils.clean_directory = sequential, clean
        for language, pid in children.items():      # the main build failed before joining them
            os.waitpid(pid, 0)
            shutil.rmtree(sides[language], ignore_errors=True)


def _start(main, side: Path, language: str) -> int:
    """Fork a process that builds `language` alone into `side`; returns its pid."""
    parent = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        die_with(parent)
        config = hooks.register(load_config(main.config_file_path, site_dir=str(side),
                                              site_url=main.site_url))
        plugin = config.plugins["i18n"]
        plugin.current_language = language     # this build is the language's, as in the plugin's loop
        plugin.building = True                 # ... so its post-build hook builds no other language
        mkdocs_build(config)
        (side / ".search-entries.json").write_text(json.dumps(plugin.search_entries, ensure_ascii=False),
                                                    encoding="utf-8")
        code = 0
    except BaseException as exc:        # the parent reports it; a child must never return
        side.mkdir(parents=True, exist_ok=True)
        (side / ".error").write_text(str(exc) or traceback.format_exc(), encoding="utf-8")
    finally:
        os._exit(code)


def _join(pid: int, side: Path, site: Path, language: str) -> list:
    """Wait for a language's build, move its pages into the site and merge its sitemap;
    returns its search entries."""
    _, status = os.waitpid(pid, 0)
    try:
        if status != 0:
            error = side / ".error"
            raise MkDocsException(f"the '{language}' edition failed: "
                                  f"{error.read_text(encoding='utf-8') if error.exists() else status}")
        os.rename(side / language, site / language)
        _merge_sitemaps(site / "sitemap.xml", side / "sitemap.xml")
        return json.loads((side / ".search-entries.json").read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(side, ignore_errors=True)


def _merge_sitemaps(root: Path, other: Path) -> None:
    """Append the other language's <url> entries to the root sitemap, as the plugin does."""
    end = "</urlset>"
    text, extra = root.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")
    first = extra.index("<url>")
    start = extra.rfind("\n", 0, first) + 1
    cut = text.rindex(end)
    root.write_text(text[:cut] + extra[start:extra.rindex(end)] + text[cut:], encoding="utf-8")
