"""Links and anchors of the built site, served on 127.0.0.1: none is broken.

LinkChecker follows every internal link and checks every anchor on another page. Links
to an anchor on the same page (the footnotes: #fn:..., #fnref:...) are checked here in
Python instead: LinkChecker would download the page once per footnote (about 1,900
requests, four minutes), while reading each page once checks them exactly.
"""
from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import require_tool

pytestmark = pytest.mark.site
LINKCHECKER = str(Path(sys.executable).parent / "linkchecker")
CONFIG = Path(__file__).parent / "tools" / "linkcheckerrc"


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.local = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and (attrs.get("href") or "").startswith("#") and len(attrs["href"]) > 1:
            self.local.append(attrs["href"][1:])


def test_links_and_anchors_to_other_pages(built_site):
    require_tool(LINKCHECKER, "linkchecker")
    done = subprocess.run([LINKCHECKER, "--no-status", "-f", str(CONFIG), "--ignore-url", "#fn",
                           built_site.base_url], capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "LC_ALL": "C.UTF-8"})
    report = done.stdout + done.stderr
    assert done.returncode == 0 and " 0 errors found" in report and " 0 warnings found" in report, report[-4000:]


def test_same_page_anchors(built_site):
    broken = []
    pages = list(built_site.site.rglob("*.html"))
    for page in pages:
        parser = Anchors()
        parser.feed(page.read_text(encoding="utf-8"))
        broken += [(str(page.relative_to(built_site.site)), a) for a in parser.local if a not in parser.ids]
    assert len(pages) > 50 and broken == []
