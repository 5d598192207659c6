"""A MkDocs hook: the words the Markdown extensions write into pages, in the build's language.

The toc extension titles every heading's permalink (¶) "Permanent link", and the footnotes
extension every back-link of a footnote "Back to the text" (mkdocs.yml); a title is what a
screen reader says for the link, and what a pointer's tooltip shows. mkdocs-static-i18n
will not change an extension's configuration per language, so 104 Chinese pages titled
their permalinks in English, and 11 their back-links. Each build here takes both titles
from generator/locale, in the language mkdocs-static-i18n has set the theme to (by
on_config, which runs before this).

Registered as a plugin on every MkDocs configuration the build loads (generator/hooks.py).
Changes only the build's extension configuration, before any page is rendered.
"""
from __future__ import annotations


from . import ui
from .ui import N_

TITLES = {("toc", "permalink_title"): N_("Permanent link"),
          ("footnotes", "BACKLINK_TITLE"): N_("Back to the text")}


def on_pre_build(config) -> None:
    with ui.language(config.theme.get("language") or "en"):
        for (extension, option), english in TITLES.items():
            config.mdx_configs.setdefault(extension, {})[option] = ui._(english)
