"""Scaffold a new entry: `python -m generator new <slug> --category <id>`.

Reads the entry template. Writes catalog/projects/<slug>.yaml, never over an existing
file. The template has every field, a comment on each, and TODO placeholders that
`check` reports (rule todo-placeholder) until they are filled in.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .render.markdown import environment
from .rules import MAX_SLUG, RESERVED_SLUGS, SLUG


class ScaffoldError(Exception):
    pass


def new_entry(catalog_dir: Path, slug: str, category: str, categories: tuple[str, ...], today: dt.date) -> Path:
    if not SLUG.match(slug) or len(slug) > MAX_SLUG:
        raise ScaffoldError(f"'{slug}' is not a slug: use lower-case ASCII words joined by single hyphens")
    if slug in RESERVED_SLUGS:
        raise ScaffoldError(f"'{slug}' is reserved; choose another slug")
    if category not in categories:
        raise ScaffoldError(f"'{category}' is not a category; use one of: {', '.join(categories)}")
    path = catalog_dir / "projects" / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    text = environment("text").get_template("new-entry.yaml.j2").render(category=category, today=today.isoformat())
    path.write_text(text, encoding="utf-8")
    return path
