"""A MkDocs hook: Material's search plugin reads each page without the tags it ignores.

The search plugin feeds every page's HTML to a Python html.parser subclass, tag by tag; at
1,000 systems that was 46% of a language's build under the profiler (BENCHMARKS.md). Of
the tags, the index keeps only the headings (its sections), the markup of p, code, pre,
li, ol, ul, sub and sup, and what script, style, object and excluded elements tell it to
skip. Inline and table tags, and the drawing tags of the SVG figures, only cost it time: so,
just before the plugin reads a page, this hook hands it the page with those tags removed
and their text kept; just after, it gives the page its full HTML back. The sections and
their text are the same, but for runs of white space (tests/test_site.py compares them on
every page, in both languages).

Tags that could hold a heading (div, details, blockquote, ...) stay, since the plugin ends
a section when the element around its heading closes; so do the tags of elements excluded
from search, since it matches them by tag name; and a heading's permalink goes with its
text, which the plugin ignores.

Registered on every MkDocs configuration the build loads (generator/hooks.py). Reads and changes only the page's content.
"""
from __future__ import annotations

import re

from mkdocs.plugins import event_priority

IGNORED = frozenset("a abbr b bdi cite del dd dfn dl dt em i ins kbd label mark q s samp small span strong "
                    "table tbody td tfoot th thead time tr u var "
                    "circle ellipse foreignobject g line path polygon polyline rect svg text title tspan".split())
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')
_EXCLUDED = re.compile(r'<([a-zA-Z][\w-]*)\b[^>]*\s(?:data-search-exclude\b|class="linenodiv")')
# Material's own clean-up after indexing (material/plugins/search/plugin.py, on_page_context)
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def _tags(names) -> re.Pattern:
    return re.compile(rf"</?(?:{'|'.join(sorted(names, key=len, reverse=True))})\b[^>]*>", re.I)


_IGNORED = _tags(IGNORED)


def lean(html: str) -> str:
    """`html` as the search plugin needs it: the same sections and text, fewer tags."""
    html = _PERMALINK.sub("", html)
    excluded = {name.lower() for name in _EXCLUDED.findall(html)}
    tags = _tags(IGNORED - excluded) if excluded & IGNORED else _IGNORED
    return tags.sub("", html)


class _Before:
    @event_priority(1)            # just before the search plugin (0)
    def on_page_context(self, context, page, config, nav):
        page.full_content = page.content
        page.content = lean(page.content)
        return context


class _After:
    @event_priority(-1)           # just after it
    def on_page_context(self, context, page, config, nav):
        page.content = _SEARCH_ATTRIBUTES.sub("", page.full_content)
        del page.full_content
        return context


def register(config):
    """`config` (a loaded MkDocs configuration) with the two halves of this hook among its plugins."""
    config.plugins[f"{__name__}.before"] = _Before()
    config.plugins[f"{__name__}.after"] = _After()
    return config
