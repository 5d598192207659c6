"""Make a built site depend only on its inputs, so two builds of a commit are identical.

Reads and rewrites files of a freshly built site directory. MkDocs writes the sitemap's
lastmod from the clock (our sitemap template uses each entry's reviewed date instead)
and gzips the sitemap with the current time in its header; this rewrites the .gz with
a zero timestamp and no file name.
"""
from __future__ import annotations

import gzip
from pathlib import Path


def normalise_site(site: Path) -> None:
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        with open(site / "sitemap.xml.gz", "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
                gz.write(sitemap.read_bytes())
