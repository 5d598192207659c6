"""The page hooks of every MkDocs build of the site, in one list.

Each is registered as a plugin on the loaded configuration, rather than under mkdocs.yml's
`hooks:`, whose paths would have to exist beside every copy of mkdocs.yml (the tests' and
the benchmarks' copies have no generator/ beside them).
"""
from __future__ import annotations

from . import compact_html, markdown_words, page_json, search_lean


def register(config):
    """`config` (a loaded MkDocs configuration) with the site's page hooks among its plugins."""
    return search_lean.register(compact_html.register(page_json.register(markdown_words.register(config))))
