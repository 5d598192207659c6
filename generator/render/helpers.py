"""Small functions the templates call, bound to one page of one catalogue: links to
systems, pages and vocabulary definitions, and footnote citations.

Reads the clean Catalog. Writes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..catalog import Catalog
from ..model import System
from .markdown import anchor_id, escape, link, md_link_target

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
