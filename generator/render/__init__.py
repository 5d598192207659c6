"""Render the clean catalogue and the hand-written content into a docs directory.

Reads a Catalog (records that passed the check) and content/. Writes nothing itself:
`render_docs` returns every file of the docs directory as {relative path: bytes}, and
`sync_tree` writes them, touching only files whose bytes changed and removing files
that are no longer produced, so watchers and MkDocs' dirty builds see real changes only.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..catalog import Catalog
from .content import ContentError, render_content
from .downloads import render_downloads
from .matrices import render_matrices
from .pages import SiteConfig, render_pages
from .reference import render_reference
from .tooltips import Tooltips

__all__ = ["ContentError", "SiteConfig", "render_docs", "sync_tree"]


def render_docs(catalog: Catalog, site: SiteConfig, content_dir: Path, schema_path: Path) -> dict[str, bytes]:
    tooltips = Tooltips(catalog)
    pages: dict[str, str] = {}
    with tooltips.active():
        pages.update(render_pages(catalog, site))
        pages.update(render_matrices(catalog))
        pages.update(render_reference(catalog))
    files = {path: text.encode() for path, text in pages.items()}
    for path, data in render_content(content_dir, catalog).items():
        if path in files:
            raise ContentError(f"content/{path}", 1, "has the same path as a generated page; rename it")
        if path.endswith(".md"):
            data = tooltips.mark_markdown(data.decode()).encode()
        files[path] = data
    files.update(render_downloads(catalog, schema_path.read_bytes()))
    return files


def sync_tree(root: Path, files: dict[str, bytes]) -> int:
    """Make root hold exactly `files`. Returns how many files were written or removed."""
    changed = 0
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = root / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        changed += 1
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            rel = Path(dirpath, name).relative_to(root).as_posix()
            if rel not in files:
                os.remove(Path(dirpath, name))
                changed += 1
        if dirpath != str(root) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return changed
