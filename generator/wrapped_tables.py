"""A Python-Markdown extension: every table leaves the build already wrapped for scrolling.

Material's JavaScript moves each `table:not([class])` into
`div.md-typeset__scrollwrap > div.md-typeset__table` after the page has loaded, so the
browser lays the table out twice, and a long table (the comparison matrix: 70 rows, 16
columns) makes that the page's longest task. Here the build writes that wrapper, and the
table gets the class `data-table`, which Material's script leaves alone;
site_overrides/assets/stylesheets/site.css gives it Material's table styles.

Used from mkdocs.yml (`generator.wrapped_tables`). Reads and changes only the page's
element tree.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

CLASS = "data-table"


class _WrapTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for position, child in enumerate(list(parent)):
                if child.tag == "table" and not child.get("class"):
                    child.set("class", CLASS)
                    outer = etree.Element("div", {"class": "md-typeset__scrollwrap"})
                    inner = etree.SubElement(outer, "div", {"class": "md-typeset__table"})
                    outer.tail, child.tail = child.tail, None
                    parent.remove(child)
                    inner.append(child)
                    parent.insert(position, outer)


class WrappedTablesExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_WrapTables(md), "wrapped_tables", 0)


def makeExtension(**kwargs) -> WrappedTablesExtension:
    return WrappedTablesExtension(**kwargs)
