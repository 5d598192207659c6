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

from markdown.extensions.toc import slugify, unique

from .. import ui
from ..catalog import Catalog
from ..translations import LANGUAGES, SOURCE_LANGUAGE
from . import ladder, reference, triangle
from .markdown import environment, escape
from .helpers import Helpers

INSERT = re.compile(r"^<!-- insert: ([a-z-]+)(?: ([a-z0-9-]+))? -->[ \t]*$", re.M)


class ContentError(Exception):
    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}:1: error [content-insert] {message}")


def systems_table(catalog: Catalog, src: str, category: str) -> str:
    h = Helpers(catalog, src)
    rows = [{"link": h.system_link(s), "status": h.term("status", s.status.value), "summary": s.summary}
            for s in catalog.systems if s.category == category]
    return environment("markdown").get_template("systems-table.md.j2").render(rows=rows)


def template_entry() -> str:
    text = environment("markdown").get_template("new-entry.yaml.j2").render(
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
    if name == "ladder-rules" and not argument:
        return ladder.rules_section()
    if name == "template-entry" and not argument:
        return template_entry()
    if name == "systems":
        raise ContentError(src, line, f"'systems' needs a category id, one of: {', '.join(categories)}")
    raise ContentError(src, line, f"unknown insert '{name}'; use triangle, systems <category>, "
                                  "trilemma-criteria, risk-scale, vocabularies or template-entry")


def render_content(content_dir: Path, catalog: Catalog, translated: dict | None = None) -> dict[str, bytes]:
    """The hand-written pages in the catalogue's language, by their English path. A page with
    a current translation (translated: {English path: Page}) is that translation, its headings
    given the English page's anchors so links into it work in both languages; any other page
    is the English one, marked as not yet translated."""
    out = {}
    languages = tuple(f".{code}.md" for code in LANGUAGES)
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(content_dir).as_posix()
        if rel.endswith(languages):
            continue
        if path.suffix != ".md":
            out[rel] = path.read_bytes()
            continue
        text = path.read_text(encoding="utf-8")
        if catalog.language != SOURCE_LANGUAGE:
            page = (translated or {}).get(path)
            text = with_english_anchors(page.body, text) if page else untranslated_page(text)
        out[rel] = INSERT.sub(lambda m: _expand(m, catalog, rel, text), text).encode()
    return out


_HEADING = re.compile(r"^(#{1,6}) (.*?)(\s*\{[^}]*\})?\s*$")


def _anchor_of(title: str, attributes: str | None, used: set) -> str:
    """The id Python-Markdown's toc gives a heading: its own { #id }, or a unique slug."""
    explicit = re.search(r"#([\w-]+)", attributes or "")
    if explicit:
        anchor = explicit.group(1)
    else:
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title)
        anchor = slugify(re.sub(r"[*_`]", "", plain), "-")
        anchor = unique(anchor, used)
    used.add(anchor)
    return anchor


def headings(text: str) -> list[tuple[int, str, str | None]]:
    out, fence = [], False
    for number, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else _HEADING.match(line)
        if match:
            out.append((number, match.group(2), match.group(3)))
    return out


def with_english_anchors(translation: str, english: str) -> str:
    """The translation with each heading given the id of the English heading in its place."""
    used: set = set()
    anchors = [_anchor_of(title, attributes, used) for _, title, attributes in headings(english)]
    lines = translation.split("\n")
    for (number, title, attributes), anchor in zip(headings(translation), anchors):
        if not attributes:
            lines[number] = f"{lines[number].rstrip()} {{ #{anchor} }}"
    return "\n".join(lines)


def untranslated_page(english: str) -> str:
    """The English page, inside an element marked as English, after a note in the page's language."""
    note = escape(ui._("This page is not yet translated; it is shown in English."))
    return (f'<p class="untranslated-note">{note}</p>\n\n<div lang="en" markdown="1">\n\n'
            f"{english.rstrip()}\n\n</div>\n")
