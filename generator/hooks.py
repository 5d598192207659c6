"""The page hooks of every MkDocs build of the site, in one list.

Each is registered as a plugin on the loaded configuration, rather than under mkdocs.yml's
`hooks:`, whose paths would have to exist beside every copy of mkdocs.yml (the tests' and
the benchmarks' copies have no generator/ beside them). A module whose on_* functions are
its hook is registered as it is; search_lean registers its own two halves.
"""
from __future__ import annotations

from . import compact_html, markdown_words, page_json, search_lean

MODULES = (markdown_words, page_json, compact_html)


def register(config):
    """`config` (a loaded MkDocs configuration) with the site's page hooks among its plugins."""
    for module in MODULES:
        config.plugins[module.__name__] = module
    return search_lean.register(config)
