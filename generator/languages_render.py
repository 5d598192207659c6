"""Render the docs directory's languages side by side, one process per language.

Reads the checked catalogues and content/ (through generator.render). Writes build/docs.
The source language is rendered here and the other languages in a forked process, at the
same time, into the same directory (their files are their own: `.zh.md`); the files no
language produced are removed once both are done. On a 2-core machine the render takes
about as long as the larger language (BENCHMARKS.md). The files are those of one
sequential render, byte for byte; a failure in either language fails the render, the
source language's first, as in a sequential render.
"""
from __future__ import annotations

import os
from pathlib import Path

from .forks import Child, ChildFailed
from .render import ContentError, SiteConfig, prune_tree, render_docs, sync_tree, write_tree
from .translations import SOURCE_LANGUAGE


class RenderError(Exception):
    """Another language's render failed; the message is its error."""


def render_tree(root: Path, catalogs: dict, site: SiteConfig, content_dir: Path, schema_path: Path,
                pages: dict | None = None) -> int:
    """Make root hold exactly the docs of every language. Returns how many files changed.
    Raises ContentError (this process's language) or RenderError (another's)."""
    others = [language for language in catalogs if language != SOURCE_LANGUAGE]
    if not others or not hasattr(os, "fork"):
        return sync_tree(root, render_docs(catalogs, site, content_dir, schema_path, pages, previous=root))
    root.mkdir(parents=True, exist_ok=True)
    child = Child(lambda: write_tree(root, render_docs(catalogs, site, content_dir, schema_path, pages, others,
                                                       previous=root)), expected=(ContentError,))
    try:
        wanted, changed = write_tree(root, render_docs(catalogs, site, content_dir, schema_path, pages,
                                                       [SOURCE_LANGUAGE], previous=root))
    except BaseException:
        child.kill()
        raise
    try:
        their_wanted, their_changed = child.result()
    except ChildFailed as exc:
        raise RenderError(str(exc)) from exc
    return changed + their_changed + prune_tree(root, wanted | their_wanted)
