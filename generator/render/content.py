"""Hand-written pages: content/ copied into the docs, with generated blocks inserted.

Reads content/. Writes nothing; returns {path: bytes}. A line that reads exactly
`<!-- insert: NAME [ARGUMENT] -->` is replaced by a block the generator renders for that
page (links are made relative to it). Anything else is copied byte for byte. An unknown
insert is an error located at its line, so a typo cannot silently drop a diagram.
"""
from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from ..catalog import Catalog
from . import reference, triangle
from .markdown import markdown_environment
from .pages import Helpers

INSERT = re.compile(r"^<!-- insert: ([a-z-]+)(?: ([a-z0-9-]+))? -->[ \t]*$", re.M)


class ContentError(Exception):
    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}:1: error [content-insert] {message}")


def systems_table(catalog: Catalog, src: str, category: str) -> str:
    h = Helpers(catalog, src)
    rows = [{"link": h.system_link(s), "status": h.term("status", s.status.value), "summary": s.summary}
            for s in catalog.systems if s.category == category]
    return markdown_environment().get_template("systems-table.md.j2").render(rows=rows)


def template_entry() -> str:
    text = markdown_environment().get_template("new-entry.yaml.j2").render(
        category=Markup("off-chain-network"), today=Markup("YYYY-MM-DD"))
    return "```yaml\n" + text + "```\n"


def _expand(match: re.Match, catalog: Catalog, src: str, text: str) -> str:
    name, argument = match.group(1), match.group(2)
    line = text.count("\n", 0, match.start()) + 1
    categories = catalog.vocabularies["categories"].ids
    if name == "triangle" and not argument:
        return triangle.render(triangle.Placement.of(catalog.systems), src)
    if name == "systems" and argument in categories:
        return systems_table(catalog, src, argument)
    if name == "risk-scale" and not argument:
        return reference.risk_scale_section(catalog)
    if name == "trilemma-criteria" and not argument:
        return reference.trilemma_criteria_section(catalog)
    if name == "vocabularies" and not argument:
        return reference.vocabularies_section(catalog, src)
    if name == "template-entry" and not argument:
        return template_entry()
    if name == "systems":
        raise ContentError(src, line, f"'systems' needs a category id, one of: {', '.join(categories)}")
    raise ContentError(src, line, f"unknown insert '{name}'; use triangle, systems <category>, "
                                  "trilemma-criteria, risk-scale, vocabularies or template-entry")


def render_content(content_dir: Path, catalog: Catalog) -> dict[str, bytes]:
    out = {}
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(content_dir).as_posix()
        if path.suffix != ".md":
            out[rel] = path.read_bytes()
            continue
        text = path.read_text(encoding="utf-8")
        out[rel] = INSERT.sub(lambda m: _expand(m, catalog, rel, text), text).encode()
    return out
