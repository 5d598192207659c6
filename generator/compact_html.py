"""A MkDocs hook: each built page leaves without the theme's indentation.

The theme's templates are indented for reading, and their indentation reaches every page:
6.8 of the 66.1 KB of Liquid's English page were runs of spaces and newlines between tags.
Between tags, a browser treats any run of white space as one space, so the run is cut to
one newline and the page looks the same; inside <pre>, <textarea>, <script> and <style>
white space is content, and nothing there is touched.

Registered as a plugin on every MkDocs configuration the build loads (generator/hooks.py).
Reads and changes only the page's HTML, in the process that builds the page (each language's
build runs in its own process).
"""
from __future__ import annotations

import re
import sys

VERBATIM = re.compile(r"<(?P<tag>pre|textarea|script|style)\b.*?</(?P=tag)\s*>", re.S | re.I)
_VERBATIM_OR_RUN = re.compile(rf"(?P<verbatim>{VERBATIM.pattern})|(?<=>)\s{{2,}}(?=<)", VERBATIM.flags)


def compact(html: str) -> str:
    """`html` with every run of two or more white-space characters between two tags cut
    to one newline, outside the elements whose white space is content."""
    return _VERBATIM_OR_RUN.sub(lambda match: match.group("verbatim") or "\n", html)


def on_post_page(output: str, page, config) -> str:
    return compact(output)


def register(config):
    """`config` (a loaded MkDocs configuration) with this module among its plugins."""
    config.plugins[__name__] = sys.modules[__name__]
    return config
