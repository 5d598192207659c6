"""A Python-Markdown extension: HTML that the generator wrote passes through untouched.

A region from a line `<!-- verbatim -->` to a line `<!-- /verbatim -->` is stored as it
is, before any other block or inline processing, and comes out of the conversion
unchanged. The generator's system pages are written this way between their headings
(which stay Markdown, for the table of contents and the permalinks): a conversion of
Liquid's page took 31 ms as Markdown and takes under 1 ms so (BENCHMARKS.md). Text from
the catalogue inside such a region went through the one escaping gate
(generator/render/markdown.py), whose numeric character references are HTML too.

Python-Markdown's own raw-HTML handling would parse the same HTML again, tag by tag, to
find where it ends; here the markers say where, so nothing is parsed. MkDocs rewrites no
link inside: the generator writes each href as the built site's relative URL.

Used from mkdocs.yml (`generator.verbatim`). Reads and changes only the page's lines.
"""
from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

START, END = "<!-- verbatim -->", "<!-- /verbatim -->"


class _Verbatim(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out, held = [], None
        for line in lines:
            if held is None:
                if line == START:
                    held = []
                else:
                    out.append(line)
            elif line == END:
                out.extend(["", self.md.htmlStash.store("\n".join(held)), ""])
                held = None
            else:
                held.append(line)
        if held is not None:
            raise ValueError(f"a '{START}' region has no '{END}' line")
        return out


class VerbatimExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # after whitespace normalisation (30), before fenced code (superfences, 28) and the
        # raw-HTML block parser (20), so neither scans the region's lines
        md.preprocessors.register(_Verbatim(md), "verbatim", 29)


def makeExtension(**kwargs) -> VerbatimExtension:
    return VerbatimExtension(**kwargs)
