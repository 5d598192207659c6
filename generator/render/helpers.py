"""Small functions the templates call, bound to one page of one catalogue: links to
systems, pages and vocabulary definitions, and footnote citations.

`Helpers` writes them as Markdown; `HtmlHelpers` as the HTML that Markdown would have made
of them, for pages written as verbatim HTML (generator/verbatim.py), where MkDocs rewrites
no link and the footnotes extension numbers nothing.

Reads the clean Catalog. Writes nothing.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from .. import ui
from ..catalog import Catalog
from ..model import System
from .markdown import anchor_id, escape, html_href, link, md_link_target

METHODOLOGY = "reference/methodology.md"


def vocabulary_anchor(key: str, term_id: str) -> Markup:
    return anchor_id(f"{key}-{term_id}")


@dataclass(frozen=True)
class Helpers:
    """Small functions the templates call, bound to one page of one catalogue."""
    catalog: Catalog
    src: str

    def term(self, key: str, term_id: str) -> Markup:
        term = self.catalog.vocabularies[key.replace("_", "-")][term_id]
        target = md_link_target(self.src, METHODOLOGY, vocabulary_anchor(key.replace("_", "-"), term_id))
        return Markup(f'[{escape(term.name)}]({target} "{escape(term.definition)}")')

    @staticmethod
    def cite(source_ids) -> Markup:
        return Markup("".join(f"[^{source_id}]" for source_id in source_ids))

    def system_link(self, system: System, anchor: str = "") -> Markup:
        return link(system.name, md_link_target(self.src, f"projects/{system.slug}.md", anchor))

    def page_link(self, text: str, target: str, anchor: str = "") -> Markup:
        return link(text, md_link_target(self.src, target, anchor))


def html_link(text, href: str, title=None) -> Markup:
    """<a> in raw HTML. href is a URL the generator built; text and title pass the escaping gate."""
    hint = f' title="{escape(title)}"' if title is not None else ""
    return Markup(f'<a href="{href}"{hint}>{escape(text)}</a>')


def table_head(*headings) -> Markup:
    """A table's start as the tables extension and generator.wrapped_tables write it."""
    cells = "".join(f"<th>{h if isinstance(h, Markup) else escape(h)}</th>\n" for h in headings)
    return Markup('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">\n'
                  f"<thead>\n<tr>\n{cells}</tr>\n</thead>\n<tbody>")


TABLE_FOOT = Markup("</tbody>\n</table></div></div>")


@dataclass
class Footnotes:
    """A page's citations, in the footnotes extension's markup: each source numbered by its
    place in the entry's list (its entry at the foot of the page is fn:<source id>), each
    citation of it with an id of its own that the entry links back to: fnref:<number>-<count>,
    shorter than the extension's fnref<count>:<source id>, which repeated a source's id twice
    per citation (1.1 KB of Elements' page). A citation's link has no class="footnote-ref"
    (19 bytes a citation, 0.6 KB of the median system page): site.css gives it Material's
    style for that class, and Material's only other use of it, footnote tooltips
    (content.footnote.tooltips), is off."""
    numbers: dict[str, int]
    cited: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, source_ids) -> "Footnotes":
        return cls({anchor_id(source_id): number for number, source_id in enumerate(source_ids, 1)})

    def _ref_id(self, source_id: str, count: int) -> str:
        return f"fnref:{self.numbers[source_id]}-{count}"

    def cite(self, source_id: str) -> str:
        self.cited[source_id] += 1
        return (f'<sup id="{self._ref_id(source_id, self.cited[source_id])}"><a href="#fn:{source_id}">'
                f'{self.numbers[source_id]}</a></sup>')

    def backlinks(self, source_id: str) -> Markup:
        """The links from a source's entry back to each of its citations (none if uncited)."""
        title = escape(ui._("Back to the text"))
        links = "".join(f'<a class="footnote-backref" href="#{self._ref_id(source_id, n)}" title="{title}">↩</a>'
                        for n in range(1, self.cited[source_id] + 1))
        return Markup(f"\u00a0{links}" if links else "")


@dataclass(frozen=True)
class HtmlHelpers(Helpers):
    """The same functions, writing HTML; the citations of the page are counted in `notes`."""
    notes: Footnotes = field(default_factory=lambda: Footnotes({}))

    def term(self, key: str, term_id: str) -> Markup:
        term = self.catalog.vocabularies[key.replace("_", "-")][term_id]
        href = html_href(self.src, METHODOLOGY, vocabulary_anchor(key.replace("_", "-"), term_id))
        return html_link(term.name, href, term.definition)

    def cite(self, source_ids) -> Markup:
        """The citations with the space before them, or nothing (so no cell ends in a space)."""
        refs = "".join(self.notes.cite(source_id) for source_id in source_ids)
        return Markup(f" {refs}" if refs else "")

    def system_link(self, system: System, anchor: str = "") -> Markup:
        return html_link(system.name, html_href(self.src, f"projects/{system.slug}.md", anchor))

    def page_link(self, text: str, target: str, anchor: str = "") -> Markup:
        return html_link(text, html_href(self.src, target, anchor))
