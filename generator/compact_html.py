"""A MkDocs hook: each built page leaves without the theme's indentation.

The theme's templates are indented for reading, and their indentation reaches every page:
6.8 of the 66.1 KB of Liquid's English page were runs of spaces and newlines between tags,
and 1.2 KB more runs inside text, around a link's or a label's words. Outside the elements
whose white space is content, a browser shows any run of white space as one space (or
nothing, at a line's start and end), so each run is cut to one newline if it holds one and
to one space if not, and the page looks the same. Inside <pre>, <code>, <kbd> (Material
shows their white space as written), <textarea>, <script> and <style>, and inside a tag
(an attribute's value is the attribute's), nothing is touched.

Registered as a plugin on every MkDocs configuration the build loads (generator/hooks.py).
Reads and changes only the page's HTML, in the process that builds the page (each language's
build runs in its own process).
"""
from __future__ import annotations

import re

VERBATIM = re.compile(r"<(?P<tag>pre|code|kbd|textarea|script|style)\b.*?</(?P=tag)\s*>", re.S | re.I)
_TAG = r"""<(?:[^>"']|"[^"]*"|'[^']*')*>"""
_KEPT_OR_RUN = re.compile(rf"(?P<kept>{VERBATIM.pattern}|{_TAG})|\s{{2,}}", VERBATIM.flags)


def _cut(match: re.Match) -> str:
    return match.group("kept") or ("\n" if "\n" in match.group() else " ")


def compact(html: str) -> str:
    """`html` with every run of two or more white-space characters cut to one newline (or
    one space, if the run holds no newline), outside tags and the elements whose white
    space is content."""
    return _KEPT_OR_RUN.sub(_cut, html)


def on_post_page(output: str, page, config) -> str:
    return compact(output)
