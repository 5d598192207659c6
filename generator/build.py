"""Build the site: check -> render into build/docs -> MkDocs into a temporary directory
-> swap it into site/.

Reads catalog/, content/ and mkdocs.yml. Writes build/docs/ and, only when every step
succeeded, site/. Guarantees: a failed check, render or MkDocs build leaves the previous
site/ byte for byte as it was; a build killed at any moment leaves either the old or the
new site/ (recover() puts the old one back if the kill fell between the two renames).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import sys
import threading
import time
from pathlib import Path

from . import history, hooks
from .catalog import CatalogEnvironmentError, check_all
from .history import History
from .languages_render import RenderError, render_tree
from .load import load_file
from .render import ContentError, SiteConfig, SiteHistory, render_docs, sync_tree
from .render.cards import Brand
from .render.history import judged_on
from .reproducible import normalise_site
from .search_index import split_search_index
from .search_names import names_by_location
from .translations import SOURCE_LANGUAGE


class BuildError(Exception):
    """A step failed; the message says which and why. site/ is untouched."""


def _mkdocs_logging(stream=sys.stderr) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_catalogue", False) for h in logger.handlers):
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._catalogue = True
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def load_config(config_file: Path, **overrides):
    from mkdocs.config import load_config as mkdocs_load_config
    from mkdocs.exceptions import ConfigurationError
    doc, problems = load_file(config_file, str(config_file))
    if doc is None:
        raise BuildError("; ".join(p.format() for p in problems))
    (config_file.parent / doc.data.get("docs_dir", "docs")).mkdir(parents=True, exist_ok=True)
    try:
        return hooks.register(mkdocs_load_config(str(config_file),
                                                  **{k: v for k, v in overrides.items() if v is not None}))
    except ConfigurationError as exc:
        raise BuildError(f"{config_file}: {exc}") from exc


def site_config(config, root: Path, catalog, events: History | None) -> SiteConfig:
    """The site's settings, with the repository's history: facts are judged against the last
    commit's date (or, without history, the newest review date), never against the clock."""
    judged = judged_on(history.head_date(root) if events is not None else None, catalog)
    return SiteConfig(repository=config["extra"]["repository"], branch=config["extra"]["branch"],
                      history=SiteHistory(events, judged, config["site_url"] or ""), brands=brands(config))


def brands(config) -> dict[str, Brand]:
    """The site's name and description in each language: mkdocs.yml's, and each language's
    own in mkdocs-static-i18n's settings where it gives them."""
    default = Brand(config["site_name"], config["site_description"] or "", config["site_url"] or "")
    out = {SOURCE_LANGUAGE: default}
    plugin = config.plugins.get("i18n")
    for language in (plugin.config.languages if plugin else ()):
        out[language.locale] = Brand(language.site_name or default.name,
                                     language.site_description or default.description, default.address)
    return out


def render_step(root: Path, config, today: dt.date, events: History | None,
                parallel: bool = False) -> tuple[object, int]:
    """Check the catalogue and, if clean, render build/docs (if parallel, the entries are
    checked in two processes and each language rendered in its own). Returns (check result,
    files changed)."""
    result = check_all(root / "catalog", today, split=parallel)
    if result.errors:
        return result, 0
    site = site_config(config, root, result.catalogs[SOURCE_LANGUAGE], events)
    docs, schema = Path(config["docs_dir"]), root / "catalog" / "schema" / "project.schema.json"
    try:
        if parallel:
            return result, render_tree(docs, result.catalogs, site, root / "content", schema, result.pages)
        return result, sync_tree(docs, render_docs(result.catalogs, site, root / "content", schema, result.pages,
                                                   previous=docs))
    except (ContentError, RenderError) as exc:
        raise BuildError(str(exc)) from exc


def recover(site_dir: Path) -> None:
    """Undo the traces of an interrupted build: restore site/ if a swap was cut short,
    and remove abandoned temporary directories."""
    parent = site_dir.parent
    old = sorted(parent.glob(f".{site_dir.name}.old-*"))
    if not site_dir.exists() and old:
        os.rename(old[-1], site_dir)
        old = old[:-1]
    for leftover in old + sorted(parent.glob(f".{site_dir.name}.tmp-*")):
        shutil.rmtree(leftover, ignore_errors=True)


def swap_in(new: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        os.rename(site_dir, old)
    os.rename(new, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def build(root: Path, today: dt.date, *, site_dir: Path | None = None, site_url: str | None = None,
          report=print) -> int:
    """The whole build. Returns the exit code: 0 built, 1 the catalogue, content or site failed."""
    from mkdocs.exceptions import MkDocsException

    from .languages_build import build as mkdocs_build

    _mkdocs_logging()
    config_file = root / "mkdocs.yml"
    probe = load_config(config_file, site_url=site_url)
    site_dir = (site_dir or Path(probe["site_dir"])).resolve()
    recover(site_dir)
    try:
        result, changed = render_step(root, probe, today, history.read(root), parallel=True)
    except (BuildError, CatalogEnvironmentError) as exc:
        report(f"error: {exc}")
        return 2 if isinstance(exc, CatalogEnvironmentError) else 1
    for problem in result.problems:
        report(problem.format())
    if result.errors:
        report(f"{result.errors} error(s): the site was not built; site/ is unchanged.")
        return 1
    systems = len(result.catalog.systems)
    names = names_by_location(result.catalogs)
    del result  # the checked catalogue is no longer needed: let MkDocs reuse its memory
    tmp = site_dir.with_name(f".{site_dir.name}.tmp-{os.getpid()}")
    config = load_config(config_file, site_dir=str(tmp), site_url=site_url)
    started = time.perf_counter()
    try:
        mkdocs_build(config)
        split_search_index(tmp, names)
        normalise_site(tmp)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        report(f"error: the MkDocs build failed ({exc}); site/ is unchanged.")
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap_in(tmp, site_dir)
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    report(f"Built {pages} pages into {site_dir} in {time.perf_counter() - started:.1f} s "
           f"({systems} systems, {changed} generated file(s) changed).")
    return 0


# ---------------------------------------------------------------- preview

def _snapshot(paths) -> dict:
    state = {}
    for base in paths:
        for path in Path(base).rglob("*"):
            with contextlib.suppress(OSError):
                info = path.stat()
                state[str(path)] = (info.st_mtime_ns, info.st_size)
    return state


def serve(root: Path, today: dt.date, dev_addr: str = "127.0.0.1:8000") -> int:
    """MkDocs' live preview of build/docs, re-rendered whenever catalog/ or content/ change."""
    from mkdocs.commands import serve as mkdocs_serve_module
    from mkdocs.livereload import LiveReloadServer

    class QuickReloadServer(LiveReloadServer):
        """MkDocs' server, polling build/docs every 0.1 s instead of 0.5 s: the preview
        then shows an edit in about half a second less (benchmarked in BENCHMARKS.md)."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, polling_interval=0.1, **kwargs)

    mkdocs_serve_module.LiveReloadServer = QuickReloadServer
    mkdocs_serve = mkdocs_serve_module.serve

    _mkdocs_logging()
    config_file = root / "mkdocs.yml"
    config = load_config(config_file)
    watched = [root / "catalog", root / "content"]
    events = history.read(root)       # history changes with commits, not with edits: read it once

    def rerender(first: bool = False) -> bool:
        started = time.perf_counter()
        try:
            result, changed = render_step(root, config, today, events)
        except (BuildError, CatalogEnvironmentError) as exc:
            print(f"error: {exc}", flush=True)
            return False
        for problem in result.problems:
            print(problem.format(), flush=True)
        if result.errors:
            print(f"{result.errors} error(s): the preview keeps the last good version.", flush=True)
            return False
        if not first:
            print(f"Re-rendered {changed} file(s) in {time.perf_counter() - started:.2f} s.", flush=True)
        return True

    if not rerender(first=True):
        return 1

    def watch():
        state = _snapshot(watched)
        while True:
            time.sleep(0.1)
            now = _snapshot(watched)
            if now != state:
                state = now
                rerender()

    threading.Thread(target=watch, daemon=True).start()
    # Dirty builds re-render only the pages whose Markdown changed; MkDocs warns that such
    # builds may show stale navigation, so the preview is not strict (make site is).
    # mkdocs-static-i18n builds the other languages dirty only when it finds --dirty among
    # the command's arguments, so say it there too.
    if "--dirty" not in sys.argv:
        sys.argv.append("--dirty")
    mkdocs_serve(str(config_file), livereload=True, build_type="dirty", dev_addr=dev_addr, strict=False)
    return 0
